//! The catalogues the browser build does not carry (the engine's `locales` feature off): each
//! locale's texts but English are a module of their own beside the glue
//! (`locales/<name>.js`, written from the compiled catalogues by `scripts/build-wasm.sh`),
//! imported the first time `loadLocale()` or a widget needs them and read into the engine's
//! catalogue (`src/messages/file.rs`). A page in English loads none of them.

use wasm_bindgen::prelude::*;
#[cfg(not(feature = "locales"))]
use wasm_bindgen::JsCast;

use super::promise::Thenable;
use crate::messages::Locale;

#[cfg(not(feature = "locales"))]
#[wasm_bindgen(module = "/src/wasm/locales.js")]
extern "C" {
    /// The promise of a catalogue's module, by its name (`zh_hant`).
    #[wasm_bindgen(js_name = importCatalogue)]
    fn import_catalogue(name: &str) -> Thenable;
}

/// The promise of the module holding a locale's catalogue; `None` when its texts are
/// already at hand (English, a catalogue loaded before, or every catalogue compiled in).
#[cfg(not(feature = "locales"))]
pub fn import(locale: Locale) -> Option<Thenable> {
    if crate::messages::has_catalogue(locale) {
        return None;
    }
    Some(import_catalogue(crate::messages::catalogue_name(locale)))
}

#[cfg(feature = "locales")]
pub fn import(_locale: Locale) -> Option<Thenable> {
    None
}

/// Reads an imported catalogue module (its default export: the catalogue's texts by path)
/// and hands the catalogue to the engine.
#[cfg(not(feature = "locales"))]
pub fn add(locale: Locale, module: &JsValue) -> Result<(), JsValue> {
    use crate::messages::{self, file};
    // Widgets mounted side by side may each have asked for the same module: read it once.
    if messages::has_catalogue(locale) {
        return Ok(());
    }
    let name = messages::catalogue_name(locale);
    let texts = js_sys::Reflect::get(module, &JsValue::from_str("default"))?;
    let catalogue = match texts.dyn_ref::<js_sys::Object>() {
        Some(object) => file::read(
            js_sys::Object::keys(object).length() as usize,
            &mut |path| {
                js_sys::Reflect::get(object, &JsValue::from_str(path))
                    .ok()
                    .and_then(|t| t.as_string())
            },
        ),
        None => Err("not an object of texts".to_string()),
    };
    let catalogue = catalogue
        .map_err(|why| super::boundary::error(&format!("maillint: the {name} catalogue: {why}")))?;
    messages::add_catalogue(locale, catalogue);
    Ok(())
}

#[cfg(feature = "locales")]
pub fn add(_locale: Locale, _module: &JsValue) -> Result<(), JsValue> {
    Ok(())
}
