//! Who the client is behind a load balancer. Only when the connecting peer is one of
//! `--trusted-proxies` is the client read from the one header the proxy writes
//! (`--forwarded-header`: `X-Forwarded-For`, or `Forwarded` of RFC 7239): the right-most
//! address that is not itself a trusted proxy (each proxy appends the address it saw, so
//! everything left of it was written by the client and proves nothing). The other header is
//! ignored, since a proxy that writes one passes the client's own copy of the other through;
//! from anyone but a trusted proxy both are ignored, so a client cannot choose its own bucket.

use std::net::IpAddr;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The header the trusted proxies write the client's address in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For: client, proxy…` (nginx's `$proxy_add_x_forwarded_for`).
    #[default]
    XForwardedFor,
    /// `Forwarded: for=client, for=proxy…` (RFC 7239).
    Forwarded,
}

/// The proxies whose forwarding header is believed.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies {
    nets: Vec<IpNet>,
    header: ForwardedHeader,
}

impl TrustedProxies {
    /// Reads `10.0.0.0/8,192.0.2.7,…` (a bare address is one host), whose proxies write
    /// `header`.
    pub fn parse(list: &[String], header: ForwardedHeader) -> Result<TrustedProxies, String> {
        let mut nets = Vec::new();
        for item in list.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
            let net = match item.parse::<IpNet>() {
                Ok(net) => net,
                Err(_) => item
                    .parse::<IpAddr>()
                    .map(IpNet::from)
                    .map_err(|_| format!("--trusted-proxies: {item} is not an address or CIDR"))?,
            };
            nets.push(net);
        }
        Ok(TrustedProxies { nets, header })
    }

    pub fn trusts(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.nets.iter().any(|n| n.contains(&ip))
    }

    /// The client of a request that came from `peer`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        let chain = forwarded_for(headers, self.header);
        chain
            .iter()
            .rev()
            .copied()
            .find(|ip| !self.trusts(*ip))
            // Everyone on the way is a trusted proxy: the left-most is the client.
            .or_else(|| chain.first().copied())
            .unwrap_or(peer)
    }
}

/// The addresses a request passed, left to right, from the header the proxies write. Values
/// that are not addresses (`unknown`, obfuscated names) end the chain at that point, as a
/// proxy cannot vouch for them.
fn forwarded_for(headers: &HeaderMap, header: ForwardedHeader) -> Vec<IpAddr> {
    let items: Vec<String> = if header == ForwardedHeader::Forwarded {
        headers
            .get_all("forwarded")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (name, value) = pair.split_once('=')?;
                    name.trim()
                        .eq_ignore_ascii_case("for")
                        .then(|| value.trim().trim_matches('"').to_string())
                })
            })
            .collect()
    } else {
        headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|s| s.trim().to_string())
            .collect()
    };
    let mut out = Vec::new();
    for item in items.iter().rev() {
        match address(item) {
            Some(ip) => out.push(ip),
            None => break,
        }
    }
    out.reverse();
    out
}

/// `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]:4711` or `2001:db8::1`.
fn address(text: &str) -> Option<IpAddr> {
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    if let Some(rest) = text.strip_prefix('[') {
        return rest
            .split(']')
            .next()?
            .parse::<IpAddr>()
            .ok()
            .map(|ip| ip.to_canonical());
    }
    let (host, port) = text.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    host.parse::<IpAddr>().ok().map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::V4([0, 0, 0, 0].into()))
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            if let Ok(v) = HeaderValue::from_str(v) {
                h.append(*k, v);
            }
        }
        h
    }

    #[test]
    fn forwarding_headers_count_only_from_trusted_proxies() {
        let nets = ["10.0.0.0/8".to_string(), "192.0.2.7".to_string()];
        let proxies =
            TrustedProxies::parse(&nets, ForwardedHeader::XForwardedFor).unwrap_or_default();
        let rfc = TrustedProxies::parse(&nets, ForwardedHeader::Forwarded).unwrap_or_default();
        let spoofed = headers(&[("x-forwarded-for", "203.0.113.9")]);
        // From an untrusted peer the header is ignored.
        assert_eq!(
            proxies.client(ip("198.51.100.1"), &spoofed),
            ip("198.51.100.1")
        );
        // From a trusted one: the right-most address not itself trusted.
        let chain = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9, 10.1.1.1")]);
        assert_eq!(proxies.client(ip("10.0.0.2"), &chain), ip("203.0.113.9"));
        // Only the header the proxy writes counts: the client's own Forwarded beside the
        // X-Forwarded-For the proxy appended is ignored, and the other way round; quoted
        // IPv6 with a port included.
        let both = headers(&[
            ("x-forwarded-for", "203.0.113.9"),
            (
                "forwarded",
                r#"for=198.51.100.20;proto=https, for="[2001:db8::5]:4711""#,
            ),
        ]);
        assert_eq!(rfc.client(ip("192.0.2.7"), &both), ip("2001:db8::5"));
        assert_eq!(proxies.client(ip("192.0.2.7"), &both), ip("203.0.113.9"));
        // All trusted: the left-most.
        let inner = headers(&[("x-forwarded-for", "10.9.9.9, 10.1.1.1")]);
        assert_eq!(proxies.client(ip("10.0.0.2"), &inner), ip("10.9.9.9"));
        // No header: the proxy itself.
        assert_eq!(
            proxies.client(ip("10.0.0.2"), &HeaderMap::new()),
            ip("10.0.0.2")
        );
        // Junk ends the chain where it stands.
        let junk = headers(&[("x-forwarded-for", "203.0.113.9, unknown, 10.1.1.1")]);
        assert_eq!(proxies.client(ip("10.0.0.2"), &junk), ip("10.1.1.1"));
        assert!(TrustedProxies::parse(&["not-an-ip".into()], ForwardedHeader::Forwarded).is_err());
    }
}
