//! The HTTP side: `POST /api/probe`, `GET /api/health`, and the sample page with the wasm
//! package. Requests are refused before any socket opens when they break a rule: 400
//! malformed, 403 forbidden target or port, 413 too large, 429 too many (Retry-After), 503
//! when the probes in flight are at their cap (at once, never queued).

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Body;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hyper_util::rt::{TokioIo, TokioTimer};
use maillint::codes::ProbeCode;
use maillint::context::Side;
use maillint::render::render;
use maillint::settings::{Field, Protocol, Security, SecurityInput};
use maillint::{Draft, Finding, Locale};
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::client::TrustedProxies;
use crate::config::Config;
use crate::conn::{Ended, Watch, Watched};
use crate::discover::fetch::Fetcher;
use crate::discover::{self, DiscoverSettings};
use crate::guard::{self, Refusal, Target};
use crate::limits::{client_key, Limiter, Redis};
use crate::probe::{self, ProbeRequest, ProbeSettings, StepAnswer};
use crate::resolver::Resolver;
use crate::web::{self, Policy};

pub struct AppState {
    pub config: Config,
    pub probe: ProbeSettings,
    pub discover: DiscoverSettings,
    clients: Limiter<IpAddr>,
    discover_clients: Limiter<IpAddr>,
    in_flight: Arc<Semaphore>,
    proxies: TrustedProxies,
    /// Shared by the instances: the limits, and discovery's answers.
    redis: Option<Arc<Redis>>,
    /// Set on SIGTERM: `/api/health` says "draining" while requests in flight finish.
    pub draining: AtomicBool,
}

impl AppState {
    pub fn new(config: Config) -> Result<AppState, String> {
        let extra = match &config.extra_ca {
            Some(path) => {
                Some(std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?)
            }
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
            return Err(format!(
                "--ispdb-url must be https://, not {}",
                config.ispdb_url
            ));
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
            redis,
            in_flight: Arc::new(Semaphore::new(config.max_in_flight)),
            proxies,
            draining: AtomicBool::new(false),
            config,
        })
    }
}

#[derive(Deserialize, Default)]
struct LocaleQuery {
    locale: Option<String>,
}

/// A probe request. Unknown fields are refused: nothing else, and never a password.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProbeBody {
    host: String,
    port: u32,
    protocol: String,
    security: String,
}

#[derive(Serialize)]
struct ProbeAnswer {
    ok: bool,
    steps: Vec<StepAnswer>,
    findings: Vec<Finding>,
}

#[derive(Serialize)]
struct Refused {
    ok: bool,
    error: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    finding: Option<Finding>,
}

fn refuse(status: StatusCode, error: impl Into<String>, finding: Option<Finding>) -> Response {
    (
        status,
        Json(Refused {
            ok: false,
            error: error.into(),
            finding,
        }),
    )
        .into_response()
}

/// A refusal's finding, naming one value.
fn finding(
    code: ProbeCode,
    field: Field,
    arg: (&'static str, maillint::messages::Arg),
    locale: Locale,
) -> Finding {
    render(Draft::new(code.into(), field).arg(arg.0, arg.1), locale)
}

async fn health(State(state): State<Arc<AppState>>) -> Response {
    if state.draining.load(Ordering::Relaxed) {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "ok": false, "status": "draining" })),
        )
            .into_response();
    }
    Json(serde_json::json!({
        "ok": true,
        "status": "serving",
        "resolver": state.discover.resolver.health().as_str(),
    }))
    .into_response()
}

/// `/metrics` in the Prometheus text format.
async fn metrics_handler(State(state): State<Arc<AppState>>) -> Response {
    let busy = state.config.max_in_flight - state.in_flight.available_permits();
    metrics::gauge!("maillint_in_flight").set(busy as f64);
    let text = crate::metrics::render();
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4"),
        )],
        text,
    )
        .into_response()
}

/// The locale asked for and the body, up to the body limit (413 past it).
async fn read_request(
    state: &AppState,
    query: LocaleQuery,
    body: Body,
) -> Result<(Locale, bytes::Bytes), Response> {
    let locale = query
        .locale
        .as_deref()
        .map(Locale::from_tag)
        .unwrap_or_default();
    match axum::body::to_bytes(body, state.config.body_limit).await {
        Ok(bytes) => Ok((locale, bytes)),
        Err(_) => Err(refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is over {} bytes", state.config.body_limit),
            None,
        )),
    }
}

