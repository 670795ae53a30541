//! How many published, working configurations draw an error: every domain of every provider
//! in the provider lists other mail programs use, typed exactly as the list publishes it,
//! through `check`. The lists are read from a folder, in their own formats, not from data in
//! this repository:
//!
//! - `DIR/ispdb/`: Thunderbird's ISPDB, one `config-v1.1.xml` file per provider (any file
//!   name), the source Thunderbird and K-9 Mail use;
//! - `DIR/deltachat/data.rs`: Delta Chat's provider database in its generated Rust form
//!   (`// <file>.md: domain, domain` then its `Server { … }` entries);
//! - `DIR/k9/providers.xml`: K-9 Mail's provider list (`<provider domain>` with `incoming`
//!   and `outgoing` URIs).
//!
//! Each domain is typed once with each published incoming server (beside the first outgoing
//! one) and once with each outgoing server (beside the first incoming one), with the user
//! name the list asks for. A missing folder is skipped and said so, and so are the example
//! domains RFC 2606 reserves (a list's sample entry, not a provider) and `%EMAILDOMAIN%`
//! given as a domain (a template for any domain).
//!
//! `cargo run --release --example published_sources -- DIR [--list]` prints, per source, the
//! domains and configurations read and how many draw an error; `--list` names each error.

use std::collections::BTreeMap;
use std::path::Path;

use maillint::profile::{Profile, ServerSpec};
use maillint::settings::{IncomingSettings, OutgoingSettings, Protocol, Security};
use maillint::{check, Options, Settings, Severity};

/// One provider of a list: its domains and its servers in the list's order.
struct Published {
    domains: Vec<String>,
    incoming: Vec<ServerSpec>,
    outgoing: Vec<ServerSpec>,
}

fn server(
    protocol: Protocol,
    host: &str,
    port: Option<u16>,
    security: Option<Security>,
    username: &str,
) -> ServerSpec {
    ServerSpec {
        protocol,
        hostname: host.to_string(),
        port,
        security,
        username: Some(username.to_string()),
        authentication: None,
    }
}

fn ispdb(dir: &Path) -> Result<Vec<Published>, String> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    for path in entries {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        match Profile::from_xml(&text) {
            Ok(p) => out.push(Published {
                domains: p.domains,
                incoming: p.incoming,
                outgoing: p.outgoing,
            }),
            Err(e) => eprintln!("ispdb: {} not read: {e}", path.display()),
        }
    }
    Ok(out)
}

/// The value of `key: value,` on a line of Delta Chat's generated table.
fn field<'a>(block: &'a str, key: &str) -> Option<&'a str> {
    let at = block.find(&format!("{key}:"))? + key.len() + 1;
    let rest = block.get(at..)?.trim_start();
    let end = rest.find([',', '\n', '}']).unwrap_or(rest.len());
    rest.get(..end).map(|v| v.trim().trim_matches('"'))
}

fn deltachat(file: &Path) -> Result<Vec<Published>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut out: Vec<Published> = Vec::new();
    for line_block in text.split("\n// ").skip(1) {
        let (head, body) = line_block.split_once('\n').unwrap_or((line_block, ""));
        let Some((_, domains)) = head.split_once(".md: ") else {
            continue;
        };
        let mut p = Published {
            domains: domains
                .split(", ")
                .map(|d| d.trim().to_string())
                // `*.hermes.radio`: subdomains, no address domain of their own.
                .filter(|d| d.contains('.') && !d.starts_with('*'))
                .collect(),
            incoming: Vec::new(),
            outgoing: Vec::new(),
        };
        // Only the provider's own statement, not the lookup tables after the last one.
        let body = body.split("\npub(crate) static").next().unwrap_or(body);
        for block in body.split("Server {").skip(1) {
            let block = block.split('}').next().unwrap_or(block);
            let security = match field(block, "socket") {
                Some("Ssl") => Some(Security::Tls),
                Some("Starttls") => Some(Security::Starttls),
                Some("Plain") => Some(Security::None),
                _ => None,
            };
            let username = match field(block, "username_pattern") {
                Some("Emaillocalpart") => "%EMAILLOCALPART%",
                _ => "%EMAILADDRESS%",
            };
            let host = field(block, "hostname").unwrap_or("");
            let port = field(block, "port").and_then(|p| p.parse().ok());
            match field(block, "protocol") {
                Some("Imap") => {
                    p.incoming
                        .push(server(Protocol::Imap, host, port, security, username))
                }
                Some("Smtp") => {
                    p.outgoing
                        .push(server(Protocol::Smtp, host, port, security, username))
                }
                _ => {}
            }
        }
        out.push(p);
    }
    Ok(out)
}

