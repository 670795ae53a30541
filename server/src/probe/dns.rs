//! The dns step: the target resolved once, every address checked by the guard, the checked
//! address kept for the connection, and the per-target limit taken on that address and port,
//! whatever name or spelling reached it (dns-not-found, target-forbidden; rate-limited is
//! answered by http.rs).

use std::net::{IpAddr, SocketAddr};

use maillint::codes::ProbeCode;
use maillint::messages::StepText;
use rustls::pki_types::ServerName;
use tokio::time::Instant;

use super::{Note, ProbeRequest, Run};
use crate::guard::{self, Target};

/// Resolves the target once and checks every address.
pub async fn resolve(run: &mut Run<'_>) -> Option<SocketAddr> {
    let settings = run.settings;
    let started = Instant::now();
    let addrs: Vec<IpAddr> = match &run.req.target {
        Target::Ip(ip) => vec![*ip],
        Target::Name(name) => {
            settings
                .resolver
                .addresses(name, run.phase_deadline())
                .await
        }
    };
    // `::ffff:192.0.2.1` is 192.0.2.1, for the guard and the limit alike.
    let addrs: Vec<IpAddr> = addrs.into_iter().map(|a| a.to_canonical()).collect();
    if addrs.is_empty() {
        run.step(StepText::Dns, started, false, StepText::NoAddress);
        run.finding(ProbeCode::DnsNotFound, run.host_field());
        return None;
    }
    let shown = addrs
        .iter()
        .map(IpAddr::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if !settings.allow_private_targets && addrs.iter().any(|a| guard::is_forbidden(*a)) {
        run.step(StepText::Dns, started, false, StepText::SpecialAddress);
        run.finding(ProbeCode::TargetForbidden, run.host_field());
        run.result.forbidden = true;
        return None;
    }
    // The probe connects to this checked address, never to a second lookup's answer.
    let addr = SocketAddr::new(*addrs.first()?, run.req.port);
    if let Err(wait) = settings.targets.take(&addr).await {
        run.step(StepText::Dns, started, false, StepText::TestedTooOften);
        run.result.rate_limited = Some(wait);
        return None;
    }
    run.step(StepText::Dns, started, true, Note::said(shown));
    Some(addr)
}

pub fn server_name(req: &ProbeRequest) -> Option<ServerName<'static>> {
    match &req.target {
        Target::Ip(ip) => Some(ServerName::IpAddress((*ip).into())),
        Target::Name(n) => ServerName::try_from(n.clone()).ok(),
    }
}
