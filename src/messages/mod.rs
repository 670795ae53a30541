//! Message catalogues: one file per locale, keyed by code, so a translator works on one file.
//!
//! Each locale is one [`Catalogue`] value: its entries (a `match` over [`Code`], so the
//! compiler refuses a locale that misses a code; the probe's codes in one section of their
//! own), its words and the widget's interface strings. Adding a locale touches its file, the
//! one list in [`locales!`] (with a `#[cfg(feature = "locales")]` module line) and, for the
//! browser build, which loads each catalogue, English's too, as a module of its own ([`file`]),
//! the imports in `src/wasm/locales.js`. Templates name their values in braces (`{value}`,
//! `{fixed}`, `{port}`); a test checks that every locale uses the same names as English.

use crate::codes::Code;
use crate::settings::{Field, Protocol, Security};

#[cfg(feature = "locales")]
mod en;
pub mod file;
#[cfg(feature = "locales")]
mod ms;
#[cfg(feature = "locales")]
mod zh_hans;
#[cfg(feature = "locales")]
mod zh_hant;
mod zh_hant_regions;

/// The one list of locales: the variant, its catalogue's module, the regional terms applied
/// to it, its BCP 47 tag (the widget's `lang`, so the right glyph forms load) and its own
/// name for the language menu.
macro_rules! locales {
    ($($variant:ident $module:ident, $terms:expr, $tag:literal, $name:literal;)*) => {
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

            /// The language's own name, for the language menu.
            pub fn name(self) -> &'static str {
                match self {
                    $(Locale::$variant => $name,)*
                }
            }

            /// The terms this locale writes differently from its catalogue, as
            /// (catalogue's term, this locale's term) pairs, longest first.
            pub fn terms(self) -> &'static [(&'static str, &'static str)] {
                match self {
                    $(Locale::$variant => $terms,)*
                }
            }
        }

        /// The catalogue of a locale (before its regional terms).
        #[cfg(feature = "locales")]
        pub fn catalogue(locale: Locale) -> &'static Catalogue {
            match locale {
                $(Locale::$variant => &$module::CATALOGUE,)*
            }
        }

        /// The name of a locale's catalogue (its module here, and the module the browser
        /// build imports it from: `locales/zh_hant.js`).
        pub fn catalogue_name(locale: Locale) -> &'static str {
            match locale {
                $(Locale::$variant => stringify!($module),)*
            }
        }
    };
}

locales! {
    En en, &[], "en", "English";
    ZhHant zh_hant, &[], "zh-TW", "繁體中文（台灣）";
    ZhHantHk zh_hant, zh_hant_regions::HONG_KONG, "zh-HK", "繁體中文（香港）";
    ZhHans zh_hans, &[], "zh-Hans", "简体中文";
    Ms ms, &[], "ms", "Bahasa Melayu";
}

/// The catalogues compiled in (feature `locales`, the engine's default): every one.
#[cfg(feature = "locales")]
pub fn has_catalogue(_locale: Locale) -> bool {
    true
}

/// The catalogue of a locale. The browser build compiles no texts in, English's neither:
/// each catalogue is a module of its own, loaded when first needed ([`file`]), so a page
/// loads only its language's texts. Until then a locale reads English, and before English
/// is loaded [`Catalogue::blank`] ([`has_catalogue`] tells these apart; `maillint.js` hands
/// the module English as it starts, a widget loads the language it shows before it shows
/// itself).
#[cfg(not(feature = "locales"))]
pub fn catalogue(locale: Locale) -> &'static Catalogue {
    loaded::get(locale)
        .or_else(|| loaded::get(Locale::En))
        .unwrap_or_else(|| Catalogue::blank())
}

/// Whether a locale's own texts are at hand.
#[cfg(not(feature = "locales"))]
pub fn has_catalogue(locale: Locale) -> bool {
    loaded::get(locale).is_some()
}

/// Adds a locale's catalogue read from its file ([`file`]), for every locale that shares it
/// (Taiwan's and Hong Kong's); a locale already loaded keeps its first catalogue.
#[cfg(not(feature = "locales"))]
pub fn add_catalogue(locale: Locale, catalogue: Catalogue) {
    loaded::add(locale, catalogue);
}

#[cfg(not(feature = "locales"))]
mod loaded {
    use super::{catalogue_name, Catalogue, Locale};
    use std::sync::OnceLock;

    /// The catalogue loaded for each locale, by its place in `Locale::ALL` (read on every
    /// text a check writes: no lock, no search). Each is leaked once, four at most.
    static LOADED: [OnceLock<&'static Catalogue>; Locale::ALL.len()] =
        [const { OnceLock::new() }; Locale::ALL.len()];

    pub fn get(locale: Locale) -> Option<&'static Catalogue> {
        LOADED.get(locale as usize)?.get().copied()
    }

    pub fn add(locale: Locale, catalogue: Catalogue) {
        if get(locale).is_some() {
            return;
        }
        let catalogue: &'static Catalogue = Box::leak(Box::new(catalogue));
        let name = catalogue_name(locale);
        for other in Locale::ALL {
            // Each slot found as `get` finds it.
            if let Some(slot) = LOADED
                .get(other as usize)
                .filter(|_| catalogue_name(other) == name)
            {
                let _ = slot.set(catalogue);
            }
        }
    }
}

impl Locale {
    /// Reads a BCP 47 tag: `zh-HK` and `zh-MO` are Traditional Chinese with Hong Kong terms;
    /// `zh-TW` and `zh-Hant` (and `zh-Hant-*` of other regions) Traditional Chinese with
    /// Taiwan terms; `zh`, `zh-CN`, `zh-SG` and `zh-Hans-*` Simplified; `ms`, `ms-MY` Malay;
    /// anything else English.
    pub fn from_tag(tag: &str) -> Locale {
        let t = tag.trim().replace('_', "-").to_ascii_lowercase();
        let mut parts = t.split('-');
        match parts.next().unwrap_or("") {
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let hong_kong = rest.iter().any(|p| matches!(*p, "hk" | "mo"));
                let traditional = rest.contains(&"hant")
                    || (!rest.contains(&"hans") && (hong_kong || rest.contains(&"tw")));
                match (traditional, hong_kong) {
                    (true, true) => Locale::ZhHantHk,
                    (true, false) => Locale::ZhHant,
                    (false, _) => Locale::ZhHans,
                }
            }
            "ms" | "zsm" => Locale::Ms,
            _ => Locale::En,
        }
    }
}

