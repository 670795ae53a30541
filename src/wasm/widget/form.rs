//! Builds the form: one input per field, named by its path, each with a label and a region
//! for its findings that the input's `aria-describedby` points at.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

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

pub fn el(doc: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

/// The form's controls, kept so they are found without searching the page.
pub struct Controls {
    pub fields: Vec<(Field, Element)>,
    pub labels: Vec<(Field, Element)>,
    pub messages: Vec<(Field, Element)>,
    pub legends: [Element; 2],
    pub locale_label: Element,
    pub locale_select: HtmlSelectElement,
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

fn option(doc: &Document, select: &Element, value: &str, text: &str) -> Result<(), JsValue> {
    let o = el(doc, "option", "")?;
    o.set_attribute("value", value)?;
    o.set_text_content(Some(text));
    select.append_child(&o)?;
    Ok(())
}

fn field_row(
    doc: &Document,
    uid: &str,
    field: Field,
    c: &mut Vec<(Field, Element, Element, Element)>,
) -> Result<Element, JsValue> {
    let row = el(doc, "div", "maillint-field")?;
    row.set_attribute("data-field", field.path())?;
    row.set_attribute("part", "field")?;
    let id = format!("{uid}-{}", field.path().replace('.', "-"));
    let label = el(doc, "label", "maillint-label")?;
    label.set_attribute("for", &id)?;
    label.set_attribute("part", "label")?;
    let input = match control(field) {
        Control::Protocol => {
            let s = el(doc, "select", "maillint-input")?;
            option(doc, &s, "", "")?;
            option(doc, &s, "imap", "IMAP")?;
            option(doc, &s, "pop3", "POP3")?;
            s
        }
        Control::Security => {
            let s = el(doc, "select", "maillint-input")?;
            option(doc, &s, "", "")?;
            option(doc, &s, "tls", "SSL/TLS")?;
            option(doc, &s, "starttls", "STARTTLS")?;
            option(doc, &s, "none", "")?;
            s
        }
        Control::Checkbox => {
            let i = el(doc, "input", "maillint-checkbox")?;
            i.set_attribute("type", "checkbox")?;
            i
        }
        Control::Port | Control::Text => {
            let i = el(doc, "input", "maillint-input")?;
            i.set_attribute("type", "text")?;
            i.set_attribute(
                "autocomplete",
                if field == Field::Email {
                    "email"
                } else {
                    "off"
                },
            )?;
            i.set_attribute("autocapitalize", "none")?;
            i.set_attribute("spellcheck", "false")?;
            if control(field) == Control::Port {
                i.set_attribute("inputmode", "numeric")?;
            } else if field == Field::Email {
                i.set_attribute("inputmode", "email")?;
            }
            i
        }
    };
    input.set_attribute("id", &id)?;
    input.set_attribute("name", field.path())?;
    input.set_attribute("part", "input")?;
    let messages_id = format!("{id}-messages");
    input.set_attribute("aria-describedby", &messages_id)?;
    let messages = el(doc, "div", "maillint-messages")?;
    messages.set_attribute("id", &messages_id)?;
    if control(field) == Control::Checkbox {
        row.class_list().add_1("maillint-field-checkbox")?;
        label.append_child(&input)?;
        let text = el(doc, "span", "maillint-label-text")?;
        label.append_child(&text)?;
        row.append_child(&label)?;
        c.push((field, input, text, messages.clone()));
    } else {
        row.append_child(&label)?;
        row.append_child(&input)?;
        c.push((field, input, label, messages.clone()));
    }
    row.append_child(&messages)?;
    Ok(row)
}

/// Builds the widget's tree under `root`.
pub fn build(doc: &Document, root: &Element, uid: &str) -> Result<Controls, JsValue> {
    let bar = el(doc, "div", "maillint-bar")?;
    let locale_label = el(doc, "label", "maillint-locale")?;
    let locale_text = el(doc, "span", "")?;
    locale_label.append_child(&locale_text)?;
    let locale_select = el(doc, "select", "maillint-locale-select")?;
    locale_select.set_attribute("name", "maillint-locale")?;
    for locale in Locale::ALL {
        option(doc, &locale_select, locale.tag(), locale.name())?;
    }
    locale_label.append_child(&locale_select)?;
    bar.append_child(&locale_label)?;
    root.append_child(&bar)?;

    let form = el(doc, "form", "maillint-form")?;
    form.set_attribute("novalidate", "")?;
    form.set_attribute("autocomplete", "off")?;
    let mut rows = Vec::new();
    let email_row = field_row(doc, uid, Field::Email, &mut rows)?;
    let discovery = el(doc, "div", "maillint-discovery")?;
    discovery.set_attribute("part", "discovery")?;
    discovery.set_attribute("aria-live", "polite")?;
    discovery.set_attribute("hidden", "")?;
    email_row.append_child(&discovery)?;
    form.append_child(&email_row)?;
    let mut legends = Vec::new();
    // The two fieldsets hold the incoming and the outgoing fields, in form order.
    for side in ["incoming.", "outgoing."] {
        let set = el(doc, "fieldset", "maillint-group")?;
        let legend = el(doc, "legend", "")?;
        set.append_child(&legend)?;
        for field in Field::ALL.iter().filter(|f| f.path().starts_with(side)) {
            let row = field_row(doc, uid, *field, &mut rows)?;
            set.append_child(&row)?;
        }
        form.append_child(&set)?;
        legends.push(legend);
    }
    let paste_row = el(doc, "div", "maillint-field maillint-paste")?;
    let paste_label = el(doc, "label", "maillint-label")?;
    let paste_id = format!("{uid}-paste");
    paste_label.set_attribute("for", &paste_id)?;
    let paste = el(doc, "textarea", "maillint-input")?;
    paste.set_attribute("id", &paste_id)?;
    paste.set_attribute("name", "maillint-paste")?;
    paste.set_attribute("rows", "4")?;
    paste_row.append_child(&paste_label)?;
    paste_row.append_child(&paste)?;
    form.append_child(&paste_row)?;
    root.append_child(&form)?;

    let actions = el(doc, "div", "maillint-actions")?;
    let fix_all = el(doc, "button", "maillint-fix-all")?;
    fix_all.set_attribute("type", "button")?;
    let test = el(doc, "button", "maillint-test")?;
    test.set_attribute("type", "button")?;
    let copy = el(doc, "button", "maillint-copy")?;
    copy.set_attribute("type", "button")?;
    for b in [&fix_all, &test, &copy] {
        b.set_attribute("part", "button")?;
    }
    actions.set_attribute("part", "actions")?;
    actions.append_child(&fix_all)?;
    actions.append_child(&test)?;
    actions.append_child(&copy)?;
    root.append_child(&actions)?;
    let summary = el(doc, "p", "maillint-summary")?;
    summary.set_attribute("part", "summary")?;
    summary.set_attribute("role", "status")?;
    summary.set_attribute("aria-live", "polite")?;
    root.append_child(&summary)?;
    let probe = el(doc, "div", "maillint-probe")?;
    probe.set_attribute("aria-live", "polite")?;
    root.append_child(&probe)?;

    let [incoming, outgoing]: [Element; 2] = legends
        .try_into()
        .map_err(|_| JsValue::from_str("maillint: form has no groups"))?;
    let locale_select = locale_select
        .dyn_into::<HtmlSelectElement>()
        .map_err(|_| JsValue::from_str("maillint: no select element"))?;
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
    c.locale_select.set_value(locale.tag());
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
    let e = c.input(field)?;
    let value = if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
        if control(field) == Control::Checkbox {
            return Some(i.checked().to_string());
        }
        i.value()
    } else if let Some(s) = e.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else {
        return None;
    };
    Some(value).filter(|v| !v.is_empty())
}

/// Writes a value into a control; a security or protocol alias is shown as its option.
pub fn write(c: &Controls, field: Field, value: &str) {
    let Some(e) = c.input(field) else { return };
    if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
        if control(field) == Control::Checkbox {
            i.set_checked(value == "true");
        } else {
            i.set_value(value);
        }
    } else if let Some(s) = e.dyn_ref::<HtmlSelectElement>() {
        let shown = match control(field) {
            Control::Security => crate::settings::Security::parse(value)
                .map(|s| crate::settings::Security::resolve(s, None).as_str())
                .unwrap_or(""),
            Control::Protocol => crate::settings::Protocol::parse_incoming(value)
                .map(|p| p.as_str())
                .unwrap_or(""),
            _ => value,
        };
        s.set_value(shown);
    }
}
