//! The page's backend's answers (the connection test's, discovery's), read leniently: a
//! value that is missing or of another type reads as absent.

use wasm_bindgen::prelude::*;

/// A value of the backend's answer, `undefined` when the answer is no object. Read with
/// `Reflect`: the same reading through serde types with lenient fields cost the package
/// 4,165 bytes gzip more (`maillint_bg.wasm` 164,412 → 160,247 bytes), for values that are
/// not the package's API.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    if value.is_object() {
        super::dom::property(value, key)
    } else {
        JsValue::UNDEFINED
    }
}

/// A text of the answer, without U+0000.
pub fn text(value: &JsValue, key: &str) -> Option<String> {
    get(value, key).as_string().map(|t| t.replace('\0', ""))
}

/// Whether the answer's `key` is `true`.
pub fn yes(value: &JsValue, key: &str) -> bool {
    get(value, key).as_bool() == Some(true)
}

/// The items of the answer's list `key` (none when it is no list).
pub fn items(value: &JsValue, key: &str) -> Vec<JsValue> {
    let list = get(value, key);
    if js_sys::Array::is_array(&list) {
        js_sys::Array::from(&list).iter().collect()
    } else {
        Vec::new()
    }
}