async fn probe_handler(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Query(query): Query<LocaleQuery>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let client = state.proxies.client(peer.ip(), &headers);
    let (locale, bytes) = match read_request(&state, query, body).await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return refuse(StatusCode::BAD_REQUEST, "the body is not JSON", None);
    };
    if let Some(obj) = value.as_object() {
        let secret = obj.keys().any(|k| {
            let k = k.to_ascii_lowercase();
            k.contains("pass")
                || k.contains("secret")
                || k.contains("token")
                || k.contains("credential")
        });
        if secret {
            return refuse(
                StatusCode::BAD_REQUEST,
                "this service never takes a password",
                None,
            );
        }
    }
    let body: ProbeBody = match serde_json::from_value(value) {
        Ok(b) => b,
        Err(e) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                format!("malformed request: {e}"),
                None,
            )
        }
    };
    let protocol = match body.protocol.to_ascii_lowercase().as_str() {
        "imap" => Protocol::Imap,
        "pop3" | "pop" => Protocol::Pop3,
        "smtp" => Protocol::Smtp,
        _ => {
            return refuse(
                StatusCode::BAD_REQUEST,
                "protocol must be imap, pop3 or smtp",
                None,
            )
        }
    };
    let security = match Security::parse(&body.security) {
        Some(SecurityInput::Exact(s)) => s,
        _ => {
            return refuse(
                StatusCode::BAD_REQUEST,
                "security must be tls, starttls or none",
                None,
            )
        }
    };
    let side = Side::of(protocol);
    let host_field = side.host_field();
    let port_field = side.port_field();
    let Ok(port) = u16::try_from(body.port) else {
        return refuse(StatusCode::BAD_REQUEST, "port must be 1 to 65535", None);
    };
    if !state.config.allowed_ports.contains(&port) {
        let f = finding(
            ProbeCode::PortForbidden,
            port_field,
            ("port", port.into()),
            locale,
        );
        return refuse(StatusCode::FORBIDDEN, "port not allowed", Some(f));
    }
    // Shown as typed, but never more than a name's length, in messages that refuse it.
    let host_arg = (
        "host",
        body.host
            .trim()
            .chars()
            .take(253)
            .collect::<String>()
            .into(),
    );
    let target = match guard::parse_target(&body.host) {
        Ok(t) => t,
        Err(Refusal::Malformed(why)) => return refuse(StatusCode::BAD_REQUEST, why, None),
        Err(Refusal::NumericSpelling) => {
            let f = finding(
                ProbeCode::TargetForbidden,
                host_field,
                host_arg.clone(),
                locale,
            );
            return refuse(
                StatusCode::FORBIDDEN,
                "a number spelt as a host name",
                Some(f),
            );
        }
    };
    if let Target::Ip(ip) = target {
        if !state.config.allow_private_targets && guard::is_forbidden(ip) {
            let f = finding(ProbeCode::TargetForbidden, host_field, host_arg, locale);
            return refuse(StatusCode::FORBIDDEN, "a special-purpose address", Some(f));
        }
    }
    if let Err(wait) = state.clients.take(&client_key(client)).await {
        return rate_limited("probe", wait, host_field, locale);
    }
    let Ok(permit) = state.in_flight.clone().try_acquire_owned() else {
        return refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "too many probes in flight; try again soon",
            None,
        );
    };
    let request = ProbeRequest {
        // The normalised form (trimmed, no trailing dot, punycode, canonical IP) is what is
        // probed, limited, logged and echoed.
        host: target.to_string(),
        target,
        port,
        protocol,
        security,
    };
    let started = Instant::now();
    let result = probe::probe(&request, &state.probe).await;
    let ok = result.ok();
    let codes: Vec<&str> = result.drafts.iter().map(|d| d.code.as_str()).collect();
    metrics::histogram!("maillint_probe_seconds").record(started.elapsed().as_secs_f64());
    if codes.is_empty() {
        metrics::counter!("maillint_probes_total", "outcome" => "ok").increment(1);
    }
    for code in &codes {
        metrics::counter!("maillint_probes_total", "outcome" => *code).increment(1);
    }
    // Host, port and outcome only: nothing else about the request is logged.
    tracing::info!(host = %request.host, port, protocol = protocol.as_str(), ok, findings = ?codes, "probe");
    if let Some(wait) = result.rate_limited {
        return rate_limited("probe", wait, host_field, locale);
    }
    let status = if result.forbidden {
        StatusCode::FORBIDDEN
    } else {
        StatusCode::OK
    };
    let findings = result
        .drafts
        .into_iter()
        .map(|d| render(d, locale))
        .collect();
    let answer = ProbeAnswer {
        ok,
        steps: result.steps.iter().map(|s| s.render(locale)).collect(),
        findings,
    };
    // The in-flight permit goes with the answer's body: held until hyper has taken the
    // answer for writing (see HeldBody), not only until the probe ends.
    let body = serde_json::to_vec(&answer).unwrap_or_default();
    let mut response = json_response(body, permit);
    *response.status_mut() = status;
    response
}

