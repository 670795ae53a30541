//! Domains known to receive mail: the maintained public list of mail providers' domains in the
//! npm package `email-providers` (all.json), less the one-keystroke misspellings of the
//! well-known domains that such lists pick up from sign-up forms (`gmial.com`), kept in
//! data/real-domains.txt by scripts/real-domains.mjs and compiled by build.rs into a binary
//! fuse filter of about 9 bits a domain. A domain in it never draws `domain-typo`. The filter
//! answers "maybe" for about 1 in 256 domains not in it; since it is only asked about
//! domains that look misspelt, that costs at most a missed typo, never a false alarm.

use xorf::{BinaryFuse8Ref, Filter, FilterRef};

mod hash {
    include!("domain_hash.rs");
}

/// The filter's bytes as build.rs wrote them: the descriptor, then the fingerprints.
static FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/real-domains.bin"));

/// The descriptor's length: a 64-bit seed and three 32-bit lengths.
const DESCRIPTOR: usize = 20;

/// Whether a lower-case domain is on the list of real mail domains.
pub fn is_real(domain: &str) -> bool {
    let (Some(descriptor), Some(fingerprints)) =
        (FILTER.get(..DESCRIPTOR), FILTER.get(DESCRIPTOR..))
    else {
        return false;
    };
    if fingerprints.is_empty() {
        return false;
    }
    BinaryFuse8Ref::from_dma(descriptor, fingerprints)
        .contains(&hash::domain_hash(domain.as_bytes()))
}
