//! The capabilities step: what the server offers before and after TLS (STARTTLS, sign-in
//! methods), and whether a client can sign in on the connection as set
//! (auth-not-offered, login-disabled-before-tls, oauth-only).

use std::collections::HashSet;

use maillint::codes::ProbeCode;
use maillint::messages::{Arg, StepText};
use maillint::settings::{Protocol, Security};
use tokio::time::Instant;

use super::dialect::Dialect;
use super::lines::{Budget, LineError, Lines};
use super::{Note, Run};

/// The most capability words, and the most mechanisms, kept from one reply.
pub const MAX_ENTRIES: usize = 256;
/// The longest capability word or mechanism name (SASL names are at most 20 characters,
/// RFC 4422; IMAP and SMTP keywords are shorter still).
pub const MAX_WORD: usize = 256;

/// Words in the order the server first sent them, each once; bounded.
#[derive(Debug, Default)]
struct Listed {
    order: Vec<String>,
    seen: HashSet<String>,
}

impl Listed {
    fn add(&mut self, word: String) -> Result<(), LineError> {
        if word.len() > MAX_WORD {
            return Err(LineError::TooMuch(StepText::CapabilityTooLong));
        }
        if self.seen.contains(&word) {
            return Ok(());
        }
        if self.order.len() >= MAX_ENTRIES {
            return Err(LineError::TooMuch(StepText::TooManyCapabilities));
        }
        self.seen.insert(word.clone());
        self.order.push(word);
        Ok(())
    }

    fn has(&self, word: &str) -> bool {
        self.seen.contains(word)
    }
}

/// Capabilities as the server lists them, upper-cased, each once.
#[derive(Debug, Default)]
pub struct Caps {
    words: Listed,
    /// SASL mechanisms from SMTP's `AUTH` line or POP3's `SASL` line.
    mechanisms: Listed,
}

impl Caps {
    pub fn has(&self, word: &str) -> bool {
        self.words.has(word)
    }

    fn add_words(&mut self, text: &str) -> Result<(), LineError> {
        for w in text.split_whitespace() {
            self.words
                .add(w.trim_matches(['[', ']']).to_ascii_uppercase())?;
        }
        Ok(())
    }

    fn add_mechanisms(&mut self, text: &str) -> Result<(), LineError> {
        for m in text.split_whitespace() {
            self.mechanisms.add(m.to_ascii_uppercase())?;
        }
        Ok(())
    }

    /// The sign-in methods offered, each once.
    pub fn auth(&self, protocol: Protocol) -> Vec<&str> {
        match protocol {
            Protocol::Imap => self
                .words
                .order
                .iter()
                .filter_map(|w| w.strip_prefix("AUTH="))
                .collect(),
            Protocol::Pop3 => {
                let mut m: Vec<&str> = self.mechanisms.order.iter().map(String::as_str).collect();
                if self.has("USER") && !self.mechanisms.has("USER") {
                    m.push("USER");
                }
                m
            }
            Protocol::Smtp => self.mechanisms.order.iter().map(String::as_str).collect(),
        }
    }

