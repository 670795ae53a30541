//! Junk thrown at every entry point: arbitrary Unicode, control characters and long strings in
//! every field and in pasted text. Nothing panics, every finding points at a real field, and
//! every fix, applied, removes the finding it belongs to.
#![cfg(not(target_arch = "wasm32"))]

use maillint::settings::{IncomingSettings, OutgoingSettings};
use maillint::{check, parse_settings, Field, Locale, Options, Settings};
use proptest::prelude::*;

/// Text that looks like what customers type, and text that looks like nothing at all.
fn field_text() -> impl Strategy<Value = Option<String>> {
    let typed = prop::sample::select(vec![
        "mail,lamtin,hk",
        " mail.lamtin.hk",
        "mail。lamtin。hk",
        "mail.[yourdomain]",
        "momo@gmial.com",
        "imap.gmail.com",
        "smtp.gmail.com",
        "993",
        "９９３",
        "25",
        "587",
        "465",
        "tls",
        "starttls",
        "none",
        "SSL/TLS",
        "yes",
        "pop3",
        "imap",
        "momo",
        "momo@so-net.net.tw",
        "https://x.y/z",
        "mail.lamtin.hk:993",
        "a..b",
        "mail.bücher.de",
        "momo@icloud.com",
        "",
        "\u{200B}",
        "%EMAILDOMAIN%",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        Just(None),
        typed.prop_map(Some),
        any::<String>().prop_map(Some),
        "[ -~\u{3000}-\u{303F}\u{FF00}-\u{FFEF},;@.:/\\[\\]%<>]{0,40}".prop_map(Some),
        (any::<char>(), 0usize..3000).prop_map(|(c, n)| Some(c.to_string().repeat(n))),
    ]
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        field_text(),
        (
            field_text(),
            field_text(),
            field_text(),
            field_text(),
            field_text(),
        ),
        (
            field_text(),
            field_text(),
            field_text(),
            field_text(),
            any::<Option<bool>>(),
        ),
    )
        .prop_map(|(email, i, o)| Settings {
            email,
            incoming: IncomingSettings {
                protocol: i.0,
                host: i.1,
                port: i.2,
                security: i.3,
                username: i.4,
            },
            outgoing: OutgoingSettings {
                host: o.0,
                port: o.1,
                security: o.2,
                username: o.3,
                auth: o.4,
            },
        })
}

