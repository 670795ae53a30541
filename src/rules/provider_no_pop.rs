//! `provider-no-pop`: POP3 chosen for a provider that offers only IMAP.
//!
//! Why: iCloud Mail has no POP3 service ("iCloud does not support POP mail", Apple's page);
//! a POP3 account there can never connect. The fix switches to IMAP with the provider's
//! server, port and security.
//!
//! Bad: `momo@icloud.com` with protocol `pop3`.
//! Good: protocol `imap`, host `imap.mail.me.com`, port `993`, SSL/TLS.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::settings::{Field, FieldValue, Protocol};

pub const RULE: Rule = Rule {
    code: Code::ProviderNoPop,
    severity: Severity::Error,
    fixable: true,
    summary: "POP3 chosen for a provider that offers only IMAP",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let Some(provider) = ctx.provider.as_deref() else {
        return;
    };
    let side = &ctx.incoming;
    if !side.protocol_chosen || side.protocol != Protocol::Pop3 || provider.offers(Protocol::Pop3) {
        return;
    }
    let Some(imap) = provider.imap.first() else {
        return;
    };
    let mut draft = Draft::new(Code::ProviderNoPop, Field::IncomingProtocol)
        .arg("provider", provider.name_arg())
        .arg("host", imap.host.as_ref())
        .edit(
            Field::IncomingProtocol,
            FieldValue::Text("imap".to_string()),
        );
    if !imap.host.is_empty() {
        draft = draft.edit(Field::IncomingHost, FieldValue::Text(imap.host.to_string()));
    }
    if let (Some(port), Some(security)) = (imap.port, imap.security) {
        draft = draft
            .edit(Field::IncomingPort, FieldValue::Port(port))
            .edit(
                Field::IncomingSecurity,
                FieldValue::Text(security.as_str().to_string()),
            );
    }
    out.push(draft);
}
