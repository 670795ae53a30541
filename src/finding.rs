//! What a check reports: findings with a message, help and an optional exact fix.

use std::borrow::Cow;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::codes::Code;
use crate::messages::Arg;
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

/// Where a finding belongs: a settings [`Field`] (what `check` and the probe report on), or
/// a [`Spot`] in a provider's profile (what `lint_profile` reports on). It names itself in a
/// rendered finding's JSON: `"field"`, or `"element"` and `"line"`.
pub trait Place: Clone {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

impl Place for Field {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("field", self)
    }
}

/// An element of a provider's `config-v1.1.xml`, with its line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Spot {
    /// Where it is, e.g. `incomingServer[2]/socketType`.
    pub element: String,
    /// 1-based line in the XML; 0 for a profile given as an object.
    pub line: u32,
}

impl Place for Spot {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("element", &self.element)?;
        map.serialize_entry("line", &self.line)
    }
}

/// A finding before it is rendered: the code, where it belongs, the values its message
/// names and the exact edits of its fix. Settings rules, profile lint and the probe all make
/// these, and [`crate::render::render`] turns each into a [`Finding`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft<P = Field> {
    pub code: Code,
    pub place: P,
    pub args: Vec<(&'static str, Arg)>,
    pub edits: Vec<Edit>,
}

impl<P> Draft<P> {
    pub fn new(code: Code, place: P) -> Draft<P> {
        Draft {
            code,
            place,
            args: Vec::new(),
            edits: Vec::new(),
        }
    }

    /// Names a value the message shows.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Draft<P> {
        self.args.push((name, value.into()));
        self
    }

    /// Adds an edit to the fix.
    pub fn edit(mut self, field: Field, value: FieldValue) -> Draft<P> {
        self.edits.push(Edit { field, value });
        self
    }

    /// Adds a text edit to the fix and names its value `fixed` for the message.
    pub fn fix_text(self, field: Field, value: impl Into<String>) -> Draft<P> {
        let value = value.into();
        self.arg("fixed", value.clone())
            .edit(field, FieldValue::Text(value))
    }
}

/// One mistake found, rendered in the requested locale: in the settings (`P` = [`Field`]) or
/// in a profile (`P` = [`Spot`], see [`LintFinding`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding<P = Field> {
    pub code: Code,
    pub severity: Severity,
    pub place: P,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Why it matters and what to do. Most help texts name no value, and are then the
    /// catalogue's own text, borrowed.
    pub help: Option<Cow<'static, str>>,
    pub fix: Option<Fix>,
}

impl<P: Place> Serialize for Finding<P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("severity", &self.severity)?;
        self.place.write(&mut map)?;
        map.serialize_entry("message", &self.message)?;
        if let Some(help) = &self.help {
            map.serialize_entry("help", help)?;
        }
        if let Some(fix) = &self.fix {
            map.serialize_entry("fix", fix)?;
        }
        map.end()
    }
}

/// A finding in a provider's profile.
pub type LintFinding = Finding<Spot>;

/// The result of a check (or, as [`LintReport`], of a profile lint).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(bound = "P: Place")]
pub struct Report<P = Field> {
    /// True when no finding has error severity.
    pub ok: bool,
    pub findings: Vec<Finding<P>>,
}

impl<P> Report<P> {
    pub fn new(findings: Vec<Finding<P>>) -> Report<P> {
        let ok = !findings.iter().any(|f| f.severity == Severity::Error);
        Report { ok, findings }
    }
}

/// The result of a profile lint.
pub type LintReport = Report<Spot>;
