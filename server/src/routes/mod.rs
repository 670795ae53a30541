//! The HTTP routes, one file each (`probe`, `discover`, `health`), over one error type
//! ([`error::ApiError`], what every refusal is) and one request reader
//! ([`request::ApiRequest`]: the client, the locale, the body up to its limit, as JSON). Each
//! route's path is written once, here, and read by the router (`http.rs`), the page guard
//! (`web.rs`) and the metrics. The accept loop and the page's guard sit around them.

pub mod discover;
pub mod error;
pub mod health;
pub mod probe;
pub mod request;

use std::convert::Infallible;

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tokio::sync::OwnedSemaphorePermit;

pub const PROBE: &str = "/api/probe";
pub const DISCOVER: &str = "/api/discover";
pub const HEALTH: &str = "/api/health";
pub const METRICS: &str = "/metrics";
/// Where the package is served: `/maillint/element.js`, `/maillint/maillint_bg.wasm`, …
pub const PACKAGE: &str = "/maillint/";

/// The routes that pages call (CORS preflights, `--require-origin`).
pub const CALLABLE: [&str; 2] = [PROBE, DISCOVER];

/// The metrics' route label of a path: the API's routes by name, everything else as one
/// label, so that a crawler's paths cannot grow the series without end.
pub fn label(path: &str) -> &'static str {
    match path {
        PROBE => "probe",
        DISCOVER => "discover",
        HEALTH => "health",
        METRICS => "metrics",
        p if p.starts_with(PACKAGE) => "package",
        _ => "static",
    }
}

/// A JSON answer that holds the in-flight permit until hyper has taken it for writing.
pub struct Held {
    status: StatusCode,
    body: Vec<u8>,
    permit: OwnedSemaphorePermit,
}

impl Held {
    pub fn new(body: Vec<u8>, permit: OwnedSemaphorePermit) -> Held {
        Held {
            status: StatusCode::OK,
            body,
            permit,
        }
    }

    pub fn json<T: Serialize>(value: &T, permit: OwnedSemaphorePermit) -> Held {
        Held::new(serde_json::to_vec(value).unwrap_or_default(), permit)
    }

    pub fn with_status(mut self, status: StatusCode) -> Held {
        self.status = status;
        self
    }
}

impl IntoResponse for Held {
    fn into_response(self) -> Response {
        let mut response = Response::new(Body::new(HeldBody {
            data: Some(bytes::Bytes::from(self.body)),
            _held: self.permit,
        }));
        *response.status_mut() = self.status;
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}

/// A response body that holds something (the in-flight permit) until it is dropped. hyper
/// drops it once it has taken the body's one frame into the connection's write buffer, not
/// when the client has read it: a client that stops reading holds no in-flight slot (its
/// connection is ended by the write deadline, `conn.rs`).
struct HeldBody<T> {
    data: Option<bytes::Bytes>,
    _held: T,
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
