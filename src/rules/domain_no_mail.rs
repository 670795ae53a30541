//! `domain-no-mail`: the address's domain does not receive mail.
//!
//! Why: a domain that does not exist, that publishes a null MX (`MX 0 .`, RFC 7505), or that
//! has neither an MX record nor an address (RFC 5321's implicit MX needs one) cannot receive
//! mail: the address itself is wrong, most often a typo of a real domain, and no server
//! setting will make it work. A lookup that failed (timeout, SERVFAIL) proves nothing and
//! never draws it; a domain with an address but no MX does receive mail. Found by
//! maillint-server's discovery, which asks the domain's DNS; an error on the address.
//!
//! Shown for: `momo@nullmx.example` (null MX), a name that does not exist.
//! Not shown for: `momo@example.com` with MX records, a domain with only an A record, a
//! lookup that timed out.

use super::{Check, Rule};
use crate::codes::Code;
use crate::finding::Severity;

pub const RULE: Rule = Rule {
    code: Code::DomainNoMail,
    severity: Severity::Error,
    fixable: false,
    summary: "The address's domain does not receive mail (no such name, or a null MX)",
    check: Check::Discovery {
        found_in: &["discover/mod.rs"],
    },
};