/// A catalogue text in a locale: the catalogue's own text, or its regional form (made once
/// and kept, so texts stay `&'static str` for every locale).
pub fn text(locale: Locale, s: &'static str) -> &'static str {
    let terms = locale.terms();
    if terms.is_empty() || !terms.iter().any(|(from, _)| s.contains(from)) {
        return s;
    }
    regional::get(terms, s)
}

mod regional {
    use std::sync::Mutex;

    /// Regional forms made so far, by the address of their terms table and of the text:
    /// each is leaked once, a few hundred short strings at most, so a list is enough (and
    /// smaller in the browser build than a hash map).
    #[allow(clippy::type_complexity)]
    static MADE: Mutex<Vec<((usize, usize, usize), &'static str)>> = Mutex::new(Vec::new());

    pub fn get(terms: &'static [(&'static str, &'static str)], s: &'static str) -> &'static str {
        let key = (terms.as_ptr() as usize, s.as_ptr() as usize, s.len());
        let Ok(mut made) = MADE.lock() else {
            return s;
        };
        if let Some((_, done)) = made.iter().find(|(k, _)| *k == key) {
            return done;
        }
        let mut out = s.to_string();
        for (from, to) in terms {
            out = out.replace(from, to);
        }
        let done: &'static str = Box::leak(out.into_boxed_str());
        made.push((key, done));
        done
    }
}

/// One locale: everything a customer reads in it (and, for the browser build, a file:
/// [`file`]).
pub struct Catalogue {
    /// The texts of each settings and profile code, in the order of `RULE_CODES`
    /// (a table made at compile time by [`entry_table!`] from the locale's `entry`).
    pub entries: &'static [Entry],
    /// The texts of the probe's codes (maillint-server only, which compiles every
    /// catalogue in: a file never carries them).
    #[cfg(feature = "probe")]
    pub probe_entry: fn(crate::codes::ProbeCode) -> Entry,
    /// The words messages are filled with.
    pub words: Words,
    /// The widget's own words.
    pub ui: Ui,
    /// The connection test's step names and details (maillint-server only).
    #[cfg(feature = "probe")]
    pub step: fn(StepText) -> &'static str,
}

impl Catalogue {
    /// A catalogue whose every text is one no-break space: the shape a file is read into
    /// ([`file::read`]), and what a locale reads before any catalogue is loaded. A widget
    /// mounted before its language's texts are in is drawn unseen with these, each text one
    /// line high, so the form already takes about the room it will need.
    pub fn blank() -> &'static Catalogue {
        const B: &str = "\u{a0}";
        static BLANK: Catalogue = Catalogue {
            entries: &[e(B, B, B); crate::codes::RULE_CODES.len()],
            #[cfg(feature = "probe")]
            probe_entry: |_| e(B, B, B),
            words: Words {
                fields: &[B; Field::ALL.len()],
                security_none: B,
                terms: &[B; Term::ALL.len()],
                months: [B; 12],
                date: B,
                list_separator: B,
                list_last: B,
            },
            ui: Ui::filled(B),
            #[cfg(feature = "probe")]
            step: |_| B,
        };
        &BLANK
    }
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

/// A locale's table, made at compile time by calling its `const fn` (one arm per key, so the
/// compiler still refuses a locale that misses one) for each of `keys` in order: the package
/// carries the texts' table, not the code of a `match` that returns them.
#[cfg(feature = "locales")]
macro_rules! const_table {
    ($f:ident, $keys:expr, $key:ty, $ty:ty, $empty:expr) => {{
        const KEYS: &[$key] = $keys;
        const TABLE: [$ty; KEYS.len()] = {
            let mut table = [$empty; KEYS.len()];
            let mut i = 0;
            // In a constant, an index out of range stops the build, never the program.
            #[allow(clippy::indexing_slicing)]
            while i < KEYS.len() {
                table[i] = $f(KEYS[i]);
                i += 1;
            }
            table
        };
        &TABLE
    }};
}
#[cfg(feature = "locales")]
pub(crate) use const_table;

/// The table of a locale's entries, from its `entry`, in the order of `RULE_CODES`.
#[cfg(feature = "locales")]
macro_rules! entry_table {
    ($entry:ident) => {
        super::const_table!(
            $entry,
            crate::codes::RULE_CODES,
            crate::codes::Code,
            super::Entry,
            super::e("", "", "")
        )
    };
}
#[cfg(feature = "locales")]
pub(crate) use entry_table;

/// The table of a locale's field labels, from its `field`, in `Field::ALL` order.
#[cfg(feature = "locales")]
macro_rules! field_table {
    ($field:ident) => {
        super::const_table!(
            $field,
            &crate::settings::Field::ALL,
            crate::settings::Field,
            &str,
            ""
        )
    };
}
#[cfg(feature = "locales")]
pub(crate) use field_table;

/// The table of a locale's terms, from its `term`, in `Term::ALL` order.
#[cfg(feature = "locales")]
macro_rules! term_table {
    ($term:ident) => {
        super::const_table!($term, &super::Term::ALL, super::Term, &str, "")
    };
}
#[cfg(feature = "locales")]
pub(crate) use term_table;

/// An entry: message, help, fix title (the catalogues' shorthand).
const fn e(message: &'static str, help: &'static str, fix: &'static str) -> Entry {
    Entry { message, help, fix }
}

/// The words a catalogue needs besides its entries.
#[derive(Clone, Copy)]
pub struct Words {
    /// Each field's label, as the form shows it, in `Field::ALL` order (a table made at
    /// compile time by [`field_table!`] from the locale's `field`).
    pub fields: &'static [&'static str; Field::ALL.len()],
    /// "No encryption" as the security drop-down shows it (SSL/TLS and STARTTLS are the
    /// same in every language).
    pub security_none: &'static str,
    /// The terms ([`Term`]), in `Term::ALL` order (a table made at compile time by
    /// [`term_table!`] from the locale's `term`).
    pub terms: &'static [&'static str; Term::ALL.len()],
    /// The months' names, January first, for a date in a message.
    pub months: [&'static str; 12],
    /// A date: `{day}`, `{month}` (a name from `months`) and `{year}` in the locale's order.
    pub date: &'static str,
    /// Between items of a list, and before its last item ("Outlook, Apple Mail and
    /// Thunderbird"; Chinese uses 、 for both).
    pub list_separator: &'static str,
    pub list_last: &'static str,
}

