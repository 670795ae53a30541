//! `username-full-address-suggested`: only the part before `@` where the provider's own page
//! asks for the whole address, but another published setting list gives the part before `@`.
//!
//! Why: iCloud's SMTP and Yahoo are documented with the full address, while K-9 Mail's
//! provider list has long given the account name alone for them. The engine cannot tell
//! which one the server takes today, so it asks rather than declares the login wrong: a
//! warning with the documented form as its fix. Where the sources agree, the error
//! `username-full-address-expected` speaks instead.
//!
//! Bad (asked about): `momo@icloud.com` with outgoing username `"momo"`.
//! Good: outgoing username `"momo@icloud.com"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::{Draft, Severity};
use crate::providers::UsernameRule;

pub const RULE: Rule = Rule {
    code: Code::UsernameFullAddressSuggested,
    severity: Severity::Warning,
    fixable: true,
    summary:
        "The provider documents the full email address as the user name (other sources differ)",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    super::full_address_for(
        ctx,
        out,
        UsernameRule::FullAddressDocumented,
        Code::UsernameFullAddressSuggested,
    );
}
