//! `provider-host-mismatch`: a server that is not the known provider's.
//!
//! Why: an address at a known provider (Gmail, Outlook.com, iCloud, QQ, …) only works with
//! that provider's servers. Customers type `mail.gmail.com` by analogy with their old ISP,
//! or keep the servers of a previous account.
//!
//! Bad: `momo@gmail.com` with incoming host `"mail.gmail.com"`.
//! Good: incoming host `"imap.gmail.com"`.

use super::{Check, Rule};
use crate::context::Context;
use crate::finding::Draft;
use crate::codes::Code;
use crate::finding::Severity;

pub const RULE: Rule = Rule {
    code: Code::ProviderHostMismatch,
    severity: Severity::Error,
    fixable: true,
    summary: "A server other than the known provider's for this protocol",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let Some(provider) = ctx.provider.as_deref() else {
        return;
    };
    for side in ctx.sides() {
        let Some(host) = &side.host else { continue };
        if host.opaque || host.ascii.is_none() {
            continue;
        }
        let Some(expected) = provider.preferred_host(side.protocol) else {
            continue;
        };
        if provider.has_host(side.protocol, &host.key) {
            continue;
        }
        let field = side.side.host_field();
        out.push(
            Draft::new(Code::ProviderHostMismatch, field)
                .arg("value", host.name.as_str())
                .arg("provider", provider.name.as_ref())
                .arg("protocol", side.protocol)
                .arg("expected", expected)
                .fix_text(field, expected),
        );
    }
}