/// Words a message names that are the provider's, not the customer's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// An app-specific password (Google, Apple, Microsoft, Yahoo, …).
    AppPassword,
    /// An authorization code (授权码), as QQ Mail and NetEase call it.
    AuthorizationCode,
    /// Why a domain receives no mail (`domain-no-mail`): the name does not exist,
    NoSuchName,
    /// it publishes a null MX (RFC 7505),
    NullMx,
    /// it has neither MX records nor an address.
    NoMxNoAddress,
    /// Apple's own name for an app password ("app-specific password", App 专用密码).
    AppPasswordApple,
    /// When an app password is needed (`provider-app-password`'s `{need}`): always,
    NeedAlways,
    /// once two-step verification is on,
    NeedWithTwoStep,
    /// an authorization code, made where IMAP/SMTP is turned on,
    NeedCode,
    /// the same, with the place named (`{where}`: QQ's 设置 → 账户 → …).
    NeedCodeAt,
    /// What `whitespace` found (`{what}`): visible spaces,
    Spaces,
    /// only invisible characters (zero-width, soft hyphen),
    Invisible,
    /// both.
    SpacesAndInvisible,
    /// An empty field (`missing-field`'s `{state}`): a text left empty,
    NotFilledIn,
    /// a drop-down with nothing chosen;
    NotChosen,
    /// and its fix (`{action}`): fill in a text,
    FillIn,
    /// choose from a drop-down.
    Choose,
    /// `provider-sign-in`'s `{signin}`: the provider takes only its own sign-in,
    SignInOnly,
    /// or offers it beside a password.
    SignInOffered,
    /// Its `{password}`: a password is refused for every protocol in use (since `{date}`),
    PasswordRefused,
    /// for `{protocol}` (since `{date}`),
    PasswordRefusedFor,
    /// stops working on an announced day,
    PasswordEnding,
    /// is refused from `{date}` on (no day given to judge against),
    PasswordFrom,
    /// or apps without that sign-in use an app password, always,
    OrAppPasswordAlways,
    /// one made once two-step verification is on,
    OrAppPasswordTwoStep,
    /// or the account password.
    OrPassword,
    /// Its `{apps}`: the apps the provider names (`{names}`),
    AppsNamed,
    /// or none named: the apps that open the provider's own sign-in page.
    AppsUnnamed,
    /// `sign-in-password-ending`'s `{after}`: a password stops working for everyone,
    EndsForAll,
    /// or by default, an administrator may turn it back on.
    EndsByDefault,
}

impl Term {
    pub const ALL: [Term; 30] = [
        Term::AppPassword,
        Term::AuthorizationCode,
        Term::NoSuchName,
        Term::NullMx,
        Term::NoMxNoAddress,
        Term::AppPasswordApple,
        Term::NeedAlways,
        Term::NeedWithTwoStep,
        Term::NeedCode,
        Term::NeedCodeAt,
        Term::Spaces,
        Term::Invisible,
        Term::SpacesAndInvisible,
        Term::NotFilledIn,
        Term::NotChosen,
        Term::FillIn,
        Term::Choose,
        Term::SignInOnly,
        Term::SignInOffered,
        Term::PasswordRefused,
        Term::PasswordRefusedFor,
        Term::PasswordEnding,
        Term::PasswordFrom,
        Term::OrAppPasswordAlways,
        Term::OrAppPasswordTwoStep,
        Term::OrPassword,
        Term::AppsNamed,
        Term::AppsUnnamed,
        Term::EndsForAll,
        Term::EndsByDefault,
    ];

    /// The term's name in a catalogue's file.
    pub fn name(self) -> &'static str {
        match self {
            Term::AppPassword => "app-password",
            Term::AuthorizationCode => "authorization-code",
            Term::NoSuchName => "no-such-name",
            Term::NullMx => "null-mx",
            Term::NoMxNoAddress => "no-mx-no-address",
            Term::AppPasswordApple => "app-password-apple",
            Term::NeedAlways => "need-always",
            Term::NeedWithTwoStep => "need-with-two-step",
            Term::NeedCode => "need-code",
            Term::NeedCodeAt => "need-code-at",
            Term::Spaces => "spaces",
            Term::Invisible => "invisible",
            Term::SpacesAndInvisible => "spaces-and-invisible",
            Term::NotFilledIn => "not-filled-in",
            Term::NotChosen => "not-chosen",
            Term::FillIn => "fill-in",
            Term::Choose => "choose",
            Term::SignInOnly => "sign-in-only",
            Term::SignInOffered => "sign-in-offered",
            Term::PasswordRefused => "password-refused",
            Term::PasswordRefusedFor => "password-refused-for",
            Term::PasswordEnding => "password-ending",
            Term::PasswordFrom => "password-from",
            Term::OrAppPasswordAlways => "or-app-password-always",
            Term::OrAppPasswordTwoStep => "or-app-password-two-step",
            Term::OrPassword => "or-password",
            Term::AppsNamed => "apps-named",
            Term::AppsUnnamed => "apps-unnamed",
            Term::EndsForAll => "ends-for-all",
            Term::EndsByDefault => "ends-by-default",
        }
    }
}

