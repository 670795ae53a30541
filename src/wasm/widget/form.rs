//! The form's element tree: one control per field, named by its path, each with a label
//! and a region for its findings that the control's `aria-describedby` points at; the
//! language menu, the paste box, the buttons, the summary line and the connection test's
//! area.

use web_sys::{Document, Element};

use super::dom::{make, Dom};
use crate::settings::Field;

/// What kind of control a field has.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Port,
    Protocol,
    Security,
    Checkbox,
}

pub fn kind(field: Field) -> Kind {
    match field {
        Field::IncomingProtocol => Kind::Protocol,
        Field::IncomingPort | Field::OutgoingPort => Kind::Port,
        Field::IncomingSecurity | Field::OutgoingSecurity => Kind::Security,
        Field::OutgoingAuth => Kind::Checkbox,
        _ => Kind::Text,
    }
}

/// The elements the widget writes into after it is built.
pub struct Form {
    pub root: Element,
    /// One per field, in `Field::ALL` order: the control, its label's text and its findings.
    pub controls: Vec<Element>,
    pub labels: Vec<Element>,
    pub messages: Vec<Element>,
    pub discovery: Element,
    pub legends: Vec<Element>,
    pub locale_text: Element,
    pub locale_select: Element,
    pub paste_label: Element,
    pub fix_all: Element,
    pub test: Element,
    pub copy: Element,
    pub summary: Element,
    pub probe: Element,
}

impl Form {
    pub fn control(&self, field: Field) -> Option<&Element> {
        self.controls.get(field.index())
    }
}

/// Builds the form; `uid` makes its ids unique on the page.
pub fn build(doc: &Document, uid: &str) -> Dom<Form> {
    let root = make(doc, None, "div", "maillint", &[], None)?;
    let bar = make(doc, Some(&root), "div", "maillint-bar", &[], None)?;
    let locale_label = make(doc, Some(&bar), "label", "maillint-locale", &[], None)?;
    let locale_text = make(doc, Some(&locale_label), "span", "", &[], None)?;
    let locale_select = make(
        doc,
        Some(&locale_label),
        "select",
        "maillint-locale-select",
        &[("name", "maillint-locale")],
        None,
    )?;
    let form = make(
        doc,
        Some(&root),
        "form",
        "maillint-form",
        &[("novalidate", ""), ("autocomplete", "off")],
        None,
    )?;
    let mut controls = Vec::new();
    let mut labels = Vec::new();
    let mut messages = Vec::new();
    let mut legends = Vec::new();
    let mut discovery = None;
    let mut parent = form.clone();
    let mut side = "email";
    for field in Field::ALL {
        // The two fieldsets hold the incoming and the outgoing fields, in form order.
        let path = field.path();
        let group = path.split('.').next().unwrap_or(path);
        if group != side {
            side = group;
            parent = make(doc, Some(&form), "fieldset", "maillint-group", &[], None)?;
            legends.push(make(doc, Some(&parent), "legend", "", &[], None)?);
        }
        let row = field_row(doc, &parent, uid, field)?;
        controls.push(row.control);
        labels.push(row.label);
        messages.push(row.messages);
        if field == Field::Email {
            discovery = Some(make(
                doc,
                Some(&row.row),
                "div",
                "maillint-discovery",
                &[
                    ("part", "discovery"),
                    ("aria-live", "polite"),
                    ("hidden", ""),
                ],
                None,
            )?);
        }
    }
    let paste_row = make(
        doc,
        Some(&form),
        "div",
        "maillint-field maillint-paste",
        &[],
        None,
    )?;
    let paste_id = format!("{uid}-paste");
    let paste_label = make(
        doc,
        Some(&paste_row),
        "label",
        "maillint-label",
        &[("for", &paste_id)],
        None,
    )?;
    make(
        doc,
        Some(&paste_row),
        "textarea",
        "maillint-input",
        &[("id", &paste_id), ("name", "maillint-paste"), ("rows", "4")],
        None,
    )?;
    let actions = make(
        doc,
        Some(&root),
        "div",
        "maillint-actions",
        &[("part", "actions")],
        None,
    )?;
    let button = |class: &str| {
        make(
            doc,
            Some(&actions),
            "button",
            class,
            &[("type", "button"), ("part", "button")],
            None,
        )
    };
    let fix_all = button("maillint-fix-all")?;
    let test = button("maillint-test")?;
    let copy = button("maillint-copy")?;
    let summary = make(
        doc,
        Some(&root),
        "p",
        "maillint-summary",
        &[
            ("part", "summary"),
            ("role", "status"),
            ("aria-live", "polite"),
        ],
        None,
    )?;
    let probe = make(
        doc,
        Some(&root),
        "div",
        "maillint-probe",
        &[("aria-live", "polite")],
        None,
    )?;
    let discovery =
        discovery.ok_or_else(|| super::super::boundary::error("maillint: no address field"))?;
    Ok(Form {
        root,
        controls,
        labels,
        messages,
        discovery,
        legends,
        locale_text,
        locale_select,
        paste_label,
        fix_all,
        test,
        copy,
        summary,
        probe,
    })
}