    /// Whether the only ways to sign in take a token from the provider's sign-in page
    /// (OAuth 2.0: `XOAUTH2`, `OAUTHBEARER`, RFC 7628), so a password cannot work: every
    /// mechanism offered is one of those, and for IMAP plain `LOGIN` is disabled too.
    pub fn oauth_only(&self, protocol: Protocol) -> bool {
        const OAUTH: [&str; 2] = ["XOAUTH2", "OAUTHBEARER"];
        let auth = self.auth(protocol);
        let login_closed = protocol != Protocol::Imap || self.has("LOGINDISABLED");
        !auth.is_empty() && login_closed && auth.iter().all(|m| OAUTH.contains(m))
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

/// Asks for the capabilities and reads the reply, within [`MAX_REPLY`](super::lines::MAX_REPLY)
/// bytes, [`MAX_ENTRIES`] entries of at most [`MAX_WORD`] characters, and the deadline.
pub async fn read_capabilities(
    lines: &mut Lines,
    d: &Dialect,
    deadline: Instant,
    greeting: Option<&str>,
) -> Result<Caps, LineError> {
    let mut caps = Caps::default();
    if let Some(g) = greeting {
        if let Some(rest) = g.split("[CAPABILITY ").nth(1) {
            caps.add_words(rest.split(']').next().unwrap_or(""))?;
        }
    }
    lines.send(d.first_command(), deadline).await?;
    let mut budget = Budget::reply();
    loop {
        let line = lines.reply_line(deadline, &mut budget).await?;
        match d.protocol {
            Protocol::Imap => {
                if let Some(rest) = line.strip_prefix("* CAPABILITY ") {
                    caps.add_words(rest)?;
                } else if line.starts_with("a1 ") {
                    return Ok(caps);
                }
            }
            Protocol::Pop3 => {
                if line == "." || line.starts_with("-ERR") {
                    return Ok(caps);
                }
                if let Some(m) = line.strip_prefix("SASL") {
                    caps.add_mechanisms(m)?;
                } else if !line.starts_with("+OK") {
                    caps.add_words(&line)?;
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
                    caps.add_mechanisms(m)?;
                }
                caps.add_words(rest)?;
                if line.as_bytes().get(3) != Some(&b'-') {
                    return Ok(caps);
                }
            }
        }
    }
}

/// The step's line: before or after TLS, STARTTLS offered, and the sign-in methods.
pub fn describe(caps: &Caps, protocol: Protocol, tls: bool, starttls: bool) -> Note {
    let auth = caps.auth(protocol);
    let text = match (tls, starttls) {
        (true, _) => StepText::AfterTls,
        (false, true) => StepText::BeforeTlsStarttls,
        (false, false) => StepText::BeforeTls,
    };
    let methods = if !caps.can_login(protocol) && starttls && !tls {
        // Sign-in only once the connection is secured is what a server should do (RFC 3207,
        // RFC 2595): explained, not flagged.
        Arg::Step(StepText::SignInAfterStarttls)
    } else if !caps.can_login(protocol) {
        Arg::Step(StepText::NoSignIn)
    } else if auth.is_empty() {
        Arg::Text("LOGIN".to_string())
    } else {
        Arg::Text(auth.join(" "))
    };
    Note::text(text).with("auth", methods)
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
                StepText::Capabilities,
                started,
                true,
                describe(&caps, d.protocol, tls, starttls),
            );
            Some(caps)
        }
        Err(e) => {
            let detail = if e.is_bad_response() {
                e.detail()
            } else {
                Note::text(StepText::NoCompleteAnswer)
            };
            run.step(StepText::Capabilities, started, false, detail);
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
                StepText::Capabilities,
                started,
                true,
                describe(&after, d.protocol, true, false),
            );
            if !after.can_login(d.protocol) {
                run.finding(ProbeCode::AuthNotOffered, run.security_field());
            } else if after.oauth_only(d.protocol) {
                run.finding(ProbeCode::OauthOnly, run.security_field());
            }
        }
        Err(e) => {
            let detail = if e.is_bad_response() {
                e.detail()
            } else {
                Note::text(StepText::NoCompleteAnswer)
            };
            run.step(StepText::Capabilities, started, false, detail);
            run.finding(ProbeCode::BadResponse, run.port_field());
        }
    }
}

/// Whether a client can sign in on a connection that is already secure (SSL/TLS) or stays
/// plain (no encryption); where the server wants STARTTLS first, the fix says so.
pub fn check_login(run: &mut Run<'_>, caps: &Caps, d: &Dialect) {
    if caps.oauth_only(d.protocol) {
        run.finding(ProbeCode::OauthOnly, run.security_field());
        return;
    }
    if caps.can_login(d.protocol) {
        return;
    }
    if run.req.security == Security::None && caps.has(d.starttls_word()) {
        run.security_fix(ProbeCode::LoginDisabledBeforeTls, Security::Starttls);
    } else {
        run.finding(ProbeCode::AuthNotOffered, run.security_field());
    }
}
