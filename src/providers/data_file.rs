// Reads and checks data/providers.toml and writes the Rust tables the engine compiles.
// Not a module of the engine: build.rs and tests/provider_data.rs `include!` it, so the
// check that stops a build on a malformed entry is the same code a test feeds bad entries.
// It needs `serde` (derive) and `toml`, which both have as build or dev dependencies.

/// The whole file.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProviderFile {
    #[serde(default)]
    pub other_domains: String,
    #[serde(rename = "provider")]
    pub providers: Vec<ProviderEntry>,
    /// Known misspellings: typed domain → the domain meant.
    #[serde(default)]
    pub misspellings: std::collections::BTreeMap<String, String>,
}

/// One provider, as written in the file.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProviderEntry {
    pub id: String,
    pub name: String,
    pub account: Option<String>,
    /// The name its customers know it by in Chinese, where it differs from `name`
    /// (`{ zh-hans = "QQ 邮箱", zh-hant = "QQ 郵箱" }`).
    pub local_names: Option<LocalNames>,
    pub family: Option<String>,
    pub domains: String,
    #[serde(default)]
    pub more_domains: String,
    #[serde(default)]
    pub domain_labels: Vec<String>,
    #[serde(default)]
    pub imap: Vec<String>,
    #[serde(default)]
    pub pop3: Vec<String>,
    #[serde(default)]
    pub smtp: Vec<String>,
    #[serde(default)]
    pub exchangers: Vec<Exchanger>,
    pub username: String,
    pub outgoing_username: Option<String>,
    pub app_password: String,
    /// How mail programs sign in, where the provider has said more than the app password.
    pub sign_in: Option<SignInEntry>,
    #[serde(default = "yes")]
    pub smtp_auth: bool,
    pub sources: Vec<String>,
}

/// How mail programs may sign in to a provider, from its own pages and announcements.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SignInEntry {
    /// Mail programs can sign in through the provider's own sign-in page (OAuth 2.0).
    pub oauth: bool,
    /// Common mail apps the provider's pages name as offering that sign-in.
    #[serde(default)]
    pub apps: Vec<String>,
    /// Dated ends of password sign-in (the account password and app passwords alike).
    #[serde(default)]
    pub password_ends: Vec<PasswordEndEntry>,
    /// Where an authorization code is made, as the web mailbox labels it.
    pub code_where: Option<String>,
    pub sources: Vec<String>,
}

/// From `on` (YYYY-MM-DD), a password no longer signs in to `protocols` ("imap pop3 smtp");
/// `by-default` where the provider turns it off but an organisation's administrator may turn
/// it back on.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PasswordEndEntry {
    pub on: String,
    pub protocols: String,
    #[serde(default)]
    pub by_default: bool,
}

/// A date written YYYY-MM-DD as the number YYYYMMDD, which orders as the dates do.
pub fn date_number(text: &str) -> Result<u32, String> {
    let bad = || format!("\"{text}\" is not a date written YYYY-MM-DD");
    let mut parts = text.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (y, m, d): (u32, u32, u32) = match (y.parse(), m.parse(), d.parse()) {
        (Ok(y), Ok(m), Ok(d)) => (y, m, d),
        _ => return Err(bad()),
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    Ok(y * 10_000 + m * 100 + d)
}

fn check_sign_in(s: &SignInEntry) -> Result<(), String> {
    if s.sources.is_empty() {
        return Err("sign-in has no sources".to_string());
    }
    if !s.oauth && !s.apps.is_empty() {
        return Err("sign-in names apps but no OAuth sign-in".to_string());
    }
    for end in &s.password_ends {
        date_number(&end.on).map_err(|why| format!("sign-in: {why}"))?;
        if end.protocols.split_whitespace().next().is_none() {
            return Err("sign-in: a password end names no protocol".to_string());
        }
        for p in end.protocols.split_whitespace() {
            if !["imap", "pop3", "smtp"].contains(&p) {
                return Err(format!("sign-in: \"{p}\" is none of imap, pop3, smtp"));
            }
        }
    }
    Ok(())
}

/// A provider's name in Simplified and in Traditional Chinese.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LocalNames {
    pub zh_hans: String,
    pub zh_hant: String,
    /// The account's name, where the provider has an `account` (网易 for NetEase).
    pub account_zh_hans: Option<String>,
    pub account_zh_hant: Option<String>,
}

fn yes() -> bool {
    true
}

/// A mail-exchanger host suffix that identifies the provider (`google.com`), and the name
/// discovery shows for a domain whose mail goes there ("Google Workspace").
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exchanger {
    pub suffix: String,
    pub name: String,
}

