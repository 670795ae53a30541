//! `fullwidth`: full-width or ideographic forms typed by a CJK input method.
//!
//! Why: with a Chinese or Japanese input method switched on, `.` becomes `。` or `．`, `@`
//! becomes `＠` and digits become `９９３`. They look right but are different characters, so
//! the address or server name is not found.
//!
//! Bad: `"mail。example。com"`, `"momo＠example.com"`, `"９９３"`.
//! Good: `"mail.example.com"`, `"momo@example.com"`, `"993"`.

use super::{per_character, Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::text;

pub const RULE: Rule = Rule {
    code: Code::Fullwidth,
    severity: Severity::Error,
    fixable: true,
    summary: "Full-width or ideographic characters (。 ＠ ９) from a CJK input method",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    per_character(
        ctx,
        out,
        Code::Fullwidth,
        |_| true,
        text::is_fullwidth_form,
        text::fold_fullwidth_str,
        None,
    );
}
