use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{read, wire};
use crate::settings::Settings;
use crate::{context::Options, messages::Locale};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

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

/// Wire values to JS through one JSON text: a single string crossing and the engine's own
/// JSON.parse is several times faster than building each object field by field.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value)
        .map_err(|_| JsError::new("maillint: could not build the result"))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("maillint: could not build the result"))
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
    let server = |v: &JsValue, path: &str| -> Result<crate::profile::ServerObject, JsError> {
        let v = read::object(v, path)?
            .ok_or_else(|| JsError::new(&format!("maillint: {path} must be an object")))?;
        Ok(crate::profile::ServerObject {
            kind: read::text(&read::get(&v, "type"), &format!("{path}.type"))?.unwrap_or_default(),
            hostname: read::text(&read::get(&v, "hostname"), &format!("{path}.hostname"))?,
            port: read::number(&read::get(&v, "port"), &format!("{path}.port"))?
                .map(read::number_text),
            socket_type: read::text(&read::get(&v, "socketType"), &format!("{path}.socketType"))?,
            username: read::text(&read::get(&v, "username"), &format!("{path}.username"))?,
            authentication: read::text(
                &read::get(&v, "authentication"),
                &format!("{path}.authentication"),
            )?,
        })
    };
    let object = crate::profile::ProfileObject {
        domains: read::list(&read::get(value, "domains"), "profile.domains", |v, p| {
            read::text(v, p)?.ok_or_else(|| JsError::new(&format!("maillint: {p} must be text")))
        })?,
        display_name: read::text(&read::get(value, "displayName"), "profile.displayName")?,
        incoming: read::list(&read::get(value, "incoming"), "profile.incoming", server)?,
        outgoing: read::list(&read::get(value, "outgoing"), "profile.outgoing", server)?,
    };
    Ok(Some(object.into_doc()))
}

fn locale_of(options: &JsValue) -> Locale {
    get(options, "locale")
        .as_string()
        .map(|t| Locale::from_tag(&t))
        .unwrap_or_default()
}

pub(crate) use read::get;

/// Lints a provider's own `config-v1.1.xml` (or profile object): each finding names the
/// element (and line) it came from. Malformed XML throws an `Error`.
#[wasm_bindgen(js_name = lintProfile, unchecked_return_type = "LintReport")]
pub fn lint_profile(
    #[wasm_bindgen(unchecked_param_type = "string | ProviderProfile")] profile: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ locale?: string }")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    ready();
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let doc = profile_doc_from_js(&profile)?
        .ok_or_else(|| JsError::new("maillint: lintProfile needs a profile"))?;
    to_js(&crate::lint::lint_doc(&doc, locale_of(&options)))
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
    ready();
    super::widget::mount_in(element, options.unwrap_or(JsValue::UNDEFINED))
}

/// Registers the `<mail-settings-check>` custom element when the module starts.
#[wasm_bindgen(start)]
fn start() {
    ready();
    super::widget::register_element();
}

/// Hands the engine what it needs from the browser; every export calls it first, since a
/// module instantiated without its start function (a test harness) must work too.
pub(crate) fn ready() {
    #[cfg(not(feature = "idna"))]
    crate::text::set_domain_to_ascii(browser_domain_to_ascii);
}

/// UTS 46 by the browser's URL parser: `new URL("http://bücher.de/").hostname` is
/// `xn--bcher-kva.de`. The engine validates the result as a host name again.
///
/// A URL object costs more than the rest of a check's work on a name, and the same names come
/// back at every keystroke (both servers, the address domain, each check while another
/// field is typed), so the last few answers are kept.
#[cfg(not(feature = "idna"))]
fn browser_domain_to_ascii(name: &str) -> Option<String> {
    /// How many names are kept, and the longest kept (a valid name has at most 253 bytes).
    const KEEP: usize = 8;
    const LONGEST: usize = 253;
    thread_local! {
        static RECENT: std::cell::RefCell<Vec<(String, Option<String>)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    if name.contains(['/', '?', '#', '@', ':', '\\', '%']) {
        return None;
    }
    if let Some(known) = RECENT.with(|r| {
        r.borrow()
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, ascii)| ascii.clone())
    }) {
        return known;
    }
    let ascii = web_sys::Url::new(&format!("http://{name}/"))
        .ok()
        .map(|u| u.hostname());
    if name.len() <= LONGEST {
        RECENT.with(|r| {
            let mut recent = r.borrow_mut();
            if recent.len() == KEEP {
                recent.remove(0);
            }
            recent.push((name.to_string(), ascii.clone()));
        });
    }
    ascii
}

/// Checks mail settings as typed and returns the findings in the requested locale.
#[wasm_bindgen(js_name = check, unchecked_return_type = "Report")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "Settings")] settings: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    ready();
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let input = wire::check_input(&settings, &options)?;
    let profile = if input.has_profile {
        profile_from_js(&get(&options, "profile"))?
    } else {
        None
    };
    let options = Options {
        profile,
        locale: input
            .locale
            .as_deref()
            .map(Locale::from_tag)
            .unwrap_or_default(),
        complete: input.complete.unwrap_or(false),
    };
    let settings = input.settings;
    Ok(wire::report_to_js(&crate::check(&settings, &options)))
}

/// Reads settings pasted as text (English, Chinese or Malay labels) into a settings object.
#[wasm_bindgen(js_name = parseSettings, unchecked_return_type = "ParsedSettings")]
pub fn parse_settings(text: &str) -> Result<JsValue, JsError> {
    ready();
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
