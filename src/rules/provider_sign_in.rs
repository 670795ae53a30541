//! `provider-sign-in`: the provider signs mail apps in with its own sign-in page (OAuth 2.0).
//!
//! Why: hosts, ports and security can all be right and the account still fails, because the
//! provider no longer takes a password from mail apps (Outlook.com since 16 September 2024,
//! Microsoft 365 for IMAP and POP since October 2022) or takes one only as an app password.
//! The customer must choose “Sign in with Microsoft/Google/…” when adding the account. The
//! facts and their dates are in `data/providers.toml` (`[provider.sign-in]`), judged against
//! the day the caller gives. Information, never an error: the settings are right.
//!
//! Shown for: `amy@outlook.com` ("only accepts Microsoft sign-in … a password will not
//! work"), `momo@gmail.com` (Google sign-in, or an app password with 2-Step Verification).
//! Not shown for: `momo@gmx.net`, `momo@qq.com` (an authorization code: `provider-app-password`
//! says so), an unknown provider.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::messages::{Arg, Term};
use crate::providers::{AppPassword, PasswordStatus};
use crate::settings::Field;

pub const RULE: Rule = Rule {
    code: Code::ProviderSignIn,
    severity: Severity::Info,
    fixable: false,
    summary:
        "The provider signs mail apps in with its own sign-in (OAuth); a password may not work",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let (Some(provider), Some(sign_in)) = (ctx.provider.as_deref(), &ctx.sign_in) else {
        return;
    };
    if !sign_in.oauth {
        return;
    }
    // The protocols this account uses: the incoming one (IMAP unless POP3 is chosen) and SMTP.
    let status = ctx.sides().map(|side| {
        (
            side.protocol,
            sign_in.password_status(side.protocol, ctx.options.today),
        )
    });
    let refused: Vec<_> = status
        .iter()
        .filter_map(|(p, s)| match s {
            PasswordStatus::Refused(since) => Some((*p, *since)),
            _ => None,
        })
        .collect();
    let first_ending = status
        .iter()
        .filter_map(|(_, s)| match s {
            PasswordStatus::Ending(end) => Some(end.on),
            _ => None,
        })
        .min();
    let all_refused = refused.len() == status.len();
    let mut draft = Draft::new(Code::ProviderSignIn, Field::Email)
        .arg("provider", provider.name_arg())
        .arg("account", provider.account_arg())
        .arg(
            "signin",
            if all_refused {
                Term::SignInOnly
            } else {
                Term::SignInOffered
            },
        );
    let password = match (refused.as_slice(), all_refused, first_ending) {
        ([.., (_, since)], true, _) => {
            draft = draft.arg("date", Arg::Date(*since));
            Term::PasswordRefused
        }
        ([(protocol, since), ..], false, _) => {
            draft = draft
                .arg("date", Arg::Date(*since))
                .arg("protocol", *protocol);
            Term::PasswordRefusedFor
        }
        // No day given: the first announced end, in words true before and after it.
        (_, _, Some(first)) if ctx.options.today.is_none() => {
            draft = draft.arg("date", Arg::Date(first));
            Term::PasswordFrom
        }
        // An end announced but not come: `sign-in-password-ending` names the day on the
        // server.
        (_, _, Some(_)) => Term::PasswordEnding,
        _ => match provider.app_password {
            AppPassword::Always | AppPassword::AuthorizationCode => Term::OrAppPasswordAlways,
            AppPassword::WithTwoStep => Term::OrAppPasswordTwoStep,
            AppPassword::No => Term::OrPassword,
        },
    };
    draft = draft.arg("password", password);
    draft = if sign_in.apps.is_empty() {
        draft.arg("apps", Term::AppsUnnamed)
    } else {
        draft
            .arg("apps", Term::AppsNamed)
            .arg("names", Arg::Apps(sign_in.apps))
    };
    out.push(draft);
}
