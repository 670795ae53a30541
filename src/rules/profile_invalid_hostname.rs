//! `profile-invalid-hostname`: a hostname in a profile that is no valid host name, once its
//! placeholders are filled in.
//!
//! Why: a typo in the provider's own file (`mail..%EMAILDOMAIN%`, `mail_1.example.hk`, a URL)
//! sends every customer to a server that cannot exist.
//!
//! Bad: `<hostname>https://mail.%EMAILDOMAIN%</hostname>`.
//! Good: `<hostname>mail.%EMAILDOMAIN%</hostname>`.

use super::{profile_bad_placeholder, Check, Rule};
use crate::codes::Code;
use crate::finding::Severity;
use crate::finding::{Draft, Spot};
use crate::profile::ProfileDoc;

pub const RULE: Rule = Rule {
    code: Code::ProfileInvalidHostname,
    severity: Severity::Error,
    fixable: false,
    summary: "A profile hostname that is not a valid host name",
    check: Check::Profile(run),
};

fn run(doc: &ProfileDoc, out: &mut Vec<Draft<Spot>>) {
    for s in &doc.servers {
        let Some(host) = &s.hostname else { continue };
        // A broken placeholder is profile-bad-placeholder's to report.
        if !profile_bad_placeholder::placeholders_ok(&host.text) {
            continue;
        }
        let sample = host
            .text
            .replace("%EMAILDOMAIN%", "example.com")
            .replace("%EMAILLOCALPART%", "user")
            .replace("%EMAILADDRESS%", "user.example.com");
        if crate::text::host::ascii_form(&sample).is_none() {
            out.push(host.draft(Code::ProfileInvalidHostname));
        }
    }
}
