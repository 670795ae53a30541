//! `host-wrong-protocol`: a server named for another protocol.
//!
//! Why: providers name servers after what they do (`imap.`, `pop.`, `smtp.`). An incoming
//! server called `smtp.…`, an outgoing one called `imap.…`, or POP3 chosen with an `imap.…`
//! server usually means the two servers were swapped or the wrong account type was picked.
//! When the provider is known, the fix gives its right server.
//!
//! Bad: incoming host `"smtp.gmail.com"`.
//! Good: incoming host `"imap.gmail.com"`, outgoing host `"smtp.gmail.com"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::{protocol_from_host, Context};
use crate::finding::Draft;
use crate::finding::Severity;

pub const RULE: Rule = Rule {
    code: Code::HostWrongProtocol,
    severity: Severity::Warning,
    fixable: true,
    summary: "An incoming server named smtp.…, an outgoing one named imap.… or pop.…",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        let Some(host) = &side.host else { continue };
        if host.opaque {
            continue;
        }
        let Some(named) = protocol_from_host(&host.key) else {
            continue;
        };
        if named == side.protocol {
            continue;
        }
        let field = side.side.host_field();
        let mut draft = Draft::new(Code::HostWrongProtocol, field)
            .arg("value", host.name.as_str())
            .arg("found", named)
            .arg("expected", side.protocol);
        if let Some(host) = ctx
            .provider
            .as_deref()
            .and_then(|p| p.preferred_host(side.protocol))
        {
            draft = draft.fix_text(field, host);
        }
        out.push(draft);
    }
}
