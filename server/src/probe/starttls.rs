//! The starttls step: the upgrade command, its reply, and anything the server sent before
//! the handshake, which is never trusted (starttls-not-offered, starttls-injection,
//! bad-response). The handshake and the capabilities after it follow as their own steps.

use maillint::codes::ProbeCode;
use maillint::messages::{Arg, StepText};
use maillint::settings::Protocol;
use tokio::net::TcpStream;
use tokio::time::Instant;

use super::capabilities::Caps;
use super::dialect::Dialect;
use super::lines::{Budget, Lines};
use super::{Note, Run};

/// Asks for STARTTLS (STLS); the plain connection to hand to the TLS step, or `None` when
/// the server does not offer it or refuses.
pub async fn upgrade(
    run: &mut Run<'_>,
    mut lines: Lines,
    caps: &Caps,
    d: &Dialect,
) -> Option<TcpStream> {
    if !caps.has(d.starttls_word()) {
        run.finding(ProbeCode::StarttlsNotOffered, run.security_field());
        let _ = lines.send(d.quit(), run.phase_deadline()).await;
        return None;
    }
    let started = Instant::now();
    let command = match d.protocol {
        Protocol::Imap => "a2 STARTTLS\r\n",
        Protocol::Pop3 => "STLS\r\n",
        Protocol::Smtp => "STARTTLS\r\n",
    };
    let phase = run.phase_deadline();
    if lines.send(command, phase).await.is_err() {
        run.step(
            StepText::Starttls,
            started,
            false,
            StepText::CouldNotSendStarttls,
        );
        run.finding(ProbeCode::BadResponse, run.port_field());
        return None;
    }
    let mut budget = Budget::reply();
    let reply = loop {
        match lines.reply_line(phase, &mut budget).await {
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
        let detail = match reply {
            Ok(line) => Note::said(line),
            Err(e) => e.detail(),
        };
        run.step(StepText::Starttls, started, false, detail);
        run.finding(ProbeCode::BadResponse, run.port_field());
        return None;
    }
    // Anything after the STARTTLS reply and before the handshake is not trusted.
    let injected = lines.pending();
    if injected > 0 {
        run.finding(ProbeCode::StarttlsInjection, run.security_field());
    }
    let detail = if injected > 0 {
        Note::text(StepText::BytesIgnored).with("count", Arg::Count(injected as u64))
    } else {
        Note::said(reply.unwrap_or_default())
    };
    run.step(StepText::Starttls, started, injected == 0, detail);
    lines.into_plain().map(|(tcp, _ignored)| tcp)
}
