//! `domain-typo`: a domain that is certainly misspelt: it is a known misspelling of a
//! well-known mail domain (`gmial.com`, the `[misspellings]` of data/providers.toml), or its
//! top-level domain does not exist and is one keystroke from a common one (`icloud.con`).
//!
//! Why: such a name does not exist, so the mail program cannot connect and mail sent to the
//! address is lost; it is the commonest reason a new account "does not work". Only evidence
//! makes this an error: a domain that is merely spelt like a well-known one draws the warning
//! `domain-typo-suspected` instead (rules/domain_typo_suspected.rs), which asks. Domains a
//! provider serves, real domains that only look close (`mac.com`, `gmx.com`, `hotmail.fr`)
//! and any domain of a provider's own label (`posteo.se`) never fire.
//!
//! Bad: `momo@gmial.com`, host `imap.gmail.con`.
//! Good: `momo@gmail.com`, host `imap.gmail.com`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::providers::{OTHER_MAIL_DOMAINS, PROVIDERS};
use crate::settings::Field;
use crate::text;

pub const RULE: Rule = Rule {
    code: Code::DomainTypo,
    severity: Severity::Error,
    fixable: true,
    summary: "A misspelt well-known mail domain or top-level domain (gmial.com, yahoo.cmo)",
    check: Check::Settings(run),
};

/// Top-level domains a misspelling is corrected to.
pub const COMMON_TLDS: &[&str] = &["com", "net", "org", "edu", "gov", "info"];

/// Real top-level domains of three or more letters that are one edit from a common one, so
/// they are never taken for a typo (every two-letter country code is also taken as real).
/// tests/real_tlds.rs checks the list against the public suffix list: a top-level domain
/// missing here would make every address under it "certainly misspelt".
pub const REAL_NEAR_TLDS: &[&str] = &[
    "com", "net", "org", "edu", "gov", "info", "biz", "cam", "new", "nec", "ong", "goo", "gop",
    "int", "mil", "pro", "one", "ink", "moe", "xin", "app", "dev", "top", "xyz", "vip", "eus",
    "gal", "cat", "car", "cab", "cal", "bot", "ooo", "onl", "ngo", "nrw", "red", "fun", "inc",
    "mov", "bet", "bom", "got", "mom", "next", "ntt", "pet", "vet",
];

/// A suggested correction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The best candidates, most likely first; a fix is offered only when there is one.
    pub candidates: Vec<String>,
    /// Whether the typed domain is certainly misspelt (a known misspelling, or a top-level
    /// domain that does not exist) rather than only spelt like a well-known one.
    pub certain: bool,
}

/// A well-known domain, with what the cheap checks need worked out once.
struct Known {
    name: &'static str,
    sld_len: usize,
    tld: &'static str,
    bag: [u8; 128],
    mask: u128,
}

/// Which ASCII characters a string holds, as bits.
fn presence(s: &str) -> u128 {
    s.chars()
        .filter(|c| c.is_ascii())
        .fold(0u128, |m, c| m | (1u128 << (c as u32)))
}

fn bag(s: &str) -> ([u8; 128], usize) {
    let mut counts = [0u8; 128];
    let mut other = 0;
    for c in s.chars() {
        match counts.get_mut(c as usize) {
            Some(n) => *n = n.saturating_add(1),
            None => other += 1,
        }
    }
    (counts, other)
}

/// The domains a misspelling is corrected to, sorted by length and then name; built on
/// first use. A provider's further domains (`more-domains`) are not among them.
fn known() -> &'static [Known] {
    static KNOWN: std::sync::OnceLock<Vec<Known>> = std::sync::OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut all: Vec<Known> = PROVIDERS
            .iter()
            .flat_map(|p| p.typo_targets())
            .chain(OTHER_MAIL_DOMAINS.iter().copied())
            .filter_map(|name| {
                let (sld, tld) = name.split_once('.')?;
                Some(Known {
                    name,
                    sld_len: sld.len(),
                    tld,
                    bag: bag(name).0,
                    mask: presence(name),
                })
            })
            .collect();
        crate::order::sort_by_key(&mut all, |k| (k.name.len(), k.name));
        all.dedup_by_key(|k| k.name);
        all
    })
}

fn is_target(domain: &str) -> bool {
    known()
        .binary_search_by_key(&(domain.len(), domain), |k| (k.name.len(), k.name))
        .is_ok()
}

/// A domain known to receive mail: a provider's (listed, or under its own label), a
/// well-known one, or one on the list of real domains near well-known ones.
fn is_real(domain: &str) -> bool {
    is_target(domain)
        || crate::providers::by_domain(domain).is_some()
        || crate::providers::real_domains::is_real(domain)
}

/// Whether two domains differ only after their first label (`posteo.se`, `posteo.de`).
fn same_first_label(a: &str, b: &str) -> bool {
    a.split_once('.').map(|(l, _)| l) == b.split_once('.').map(|(l, _)| l)
}

