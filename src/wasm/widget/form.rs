//! Builds the form: one input per field, named by its path, each with a label and a region
//! for its findings that the input's `aria-describedby` points at.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::messages::{self, Locale};
use crate::settings::Field;

/// What kind of control a field is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Text,
    Port,
    Protocol,
    Security,
    Checkbox,
}

pub fn control(field: Field) -> Control {
    match field {
        Field::IncomingProtocol => Control::Protocol,
        Field::IncomingPort | Field::OutgoingPort => Control::Port,
        Field::IncomingSecurity | Field::OutgoingSecurity => Control::Security,
        Field::OutgoingAuth => Control::Checkbox,
        _ => Control::Text,
    }
}

#[wasm_bindgen(module = "/src/wasm/widget/page.js")]
extern "C" {
    /// A new element: `attributes` are name, value, … separated by U+0000; appended to
    /// `parent` when given (see `make` in `page.js`).
    #[wasm_bindgen(js_name = make)]
    fn make_element(
        doc: &Document,
        parent: Option<&Element>,
        tag: &str,
        class: &str,
        attributes: &str,
        text: Option<&str>,
    ) -> Element;

    /// A control's value: `"true"` or `"false"` for a checkbox, else its text.
    #[wasm_bindgen(js_name = valueOf)]
    pub fn value_of(control: &Element) -> String;

    /// Writes a control's value; a checkbox is ticked by `"true"`.
    #[wasm_bindgen(js_name = setValue)]
    pub fn set_value(control: &Element, value: &str);

    /// Moves the focus to an element.
    pub fn focus(element: &Element);
}

/// A value from outside the widget (the backend's answer) for an attribute list: without
/// U+0000, which would end its value and start another attribute's name.
pub fn attribute_value(value: &str) -> String {
    value.replace('\0', "")
}

/// A new element, not yet in the tree, with a class (none when empty) and attributes.
pub fn el(doc: &Document, tag: &str, class: &str, attributes: &str) -> Element {
    make_element(doc, None, tag, class, attributes, None)
}

/// A new element appended to `parent`, with a class, attributes (`"name\0value\0…"`) and text.
pub fn add(
    doc: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    attributes: &str,
    text: Option<&str>,
) -> Element {
    make_element(doc, Some(parent), tag, class, attributes, text)
}

/// The form's controls, kept so they are found without searching the page.
pub struct Controls {
    pub fields: Vec<(Field, Element)>,
    pub labels: Vec<(Field, Element)>,
    pub messages: Vec<(Field, Element)>,
    pub legends: [Element; 2],
    pub locale_label: Element,
    pub locale_select: Element,
    pub paste_label: Element,
    pub fix_all: Element,
    pub test: Element,
    pub copy: Element,
    pub summary: Element,
    pub probe: Element,
    /// Discovery's line under the address (hidden until it has something to say).
    pub discovery: Element,
}

impl Controls {
    pub fn input(&self, field: Field) -> Option<&Element> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }
    pub fn messages(&self, field: Field) -> Option<&Element> {
        self.messages
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }
}

fn option(doc: &Document, select: &Element, value: &str, text: &str) {
    add(
        doc,
        select,
        "option",
        "",
        &format!("value\0{value}"),
        Some(text),
    );
}

fn field_row(
    doc: &Document,
    parent: &Element,
    uid: &str,
    field: Field,
    c: &mut Vec<(Field, Element, Element, Element)>,
) -> Element {
    let path = field.path();
    let checkbox = control(field) == Control::Checkbox;
    let row = add(
        doc,
        parent,
        "div",
        if checkbox {
            "maillint-field maillint-field-checkbox"
        } else {
            "maillint-field"
        },
        &format!("data-field\0{path}\0part\0field"),
        None,
    );
    let id = format!("{uid}-{}", path.replace('.', "-"));
    let label = add(
        doc,
        &row,
        "label",
        "maillint-label",
        &format!("for\0{id}\0part\0label"),
        None,
    );
    // The input's own attributes, then those every control has.
    let (tag, class, kind) = match control(field) {
        Control::Protocol | Control::Security => ("select", "maillint-input", String::new()),
        Control::Checkbox => ("input", "maillint-checkbox", "type\0checkbox\0".to_string()),
        Control::Port | Control::Text => {
            let autocomplete = if field == Field::Email {
                "email"
            } else {
                "off"
            };
            let mode = match (control(field), field) {
                (Control::Port, _) => "inputmode\0numeric\0",
                (_, Field::Email) => "inputmode\0email\0",
                _ => "",
            };
            let attributes = format!(
                "type\0text\0autocomplete\0{autocomplete}\0autocapitalize\0none\0spellcheck\0false\0{mode}"
            );
            ("input", "maillint-input", attributes)
        }
    };
    let attributes =
        format!("{kind}id\0{id}\0name\0{path}\0part\0input\0aria-describedby\0{id}-messages");
    // A checkbox sits inside its label, before the label's text.
    let input = add(
        doc,
        if checkbox { &label } else { &row },
        tag,
        class,
        &attributes,
        None,
    );
    match control(field) {
        Control::Protocol => {
            for (value, text) in [("", ""), ("imap", "IMAP"), ("pop3", "POP3")] {
                option(doc, &input, value, text);
            }
        }
        Control::Security => {
            for (value, text) in [
                ("", ""),
                ("tls", "SSL/TLS"),
                ("starttls", "STARTTLS"),
                ("none", ""),
            ] {
                option(doc, &input, value, text);
            }
        }
        _ => {}
    }
    let text = if checkbox {
        add(doc, &label, "span", "maillint-label-text", "", None)
    } else {
        label
    };
    let messages = add(
        doc,
        &row,
        "div",
        "maillint-messages",
        &format!("id\0{id}-messages"),
        None,
    );
    c.push((field, input, text, messages));
    row
}

