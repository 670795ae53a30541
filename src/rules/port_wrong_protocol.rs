//! `port-wrong-protocol`: a port that belongs to another mail protocol.
//!
//! Why: IMAP on 995, POP3 on 993 or SMTP on 993 reach the wrong service, which answers in a
//! language the mail program does not expect, or not at all. The fix gives the standard port
//! of the chosen protocol with the chosen security.
//!
//! Bad: IMAP on port `995`; SMTP on port `993`.
//! Good: IMAP on `993`; SMTP on `465` or `587`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::settings::{FieldValue, Protocol, Security};

pub const RULE: Rule = Rule {
    code: Code::PortWrongProtocol,
    severity: Severity::Error,
    fixable: true,
    summary: "A port that belongs to another protocol (IMAP on 995, SMTP on 993)",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        let Some(port) = side.port else { continue };
        let Some(owner) = Protocol::owning(port) else {
            continue;
        };
        if owner == side.protocol {
            continue;
        }
        let security = match side.security {
            Some(Security::Tls) => Security::Tls,
            Some(_) => Security::Starttls,
            None => Security::of_standard_port(port).unwrap_or(Security::Tls),
        };
        let fixed = side.protocol.standard_port(security);
        let field = side.side.port_field();
        out.push(
            Draft::new(Code::PortWrongProtocol, field)
                .arg("port", port)
                .arg("owner", owner)
                .arg("protocol", side.protocol)
                .arg("fixed", fixed)
                .edit(field, FieldValue::Port(fixed)),
        );
    }
}