/// The known domains whose length is within two of `len`: the only ones that can be close.
fn near_in_length(len: usize) -> &'static [Known] {
    let all = known();
    let from = all.partition_point(|k| k.name.len() + 2 < len);
    let to = all.partition_point(|k| k.name.len() <= len + 2);
    all.get(from..to).unwrap_or(&[])
}

/// The top-level domain corrected, when it is no real one and one edit from a common one.
fn corrected_tld(tld: &str) -> Option<&'static str> {
    if tld.len() <= 2
        || REAL_NEAR_TLDS.contains(&tld)
        || !tld.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let mut near = COMMON_TLDS
        .iter()
        .filter(|t| text::typo_distance(tld, t) == 1);
    let first = near.next()?;
    near.next().is_none().then_some(*first)
}

/// How far `domain` is from `known`, when close enough to be its misspelling: one edit, or
/// two within a long second-level label under the same top-level domain.
/// The typed domain, with what the cheap checks need.
struct Typed<'a> {
    name: &'a str,
    sld_len: usize,
    tld: &'a str,
    bag: [u8; 128],
    other: usize,
    mask: u128,
}

fn closeness(domain: &Typed, known: &Known) -> Option<usize> {
    let two_allowed = domain.tld == known.tld && known.sld_len >= 7 && domain.sld_len >= 6;
    let most = if two_allowed { 2 } else { 1 };
    // Cheap lower bounds first, since this runs against every known domain on every
    // keystroke: the distance is at least the difference in length, and at least half the
    // number of characters the two do not share (an edit changes at most two).
    if domain.name.len().abs_diff(known.name.len()) > most
        || (domain.mask ^ known.mask).count_ones() as usize > 2 * most
    {
        return None;
    }
    // Only the characters either name has can differ: walk the set bits of the two
    // presence masks (a dozen) rather than all 128 counts.
    let mut union = domain.mask | known.mask;
    let mut unshared = domain.other;
    while union != 0 {
        let c = union.trailing_zeros() as usize;
        union &= union - 1;
        let (a, b) = (domain.bag.get(c), known.bag.get(c));
        unshared += usize::from(a.zip(b).map_or(0, |(a, b)| a.abs_diff(*b)));
    }
    if unshared > 2 * most {
        return None;
    }
    if text::one_edit_apart(domain.name, known.name) {
        Some(1)
    } else if two_allowed && text::typo_distance(domain.name, known.name) == 2 {
        Some(2)
    } else {
        None
    }
}

/// Suggests the domain meant by a lower-case registrable domain, if it looks misspelt.
///
/// Comparing a domain with every known one is most of a check's work, and the same domains
/// come back at every keystroke (the address's and both servers', while another field is
/// typed), so the last few answers are kept.
pub fn suggest(domain: &str) -> Option<Suggestion> {
    /// How many answers are kept, and the longest domain kept (a valid name has at most 253).
    const KEEP: usize = 8;
    const LONGEST: usize = 253;
    static RECENT: std::sync::Mutex<Vec<(String, Option<Suggestion>)>> =
        std::sync::Mutex::new(Vec::new());
    if let Ok(recent) = RECENT.lock() {
        if let Some((_, known)) = recent.iter().find(|(d, _)| d == domain) {
            return known.clone();
        }
    }
    let answer = suggest_uncached(domain);
    if domain.len() <= LONGEST {
        if let Ok(mut recent) = RECENT.lock() {
            if recent.len() == KEEP {
                recent.remove(0);
            }
            recent.push((domain.to_string(), answer.clone()));
        }
    }
    answer
}

fn suggest_uncached(domain: &str) -> Option<Suggestion> {
    if domain.is_empty() {
        return None;
    }
    if let Some(meant) = crate::providers::misspelling_of(domain) {
        return Some(Suggestion {
            candidates: vec![meant.to_string()],
            certain: true,
        });
    }
    // A domain that really receives mail is never a typo.
    if is_real(domain) {
        return None;
    }
    let (sld, tld) = domain.rsplit_once('.')?;
    // A top-level domain that does not exist is evidence: the name cannot receive mail.
    let tld_fixed = corrected_tld(tld).map(|t| format!("{sld}.{t}"));
    let certain = tld_fixed.is_some();
    let probe = tld_fixed.as_deref().unwrap_or(domain);
    if tld_fixed.is_some() && is_target(probe) {
        return Some(Suggestion {
            candidates: vec![probe.to_string()],
            certain,
        });
    }
    let (sld, tld) = probe.split_once('.')?;
    let (bag, other) = bag(probe);
    let typed = Typed {
        name: probe,
        sld_len: sld.len(),
        tld,
        bag,
        other,
        mask: presence(probe),
    };
    let mut best: Vec<(usize, &str)> = near_in_length(probe.len())
        .iter()
        // A real ending is not rewritten to another on spelling alone (`posteo.se` is not a
        // slip for `posteo.de`): only a known misspelling says so (`gmail.co`).
        .filter(|k| certain || !same_first_label(probe, k.name))
        .filter_map(|k| closeness(&typed, k).map(|c| (c, k.name)))
        .collect();
    crate::order::sort_by_key(&mut best, |(c, _)| *c);
    if let Some(&(top, _)) = best.first() {
        let mut candidates: Vec<String> = best
            .iter()
            .filter(|(c, _)| *c == top)
            .map(|(_, k)| k.to_string())
            .collect();
        candidates.dedup();
        return Some(Suggestion {
            candidates,
            certain,
        });
    }
    tld_fixed.map(|d| Suggestion {
        candidates: vec![d],
        certain,
    })
}

