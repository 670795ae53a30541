//! The server's state, made once at start from the flags: the limits, the resolver, the
//! probe's and discovery's settings, the shared Redis. A flag with a wrong value stops the
//! start with a [`StartError`] that names it.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use tokio::sync::Semaphore;

use crate::client::TrustedProxies;
use crate::config::Config;
use crate::discover::fetch::Fetcher;
use crate::discover::{self, DiscoverSettings};
use crate::limits::{Limiter, Redis};
use crate::probe::{self, ProbeSettings};
use crate::resolver::Resolver;

/// Why the server did not start.
#[derive(Debug)]
pub enum StartError {
    /// A flag's value is not usable; the text names the flag.
    Flag(String),
    /// A file a flag names cannot be read.
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// An address cannot be listened on.
    Listen {
        addr: SocketAddr,
        what: &'static str,
        source: std::io::Error,
    },
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Flag(why) => f.write_str(why),
            StartError::Read { path, source } => write!(f, "{}: {source}", path.display()),
            StartError::Listen { addr, what, source } => {
                write!(f, "cannot listen on {addr} for {what}: {source}")
            }
        }
    }
}

impl std::error::Error for StartError {}

impl From<String> for StartError {
    /// The parts below (proxies, Redis, resolver, TLS roots, the page's policy) say what is
    /// wrong with their flag as text.
    fn from(why: String) -> StartError {
        StartError::Flag(why)
    }
}

pub struct AppState {
    pub config: Config,
    pub probe: ProbeSettings,
    pub discover: DiscoverSettings,
    pub(crate) clients: Limiter<IpAddr>,
    pub(crate) discover_clients: Limiter<IpAddr>,
    /// Pages, package files and health, per client (`--page-per-minute`).
    pub(crate) pages: Limiter<IpAddr>,
    pub(crate) in_flight: Arc<Semaphore>,
    pub(crate) proxies: TrustedProxies,
    /// Shared by the instances: the limits, and discovery's answers.
    pub(crate) redis: Option<Arc<Redis>>,
    /// Set on SIGTERM: `/api/health` says "draining" while requests in flight finish.
    pub draining: AtomicBool,
}

impl AppState {
    pub fn new(config: Config) -> Result<AppState, StartError> {
        let extra = match &config.extra_ca {
            Some(path) => Some(std::fs::read(path).map_err(|source| StartError::Read {
                path: path.clone(),
                source,
            })?),
            None => None,
        };
        let roots = probe::tls::roots(extra.as_deref())?;
        let canary = Some(config.dns_canary.as_str()).filter(|c| *c != "none" && !c.is_empty());
        let resolver = Arc::new(Resolver::new(
            config.dns_server,
            &config.resolve,
            config.probe_timeout(),
            canary,
        )?);
        let roots = Arc::new(roots);
        if !config.ispdb_url.starts_with("https://") {
            return Err(StartError::Flag(format!(
                "--ispdb-url must be https://, not {}",
                config.ispdb_url
            )));
        }
        let proxies = TrustedProxies::parse(&config.trusted_proxies, config.forwarded_header)?;
        let redis = match &config.redis {
            Some(url) => Some(Redis::start(url)?),
            None => None,
        };
        let fetcher = Fetcher {
            resolver: resolver.clone(),
            tls: Arc::new(discover::fetch::tls_config(roots.clone())?),
            allow_private_targets: config.allow_private_targets,
        };
        Ok(AppState {
            discover: DiscoverSettings::new(
                fetcher,
                resolver.clone(),
                &config.ispdb_url,
                config.discover_request_timeout(),
                config.discover_timeout(),
                Limiter::new(config.target_per_minute, config.target_per_minute.max(1))
                    .shared("domain", redis.clone()),
            ),
            discover_clients: Limiter::new(config.client_per_minute, config.client_burst)
                .shared("discover-client", redis.clone()),
            probe: ProbeSettings {
                allow_private_targets: config.allow_private_targets,
                roots,
                timeout: config.probe_timeout(),
                resolver,
                targets: Arc::new(
                    Limiter::new(config.target_per_minute, config.target_per_minute.max(1))
                        .shared("target", redis.clone()),
                ),
                source: config.source_address,
            },
            clients: Limiter::new(config.client_per_minute, config.client_burst)
                .shared("client", redis.clone()),
            pages: Limiter::new(config.page_per_minute, config.page_burst)
                .shared("page-client", redis.clone()),
            redis,
            in_flight: Arc::new(Semaphore::new(config.max_in_flight)),
            proxies,
            draining: AtomicBool::new(false),
            config,
        })
    }
}
