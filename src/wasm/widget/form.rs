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

/// The form's elements besides its fields, in the order they are made: the parent's place
/// in this list, the tag, the class and the attributes. The address's row goes into the
/// form before the fieldsets ([`FIELDSETS`]), each field's row into its fieldset.
#[allow(clippy::type_complexity)]
const SHELL: [(usize, &str, &str, &[(&str, &str)]); 19] = [
    (0, "div", "maillint", &[]),
    (0, "div", "maillint-bar", &[]),
    (1, "label", "maillint-locale", &[("part", "language")]),
    (2, "span", "", &[]),
    (
        2,
        "select",
        "maillint-locale-select",
        &[("name", "maillint-locale"), ("part", "language-select")],
    ),
    (
        0,
        "form",
        "maillint-form",
        &[("novalidate", ""), ("autocomplete", "off")],
    ),
    (5, "fieldset", "maillint-group", &[("part", "group")]),
    (6, "legend", "", &[("part", "legend")]),
    (5, "fieldset", "maillint-group", &[("part", "group")]),
    (8, "legend", "", &[("part", "legend")]),
    (
        5,
        "div",
        "maillint-field maillint-paste",
        &[("part", "paste")],
    ),
    (10, "label", "maillint-label", &[("part", "label")]),
    (
        10,
        "textarea",
        "maillint-input",
        &[
            ("name", "maillint-paste"),
            ("rows", "4"),
            ("part", "paste-input"),
        ],
    ),
    (0, "div", "maillint-actions", &[("part", "actions")]),
    (
        13,
        "button",
        "maillint-fix-all",
        &[("type", "button"), ("part", "button")],
    ),
    (
        13,
        "button",
        "maillint-test",
        &[("type", "button"), ("part", "button")],
    ),
    (
        13,
        "button",
        "maillint-copy",
        &[("type", "button"), ("part", "button")],
    ),
    (
        0,
        "p",
        "maillint-summary",
        &[
            ("part", "summary"),
            ("role", "status"),
            ("aria-live", "polite"),
        ],
    ),
    (
        0,
        "div",
        "maillint-probe",
        &[("aria-live", "polite"), ("part", "probe")],
    ),
];

/// Where in [`SHELL`] the form and the two fieldsets are.
const FORM: usize = 5;
const FIELDSETS: [usize; 2] = [6, 8];

/// Builds the form; `uid` makes its ids unique on the page.
pub fn build(doc: &Document, uid: &str) -> Dom<Form> {
    let mut nodes: Vec<Element> = Vec::with_capacity(SHELL.len());
    let mut rows = Vec::new();
    for (i, (parent, tag, class, attributes)) in SHELL.iter().enumerate() {
        if i == FIELDSETS[0] {
            if let Some(form) = nodes.get(FORM) {
                rows.push(field_row(doc, form, uid, Field::Email)?);
            }
        }
        let parent = if i == 0 { None } else { nodes.get(*parent) };
        nodes.push(make(doc, parent, tag, class, attributes, None)?);
    }
    for field in Field::ALL.into_iter().skip(1) {
        // The two fieldsets hold the incoming and the outgoing fields, in form order.
        let set = if field.path().starts_with("incoming") {
            FIELDSETS[0]
        } else {
            FIELDSETS[1]
        };
        if let Some(fieldset) = nodes.get(set) {
            rows.push(field_row(doc, fieldset, uid, field)?);
        }
    }
    let node = |i: usize| {
        nodes
            .get(i)
            .cloned()
            .ok_or_else(|| super::super::boundary::error("maillint: the form is incomplete"))
    };
    let paste_id = format!("{uid}-paste");
    node(11)?.set_attribute("for", &paste_id)?;
    node(12)?.set_attribute("id", &paste_id)?;
    let discovery = match rows.first() {
        Some(email) => make(
            doc,
            Some(&email.row),
            "div",
            "maillint-discovery",
            &[
                ("part", "discovery"),
                ("aria-live", "polite"),
                ("hidden", ""),
            ],
            None,
        )?,
        None => return Err(super::super::boundary::error("maillint: no address field")),
    };
    Ok(Form {
        root: node(0)?,
        controls: rows.iter().map(|r| r.control.clone()).collect(),
        labels: rows.iter().map(|r| r.label.clone()).collect(),
        messages: rows.iter().map(|r| r.messages.clone()).collect(),
        discovery,
        legends: vec![node(7)?, node(9)?],
        locale_text: node(3)?,
        locale_select: node(4)?,
        paste_label: node(11)?,
        fix_all: node(14)?,
        test: node(15)?,
        copy: node(16)?,
        summary: node(17)?,
        probe: node(18)?,
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
