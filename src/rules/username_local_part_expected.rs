//! `username-local-part-expected`: the whole address where the provider wants only the
//! account name.
//!
//! Why: some ISPs (So-net Taiwan among them) sign in with the account name alone (`momo`);
//! the full address is an unknown user to them. Fires only where the provider's rule is known.
//!
//! Bad: So-net with username `"momo@so-net.net.tw"`.
//! Good: username `"momo"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::providers::UsernameRule;
use crate::text;

pub const RULE: Rule = Rule {
    code: Code::UsernameLocalPartExpected,
    severity: Severity::Error,
    fixable: true,
    summary: "The provider expects only the part before @ as the user name",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let Some(provider) = ctx.provider.as_deref() else {
        return;
    };
    for side in ctx.sides() {
        let Some(rule) = super::username_rule(ctx, provider, side) else {
            continue;
        };
        let Some(username) = &side.username else {
            continue;
        };
        if rule != UsernameRule::LocalPart {
            continue;
        }
        let Some((local, _)) = text::split_address(username) else {
            continue;
        };
        let field = side.side.username_field();
        let mut draft = Draft::new(Code::UsernameLocalPartExpected, field)
            .arg("value", username.as_str())
            .arg("provider", provider.name_arg());
        if !local.is_empty() && !local.contains('@') {
            draft = draft.fix_text(field, local);
        }
        out.push(draft);
    }
}
