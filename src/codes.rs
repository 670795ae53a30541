//! The one table of stable codes. A code names a mistake; the finding's `field` says where.
//!
//! Codes are kebab-case strings that never change meaning and are never reused. When a code
//! is renamed, the old spelling stays in [`REDIRECTS`] so that saved settings, provider
//! configuration and tests that name it keep working.

use serde::{Serialize, Serializer};

/// Every code the engine can report, sorted by its string. The reachability probe's codes
/// (feature `probe`, used by maillint-server) share the table, so a code is never reused
/// across the two, but stay out of the browser build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    #[cfg(feature = "probe")]
    AuthNotOffered,
    #[cfg(feature = "probe")]
    BadResponse,
    #[cfg(feature = "probe")]
    CertExpired,
    #[cfg(feature = "probe")]
    CertNameMismatch,
    #[cfg(feature = "probe")]
    CertSelfSigned,
    #[cfg(feature = "probe")]
    CertUntrusted,
    CommaForDot,
    #[cfg(feature = "probe")]
    ConnectRefused,
    #[cfg(feature = "probe")]
    ConnectTimeout,
    #[cfg(feature = "probe")]
    DnsNotFound,
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
    #[cfg(feature = "probe")]
    LoginDisabledBeforeTls,
    MissingField,
    NoEncryption,
    #[cfg(feature = "probe")]
    NoGreeting,
    Placeholder,
    #[cfg(feature = "probe")]
    PlainExpectedButTls,
    Port25Submission,
    #[cfg(feature = "probe")]
    PortForbidden,
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
    #[cfg(feature = "probe")]
    RateLimited,
    SmtpAuthOff,
    #[cfg(feature = "probe")]
    StarttlsInjection,
    #[cfg(feature = "probe")]
    StarttlsNotOffered,
    #[cfg(feature = "probe")]
    TargetForbidden,
    #[cfg(feature = "probe")]
    TlsExpectedButPlain,
    #[cfg(feature = "probe")]
    TlsTooOld,
    UsernameFullAddressExpected,
    UsernameLocalPartExpected,
    UsernameMismatch,
    Whitespace,
    #[cfg(feature = "probe")]
    WrongProtocol,
}

/// Sorted by string; a test keeps it so.
const TABLE: &[(Code, &str)] = &[
    #[cfg(feature = "probe")]
    (Code::AuthNotOffered, "auth-not-offered"),
    #[cfg(feature = "probe")]
    (Code::BadResponse, "bad-response"),
    #[cfg(feature = "probe")]
    (Code::CertExpired, "cert-expired"),
    #[cfg(feature = "probe")]
    (Code::CertNameMismatch, "cert-name-mismatch"),
    #[cfg(feature = "probe")]
    (Code::CertSelfSigned, "cert-self-signed"),
    #[cfg(feature = "probe")]
    (Code::CertUntrusted, "cert-untrusted"),
    (Code::CommaForDot, "comma-for-dot"),
    #[cfg(feature = "probe")]
    (Code::ConnectRefused, "connect-refused"),
    #[cfg(feature = "probe")]
    (Code::ConnectTimeout, "connect-timeout"),
    #[cfg(feature = "probe")]
    (Code::DnsNotFound, "dns-not-found"),
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
    #[cfg(feature = "probe")]
    (Code::LoginDisabledBeforeTls, "login-disabled-before-tls"),
    (Code::MissingField, "missing-field"),
    (Code::NoEncryption, "no-encryption"),
    #[cfg(feature = "probe")]
    (Code::NoGreeting, "no-greeting"),
    (Code::Placeholder, "placeholder"),
    #[cfg(feature = "probe")]
    (Code::PlainExpectedButTls, "plain-expected-but-tls"),
    (Code::Port25Submission, "port-25-submission"),
    #[cfg(feature = "probe")]
    (Code::PortForbidden, "port-forbidden"),
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
    #[cfg(feature = "probe")]
    (Code::RateLimited, "rate-limited"),
    (Code::SmtpAuthOff, "smtp-auth-off"),
    #[cfg(feature = "probe")]
    (Code::StarttlsInjection, "starttls-injection"),
    #[cfg(feature = "probe")]
    (Code::StarttlsNotOffered, "starttls-not-offered"),
    #[cfg(feature = "probe")]
    (Code::TargetForbidden, "target-forbidden"),
    #[cfg(feature = "probe")]
    (Code::TlsExpectedButPlain, "tls-expected-but-plain"),
    #[cfg(feature = "probe")]
    (Code::TlsTooOld, "tls-too-old"),
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
    #[cfg(feature = "probe")]
    (Code::WrongProtocol, "wrong-protocol"),
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