fn locale() -> impl Strategy<Value = Locale> {
    prop::sample::select(Locale::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn check_never_panics_and_fixes_remove_their_findings(s in settings(), complete in any::<bool>(), locale in locale(), sample in prop::option::of(0usize..3), day in prop::option::of((2000u32..2100, 1u32..13, 1u32..32))) {
        let profile = sample.map(|i| {
            let name = ["hk-host.xml", "plesk-host.xml", "isp-single-host.xml"][i];
            let xml = std::fs::read_to_string(format!("{}/www/profiles/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            maillint::Profile::from_xml(&xml).unwrap()
        });
        let today = day.and_then(|(y, m, d)| maillint::providers::Day::new(y, m, d));
        let options = Options { locale, complete, profile, today };
        let report = check(&s, &options);
        prop_assert_eq!(report.ok, !report.findings.iter().any(|f| f.severity == maillint::Severity::Error));
        for finding in &report.findings {
            prop_assert!(Field::ALL.contains(&finding.place));
            prop_assert!(!finding.message.is_empty());
            let Some(fix) = &finding.fix else { continue };
            prop_assert!(!fix.edits.is_empty());
            let mut fixed = s.clone();
            for e in &fix.edits {
                fixed.apply(e.field, &e.value);
            }
            let after = check(&fixed, &options);
            prop_assert!(
                !after.findings.iter().any(|f| f.code == finding.code && f.place == finding.place),
                "fix {:?} left {} on {}", fix.edits, finding.code, finding.place.path()
            );
        }
        // The same input gives the same findings, in the same order.
        prop_assert_eq!(check(&s, &options), report);
    }

    #[test]
    fn profiles_of_any_shape_never_panic(text in any::<String>(), tags in prop::collection::vec(prop::sample::select(vec![
        "<clientConfig>", "<emailProvider>", "<incomingServer type=\"imap\">", "<outgoingServer type=\"smtp\">",
        "<hostname>", "</hostname>", "<port>", "</port>", "<socketType>", "</socketType>", "%EMAILDOMAIN%",
        "</incomingServer>", "</outgoingServer>", "</emailProvider>", "</clientConfig>", "<!DOCTYPE x>", "&amp;", "%",
    ]), 0..40), s in settings()) {
        let xml: String = tags.concat() + &text;
        for input in [text.as_str(), xml.as_str()] {
            let _ = maillint::lint_profile(input, Locale::En);
            if let Ok(profile) = maillint::Profile::from_xml(input) {
                let options = Options { profile: Some(profile), ..Options::default() };
                let report = check(&s, &options);
                for finding in &report.findings {
                    let Some(fix) = &finding.fix else { continue };
                    let mut fixed = s.clone();
                    for e in &fix.edits {
                        fixed.apply(e.field, &e.value);
                    }
                    let after = check(&fixed, &options);
                    prop_assert!(!after.findings.iter().any(|f| f.code == finding.code && f.place == finding.place));
                }
            }
        }
    }

    #[test]
    fn the_typo_distances_agree_with_strsim(a in "[a-e.]{0,12}", edits in prop::collection::vec((0usize..4, 0usize..14, "[a-e.ä]"), 0..3)) {
        // `b` is `a` after a few random edits, so pairs one edit apart are common.
        let mut b: Vec<char> = a.chars().collect();
        for (kind, at, c) in &edits {
            let at = *at % (b.len() + 1);
            let c = c.chars().next().unwrap();
            match kind {
                0 => b.insert(at, c),
                1 if at < b.len() => { b.remove(at); }
                2 if at < b.len() => b[at] = c,
                3 if at + 1 < b.len() => b.swap(at, at + 1),
                _ => {}
            }
        }
        let b: String = b.into_iter().collect();
        let distance = strsim::osa_distance(&a, &b);
        prop_assert_eq!(maillint::text::typo_distance(&a, &b), distance, "{:?} {:?}", a, b);
        prop_assert_eq!(maillint::text::one_edit_apart(&a, &b), distance == 1, "{:?} {:?}", a, b);
    }

    #[test]
    fn the_short_distance_agrees_with_strsim(a in "[a-z.-]{0,70}", b in "[a-z.-]{0,70}") {
        prop_assert_eq!(maillint::text::typo_distance(&a, &b), strsim::osa_distance(&a, &b));
    }

    #[test]
    fn parse_settings_never_panics(text in any::<String>()) {
        let parsed = parse_settings(&text);
        for security in [&parsed.incoming.security, &parsed.outgoing.security].into_iter().flatten() {
            prop_assert!(["tls", "starttls", "none"].contains(&security.as_str()));
        }
        let _ = check(&parsed, &Options::default());
    }

    #[test]
    fn parse_settings_reads_labelled_lines_among_junk(junk in "[^\n:：=\t]{0,200}", port in 1u16..=65535) {
        let text = format!("{junk}\nIncoming mail server: mail.lamtin.hk\nPort: {port}\n{junk}");
        let parsed = parse_settings(&text);
        prop_assert_eq!(parsed.incoming.host.as_deref(), Some("mail.lamtin.hk"));
        prop_assert_eq!(parsed.incoming.port, Some(port.to_string()));
    }
}

#[test]
fn a_megabyte_paste_is_read() {
    let mut text = String::from("伺服器:mail.lamtin.hk\n");
    text.push_str(&"ｘ,。\u{3000}@".repeat(200_000));
    text.push_str("\n連接埠:995\n");
    text.push_str(&"Server: a\n".repeat(50_000));
    assert!(text.len() > 1_000_000);
    let parsed = parse_settings(&text);
    assert_eq!(parsed.incoming.port.as_deref(), Some("995"));
    assert_eq!(parsed.incoming.host.as_deref(), Some("a"));
}
