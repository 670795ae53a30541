//! Each probe code is one hop from its logic: `rules/probe.rs` in the engine names the files
//! of this crate that report it, and each named file does report it.

use maillint::codes::Code;
use maillint::rules::{self, Check};

#[test]
fn every_probe_code_is_reported_where_its_rule_says() {
    let mut probe_codes = 0;
    for code in Code::all() {
        let Code::Probe(probe) = code else { continue };
        probe_codes += 1;
        let Check::Probe { found_in } = rules::rule(code).check else {
            panic!("{code}: a probe code whose rule is no probe rule");
        };
        assert!(!found_in.is_empty(), "{code}: names no file");
        let needle = format!("ProbeCode::{probe:?}");
        for file in found_in {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("src")
                .join(file);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{code}: {}: {e}", path.display()));
            assert!(
                text.contains(&needle),
                "{code}: {} does not report {needle}",
                path.display()
            );
        }
    }
    assert_eq!(probe_codes, 21);
}
