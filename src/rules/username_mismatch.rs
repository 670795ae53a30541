//! `username-mismatch`: an address as user name that differs from the account's address.
//!
//! Why: the user name is usually the very address being set up; a letter off
//! (`mono@so-net.net.tw` for `momo@so-net.net.tw`, as So-net's page warns) or an old
//! address left from another account makes the login fail. A warning, since some providers
//! do give a separate login.
//!
//! Bad: email `momo@example.com`, username `"mono@example.com"`.
//! Good: username `"momo@example.com"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;

pub const RULE: Rule = Rule {
    code: Code::UsernameMismatch,
    severity: Severity::Warning,
    fixable: true,
    summary: "A user name that is an address other than the account's own",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let Some(address) = &ctx.address else { return };
    for side in ctx.sides() {
        let Some(username) = &side.username else {
            continue;
        };
        if !username.contains('@') || username.eq_ignore_ascii_case(&address.full) {
            continue;
        }
        let field = side.side.username_field();
        out.push(
            Draft::new(Code::UsernameMismatch, field)
                .arg("value", username.as_str())
                .arg("email", address.full.as_str())
                .fix_text(field, address.full.clone()),
        );
    }
}
