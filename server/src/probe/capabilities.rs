//! The capabilities step: what the server offers before and after TLS (STARTTLS, sign-in
//! methods), and whether a client can sign in on the connection as set
//! (auth-not-offered, login-disabled-before-tls).

use maillint::codes::ProbeCode;
use maillint::settings::{Protocol, Security};
use tokio::time::Instant;

use super::dialect::Dialect;
use super::lines::{LineError, Lines};
use super::Run;

/// Capabilities as the server lists them, upper-cased.
#[derive(Debug, Default)]
pub struct Caps {
    words: Vec<String>,
    /// SASL mechanisms from SMTP's `AUTH` line or POP3's `SASL` line.
    mechanisms: Vec<String>,
}

impl Caps {
    pub fn has(&self, word: &str) -> bool {
        self.words.iter().any(|w| w == word)
    }
    pub fn auth(&self, protocol: Protocol) -> Vec<String> {
        match protocol {
            Protocol::Imap => self
                .words
                .iter()
                .filter_map(|w| w.strip_prefix("AUTH="))
                .map(str::to_string)
                .collect(),
            Protocol::Pop3 => {
                let mut m = self.mechanisms.clone();
                if self.has("USER") {
                    m.push("USER".to_string());
                }
                m
            }
            Protocol::Smtp => self.mechanisms.clone(),
        }
    }
    /// Whether a client can sign in on this connection.
    pub fn can_login(&self, protocol: Protocol) -> bool {
        match protocol {
            // IMAP LOGIN works unless the server says LOGINDISABLED.
            Protocol::Imap => !self.has("LOGINDISABLED"),
            _ => !self.auth(protocol).is_empty(),
        }
    }
}

pub async fn read_capabilities(
    lines: &mut Lines,
    d: &Dialect,
    deadline: Instant,
    greeting: Option<&str>,
) -> Result<Caps, LineError> {
    let mut caps = Caps::default();
    let mut add = |text: &str| {
        for w in text.split_whitespace() {
            let w = w.trim_matches(['[', ']']).to_ascii_uppercase();
            if !caps.words.contains(&w) {
                caps.words.push(w);
            }
        }
    };
    if let Some(g) = greeting {
        if let Some(rest) = g.split("[CAPABILITY ").nth(1) {
            add(rest.split(']').next().unwrap_or(""));
        }
    }
    lines.send(d.first_command(), deadline).await?;
    loop {
        let line = lines.line(deadline).await?;
        match d.protocol {
            Protocol::Imap => {
                if let Some(rest) = line.strip_prefix("* CAPABILITY ") {
                    add(rest);
                } else if line.starts_with("a1 ") {
                    return Ok(caps);
                }
            }
            Protocol::Pop3 => {
                if line == "." || line.starts_with("-ERR") {
                    return Ok(caps);
                }
                if let Some(m) = line.strip_prefix("SASL") {
                    caps.mechanisms
                        .extend(m.split_whitespace().map(str::to_ascii_uppercase));
                } else if !line.starts_with("+OK") {
                    add(&line);
                }
            }
            Protocol::Smtp => {
                let (code, rest) = (line.get(..3).unwrap_or(""), line.get(4..).unwrap_or(""));
                if code != "250" {
                    return Ok(caps);
                }
                let upper = rest.to_ascii_uppercase();
                if let Some(m) = upper
                    .strip_prefix("AUTH ")
                    .or_else(|| upper.strip_prefix("AUTH="))
                {
                    caps.mechanisms
                        .extend(m.split_whitespace().map(str::to_string));
                }
                add(rest);
                if line.as_bytes().get(3) != Some(&b'-') {
                    return Ok(caps);
                }
            }
        }
    }
}

/// The step's line: before or after TLS, STARTTLS offered, and the sign-in methods.
pub fn describe(caps: &Caps, protocol: Protocol, tls: bool, starttls: bool) -> String {
    let auth = caps.auth(protocol);
    format!(
        "{}{}; sign-in: {}",
        if tls { "after TLS" } else { "before TLS" },
        if !tls && starttls {
            ", STARTTLS offered"
        } else {
            ""
        },
        if caps.can_login(protocol) {
            if auth.is_empty() {
                "LOGIN".to_string()
            } else {
                auth.join(" ")
            }
        } else {
            "none".to_string()
        }
    )
}

/// Reads the capabilities after the greeting, as one step.
pub async fn before_tls(
    run: &mut Run<'_>,
    lines: &mut Lines,
    d: &Dialect,
    greeting: &str,
) -> Option<Caps> {
    let started = Instant::now();
    match read_capabilities(lines, d, run.phase_deadline(), Some(greeting)).await {
        Ok(caps) => {
            let starttls = caps.has(d.starttls_word());
            let tls = run.req.security == Security::Tls;
            run.step(
                "capabilities",
                started,
                true,
                describe(&caps, d.protocol, tls, starttls),
            );
            Some(caps)
        }
        Err(_) => {
            run.step("capabilities", started, false, "no complete answer");
            run.finding(ProbeCode::BadResponse, run.port_field());
            None
        }
    }
}

/// Reads the capabilities again on the secured connection, after STARTTLS.
pub async fn after_starttls(run: &mut Run<'_>, secure: &mut Lines, d: &Dialect) {
    let started = Instant::now();
    match read_capabilities(secure, d, run.phase_deadline(), None).await {
        Ok(after) => {
            run.step(
                "capabilities",
                started,
                true,
                describe(&after, d.protocol, true, false),
            );
            if !after.can_login(d.protocol) {
                run.finding(ProbeCode::AuthNotOffered, run.security_field());
            }
        }
        Err(_) => {
            run.step(
                "capabilities",
                started,
                false,
                "no complete answer after TLS",
            );
            run.finding(ProbeCode::BadResponse, run.port_field());
        }
    }
}

/// Whether a client can sign in on a connection that is already secure (SSL/TLS) or stays
/// plain (no encryption); where the server wants STARTTLS first, the fix says so.
pub fn check_login(run: &mut Run<'_>, caps: &Caps, d: &Dialect) {
    if caps.can_login(d.protocol) {
        return;
    }
    if run.req.security == Security::None && caps.has(d.starttls_word()) {
        run.security_fix(ProbeCode::LoginDisabledBeforeTls, Security::Starttls);
    } else {
        run.finding(ProbeCode::AuthNotOffered, run.security_field());
    }
}
