//! The one typed boundary between JavaScript and the engine: every value that crosses is a
//! type here, with serde derives, converted by `serde-wasm-bindgen`, and its TypeScript
//! declaration is written into `maillint.d.ts` by `tsify` from the same type. Wire types are
//! camelCase and converted from and to the engine's own types here, so the engine knows
//! nothing of JavaScript.
//!
//! Values are written to JavaScript by serde-wasm-bindgen and read by `from_js`, a serde
//! deserializer of our own (see there for the measured reason). A value of the wrong type is
//! a `TypeError` naming its path (`maillint: settings.incoming.port must be a number or
//! text`).

use std::borrow::Cow;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use tsify::Tsify;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod from_js;

use self::from_js::{FromJs, Preserved};

use crate::finding;
use crate::settings::FieldValue;
use crate::settings::{self, Field};

// ---- errors ------------------------------------------------------------------------------

/// A `TypeError` for a value of the wrong type.
pub fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

/// What an exception says: its `message`, or the text thrown.
pub fn message_of(thrown: &JsValue) -> Option<String> {
    if thrown.is_object() {
        js_sys::Reflect::get(thrown, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
    } else {
        thrown.as_string()
    }
}

/// An `Error` for anything else that keeps an export from answering.
pub fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Reads `value` as `T`; `root` names it in errors (`settings`, `options`, `profile`): a
/// value of the wrong type is a `TypeError` naming its path, an exception thrown while the
/// value is read (a getter, a proxy) an `Error` with its message.
pub fn read<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, JsValue> {
    T::deserialize(FromJs::new(value)).map_err(|e| match e {
        from_js::Error::Wrong { path, wants } => {
            let path = from_js::joined(root, &path);
            type_error(&format!("maillint: {path} must be {wants}"))
        }
        from_js::Error::Threw(thrown) => {
            let why = message_of(&thrown).unwrap_or_else(|| "it threw".to_string());
            error(&format!("maillint: could not read the {root}: {why}"))
        }
    })
}

/// Writes `value` as a JavaScript value: structs as plain objects, `None` left out.
pub fn write<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true))
        .map_err(|_| error("maillint: could not build the result"))
}

/// Whether a value is absent (`undefined` or `null`).
pub fn absent(value: &JsValue) -> bool {
    value.is_null_or_undefined()
}

// ---- leaf values -------------------------------------------------------------------------

/// A port as typed: a number (kept as JavaScript writes it, so the port rules see `993.5`
/// or `1e+21` as typed) or text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortText(pub String);

/// A number written as JavaScript writes it (`String(n)`).
fn js_number_text(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// Reads a port: a number, or text when `text_too`. Any other value is refused in
/// `expecting`'s words (`from_js` writes them into the error).
struct PortVisitor {
    text_too: bool,
}

impl<'de> Visitor<'de> for PortVisitor {
    type Value = PortText;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(if self.text_too {
            "must be a number or text"
        } else {
            "must be a number"
        })
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<PortText, E> {
        Ok(PortText(js_number_text(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<PortText, E> {
        if self.text_too {
            Ok(PortText(v.to_string()))
        } else {
            Err(E::invalid_type(de::Unexpected::Str(v), &self))
        }
    }
}

impl<'de> Deserialize<'de> for PortText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PortText, D::Error> {
        d.deserialize_any(PortVisitor { text_too: true })
    }
}

/// A port in a profile object: a number only (kept as JavaScript writes it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortNumber(pub String);

impl<'de> Deserialize<'de> for PortNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PortNumber, D::Error> {
        d.deserialize_any(PortVisitor { text_too: false })
            .map(|p| PortNumber(p.0))
    }
}

// ---- names -------------------------------------------------------------------------------

/// How a connection is protected: implicit TLS ("SSL/TLS"), STARTTLS, or none.
#[derive(Tsify, Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    Tls,
    Starttls,
    None,
}

impl From<settings::Security> for Security {
    fn from(s: settings::Security) -> Security {
        match s {
            settings::Security::Tls => Security::Tls,
            settings::Security::Starttls => Security::Starttls,
            settings::Security::None => Security::None,
        }
    }
}

/// Incoming mail protocol.
#[derive(Tsify, Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Imap,
    Pop3,
}

#[derive(Tsify, Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl From<finding::Severity> for Severity {
    fn from(s: finding::Severity) -> Severity {
        match s {
            finding::Severity::Error => Severity::Error,
            finding::Severity::Warning => Severity::Warning,
            finding::Severity::Info => Severity::Info,
        }
    }
}

