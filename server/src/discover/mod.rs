//! `POST /api/discover`: what the customer's domain publishes about its mail, from every
//! source mail programs use, tried in parallel under one deadline:
//!
//! 1. `autoconfig`: `https://autoconfig.<domain>/mail/config-v1.1.xml`;
//! 2. `well-known`: `https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml`;
//! 3. `ispdb`: Thunderbird's ISPDB entry for the domain (`--ispdb-url`);
//! 4. `srv`: the RFC 6186 / RFC 8314 SRV records (`_imaps._tcp`, `_imap._tcp`, …);
//! 5. `mx-autoconfig`, `mx-ispdb`: the same two files for the registrable domain of the
//!    first MX host (by the public suffix list: `example.co.uk`, not `co.uk`);
//! 6. `mx`: the MX records themselves, also for a provider the engine knows by its mail
//!    exchangers (Google Workspace, Microsoft 365, …).
//!
//! The profile is the first of these that gave one, in this order. Every source is listed
//! with its outcome. Only the domain is used: nothing else about the customer is sent
//! anywhere. Every address connected to goes through the probe's guard (`fetch.rs`).
//!
//! What is kept of an answer is bounded (`bounds.rs`): text from a fetched file is cut, only
//! the chosen profile is kept, and the cache holds at most [`CACHE_BYTES`]. Fetches made
//! because of an MX answer are charged to the MX host's own domain, so many domains pointing
//! their MX at one host cannot make the server fetch that host's files without limit.

pub mod answer;
pub mod bounds;
pub mod fetch;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use maillint::codes::Code;
use maillint::messages::Term;
use maillint::profile::{Profile, ServerSpec};
use maillint::providers::{self, Provider, UsernameRule};
use maillint::settings::{Field, Protocol, Security};
use maillint::Draft;
use serde::Serialize;
use tokio::time::Instant;

use self::fetch::Fetcher;
use crate::limits::Limiter;
use crate::resolver::{Found, Mx, Resolver, Srv};

/// What discovery needs.
pub struct DiscoverSettings {
    pub fetcher: Fetcher,
    pub resolver: Arc<Resolver>,
    /// Ends with `/`; the domain is appended.
    pub ispdb_url: String,
    /// One lookup or fetch.
    pub per_request: Duration,
    /// The whole answer.
    pub deadline: Duration,
    /// Discoveries per domain: a question the cache answers is not charged; the files
    /// fetched for an MX host's domain are charged to that domain.
    pub domains: Limiter<String>,
    cache: Mutex<Cache>,
}

/// How long answers are kept at most, and how many.
const CACHE_MAX_AGE: Duration = Duration::from_secs(300);
const CACHE_MIN_AGE: Duration = Duration::from_secs(30);
const CACHE_ENTRIES: usize = 4096;
/// The most bytes the cache holds in all (an answer is a few KB once bounded).
pub const CACHE_BYTES: usize = 16 * 1024 * 1024;
/// The most bytes one cached answer may hold; a larger one is answered, not kept.
pub const CACHE_ENTRY_BYTES: usize = 64 * 1024;

/// Answers by domain, oldest first, with their size.
#[derive(Default)]
struct Cache {
    entries: std::collections::VecDeque<(String, std::time::Instant, usize, Discovered)>,
    bytes: usize,
}

impl DiscoverSettings {
    pub fn new(
        fetcher: Fetcher,
        resolver: Arc<Resolver>,
        ispdb_url: &str,
        per_request: Duration,
        deadline: Duration,
        domains: Limiter<String>,
    ) -> DiscoverSettings {
        let mut ispdb_url = ispdb_url.to_string();
        if !ispdb_url.ends_with('/') {
            ispdb_url.push('/');
        }
        DiscoverSettings {
            fetcher,
            resolver,
            ispdb_url,
            per_request,
            deadline,
            domains,
            cache: Mutex::new(Cache::default()),
        }
    }

