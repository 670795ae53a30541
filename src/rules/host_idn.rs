//! `host-idn`: an internationalized server name, with its ASCII (punycode) form.
//!
//! Why: names such as `mail.例子.香港` or `mail.bücher.de` are valid, but some mail programs
//! and phones only accept the ASCII form (IDNA, RFC 5891). Showing it lets the customer
//! type what every program understands.
//!
//! Bad (for some programs): `"mail.bücher.de"`.
//! Good: `"mail.xn--bcher-kva.de"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;

pub const RULE: Rule = Rule {
    code: Code::HostIdn,
    severity: Severity::Info,
    fixable: true,
    summary: "An internationalized server name; shows its ASCII (punycode) form",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        let Some(host) = &side.host else { continue };
        if host.opaque || host.name.is_ascii() {
            continue;
        }
        let Some(ascii) = host.ascii.clone() else {
            continue;
        };
        let field = side.side.host_field();
        out.push(
            Draft::new(Code::HostIdn, field)
                .arg("value", host.name.as_str())
                .arg("punycode", ascii.clone())
                .fix_text(field, ascii),
        );
    }
}