struct Row {
    row: Element,
    control: Element,
    label: Element,
    messages: Element,
}

fn field_row(doc: &Document, parent: &Element, uid: &str, field: Field) -> Dom<Row> {
    let path = field.path();
    let kind = kind(field);
    let checkbox = kind == Kind::Checkbox;
    let row = make(
        doc,
        Some(parent),
        "div",
        if checkbox {
            "maillint-field maillint-field-checkbox"
        } else {
            "maillint-field"
        },
        &[("data-field", path), ("part", "field")],
        None,
    )?;
    let id = format!("{uid}-{}", path.replace('.', "-"));
    let label = make(
        doc,
        Some(&row),
        "label",
        "maillint-label",
        &[("for", &id), ("part", "label")],
        None,
    )?;
    let described = format!("{id}-messages");
    let mut attributes: Vec<(&str, &str)> = Vec::new();
    match kind {
        Kind::Checkbox => attributes.push(("type", "checkbox")),
        Kind::Text | Kind::Port => {
            attributes.extend([
                ("type", "text"),
                (
                    "autocomplete",
                    if field == Field::Email {
                        "email"
                    } else {
                        "off"
                    },
                ),
                ("autocapitalize", "none"),
                ("spellcheck", "false"),
            ]);
            if kind == Kind::Port {
                attributes.push(("inputmode", "numeric"));
            }
            if field == Field::Email {
                attributes.push(("inputmode", "email"));
            }
        }
        Kind::Protocol | Kind::Security => {}
    }
    attributes.extend([
        ("id", id.as_str()),
        ("name", path),
        ("part", "input"),
        ("aria-describedby", described.as_str()),
    ]);
    let select = matches!(kind, Kind::Protocol | Kind::Security);
    // A checkbox sits inside its label, before the label's text.
    let control = make(
        doc,
        Some(if checkbox { &label } else { &row }),
        if select { "select" } else { "input" },
        if checkbox {
            "maillint-checkbox"
        } else {
            "maillint-input"
        },
        &attributes,
        None,
    )?;
    let options: &[(&str, &str)] = match kind {
        Kind::Protocol => &[("", ""), ("imap", "IMAP"), ("pop3", "POP3")],
        Kind::Security => &[
            ("", ""),
            ("tls", "SSL/TLS"),
            ("starttls", "STARTTLS"),
            ("none", ""),
        ],
        _ => &[],
    };
    for (value, text) in options {
        make(
            doc,
            Some(&control),
            "option",
            "",
            &[("value", value)],
            Some(text),
        )?;
    }
    let label = if checkbox {
        make(doc, Some(&label), "span", "maillint-label-text", &[], None)?
    } else {
        label
    };
    let messages = make(
        doc,
        Some(&row),
        "div",
        "maillint-messages",
        &[("id", &described)],
        None,
    )?;
    Ok(Row {
        row,
        control,
        label,
        messages,
    })
}
