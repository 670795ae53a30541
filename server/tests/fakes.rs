//! The probe against misbehaving servers: silence, endless lines, drip feeds, the wrong
//! protocol, STARTTLS response injection, old TLS. Each ends in its finding, quickly, with
//! bounded memory.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{codes, config, fake, probe, start};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn server_for(port: u16, timeout: f64, extra_ca: Option<std::path::PathBuf>) -> SocketAddr {
    let mut c = config();
    c.allow_private_targets = true;
    c.allowed_ports = vec![port];
    c.probe_timeout = timeout;
    c.extra_ca = extra_ca;
    c.resolve = vec!["fake.maillint.test=127.0.0.1".into()];
    start(c).await
}

#[tokio::test]
async fn a_silent_server_is_asked_once_then_no_greeting() {
    let asked = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = asked.clone();
    let port = fake(move |mut s: TcpStream| {
        let seen = seen.clone();
        async move {
            let mut buf = [0u8; 256];
            if let Ok(n) = s.read(&mut buf).await {
                if n > 0 {
                    seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
            }
            tokio::time::sleep(Duration::from_secs(10)).await;
        }
    })
    .await
    .port();
    let addr = server_for(port, 3.0, None).await;
    let started = Instant::now();
    let a = probe(addr, "127.0.0.1", port, "imap", "none").await;
    assert_eq!(codes(&a), vec!["no-greeting"]);
    assert!(started.elapsed() < Duration::from_secs(8));
    // It was sent the protocol's first command (a second connection tried TLS).
    assert!(asked.load(std::sync::atomic::Ordering::SeqCst) >= 1);
}

#[tokio::test]
async fn an_endless_line_is_a_bad_response_not_a_memory_climb() {
    let port = fake(|mut s: TcpStream| async move {
        let chunk = vec![b'A'; 64 * 1024];
        for _ in 0..200 {
            if s.write_all(&chunk).await.is_err() {
                return;
            }
        }
    })
    .await
    .port();
    let addr = server_for(port, 5.0, None).await;
    let a = probe(addr, "127.0.0.1", port, "pop3", "none").await;
    assert_eq!(codes(&a), vec!["bad-response"]);
}

#[tokio::test]
async fn a_drip_feed_runs_into_the_deadline() {
    let port = fake(|mut s: TcpStream| async move {
        for b in b"* OK hello, this greeting never ends"
            .iter()
            .cycle()
            .take(400)
        {
            if s.write_all(&[*b]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
    .port();
    let addr = server_for(port, 2.0, None).await;
    let started = Instant::now();
    let a = probe(addr, "127.0.0.1", port, "imap", "none").await;
    assert_eq!(codes(&a), vec!["no-greeting"]);
    assert!(started.elapsed() < Duration::from_secs(6));
}

#[tokio::test]
async fn http_or_another_protocol_on_the_port_is_wrong_protocol() {
    let http = fake(|mut s: TcpStream| async move {
        let mut buf = [0u8; 256];
        let _ = s.read(&mut buf).await;
        let _ = s
            .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            .await;
    })
    .await
    .port();
    let addr = server_for(http, 5.0, None).await;
    let a = probe(addr, "127.0.0.1", http, "imap", "none").await;
    assert_eq!(codes(&a), vec!["wrong-protocol"]);
    assert!(a.body["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("HTTP"));

    let pop = fake(|mut s: TcpStream| async move {
        let _ = s.write_all(b"+OK POP3 ready\r\n").await;
        tokio::time::sleep(Duration::from_secs(2)).await;
    })
    .await
    .port();
    let addr = server_for(pop, 5.0, None).await;
    let a = probe(addr, "127.0.0.1", pop, "imap", "none").await;
    assert_eq!(codes(&a), vec!["wrong-protocol"]);
    assert!(a.body["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("POP3"));
}

#[tokio::test]
async fn a_closed_port_is_connect_refused_and_a_missing_name_dns_not_found() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let addr = server_for(port, 3.0, None).await;
    assert_eq!(
        codes(&probe(addr, "127.0.0.1", port, "smtp", "starttls").await),
        vec!["connect-refused"]
    );
    let a = probe(addr, "nothing-here.invalid", port, "smtp", "starttls").await;
    assert_eq!(codes(&a), vec!["dns-not-found"]);
}

#[tokio::test]
async fn steps_are_told_in_the_requests_language() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let addr = server_for(port, 3.0, None).await;
    let body = serde_json::json!({ "host": "127.0.0.1", "port": port, "protocol": "smtp", "security": "starttls" }).to_string();
    let step = |a: &common::Answer, name: &str| {
        a.body["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["step"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no {name} step: {}", a.body))
    };
    for (locale, label, detail, message) in [
        ("zh-HK", "連線", "被拒絕", "拒絕連線"),
        ("zh-CN", "连接", "被拒绝", "拒绝了连接"),
        ("ms-MY", "sambungan", "ditolak", "menolak sambungan"),
        ("en", "connection", "refused", "refused the connection"),
    ] {
        let a = common::request(addr, "POST", &format!("/api/probe?locale={locale}"), &body).await;
        let connect = step(&a, "connect");
        assert_eq!(connect["label"], label, "{locale}: {}", a.body);
        assert_eq!(connect["detail"], detail, "{locale}: {}", a.body);
        let said = a.body["findings"][0]["message"].as_str().unwrap();
        assert!(said.contains(message), "{locale}: {said}");
        // The address the test reached is a value, not a word to translate.
        assert!(step(&a, "dns")["detail"]
            .as_str()
            .unwrap()
            .contains("127.0.0.1"));
    }
}

#[tokio::test]
async fn an_smtp_server_without_starttls() {
    let port = fake(|mut s: TcpStream| async move {
        let _ = s.write_all(b"220 fake ESMTP\r\n").await;
        let mut buf = [0u8; 256];
        while let Ok(n) = s.read(&mut buf).await {
            if n == 0 {
                return;
            }
            let line = String::from_utf8_lossy(&buf[..n]).to_string();
            let reply: &[u8] = if line.starts_with("EHLO") {
                b"250-fake\r\n250 SIZE 1000\r\n"
            } else {
                b"221 bye\r\n"
            };
            if s.write_all(reply).await.is_err() {
                return;
            }
        }
    })
    .await
    .port();
    let addr = server_for(port, 3.0, None).await;
    assert_eq!(
        codes(&probe(addr, "127.0.0.1", port, "smtp", "starttls").await),
        vec!["starttls-not-offered"]
    );
}

#[tokio::test]
async fn only_old_tls_is_tls_too_old() {
    let port = fake(|mut s: TcpStream| async move {
        let mut buf = [0u8; 1024];
        let _ = s.read(&mut buf).await;
        // A TLS 1.0 record: fatal alert, protocol_version.
        let _ = s
            .write_all(&[0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46])
            .await;
    })
    .await
    .port();
    let addr = server_for(port, 3.0, None).await;
    assert_eq!(
        codes(&probe(addr, "127.0.0.1", port, "imap", "tls").await),
        vec!["tls-too-old"]
    );
}

#[tokio::test]
async fn data_injected_after_starttls_is_a_finding_and_never_trusted() {
    let (tls, ca) = common::test_tls(&["fake.maillint.test"]);
    let port = fake(move |mut s: TcpStream| {
        let tls = tls.clone();
        async move {
            let _ = s
                .write_all(b"* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] fake\r\n")
                .await;
            let mut buf = [0u8; 512];
            loop {
                let Ok(n) = s.read(&mut buf).await else {
                    return;
                };
                if n == 0 {
                    return;
                }
                let line = String::from_utf8_lossy(&buf[..n]).to_string();
                if line.starts_with("a1 ") {
                    let _ = s
                        .write_all(
                            b"* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\na1 OK done\r\n",
                        )
                        .await;
                } else if line.starts_with("a2 STARTTLS") {
                    // The reply and, in the same packet, an injected response.
                    let _ = s
                        .write_all(b"a2 OK Begin TLS\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n")
                        .await;
                    let acceptor = tokio_rustls::TlsAcceptor::from(tls);
                    let Ok(mut t) = acceptor.accept(s).await else {
                        return;
                    };
                    let mut buf = [0u8; 512];
                    while let Ok(n) = t.read(&mut buf).await {
                        if n == 0 {
                            return;
                        }
                        let line = String::from_utf8_lossy(&buf[..n]).to_string();
                        if line.starts_with("a1 ") {
                            let _ = t
                                .write_all(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na1 OK done\r\n")
                                .await;
                        } else {
                            let _ = t.write_all(b"* BYE\r\na9 OK\r\n").await;
                            return;
                        }
                    }
                    return;
                }
            }
        }
    })
    .await
    .port();
    let addr = server_for(port, 5.0, Some(ca)).await;
    let a = probe(addr, "fake.maillint.test", port, "imap", "starttls").await;
    assert_eq!(codes(&a), vec!["starttls-injection"], "{}", a.body);
    let steps: Vec<&str> = a.body["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        vec![
            "dns",
            "connect",
            "greeting",
            "capabilities",
            "starttls",
            "tls",
            "capabilities"
        ]
    );
}

#[tokio::test]
async fn a_certificate_from_an_unknown_authority_is_untrusted() {
    // The test CA is not handed to the probe: the chain leads to no trusted root.
    let (tls, _ca) = common::test_tls(&["fake.maillint.test"]);
    let port = fake(move |s: TcpStream| {
        let tls = tls.clone();
        async move {
            let acceptor = tokio_rustls::TlsAcceptor::from(tls);
            let Ok(mut t) = acceptor.accept(s).await else {
                return;
            };
            let _ = t
                .write_all(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake\r\n")
                .await;
            let mut buf = [0u8; 512];
            while let Ok(n) = t.read(&mut buf).await {
                if n == 0 {
                    return;
                }
                let reply: &[u8] = if buf.starts_with(b"a1 ") {
                    b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na1 OK\r\n"
                } else {
                    b"* BYE\r\n"
                };
                if t.write_all(reply).await.is_err() {
                    return;
                }
            }
        }
    })
    .await
    .port();
    let addr = server_for(port, 5.0, None).await;
    let a = probe(addr, "fake.maillint.test", port, "imap", "tls").await;
    assert_eq!(codes(&a), vec!["cert-untrusted"], "{}", a.body);
}

/// The capabilities steps' details, in order.
fn capability_details(a: &common::Answer) -> Vec<String> {
    a.body["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["step"] == "capabilities")
        .map(|s| s["detail"].as_str().unwrap_or("").to_string())
        .collect()
}

#[tokio::test]
async fn a_server_that_takes_only_oauth_is_told_and_auth_after_starttls_is_explained() {
    // SMTP submission as Microsoft 365 will offer it once passwords are off: no AUTH before
    // STARTTLS (as it should be), and only XOAUTH2 after it.
    let (tls, ca) = common::test_tls(&["fake.maillint.test"]);
    let port = fake(move |mut s: TcpStream| {
        let tls = tls.clone();
        async move {
            let _ = s.write_all(b"220 fake.maillint.test ESMTP\r\n").await;
            let mut buf = [0u8; 512];
            loop {
                let Ok(n) = s.read(&mut buf).await else { return };
                if n == 0 {
                    return;
                }
                let line = String::from_utf8_lossy(&buf[..n]).to_ascii_uppercase();
                if line.starts_with("EHLO") {
                    let _ = s.write_all(b"250-fake.maillint.test\r\n250-SIZE 1000000\r\n250 STARTTLS\r\n").await;
                } else if line.starts_with("STARTTLS") {
                    let _ = s.write_all(b"220 2.0.0 Ready to start TLS\r\n").await;
                    let acceptor = tokio_rustls::TlsAcceptor::from(tls);
                    let Ok(mut t) = acceptor.accept(s).await else { return };
                    while let Ok(n) = t.read(&mut buf).await {
                        if n == 0 {
                            return;
                        }
                        let line = String::from_utf8_lossy(&buf[..n]).to_ascii_uppercase();
                        let reply: &[u8] = if line.starts_with("EHLO") {
                            b"250-fake.maillint.test\r\n250-AUTH XOAUTH2 OAUTHBEARER\r\n250 SIZE 1000000\r\n"
                        } else {
                            b"221 2.0.0 Bye\r\n"
                        };
                        if t.write_all(reply).await.is_err() {
                            return;
                        }
                    }
                    return;
                } else {
                    let _ = s.write_all(b"221 2.0.0 Bye\r\n").await;
                    return;
                }
            }
        }
    })
    .await
    .port();
    let addr = server_for(port, 5.0, Some(ca)).await;
    let a = probe(addr, "fake.maillint.test", port, "smtp", "starttls").await;
    assert_eq!(codes(&a), vec!["oauth-only"], "{}", a.body);
    let details = capability_details(&a);
    assert_eq!(details.len(), 2, "{}", a.body);
    // Before STARTTLS: explained, not flagged as "no method offered".
    assert!(details[0].contains("after STARTTLS"), "{details:?}");
    assert!(!details[0].contains("no method offered"), "{details:?}");
    // After it: the mechanisms, as offered.
    assert!(details[1].contains("XOAUTH2 OAUTHBEARER"), "{details:?}");
    let finding = &a.body["findings"][0];
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("a password will not work"),
        "{finding}"
    );
}
