//! `profile-bad-placeholder`: a malformed placeholder in a profile's hostname or username.
//!
//! Why: clients replace only `%EMAILADDRESS%`, `%EMAILLOCALPART%` and `%EMAILDOMAIN%`, whole
//! and spelt exactly; `%EMAILADDRESS` without its closing `%` or `%EMAIL_DOMAIN%` reaches the
//! customer as literal text, and the login or the server lookup fails.
//!
//! Bad: `<username>%EMAILADDRESS</username>`, `<hostname>mail.%EMAIL_DOMAIN%</hostname>`.
//! Good: `<username>%EMAILADDRESS%</username>`, `<hostname>mail.%EMAILDOMAIN%</hostname>`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::finding::Severity;
use crate::finding::{Draft, Spot};
use crate::profile::ProfileDoc;

pub const RULE: Rule = Rule {
    code: Code::ProfileBadPlaceholder,
    severity: Severity::Error,
    fixable: false,
    summary: "A malformed placeholder (%EMAILADDRESS without its closing %) in a profile",
    check: Check::Profile(run),
};

const KNOWN: &[&str] = &["EMAILADDRESS", "EMAILLOCALPART", "EMAILDOMAIN"];

/// Whether every `%` in the text opens or closes a known placeholder.
pub fn placeholders_ok(text: &str) -> bool {
    let mut rest = text;
    while let Some(open) = rest.find('%') {
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find('%') else {
            return false;
        };
        if !KNOWN.contains(&after.get(..close).unwrap_or("")) {
            return false;
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    true
}

fn run(doc: &ProfileDoc, out: &mut Vec<Draft<Spot>>) {
    for s in &doc.servers {
        for raw in [&s.hostname, &s.username].into_iter().flatten() {
            if !placeholders_ok(&raw.text) {
                out.push(raw.draft(Code::ProfileBadPlaceholder));
            }
        }
    }
}
