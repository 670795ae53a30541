//! The connect step: TCP to the checked address, from the configured source address
//! (connect-refused, connect-timeout).

use std::net::{IpAddr, SocketAddr};

use maillint::codes::ProbeCode;
use maillint::messages::StepText;
use tokio::net::TcpStream;
use tokio::time::{timeout_at, Instant};

use super::{Note, Run};

pub async fn connect(addr: SocketAddr, source: Option<IpAddr>) -> std::io::Result<TcpStream> {
    let socket = match addr {
        SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
        SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
    };
    if let Some(ip) = source {
        socket.bind(SocketAddr::new(ip, 0))?;
    }
    socket.connect(addr).await
}

/// Connects as one step; `None` when nothing answered.
pub async fn open(run: &mut Run<'_>, addr: SocketAddr) -> Option<TcpStream> {
    let started = Instant::now();
    match timeout_at(run.phase_deadline(), connect(addr, run.settings.source)).await {
        Ok(Ok(s)) => {
            run.step(
                StepText::Connect,
                started,
                true,
                Note::said(addr.to_string()),
            );
            Some(s)
        }
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            run.step(StepText::Connect, started, false, StepText::Refused);
            run.finding(ProbeCode::ConnectRefused, run.port_field());
            None
        }
        Ok(Err(_)) => {
            run.step(StepText::Connect, started, false, StepText::NetworkError);
            run.finding(ProbeCode::ConnectTimeout, run.port_field());
            None
        }
        Err(_) => {
            run.step(StepText::Connect, started, false, StepText::NoAnswerInTime);
            run.finding(ProbeCode::ConnectTimeout, run.port_field());
            None
        }
    }
}
