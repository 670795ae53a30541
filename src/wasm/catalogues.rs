//! The catalogues the browser build does not carry (the engine's `locales` feature off): each
//! locale's texts, English's too, are a module of their own beside the glue
//! (`locales/<name>.js`, written from the compiled catalogues by `scripts/build-wasm.sh`),
//! imported the first time `loadLocale()` or a widget needs them and read into the engine's
//! catalogue (`src/messages/file.rs`). `maillint.js` carries English's (bundled in) and hands
//! it over when the module starts, so `check` answers in English from then on; the element's
//! page loads only the language each widget shows.

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
/// already at hand (a catalogue loaded before, or every catalogue compiled in).
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
        Some(object) => file::read(leaves(object, file::PATH_PARTS), &mut |path| {
            // Each part of the path one level down (`src/messages/file.rs`).
            path.split('.')
                .try_fold(JsValue::from(object), |at, key| {
                    js_sys::Reflect::get(&at, &JsValue::from_str(key)).ok()
                })
                .and_then(|text| text.as_string())
        }),
        None => Err("not an object of texts".to_string()),
    };
    let catalogue = catalogue
        .map_err(|why| super::boundary::error(&format!("maillint: the {name} catalogue: {why}")))?;
    messages::add_catalogue(locale, catalogue);
    Ok(())
}

/// How many texts a catalogue's object holds: its values that are not objects, down to
/// `depth` levels (the deepest a path goes). An object deeper counts as one value, which no
/// path reads, so the count refuses the file; a file whose objects hold themselves is read
/// no deeper either. Values read with `Reflect`, which hands back what a getter throws.
#[cfg(not(feature = "locales"))]
fn leaves(object: &js_sys::Object, depth: usize) -> usize {
    js_sys::Object::keys(object)
        .iter()
        .map(|key| {
            let value = js_sys::Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
            match value.dyn_ref::<js_sys::Object>() {
                Some(inner) if depth > 1 => leaves(inner, depth - 1),
                _ => 1,
            }
        })
        .sum()
}

#[cfg(feature = "locales")]
pub fn add(_locale: Locale, _module: &JsValue) -> Result<(), JsValue> {
    Ok(())
}
