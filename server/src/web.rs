//! What every request passes before a handler sees it, and the static files. Only this
//! server's own pages may call its API, and only by the names it is known by:
//! - `Host` must be an IP address, `localhost` or a configured `--public-name`, so a page
//!   that rebinds its own name to this server's address (DNS rebinding) gets nothing;
//! - API calls must be `application/json` (415 otherwise), which makes a browser ask first
//!   (CORS preflight) instead of sending a "simple" cross-site request, and a browser request
//!   whose `Origin` is another site, or marked `Sec-Fetch-Site: cross-site`, is refused with
//!   403, so a third-party page cannot make its visitors probe through this server;
//! - every answer says `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer`,
//!   and the pages carry a Content-Security-Policy (`default-src 'self'`, the wasm allowed to
//!   compile, `connect-src 'self'`, `frame-ancestors` as configured).
//!
//! CORS is answered here, not by tower-http's `CorsLayer`: that layer leaves a request from
//! another origin to the handler and only withholds its headers, while this server must not
//! run a probe for a page it does not serve (a probe costs the target a connection), so such
//! a request is refused with 403 before any handler runs.
//!
//! Static files are served from `www/` and `pkg/` only: no dotfile, nothing a symlink reaches
//! outside them, and a directory's redirect keeps its full path (`/www/profiles` →
//! `/www/profiles/`) and never starts with `//`.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use percent_encoding::percent_decode_str;
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::config::Config;

/// What the checks need from the configuration, worked out once.
pub struct Policy {
    /// `--public-name`s, lower-cased, without a trailing dot.
    names: Vec<String>,
    /// The pages' Content-Security-Policy.
    csp: HeaderValue,
    /// Other origins allowed to call the API (`https://help.example.com`), lower-case.
    origins: Vec<String>,
    /// API calls without `Origin` are refused.
    require_origin: bool,
}

impl Policy {
    pub fn new(config: &Config) -> Result<Policy, String> {
        let names = config
            .public_name
            .iter()
            .map(|n| n.trim().trim_end_matches('.').to_ascii_lowercase())
            .filter(|n| !n.is_empty())
            .collect();
        let ancestors = config.frame_ancestors.trim();
        if ancestors.is_empty() || ancestors.contains([';', ',', '\r', '\n']) {
            return Err(format!(
                "--frame-ancestors wants CSP sources such as 'self' or https://help.example.com, not {ancestors:?}"
            ));
        }
        let csp = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; \
             img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; \
             frame-ancestors {ancestors}"
        );
        let csp =
            HeaderValue::from_str(&csp).map_err(|_| "--frame-ancestors: not a header value")?;
        let mut origins = Vec::new();
        for o in config
            .allowed_origins
            .iter()
            .map(|o| o.trim())
            .filter(|o| !o.is_empty())
        {
            let normal = o.trim_end_matches('/').to_ascii_lowercase();
            let scheme_ok = normal.starts_with("https://") || normal.starts_with("http://");
            if !scheme_ok || normal["https://".len().min(normal.len())..].contains('/') {
                return Err(format!(
                    "--allowed-origins wants origins such as https://help.example.com, not {o}"
                ));
            }
            origins.push(normal);
        }
        Ok(Policy {
            names,
            csp,
            origins,
            require_origin: config.require_origin,
        })
    }

    /// Whether a `Host` header names this server.
    fn known_host(&self, host: &str) -> bool {
        let name = host_name(host).trim_end_matches('.').to_ascii_lowercase();
        name.parse::<IpAddr>().is_ok() || name == "localhost" || self.names.contains(&name)
    }
}

/// The name part of a `Host` value: `[::1]:8080` → `::1`, `example.com:8080` → `example.com`.
fn host_name(host: &str) -> &str {
    let host = host.trim();
    if let Some(rest) = host.strip_prefix('[') {
        return rest.split(']').next().unwrap_or("");
    }
    match host.rsplit_once(':') {
        // One colon: a port. More: a bare IPv6 address.
        Some((name, port)) if !name.contains(':') && port.bytes().all(|b| b.is_ascii_digit()) => {
            name
        }
        _ => host,
    }
}

/// The authority (`host[:port]`) of an `Origin` value, lower-cased; `None` for `null` or junk.
fn origin_authority(origin: &str) -> Option<String> {
    let (_, rest) = origin.split_once("://")?;
    let authority = rest.split('/').next().unwrap_or(rest);
    (!authority.is_empty()).then(|| authority.to_ascii_lowercase())
}

