//! `host-is-email`: an email address typed into a server field.
//!
//! Why: asked for "incoming mail server", many customers type their own address. The mail
//! program then looks for a server by that name. When the provider is known, the fix gives
//! its server.
//!
//! Bad: incoming host `"momo@gmail.com"`.
//! Good: incoming host `"imap.gmail.com"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::providers;
use crate::text;

pub const RULE: Rule = Rule {
    code: Code::HostIsEmail,
    severity: Severity::Error,
    fixable: true,
    summary: "An email address typed where the server name belongs",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        let Some(host) = &side.host else { continue };
        if !host.name.contains('@') {
            continue;
        }
        let field = side.side.host_field();
        let raw = ctx.settings.text(field).unwrap_or("");
        let mut draft = Draft::new(Code::HostIsEmail, field).arg("value", raw);
        let provider = text::split_address(&host.key)
            .and_then(|(_, domain)| providers::by_domain(domain))
            .or(ctx.provider.as_deref());
        if let Some(host) = provider.and_then(|p| p.preferred_host(side.protocol)) {
            draft = draft.fix_text(field, host);
        }
        out.push(draft);
    }
}