/// A path to one field of the settings.
#[derive(Tsify, Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldPath {
    #[serde(rename = "email")]
    Email,
    #[serde(rename = "incoming.protocol")]
    IncomingProtocol,
    #[serde(rename = "incoming.host")]
    IncomingHost,
    #[serde(rename = "incoming.port")]
    IncomingPort,
    #[serde(rename = "incoming.security")]
    IncomingSecurity,
    #[serde(rename = "incoming.username")]
    IncomingUsername,
    #[serde(rename = "outgoing.host")]
    OutgoingHost,
    #[serde(rename = "outgoing.port")]
    OutgoingPort,
    #[serde(rename = "outgoing.security")]
    OutgoingSecurity,
    #[serde(rename = "outgoing.username")]
    OutgoingUsername,
    #[serde(rename = "outgoing.auth")]
    OutgoingAuth,
}

impl From<Field> for FieldPath {
    fn from(f: Field) -> FieldPath {
        match f {
            Field::Email => FieldPath::Email,
            Field::IncomingProtocol => FieldPath::IncomingProtocol,
            Field::IncomingHost => FieldPath::IncomingHost,
            Field::IncomingPort => FieldPath::IncomingPort,
            Field::IncomingSecurity => FieldPath::IncomingSecurity,
            Field::IncomingUsername => FieldPath::IncomingUsername,
            Field::OutgoingHost => FieldPath::OutgoingHost,
            Field::OutgoingPort => FieldPath::OutgoingPort,
            Field::OutgoingSecurity => FieldPath::OutgoingSecurity,
            Field::OutgoingUsername => FieldPath::OutgoingUsername,
            Field::OutgoingAuth => FieldPath::OutgoingAuth,
        }
    }
}

/// `export type Code = "comma-for-dot" | …;`, from the engine's one list of codes.
macro_rules! code_union {
    (
        rules { $($name:literal $variant:ident $module:ident,)* }
        probe { $($probe_name:literal $probe_variant:ident,)* }
    ) => {
        #[wasm_bindgen(typescript_custom_section)]
        const CODE_UNION: &str = concat!(
            "/** Every stable finding code. */\nexport type Code =",
            $("\n  | \"", $name, "\"",)*
            ";\n"
        );
    };
}
crate::codes::for_each_rule!(code_union);

// ---- settings ----------------------------------------------------------------------------

/**
 * Incoming server settings as typed. `port` may be a number or the text typed ("993 ",
 * "９９３"); `security` also accepts, in any case, "ssl", "ssl/tls", "plain", "off",
 * "yes" and "no".
 */
#[derive(Tsify, Deserialize, Default)]
#[tsify(rename = "IncomingSettings")]
pub struct IncomingInput {
    #[tsify(optional, type = "Protocol | (string & {}) | null")]
    pub protocol: Option<String>,
    #[tsify(optional, type = "string | null")]
    pub host: Option<String>,
    #[tsify(optional, type = "number | string | null")]
    pub port: Option<PortText>,
    #[tsify(optional, type = "Security | (string & {}) | null")]
    pub security: Option<String>,
    #[tsify(optional, type = "string | null")]
    pub username: Option<String>,
}

