//! How mail programs sign in to a provider (from `sign-in` in `data/providers.toml`): whether
//! the provider's own sign-in (OAuth 2.0) is offered, which apps its pages name for it, and
//! the dates from which a password stops working. The engine judges the dates against the
//! day the caller gives ([`crate::context::Options::today`]), so a test can pin it.

use super::{table, Provider, PROVIDERS};
pub use crate::day::Day;
use crate::settings::Protocol;

/// From `on`, a password (the account's or an app password) no longer signs in to
/// `protocols`. `by_default`: the provider turns it off, but an organisation's administrator
/// may turn it back on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PasswordEnd {
    pub on: Day,
    pub protocols: &'static [Protocol],
    pub by_default: bool,
}

/// A provider's sign-in facts, as the data file gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignIn {
    /// Mail programs can sign in through the provider's own page (OAuth 2.0).
    pub oauth: bool,
    /// Apps the provider's pages name as offering that sign-in.
    pub apps: &'static [&'static str],
    pub password_ends: &'static [PasswordEnd],
    /// Where an authorization code is made, as the web mailbox labels it ("" if unknown).
    pub code_where: &'static str,
}

/// When a password stops signing in to one protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct End {
    pub on: Day,
    pub by_default: bool,
}

/// What a provider (or a family of providers sharing servers) says about signing in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInView {
    pub oauth: bool,
    pub apps: &'static [&'static str],
    pub code_where: &'static str,
    members: Vec<SignIn>,
}

impl SignInView {
    /// When a password stops working for `protocol`. For a family (a shared server that does
    /// not say which member it is) the latest of the members' dates, and none unless every
    /// member has one: the claim must hold whichever member the account is at.
    pub fn password_end(&self, protocol: Protocol) -> Option<End> {
        let mut latest: Option<End> = None;
        for member in &self.members {
            let end = member
                .password_ends
                .iter()
                .filter(|e| e.protocols.contains(&protocol))
                .map(|e| End {
                    on: e.on,
                    by_default: e.by_default,
                })
                .min_by_key(|e| e.on)?;
            latest = Some(match latest {
                Some(l) if l.on >= end.on => l,
                _ => end,
            });
        }
        latest
    }
}

fn of_id(id: &str) -> Option<SignIn> {
    table::SIGN_IN
        .binary_search_by(|(k, _)| (*k).cmp(id))
        .ok()
        .and_then(|i| table::SIGN_IN.get(i))
        .map(|(_, s)| *s)
}

impl Provider {
    /// How mail programs sign in here, where the data file says. A family stands for its
    /// members: OAuth only if every member offers it, the apps every member names.
    pub fn sign_in(&self) -> Option<SignInView> {
        if let Some(s) = of_id(&self.id) {
            return Some(SignInView {
                oauth: s.oauth,
                apps: s.apps,
                code_where: s.code_where,
                members: vec![s],
            });
        }
        let family = self.family.filter(|f| *f == self.id)?;
        let members: Vec<SignIn> = PROVIDERS
            .iter()
            .filter(|p| p.family == Some(family))
            .map(|p| of_id(&p.id))
            .collect::<Option<_>>()?;
        let first = *members.first()?;
        Some(SignInView {
            oauth: members.iter().all(|m| m.oauth),
            apps: if members.iter().all(|m| m.apps == first.apps) {
                first.apps
            } else {
                &[]
            },
            code_where: "",
            members,
        })
    }
}

/// Whether a password still signs in to one protocol on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordStatus {
    /// No dated end is known: the app-password facts say what works.
    Accepted,
    /// Refused since that day.
    Refused(Day),
    /// Refused from that day on, which has not come yet (or the day was not given).
    Ending(End),
}

impl SignInView {
    /// A password's status for `protocol` on `today`. Without a day nothing is judged: a
    /// dated end is reported as an end, never as already past.
    pub fn password_status(&self, protocol: Protocol, today: Option<Day>) -> PasswordStatus {
        match (self.password_end(protocol), today) {
            (None, _) => PasswordStatus::Accepted,
            (Some(end), Some(today)) if today >= end.on => PasswordStatus::Refused(end.on),
            (Some(end), _) => PasswordStatus::Ending(end),
        }
    }
}
