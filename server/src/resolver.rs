//! Name lookups for the probe and discovery: an async DNS resolver whose timeout really
//! ends the lookup (a blocking `getaddrinfo` on a shared thread outlives its timeout), asking
//! the system's name servers or `--dns-server`. Names are always asked as absolute names: no
//! search domains, so a short name cannot be used to map the network the server runs in.
//! `--resolve name=ip` answers come first (local use and tests).
//!
//! The resolver is checked before it is believed: a restricted egress or a broken DNS
//! answers "no such name" for every public domain, and discovery must then never tell a
//! customer that `icloud.com` receives no mail. [`Resolver::healthy`] asks for the MX
//! records of a name that must have them (`--dns-canary`, gmail.com by default) at most
//! every [`HEALTH_FRESH`]; while it gets none, the resolver is unhealthy.

use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::Duration;

use hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts,
};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError, NoRecords};
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::{Name, RData, RecordType};
use hickory_resolver::TokioResolver;
use tokio::time::{timeout_at, Instant};

pub struct Resolver {
    dns: TokioResolver,
    fixed: Vec<(String, IpAddr)>,
    /// The name whose MX records prove the resolver answers (`None`: not checked).
    canary: Option<String>,
    /// When the canary was last asked, and whether it answered.
    health: Mutex<Option<(std::time::Instant, bool)>>,
}

/// How long one check of the resolver is believed.
pub const HEALTH_FRESH: Duration = Duration::from_secs(30);

/// What `/api/health` says of the resolver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Health {
    Healthy,
    Unhealthy,
    /// Not asked yet, or no canary configured.
    Unchecked,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Healthy => "healthy",
            Health::Unhealthy => "unhealthy",
            Health::Unchecked => "unchecked",
        }
    }
}

impl Resolver {
    /// `server`: the resolver to ask instead of the system's; `fixed`: `name=ip` answers;
    /// `timeout`: how long one query may wait for its answer.
    pub fn new(
        server: Option<SocketAddr>,
        fixed: &[String],
        timeout: Duration,
        canary: Option<&str>,
    ) -> Result<Resolver, String> {
        let mut answers = Vec::new();
        for entry in fixed {
            let (name, ip) = entry
                .split_once('=')
                .ok_or_else(|| format!("--resolve wants name=ip, not {entry}"))?;
            let ip: IpAddr = ip
                .parse()
                .map_err(|_| format!("--resolve: {ip} is not an IP address"))?;
            answers.push((name.trim_end_matches('.').to_ascii_lowercase(), ip));
        }
        let servers = match server {
            Some(addr) => {
                let mut udp = ConnectionConfig::udp();
                udp.port = addr.port();
                let mut tcp = ConnectionConfig::tcp();
                tcp.port = addr.port();
                vec![NameServerConfig::new(addr.ip(), true, vec![udp, tcp])]
            }
            // The system's name servers, without its search domains. A machine without a
            // resolver configuration gets none: every lookup then fails at once.
            None => hickory_resolver::system_conf::read_system_conf()
                .map(|(config, _)| config.into_parts().2)
                .unwrap_or_default(),
        };
        let mut options = ResolverOpts::default();
        options.timeout = timeout;
        options.attempts = 1;
        options.ndots = 0;
        options.use_hosts_file = ResolveHosts::Never;
        let dns = TokioResolver::builder_with_config(
            ResolverConfig::from_name_servers(servers),
            TokioRuntimeProvider::default(),
        )
        .with_options(options)
        .build()
        .map_err(|e| format!("DNS resolver: {e}"))?;
        Ok(Resolver {
            dns,
            fixed: answers,
            canary: canary.map(|c| c.trim_end_matches('.').to_ascii_lowercase()),
            health: Mutex::new(None),
        })
    }

    /// Whether the resolver answers truthfully, as far as the canary shows: asked at most
    /// every [`HEALTH_FRESH`], within `wait`. Without a canary it is believed.
    pub async fn healthy(&self, wait: Duration) -> bool {
        let Some(canary) = &self.canary else {
            return true;
        };
        if let Ok(health) = self.health.lock() {
            if let Some((at, ok)) = *health {
                if at.elapsed() < HEALTH_FRESH {
                    return ok;
                }
            }
        }
        let ok = matches!(
            self.mx(canary, Instant::now() + wait).await,
            Found::Records(..)
        );
        let before = self
            .health
            .lock()
            .ok()
            .and_then(|mut h| h.replace((std::time::Instant::now(), ok)))
            .map(|(_, was)| was);
        metrics::gauge!("maillint_resolver_healthy").set(if ok { 1.0 } else { 0.0 });
        if before != Some(ok) {
            if ok {
                tracing::info!(%canary, "the DNS resolver answers");
            } else {
                tracing::warn!(%canary, "the DNS resolver gives no MX records for the canary: discovery is unavailable until it does");
            }
        }
        ok
    }

    /// The resolver's state as last checked, without asking.
    pub fn health(&self) -> Health {
        if self.canary.is_none() {
            return Health::Unchecked;
        }
        match self.health.lock().ok().and_then(|h| *h) {
            Some((_, true)) => Health::Healthy,
            Some((_, false)) => Health::Unhealthy,
            None => Health::Unchecked,
        }
    }

