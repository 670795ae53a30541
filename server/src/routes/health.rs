//! `GET /api/health` for load balancers (and what the DNS check found), and `GET /metrics` in
//! the Prometheus text format.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::app::AppState;

pub async fn health(State(state): State<Arc<AppState>>) -> Response {
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

pub async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    let busy = state.config.max_in_flight - state.in_flight.available_permits();
    metrics::gauge!("maillint_in_flight").set(busy as f64);
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4"),
        )],
        crate::metrics::render(),
    )
        .into_response()
}
