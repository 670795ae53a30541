//! The rules, one file each. A rule file starts with what it catches, why it matters and a
//! bad and a good example, then declares its [`Rule`]: code, default severity, whether it
//! can fix, a one-line summary, and one function from the checked settings to findings.
//!
//! Adding a rule touches: its file, one line in `codes.rs`, one line in [`ALL`] and
//! [`rule`], one entry per locale in `messages/`, and one fixture in `tests/fixtures/`.

use crate::check::{Context, Draft};
use crate::codes::Code;
use crate::finding::Severity;
use crate::lint::LintDraft;
use crate::profile::ProfileDoc;
use crate::settings::{Field, FieldValue};
use serde::Serialize;

pub mod comma_for_dot;
pub mod domain_typo;
pub mod fullwidth;
pub mod host_has_port;
pub mod host_has_scheme;
pub mod host_idn;
pub mod host_is_email;
pub mod host_single_label;
pub mod host_wrong_protocol;
pub mod invalid_email;
pub mod invalid_host;
pub mod invalid_port;
pub mod missing_field;
pub mod no_encryption;
pub mod placeholder;
pub mod port_25_submission;
pub mod port_nonstandard;
pub mod port_security_mismatch;
pub mod port_wrong_protocol;
#[cfg(feature = "probe")]
pub mod probe;
pub mod profile_bad_placeholder;
pub mod profile_invalid_hostname;
pub mod profile_missing_element;
pub mod profile_outgoing_not_smtp;
pub mod profile_port_socket_mismatch;
pub mod profile_unknown_socket_type;
pub mod provider_app_password;
pub mod provider_host_mismatch;
pub mod provider_no_pop;
pub mod provider_port_mismatch;
pub mod smtp_auth_off;
pub mod username_full_address_expected;
pub mod username_local_part_expected;
pub mod username_mismatch;
pub mod whitespace;

/// What a rule looks at.
pub enum Check {
    /// The settings being checked (`check`).
    Settings(fn(&Context, &mut Vec<Draft>)),
    /// A provider's own profile (`lint_profile`).
    Profile(fn(&ProfileDoc, &mut Vec<LintDraft>)),
    /// A live server, by maillint-server's reachability probe (feature `probe`).
    #[cfg(feature = "probe")]
    Probe,
}

/// A rule: its code, default severity, whether its findings can carry a fix, a one-line
/// summary in English, and the function that finds its mistakes.
pub struct Rule {
    pub code: Code,
    pub severity: Severity,
    pub fixable: bool,
    pub summary: &'static str,
    pub check: Check,
}

/// Every rule, in code order.
pub static ALL: &[&Rule] = &[
    &comma_for_dot::RULE,
    &domain_typo::RULE,
    &fullwidth::RULE,
    &host_has_port::RULE,
    &host_has_scheme::RULE,
    &host_idn::RULE,
    &host_is_email::RULE,
    &host_single_label::RULE,
    &host_wrong_protocol::RULE,
    &invalid_email::RULE,
    &invalid_host::RULE,
    &invalid_port::RULE,
    &missing_field::RULE,
    &no_encryption::RULE,
    &placeholder::RULE,
    &port_25_submission::RULE,
    &port_nonstandard::RULE,
    &port_security_mismatch::RULE,
    &port_wrong_protocol::RULE,
    &profile_bad_placeholder::RULE,
    &profile_invalid_hostname::RULE,
    &profile_missing_element::RULE,
    &profile_outgoing_not_smtp::RULE,
    &profile_port_socket_mismatch::RULE,
    &profile_unknown_socket_type::RULE,
    &provider_app_password::RULE,
    &provider_host_mismatch::RULE,
    &provider_no_pop::RULE,
    &provider_port_mismatch::RULE,
    &smtp_auth_off::RULE,
    &username_full_address_expected::RULE,
    &username_local_part_expected::RULE,
    &username_mismatch::RULE,
    &whitespace::RULE,
];

/// The rule of a code.
pub fn rule(code: Code) -> &'static Rule {
    #[cfg(feature = "probe")]
    if let Some(rule) = probe::rule(code) {
        return rule;
    }
    match code {
        Code::CommaForDot => &comma_for_dot::RULE,
        Code::DomainTypo => &domain_typo::RULE,
        Code::Fullwidth => &fullwidth::RULE,
        Code::HostHasPort => &host_has_port::RULE,
        Code::HostHasScheme => &host_has_scheme::RULE,
        Code::HostIdn => &host_idn::RULE,
        Code::HostIsEmail => &host_is_email::RULE,
        Code::HostSingleLabel => &host_single_label::RULE,
        Code::HostWrongProtocol => &host_wrong_protocol::RULE,
        Code::InvalidEmail => &invalid_email::RULE,
        Code::InvalidHost => &invalid_host::RULE,
        Code::InvalidPort => &invalid_port::RULE,
        Code::MissingField => &missing_field::RULE,
        Code::NoEncryption => &no_encryption::RULE,
        Code::Placeholder => &placeholder::RULE,
        Code::Port25Submission => &port_25_submission::RULE,
        Code::PortNonstandard => &port_nonstandard::RULE,
        Code::PortSecurityMismatch => &port_security_mismatch::RULE,
        Code::PortWrongProtocol => &port_wrong_protocol::RULE,
        Code::ProfileBadPlaceholder => &profile_bad_placeholder::RULE,
        Code::ProfileInvalidHostname => &profile_invalid_hostname::RULE,
        Code::ProfileMissingElement => &profile_missing_element::RULE,
        Code::ProfileOutgoingNotSmtp => &profile_outgoing_not_smtp::RULE,
        Code::ProfilePortSocketMismatch => &profile_port_socket_mismatch::RULE,
        Code::ProfileUnknownSocketType => &profile_unknown_socket_type::RULE,
        Code::ProviderAppPassword => &provider_app_password::RULE,
        Code::ProviderHostMismatch => &provider_host_mismatch::RULE,
        Code::ProviderNoPop => &provider_no_pop::RULE,
        Code::ProviderPortMismatch => &provider_port_mismatch::RULE,
        Code::SmtpAuthOff => &smtp_auth_off::RULE,
        Code::UsernameFullAddressExpected => &username_full_address_expected::RULE,
        Code::UsernameLocalPartExpected => &username_local_part_expected::RULE,
        Code::UsernameMismatch => &username_mismatch::RULE,
        Code::Whitespace => &whitespace::RULE,
        #[cfg(feature = "probe")]
        _ => &probe::UNKNOWN,
    }
}

