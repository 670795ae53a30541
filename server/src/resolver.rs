//! Name lookups for the probe (and, later, discovery): an async DNS resolver whose timeout
//! really ends the lookup (a blocking `getaddrinfo` on a shared thread outlives its
//! timeout), asking the system's name servers or `--dns-server`. Names are always asked as
//! absolute names: no search domains, so a short name cannot be used to map the network the
//! server runs in. `--resolve name=ip` answers come first (local use and tests).

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts,
};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::Name;
use hickory_resolver::TokioResolver;
use tokio::time::{timeout_at, Instant};

pub struct Resolver {
    dns: TokioResolver,
    fixed: Vec<(String, IpAddr)>,
}

impl Resolver {
    /// `server`: the resolver to ask instead of the system's; `fixed`: `name=ip` answers;
    /// `timeout`: how long one query may wait for its answer.
    pub fn new(
        server: Option<SocketAddr>,
        fixed: &[String],
        timeout: Duration,
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
        })
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
