//! `profile-outgoing-not-smtp`: an outgoing server in a profile whose type is not `smtp`.
//!
//! Why: mail is sent over SMTP; an `<outgoingServer type="imap">` (a copy-paste slip from the
//! incoming block) is ignored by clients, which then have no way to send.
//!
//! Bad: `<outgoingServer type="imap">`.
//! Good: `<outgoingServer type="smtp">`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::finding::Severity;
use crate::finding::{Draft, Spot};
use crate::profile::ProfileDoc;

pub const RULE: Rule = Rule {
    code: Code::ProfileOutgoingNotSmtp,
    severity: Severity::Error,
    fixable: false,
    summary: "A profile outgoing server whose type is not smtp",
    check: Check::Profile(run),
};

fn run(doc: &ProfileDoc, out: &mut Vec<Draft<Spot>>) {
    for s in doc
        .servers
        .iter()
        .filter(|s| s.outgoing && s.kind != "smtp")
    {
        out.push(
            Draft::new(
                Code::ProfileOutgoingNotSmtp,
                Spot {
                    element: s.element.clone(),
                    line: s.line,
                },
            )
            .arg("value", s.kind.as_str()),
        );
    }
}
