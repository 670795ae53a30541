//! The reachability probe's codes: found by maillint-server against a live server, not by
//! `check`. Each is documented here with what it catches; the probe's tests against real
//! Dovecot and Postfix and against misbehaving fakes are their fixtures (server/tests/).

use super::{Check, Rule};
use crate::codes::Code;
use crate::finding::Severity;

const fn probe(code: Code, severity: Severity, summary: &'static str) -> Rule {
    Rule {
        code,
        severity,
        fixable: false,
        summary,
        check: Check::Probe,
    }
}

const fn with_fix(code: Code, severity: Severity, summary: &'static str) -> Rule {
    Rule {
        code,
        severity,
        fixable: true,
        summary,
        check: Check::Probe,
    }
}

/// Every probe code.
pub static RULES: &[Rule] = &[
    probe(
        Code::AuthNotOffered,
        Severity::Error,
        "The server offers no way to sign in on this connection",
    ),
    probe(
        Code::BadResponse,
        Severity::Error,
        "The server answered with something no mail server sends",
    ),
    probe(
        Code::CertExpired,
        Severity::Error,
        "The server's certificate has expired",
    ),
    with_fix(
        Code::CertNameMismatch,
        Severity::Error,
        "The certificate is for other names than the server typed",
    ),
    probe(
        Code::CertSelfSigned,
        Severity::Error,
        "The server's certificate is self-signed",
    ),
    probe(
        Code::CertUntrusted,
        Severity::Error,
        "The certificate is not issued by a trusted authority",
    ),
    probe(
        Code::ConnectRefused,
        Severity::Error,
        "Nothing listens on this port",
    ),
    probe(
        Code::ConnectTimeout,
        Severity::Error,
        "The server did not answer the connection in time",
    ),
    probe(
        Code::DnsNotFound,
        Severity::Error,
        "The server name does not exist",
    ),
    with_fix(
        Code::LoginDisabledBeforeTls,
        Severity::Error,
        "The server refuses logins until the connection is encrypted",
    ),
    probe(
        Code::NoGreeting,
        Severity::Error,
        "The server sent no complete greeting in time",
    ),
    with_fix(
        Code::PlainExpectedButTls,
        Severity::Error,
        "The server speaks encrypted on a port set to plain text",
    ),
    probe(
        Code::PortForbidden,
        Severity::Error,
        "The checker does not test this port",
    ),
    probe(
        Code::RateLimited,
        Severity::Warning,
        "Too many tests in a short time",
    ),
    probe(
        Code::StarttlsInjection,
        Severity::Error,
        "The server sent data before the TLS handshake",
    ),
    probe(
        Code::StarttlsNotOffered,
        Severity::Error,
        "The server does not offer STARTTLS",
    ),
    probe(
        Code::TargetForbidden,
        Severity::Error,
        "The checker does not connect to this address",
    ),
    with_fix(
        Code::TlsExpectedButPlain,
        Severity::Error,
        "The server speaks plain text on a port set to SSL/TLS",
    ),
    probe(
        Code::TlsTooOld,
        Severity::Error,
        "The server only speaks TLS older than 1.2",
    ),
    probe(
        Code::WrongProtocol,
        Severity::Error,
        "Another protocol answers on this port",
    ),
];

/// Stands for no code: `rule()` never returns it, since every probe code is in [`RULES`].
pub static UNKNOWN: Rule = probe(Code::DnsNotFound, Severity::Error, "");

pub fn rule(code: Code) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}
