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

use super::{undocumented_servers, Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::{Draft, Severity};

pub const RULE: Rule = Rule {
    code: Code::ProviderHostUndocumented,
    severity: Severity::Warning,
    fixable: true,
    summary: "A server name under the provider's domains that the provider does not document",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for server in undocumented_servers(ctx) {
        if server.owned {
            out.push(server.draft(Code::ProviderHostUndocumented));
        }
    }
}
