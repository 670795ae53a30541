//! data/providers.toml is the one place provider facts are written: build.rs checks it and
//! compiles it into the engine's tables. These tests run the same check (the file is
//! `include!`d here as in build.rs) on the real file, to see that the tables the engine has
//! are exactly what the file says, and on broken copies, to see that each kind of malformed
//! entry stops the build with a message naming the entry.
#![cfg(not(target_arch = "wasm32"))]

include!("../src/providers/data_file.rs");

use maillint::providers::{MISSPELLINGS, OTHER_MAIL_DOMAINS, PROVIDERS};
use maillint::settings::Protocol;

fn data() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/providers.toml")).unwrap()
}

/// A server as the file writes it.
fn written(e: &maillint::providers::Endpoint) -> String {
    match (e.port, e.security) {
        (Some(port), Some(security)) => {
            let security = match security {
                maillint::Security::Tls => "tls",
                maillint::Security::Starttls => "starttls",
                maillint::Security::None => "none",
            };
            format!("{} {port} {security}", e.host)
        }
        _ => e.host.to_string(),
    }
}

#[test]
fn the_tables_are_what_the_file_says() {
    let file = read_provider_file(&data()).unwrap();
    assert_eq!(file.providers.len(), PROVIDERS.len());
    for (entry, p) in file.providers.iter().zip(PROVIDERS) {
        assert_eq!(entry.id, p.id, "order");
        assert_eq!(entry.name, p.name, "{}", p.id);
        assert_eq!(entry.family.as_deref(), p.family, "{}", p.id);
        assert_eq!(
            entry.domain_list(),
            p.domains().collect::<Vec<_>>(),
            "{}",
            p.id
        );
        assert_eq!(
            entry.domains.split_whitespace().collect::<Vec<_>>(),
            p.typo_targets().collect::<Vec<_>>(),
            "{}",
            p.id
        );
        assert_eq!(entry.domain_labels, p.domain_labels, "{}", p.id);
        for (key, protocol, list) in [
            ("imap", Protocol::Imap, &entry.imap),
            ("pop3", Protocol::Pop3, &entry.pop3),
            ("smtp", Protocol::Smtp, &entry.smtp),
        ] {
            let normalised: Vec<String> = list
                .iter()
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            let built: Vec<String> = p.endpoints(protocol).iter().map(written).collect();
            assert_eq!(normalised, built, "{} {key}", p.id);
        }
        assert_eq!(
            entry.account.as_deref().unwrap_or(&p.name),
            p.account_name(),
            "{}",
            p.id
        );
        assert_eq!(entry.smtp_auth, p.smtp_auth, "{}", p.id);
        assert_eq!(entry.sources, p.sources, "{}", p.id);
        let exchangers: Vec<(&str, &str)> = entry
            .exchangers
            .iter()
            .map(|e| (e.suffix.as_str(), e.name.as_str()))
            .collect();
        assert_eq!(exchangers, p.exchangers, "{}", p.id);
    }
    assert_eq!(
        file.other_domains.split_whitespace().collect::<Vec<_>>(),
        OTHER_MAIL_DOMAINS
    );
    let misspellings: Vec<(&str, &str)> = file
        .misspellings
        .iter()
        .map(|(t, m)| (t.as_str(), m.as_str()))
        .collect();
    assert_eq!(misspellings, MISSPELLINGS);
}

/// The file with one edit, read as build.rs reads it: the error it gives.
fn broken(from: &str, to: &str) -> String {
    let text = data();
    assert!(text.contains(from), "the file no longer has {from:?}");
    match read_provider_file(&text.replacen(from, to, 1)) {
        Ok(_) => panic!("{from:?} → {to:?} was accepted"),
        Err(e) => e,
    }
}

#[test]
fn a_malformed_entry_is_refused_with_its_name() {
    let gmail_imap = "imap = [\"imap.gmail.com 993 tls\"]";
    for (from, to, says) in [
        (gmail_imap, "imap = [\"imap.gmail.com 99 tls\"]", "provider \"gmail\": imap \"imap.gmail.com 99 tls\": port 99 is not a known mail port"),
        (gmail_imap, "imap = [\"imap.gmail.com 993 ssl\"]", "provider \"gmail\": imap \"imap.gmail.com 993 ssl\": security \"ssl\""),
        (gmail_imap, "imap = [\"imap.gmail,com 993 tls\"]", "provider \"gmail\": imap \"imap.gmail,com 993 tls\": \"imap.gmail,com\" is not a valid host name"),
        (gmail_imap, "imap = [\"imap.gmail.com 993\"]", "provider \"gmail\": imap \"imap.gmail.com 993\": write"),
        ("gmail.com googlemail.com", "gmail.com googlemail.com hotmail.com", "provider \"outlook\": domain \"hotmail.com\" is also a domain of \"gmail\""),
        ("gmail.com googlemail.com", "gmail.com Googlemail.com", "provider \"gmail\": domain \"Googlemail.com\" is not a lower-case domain name"),
        ("app-password = \"with-two-step\"", "app-password = \"sometimes\"", "provider \"gmail\": app-password \"sometimes\""),
        ("username = \"full-address\"", "username = \"whole\"", "provider \"gmail\": username \"whole\""),
        ("family = \"aol\"", "family = \"aoll\"", "provider \"aol\": family \"aoll\" has no other member"),
        ("\"gmial.com\" = \"gmail.com\"", "\"gmial.com\" = \"gmial.co\"", "misspellings: \"gmial.com\" = \"gmial.co\""),
        ("\"gmial.com\" = \"gmail.com\"", "\"googlemail.com\" = \"gmail.com\"", "misspellings: \"googlemail.com\" is a domain of provider \"gmail\""),
        ("id = \"gmail\"\n", "id = \"gmail\"\nwebsite = \"x\"\n", "unknown field `website`"),
        ("on = \"2024-09-16\"", "on = \"16/09/2024\"", "provider \"outlook\": sign-in: \"16/09/2024\" is not a date written YYYY-MM-DD"),
        ("on = \"2024-09-16\"", "on = \"2024-13-16\"", "provider \"outlook\": sign-in: \"2024-13-16\" is not a date"),
        ("protocols = \"imap pop3 smtp\"", "protocols = \"imap webmail\"", "provider \"outlook\": sign-in: \"webmail\" is none of imap, pop3, smtp"),
        ("oauth = true\nsources = [\"https://help.yahoo.com", "oauth = false\napps = [\"Outlook\"]\nsources = [\"https://help.yahoo.com", "provider \"yahoo\": sign-in names apps but no OAuth sign-in"),
    ] {
        let error = broken(from, to);
        assert!(error.contains(says), "{from:?} → {to:?}: {error}");
    }
    // A provider without sources.
    let text = data();
    let at = text
        .find("  \"https://support.google.com/mail/answer/7126229\",\n")
        .unwrap();
    let start = text[..at].rfind("sources = [").unwrap();
    let end = at + text[at..].find("]\n").unwrap() + 2;
    let no_sources = format!("{}sources = []\n{}", &text[..start], &text[end..]);
    let error = read_provider_file(&no_sources).err().unwrap();
    assert!(error.contains("provider \"gmail\": no source"), "{error}");
}
