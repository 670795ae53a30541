//! One probe: resolve, connect to the checked address, TLS (on connect or after
//! STARTTLS/STLS), greeting, capabilities before and after TLS, then QUIT/LOGOUT. It never
//! takes, sends or logs a password. Each phase and the whole probe have a deadline.

pub mod lines;
pub mod tls;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use maillint::check::Draft;
use maillint::settings::{Field, FieldValue, Protocol, Security};
use maillint::Code;
use rustls::pki_types::ServerName;
use serde::Serialize;
use tokio::net::TcpStream;
use tokio::time::{timeout_at, Instant};
use tokio_rustls::TlsConnector;

use self::lines::{Conn, LineError, Lines};
use self::tls::{CertProblem, RecordingVerifier};
use crate::guard::{self, Target};

/// What the probe is asked.
#[derive(Clone, Debug)]
pub struct ProbeRequest {
    pub target: Target,
    /// The host as the customer typed it (for messages and TLS names).
    pub host: String,
    pub port: u16,
    pub protocol: Protocol,
    pub security: Security,
}

/// The settings of a probe.
#[derive(Clone, Debug)]
pub struct ProbeSettings {
    pub allow_private_targets: bool,
    pub roots: Arc<rustls::RootCertStore>,
    /// Each phase and the whole probe.
    pub timeout: Duration,
    /// Fixed answers for name lookups (local use and tests).
    pub resolve: Vec<(String, IpAddr)>,
    /// The local address to connect from.
    pub source: Option<IpAddr>,
}

async fn connect(addr: SocketAddr, source: Option<IpAddr>) -> std::io::Result<TcpStream> {
    let socket = match addr {
        SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
        SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
    };
    if let Some(ip) = source {
        socket.bind(SocketAddr::new(ip, 0))?;
    }
    socket.connect(addr).await
}

#[derive(Clone, Debug, Serialize)]
pub struct Step {
    pub step: &'static str,
    pub ok: bool,
    pub ms: u64,
    pub detail: String,
}

/// The result before findings are rendered in a locale.
#[derive(Debug, Default)]
pub struct ProbeResult {
    pub steps: Vec<Step>,
    pub drafts: Vec<Draft>,
    /// The target resolved only to forbidden addresses: the request is refused (403).
    pub forbidden: bool,
}

impl ProbeResult {
    pub fn ok(&self) -> bool {
        !self.forbidden
            && self.steps.iter().all(|s| s.ok)
            && !self
                .drafts
                .iter()
                .any(|d| maillint::rules::rule(d.code).severity == maillint::Severity::Error)
    }
}

struct Run<'a> {
    req: &'a ProbeRequest,
    result: ProbeResult,
    deadline: Instant,
    server: String,
    settings: &'a ProbeSettings,
}

/// The field a probe finding belongs to: incoming for IMAP and POP3, outgoing for SMTP;
/// `which` is "host", "port" or "security".
pub fn field(protocol: Protocol, which: &str) -> Field {
    let incoming = protocol != Protocol::Smtp;
    match (incoming, which) {
        (true, "host") => Field::IncomingHost,
        (true, "port") => Field::IncomingPort,
        (true, _) => Field::IncomingSecurity,
        (false, "host") => Field::OutgoingHost,
        (false, "port") => Field::OutgoingPort,
        (false, _) => Field::OutgoingSecurity,
    }
}

impl Run<'_> {
    fn phase_deadline(&self) -> Instant {
        (Instant::now() + self.settings.timeout).min(self.deadline)
    }

    fn step(&mut self, step: &'static str, started: Instant, ok: bool, detail: impl Into<String>) {
        self.result.steps.push(Step {
            step,
            ok,
            ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            detail: detail.into(),
        });
    }

    fn finding(&mut self, code: Code, which: &str) -> &mut Draft {
        let draft = Draft::new(code, field(self.req.protocol, which))
            .arg("server", self.server.clone())
            .arg("host", self.req.host.clone())
            .arg("port", self.req.port);
        self.result.drafts.push(draft);
        let last = self.result.drafts.len() - 1;
        // The draft was just pushed: it is there.
        &mut self.result.drafts[last]
    }

    fn security_fix(&mut self, code: Code, to: Security) {
        let f = field(self.req.protocol, "security");
        let d = self.finding(code, "security");
        d.edits.push(maillint::Edit {
            field: f,
            value: FieldValue::Text(to.as_str().to_string()),
        });
    }
}

