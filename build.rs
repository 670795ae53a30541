//! Compiles the data the engine reads in place:
//! - data/providers.toml, the provider database, checked (src/providers/data_file.rs) and
//!   written to OUT_DIR as Rust tables (src/providers/table.rs includes them). A malformed
//!   entry stops the build with a message naming it.
//! - data/real-domains-near.txt (the real domains that look like misspellings of well-known
//!   ones), as a binary fuse filter of every domain's key (src/providers/domain_hash.rs),
//!   written as its descriptor then its fingerprints (src/providers/real_domains.rs).

// A build script that cannot read its data or write its output must stop the build, loudly.
#![allow(clippy::panic)]

use std::io::Write;
use std::path::Path;

use xorf::{BinaryFuse8, DmaSerializable};

include!("src/providers/domain_hash.rs");
include!("src/providers/data_file.rs");

fn main() {
    let out_dir = std::env::var("OUT_DIR").unwrap_or_default();
    provider_tables_file(Path::new(&out_dir));
    real_domain_filter(Path::new(&out_dir));
}

fn provider_tables_file(out_dir: &Path) {
    println!("cargo:rerun-if-changed=data/providers.toml");
    println!("cargo:rerun-if-changed=src/providers/data_file.rs");
    let text = std::fs::read_to_string("data/providers.toml")
        .unwrap_or_else(|e| panic!("data/providers.toml: {e}"));
    let tables = read_provider_file(&text)
        .and_then(|file| provider_tables(&file))
        .unwrap_or_else(|e| panic!("data/providers.toml: {e}"));
    let out = out_dir.join("providers.rs");
    std::fs::write(&out, tables).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

fn real_domain_filter(out_dir: &Path) {
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
    let out = out_dir.join("real-domains.bin");
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