/// Outgoing (SMTP) server settings as typed.
#[derive(Tsify, Deserialize, Default)]
#[tsify(rename = "OutgoingSettings")]
pub struct OutgoingInput {
    #[tsify(optional, type = "string | null")]
    pub host: Option<String>,
    #[tsify(optional, type = "number | string | null")]
    pub port: Option<PortText>,
    #[tsify(optional, type = "Security | (string & {}) | null")]
    pub security: Option<String>,
    #[tsify(optional, type = "string | null")]
    pub username: Option<String>,
    /// "My outgoing server requires authentication".
    #[tsify(optional, type = "boolean | null")]
    pub auth: Option<bool>,
}

/// One account's settings; every field may be absent while the form is being filled.
#[derive(Tsify, Deserialize, Default)]
#[tsify(rename = "Settings")]
pub struct SettingsInput {
    #[tsify(optional, type = "string | null")]
    pub email: Option<String>,
    #[tsify(optional, type = "IncomingSettings | null")]
    pub incoming: Option<IncomingInput>,
    #[tsify(optional, type = "OutgoingSettings | null")]
    pub outgoing: Option<OutgoingInput>,
}

impl From<SettingsInput> for settings::Settings {
    fn from(s: SettingsInput) -> settings::Settings {
        let i = s.incoming.unwrap_or_default();
        let o = s.outgoing.unwrap_or_default();
        settings::Settings {
            email: s.email,
            incoming: settings::IncomingSettings {
                protocol: i.protocol,
                host: i.host,
                port: i.port.map(|p| p.0),
                security: i.security,
                username: i.username,
            },
            outgoing: settings::OutgoingSettings {
                host: o.host,
                port: o.port.map(|p| p.0),
                security: o.security,
                username: o.username,
                auth: o.auth,
            },
        }
    }
}

/// Settings read from a JavaScript value; `undefined` and `null` are empty settings.
pub fn settings(value: JsValue, root: &str) -> Result<settings::Settings, JsValue> {
    if absent(&value) {
        return Ok(settings::Settings::default());
    }
    Ok(read::<SettingsInput>(value, root)?.into())
}

/// Settings as `parseSettings` returns them (and a widget's `settings()`): ports as typed,
/// security and protocol as the form's choices.
#[derive(Tsify, Serialize, Default)]
pub struct ParsedSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub incoming: ParsedIncoming,
    pub outgoing: ParsedOutgoing,
}

#[derive(Tsify, Serialize, Default)]
pub struct ParsedIncoming {
    #[tsify(type = "Protocol")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<String>,
    #[tsify(type = "Security")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

#[derive(Tsify, Serialize, Default)]
pub struct ParsedOutgoing {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<String>,
    #[tsify(type = "Security")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth: Option<bool>,
}

impl From<&settings::Settings> for ParsedSettings {
    fn from(s: &settings::Settings) -> ParsedSettings {
        ParsedSettings {
            email: s.email.clone(),
            incoming: ParsedIncoming {
                protocol: s.incoming.protocol.clone(),
                host: s.incoming.host.clone(),
                port: s.incoming.port.clone(),
                security: s.incoming.security.clone(),
                username: s.incoming.username.clone(),
            },
            outgoing: ParsedOutgoing {
                host: s.outgoing.host.clone(),
                port: s.outgoing.port.clone(),
                security: s.outgoing.security.clone(),
                username: s.outgoing.username.clone(),
                auth: s.outgoing.auth,
            },
        }
    }
}

// ---- options -----------------------------------------------------------------------------

#[derive(Tsify, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct CheckOptions {
    /** A BCP 47 tag: "zh-TW"/"zh-Hant" (Taiwan terms), "zh-HK"/"zh-MO" (Hong Kong terms), "zh-CN"/"zh-Hans", "ms"/"ms-MY", "en"; others fall back to English. */
    #[tsify(optional, type = "string | null")]
    pub locale: Option<String>,
    /// The form is finished: report every empty required field as `missing-field`.
    #[tsify(optional, type = "boolean | null")]
    pub complete: Option<bool>,
    /// The page's own provider: the text of its config-v1.1.xml, or the object form.
    #[serde(default)]
    #[tsify(optional, type = "string | ProviderProfile | null")]
    pub profile: Preserved,
    /** The day providers' dated sign-in changes are judged against, "YYYY-MM-DD"; the browser's date when absent. */
    #[tsify(optional, type = "string | null")]
    pub today: Option<String>,
}