/// The protocol's words.
struct Dialect {
    protocol: Protocol,
}

impl Dialect {
    fn greeting_ok(&self, line: &str) -> bool {
        match self.protocol {
            Protocol::Imap => line.starts_with("* OK") || line.starts_with("* PREAUTH"),
            Protocol::Pop3 => line.starts_with("+OK"),
            Protocol::Smtp => line.starts_with("220"),
        }
    }
    /// What another protocol's greeting or an HTTP reply says the port speaks.
    fn other(line: &str) -> Option<&'static str> {
        if line.starts_with("HTTP/") {
            Some("HTTP")
        } else if line.starts_with("* OK")
            || line.starts_with("* PREAUTH")
            || line.starts_with("* BYE")
        {
            Some("IMAP")
        } else if line.starts_with("+OK") || line.starts_with("-ERR") {
            Some("POP3")
        } else if line
            .get(..3)
            .is_some_and(|c| c.bytes().all(|b| b.is_ascii_digit()))
        {
            Some("SMTP")
        } else if line.starts_with("SSH-") {
            Some("SSH")
        } else {
            None
        }
    }
    fn first_command(&self) -> &'static str {
        match self.protocol {
            Protocol::Imap => "a1 CAPABILITY\r\n",
            Protocol::Pop3 => "CAPA\r\n",
            Protocol::Smtp => "EHLO maillint.invalid\r\n",
        }
    }
    fn starttls_word(&self) -> &'static str {
        match self.protocol {
            Protocol::Pop3 => "STLS",
            _ => "STARTTLS",
        }
    }
    fn quit(&self) -> &'static str {
        match self.protocol {
            Protocol::Imap => "a9 LOGOUT\r\n",
            _ => "QUIT\r\n",
        }
    }
}

/// Capabilities as the server lists them, upper-cased.
#[derive(Debug, Default)]
struct Caps {
    words: Vec<String>,
    /// SASL mechanisms from SMTP's `AUTH` line or POP3's `SASL` line.
    mechanisms: Vec<String>,
}

