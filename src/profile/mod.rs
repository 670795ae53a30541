//! Provider profiles: the Mozilla autoconfig `config-v1.1.xml` a provider already publishes
//! for Thunderbird (also read by Thunderbird for Android, Nextcloud Mail and Delta Chat), or
//! the same content as an object. A profile makes the checker speak for the page's own
//! provider: its servers, ports, security and username form.
//!
//! Read by `roxmltree` natively and by the browser's own `DOMParser` in the package (see
//! [`XmlReader`]): both read-only, no external entities ever fetched. Before either sees
//! the text, [`start_tags`] refuses DTDs, so entity tricks cannot expand, and limits on size
//! and element count keep a hostile file from costing more than a bounded amount of work.

use std::borrow::Cow;

use crate::address::Address;
use crate::codes::Code;
use crate::finding::{Draft, Spot};
use crate::providers::{AppPassword, Endpoint, Provider, UsernameRule};
use crate::settings::{Protocol, Security};

/// The largest profile read (real ones are a few kilobytes).
pub const MAX_BYTES: usize = 1 << 20;

#[cfg(feature = "xml")]
mod read_roxmltree;
pub mod start_tags;

/// Why a profile could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileError(pub String);

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A value as written in the profile, with where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Raw {
    pub text: String,
    /// The element it came from, e.g. `incomingServer[2]/socketType`.
    pub element: String,
    /// 1-based line in the XML (0 for the object form).
    pub line: u32,
}

impl Raw {
    /// Where this value was written.
    pub fn spot(&self) -> Spot {
        Spot {
            element: self.element.clone(),
            line: self.line,
        }
    }

    /// A finding about this value, placed where it was written.
    pub fn draft(&self, code: Code) -> Draft<Spot> {
        Draft::new(code, self.spot()).arg("value", self.text.as_str())
    }
}

/// One `<incomingServer>` or `<outgoingServer>` as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawServer {
    pub outgoing: bool,
    /// The `type` attribute: `imap`, `pop3`, `smtp`, or whatever the file says.
    pub kind: String,
    pub element: String,
    pub line: u32,
    pub hostname: Option<Raw>,
    pub port: Option<Raw>,
    pub socket_type: Option<Raw>,
    pub username: Option<Raw>,
    pub authentication: Option<Raw>,
}

/// A profile as written: what `lint_profile` judges and `Profile` is built from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileDoc {
    pub domains: Vec<String>,
    pub display_name: Option<String>,
    pub servers: Vec<RawServer>,
    /// Protocols the domain says it does not offer (its SRV records name `.` for them, RFC
    /// 6186): a maillint extension of the object form, never in config-v1.1.xml.
    pub not_offered: Vec<Protocol>,
}

/// One server of a profile, ready for checking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerSpec {
    pub protocol: Protocol,
    /// May hold `%EMAILDOMAIN%`, filled from the typed address.
    pub hostname: String,
    pub port: Option<u16>,
    pub security: Option<Security>,
    /// `%EMAILADDRESS%`, `%EMAILLOCALPART%` or a literal.
    pub username: Option<String>,
    pub authentication: Option<String>,
}

/// A provider profile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub domains: Vec<String>,
    pub display_name: Option<String>,
    pub incoming: Vec<ServerSpec>,
    pub outgoing: Vec<ServerSpec>,
    /// Incoming protocols the domain says it does not offer.
    pub not_offered: Vec<Protocol>,
}

/// The socketType values of the format, as security.
pub fn socket_type(text: &str) -> Option<Security> {
    match text.trim().to_ascii_lowercase().as_str() {
        "ssl" | "tls" => Some(Security::Tls),
        "starttls" => Some(Security::Starttls),
        "plain" => Some(Security::None),
        _ => None,
    }
}

/// A `config-v1.1.xml` as an XML reader hands it over: the root element's name and, when
/// the root has an `<emailProvider>`, its child elements with theirs. That is all a profile
/// uses, so a reader need not build more.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    /// The root element's local name.
    pub root: String,
    /// The first `<emailProvider>` under the root, if there is one.
    pub provider: Option<OutlineElement>,
}

/// One element of an [`Outline`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutlineElement {
    /// The local name (without a namespace prefix).
    pub name: String,
    /// The `type` attribute, empty when there is none.
    pub kind: String,
    /// The element's own text: its text and CDATA children joined, untrimmed.
    pub text: String,
    /// Its place among all the document's elements in document order (the root is 0).
    pub index: usize,
    pub children: Vec<OutlineElement>,
}

/// What reads XML into an [`Outline`]: `roxmltree` natively (the `xml` feature), the
/// browser's `DOMParser` in the package (handed over by [`set_xml_reader`]).
pub type XmlReader = fn(&str) -> Result<Outline, ProfileError>;

impl ProfileError {
    /// The text is not well-formed XML; `detail` is the parser's own description.
    pub fn malformed(detail: &str) -> ProfileError {
        ProfileError(format!("the profile is not well-formed XML: {detail}"))
    }
}

#[cfg(not(feature = "xml"))]
static XML_READER: std::sync::OnceLock<XmlReader> = std::sync::OnceLock::new();

