//! `provider-app-password`: the provider wants an app password, not the account password.
//!
//! Why: iCloud, Yahoo, AOL, Fastmail and Yandex require an app-specific password for mail
//! programs, QQ and NetEase 163/126 an authorization code (授权码), and Gmail and Zoho one
//! whenever two-step verification is on. With the usual password the login fails and the
//! customer concludes the settings are wrong. Information, shown on the address.
//!
//! Shown for: `momo@icloud.com`, `momo@qq.com`.
//! Not shown for: `momo@gmx.com`, an unknown provider.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::messages::Term;
use crate::providers::AppPassword;
use crate::settings::Field;

pub const RULE: Rule = Rule {
    code: Code::ProviderAppPassword,
    severity: Severity::Info,
    fixable: false,
    summary: "The provider needs an app-specific password or authorization code",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let Some(provider) = ctx.provider.as_deref() else {
        return;
    };
    if provider.app_password == AppPassword::No {
        return;
    }
    let term = match provider.app_password {
        AppPassword::AuthorizationCode => Term::AuthorizationCode,
        // Apple calls it an app-specific password (App 专用密码), and its customers look
        // for that name.
        _ if provider.account_name() == "Apple" => Term::AppPasswordApple,
        _ => Term::AppPassword,
    };
    // When it is needed: always, once two-step verification is on, or (an authorization
    // code) after turning IMAP/SMTP on, where the code is made.
    let code_where = ctx
        .sign_in
        .as_ref()
        .map(|s| s.code_where)
        .filter(|w| !w.is_empty());
    let need = match provider.app_password {
        // Where the web mailbox makes it, by its own labels (QQ: 设置 → 账户 → …).
        AppPassword::AuthorizationCode if code_where.is_some() => Term::NeedCodeAt,
        AppPassword::AuthorizationCode => Term::NeedCode,
        AppPassword::WithTwoStep => Term::NeedWithTwoStep,
        _ => Term::NeedAlways,
    };
    let mut draft = Draft::new(Code::ProviderAppPassword, Field::Email)
        .arg("provider", provider.name_arg())
        .arg("account", provider.account_arg())
        .arg("term", term)
        .arg("need", need);
    if let Some(place) = code_where {
        draft = draft.arg("where", place);
    }
    out.push(draft);
}
