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
use crate::settings::FieldValue;
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
        // `mailto:me@example.com` leaves an address, which is no server name to offer (and
        // `host-is-email` says what it is).
        if !stripped.is_empty() && !stripped.contains('@') {
            // `imaps://mail.example.com:993`: the name goes in the server field, the port in
            // the port field, so the fix leaves nothing for `host-has-port` to find.
            let port = text::host::split_port(&stripped)
                .and_then(|(name, port)| Some((name.to_string(), port.parse::<u16>().ok()?)))
                .filter(|(name, port)| !name.is_empty() && *port > 0);
            draft = match port {
                Some((name, port)) => draft
                    .fix_text(field, name)
                    .edit(side.side.port_field(), FieldValue::Port(port)),
                None => draft.fix_text(field, stripped),
            };
        }
        out.push(draft);
    }
}
