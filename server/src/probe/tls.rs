//! The tls step: rustls with the public web roots (and any extra trust anchors), a verifier
//! that reports every certificate problem at once (expired and wrong name together, with the
//! names the certificate does carry) while still verifying the handshake signature, and the
//! handshake itself, whose failures are classified (cert-expired, cert-name-mismatch,
//! cert-self-signed, cert-untrusted, tls-too-old, tls-expected-but-plain, no-greeting,
//! bad-response).

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, RootCertStore, SignatureScheme};
use x509_parser::extensions::GeneralName;
use x509_parser::prelude::{FromDer, X509Certificate};

use maillint::codes::ProbeCode;
use maillint::messages::{Arg, StepText};
use maillint::settings::{FieldValue, Security};
use tokio::net::TcpStream;
use tokio::time::{timeout_at, Instant};
use tokio_rustls::TlsConnector;

use super::lines::{Conn, Lines};
use super::{Note, Run};

/// One thing wrong with the server's certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertProblem {
    Expired { date: String },
    NameMismatch { names: Vec<String> },
    SelfSigned,
    Untrusted,
}

/// The trust anchors: the public web roots plus the configured extra ones.
pub fn roots(extra_ca_pem: Option<&[u8]>) -> Result<RootCertStore, String> {
    use rustls::pki_types::pem::PemObject;
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if let Some(pem) = extra_ca_pem {
        let mut added = 0;
        for cert in CertificateDer::pem_slice_iter(pem) {
            let cert = cert.map_err(|e| format!("extra CA: {e}"))?;
            roots.add(cert).map_err(|e| format!("extra CA: {e}"))?;
            added += 1;
        }
        if added == 0 {
            return Err("extra CA: no certificate in the file".to_string());
        }
    }
    Ok(roots)
}

#[derive(Debug)]
pub struct RecordingVerifier {
    inner: Arc<WebPkiServerVerifier>,
    pub problems: Mutex<Vec<CertProblem>>,
}

impl RecordingVerifier {
    pub fn new(roots: Arc<RootCertStore>) -> Result<Arc<RecordingVerifier>, String> {
        let inner = WebPkiServerVerifier::builder_with_provider(
            roots,
            Arc::new(rustls::crypto::ring::default_provider()),
        )
        .build()
        .map_err(|e| e.to_string())?;
        Ok(Arc::new(RecordingVerifier {
            inner,
            problems: Mutex::new(Vec::new()),
        }))
    }

    pub fn taken(&self) -> Vec<CertProblem> {
        self.problems
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default()
    }
}

fn name_matches(pattern: &str, host: &str) -> bool {
    let (pattern, host) = (pattern.to_ascii_lowercase(), host.to_ascii_lowercase());
    match pattern.strip_prefix("*.") {
        Some(rest) => host
            .split_once('.')
            .is_some_and(|(first, tail)| !first.is_empty() && tail == rest),
        None => pattern == host,
    }
}

/// What is wrong with a certificate the web PKI refused, each problem on its own.
fn diagnose(
    inner: &WebPkiServerVerifier,
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
    server_name: &ServerName<'_>,
    now: UnixTime,
) -> Vec<CertProblem> {
    let Ok((_, cert)) = X509Certificate::from_der(end_entity.as_ref()) else {
        return vec![CertProblem::Untrusted];
    };
    let mut problems = Vec::new();
    let validity = cert.validity();
    let now_secs = i64::try_from(now.as_secs()).unwrap_or(i64::MAX);
    if validity.not_after.timestamp() < now_secs {
        let date = validity.not_after.to_datetime().date().to_string();
        problems.push(CertProblem::Expired { date });
    }
    let mut names = Vec::new();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for n in &san.value.general_names {
            match n {
                GeneralName::DNSName(d) => names.push(d.to_string()),
                GeneralName::IPAddress(ip) => {
                    if let Ok(a) = <[u8; 4]>::try_from(*ip) {
                        names.push(std::net::Ipv4Addr::from(a).to_string());
                    } else if let Ok(a) = <[u8; 16]>::try_from(*ip) {
                        names.push(std::net::Ipv6Addr::from(a).to_string());
                    }
                }
                _ => {}
            }
        }
    }
    let wanted = match server_name {
        ServerName::DnsName(d) => d.as_ref().to_string(),
        ServerName::IpAddress(ip) => std::net::IpAddr::from(*ip).to_string(),
        _ => String::new(),
    };
    if !names.iter().any(|n| name_matches(n, &wanted)) {
        problems.push(CertProblem::NameMismatch {
            names: names.clone(),
        });
    }
    // The chain on its own: verified at a moment inside the validity and for a name the
    // certificate carries, so only trust remains in question.
    let inside = validity.not_before.timestamp().saturating_add(1).max(0);
    let moment =
        UnixTime::since_unix_epoch(Duration::from_secs(u64::try_from(inside).unwrap_or(0)));
    let own_name = names
        .iter()
        .find(|n| !n.starts_with('*'))
        .and_then(|n| ServerName::try_from(n.clone()).ok())
        .unwrap_or_else(|| server_name.to_owned());
    if inner
        .verify_server_cert(end_entity, intermediates, &own_name, &[], moment)
        .is_err()
    {
        if cert.subject() == cert.issuer() {
            problems.push(CertProblem::SelfSigned);
        } else {
            problems.push(CertProblem::Untrusted);
        }
    }
    if problems.is_empty() {
        problems.push(CertProblem::Untrusted);
    }
    problems
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if self
            .inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            .is_err()
        {
            let found = diagnose(&self.inner, end_entity, intermediates, server_name, now);
            if let Ok(mut p) = self.problems.lock() {
                p.extend(found);
            }
        }
        // Go on with the handshake so the probe can report what the server offers; the
        // problems above become findings.
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// A client configuration that records certificate problems into `verifier`.
pub fn client_config(verifier: Arc<RecordingVerifier>) -> Result<rustls::ClientConfig, String> {
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| e.to_string())?
    .dangerous()
    .with_custom_certificate_verifier(verifier)
    .with_no_client_auth();
    Ok(config)
}