    /// The addresses of `name` (lower-case ASCII, no trailing dot), asked as an absolute
    /// name; empty when it has none or the answer did not come by `deadline`.
    pub async fn addresses(&self, name: &str, deadline: Instant) -> Vec<IpAddr> {
        if let Some((_, ip)) = self.fixed.iter().find(|(n, _)| n == name) {
            return vec![*ip];
        }
        let Some(absolute) = absolute(name) else {
            return Vec::new();
        };
        match timeout_at(deadline, self.dns.lookup_ip(absolute)).await {
            Ok(Ok(found)) => found.iter().collect(),
            Ok(Err(_)) | Err(_) => Vec::new(),
        }
    }
}

/// What a lookup of one record type found. A failed lookup (timeout, SERVFAIL, no answer
/// by the deadline) is kept apart from a definite "no such name" or "no such records":
/// only the definite answers prove anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found<T> {
    /// The records, and the shortest TTL among them (seconds).
    Records(Vec<T>, u32),
    /// The name exists but has no records of this type.
    NoRecords,
    /// NXDOMAIN: the name does not exist.
    NoSuchName,
    /// Nothing definite (timeout, SERVFAIL, refused, a malformed name).
    Failed,
}

impl<T> Found<T> {
    /// The records turned into something else; the other outcomes kept as they are.
    fn map<U>(self, f: impl FnOnce(Vec<T>) -> Vec<U>) -> Found<U> {
        match self {
            Found::Records(records, ttl) => Found::Records(f(records), ttl),
            Found::NoRecords => Found::NoRecords,
            Found::NoSuchName => Found::NoSuchName,
            Found::Failed => Found::Failed,
        }
    }
}

/// An MX record: preference and exchange (`.` for a null MX, as an empty name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mx {
    pub preference: u16,
    pub host: String,
}

/// An SRV record: its target is empty for `.` (the service is not offered, RFC 6186).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Srv {
    pub priority: u16,
    pub port: u16,
    pub target: String,
}

/// A DNS name as the rest of the server writes it: lower case, no trailing dot.
fn plain(name: &Name) -> String {
    name.to_ascii().trim_end_matches('.').to_ascii_lowercase()
}

impl Resolver {
    async fn records(&self, name: &str, kind: RecordType, deadline: Instant) -> Found<RData> {
        let Some(absolute) = absolute(name) else {
            return Found::Failed;
        };
        match timeout_at(deadline, self.dns.lookup(absolute, kind)).await {
            Ok(Ok(lookup)) => {
                let answers: Vec<_> = lookup
                    .answers()
                    .iter()
                    .filter(|r| r.record_type() == kind)
                    .collect();
                if answers.is_empty() {
                    return Found::NoRecords;
                }
                let ttl = answers.iter().map(|r| r.ttl).min().unwrap_or(0);
                Found::Records(answers.iter().map(|r| r.data.clone()).collect(), ttl)
            }
            Ok(Err(NetError::Dns(DnsError::NoRecordsFound(NoRecords {
                response_code, ..
            })))) => {
                if response_code == ResponseCode::NXDomain {
                    Found::NoSuchName
                } else {
                    Found::NoRecords
                }
            }
            Ok(Err(_)) | Err(_) => Found::Failed,
        }
    }

    /// The MX records of a domain, by preference.
    pub async fn mx(&self, domain: &str, deadline: Instant) -> Found<Mx> {
        let found = self.records(domain, RecordType::MX, deadline).await;
        found.map(|data| {
            let mut mx: Vec<Mx> = data
                .into_iter()
                .filter_map(|d| match d {
                    RData::MX(m) => Some(Mx {
                        preference: m.preference,
                        host: plain(&m.exchange),
                    }),
                    _ => None,
                })
                .collect();
            mx.sort_by(|a, b| a.preference.cmp(&b.preference).then(a.host.cmp(&b.host)));
            mx
        })
    }

    /// The SRV records of a service name (`_imaps._tcp.example.com`), by priority.
    pub async fn srv(&self, name: &str, deadline: Instant) -> Found<Srv> {
        let found = self.records(name, RecordType::SRV, deadline).await;
        found.map(|data| {
            let mut srv: Vec<Srv> = data
                .into_iter()
                .filter_map(|d| match d {
                    RData::SRV(s) => Some(Srv {
                        priority: s.priority,
                        port: s.port,
                        target: plain(&s.target),
                    }),
                    _ => None,
                })
                .collect();
            srv.sort_by_key(|s| s.priority);
            srv
        })
    }

    /// Whether a name has an address (A or AAAA), for RFC 5321's implicit MX.
    pub async fn has_address(&self, name: &str, deadline: Instant) -> Found<()> {
        if self.fixed.iter().any(|(n, _)| n == name) {
            return Found::Records(vec![()], 0);
        }
        let (a, aaaa) = tokio::join!(
            self.records(name, RecordType::A, deadline),
            self.records(name, RecordType::AAAA, deadline)
        );
        match (a, aaaa) {
            (Found::Records(..), _) | (_, Found::Records(..)) => Found::Records(vec![()], 0),
            (Found::NoSuchName, _) | (_, Found::NoSuchName) => Found::NoSuchName,
            (Found::NoRecords, Found::NoRecords) => Found::NoRecords,
            _ => Found::Failed,
        }
    }
}

/// `name` as an absolute DNS name (`mail.example.com.`), which no search domain extends.
fn absolute(name: &str) -> Option<Name> {
    let mut n = Name::from_ascii(name).ok()?;
    n.set_fqdn(true);
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_asked_as_absolute_names() {
        for name in ["mail", "mail.example.com"] {
            let n = absolute(name).unwrap_or_else(Name::root);
            assert!(n.is_fqdn(), "{name}");
            assert_eq!(n.to_ascii(), format!("{name}."));
        }
    }
}
