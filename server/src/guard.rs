//! What a probe may connect to. A request names a host name or an IP address, never a URL;
//! every address a name resolves to is checked against the IANA special-purpose ranges, and
//! the probe connects to the checked address itself, so a DNS answer that changes between
//! check and connect (rebinding) cannot slip through.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A target as requested, normalised: a lower-case ASCII name without a trailing dot (an
/// internationalized name in its punycode form), or an IP address in its canonical form
/// (`::ffff:127.0.0.1` is `127.0.0.1`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Name(String),
    Ip(IpAddr),
}

impl std::fmt::Display for Target {
    /// The one form a target is logged, limited and echoed in.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Name(n) => f.write_str(n),
            Target::Ip(ip) => write!(f, "{ip}"),
        }
    }
}

/// Why a target is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a host name or IP (a URL, a path, spaces, a user name, …).
    Malformed(&'static str),
    /// A number spelt so that resolvers read it as an address (`2130706433`, `0x7f.1`).
    NumericSpelling,
}

/// Reads the `host` of a probe request.
pub fn parse_target(host: &str) -> Result<Target, Refusal> {
    let host = host.trim();
    if host.is_empty() || host.len() > 253 {
        return Err(Refusal::Malformed(
            "the host is empty or longer than 253 characters",
        ));
    }
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(Target::Ip(ip.to_canonical()));
    }
    if host.contains("://") || host.contains(['/', '@', '?', '#', ':', '[', ']', '\\', '%']) {
        return Err(Refusal::Malformed(
            "give a host name or an IP address, not a URL",
        ));
    }
    let name = host.trim_end_matches('.');
    // An internationalized name is probed by its ASCII (punycode) form.
    let name = if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        maillint::text::domain_to_ascii(name).ok_or(Refusal::Malformed(
            "not a valid internationalized host name",
        ))?
    };
    let labels: Vec<&str> = name.split('.').collect();
    let valid = labels.iter().all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if !valid {
        return Err(Refusal::Malformed(
            "not a valid host name (ASCII or punycode)",
        ));
    }
    // Every label a number (decimal, octal, hex) or a numeric last label: resolvers and
    // inet_aton read such names as IPv4 addresses (`2130706433`, `0x7f.0.0.1`, `127.1`).
    let numeric = |l: &str| {
        l.bytes().all(|b| b.is_ascii_digit())
            || (l.starts_with("0x") && l.bytes().skip(2).all(|b| b.is_ascii_hexdigit()))
    };
    if labels.iter().all(|l| numeric(l)) || labels.last().is_some_and(|l| numeric(l)) {
        return Err(Refusal::NumericSpelling);
    }
    Ok(Target::Name(name))
}

fn v4_in(ip: Ipv4Addr, net: [u8; 4], bits: u32) -> bool {
    let mask = if bits == 0 {
        0
    } else {
        u32::MAX << (32 - bits)
    };
    (u32::from(ip) & mask) == (u32::from(Ipv4Addr::from(net)) & mask)
}

fn v6_in(ip: Ipv6Addr, net: [u16; 8], bits: u32) -> bool {
    let mask = if bits == 0 {
        0
    } else {
        u128::MAX << (128 - bits)
    };
    (u128::from(ip) & mask) == (u128::from(Ipv6Addr::from(net)) & mask)
}

/// IPv4 special-purpose ranges (IANA IPv4 Special-Purpose Address Registry, RFC 6890 and
/// updates) plus multicast and the reserved 240/4: none is a public mail server.
const V4_FORBIDDEN: &[([u8; 4], u32)] = &[
    ([0, 0, 0, 0], 8),       // "this network"
    ([10, 0, 0, 0], 8),      // private
    ([100, 64, 0, 0], 10),   // shared address space (CGNAT)
    ([127, 0, 0, 0], 8),     // loopback
    ([169, 254, 0, 0], 16),  // link-local, cloud metadata 169.254.169.254
    ([172, 16, 0, 0], 12),   // private
    ([192, 0, 0, 0], 24),    // IETF protocol assignments
    ([192, 0, 2, 0], 24),    // documentation
    ([192, 31, 196, 0], 24), // AS112
    ([192, 52, 193, 0], 24), // AMT
    ([192, 88, 99, 0], 24),  // deprecated 6to4 relay anycast
    ([192, 168, 0, 0], 16),  // private
    ([192, 175, 48, 0], 24), // direct delegation AS112
    ([198, 18, 0, 0], 15),   // benchmarking
    ([198, 51, 100, 0], 24), // documentation
    ([203, 0, 113, 0], 24),  // documentation
    ([224, 0, 0, 0], 4),     // multicast
    ([240, 0, 0, 0], 4),     // reserved, and broadcast
];