fn refuse(status: StatusCode, error: &str) -> Response {
    (
        status,
        Json(serde_json::json!({ "ok": false, "error": error })),
    )
        .into_response()
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// How a request's `Origin` stands.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Caller {
    /// No `Origin`: not a browser's cross-origin call (curl, a server, a same-origin GET).
    Unnamed,
    /// This server's own pages.
    SameOrigin,
    /// A page of an `--allowed-origins` origin: answered with CORS headers.
    Allowed(HeaderValue),
    /// Anyone else.
    Other,
}

fn caller(policy: &Policy, headers: &HeaderMap, host: &str) -> Caller {
    let Some(value) = headers.get(header::ORIGIN) else {
        return Caller::Unnamed;
    };
    let Ok(origin) = value.to_str() else {
        return Caller::Other;
    };
    if policy
        .origins
        .iter()
        .any(|o| o == &origin.trim_end_matches('/').to_ascii_lowercase())
    {
        return Caller::Allowed(value.clone());
    }
    if origin_authority(origin) == Some(host.trim().to_ascii_lowercase()) {
        Caller::SameOrigin
    } else {
        Caller::Other
    }
}

/// The CORS answer for an allowed origin.
fn allow(headers: &mut HeaderMap, origin: &HeaderValue) {
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
}

/// Whether a browser sent this request on behalf of another site.
fn cross_site(headers: &HeaderMap, host: &str) -> bool {
    if header_text(headers, header::HeaderName::from_static("sec-fetch-site"))
        .is_some_and(|s| s.eq_ignore_ascii_case("cross-site"))
    {
        return true;
    }
    match header_text(headers, header::ORIGIN) {
        None => false,
        Some(origin) => origin_authority(origin) != Some(host.trim().to_ascii_lowercase()),
    }
}

/// The checks every request passes, and the headers every answer carries.
pub async fn guard(State(policy): State<Arc<Policy>>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let Some(host) = header_text(headers, header::HOST).map(str::to_string) else {
        return refuse(StatusCode::BAD_REQUEST, "the request names no host");
    };
    if !policy.known_host(&host) {
        return refuse(
            StatusCode::FORBIDDEN,
            "this server is not known by that name",
        );
    }
    let mut cors = None;
    if req.uri().path().starts_with("/api/") {
        let who = caller(&policy, headers, &host);
        let callable = crate::routes::CALLABLE.contains(&req.uri().path());
        match &who {
            Caller::Allowed(origin) => cors = Some(origin.clone()),
            Caller::Other => {
                return refuse(
                    StatusCode::FORBIDDEN,
                    "only this server's own pages and its allowed origins may call it",
                )
            }
            Caller::SameOrigin => {}
            Caller::Unnamed if policy.require_origin && callable => {
                return refuse(
                    StatusCode::FORBIDDEN,
                    "this server answers only pages that name their origin",
                )
            }
            Caller::Unnamed => {}
        }
        if cors.is_none() && cross_site(headers, &host) {
            return refuse(
                StatusCode::FORBIDDEN,
                "only this server's own pages may call it",
            );
        }
        // A preflight: what an allowed page may send.
        if req.method() == Method::OPTIONS && callable {
            let mut r = StatusCode::NO_CONTENT.into_response();
            let h = r.headers_mut();
            if cors.is_some() {
                h.insert(
                    header::ACCESS_CONTROL_ALLOW_METHODS,
                    HeaderValue::from_static("POST, OPTIONS"),
                );
                h.insert(
                    header::ACCESS_CONTROL_ALLOW_HEADERS,
                    HeaderValue::from_static("content-type"),
                );
                h.insert(
                    header::ACCESS_CONTROL_MAX_AGE,
                    HeaderValue::from_static("600"),
                );
            }
            return answer(&policy, r, cors.as_ref());
        }
        if req.method() == Method::POST {
            let json = header_text(headers, header::CONTENT_TYPE).is_some_and(|t| {
                t.split(';')
                    .next()
                    .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
            });
            if !json {
                return refuse(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "send the request as application/json",
                );
            }
        }
    }
    let response = next.run(req).await;
    answer(&policy, response, cors.as_ref())
}

/// The headers every answer carries: the allowed origin's CORS header, nosniff, no
/// referrer, and the pages' Content-Security-Policy.
fn answer(policy: &Policy, mut response: Response, cors: Option<&HeaderValue>) -> Response {
    let headers = response.headers_mut();
    if let Some(origin) = cors {
        allow(headers, origin);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if html {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy.csp.clone());
    }
    response
}

