//! What discovery keeps of what it fetched, bounded. A fetched `config-v1.1.xml` may be up to
//! [`super::fetch::MAX_BODY`]; nothing in it is copied into an answer or the cache at more
//! than the lengths below, so an answer (and a cache entry) stays a few KB whatever a domain
//! serves: a 250 KB `<displayName>` once made each answer about 1 MB and each cached entry
//! about 2 MB (issue 29).

use maillint::profile::{Profile, ServerSpec};

/// A provider's display name, as shown in an answer and in findings.
pub const MAX_NAME: usize = 64;
/// A source's `detail`.
pub const MAX_DETAIL: usize = 160;
/// A host name (RFC 1035: 253 characters in text form); a longer one is no host.
pub const MAX_HOST: usize = 253;
/// A user-name template or an authentication method.
pub const MAX_FIELD: usize = 64;
/// Servers kept per direction, domains kept per profile, MX records kept per answer.
pub const MAX_SERVERS: usize = 8;
pub const MAX_DOMAINS: usize = 8;
pub const MAX_MX: usize = 16;

/// `text` cut to `max` characters, with `…` where it was cut.
pub fn cut(mut text: String, max: usize) -> String {
    if let Some((at, _)) = text.char_indices().nth(max) {
        text.truncate(at);
        text.push('…');
    }
    text
}

fn server(mut s: ServerSpec) -> Option<ServerSpec> {
    if s.hostname.len() > MAX_HOST {
        return None;
    }
    s.username = s.username.map(|u| cut(u, MAX_FIELD));
    s.authentication = s.authentication.map(|a| cut(a, MAX_FIELD));
    Some(s)
}

/// A fetched profile with only what an answer needs, each part bounded. `domain` (the
/// domain asked about) is kept among the domains when the file names it.
pub fn profile(p: Profile, domain: &str) -> Profile {
    let servers = |list: Vec<ServerSpec>| -> Vec<ServerSpec> {
        list.into_iter()
            .filter_map(server)
            .take(MAX_SERVERS)
            .collect()
    };
    let names_domain = p.names_domain(domain);
    let mut domains: Vec<String> = p
        .domains
        .into_iter()
        .filter(|d| d.len() <= MAX_HOST)
        .take(MAX_DOMAINS)
        .collect();
    if names_domain && !domains.iter().any(|d| d.eq_ignore_ascii_case(domain)) {
        domains.push(domain.to_string());
    }
    Profile {
        domains,
        display_name: p.display_name.map(|n| cut(n, MAX_NAME)),
        incoming: servers(p.incoming),
        outgoing: servers(p.outgoing),
        not_offered: p.not_offered,
    }
}

/// Roughly the bytes a profile holds, for the cache's budget.
pub fn profile_bytes(p: &Profile) -> usize {
    let server = |s: &ServerSpec| {
        std::mem::size_of::<ServerSpec>()
            + s.hostname.len()
            + s.username.as_ref().map_or(0, String::len)
            + s.authentication.as_ref().map_or(0, String::len)
    };
    std::mem::size_of::<Profile>()
        + p.domains.iter().map(|d| d.len() + 24).sum::<usize>()
        + p.display_name.as_ref().map_or(0, String::len)
        + p.incoming
            .iter()
            .chain(&p.outgoing)
            .map(server)
            .sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use maillint::settings::Protocol;

    fn spec(host: &str) -> ServerSpec {
        ServerSpec {
            protocol: Protocol::Imap,
            hostname: host.to_string(),
            port: Some(993),
            security: None,
            username: Some("u".repeat(1000)),
            authentication: None,
        }
    }

    #[test]
    fn a_fetched_profile_is_bounded() {
        let p = Profile {
            domains: (0..100).map(|i| format!("d{i}.test")).collect(),
            display_name: Some("N".repeat(250_000)),
            incoming: (0..100)
                .map(|i| spec(&format!("imap{i}.test")))
                .chain([spec(&"h".repeat(300))])
                .collect(),
            outgoing: vec![spec("smtp.test")],
            not_offered: Vec::new(),
        };
        let before = profile_bytes(&p);
        let kept = profile(p, "d50.test");
        assert_eq!(
            kept.display_name.as_deref().map(|n| n.chars().count()),
            Some(MAX_NAME + 1)
        );
        assert_eq!(kept.incoming.len(), MAX_SERVERS);
        assert!(kept.incoming.iter().all(|s| s.hostname.len() <= MAX_HOST));
        assert_eq!(kept.domains.len(), MAX_DOMAINS + 1);
        assert!(kept.domains.iter().any(|d| d == "d50.test"));
        assert!(profile_bytes(&kept) < 4096, "{}", profile_bytes(&kept));
        assert!(before > 250_000);
        assert_eq!(cut("短い".into(), 1), "短…");
        assert_eq!(cut("ab".into(), 2), "ab");
    }
}
