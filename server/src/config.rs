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
    /// Requests for pages, package files and health a client may make per minute (IPv6
    /// clients by /64): cheaper than probes, not free. The API's probe and discovery have
    /// their own limits above.
    #[arg(long, env = "MAILLINT_PAGE_PER_MINUTE", default_value_t = 600)]
    pub page_per_minute: u32,
    /// Such requests a client may make at once before the per-minute rate applies (a page
    /// load is about ten files).
    #[arg(long, env = "MAILLINT_PAGE_BURST", default_value_t = 120)]
    pub page_burst: u32,
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
    /// Proxies (load balancers) whose forwarding header (`--forwarded-header`) names the client:
    /// addresses or CIDRs, `10.0.0.0/8,192.0.2.7`. None by default.
    #[arg(long, env = "MAILLINT_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<String>,
    /// The header the trusted proxies write the client's address in: `x-forwarded-for`
    /// (nginx's usual `proxy_set_header X-Forwarded-For`) or `forwarded` (RFC 7239). The
    /// other is ignored: a proxy passes the client's own copy of it through.
    #[arg(
        long,
        env = "MAILLINT_FORWARDED_HEADER",
        value_enum,
        default_value = "x-forwarded-for"
    )]
    pub forwarded_header: crate::client::ForwardedHeader,
    /// Other origins whose pages may call the API (CORS), `https://help.example.com,…`.
    /// Unset: this server's own pages only.
    #[arg(long, env = "MAILLINT_ALLOWED_ORIGINS", value_delimiter = ',')]
    pub allowed_origins: Vec<String>,
    /// Refuse API requests that carry no `Origin` (curl, server-to-server).
    #[arg(long, env = "MAILLINT_REQUIRE_ORIGIN")]
    pub require_origin: bool,
    /// A Redis shared by every instance for the rate limits: `redis://host:port/db`.
    #[arg(long, env = "MAILLINT_REDIS")]
    pub redis: Option<String>,
    /// Serve `/metrics` on this address (e.g. `127.0.0.1:9180`, reached by the scraper only).
    #[arg(long, env = "MAILLINT_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
    /// Also serve `/metrics` on the main (public) address. Off by default: the counters say
    /// how the service is used and by how many, which is not every visitor's business.
    #[arg(long, env = "MAILLINT_METRICS_PUBLIC")]
    pub metrics_public: bool,
    /// `text` or `json` (one object a line).
    #[arg(long, env = "MAILLINT_LOG_FORMAT", default_value = "text")]
    pub log_format: String,
    /// Where discovery asks Thunderbird's ISPDB for a domain's settings (the domain is
    /// appended); HTTPS only.
    #[arg(
        long,
        env = "MAILLINT_ISPDB_URL",
        default_value = "https://autoconfig.thunderbird.net/v1.1/"
    )]
    pub ispdb_url: String,
    /// Seconds a discovery answer may take, all sources together.
    #[arg(long, env = "MAILLINT_DISCOVER_TIMEOUT", default_value_t = 8.0)]
    pub discover_timeout: f64,
    /// Seconds one discovery request (a lookup, a fetch) may take.
    #[arg(long, env = "MAILLINT_DISCOVER_REQUEST_TIMEOUT", default_value_t = 3.0)]
    pub discover_request_timeout: f64,
    /// The local address probes connect from (default: the system's choice).
    #[arg(long, env = "MAILLINT_SOURCE_ADDRESS")]
    pub source_address: Option<std::net::IpAddr>,
    /// Fixed answers for name lookups, `name=ip,…` (local use and tests).
    #[arg(long, env = "MAILLINT_RESOLVE", value_delimiter = ',')]
    pub resolve: Vec<String>,
    /// A name that must have MX records: while the resolver gives it none, the resolver is
    /// not believed and discovery answers "unavailable" (never "this domain receives no
    /// mail"). `none` turns the check off, for a resolver that only knows a private zone.
    #[arg(long, env = "MAILLINT_DNS_CANARY", default_value = "gmail.com")]
    pub dns_canary: String,
    /// Ask this DNS resolver (`IP:PORT`) instead of the system's.
    #[arg(long, env = "MAILLINT_DNS_SERVER")]
    pub dns_server: Option<SocketAddr>,
    /// Seconds a whole request may take, its body included (past it: 408 and the
    /// connection closes). Never less than the probe and discovery timeouts plus two seconds.
    #[arg(long, env = "MAILLINT_REQUEST_TIMEOUT", default_value_t = 20.0)]
    pub request_timeout: f64,
    /// Connections open at once, from everyone; past it new ones are answered 503 and closed.
    #[arg(long, env = "MAILLINT_MAX_CONNECTIONS", default_value_t = 1024)]
    pub max_connections: usize,
    /// Connections open at once from one client address (IPv6 by /64).
    #[arg(
        long,
        env = "MAILLINT_MAX_CONNECTIONS_PER_CLIENT",
        default_value_t = 32
    )]
    pub max_connections_per_client: usize,
    /// Seconds an answer may wait for the client to read it; past it the connection is
    /// ended. When every place is taken, a connection whose answer has waited a second is
    /// ended to make room for a new one.
    #[arg(long, env = "MAILLINT_WRITE_TIMEOUT", default_value_t = 10.0)]
    pub write_timeout: f64,
    /// Seconds one connection may stay open, however busy; never less than the request
    /// timeout plus the header timeout.
    #[arg(long, env = "MAILLINT_CONNECTION_LIFETIME", default_value_t = 300.0)]
    pub connection_lifetime: f64,
    /// Requests one connection may carry (pipelined or one after another); the last answer
    /// says `Connection: close`.
    #[arg(
        long,
        env = "MAILLINT_MAX_REQUESTS_PER_CONNECTION",
        default_value_t = 100
    )]
    pub max_requests_per_connection: usize,
    /// Host names this server is reached by, `name,…`; requests naming another host are
    /// refused, so DNS rebinding cannot reach it. IP addresses and `localhost` are always
    /// accepted.
    #[arg(long, env = "MAILLINT_PUBLIC_NAME", value_delimiter = ',')]
    pub public_name: Vec<String>,
    /// Who may frame the pages: the CSP `frame-ancestors` sources.
    #[arg(long, env = "MAILLINT_FRAME_ANCESTORS", default_value = "'self'")]
    pub frame_ancestors: String,
}

