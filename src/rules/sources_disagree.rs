//! `sources-disagree`: the domain's own autoconfig file and its MX records point to
//! different providers.
//!
//! Why: a domain that moved its mail (to Google Workspace, to Microsoft 365) often keeps the
//! old `autoconfig.` file; mail programs that read it are sent to the old server. The
//! customer should know both answers, not only the one a program picked. Found by
//! maillint-server's discovery; a warning on the address, naming both.
//!
//! Shown for: `autoconfig.example.com` naming `mail.example.com` while the MX records point
//! to `aspmx.l.google.com`.
//! Not shown for: a file and MX records of the same provider, or only one of the two.

use super::{Check, Rule};
use crate::codes::Code;
use crate::finding::Severity;

pub const RULE: Rule = Rule {
    code: Code::SourcesDisagree,
    severity: Severity::Warning,
    fixable: false,
    summary: "The domain's own autoconfig file and its MX records name different providers",
    check: Check::Discovery {
        found_in: &["discover/mod.rs"],
    },
};
