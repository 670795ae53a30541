//! The one table of stable codes. A code names a mistake; the finding's place says where.
//!
//! Codes are kebab-case strings that never change meaning and are never reused. When a code
//! is renamed, the old spelling stays in [`REDIRECTS`] so that saved settings, provider
//! configuration and tests that name it keep working.
//!
//! Every rule is declared once, in [`for_each_rule!`]: its code, its name in Rust and its
//! module under `rules/`. [`Code`], [`ProbeCode`], the string table and the lookups here, and
//! `rules::ALL` and `rules::rule` in `rules/mod.rs`, are all made from that one list.

use serde::{Serialize, Serializer};

/// The list of every rule, sorted by code (a test keeps it so), handed to the macro `$then`.
///
/// `rules`: `"code" Variant module`, a rule of `check` or `lint_profile` in `rules/module.rs`.
/// `probe`: `"code" Variant`, a code of maillint-server's reachability probe (feature
/// `probe`, so the browser build carries none of them); its metadata and the probe step that
/// finds it are in `rules/probe.rs`. Both lists share one name space: a code is never reused
/// across the two.
macro_rules! for_each_rule {
    ($then:ident) => {
        $then! {
            rules {
                "comma-for-dot" CommaForDot comma_for_dot,
                "domain-no-mail" DomainNoMail domain_no_mail,
                "domain-typo" DomainTypo domain_typo,
                "domain-typo-suspected" DomainTypoSuspected domain_typo_suspected,
                "fullwidth" Fullwidth fullwidth,
                "host-has-port" HostHasPort host_has_port,
                "host-has-scheme" HostHasScheme host_has_scheme,
                "host-idn" HostIdn host_idn,
                "host-is-email" HostIsEmail host_is_email,
                "host-single-label" HostSingleLabel host_single_label,
                "host-wrong-protocol" HostWrongProtocol host_wrong_protocol,
                "invalid-email" InvalidEmail invalid_email,
                "invalid-host" InvalidHost invalid_host,
                "invalid-port" InvalidPort invalid_port,
                "missing-field" MissingField missing_field,
                "no-encryption" NoEncryption no_encryption,
                "placeholder" Placeholder placeholder,
                "port-25-submission" Port25Submission port_25_submission,
                "port-nonstandard" PortNonstandard port_nonstandard,
                "port-security-mismatch" PortSecurityMismatch port_security_mismatch,
                "port-wrong-protocol" PortWrongProtocol port_wrong_protocol,
                "profile-bad-placeholder" ProfileBadPlaceholder profile_bad_placeholder,
                "profile-invalid-hostname" ProfileInvalidHostname profile_invalid_hostname,
                "profile-missing-element" ProfileMissingElement profile_missing_element,
                "profile-outgoing-not-smtp" ProfileOutgoingNotSmtp profile_outgoing_not_smtp,
                "profile-port-socket-mismatch" ProfilePortSocketMismatch profile_port_socket_mismatch,
                "profile-unknown-socket-type" ProfileUnknownSocketType profile_unknown_socket_type,
                "protocol-not-offered" ProtocolNotOffered protocol_not_offered,
                "provider-app-password" ProviderAppPassword provider_app_password,
                "provider-host-mismatch" ProviderHostMismatch provider_host_mismatch,
                "provider-host-undocumented" ProviderHostUndocumented provider_host_undocumented,
                "provider-no-pop" ProviderNoPop provider_no_pop,
                "provider-port-mismatch" ProviderPortMismatch provider_port_mismatch,
                "provider-sign-in" ProviderSignIn provider_sign_in,
                "sign-in-password-ending" SignInPasswordEnding sign_in_password_ending,
                "smtp-auth-off" SmtpAuthOff smtp_auth_off,
                "sources-disagree" SourcesDisagree sources_disagree,
                "username-full-address-expected" UsernameFullAddressExpected username_full_address_expected,
                "username-full-address-suggested" UsernameFullAddressSuggested username_full_address_suggested,
                "username-local-part-expected" UsernameLocalPartExpected username_local_part_expected,
                "username-mismatch" UsernameMismatch username_mismatch,
                "whitespace" Whitespace whitespace,
            }
            probe {
                "auth-not-offered" AuthNotOffered,
                "bad-response" BadResponse,
                "cert-expired" CertExpired,
                "cert-name-mismatch" CertNameMismatch,
                "cert-self-signed" CertSelfSigned,
                "cert-untrusted" CertUntrusted,
                "connect-refused" ConnectRefused,
                "connect-timeout" ConnectTimeout,
                "dns-not-found" DnsNotFound,
                "login-disabled-before-tls" LoginDisabledBeforeTls,
                "no-greeting" NoGreeting,
                "oauth-only" OauthOnly,
                "plain-expected-but-tls" PlainExpectedButTls,
                "port-forbidden" PortForbidden,
                "rate-limited" RateLimited,
                "starttls-injection" StarttlsInjection,
                "starttls-not-offered" StarttlsNotOffered,
                "target-forbidden" TargetForbidden,
                "tls-expected-but-plain" TlsExpectedButPlain,
                "tls-too-old" TlsTooOld,
                "wrong-protocol" WrongProtocol,
            }
        }
    };
}
pub(crate) use for_each_rule;

