//! What every rule reads: the settings with each field cleaned once, the address, each
//! side's resolved protocol, port and security, the options and the provider. Built once
//! per check by [`Context::new`]; it imports no rule, so the rules sit above it.

use std::borrow::Cow;

pub use crate::address::Address;
use crate::messages::Locale;
use crate::profile::Profile;
use crate::providers::{self, Day, Provider, SignInView};
use crate::settings::{Field, Protocol, Security, Settings};
use crate::text;

/// How to check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub locale: Locale,
    /// The form is finished: every empty required field is reported (`missing-field`).
    pub complete: bool,
    /// The page's own provider, from its `config-v1.1.xml`. It speaks for every address
    /// except those of a built-in provider that it does not name itself.
    pub profile: Option<Profile>,
    /// Today, for the providers' dated changes (password sign-in ending): before a date the
    /// engine warns that it is coming, after it the method is simply not offered. `None`
    /// judges no date: the engine says only what holds whatever the day.
    pub today: Option<Day>,
}

/// How the provider was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderBy {
    /// The page's own profile.
    Profile,
    /// The address domain.
    Domain,
    /// A server name: the address domain is the customer's own.
    Host,
}

/// Which half of the account a server belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Incoming,
    Outgoing,
}

impl Side {
    /// The side a protocol's server belongs to: SMTP outgoing, IMAP and POP3 incoming.
    pub fn of(protocol: Protocol) -> Side {
        match protocol {
            Protocol::Smtp => Side::Outgoing,
            Protocol::Imap | Protocol::Pop3 => Side::Incoming,
        }
    }
    pub fn host_field(self) -> Field {
        match self {
            Side::Incoming => Field::IncomingHost,
            Side::Outgoing => Field::OutgoingHost,
        }
    }
    pub fn port_field(self) -> Field {
        match self {
            Side::Incoming => Field::IncomingPort,
            Side::Outgoing => Field::OutgoingPort,
        }
    }
    pub fn security_field(self) -> Field {
        match self {
            Side::Incoming => Field::IncomingSecurity,
            Side::Outgoing => Field::OutgoingSecurity,
        }
    }
    pub fn username_field(self) -> Field {
        match self {
            Side::Incoming => Field::IncomingUsername,
            Side::Outgoing => Field::OutgoingUsername,
        }
    }
}

/// A host field after cleaning and after removing what the surface rules already reported
/// (a scheme, a path, a port). `name` is what the deeper rules judge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostView {
    pub name: String,
    /// Lower-cased, trailing dot removed: for comparisons.
    pub key: String,
    /// The typed text held a placeholder or an address: deeper rules stay quiet.
    pub opaque: bool,
    /// The port typed after the name (`mail.example.com:993`), as text.
    pub embedded_port: Option<String>,
    /// The name's ASCII form when it is a valid host name or IP (worked out once, since
    /// five rules ask and, in the browser, each asking is a call into the URL parser).
    pub ascii: Option<String>,
}

/// One side's cleaned values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideView {
    pub side: Side,
    /// IMAP or POP3 for incoming (as chosen, or as the host or port suggests), SMTP outgoing.
    pub protocol: Protocol,
    /// The protocol was chosen by the customer, not guessed.
    pub protocol_chosen: bool,
    pub host: Option<HostView>,
    /// The port, when it is a valid number.
    pub port: Option<u16>,
    /// The security, resolved against the port.
    pub security: Option<Security>,
    pub username: Option<String>,
}

/// Everything a rule reads.
pub struct Context<'a> {
    pub settings: &'a Settings,
    pub options: &'a Options,
    pub address: Option<Address>,
    pub incoming: SideView,
    pub outgoing: SideView,
    /// The provider: the page's profile, or the built-in one known from the address domain
    /// or else from a server name.
    pub provider: Option<Cow<'static, Provider>>,
    /// How the provider is known. From a server name alone it is less certain: an
    /// organisation on a hosted service may still run servers of its own.
    pub provider_by: ProviderBy,
    /// How mail apps sign in to that provider (`[provider.sign-in]`), looked up once per
    /// check for the three rules that read it.
    pub sign_in: Option<SignInView>,
    /// Each text field's cleaned view, worked out once, by [`Field::index`].
    texts: [Option<FieldText<'a>>; Field::ALL.len()],
}

/// A text field as the rules read it.
struct FieldText<'a> {
    /// [`text::clean`]ed; borrowed when cleaning changes nothing.
    cleaned: Cow<'a, str>,
    /// [`text::is_plain`]: nothing in it for the space, comma and full-width rules.
    plain: bool,
    /// Where a placeholder starts in the cleaned text.
    placeholder: Option<usize>,
}

