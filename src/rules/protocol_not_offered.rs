//! `protocol-not-offered`: the chosen incoming protocol is one the domain says it does not
//! offer.
//!
//! Why: RFC 6186 lets a domain say in its SRV records that a service is not offered (a
//! target of `.`); a profile that carries this (`notOffered`, as maillint-server's discovery
//! returns it) knows that POP3 chosen where only IMAP runs can never connect. The fix
//! switches to the offered protocol with the profile's server, port and security.
//!
//! Bad: protocol `pop3` with a profile whose `notOffered` is `["pop3"]`.
//! Good: protocol `imap` with the profile's IMAP server.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::{Context, ProviderBy};
use crate::finding::{Draft, Severity};
use crate::settings::{Field, FieldValue, Protocol};

pub const RULE: Rule = Rule {
    code: Code::ProtocolNotOffered,
    severity: Severity::Error,
    fixable: true,
    summary: "The incoming protocol chosen is one the domain says it does not offer",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let side = &ctx.incoming;
    if !side.protocol_chosen || ctx.provider_by != ProviderBy::Profile {
        return;
    }
    let (Some(profile), Some(provider)) = (ctx.options.profile.as_ref(), ctx.provider.as_deref())
    else {
        return;
    };
    if !profile.not_offered.contains(&side.protocol) {
        return;
    }
    let other = match side.protocol {
        Protocol::Imap => Protocol::Pop3,
        _ => Protocol::Imap,
    };
    let mut draft = Draft::new(Code::ProtocolNotOffered, Field::IncomingProtocol)
        .arg("provider", provider.name_arg())
        .arg("protocol", side.protocol)
        .arg("other", other);
    let offered = if profile.not_offered.contains(&other) {
        None
    } else {
        provider.endpoints(other).first()
    };
    if let Some(server) = offered.filter(|e| !e.host.is_empty()) {
        draft = draft
            .edit(
                Field::IncomingProtocol,
                FieldValue::Text(other.as_str().to_string()),
            )
            .edit(
                Field::IncomingHost,
                FieldValue::Text(server.host.to_string()),
            );
        if let Some(port) = server.port {
            draft = draft.edit(Field::IncomingPort, FieldValue::Port(port));
        }
        if let Some(security) = server.security {
            draft = draft.edit(
                Field::IncomingSecurity,
                FieldValue::Text(security.as_str().to_string()),
            );
        }
    }
    out.push(draft);
}
