//! A small element builder over web-sys, and the form's controls read and written the same
//! way whatever they are (a text box, a drop-down, the checkbox).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// What a DOM call can fail with (a page that refuses a change, an element gone).
pub type Dom<T> = Result<T, JsValue>;

/// A new `tag` element with a class (none when empty), attributes and text, appended to
/// `parent` when there is one.
pub fn make(
    doc: &Document,
    parent: Option<&Element>,
    tag: &str,
    class: &str,
    attributes: &[(&str, &str)],
    text: Option<&str>,
) -> Dom<Element> {
    let element = doc.create_element(tag)?;
    if !class.is_empty() {
        element.set_attribute("class", class)?;
    }
    for (name, value) in attributes {
        element.set_attribute(name, value)?;
    }
    if let Some(text) = text {
        element.set_text_content(Some(text));
    }
    if let Some(parent) = parent {
        parent.append_child(&element)?;
    }
    Ok(element)
}

/// Sets or removes a boolean attribute (`hidden`, `disabled`).
pub fn flag(element: &Element, name: &str, on: bool) -> Dom<()> {
    if on {
        element.set_attribute(name, "")
    } else {
        element.remove_attribute(name)
    }
}

/// A property of an element (`value`, `checked`, `activeElement`): one way to read the
/// form's text boxes, drop-downs, paste box and checkbox alike.
pub fn property(element: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(element, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Whether a control is the checkbox.
fn is_checkbox(control: &Element) -> bool {
    control.get_attribute("type").as_deref() == Some("checkbox")
}

/// A control's value: "true" or "false" for a checkbox, else its text.
pub fn value_of(control: &Element) -> String {
    if is_checkbox(control) {
        return (property(control, "checked").as_bool() == Some(true)).to_string();
    }
    property(control, "value").as_string().unwrap_or_default()
}

/// Writes a control's value; a checkbox is ticked by "true".
pub fn set_value(control: &Element, value: &str) {
    let (name, value) = if is_checkbox(control) {
        ("checked", JsValue::from_bool(value == "true"))
    } else {
        ("value", JsValue::from_str(value))
    };
    let _ = js_sys::Reflect::set(control, &JsValue::from_str(name), &value);
}

/// The text of a drop-down's chosen option (what the form shows), if it is one.
pub fn chosen_text(control: &Element) -> Option<String> {
    if control.local_name() != "select" {
        return None;
    }
    let options: web_sys::HtmlCollection = property(control, "selectedOptions").dyn_into().ok()?;
    options.item(0)?.text_content()
}

/// Moves the focus to `element` (every element of the form is an HTML element).
pub fn focus(element: &Element) {
    let _ = element.unchecked_ref::<web_sys::HtmlElement>().focus();
}
