//! `provider-host-mismatch`: a server that is known not to be the provider's.
//!
//! Why: an address at a known provider (Gmail, Outlook.com, iCloud, QQ, …) only works with
//! that provider's servers. Customers keep the servers of a previous account, or type their
//! old ISP's. Only what is known is an error: a server of another provider (outside the
//! provider's family: Outlook.com and Microsoft 365 share servers), or, for an address at
//! the provider, a server under nobody's domain the provider uses. A name under the
//! provider's own domains that it does not document is `provider-host-undocumented`, a
//! warning; and where the provider is known only from a server name (a custom domain on
//! Microsoft 365), the other servers may be the organisation's own, and are not judged.
//!
//! Bad: `momo@gmail.com` with incoming host `"mail.lamtin.hk"` or `"imap.mail.yahoo.com"`.
//! Good: incoming host `"imap.gmail.com"`.

use super::{Check, Rule};
use crate::context::{Context, ProviderBy};
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
        // A page's own profile lists exactly its servers; the built-in database knows the
        // documented ones, and a name under the provider's domains is only undocumented.
        let owned = ctx.provider_by != ProviderBy::Profile && provider.owns_host(&host.key);
        if provider.has_host(side.protocol, &host.key) || owned {
            continue;
        }
        let another = crate::providers::by_host(&host.key)
            .filter(|o| o.id != provider.id && (o.family.is_none() || o.family != provider.family));
        // Known only from a server name: the organisation may run its other servers itself.
        if ctx.provider_by == ProviderBy::Host && another.is_none() {
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
