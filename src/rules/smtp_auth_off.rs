//! `smtp-auth-off`: sending without signing in.
//!
//! Why: nearly every provider requires SMTP authentication (RFC 4954) before it relays mail;
//! without it the server refuses with "relay access denied", often only for mail to other
//! domains, which is confusing. A few ISPs relay by network instead (So-net's help page
//! leaves it unticked), and for them this stays quiet.
//!
//! Bad: "My outgoing server requires authentication" unticked (`auth: false`).
//! Good: ticked (`auth: true`).

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::settings::{Field, FieldValue};

pub const RULE: Rule = Rule {
    code: Code::SmtpAuthOff,
    severity: Severity::Warning,
    fixable: true,
    summary: "Sending without authentication, which most servers refuse",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    if ctx.settings.outgoing.auth != Some(false) {
        return;
    }
    if ctx.provider.as_deref().is_some_and(|p| !p.smtp_auth) {
        return;
    }
    out.push(
        Draft::new(Code::SmtpAuthOff, Field::OutgoingAuth)
            .edit(Field::OutgoingAuth, FieldValue::Bool(true)),
    );
}