/// `check`'s (and `lintProfile`'s) options; absent ones are the defaults.
pub fn check_options(value: Option<JsValue>) -> Result<CheckOptions, JsValue> {
    match value.filter(|o| !absent(o)) {
        Some(o) => read(o, "options"),
        None => Ok(CheckOptions::default()),
    }
}

/// Options of `mount()` and of `<mail-settings-check locale="…" probe-url="…">`.
#[derive(Tsify, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct MountOptions {
    /// Default: the page's `lang`, then the browser's language.
    #[tsify(optional, type = "string")]
    pub locale: Option<String>,
    /// The reachability endpoint (POST); without it the "Test connection" button is hidden.
    #[tsify(optional, type = "string")]
    pub probe_url: Option<String>,
    /** The discovery endpoint (POST `{ domain }`); without it no domain is looked up. Only the
     * address's domain is sent, once per domain, when the customer pauses or leaves the field. */
    #[tsify(optional, type = "string")]
    pub discover_url: Option<String>,
    /// Settings to fill the form with.
    #[tsify(optional, type = "Settings")]
    pub initial: Option<SettingsInput>,
    /// Report every empty field (a finished form), as `check`'s `complete`.
    #[tsify(optional, type = "boolean")]
    pub complete: Option<bool>,
    /// Called with the new report after every change.
    #[serde(default)]
    #[tsify(optional, type = "(report: Report) => void")]
    pub on_change: Preserved,
    /// The page's own provider: the text of its config-v1.1.xml, or the object form.
    #[serde(default)]
    #[tsify(optional, type = "string | ProviderProfile")]
    pub profile: Preserved,
}

/// `mount()`'s options read and type-checked (an `Error` naming the option otherwise).
pub fn mount_options(value: JsValue) -> Result<MountOptions, JsValue> {
    if absent(&value) {
        return Ok(MountOptions::default());
    }
    // A value that is no object is refused by `read`: "maillint: options must be an object".
    let options: MountOptions = read(value, "options")?;
    if !(absent(&options.on_change.0) || options.on_change.0.is_function()) {
        return Err(type_error("maillint: options.onChange must be a function"));
    }
    Ok(options)
}

// ---- profiles ----------------------------------------------------------------------------

/// One server of a provider profile, as in config-v1.1.xml.
#[derive(Tsify, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ProfileServer {
    #[serde(rename = "type")]
    #[tsify(type = "\"imap\" | \"pop3\" | \"smtp\"")]
    pub kind: Option<String>,
    /// May hold %EMAILDOMAIN%, filled from the customer's address.
    #[tsify(type = "string")]
    pub hostname: Option<String>,
    #[tsify(type = "number")]
    pub port: Option<PortNumber>,
    #[tsify(type = "\"SSL\" | \"STARTTLS\" | \"plain\"")]
    pub socket_type: Option<String>,
    /// %EMAILADDRESS%, %EMAILLOCALPART% or a literal.
    #[tsify(optional, type = "string")]
    pub username: Option<String>,
    #[tsify(optional, type = "string")]
    pub authentication: Option<String>,
}

/// The object form of a provider's config-v1.1.xml.
#[derive(Tsify, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ProviderProfile {
    #[tsify(optional, type = "string[]")]
    #[serde(default)]
    pub domains: Vec<String>,
    #[tsify(optional, type = "string")]
    pub display_name: Option<String>,
    #[tsify(type = "ProfileServer[]")]
    #[serde(default)]
    pub incoming: Vec<ProfileServer>,
    #[tsify(type = "ProfileServer[]")]
    #[serde(default)]
    pub outgoing: Vec<ProfileServer>,
    /** Incoming protocols the domain says it does not offer (its SRV records name "." for them); a maillint extension that `/api/discover` fills. */
    #[tsify(optional, type = "(\"imap\" | \"pop3\")[]")]
    #[serde(default)]
    pub not_offered: Vec<String>,
}

