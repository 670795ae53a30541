//! Reading JS values into engine types by hand. serde's deserializer would do it in fewer
//! lines, but its error messages pull Rust's float formatting into the package (about 6 KB
//! gzip); these readers give the same clear errors without it. `check`'s own arguments are
//! read in one call by `wire.js`, since they are read on every keystroke.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
/// `value[key]`, or undefined when `value` is no object.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    if value.is_object() {
        Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

fn wrong(path: &str, wants: &str) -> JsError {
    JsError::new(&format!("maillint: {path} must be {wants}"))
}

/// An optional object (not an array).
pub fn object(v: &JsValue, path: &str) -> Result<Option<JsValue>, JsError> {
    if absent(v) {
        Ok(None)
    } else if v.is_object() && !Array::is_array(v) {
        Ok(Some(v.clone()))
    } else {
        Err(wrong(path, "an object"))
    }
}

pub fn text(v: &JsValue, path: &str) -> Result<Option<String>, JsError> {
    if absent(v) {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| wrong(path, "text"))
}

/// A number, as JavaScript itself writes it.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && (0.0..=4_294_967_295.0).contains(&n) {
        (n as u32).to_string()
    } else {
        String::from(
            js_sys::Number::from(n)
                .to_string_with_radix(10)
                .unwrap_or_else(|_| "NaN".into()),
        )
    }
}

pub fn number(v: &JsValue, path: &str) -> Result<Option<f64>, JsError> {
    if absent(v) {
        return Ok(None);
    }
    v.as_f64().map(Some).ok_or_else(|| wrong(path, "a number"))
}

/// An optional array of items read by `item`.
pub fn list<T>(
    v: &JsValue,
    path: &str,
    item: impl Fn(&JsValue, &str) -> Result<T, JsError>,
) -> Result<Vec<T>, JsError> {
    if absent(v) {
        return Ok(Vec::new());
    }
    if !Array::is_array(v) {
        return Err(wrong(path, "an array"));
    }
    Array::from(v)
        .iter()
        .enumerate()
        .map(|(i, x)| item(&x, &format!("{path}[{i}]")))
        .collect()
}