/// Codes that, on the same field, make a finding of `code` redundant: the more specific
/// finding already explains the problem and its fix.
pub fn suppressed_by(code: Code) -> &'static [Code] {
    match code {
        Code::HostSingleLabel => &[Code::InvalidHost, Code::ProviderHostMismatch],
        Code::DomainTypo => &[Code::InvalidHost, Code::InvalidEmail],
        Code::InvalidEmail => &[Code::Placeholder],
        Code::ProviderHostMismatch => {
            &[Code::DomainTypo, Code::HostWrongProtocol, Code::InvalidHost]
        }
        Code::Port25Submission | Code::PortNonstandard => &[Code::ProviderPortMismatch],
        Code::UsernameMismatch => &[
            Code::UsernameLocalPartExpected,
            Code::UsernameFullAddressExpected,
            Code::Placeholder,
        ],
        Code::UsernameFullAddressExpected | Code::UsernameLocalPartExpected => &[Code::Placeholder],
        _ => &[],
    }
}

/// What `rules()` tells about a rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub code: Code,
    pub severity: Severity,
    pub summary: &'static str,
    pub fixable: bool,
}

/// Every rule's code, default severity, summary and whether it can carry a fix.
pub fn rules() -> Vec<RuleInfo> {
    let all = ALL.iter().copied();
    #[cfg(feature = "probe")]
    let all = all.chain(probe::RULES.iter());
    let mut list: Vec<&Rule> = all.collect();
    list.sort_by_key(|r| r.code);
    list.into_iter()
        .map(|r| RuleInfo {
            code: r.code,
            severity: r.severity,
            summary: r.summary,
            fixable: r.fixable,
        })
        .collect()
}

/// The typed text fields a character-level rule looks at.
pub(crate) const TEXT_FIELDS: [Field; 7] = [
    Field::Email,
    Field::IncomingHost,
    Field::IncomingPort,
    Field::IncomingUsername,
    Field::OutgoingHost,
    Field::OutgoingPort,
    Field::OutgoingUsername,
];

pub(crate) fn is_port_field(field: Field) -> bool {
    matches!(field, Field::IncomingPort | Field::OutgoingPort)
}

/// A fix value for a field: a number for a port that now reads as one, text otherwise.
pub(crate) fn value_for(field: Field, text: String) -> FieldValue {
    if is_port_field(field) {
        if let Ok(port) = text.parse::<u16>() {
            return FieldValue::Port(port);
        }
    }
    FieldValue::Text(text)
}

/// Runs a character-level rule on every text field it applies to: `applies` says which
/// fields, `fires` whether a character is the mistake, `repair` the corrected text.
pub(crate) fn per_character(
    ctx: &Context,
    out: &mut Vec<Draft>,
    code: Code,
    applies: fn(Field) -> bool,
    // Generic, not a function pointer, so that the test is inlined into the byte loop: the
    // loop runs over every field at every keystroke.
    fires: impl Fn(char) -> bool,
    repair: fn(&str) -> String,
) {
    for field in TEXT_FIELDS.into_iter().filter(|f| applies(*f)) {
        if ctx.is_plain(field) {
            continue;
        }
        let Some(raw) = ctx.settings.text(field) else {
            continue;
        };
        // Most values are plain ASCII: test bytes, without decoding UTF-8.
        let found = if raw.is_ascii() {
            raw.bytes().any(|b| fires(char::from(b)))
        } else {
            raw.chars().any(&fires)
        };
        if found {
            let fixed = repair(raw);
            out.push(
                Draft::new(code, field)
                    .arg("value", raw)
                    .arg("fixed", fixed.clone())
                    .edit(field, value_for(field, fixed)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_rule() {
        for code in Code::all() {
            assert_eq!(rule(code).code, code);
        }
        let codes: Vec<Code> = rules().iter().map(|r| r.code).collect();
        let all: Vec<Code> = Code::all().collect();
        assert_eq!(codes, all);
    }
}