/// A text with a number in it, in the forms the locale's plural rules choose between
/// (CLDR: English has "one" and "other"; Chinese and Malay only "other").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The form for `count` in `locale`, with `{count}` filled: the plural rule is decided
    /// here, once, not by each caller.
    pub fn of(&self, count: u64, locale: Locale) -> String {
        let form = if count == 1 && locale == Locale::En {
            self.one
        } else {
            self.other
        };
        fill(form, &[("count", Arg::Count(count))], locale)
    }
}

/// The widget's own words: labels, buttons and notices. They live beside the messages so a
/// translator works on one file per locale.
#[derive(Clone, Copy)]
pub struct Ui {
    pub language: &'static str,
    pub incoming: &'static str,
    pub outgoing: &'static str,
    /// The drop-downs' empty choice, shown (and read aloud) before one is made.
    pub choose: &'static str,
    pub paste: &'static str,
    pub fix_all: &'static str,
    pub test_connection: &'static str,
    pub testing: &'static str,
    /// `{count}` problems.
    pub problems: Plural,
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
    /// One step of the connection test: `{mark}`, `{step}`, `{detail}`, `{ms}`.
    pub step_line: &'static str,
    /// Discovery's line under the address: `{domain}` is handled by `{provider}`
    /// (`{source}`, one of the `source_` words).
    /// The copy-summary button, and what it says once the text is on the clipboard.
    pub copy_summary: &'static str,
    pub copied: &'static str,
    /// The summary's heading and the heading of its findings.
    pub summary_title: &'static str,
    pub summary_findings: &'static str,
    /// One line of the summary: `{field}` and its `{value}` (or a finding's message).
    pub summary_line: &'static str,
    /// A ticked and an unticked box, in the summary.
    pub yes: &'static str,
    pub no: &'static str,
    pub discovery_found: &'static str,
    pub discovery_no_provider: &'static str,
    /// Discovery failed, was refused or too slow: said calmly, never as an error.
    pub discovery_failed: &'static str,
    pub source_autoconfig: &'static str,
    pub source_mx: &'static str,
    pub source_ispdb: &'static str,
    pub source_srv: &'static str,
    /// After the discovery line, where mail apps sign in with the provider's own page.
    pub discovery_oauth: &'static str,
}

impl Ui {
    /// Every text `text` (the blank catalogue's).
    const fn filled(text: &'static str) -> Ui {
        Ui {
            language: text,
            incoming: text,
            outgoing: text,
            choose: text,
            paste: text,
            fix_all: text,
            test_connection: text,
            testing: text,
            problems: Plural {
                one: text,
                other: text,
            },
            no_problems: text,
            unavailable: text,
            reload: text,
            probe_ok: text,
            probe_failed: text,
            probe_unreachable: text,
            probe_timeout: text,
            probe_needs_server: text,
            step_line: text,
            copy_summary: text,
            copied: text,
            summary_title: text,
            summary_findings: text,
            summary_line: text,
            yes: text,
            no: text,
            discovery_found: text,
            discovery_no_provider: text,
            discovery_failed: text,
            source_autoconfig: text,
            source_mx: text,
            source_ispdb: text,
            source_srv: text,
            discovery_oauth: text,
        }
    }

    /// Every text with its name: the one list of the widget's words, for the tests that
    /// read them all and for a catalogue's file ([`file`]).
    pub fn slots(&mut self) -> [(&'static str, &mut &'static str); 34] {
        [
            ("language", &mut self.language),
            ("incoming", &mut self.incoming),
            ("outgoing", &mut self.outgoing),
            ("choose", &mut self.choose),
            ("paste", &mut self.paste),
            ("fix_all", &mut self.fix_all),
            ("test_connection", &mut self.test_connection),
            ("testing", &mut self.testing),
            ("problems.one", &mut self.problems.one),
            ("problems.other", &mut self.problems.other),
            ("no_problems", &mut self.no_problems),
            ("unavailable", &mut self.unavailable),
            ("reload", &mut self.reload),
            ("probe_ok", &mut self.probe_ok),
            ("probe_failed", &mut self.probe_failed),
            ("probe_unreachable", &mut self.probe_unreachable),
            ("probe_timeout", &mut self.probe_timeout),
            ("probe_needs_server", &mut self.probe_needs_server),
            ("step_line", &mut self.step_line),
            ("copy_summary", &mut self.copy_summary),
            ("copied", &mut self.copied),
            ("summary_title", &mut self.summary_title),
            ("summary_findings", &mut self.summary_findings),
            ("summary_line", &mut self.summary_line),
            ("yes", &mut self.yes),
            ("no", &mut self.no),
            ("discovery_found", &mut self.discovery_found),
            ("discovery_no_provider", &mut self.discovery_no_provider),
            ("discovery_failed", &mut self.discovery_failed),
            ("source_autoconfig", &mut self.source_autoconfig),
            ("source_mx", &mut self.source_mx),
            ("source_ispdb", &mut self.source_ispdb),
            ("source_srv", &mut self.source_srv),
            ("discovery_oauth", &mut self.discovery_oauth),
        ]
    }

    /// Every text, for the tests that read them all.
    pub fn texts(&self) -> Vec<&'static str> {
        let mut copy = *self;
        copy.slots().into_iter().map(|(_, text)| *text).collect()
    }
}

