// The key a domain has in the real-domain filter: FNV-1a over its lower-case bytes. Shared by
// build.rs, which builds the filter, and the engine, which asks it (both `include!` or
// `mod` this file, so the two can never disagree).

/// The 64-bit key of a lower-case domain.
pub const fn domain_hash(domain: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < domain.len() {
        // `i < len`, so the index is in bounds; a const fn cannot use iterators.
        #[allow(clippy::indexing_slicing)]
        let byte = domain[i];
        hash ^= byte.to_ascii_lowercase() as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}
