//! What every API route reads first, the same way: who the client is (behind a trusted
//! proxy, from the header it writes), the language asked for (`?locale=`), and the body,
//! read up to `--body-limit` (413 past it) and parsed as a JSON object (400 otherwise).
//! A route then takes from the object only the keys it knows.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequest, Query, Request};
use axum::http::StatusCode;
use maillint::Locale;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::error::ApiError;
use crate::app::AppState;

#[derive(Deserialize, Default)]
struct LocaleQuery {
    locale: Option<String>,
}

/// An API request, read and checked.
pub struct ApiRequest {
    /// The client's address (IPv6 as given; the limits key it by /64).
    pub client: IpAddr,
    pub locale: Locale,
    /// The body's JSON value.
    pub body: Value,
}

impl ApiRequest {
    /// The body as an object, or 400 with `error`.
    pub fn object(&self, error: &'static str) -> Result<&Map<String, Value>, ApiError> {
        self.body.as_object().ok_or(ApiError::bad_request(error))
    }
}

/// The client a request comes from: the peer, or the address a trusted proxy names
/// (`--trusted-proxies`, `--forwarded-header`).
pub fn client_of(req: &Request, state: &AppState) -> IpAddr {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::from([0, 0, 0, 0]));
    state.proxies.client(peer, req.headers())
}

impl FromRequest<Arc<AppState>> for ApiRequest {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &Arc<AppState>) -> Result<Self, ApiError> {
        let client = client_of(&req, state);
        let locale = Query::<LocaleQuery>::try_from_uri(req.uri())
            .ok()
            .and_then(|q| q.0.locale)
            .as_deref()
            .map(Locale::from_tag)
            .unwrap_or_default();
        let limit = state.config.body_limit;
        let bytes = axum::body::to_bytes(req.into_body(), limit)
            .await
            .map_err(|_| {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!("the request body is over {limit} bytes"),
                )
            })?;
        let body = serde_json::from_slice(&bytes)
            .map_err(|_| ApiError::bad_request("the body is not JSON"))?;
        Ok(ApiRequest {
            client,
            locale,
            body,
        })
    }
}
