//! `whitespace`: spaces or invisible characters inside a value.
//!
//! Why: settings copied from a web page, a PDF or a chat bring along leading and trailing
//! spaces, tabs, non-breaking spaces, the ideographic space U+3000 and zero-width
//! characters. A server name or port with any of them fails to connect, and nothing on
//! screen shows why.
//!
//! Bad: `" mail.example.com"`, `"993 "`, `"mail.example.com\u{200B}"`.
//! Good: `"mail.example.com"`, `"993"`.

use super::{per_character, Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::messages::{Arg, Term};
use crate::text;

pub const RULE: Rule = Rule {
    code: Code::Whitespace,
    severity: Severity::Error,
    fixable: true,
    summary: "Spaces, tabs, non-breaking, full-width or zero-width spaces inside a value",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    per_character(
        ctx,
        out,
        Code::Whitespace,
        |_| true,
        text::is_unwanted_space,
        text::remove_spaces,
        Some(what),
    );
}

/// Which kind of space the value holds: visible ones (a space, a tab, a full-width space),
/// only invisible ones (zero-width, a soft hyphen, a byte-order mark), or both. "Remove the
/// spaces" would puzzle a customer who sees none.
fn what(value: &str) -> (&'static str, Arg) {
    let visible = value.chars().any(char::is_whitespace);
    let invisible = value
        .chars()
        .any(|c| text::is_unwanted_space(c) && !c.is_whitespace());
    let term = match (visible, invisible) {
        (true, true) => Term::SpacesAndInvisible,
        (false, true) => Term::Invisible,
        _ => Term::Spaces,
    };
    ("what", Arg::Term(term))
}
