//! Prints what `parse_settings` and `check` make of a pasted file: `cargo run --example paste_seed FILE`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = maillint::parse_settings(&text);
        println!("{path}\n{parsed:#?}");
        let report = maillint::check(&parsed, &maillint::Options::default());
        for f in report.findings {
            println!("  {} {} {}", f.code, f.place.path(), f.message);
        }
    }
}