/// IPv6: only global unicast (`2000::/3`, RFC 4291) is ever a public mail server; everything
/// outside it (loopback, mapped and translated IPv4 `::ffff:0:0/96` and `::ffff:0:0:0/96`,
/// NAT64, unique local, link-local, multicast, unallocated space) is refused, and so are the
/// special-purpose ranges inside it (IANA IPv6 Special-Purpose Address Registry): the probe
/// never needs them, and some reach a forbidden IPv4 address in disguise (6to4, Teredo).
const V6_GLOBAL_UNICAST: ([u16; 8], u32) = ([0x2000, 0, 0, 0, 0, 0, 0, 0], 3);
const V6_FORBIDDEN: &[([u16; 8], u32)] = &[
    ([0, 0, 0, 0, 0, 0, 0, 0], 96), // unspecified, loopback, IPv4-compatible
    ([0, 0, 0, 0, 0, 0xffff, 0, 0], 96), // IPv4-mapped
    ([0x64, 0xff9b, 0, 0, 0, 0, 0, 0], 96), // NAT64
    ([0x64, 0xff9b, 1, 0, 0, 0, 0, 0], 48), // local-use NAT64
    ([0x100, 0, 0, 0, 0, 0, 0, 0], 64), // discard
    ([0x2001, 0, 0, 0, 0, 0, 0, 0], 23), // IETF protocol assignments, Teredo
    ([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], 32), // documentation
    ([0x2002, 0, 0, 0, 0, 0, 0, 0], 16), // 6to4
    ([0x3fff, 0, 0, 0, 0, 0, 0, 0], 20), // documentation
    ([0x5f00, 0, 0, 0, 0, 0, 0, 0], 16), // segment routing
    ([0xfc00, 0, 0, 0, 0, 0, 0, 0], 7), // unique local
    ([0xfe80, 0, 0, 0, 0, 0, 0, 0], 10), // link-local
    ([0xfec0, 0, 0, 0, 0, 0, 0, 0], 10), // site-local (deprecated)
    ([0xff00, 0, 0, 0, 0, 0, 0, 0], 8), // multicast
];

/// Whether an address is one the probe must never connect to.
pub fn is_forbidden(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => V4_FORBIDDEN
            .iter()
            .any(|(net, bits)| v4_in(v4, *net, *bits)),
        IpAddr::V6(v6) => {
            !v6_in(v6, V6_GLOBAL_UNICAST.0, V6_GLOBAL_UNICAST.1)
                || V6_FORBIDDEN
                    .iter()
                    .any(|(net, bits)| v6_in(v6, *net, *bits))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
    }

    #[test]
    fn special_purpose_addresses_are_forbidden() {
        for a in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "240.0.0.1",
            "255.255.255.255",
            "192.0.2.1",
            "198.18.0.1",
            "::1",
            "::",
            "::ffff:127.0.0.1",
            "::ffff:8.8.8.8",
            "64:ff9b::7f00:1",
            "2002:7f00:1::",
            "2001::1",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
            // IPv4-translated (SIIT), unallocated space outside 2000::/3, discard.
            "::ffff:0:7f00:1",
            "::ffff:0:a00:1",
            "4000::1",
            "1000::1",
            "e000::1",
            "100::1",
        ] {
            assert!(is_forbidden(ip(a)), "{a}");
        }
        for a in [
            "8.8.8.8",
            "1.1.1.1",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700::1111",
            "2404:6800::1",
        ] {
            assert!(!is_forbidden(ip(a)), "{a}");
        }
    }

    #[test]
    fn targets_are_names_or_ips_never_urls_or_numeric_spellings() {
        assert_eq!(
            parse_target("Mail.Example.com."),
            Ok(Target::Name("mail.example.com".into()))
        );
        assert_eq!(parse_target("192.0.2.1"), Ok(Target::Ip(ip("192.0.2.1"))));
        // One target, however it is spelt.
        for spelling in [
            " fake.test",
            "fake.test.",
            "fake.test..",
            "FAKE.test\n",
            "fake.test\t",
        ] {
            assert_eq!(
                parse_target(spelling),
                Ok(Target::Name("fake.test".into())),
                "{spelling:?}"
            );
        }
        for spelling in ["::ffff:127.0.0.1", "[::ffff:127.0.0.1]", "127.0.0.1"] {
            assert_eq!(
                parse_target(spelling),
                Ok(Target::Ip(ip("127.0.0.1"))),
                "{spelling}"
            );
        }
        for spelling in ["::1", "[::1]", "0::1", "0:0:0:0:0:0:0:1"] {
            assert_eq!(
                parse_target(spelling),
                Ok(Target::Ip(ip("::1"))),
                "{spelling}"
            );
        }
        assert_eq!(
            parse_target("Mail.Bücher.de"),
            Ok(Target::Name("mail.xn--bcher-kva.de".into()))
        );
        assert!(matches!(
            parse_target("fake.test\nINJECTED"),
            Err(Refusal::Malformed(_))
        ));
        assert_eq!(
            parse_target("[2001:db8::1]"),
            Ok(Target::Ip(ip("2001:db8::1")))
        );
        for bad in [
            "https://mail.example.com",
            "mail.example.com:993",
            "user@mail.example.com",
            "mail/x",
            "",
            "a b",
            "mail..x",
        ] {
            assert!(
                matches!(parse_target(bad), Err(Refusal::Malformed(_))),
                "{bad}"
            );
        }
        for numeric in [
            "2130706433",
            "0x7f.0.0.1",
            "0177.0.0.1",
            "127.1",
            "0x7f000001",
            "mail.123",
        ] {
            assert_eq!(
                parse_target(numeric),
                Err(Refusal::NumericSpelling),
                "{numeric}"
            );
        }
    }
}
