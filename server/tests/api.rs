//! The HTTP API's safety rules, each with a test that fails without it.

mod common;

use std::time::{Duration, Instant};

use common::{codes, config, probe, request, start};
use tokio::io::AsyncWriteExt;

#[tokio::test]
async fn health_answers() {
    let addr = start(config()).await;
    let a = request(addr, "GET", "/api/health", "").await;
    assert_eq!(a.status, 200);
    assert_eq!(a.body["ok"], true);
}

#[tokio::test]
async fn special_purpose_targets_are_refused_before_any_socket() {
    let addr = start(config()).await;
    for host in [
        "127.0.0.1",
        "10.0.0.5",
        "169.254.169.254",
        "100.64.1.1",
        "::1",
        "::ffff:127.0.0.1",
        "fe80::1",
        "2130706433",
        "0x7f.0.0.1",
        "127.1",
    ] {
        let a = probe(addr, host, 993, "imap", "tls").await;
        assert_eq!(a.status, 403, "{host}");
        assert_eq!(codes(&a), vec!["target-forbidden"], "{host}");
    }
}

#[tokio::test]
async fn a_name_resolving_to_a_private_address_is_refused() {
    let mut c = config();
    c.resolve = vec!["rebind.maillint.test=127.0.0.1".into()];
    let addr = start(c).await;
    let a = probe(addr, "rebind.maillint.test", 993, "imap", "tls").await;
    assert_eq!(a.status, 403);
    assert_eq!(codes(&a), vec!["target-forbidden"]);
}

#[tokio::test]
async fn urls_junk_and_passwords_are_malformed() {
    let addr = start(config()).await;
    for host in [
        "https://mail.example.com",
        "mail.example.com:993",
        "me@mail.example.com",
        "mail example",
    ] {
        let a = probe(addr, host, 993, "imap", "tls").await;
        assert_eq!(a.status, 400, "{host}");
    }
    let with_password = r#"{"host":"mail.example.com","port":993,"protocol":"imap","security":"tls","password":"hunter2"}"#;
    let a = request(addr, "POST", "/api/probe", with_password).await;
    assert_eq!(a.status, 400);
    assert!(a.body["error"]
        .as_str()
        .unwrap()
        .contains("never takes a password"));
    assert_eq!(
        request(addr, "POST", "/api/probe", "{not json")
            .await
            .status,
        400
    );
    assert_eq!(
        probe(addr, "mail.example.com", 993, "ftp", "tls")
            .await
            .status,
        400
    );
}

#[tokio::test]
async fn ports_outside_the_allow_list_are_refused() {
    let addr = start(config()).await;
    let a = probe(addr, "mail.example.com", 22, "imap", "tls").await;
    assert_eq!(a.status, 403);
    assert_eq!(codes(&a), vec!["port-forbidden"]);
}

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let addr = start(config()).await;
    let big = format!(
        r#"{{"host":"{}","port":993,"protocol":"imap","security":"tls"}}"#,
        "a".repeat(5000)
    );
    assert_eq!(request(addr, "POST", "/api/probe", &big).await.status, 413);
}

#[tokio::test]
async fn clients_are_rate_limited_with_retry_after() {
    let mut c = config();
    c.client_burst = 2;
    c.client_per_minute = 1;
    c.resolve = vec!["limited.maillint.test=203.0.113.9".into()];
    c.probe_timeout = 0.2;
    let addr = start(c).await;
    // 203.0.113.0/24 is documentation space: refused after resolution, but each request
    // still counts against the client.
    for _ in 0..2 {
        assert_eq!(
            probe(addr, "limited.maillint.test", 993, "imap", "tls")
                .await
                .status,
            403
        );
    }
    let a = probe(addr, "limited.maillint.test", 993, "imap", "tls").await;
    assert_eq!(a.status, 429);
    assert_eq!(codes(&a), vec!["rate-limited"]);
    assert!(
        a.headers.to_ascii_lowercase().contains("retry-after:"),
        "{}",
        a.headers
    );
}

#[tokio::test]
async fn probes_beyond_the_in_flight_cap_get_503_at_once() {
    let silent = common::fake(|s| async move {
        tokio::time::sleep(Duration::from_secs(5)).await;
        drop(s);
    })
    .await;
    let mut c = config();
    c.max_in_flight = 1;
    c.allow_private_targets = true;
    c.allowed_ports = vec![silent.port()];
    c.probe_timeout = 3.0;
    let addr = start(c).await;
    let first =
        tokio::spawn(async move { probe(addr, "127.0.0.1", silent.port(), "imap", "none").await });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    let second = probe(addr, "127.0.0.1", silent.port(), "imap", "none").await;
    assert_eq!(second.status, 503);
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(first.await.unwrap().status, 200);
}

#[tokio::test]
async fn a_slow_header_is_cut_off() {
    let mut c = config();
    c.header_timeout = 1.0;
    let addr = start(c).await;
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(b"POST /api/probe HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let mut closed = false;
    for _ in 0..40 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        // Keep dripping a byte a tenth of a second, as a slowloris client does.
        if s.write_all(b"X").await.is_err() {
            closed = true;
            break;
        }
        // An answer (408) or the end of the stream: either way the server let go.
        let mut buf = [0u8; 64];
        let read = tokio::io::AsyncReadExt::read(&mut s, &mut buf);
        if let Ok(Ok(_)) = tokio::time::timeout(Duration::from_millis(1), read).await {
            closed = true;
            break;
        }
    }
    assert!(closed, "the connection stayed open");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn one_target_is_limited_across_clients() {
    // A server that closes at once: every probe of it ends quickly, with an answer.
    let closing = common::fake(|s| async move { drop(s) }).await;
    let mut c = config();
    c.client_burst = 1000;
    c.client_per_minute = 1000;
    c.target_per_minute = 3;
    c.allow_private_targets = true;
    c.allowed_ports = vec![closing.port()];
    c.resolve = vec![
        "busy.maillint.test=127.0.0.1".into(),
        "other.maillint.test=127.0.0.2".into(),
    ];
    let addr = start(c).await;
    for _ in 0..3 {
        let a = probe(addr, "busy.maillint.test", closing.port(), "imap", "tls").await;
        assert_eq!(a.status, 200);
    }
    let a = probe(addr, "busy.maillint.test", closing.port(), "imap", "tls").await;
    assert_eq!(a.status, 429);
    assert_eq!(codes(&a), vec!["rate-limited"]);
    assert!(a.headers.to_ascii_lowercase().contains("retry-after:"));
    // Another target is still open to the same client (refused only for its address).
    let other = probe(addr, "other.maillint.test", closing.port(), "imap", "tls").await;
    assert_eq!(other.status, 200);
}