/// What a typed domain's finding is made of: the field, the text as typed, the suggestion
/// and how to write the text with a candidate in place of the domain.
pub struct Typo<'a> {
    pub field: Field,
    pub raw: &'a str,
    pub suggestion: Suggestion,
    pub fixed: Box<dyn Fn(&str) -> String + 'a>,
}

/// Every typed domain (the address's, then each server's registrable domain) that draws a
/// suggestion; both typo rules read this, each keeping its own kind.
pub fn typos<'a>(ctx: &'a Context) -> Vec<Typo<'a>> {
    let mut out = Vec::new();
    if let (Some(address), Some(raw)) = (&ctx.address, ctx.settings.text(Field::Email)) {
        if let Some(suggestion) = suggest(&address.domain) {
            out.push(Typo {
                field: Field::Email,
                raw,
                suggestion,
                fixed: Box::new(move |d: &str| format!("{}@{d}", address.local)),
            });
        }
    }
    for side in ctx.sides() {
        let Some(host) = &side.host else { continue };
        if host.opaque || text::host::is_ip_literal(&host.name) || host.ascii.is_none() {
            continue;
        }
        let registrable = text::host::registrable(&host.key);
        let Some(suggestion) = suggest(registrable) else {
            continue;
        };
        let prefix_len = host.key.trim_end_matches('.').len() - registrable.len();
        let prefix = host.key.get(..prefix_len).unwrap_or("").to_string();
        out.push(Typo {
            field: side.side.host_field(),
            raw: &host.name,
            suggestion,
            fixed: Box::new(move |d: &str| format!("{prefix}{d}")),
        });
    }
    out
}

/// The finding of `code` for a typo, with its fix when there is one candidate.
pub fn draft(code: Code, typo: &Typo) -> Draft {
    let candidates = &typo.suggestion.candidates;
    let mut draft = Draft::new(code, typo.field).arg("value", typo.raw).arg(
        "suggestion",
        text::join(candidates.iter().map(String::as_str), " / "),
    );
    if let [only] = candidates.as_slice() {
        draft = draft.fix_text(typo.field, (typo.fixed)(only));
    }
    draft
}

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for typo in typos(ctx).iter().filter(|t| t.suggestion.certain) {
        out.push(draft(Code::DomainTypo, typo));
    }
}

#[cfg(test)]
mod tests {
    use super::suggest;

    fn one(d: &str) -> Option<String> {
        suggest(d).and_then(|s| match s.candidates.as_slice() {
            [only] => Some(only.clone()),
            _ => None,
        })
    }

    fn certain(d: &str) -> bool {
        suggest(d).is_some_and(|s| s.certain)
    }

    #[test]
    fn evidence_makes_it_certain_and_spelling_alone_does_not() {
        assert!(certain("gmial.com"));
        assert!(certain("yaho.com.hk"));
        assert!(certain("gmail.co"));
        assert!(certain("icloud.con"));
        assert!(certain("mycompany.con"));
        assert_eq!(one("gmaill.com").as_deref(), Some("gmail.com"));
        assert!(!certain("gmaill.com"));
    }

    #[test]
    fn a_real_ending_is_not_rewritten_to_another() {
        for d in [
            "posteo.se",
            "posteo.pt",
            "posteo.co",
            "fastmail.im",
            "yahoo.co",
            "hotmail.kg",
        ] {
            assert!(
                suggest(d).is_none_or(|s| s
                    .candidates
                    .iter()
                    .all(|c| !c.starts_with(d.split('.').next().unwrap_or("")))),
                "{d}: {:?}",
                suggest(d)
            );
        }
    }

    #[test]
    fn misspellings_are_corrected() {
        assert_eq!(one("gmial.com").as_deref(), Some("gmail.com"));
        assert_eq!(one("hotmial.com").as_deref(), Some("hotmail.com"));
        assert_eq!(one("icloud.con").as_deref(), Some("icloud.com"));
        assert_eq!(one("yahoo.cmo").as_deref(), Some("yahoo.com"));
        assert_eq!(one("mycompany.con").as_deref(), Some("mycompany.com"));
    }

    #[test]
    fn real_close_domains_stay_quiet() {
        for d in [
            "mac.com",
            "mail.com",
            "gmx.com",
            "comcast.net",
            "hotmail.fr",
            "me.com",
            "live.cn",
            "chan.com.hk",
            "so-net.net.tw",
        ] {
            assert_eq!(suggest(d), None, "{d}");
        }
    }
}
