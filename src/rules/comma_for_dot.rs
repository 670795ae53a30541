//! `comma-for-dot`: a comma, semicolon or ideographic comma typed where a dot belongs.
//!
//! Why: `,` sits next to `.` on the keyboard, and a Chinese input method turns both into
//! `，` or `、`. So-net's own help page shows `momo@so-pet,mat.tw` as the classic mistake.
//! The address or server name is then invalid.
//!
//! Bad: `"mail,example,com"`, `"momo@so-net，net.tw"`.
//! Good: `"mail.example.com"`, `"momo@so-net.net.tw"`.

use super::{per_character, Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::messages::Arg;
use crate::settings::Field;
use crate::text;

pub const RULE: Rule = Rule {
    code: Code::CommaForDot,
    severity: Severity::Error,
    fixable: true,
    summary: "A comma, semicolon or 、 typed where a dot belongs",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    per_character(
        ctx,
        out,
        Code::CommaForDot,
        |f| !super::is_port_field(f) && f != Field::OutgoingAuth,
        text::is_comma_like,
        text::commas_to_dots,
        Some(mark),
    );
}

/// The first mark typed where a dot belongs, which the message names ("“,”", "“、”").
fn mark(value: &str) -> (&'static str, Arg) {
    let mark = value
        .chars()
        .find(|c| text::is_comma_like(*c))
        .map(String::from)
        .unwrap_or_default();
    ("mark", Arg::Text(mark))
}