/// Builds the widget's tree under `root`.
pub fn build(doc: &Document, root: &Element, uid: &str) -> Result<Controls, JsValue> {
    let bar = add(doc, root, "div", "maillint-bar", "", None);
    let locale_label = add(doc, &bar, "label", "maillint-locale", "", None);
    add(doc, &locale_label, "span", "", "", None);
    let locale_select = add(
        doc,
        &locale_label,
        "select",
        "maillint-locale-select",
        "name\0maillint-locale",
        None,
    );
    for locale in Locale::ALL {
        option(doc, &locale_select, locale.tag(), locale.name());
    }

    let form = add(
        doc,
        root,
        "form",
        "maillint-form",
        "novalidate\0\0autocomplete\0off",
        None,
    );
    let mut rows = Vec::new();
    let email_row = field_row(doc, &form, uid, Field::Email, &mut rows);
    let discovery = add(
        doc,
        &email_row,
        "div",
        "maillint-discovery",
        "part\0discovery\0aria-live\0polite\0hidden\0",
        None,
    );
    let mut legends = Vec::new();
    // The two fieldsets hold the incoming and the outgoing fields, in form order.
    for side in ["incoming.", "outgoing."] {
        let set = add(doc, &form, "fieldset", "maillint-group", "", None);
        legends.push(add(doc, &set, "legend", "", "", None));
        for field in Field::ALL.iter().filter(|f| f.path().starts_with(side)) {
            field_row(doc, &set, uid, *field, &mut rows);
        }
    }
    let paste_row = add(doc, &form, "div", "maillint-field maillint-paste", "", None);
    let paste_id = format!("{uid}-paste");
    let paste_label = add(
        doc,
        &paste_row,
        "label",
        "maillint-label",
        &format!("for\0{paste_id}"),
        None,
    );
    add(
        doc,
        &paste_row,
        "textarea",
        "maillint-input",
        &format!("id\0{paste_id}\0name\0maillint-paste\0rows\04"),
        None,
    );

    let actions = add(doc, root, "div", "maillint-actions", "part\0actions", None);
    let button = |class: &str| {
        add(
            doc,
            &actions,
            "button",
            class,
            "type\0button\0part\0button",
            None,
        )
    };
    let fix_all = button("maillint-fix-all");
    let test = button("maillint-test");
    let copy = button("maillint-copy");
    let summary = add(
        doc,
        root,
        "p",
        "maillint-summary",
        "part\0summary\0role\0status\0aria-live\0polite",
        None,
    );
    let probe = add(
        doc,
        root,
        "div",
        "maillint-probe",
        "aria-live\0polite",
        None,
    );

    let [incoming, outgoing]: [Element; 2] = legends
        .try_into()
        .map_err(|_| JsValue::from_str("maillint: form has no groups"))?;
    Ok(Controls {
        fields: rows.iter().map(|(f, i, _, _)| (*f, i.clone())).collect(),
        labels: rows.iter().map(|(f, _, l, _)| (*f, l.clone())).collect(),
        messages: rows.iter().map(|(f, _, _, m)| (*f, m.clone())).collect(),
        legends: [incoming, outgoing],
        locale_label,
        locale_select,
        paste_label,
        fix_all,
        test,
        copy,
        summary,
        probe,
        discovery,
    })
}

/// Writes the labels in a locale; values stay as they are.
pub fn label(c: &Controls, locale: Locale) -> Result<(), JsValue> {
    let ui = messages::ui(locale);
    for (field, label) in &c.labels {
        label.set_text_content(Some(messages::field_label(locale, *field)));
    }
    let [incoming, outgoing] = &c.legends;
    incoming.set_text_content(Some(ui.incoming));
    outgoing.set_text_content(Some(ui.outgoing));
    if let Some(span) = c.locale_label.first_element_child() {
        span.set_text_content(Some(ui.language));
    }
    set_value(&c.locale_select, locale.tag());
    c.paste_label.set_text_content(Some(ui.paste));
    c.fix_all.set_text_content(Some(ui.fix_all));
    c.test.set_text_content(Some(ui.test_connection));
    c.copy.set_text_content(Some(ui.copy_summary));
    // The drop-downs' words: the empty choice says "Choose…" (a dash is read aloud as
    // "dash"), and "no encryption" is in the customer's language.
    for field in [
        Field::IncomingProtocol,
        Field::IncomingSecurity,
        Field::OutgoingSecurity,
    ] {
        let Some(select) = c.input(field) else {
            continue;
        };
        if let Some(empty) = select.query_selector("option[value='']").ok().flatten() {
            empty.set_text_content(Some(ui.choose));
        }
        if let Some(none) = select.query_selector("option[value=none]").ok().flatten() {
            none.set_text_content(Some(messages::security_name(
                locale,
                crate::settings::Security::None,
            )));
        }
    }
    Ok(())
}

/// The value a control holds, as the engine's text (`None` when empty).
pub fn read(c: &Controls, field: Field) -> Option<String> {
    let value = value_of(c.input(field)?);
    // A checkbox always has a value: "true" or "false".
    Some(value).filter(|v| control(field) == Control::Checkbox || !v.is_empty())
}

/// Writes a value into a control; a security or protocol alias is shown as its option.
pub fn write(c: &Controls, field: Field, value: &str) {
    let Some(e) = c.input(field) else { return };
    let shown = match control(field) {
        Control::Security => crate::settings::Security::parse(value)
            .map(|s| crate::settings::Security::resolve(s, None).as_str())
            .unwrap_or(""),
        Control::Protocol => crate::settings::Protocol::parse_incoming(value)
            .map(|p| p.as_str())
            .unwrap_or(""),
        _ => value,
    };
    set_value(e, shown);
}
