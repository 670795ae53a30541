//! Message catalogues: one file per locale, keyed by code, so a translator works on one file.
//!
//! Each locale is one [`Catalogue`] value: its entries (a `match` over [`Code`], so the
//! compiler refuses a locale that misses a code; the probe's codes in one section of their
//! own), its words and the widget's interface strings. Adding a locale touches its file and
//! the one list in [`locales!`]. Templates name their values in braces (`{value}`, `{fixed}`, `{port}`); a test checks
//! that every locale uses the same names as English.

use crate::codes::Code;
use crate::settings::{Field, Protocol, Security};

/// The one list of locales: the variant, its catalogue's module and its BCP 47 tag.
macro_rules! locales {
    ($($variant:ident $module:ident $tag:literal,)*) => {
        $(mod $module;)*

        /// The locales with a catalogue.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub enum Locale {
            #[default]
            $($variant,)*
        }

        impl Locale {
            pub const ALL: [Locale; [$($tag,)*].len()] = [$(Locale::$variant,)*];

            pub fn tag(self) -> &'static str {
                match self {
                    $(Locale::$variant => $tag,)*
                }
            }
        }

        /// The catalogue of a locale.
        pub fn catalogue(locale: Locale) -> &'static Catalogue {
            match locale {
                $(Locale::$variant => &$module::CATALOGUE,)*
            }
        }
    };
}

locales! {
    En en "en",
    ZhHant zh_hant "zh-Hant",
    ZhHans zh_hans "zh-Hans",
    Ms ms "ms",
}

impl Locale {
    /// Reads a BCP 47 tag: `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant-*` are Traditional Chinese;
    /// `zh`, `zh-CN`, `zh-SG` and `zh-Hans-*` Simplified; `ms`, `ms-MY` Malay; anything else
    /// English.
    pub fn from_tag(tag: &str) -> Locale {
        let t = tag.trim().replace('_', "-").to_ascii_lowercase();
        let mut parts = t.split('-');
        match parts.next().unwrap_or("") {
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                if rest.contains(&"hant") {
                    Locale::ZhHant
                } else if rest.contains(&"hans") {
                    Locale::ZhHans
                } else if rest.iter().any(|p| matches!(*p, "tw" | "hk" | "mo")) {
                    Locale::ZhHant
                } else {
                    Locale::ZhHans
                }
            }
            "ms" | "zsm" => Locale::Ms,
            _ => Locale::En,
        }
    }
}

/// One locale: everything a customer reads in it.
pub struct Catalogue {
    /// The texts of each code.
    pub entry: fn(Code) -> Entry,
    /// The words messages are filled with.
    pub words: Words,
    /// The widget's own words.
    pub ui: Ui,
}

/// The texts of one code in one locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// What is wrong, in one sentence.
    pub message: &'static str,
    /// Why it matters and what to do.
    pub help: &'static str,
    /// The fix button's title (unused by codes that never fix).
    pub fix: &'static str,
}

/// An entry: message, help, fix title (the catalogues' shorthand).
const fn e(message: &'static str, help: &'static str, fix: &'static str) -> Entry {
    Entry { message, help, fix }
}

/// The words a catalogue needs besides its entries.
pub struct Words {
    pub field: fn(Field) -> &'static str,
    pub no_encryption: &'static str,
}

/// The widget's own words: labels, buttons and notices. They live beside the messages so a
/// translator works on one file per locale.
pub struct Ui {
    /// The language's own name, for the language menu.
    pub language_name: &'static str,
    pub language: &'static str,
    pub incoming: &'static str,
    pub outgoing: &'static str,
    pub not_chosen: &'static str,
    pub paste: &'static str,
    pub fix_all: &'static str,
    pub test_connection: &'static str,
    pub testing: &'static str,
    /// `{count}` problems.
    pub problems: &'static str,
    pub no_problems: &'static str,
    pub unavailable: &'static str,
    pub reload: &'static str,
    /// `{server}` answered the test.
    pub probe_ok: &'static str,
    /// `{server}` did not answer the test as expected.
    pub probe_failed: &'static str,
    pub probe_unreachable: &'static str,
    pub probe_timeout: &'static str,
    pub probe_needs_server: &'static str,
}

pub fn ui(locale: Locale) -> &'static Ui {
    &catalogue(locale).ui
}

/// A value a message names. Field names and "no encryption" are translated; the rest is
/// shown as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Port(u16),
    Field(Field),
    Security(Security),
    Protocol(Protocol),
}

impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(v)
    }
}
impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(v.to_string())
    }
}
impl From<u16> for Arg {
    fn from(v: u16) -> Arg {
        Arg::Port(v)
    }
}
impl From<Field> for Arg {
    fn from(v: Field) -> Arg {
        Arg::Field(v)
    }
}
impl From<Security> for Arg {
    fn from(v: Security) -> Arg {
        Arg::Security(v)
    }
}
impl From<Protocol> for Arg {
    fn from(v: Protocol) -> Arg {
        Arg::Protocol(v)
    }
}

