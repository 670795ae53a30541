//! `invalid-port`: a port that is not a whole number from 1 to 65535.
//!
//! Why: mail programs refuse such a port, or silently use their default instead. Spaces and
//! full-width digits are reported by their own rules and do not make a port invalid here.
//!
//! Bad: `"99３a"`, `"0"`, `"70000"`, `"993/995"`.
//! Good: `"993"`, `993`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;

pub const RULE: Rule = Rule {
    code: Code::InvalidPort,
    severity: Severity::Error,
    fixable: false,
    summary: "A port that is not a whole number from 1 to 65535",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        let field = side.side.port_field();
        let Some(raw) = ctx.settings.text(field) else {
            continue;
        };
        let cleaned = ctx.cleaned(field).unwrap_or("");
        if side.port.is_none() && !cleaned.is_empty() {
            out.push(Draft::new(Code::InvalidPort, field).arg("value", raw));
        }
    }
}
