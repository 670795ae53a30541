//! `lint_profile`: what is wrong in a provider's own `config-v1.1.xml`, reported with the
//! same finding shape as `check`, plus the element (and line) each finding came from.

use serde::Serialize;

use crate::codes::Code;
use crate::finding::Severity;
use crate::messages::{self, Arg, Locale};
use crate::profile::{self, ProfileDoc, ProfileError, Raw};
use crate::rules::{self, Check};

/// A lint finding before it is rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LintDraft {
    pub code: Code,
    pub element: String,
    pub line: u32,
    pub args: Vec<(&'static str, Arg)>,
}

impl LintDraft {
    pub fn new(code: Code, element: impl Into<String>, line: u32) -> LintDraft {
        LintDraft {
            code,
            element: element.into(),
            line,
            args: Vec::new(),
        }
    }

    /// A finding about a value, placed where the value was written.
    pub fn at(code: Code, raw: &Raw) -> LintDraft {
        LintDraft::new(code, raw.element.clone(), raw.line).arg("value", raw.text.as_str())
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> LintDraft {
        self.args.push((name, value.into()));
        self
    }
}

/// One mistake in a profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LintFinding {
    pub code: Code,
    pub severity: Severity,
    /// Where it is, e.g. `incomingServer[2]/socketType`.
    pub element: String,
    /// 1-based line in the XML; 0 for a profile given as an object.
    pub line: u32,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LintReport {
    /// True when no finding has error severity.
    pub ok: bool,
    pub findings: Vec<LintFinding>,
}

/// Lints a profile already read.
pub fn lint_doc(doc: &ProfileDoc, locale: Locale) -> LintReport {
    let mut drafts = Vec::new();
    for rule in rules::ALL {
        if let Check::Profile(run) = rule.check {
            run(doc, &mut drafts);
        }
    }
    drafts.sort_by(|a, b| (a.line, &a.element, a.code).cmp(&(b.line, &b.element, b.code)));
    let findings: Vec<LintFinding> = drafts
        .into_iter()
        .map(|d| {
            let entry = messages::entry(locale, d.code);
            LintFinding {
                code: d.code,
                severity: rules::rule(d.code).severity,
                message: messages::fill(entry.message, &d.args, locale),
                help: Some(messages::fill(entry.help, &d.args, locale)).filter(|h| !h.is_empty()),
                element: d.element,
                line: d.line,
            }
        })
        .collect();
    LintReport {
        ok: !findings.iter().any(|f| f.severity == Severity::Error),
        findings,
    }
}

/// Reads and lints a `config-v1.1.xml` document. Malformed XML is an error, not a finding.
pub fn lint_profile(xml: &str, locale: Locale) -> Result<LintReport, ProfileError> {
    Ok(lint_doc(&profile::parse_doc(xml)?, locale))
}
