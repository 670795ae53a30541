//! Sign-in as providers require it: the advice for each provider with sourced facts, the
//! quiet for one without, the dated changes judged on both sides of their day, a shared
//! server standing for both Microsoft providers, and the findings in every locale.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use maillint::day::Day;
use maillint::{check, Locale, Options, Report, Severity};
use serde_json::json;

fn run(settings: serde_json::Value, today: Option<&str>, locale: Locale) -> Report {
    check(
        &common::settings(&settings),
        &Options {
            locale,
            today: today.map(|t| Day::parse(t).unwrap()),
            ..Options::default()
        },
    )
}

fn codes(r: &Report) -> Vec<(&str, &str)> {
    r.findings
        .iter()
        .map(|f| (f.code.as_str(), f.place.path()))
        .collect()
}

fn text_of(r: &Report, code: &str) -> String {
    let f = r
        .findings
        .iter()
        .find(|f| f.code.as_str() == code)
        .unwrap_or_else(|| panic!("no {code}: {r:?}"));
    format!("{} {}", f.message, f.help.clone().unwrap_or_default())
}

/// The issue's own case: right servers, no finding before; now one, and never an error.
#[test]
fn outlook_com_with_right_servers_is_told_to_use_microsoft_sign_in() {
    let amy = json!({
        "email": "amy@outlook.com",
        "incoming": { "protocol": "imap", "host": "outlook.office365.com", "port": 993, "security": "tls" },
        "outgoing": { "host": "smtp-mail.outlook.com", "port": 587, "security": "starttls", "auth": true },
    });
    let r = run(amy, Some("2026-12-06"), Locale::En);
    assert!(r.ok, "{r:?}");
    assert_eq!(codes(&r), vec![("provider-sign-in", "email")]);
    let text = text_of(&r, "provider-sign-in");
    assert!(text.contains("only accepts Microsoft sign-in"), "{text}");
    assert!(text.contains("“Sign in with Microsoft”"), "{text}");
    assert!(text.contains("not even an app password"), "{text}");
    assert!(text.contains("16 September 2024"), "{text}");
    assert!(
        text.contains("Outlook, Apple Mail and Thunderbird"),
        "{text}"
    );
}

/// Every provider with sourced facts gets advice; the ones without OAuth keep the app
/// password's; GMX, with neither, gets none.
#[test]
fn each_provider_gets_its_own_advice() {
    let today = Some("2026-12-06");
    let only = |email: &str| {
        let r = run(json!({ "email": email }), today, Locale::En);
        assert!(r.ok, "{email}: {r:?}");
        codes(&r)
            .into_iter()
            .map(|(c, _)| c.to_string())
            .collect::<Vec<_>>()
    };
    for email in [
        "amy@hotmail.com",
        "amy@live.com",
        "momo@gmail.com",
        "momo@googlemail.com",
        "momo@yahoo.com",
        "momo@aol.com",
        "momo@yandex.ru",
    ] {
        assert_eq!(only(email), vec!["provider-sign-in"], "{email}");
    }
    for email in [
        "momo@icloud.com",
        "momo@zoho.com",
        "momo@qq.com",
        "momo@163.com",
        "momo@126.com",
    ] {
        assert_eq!(only(email), vec!["provider-app-password"], "{email}");
    }
    for email in ["momo@gmx.net", "momo@web.de", "momo@lamtin.hk"] {
        assert!(only(email).is_empty(), "{email}");
    }
    // The alternative follows the provider's app-password facts.
    let yahoo = text_of(
        &run(json!({ "email": "momo@yahoo.com" }), today, Locale::En),
        "provider-sign-in",
    );
    assert!(
        yahoo.contains("app password made in your Yahoo account"),
        "{yahoo}"
    );
    let gmail = text_of(
        &run(json!({ "email": "momo@gmail.com" }), today, Locale::En),
        "provider-sign-in",
    );
    assert!(gmail.contains("two-step verification is on"), "{gmail}");
    assert!(gmail.contains("Gmail offers Google sign-in"), "{gmail}");
}