/// Hands the engine an XML reader (once; later calls are ignored).
#[cfg(not(feature = "xml"))]
pub fn set_xml_reader(reader: XmlReader) {
    let _ = XML_READER.set(reader);
}

fn xml_reader() -> Option<XmlReader> {
    #[cfg(feature = "xml")]
    {
        Some(read_roxmltree::outline)
    }
    #[cfg(not(feature = "xml"))]
    {
        XML_READER.get().copied()
    }
}

/// Reads a `config-v1.1.xml` document as written.
pub fn parse_doc(xml: &str) -> Result<ProfileDoc, ProfileError> {
    if xml.len() > MAX_BYTES {
        let mut text = "the profile is ".to_string();
        crate::text::push_number(&mut text, xml.len() as u64);
        text.push_str(" bytes; at most 1048576 are read");
        return Err(ProfileError(text));
    }
    // Before any parser sees the text: no DTD, not too many elements, and each one's line.
    let lines = start_tags::lines(xml)?;
    let reader =
        xml_reader().ok_or_else(|| ProfileError("no XML reader is available".to_string()))?;
    let outline = reader(xml)?;
    doc_from_outline(outline, &lines)
}

/// The profile in an outline, each element placed on the line its start tag is on.
fn doc_from_outline(outline: Outline, lines: &[u32]) -> Result<ProfileDoc, ProfileError> {
    if outline.root != "clientConfig" {
        return Err(ProfileError(format!(
            "the profile's root element is <{}>, not <clientConfig>",
            outline.root
        )));
    }
    let provider = outline
        .provider
        .ok_or_else(|| ProfileError("the profile has no <emailProvider> element".to_string()))?;
    let line = |e: &OutlineElement| lines.get(e.index).copied().unwrap_or(0);
    let mut out = ProfileDoc::default();
    let mut counts = (0usize, 0usize);
    for node in provider.children {
        match node.name.as_str() {
            "domain" => out.domains.push(node.text.trim().to_ascii_lowercase()),
            "displayName" => {
                out.display_name = Some(node.text.trim().to_string()).filter(|t| !t.is_empty())
            }
            name @ ("incomingServer" | "outgoingServer") => {
                let outgoing = name == "outgoingServer";
                let n = if outgoing {
                    &mut counts.1
                } else {
                    &mut counts.0
                };
                *n += 1;
                let element = format!("{name}[{n}]");
                let mut server = RawServer {
                    outgoing,
                    kind: node.kind.to_ascii_lowercase(),
                    line: line(&node),
                    element: element.clone(),
                    ..RawServer::default()
                };
                for child in &node.children {
                    let tag = child.name.as_str();
                    let slot = match tag {
                        "hostname" => &mut server.hostname,
                        "port" => &mut server.port,
                        "socketType" => &mut server.socket_type,
                        "username" => &mut server.username,
                        // Several are allowed; the first is the one clients try first.
                        "authentication" if server.authentication.is_none() => {
                            &mut server.authentication
                        }
                        _ => continue,
                    };
                    *slot = Some(Raw {
                        text: child.text.trim().to_string(),
                        element: format!("{element}/{tag}"),
                        line: line(child),
                    });
                }
                out.servers.push(server);
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The object form of a profile, for pages that build it in JavaScript.
#[derive(Clone, Debug, Default)]
pub struct ProfileObject {
    pub domains: Vec<String>,
    pub display_name: Option<String>,
    pub incoming: Vec<ServerObject>,
    pub outgoing: Vec<ServerObject>,
    /// `notOffered`: `imap` and `pop3` are read, anything else is left out.
    pub not_offered: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct ServerObject {
    /// The `type`.
    pub kind: String,
    pub hostname: Option<String>,
    /// As written (a whole number, or what JavaScript makes of another one).
    pub port: Option<String>,
    pub socket_type: Option<String>,
    pub username: Option<String>,
    pub authentication: Option<String>,
}

impl ProfileObject {
    /// The same document the XML form gives, with element paths for lint findings.
    pub fn into_doc(self) -> ProfileDoc {
        let server = |outgoing: bool, i: usize, s: ServerObject| {
            let element = format!(
                "{}[{}]",
                if outgoing { "outgoing" } else { "incoming" },
                i + 1
            );
            let raw = |name: &str, text: Option<String>| {
                text.map(|text| Raw {
                    text,
                    element: format!("{element}/{name}"),
                    line: 0,
                })
            };
            RawServer {
                outgoing,
                kind: s.kind.to_ascii_lowercase(),
                hostname: raw("hostname", s.hostname),
                port: raw("port", s.port),
                socket_type: raw("socketType", s.socket_type),
                username: raw("username", s.username),
                authentication: raw("authentication", s.authentication),
                line: 0,
                element,
            }
        };
        let mut servers: Vec<RawServer> = self
            .incoming
            .into_iter()
            .enumerate()
            .map(|(i, s)| server(false, i, s))
            .collect();
        servers.extend(
            self.outgoing
                .into_iter()
                .enumerate()
                .map(|(i, s)| server(true, i, s)),
        );
        ProfileDoc {
            domains: self
                .domains
                .into_iter()
                .map(|d| d.to_ascii_lowercase())
                .collect(),
            display_name: self.display_name,
            servers,
            not_offered: self
                .not_offered
                .iter()
                .filter_map(|p| Protocol::parse_incoming(p))
                .collect(),
        }
    }
}

impl Profile {
    /// Whether mail apps can sign in here through the provider's own page (OAuth 2.0): a
    /// server says `<authentication>OAuth2</authentication>`, or a server is a built-in
    /// provider's that offers it (Google Workspace and Microsoft 365 found by their MX).
    pub fn offers_oauth(&self) -> bool {
        self.incoming.iter().chain(&self.outgoing).any(|s| {
            s.authentication
                .as_deref()
                .is_some_and(|a| a.eq_ignore_ascii_case("OAuth2"))
                || crate::providers::by_host(&s.hostname.to_ascii_lowercase())
                    .map(crate::providers::Provider::with_family)
                    .and_then(|p| p.sign_in())
                    .is_some_and(|s| s.oauth)
        })
    }

    /// Reads a `config-v1.1.xml` document.
    pub fn from_xml(xml: &str) -> Result<Profile, ProfileError> {
        Ok(Profile::from_doc(&parse_doc(xml)?))
    }

    /// Keeps what checking can use: servers of a known protocol; unreadable values are left
    /// out (and reported by `lint_profile`).
    pub fn from_doc(doc: &ProfileDoc) -> Profile {
        let mut profile = Profile {
            domains: doc.domains.clone(),
            display_name: doc.display_name.clone(),
            not_offered: doc.not_offered.clone(),
            ..Profile::default()
        };
        for s in &doc.servers {
            let protocol = match (s.outgoing, s.kind.as_str()) {
                (false, "imap") => Protocol::Imap,
                (false, "pop3") => Protocol::Pop3,
                (true, "smtp") => Protocol::Smtp,
                _ => continue,
            };
            let Some(hostname) = s.hostname.as_ref().map(|h| h.text.clone()) else {
                continue;
            };
            let spec = ServerSpec {
                protocol,
                hostname,
                port: s.port.as_ref().and_then(|p| p.text.parse().ok()),
                security: s.socket_type.as_ref().and_then(|t| socket_type(&t.text)),
                username: s.username.as_ref().map(|u| u.text.clone()),
                authentication: s.authentication.as_ref().map(|a| a.text.clone()),
            };
            if s.outgoing {
                profile.outgoing.push(spec);
            } else {
                profile.incoming.push(spec);
            }
        }
        profile
    }

    /// Whether the profile names this address domain in its `<domain>` list.
    pub fn names_domain(&self, domain: &str) -> bool {
        self.domains.iter().any(|d| d.eq_ignore_ascii_case(domain))
    }

    /// The profile as a provider for this address: placeholders filled from it. A host that
    /// needs the address while none is typed yet is left unknown (it matches any host).
    pub fn provider(&self, address: Option<&Address>) -> Provider {
        let expand = |text: &str| -> String {
            match address {
                Some(a) => text
                    .replace("%EMAILDOMAIN%", &a.domain)
                    .replace("%EMAILLOCALPART%", &a.local)
                    .replace("%EMAILADDRESS%", &a.full),
                None if text.contains('%') => String::new(),
                None => text.to_string(),
            }
        };
        let endpoints = |protocol: Protocol| -> Vec<Endpoint> {
            self.incoming
                .iter()
                .chain(&self.outgoing)
                .filter(|s| s.protocol == protocol)
                .map(|s| Endpoint {
                    host: Cow::Owned(expand(&s.hostname).to_ascii_lowercase()),
                    port: s.port,
                    security: s.security,
                })
                .collect()
        };
        let rule =
            |servers: &[ServerSpec]| match servers.first().and_then(|s| s.username.as_deref()) {
                Some(u) if u.contains("%EMAILADDRESS%") => UsernameRule::FullAddress,
                Some(u) if u.contains("%EMAILLOCALPART%") => UsernameRule::LocalPart,
                _ => UsernameRule::Either,
            };
        let name = self
            .display_name
            .clone()
            .or_else(|| self.domains.first().cloned())
            .unwrap_or_else(|| "Your provider".to_string());
        Provider {
            id: Cow::Borrowed("profile"),
            name: Cow::Owned(name),
            family: None,
            domains: "",
            more_domains: "",
            domain_labels: &[],
            imap: Cow::Owned(endpoints(Protocol::Imap)),
            pop3: Cow::Owned(endpoints(Protocol::Pop3)),
            smtp: Cow::Owned(endpoints(Protocol::Smtp)),
            incoming_username: rule(&self.incoming),
            outgoing_username: rule(&self.outgoing),
            app_password: AppPassword::No,
            #[cfg(not(target_arch = "wasm32"))]
            exchangers: &[],
            #[cfg(not(target_arch = "wasm32"))]
            sources: &[],
            smtp_auth: !self
                .outgoing
                .first()
                .and_then(|s| s.authentication.as_deref())
                .is_some_and(|a| a.eq_ignore_ascii_case("none")),
        }
    }
}
