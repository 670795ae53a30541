//! Settings, from flags or the environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

#[derive(Parser, Debug, Clone)]
#[command(
    name = "maillint-server",
    version,
    about = "maillint's page and reachability probe"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "MAILLINT_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// The repository root holding www/ and pkg/ to serve (none: API only).
    #[arg(long, env = "MAILLINT_WWW", default_value = ".")]
    pub www: PathBuf,
    /// Allow loopback, private and other special-purpose targets (local use and tests only).
    #[arg(long, env = "MAILLINT_ALLOW_PRIVATE_TARGETS")]
    pub allow_private_targets: bool,
    /// Ports a probe may connect to.
    #[arg(
        long,
        env = "MAILLINT_ALLOWED_PORTS",
        value_delimiter = ',',
        default_value = "25,110,143,465,587,993,995,2525"
    )]
    pub allowed_ports: Vec<u16>,
    /// Extra trust anchors (PEM) beside the public web roots.
    #[arg(long, env = "MAILLINT_EXTRA_CA")]
    pub extra_ca: Option<PathBuf>,
    /// Probes a client may start per minute (IPv6 clients by /64).
    #[arg(long, env = "MAILLINT_CLIENT_PER_MINUTE", default_value_t = 20)]
    pub client_per_minute: u32,
    /// Probes a client may start at once before the per-minute rate applies.
    #[arg(long, env = "MAILLINT_CLIENT_BURST", default_value_t = 10)]
    pub client_burst: u32,
    /// Probes of one target (host and port) per minute, from all clients.
    #[arg(long, env = "MAILLINT_TARGET_PER_MINUTE", default_value_t = 60)]
    pub target_per_minute: u32,
    /// Probes in flight at once; beyond it requests get 503 at once.
    #[arg(long, env = "MAILLINT_MAX_IN_FLIGHT", default_value_t = 256)]
    pub max_in_flight: usize,
    /// Largest request body, in bytes.
    #[arg(long, env = "MAILLINT_BODY_LIMIT", default_value_t = 4096)]
    pub body_limit: usize,
    /// Seconds a client may take to send its request headers.
    #[arg(long, env = "MAILLINT_HEADER_TIMEOUT", default_value_t = 10.0)]
    pub header_timeout: f64,
    /// Seconds for each phase of a probe and for the whole probe.
    #[arg(long, env = "MAILLINT_PROBE_TIMEOUT", default_value_t = 10.0)]
    pub probe_timeout: f64,
    /// The local address probes connect from (default: the system's choice).
    #[arg(long, env = "MAILLINT_SOURCE_ADDRESS")]
    pub source_address: Option<std::net::IpAddr>,
    /// Fixed answers for name lookups, `name=ip,…` (local use and tests).
    #[arg(long, env = "MAILLINT_RESOLVE", value_delimiter = ',')]
    pub resolve: Vec<String>,
}

impl Config {
    pub fn header_timeout(&self) -> Duration {
        Duration::from_secs_f64(self.header_timeout.clamp(0.1, 300.0))
    }
    pub fn probe_timeout(&self) -> Duration {
        Duration::from_secs_f64(self.probe_timeout.clamp(0.1, 120.0))
    }

    /// The settings for tests and embedding: the defaults, as if no flag were given.
    pub fn defaults() -> Config {
        Config::parse_from(["maillint-server"])
    }
}