/// Reads a discovery request: exactly `{ "domain": "…" }`, the domain as a name (IDN in
/// its ASCII form) with at least two labels.
fn discover_domain(bytes: &[u8]) -> Result<String, &'static str> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|_| "the body is not JSON")?;
    let obj = value.as_object().ok_or("the body must be an object")?;
    if obj.keys().any(|k| k != "domain") {
        return Err("only the domain is taken: no address, no password, nothing else");
    }
    let domain = obj
        .get("domain")
        .and_then(|d| d.as_str())
        .ok_or("domain must be text")?;
    match guard::parse_target(domain) {
        Ok(Target::Name(name)) if name.contains('.') => Ok(name),
        Ok(Target::Name(_)) => Err("give a domain with a dot, such as example.com"),
        Ok(Target::Ip(_)) => Err("give a domain, not an IP address"),
        Err(Refusal::Malformed(_)) | Err(Refusal::NumericSpelling) => {
            Err("not a domain name (give example.com, not a URL or an address)")
        }
    }
}

async fn discover_handler(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Query(query): Query<LocaleQuery>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let client = state.proxies.client(peer.ip(), &headers);
    let (locale, bytes) = match read_request(&state, query, body).await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    let domain = match discover_domain(&bytes) {
        Ok(d) => d,
        Err(why) => return refuse(StatusCode::BAD_REQUEST, why, None),
    };
    if let Err(wait) = state.discover_clients.take(&client_key(client)).await {
        return rate_limited("discover", wait, Field::Email, locale);
    }
    let Ok(permit) = state.in_flight.clone().try_acquire_owned() else {
        return refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "too many requests in flight; try again soon",
            None,
        );
    };
    // An answer this instance or another one (in this language) has kept is served without
    // charging the domain's limit: only a question that makes the server ask the sources
    // counts, so a few clients cannot lock a popular domain's discovery for everyone.
    if let Some(found) = state.discover.cached(&domain) {
        let body =
            serde_json::to_vec(&discover::answer::answer(&found, locale)).unwrap_or_default();
        return json_response(body, permit);
    }
    let shared_key = format!("maillint:discover:{}:{domain}", locale.tag());
    if let Some(redis) = &state.redis {
        if let Some(body) = redis.get(&shared_key).await {
            if discover::answer::is_answer_for(&body, &domain) {
                return json_response(body.into_bytes(), permit);
            }
            // Something else under our key (another program's value, a tampered Redis):
            // a miss, never served.
            metrics::counter!("maillint_redis_junk_total").increment(1);
            tracing::warn!(key = %shared_key, bytes = body.len(), "a cached discovery answer did not parse; asking the sources");
        }
    }
    // A resolver that answers "no such name" for everything would make every domain look
    // as if it received no mail: while it fails its check, discovery is unavailable.
    if !state
        .discover
        .resolver
        .healthy(state.config.discover_request_timeout())
        .await
    {
        return refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "discovery is unavailable: this server's DNS resolver is not answering correctly",
            None,
        );
    }
    if let Err(wait) = state.discover.domains.take(&domain).await {
        return rate_limited("discover", wait, Field::Email, locale);
    }
    let started = Instant::now();
    let found = state.discover.discover(&domain).await;
    metrics::histogram!("maillint_discover_seconds").record(started.elapsed().as_secs_f64());
    let sources: Vec<String> = found
        .sources
        .iter()
        .map(|s| format!("{}={}", s.source, if s.ok { "ok" } else { "no" }))
        .collect();
    // The domain and the outcome only: nothing else about the request is logged.
    tracing::info!(domain = %domain, ms = started.elapsed().as_millis() as u64, sources = ?sources, "discover");
    let body = serde_json::to_vec(&discover::answer::answer(&found, locale)).unwrap_or_default();
    if let (Some(redis), Ok(text)) = (&state.redis, std::str::from_utf8(&body)) {
        // Each shared answer is bounded like a cached one; with at most one key per domain
        // and language, kept at most 300 s, and discoveries charged per domain, the total
        // is bounded by the rate of new domains (an operator caps it with maxmemory).
        if text.len() <= discover::CACHE_ENTRY_BYTES {
            let seconds = u64::from(found.ttl).clamp(30, 300);
            redis.set(&shared_key, text, seconds).await;
        }
    }
    json_response(body, permit)
}

