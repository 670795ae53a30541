//! One HTTPS GET for discovery, through the same guard as the probe: the host is resolved
//! once, every address is checked against the special-purpose ranges, and the connection
//! goes to the checked address, so a DNS answer that changes in between cannot redirect it.
//! Certificates are verified against the public roots (and `--extra-ca`); no redirect is
//! followed, no cookie kept, and a body is read up to a cap.

use std::net::SocketAddr;
use std::sync::Arc;

use http_body_util::{BodyExt, Empty, Limited};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use rustls::pki_types::ServerName;
use tokio::net::TcpStream;
use tokio::time::{timeout_at, Instant};
use tokio_rustls::TlsConnector;

use crate::guard;
use crate::resolver::Resolver;

/// The largest body read: a config-v1.1.xml is a few KB.
pub const MAX_BODY: usize = 256 * 1024;

/// What a fetch needs.
#[derive(Clone)]
pub struct Fetcher {
    pub resolver: Arc<Resolver>,
    pub tls: Arc<rustls::ClientConfig>,
    pub allow_private_targets: bool,
}

/// Why a fetch gave no document; each says so in a source's `detail`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    NotHttps,
    NoAddress,
    /// The name resolved to a special-purpose address: never fetched. Which address is not
    /// said: an answer must not map a network it cannot reach (as the probe says only "a
    /// private or reserved address").
    Forbidden,
    Connect,
    Tls,
    Http,
    /// A redirect, never followed.
    Redirect(u16),
    Status(u16),
    TooLarge,
    NotText,
    Timeout,
}

impl FetchError {
    pub fn detail(&self) -> String {
        match self {
            FetchError::NotHttps => "not an https:// address".into(),
            FetchError::NoAddress => "the name has no address".into(),
            FetchError::Forbidden => {
                "not fetched: the name resolves to a private or reserved address".into()
            }
            FetchError::Connect => "no connection".into(),
            FetchError::Tls => "TLS failed (certificate not valid for the name?)".into(),
            FetchError::Http => "not a valid HTTP answer".into(),
            FetchError::Redirect(code) => format!("HTTP {code}: redirect not followed"),
            FetchError::Status(code) => format!("HTTP {code}"),
            FetchError::TooLarge => format!("the answer is over {} KiB", MAX_BODY / 1024),
            FetchError::NotText => "the answer is not UTF-8 text".into(),
            FetchError::Timeout => "no answer in time".into(),
        }
    }
}

/// `https://host[:port]/path` split; `None` for anything else.
fn split(url: &str) -> Option<(String, u16, String)> {
    let rest = url.strip_prefix("https://")?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (rest.get(..i)?, rest.get(i..)?),
        None => (rest, "/"),
    };
    if authority.is_empty() || authority.contains(['@', '[', ']']) {
        return None;
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, p.parse().ok()?),
        None => (authority, 443),
    };
    Some((host.to_ascii_lowercase(), port, path.to_string()))
}

impl Fetcher {
    /// GETs `url` by `deadline`; the body as text.
    pub async fn get(&self, url: &str, deadline: Instant) -> Result<String, FetchError> {
        match timeout_at(deadline, self.get_inner(url, deadline)).await {
            Ok(r) => r,
            Err(_) => Err(FetchError::Timeout),
        }
    }

    async fn get_inner(&self, url: &str, deadline: Instant) -> Result<String, FetchError> {
        let (host, port, path) = split(url).ok_or(FetchError::NotHttps)?;
        let addrs: Vec<_> = self
            .resolver
            .addresses(&host, deadline)
            .await
            .into_iter()
            .map(|a| a.to_canonical())
            .collect();
        let first = *addrs.first().ok_or(FetchError::NoAddress)?;
        if !self.allow_private_targets && addrs.iter().any(|a| guard::is_forbidden(*a)) {
            return Err(FetchError::Forbidden);
        }
        // The checked address itself, never a second lookup's answer.
        let tcp = TcpStream::connect(SocketAddr::new(first, port))
            .await
            .map_err(|_| FetchError::Connect)?;
        let name = ServerName::try_from(host.clone()).map_err(|_| FetchError::Tls)?;
        let tls = TlsConnector::from(self.tls.clone())
            .connect(name, tcp)
            .await
            .map_err(|_| FetchError::Tls)?;
        let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tls))
            .await
            .map_err(|_| FetchError::Http)?;
        let driver = tokio::spawn(conn);
        let authority = if port == 443 {
            host.clone()
        } else {
            format!("{host}:{port}")
        };
        // Nothing about the customer: no cookie, no address, no query of ours.
        let request = hyper::Request::get(path)
            .header(hyper::header::HOST, authority)
            .header(
                hyper::header::USER_AGENT,
                "maillint-server (mail settings check)",
            )
            .header(hyper::header::ACCEPT, "application/xml, text/xml")
            .body(Empty::<Bytes>::new())
            .map_err(|_| FetchError::Http)?;
        let response = sender
            .send_request(request)
            .await
            .map_err(|_| FetchError::Http)?;
        let status = response.status().as_u16();
        let result = match status {
            200 => match Limited::new(response.into_body(), MAX_BODY).collect().await {
                Ok(body) => {
                    String::from_utf8(body.to_bytes().to_vec()).map_err(|_| FetchError::NotText)
                }
                Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(FetchError::TooLarge),
                Err(_) => Err(FetchError::Http),
            },
            300..=399 => Err(FetchError::Redirect(status)),
            _ => Err(FetchError::Status(status)),
        };
        driver.abort();
        result
    }
}

/// The TLS settings of discovery's fetches: verified certificates, HTTP/1.1.
pub fn tls_config(roots: Arc<rustls::RootCertStore>) -> Result<rustls::ClientConfig, String> {
    let mut config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| e.to_string())?
    .with_root_certificates(roots)
    .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_urls_with_a_host_are_fetched() {
        assert_eq!(
            split("https://autoconfig.acme.test/mail/config-v1.1.xml"),
            Some((
                "autoconfig.acme.test".into(),
                443,
                "/mail/config-v1.1.xml".into()
            ))
        );
        assert_eq!(
            split("https://ispdb.test:8443/v1.1/acme.test"),
            Some(("ispdb.test".into(), 8443, "/v1.1/acme.test".into()))
        );
        for bad in [
            "http://acme.test/",
            "https://",
            "https://user@acme.test/",
            "https://[::1]/",
            "ftp://acme.test",
        ] {
            assert_eq!(split(bad), None, "{bad}");
        }
    }
}