    /// The answer kept for `domain`, if it is still fresh.
    pub fn cached(&self, domain: &str) -> Option<Discovered> {
        let cache = self.cache.lock().ok()?;
        let now = std::time::Instant::now();
        cache
            .entries
            .iter()
            .find(|(d, until, _, _)| d == domain && *until > now)
            .map(|(_, _, _, found)| found.clone())
    }

    /// The bytes the cache holds now (for the metrics and the tests).
    pub fn cache_bytes(&self) -> usize {
        self.cache.lock().map(|c| c.bytes).unwrap_or(0)
    }

    fn keep(&self, found: &Discovered) {
        let size = found.bytes();
        if size > CACHE_ENTRY_BYTES {
            return;
        }
        let Ok(mut cache) = self.cache.lock() else {
            return;
        };
        let now = std::time::Instant::now();
        let cache = &mut *cache;
        cache
            .entries
            .retain(|(d, until, _, _)| *until > now && *d != found.domain);
        // Oldest out first, until the new one fits in both budgets.
        while cache.entries.len() >= CACHE_ENTRIES
            || cache.entries.iter().map(|e| e.2).sum::<usize>() + size > CACHE_BYTES
        {
            if cache.entries.pop_front().is_none() {
                break;
            }
        }
        let age = Duration::from_secs(u64::from(found.ttl)).clamp(CACHE_MIN_AGE, CACHE_MAX_AGE);
        cache
            .entries
            .push_back((found.domain.clone(), now + age, size, found.clone()));
        cache.bytes = cache.entries.iter().map(|e| e.2).sum();
        metrics::gauge!("maillint_discover_cache_bytes").set(cache.bytes as f64);
    }
}

/// One source's outcome, as the answer lists it.
#[derive(Clone, Debug, Serialize)]
pub struct SourceOutcome {
    pub source: &'static str,
    pub ok: bool,
    /// Fetched over verified HTTPS (DNS answers are not signed here, so never trusted).
    pub trusted: bool,
    pub ms: u64,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip)]
    profile: Option<Profile>,
}

