//! The JavaScript API: exports only. Each export reads its arguments and builds its result
//! through `boundary` (the typed values that cross, with their generated declarations), and
//! returns a value or throws: a `TypeError` for an argument of the wrong type, an `Error`
//! otherwise. Every argument arrives as a plain `JsValue` and is read by serde-wasm-bindgen
//! into a boundary type, since wasm-bindgen's own conversions (a `&str` given a number) read
//! memory they should not. The engine itself never panics (clippy denies unwrap, expect,
//! indexing and panic in it).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::boundary;
use super::browser::ready;
use super::catalogues;
use super::promise::{once, Thenable};
use crate::context::Options;
use crate::messages::{self, Locale};

/// The locale a `locale` option names (English without one), once its texts are at hand.
fn locale_of(tag: Option<&str>) -> Result<Locale, JsValue> {
    let locale = tag.map(Locale::from_tag).unwrap_or_default();
    if messages::has_catalogue(locale) {
        return Ok(locale);
    }
    let tag = locale.tag();
    Err(boundary::error(&format!(
        "maillint: the {tag} texts are not loaded: await loadLocale(\"{tag}\") first (the module starts with English)"
    )))
}

/// Checks mail settings as typed and returns the findings in the requested locale.
#[wasm_bindgen(js_name = check, unchecked_return_type = "Report")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "Settings")] settings: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    ready();
    let settings = boundary::settings(settings, "settings")?;
    let options = boundary::check_options(options)?;
    let options = Options {
        profile: boundary::profile(options.profile.0)?,
        locale: locale_of(options.locale.as_deref())?,
        complete: options.complete.unwrap_or(false),
        today: Some(boundary::today(options.today.as_deref())?),
    };
    boundary::report(&crate::check(&settings, &options))
}

/// Reads settings pasted as text (English, Chinese or Malay labels) into a settings object.
#[wasm_bindgen(js_name = parseSettings, unchecked_return_type = "ParsedSettings")]
pub fn parse_settings(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    ready();
    let text = text
        .as_string()
        .ok_or_else(|| boundary::type_error("maillint: parseSettings takes the pasted text"))?;
    boundary::write(&boundary::ParsedSettings::from(&crate::parse_settings(
        &text,
    )))
}

/// Every rule: code, default severity, one-line English summary, whether it can fix.
#[wasm_bindgen(js_name = rules, unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    ready();
    let rules: Vec<boundary::RuleInfo> = crate::rules().into_iter().map(Into::into).collect();
    boundary::write(&rules)
}

/// Lints a provider's own `config-v1.1.xml` (or profile object): each finding names the
/// element (and line) it came from. Malformed XML throws an `Error`.
#[wasm_bindgen(js_name = lintProfile, unchecked_return_type = "LintReport")]
pub fn lint_profile(
    #[wasm_bindgen(unchecked_param_type = "string | ProviderProfile")] profile: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ locale?: string }")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    ready();
    // `check`'s options type: lintProfile reads its locale.
    let options = boundary::check_options(options)?;
    let locale = locale_of(options.locale.as_deref())?;
    let doc = boundary::profile_doc(profile)?
        .ok_or_else(|| boundary::type_error("maillint: lintProfile needs a profile"))?;
    boundary::lint_report(&crate::lint::lint_doc(&doc, locale))
}

/// Loads a language's texts (`zh-TW`; any tag `check` takes), or every language's without a
/// tag: the module starts with English, and each other language is a module of its own,
/// fetched once. A widget loads the language it shows itself. Throws a `TypeError` for a
/// tag that is not text; the promise rejects with an `Error` when a catalogue cannot be
/// loaded or read.
#[wasm_bindgen(js_name = loadLocale, unchecked_return_type = "Promise<void>")]
pub fn load_locale(
    #[wasm_bindgen(unchecked_optional_param_type = "string")] tag: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    ready();
    let locales = match tag.filter(|t| !t.is_undefined()) {
        Some(tag) => vec![Locale::from_tag(&tag.as_string().ok_or_else(|| {
            boundary::type_error("maillint: loadLocale takes a language tag")
        })?)],
        None => Locale::ALL.to_vec(),
    };
    let loads = js_sys::Array::new();
    for locale in locales {
        if let Some(import) = catalogues::import(locale) {
            let read = once(move |module| {
                catalogues::add(locale, &module)?;
                Ok(JsValue::UNDEFINED)
            });
            loads.push(&import.then_call(read.unchecked_ref(), &JsValue::UNDEFINED));
        }
    }
    let done = once(|_| Ok(JsValue::UNDEFINED));
    Ok(js_sys::Promise::all(&loads)
        .unchecked_into::<Thenable>()
        .then_call(done.unchecked_ref(), &JsValue::UNDEFINED)
        .into())
}

/// Hands the module a catalogue's module already at hand (`maillint.js` carries English's,
/// bundled in, and hands it over in `init()` and `initSync()`, so both start with English and
/// `initSync` needs no wait). Not part of the API: `maillint.js` does not export it, and
/// it has no declaration.
#[wasm_bindgen(js_name = addCatalogue, skip_typescript)]
pub fn add_catalogue(
    #[wasm_bindgen(unchecked_param_type = "string")] tag: JsValue,
    module: JsValue,
) -> Result<(), JsValue> {
    ready();
    let tag = tag
        .as_string()
        .ok_or_else(|| boundary::type_error("maillint: addCatalogue takes a language tag"))?;
    catalogues::add(Locale::from_tag(&tag), &module)
}

/// Prepares the module when it starts. `<mail-settings-check>` is registered by the
/// `maillint/element` entry (`element.js`), in a shadow root of its own.
#[wasm_bindgen(start)]
fn start() {
    ready();
}
