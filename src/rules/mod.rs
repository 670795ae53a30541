//! The rules, one file each. A rule file starts with what it catches, why it matters and a
//! bad and a good example, then declares its [`Rule`]: code, default severity, whether it
//! can fix, a one-line summary, and one function from the checked settings to findings.
//!
//! Adding a rule touches five places:
//! 1. its file here, `rules/<code with _>.rs`, declaring `RULE`, and its `pub mod` line below
//!    (a plain line, so that rustfmt formats the file);
//! 2. its line in the list in `codes.rs` ([`crate::codes::for_each_rule`]), from which
//!    `Code`, the code table, [`ALL`] and [`rule`] are made;
//! 3. one entry per locale in `messages/` (the compiler refuses a locale without it);
//! 4. its fixture, `tests/fixtures/<code>.json`;
//! 5. the table of codes in `docs/rules.md` (below).
//!
//! The `.d.ts` union is generated from the same list (`wasm/boundary/`); the table of codes in
//! `docs/rules.md` names it too, and tests fail until it does (tests/readme.rs), as they fail
//! for a rule file missing from the list, a list line without a file, and a code without a
//! fixture (tests/rule_list.rs).

use crate::codes::{for_each_rule, Code};
use crate::context::{Context, HostView, ProviderBy, SideView};
use crate::finding::{Draft, Severity, Spot};
use crate::messages::Arg;
use crate::profile::ProfileDoc;
use crate::providers::Provider;
use crate::settings::{Field, FieldValue};
use serde::Serialize;

#[cfg(feature = "probe")]
pub mod probe;

// The rule modules, declared here one a line rather than by the macro below, so that rustfmt
// (which does not follow modules a macro declares) formats every rule file. The macro makes
// only the list; a module missing here is a compile error there, and a file not in the list
// fails tests/rule_list.rs.
pub mod comma_for_dot;
pub mod domain_no_mail;
pub mod domain_typo;
pub mod domain_typo_suspected;
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
pub mod profile_bad_placeholder;
pub mod profile_invalid_hostname;
pub mod profile_missing_element;
pub mod profile_outgoing_not_smtp;
pub mod profile_port_socket_mismatch;
pub mod profile_unknown_socket_type;
pub mod protocol_not_offered;
pub mod provider_app_password;
pub mod provider_host_mismatch;
pub mod provider_host_undocumented;
pub mod provider_no_pop;
pub mod provider_port_mismatch;
pub mod provider_sign_in;
pub mod sign_in_password_ending;
pub mod smtp_auth_off;
pub mod sources_disagree;
pub mod username_full_address_expected;
pub mod username_full_address_suggested;
pub mod username_local_part_expected;
pub mod username_mismatch;
pub mod whitespace;

macro_rules! make_rules {
    (
        rules { $($name:literal $variant:ident $module:ident,)* }
        probe { $($probe_name:literal $probe_variant:ident,)* }
    ) => {

        /// Every settings and profile rule, in code order.
        pub static ALL: &[&Rule] = &[$(&$module::RULE,)*];

        /// The rule of a code.
        pub fn rule(code: Code) -> &'static Rule {
            match code {
                $(Code::$variant => &$module::RULE,)*
                #[cfg(feature = "probe")]
                Code::Probe(p) => probe::rule(p),
            }
        }
    };
}

for_each_rule!(make_rules);

/// What a rule looks at.
pub enum Check {
    /// The settings being checked (`check`).
    Settings(fn(&Context, &mut Vec<Draft>)),
    /// A provider's own profile (`lint_profile`).
    Profile(fn(&ProfileDoc, &mut Vec<Draft<Spot>>)),
    /// A live server, by maillint-server's reachability probe (feature `probe`), in the
    /// files named here (paths under `server/src/`).
    #[cfg(feature = "probe")]
    Probe { found_in: &'static [&'static str] },
    /// What the customer's domain publishes (its DNS records and autoconfig files), found by
    /// maillint-server's `POST /api/discover` in the files named here (under `server/src/`)
    /// and shown by the widget beside the address.
    Discovery { found_in: &'static [&'static str] },
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

/// Codes that, on the same field, make a finding of `code` redundant: the more specific
/// finding already explains the problem and its fix.
pub fn suppressed_by(code: Code) -> &'static [Code] {
    match code {
        Code::HostSingleLabel => &[Code::InvalidHost, Code::ProviderHostMismatch],
        // `mailto:momo@example.com` in a server field is an address: one finding says so.
        Code::HostHasScheme => &[Code::HostIsEmail],
        // `imaps://mail.example.com:993`: the URL's finding moves the port too.
        Code::HostHasPort => &[Code::HostHasScheme],
        Code::DomainTypo | Code::DomainTypoSuspected => &[Code::InvalidHost, Code::InvalidEmail],
        Code::InvalidEmail => &[Code::Placeholder],
        Code::ProviderHostMismatch | Code::ProviderHostUndocumented => &[
            Code::DomainTypo,
            Code::DomainTypoSuspected,
            Code::HostWrongProtocol,
            Code::InvalidHost,
        ],
        Code::Port25Submission | Code::PortNonstandard => &[Code::ProviderPortMismatch],
        Code::UsernameMismatch => &[
            Code::UsernameLocalPartExpected,
            Code::UsernameFullAddressExpected,
            Code::UsernameFullAddressSuggested,
            Code::Placeholder,
        ],
        Code::UsernameFullAddressExpected
        | Code::UsernameFullAddressSuggested
        | Code::UsernameLocalPartExpected => &[Code::Placeholder],
        Code::ProviderNoPop => &[Code::ProtocolNotOffered],
        // The sign-in advice names the app password where one is the alternative.
        Code::ProviderAppPassword => &[Code::ProviderSignIn],
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
    Code::all()
        .map(rule)
        .map(|r| RuleInfo {
            code: r.code,
            severity: r.severity,
            summary: r.summary,
            fixable: r.fixable,
        })
        .collect()
}

