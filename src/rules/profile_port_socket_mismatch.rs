//! `profile-port-socket-mismatch`: a port and socketType in a profile that contradict the
//! standard ports.
//!
//! Why: 993, 995 and 465 are implicit TLS (`SSL`), 143, 110, 587 and 25 start in plain text
//! (`STARTTLS` or `plain`) (RFC 8314). A profile that pairs them the other way sends every
//! customer a setting that hangs or fails the handshake.
//!
//! Bad: `<port>993</port><socketType>STARTTLS</socketType>`.
//! Good: `<port>993</port><socketType>SSL</socketType>`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::finding::Severity;
use crate::finding::{Draft, Spot};
use crate::profile::{self, ProfileDoc};
use crate::settings::Security;

pub const RULE: Rule = Rule {
    code: Code::ProfilePortSocketMismatch,
    severity: Severity::Error,
    fixable: false,
    summary: "A profile port and socketType that contradict the standard ports",
    check: Check::Profile(run),
};

fn run(doc: &ProfileDoc, out: &mut Vec<Draft<Spot>>) {
    for s in &doc.servers {
        let (Some(port), Some(socket)) = (&s.port, &s.socket_type) else {
            continue;
        };
        let (Ok(number), Some(security)) =
            (port.text.parse::<u16>(), profile::socket_type(&socket.text))
        else {
            continue;
        };
        let Some(expected) = Security::of_standard_port(number) else {
            continue;
        };
        let contradicts = match expected {
            Security::Tls => security != Security::Tls,
            _ => security == Security::Tls,
        };
        if contradicts {
            let wanted = if expected == Security::Tls {
                "SSL"
            } else {
                "STARTTLS"
            };
            out.push(
                socket
                    .draft(Code::ProfilePortSocketMismatch)
                    .arg("port", number)
                    .arg("expected", wanted),
            );
        }
    }
}
