//! `domain-typo`: a domain one or two keystrokes away from a well-known mail domain, or with
//! a misspelt top-level domain.
//!
//! Why: `gmial.com`, `hotmial.com`, `icloud.con` and `yahoo.cmo` are the commonest reasons a
//! new account "does not work": the address or server does not exist. Real domains that only
//! look close (`mac.com`, `mail.com`, `gmx.com`, `comcast.net`, `hotmail.fr`) are in the
//! known list and never fire. The fix is offered when one candidate clearly wins.
//!
//! Bad: `momo@gmial.com`, host `imap.gmail.con`.
//! Good: `momo@gmail.com`, host `imap.gmail.com`.

use super::{Check, Rule};
use crate::context::Context;
use crate::finding::Draft;
use crate::codes::Code;
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
const COMMON_TLDS: &[&str] = &["com", "net", "org", "edu", "gov", "info"];

/// Real top-level domains of three or more letters that are one edit from a common one, so
/// they are never taken for a typo (every two-letter country code is also taken as real).
const REAL_NEAR_TLDS: &[&str] = &[
    "com", "net", "org", "edu", "gov", "info", "biz", "cam", "new", "nec", "ong", "goo", "gop",
    "int", "mil", "pro", "one", "ink", "moe", "xin", "app", "dev", "top", "xyz", "vip", "eus",
    "gal", "cat", "car", "cab", "cal", "bot", "ooo", "onl", "ngo", "nrw", "red", "fun", "inc",
    "mov",
];

/// A suggested correction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The best candidates, most likely first; a fix is offered only when there is one.
    pub candidates: Vec<String>,
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

/// The known domains, sorted by length and then name; built on first use.
fn known() -> &'static [Known] {
    static KNOWN: std::sync::OnceLock<Vec<Known>> = std::sync::OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut all: Vec<Known> = PROVIDERS
            .iter()
            .flat_map(|p| p.domains())
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

fn is_known(domain: &str) -> bool {
    known()
        .binary_search_by_key(&(domain.len(), domain), |k| (k.name.len(), k.name))
        .is_ok()
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
    // A domain that really receives mail is never a typo.
    if domain.is_empty() || is_known(domain) || crate::providers::real_domains::is_real(domain) {
        return None;
    }
    let (sld, tld) = domain.rsplit_once('.')?;
    let tld_fixed = corrected_tld(tld).map(|t| format!("{sld}.{t}"));
    let probe = tld_fixed.as_deref().unwrap_or(domain);
    if tld_fixed.is_some() && is_known(probe) {
        return Some(Suggestion {
            candidates: vec![probe.to_string()],
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
        return Some(Suggestion { candidates });
    }
    tld_fixed.map(|d| Suggestion {
        candidates: vec![d],
    })
}

fn push(
    out: &mut Vec<Draft>,
    field: Field,
    raw: &str,
    suggestion: Suggestion,
    fixed: impl Fn(&str) -> String,
) {
    let mut draft = Draft::new(Code::DomainTypo, field)
        .arg("value", raw)
        .arg(
            "suggestion",
            text::join(suggestion.candidates.iter().map(String::as_str), " / "),
        );
    if let [only] = suggestion.candidates.as_slice() {
        draft = draft.fix_text(field, fixed(only));
    }
    out.push(draft);
}

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    if let (Some(address), Some(raw)) = (&ctx.address, ctx.settings.text(Field::Email)) {
        if let Some(s) = suggest(&address.domain) {
            push(out, Field::Email, raw, s, |d| {
                format!("{}@{d}", address.local)
            });
        }
    }
    for side in ctx.sides() {
        let Some(host) = &side.host else { continue };
        if host.opaque || text::host::is_ip_literal(&host.name) || host.ascii.is_none() {
            continue;
        }
        let registrable = text::host::registrable(&host.key);
        let Some(s) = suggest(registrable) else {
            continue;
        };
        let prefix_len = host.key.trim_end_matches('.').len() - registrable.len();
        let prefix = host.key.get(..prefix_len).unwrap_or("").to_string();
        push(out, side.side.host_field(), &host.name, s, |d| {
            format!("{prefix}{d}")
        });
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