/// Microsoft 365 for sending: a warning naming the day before it, and after it simply "a
/// password will not work". The advice is never an error.
#[test]
fn a_dated_end_is_a_warning_before_its_day_and_a_fact_after_it() {
    let contoso = json!({
        "email": "amy@contoso.com",
        "incoming": { "protocol": "imap", "host": "outlook.office365.com", "port": 993, "security": "tls" },
        "outgoing": { "host": "smtp.office365.com", "port": 587, "security": "starttls", "auth": true },
    });
    for day in ["2026-12-06", "2026-12-30"] {
        let before = run(contoso.clone(), Some(day), Locale::En);
        assert!(before.ok, "{before:?}");
        assert_eq!(
            codes(&before),
            vec![
                ("provider-sign-in", "email"),
                ("sign-in-password-ending", "outgoing.host")
            ],
            "{day}"
        );
        let warning = before
            .findings
            .iter()
            .find(|f| f.code.as_str() == "sign-in-password-ending")
            .unwrap();
        assert_eq!(warning.severity, Severity::Warning);
        let text = text_of(&before, "sign-in-password-ending");
        assert!(text.contains("From 31 December 2026"), "{text}");
        assert!(text.contains("administrator"), "{text}");
        // Receiving already needs Microsoft sign-in: said as a fact.
        let advice = text_of(&before, "provider-sign-in");
        assert!(
            advice.contains("For IMAP a password will not work"),
            "{advice}"
        );
        assert!(advice.contains("offers Microsoft sign-in"), "{advice}");
    }
    for day in ["2026-12-31", "2027-06-01"] {
        let after = run(contoso.clone(), Some(day), Locale::En);
        assert!(after.ok, "{after:?}");
        assert_eq!(codes(&after), vec![("provider-sign-in", "email")], "{day}");
        let advice = text_of(&after, "provider-sign-in");
        assert!(
            advice.contains("only accepts Microsoft sign-in"),
            "{advice}"
        );
        assert!(advice.contains("A password will not work"), "{advice}");
    }
    // Outlook.com the day before its end, and the day of it.
    let amy =
        json!({ "email": "amy@outlook.com", "outgoing": { "host": "smtp-mail.outlook.com" } });
    let before = run(amy.clone(), Some("2024-09-15"), Locale::En);
    assert!(
        codes(&before).contains(&("sign-in-password-ending", "outgoing.host")),
        "{before:?}"
    );
    assert!(text_of(&before, "sign-in-password-ending").contains("From 16 September 2024"));
    let on = run(amy.clone(), Some("2024-09-16"), Locale::En);
    assert_eq!(codes(&on), vec![("provider-sign-in", "email")]);
    // No day given: nothing judged, the date named in words true either side of it.
    let unjudged = run(amy, None, Locale::En);
    assert_eq!(codes(&unjudged), vec![("provider-sign-in", "email")]);
    assert!(text_of(&unjudged, "provider-sign-in").contains("from 16 September 2024 on"));
}

/// A shared server with the customer's own domain stands for both Microsoft providers: the
/// account is still a Microsoft account, and each date is the later of the two.
#[test]
fn a_shared_server_speaks_for_both_microsoft_providers() {
    let r = run(
        json!({ "email": "amy@contoso.com", "incoming": { "host": "outlook.office365.com" } }),
        Some("2023-06-01"),
        Locale::En,
    );
    let advice = text_of(&r, "provider-sign-in");
    assert!(advice.contains("“Sign in with Microsoft”"), "{advice}");
    // Microsoft 365 refused IMAP passwords from October 2022, Outlook.com only from
    // September 2024: in June 2023 it depends on which, so only the end is named.
    assert!(!advice.contains("will not work"), "{advice}");
    assert!(
        codes(&r).contains(&("sign-in-password-ending", "incoming.host")),
        "{r:?}"
    );
    assert!(text_of(&r, "sign-in-password-ending").contains("16 September 2024"));
}

