//! The one kind of function the module hands the browser, and promises' `then` taking it.

use js_sys::Function;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `promise.then(onValue, onError)` with functions the caller may have wrapped (js-sys's
    /// `then` takes Rust closures, which the widget's trap guard could not wrap).
    pub type Thenable;
    #[wasm_bindgen(method, js_name = then)]
    pub fn then_call(this: &Thenable, on_value: &Function, on_error: &JsValue) -> Thenable;
}

/// The one kind of function the module hands the browser (one kind, so wasm-bindgen makes
/// its glue once): it takes a value, may give one back, and may throw.
pub type Handler = Closure<dyn FnMut(JsValue) -> Result<JsValue, JsValue>>;

/// A function for one call (an answer, the clipboard's promise, a loaded catalogue), owned by
/// JavaScript from then on.
pub fn once(f: impl FnOnce(JsValue) -> Result<JsValue, JsValue> + 'static) -> JsValue {
    let mut f = Some(f);
    Handler::new(move |value| match f.take() {
        Some(f) => f(value),
        None => Ok(JsValue::UNDEFINED),
    })
    .into_js_value()
}
