//! Provider profiles: the sample profiles of www/profiles/ read cleanly and drive `check`;
//! hostile or broken files give an error or findings, never a panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use maillint::{check, lint_profile, Locale, Options, Profile};

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/www/profiles/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn codes(settings: serde_json::Value, profile: &str) -> Vec<String> {
    let options = Options {
        profile: Some(Profile::from_xml(&sample(profile)).unwrap()),
        ..Options::default()
    };
    check(&common::settings(&settings), &options)
        .findings
        .into_iter()
        .map(|f| format!("{}@{}", f.code, f.place.path()))
        .collect()
}

#[test]
fn sample_profiles_lint_clean() {
    for name in ["hk-host.xml", "plesk-host.xml", "isp-single-host.xml"] {
        let report = lint_profile(&sample(name), Locale::En).unwrap();
        assert_eq!(report.findings, vec![], "{name}");
        assert!(report.ok);
    }
}

#[test]
fn hk_host_profile_accepts_its_settings_and_fixes_mistakes() {
    let good = serde_json::json!({
        "email": "momo@chan.com.hk",
        "incoming": { "protocol": "imap", "host": "mail.chan.com.hk", "port": 993, "security": "tls", "username": "momo@chan.com.hk" },
        "outgoing": { "host": "mail.chan.com.hk", "port": 465, "security": "tls", "username": "momo@chan.com.hk", "auth": true }
    });
    assert_eq!(codes(good, "hk-host.xml"), Vec::<String>::new());
    let typed = serde_json::json!({
        "email": "momo@chan.com.hk",
        "incoming": { "protocol": "pop3", "host": "pop.chan.com.hk", "port": 110, "username": "momo" },
        "outgoing": { "host": "mail.[yourdomain]", "port": 587 }
    });
    assert_eq!(
        codes(typed, "hk-host.xml"),
        vec![
            "provider-host-mismatch@incoming.host",
            "provider-port-mismatch@incoming.port",
            "username-full-address-expected@incoming.username",
            "placeholder@outgoing.host",
            "provider-port-mismatch@outgoing.port",
        ]
    );
}

#[test]
fn plesk_profile_keeps_port_25_and_starttls() {
    let good = serde_json::json!({
        "email": "momo@chan.cn",
        "incoming": { "protocol": "imap", "host": "chan.cn", "port": 143, "security": "starttls", "username": "momo@chan.cn" },
        "outgoing": { "host": "chan.cn", "port": 25, "security": "starttls", "auth": true }
    });
    assert_eq!(codes(good, "plesk-host.xml"), Vec::<String>::new());
    let tls = serde_json::json!({ "email": "momo@chan.cn", "incoming": { "host": "mail.chan.cn", "port": 993 } });
    assert_eq!(
        codes(tls, "plesk-host.xml"),
        vec![
            "provider-host-mismatch@incoming.host",
            "provider-port-mismatch@incoming.port"
        ]
    );
}

#[test]
fn single_host_isp_wants_the_account_name() {
    let typed = serde_json::json!({
        "email": "momo@lamtinnet.com.tw",
        "incoming": { "protocol": "pop3", "host": "mail.lamtinnet.com.tw", "port": 995, "username": "momo@lamtinnet.com.tw" }
    });
    assert_eq!(
        codes(typed, "isp-single-host.xml"),
        vec!["username-local-part-expected@incoming.username"]
    );
}

#[test]
fn broken_and_hostile_profiles_are_errors() {
    let cases = [
        ("<clientConfig><emailProvider>", "not well-formed"),
        ("<notAConfig/>", "root element"),
        ("<clientConfig version=\"1.1\"/>", "no <emailProvider>"),
        (
            "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><clientConfig>&b;</clientConfig>",
            "DTD",
        ),
        (
            "<!DOCTYPE x [<!ENTITY ext SYSTEM \"file:///etc/passwd\">]><clientConfig>&ext;</clientConfig>",
            "DTD",
        ),
    ];
    for (xml, says) in cases {
        let err = Profile::from_xml(xml).unwrap_err();
        assert!(err.0.contains(says), "{xml}: {err}");
        assert!(lint_profile(xml, Locale::En).is_err());
    }
    let deep = format!(
        "<clientConfig>{}{}</clientConfig>",
        "<a>".repeat(5000),
        "</a>".repeat(5000)
    );
    assert!(Profile::from_xml(&deep).is_err());
    let huge = format!(
        "<clientConfig><emailProvider>{}</emailProvider></clientConfig>",
        "x".repeat(10 << 20)
    );
    assert!(Profile::from_xml(&huge).unwrap_err().0.contains("at most"));
    let many = format!(
        "<clientConfig><emailProvider>{}</emailProvider></clientConfig>",
        "<domain>a.hk</domain>".repeat(30_000)
    );
    assert!(Profile::from_xml(&many).is_err());
}

#[test]
fn a_profile_with_missing_parts_gives_findings_and_still_checks() {
    let xml = "<clientConfig><emailProvider id=\"x\"><incomingServer type=\"imap\"><hostname>mail.%EMAILDOMAIN%</hostname></incomingServer></emailProvider></clientConfig>";
    let report = lint_profile(xml, Locale::ZhHant).unwrap();
    let elements: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.place.element.as_str())
        .collect();
    assert_eq!(
        elements,
        vec![
            "emailProvider",
            "incomingServer[1]/port",
            "incomingServer[1]/socketType"
        ]
    );
    assert!(report.findings[0].message.contains("outgoingServer"));
    let options = Options {
        profile: Some(Profile::from_xml(xml).unwrap()),
        ..Options::default()
    };
    let settings = common::settings(
        &serde_json::json!({ "email": "momo@chan.hk", "incoming": { "host": "imap.chan.hk" } }),
    );
    let found: Vec<_> = check(&settings, &options)
        .findings
        .into_iter()
        .map(|f| f.code.as_str())
        .collect();
    assert_eq!(found, vec!["provider-host-mismatch"]);
}