/// What the connection test reports at each step (maillint-server renders these).
#[cfg(feature = "probe")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepText {
    // The steps.
    Dns,
    Connect,
    Tls,
    Greeting,
    Capabilities,
    Starttls,
    // What a step found; `{value}` is what the server sent or an address.
    NoAddress,
    SpecialAddress,
    TestedTooOften,
    Refused,
    NetworkError,
    NoAnswerInTime,
    ServerSaid,
    LineTooLong,
    BinaryData,
    ServerClosed,
    IncompleteThenSilence,
    Silence,
    ReplyTooLong,
    CapabilityTooLong,
    TooManyCapabilities,
    NoCompleteAnswer,
    CouldNotSendStarttls,
    /// `{count}` bytes sent before TLS were ignored.
    BytesIgnored,
    /// `{version}`, certificate valid.
    TlsValid,
    /// `{version}`, with the certificate's problems below.
    TlsVersion,
    TlsFailed,
    /// Capabilities: `{auth}` is the sign-in methods or [`StepText::NoSignIn`].
    BeforeTls,
    BeforeTlsStarttls,
    AfterTls,
    NoSignIn,
    /// Before STARTTLS, no sign-in offered yet: it comes once the connection is secured.
    SignInAfterStarttls,
}

#[cfg(feature = "probe")]
impl StepText {
    pub const ALL: [StepText; 32] = [
        StepText::Dns,
        StepText::Connect,
        StepText::Tls,
        StepText::Greeting,
        StepText::Capabilities,
        StepText::Starttls,
        StepText::NoAddress,
        StepText::SpecialAddress,
        StepText::TestedTooOften,
        StepText::Refused,
        StepText::NetworkError,
        StepText::NoAnswerInTime,
        StepText::ServerSaid,
        StepText::LineTooLong,
        StepText::BinaryData,
        StepText::ServerClosed,
        StepText::IncompleteThenSilence,
        StepText::Silence,
        StepText::ReplyTooLong,
        StepText::CapabilityTooLong,
        StepText::TooManyCapabilities,
        StepText::NoCompleteAnswer,
        StepText::CouldNotSendStarttls,
        StepText::BytesIgnored,
        StepText::TlsValid,
        StepText::TlsVersion,
        StepText::TlsFailed,
        StepText::BeforeTls,
        StepText::BeforeTlsStarttls,
        StepText::AfterTls,
        StepText::NoSignIn,
        StepText::SignInAfterStarttls,
    ];
}

/// A step text in a locale, with its values filled in.
#[cfg(feature = "probe")]
pub fn step(locale: Locale, s: StepText, args: &[(&'static str, Arg)]) -> String {
    fill(text(locale, (catalogue(locale).step)(s)), args, locale)
}

/// The widget's words in a locale.
pub fn ui(locale: Locale) -> Ui {
    let mut ui = catalogue(locale).ui;
    for (_, slot) in ui.slots() {
        *slot = text(locale, slot);
    }
    ui
}

/// The plural category CLDR gives a whole number in a locale: English says "1 problem" and
/// "0 problems"; Chinese and Malay have one form.
pub fn plural(locale: Locale, forms: Plural, count: u64) -> String {
    let template = match locale {
        Locale::En if count == 1 => forms.one,
        _ => forms.other,
    };
    fill(template, &[("count", Arg::Count(count))], locale)
}

/// A value a message names. Field names, security names and terms are translated; the
/// rest is shown as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Port(u16),
    Count(u64),
    Field(Field),
    Security(Security),
    Protocol(Protocol),
    /// A term: a text of the catalogue's, which may itself name the other values.
    Term(Term),
    /// A day, written as the locale writes dates.
    Date(crate::day::Day),
    /// Names of apps, as a list in the locale's way.
    Apps(&'static [&'static str]),
    /// A provider's name as written, and as its customers know it in Simplified and in
    /// Traditional Chinese where that differs (QQ 邮箱 for "QQ Mail").
    Provider {
        name: String,
        zh_hans: Option<&'static str>,
        zh_hant: Option<&'static str>,
    },
    #[cfg(feature = "probe")]
    Step(StepText),
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
impl From<Term> for Arg {
    fn from(v: Term) -> Arg {
        Arg::Term(v)
    }
}

/// No texts: never seen, as every table has an entry for every code (a test says so).
const EMPTY: Entry = e("", "", "");

/// The texts of a code in a locale.
pub fn entry(locale: Locale, code: Code) -> Entry {
    let c = catalogue(locale);
    let e = match code.rule_index() {
        Some(i) => c.entries.get(i).copied().unwrap_or(EMPTY),
        #[cfg(feature = "probe")]
        None => match code {
            Code::Probe(p) => (c.probe_entry)(p),
            _ => EMPTY,
        },
        #[cfg(not(feature = "probe"))]
        None => EMPTY,
    };
    Entry {
        message: text(locale, e.message),
        help: text(locale, e.help),
        fix: text(locale, e.fix),
    }
}

/// A term in a locale, before its regional form.
fn term_text(locale: Locale, term: Term) -> &'static str {
    // `Term::ALL` lists the terms in declaration order, so a term's number is its place.
    let words = &catalogue(locale).words;
    words.terms.get(term as usize).copied().unwrap_or("")
}

/// A field's label in a locale.
pub fn field_label(locale: Locale, field: Field) -> &'static str {
    // `Field::ALL` lists the fields in declaration order, so a field's number is its place.
    let label = catalogue(locale).words.fields.get(field as usize).copied();
    text(locale, label.unwrap_or(""))
}