impl<'a> FieldText<'a> {
    fn new(raw: &'a str) -> FieldText<'a> {
        let plain = text::is_plain(raw);
        let cleaned = if plain {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(text::clean(raw))
        };
        let placeholder = text::placeholder_start(&cleaned);
        FieldText {
            cleaned,
            plain,
            placeholder,
        }
    }
}

impl<'a> Context<'a> {
    pub fn new(settings: &'a Settings, options: &'a Options) -> Context<'a> {
        let texts = Field::ALL.map(|f| settings.text(f).map(FieldText::new));
        let text_of = |f: Field| texts.get(f.index()).and_then(Option::as_ref);
        let address = text_of(Field::Email).and_then(|email| {
            let email = &email.cleaned;
            let (local, domain) = text::split_address(email)?;
            if local.is_empty() || domain.is_empty() {
                return None;
            }
            Some(Address::new(email, local, domain))
        });
        let clean = |f: Field| text_of(f).map(|t| (t.cleaned.as_ref(), t.placeholder.is_some()));
        let incoming = side_view(settings, Side::Incoming, &clean);
        let outgoing = side_view(settings, Side::Outgoing, &clean);
        let built_in = address
            .as_ref()
            .and_then(|a| providers::by_domain(&a.domain));
        let from_profile = options.profile.as_ref().and_then(|profile| {
            let named = address
                .as_ref()
                .is_some_and(|a| profile.names_domain(&a.domain));
            (named || built_in.is_none())
                .then(|| profile.provider(address.as_ref().filter(|a| a.usable)))
        });
        let (provider, provider_by) = match (from_profile, built_in) {
            (Some(p), _) => (Some(Cow::Owned(p)), ProviderBy::Profile),
            (None, Some(p)) => (Some(Cow::Borrowed(p)), ProviderBy::Domain),
            (None, None) => {
                // A server shared in a family (outlook.office365.com) stands for the family
                // until the address says which member it is.
                let by_host = [&incoming, &outgoing]
                    .iter()
                    .filter_map(|s| s.host.as_ref())
                    .find_map(|h| providers::by_host(&h.key))
                    .map(Provider::with_family);
                (by_host, ProviderBy::Host)
            }
        };
        Context {
            settings,
            options,
            address,
            incoming,
            outgoing,
            sign_in: provider.as_deref().and_then(Provider::sign_in),
            provider,
            provider_by,
            texts,
        }
    }

    fn text(&self, field: Field) -> Option<&FieldText<'a>> {
        self.texts.get(field.index()).and_then(Option::as_ref)
    }

    /// A field's text cleaned (spaces removed, full-width forms folded, commas made dots);
    /// `None` when the field is empty.
    pub fn cleaned(&self, field: Field) -> Option<&str> {
        self.text(field).map(|t| t.cleaned.as_ref())
    }

    /// Whether a field is empty or printable ASCII without commas or semicolons
    /// ([`text::is_plain`]): nothing in it for the space, comma and full-width rules.
    pub fn is_plain(&self, field: Field) -> bool {
        self.text(field).is_none_or(|t| t.plain)
    }

    /// Where a placeholder starts in a field's cleaned text, as a byte index.
    pub fn placeholder_start(&self, field: Field) -> Option<usize> {
        self.text(field).and_then(|t| t.placeholder)
    }

    pub fn sides(&self) -> [&SideView; 2] {
        [&self.incoming, &self.outgoing]
    }

    /// The address domain, when it is usable to fill a placeholder: a valid host name and
    /// itself no placeholder.
    pub fn usable_domain(&self) -> Option<&str> {
        self.address
            .as_ref()
            .filter(|a| a.usable)
            .map(|a| a.domain.as_str())
    }
}

/// `clean` gives a field's cleaned text and whether it holds a placeholder.
fn side_view<'c>(
    settings: &Settings,
    side: Side,
    clean: &dyn Fn(Field) -> Option<(&'c str, bool)>,
) -> SideView {
    let protocol_text = match side {
        Side::Incoming => settings.incoming.protocol.as_deref(),
        Side::Outgoing => None,
    };
    let security = match side {
        Side::Incoming => settings.incoming.security.as_deref(),
        Side::Outgoing => settings.outgoing.security.as_deref(),
    };
    let host = clean(side.host_field()).map(|(c, placeholder)| host_view(c, placeholder));
    let port = clean(side.port_field())
        .and_then(|(p, _)| p.parse::<u16>().ok())
        .filter(|p| *p != 0);
    let security = security
        .and_then(Security::parse)
        .map(|s| Security::resolve(s, port));
    let username = clean(side.username_field())
        .map(|(u, _)| u.to_string())
        .filter(|u| !u.is_empty());
    let chosen = protocol_text.and_then(Protocol::parse_incoming);
    let protocol = match side {
        Side::Outgoing => Protocol::Smtp,
        Side::Incoming => chosen
            .or_else(|| {
                host.as_ref()
                    .and_then(|h| protocol_from_host(&h.key))
                    .filter(|p| *p != Protocol::Smtp)
            })
            .or(match port {
                Some(995 | 110) => Some(Protocol::Pop3),
                _ => None,
            })
            .unwrap_or(Protocol::Imap),
    };
    SideView {
        side,
        protocol,
        protocol_chosen: chosen.is_some() || side == Side::Outgoing,
        host,
        port,
        security,
        username,
    }
}

/// The protocol a server's first label names (`imap.`, `pop3.`, `smtp.`), if any.
pub fn protocol_from_host(key: &str) -> Option<Protocol> {
    let first = key.split('.').next().unwrap_or("");
    let first = first.trim_end_matches(|c: char| c.is_ascii_digit());
    match first {
        "imap" | "imaps" | "imappro" => Some(Protocol::Imap),
        "pop" | "pops" | "poppro" => Some(Protocol::Pop3),
        "smtp" | "smtps" | "smtp-mail" | "smtpout" | "smtppro" | "smtpauth" => Some(Protocol::Smtp),
        _ => None,
    }
}

fn host_view(cleaned: &str, placeholder: bool) -> HostView {
    let stripped = text::host::strip_url(cleaned).unwrap_or_else(|| cleaned.to_string());
    let is_address = stripped.contains('@');
    let (name, embedded_port) = match text::host::split_port(&stripped) {
        Some((name, port)) if !is_address => (name.to_string(), Some(port.to_string())),
        _ => (stripped, None),
    };
    let key = name.trim_end_matches('.').to_ascii_lowercase();
    let opaque = placeholder || is_address;
    let ascii = if opaque {
        None
    } else {
        text::host::ascii_form(&name)
    };
    HostView {
        name,
        key,
        opaque,
        embedded_port,
        ascii,
    }
}
