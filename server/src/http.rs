//! The accept loop: every connection is admitted under the caps (in total and per client,
//! a trusted proxy exempt from the second), read under the header and request timeouts,
//! written under its watch (`conn.rs`: an answer must be read within `--write-timeout`, a
//! connection lives at most `--connection-lifetime` and carries at most
//! `--max-requests-per-connection`), and counted in the metrics. The routes themselves are
//! in `routes/`, the state in `app.rs`.
//!
//! The loop is our own rather than `axum::serve` because admission needs the peer before
//! anything is read (per-client caps, evicting a connection whose answer goes unread) and
//! each connection needs its watch (`conn.rs`). The router's own layers: the page guard
//! (hosts, origins, CORS: `web.rs`), the request deadline (408 with the API's JSON and
//! `Connection: close`, which tower-http's `TimeoutLayer`, an empty 408, would not give) and
//! the request counter (outermost, so that a timed-out request is counted too). No tracing
//! layer: each route logs the few fields it may (never a body, a header or an address's
//! local part).

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tower::ServiceExt;

pub use crate::app::{AppState, StartError};
use crate::config::Config;
use crate::conn::{admit, Connections, Watched, TOO_MANY};
use crate::limits::client_key;
use crate::routes::{self, error::ApiError};
use crate::web::{self, Policy};

/// The routes: the API, and the page with its package when `www` holds them; every request
/// through [`web::guard`].
pub fn router(state: Arc<AppState>, policy: Arc<Policy>) -> Router {
    let root = Arc::new(state.config.www.clone());
    let timeout = state.config.request_timeout();
    let mut routes = Router::new();
    // On the main (public) address only when asked for; --metrics-listen is the usual place.
    if state.config.metrics_public {
        routes = routes.route(routes::METRICS, get(routes::health::metrics));
    }
    routes
        .route(routes::HEALTH, get(routes::health::health))
        .route(routes::PROBE, post(routes::probe::handler))
        .route(routes::DISCOVER, post(routes::discover::handler))
        .route("/", get(|| async { Redirect::temporary("/www/") }))
        .fallback(move |req: axum::extract::Request| web::static_files(root.clone(), req))
        .with_state(state.clone())
        .layer(axum::middleware::from_fn_with_state(state, page_rate))
        .layer(axum::middleware::from_fn_with_state(policy, web::guard))
        .layer(axum::middleware::from_fn_with_state(timeout, deadline))
        .layer(axum::middleware::from_fn(count))
}

/// The whole request, its body included, within `--request-timeout`: a body that trickles
/// or never ends is cut off with 408 (the API's JSON, and the connection closed).
async fn deadline(
    State(timeout): State<Duration>,
    req: axum::extract::Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(timeout, next.run(req)).await {
        Ok(response) => response,
        Err(_) => {
            let mut r = ApiError::new(StatusCode::REQUEST_TIMEOUT, "the request took too long")
                .into_response();
            r.headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            r
        }
    }
}

/// Pages, package files and health count against a per-client rate of their own
/// (`--page-per-minute`, `--page-burst`): cheaper than a probe, not free. Probes and
/// discovery are limited in their handlers, where the refusal carries a finding.
async fn page_rate(
    State(state): State<Arc<AppState>>,
    req: axum::extract::Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    if path == routes::PROBE || path == routes::DISCOVER {
        return next.run(req).await;
    }
    let client = routes::request::client_of(&req, &state);
    match state.pages.take(&client_key(client)).await {
        Ok(()) => next.run(req).await,
        Err(wait) => ApiError::too_many_requests(wait).into_response(),
    }
}

/// Every answer counted by route and status (`maillint_requests_total`), timed-out ones too.
async fn count(req: axum::extract::Request, next: Next) -> Response {
    let route = routes::label(req.uri().path());
    let response = next.run(req).await;
    metrics::counter!(
        "maillint_requests_total",
        "route" => route,
        "status" => response.status().as_u16().to_string()
    )
    .increment(1);
    response
}

/// `/metrics` alone, for `--metrics-listen`.
pub fn metrics_router(state: Arc<AppState>) -> Router {
    Router::new()
        .route(routes::METRICS, get(routes::health::metrics))
        .with_state(state)
}

/// Raises the open-file limit to what the system allows, so that the connection caps, not
/// the descriptor limit, are what bounds the server. Returns the limit in force.
fn raise_descriptor_limit() -> u64 {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => limit,
        Err(_) => rlimit::getrlimit(rlimit::Resource::NOFILE).map_or(0, |(soft, _)| soft),
    }
}

/// Binds and serves until the process ends; returns the bound address.
pub async fn serve(
    config: Config,
) -> Result<(SocketAddr, tokio::task::JoinHandle<()>), StartError> {
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
async fn serve_metrics(addr: SocketAddr, state: Arc<AppState>) -> Result<SocketAddr, StartError> {
    let listening = |source| StartError::Listen {
        addr,
        what: "metrics",
        source,
    };
    let listener = TcpListener::bind(addr).await.map_err(listening)?;
    let bound = listener.local_addr().map_err(listening)?;
    let app = metrics_router(state);
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(bound)
}

/// Starts listening and accepting.
pub async fn start(config: Config) -> Result<Server, StartError> {
    crate::metrics::install();
    let header_timeout = config.header_timeout();
    let descriptors = raise_descriptor_limit();
    let listening = |source| StartError::Listen {
        addr: config.listen,
        what: "the page and the API",
        source,
    };
    let listener = TcpListener::bind(config.listen).await.map_err(listening)?;
    let addr = listener.local_addr().map_err(listening)?;
    let policy = Arc::new(Policy::new(&config)?);
    let state = Arc::new(AppState::new(config)?);
    let open = Arc::new(Mutex::new(Connections::default()));
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
                        // Requests after the cap are never read: the last answer closes.
                        let last = served.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
                            >= max_requests;
                        async move {
                            let mut response =
                                app.oneshot(req.map(Body::new)).await.into_response();
                            if last {
                                response
                                    .headers_mut()
                                    .insert(header::CONNECTION, HeaderValue::from_static("close"));
                            }
                            Ok::<_, Infallible>(response)
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
