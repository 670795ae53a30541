//! The JavaScript API: exports only. Each export reads its arguments and builds its result
//! through `wire` (the one module that converts between JS values and engine types), and
//! returns a value or throws: a `TypeError` for an argument of the wrong type, an `Error`
//! otherwise. Every argument arrives as a plain `JsValue` and is type-checked here, since
//! wasm-bindgen's own conversions (a `&str` given a number) read memory they should not.
//! The engine itself never panics (clippy denies unwrap, expect, indexing and panic in it).

use wasm_bindgen::prelude::*;

use super::browser::ready;
use super::wire;
use crate::context::Options;
use crate::messages::Locale;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Checks mail settings as typed and returns the findings in the requested locale.
#[wasm_bindgen(js_name = check, unchecked_return_type = "Report")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "Settings")] settings: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    ready();
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let input = wire::check_input(&settings, &options)?;
    let profile = if input.has_profile {
        wire::profile(&wire::get(&options, "profile"))?
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
        today: Some(wire::today(input.today.as_deref())?),
    };
    let report = crate::check(&input.settings, &options);
    Ok(wire::report(&report, options.locale))
}

/// Reads settings pasted as text (English, Chinese or Malay labels) into a settings object.
#[wasm_bindgen(js_name = parseSettings, unchecked_return_type = "ParsedSettings")]
pub fn parse_settings(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    ready();
    let text = text
        .as_string()
        .ok_or_else(|| wire::type_error("maillint: parseSettings takes the pasted text"))?;
    wire::settings(&crate::parse_settings(&text))
}

/// Every rule: code, default severity, one-line English summary, whether it can fix.
#[wasm_bindgen(js_name = rules, unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    ready();
    wire::rules()
}

/// Lints a provider's own `config-v1.1.xml` (or profile object): each finding names the
/// element (and line) it came from. Malformed XML throws an `Error`.
#[wasm_bindgen(js_name = lintProfile, unchecked_return_type = "LintReport")]
pub fn lint_profile(
    #[wasm_bindgen(unchecked_param_type = "string | ProviderProfile")] profile: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ locale?: string }")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    ready();
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let doc = wire::profile_doc(&profile)?
        .ok_or_else(|| wire::type_error("maillint: lintProfile needs a profile"))?;
    wire::lint_report(&crate::lint::lint_doc(&doc, wire::locale_of(&options)))
}

/// Prepares the module when it starts. `<mail-settings-check>` is registered by the
/// `maillint/element` entry (`element.js`), in a shadow root of its own.
#[wasm_bindgen(start)]
fn start() {
    ready();
}
