//! `username-full-address-expected`: only the part before `@` where the provider wants the
//! whole address.
//!
//! Why: Gmail, Outlook.com, Yahoo and most hosting companies sign in with the full address;
//! `momo` alone is an unknown user, and the login fails as if the password were wrong.
//! Fires only where the provider's rule is known.
//!
//! Bad: `momo@gmail.com` with username `"momo"`.
//! Good: username `"momo@gmail.com"`.

use super::{Check, Rule};
use crate::codes::Code;
use crate::context::Context;
use crate::finding::Draft;
use crate::finding::Severity;
use crate::providers::UsernameRule;

pub const RULE: Rule = Rule {
    code: Code::UsernameFullAddressExpected,
    severity: Severity::Error,
    fixable: true,
    summary: "The provider expects the full email address as the user name",
    check: Check::Settings(run),
};

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    super::full_address_for(
        ctx,
        out,
        UsernameRule::FullAddress,
        Code::UsernameFullAddressExpected,
    );
}