/// A JSON answer that holds its in-flight permit until it is written.
fn json_response(body: Vec<u8>, permit: tokio::sync::OwnedSemaphorePermit) -> Response {
    let mut response = Response::new(Body::new(HeldBody::new(body, permit)));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// 429 with `Retry-After` and the rate-limited finding.
fn rate_limited(
    route: &'static str,
    wait: std::time::Duration,
    host_field: Field,
    locale: Locale,
) -> Response {
    metrics::counter!("maillint_rate_limited_total", "route" => route).increment(1);
    let seconds = wait.as_secs().max(1);
    let f = finding(
        ProbeCode::RateLimited,
        host_field,
        ("seconds", seconds.to_string().into()),
        locale,
    );
    let mut response = refuse(StatusCode::TOO_MANY_REQUESTS, "too many probes", Some(f));
    if let Ok(v) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}

/// A response body that holds something (the in-flight permit) until it is dropped. hyper
/// drops it once it has taken the body's one frame into the connection's write buffer, not
/// when the client has read it: a client that stops reading holds no in-flight slot (its
/// connection is ended by the write deadline, `conn.rs`).
struct HeldBody<T> {
    data: Option<bytes::Bytes>,
    _held: T,
}

impl<T> HeldBody<T> {
    fn new(data: Vec<u8>, held: T) -> HeldBody<T> {
        HeldBody {
            data: Some(bytes::Bytes::from(data)),
            _held: held,
        }
    }
}

impl<T: Unpin> http_body::Body for HeldBody<T> {
    type Data = bytes::Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::task::Poll::Ready(
            self.get_mut()
                .data
                .take()
                .map(|d| Ok(http_body::Frame::data(d))),
        )
    }

    fn is_end_stream(&self) -> bool {
        self.data.is_none()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        let len = self.data.as_ref().map_or(0, |d| d.len() as u64);
        http_body::SizeHint::with_exact(len)
    }
}

/// The routes: the API, and the page with its package when `www` holds them; every request
/// through [`web::guard`].
pub fn router(state: Arc<AppState>, policy: Arc<Policy>) -> Router {
    let root = Arc::new(state.config.www.clone());
    let mut routes = Router::new();
    // On the main (public) address only when asked for; --metrics-listen is the usual place.
    if state.config.metrics_public {
        routes = routes.route("/metrics", get(metrics_handler));
    }
    routes
        .route("/api/health", get(health))
        .route("/api/probe", post(probe_handler))
        .route("/api/discover", post(discover_handler))
        .route("/", get(|| async { Redirect::temporary("/www/") }))
        .fallback(move |req: axum::extract::Request| web::static_files(root.clone(), req))
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(policy, web::guard))
}

/// Open connections, in total and per client address (IPv6 by /64).
struct Connections {
    total: usize,
    per_client: HashMap<IpAddr, usize>,
    /// Each open connection's watch, by its slot number, so that admission can end one
    /// whose answer goes unread when every place is taken.
    watches: HashMap<u64, Arc<Watch>>,
    next_slot: u64,
}

/// One open connection's place in [`Connections`], given back when it closes.
struct Slot {
    open: Arc<Mutex<Connections>>,
    client: IpAddr,
    number: u64,
    watch: Arc<Watch>,
}

/// How long an answer must have waited before admission may end its connection for a
/// newcomer: a client reading normally never waits this long between two writes.
const EVICT_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.open.lock() {
            open.watches.remove(&self.number);
            open.total = open.total.saturating_sub(1);
            if let Some(n) = open.per_client.get_mut(&self.client) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    open.per_client.remove(&self.client);
                }
            }
        }
    }
}

