//! No internal value in what a customer reads: every finding the settings rules draw, over
//! every protocol, port and security, in every locale, names a security choice by its
//! drop-down name ("SSL/TLS", "None", "不加密") and a protocol in capitals, never the
//! engine's tokens (`tls`, `starttls`, `none`, `imap`, `pop3`). Typed values (quoted, with a
//! dot, @ or digit in them) may contain anything.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use maillint::settings::{IncomingSettings, OutgoingSettings};
use maillint::{check, Locale, Options, Settings};

/// The text with every quoted typed value taken out.
fn without_typed_values(t: &str) -> String {
    let mut out = String::new();
    let mut rest = t;
    loop {
        let open = rest.find(['“', '「']);
        let Some(open) = open else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let quote = after.chars().next().unwrap();
        let close = if quote == '“' { '”' } else { '」' };
        let inner_start = quote.len_utf8();
        match after[inner_start..].find(close) {
            Some(end) => {
                let inner = &after[inner_start..inner_start + end];
                if !inner.contains(['.', '@']) && !inner.chars().any(|c| c.is_ascii_digit()) {
                    out.push_str(inner);
                }
                rest = &after[inner_start + end + close.len_utf8()..];
            }
            None => {
                out.push_str(after);
                return out;
            }
        }
    }
}

fn words(t: &str) -> impl Iterator<Item = &str> {
    t.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[test]
fn findings_name_choices_as_the_form_shows_them() {
    let mut codes = BTreeSet::new();
    let mut checked = 0;
    for locale in Locale::ALL {
        for email in ["momo@gmail.com", "momo@qq.com", "momo@lamtin.hk", ""] {
            for protocol in ["imap", "pop3", ""] {
                for port in ["993", "143", "995", "110", "465", "587", "25", "2525", ""] {
                    for security in ["tls", "starttls", "none", ""] {
                        let settings = Settings {
                            email: Some(email.to_string()).filter(|e| !e.is_empty()),
                            incoming: IncomingSettings {
                                protocol: Some(protocol.to_string()).filter(|p| !p.is_empty()),
                                // An outgoing server's name as the incoming one, once.
                                host: Some("smtp.lamtin.hk".to_string())
                                    .filter(|_| port.is_empty()),
                                port: Some(port.to_string()).filter(|p| !p.is_empty()),
                                security: Some(security.to_string()).filter(|s| !s.is_empty()),
                                username: None,
                            },
                            outgoing: OutgoingSettings {
                                host: Some("smtp.lamtin.hk".to_string()),
                                port: Some(port.to_string()).filter(|p| !p.is_empty()),
                                security: Some(security.to_string()).filter(|s| !s.is_empty()),
                                username: None,
                                auth: Some(false),
                            },
                        };
                        let options = Options {
                            complete: true,
                            locale,
                            ..Options::default()
                        };
                        for f in check(&settings, &options).findings {
                            codes.insert(f.code.as_str());
                            let title = f.fix.as_ref().map(|x| x.title.clone());
                            for t in [
                                Some(f.message.to_string()),
                                f.help.map(|h| h.to_string()),
                                title,
                            ]
                            .into_iter()
                            .flatten()
                            {
                                checked += 1;
                                let bare = without_typed_values(&t);
                                for w in words(&bare) {
                                    assert!(
                                        !matches!(w, "tls" | "starttls" | "none" | "imap" | "pop3"),
                                        "{locale:?} {}: internal value “{w}” in: {t}",
                                        f.code
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    // The combinations reach the codes that name choices.
    for code in [
        "missing-field",
        "port-security-mismatch",
        "no-encryption",
        "port-25-submission",
        "port-wrong-protocol",
        "provider-port-mismatch",
        "host-wrong-protocol",
    ] {
        assert!(codes.contains(code), "{code} never drawn; drawn: {codes:?}");
    }
    assert!(checked > 1000, "{checked} texts");
}