macro_rules! make_codes {
    (
        rules { $($name:literal $variant:ident $module:ident,)* }
        probe { $($probe_name:literal $probe_variant:ident,)* }
    ) => {
        /// Every code the engine can report, in the order of [`for_each_rule!`]. The probe's
        /// codes (feature `probe`) are the one variant [`Code::Probe`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)*
            #[cfg(feature = "probe")]
            Probe(ProbeCode),
        }

        /// The reachability probe's codes (maillint-server).
        #[cfg(feature = "probe")]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ProbeCode {
            $($probe_variant,)*
        }

        /// Every settings and profile code, sorted by its string.
        pub(crate) const RULE_CODES: &[Code] = &[$(Code::$variant,)*];

        /// The settings and profile codes without the probe's, only for their positions.
        #[allow(dead_code)]
        enum RuleIndex {
            $($variant,)*
        }

        /// Every probe code, sorted by its string.
        #[cfg(feature = "probe")]
        const PROBE_CODES: &[Code] = &[$(Code::Probe(ProbeCode::$probe_variant),)*];

        impl Code {
            /// The stable string of this code.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                    #[cfg(feature = "probe")]
                    Code::Probe(p) => p.as_str(),
                }
            }

            /// The position of a settings or profile code in [`RULE_CODES`] (`None` for
            /// the probe's): where its texts are in each catalogue's table.
            pub const fn rule_index(self) -> Option<usize> {
                match self {
                    $(Code::$variant => Some(RuleIndex::$variant as usize),)*
                    #[cfg(feature = "probe")]
                    Code::Probe(_) => None,
                }
            }

            fn from_current_name(name: &str) -> Option<Code> {
                match name {
                    $($name => Some(Code::$variant),)*
                    $(
                        #[cfg(feature = "probe")]
                        $probe_name => Some(Code::Probe(ProbeCode::$probe_variant)),
                    )*
                    _ => None,
                }
            }
        }

        #[cfg(feature = "probe")]
        impl ProbeCode {
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ProbeCode::$probe_variant => $probe_name,)*
                }
            }
        }
    };
}

for_each_rule!(make_codes);

#[cfg(feature = "probe")]
impl From<ProbeCode> for Code {
    fn from(p: ProbeCode) -> Code {
        Code::Probe(p)
    }
}

/// Old spellings that still resolve: (old, current). Empty until a code is first renamed.
pub const REDIRECTS: &[(&str, Code)] = &[];

impl Code {
    /// Every code: the settings and profile codes sorted by string, then the probe's.
    pub fn all() -> impl Iterator<Item = Code> {
        let all = RULE_CODES.iter();
        #[cfg(feature = "probe")]
        let all = all.chain(PROBE_CODES);
        all.copied()
    }

    /// Looks a code up by its string, following redirects from renamed codes.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::from_current_name(name).or_else(|| {
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

    fn sorted_and_unique(names: Vec<&str>) {
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
    }

    #[test]
    fn lists_are_sorted_and_unique() {
        sorted_and_unique(RULE_CODES.iter().map(|c| c.as_str()).collect());
        #[cfg(feature = "probe")]
        sorted_and_unique(PROBE_CODES.iter().map(|c| c.as_str()).collect());
        // One name space across both lists.
        let mut all: Vec<&str> = Code::all().map(Code::as_str).collect();
        let count = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), count);
    }

    #[test]
    fn every_name_round_trips() {
        for code in Code::all() {
            assert_eq!(Code::from_name(code.as_str()), Some(code));
        }
        assert_eq!(Code::from_name("no-such-code"), None);
    }

    #[test]
    fn redirects_point_away_from_retired_names() {
        // A redirect's old name is never a current code: codes are never reused.
        for (old, _) in REDIRECTS {
            assert_eq!(Code::from_current_name(old), None, "{old}");
        }
    }
}
