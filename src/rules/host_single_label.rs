//! `host-single-label`: a server name without a dot.
//!
//! Why: a name like `mail` or `exchange` only works inside some company networks; on a
//! phone or at home it is not found. Customers often type only the first word of the name.
//!
//! Bad: `"mail"`.
//! Good: `"mail.example.com"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::text;

pub const RULE: Rule = Rule {
    code: Code::HostSingleLabel,
    severity: Severity::Warning,
    fixable: false,
    summary: "A server name with no dot, which only resolves inside some networks",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    for side in ctx.sides() {
        let Some(host) = &side.host else { continue };
        if host.opaque
            || host.key.contains('.')
            || text::host::is_ip_literal(&host.name)
            || host.ascii.is_none()
        {
            continue;
        }
        out.push(
            Draft::new(Code::HostSingleLabel, side.side.host_field())
                .arg("value", host.name.as_str()),
        );
    }
}