/// Takes a place for a new connection from `client`, or `None` past either cap. When every
/// place is taken, the connection whose answer has gone unread longest (a second at least)
/// is ended to make room: clients that stop reading cannot hold the server.
fn admit(
    open: &Arc<Mutex<Connections>>,
    client: IpAddr,
    per_client: bool,
    config: &Config,
) -> Option<Slot> {
    let mut guard = open.lock().ok()?;
    let from_client = guard.per_client.get(&client).copied().unwrap_or(0);
    if per_client && from_client >= config.max_connections_per_client {
        return None;
    }
    if guard.total >= config.max_connections {
        let stalled = guard
            .watches
            .values()
            .filter_map(|w| w.unread_for().map(|d| (d, w)))
            .filter(|(d, _)| *d >= EVICT_AFTER)
            .max_by_key(|(d, _)| *d)
            .map(|(_, w)| w.clone())?;
        stalled.evict();
        metrics::counter!("maillint_connections_ended_total", "why" => Ended::Evicted.as_str())
            .increment(1);
    }
    guard.total += 1;
    guard.per_client.insert(client, from_client + 1);
    let number = guard.next_slot;
    guard.next_slot = guard.next_slot.wrapping_add(1);
    let watch = Watch::new();
    guard.watches.insert(number, watch.clone());
    Some(Slot {
        open: open.clone(),
        client,
        number,
        watch,
    })
}

/// What a connection past the caps is told before it is closed.
const TOO_MANY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: 48\r\n\r\n{\"ok\":false,\"error\":\"too many connections open\"}";

/// Raises the open-file limit to what the system allows, so that the connection caps, not
/// the descriptor limit, are what bounds the server. Returns the limit in force.
fn raise_descriptor_limit() -> u64 {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => limit,
        Err(_) => rlimit::getrlimit(rlimit::Resource::NOFILE).map_or(0, |(soft, _)| soft),
    }
}

/// Binds and serves until the process ends; returns the bound address.
pub async fn serve(config: Config) -> Result<(SocketAddr, tokio::task::JoinHandle<()>), String> {
    let server = start(config).await?;
    Ok((server.addr, server.accepting))
}

/// A running server.
pub struct Server {
    pub addr: SocketAddr,
    /// Where `/metrics` is served with `--metrics-listen`.
    pub metrics_addr: Option<SocketAddr>,
    pub state: Arc<AppState>,
    /// The accept loop; it ends when `stop` is notified.
    pub accepting: tokio::task::JoinHandle<()>,
    stop: Arc<tokio::sync::Notify>,
}

impl Server {
    /// Drains: `/api/health` says "draining" (503), no new connection is accepted, and the
    /// requests in flight finish (up to the request timeout). Then it returns.
    pub async fn drain(self) {
        self.state.draining.store(true, Ordering::Relaxed);
        self.stop.notify_one();
        let _ = self.accepting.await;
        tracing::info!("draining: no new connections; waiting for requests in flight");
        let deadline = tokio::time::Instant::now() + self.state.config.request_timeout();
        let all = self.state.config.max_in_flight;
        while self.state.in_flight.available_permits() < all
            && tokio::time::Instant::now() < deadline
        {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        tracing::info!("drained");
    }
}

/// Serves `/metrics` alone on `addr` (`--metrics-listen`), so it need not be public.
async fn serve_metrics(addr: SocketAddr, state: Arc<AppState>) -> Result<SocketAddr, String> {
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr} for metrics: {e}"))?;
    let bound = listener.local_addr().map_err(|e| e.to_string())?;
    let app = Router::new()
        .route("/metrics", get(metrics_handler))
        .with_state(state);
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(bound)
}