impl From<ProviderProfile> for crate::profile::ProfileObject {
    fn from(p: ProviderProfile) -> crate::profile::ProfileObject {
        let servers = |list: Vec<ProfileServer>| {
            list.into_iter()
                .map(|s| crate::profile::ServerObject {
                    kind: s.kind.unwrap_or_default(),
                    hostname: s.hostname,
                    port: s.port.map(|p| p.0),
                    socket_type: s.socket_type,
                    username: s.username,
                    authentication: s.authentication,
                })
                .collect()
        };
        crate::profile::ProfileObject {
            domains: p.domains,
            display_name: p.display_name,
            incoming: servers(p.incoming),
            outgoing: servers(p.outgoing),
            not_offered: p.not_offered,
        }
    }
}

/// A profile given as the text of a `config-v1.1.xml` or as its object form, read into the
/// engine's document; `None` when absent.
pub fn profile_doc(value: JsValue) -> Result<Option<crate::profile::ProfileDoc>, JsValue> {
    if absent(&value) {
        return Ok(None);
    }
    if let Some(xml) = value.as_string() {
        return crate::profile::parse_doc(&xml)
            .map(Some)
            .map_err(|e| error(&format!("maillint: profile: {e}")));
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(type_error(
            "maillint: profile must be the text of a config-v1.1.xml or a profile object",
        ));
    }
    let object: ProviderProfile = read(value, "profile")?;
    Ok(Some(crate::profile::ProfileObject::from(object).into_doc()))
}

/// A profile the engine checks settings against.
pub fn profile(value: JsValue) -> Result<Option<crate::Profile>, JsValue> {
    Ok(profile_doc(value)?.map(|doc| crate::Profile::from_doc(&doc)))
}

// ---- reports -----------------------------------------------------------------------------

/// One field edit of a fix.
#[derive(Tsify, Serialize)]
pub struct Edit {
    pub field: FieldPath,
    #[tsify(type = "string | number | boolean")]
    pub value: EditValue,
}

/// A value a fix writes: text, a port number, or true or false.
#[derive(Serialize)]
#[serde(untagged)]
pub enum EditValue {
    Text(Text),
    Number(u16),
    Flag(bool),
}

#[derive(Tsify, Serialize)]
pub struct Fix {
    #[tsify(type = "string")]
    pub title: Text,
    pub edits: Vec<Edit>,
}

/// A text of a report: where it lies in the report's one JavaScript string ([`Texts`]).
/// Every text of a report is decoded from the module's memory in one call, and each is a
/// slice of that string, handed to serde-wasm-bindgen as the JavaScript value it is. A
/// `TextDecoder` call per text (about 250 ns each) was most of what the typed boundary
/// added to `check`: side by side in one page (six runs), this took the steady median from
/// 31.0–34.5 to 29.8–31.8 µs and p99 from 58–83 to 58–67 µs, for 883 bytes gzip
/// (docs/development.md).
#[derive(Clone, Copy, Debug)]
pub struct Text {
    start: u32,
    end: u32,
}

/// A report's texts, gathered while its boundary value is made.
#[derive(Default)]
pub struct Texts {
    all: String,
    /// The length of `all` in UTF-16 units, JavaScript's string positions.
    units: u32,
}

impl Texts {
    fn add(&mut self, text: &str) -> Text {
        let start = self.units;
        let units = crate::text::utf16_len(text);
        self.units = self
            .units
            .saturating_add(u32::try_from(units).unwrap_or(u32::MAX));
        self.all.push_str(text);
        Text {
            start,
            end: self.units,
        }
    }
}

