//! `profile-missing-element`: a server in a provider's profile without its hostname, port or
//! socketType, or a profile with no incoming or no outgoing server.
//!
//! Why: Thunderbird and the other clients that read `config-v1.1.xml` skip an incomplete
//! server, so customers fall back to guessing, which is what the profile was meant to stop.
//!
//! Bad: `<incomingServer type="imap"><hostname>mail.%EMAILDOMAIN%</hostname></incomingServer>`.
//! Good: the same with `<port>993</port>` and `<socketType>SSL</socketType>`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::finding::Severity;
use crate::finding::{Draft, Spot};
use crate::profile::ProfileDoc;

pub const RULE: Rule = Rule {
    code: Code::ProfileMissingElement,
    severity: Severity::Error,
    fixable: false,
    summary: "A profile server without hostname, port or socketType, or no server of a kind",
    check: Check::Profile(run),
};

fn run(doc: &ProfileDoc, out: &mut Vec<Draft<Spot>>) {
    for (outgoing, name) in [(false, "incomingServer"), (true, "outgoingServer")] {
        if !doc.servers.iter().any(|s| s.outgoing == outgoing) {
            out.push(
                Draft::new(
                    Code::ProfileMissingElement,
                    Spot {
                        element: "emailProvider".into(),
                        line: 0,
                    },
                )
                .arg("name", name),
            );
        }
    }
    for s in &doc.servers {
        let missing = [
            ("hostname", s.hostname.is_none()),
            ("port", s.port.is_none()),
            ("socketType", s.socket_type.is_none()),
        ];
        for (name, absent) in missing {
            if absent {
                let element = format!("{}/{name}", s.element);
                out.push(
                    Draft::new(
                        Code::ProfileMissingElement,
                        Spot {
                            element,
                            line: s.line,
                        },
                    )
                    .arg("name", name),
                );
            }
        }
    }
}