/// What discovery found about a domain, before it is rendered in a locale.
#[derive(Clone, Debug)]
pub struct Discovered {
    pub domain: String,
    pub mx: Vec<Mx>,
    pub null_mx: bool,
    /// `None` when the lookups failed: nothing is known.
    pub receives_mail: Option<bool>,
    pub sources: Vec<SourceOutcome>,
    /// The provider's name and the source it came from.
    pub provider: Option<(String, &'static str)>,
    pub profile: Option<Profile>,
    pub drafts: Vec<Draft>,
    /// Seconds the answer may be kept (the MX records' TTL).
    pub ttl: u32,
}

impl Discovered {
    /// Roughly the bytes this answer holds, for the cache's budget.
    pub fn bytes(&self) -> usize {
        std::mem::size_of::<Discovered>()
            + self.domain.len()
            + self.mx.iter().map(|m| m.host.len() + 32).sum::<usize>()
            + self
                .sources
                .iter()
                .map(|s| {
                    std::mem::size_of::<SourceOutcome>()
                        + s.detail.len()
                        + s.url.as_ref().map_or(0, String::len)
                        + s.profile.as_ref().map_or(0, bounds::profile_bytes)
                })
                .sum::<usize>()
            + self.provider.as_ref().map_or(0, |(name, _)| name.len())
            + self.profile.as_ref().map_or(0, bounds::profile_bytes)
            // A finding's arguments are the domain and names already counted; a finding
            // holds them once more.
            + self.drafts.len() * (256 + 2 * bounds::MAX_NAME)
    }
}

fn elapsed(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// The provider a domain's first mail exchanger names, for the `mx` source: the exchangers
/// are part of each provider's facts in data/providers.toml (with their sources), so the
/// server cannot name a provider the engine does not have.
fn known_exchanger(host: &str) -> Option<(&'static str, &'static Provider)> {
    providers::by_exchanger(host)
}

/// The registrable domain of a host by the public suffix list (`mx1.example.co.uk` is
/// `example.co.uk`).
fn registrable(host: &str) -> Option<String> {
    psl::domain_str(host).map(str::to_ascii_lowercase)
}

/// The domains an MX host's files are asked for, in order: the host less its first label
/// (`mx1.mail.example.co.uk` → `mail.example.co.uk`) when that is longer than its registrable
/// domain, then the registrable domain (`example.co.uk`); never the domain asked about.
fn mx_bases(host: &str, domain: &str) -> Vec<String> {
    let Some(base) = registrable(host) else {
        return Vec::new();
    };
    let mut bases = Vec::new();
    if let Some((_, less)) = host.to_ascii_lowercase().split_once('.') {
        if less != base && less.ends_with(&format!(".{base}")) {
            bases.push(less.to_string());
        }
    }
    bases.push(base);
    bases.retain(|b| b != domain);
    bases
}

/// A built-in provider as a profile for `domain`.
fn profile_of(provider: &Provider, name: &str, domain: &str) -> Profile {
    let username = |rule: UsernameRule| match rule {
        UsernameRule::FullAddress | UsernameRule::FullAddressDocumented => {
            Some("%EMAILADDRESS%".to_string())
        }
        UsernameRule::LocalPart => Some("%EMAILLOCALPART%".to_string()),
        UsernameRule::Either => None,
    };
    let specs = |protocol: Protocol, rule: UsernameRule| -> Vec<ServerSpec> {
        provider
            .endpoints(protocol)
            .iter()
            .filter(|e| !e.host.is_empty())
            .map(|e| ServerSpec {
                protocol,
                hostname: e.host.to_string(),
                port: e.port,
                security: e.security,
                username: username(rule),
                authentication: None,
            })
            .collect()
    };
    let mut incoming = specs(Protocol::Imap, provider.incoming_username);
    incoming.extend(specs(Protocol::Pop3, provider.incoming_username));
    Profile {
        domains: vec![domain.to_string()],
        display_name: Some(name.to_string()),
        incoming,
        outgoing: specs(Protocol::Smtp, provider.outgoing_username),
        not_offered: Vec::new(),
    }
}

/// The SRV services of RFC 6186 and RFC 8314, with the protocol and security each means.
const SERVICES: &[(&str, Protocol, Security)] = &[
    ("_imaps._tcp", Protocol::Imap, Security::Tls),
    ("_imap._tcp", Protocol::Imap, Security::Starttls),
    ("_pop3s._tcp", Protocol::Pop3, Security::Tls),
    ("_pop3._tcp", Protocol::Pop3, Security::Starttls),
    ("_submissions._tcp", Protocol::Smtp, Security::Tls),
    ("_submission._tcp", Protocol::Smtp, Security::Starttls),
];

impl DiscoverSettings {
    fn request_deadline(&self, overall: Instant) -> Instant {
        (Instant::now() + self.per_request).min(overall)
    }

    /// Fetches and reads one config-v1.1.xml.
    async fn file(
        &self,
        source: &'static str,
        url: String,
        domain: &str,
        overall: Instant,
    ) -> SourceOutcome {
        let started = Instant::now();
        let deadline = self.request_deadline(overall);
        let (ok, detail, profile) = match self.fetcher.get(&url, deadline).await {
            // The file's text is dropped here; only its bounded profile goes on.
            Ok(xml) => match Profile::from_xml(&xml).map(|p| bounds::profile(p, domain)) {
                Ok(p) if !p.incoming.is_empty() => {
                    let name = p.display_name.clone().unwrap_or_default();
                    let detail = format!(
                        "{} ({} incoming, {} outgoing servers)",
                        if name.is_empty() { "a profile" } else { &name },
                        p.incoming.len(),
                        p.outgoing.len()
                    );
                    (true, detail, Some(p))
                }
                Ok(_) => (
                    false,
                    "a profile without incoming servers".to_string(),
                    None,
                ),
                Err(e) => (false, format!("not a usable config-v1.1.xml: {e}"), None),
            },
            Err(e) => (false, e.detail(), None),
        };
        SourceOutcome {
            source,
            ok,
            trusted: ok,
            ms: elapsed(started),
            detail: bounds::cut(detail, bounds::MAX_DETAIL),
            url: Some(url),
            profile,
        }
    }

    /// The two files of the MX host's domain, charged to that domain's own limit: a
    /// domain asked too often is not fetched again, and both sources say so.
    async fn mx_files(&self, base: &str, overall: Instant) -> Vec<SourceOutcome> {
        if self.domains.take(&base.to_string()).await.is_err() {
            metrics::counter!("maillint_discover_mx_fetches_limited_total").increment(1);
            let skipped = |source: &'static str, url: String| SourceOutcome {
                source,
                ok: false,
                trusted: false,
                ms: 0,
                detail: bounds::cut(
                    format!("not fetched: {base} was asked about too often; try again soon"),
                    bounds::MAX_DETAIL,
                ),
                url: Some(url),
                profile: None,
            };
            return vec![
                skipped(
                    "mx-autoconfig",
                    format!("https://autoconfig.{base}/mail/config-v1.1.xml"),
                ),
                skipped("mx-ispdb", format!("{}{base}", self.ispdb_url)),
            ];
        }
        let (a, i) = tokio::join!(
            self.file(
                "mx-autoconfig",
                format!("https://autoconfig.{base}/mail/config-v1.1.xml"),
                base,
                overall
            ),
            self.file(
                "mx-ispdb",
                format!("{}{base}", self.ispdb_url),
                base,
                overall
            )
        );
        vec![a, i]
    }

    async fn srv(&self, domain: &str, overall: Instant) -> SourceOutcome {
        let started = Instant::now();
        let deadline = self.request_deadline(overall);
        let lookups = SERVICES
            .iter()
            .map(|(service, protocol, security)| async move {
                let found = self
                    .resolver
                    .srv(&format!("{service}.{domain}"), deadline)
                    .await;
                (*service, *protocol, *security, found)
            });
        let answers = futures_util::future::join_all(lookups).await;
        let mut profile = Profile {
            domains: vec![domain.to_string()],
            display_name: None,
            ..Profile::default()
        };
        let mut named = Vec::new();
        let mut dotted: Vec<Protocol> = Vec::new();
        let mut served: Vec<Protocol> = Vec::new();
        for (service, protocol, security, found) in &answers {
            let Found::Records(records, _) = found else {
                continue;
            };
            for Srv { port, target, .. } in records {
                if target.is_empty() {
                    dotted.push(*protocol);
                    named.push(format!("{service} ."));
                    continue;
                }
                served.push(*protocol);
                named.push(format!("{service} {target}:{port}"));
                let spec = ServerSpec {
                    protocol: *protocol,
                    hostname: target.clone(),
                    port: Some(*port),
                    security: Some(*security),
                    username: None,
                    authentication: None,
                };
                if *protocol == Protocol::Smtp {
                    profile.outgoing.push(spec);
                } else {
                    profile.incoming.push(spec);
                }
            }
        }
        // A protocol is not offered when its records say `.` and none names a server.
        profile.not_offered = [Protocol::Imap, Protocol::Pop3]
            .into_iter()
            .filter(|p| dotted.contains(p) && !served.contains(p))
            .collect();
        let failed = answers
            .iter()
            .all(|(_, _, _, f)| matches!(f, Found::Failed));
        let ok = !named.is_empty();
        let detail = if ok {
            bounds::cut(named.join(", "), bounds::MAX_DETAIL)
        } else if failed {
            "the lookups failed".to_string()
        } else {
            "no SRV records".to_string()
        };
        let usable = !profile.incoming.is_empty() || !profile.not_offered.is_empty();
        SourceOutcome {
            source: "srv",
            ok,
            trusted: false,
            ms: elapsed(started),
            detail,
            url: None,
            profile: usable.then_some(profile),
        }
    }

    /// Discovers a domain (ASCII, lower case, validated by the caller).
    pub async fn discover(&self, domain: &str) -> Discovered {
        if let Some(found) = self.cached(domain) {
            return found;
        }
        let overall = Instant::now() + self.deadline;
        let mx_side = async {
            let started = Instant::now();
            let mx = self
                .resolver
                .mx(domain, self.request_deadline(overall))
                .await;
            let mx_ms = elapsed(started);
            let first = match &mx {
                Found::Records(list, _) => list.iter().find(|m| !m.host.is_empty()).cloned(),
                _ => None,
            };
            let address = match mx {
                Found::NoRecords => Some(
                    self.resolver
                        .has_address(domain, self.request_deadline(overall))
                        .await,
                ),
                _ => None,
            };
            // The MX host less its first label, then its registrable domain, as Thunderbird
            // asks: the first that gives a profile is kept.
            let mut files = Vec::new();
            for base in first
                .as_ref()
                .map(|m| mx_bases(&m.host, domain))
                .unwrap_or_default()
            {
                files = self.mx_files(&base, overall).await;
                if files.iter().any(|s| s.profile.is_some()) {
                    break;
                }
            }
            (mx, mx_ms, address, first, files)
        };
        let (autoconfig, well_known, ispdb, srv, (mx, mx_ms, address, first_mx, mx_files)) = tokio::join!(
            self.file(
                "autoconfig",
                format!("https://autoconfig.{domain}/mail/config-v1.1.xml"),
                domain,
                overall
            ),
            self.file(
                "well-known",
                format!("https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml"),
                domain,
                overall
            ),
            self.file(
                "ispdb",
                format!("{}{domain}", self.ispdb_url),
                domain,
                overall
            ),
            self.srv(domain, overall),
            mx_side,
        );

        // The mail exchangers, and what they say about receiving mail.
        let (records, ttl) = match &mx {
            Found::Records(list, ttl) => (
                list.iter()
                    .filter(|m| m.host.len() <= bounds::MAX_HOST)
                    .take(bounds::MAX_MX)
                    .cloned()
                    .collect::<Vec<_>>(),
                *ttl,
            ),
            _ => (Vec::new(), 60),
        };
        let null_mx = records.len() == 1 && records.iter().all(|m| m.host.is_empty());
        let no_mail = match (&mx, &address) {
            (Found::NoSuchName, _) => Some(Term::NoSuchName),
            _ if null_mx => Some(Term::NullMx),
            (Found::NoRecords, Some(Found::NoRecords | Found::NoSuchName)) => {
                Some(Term::NoMxNoAddress)
            }
            _ => None,
        };
        let receives_mail = match (&mx, &address) {
            _ if no_mail.is_some() => Some(false),
            (Found::Records(..), _) | (_, Some(Found::Records(..))) => Some(true),
            _ => None,
        };
        let known = first_mx.as_ref().and_then(|m| known_exchanger(&m.host));
        let mx_detail = match &mx {
            Found::Records(..) if null_mx => "a null MX (0 .): the domain receives no mail".into(),
            Found::Records(..) => records
                .iter()
                .map(|m| format!("{} {}", m.preference, m.host))
                .collect::<Vec<_>>()
                .join(", "),
            Found::NoRecords => match &address {
                Some(Found::Records(..)) => {
                    "no MX records; the domain's address receives mail".into()
                }
                Some(Found::Failed) => "no MX records; the address lookup failed".into(),
                _ => "no MX records and no address".into(),
            },
            Found::NoSuchName => "the name does not exist".into(),
            Found::Failed => "the lookup failed".into(),
        };
        let mx_outcome = SourceOutcome {
            source: "mx",
            ok: matches!(mx, Found::Records(..)) && !null_mx,
            trusted: false,
            ms: mx_ms,
            detail: bounds::cut(
                match known {
                    Some((name, _)) => format!("{mx_detail} ({name})"),
                    None => mx_detail,
                },
                bounds::MAX_DETAIL,
            ),
            url: None,
            profile: known.map(|(name, p)| profile_of(p, name, domain)),
        };

        // Sources in the order of trust; the first with a profile gives it.
        let mut sources = vec![autoconfig, well_known, ispdb, srv];
        sources.extend(mx_files);
        sources.push(mx_outcome);
        let chosen = sources.iter().find(|s| s.profile.is_some());
        let profile = chosen.and_then(|s| s.profile.clone()).map(|mut p| {
            // The profile speaks for the domain asked about.
            if !p.names_domain(domain) {
                p.domains.push(domain.to_string());
            }
            p
        });
        let provider = chosen.zip(profile.as_ref()).map(|(s, p)| {
            let name = p.display_name.clone().unwrap_or_else(|| domain.to_string());
            (name, s.source)
        });

        let mut drafts = Vec::new();
        if let Some(reason) = no_mail {
            drafts.push(
                Draft::new(Code::DomainNoMail, Field::Email)
                    .arg("domain", domain)
                    .arg("reason", reason),
            );
        }
        if let Some(draft) = disagreement(domain, &sources) {
            drafts.push(draft);
        }
        // Only the chosen profile is kept; the others have said what they had to.
        for s in &mut sources {
            s.profile = None;
        }
        let found = Discovered {
            domain: domain.to_string(),
            mx: records,
            null_mx,
            receives_mail,
            sources,
            provider,
            profile,
            drafts,
            ttl,
        };
        // A failed lookup is kept briefly too, so that a form asking again costs nothing.
        self.keep(&found);
        found
    }
}

/// `sources-disagree`: the domain's own file names one provider's servers while what its
/// MX records imply names another's.
fn disagreement(domain: &str, sources: &[SourceOutcome]) -> Option<Draft> {
    let of = |names: &[&str]| {
        sources
            .iter()
            .filter(|s| names.contains(&s.source))
            .find_map(|s| s.profile.as_ref())
    };
    let own = of(&["autoconfig", "well-known"])?;
    let by_mx = of(&["mx-autoconfig", "mx-ispdb", "mx"])?;
    let base = |p: &Profile| {
        p.incoming.first().and_then(|s| {
            let host = s
                .hostname
                .replace("%EMAILDOMAIN%", domain)
                .to_ascii_lowercase();
            registrable(&host)
        })
    };
    let (a, b) = (base(own)?, base(by_mx)?);
    if a == b {
        return None;
    }
    let name = |p: &Profile, fallback: String| p.display_name.clone().unwrap_or(fallback);
    Some(
        Draft::new(Code::SourcesDisagree, Field::Email)
            .arg("domain", domain)
            .arg("file", name(own, a))
            .arg("mx", name(by_mx, b)),
    )
}

#[cfg(test)]
mod tests {
    use super::mx_bases;

    #[test]
    fn mx_files_are_asked_for_the_host_less_its_first_label_then_its_registrable_domain() {
        assert_eq!(
            mx_bases("mx1.mail.example.co.uk", "shop.test"),
            ["mail.example.co.uk", "example.co.uk"]
        );
        assert_eq!(
            mx_bases("aspmx.l.google.com", "gw.test"),
            ["l.google.com", "google.com"]
        );
        // Less its first label it is the registrable domain already: asked once.
        assert_eq!(mx_bases("mx.example.com", "shop.test"), ["example.com"]);
        // Never the domain asked about itself.
        assert_eq!(mx_bases("mx.shop.test", "shop.test"), Vec::<String>::new());
    }
}