thread_local! {
    /// The JavaScript string of the report being written ([`written_with`]).
    static WRITING: std::cell::RefCell<Option<js_sys::JsString>> =
        const { std::cell::RefCell::new(None) };
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let slice = WRITING.with(|w| {
            w.borrow()
                .as_ref()
                .map(|all| all.slice(self.start, self.end))
        });
        match slice {
            Some(slice) => serde_wasm_bindgen::preserve::serialize(&slice, serializer),
            None => Err(serde::ser::Error::custom(
                "a report's text written outside its report",
            )),
        }
    }
}

/// Writes `value`, whose texts are among `texts`: they are decoded in one call, then each
/// written as its slice.
fn written_with<T: Serialize>(texts: Texts, value: &T) -> Result<JsValue, JsValue> {
    WRITING.with(|w| *w.borrow_mut() = Some(js_sys::JsString::from(texts.all.as_str())));
    let written = write(value);
    WRITING.with(|w| *w.borrow_mut() = None);
    written
}

/// A stable code. Written as serde writes a name (a unit variant), which serde-wasm-bindgen
/// turns into a JavaScript string once and then reuses: a report's codes cost no new string.
#[derive(Clone, Copy, Debug)]
pub struct CodeName(pub &'static str);

impl Serialize for CodeName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("Code", 0, self.0)
    }
}

/// A help text: the catalogue's own (a `&'static str`, written like a code: made into a
/// JavaScript string once and reused, which keeps `check` as fast as it was when the wire
/// format kept them on the JavaScript side), or one filled with values, among the report's
/// texts.
#[derive(Clone, Copy, Debug)]
pub enum ReportHelp {
    Catalogue(&'static str),
    Filled(Text),
}

impl ReportHelp {
    // The `Cow` itself, not a `&str`: borrowed is what tells a catalogue text (static).
    #[allow(clippy::ptr_arg)]
    fn of(help: &Cow<'static, str>, texts: &mut Texts) -> ReportHelp {
        match help {
            Cow::Borrowed(text) => ReportHelp::Catalogue(text),
            Cow::Owned(text) => ReportHelp::Filled(texts.add(text)),
        }
    }
}

impl Serialize for ReportHelp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ReportHelp::Catalogue(text) => serializer.serialize_unit_variant("Help", 0, text),
            ReportHelp::Filled(text) => text.serialize(serializer),
        }
    }
}

#[derive(Tsify, Serialize)]
pub struct Finding {
    #[tsify(type = "Code")]
    pub code: CodeName,
    pub severity: Severity,
    pub field: FieldPath,
    /// What is wrong, in one sentence, in the requested locale.
    #[tsify(type = "string")]
    pub message: Text,
    /// Why it matters and what to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub help: Option<ReportHelp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Fix")]
    pub fix: Option<Fix>,
}

/// What `check` returns.
#[derive(Tsify, Serialize)]
pub struct Report {
    /// True when no finding has error severity.
    pub ok: bool,
    pub findings: Vec<Finding>,
}

impl Fix {
    fn of(fix: &finding::Fix, texts: &mut Texts) -> Fix {
        Fix {
            title: texts.add(&fix.title),
            edits: fix
                .edits
                .iter()
                .map(|e| Edit {
                    field: e.field.into(),
                    value: match &e.value {
                        FieldValue::Text(t) => EditValue::Text(texts.add(t)),
                        FieldValue::Port(p) => EditValue::Number(*p),
                        FieldValue::Bool(b) => EditValue::Flag(*b),
                    },
                })
                .collect(),
        }
    }
}

impl Report {
    fn of(report: &finding::Report, texts: &mut Texts) -> Report {
        Report {
            ok: report.ok,
            findings: report
                .findings
                .iter()
                .map(|f| Finding {
                    code: CodeName(f.code.as_str()),
                    severity: f.severity.into(),
                    field: f.place.into(),
                    message: texts.add(&f.message),
                    help: f.help.as_ref().map(|h| ReportHelp::of(h, texts)),
                    fix: f.fix.as_ref().map(|fix| Fix::of(fix, texts)),
                })
                .collect(),
        }
    }
}