impl Caps {
    fn has(&self, word: &str) -> bool {
        self.words.iter().any(|w| w == word)
    }
    fn auth(&self, protocol: Protocol) -> Vec<String> {
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
    fn can_login(&self, protocol: Protocol) -> bool {
        match protocol {
            // IMAP LOGIN works unless the server says LOGINDISABLED.
            Protocol::Imap => !self.has("LOGINDISABLED"),
            _ => !self.auth(protocol).is_empty(),
        }
    }
}

async fn read_capabilities(
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

/// Reads the greeting; a silent server is sent the protocol's first command once.
async fn greeting(run: &mut Run<'_>, lines: &mut Lines, d: &Dialect) -> Option<String> {
    let started = Instant::now();
    let phase = run.phase_deadline();
    let quiet_until = (Instant::now() + Duration::from_secs(2)).min(phase);
    let first = match lines.line(quiet_until).await {
        Err(LineError::Timeout { partial: false }) if Instant::now() < phase => {
            // Silent: some servers wait for the client. Speak first, once.
            let _ = lines.send(d.first_command(), phase).await;
            lines.line(phase).await
        }
        other => other,
    };
    let mut line = match first {
        Ok(l) => l,
        Err(e) => {
            let detail = match e {
                LineError::TooLong => "a line longer than any mail server sends",
                LineError::Binary => "binary data, not text",
                LineError::Closed => "the server closed the connection",
                LineError::Timeout { partial: true } => "an incomplete line, then silence",
                LineError::Timeout { partial: false } => "silence",
                LineError::Io(_) => "a network error",
            };
            run.step("greeting", started, false, detail);
            let code = match e {
                LineError::TooLong | LineError::Binary => Code::BadResponse,
                _ => Code::NoGreeting,
            };
            run.finding(code, "port");
            return None;
        }
    };
    // SMTP greetings may span several lines (220-…).
    if d.protocol == Protocol::Smtp {
        while line.as_bytes().get(3) == Some(&b'-') {
            match lines.line(phase).await {
                Ok(next) => line = next,
                Err(_) => break,
            }
        }
    }
    if d.greeting_ok(&line) {
        run.step(
            "greeting",
            started,
            true,
            line.chars().take(120).collect::<String>(),
        );
        return Some(line);
    }
    run.step(
        "greeting",
        started,
        false,
        line.chars().take(120).collect::<String>(),
    );
    match Dialect::other(&line) {
        Some(found) => {
            run.finding(Code::WrongProtocol, "port").args.extend([
                ("found", found.into()),
                ("expected", d.protocol.label().into()),
            ]);
        }
        None => {
            run.finding(Code::BadResponse, "port");
        }
    }
    None
}

/// A TLS handshake; certificate problems become findings, failures are classified.
async fn handshake(
    run: &mut Run<'_>,
    stream: TcpStream,
    name: &ServerName<'static>,
) -> Option<Lines> {
    let started = Instant::now();
    let verifier = match RecordingVerifier::new(run.settings.roots.clone()) {
        Ok(v) => v,
        Err(e) => {
            run.step("tls", started, false, e);
            return None;
        }
    };
    let config = match tls::client_config(verifier.clone()) {
        Ok(c) => c,
        Err(e) => {
            run.step("tls", started, false, e);
            return None;
        }
    };
    let connector = TlsConnector::from(Arc::new(config));
    let deadline = run.phase_deadline();
    match timeout_at(deadline, connector.connect(name.clone(), stream)).await {
        Ok(Ok(tls)) => {
            let version = tls
                .get_ref()
                .1
                .protocol_version()
                .map(|v| format!("{v:?}"))
                .unwrap_or_default();
            let problems = verifier.taken();
            run.step(
                "tls",
                started,
                true,
                format!(
                    "{version}{}",
                    if problems.is_empty() {
                        ", certificate valid"
                    } else {
                        ""
                    }
                ),
            );
            for p in problems {
                match p {
                    CertProblem::Expired { date } => {
                        run.finding(Code::CertExpired, "host")
                            .args
                            .push(("date", date.into()));
                    }
                    CertProblem::NameMismatch { names } => {
                        let host_field = field(run.req.protocol, "host");
                        let d = run.finding(Code::CertNameMismatch, "host");
                        d.args.push(("names", names.join(", ").into()));
                        if let Some(only) = names.iter().find(|n| !n.starts_with('*')) {
                            d.edits.push(maillint::Edit {
                                field: host_field,
                                value: FieldValue::Text(only.clone()),
                            });
                        }
                    }
                    CertProblem::SelfSigned => {
                        run.finding(Code::CertSelfSigned, "host");
                    }
                    CertProblem::Untrusted => {
                        run.finding(Code::CertUntrusted, "host");
                    }
                }
            }
            Some(Lines::new(Conn::Tls(Box::new(tls))))
        }
        Ok(Err(e)) => {
            let tls_error = e
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                .cloned();
            run.step("tls", started, false, e.to_string());
            match tls_error {
                Some(rustls::Error::AlertReceived(rustls::AlertDescription::ProtocolVersion))
                | Some(rustls::Error::PeerIncompatible(_)) => {
                    run.finding(Code::TlsTooOld, "security");
                }
                Some(rustls::Error::InvalidMessage(_)) => {
                    run.security_fix(Code::TlsExpectedButPlain, Security::Starttls);
                }
                _ => {
                    run.finding(Code::BadResponse, "port");
                }
            }
            None
        }
        Err(_) => {
            run.step("tls", started, false, "no TLS answer in time");
            run.finding(Code::NoGreeting, "port");
            None
        }
    }
}

/// Resolves the target once and checks every address.
async fn resolve(run: &mut Run<'_>) -> Option<SocketAddr> {
    let settings = run.settings;
    let started = Instant::now();
    let addrs: Vec<IpAddr> = match &run.req.target {
        Target::Ip(ip) => vec![*ip],
        Target::Name(name) => {
            if let Some((_, ip)) = settings.resolve.iter().find(|(n, _)| n == name) {
                vec![*ip]
            } else {
                let lookup = tokio::net::lookup_host((name.as_str(), run.req.port));
                match timeout_at(run.phase_deadline(), lookup).await {
                    Ok(Ok(found)) => found.map(|a| a.ip()).collect(),
                    Ok(Err(_)) | Err(_) => Vec::new(),
                }
            }
        }
    };
    if addrs.is_empty() {
        run.step("dns", started, false, "no address");
        run.finding(Code::DnsNotFound, "host");
        return None;
    }
    let shown = addrs
        .iter()
        .map(IpAddr::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if !settings.allow_private_targets && addrs.iter().any(|a| guard::is_forbidden(*a)) {
        run.step("dns", started, false, "a special-purpose address");
        run.finding(Code::TargetForbidden, "host");
        run.result.forbidden = true;
        return None;
    }
    run.step("dns", started, true, shown);
    // The probe connects to this checked address, never to a second lookup's answer.
    addrs.first().map(|ip| SocketAddr::new(*ip, run.req.port))
}

fn server_name(req: &ProbeRequest) -> Option<ServerName<'static>> {
    match &req.target {
        Target::Ip(ip) => Some(ServerName::IpAddress((*ip).into())),
        Target::Name(n) => ServerName::try_from(n.clone()).ok(),
    }
}

/// Whether the server completes a TLS handshake (any certificate): used to tell a silent
/// plain-text port from one that expects TLS from the first byte.
async fn speaks_tls(
    addr: SocketAddr,
    source: Option<IpAddr>,
    name: &ServerName<'static>,
    roots: Arc<rustls::RootCertStore>,
    deadline: Instant,
) -> bool {
    let Ok(verifier) = RecordingVerifier::new(roots) else {
        return false;
    };
    let Ok(config) = tls::client_config(verifier) else {
        return false;
    };
    let attempt = async {
        let stream = connect(addr, source).await.ok()?;
        TlsConnector::from(Arc::new(config))
            .connect(name.clone(), stream)
            .await
            .ok()
    };
    matches!(timeout_at(deadline, attempt).await, Ok(Some(_)))
}

/// Runs a probe. Never panics; every failure is a step and a finding.
pub async fn probe(req: &ProbeRequest, settings: &ProbeSettings) -> ProbeResult {
    let mut run = Run {
        req,
        result: ProbeResult::default(),
        deadline: Instant::now() + settings.timeout,
        server: format!("{}:{}", req.host, req.port),
        settings,
    };
    probe_steps(&mut run).await;
    run.result
}

async fn probe_steps(run: &mut Run<'_>) {
    let settings = run.settings;
    let d = Dialect {
        protocol: run.req.protocol,
    };
    let Some(addr) = resolve(run).await else {
        return;
    };
    let Some(name) = server_name(run.req) else {
        run.finding(Code::DnsNotFound, "host");
        return;
    };
    let started = Instant::now();
    let stream = match timeout_at(run.phase_deadline(), connect(addr, settings.source)).await {
        Ok(Ok(s)) => {
            run.step("connect", started, true, addr.to_string());
            s
        }
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            run.step("connect", started, false, "refused");
            run.finding(Code::ConnectRefused, "port");
            return;
        }
        Ok(Err(e)) => {
            run.step("connect", started, false, e.to_string());
            run.finding(Code::ConnectTimeout, "port");
            return;
        }
        Err(_) => {
            run.step("connect", started, false, "no answer in time");
            run.finding(Code::ConnectTimeout, "port");
            return;
        }
    };
    let mut lines = if run.req.security == Security::Tls {
        // A plain-text server that greets at once makes the handshake fail with an invalid
        // record, which `handshake` reports as tls-expected-but-plain.
        match handshake(run, stream, &name).await {
            Some(l) => l,
            None => return,
        }
    } else {
        Lines::new(Conn::Plain(stream))
    };
    let Some(greet) = greeting(run, &mut lines, &d).await else {
        let silent = run
            .result
            .drafts
            .last()
            .is_some_and(|d| d.code == Code::NoGreeting);
        if silent
            && run.req.security != Security::Tls
            && speaks_tls(
                addr,
                settings.source,
                &name,
                settings.roots.clone(),
                run.deadline,
            )
            .await
        {
            run.result.drafts.pop();
            run.security_fix(Code::PlainExpectedButTls, Security::Tls);
        }
        return;
    };
    let started = Instant::now();
    let caps = match read_capabilities(&mut lines, &d, run.phase_deadline(), Some(&greet)).await {
        Ok(c) => c,
        Err(_) => {
            run.step("capabilities", started, false, "no complete answer");
            run.finding(Code::BadResponse, "port");
            return;
        }
    };
    let starttls = caps.has(d.starttls_word());
    let describe = |caps: &Caps, tls: bool| {
        let auth = caps.auth(d.protocol);
        format!(
            "{}{}; sign-in: {}",
            if tls { "after TLS" } else { "before TLS" },
            if !tls && starttls {
                ", STARTTLS offered"
            } else {
                ""
            },
            if caps.can_login(d.protocol) {
                if auth.is_empty() {
                    "LOGIN".to_string()
                } else {
                    auth.join(" ")
                }
            } else {
                "none".to_string()
            }
        )
    };
    run.step(
        "capabilities",
        started,
        true,
        describe(&caps, run.req.security == Security::Tls),
    );
    match run.req.security {
        Security::Starttls => {
            if !starttls {
                run.finding(Code::StarttlsNotOffered, "security");
                let _ = lines.send(d.quit(), run.phase_deadline()).await;
                return;
            }
            let started = Instant::now();
            let command = match d.protocol {
                Protocol::Imap => "a2 STARTTLS\r\n",
                Protocol::Pop3 => "STLS\r\n",
                Protocol::Smtp => "STARTTLS\r\n",
            };
            let phase = run.phase_deadline();
            if lines.send(command, phase).await.is_err() {
                run.step("starttls", started, false, "could not send STARTTLS");
                run.finding(Code::BadResponse, "port");
                return;
            }
            let reply = loop {
                match lines.line(phase).await {
                    Ok(l) if d.protocol == Protocol::Imap && l.starts_with("* ") => continue,
                    other => break other,
                }
            };
            let accepted = match (&reply, d.protocol) {
                (Ok(l), Protocol::Imap) => l.starts_with("a2 OK"),
                (Ok(l), Protocol::Pop3) => l.starts_with("+OK"),
                (Ok(l), Protocol::Smtp) => l.starts_with("220"),
                (Err(_), _) => false,
            };
            if !accepted {
                run.step("starttls", started, false, reply.unwrap_or_default());
                run.finding(Code::BadResponse, "port");
                return;
            }
            // Anything after the STARTTLS reply and before the handshake is not trusted.
            let injected = lines.pending();
            if injected > 0 {
                run.finding(Code::StarttlsInjection, "security");
            }
            let detail = if injected > 0 {
                format!("{} bytes sent before TLS were ignored", injected)
            } else {
                reply.unwrap_or_default()
            };
            run.step("starttls", started, injected == 0, detail);
            let Some((tcp, _ignored)) = lines.into_plain() else {
                return;
            };
            let Some(mut secure) = handshake(run, tcp, &name).await else {
                return;
            };
            let started = Instant::now();
            match read_capabilities(&mut secure, &d, run.phase_deadline(), None).await {
                Ok(after) => {
                    run.step("capabilities", started, true, describe(&after, true));
                    if !after.can_login(d.protocol) {
                        run.finding(Code::AuthNotOffered, "security");
                    }
                }
                Err(_) => {
                    run.step(
                        "capabilities",
                        started,
                        false,
                        "no complete answer after TLS",
                    );
                    run.finding(Code::BadResponse, "port");
                }
            }
            let _ = secure.send(d.quit(), run.phase_deadline()).await;
        }
        Security::Tls => {
            if !caps.can_login(d.protocol) {
                run.finding(Code::AuthNotOffered, "security");
            }
            let _ = lines.send(d.quit(), run.phase_deadline()).await;
        }
        Security::None => {
            if !caps.can_login(d.protocol) {
                if starttls {
                    run.security_fix(Code::LoginDisabledBeforeTls, Security::Starttls);
                } else {
                    run.finding(Code::AuthNotOffered, "security");
                }
            }
            let _ = lines.send(d.quit(), run.phase_deadline()).await;
        }
    }
}
