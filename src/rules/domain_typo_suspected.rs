//! `domain-typo-suspected`: a domain maillint does not know that is spelt like a well-known
//! mail domain, one or two keystrokes away (`gmaill.com`, `yahooo.com`).
//!
//! Why: it may be a slip, and a misspelt name does not exist; but data is never complete and
//! a real domain can sit next to a famous one, so spelling alone only asks ("Did you mean
//! gmail.com?") and never claims an error (that needs evidence: `domain-typo`). It stays
//! quiet when it cannot say which domain is meant (two are as close), when only the ending
//! differs from a real one (`posteo.se` is not a slip for `posteo.de`), and, for the address,
//! when the typed servers are the suggested provider's: a customer who typed that provider's
//! servers right is more likely at one of its sibling domains than misspelling its name.
//!
//! Bad: `momo@gmaill.com`.
//! Good: `momo@gmail.com`.

use super::domain_typo::{draft, typos};
use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::{Draft, Severity};
use crate::settings::{Field, Protocol};

pub const RULE: Rule = Rule {
    code: Code::DomainTypoSuspected,
    severity: Severity::Warning,
    fixable: true,
    summary: "A domain spelt almost like a well-known mail domain, asked about (gmaill.com)",
    check: Check::Settings(run),
};

/// Whether a typed server belongs to the provider of `domain`.
fn servers_belong_to(ctx: &Context, domain: &str) -> bool {
    let Some(provider) = crate::providers::by_domain(domain) else {
        return false;
    };
    ctx.sides().iter().any(|side| {
        side.host.as_ref().is_some_and(|host| {
            Protocol::ALL
                .into_iter()
                .any(|p| provider.has_host(p, &host.key))
                || provider.owns_host(&host.key)
        })
    })
}

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for typo in typos(ctx) {
        let [only] = typo.suggestion.candidates.as_slice() else {
            continue;
        };
        if typo.suggestion.certain || (typo.field == Field::Email && servers_belong_to(ctx, only)) {
            continue;
        }
        out.push(draft(Code::DomainTypoSuspected, &typo));
    }
}