/// A TLS handshake; certificate problems become findings, failures are classified.
pub(super) async fn handshake(
    run: &mut Run<'_>,
    stream: TcpStream,
    name: &ServerName<'static>,
) -> Option<Lines> {
    let started = Instant::now();
    let verifier = match RecordingVerifier::new(run.settings.roots.clone()) {
        Ok(v) => v,
        Err(e) => {
            run.step(StepText::Tls, started, false, Note::said(e));
            return None;
        }
    };
    let config = match client_config(verifier.clone()) {
        Ok(c) => c,
        Err(e) => {
            run.step(StepText::Tls, started, false, Note::said(e));
            return None;
        }
    };
    let connector = TlsConnector::from(Arc::new(config));
    let deadline = run.phase_deadline();
    match timeout_at(deadline, connector.connect(name.clone(), stream)).await {
        Ok(Ok(tls)) => {
            let version = match tls.get_ref().1.protocol_version() {
                Some(rustls::ProtocolVersion::TLSv1_3) => "TLS 1.3",
                Some(rustls::ProtocolVersion::TLSv1_2) => "TLS 1.2",
                Some(rustls::ProtocolVersion::TLSv1_1) => "TLS 1.1",
                Some(rustls::ProtocolVersion::TLSv1_0) => "TLS 1.0",
                _ => "TLS",
            };
            let problems = verifier.taken();
            let text = if problems.is_empty() {
                StepText::TlsValid
            } else {
                StepText::TlsVersion
            };
            run.step(
                StepText::Tls,
                started,
                true,
                Note::text(text).with("version", Arg::Text(version.to_string())),
            );
            for p in problems {
                match p {
                    CertProblem::Expired { date } => {
                        let draft = run
                            .draft(ProbeCode::CertExpired, run.host_field())
                            .arg("date", date);
                        run.push(draft);
                    }
                    CertProblem::NameMismatch { names } => {
                        let host_field = run.host_field();
                        let mut draft = run
                            .draft(ProbeCode::CertNameMismatch, host_field)
                            .arg("names", names.join(", "));
                        if let Some(only) = names.iter().find(|n| !n.starts_with('*')) {
                            draft = draft.edit(host_field, FieldValue::Text(only.clone()));
                        }
                        run.push(draft);
                    }
                    CertProblem::SelfSigned => {
                        run.finding(ProbeCode::CertSelfSigned, run.host_field());
                    }
                    CertProblem::Untrusted => {
                        run.finding(ProbeCode::CertUntrusted, run.host_field());
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
            run.step(StepText::Tls, started, false, StepText::TlsFailed);
            match tls_error {
                Some(rustls::Error::AlertReceived(rustls::AlertDescription::ProtocolVersion))
                | Some(rustls::Error::PeerIncompatible(_)) => {
                    run.finding(ProbeCode::TlsTooOld, run.security_field());
                }
                Some(rustls::Error::InvalidMessage(_)) => {
                    run.security_fix(ProbeCode::TlsExpectedButPlain, Security::Starttls);
                }
                _ => {
                    run.finding(ProbeCode::BadResponse, run.port_field());
                }
            }
            None
        }
        Err(_) => {
            run.step(StepText::Tls, started, false, StepText::NoAnswerInTime);
            run.finding(ProbeCode::NoGreeting, run.port_field());
            None
        }
    }
}

/// Whether the server completes a TLS handshake (any certificate): used to tell a silent
/// plain-text port from one that expects TLS from the first byte.
pub(super) async fn speaks_tls(
    addr: SocketAddr,
    source: Option<IpAddr>,
    name: &ServerName<'static>,
    roots: Arc<rustls::RootCertStore>,
    deadline: Instant,
) -> bool {
    let Ok(verifier) = RecordingVerifier::new(roots) else {
        return false;
    };
    let Ok(config) = client_config(verifier) else {
        return false;
    };
    let attempt = async {
        let stream = super::connect::connect(addr, source).await.ok()?;
        TlsConnector::from(Arc::new(config))
            .connect(name.clone(), stream)
            .await
            .ok()
    };
    matches!(timeout_at(deadline, attempt).await, Ok(Some(_)))
}

#[cfg(test)]
mod tests {
    use super::name_matches;

    #[test]
    fn wildcards_match_one_label() {
        assert!(name_matches("*.example.com", "mail.example.com"));
        assert!(!name_matches("*.example.com", "a.mail.example.com"));
        assert!(!name_matches("*.example.com", "example.com"));
        assert!(name_matches("Mail.Example.com", "mail.example.com"));
    }
}
