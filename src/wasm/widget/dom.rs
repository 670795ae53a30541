//! A small element builder over web-sys, and the form's controls read and written the same
//! way whatever they are (a text box, a drop-down, the checkbox).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

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
        element.set_class_name(class);
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

/// A control's value: "true" or "false" for a checkbox, else its text.
pub fn value_of(control: &Element) -> String {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        if input.type_() == "checkbox" {
            return input.checked().to_string();
        }
        return input.value();
    }
    if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        return select.value();
    }
    if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        return area.value();
    }
    String::new()
}

/// Writes a control's value; a checkbox is ticked by "true".
pub fn set_value(control: &Element, value: &str) {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        if input.type_() == "checkbox" {
            input.set_checked(value == "true");
        } else {
            input.set_value(value);
        }
    } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        select.set_value(value);
    }
}

/// The text of a drop-down's chosen option (what the form shows), if it is one.
pub fn chosen_text(control: &Element) -> Option<String> {
    let select = control.dyn_ref::<HtmlSelectElement>()?;
    select.selected_options().item(0)?.text_content()
}

/// Moves the focus to `element`.
pub fn focus(element: &Element) {
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}