/// A report as the JS API returns it: its texts decoded in one call, each a slice of them.
pub fn report(report: &finding::Report) -> Result<JsValue, JsValue> {
    let mut texts = Texts::default();
    let value = Report::of(report, &mut texts);
    written_with(texts, &value)
}

/// A mistake in a provider's profile, with the element (and line) it came from.
#[derive(Tsify, Serialize)]
pub struct LintFinding {
    #[tsify(type = "Code")]
    pub code: CodeName,
    pub severity: Severity,
    /// e.g. "incomingServer[2]/socketType"
    #[tsify(type = "string")]
    pub element: Text,
    /// 1-based line of the XML; 0 for the object form.
    pub line: u32,
    #[tsify(type = "string")]
    pub message: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub help: Option<ReportHelp>,
}

#[derive(Tsify, Serialize)]
pub struct LintReport {
    pub ok: bool,
    pub findings: Vec<LintFinding>,
}

/// A lint report as `lintProfile` returns it, its texts written as a report's.
pub fn lint_report(report: &finding::LintReport) -> Result<JsValue, JsValue> {
    let mut texts = Texts::default();
    let value = LintReport {
        ok: report.ok,
        findings: report
            .findings
            .iter()
            .map(|f| LintFinding {
                code: CodeName(f.code.as_str()),
                severity: f.severity.into(),
                element: texts.add(&f.place.element),
                line: f.place.line,
                message: texts.add(&f.message),
                help: f.help.as_ref().map(|h| ReportHelp::of(h, &mut texts)),
            })
            .collect(),
    };
    written_with(texts, &value)
}

#[derive(Tsify, Serialize)]
pub struct RuleInfo {
    #[tsify(type = "Code")]
    pub code: CodeName,
    pub severity: Severity,
    /// One line, in English.
    pub summary: &'static str,
    pub fixable: bool,
}

impl From<crate::rules::RuleInfo> for RuleInfo {
    fn from(r: crate::rules::RuleInfo) -> RuleInfo {
        RuleInfo {
            code: CodeName(r.code.as_str()),
            severity: r.severity.into(),
            summary: r.summary,
            fixable: r.fixable,
        }
    }
}

/// A function the page gave (`onChange`), if it is one.
pub fn function(value: &JsValue) -> Option<js_sys::Function> {
    value.dyn_ref::<js_sys::Function>().cloned()
}

/// The day the providers' dated changes are judged against: `options.today` (`YYYY-MM-DD`)
/// when given, else the browser's own date. A text that is no such date is an `Error`.
pub fn today(given: Option<&str>) -> Result<crate::providers::Day, JsValue> {
    match given {
        Some(text) => crate::providers::Day::parse(text)
            .ok_or_else(|| error("maillint: options.today must be a date written YYYY-MM-DD")),
        None => Ok(browser_today()),
    }
}

/// The browser's date, in the customer's own time zone: a change "from 31 December" starts
/// on their 31 December.
///
/// Read again at most once a minute: a check runs at every keystroke, and a `Date` costs
/// four calls into JavaScript where `Date.now()` costs one.
pub fn browser_today() -> crate::providers::Day {
    thread_local! {
        static KNOWN: std::cell::Cell<(f64, crate::providers::Day)> =
            const { std::cell::Cell::new((f64::NEG_INFINITY, crate::providers::Day(0))) };
    }
    let now = js_sys::Date::now();
    let (read_at, day) = KNOWN.get();
    if now - read_at < 60_000.0 && now >= read_at {
        return day;
    }
    let date = js_sys::Date::new_0();
    let day =
        crate::providers::Day::new(date.get_full_year(), date.get_month() + 1, date.get_date())
            .unwrap_or(crate::providers::Day(0));
    KNOWN.set((now, day));
    day
}
