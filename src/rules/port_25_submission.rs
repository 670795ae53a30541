//! `port-25-submission`: sending on port 25.
//!
//! Why: port 25 is for servers passing mail to each other. Most home, mobile and hotel
//! networks block it to stop spam, so a mail program set to 25 sends at the office and
//! fails everywhere else. Mail programs submit on 587 with STARTTLS or 465 with SSL/TLS
//! (RFC 6409, RFC 8314).
//!
//! Bad: outgoing port `25`.
//! Good: outgoing port `587` with STARTTLS, or `465` with SSL/TLS. Quiet where the provider
//! itself documents port 25.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::settings::{FieldValue, Protocol, Security};

pub const RULE: Rule = Rule {
    code: Code::Port25Submission,
    severity: Severity::Warning,
    fixable: true,
    summary: "Sending on port 25, which many networks block; use 587 or 465",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let side = &ctx.outgoing;
    if side.port != Some(25) {
        return;
    }
    // A provider that documents 25 as its own port (a profile, an ISP inside its network)
    // has said so on purpose.
    let documented = ctx.provider.as_deref().is_some_and(|p| {
        p.endpoints(crate::settings::Protocol::Smtp)
            .iter()
            .any(|e| e.port == Some(25))
    });
    if documented {
        return;
    }
    let security = if side.security == Some(Security::Tls) {
        Security::Tls
    } else {
        Security::Starttls
    };
    let port = Protocol::Smtp.standard_port(security);
    out.push(
        Draft::new(Code::Port25Submission, side.side.port_field())
            .arg("fixed", port)
            .arg("security", security)
            .edit(side.side.port_field(), FieldValue::Port(port))
            .edit(
                side.side.security_field(),
                FieldValue::Text(security.as_str().to_string()),
            ),
    );
}