/// One server of a provider: `host`, and the port and security where the provider names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerEntry {
    pub host: String,
    pub port: Option<(u16, &'static str)>,
}

/// The ports mail programs use, and the few unusual ones providers document.
pub const KNOWN_PORTS: &[u16] = &[25, 110, 143, 465, 586, 587, 993, 994, 995, 2525];

impl ProviderEntry {
    /// The address domains, lower case, in file order: `domains`, then `more-domains`.
    pub fn domain_list(&self) -> Vec<&str> {
        self.domains
            .split_whitespace()
            .chain(self.more_domains.split_whitespace())
            .collect()
    }

    /// The servers of one protocol (`imap`, `pop3` or `smtp`), read from their text.
    pub fn servers(&self, protocol: &str) -> Result<Vec<ServerEntry>, String> {
        let list = match protocol {
            "imap" => &self.imap,
            "pop3" => &self.pop3,
            _ => &self.smtp,
        };
        list.iter()
            .map(|text| parse_server(text).map_err(|why| format!("{protocol} \"{text}\": {why}")))
            .collect()
    }
}

fn parse_server(text: &str) -> Result<ServerEntry, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (host, port) = match words.as_slice() {
        [host] => (*host, None),
        [host, port, security] => {
            let port: u16 = port
                .parse()
                .map_err(|_| format!("\"{port}\" is not a port number"))?;
            if !KNOWN_PORTS.contains(&port) {
                return Err(format!(
                    "port {port} is not a known mail port ({KNOWN_PORTS:?})"
                ));
            }
            let security = match *security {
                "tls" => "Tls",
                "starttls" => "Starttls",
                "none" => "Plain",
                other => {
                    return Err(format!(
                        "security \"{other}\" is none of tls, starttls, none"
                    ))
                }
            };
            (*host, Some((port, security)))
        }
        _ => return Err("write \"host port security\" or \"host\"".to_string()),
    };
    if !is_host_name(host) {
        return Err(format!("\"{host}\" is not a valid host name"));
    }
    Ok(ServerEntry {
        host: host.to_string(),
        port,
    })
}

/// A lower-case ASCII host name of two or more labels (letters, digits, hyphens inside).
pub fn is_host_name(name: &str) -> bool {
    let labels: Vec<&str> = name.split('.').collect();
    name.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

fn username_rule(text: &str) -> Result<&'static str, String> {
    match text {
        "full-address" => Ok("FullAddress"),
        "local-part" => Ok("LocalPart"),
        "either" => Ok("Either"),
        "full-address-documented" => Ok("FullAddressDocumented"),
        other => Err(format!(
            "username \"{other}\" is none of full-address, local-part, either, full-address-documented"
        )),
    }
}

fn app_password(text: &str) -> Result<&'static str, String> {
    match text {
        "no" => Ok("No"),
        "always" => Ok("Always"),
        "with-two-step" => Ok("WithTwoStep"),
        "authorization-code" => Ok("AuthorizationCode"),
        other => Err(format!(
            "app-password \"{other}\" is none of no, always, with-two-step, authorization-code"
        )),
    }
}

/// Reads the file and checks every entry; the error names the entry and what is wrong.
pub fn read_provider_file(text: &str) -> Result<ProviderFile, String> {
    let file: ProviderFile = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut seen = Seen::default();
    for p in &file.providers {
        check_provider(p, &file, &mut seen)
            .map_err(|why| format!("provider \"{}\": {why}", p.id))?;
    }
    for d in file.other_domains.split_whitespace() {
        if !is_host_name(d) {
            return Err(format!(
                "other-domains: \"{d}\" is not a lower-case domain name"
            ));
        }
        if let Some((_, owner)) = seen.domains.iter().find(|(e, _)| e == d) {
            return Err(format!(
                "other-domains: \"{d}\" is a domain of provider \"{owner}\""
            ));
        }
    }
    let typo_targets: Vec<&str> = file
        .providers
        .iter()
        .flat_map(|p| p.domains.split_whitespace())
        .chain(file.other_domains.split_whitespace())
        .collect();
    for (typed, meant) in &file.misspellings {
        if !is_host_name(typed) {
            return Err(format!(
                "misspellings: \"{typed}\" is not a lower-case domain name"
            ));
        }
        if let Some((_, owner)) = seen.domains.iter().find(|(e, _)| e == typed) {
            return Err(format!(
                "misspellings: \"{typed}\" is a domain of provider \"{owner}\""
            ));
        }
        if !typo_targets.contains(&meant.as_str()) {
            return Err(format!(
                "misspellings: \"{typed}\" = \"{meant}\": \"{meant}\" is no provider's domain nor in other-domains"
            ));
        }
    }
    Ok(file)
}

