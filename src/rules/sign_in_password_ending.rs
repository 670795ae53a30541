//! `sign-in-password-ending`: the provider stops taking passwords from mail apps on a date
//! that has not come yet.
//!
//! Why: settings that work today stop working that day, and the customer will think the
//! settings broke. Microsoft 365 turns password sign-in for sending (SMTP AUTH with basic
//! authentication) off by default for existing tenants at the end of December 2026. A
//! warning that names the date, on the server it concerns; once the day has passed,
//! `provider-sign-in` says plainly that a password does not work. The day is the caller's
//! ([`crate::context::Options::today`]); without one, this stays quiet.
//!
//! Shown for: `amy@contoso.onmicrosoft.com` with `smtp.office365.com` before 31 December 2026.
//! Not shown for: the same after that day, `momo@gmail.com`, an unknown provider.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::messages::{Arg, Term};
use crate::providers::PasswordStatus;

pub const RULE: Rule = Rule {
    code: Code::SignInPasswordEnding,
    severity: Severity::Warning,
    fixable: false,
    summary: "The provider stops accepting passwords from mail apps on an announced date",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    // Without a day nothing is judged: `provider-sign-in` names the date in words that hold
    // before and after it.
    let Some(today) = ctx.options.today else {
        return;
    };
    let (Some(provider), Some(sign_in)) = (ctx.provider.as_deref(), &ctx.sign_in) else {
        return;
    };
    if !sign_in.oauth {
        return;
    }
    for side in ctx.sides() {
        let PasswordStatus::Ending(end) = sign_in.password_status(side.protocol, Some(today))
        else {
            continue;
        };
        out.push(
            Draft::new(Code::SignInPasswordEnding, side.side.host_field())
                .arg("provider", provider.name_arg())
                .arg("account", provider.account_arg())
                .arg("protocol", side.protocol)
                .arg("date", Arg::Date(end.on))
                .arg(
                    "after",
                    if end.by_default {
                        Term::EndsByDefault
                    } else {
                        Term::EndsForAll
                    },
                ),
        );
    }
}