/// The static files: `/www/…` and `/pkg/…` under `root`.
pub async fn static_files(root: Arc<PathBuf>, req: Request<Body>) -> Response {
    let path = req.uri().path().to_string();
    // `/www///profiles` and the like: one slash each, the prefix kept, never `//…`.
    if path.contains("//") {
        let mut collapsed = String::with_capacity(path.len());
        for c in path.chars() {
            if !(c == '/' && collapsed.ends_with('/')) {
                collapsed.push(c);
            }
        }
        return Redirect::permanent(&collapsed).into_response();
    }
    let decoded = percent_decode_str(&path).decode_utf8_lossy().into_owned();
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    let Some(top) = segments
        .first()
        .copied()
        .filter(|t| *t == "www" || *t == "pkg" || *t == PACKAGE)
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // No dotfiles or dot-directories (`.git/config`, `.env`), no `..`, no backslashes.
    if segments
        .iter()
        .any(|s| s.starts_with('.') || s.contains('\\') || s.contains('\0'))
    {
        return StatusCode::NOT_FOUND.into_response();
    }
    // `/maillint/…` is the npm package's layout: pkg/ under the name providers embed.
    let (base, rest) = if top == PACKAGE {
        (root.join("pkg"), segments.get(1..).unwrap_or(&[]))
    } else {
        (root.join(top), segments.get(1..).unwrap_or(&[]))
    };
    let file: PathBuf = rest.iter().fold(base.clone(), |p, s| p.join(s));
    // A symlink may point anywhere: what it reaches must still be inside www/ or pkg/.
    if let (Ok(real), Ok(real_base)) = (file.canonicalize(), base.canonicalize()) {
        if !real.starts_with(&real_base) {
            return StatusCode::NOT_FOUND.into_response();
        }
        if real.is_dir() && !path.ends_with('/') {
            return Redirect::permanent(&format!("{path}/")).into_response();
        }
    }
    if top == PACKAGE {
        return package_file(&base, &file, rest, req).await;
    }
    match ServeDir::new(root.as_path()).oneshot(req).await {
        Ok(response) => response.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The first path segment of the package (`routes::PACKAGE` without its slashes).
const PACKAGE: &str = "maillint";

#[test]
fn the_package_segment_is_the_package_route() {
    assert_eq!(format!("/{PACKAGE}/"), crate::routes::PACKAGE);
}

/// A file of the package: `application/wasm` for the module (so browsers compile it while
/// it downloads), the pre-compressed Brotli or gzip copy where the client accepts one, and
/// an `ETag` from the file's size, time and the encoding served, answered with 304 when the
/// client has that copy. Each encoding has its own tag and every answer says
/// `Vary: Accept-Encoding`, so a cache never hands a Brotli body to a client that asked for
/// none, nor revalidates one copy with another's tag.
async fn package_file(base: &Path, file: &Path, rest: &[&str], req: Request<Body>) -> Response {
    let stamp = std::fs::metadata(file)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{:x}-{:x}", m.len(), modified)
        });
    let Some(stamp) = stamp else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let if_none_match = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let path = format!("/{}", rest.join("/"));
    let (mut parts, body) = req.into_parts();
    parts.uri = match path.parse() {
        Ok(uri) => uri,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let req = Request::from_parts(parts, body);
    // ServeDir chooses the copy from Accept-Encoding; the tag names the one it chose.
    let mut response = match ServeDir::new(base)
        .precompressed_br()
        .precompressed_gzip()
        .oneshot(req)
        .await
    {
        Ok(response) => response.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let encoding = response
        .headers()
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity")
        .to_string();
    let etag = format!("\"{stamp}-{encoding}\"");
    let matches = if_none_match.is_some_and(|v| {
        v.split(',')
            .any(|t| t.trim().trim_start_matches("W/") == etag)
    });
    if matches && response.status() == StatusCode::OK {
        response = StatusCode::NOT_MODIFIED.into_response();
    }
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    // Revalidate each time: the ETag makes that a 304 when nothing changed.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_without_ports() {
        assert_eq!(host_name("example.com:8080"), "example.com");
        assert_eq!(host_name("[::1]:8080"), "::1");
        assert_eq!(host_name("::1"), "::1");
        assert_eq!(host_name("127.0.0.1"), "127.0.0.1");
    }

    #[test]
    fn origins_by_authority() {
        assert_eq!(
            origin_authority("http://127.0.0.1:8080"),
            Some("127.0.0.1:8080".into())
        );
        assert_eq!(origin_authority("null"), None);
        assert_eq!(
            origin_authority("https://Evil.Example"),
            Some("evil.example".into())
        );
    }
}
