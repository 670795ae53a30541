//! `provider-host-undocumented`: a server name under the provider's own domains that the
//! provider does not document.
//!
//! Why: `mail.gmail.com` looks right but is no server Gmail publishes, while
//! `imap.googlemail.com` is a documented alias. The engine knows what the provider documents,
//! not every name that answers, so it says which name the provider documents and offers it,
//! without calling the typed one wrong.
//!
//! Bad (most likely): `momo@gmail.com` with incoming host `"mail.gmail.com"`.
//! Good: incoming host `"imap.gmail.com"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::{Context, ProviderBy};
use crate::finding::{Draft, Severity};

pub const RULE: Rule = Rule {
    code: Code::ProviderHostUndocumented,
    severity: Severity::Warning,
    fixable: true,
    summary: "A server name under the provider's domains that the provider does not document",
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
        // A page's own profile lists exactly its servers: provider-host-mismatch's to judge.
        let owned = ctx.provider_by != ProviderBy::Profile && provider.owns_host(&host.key);
        if provider.has_host(side.protocol, &host.key) || !owned {
            continue;
        }
        let field = side.side.host_field();
        out.push(
            Draft::new(Code::ProviderHostUndocumented, field)
                .arg("value", host.name.as_str())
                .arg("provider", provider.name.as_ref())
                .arg("protocol", side.protocol)
                .arg("expected", expected)
                .fix_text(field, expected),
        );
    }
}
