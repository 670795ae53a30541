//! `port-nonstandard`: a port no mail protocol uses by default.
//!
//! Why: some providers do use other ports (2525 for sending, 1143 behind a proxy), but more
//! often the number was mistyped or came from another service. This is information, not an
//! error: the customer checks it against their provider's page.
//!
//! Unusual: outgoing port `2525`, incoming `1993`.
//! Usual: `993`, `143`, `995`, `110`, `465`, `587`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::settings::Protocol;

pub const RULE: Rule = Rule {
    code: Code::PortNonstandard,
    severity: Severity::Info,
    fixable: false,
    summary: "A port no mail protocol uses by default (2525, 1993)",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        let Some(port) = side.port else { continue };
        if Protocol::owning(port).is_some() {
            continue;
        }
        let known = ctx.provider.as_deref().is_some_and(|p| {
            p.endpoints(side.protocol)
                .iter()
                .any(|e| e.port == Some(port))
        });
        if known {
            continue;
        }
        out.push(
            Draft::new(Code::PortNonstandard, side.side.port_field())
                .arg("port", port)
                .arg("protocol", side.protocol),
        );
    }
}
