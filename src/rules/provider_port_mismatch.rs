//! `provider-port-mismatch`: a port the known provider does not use for this protocol.
//!
//! Why: the provider's servers listen only on the ports its help page lists; any other port
//! times out or is refused. The fix sets the provider's port and its security, keeping the
//! customer's choice of SSL/TLS or STARTTLS where the provider offers both.
//!
//! Bad: `momo@icloud.com` with outgoing port `465`.
//! Good: outgoing port `587` with STARTTLS (Apple's iCloud Mail settings page).

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::{Context, ProviderBy};
use crate::finding::Draft;
use crate::finding::Severity;
use crate::settings::FieldValue;

pub const RULE: Rule = Rule {
    code: Code::ProviderPortMismatch,
    severity: Severity::Error,
    fixable: true,
    summary: "A port the known provider does not use for this protocol",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let Some(provider) = ctx.provider.as_deref() else {
        return;
    };
    for side in ctx.sides() {
        let Some(port) = side.port else { continue };
        let other = side
            .host
            .as_ref()
            .and_then(|h| crate::providers::by_host(&h.key));
        if other.is_some_and(|o| {
            o.id != provider.id && (o.family.is_none() || o.family != provider.family)
        }) {
            // Another known provider's server: its ports are not this provider's to judge.
            continue;
        }
        // Known only from a server name: only that provider's servers' ports are its own.
        let provider_host = side
            .host
            .as_ref()
            .is_some_and(|h| provider.has_host(side.protocol, &h.key));
        if ctx.provider_by == ProviderBy::Host && !provider_host {
            continue;
        }
        let endpoints: Vec<_> = provider
            .endpoints(side.protocol)
            .iter()
            .filter(|e| e.port.is_some())
            .collect();
        if endpoints.is_empty() || endpoints.iter().any(|e| e.port == Some(port)) {
            continue;
        }
        let best = endpoints
            .iter()
            .find(|e| side.security.is_some() && e.security == side.security)
            .or_else(|| endpoints.first());
        let Some((Some(expected), Some(security))) = best.map(|e| (e.port, e.security)) else {
            continue;
        };
        out.push(
            Draft::new(Code::ProviderPortMismatch, side.side.port_field())
                .arg("port", port)
                .arg("provider", provider.name_arg())
                .arg("protocol", side.protocol)
                .arg("fixed", expected)
                .arg("security", security)
                .edit(side.side.port_field(), FieldValue::Port(expected))
                .edit(
                    side.side.security_field(),
                    FieldValue::Text(security.as_str().to_string()),
                ),
        );
    }
}
