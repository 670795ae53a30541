//! `POST /api/probe`: `{ "host", "port", "protocol", "security" }`, nothing else and never a
//! password. Refused before any socket opens when it breaks a rule: 400 malformed, 403 a
//! forbidden target or port (with the finding that says so), 429 too many (Retry-After), 503
//! at the in-flight cap (at once, never queued).

use std::sync::Arc;
use std::time::Instant;

use axum::extract::State;
use axum::http::StatusCode;
use maillint::codes::ProbeCode;
use maillint::context::Side;
use maillint::render::render;
use maillint::settings::{Protocol, Security, SecurityInput};
use maillint::Finding;
use serde::{Deserialize, Serialize};

use super::error::ApiError;
use super::request::ApiRequest;
use super::Held;
use crate::app::AppState;
use crate::guard::{self, Refusal, Target};
use crate::limits::client_key;
use crate::probe::{self, ProbeRequest, StepAnswer};

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

/// Whether a key names a secret: such a request is refused whatever else it holds.
fn secret(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.contains("pass") || k.contains("secret") || k.contains("token") || k.contains("credential")
}

pub async fn handler(
    State(state): State<Arc<AppState>>,
    request: ApiRequest,
) -> Result<Held, ApiError> {
    let locale = request.locale;
    if let Some(obj) = request.body.as_object() {
        if obj.keys().any(|k| secret(k)) {
            return Err(ApiError::bad_request("this service never takes a password"));
        }
    }
    let body: ProbeBody = serde_json::from_value(request.body)
        .map_err(|e| ApiError::bad_request(format!("malformed request: {e}")))?;
    let protocol = match body.protocol.to_ascii_lowercase().as_str() {
        "imap" => Protocol::Imap,
        "pop3" | "pop" => Protocol::Pop3,
        "smtp" => Protocol::Smtp,
        _ => return Err(ApiError::bad_request("protocol must be imap, pop3 or smtp")),
    };
    let security = match Security::parse(&body.security) {
        Some(SecurityInput::Exact(s)) => s,
        _ => {
            return Err(ApiError::bad_request(
                "security must be tls, starttls or none",
            ))
        }
    };
    let side = Side::of(protocol);
    let host_field = side.host_field();
    let port =
        u16::try_from(body.port).map_err(|_| ApiError::bad_request("port must be 1 to 65535"))?;
    if !state.config.allowed_ports.contains(&port) {
        return Err(ApiError::forbidden(
            "port not allowed",
            ProbeCode::PortForbidden,
            side.port_field(),
            ("port", port.into()),
            locale,
        ));
    }
    // Shown as typed, but never more than a name's length, in messages that refuse it.
    let host_arg = || {
        (
            "host",
            body.host
                .trim()
                .chars()
                .take(253)
                .collect::<String>()
                .into(),
        )
    };
    let target = match guard::parse_target(&body.host) {
        Ok(t) => t,
        Err(Refusal::Malformed(why)) => return Err(ApiError::bad_request(why)),
        Err(Refusal::NumericSpelling) => {
            return Err(ApiError::forbidden(
                "a number spelt as a host name",
                ProbeCode::TargetForbidden,
                host_field,
                host_arg(),
                locale,
            ))
        }
    };
    if let Target::Ip(ip) = target {
        if !state.config.allow_private_targets && guard::is_forbidden(ip) {
            return Err(ApiError::forbidden(
                "a special-purpose address",
                ProbeCode::TargetForbidden,
                host_field,
                host_arg(),
                locale,
            ));
        }
    }
    if let Err(wait) = state.clients.take(&client_key(request.client)).await {
        return Err(ApiError::rate_limited("probe", wait, host_field, locale));
    }
    let permit = state
        .in_flight
        .clone()
        .try_acquire_owned()
        .map_err(|_| ApiError::unavailable("too many probes in flight; try again soon"))?;
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
        return Err(ApiError::rate_limited("probe", wait, host_field, locale));
    }
    let status = if result.forbidden {
        StatusCode::FORBIDDEN
    } else {
        StatusCode::OK
    };
    let answer = ProbeAnswer {
        ok,
        steps: result.steps.iter().map(|s| s.render(locale)).collect(),
        findings: result
            .drafts
            .into_iter()
            .map(|d| render(d, locale))
            .collect(),
    };
    // The in-flight permit goes with the answer's body: held until hyper has taken the
    // answer for writing (see `Held`), not only until the probe ends.
    Ok(Held::json(&answer, permit).with_status(status))
}