/// `imap+ssl+://imap.gmail.com:993` as K-9 writes it: protocol, security, host, port.
fn k9_uri(uri: &str, username: &str) -> Option<ServerSpec> {
    let (scheme, rest) = uri.split_once("://")?;
    let mut parts = scheme.split('+');
    let protocol = match parts.next()? {
        "imap" => Protocol::Imap,
        "pop3" => Protocol::Pop3,
        "smtp" => Protocol::Smtp,
        _ => return None,
    };
    let security = match parts.next() {
        Some("ssl") => Security::Tls,
        Some("tls") => Security::Starttls,
        _ => Security::None,
    };
    let (host, port) = match rest.split_once(':') {
        Some((h, p)) => (h, p.trim_end_matches('/').parse().ok()),
        None => (rest.trim_end_matches('/'), None),
    };
    // K-9 leaves out the standard port.
    let port = port.or(Some(protocol.standard_port(security)));
    let username = username
        .replace("$email", "%EMAILADDRESS%")
        .replace("$user", "%EMAILLOCALPART%")
        .replace("$domain", "%EMAILDOMAIN%");
    Some(server(protocol, host, port, Some(security), &username))
}

/// The value of `name="…"` in a start tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let rest = tag.get(at..)?;
    rest.get(..rest.find('"')?)
}

fn k9(file: &Path) -> Result<Vec<Published>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut out = Vec::new();
    for block in text.split("<provider ").skip(1) {
        let block = block.split("</provider>").next().unwrap_or(block);
        let Some(domain) = attribute(block, "domain") else {
            continue;
        };
        let tag = |name: &str| {
            block
                .split(&format!("<{name} "))
                .skip(1)
                .filter_map(|t| {
                    let t = t.split('>').next()?;
                    k9_uri(
                        attribute(t, "uri")?,
                        attribute(t, "username").unwrap_or("$email"),
                    )
                })
                .collect::<Vec<_>>()
        };
        out.push(Published {
            domains: vec![domain.to_string()],
            incoming: tag("incoming"),
            outgoing: tag("outgoing"),
        });
    }
    Ok(out)
}

/// A server's field text with the address filled in. Any other `%NAME%` is a value the file
/// asks the customer for (`<userinput key="%USERNAME%">`, a university login): the customer
/// types their own, here `momo`.
fn fill(text: &str, local: &str, domain: &str) -> String {
    let filled = text
        .replace("%EMAILADDRESS%", &format!("{local}@{domain}"))
        .replace("%EMAILLOCALPART%", local)
        .replace("%EMAILDOMAIN%", domain);
    match (filled.find('%'), filled.rfind('%')) {
        (Some(start), Some(end)) if end > start => {
            let mut typed = filled.clone();
            typed.replace_range(start..=end, local);
            typed
        }
        _ => filled,
    }
}

