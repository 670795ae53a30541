//! `port-security-mismatch`: a port and a security setting that do not go together.
//!
//! Why: 993, 995 and 465 expect TLS from the first byte; 143, 110, 587 and 25 start in plain
//! text and are upgraded with STARTTLS (RFC 8314, RFC 3207, RFC 2595). Port 993 with STARTTLS
//! waits for a greeting that never comes; 587 with SSL/TLS fails the handshake. The fix
//! changes the security, since the port is usually what the help page gave.
//!
//! Bad: port `993` with `starttls`; port `587` with `tls`.
//! Good: port `993` with `tls`; port `587` with `starttls`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::settings::{FieldValue, Security};

pub const RULE: Rule = Rule {
    code: Code::PortSecurityMismatch,
    severity: Severity::Error,
    fixable: true,
    summary: "A port and security that do not go together (993 with STARTTLS, 587 with SSL/TLS)",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        let (Some(port), Some(security)) = (side.port, side.security) else {
            continue;
        };
        // A port of another protocol is port-wrong-protocol's to report.
        if !side.protocol.standard_ports().contains(&port) {
            continue;
        }
        let Some(expected) = Security::of_standard_port(port) else {
            continue;
        };
        // What the provider documents for this protocol is right, however unusual
        // (Spectrum publishes implicit TLS on 587).
        let documented = ctx.provider.as_deref().is_some_and(|p| {
            p.endpoints(side.protocol)
                .iter()
                .any(|e| e.port == Some(port) && e.security == Some(security))
        });
        if documented {
            continue;
        }
        let mismatch = match expected {
            Security::Tls => security != Security::Tls,
            // Plain text on these ports is no-encryption's to report.
            _ => security == Security::Tls,
        };
        if mismatch {
            let field = side.side.security_field();
            out.push(
                Draft::new(Code::PortSecurityMismatch, field)
                    .arg("port", port)
                    .arg("found", security)
                    .arg("expected", expected)
                    .edit(field, FieldValue::Text(expected.as_str().to_string())),
            );
        }
    }
}
