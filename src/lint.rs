//! `lint_profile`: what is wrong in a provider's own `config-v1.1.xml`, reported with the
//! same finding shape as `check`, placed at the element (and line) each finding came from.

use crate::finding::{Draft, LintReport, Spot};
use crate::messages::Locale;
use crate::profile::{self, ProfileDoc, ProfileError};
use crate::render::render;
use crate::rules::{self, Check};

/// Lints a profile already read.
pub fn lint_doc(doc: &ProfileDoc, locale: Locale) -> LintReport {
    let mut drafts: Vec<Draft<Spot>> = Vec::new();
    for rule in rules::ALL {
        if let Check::Profile(run) = rule.check {
            run(doc, &mut drafts);
        }
    }
    crate::order::sort_by(&mut drafts, |a, b| {
        (a.place.line, &a.place.element, a.code).cmp(&(b.place.line, &b.place.element, b.code))
    });
    LintReport::new(drafts.into_iter().map(|d| render(d, locale)).collect())
}

/// Reads and lints a `config-v1.1.xml` document. Malformed XML is an error, not a finding.
pub fn lint_profile(xml: &str, locale: Locale) -> Result<LintReport, ProfileError> {
    Ok(lint_doc(&profile::parse_doc(xml)?, locale))
}