/// The two findings in every locale, provider names as customers know them.
#[test]
fn sign_in_findings_in_every_locale() {
    let cases = [
        (json!({ "email": "amy@outlook.com" }), "2026-12-06"),
        (json!({ "email": "momo@gmail.com" }), "2026-12-06"),
        (
            json!({ "email": "amy@contoso.com", "incoming": { "host": "outlook.office365.com" }, "outgoing": { "host": "smtp.office365.com" } }),
            "2026-12-06",
        ),
    ];
    let mut all = Vec::new();
    for tag in ["en", "zh-CN", "zh-TW", "zh-HK", "ms"] {
        for (settings, day) in &cases {
            let r = run(settings.clone(), Some(day), Locale::from_tag(tag));
            for f in &r.findings {
                assert!(!f.message.contains('{'), "{tag}: {}", f.message);
                assert!(
                    !f.help.clone().unwrap_or_default().contains('{'),
                    "{tag}: {f:?}"
                );
            }
            all.push(json!({
                "locale": tag,
                "email": settings["email"],
                "findings": r.findings.iter().map(|f| json!({
                    "code": f.code.as_str(),
                    "field": f.place.path(),
                    "message": f.message,
                    "help": f.help,
                })).collect::<Vec<_>>(),
            }));
        }
    }
    insta::assert_json_snapshot!("sign_in_every_locale", all);
}

#[test]
fn a_day_is_read_only_when_it_is_a_date() {
    assert_eq!(Day::parse("2026-12-31"), Some(Day(20261231)));
    for junk in [
        "2026-13-01",
        "2026-12-32",
        "2026-1-01",
        "26-12-31",
        "2026/12/31",
        "",
        "２０２６-12-31",
        "2026-12-3１",
    ] {
        assert_eq!(Day::parse(junk), None, "{junk}");
    }
    assert!(Day::parse("2024-09-15") < Day::parse("2024-09-16"));
}

/// A profile that signs in with OAuth 2.0, as Thunderbird's ISPDB and the IETF mailmaint
/// draft write it: read without error, and known to offer OAuth.
#[test]
fn a_profile_with_oauth2_is_read_and_known_to_offer_it() {
    let xml = r#"<?xml version="1.0"?>
<clientConfig version="1.1">
  <emailProvider id="oauth.test">
    <domain>oauth.test</domain>
    <displayName>OAuth Host</displayName>
    <incomingServer type="imap">
      <hostname>imap.oauth.test</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>OAuth2</authentication>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.oauth.test</hostname><port>465</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>OAuth2</authentication>
    </outgoingServer>
  </emailProvider>
  <oAuth2>
    <issuer>login.oauth.test</issuer>
    <scope>https://mail.oauth.test/</scope>
    <authURL>https://login.oauth.test/authorize</authURL>
    <tokenURL>https://login.oauth.test/token</tokenURL>
  </oAuth2>
</clientConfig>"#;
    let lint = maillint::lint_profile(xml, Locale::En).unwrap();
    assert!(lint.ok, "{lint:?}");
    assert!(lint.findings.is_empty(), "{lint:?}");
    let profile = maillint::Profile::from_xml(xml).unwrap();
    assert!(profile.offers_oauth());
    // password-cleartext alone, at a host of no built-in provider: no OAuth.
    let plain = xml
        .replace("<authentication>OAuth2</authentication>", "")
        .replace("<oAuth2>", "<!--")
        .replace("</oAuth2>", "-->");
    assert!(!maillint::Profile::from_xml(&plain).unwrap().offers_oauth());
    // A built-in provider's server that offers it (Google's), whatever the file says.
    let google = plain.replace("imap.oauth.test", "imap.gmail.com");
    assert!(maillint::Profile::from_xml(&google).unwrap().offers_oauth());
}

/// An authorization code's help says where the web mailbox makes it, by its own labels.
#[test]
fn the_authorization_code_help_names_where_it_is_made() {
    let help = |email: &str, tag: &str| {
        let r = run(
            json!({ "email": email }),
            Some("2026-12-06"),
            Locale::from_tag(tag),
        );
        text_of(&r, "provider-app-password")
    };
    let qq = help("momo@qq.com", "zh-CN");
    assert!(
        qq.contains("设置 → 账户 → POP3/IMAP/SMTP 服务 → 生成授权码"),
        "{qq}"
    );
    let netease = help("momo@163.com", "zh-CN");
    assert!(netease.contains("设置 → 客户端授权密码"), "{netease}");
    assert!(help("momo@126.com", "en").contains("设置 → 客户端授权密码"));
}