/// What earlier entries claimed: ids, domains (with their provider) and exchanger suffixes.
#[derive(Default)]
struct Seen {
    ids: Vec<String>,
    domains: Vec<(String, String)>,
    suffixes: Vec<String>,
}

fn check_provider(p: &ProviderEntry, file: &ProviderFile, seen: &mut Seen) -> Result<(), String> {
    if p.id.is_empty() || p.name.is_empty() {
        return Err("id and name must not be empty".to_string());
    }
    if seen.ids.contains(&p.id) {
        return Err("the id is used twice".to_string());
    }
    seen.ids.push(p.id.clone());
    if p.sources.is_empty() {
        return Err("no source".to_string());
    }
    if p.sources.iter().any(|s| s.trim().is_empty()) {
        return Err("an empty source".to_string());
    }
    if p.domain_list().is_empty() {
        return Err("no domain".to_string());
    }
    for d in p.domain_list() {
        if !is_host_name(d) {
            return Err(format!("domain \"{d}\" is not a lower-case domain name"));
        }
        if let Some((_, other)) = seen.domains.iter().find(|(e, _)| e == d) {
            return Err(format!("domain \"{d}\" is also a domain of \"{other}\""));
        }
        seen.domains.push((d.to_string(), p.id.clone()));
    }
    for label in &p.domain_labels {
        if label.contains('.') || !is_host_name(&format!("{label}.x")) {
            return Err(format!(
                "domain label \"{label}\" is not one lower-case label"
            ));
        }
    }
    let mut servers = 0;
    for protocol in ["imap", "pop3", "smtp"] {
        servers += p.servers(protocol)?.len();
    }
    if servers == 0 {
        return Err("no server".to_string());
    }
    for e in &p.exchangers {
        if !is_host_name(&e.suffix) || e.name.is_empty() {
            return Err(format!(
                "exchanger \"{}\" needs a host suffix and a name",
                e.suffix
            ));
        }
        if seen.suffixes.contains(&e.suffix) {
            return Err(format!("exchanger \"{}\" is listed twice", e.suffix));
        }
        seen.suffixes.push(e.suffix.clone());
    }
    username_rule(&p.username)?;
    if let Some(u) = &p.outgoing_username {
        username_rule(u)?;
    }
    app_password(&p.app_password)?;
    if let Some(s) = &p.sign_in {
        check_sign_in(s)?;
    }
    if let Some(family) = &p.family {
        let members = file
            .providers
            .iter()
            .filter(|q| q.family.as_ref() == Some(family))
            .count();
        if members < 2 {
            return Err(format!("family \"{family}\" has no other member"));
        }
    }
    Ok(())
}

