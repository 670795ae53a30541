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

/// Every domain each provider serves (data/providers.toml), typed with the provider's first
/// published incoming and outgoing servers and the user name it asks for, draws no error:
/// the corpus above grows with the provider data, one configuration per domain, each with
/// the provider's sources.
#[test]
fn every_domain_of_every_provider_draws_no_error() {
    use maillint::providers::{UsernameRule, PROVIDERS};
    use maillint::settings::{IncomingSettings, OutgoingSettings, Protocol};
    let mut failures = Vec::new();
    let mut count = 0;
    for p in PROVIDERS {
        assert!(!p.sources.is_empty(), "{}", p.id);
        let incoming = [Protocol::Imap, Protocol::Pop3]
            .into_iter()
            .find_map(|proto| p.endpoints(proto).first().map(|e| (proto, e)));
        let outgoing = p.endpoints(Protocol::Smtp).first();
        for domain in p.domains() {
            count += 1;
            let address = format!("momo@{domain}");
            let user = |rule: UsernameRule| match rule {
                UsernameRule::LocalPart => "momo".to_string(),
                _ => address.clone(),
            };
            let security = |s: Option<maillint::Security>| {
                s.map(|s| match s {
                    maillint::Security::Tls => "tls",
                    maillint::Security::Starttls => "starttls",
                    maillint::Security::None => "none",
                })
                .map(str::to_string)
            };
            let settings = maillint::Settings {
                email: Some(address.clone()),
                incoming: IncomingSettings {
                    protocol: incoming.map(|(proto, _)| proto.as_str().to_string()),
                    host: incoming.map(|(_, e)| e.host.to_string()),
                    port: incoming.and_then(|(_, e)| e.port).map(|n| n.to_string()),
                    security: security(incoming.and_then(|(_, e)| e.security)),
                    username: Some(user(p.incoming_username)),
                },
                outgoing: OutgoingSettings {
                    host: outgoing.map(|e| e.host.to_string()),
                    port: outgoing.and_then(|e| e.port).map(|n| n.to_string()),
                    security: security(outgoing.and_then(|e| e.security)),
                    username: Some(user(p.outgoing_username)),
                    auth: Some(p.smtp_auth),
                },
            };
            for f in check(&settings, &Options::default()).findings {
                if f.severity == Severity::Error {
                    failures.push(format!(
                        "{} ({}): {} on {}: {}",
                        p.id,
                        p.sources.join(", "),
                        f.code,
                        f.place.path(),
                        f.message
                    ));
                }
            }
        }
    }
    assert!(count >= 700, "{count} domains");
    assert!(
        failures.is_empty(),
        "{} of {count} provider domains draw an error:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
