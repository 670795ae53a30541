//! The dns step: the target resolved once, every address checked by the guard, and the
//! checked address kept for the connection (dns-not-found, target-forbidden).

use std::net::{IpAddr, SocketAddr};

use maillint::codes::ProbeCode;
use rustls::pki_types::ServerName;
use tokio::time::{timeout_at, Instant};

use super::{ProbeRequest, Run};
use crate::guard::{self, Target};

/// Resolves the target once and checks every address.
pub async fn resolve(run: &mut Run<'_>) -> Option<SocketAddr> {
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
        run.finding(ProbeCode::DnsNotFound, run.host_field());
        return None;
    }
    let shown = addrs
        .iter()
        .map(IpAddr::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if !settings.allow_private_targets && addrs.iter().any(|a| guard::is_forbidden(*a)) {
        run.step("dns", started, false, "a special-purpose address");
        run.finding(ProbeCode::TargetForbidden, run.host_field());
        run.result.forbidden = true;
        return None;
    }
    run.step("dns", started, true, shown);
    // The probe connects to this checked address, never to a second lookup's answer.
    addrs.first().map(|ip| SocketAddr::new(*ip, run.req.port))
}

pub fn server_name(req: &ProbeRequest) -> Option<ServerName<'static>> {
    match &req.target {
        Target::Ip(ip) => Some(ServerName::IpAddress((*ip).into())),
        Target::Name(n) => ServerName::try_from(n.clone()).ok(),
    }
}
