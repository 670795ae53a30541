//! The exported API through the JS boundary, in headless Chromium
//! (`wasm-pack test --headless --chrome -- --test wasm`): JS values in, typed objects out.
#![cfg(target_arch = "wasm32")]

mod common;

use js_sys::{Array, Reflect, JSON};
use maillint::wasm::api::{check, lint_profile, parse_settings, rules};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |v, key| {
        if let Ok(i) = key.parse::<u32>() {
            Array::from(&v).get(i)
        } else {
            Reflect::get(&v, &JsValue::from_str(key)).unwrap()
        }
    })
}

fn text(v: &JsValue, path: &str) -> String {
    get(v, path).as_string().unwrap_or_default()
}

fn findings(report: &JsValue) -> Vec<(String, String)> {
    Array::from(&get(report, "findings"))
        .iter()
        .map(|f| (text(&f, "code"), text(&f, "field")))
        .collect()
}

#[wasm_bindgen_test]
fn comma_for_dot_with_fix_in_traditional_chinese() {
    let report = check(
        js(r#"{"incoming":{"host":"mail,lamtin,hk"}}"#),
        Some(js(r#"{"locale":"zh-TW"}"#)),
    )
    .unwrap();
    assert_eq!(get(&report, "ok").as_bool(), Some(false));
    assert_eq!(text(&report, "findings.0.code"), "comma-for-dot");
    assert_eq!(text(&report, "findings.0.field"), "incoming.host");
    assert_eq!(text(&report, "findings.0.severity"), "error");
    // The message names the mark typed where the dot belongs.
    assert!(text(&report, "findings.0.message").contains("點（.）"));
    assert!(text(&report, "findings.0.message").contains("「,」"));
    assert!(text(&report, "findings.0.help").contains("逗號"));
    assert_eq!(
        text(&report, "findings.0.fix.edits.0.field"),
        "incoming.host"
    );
    assert_eq!(
        text(&report, "findings.0.fix.edits.0.value"),
        "mail.lamtin.hk"
    );
}

#[wasm_bindgen_test]
fn ports_arrive_as_numbers_or_text() {
    let number = check(
        js(r#"{"incoming":{"port":993,"security":"starttls"}}"#),
        None,
    )
    .unwrap();
    assert_eq!(
        findings(&number),
        vec![("port-security-mismatch".into(), "incoming.security".into())]
    );
    let typed = check(js(r#"{"incoming":{"port":"993 "}}"#), None).unwrap();
    assert_eq!(
        findings(&typed),
        vec![("whitespace".into(), "incoming.port".into())]
    );
    // A port fix is a number on the wire.
    assert_eq!(
        get(&typed, "findings.0.fix.edits.0.value").as_f64(),
        Some(993.0)
    );
    let fractional = check(js(r#"{"incoming":{"port":993.5}}"#), None).unwrap();
    assert_eq!(
        findings(&fractional),
        vec![("invalid-port".into(), "incoming.port".into())]
    );
}

#[wasm_bindgen_test]
fn empty_and_null_fields_are_not_errors_while_typing() {
    let report = check(
        js(r#"{"email":null,"incoming":{"host":"","port":null},"outgoing":null}"#),
        None,
    )
    .unwrap();
    assert_eq!(get(&report, "ok").as_bool(), Some(true));
    assert!(findings(&report).is_empty());
    let complete = check(js("{}"), Some(js(r#"{"complete":true}"#))).unwrap();
    assert_eq!(findings(&complete).len(), 8);
    assert!(findings(&complete)
        .iter()
        .all(|(c, _)| c == "missing-field"));
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_not_a_trap() {
    assert!(check(JsValue::from_f64(42.0), None).is_err());
    assert!(check(JsValue::from_str("mail.lamtin.hk"), None).is_err());
    assert!(check(js(r#"{"incoming":5}"#), None).is_err());
    assert!(check(js(r#"{"incoming":{"port":[993]}}"#), None).is_err());
    assert!(check(js("{}"), Some(JsValue::from_str("en"))).is_err());
    // The module still works after refusing bad input.
    assert!(check(js("{}"), None).is_ok());
}

#[wasm_bindgen_test]
fn errors_name_the_path_of_the_bad_value() {
    let message = |settings: &str, options: Option<&str>| {
        let err = check(js(settings), options.map(js)).err().unwrap();
        text(&err, "message")
    };
    assert_eq!(
        message(r#"{"incoming":{"port":[993]}}"#, None),
        "maillint: settings.incoming.port must be a number or text"
    );
    assert_eq!(
        message(r#"{"outgoing":{"auth":"yes"}}"#, None),
        "maillint: settings.outgoing.auth must be true or false"
    );
    assert_eq!(
        message(r#"{"email":5}"#, None),
        "maillint: settings.email must be text"
    );
    assert_eq!(
        message("{}", Some(r#"{"complete":1}"#)),
        "maillint: options.complete must be true or false"
    );
}

#[wasm_bindgen_test]
fn any_text_crosses_the_boundary_unchanged() {
    // The values travel as one string with U+0000 between them and U+0001 as the escape:
    // both, and backslashes, must come back as typed.
    let settings = js("{}");
    let incoming = js("{}");
    let typed = " mail\u{0}x\u{1}0\\.lamtin.hk";
    Reflect::set(&incoming, &"host".into(), &typed.into()).unwrap();
    Reflect::set(&settings, &"incoming".into(), &incoming).unwrap();
    let outgoing = js(r#"{"auth":false,"host":"smtp.gmail.com","port":587}"#);
    Reflect::set(&settings, &"outgoing".into(), &outgoing).unwrap();
    Reflect::set(&settings, &"email".into(), &"momo@gmail.com".into()).unwrap();
    let report = check(settings, None).unwrap();
    let all = Array::from(&get(&report, "findings"));
    let find = |code: &str| {
        all.iter()
            .find(|f| text(f, "code") == code)
            .unwrap_or_else(|| panic!("no {code} in {:?}", findings(&report)))
    };
    let space = find("whitespace");
    assert_eq!(text(&space, "field"), "incoming.host");
    assert_eq!(
        text(&space, "fix.edits.0.value"),
        "mail\u{0}x\u{1}0\\.lamtin.hk"
    );
    assert!(text(&space, "message").contains("mail\u{0}x\u{1}0\\.lamtin.hk"));
    // A true-or-false fix arrives as a boolean, a port as a number.
    let auth = find("smtp-auth-off");
    assert_eq!(get(&auth, "fix.edits.0.value").as_bool(), Some(true));
    assert!(get(&auth, "help").is_string());
}

#[wasm_bindgen_test]
fn locales_and_fallback() {
    let settings = r#"{"email":"momo@gmial.com"}"#;
    let msg = |locale: &str| {
        let opts = js(&format!(r#"{{"locale":"{locale}"}}"#));
        text(
            &check(js(settings), Some(opts)).unwrap(),
            "findings.0.message",
        )
    };
    assert!(msg("en").contains("misspelling"));
    assert!(msg("zh-CN").contains("拼写"));
    assert!(msg("zh-HK").contains("拼寫"));
    assert!(msg("ms-MY").contains("salah ejaan"));
    assert_eq!(msg("fr-FR"), msg("en"));
}

#[wasm_bindgen_test]
fn parse_settings_reads_a_traditional_chinese_block() {
    let parsed = parse_settings(
        "內送郵件\n伺服器:mail.lamtin.hk\n連接埠:995\n此伺服器需要加密連線 (SSL):點選\n\
         外寄郵件\n伺服器:mail.lamtin.hk\n連接埠:465\n加密方法:SSL\n使用者名稱:momo@lamtin.hk"
            .into(),
    )
    .unwrap();
    assert_eq!(text(&parsed, "incoming.host"), "mail.lamtin.hk");
    assert_eq!(text(&parsed, "incoming.port"), "995");
    assert_eq!(text(&parsed, "incoming.security"), "tls");
    assert_eq!(text(&parsed, "outgoing.port"), "465");
    assert_eq!(text(&parsed, "outgoing.security"), "tls");
    assert_eq!(text(&parsed, "outgoing.username"), "momo@lamtin.hk");
    // What parseSettings returns goes straight back into check.
    assert!(check(parsed, None).is_ok());
}

#[wasm_bindgen_test]
fn rules_lists_every_code_in_camel_case() {
    let list = Array::from(&rules().unwrap());
    assert_eq!(list.length() as usize, maillint::rules().len());
    let first = list.get(0);
    assert_eq!(text(&first, "code"), "comma-for-dot");
    assert_eq!(text(&first, "severity"), "error");
    assert!(!text(&first, "summary").is_empty());
    assert_eq!(get(&first, "fixable").as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn internationalized_names_use_the_browsers_uts46() {
    let report = check(js(r#"{"incoming":{"host":"mail.bücher.de"}}"#), None).unwrap();
    assert_eq!(text(&report, "findings.0.code"), "host-idn");
    assert_eq!(
        text(&report, "findings.0.fix.edits.0.value"),
        "mail.xn--bcher-kva.de"
    );
    let bad = check(js(r#"{"incoming":{"host":"mail.bü_cher.de"}}"#), None).unwrap();
    assert_eq!(text(&bad, "findings.0.code"), "invalid-host");
    let email = check(js(r#"{"email":"陳大文@例子.香港"}"#), None).unwrap();
    assert!(findings(&email).iter().all(|(c, _)| c != "invalid-email"));
}

#[wasm_bindgen_test]
fn every_text_of_a_report_is_the_engines_even_after_astral_and_han_characters() {
    // A report's texts are decoded as one string and handed out as slices of it, by UTF-16
    // positions: a character outside the BMP (two units) or a Han one (three UTF-8 bytes,
    // one unit) early in the report must not shift any later text.
    let typed = r#"{"email":"😀陳@例子,香港","incoming":{"host":"mail😀,例子，com ","port":"９９３","security":"starttls","username":"\u200b陳大文"},"outgoing":{"host":"smtp.例子.com:587","port":"25","security":"none","auth":false}}"#;
    let settings: maillint::Settings = serde_json::from_str(typed).unwrap();
    for locale in ["en", "zh-TW", "zh-HK"] {
        let options = maillint::Options {
            locale: maillint::Locale::from_tag(locale),
            today: Some(maillint::wasm::boundary::browser_today()),
            ..maillint::Options::default()
        };
        let engine = maillint::check(&settings, &options);
        let report = check(js(typed), Some(js(&format!(r#"{{"locale":"{locale}"}}"#)))).unwrap();
        let all = Array::from(&get(&report, "findings"));
        assert_eq!(all.length() as usize, engine.findings.len(), "{locale}");
        assert!(
            engine.findings.len() >= 4,
            "{locale}: {:?}",
            findings(&report)
        );
        for (i, f) in engine.findings.iter().enumerate() {
            let at = |path: &str| text(&all.get(i as u32), path);
            assert_eq!(at("message"), f.message, "{locale} {i}");
            assert_eq!(at("help"), f.help.as_deref().unwrap_or(""), "{locale} {i}");
            if let Some(fix) = &f.fix {
                assert_eq!(at("fix.title"), fix.title, "{locale} {i}");
                for (j, edit) in fix.edits.iter().enumerate() {
                    if let maillint::settings::FieldValue::Text(t) = &edit.value {
                        assert_eq!(at(&format!("fix.edits.{j}.value")), *t, "{locale} {i}");
                    }
                }
            }
        }
    }
}

#[wasm_bindgen_test]
fn help_texts_are_the_engines_on_every_call_and_in_every_locale() {
    // Catalogue help texts cross the boundary once and are reused as JavaScript strings:
    // every later report must still carry the same text as the engine's own.
    let settings = maillint::Settings {
        email: Some("momo@gmial.com".into()),
        ..maillint::Settings::default()
    };
    for locale in ["en", "zh-TW", "zh-CN", "ms", "en", "zh-TW"] {
        let options = maillint::Options {
            locale: maillint::Locale::from_tag(locale),
            ..maillint::Options::default()
        };
        let engine = maillint::check(&settings, &options);
        let expected = engine.findings[0].help.as_deref().unwrap().to_string();
        for _ in 0..2 {
            let report = check(
                js(r#"{"email":"momo@gmial.com"}"#),
                Some(js(&format!(r#"{{"locale":"{locale}"}}"#))),
            )
            .unwrap();
            assert_eq!(text(&report, "findings.0.code"), "domain-typo");
            assert_eq!(text(&report, "findings.0.help"), expected, "{locale}");
        }
    }
}

#[wasm_bindgen_test]
fn a_report_does_not_depend_on_the_calls_before_it() {
    // The report's format keeps catalogue help texts on the JS side by locale and code; the
    // same check must give the same report whatever was checked, in whatever locale, before.
    let settings = r#"{"email":"momo@gmial.com","incoming":{"host":"mail,chan,com,hk","port":"993","security":"starttls"}}"#;
    let first =
        js_sys::JSON::stringify(&check(js(settings), Some(js(r#"{"locale":"zh-HK"}"#))).unwrap())
            .unwrap();
    for (other, locale) in [
        (r#"{"incoming":{"host":"mail.[yourdomain]"}}"#, "en"),
        (r#"{"email":"a@yahoo.con","outgoing":{"port":"25"}}"#, "ms"),
        (settings, "zh-CN"),
        (r#"{"outgoing":{"host":"smtp. gmail.com"}}"#, "zh-TW"),
    ] {
        check(js(other), Some(js(&format!(r#"{{"locale":"{locale}"}}"#)))).unwrap();
        let again = js_sys::JSON::stringify(
            &check(js(settings), Some(js(r#"{"locale":"zh-HK"}"#))).unwrap(),
        )
        .unwrap();
        assert_eq!(again, first, "after a check in {locale}");
    }
}

#[wasm_bindgen_test]
fn the_browsers_xml_reader_reads_every_profile_as_the_native_one() {
    // The package reads config-v1.1.xml with DOMParser; tests/profile_xml.rs checks that this
    // file is what roxmltree reads natively, for every profile text the tests use.
    let _ = rules(); // any export hands the engine the browser's reader
    let cases: serde_json::Value = serde_json::from_str(include_str!("profile_xml.json")).unwrap();
    let cases = cases.as_array().unwrap();
    assert!(cases.len() > 60);
    for case in cases {
        let xml = match case["xml"].as_str() {
            Some(xml) => xml.to_string(),
            None => common::rebuild(&case["repeat"]),
        };
        assert_eq!(
            common::read_profile(&xml),
            case["reads"].as_str().unwrap(),
            "{}",
            case["case"]
        );
    }
}

#[wasm_bindgen_test]
fn profile_objects_are_read_and_type_checked() {
    // The object form is read by the boundary's deserializer (src/wasm/boundary/from_js.rs):
    // every value must arrive where the engine's own ProfileObject puts it.
    let profile = js(
        r#"{"domains":["Chan.HK"],"displayName":"Chan\u0000Mail","incoming":[
        {"type":"IMAP","hostname":"mail.%EMAILDOMAIN%","port":993.5,"socketType":"SSL","username":"%EMAILADDRESS%","authentication":"password-cleartext"},
        {"type":"pop3","hostname":"pop.chan.hk"}],
        "outgoing":[{"type":"smtp","hostname":"smtp.chan.hk","port":465,"socketType":"PLAIN"}],"notOffered":["pop3"]}"#,
    );
    let report = lint_profile(profile.clone(), None).unwrap();
    let elements: Vec<String> = Array::from(&get(&report, "findings"))
        .iter()
        .map(|f| format!("{} {}", text(&f, "code"), text(&f, "element")))
        .collect();
    let engine = maillint::lint::lint_doc(
        &maillint::profile::ProfileObject {
            domains: vec!["Chan.HK".into()],
            display_name: Some("Chan\u{0}Mail".into()),
            incoming: vec![
                maillint::profile::ServerObject {
                    kind: "IMAP".into(),
                    hostname: Some("mail.%EMAILDOMAIN%".into()),
                    port: Some("993.5".into()),
                    socket_type: Some("SSL".into()),
                    username: Some("%EMAILADDRESS%".into()),
                    authentication: Some("password-cleartext".into()),
                },
                maillint::profile::ServerObject {
                    kind: "pop3".into(),
                    hostname: Some("pop.chan.hk".into()),
                    ..Default::default()
                },
            ],
            outgoing: vec![maillint::profile::ServerObject {
                kind: "smtp".into(),
                hostname: Some("smtp.chan.hk".into()),
                port: Some("465".into()),
                socket_type: Some("PLAIN".into()),
                ..Default::default()
            }],
            not_offered: vec!["pop3".into()],
        }
        .into_doc(),
        maillint::Locale::En,
    );
    let expected: Vec<String> = engine
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code.as_str(), f.place.element))
        .collect();
    assert!(expected.len() >= 3, "{expected:?}");
    assert_eq!(elements, expected);
    let message = |profile: &str| {
        let err = lint_profile(js(profile), None).err().unwrap();
        assert!(err.is_instance_of::<js_sys::TypeError>(), "{profile}");
        text(&err, "message")
    };
    for (profile, says) in [
        (
            r#"{"domains":"chan.hk"}"#,
            "maillint: profile.domains must be an array",
        ),
        (
            r#"{"domains":["chan.hk",5]}"#,
            "maillint: profile.domains[1] must be text",
        ),
        (
            r#"{"displayName":7}"#,
            "maillint: profile.displayName must be text",
        ),
        (
            r#"{"incoming":[{"hostname":"a"},3]}"#,
            "maillint: profile.incoming[1] must be an object",
        ),
        (
            r#"{"outgoing":[{"port":"465"}]}"#,
            "maillint: profile.outgoing[0].port must be a number",
        ),
        (
            r#"{"incoming":[{"socketType":true}]}"#,
            "maillint: profile.incoming[0].socketType must be text",
        ),
        (
            r#"{"notOffered":[null]}"#,
            "maillint: profile.notOffered[0] must be text",
        ),
    ] {
        assert_eq!(message(profile), says);
    }
}

#[wasm_bindgen_test]
fn the_day_is_the_callers_or_else_the_browsers() {
    let contoso = r#"{"email":"amy@contoso.com","incoming":{"host":"outlook.office365.com"},"outgoing":{"host":"smtp.office365.com"}}"#;
    let before = check(js(contoso), Some(js(r#"{"today":"2026-12-06"}"#))).unwrap();
    assert!(findings(&before).contains(&(
        "sign-in-password-ending".to_string(),
        "outgoing.host".to_string()
    )));
    let after = check(js(contoso), Some(js(r#"{"today":"2027-01-04"}"#))).unwrap();
    assert_eq!(
        findings(&after),
        vec![("provider-sign-in".to_string(), "email".to_string())]
    );
    // No day given: the browser's, which is after Outlook.com's end of 16 September 2024.
    let amy = check(js(r#"{"email":"amy@outlook.com"}"#), None).unwrap();
    assert!(text(&amy, "findings.0.message").contains("only accepts Microsoft sign-in"));
    // A day that is no date is an Error naming the option.
    let bad = check(js("{}"), Some(js(r#"{"today":"31/12/2026"}"#))).unwrap_err();
    let message = String::from(js_sys::Error::from(bad).message());
    assert!(message.contains("options.today"), "{message}");
}
