//! What a check reports: findings with a message, help and an optional exact fix.

use std::borrow::Cow;

use serde::Serialize;

use crate::codes::Code;
use crate::settings::{Field, FieldValue};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One field edit of a fix: write `value` into `field`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub field: Field,
    pub value: FieldValue,
}

/// A one-click correction: its title (localized) and the exact edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

/// One mistake found in the settings, rendered in the requested locale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub field: Field,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Why it matters and what to do. Most help texts name no value, and are then the
    /// catalogue's own text, borrowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Cow<'static, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// The result of a check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// True when no finding has error severity.
    pub ok: bool,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn new(findings: Vec<Finding>) -> Report {
        let ok = !findings.iter().any(|f| f.severity == Severity::Error);
        Report { ok, findings }
    }
}
