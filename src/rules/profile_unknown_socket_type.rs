//! `profile-unknown-socket-type`: a socketType the format does not know.
//!
//! Why: the format knows `SSL`, `STARTTLS` and `plain`; clients treat anything else (`TLS`
//! is accepted by some, `SSL/TLS`, `yes`, `993`) as unusable and drop the server.
//!
//! Bad: `<socketType>SSL/TLS</socketType>`.
//! Good: `<socketType>SSL</socketType>`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::finding::Severity;
use crate::finding::{Draft, Spot};
use crate::profile::{self, ProfileDoc};

pub const RULE: Rule = Rule {
    code: Code::ProfileUnknownSocketType,
    severity: Severity::Error,
    fixable: false,
    summary: "A profile socketType other than SSL, STARTTLS or plain",
    check: Check::Profile(run),
};

fn run(doc: &ProfileDoc, out: &mut Vec<Draft<Spot>>) {
    for s in &doc.servers {
        if let Some(t) = &s.socket_type {
            let known = matches!(t.text.as_str(), "SSL" | "STARTTLS" | "plain");
            if !known || profile::socket_type(&t.text).is_none() {
                out.push(t.draft(Code::ProfileUnknownSocketType));
            }
        }
    }
}
