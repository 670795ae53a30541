//! `invalid-host`: a server name that cannot exist.
//!
//! Why: a name with characters other than letters, digits and hyphens, an empty part
//! (`mail..example.com`), a part over 63 characters, a whole name over 253, or a part that
//! begins or ends with a hyphen is refused by DNS (RFC 1035 section 2.3.1, RFC 1123 section
//! 2.1), so the mail program can never connect. A doubled dot is fixed by removing it.
//!
//! Bad: `"mail..example.com"`, `"-mail.example.com"`, `"mail_server.example.com"`.
//! Good: `"mail.example.com"`, `"192.0.2.10"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::text;

pub const RULE: Rule = Rule {
    code: Code::InvalidHost,
    severity: Severity::Error,
    fixable: true,
    summary: "A server name with bad characters, an empty part, or a part too long",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        let Some(host) = &side.host else { continue };
        if host.opaque || host.ascii.is_some() {
            continue;
        }
        let field = side.side.host_field();
        let raw = ctx.settings.text(field).unwrap_or("");
        let mut draft = Draft::new(Code::InvalidHost, field).arg("value", raw);
        // Doubled or leading dots are a slip of the finger: offer the name without them
        // when that is a valid name.
        let collapsed = text::join(host.name.split('.').filter(|l| !l.is_empty()), ".");
        if collapsed != host.name && text::host::ascii_form(&collapsed).is_some() {
            draft = draft.fix_text(field, collapsed);
        }
        out.push(draft);
    }
}
