//! `host-has-scheme`: a web address where the server name belongs.
//!
//! Why: customers copy the webmail link (`https://mail.example.com/owa`) or a URL from an
//! autoconfig page (`imap://mail.example.com`) into the server field. Mail programs want the
//! bare name and fail on the rest.
//!
//! Bad: `"https://mail.example.com/"`, `"imap://mail.example.com"`.
//! Good: `"mail.example.com"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::text;

pub const RULE: Rule = Rule {
    code: Code::HostHasScheme,
    severity: Severity::Error,
    fixable: true,
    summary: "A URL (https://, imap://, mailto:, a path) in a server field",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        let field = side.side.host_field();
        let Some(raw) = ctx.settings.text(field) else {
            continue;
        };
        let Some(stripped) = text::host::strip_url(ctx.cleaned(field).unwrap_or("")) else {
            continue;
        };
        let mut draft = Draft::new(Code::HostHasScheme, field).arg("value", raw);
        // `mailto:me@example.com` leaves an address, which is no server name to offer.
        if !stripped.is_empty() && !stripped.contains('@') {
            draft = draft.fix_text(field, stripped);
        }
        out.push(draft);
    }
}
