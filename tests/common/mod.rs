//! Shared by the integration tests: reading settings and fixes from fixture JSON.
#![allow(dead_code)]

use maillint::settings::{IncomingSettings, OutgoingSettings};
use maillint::{Edit, Field, FieldValue, Settings};
use serde_json::Value;

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Settings from a fixture object (ports may be numbers or text, as in the JS API).
pub fn settings(v: &Value) -> Settings {
    let i = &v["incoming"];
    let o = &v["outgoing"];
    Settings {
        email: text(v.get("email")),
        incoming: IncomingSettings {
            protocol: text(i.get("protocol")),
            host: text(i.get("host")),
            port: text(i.get("port")),
            security: text(i.get("security")),
            username: text(i.get("username")),
        },
        outgoing: OutgoingSettings {
            host: text(o.get("host")),
            port: text(o.get("port")),
            security: text(o.get("security")),
            username: text(o.get("username")),
            auth: o.get("auth").and_then(Value::as_bool),
        },
    }
}

/// The edits of a fix as fixture JSON.
pub fn edits_json(edits: &[Edit]) -> Value {
    Value::Array(
        edits
            .iter()
            .map(|e| {
                let value = match &e.value {
                    FieldValue::Text(t) => Value::from(t.as_str()),
                    FieldValue::Port(p) => Value::from(*p),
                    FieldValue::Bool(b) => Value::from(*b),
                };
                serde_json::json!({ "field": e.field.path(), "value": value })
            })
            .collect(),
    )
}

/// Applies a fix's edits, as a click on the fix button would.
pub fn apply(settings: &mut Settings, edits: &[Edit]) {
    for e in edits {
        settings.apply(e.field, &e.value);
    }
}

pub fn field(path: &str) -> Field {
    Field::from_path(path).unwrap_or_else(|| panic!("unknown field {path}"))
}

/// What the engine reads from a text: the document, or the kind of error (the part of the
/// message before any `:`, since the two parsers describe malformed XML in their own words).
pub fn read_profile(xml: &str) -> String {
    match maillint::profile::parse_doc(xml) {
        Ok(doc) => format!("{doc:#?}"),
        Err(e) => format!("error: {}", e.0.split(':').next().unwrap_or_default()),
    }
}

/// The text a recipe of tests/profile_xml.json stands for: `before`, `unit` `times` times, `after`.
pub fn rebuild(recipe: &Value) -> String {
    let unit = recipe["unit"].as_str().unwrap();
    let times = recipe["times"].as_u64().unwrap() as usize;
    format!(
        "{}{}{}",
        recipe["before"].as_str().unwrap(),
        unit.repeat(times),
        recipe["after"].as_str().unwrap()
    )
}