/// Starts listening and accepting.
pub async fn start(config: Config) -> Result<Server, String> {
    crate::metrics::install();
    let header_timeout = config.header_timeout();
    let request_timeout = config.request_timeout();
    let descriptors = raise_descriptor_limit();
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let policy = Arc::new(Policy::new(&config)?);
    let state = Arc::new(AppState::new(config)?);
    let open = Arc::new(Mutex::new(Connections {
        total: 0,
        per_client: HashMap::new(),
        watches: HashMap::new(),
        next_slot: 0,
    }));
    let write_timeout = state.config.write_timeout();
    let lifetime = state.config.connection_lifetime();
    let max_requests = state.config.max_requests_per_connection.max(1);
    tracing::info!(
        descriptors,
        max_connections = state.config.max_connections,
        "listening"
    );
    let metrics_addr = match state.config.metrics_listen {
        Some(at) => {
            let bound = serve_metrics(at, state.clone()).await?;
            tracing::info!(%bound, "metrics");
            Some(bound)
        }
        None => None,
    };
    // The resolver's health, kept fresh for `/api/health` and the metrics.
    let checked = Arc::downgrade(&state);
    tokio::spawn(async move {
        while let Some(state) = checked.upgrade() {
            let wait = state.config.discover_request_timeout();
            state.discover.resolver.healthy(wait).await;
            drop(state);
            tokio::time::sleep(crate::resolver::HEALTH_FRESH).await;
        }
    });
    let app = router(state.clone(), policy);
    let stop = Arc::new(tokio::sync::Notify::new());
    let stopped = stop.clone();
    let loop_state = state.clone();
    let handle = tokio::spawn(async move {
        let state = loop_state;
        loop {
            let accepted = tokio::select! {
                a = listener.accept() => a,
                _ = stopped.notified() => break,
            };
            let (stream, peer) = match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of descriptors (EMFILE) or the like: retrying at once would spin.
                    // Pause; connections closing meanwhile free descriptors.
                    tracing::warn!(error = %e, "accept failed; pausing");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    continue;
                }
            };
            // A trusted proxy carries many clients: only the total cap applies to it.
            let per_client = !state.proxies.trusts(peer.ip());
            let Some(slot) = admit(&open, client_key(peer.ip()), per_client, &state.config) else {
                // Past the caps: one try to say so, without waiting, then closed.
                let _ = stream.try_write(TOO_MANY);
                drop(stream);
                continue;
            };
            let app = app.clone();
            tokio::spawn(async move {
                let watch = slot.watch.clone();
                let _slot = slot;
                let served = Arc::new(std::sync::atomic::AtomicUsize::new(0));
                let service = hyper::service::service_fn(
                    move |mut req: hyper::Request<hyper::body::Incoming>| {
                        req.extensions_mut().insert(ConnectInfo(peer));
                        let app = app.clone();
                        let route = crate::metrics::route(req.uri().path());
                        // Requests after the cap are never read: the last answer closes.
                        let last = served.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
                            >= max_requests;
                        async move {
                            // The whole request, its body included, within the timeout:
                            // a body that trickles or never ends is cut off.
                            let answer = tokio::time::timeout(
                                request_timeout,
                                app.oneshot(req.map(Body::new)),
                            )
                            .await;
                            let answer = match answer {
                                Ok(response) => Ok(response.into_response()),
                                Err(e) => Err(e),
                            };
                            if let Ok(r) = &answer {
                                metrics::counter!(
                                    "maillint_requests_total",
                                    "route" => route,
                                    "status" => r.status().as_u16().to_string()
                                )
                                .increment(1);
                            }
                            Ok::<_, Infallible>(match answer {
                                Ok(mut response) => {
                                    if last {
                                        response.headers_mut().insert(
                                            header::CONNECTION,
                                            HeaderValue::from_static("close"),
                                        );
                                    }
                                    response
                                }
                                Err(_) => {
                                    let mut r = refuse(
                                        StatusCode::REQUEST_TIMEOUT,
                                        "the request took too long",
                                        None,
                                    );
                                    r.headers_mut().insert(
                                        header::CONNECTION,
                                        HeaderValue::from_static("close"),
                                    );
                                    r
                                }
                            })
                        }
                    },
                );
                let mut builder = hyper::server::conn::http1::Builder::new();
                // A client that trickles its headers (slowloris), or idles between requests,
                // is cut off.
                builder
                    .timer(TokioTimer::new())
                    .header_read_timeout(Some(header_timeout));
                let connection = builder
                    .serve_connection(TokioIo::new(Watched::new(stream, watch.clone())), service);
                // Reading is bounded by the header and request timeouts; writing and the
                // connection's whole life by its watch (conn.rs).
                tokio::select! {
                    _ = connection => {}
                    why = watch.ended(write_timeout, lifetime) => {
                        metrics::counter!("maillint_connections_ended_total", "why" => why.as_str())
                            .increment(1);
                    }
                }
            });
        }
    });
    Ok(Server {
        addr,
        metrics_addr,
        state,
        accepting: handle,
        stop,
    })
}
