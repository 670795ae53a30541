//! Domains that really receive mail are never typos: every domain on the maintained list in
//! data/real-domains.txt (npm email-providers, less its one-keystroke misspellings) and the
//! real near misses that look like misspellings of well-known domains. The misspellings
//! themselves still draw `domain-typo` (tests/fixtures/domain-typo.json).
#![cfg(not(target_arch = "wasm32"))]

use maillint::{check, Options, Settings};

fn typo(email: &str) -> Vec<String> {
    let settings = Settings {
        email: Some(email.to_string()),
        ..Settings::default()
    };
    check(&settings, &Options::default())
        .findings
        .into_iter()
        .filter(|f| f.code.as_str() == "domain-typo")
        .map(|f| f.message)
        .collect()
}

#[test]
fn no_domain_on_the_list_draws_domain_typo() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/real-domains.txt"
    ))
    .unwrap();
    let domains: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert!(domains.len() >= 1000, "{} domains", domains.len());
    let flagged: Vec<String> = domains
        .iter()
        .filter_map(|d| {
            typo(&format!("momo@{d}"))
                .pop()
                .map(|m| format!("{d}: {m}"))
        })
        .collect();
    assert!(
        flagged.is_empty(),
        "{} of {} real domains drew domain-typo:\n{}",
        flagged.len(),
        domains.len(),
        flagged.join("\n")
    );
}

#[test]
fn real_near_misses_stay_quiet_as_addresses_and_servers() {
    for domain in [
        "mailo.com",
        "1und1.de",
        "q.com",
        "uymail.com",
        "aol.com.br",
        "outlook.sk",
        "fastmail.fr",
        "yahoo.com.mx",
        "hailmail.net",
        "hotmail.nl",
        "windowslive.com",
        "gmx.com",
        "mac.com",
    ] {
        assert_eq!(
            typo(&format!("momo@{domain}")),
            Vec::<String>::new(),
            "{domain}"
        );
        let settings = Settings {
            email: Some(format!("momo@{domain}")),
            incoming: maillint::settings::IncomingSettings {
                host: Some(format!("imap.{domain}")),
                ..Default::default()
            },
            ..Settings::default()
        };
        let report = check(&settings, &Options::default());
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.code.as_str() != "domain-typo"),
            "imap.{domain}"
        );
    }
}

#[test]
fn misspellings_on_sign_up_lists_still_draw_domain_typo() {
    // These are on the npm list too (people sign up with typos); they stay typos.
    for (typed, meant) in [
        ("gmial.com", "gmail.com"),
        ("hotmial.com", "hotmail.com"),
        ("yaho.com", "yahoo.com"),
    ] {
        let found = typo(&format!("momo@{typed}"));
        assert_eq!(found.len(), 1, "{typed}");
        assert!(found[0].contains(meant), "{typed}: {found:?}");
    }
}
