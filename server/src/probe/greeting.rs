//! The greeting step: the server's first line, which says whether the port speaks the
//! chosen protocol (wrong-protocol, no-greeting, bad-response; plain-expected-but-tls when a
//! silent port turns out to want TLS from the first byte).

use std::net::SocketAddr;
use std::time::Duration;

use maillint::codes::ProbeCode;
use maillint::messages::StepText;
use maillint::settings::{Protocol, Security};
use rustls::pki_types::ServerName;
use tokio::time::Instant;

use super::dialect::Dialect;
use super::lines::{Budget, LineError, Lines};
use super::tls;
use super::{Note, Run};

/// Reads the greeting; a silent server is sent the protocol's first command once.
pub async fn greeting(run: &mut Run<'_>, lines: &mut Lines, d: &Dialect) -> Option<String> {
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
            run.step(StepText::Greeting, started, false, e.detail());
            let code = if e.is_bad_response() {
                ProbeCode::BadResponse
            } else {
                ProbeCode::NoGreeting
            };
            run.finding(code, run.port_field());
            return None;
        }
    };
    // SMTP greetings may span several lines (220-…), within one reply's bounds.
    if d.protocol == Protocol::Smtp {
        let mut budget = Budget::reply();
        while line.as_bytes().get(3) == Some(&b'-') {
            match lines.reply_line(phase, &mut budget).await {
                Ok(next) => line = next,
                Err(e) if e.is_bad_response() => {
                    run.step(StepText::Greeting, started, false, e.detail());
                    run.finding(ProbeCode::BadResponse, run.port_field());
                    return None;
                }
                Err(_) => break,
            }
        }
    }
    if d.greeting_ok(&line) {
        run.step(StepText::Greeting, started, true, Note::said(line.clone()));
        return Some(line);
    }
    run.step(StepText::Greeting, started, false, Note::said(line.clone()));
    match Dialect::other(&line) {
        Some(found) => {
            let draft = run
                .draft(ProbeCode::WrongProtocol, run.port_field())
                .arg("found", found)
                .arg("expected", d.protocol.label());
            run.push(draft);
        }
        None => {
            run.finding(ProbeCode::BadResponse, run.port_field());
        }
    }
    None
}

/// After a greeting that never came: a silent port may be one that wants TLS from the first
/// byte (security set to STARTTLS or none on 465/993/995). When a TLS handshake succeeds
/// there, no-greeting becomes plain-expected-but-tls, with the fix.
pub async fn silent_port(run: &mut Run<'_>, addr: SocketAddr, name: &ServerName<'static>) {
    let silent = run
        .result
        .drafts
        .last()
        .is_some_and(|d| d.code == ProbeCode::NoGreeting.into());
    if !silent || run.req.security == Security::Tls {
        return;
    }
    let settings = run.settings;
    if tls::speaks_tls(
        addr,
        settings.source,
        name,
        settings.roots.clone(),
        run.deadline,
    )
    .await
    {
        run.result.drafts.pop();
        run.security_fix(ProbeCode::PlainExpectedButTls, Security::Tls);
    }
}
