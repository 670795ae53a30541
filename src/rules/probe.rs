//! The reachability probe's codes: found by maillint-server against a live server, not by
//! `check`. Each is declared here with what it catches and the files of maillint-server
//! (under `server/src/`) that find it, one hop from the code to its logic; a server test
//! checks that each file named reports its code. The probe's tests against real Dovecot and
//! Postfix and against misbehaving fakes are their fixtures (server/tests/).

use super::{Check, Rule};
use crate::codes::{Code, ProbeCode};
use crate::finding::Severity;

/// A probe rule: its code, severity, whether it can carry a fix, its summary and where
/// maillint-server finds it.
const fn probe(
    code: ProbeCode,
    severity: Severity,
    fixable: bool,
    summary: &'static str,
    found_in: &'static [&'static str],
) -> Rule {
    Rule {
        code: Code::Probe(code),
        severity,
        fixable,
        summary,
        check: Check::Probe { found_in },
    }
}

/// The rule of a probe code.
pub fn rule(code: ProbeCode) -> &'static Rule {
    match code {
        ProbeCode::AuthNotOffered => {
            const R: Rule = probe(
                ProbeCode::AuthNotOffered,
                Severity::Error,
                false,
                "The server offers no way to sign in on this connection",
                &["probe/capabilities.rs"],
            );
            &R
        }
        ProbeCode::BadResponse => {
            const R: Rule = probe(
                ProbeCode::BadResponse,
                Severity::Error,
                false,
                "The server answered with something no mail server sends",
                &[
                    "probe/greeting.rs",
                    "probe/tls.rs",
                    "probe/capabilities.rs",
                    "probe/starttls.rs",
                ],
            );
            &R
        }
        ProbeCode::CertExpired => {
            const R: Rule = probe(
                ProbeCode::CertExpired,
                Severity::Error,
                false,
                "The server's certificate has expired",
                &["probe/tls.rs"],
            );
            &R
        }
        ProbeCode::CertNameMismatch => {
            const R: Rule = probe(
                ProbeCode::CertNameMismatch,
                Severity::Error,
                true,
                "The certificate is for other names than the server typed",
                &["probe/tls.rs"],
            );
            &R
        }
        ProbeCode::CertSelfSigned => {
            const R: Rule = probe(
                ProbeCode::CertSelfSigned,
                Severity::Error,
                false,
                "The server's certificate is self-signed",
                &["probe/tls.rs"],
            );
            &R
        }
        ProbeCode::CertUntrusted => {
            const R: Rule = probe(
                ProbeCode::CertUntrusted,
                Severity::Error,
                false,
                "The certificate is not issued by a trusted authority",
                &["probe/tls.rs"],
            );
            &R
        }
        ProbeCode::ConnectRefused => {
            const R: Rule = probe(
                ProbeCode::ConnectRefused,
                Severity::Error,
                false,
                "Nothing listens on this port",
                &["probe/connect.rs"],
            );
            &R
        }
        ProbeCode::ConnectTimeout => {
            const R: Rule = probe(
                ProbeCode::ConnectTimeout,
                Severity::Error,
                false,
                "The server did not answer the connection in time",
                &["probe/connect.rs"],
            );
            &R
        }
        ProbeCode::DnsNotFound => {
            const R: Rule = probe(
                ProbeCode::DnsNotFound,
                Severity::Error,
                false,
                "The server name does not exist",
                &["probe/dns.rs"],
            );
            &R
        }
        ProbeCode::LoginDisabledBeforeTls => {
            const R: Rule = probe(
                ProbeCode::LoginDisabledBeforeTls,
                Severity::Error,
                true,
                "The server refuses logins until the connection is encrypted",
                &["probe/capabilities.rs"],
            );
            &R
        }
        ProbeCode::OauthOnly => {
            const R: Rule = probe(
                ProbeCode::OauthOnly,
                Severity::Warning,
                false,
                "The server takes only sign-in with the provider's page (OAuth), no password",
                &["probe/capabilities.rs"],
            );
            &R
        }
        ProbeCode::NoGreeting => {
            const R: Rule = probe(
                ProbeCode::NoGreeting,
                Severity::Error,
                false,
                "The server sent no complete greeting in time",
                &["probe/greeting.rs", "probe/tls.rs"],
            );
            &R
        }
        ProbeCode::PlainExpectedButTls => {
            const R: Rule = probe(
                ProbeCode::PlainExpectedButTls,
                Severity::Error,
                true,
                "The server speaks encrypted on a port set to plain text",
                &["probe/greeting.rs"],
            );
            &R
        }
        ProbeCode::PortForbidden => {
            const R: Rule = probe(
                ProbeCode::PortForbidden,
                Severity::Error,
                false,
                "The checker does not test this port",
                &["routes/probe.rs"],
            );
            &R
        }
        ProbeCode::RateLimited => {
            const R: Rule = probe(
                ProbeCode::RateLimited,
                Severity::Warning,
                false,
                "Too many tests in a short time",
                &["routes/error.rs"],
            );
            &R
        }
        ProbeCode::StarttlsInjection => {
            const R: Rule = probe(
                ProbeCode::StarttlsInjection,
                Severity::Error,
                false,
                "The server sent data before the TLS handshake",
                &["probe/starttls.rs"],
            );
            &R
        }
        ProbeCode::StarttlsNotOffered => {
            const R: Rule = probe(
                ProbeCode::StarttlsNotOffered,
                Severity::Error,
                false,
                "The server does not offer STARTTLS",
                &["probe/starttls.rs"],
            );
            &R
        }
        ProbeCode::TargetForbidden => {
            const R: Rule = probe(
                ProbeCode::TargetForbidden,
                Severity::Error,
                false,
                "The checker does not connect to this address",
                &["routes/probe.rs", "probe/dns.rs"],
            );
            &R
        }
        ProbeCode::TlsExpectedButPlain => {
            const R: Rule = probe(
                ProbeCode::TlsExpectedButPlain,
                Severity::Error,
                true,
                "The server speaks plain text on a port set to SSL/TLS",
                &["probe/tls.rs"],
            );
            &R
        }
        ProbeCode::TlsTooOld => {
            const R: Rule = probe(
                ProbeCode::TlsTooOld,
                Severity::Error,
                false,
                "The server only speaks TLS older than 1.2",
                &["probe/tls.rs"],
            );
            &R
        }
        ProbeCode::WrongProtocol => {
            const R: Rule = probe(
                ProbeCode::WrongProtocol,
                Severity::Error,
                false,
                "Another protocol answers on this port",
                &["probe/greeting.rs"],
            );
            &R
        }
    }
}
