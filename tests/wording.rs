//! The words a native reader would write, class by class: Hong Kong's own terms (and
//! Taiwan's kept), provider names as mainland customers know them, Malaysian field names,
//! one finding per mistake, and messages that say what is actually there (the mark typed for
//! a dot, invisible characters, a drop-down with nothing chosen, when an app password is
//! needed).
#![cfg(not(target_arch = "wasm32"))]

use maillint::messages::field_label;
use maillint::settings::{Field, IncomingSettings, OutgoingSettings};
use maillint::{check, Locale, Options, Report, Settings};

fn settings(email: &str, host: &str) -> Settings {
    Settings {
        email: Some(email.to_string()).filter(|e| !e.is_empty()),
        incoming: IncomingSettings {
            host: Some(host.to_string()).filter(|h| !h.is_empty()),
            ..IncomingSettings::default()
        },
        outgoing: OutgoingSettings::default(),
    }
}

fn in_locale(s: &Settings, tag: &str) -> Report {
    check(
        s,
        &Options {
            locale: Locale::from_tag(tag),
            ..Options::default()
        },
    )
}

fn finding<'a>(r: &'a Report, code: &str) -> &'a maillint::Finding {
    r.findings
        .iter()
        .find(|f| f.code.as_str() == code)
        .unwrap_or_else(|| panic!("no {code}: {r:?}"))
}

/// The codes found on one field, in order.
fn codes_on(r: &Report, field: Field) -> Vec<&str> {
    r.findings
        .iter()
        .filter(|f| f.place == field)
        .map(|f| f.code.as_str())
        .collect()
}

#[test]
fn hong_kong_reads_its_own_words_and_taiwan_keeps_its_own() {
    let s = settings("momo@gmail.com", "momo@gmail.com");
    let hk = in_locale(&s, "zh-HK");
    let tw = in_locale(&s, "zh-TW");
    let hk_text = format!("{hk:?}");
    let tw_text = format!("{tw:?}");
    for taiwan in ["使用者名稱", "電子郵件地址", "憑證", "位址"] {
        assert!(!hk_text.contains(taiwan), "zh-HK says {taiwan}: {hk_text}");
    }
    assert!(hk_text.contains("電郵地址"), "{hk_text}");
    assert!(tw_text.contains("電子郵件地址"), "{tw_text}");
    assert_eq!(
        field_label(Locale::ZhHantHk, Field::OutgoingUsername),
        "外寄用戶名稱"
    );
    assert_eq!(
        field_label(Locale::ZhHant, Field::OutgoingUsername),
        "外寄使用者名稱"
    );
}

#[test]
fn mainland_customers_read_their_providers_by_their_chinese_names() {
    for (email, name) in [
        ("momo@qq.com", "QQ 邮箱"),
        ("momo@163.com", "网易 163 邮箱"),
        ("momo@126.com", "网易 126 邮箱"),
    ] {
        let r = in_locale(&settings(email, ""), "zh-CN");
        let f = finding(&r, "provider-app-password");
        assert!(f.message.contains(name), "{email}: {}", f.message);
        // No space between a Chinese name and the Chinese words around it.
        assert!(!f.message.contains(&format!("{name} 时")), "{}", f.message);
        assert!(f.message.contains("邮件客户端"), "{}", f.message);
        assert!(!f.message.contains("Mail"), "{}", f.message);
        // The same provider in Traditional Chinese, and in English as it calls itself.
        let tw = in_locale(&settings(email, ""), "zh-TW");
        assert!(
            finding(&tw, "provider-app-password")
                .message
                .contains("郵箱"),
            "{:?}",
            tw
        );
        let en = in_locale(&settings(email, ""), "en");
        assert!(finding(&en, "provider-app-password")
            .message
            .contains("Mail"));
    }
    // Where to make QQ's authorization code, and NetEase's account by its own name.
    let r = in_locale(&settings("momo@163.com", ""), "zh-CN");
    let help = finding(&r, "provider-app-password")
        .help
        .clone()
        .unwrap_or_default();
    assert!(
        help.contains("网易") && help.contains("IMAP/SMTP"),
        "{help}"
    );
    // "993 端口", not "端口 993".
    let s = Settings {
        email: Some("momo@gmail.com".into()),
        incoming: IncomingSettings {
            host: Some("imap.gmail.com:993".into()),
            ..IncomingSettings::default()
        },
        outgoing: OutgoingSettings::default(),
    };
    let r = in_locale(&s, "zh-CN");
    let m = &finding(&r, "host-has-port").message;
    assert!(m.starts_with("993 端口"), "{m}");
}

#[test]
fn malaysian_field_names_say_what_the_field_holds() {
    assert_eq!(
        field_label(Locale::Ms, Field::IncomingSecurity),
        "Penyulitan mel masuk"
    );
    assert_eq!(
        field_label(Locale::Ms, Field::OutgoingSecurity),
        "Penyulitan mel keluar"
    );
    for field in Field::ALL {
        assert!(!field_label(Locale::Ms, field).contains("SSL mel"));
    }
    let s = Settings {
        email: Some("momo@gmail.com".into()),
        incoming: IncomingSettings {
            host: Some("mail.gmail.com".into()),
            ..IncomingSettings::default()
        },
        outgoing: OutgoingSettings::default(),
    };
    let r = in_locale(&s, "ms");
    let help = finding(&r, "provider-host-undocumented")
        .help
        .clone()
        .unwrap_or_default();
    assert!(!help.contains("suruh"), "{help}");
}

