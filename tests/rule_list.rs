//! What adding a rule touches, as `src/rules/mod.rs` says: its file, its line in the list in
//! `codes.rs`, one entry per locale (the compiler refuses a missing one) and its fixture.
//! The `.d.ts` union of codes and the table in docs/rules.md are checked here and in readme.rs, so
//! a rule added without them fails a test rather than shipping half-declared.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use maillint::rules::{self, Check};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The settings and profile codes (the probe's live in server/ and are checked there).
fn rule_codes() -> BTreeSet<String> {
    rules::ALL
        .iter()
        .map(|r| r.code.as_str().to_string())
        .collect()
}

#[test]
fn every_rule_file_is_in_the_list_and_every_listed_rule_has_its_file() {
    let files: BTreeSet<String> = fs::read_dir(root().join("src/rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".rs").map(str::to_string))
        .filter(|n| n != "mod" && n != "probe")
        .map(|n| n.replace('_', "-"))
        .collect();
    assert_eq!(
        files,
        rule_codes(),
        "src/rules/<file>.rs against the list in codes.rs"
    );
}

/// rustfmt formats only the modules it can see declared: one declared by a macro is never
/// formatted (nor checked by `cargo fmt --check`), so each rule file has its own plain line.
#[test]
fn every_rule_file_is_declared_where_rustfmt_sees_it() {
    let declared: BTreeSet<String> = fs::read_to_string(root().join("src/rules/mod.rs"))
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';'))
        .filter(|m| *m != "probe")
        .map(|m| m.replace('_', "-"))
        .collect();
    assert_eq!(
        declared,
        rule_codes(),
        "`pub mod` lines in src/rules/mod.rs"
    );
}

#[test]
fn every_rule_file_says_what_it_catches_and_why() {
    for rule in rules::ALL {
        let code = rule.code.as_str();
        let path = root().join(format!("src/rules/{}.rs", code.replace('-', "_")));
        let text = fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or("");
        assert!(
            first.starts_with(&format!("//! `{code}`: ")),
            "{}: starts with //! `{code}`: and what it catches",
            path.display()
        );
        assert!(text.contains("\n//! Why: "), "{}: says why", path.display());
        assert!(
            text.contains(&format!("code: Code::{:?},", rule.code)),
            "{}: declares its own code",
            path.display()
        );
    }
}

#[test]
fn every_rule_checks_what_its_code_names() {
    for rule in rules::ALL {
        let profile = rule.code.as_str().starts_with("profile-");
        match rule.check {
            Check::Settings(_) => assert!(!profile, "{} checks settings", rule.code),
            Check::Profile(_) => assert!(profile, "{} checks a profile", rule.code),
            #[cfg(feature = "probe")]
            Check::Probe { .. } => panic!("{}: probe rules are not in rules::ALL", rule.code),
            Check::Discovery { found_in } => {
                assert!(!profile, "{} is found by discovery", rule.code);
                for file in found_in {
                    let path = root().join("server/src").join(file);
                    assert!(
                        path.exists(),
                        "{}: {} does not exist",
                        rule.code,
                        path.display()
                    );
                }
            }
        }
        assert_eq!(rules::rule(rule.code).code, rule.code);
    }
}
