//! One probe: resolve, connect to the checked address, TLS (on connect or after
//! STARTTLS/STLS), greeting, capabilities before and after TLS, then QUIT/LOGOUT. It never
//! takes, sends or logs a password. Each phase and the whole probe have a deadline.

mod capabilities;
mod connect;
mod dialect;
mod dns;
mod greeting;
pub mod lines;
mod starttls;
pub mod tls;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use maillint::codes::ProbeCode;
use maillint::context::Side;
use maillint::messages::{self, Arg, Locale, StepText};
use maillint::settings::{Field, FieldValue, Protocol, Security};
use maillint::Draft;
use serde::Serialize;
use tokio::time::Instant;

use self::dialect::Dialect;
use self::lines::{Conn, Lines};
use crate::guard::Target;
use crate::limits::Limiter;
use crate::resolver::Resolver;

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
#[derive(Clone)]
pub struct ProbeSettings {
    pub allow_private_targets: bool,
    pub roots: Arc<rustls::RootCertStore>,
    /// Each phase and the whole probe.
    pub timeout: Duration,
    /// Name lookups.
    pub resolver: Arc<Resolver>,
    /// The per-target limit, by the address and port a probe connects to.
    pub targets: Arc<Limiter<std::net::SocketAddr>>,
    /// The local address to connect from.
    pub source: Option<IpAddr>,
}

/// One step of a probe, before it is rendered in a locale.
#[derive(Clone, Debug)]
pub struct Step {
    /// Which step ([`StepText::Dns`], [`StepText::Connect`], …).
    pub step: StepText,
    pub ok: bool,
    pub ms: u64,
    pub detail: Note,
}

/// What a step found: a catalogue text and its values.
#[derive(Clone, Debug)]
pub struct Note {
    pub text: StepText,
    pub args: Vec<(&'static str, Arg)>,
}

impl Note {
    pub fn text(text: StepText) -> Note {
        Note {
            text,
            args: Vec::new(),
        }
    }
    /// What the server sent (a greeting, a reply), quoted.
    pub fn said(line: impl Into<String>) -> Note {
        Note::text(StepText::ServerSaid).with("value", Arg::Text(line.into()))
    }
    pub fn with(mut self, name: &'static str, value: Arg) -> Note {
        self.args.push((name, value));
        self
    }
}

impl From<StepText> for Note {
    fn from(text: StepText) -> Note {
        Note::text(text)
    }
}

/// A step as the API answers it, in the request's language.
#[derive(Clone, Debug, Serialize)]
pub struct StepAnswer {
    /// The step's stable name: dns, connect, tls, greeting, capabilities, starttls.
    pub step: &'static str,
    /// Its name in the request's language.
    pub label: String,
    pub ok: bool,
    pub ms: u64,
    pub detail: String,
}

impl Step {
    pub fn render(&self, locale: Locale) -> StepAnswer {
        StepAnswer {
            step: match self.step {
                StepText::Dns => "dns",
                StepText::Connect => "connect",
                StepText::Tls => "tls",
                StepText::Greeting => "greeting",
                StepText::Capabilities => "capabilities",
                _ => "starttls",
            },
            label: messages::step(locale, self.step, &[]),
            ok: self.ok,
            ms: self.ms,
            detail: messages::step(locale, self.detail.text, &self.detail.args),
        }
    }
}

/// The result before findings are rendered in a locale.
#[derive(Debug, Default)]
pub struct ProbeResult {
    pub steps: Vec<Step>,
    pub drafts: Vec<Draft>,
    /// The target resolved only to forbidden addresses: the request is refused (403).
    pub forbidden: bool,
    /// The address reached was probed too often: the request is refused (429) for this long.
    pub rate_limited: Option<Duration>,
}

impl ProbeResult {
    pub fn ok(&self) -> bool {
        !self.forbidden
            && self.rate_limited.is_none()
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

impl Run<'_> {
    fn phase_deadline(&self) -> Instant {
        (Instant::now() + self.settings.timeout).min(self.deadline)
    }

    fn step(&mut self, step: StepText, started: Instant, ok: bool, detail: impl Into<Note>) {
        // A step's detail quotes what the server sent: at most this much of it.
        const MAX_DETAIL: usize = 200;
        let mut detail: Note = detail.into();
        for (_, arg) in &mut detail.args {
            if let Arg::Text(t) = arg {
                if let Some((cut, _)) = t.char_indices().nth(MAX_DETAIL) {
                    t.truncate(cut);
                    t.push('…');
                }
            }
        }
        self.result.steps.push(Step {
            step,
            ok,
            ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            detail,
        });
    }

    /// The fields this probe's findings belong to: incoming for IMAP and POP3, outgoing
    /// for SMTP.
    fn side(&self) -> Side {
        Side::of(self.req.protocol)
    }
    fn host_field(&self) -> Field {
        self.side().host_field()
    }
    fn port_field(&self) -> Field {
        self.side().port_field()
    }
    fn security_field(&self) -> Field {
        self.side().security_field()
    }

    /// A finding about this server, naming it, its host and its port.
    fn draft(&self, code: ProbeCode, field: Field) -> Draft {
        Draft::new(code.into(), field)
            .arg("server", self.server.clone())
            .arg("host", self.req.host.clone())
            .arg("port", self.req.port)
    }

    fn push(&mut self, draft: Draft) {
        self.result.drafts.push(draft);
    }

    fn finding(&mut self, code: ProbeCode, field: Field) {
        let draft = self.draft(code, field);
        self.push(draft);
    }

    /// A finding whose fix sets this side's security.
    fn security_fix(&mut self, code: ProbeCode, to: Security) {
        let field = self.security_field();
        let draft = self
            .draft(code, field)
            .edit(field, FieldValue::Text(to.as_str().to_string()));
        self.push(draft);
    }
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

/// The steps in order, each in its own module; a step that fails ends the probe.
async fn probe_steps(run: &mut Run<'_>) {
    let d = Dialect {
        protocol: run.req.protocol,
    };
    let Some(addr) = dns::resolve(run).await else {
        return;
    };
    let Some(name) = dns::server_name(run.req) else {
        run.finding(ProbeCode::DnsNotFound, run.host_field());
        return;
    };
    let Some(stream) = connect::open(run, addr).await else {
        return;
    };
    let mut lines = if run.req.security == Security::Tls {
        // A plain-text server that greets at once makes the handshake fail with an invalid
        // record, which `handshake` reports as tls-expected-but-plain.
        match tls::handshake(run, stream, &name).await {
            Some(l) => l,
            None => return,
        }
    } else {
        Lines::new(Conn::Plain(stream))
    };
    let Some(greet) = greeting::greeting(run, &mut lines, &d).await else {
        greeting::silent_port(run, addr, &name).await;
        return;
    };
    let Some(caps) = capabilities::before_tls(run, &mut lines, &d, &greet).await else {
        return;
    };
    if run.req.security != Security::Starttls {
        capabilities::check_login(run, &caps, &d);
        let _ = lines.send(d.quit(), run.phase_deadline()).await;
        return;
    }
    let Some(tcp) = starttls::upgrade(run, lines, &caps, &d).await else {
        return;
    };
    let Some(mut secure) = tls::handshake(run, tcp, &name).await else {
        return;
    };
    capabilities::after_starttls(run, &mut secure, &d).await;
    let _ = secure.send(d.quit(), run.phase_deadline()).await;
}
