//! Settings that work: every configuration in tests/corpus/published.json is typed as its
//! provider publishes it (the provider's page, or its file in Thunderbird's ISPDB, named in
//! each entry), and none may draw an error. A checker that calls working settings wrong is
//! worse than none; the test names each provider and finding that fails.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use maillint::{check, Options, Severity};
use serde_json::Value;

fn corpus() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/published.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn published_configurations_draw_no_error() {
    let corpus = corpus();
    let providers: BTreeSet<&str> = corpus
        .iter()
        .filter_map(|c| c["provider"].as_str())
        .collect();
    assert!(corpus.len() >= 300, "{} configurations", corpus.len());
    assert!(providers.len() >= 60, "{} providers", providers.len());
    let mut failures = Vec::new();
    for entry in &corpus {
        // A page that names no port cannot be typed complete: such an entry is checked as
        // the customer types it, the others as a finished form.
        let complete =
            entry["incoming"]["port"].is_string() && entry["outgoing"]["port"].is_string();
        let options = Options {
            complete,
            ..Options::default()
        };
        assert!(
            entry["source"].as_str().is_some_and(|s| !s.is_empty()),
            "{entry}"
        );
        let mut typed = entry.clone();
        for key in ["provider", "source"] {
            typed.as_object_mut().unwrap().remove(key);
        }
        let settings = common::settings(&typed);
        for f in check(&settings, &options).findings {
            if f.severity == Severity::Error {
                failures.push(format!(
                    "{}: {} on {}: {} ({})",
                    entry["provider"],
                    f.code,
                    f.place.path(),
                    f.message,
                    entry["email"]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} configurations draw an error:\n{}",
        failures.len(),
        corpus.len(),
        failures.join("\n")
    );
}
