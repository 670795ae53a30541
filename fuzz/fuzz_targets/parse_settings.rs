//! `parse_settings` on raw bytes: never a panic, and what it returns checks cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let settings = maillint::parse_settings(&text);
    let _ = maillint::check(&settings, &maillint::Options::default());
});