/// The Rust source of the tables (`PROVIDERS`, `ACCOUNT_NAMES`, `OTHER_MAIL_DOMAINS`) for a
/// checked file: string literals and calls to `ep`/`host_only`, as a hand-written table would
/// be, so the browser build pays nothing for the data being in a file.
pub fn provider_tables(file: &ProviderFile) -> Result<String, String> {
    use std::fmt::Write;
    let q = |s: &str| format!("{s:?}");
    let mut out = String::new();
    out.push_str(
        "/// The table. Order matters only for hosts shared by two entries: the first one wins.\n",
    );
    out.push_str("pub static PROVIDERS: &[Provider] = &[\n");
    for p in &file.providers {
        let fail = |why: String| format!("provider \"{}\": {why}", p.id);
        let _ = writeln!(
            out,
            "Provider {{ id: Cow::Borrowed({}), name: Cow::Borrowed({}),",
            q(&p.id),
            q(&p.name)
        );
        let _ = writeln!(
            out,
            "family: {}, domains: {}, more_domains: {}, domain_labels: &[{}],",
            p.family
                .as_deref()
                .map_or("None".to_string(), |f| format!("Some({})", q(f))),
            q(&p.domains.split_whitespace().collect::<Vec<_>>().join(" ")),
            q(&p.more_domains
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")),
            p.domain_labels
                .iter()
                .map(|l| q(l))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for protocol in ["imap", "pop3", "smtp"] {
            let servers = p.servers(protocol).map_err(fail)?;
            let list: Vec<String> = servers
                .iter()
                .map(|s| match s.port {
                    Some((port, security)) => format!("ep({}, {port}, {security})", q(&s.host)),
                    None => format!("host_only({})", q(&s.host)),
                })
                .collect();
            let _ = writeln!(out, "{protocol}: Cow::Borrowed(&[{}]),", list.join(", "));
        }
        let incoming = username_rule(&p.username).map_err(fail)?;
        let outgoing = match &p.outgoing_username {
            Some(u) => username_rule(u).map_err(fail)?,
            None => incoming,
        };
        let _ = writeln!(
            out,
            "incoming_username: UsernameRule::{incoming}, outgoing_username: UsernameRule::{outgoing}, app_password: AppPassword::{}, smtp_auth: {},",
            app_password(&p.app_password).map_err(fail)?,
            p.smtp_auth
        );
        let _ = writeln!(
            out,
            "#[cfg(not(target_arch = \"wasm32\"))] exchangers: &[{}],",
            p.exchangers
                .iter()
                .map(|e| format!("({}, {})", q(&e.suffix), q(&e.name)))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = writeln!(
            out,
            "#[cfg(not(target_arch = \"wasm32\"))] sources: &[{}], }},",
            p.sources
                .iter()
                .map(|s| q(s))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    out.push_str("];\n\n");
    let mut accounts: Vec<(&str, &str)> = file
        .providers
        .iter()
        .filter_map(|p| p.account.as_deref().map(|a| (p.id.as_str(), a)))
        .collect();
    accounts.sort_unstable();
    let _ = writeln!(
        out,
        "/// The account each provider's customers sign in to, where it is not named after the mail service.\npub static ACCOUNT_NAMES: &[(&str, &str)] = &[{}];\n",
        accounts
            .iter()
            .map(|(id, a)| format!("({}, {})", q(id), q(a)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut local: Vec<(&str, &LocalNames)> = file
        .providers
        .iter()
        .filter_map(|p| p.local_names.as_ref().map(|l| (p.id.as_str(), l)))
        .collect();
    local.sort_unstable_by_key(|(id, _)| *id);
    let _ = writeln!(
        out,
        "/// Each provider's name (and its account's) in Simplified and Traditional Chinese, where its customers know it by another: (id, name, name, account, account), \"\" for none.\npub static LOCAL_NAMES: &[(&str, &str, &str, &str, &str)] = &[{}];\n",
        local
            .iter()
            .map(|(id, l)| format!(
                "({}, {}, {}, {}, {})",
                q(id),
                q(&l.zh_hans),
                q(&l.zh_hant),
                q(l.account_zh_hans.as_deref().unwrap_or("")),
                q(l.account_zh_hant.as_deref().unwrap_or(""))
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut sign_in: Vec<(&str, &SignInEntry)> = file
        .providers
        .iter()
        .filter_map(|p| p.sign_in.as_ref().map(|s| (p.id.as_str(), s)))
        .collect();
    sign_in.sort_unstable_by_key(|(id, _)| *id);
    let mut entries = Vec::new();
    for (id, s) in sign_in {
        let mut ends = Vec::new();
        for end in &s.password_ends {
            let protocols: Vec<&str> = end
                .protocols
                .split_whitespace()
                .map(|p| match p {
                    "imap" => "Protocol::Imap",
                    "pop3" => "Protocol::Pop3",
                    _ => "Protocol::Smtp",
                })
                .collect();
            ends.push(format!(
                "PasswordEnd {{ on: Day({}), protocols: &[{}], by_default: {} }}",
                date_number(&end.on)?,
                protocols.join(", "),
                end.by_default
            ));
        }
        entries.push(format!(
            "({}, SignIn {{ oauth: {}, apps: &[{}], password_ends: &[{}], code_where: {} }})",
            q(id),
            s.oauth,
            s.apps.iter().map(|a| q(a)).collect::<Vec<_>>().join(", "),
            ends.join(", "),
            q(s.code_where.as_deref().unwrap_or(""))
        ));
    }
    let _ = writeln!(
        out,
        "/// How mail programs sign in, per provider id, sorted.\npub static SIGN_IN: &[(&str, SignIn)] = &[{}];\n",
        entries.join(", ")
    );
    let _ = writeln!(
        out,
        "/// Real, well-known mail domains that are not providers here: typo targets, never typos.\npub static OTHER_MAIL_DOMAINS: &[&str] = &[{}];",
        file.other_domains
            .split_whitespace()
            .map(q)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        out,
        "/// Known misspellings (typed, meant), sorted by what was typed.\npub static MISSPELLINGS: &[(&str, &str)] = &[{}];",
        file.misspellings
            .iter()
            .map(|(t, m)| format!("({}, {})", q(t), q(m)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(out)
}
