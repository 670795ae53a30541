//! One error type for every route: a status, a sentence saying what is wrong, and where the
//! engine has a finding for it (a forbidden target, a rate limit) that finding in the
//! request's language. Every refusal of the API is one of these, as JSON:
//! `{ "ok": false, "error": "…", "finding": { … } }`.

use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use maillint::codes::ProbeCode;
use maillint::render::render;
use maillint::settings::Field;
use maillint::{Draft, Finding, Locale};
use serde::Serialize;

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    error: String,
    /// Boxed: most refusals have none, and a `Result` carrying the error stays small.
    finding: Option<Box<Finding>>,
    retry_after: Option<u64>,
}

#[derive(Serialize)]
struct Refused<'a> {
    ok: bool,
    error: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    finding: Option<&'a Finding>,
}

impl ApiError {
    pub fn new(status: StatusCode, error: impl Into<String>) -> ApiError {
        ApiError {
            status,
            error: error.into(),
            finding: None,
            retry_after: None,
        }
    }

    /// 400: the request is not one this route takes.
    pub fn bad_request(error: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, error)
    }

    /// 503: the server cannot answer now (at its in-flight cap, its resolver unhealthy).
    pub fn unavailable(error: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, error)
    }

    /// 403 with the finding that says why, naming one value.
    pub fn forbidden(
        error: impl Into<String>,
        code: ProbeCode,
        field: Field,
        arg: (&'static str, maillint::messages::Arg),
        locale: Locale,
    ) -> ApiError {
        ApiError {
            finding: Some(Box::new(render(
                Draft::new(code.into(), field).arg(arg.0, arg.1),
                locale,
            ))),
            ..ApiError::new(StatusCode::FORBIDDEN, error)
        }
    }

    /// 429 with `Retry-After` and the rate-limited finding; counted per route.
    /// 429 for a client over its rate for pages and health (`--page-per-minute`).
    pub fn too_many_requests(wait: Duration) -> ApiError {
        metrics::counter!("maillint_rate_limited_total", "route" => "page").increment(1);
        let seconds = wait.as_secs().max(1);
        ApiError {
            retry_after: Some(seconds),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too many requests; try again soon",
            )
        }
    }

    pub fn rate_limited(
        route: &'static str,
        wait: Duration,
        field: Field,
        locale: Locale,
    ) -> ApiError {
        metrics::counter!("maillint_rate_limited_total", "route" => route).increment(1);
        let seconds = wait.as_secs().max(1);
        ApiError {
            finding: Some(Box::new(render(
                Draft::new(ProbeCode::RateLimited.into(), field)
                    .arg("seconds", seconds.to_string()),
                locale,
            ))),
            retry_after: Some(seconds),
            ..ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too many probes")
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Refused {
            ok: false,
            error: &self.error,
            finding: self.finding.as_deref(),
        };
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            if let Ok(v) = HeaderValue::from_str(&seconds.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response
    }
}
