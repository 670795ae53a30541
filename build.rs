//! Builds the real-domain filter from data/real-domains-near.txt (the real domains that look
//! like misspellings of well-known ones): a binary fuse filter of every
//! domain's key (src/providers/domain_hash.rs), written to OUT_DIR as its descriptor then
//! its fingerprints, which the engine reads in place (src/providers/real_domains.rs).

// A build script that cannot write its output must stop the build, loudly.
#![allow(clippy::panic)]

use std::io::Write;

use xorf::{BinaryFuse8, DmaSerializable};

include!("src/providers/domain_hash.rs");

fn main() {
    println!("cargo:rerun-if-changed=data/real-domains-near.txt");
    println!("cargo:rerun-if-changed=src/providers/domain_hash.rs");
    let text = std::fs::read_to_string("data/real-domains-near.txt").unwrap_or_default();
    let mut keys: Vec<u64> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|d| domain_hash(d.as_bytes()))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap_or_default())
        .join("real-domains.bin");
    let mut file = std::fs::File::create(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    if keys.is_empty() {
        // No list: an empty file, which the engine reads as "no domain is known real".
        return;
    }
    let filter = BinaryFuse8::try_from(&keys).unwrap_or_else(|e| panic!("real-domain filter: {e}"));
    let mut descriptor = vec![0u8; BinaryFuse8::DESCRIPTOR_LEN];
    filter.dma_copy_descriptor_to(&mut descriptor);
    file.write_all(&descriptor)
        .and_then(|()| file.write_all(filter.dma_fingerprints()))
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
