//! `no-encryption`: a connection without SSL/TLS or STARTTLS.
//!
//! Why: without encryption the password and every message cross the network in clear text,
//! readable on any shared Wi-Fi, and many providers refuse the login anyway. The fix picks
//! the encryption the port expects: STARTTLS on 143, 110, 587 and 25, SSL/TLS otherwise.
//!
//! Bad: port `143` with security `none`.
//! Good: port `143` with `starttls`, or port `993` with `tls`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::settings::{FieldValue, Security, SecurityInput};

pub const RULE: Rule = Rule {
    code: Code::NoEncryption,
    severity: Severity::Warning,
    fixable: true,
    summary: "No encryption: the password crosses the network in clear text",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        if side.security != Some(Security::None) {
            continue;
        }
        // On 993, 995 and 465 plain text cannot work at all: port-security-mismatch says so.
        if side
            .port
            .is_some_and(|p| Security::of_standard_port(p) == Some(Security::Tls))
        {
            continue;
        }
        let fixed = Security::resolve(SecurityInput::Encrypted, side.port);
        let field = side.side.security_field();
        out.push(
            Draft::new(Code::NoEncryption, field)
                .arg("security", fixed)
                .edit(field, FieldValue::Text(fixed.as_str().to_string())),
        );
    }
}