pub fn entry(locale: Locale, code: Code) -> Entry {
    (catalogue(locale).entry)(code)
}

pub fn words(locale: Locale) -> &'static Words {
    &catalogue(locale).words
}

/// The most characters of a typed value a message quotes; a longer value is cut with "…"
/// (the fix still carries it whole). Nobody reads 500 characters in a message.
const QUOTE_MAX: usize = 60;

fn push_quoted(out: &mut String, t: &str) {
    // Bytes first: a value of at most QUOTE_MAX bytes has at most QUOTE_MAX characters.
    let cut = if t.len() <= QUOTE_MAX {
        None
    } else {
        t.char_indices().nth(QUOTE_MAX).map(|(cut, _)| cut)
    };
    match cut {
        Some(cut) => {
            out.push_str(t.get(..cut).unwrap_or(t));
            out.push('…');
        }
        None => out.push_str(t),
    }
}

fn push_arg(out: &mut String, arg: &Arg, locale: Locale) {
    match arg {
        Arg::Text(t) => push_quoted(out, t),
        Arg::Port(p) => {
            use std::fmt::Write;
            let _ = write!(out, "{p}");
        }
        Arg::Field(f) => out.push_str((words(locale).field)(*f)),
        Arg::Security(Security::Tls) => out.push_str("SSL/TLS"),
        Arg::Security(Security::Starttls) => out.push_str("STARTTLS"),
        Arg::Security(Security::None) => out.push_str(words(locale).no_encryption),
        Arg::Protocol(p) => out.push_str(p.label()),
    }
}

/// Fills `{name}` in a template with the named values; an unknown name stays as written.
pub fn fill(template: &str, args: &[(&'static str, Arg)], locale: Locale) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    // `{` and `}` are ASCII: found as bytes, they split the text at character bounds.
    while let Some(open) = rest.bytes().position(|b| b == b'{') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 1..).unwrap_or("");
        match after.bytes().position(|b| b == b'}') {
            Some(close) => {
                let name = after.get(..close).unwrap_or("");
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, arg)) => push_arg(&mut out, arg, locale),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push_str(rest.get(open..).unwrap_or(""));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{names}` a template uses, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_catalogues() {
        assert_eq!(Locale::from_tag("zh-TW"), Locale::ZhHant);
        assert_eq!(Locale::from_tag("zh-HK"), Locale::ZhHant);
        assert_eq!(Locale::from_tag("zh-Hant"), Locale::ZhHant);
        assert_eq!(Locale::from_tag("zh-CN"), Locale::ZhHans);
        assert_eq!(Locale::from_tag("zh-SG"), Locale::ZhHans);
        assert_eq!(Locale::from_tag("zh-Hans-HK"), Locale::ZhHans);
        assert_eq!(Locale::from_tag("ms-MY"), Locale::Ms);
        assert_eq!(Locale::from_tag("ms"), Locale::Ms);
        assert_eq!(Locale::from_tag("fr-FR"), Locale::En);
        assert_eq!(Locale::from_tag(""), Locale::En);
    }

    #[test]
    fn every_locale_uses_the_english_placeholders() {
        for code in Code::all() {
            let en = entry(Locale::En, code);
            for locale in Locale::ALL {
                let e = entry(locale, code);
                assert!(!e.message.is_empty(), "{code} {locale:?} message");
                assert!(!e.help.is_empty(), "{code} {locale:?} help");
                for (a, b) in [(en.message, e.message), (en.help, e.help), (en.fix, e.fix)] {
                    assert_eq!(placeholders(a), placeholders(b), "{code} {locale:?}: {b}");
                }
            }
        }
    }

    #[test]
    fn every_locale_has_the_widget_words_with_the_english_placeholders() {
        let fields = |u: &Ui| {
            vec![
                u.language_name,
                u.language,
                u.incoming,
                u.outgoing,
                u.not_chosen,
                u.paste,
                u.fix_all,
                u.test_connection,
                u.testing,
                u.problems,
                u.no_problems,
                u.unavailable,
                u.reload,
                u.probe_ok,
                u.probe_failed,
                u.probe_unreachable,
                u.probe_timeout,
                u.probe_needs_server,
            ]
        };
        let en = fields(ui(Locale::En));
        for locale in Locale::ALL {
            let words = fields(ui(locale));
            for (a, b) in en.iter().zip(&words) {
                assert!(!b.is_empty(), "{locale:?}");
                assert_eq!(placeholders(a), placeholders(b), "{locale:?}: {b}");
            }
        }
    }

    #[test]
    fn fill_replaces_known_names_only() {
        let args = vec![
            ("port", Arg::Port(993)),
            ("sec", Arg::Security(Security::None)),
        ];
        assert_eq!(
            fill("Port {port} with {sec} {other}", &args, Locale::En),
            "Port 993 with no encryption {other}"
        );
        assert_eq!(fill("broken {port", &args, Locale::En), "broken {port");
    }
}