/// A security choice as the drop-down shows it in a locale.
pub fn security_name(locale: Locale, security: Security) -> &'static str {
    match security {
        Security::Tls => "SSL/TLS",
        Security::Starttls => "STARTTLS",
        Security::None => text(locale, catalogue(locale).words.security_none),
    }
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
        Arg::Port(p) => crate::text::push_number(out, u64::from(*p)),
        Arg::Count(n) => crate::text::push_number(out, *n),
        Arg::Field(f) => out.push_str(field_label(locale, *f)),
        Arg::Security(s) => out.push_str(security_name(locale, *s)),
        Arg::Protocol(p) => out.push_str(p.label()),
        Arg::Term(t) => out.push_str(text(locale, term_text(locale, *t))),
        Arg::Date(day) => {
            let words = &catalogue(locale).words;
            let month = words
                .months
                .get(day.month().saturating_sub(1) as usize)
                .copied()
                .unwrap_or("");
            let date = fill(
                words.date,
                &[
                    ("day", Arg::Count(u64::from(day.day()))),
                    ("month", Arg::Text(month.to_string())),
                    ("year", Arg::Count(u64::from(day.year()))),
                ],
                locale,
            );
            out.push_str(&date);
        }
        Arg::Apps(names) => {
            let words = &catalogue(locale).words;
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    out.push_str(if i + 1 == names.len() {
                        words.list_last
                    } else {
                        words.list_separator
                    });
                }
                out.push_str(name);
            }
        }
        Arg::Provider {
            name,
            zh_hans,
            zh_hant,
        } => match (locale, zh_hans, zh_hant) {
            (Locale::ZhHans, Some(local), _) => out.push_str(local),
            (Locale::ZhHant | Locale::ZhHantHk, _, Some(local)) => {
                out.push_str(text(locale, local))
            }
            _ => push_quoted(out, name),
        },
        #[cfg(feature = "probe")]
        Arg::Step(s) => out.push_str(text(locale, (catalogue(locale).step)(*s))),
    }
}

