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

use super::{undocumented_servers, Check, Rule};
use crate::codes::Code;
use crate::context::{Context, ProviderBy};
use crate::finding::Draft;
use crate::finding::Severity;

pub const RULE: Rule = Rule {
    code: Code::ProviderHostMismatch,
    severity: Severity::Error,
    fixable: true,
    summary: "A server other than the known provider's for this protocol",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for server in undocumented_servers(ctx) {
        // The built-in database knows the documented names; one under the provider's own
        // domains is only undocumented (provider-host-undocumented).
        if server.owned {
            continue;
        }
        let provider = server.provider;
        let another = crate::providers::by_host(&server.host.key)
            .filter(|o| o.id != provider.id && (o.family.is_none() || o.family != provider.family));
        // Known only from a server name: the organisation may run its other servers itself.
        if ctx.provider_by == ProviderBy::Host && another.is_none() {
            continue;
        }
        out.push(server.draft(Code::ProviderHostMismatch));
    }
}
