use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::finding::{Finding, Report};
use crate::settings::{FieldValue, IncomingSettings, OutgoingSettings, Settings};
use crate::{check::Options, messages::Locale};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// A port as it arrives from JavaScript: a number or the typed text.
#[derive(Deserialize)]
#[serde(untagged)]
enum WirePort {
    Number(f64),
    Text(String),
}

impl WirePort {
    fn into_text(self) -> String {
        match self {
            // Whole numbers in range without Rust's float formatting (a large part of the
            // binary); anything else as JavaScript itself writes it, for the message.
            WirePort::Number(n) if n.fract() == 0.0 && (0.0..=65535.0).contains(&n) => {
                (n as u32).to_string()
            }
            WirePort::Number(n) => String::from(
                js_sys::Number::from(n)
                    .to_string_with_radix(10)
                    .unwrap_or_else(|_| "NaN".into()),
            ),
            WirePort::Text(t) => t,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct WireIncoming {
    protocol: Option<String>,
    host: Option<String>,
    port: Option<WirePort>,
    security: Option<String>,
    username: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct WireOutgoing {
    host: Option<String>,
    port: Option<WirePort>,
    security: Option<String>,
    username: Option<String>,
    auth: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct WireSettings {
    email: Option<String>,
    incoming: Option<WireIncoming>,
    outgoing: Option<WireOutgoing>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct WireOptions {
    locale: Option<String>,
    complete: Option<bool>,
}

impl From<WireSettings> for Settings {
    fn from(w: WireSettings) -> Settings {
        let i = w.incoming.unwrap_or_default();
        let o = w.outgoing.unwrap_or_default();
        Settings {
            email: w.email,
            incoming: IncomingSettings {
                protocol: i.protocol,
                host: i.host,
                port: i.port.map(WirePort::into_text),
                security: i.security,
                username: i.username,
            },
            outgoing: OutgoingSettings {
                host: o.host,
                port: o.port.map(WirePort::into_text),
                security: o.security,
                username: o.username,
                auth: o.auth,
            },
        }
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum WireValue {
    Text(String),
    Number(u16),
    Bool(bool),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireEdit {
    field: &'static str,
    value: WireValue,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireFix {
    title: String,
    edits: Vec<WireEdit>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireFinding {
    code: &'static str,
    severity: &'static str,
    field: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<WireFix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireReport {
    ok: bool,
    findings: Vec<WireFinding>,
}

impl From<Finding> for WireFinding {
    fn from(f: Finding) -> WireFinding {
        WireFinding {
            code: f.code.as_str(),
            severity: f.severity.as_str(),
            field: f.field.path(),
            message: f.message,
            help: f.help,
            fix: f.fix.map(|fix| WireFix {
                title: fix.title,
                edits: fix
                    .edits
                    .into_iter()
                    .map(|e| WireEdit {
                        field: e.field.path(),
                        value: match e.value {
                            FieldValue::Text(t) => WireValue::Text(t),
                            FieldValue::Port(p) => WireValue::Number(p),
                            FieldValue::Bool(b) => WireValue::Bool(b),
                        },
                    })
                    .collect(),
            }),
        }
    }
}

impl From<Report> for WireReport {
    fn from(r: Report) -> WireReport {
        WireReport {
            ok: r.ok,
            findings: r.findings.into_iter().map(WireFinding::from).collect(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireParsedSide {
    #[serde(skip_serializing_if = "Option::is_none")]
    protocol: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    host: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    port: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    security: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth: Option<bool>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireParsed {
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    incoming: WireParsedSide,
    outgoing: WireParsedSide,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireRule {
    code: &'static str,
    severity: &'static str,
    summary: &'static str,
    fixable: bool,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("maillint: could not build the result: {e}")))
}

fn from_js<T: for<'de> Deserialize<'de> + Default>(
    value: JsValue,
    what: &str,
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() {
        return Err(JsError::new(&format!("maillint: {what} must be an object")));
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("maillint: {what} are not valid: {e}")))
}

/// A profile from `options.profile`: the text of a `config-v1.1.xml`, or the object form.
pub(crate) fn profile_from_js(value: &JsValue) -> Result<Option<crate::Profile>, JsError> {
    Ok(profile_doc_from_js(value)?.map(|doc| crate::Profile::from_doc(&doc)))
}

fn profile_doc_from_js(value: &JsValue) -> Result<Option<crate::profile::ProfileDoc>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(xml) = value.as_string() {
        return crate::profile::parse_doc(&xml)
            .map(Some)
            .map_err(|e| JsError::new(&format!("maillint: profile: {e}")));
    }
    if !value.is_object() {
        return Err(JsError::new(
            "maillint: profile must be the text of a config-v1.1.xml or a profile object",
        ));
    }
    let object: crate::profile::ProfileObject = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| JsError::new(&format!("maillint: profile is not valid: {e}")))?;
    Ok(Some(object.into_doc()))
}

fn locale_of(options: &JsValue) -> Locale {
    get(options, "locale")
        .as_string()
        .map(|t| Locale::from_tag(&t))
        .unwrap_or_default()
}

pub(crate) fn get(options: &JsValue, key: &str) -> JsValue {
    if options.is_object() {
        js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// Lints a provider's own `config-v1.1.xml` (or profile object): each finding names the
/// element (and line) it came from. Malformed XML throws an `Error`.
#[wasm_bindgen(js_name = lintProfile, unchecked_return_type = "LintReport")]
pub fn lint_profile(
    #[wasm_bindgen(unchecked_param_type = "string | ProviderProfile")] profile: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ locale?: string }")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let doc = profile_doc_from_js(&profile)?
        .ok_or_else(|| JsError::new("maillint: lintProfile needs a profile"))?;
    to_js(&crate::lint::lint_doc(&doc, locale_of(&options)))
}

/// A report as the JS API returns it.
pub(crate) fn report_to_js(report: &Report) -> Result<JsValue, JsValue> {
    to_js(&WireReport::from(report.clone())).map_err(JsValue::from)
}

/// Settings from a JS object, as `check` reads them.
pub(crate) fn settings_from_js(value: JsValue) -> Result<Settings, JsError> {
    Ok(from_js::<WireSettings>(value, "settings")?.into())
}

/// Settings as a JS object of the `Settings` type (ports as typed text).
pub(crate) fn settings_to_js(s: &Settings) -> Result<JsValue, JsError> {
    to_js(&WireParsed {
        email: s.email.clone(),
        incoming: WireParsedSide {
            protocol: s.incoming.protocol.clone(),
            host: s.incoming.host.clone(),
            port: s.incoming.port.clone(),
            security: s.incoming.security.clone(),
            username: s.incoming.username.clone(),
            auth: None,
        },
        outgoing: WireParsedSide {
            protocol: None,
            host: s.outgoing.host.clone(),
            port: s.outgoing.port.clone(),
            security: s.outgoing.security.clone(),
            username: s.outgoing.username.clone(),
            auth: s.outgoing.auth,
        },
    })
}

/// Mounts the checker inside `element`: a form that checks itself as the customer types.
#[wasm_bindgen(js_name = mount)]
pub fn mount(
    element: web_sys::HtmlElement,
    #[wasm_bindgen(unchecked_optional_param_type = "MountOptions")] options: Option<JsValue>,
) -> Result<super::widget::Widget, JsError> {
    super::widget::mount_in(element, options.unwrap_or(JsValue::UNDEFINED))
}

/// Registers the `<mail-settings-check>` custom element when the module starts.
#[wasm_bindgen(start)]
fn start() {
    super::widget::register_element();
}

/// Checks mail settings as typed and returns the findings in the requested locale.
#[wasm_bindgen(js_name = check, unchecked_return_type = "Report")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "Settings")] settings: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let settings = settings_from_js(settings)?;
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let profile = profile_from_js(&get(&options, "profile"))?;
    let options: WireOptions = from_js(options, "options")?;
    let options = Options {
        profile,
        locale: options
            .locale
            .as_deref()
            .map(Locale::from_tag)
            .unwrap_or_default(),
        complete: options.complete.unwrap_or(false),
    };
    to_js(&WireReport::from(crate::check(&settings, &options)))
}

/// Reads settings pasted as text (English, Chinese or Malay labels) into a settings object.
#[wasm_bindgen(js_name = parseSettings, unchecked_return_type = "ParsedSettings")]
pub fn parse_settings(text: &str) -> Result<JsValue, JsError> {
    settings_to_js(&crate::parse_settings(text))
}

/// Every rule: code, default severity, one-line English summary, whether it can fix.
#[wasm_bindgen(js_name = rules, unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsError> {
    let rules: Vec<WireRule> = crate::rules()
        .into_iter()
        .map(|r| WireRule {
            code: r.code.as_str(),
            severity: r.severity.as_str(),
            summary: r.summary,
            fixable: r.fixable,
        })
        .collect();
    to_js(&rules)
}
