//! `host-has-port`: the port typed into the server name.
//!
//! Why: help pages write `mail.example.com:993` and some clients show it that way, but most
//! mail programs have a separate port field and treat `:993` as part of the name, which then
//! does not exist.
//!
//! Bad: host `"mail.example.com:993"`.
//! Good: host `"mail.example.com"`, port `993`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::settings::FieldValue;

pub const RULE: Rule = Rule {
    code: Code::HostHasPort,
    severity: Severity::Error,
    fixable: true,
    summary: "A port typed inside the server name (mail.example.com:993)",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        let Some(host) = &side.host else { continue };
        let Some(port_text) = &host.embedded_port else {
            continue;
        };
        let field = side.side.host_field();
        let raw = ctx.settings.text(field).unwrap_or("");
        let mut draft = Draft::new(Code::HostHasPort, field)
            .arg("value", raw)
            .arg("port", port_text.as_str());
        if !host.name.is_empty() {
            draft = draft.edit(field, FieldValue::Text(host.name.clone()));
            // Move the port over unless the port field already says something else.
            if let Ok(port) = port_text.parse::<u16>() {
                if port != 0 && side.port.is_none_or(|p| p == port) {
                    draft = draft.edit(side.side.port_field(), FieldValue::Port(port));
                }
            }
        }
        out.push(draft);
    }
}
