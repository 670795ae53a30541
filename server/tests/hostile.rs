//! The public backend against hostile peers: mail servers that flood, clients that trickle or
//! hoard connections, other web sites, and names spelt many ways. Where memory, CPU or the
//! descriptor limit is the point, the test runs the real binary as a child process and reads
//! its figures from /proc.

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use common::{codes, config, fake, probe, request, start, Server};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn step_detail(answer: &common::Answer, step: &str) -> String {
    answer.body["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["step"] == step)
        .map(|s| s["detail"].as_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// An SMTP server that answers EHLO with `reply` bytes of `250-` lines, and never ends them.
async fn smtp_flood(line: String) -> SocketAddr {
    fake(move |mut s| {
        let line = line.clone();
        async move {
            let _ = s.write_all(b"220 flood.test ESMTP\r\n").await;
            let mut buf = [0u8; 512];
            let _ = s.read(&mut buf).await;
            let chunk = line.repeat(64);
            let mut sent = 0;
            while sent < 20 << 20 {
                if s.write_all(chunk.as_bytes()).await.is_err() {
                    return;
                }
                sent += chunk.len();
            }
            let _ = s.write_all(b"250 OK\r\n").await;
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_20_mb_auth_flood_stays_bounded() {
    let auth = format!("250-AUTH {}\r\n", "A ".repeat(3000));
    let smtp = smtp_flood(auth).await;
    let port = smtp.port().to_string();
    let server = Server::start(
        &[],
        &[
            "--allow-private-targets",
            "--allowed-ports",
            &port,
            "--probe-timeout",
            "5",
        ],
    );
    let started = Instant::now();
    let answer = probe(server.addr, "127.0.0.1", smtp.port(), "smtp", "none").await;
    let elapsed = started.elapsed();
    assert_eq!(answer.status, 200);
    assert!(
        codes(&answer).contains(&"bad-response".to_string()),
        "{:?}",
        answer.body
    );
    assert!(
        step_detail(&answer, "capabilities").contains("64 KiB"),
        "{:?}",
        answer.body
    );
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    let size = serde_json::to_string(&answer.body).unwrap().len();
    assert!(size < 64 * 1024, "answer of {size} bytes");
    let peak = server.peak_mb();
    assert!(peak < 100, "peak resident memory {peak} MB");
    eprintln!(
        "AUTH flood: answered in {elapsed:?}, {size} bytes, peak RSS {peak} MB, CPU {:?}",
        server.cpu()
    );
}

/// A POP3 server whose CAPA lists `words` distinct words a line, until 1 MB.
async fn pop3_many_words() -> SocketAddr {
    fake(|mut s| async move {
        let _ = s.write_all(b"+OK pop.test ready\r\n").await;
        let mut buf = [0u8; 512];
        let _ = s.read(&mut buf).await;
        let _ = s.write_all(b"+OK capabilities follow\r\n").await;
        let mut sent = 0;
        let mut n = 0u64;
        while sent < 1 << 20 {
            let line: String = (0..500)
                .map(|_| {
                    n += 1;
                    format!("W{n} ")
                })
                .collect::<String>()
                + "\r\n";
            if s.write_all(line.as_bytes()).await.is_err() {
                return;
            }
            sent += line.len();
        }
        let _ = s.write_all(b".\r\n").await;
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_million_distinct_capabilities_end_within_the_deadline_and_health_answers() {
    let pop3 = pop3_many_words().await;
    let port = pop3.port().to_string();
    let server = Server::start(
        &[],
        &[
            "--allow-private-targets",
            "--allowed-ports",
            &port,
            "--probe-timeout",
            "5",
        ],
    );
    let addr = server.addr;
    let started = Instant::now();
    let probes: Vec<_> = (0..2)
        .map(|_| {
            tokio::spawn(async move { probe(addr, "127.0.0.1", pop3.port(), "pop3", "none").await })
        })
        .collect();
    // Meanwhile the server answers its health check at once.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let health_started = Instant::now();
    let health = request(addr, "GET", "/api/health", "").await;
    assert_eq!(health.status, 200);
    let health_took = health_started.elapsed();
    assert!(health_took < Duration::from_millis(500), "{health_took:?}");
    for p in probes {
        let answer = p.await.unwrap();
        assert!(
            codes(&answer).contains(&"bad-response".to_string()),
            "{:?}",
            answer.body
        );
        assert!(
            step_detail(&answer, "capabilities").contains("more than 256 capabilities"),
            "{:?}",
            answer.body
        );
    }
    assert!(started.elapsed() < Duration::from_secs(5));
    eprintln!(
        "capability flood: two probes in {:?}, health in {health_took:?}, CPU {:?}",
        started.elapsed(),
        server.cpu()
    );
}

/// Sends `head`, then drips `drip` every 100 ms; how long until the server lets go.
async fn time_until_let_go(addr: SocketAddr, head: &str, drip: &[u8]) -> Duration {
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(head.as_bytes()).await.unwrap();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(15) {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if s.write_all(drip).await.is_err() {
            break;
        }
        let mut buf = [0u8; 256];
        match tokio::time::timeout(Duration::from_millis(5), s.read(&mut buf)).await {
            // An answer (408) or the end of the stream: either way the server let go.
            Ok(_) => break,
            Err(_) => continue,
        }
    }
    started.elapsed()
}

#[tokio::test]
async fn trickled_and_endless_bodies_are_cut_off() {
    let mut c = config();
    c.probe_timeout = 1.0;
    c.discover_timeout = 1.0;
    c.request_timeout = 3.0;
    let addr = start(c).await;
    let trickle = "POST /api/probe HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{";
    let took = time_until_let_go(addr, trickle, b" ").await;
    assert!(
        took < Duration::from_secs(5),
        "trickled body held for {took:?}"
    );
    let chunked = "POST /api/probe HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    let took = time_until_let_go(addr, chunked, b"1\r\n \r\n").await;
    assert!(
        took < Duration::from_secs(5),
        "endless chunked body held for {took:?}"
    );
}

#[tokio::test]
async fn connections_past_the_per_client_cap_are_refused() {
    let mut c = config();
    c.max_connections_per_client = 5;
    let addr = start(c).await;
    let mut held = Vec::new();
    for _ in 0..5 {
        held.push(TcpStream::connect(addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    // The sixth is told so and closed.
    let mut sixth = TcpStream::connect(addr).await.unwrap();
    let mut answer = String::new();
    tokio::time::timeout(Duration::from_secs(5), sixth.read_to_string(&mut answer))
        .await
        .unwrap()
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    drop(held);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(request(addr, "GET", "/api/health", "").await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_descriptors_the_server_pauses_instead_of_spinning() {
    let server = Server::start(
        &["prlimit", "--nofile=64:64"],
        &[
            "--max-connections",
            "1000",
            "--max-connections-per-client",
            "1000",
        ],
    );
    let mut held = Vec::new();
    for _ in 0..140 {
        if let Ok(s) = TcpStream::connect(server.addr).await {
            held.push(s);
        }
    }
    let before = server.cpu();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let spent = server.cpu().saturating_sub(before);
    assert!(
        spent < Duration::from_millis(1000),
        "{spent:?} of CPU in 3 s"
    );
    drop(held);
    // Once they go, the server answers again (its header timeout closes the idle ones).
    let started = Instant::now();
    let health = request(server.addr, "GET", "/api/health", "").await;
    assert_eq!(health.status, 200);
    eprintln!(
        "descriptors: {spent:?} of CPU in 3 s while out of them; health after {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn every_spelling_of_one_target_counts_as_that_target() {
    let closing = fake(|s| async move { drop(s) }).await;
    let mut c = config();
    c.client_burst = 1000;
    c.client_per_minute = 1000;
    c.target_per_minute = 2;
    c.allow_private_targets = true;
    c.allowed_ports = vec![closing.port()];
    c.resolve = vec!["fake.test=127.0.0.1".into(), "alias.test=127.0.0.1".into()];
    let addr = start(c).await;
    let spellings = [
        "fake.test",
        "fake.test.",
        "fake.test..",
        " fake.test",
        "fake.test\n",
        "FAKE.TEST",
        "\tfake.test ",
        "Fake.Test.",
        "alias.test",
        "alias.test.",
        "127.0.0.1",
        " 127.0.0.1",
        "::ffff:127.0.0.1",
        "[::ffff:127.0.0.1]",
        "::FFFF:127.0.0.1",
        "0:0:0:0:0:ffff:7f00:1",
        "[0:0:0:0:0:ffff:7f00:1]",
        "127.0.0.1 ",
        "ALIAS.TEST",
        "alias.test..",
    ];
    let mut statuses = Vec::new();
    for host in spellings {
        statuses.push(
            probe(addr, host, closing.port(), "imap", "none")
                .await
                .status,
        );
    }
    assert_eq!(&statuses[..2], &[200, 200]);
    assert!(statuses[2..].iter().all(|s| *s == 429), "{statuses:?}");
    // IPv6 loopback is another address: its own two, then limited, however it is spelt.
    let mut v6 = Vec::new();
    for host in ["::1", "[::1]", "0::1", "0:0:0:0:0:0:0:1"] {
        v6.push(
            probe(addr, host, closing.port(), "imap", "none")
                .await
                .status,
        );
    }
    assert_eq!(v6, vec![200, 200, 429, 429]);
}

/// Writes `request` on `stream` and reads the whole answer, within `limit`.
async fn exchange(mut stream: TcpStream, request: &str, limit: Duration) -> String {
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut out = String::new();
    tokio::time::timeout(limit, stream.read_to_string(&mut out))
        .await
        .unwrap()
        .unwrap();
    out
}

async fn raw(addr: SocketAddr, text: &str) -> (u16, String) {
    let stream = TcpStream::connect(addr).await.unwrap();
    let out = exchange(stream, text, Duration::from_secs(10)).await;
    let status = out
        .split_whitespace()
        .nth(1)
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    (status, out)
}

fn post(host: &str, content_type: &str, extra: &str) -> String {
    let body = r#"{"host":"mail.example.com","port":1,"protocol":"imap","security":"tls"}"#;
    format!(
        "POST /api/probe HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[tokio::test]
async fn only_this_servers_own_pages_may_call_it() {
    let addr = start(config()).await;
    // Same origin: through to the handler (which refuses port 1: 403 with a finding).
    let (status, own) = raw(
        addr,
        &post("test", "application/json", "Origin: http://test\r\n"),
    )
    .await;
    assert_eq!(status, 403);
    assert!(own.contains("port-forbidden"), "{own}");
    // A "simple" cross-site request needs no preflight: refused as 415.
    let (status, _) = raw(addr, &post("test", "text/plain", "")).await;
    assert_eq!(status, 415);
    let (status, _) = raw(addr, &post("test", "application/x-www-form-urlencoded", "")).await;
    assert_eq!(status, 415);
    // Another site's page, by Origin or by Fetch metadata.
    for extra in [
        "Origin: https://evil.example\r\n",
        "Origin: null\r\n",
        "Origin: http://test.evil.example\r\n",
        "Sec-Fetch-Site: cross-site\r\n",
    ] {
        let (status, text) = raw(addr, &post("test", "application/json", extra)).await;
        assert_eq!(status, 403, "{extra}");
        assert!(text.contains("own pages"), "{text}");
    }
}

#[tokio::test]
async fn a_rebinding_host_name_gets_nothing() {
    let addr = start(config()).await;
    let (status, text) = raw(
        addr,
        "GET /api/health HTTP/1.1\r\nHost: rebind.evil.example\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert_eq!(status, 403, "{text}");
    for host in [
        "test",
        "TEST.",
        "127.0.0.1:8080",
        "[::1]:8080",
        "localhost:8080",
    ] {
        let (status, _) = raw(
            addr,
            &format!("GET /api/health HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        )
        .await;
        assert_eq!(status, 200, "{host}");
    }
    let (status, _) = raw(addr, "GET /api/health HTTP/1.0\r\n\r\n").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn ipv6_outside_global_unicast_and_translated_ipv4_are_refused() {
    let mut c = config();
    c.allowed_ports = vec![993];
    let addr = start(c).await;
    for host in [
        "::ffff:0:7f00:1",
        "4000::1",
        "fd00::1",
        "::ffff:10.0.0.1",
        "64:ff9b::a00:1",
    ] {
        let a = probe(addr, host, 993, "imap", "tls").await;
        assert_eq!(a.status, 403, "{host}");
        assert_eq!(codes(&a), vec!["target-forbidden"], "{host}");
    }
}

/// A served root: www/ with a page, dotfiles, a directory, and symlinks in and out.
/// A served folder of its own for each test (`tag`), so tests in parallel do not share one.
fn served_root(tag: &str) -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("maillint-www-{}-{tag}", std::process::id()));
    let www = root.join("www");
    std::fs::create_dir_all(www.join("profiles")).unwrap();
    std::fs::create_dir_all(www.join(".git")).unwrap();
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::create_dir_all(root.join("secret")).unwrap();
    std::fs::write(www.join("index.html"), "<!doctype html><p>page</p>").unwrap();
    std::fs::write(
        www.join("profiles/index.html"),
        "<!doctype html><p>profiles</p>",
    )
    .unwrap();
    std::fs::write(www.join(".env"), "TOKEN=1").unwrap();
    std::fs::write(www.join(".git/config"), "[core]").unwrap();
    std::fs::write(root.join("secret/key"), "KEY").unwrap();
    std::fs::write(root.join("pkg/maillint.js"), "export {};").unwrap();
    let _ = std::os::unix::fs::symlink(root.join("secret"), www.join("out"));
    let _ = std::os::unix::fs::symlink(www.join("index.html"), www.join("same.html"));
    root
}

#[tokio::test]
async fn static_files_stay_inside_their_folders_and_carry_the_safety_headers() {
    let root = served_root("static");
    let mut c = config();
    c.www = root.clone();
    let addr = start(c.clone()).await;
    let get = |path: &str| {
        let path = path.to_string();
        async move {
            raw(
                addr,
                &format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"),
            )
            .await
        }
    };
    let (status, page) = get("/www/index.html").await;
    assert_eq!(status, 200);
    let lower = page.to_ascii_lowercase();
    assert!(lower.contains("x-content-type-options: nosniff"), "{page}");
    assert!(lower.contains("referrer-policy: no-referrer"));
    assert!(lower.contains("content-security-policy: default-src 'self'"));
    assert!(lower.contains("frame-ancestors 'self'"));
    assert!(lower.contains("connect-src 'self'"));
    for hidden in [
        "/www/.env",
        "/www/.git/config",
        "/www/%2egit/config",
        "/www/%2Eenv",
        "/www/out/key",
        "/www/../secret/key",
        "/secret/key",
    ] {
        let (status, text) = get(hidden).await;
        assert_eq!(status, 404, "{hidden}: {text}");
        assert!(!text.contains("TOKEN") && !text.contains("KEY") && !text.contains("[core]"));
    }
    // A symlink inside the folder is fine.
    assert_eq!(get("/www/same.html").await.0, 200);
    assert_eq!(get("/pkg/maillint.js").await.0, 200);
    // Redirects keep the prefix and never make a scheme-relative `//…`.
    let (status, text) = get("/www/profiles").await;
    assert_eq!(status, 308, "{text}");
    assert!(text.contains("location: /www/profiles/\r\n"), "{text}");
    let (status, text) = get("/www///profiles").await;
    assert_eq!(status, 308);
    assert!(text.contains("location: /www/profiles\r\n"), "{text}");
    let (status, text) = get("//www/profiles/").await;
    assert_eq!(status, 308);
    assert!(text.contains("location: /www/profiles/\r\n"), "{text}");
    // frame-ancestors as configured.
    c.frame_ancestors = "https://help.example.com".into();
    let framed = start(c).await;
    let (_, page) = raw(
        framed,
        "GET /www/index.html HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(
        page.contains("frame-ancestors https://help.example.com"),
        "{page}"
    );
    let _ = std::fs::remove_dir_all(root);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_with_a_newline_is_logged_on_one_line() {
    let closing = fake(|s| async move { drop(s) }).await;
    let port = closing.port().to_string();
    let server = Server::start(
        &[],
        &[
            "--allow-private-targets",
            "--allowed-ports",
            &port,
            "--resolve",
            "fake.test=127.0.0.1",
        ],
    );
    let ok = probe(server.addr, "fake.test\n", closing.port(), "imap", "none").await;
    assert_eq!(ok.status, 200);
    let bad = probe(
        server.addr,
        "fake.test\nINJECTED probe ok=true",
        closing.port(),
        "imap",
        "none",
    )
    .await;
    assert_eq!(bad.status, 400);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let lines = server.lines();
    let probes: Vec<&String> = lines.iter().filter(|l| l.contains("probe")).collect();
    assert!(
        probes.iter().any(|l| l.contains("host=fake.test port=")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .all(|l| !l.trim_start().starts_with("INJECTED")),
        "{lines:?}"
    );
}

#[tokio::test]
async fn a_dns_server_that_never_answers_ends_at_the_deadline() {
    // A DNS server that reads queries and never answers; it keeps the first name asked.
    let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let dns = socket.local_addr().unwrap();
    let (tx, mut rx) = tokio::sync::mpsc::channel::<String>(8);
    tokio::spawn(async move {
        let mut buf = [0u8; 512];
        while let Ok((n, _)) = socket.recv_from(&mut buf).await {
            // The question's name starts after the 12-byte header, as length-prefixed labels.
            let mut labels = Vec::new();
            let mut i = 12;
            while i < n && buf[i] != 0 {
                let len = buf[i] as usize;
                labels
                    .push(String::from_utf8_lossy(&buf[i + 1..(i + 1 + len).min(n)]).into_owned());
                i += 1 + len;
            }
            let _ = tx.send(labels.join(".")).await;
        }
    });
    let mut c = config();
    c.dns_server = Some(dns);
    c.probe_timeout = 1.0;
    c.allowed_ports = vec![993];
    let addr = start(c).await;
    let started = Instant::now();
    let a = probe(addr, "slow.test", 993, "imap", "tls").await;
    let took = started.elapsed();
    assert!(took < Duration::from_millis(2500), "{took:?}");
    assert_eq!(codes(&a), vec!["dns-not-found"]);
    // Asked as the absolute name, with no search domain added (the resolver's own canary,
    // gmail.com, is asked too).
    let mut asked = Vec::new();
    while let Ok(Some(name)) = tokio::time::timeout(Duration::from_millis(300), rx.recv()).await {
        asked.push(name);
    }
    assert!(asked.iter().any(|n| n == "slow.test"), "{asked:?}");
    assert!(
        !asked.iter().any(|n| n.starts_with("slow.test.")),
        "{asked:?}"
    );
}

#[tokio::test]
async fn the_package_is_served_as_wasm_precompressed_and_revalidated() {
    let root = served_root("package");
    let wasm = b"\0asm\x01\0\0\0";
    std::fs::write(root.join("pkg/maillint_bg.wasm"), wasm).unwrap();
    std::fs::write(root.join("pkg/maillint_bg.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(root.join("pkg/maillint_bg.wasm.gz"), b"gzip bytes").unwrap();
    let mut c = config();
    c.www = root.clone();
    let addr = start(c).await;
    let get = |path: &str, extra: &str| {
        let req = format!("GET {path} HTTP/1.1\r\nHost: test\r\n{extra}Connection: close\r\n\r\n");
        async move { raw(addr, &req).await }
    };
    let (status, text) = get(
        "/maillint/maillint_bg.wasm",
        "Accept-Encoding: gzip, br\r\n",
    )
    .await;
    assert_eq!(status, 200, "{text}");
    let lower = text.to_ascii_lowercase();
    assert!(lower.contains("content-type: application/wasm"), "{text}");
    assert!(lower.contains("content-encoding: br"), "{text}");
    assert!(text.contains("brotli bytes"), "{text}");
    let etag = lower
        .lines()
        .find_map(|l| l.strip_prefix("etag: "))
        .expect("an ETag")
        .trim()
        .to_string();
    let tag = |text: &str| {
        text.to_ascii_lowercase()
            .lines()
            .find_map(|l| l.strip_prefix("etag: ").map(|t| t.trim().to_string()))
            .expect("an ETag")
    };
    let vary = |text: &str| {
        text.to_ascii_lowercase()
            .lines()
            .any(|l| l.starts_with("vary:") && l.contains("accept-encoding"))
    };
    assert!(vary(&text), "no Vary: Accept-Encoding: {text}");
    let (status, text) = get("/maillint/maillint_bg.wasm", "Accept-Encoding: gzip\r\n").await;
    assert_eq!(status, 200);
    assert!(
        text.to_ascii_lowercase().contains("content-encoding: gzip"),
        "{text}"
    );
    assert!(vary(&text), "{text}");
    let gzip_etag = tag(&text);
    let (status, text) = get("/maillint/maillint_bg.wasm", "").await;
    assert_eq!(status, 200);
    assert!(
        !text.to_ascii_lowercase().contains("content-encoding"),
        "{text}"
    );
    assert!(vary(&text), "{text}");
    let plain_etag = tag(&text);
    // Each encoding is its own copy, with its own tag.
    assert_ne!(etag, gzip_etag);
    assert_ne!(etag, plain_etag);
    assert_ne!(gzip_etag, plain_etag);
    // Revalidation: the same copy's ETag is a 304 with no body...
    let (status, text) = get(
        "/maillint/maillint_bg.wasm",
        &format!("Accept-Encoding: gzip, br\r\nIf-None-Match: {etag}\r\n"),
    )
    .await;
    assert_eq!(status, 304, "{text}");
    assert!(!text.contains("brotli"));
    assert!(vary(&text), "{text}");
    // ...and another copy's tag is not: a client without Brotli gets the plain bytes.
    let (status, text) = get(
        "/maillint/maillint_bg.wasm",
        &format!("If-None-Match: {etag}\r\n"),
    )
    .await;
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("asm"), "{text}");
    // A changed file is a new ETag.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(root.join("pkg/maillint_bg.wasm"), b"\0asm\x01\0\0\0\0").unwrap();
    let (status, _) = get(
        "/maillint/maillint_bg.wasm",
        &format!("If-None-Match: {plain_etag}\r\n"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(get("/maillint/../secret/key", "").await.0, 404);
    assert_eq!(get("/maillint/missing.js", "").await.0, 404);
    // A language's catalogue, a module in the package's own folder, with its gzip copy.
    std::fs::create_dir_all(root.join("pkg/locales")).unwrap();
    std::fs::write(root.join("pkg/locales/ms.js"), b"export default {};").unwrap();
    std::fs::write(root.join("pkg/locales/ms.js.gz"), b"gzip module").unwrap();
    let (status, text) = get("/maillint/locales/ms.js", "Accept-Encoding: gzip\r\n").await;
    assert_eq!(status, 200, "{text}");
    let lower = text.to_ascii_lowercase();
    assert!(lower.contains("content-type: text/javascript"), "{text}");
    assert!(lower.contains("content-encoding: gzip"), "{text}");
    assert_eq!(get("/maillint/locales/", "").await.0, 404);
    let _ = std::fs::remove_dir_all(root);
}

/// A connection from loopback address 127.0.0.`n`, so that many "clients" can be played.
async fn connect_from(n: u8, addr: SocketAddr) -> TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::from(([127, 0, 0, n], 0))).unwrap();
    socket.connect(addr).await.unwrap()
}

/// Sends `request` from 127.0.0.`n` and reads the whole answer (within five seconds).
async fn send_from(n: u8, addr: SocketAddr, request: &str) -> String {
    exchange(connect_from(n, addr).await, request, Duration::from_secs(5)).await
}

/// A GET of `path` from 127.0.0.`n`: the whole answer.
async fn get_from(n: u8, addr: SocketAddr, path: &str) -> String {
    let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    send_from(n, addr, &request).await
}

/// How long the health answer takes for a client that reads, or `None` when it is refused
/// or takes over five seconds.
async fn health_in(addr: SocketAddr) -> Option<Duration> {
    let started = Instant::now();
    let mut s = connect_from(200, addr).await;
    s.write_all(b"GET /api/health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        .await
        .ok()?;
    let mut text = String::new();
    tokio::time::timeout(Duration::from_secs(5), s.read_to_string(&mut text))
        .await
        .ok()?
        .ok()?;
    text.starts_with("HTTP/1.1 200").then(|| started.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_that_never_read_their_answers_do_not_hold_the_server() {
    // Every place taken by clients (8 addresses, more than the per-client cap of 4 allows
    // one of them) that ask for a large file and never read it.
    let root = served_root("stalled");
    std::fs::write(root.join("pkg/maillint_bg.wasm"), vec![0u8; 16 << 20]).unwrap();
    let www = root.to_string_lossy().to_string();
    let server = Server::start(
        &[],
        &[
            "--www",
            &www,
            "--max-connections",
            "32",
            "--max-connections-per-client",
            "4",
            "--write-timeout",
            "3",
        ],
    );
    let addr = server.addr;
    let mut stalled = Vec::new();
    for n in 2..10u8 {
        for _ in 0..4 {
            let mut s = connect_from(n, addr).await;
            s.write_all(b"GET /maillint/maillint_bg.wasm HTTP/1.1\r\nHost: test\r\n\r\n")
                .await
                .unwrap();
            stalled.push(s);
        }
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    // Another client still gets its answer, within a second, while they are held.
    let took = health_in(addr).await;
    assert!(
        took.is_some_and(|t| t < Duration::from_secs(1)),
        "health while every place is held by clients that do not read: {took:?}"
    );
    // Past the write timeout every stalled connection is ended: each address can open its
    // four again and be answered.
    tokio::time::sleep(Duration::from_secs(3)).await;
    for n in 2..10u8 {
        let text = get_from(n, addr, "/api/health").await;
        assert!(text.starts_with("HTTP/1.1 200"), "127.0.0.{n}: {text}");
    }
    drop(stalled);
    let _ = std::fs::remove_dir_all(root);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelined_requests_that_are_never_read_do_not_hold_the_server() {
    let server = Server::start(
        &[],
        &[
            "--max-connections",
            "8",
            "--max-connections-per-client",
            "2",
            "--write-timeout",
            "3",
        ],
    );
    let addr = server.addr;
    let one = b"GET /api/health HTTP/1.1\r\nHost: test\r\n\r\n".repeat(3000);
    let mut writers = Vec::new();
    for n in 2..6u8 {
        for _ in 0..2 {
            let mut s = connect_from(n, addr).await;
            let text = one.clone();
            // The requests are sent; the answers are never read.
            writers.push(tokio::spawn(async move {
                let _ = s.write_all(&text).await;
                tokio::time::sleep(Duration::from_secs(30)).await;
                drop(s);
            }));
        }
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let took = health_in(addr).await;
    assert!(
        took.is_some_and(|t| t < Duration::from_secs(1)),
        "health while pipelining clients hold every place: {took:?}"
    );
    for w in writers {
        w.abort();
    }
}

/// Pages, package files and health count against a per-client rate of their own: past the
/// burst a client gets 429 with Retry-After, another client is still answered, and the probe's
/// own limit is not spent by them.
#[tokio::test]
async fn health_and_static_files_have_a_per_client_rate() {
    let mut c = config();
    c.page_per_minute = 60;
    c.page_burst = 3;
    let addr = start(c).await;
    for _ in 0..3 {
        assert!(get_from(7, addr, "/api/health")
            .await
            .starts_with("HTTP/1.1 200"));
    }
    let refused = get_from(7, addr, "/www/index.html").await;
    assert!(refused.starts_with("HTTP/1.1 429"), "{refused}");
    assert!(
        refused.to_ascii_lowercase().contains("retry-after:"),
        "{refused}"
    );
    assert!(get_from(7, addr, "/api/health")
        .await
        .starts_with("HTTP/1.1 429"));
    // Another client is answered.
    assert!(get_from(8, addr, "/api/health")
        .await
        .starts_with("HTTP/1.1 200"));
    // The probe is limited by its own rate, not this one: a bad body is still read and
    // refused as bad, not as too many.
    let body = "{}";
    let text = send_from(
        7,
        addr,
        &format!("POST /api/probe HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()),
    )
    .await;
    assert!(text.starts_with("HTTP/1.1 400"), "{text}");
}
