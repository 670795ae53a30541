//! The one table of stable codes. A code names a mistake; the finding's `field` says where.
//!
//! Codes are kebab-case strings that never change meaning and are never reused. When a code
//! is renamed, the old spelling stays in [`REDIRECTS`] so that saved settings, provider
//! configuration and tests that name it keep working.

use serde::{Serialize, Serializer};

/// Every code the engine can report, in the order of [`Code::ALL`] (sorted by its string).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    CommaForDot,
    DomainTypo,
    Fullwidth,
    HostHasPort,
    HostHasScheme,
    HostIdn,
    HostIsEmail,
    HostSingleLabel,
    HostWrongProtocol,
    InvalidEmail,
    InvalidHost,
    InvalidPort,
    MissingField,
    NoEncryption,
    Placeholder,
    Port25Submission,
    PortNonstandard,
    PortSecurityMismatch,
    PortWrongProtocol,
    ProfileBadPlaceholder,
    ProfileInvalidHostname,
    ProfileMissingElement,
    ProfileOutgoingNotSmtp,
    ProfilePortSocketMismatch,
    ProfileUnknownSocketType,
    ProviderAppPassword,
    ProviderHostMismatch,
    ProviderNoPop,
    ProviderPortMismatch,
    SmtpAuthOff,
    UsernameFullAddressExpected,
    UsernameLocalPartExpected,
    UsernameMismatch,
    Whitespace,
}

/// Sorted by string; a test keeps it so.
const TABLE: &[(Code, &str)] = &[
    (Code::CommaForDot, "comma-for-dot"),
    (Code::DomainTypo, "domain-typo"),
    (Code::Fullwidth, "fullwidth"),
    (Code::HostHasPort, "host-has-port"),
    (Code::HostHasScheme, "host-has-scheme"),
    (Code::HostIdn, "host-idn"),
    (Code::HostIsEmail, "host-is-email"),
    (Code::HostSingleLabel, "host-single-label"),
    (Code::HostWrongProtocol, "host-wrong-protocol"),
    (Code::InvalidEmail, "invalid-email"),
    (Code::InvalidHost, "invalid-host"),
    (Code::InvalidPort, "invalid-port"),
    (Code::MissingField, "missing-field"),
    (Code::NoEncryption, "no-encryption"),
    (Code::Placeholder, "placeholder"),
    (Code::Port25Submission, "port-25-submission"),
    (Code::PortNonstandard, "port-nonstandard"),
    (Code::PortSecurityMismatch, "port-security-mismatch"),
    (Code::PortWrongProtocol, "port-wrong-protocol"),
    (Code::ProfileBadPlaceholder, "profile-bad-placeholder"),
    (Code::ProfileInvalidHostname, "profile-invalid-hostname"),
    (Code::ProfileMissingElement, "profile-missing-element"),
    (Code::ProfileOutgoingNotSmtp, "profile-outgoing-not-smtp"),
    (
        Code::ProfilePortSocketMismatch,
        "profile-port-socket-mismatch",
    ),
    (
        Code::ProfileUnknownSocketType,
        "profile-unknown-socket-type",
    ),
    (Code::ProviderAppPassword, "provider-app-password"),
    (Code::ProviderHostMismatch, "provider-host-mismatch"),
    (Code::ProviderNoPop, "provider-no-pop"),
    (Code::ProviderPortMismatch, "provider-port-mismatch"),
    (Code::SmtpAuthOff, "smtp-auth-off"),
    (
        Code::UsernameFullAddressExpected,
        "username-full-address-expected",
    ),
    (
        Code::UsernameLocalPartExpected,
        "username-local-part-expected",
    ),
    (Code::UsernameMismatch, "username-mismatch"),
    (Code::Whitespace, "whitespace"),
];

/// Old spellings that still resolve: (old, current). Empty until a code is first renamed.
pub const REDIRECTS: &[(&str, Code)] = &[];

impl Code {
    /// Every code, sorted by its string.
    pub fn all() -> impl Iterator<Item = Code> {
        TABLE.iter().map(|(code, _)| *code)
    }

    /// The stable string of this code.
    pub fn as_str(self) -> &'static str {
        TABLE
            .iter()
            .find(|(code, _)| *code == self)
            .map_or("", |(_, name)| name)
    }

    /// Looks a code up by its string, following redirects from renamed codes.
    pub fn from_name(name: &str) -> Option<Code> {
        TABLE
            .iter()
            .find(|(_, s)| *s == name)
            .map(|(code, _)| *code)
            .or_else(|| {
                REDIRECTS
                    .iter()
                    .find(|(old, _)| *old == name)
                    .map(|(_, code)| *code)
            })
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        let names: Vec<&str> = TABLE.iter().map(|(_, s)| *s).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
    }

    #[test]
    fn every_name_round_trips() {
        for code in Code::all() {
            assert_eq!(Code::from_name(code.as_str()), Some(code));
        }
        assert_eq!(Code::from_name("no-such-code"), None);
    }
}
