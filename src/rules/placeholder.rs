//! `placeholder`: template text from a help page left in a field.
//!
//! Why: help pages write `mail.[yourdomain]`, `mail.example.com.hk`, `<domain>` or
//! `%EMAILDOMAIN%` and expect the reader to put in their own domain. Customers paste them as
//! they are. Where the address is known, the fix puts its domain in.
//!
//! Bad: `"mail.[yourdomain]"` with the address `momo@chan.com.hk`.
//! Good: `"mail.chan.com.hk"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::settings::Field;

pub const RULE: Rule = Rule {
    code: Code::Placeholder,
    severity: Severity::Error,
    fixable: true,
    summary: "Sample text from a help page (mail.[yourdomain], example.com, %EMAILDOMAIN%) left in",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let fields = [
        Field::Email,
        Field::IncomingHost,
        Field::IncomingUsername,
        Field::OutgoingHost,
        Field::OutgoingUsername,
    ];
    for field in fields {
        let Some(raw) = ctx.settings.text(field) else {
            continue;
        };
        let cleaned = ctx.cleaned(field).unwrap_or("");
        let Some(start) = ctx.placeholder_start(field) else {
            continue;
        };
        let mut draft = Draft::new(Code::Placeholder, field).arg("value", raw);
        // Only a placeholder for the domain can be filled in: from the start of the
        // placeholder to the end, after a dot or an @, or as the whole host.
        let prefix = cleaned.get(..start).unwrap_or("");
        let domain_part = match field {
            Field::IncomingHost | Field::OutgoingHost => prefix.is_empty() || prefix.ends_with('.'),
            _ => prefix.ends_with('@'),
        };
        if let (true, Some(domain)) = (domain_part && field != Field::Email, ctx.usable_domain()) {
            draft = draft.fix_text(field, format!("{prefix}{domain}"));
        }
        out.push(draft);
    }
}
