//! The HTTP side: `POST /api/probe`, `GET /api/health`, and the sample page with the wasm
//! package. Requests are refused before any socket opens when they break a rule: 400
//! malformed, 403 forbidden target or port, 413 too large, 429 too many (Retry-After), 503
//! when the probes in flight are at their cap (at once, never queued).

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
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
use tower_http::services::ServeDir;

use crate::config::Config;
use crate::guard::{self, Refusal, Target};
use crate::limits::{client_key, Limiter};
use crate::probe::{self, ProbeRequest, ProbeSettings, Step};

pub struct AppState {
    pub config: Config,
    pub probe: ProbeSettings,
    clients: Limiter<IpAddr>,
    targets: Limiter<(String, u16)>,
    in_flight: Arc<Semaphore>,
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
        let mut resolve = Vec::new();
        for entry in &config.resolve {
            let (name, ip) = entry
                .split_once('=')
                .ok_or_else(|| format!("--resolve wants name=ip, not {entry}"))?;
            let ip: IpAddr = ip
                .parse()
                .map_err(|_| format!("--resolve: {ip} is not an IP address"))?;
            resolve.push((name.to_ascii_lowercase(), ip));
        }
        Ok(AppState {
            probe: ProbeSettings {
                allow_private_targets: config.allow_private_targets,
                roots: Arc::new(roots),
                timeout: config.probe_timeout(),
                resolve,
                source: config.source_address,
            },
            clients: Limiter::new(config.client_per_minute, config.client_burst),
            targets: Limiter::new(config.target_per_minute, config.target_per_minute.max(1)),
            in_flight: Arc::new(Semaphore::new(config.max_in_flight)),
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
    steps: Vec<Step>,
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

async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "ok": true }))
}

async fn probe_handler(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Query(query): Query<LocaleQuery>,
    body: Body,
) -> Response {
    let locale = query
        .locale
        .as_deref()
        .map(Locale::from_tag)
        .unwrap_or_default();
    let Ok(bytes) = axum::body::to_bytes(body, state.config.body_limit).await else {
        return refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is over {} bytes", state.config.body_limit),
            None,
        );
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
    let host_arg = ("host", body.host.as_str().into());
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
    let now = Instant::now();
    let target_key = (body.host.to_ascii_lowercase(), port);
    let limited = state
        .clients
        .take(&client_key(peer.ip()), now)
        .err()
        .or_else(|| state.targets.take(&target_key, now).err());
    if let Some(wait) = limited {
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
        return response;
    }
    let Ok(_permit) = state.in_flight.clone().try_acquire_owned() else {
        return refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "too many probes in flight; try again soon",
            None,
        );
    };
    let request = ProbeRequest {
        target,
        host: body.host.clone(),
        port,
        protocol,
        security,
    };
    let result = probe::probe(&request, &state.probe).await;
    let ok = result.ok();
    let codes: Vec<&str> = result.drafts.iter().map(|d| d.code.as_str()).collect();
    // Host, port and outcome only: nothing else about the request is logged.
    tracing::info!(host = %request.host, port, protocol = protocol.as_str(), ok, findings = ?codes, "probe");
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
    (
        status,
        Json(ProbeAnswer {
            ok,
            steps: result.steps,
            findings,
        }),
    )
        .into_response()
}

/// The routes: the API, and the page with its package when `www` holds them.
pub fn router(state: Arc<AppState>) -> Router {
    let root = state.config.www.clone();
    Router::new()
        .route("/api/health", get(health))
        .route("/api/probe", post(probe_handler))
        .route("/", get(|| async { Redirect::temporary("/www/") }))
        .nest_service("/www", ServeDir::new(root.join("www")))
        .nest_service("/pkg", ServeDir::new(root.join("pkg")))
        .with_state(state)
}

/// Binds and serves until the process ends; returns the bound address.
pub async fn serve(config: Config) -> Result<(SocketAddr, tokio::task::JoinHandle<()>), String> {
    let header_timeout = config.header_timeout();
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let state = Arc::new(AppState::new(config)?);
    let app = router(state);
    let handle = tokio::spawn(async move {
        loop {
            let Ok((stream, peer)) = listener.accept().await else {
                continue;
            };
            let app = app.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(
                    move |mut req: hyper::Request<hyper::body::Incoming>| {
                        req.extensions_mut().insert(ConnectInfo(peer));
                        let app = app.clone();
                        async move {
                            Ok::<_, Infallible>(
                                app.oneshot(req.map(Body::new)).await.into_response(),
                            )
                        }
                    },
                );
                let mut builder = hyper::server::conn::http1::Builder::new();
                // A client that trickles its headers (slowloris) is cut off.
                builder
                    .timer(TokioTimer::new())
                    .header_read_timeout(Some(header_timeout));
                let _ = builder
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    Ok((addr, handle))
}