/// A typed server the provider does not document for its side's protocol, as the two rules
/// about such servers see it (`provider-host-mismatch`, `provider-host-undocumented`).
pub(crate) struct UndocumentedServer<'c> {
    pub side: &'c SideView,
    pub host: &'c HostView,
    pub provider: &'c Provider,
    /// The server the provider documents, offered as the fix.
    pub expected: &'c str,
    /// The name lies under the provider's own domains. Never for a page's profile, which
    /// lists exactly its servers.
    pub owned: bool,
}

/// The user-name form the provider asks for on `side`. A provider known only from a server
/// name (a custom domain on Microsoft 365) speaks only for the sides that use its servers:
/// beside its IMAP server the organisation may run its own SMTP relay, with its own login.
pub(crate) fn username_rule(
    ctx: &Context,
    provider: &Provider,
    side: &SideView,
) -> Option<crate::providers::UsernameRule> {
    if ctx.provider_by == ProviderBy::Host
        && !side
            .host
            .as_ref()
            .is_some_and(|h| provider.has_host(side.protocol, &h.key))
    {
        return None;
    }
    Some(match side.side {
        crate::context::Side::Incoming => provider.incoming_username,
        crate::context::Side::Outgoing => provider.outgoing_username,
    })
}

/// A local part typed where the provider's rule on that side is `want` (the full address,
/// required or documented): `code` on the user name, with the whole address as its fix.
pub(crate) fn full_address_for(
    ctx: &Context,
    out: &mut Vec<Draft>,
    want: crate::providers::UsernameRule,
    code: Code,
) {
    let (Some(provider), Some(address)) = (ctx.provider.as_deref(), &ctx.address) else {
        return;
    };
    for side in ctx.sides() {
        let Some(username) = &side.username else {
            continue;
        };
        if username_rule(ctx, provider, side) != Some(want) || username.contains('@') {
            continue;
        }
        let field = side.side.username_field();
        out.push(
            Draft::new(code, field)
                .arg("value", username.as_str())
                .arg("provider", provider.name_arg())
                .fix_text(field, address.full.clone()),
        );
    }
}

/// Every typed server (a valid name, no placeholder) that the known provider does not
/// document for its protocol.
pub(crate) fn undocumented_servers<'c>(ctx: &'c Context) -> Vec<UndocumentedServer<'c>> {
    let Some(provider) = ctx.provider.as_deref() else {
        return Vec::new();
    };
    ctx.sides()
        .into_iter()
        .filter_map(|side| {
            let host = side.host.as_ref()?;
            if host.opaque || host.ascii.is_none() || provider.has_host(side.protocol, &host.key) {
                return None;
            }
            let expected = provider.preferred_host(side.protocol)?;
            let owned = ctx.provider_by != ProviderBy::Profile && provider.owns_host(&host.key);
            Some(UndocumentedServer {
                side,
                host,
                provider,
                expected,
                owned,
            })
        })
        .collect()
}

impl UndocumentedServer<'_> {
    /// A finding of `code` on this server, with the documented one as the fix.
    pub(crate) fn draft(&self, code: Code) -> Draft {
        let field = self.side.side.host_field();
        Draft::new(code, field)
            .arg("value", self.host.name.as_str())
            .arg("provider", self.provider.name_arg())
            .arg("protocol", self.side.protocol)
            .arg("expected", self.expected)
            .fix_text(field, self.expected)
    }
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
/// What a per-character rule's message names besides the value, from the value as typed.
pub(crate) type Describe = fn(&str) -> (&'static str, Arg);

pub(crate) fn per_character(
    ctx: &Context,
    out: &mut Vec<Draft>,
    code: Code,
    applies: fn(Field) -> bool,
    // Generic, not a function pointer, so that the test is inlined into the byte loop: the
    // loop runs over every field at every keystroke.
    fires: impl Fn(char) -> bool,
    repair: fn(&str) -> String,
    // What the message names besides the value (the mark typed for a dot, the kind of
    // spaces found), from the value as typed.
    describe: Option<Describe>,
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
            let mut draft = Draft::new(code, field)
                .arg("value", raw)
                .arg("fixed", fixed.clone())
                .edit(field, value_for(field, fixed));
            if let Some(describe) = describe {
                let (name, arg) = describe(raw);
                draft = draft.arg(name, arg);
            }
            out.push(draft);
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