fn settings(
    domain: &str,
    incoming: Option<&ServerSpec>,
    outgoing: Option<&ServerSpec>,
) -> Settings {
    let local = "momo";
    let security = |s: &ServerSpec| {
        s.security.map(|s| match s {
            Security::Tls => "tls".to_string(),
            Security::Starttls => "starttls".to_string(),
            Security::None => "none".to_string(),
        })
    };
    Settings {
        email: Some(format!("{local}@{domain}")),
        incoming: IncomingSettings {
            protocol: incoming.map(|s| s.protocol.as_str().to_string()),
            host: incoming.map(|s| fill(&s.hostname, local, domain)),
            port: incoming.and_then(|s| s.port).map(|p| p.to_string()),
            security: incoming.and_then(security),
            username: incoming
                .and_then(|s| s.username.as_deref())
                .map(|u| fill(u, local, domain)),
        },
        outgoing: OutgoingSettings {
            host: outgoing.map(|s| fill(&s.hostname, local, domain)),
            port: outgoing.and_then(|s| s.port).map(|p| p.to_string()),
            security: outgoing.and_then(security),
            username: outgoing
                .and_then(|s| s.username.as_deref())
                .map(|u| fill(u, local, domain)),
            auth: None,
        },
    }
}

/// Checks every configuration of a list: (domains, configurations, domains with an error,
/// configurations with an error, the errors).
fn measure(list: &[Published]) -> (usize, usize, usize, usize, Vec<String>) {
    let (mut domains, mut configs, mut bad_domains, mut bad_configs) = (0, 0, 0, 0);
    let mut errors = Vec::new();
    for p in list {
        let mut pairs: Vec<(Option<&ServerSpec>, Option<&ServerSpec>)> = p
            .incoming
            .iter()
            .map(|i| (Some(i), p.outgoing.first()))
            .chain(
                p.outgoing
                    .iter()
                    .skip(1)
                    .map(|o| (p.incoming.first(), Some(o))),
            )
            .collect();
        if pairs.is_empty() {
            // A list entry without servers still says the domain is real.
            pairs.push((None, None));
        }
        for domain in &p.domains {
            let domain = domain.to_ascii_lowercase();
            // RFC 2606 reserves these for examples: a list's sample entry, not a provider;
            // and `%EMAILDOMAIN%` as a domain is a template for any domain, not one.
            if ["example.com", "example.net", "example.org"].contains(&domain.as_str())
                || domain.contains('%')
            {
                continue;
            }
            domains += 1;
            let mut domain_bad = false;
            for (incoming, outgoing) in &pairs {
                configs += 1;
                let report = check(
                    &settings(&domain, *incoming, *outgoing),
                    &Options::default(),
                );
                let found: Vec<String> = report
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .map(|f| format!("{domain}: {} on {}: {}", f.code, f.place.path(), f.message))
                    .collect();
                if !found.is_empty() {
                    bad_configs += 1;
                    domain_bad = true;
                    errors.extend(found);
                }
            }
            bad_domains += usize::from(domain_bad);
        }
    }
    (domains, configs, bad_domains, bad_configs, errors)
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: published_sources DIR [--list] (DIR holds ispdb/, deltachat/data.rs, k9/providers.xml)");
        std::process::exit(2);
    };
    let list_errors = args.iter().any(|a| a == "--list");
    let dir = Path::new(dir);
    let sources: [(&str, Result<Vec<Published>, String>); 3] = [
        ("ISPDB", ispdb(&dir.join("ispdb"))),
        ("Delta Chat", deltachat(&dir.join("deltachat/data.rs"))),
        ("K-9 Mail", k9(&dir.join("k9/providers.xml"))),
    ];
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    for (name, list) in sources {
        let list = match list {
            Ok(list) => list,
            Err(why) => {
                println!("{name}: not read ({why})");
                continue;
            }
        };
        let (domains, configs, bad_domains, bad_configs, errors) = measure(&list);
        println!(
            "{name}: {} providers, {domains} domains, {configs} configurations; {bad_domains} domains ({:.1} %) and {bad_configs} configurations ({:.1} %) draw an error",
            list.len(),
            percent(bad_domains, domains),
            percent(bad_configs, configs)
        );
        for e in &errors {
            let code = e
                .split(": ")
                .nth(1)
                .and_then(|c| c.split(' ').next())
                .unwrap_or("");
            *by_code.entry(code.to_string()).or_default() += 1;
            if list_errors {
                println!("  {e}");
            }
        }
    }
    if !by_code.is_empty() {
        println!("errors by code: {by_code:?}");
    }
}