#[test]
fn an_address_after_mailto_is_one_finding() {
    for locale in ["en", "zh-HK", "zh-CN", "ms"] {
        let r = in_locale(
            &settings("momo@chan.com.hk", "mailto:momo@chan.com.hk"),
            locale,
        );
        assert_eq!(
            codes_on(&r, Field::IncomingHost),
            ["host-is-email"],
            "{locale}: {r:?}"
        );
    }
}

#[test]
fn a_url_is_called_a_link_and_its_fix_moves_the_port() {
    let r = in_locale(&settings("", "imaps://mail.chan.com.hk:993"), "en");
    let f = finding(&r, "host-has-scheme");
    assert!(f.message.contains("link (URL)"), "{}", f.message);
    assert!(!f.message.contains("web address"), "{}", f.message);
    let fix = f.fix.as_ref().expect("a fix");
    assert_eq!(fix.edits.len(), 2, "{fix:?}");
    assert_eq!(fix.edits[0].field, Field::IncomingHost);
    assert_eq!(fix.edits[1].field, Field::IncomingPort);
}

#[test]
fn invisible_characters_are_called_invisible() {
    let r = in_locale(&settings("", "mail\u{200B}.chan.com.hk"), "en");
    let f = finding(&r, "whitespace");
    assert!(f.message.contains("invisible characters"), "{}", f.message);
    assert!(!f.message.contains("spaces"), "{}", f.message);
    let title = &f.fix.as_ref().expect("a fix").title;
    assert!(
        title.starts_with("Remove the invisible characters"),
        "{title}"
    );
    let r = in_locale(&settings("", "mail.chan .com.hk"), "en");
    let f = finding(&r, "whitespace");
    assert!(f.message.ends_with("contains spaces."), "{}", f.message);
    let r = in_locale(&settings("", "mail\u{200B}.chan .com.hk"), "zh-CN");
    let f = finding(&r, "whitespace");
    assert!(f.message.contains("空格和不可见字符"), "{}", f.message);
}

#[test]
fn an_empty_drop_down_asks_to_choose() {
    let s = settings("momo@gmail.com", "imap.gmail.com");
    let r = check(
        &s,
        &Options {
            complete: true,
            ..Options::default()
        },
    );
    let security = r
        .findings
        .iter()
        .find(|f| f.code.as_str() == "missing-field" && f.place == Field::IncomingSecurity)
        .expect("the empty security drop-down");
    assert_eq!(security.message, "Incoming encryption is not chosen.");
    assert_eq!(
        security.fix.as_ref().map(|f| f.title.as_str()),
        Some("Choose “SSL/TLS”")
    );
    let port = r
        .findings
        .iter()
        .find(|f| f.code.as_str() == "missing-field" && f.place == Field::IncomingPort)
        .expect("the empty port");
    assert!(port.message.ends_with("is empty."), "{}", port.message);
    assert!(port
        .fix
        .as_ref()
        .is_some_and(|f| f.title.starts_with("Fill in")));
}

#[test]
fn a_mark_typed_for_a_dot_is_named() {
    let r = in_locale(&settings("", "mail,chan,com,hk"), "en");
    let f = finding(&r, "comma-for-dot");
    assert_eq!(
        f.message,
        "“mail,chan,com,hk” has “,” where a dot (.) belongs."
    );
    let r = in_locale(&settings("", "mail、chan.com.hk"), "zh-HK");
    assert!(finding(&r, "comma-for-dot").message.contains("「、」"));
}

#[test]
fn the_app_password_help_says_when_one_is_needed() {
    let help = |email: &str| {
        let r = in_locale(&settings(email, ""), "en");
        finding(&r, "provider-app-password")
            .help
            .clone()
            .unwrap_or_default()
    };
    // Apple: always, and by Apple's own name.
    let apple = help("momo@icloud.com");
    assert!(apple.contains("always need one"), "{apple}");
    assert!(!apple.contains("two-step"), "{apple}");
    let r = in_locale(&settings("momo@icloud.com", ""), "en");
    assert!(finding(&r, "provider-app-password")
        .message
        .contains("app-specific password"));
    // Zoho: once two-step verification is on.
    let zoho = help("momo@zoho.com");
    assert!(zoho.contains("two-step verification"), "{zoho}");
    assert!(!zoho.contains("always need one"), "{zoho}");
    // Gmail: Google sign-in first, the app password (with two-step verification) after it.
    let r = in_locale(&settings("momo@gmail.com", ""), "en");
    let google = finding(&r, "provider-sign-in")
        .help
        .clone()
        .unwrap_or_default();
    assert!(google.contains("two-step verification"), "{google}");
}

#[test]
fn a_url_with_a_port_is_one_finding() {
    let r = in_locale(&settings("", "imaps://mail.chan.com.hk:993"), "en");
    assert_eq!(
        codes_on(&r, Field::IncomingHost),
        ["host-has-scheme"],
        "{r:?}"
    );
}

#[test]
fn the_problem_count_takes_the_locales_plural_form() {
    use maillint::messages::ui;
    let en = ui(Locale::En).problems;
    assert_eq!(en.of(1, Locale::En), "1 problem to look at.");
    assert_eq!(en.of(2, Locale::En), "2 problems to look at.");
    assert_eq!(en.of(0, Locale::En), "0 problems to look at.");
    // One form in Chinese and Malay, whatever the number.
    for locale in [Locale::ZhHans, Locale::ZhHant, Locale::ZhHantHk, Locale::Ms] {
        let p = ui(locale).problems;
        assert_eq!(
            p.of(1, locale).replace('1', "2"),
            p.of(2, locale),
            "{locale:?}"
        );
    }
}
