//! `POST /api/discover`: exactly `{ "domain": "…" }`. An answer kept by this instance or by
//! another one (in Redis, in this language) is served without charging the domain's limit;
//! otherwise, while the resolver passes its check, the sources are asked (`discover/`).

use std::sync::Arc;
use std::time::Instant;

use axum::extract::State;
use maillint::settings::Field;

use super::error::ApiError;
use super::request::ApiRequest;
use super::Held;
use crate::app::AppState;
use crate::discover;
use crate::guard::{self, Refusal, Target};
use crate::limits::client_key;

/// The domain of a discovery request: exactly `{ "domain": "…" }`, the domain as a name
/// (IDN in its ASCII form) with at least two labels.
fn domain_of(request: &ApiRequest) -> Result<String, ApiError> {
    let obj = request.object("the body must be an object")?;
    if obj.keys().any(|k| k != "domain") {
        return Err(ApiError::bad_request(
            "only the domain is taken: no address, no password, nothing else",
        ));
    }
    let domain = obj
        .get("domain")
        .and_then(|d| d.as_str())
        .ok_or(ApiError::bad_request("domain must be text"))?;
    match guard::parse_target(domain) {
        Ok(Target::Name(name)) if name.contains('.') => Ok(name),
        Ok(Target::Name(_)) => Err(ApiError::bad_request(
            "give a domain with a dot, such as example.com",
        )),
        Ok(Target::Ip(_)) => Err(ApiError::bad_request("give a domain, not an IP address")),
        Err(Refusal::Malformed(_)) | Err(Refusal::NumericSpelling) => Err(ApiError::bad_request(
            "not a domain name (give example.com, not a URL or an address)",
        )),
    }
}

pub async fn handler(
    State(state): State<Arc<AppState>>,
    request: ApiRequest,
) -> Result<Held, ApiError> {
    let locale = request.locale;
    let domain = domain_of(&request)?;
    if let Err(wait) = state
        .discover_clients
        .take(&client_key(request.client))
        .await
    {
        return Err(ApiError::rate_limited(
            "discover",
            wait,
            Field::Email,
            locale,
        ));
    }
    let permit = state
        .in_flight
        .clone()
        .try_acquire_owned()
        .map_err(|_| ApiError::unavailable("too many requests in flight; try again soon"))?;
    // An answer this instance or another one (in this language) has kept is served without
    // charging the domain's limit: only a question that makes the server ask the sources
    // counts, so a few clients cannot lock a popular domain's discovery for everyone.
    if let Some(found) = state.discover.cached(&domain) {
        return Ok(Held::json(
            &discover::answer::answer(&found, locale),
            permit,
        ));
    }
    let shared_key = format!("maillint:discover:{}:{domain}", locale.tag());
    if let Some(redis) = &state.redis {
        if let Some(body) = redis.get(&shared_key).await {
            if discover::answer::is_answer_for(&body, &domain) {
                return Ok(Held::new(body.into_bytes(), permit));
            }
            // Something else under our key (another program's value, a tampered Redis):
            // a miss, never served.
            metrics::counter!("maillint_redis_junk_total").increment(1);
            tracing::warn!(key = %shared_key, bytes = body.len(), "a cached discovery answer did not parse; asking the sources");
        }
    }
    // A resolver that answers "no such name" for everything would make every domain look
    // as if it received no mail: while it fails its check, discovery is unavailable.
    let wait = state.config.discover_request_timeout();
    if !state.discover.resolver.healthy(wait).await {
        return Err(ApiError::unavailable(
            "discovery is unavailable: this server's DNS resolver is not answering correctly",
        ));
    }
    if let Err(wait) = state.discover.domains.take(&domain).await {
        return Err(ApiError::rate_limited(
            "discover",
            wait,
            Field::Email,
            locale,
        ));
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
    Ok(Held::new(body, permit))
}
