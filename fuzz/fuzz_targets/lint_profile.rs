//! Provider profiles on raw bytes: an error or findings, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = maillint::lint_profile(&text, maillint::Locale::En);
    if let Ok(profile) = maillint::Profile::from_xml(&text) {
        let options = maillint::Options {
            profile: Some(profile),
            ..maillint::Options::default()
        };
        let settings =
            maillint::parse_settings("Email: momo@lamtin.hk\nServer: mail.lamtin.hk\nPort: 993");
        let _ = maillint::check(&settings, &options);
    }
});