impl Config {
    pub fn header_timeout(&self) -> Duration {
        Duration::from_secs_f64(self.header_timeout.clamp(0.1, 300.0))
    }
    pub fn probe_timeout(&self) -> Duration {
        Duration::from_secs_f64(self.probe_timeout.clamp(0.1, 120.0))
    }
    pub fn discover_timeout(&self) -> Duration {
        Duration::from_secs_f64(self.discover_timeout.clamp(0.1, 120.0))
    }
    pub fn discover_request_timeout(&self) -> Duration {
        Duration::from_secs_f64(self.discover_request_timeout.clamp(0.1, 60.0))
            .min(self.discover_timeout())
    }
    pub fn write_timeout(&self) -> Duration {
        Duration::from_secs_f64(self.write_timeout.clamp(0.1, 300.0))
    }
    pub fn connection_lifetime(&self) -> Duration {
        let at_least = self.request_timeout() + self.header_timeout();
        Duration::from_secs_f64(self.connection_lifetime.clamp(0.1, 86_400.0)).max(at_least)
    }
    pub fn request_timeout(&self) -> Duration {
        let at_least = self.probe_timeout().max(self.discover_timeout()) + Duration::from_secs(2);
        Duration::from_secs_f64(self.request_timeout.clamp(0.1, 600.0)).max(at_least)
    }

    /// The settings for tests and embedding: the defaults, as if no flag were given.
    pub fn defaults() -> Config {
        Config::parse_from(["maillint-server"])
    }
}
