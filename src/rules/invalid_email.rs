//! `invalid-email`: an address that cannot be delivered to.
//!
//! Why: the address is also the login at most providers; a missing `@`, two `@`, a space or
//! a domain without a dot makes both sending and signing in fail. Checked with the
//! `email_address` crate (RFC 5321/5322 syntax) after the character-level rules have had
//! their say, plus a domain that must be a real host name. `@@` is fixed to `@`.
//!
//! Bad: `"momo"`, `"momo@@so-net.net.tw"`, `"momo@gmail"`.
//! Good: `"momo@so-net.net.tw"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::settings::Field;
use crate::text;

pub const RULE: Rule = Rule {
    code: Code::InvalidEmail,
    severity: Severity::Error,
    fixable: true,
    summary: "Not an email address (missing or doubled @, a domain without a dot)",
    check: Check::Settings(run),
};

/// Whether a cleaned address is one mail can be sent to.
pub fn is_valid(address: &str) -> bool {
    let Some((local, domain)) = text::split_address(address) else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.ends_with('.')
        && !text::host::is_ip_literal(domain)
        && crate::text::host::ascii_form(domain).is_some()
        && email_address::EmailAddress::is_valid(address)
}

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let Some(raw) = ctx.settings.text(Field::Email) else {
        return;
    };
    let cleaned = ctx.cleaned(Field::Email).unwrap_or("").to_string();
    if cleaned.is_empty() || is_valid(&cleaned) {
        return;
    }
    let mut draft = Draft::new(Code::InvalidEmail, Field::Email).arg("value", raw);
    let mut repaired = cleaned.clone();
    while repaired.contains("@@") {
        repaired = repaired.replace("@@", "@");
    }
    if repaired != cleaned && is_valid(&repaired) {
        draft = draft.fix_text(Field::Email, repaired);
    }
    out.push(draft);
}
