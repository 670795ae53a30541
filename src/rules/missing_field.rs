//! `missing-field`: a required field left empty, reported only when the form is complete.
//!
//! Why: while the customer types, an empty field is simply not typed yet; when they press
//! "check" (`options.complete`), every empty one of email, incoming server, port, security,
//! username and outgoing server, port and security is a reason mail will not work. When the
//! provider is known, the fix fills in its value.
//!
//! Bad (complete): `momo@gmail.com` with no incoming server.
//! Good: incoming server `imap.gmail.com`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::{Context, Side, SideView};
use crate::finding::Draft;
use crate::finding::Severity;
use crate::messages::{Arg, Term};
use crate::providers::UsernameRule;
use crate::settings::{Field, FieldValue, Protocol, Security};

pub const RULE: Rule = Rule {
    code: Code::MissingField,
    severity: Severity::Error,
    fixable: true,
    summary: "A required field left empty (only when the form is complete)",
    check: Check::Settings(run),
};

fn provider_value(ctx: &Context, side: &SideView, field: Field) -> Option<FieldValue> {
    let provider = ctx.provider.as_deref()?;
    let endpoint = provider.endpoints(side.protocol).first()?;
    if field == side.side.host_field() {
        provider
            .preferred_host(side.protocol)
            .map(|h| FieldValue::Text(h.to_string()))
    } else if field == side.side.port_field() {
        endpoint.port.map(FieldValue::Port)
    } else if field == side.side.security_field() {
        endpoint
            .security
            .map(|s| FieldValue::Text(s.as_str().to_string()))
    } else if field == side.side.username_field() {
        let address = ctx.address.as_ref()?;
        let rule = match side.side {
            Side::Incoming => provider.incoming_username,
            Side::Outgoing => provider.outgoing_username,
        };
        Some(FieldValue::Text(match rule {
            UsernameRule::LocalPart => address.local.clone(),
            _ => address.full.clone(),
        }))
    } else {
        None
    }
}

/// The finding for an empty field: a drop-down is "not chosen" and its fix says "Choose",
/// a text field is "empty" and its fix says "Fill in".
fn missing(field: Field) -> Draft {
    let choice = matches!(
        field,
        Field::IncomingProtocol | Field::IncomingSecurity | Field::OutgoingSecurity
    );
    let (state, action) = if choice {
        (Term::NotChosen, Term::Choose)
    } else {
        (Term::NotFilledIn, Term::FillIn)
    };
    Draft::new(Code::MissingField, field)
        .arg("field", field)
        .arg("state", state)
        .arg("action", action)
}

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    if !ctx.options.complete {
        return;
    }
    if ctx.settings.text(Field::Email).is_none() {
        out.push(missing(Field::Email));
    }
    for (side, fields) in [
        (
            &ctx.incoming,
            &[
                Field::IncomingHost,
                Field::IncomingPort,
                Field::IncomingSecurity,
                Field::IncomingUsername,
            ][..],
        ),
        (
            &ctx.outgoing,
            &[
                Field::OutgoingHost,
                Field::OutgoingPort,
                Field::OutgoingSecurity,
            ][..],
        ),
    ] {
        for &field in fields {
            if ctx.settings.text(field).is_some() {
                continue;
            }
            let mut draft = missing(field);
            if let Some(value) = provider_value(ctx, side, field) {
                // A choice is named as its drop-down shows it ("SSL/TLS", not "tls").
                let shown = match &value {
                    FieldValue::Text(t) => match (field, Security::parse(t)) {
                        (Field::IncomingSecurity | Field::OutgoingSecurity, Some(s)) => {
                            Arg::Security(Security::resolve(s, None))
                        }
                        _ => match (field, Protocol::parse_incoming(t)) {
                            (Field::IncomingProtocol, Some(p)) => Arg::Protocol(p),
                            _ => Arg::Text(t.clone()),
                        },
                    },
                    FieldValue::Port(p) => Arg::Port(*p),
                    FieldValue::Bool(b) => Arg::Text(b.to_string()),
                };
                draft = draft.arg("fixed", shown).edit(field, value);
            }
            out.push(draft);
        }
    }
}
