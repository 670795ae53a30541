//! Running the backend for real: three instances sharing one Redis (Debian's redis-server on
//! a loopback port), clients behind a trusted proxy, other origins (CORS), `/metrics`, and a
//! clean deploy (SIGTERM drains the real binary). All offline, on loopback.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{config, fake, free_port, start, RedisServer};
use maillint_server::config::Config;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One raw request with extra headers; the status and the whole answer.
async fn send(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &str,
    body: &str,
) -> (u16, String) {
    let mut s = TcpStream::connect(addr).await.unwrap();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), s.read_to_end(&mut raw))
        .await
        .expect("answered in time")
        .unwrap();
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    (status, text)
}

fn probe_body(port: u16) -> String {
    format!(r#"{{"host":"127.0.0.1","port":{port},"protocol":"smtp","security":"starttls"}}"#)
}

/// An instance behind the test's "load balancer" (127.0.0.1 is the trusted proxy), probing a
/// closed loopback port, sharing `redis`.
fn instance(redis: Option<u16>, closed: u16, client_burst: u32, target_per_minute: u32) -> Config {
    let mut c = config();
    c.allow_private_targets = true;
    c.allowed_ports = vec![closed];
    c.probe_timeout = 2.0;
    c.trusted_proxies = vec!["127.0.0.1/32".into()];
    c.client_burst = client_burst;
    c.client_per_minute = 1;
    c.target_per_minute = target_per_minute;
    c.redis = redis.map(|p| format!("redis://127.0.0.1:{p}/0"));
    c.metrics_public = true;
    c
}

/// Waits until every instance counts in Redis (they connect in the background): a fresh
/// client uses its burst on the first instance, then asks each other one once; the counts
/// are shared when every other one refuses.
async fn until_shared(addrs: &[SocketAddr], closed: u16, burst: usize) {
    let started = Instant::now();
    for round in 0u32.. {
        let who = format!(
            "X-Forwarded-For: 198.18.{}.{}\r\n",
            round / 200,
            1 + round % 200
        );
        for _ in 0..burst {
            send(addrs[0], "POST", "/api/probe", &who, &probe_body(closed)).await;
        }
        let mut statuses = Vec::new();
        for a in &addrs[1..] {
            statuses.push(
                send(*a, "POST", "/api/probe", &who, &probe_body(closed))
                    .await
                    .0,
            );
        }
        if statuses.iter().all(|s| *s == 429) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "never shared: {statuses:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_instances_share_one_limit_and_survive_redis_going_away() {
    let port = free_port();
    let redis = RedisServer::start(port);
    let closed = free_port();
    // One client's probes spread over the three are limited as one client: the burst (3),
    // not three bursts.
    let c = instance(Some(port), closed, 3, 1000);
    let mut three = Vec::new();
    for _ in 0..3 {
        three.push(start(c.clone()).await);
    }
    until_shared(&three, closed, 3).await;
    let client = "X-Forwarded-For: 203.0.113.50\r\n";
    let mut allowed = 0;
    for i in 0..9 {
        let (status, text) = send(
            three[i % 3],
            "POST",
            "/api/probe",
            client,
            &probe_body(closed),
        )
        .await;
        assert!(status == 200 || status == 429, "{status}: {text}");
        if status == 200 {
            allowed += 1;
        } else {
            assert!(text.to_ascii_lowercase().contains("retry-after:"), "{text}");
        }
    }
    assert_eq!(allowed, 3, "one burst across three instances");

    // One target is limited across all three, whoever asks.
    let target = free_port();
    let mut t = instance(Some(port), target, 100, 2);
    t.allowed_ports = vec![target];
    let mut by_target = Vec::new();
    for _ in 0..3 {
        by_target.push(start(t.clone()).await);
    }
    // Connected to Redis by now (the other three took far less).
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let mut refused = 0;
    for i in 0..6 {
        let who = format!("X-Forwarded-For: 198.51.100.{}\r\n", 10 + i);
        let (status, _) = send(
            by_target[i % 3],
            "POST",
            "/api/probe",
            &who,
            &probe_body(target),
        )
        .await;
        if status == 429 {
            refused += 1;
        }
    }
    assert_eq!(
        refused, 4,
        "the target's 2 a minute hold across the instances"
    );

    // Redis goes away: every instance answers from its own limits, never an error.
    redis.stop();
    for (i, a) in three.iter().enumerate() {
        let who = format!("X-Forwarded-For: 203.0.113.{}\r\n", 100 + i);
        let (status, text) = send(*a, "POST", "/api/probe", &who, &probe_body(closed)).await;
        assert_eq!(status, 200, "{text}");
    }
    let (_, metrics) = send(three[0], "GET", "/metrics", "", "").await;
    assert!(
        metrics.contains("maillint_redis_fallbacks_total"),
        "{metrics}"
    );
    // And it comes back: shared again.
    let _redis = RedisServer::start(port);
    until_shared(&three, closed, 3).await;
}

#[tokio::test]
async fn forwarding_headers_count_only_from_a_trusted_peer() {
    let closed = free_port();
    // Untrusted: the server trusts no proxy, so a spoofed header changes nothing.
    let mut c = instance(None, closed, 1, 1000);
    c.trusted_proxies = vec![];
    let plain = start(c).await;
    let (first, _) = send(
        plain,
        "POST",
        "/api/probe",
        "X-Forwarded-For: 192.0.2.1\r\n",
        &probe_body(closed),
    )
    .await;
    let (second, _) = send(
        plain,
        "POST",
        "/api/probe",
        "X-Forwarded-For: 192.0.2.2\r\n",
        &probe_body(closed),
    )
    .await;
    assert_eq!(
        (first, second),
        (200, 429),
        "a spoofed header chose a bucket"
    );
    // Trusted: each forwarded client has its own bucket, read from the header the proxy
    // writes (X-Forwarded-For by default, Forwarded when named), the right-most untrusted
    // address.
    let behind = start(instance(None, closed, 1, 1000)).await;
    let mut rfc = instance(None, closed, 1, 1000);
    rfc.forwarded_header = maillint_server::client::ForwardedHeader::Forwarded;
    let behind_rfc = start(rfc).await;
    for (to, headers) in [
        (behind, "X-Forwarded-For: 192.0.2.1\r\n"),
        (behind, "X-Forwarded-For: 10.0.0.1, 192.0.2.2\r\n"),
        (behind_rfc, "Forwarded: for=192.0.2.3;proto=https\r\n"),
        (behind_rfc, "Forwarded: for=\"[2001:db8::1]:4711\"\r\n"),
    ] {
        let (status, text) = send(to, "POST", "/api/probe", headers, &probe_body(closed)).await;
        assert_eq!(status, 200, "{headers}: {text}");
    }
    // A client behind an X-Forwarded-For proxy names another address in its own Forwarded
    // header: it is ignored, and the client's one bucket runs out.
    let mut statuses = Vec::new();
    for i in 0..3 {
        let headers = format!("Forwarded: for=198.51.100.{i}\r\nX-Forwarded-For: 192.0.2.50\r\n");
        statuses.push(
            send(behind, "POST", "/api/probe", &headers, &probe_body(closed))
                .await
                .0,
        );
    }
    assert_eq!(
        statuses,
        [200, 429, 429],
        "a client chose its bucket with Forwarded"
    );
    let (status, _) = send(
        behind,
        "POST",
        "/api/probe",
        "X-Forwarded-For: 1.1.1.1, 192.0.2.2\r\n",
        &probe_body(closed),
    )
    .await;
    assert_eq!(
        status, 429,
        "192.0.2.2 again, whatever it wrote to its left"
    );
}

#[tokio::test]
async fn other_origins_are_refused_unless_allowed() {
    let closed = free_port();
    let mut c = instance(None, closed, 100, 1000);
    c.allowed_origins = vec!["https://help.example.com".into()];
    let addr = start(c.clone()).await;
    // The allowed origin's preflight and request.
    let (status, text) = send(
        addr,
        "OPTIONS",
        "/api/probe",
        "Origin: https://help.example.com\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n",
        "",
    )
    .await;
    let lower = text.to_ascii_lowercase();
    assert_eq!(status, 204, "{text}");
    assert!(
        lower.contains("access-control-allow-origin: https://help.example.com"),
        "{text}"
    );
    assert!(
        lower.contains("access-control-allow-methods: post"),
        "{text}"
    );
    assert!(
        lower.contains("access-control-allow-headers: content-type"),
        "{text}"
    );
    let (status, text) = send(
        addr,
        "POST",
        "/api/probe",
        "Origin: https://help.example.com\r\n",
        &probe_body(closed),
    )
    .await;
    assert_eq!(status, 200, "{text}");
    assert!(text
        .to_ascii_lowercase()
        .contains("access-control-allow-origin: https://help.example.com"));
    // Another origin: 403, and no CORS headers to read it by.
    for method in ["OPTIONS", "POST"] {
        let (status, text) = send(
            addr,
            method,
            "/api/probe",
            "Origin: https://evil.example\r\n",
            &probe_body(closed),
        )
        .await;
        assert_eq!(status, 403, "{method}: {text}");
        assert!(
            !text
                .to_ascii_lowercase()
                .contains("access-control-allow-origin"),
            "{text}"
        );
    }
    // No Origin (curl, a server): allowed, unless --require-origin.
    let (status, _) = send(addr, "POST", "/api/probe", "", &probe_body(closed)).await;
    assert_eq!(status, 200);
    c.require_origin = true;
    let strict = start(c).await;
    let (status, _) = send(strict, "POST", "/api/probe", "", &probe_body(closed)).await;
    assert_eq!(status, 403);
    let (status, _) = send(
        strict,
        "POST",
        "/api/probe",
        "Origin: https://help.example.com\r\n",
        &probe_body(closed),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = send(strict, "GET", "/api/health", "", "").await;
    assert_eq!(status, 200, "health stays open to the balancer");
}

/// A counter's value in Prometheus text, summed over the label sets that contain `labels`.
fn counter(text: &str, name: &str, labels: &str) -> f64 {
    text.lines()
        .filter(|l| l.starts_with(name) && !l.starts_with('#') && l.contains(labels))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

#[tokio::test]
async fn metrics_parse_as_prometheus_text_and_move_with_the_requests() {
    let closed = free_port();
    let mut c = instance(None, closed, 100, 1000);
    c.metrics_listen = Some("127.0.0.1:0".parse().unwrap());
    c.metrics_public = false;
    // Not on the public address unless asked for (--metrics-public).
    let mut public = instance(None, closed, 100, 1000);
    public.metrics_public = false;
    let public = start(public).await;
    let (status, _) = send(public, "GET", "/metrics", "", "").await;
    assert_eq!(
        status, 404,
        "/metrics answered on the public address by default"
    );
    let addr = start(instance(None, closed, 100, 1000)).await;
    let (_, before) = send(addr, "GET", "/metrics", "", "").await;
    for _ in 0..3 {
        send(addr, "POST", "/api/probe", "", &probe_body(closed)).await;
    }
    let (status, after) = send(addr, "GET", "/metrics", "", "").await;
    assert_eq!(status, 200);
    assert!(after
        .to_ascii_lowercase()
        .contains("content-type: text/plain; version=0.0.4"));
    let body = after.split("\r\n\r\n").nth(1).unwrap_or("");
    // Every line is a comment or `name{labels} value`.
    for line in body
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (series, value) = line.rsplit_once(' ').unwrap_or(("", ""));
        assert!(value.parse::<f64>().is_ok(), "{line}");
        assert!(series.starts_with("maillint_"), "{line}");
    }
    let moved =
        |name: &str, labels: &str| counter(body, name, labels) - counter(&before, name, labels);
    assert!(
        moved("maillint_requests_total", "route=\"probe\"") >= 3.0,
        "{body}"
    );
    assert!(
        moved("maillint_probes_total", "outcome=\"connect-refused\"") >= 3.0,
        "{body}"
    );
    assert!(body.contains("maillint_probe_seconds_bucket"), "{body}");
    assert!(body.contains("maillint_in_flight"), "{body}");
    // --metrics-listen serves them on another address instead.
    let separate = maillint_server::http::start(c).await.unwrap();
    let (status, _) = send(separate.addr, "GET", "/metrics", "", "").await;
    assert_eq!(status, 404, "not on the public address");
    let (status, text) = send(separate.metrics_addr.unwrap(), "GET", "/metrics", "", "").await;
    assert_eq!(status, 200);
    assert!(text.contains("maillint_requests_total"), "{text}");
}

#[tokio::test]
async fn sigterm_lets_probes_in_flight_finish_refuses_new_ones_and_exits_0() {
    let binary = env!("CARGO_BIN_EXE_maillint-server");
    // A mail server that greets after two seconds.
    let slow = fake(|mut s: TcpStream| async move {
        tokio::time::sleep(Duration::from_secs(2)).await;
        let _ = s.write_all(b"220 slow ESMTP\r\n").await;
        let mut buf = [0u8; 256];
        while let Ok(n) = s.read(&mut buf).await {
            if n == 0 {
                return;
            }
            let _ = s.write_all(b"221 bye\r\n").await;
        }
    })
    .await
    .port();
    let listen = format!("127.0.0.1:{}", free_port());
    let mut child = Command::new(binary)
        .args([
            "--listen",
            &listen,
            "--allow-private-targets",
            "--allowed-ports",
            &slow.to_string(),
            "--probe-timeout",
            "5",
            "--public-name",
            "test",
            "--log-format",
            "json",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let addr: SocketAddr = listen.parse().unwrap();
    let started = Instant::now();
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let in_flight =
        tokio::spawn(async move { send(addr, "POST", "/api/probe", "", &probe_body(slow)).await });
    tokio::time::sleep(Duration::from_millis(500)).await;
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    tokio::time::sleep(Duration::from_millis(300)).await;
    // New connections are refused while the probe finishes.
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "a new connection was accepted"
    );
    let (status, text) = in_flight.await.unwrap();
    assert_eq!(status, 200, "{text}");
    // It ran to its end (the greeting step, two seconds after the signal), not cut off.
    assert!(text.contains(r#""step":"greeting""#), "{text}");
    let exit = child.wait().unwrap();
    assert_eq!(exit.code(), Some(0));
    // Logs are one JSON object a line.
    let mut logs = String::new();
    use std::io::Read;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut logs)
        .unwrap();
    for line in logs.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_ok(),
            "{line}"
        );
    }
    assert!(logs.contains("draining"), "{logs}");
}

/// A value under a discovery key that is not an answer about that domain (another program's
/// value, a tampered Redis) is a miss: counted, logged, and the sources are asked; it is never
/// served. `rediss://` (Redis over TLS) is compiled in.
#[tokio::test]
async fn junk_in_the_shared_cache_is_never_served() {
    let redis = RedisServer::start(free_port());
    let closed = free_port();
    let mut c = instance(Some(redis.port()), closed, 100, 1000);
    // Lookups go to a port where nothing answers DNS: the sources fail quickly (and the
    // resolver's canary check, which would make discovery unavailable, is off).
    c.dns_server = Some(format!("127.0.0.1:{closed}").parse().unwrap());
    c.dns_canary = "none".into();
    c.discover_timeout = 2.0;
    c.discover_request_timeout = 1.0;
    let addr = start(c).await;
    let client = redis::Client::open(format!("redis://127.0.0.1:{}/0", redis.port())).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let junk = "<script>alert(1)</script>";
    for domain in ["junk.test", "other.test"] {
        let _: () = redis::cmd("SET")
            .arg(format!("maillint:discover:en:{domain}"))
            .arg(if domain == "junk.test" {
                junk.to_string()
            } else {
                // A well-formed answer, but about another domain.
                r#"{"domain":"elsewhere.test","mail":{},"sources":[],"findings":[]}"#.to_string()
            })
            .query_async(&mut conn)
            .await
            .unwrap();
    }
    // The instance connects to Redis in the background.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let (_, before) = send(addr, "GET", "/metrics", "", "").await;
    for domain in ["junk.test", "other.test"] {
        let body = format!(r#"{{"domain":"{domain}"}}"#);
        let (status, text) = send(addr, "POST", "/api/discover?locale=en", "", &body).await;
        assert_eq!(status, 200, "{text}");
        assert!(!text.contains("<script>"), "junk served: {text}");
        let json: serde_json::Value =
            serde_json::from_str(text.split("\r\n\r\n").nth(1).unwrap_or("")).unwrap();
        assert_eq!(json["domain"], domain, "{text}");
        assert!(json["sources"].is_array(), "{text}");
    }
    let (_, after) = send(addr, "GET", "/metrics", "", "").await;
    let junk_count = |t: &str| counter(t, "maillint_redis_junk_total", "");
    assert_eq!(junk_count(&after) - junk_count(&before), 2.0, "{after}");
    // The fresh answer replaced the junk.
    let stored: String = redis::cmd("GET")
        .arg("maillint:discover:en:junk.test")
        .query_async(&mut conn)
        .await
        .unwrap();
    assert!(
        stored.starts_with('{') && stored.contains("\"junk.test\""),
        "{stored}"
    );

    // TLS to Redis is built in: a rediss:// address is taken (the server then connects in
    // the background, as for redis://).
    assert!(maillint_server::limits::Redis::start("rediss://127.0.0.1:1/0").is_ok());
}