/// A value in a filled text: a term that names values is filled with the same values.
fn push_value(
    out: &mut String,
    arg: &Arg,
    args: &[(&'static str, Arg)],
    locale: Locale,
    terms_named: bool,
) {
    match arg {
        Arg::Term(t) if terms_named => {
            let own = text(locale, term_text(locale, *t));
            if own.contains('{') {
                out.push_str(&fill_at(own, args, locale, false));
            } else {
                out.push_str(own);
            }
        }
        _ => push_arg(out, arg, locale),
    }
}

/// A Chinese character (CJK unified ideographs and extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Fills `{name}` in a template with the named values; an unknown name stays as written.
pub fn fill(template: &str, args: &[(&'static str, Arg)], locale: Locale) -> String {
    fill_at(template, args, locale, true)
}

/// [`fill`]; `terms_named`: a term's own text may name values (`{date}`), filled in turn,
/// one level deep, so no text can make it loop.
fn fill_at(
    template: &str,
    args: &[(&'static str, Arg)],
    locale: Locale,
    terms_named: bool,
) -> String {
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
                    Some((_, arg @ (Arg::Provider { .. } | Arg::Term(_))))
                        if locale != Locale::En && locale != Locale::Ms =>
                    {
                        // A name or term set between Chinese words takes the spacing of what
                        // it is, not what the template guessed: none around a Chinese name
                        // (QQ 邮箱时), one between Chinese and a Latin word (要用 App 专用密码).
                        let before = out.len();
                        push_value(&mut out, arg, args, locale, terms_named);
                        let inserted = out.get(before..).unwrap_or("");
                        let first = inserted.chars().next();
                        let last = inserted.chars().last();
                        let head = out.get(..before).unwrap_or("");
                        let prev_han = head
                            .trim_end_matches(' ')
                            .chars()
                            .last()
                            .is_some_and(is_han);
                        let space_before = head.ends_with(' ');
                        let right_after_han = head.chars().last().is_some_and(is_han);
                        if first.is_some_and(is_han) && prev_han && space_before {
                            out.remove(before - 1);
                        } else if first.is_some_and(|c| c.is_ascii_alphanumeric())
                            && right_after_han
                        {
                            out.insert(before, ' ');
                        }
                        let tail = after.get(close + 1..).unwrap_or("");
                        let next_han = tail
                            .trim_start_matches(' ')
                            .chars()
                            .next()
                            .is_some_and(is_han);
                        rest = tail;
                        if last.is_some_and(is_han) && next_han && tail.starts_with(' ') {
                            rest = tail.get(1..).unwrap_or("");
                        } else if last.is_some_and(|c| c.is_ascii_alphanumeric())
                            && tail.chars().next().is_some_and(is_han)
                        {
                            out.push(' ');
                        }
                        continue;
                    }
                    Some((_, arg)) => push_value(&mut out, arg, args, locale, terms_named),
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
    fn locales_are_numbered_by_their_place_in_all() {
        // Locale::ALL lists every locale once, in its declared order (the language menu's).
        for (i, locale) in Locale::ALL.iter().enumerate() {
            assert_eq!(*locale as usize, i);
        }
    }

    #[test]
    fn all_lists_the_terms_in_declaration_order_with_distinct_names() {
        // The catalogues' term tables are indexed by a term's number; a file names them.
        for (i, term) in Term::ALL.iter().enumerate() {
            assert_eq!(*term as usize, i);
        }
        let mut names: Vec<&str> = Term::ALL.iter().map(|t| t.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Term::ALL.len());
        assert_eq!(
            term_text(Locale::En, Term::NullMx),
            en::CATALOGUE.words.terms[3]
        );
    }

    #[test]
    fn all_lists_the_fields_in_declaration_order() {
        // The catalogues' label tables are indexed by a field's number.
        for (i, field) in Field::ALL.iter().enumerate() {
            assert_eq!(*field as usize, i);
        }
        assert_eq!(
            field_label(Locale::En, Field::OutgoingAuth),
            "My outgoing server requires authentication"
        );
    }

    const CHINESE: [Locale; 3] = [Locale::ZhHant, Locale::ZhHantHk, Locale::ZhHans];

    fn is_han(c: char) -> bool {
        matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
    }

    /// Every text of a locale a customer can read, with its values filled in by `arg`.
    fn every_text(locale: Locale, arg: &Arg) -> Vec<String> {
        let names = [
            "value",
            "fixed",
            "suggestion",
            "punycode",
            "port",
            "field",
            "security",
            "expected",
            "found",
            "owner",
            "protocol",
            "provider",
            "account",
            "term",
            "host",
            "email",
            "name",
            "server",
            "date",
            "names",
            "seconds",
            "count",
            "mark",
            "what",
            "state",
            "action",
            "need",
        ];
        let args: Vec<(&'static str, Arg)> = names.iter().map(|n| (*n, arg.clone())).collect();
        let mut out = Vec::new();
        for code in Code::all() {
            let e = entry(locale, code);
            for t in [e.message, e.help, e.fix] {
                out.push(fill(t, &args, locale));
            }
        }
        for t in ui(locale).texts() {
            out.push(fill(t, &args, locale));
        }
        for f in Field::ALL {
            out.push(field_label(locale, f).to_string());
        }
        for t in Term::ALL {
            out.push(text(locale, term_text(locale, t)).to_string());
        }
        out.push(security_name(locale, Security::None).to_string());
        #[cfg(feature = "probe")]
        for s in StepText::ALL {
            out.push(step(locale, s, &args));
        }
        out
    }

    fn sample_args() -> Vec<Arg> {
        vec![
            Arg::Text("mail.example.com".into()),
            Arg::Port(993),
            Arg::Security(Security::Tls),
            Arg::Security(Security::Starttls),
            Arg::Security(Security::None),
            Arg::Protocol(Protocol::Imap),
            Arg::Protocol(Protocol::Pop3),
            Arg::Protocol(Protocol::Smtp),
            Arg::Term(Term::AuthorizationCode),
        ]
    }

    #[test]
    fn tags_map_to_catalogues() {
        assert_eq!(Locale::from_tag("zh-TW"), Locale::ZhHant);
        assert_eq!(Locale::from_tag("zh-Hant"), Locale::ZhHant);
        assert_eq!(Locale::from_tag("zh-Hant-TW"), Locale::ZhHant);
        assert_eq!(Locale::from_tag("zh-HK"), Locale::ZhHantHk);
        assert_eq!(Locale::from_tag("zh-MO"), Locale::ZhHantHk);
        assert_eq!(Locale::from_tag("zh-Hant-HK"), Locale::ZhHantHk);
        assert_eq!(Locale::from_tag("zh_hk"), Locale::ZhHantHk);
        assert_eq!(Locale::from_tag("zh-CN"), Locale::ZhHans);
        assert_eq!(Locale::from_tag("zh-SG"), Locale::ZhHans);
        assert_eq!(Locale::from_tag("zh"), Locale::ZhHans);
        assert_eq!(Locale::from_tag("zh-Hans-HK"), Locale::ZhHans);
        assert_eq!(Locale::from_tag("ms-MY"), Locale::Ms);
        assert_eq!(Locale::from_tag("ms"), Locale::Ms);
        assert_eq!(Locale::from_tag("fr-FR"), Locale::En);
        assert_eq!(Locale::from_tag(""), Locale::En);
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), locale, "{locale:?}");
        }
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
        let en = ui(Locale::En).texts();
        for locale in Locale::ALL {
            let words = ui(locale).texts();
            assert_eq!(en.len(), words.len());
            for (a, b) in en.iter().zip(&words) {
                assert!(!b.is_empty(), "{locale:?}");
                assert_eq!(placeholders(a), placeholders(b), "{locale:?}: {b}");
            }
        }
    }

    #[cfg(feature = "probe")]
    #[test]
    fn every_locale_has_the_step_texts_with_the_english_placeholders() {
        for s in StepText::ALL {
            let en = (catalogue(Locale::En).step)(s);
            for locale in Locale::ALL {
                let t = (catalogue(locale).step)(s);
                assert!(!t.is_empty(), "{s:?} {locale:?}");
                assert_eq!(placeholders(en), placeholders(t), "{s:?} {locale:?}: {t}");
            }
        }
    }

    #[test]
    fn chinese_punctuation_is_full_width_beside_han() {
        for locale in CHINESE {
            for arg in sample_args() {
                for t in every_text(locale, &arg) {
                    let chars: Vec<char> = t.chars().collect();
                    for (i, c) in chars.iter().enumerate() {
                        if !",:;()?!".contains(*c) {
                            continue;
                        }
                        let before = i.checked_sub(1).and_then(|j| chars.get(j));
                        let after = chars.get(i + 1);
                        let touches =
                            before.is_some_and(|b| is_han(*b)) || after.is_some_and(|a| is_han(*a));
                        assert!(!touches, "{locale:?}: ASCII “{c}” beside Han in: {t}");
                    }
                }
            }
        }
    }

    /// Whole words of a text, split at everything that is not a letter or digit, except a
    /// URL scheme (`imap://`), which names a prefix to leave out, not a setting.
    fn words_of(t: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = t;
        while !rest.is_empty() {
            let start = rest
                .find(|c: char| c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            rest = rest.get(start..).unwrap_or("");
            let end = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            let word = rest.get(..end).unwrap_or("");
            rest = rest.get(end..).unwrap_or("");
            if !rest.starts_with("://") && !word.is_empty() {
                out.push(word);
            }
        }
        out
    }

    #[test]
    fn no_internal_value_in_any_text() {
        for locale in Locale::ALL {
            for arg in sample_args() {
                for t in every_text(locale, &arg) {
                    for w in words_of(&t) {
                        assert!(
                            !matches!(w, "tls" | "starttls" | "none" | "imap" | "pop3" | "pop"),
                            "{locale:?}: internal value “{w}” in: {t}"
                        );
                    }
                }
            }
        }
    }

    /// True when a text carries no words of its own: only values, numbers, units and the
    /// names that are the same in every language.
    fn nothing_to_translate(t: &str) -> bool {
        let mut bare = t.to_string();
        for name in placeholders(t) {
            bare = bare.replace(&format!("{{{name}}}"), "");
        }
        words_of(&bare).iter().all(|w| {
            matches!(
                *w,
                "SSL" | "TLS" | "STARTTLS" | "IMAP" | "POP3" | "SMTP" | "ms" | "64" | "KiB"
            ) || w.chars().all(|c| c.is_ascii_digit())
        })
    }

    #[test]
    fn every_text_differs_from_english() {
        // Empty values, so that only each text's own words are compared.
        let arg = Arg::Text(String::new());
        let en = every_text(Locale::En, &arg);
        for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
            let texts = every_text(locale, &arg);
            assert_eq!(texts.len(), en.len());
            for (e, t) in en.iter().zip(&texts) {
                if e.is_empty() || nothing_to_translate(e) {
                    continue;
                }
                assert_ne!(e, t, "{locale:?} is English: {t}");
            }
        }
    }

    #[test]
    fn plurals_follow_the_locale_rules() {
        let said = |locale, n| plural(locale, ui(locale).problems, n);
        assert_eq!(said(Locale::En, 0), "0 problems to look at.");
        assert_eq!(said(Locale::En, 1), "1 problem to look at.");
        assert_eq!(said(Locale::En, 2), "2 problems to look at.");
        assert_eq!(said(Locale::En, 5), "5 problems to look at.");
        assert_eq!(said(Locale::ZhHant, 1), "有 1 個問題需要留意。");
        assert_eq!(said(Locale::ZhHant, 5), "有 5 個問題需要留意。");
        assert_eq!(said(Locale::ZhHantHk, 2), "有 2 個問題需要留意。");
        assert_eq!(said(Locale::ZhHans, 0), "有 0 个问题需要注意。");
        assert_eq!(said(Locale::ZhHans, 2), "有 2 个问题需要注意。");
        assert_eq!(said(Locale::Ms, 1), "1 masalah perlu disemak.");
        assert_eq!(said(Locale::Ms, 5), "5 masalah perlu disemak.");
        for locale in Locale::ALL {
            for n in [0, 1, 2, 5] {
                let t = said(locale, n);
                assert!(t.contains(&n.to_string()), "{locale:?} {n}: {t}");
                assert!(!t.contains("(s)"), "{locale:?}: {t}");
            }
        }
    }

    #[test]
    fn hong_kong_and_taiwan_each_get_their_terms() {
        let tw = entry(Locale::ZhHant, Code::Port25Submission).help;
        let hk = entry(Locale::ZhHantHk, Code::Port25Submission).help;
        for word in ["網路", "家用", "行動", "飯店", "搭配"] {
            assert!(tw.contains(word), "zh-TW lacks {word}: {tw}");
        }
        for word in ["網絡", "家居", "流動", "酒店", "配搭"] {
            assert!(hk.contains(word), "zh-HK lacks {word}: {hk}");
        }
        assert!(ui(Locale::ZhHant).paste.contains('您'));
        assert!(ui(Locale::ZhHantHk).paste.contains('你'));
        // Hong Kong's own words (phones, Outlook and the providers' pages), Taiwan's kept.
        assert_eq!(field_label(Locale::ZhHantHk, Field::Email), "電郵地址");
        assert_eq!(field_label(Locale::ZhHant, Field::Email), "電子郵件地址");
        assert!(field_label(Locale::ZhHantHk, Field::IncomingUsername).contains("用戶名稱"));
        assert!(field_label(Locale::ZhHant, Field::IncomingUsername).contains("使用者名稱"));
        #[cfg(feature = "probe")]
        {
            let cert =
                |locale| entry(locale, Code::Probe(crate::codes::ProbeCode::CertExpired)).message;
            assert!(
                cert(Locale::ZhHantHk).contains("證書"),
                "{}",
                cert(Locale::ZhHantHk)
            );
            assert!(
                cert(Locale::ZhHant).contains("憑證"),
                "{}",
                cert(Locale::ZhHant)
            );
        }
        let arg = Arg::Text("mail.example.com".into());
        for t in every_text(Locale::ZhHantHk, &arg) {
            for (taiwan, _) in Locale::ZhHantHk.terms() {
                assert!(
                    !t.contains(taiwan),
                    "zh-HK has the Taiwan term {taiwan}: {t}"
                );
            }
        }
        for t in every_text(Locale::ZhHant, &arg) {
            // Taiwan writes 地址 too (電子郵件地址); only a network's is 位址 there.
            for (_, hong_kong) in Locale::ZhHantHk
                .terms()
                .iter()
                .filter(|(_, h)| *h != "地址")
            {
                assert!(
                    !t.contains(hong_kong),
                    "zh-TW has the Hong Kong term {hong_kong}: {t}"
                );
            }
        }
        // Every pair is used somewhere (some only in the server's texts), so the table
        // holds no dead entries.
        #[cfg(feature = "probe")]
        let all = every_text(Locale::ZhHant, &arg).join("");
        #[cfg(feature = "probe")]
        for (taiwan, _) in Locale::ZhHantHk.terms() {
            assert!(all.contains(taiwan), "the term {taiwan} is not used");
        }
    }

    #[test]
    fn simplified_chinese_says_nin_and_one_word_a_thing() {
        let arg = Arg::Text("mail.example.com".into());
        for t in every_text(Locale::ZhHans, &arg) {
            assert!(!t.contains('你'), "zh-Hans says 你: {t}");
            // The outgoing-authentication box is named as Outlook names it (我的发送服务器
            // (SMTP) 要求验证), so a customer finds it there; everywhere else, one word.
            let t = t.replace("我的发送服务器（SMTP）要求验证", "");
            for wrong in ["电子邮件地址", "发送服务器", "接收服务器", "邮件程序"]
            {
                assert!(!t.contains(wrong), "zh-Hans says {wrong}: {t}");
            }
        }
    }

    #[test]
    fn fill_replaces_known_names_only() {
        let args = vec![
            ("port", Arg::Port(993)),
            ("sec", Arg::Security(Security::None)),
            ("n", Arg::Count(0)),
        ];
        assert_eq!(
            fill("Port {port} with “{sec}” {other} {n}", &args, Locale::En),
            "Port 993 with “None” {other} 0"
        );
        assert_eq!(fill("{sec}", &args, Locale::ZhHans), "无");
        assert_eq!(fill("{sec}", &args, Locale::Ms), "Tiada");
        assert_eq!(fill("broken {port", &args, Locale::En), "broken {port");
        assert_eq!(
            fill("{n}", &[("n", Arg::Count(u64::MAX))], Locale::En),
            u64::MAX.to_string()
        );
    }
}
