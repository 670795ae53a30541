//! `POST /api/discover` against a local authoritative DNS server (Debian's dnsmasq, started
//! on a loopback port) and a local HTTPS server (a test CA's certificate for every name)
//! that serves autoconfig files and an ISPDB-style directory, or misbehaves on purpose.
//! All offline: names under `.test` are answered by the DNS server, everything else is
//! refused by it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{config, request, start, Answer};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Where every fetched name of the tests resolves; the HTTPS fake listens here.
const HTTPS_IP: &str = "127.0.0.2";

/// dnsmasq on a loopback port, stopped when dropped.
struct Dns {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Dns {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn dns(records: &[String]) -> Dns {
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let binary = ["/usr/sbin/dnsmasq", "/usr/bin/dnsmasq"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .expect("dnsmasq is installed (scripts/setup.sh installs dnsmasq-base)");
    let child = Command::new(binary)
        .args([
            "--keep-in-foreground",
            "--port",
            &port.to_string(),
            "--listen-address=127.0.0.1",
            "--bind-interfaces",
            "--no-resolv",
            "--no-hosts",
            "--conf-file=/dev/null",
            "--pid-file=",
            "--user=root",
            "--local=/test/",
        ])
        .args(records)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dnsmasq starts");
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    // Ready once it answers a query over TCP.
    let started = Instant::now();
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "dnsmasq did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Dns { child, addr }
}

/// How the HTTPS fake answers one host and path.
#[derive(Clone)]
enum Reply {
    Xml(String),
    Big,
    Drip,
    Hang,
    Redirect(&'static str),
}

/// A request the fake saw: host, path and the whole head.
type Seen = Arc<Mutex<Vec<(String, String, String)>>>;

fn profile_xml(domain: &str, name: &str, imap: &str, smtp: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="{domain}">
    <domain>{domain}</domain>
    <displayName>{name}</displayName>
    <incomingServer type="imap">
      <hostname>{imap}</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>{smtp}</hostname><port>465</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>"#
    )
}

/// The HTTPS fake on `ip`:443: each host and path its reply, anything else `fallback` (a
/// 404 when there is none).
async fn https(
    ip: &str,
    config: Arc<rustls::ServerConfig>,
    routes: HashMap<(String, String), Reply>,
    fallback: Option<Reply>,
) -> Seen {
    let listener = TcpListener::bind(format!("{ip}:443"))
        .await
        .expect("port 443 on 127.0.0.2 (the tests run as root, like the set-up)");
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let routes = Arc::new(routes);
    let fallback = Arc::new(fallback);
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                return;
            };
            let acceptor = tokio_rustls::TlsAcceptor::from(config.clone());
            let routes = routes.clone();
            let fallback = fallback.clone();
            let log = log.clone();
            tokio::spawn(async move {
                let Ok(mut s) = acceptor.accept(tcp).await else {
                    return;
                };
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && head.len() < 16384 {
                    match s.read(&mut byte).await {
                        Ok(1) => head.push(byte[0]),
                        _ => return,
                    }
                }
                let head = String::from_utf8_lossy(&head).to_string();
                let path = head.split_whitespace().nth(1).unwrap_or("").to_string();
                let host = head
                    .lines()
                    .find_map(|l| {
                        l.strip_prefix("host: ")
                            .or_else(|| l.strip_prefix("Host: "))
                    })
                    .unwrap_or("")
                    .trim()
                    .to_string();
                log.lock()
                    .unwrap()
                    .push((host.clone(), path.clone(), head.clone()));
                let ok = |len: usize| {
                    format!("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n")
                };
                match routes
                    .get(&(host, path))
                    .cloned()
                    .or_else(|| (*fallback).clone())
                {
                    Some(Reply::Xml(xml)) => {
                        let _ = s.write_all(ok(xml.len()).as_bytes()).await;
                        let _ = s.write_all(xml.as_bytes()).await;
                    }
                    Some(Reply::Big) => {
                        let size = 300 * 1024;
                        let _ = s.write_all(ok(size).as_bytes()).await;
                        let chunk = vec![b' '; 1024];
                        for _ in 0..300 {
                            if s.write_all(&chunk).await.is_err() {
                                break;
                            }
                        }
                    }
                    Some(Reply::Drip) => {
                        let _ = s.write_all(ok(100_000).as_bytes()).await;
                        for _ in 0..100 {
                            if s.write_all(b"<").await.is_err() {
                                break;
                            }
                            tokio::time::sleep(Duration::from_millis(200)).await;
                        }
                    }
                    Some(Reply::Hang) => tokio::time::sleep(Duration::from_secs(60)).await,
                    Some(Reply::Redirect(to)) => {
                        let _ = s
                            .write_all(format!("HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").as_bytes())
                            .await;
                    }
                    None => {
                        let _ = s
                            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .await;
                    }
                }
                let _ = s.shutdown().await;
            });
        }
    });
    seen
}

async fn discover(addr: SocketAddr, domain: &str) -> Answer {
    let body = serde_json::json!({ "domain": domain }).to_string();
    request(addr, "POST", "/api/discover?locale=en", &body).await
}

fn source<'a>(a: &'a Answer, name: &str) -> &'a Value {
    a.body["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == name)
        .unwrap_or_else(|| panic!("no {name} source: {}", a.body))
}

fn codes(a: &Answer) -> Vec<String> {
    a.body["findings"]
        .as_array()
        .map(|f| {
            f.iter()
                .map(|x| x["code"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discovery_from_every_source_with_its_limits() {
    let fetched = [
        "autoconfig.auto.test",
        "wk.test",
        "ispdb.test",
        "autoconfig.conflict.test",
        "autoconfig.big.test",
        "autoconfig.bad.test",
        "autoconfig.dtd.test",
        "autoconfig.drip.test",
        "autoconfig.hang.test",
        "autoconfig.redir.test",
        "autoconfig.victim.test",
    ];
    let mut records: Vec<String> = fetched
        .iter()
        .map(|n| format!("--host-record={n},{HTTPS_IP}"))
        .collect();
    for d in [
        "auto.test",
        "wk.test",
        "isp.test",
        "srv.test",
        "big.test",
        "bad.test",
        "dtd.test",
        "drip.test",
        "hang.test",
        "redir.test",
        "evil.test",
    ] {
        records.push(format!("--mx-host={d},mx.{d},10"));
    }
    records.extend(
        [
            "--mx-host=gw.test,aspmx.l.google.com,1",
            "--mx-host=m365.test,m365-test.mail.protection.outlook.com,0",
            "--mx-host=shop.test,mx1.mailhost.co.uk,10",
            "--mx-host=conflict.test,aspmx.l.google.com,1",
            "--mx-host=nullmx.test,.,0",
            "--host-record=aonly.test,127.0.0.9",
            "--txt-record=empty.test,nothing",
            "--srv-host=_imaps._tcp.srv.test,imap.srv.test,993",
            "--srv-host=_submission._tcp.srv.test,smtp.srv.test,587",
            "--srv-host=_pop3s._tcp.srv.test",
            "--srv-host=_pop3._tcp.srv.test",
            "--host-record=autoconfig.evil.test,127.0.0.1",
            "--host-record=autoconfig.evil10.test,10.0.0.1",
            "--host-record=autoconfig.evilmeta.test,169.254.169.254",
            "--host-record=autoconfig.evil6.test,::ffff:127.0.0.1",
            // Many domains whose MX is one victim's host.
            "--mx-host=amp1.test,mx.victim.test,10",
            "--mx-host=amp2.test,mx.victim.test,10",
            "--mx-host=amp3.test,mx.victim.test,10",
            "--mx-host=amp4.test,mx.victim.test,10",
            "--mx-host=amp5.test,mx.victim.test,10",
            "--mx-host=amp6.test,mx.victim.test,10",
            "--host-record=autoconfig.victim.test,127.0.0.2",
            // The resolver's canary (`--dns-canary canary.test`): MX records that must exist.
            "--mx-host=canary.test,mx.canary.test,10",
            // An MX host whose files are published for the host less its first label.
            "--mx-host=deep.test,mx1.mail.deephost.test,10",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    let dns = dns(&records);
    let (tls_config, ca) = common::test_tls(&fetched);
    let path = "/mail/config-v1.1.xml".to_string();
    let mut routes = HashMap::new();
    routes.insert(
        ("autoconfig.auto.test".to_string(), path.clone()),
        Reply::Xml(profile_xml(
            "auto.test",
            "Auto Host",
            "imap.auto.test",
            "smtp.auto.test",
        )),
    );
    routes.insert(
        (
            "wk.test".to_string(),
            "/.well-known/autoconfig/mail/config-v1.1.xml".to_string(),
        ),
        Reply::Xml(profile_xml(
            "wk.test",
            "Well Known Host",
            "imap.wk.test",
            "smtp.wk.test",
        )),
    );
    routes.insert(
        ("ispdb.test".to_string(), "/v1.1/isp.test".to_string()),
        Reply::Xml(profile_xml(
            "isp.test",
            "ISPDB Host",
            "imap.isp.test",
            "smtp.isp.test",
        )),
    );
    routes.insert(
        (
            "ispdb.test".to_string(),
            "/v1.1/mail.deephost.test".to_string(),
        ),
        Reply::Xml(profile_xml(
            "mail.deephost.test",
            "Deep Host",
            "imap.mail.deephost.test",
            "smtp.mail.deephost.test",
        )),
    );
    routes.insert(
        ("ispdb.test".to_string(), "/v1.1/mailhost.co.uk".to_string()),
        Reply::Xml(profile_xml(
            "mailhost.co.uk",
            "Mailhost UK",
            "imap.mailhost.co.uk",
            "smtp.mailhost.co.uk",
        )),
    );
    routes.insert(
        ("autoconfig.conflict.test".to_string(), path.clone()),
        Reply::Xml(profile_xml(
            "conflict.test",
            "Old Host",
            "mail.conflict.test",
            "mail.conflict.test",
        )),
    );
    routes.insert(
        ("autoconfig.big.test".to_string(), path.clone()),
        Reply::Big,
    );
    routes.insert(
        ("autoconfig.bad.test".to_string(), path.clone()),
        Reply::Xml("<clientConfig><emailProvider>".into()),
    );
    routes.insert(
        ("autoconfig.dtd.test".to_string(), path.clone()),
        Reply::Xml(
            r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><clientConfig version="1.1"/>"#
                .into(),
        ),
    );
    routes.insert(
        ("autoconfig.drip.test".to_string(), path.clone()),
        Reply::Drip,
    );
    routes.insert(
        ("autoconfig.hang.test".to_string(), path.clone()),
        Reply::Hang,
    );
    routes.insert(
        ("autoconfig.redir.test".to_string(), path.clone()),
        Reply::Redirect("https://127.0.0.1/mail/config-v1.1.xml"),
    );
    let seen = https(HTTPS_IP, tls_config, routes, None).await;

    let mut c = config();
    c.allow_private_targets = true;
    c.dns_server = Some(dns.addr);
    c.dns_canary = "canary.test".into();
    c.extra_ca = Some(ca.clone());
    c.ispdb_url = "https://ispdb.test/v1.1/".into();
    c.discover_timeout = 4.0;
    c.discover_request_timeout = 1.5;
    c.client_per_minute = 1000;
    c.client_burst = 1000;
    let addr = start(c).await;

    // Each source alone.
    let a = discover(addr, "auto.test").await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.body["provider"]["source"], "autoconfig", "{}", a.body);
    assert_eq!(a.body["provider"]["name"], "Auto Host");
    // Its file says password-cleartext: no OAuth.
    assert_eq!(a.body["provider"]["oauth"], false, "{}", a.body);
    assert_eq!(
        a.body["profile"]["incoming"][0]["hostname"],
        "imap.auto.test"
    );
    assert_eq!(source(&a, "autoconfig")["trusted"], true);
    assert_eq!(a.body["mail"]["mx"][0]["host"], "mx.auto.test");
    assert_eq!(a.body["mail"]["receivesMail"], true);
    for name in ["autoconfig", "well-known", "ispdb", "srv", "mx"] {
        assert!(source(&a, name)["ms"].is_u64(), "{name}");
    }
    let a = discover(addr, "wk.test").await;
    assert_eq!(a.body["provider"]["source"], "well-known", "{}", a.body);
    let a = discover(addr, "isp.test").await;
    assert_eq!(a.body["provider"]["source"], "ispdb", "{}", a.body);
    assert_eq!(a.body["profile"]["domains"][0], "isp.test");

    let a = discover(addr, "srv.test").await;
    assert_eq!(a.body["provider"]["source"], "srv", "{}", a.body);
    assert_eq!(
        a.body["profile"]["incoming"][0]["hostname"],
        "imap.srv.test"
    );
    assert_eq!(a.body["profile"]["incoming"][0]["port"], 993);
    assert_eq!(a.body["profile"]["incoming"][0]["socketType"], "SSL");
    assert_eq!(a.body["profile"]["outgoing"][0]["socketType"], "STARTTLS");
    assert_eq!(a.body["profile"]["notOffered"], serde_json::json!(["pop3"]));

    // MX to Google, to Microsoft 365, to a .co.uk host.
    let a = discover(addr, "gw.test").await;
    assert_eq!(a.body["provider"]["name"], "Google Workspace", "{}", a.body);
    assert_eq!(a.body["provider"]["source"], "mx");
    // Google signs mail apps in with its own page: the answer says so for the line.
    assert_eq!(a.body["provider"]["oauth"], true, "{}", a.body);
    assert_eq!(
        a.body["profile"]["incoming"][0]["hostname"],
        "imap.gmail.com"
    );
    assert_eq!(
        source(&a, "mx-ispdb")["url"],
        "https://ispdb.test/v1.1/google.com"
    );
    let a = discover(addr, "m365.test").await;
    assert_eq!(a.body["provider"]["name"], "Microsoft 365", "{}", a.body);
    assert_eq!(a.body["provider"]["oauth"], true, "{}", a.body);
    assert_eq!(
        a.body["profile"]["incoming"][0]["hostname"],
        "outlook.office365.com"
    );
    // The MX host less its first label first (mail.deephost.test), as Thunderbird asks.
    let a = discover(addr, "deep.test").await;
    assert_eq!(a.body["provider"]["name"], "Deep Host", "{}", a.body);
    assert_eq!(
        source(&a, "mx-ispdb")["url"],
        "https://ispdb.test/v1.1/mail.deephost.test"
    );
    let a = discover(addr, "shop.test").await;
    assert_eq!(a.body["provider"]["source"], "mx-ispdb", "{}", a.body);
    assert_eq!(a.body["provider"]["name"], "Mailhost UK");
    assert_eq!(
        a.body["profile"]["domains"],
        serde_json::json!(["mailhost.co.uk", "shop.test"])
    );

    // All together with a conflict: the domain's own file wins, and the conflict is said.
    let a = discover(addr, "conflict.test").await;
    assert_eq!(a.body["provider"]["source"], "autoconfig", "{}", a.body);
    assert_eq!(codes(&a), vec!["sources-disagree"]);
    let message = a.body["findings"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("Old Host") && message.contains("Google Workspace"),
        "{message}"
    );

    // Domains that receive no mail, and one that does without MX.
    let a = discover(addr, "nullmx.test").await;
    assert_eq!(codes(&a), vec!["domain-no-mail"], "{}", a.body);
    assert_eq!(a.body["mail"]["nullMx"], true);
    assert_eq!(a.body["mail"]["receivesMail"], false);
    assert!(a.body["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("null MX"));
    let a = discover(addr, "nx.test").await;
    assert_eq!(codes(&a), vec!["domain-no-mail"], "{}", a.body);
    assert!(a.body["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("does not exist"));
    let a = discover(addr, "empty.test").await;
    assert_eq!(codes(&a), vec!["domain-no-mail"], "{}", a.body);
    let a = discover(addr, "aonly.test").await;
    assert_eq!(codes(&a), Vec::<String>::new(), "{}", a.body);
    assert_eq!(a.body["mail"]["receivesMail"], true);
    // A lookup that fails proves nothing: names outside the test zone are refused.
    let a = discover(addr, "unreachable.example").await;
    assert_eq!(codes(&a), Vec::<String>::new(), "{}", a.body);
    assert_eq!(a.body["mail"]["receivesMail"], Value::Null);

    // Hostile autoconfig files: each fails alone, and the answer still comes in time.
    for (domain, said) in [
        ("big.test", "over 256 KiB"),
        ("bad.test", "not a usable"),
        ("dtd.test", "not a usable"),
        ("drip.test", "no answer in time"),
        ("hang.test", "no answer in time"),
        ("redir.test", "redirect not followed"),
    ] {
        let started = Instant::now();
        let a = discover(addr, domain).await;
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{domain} took {:?}",
            started.elapsed()
        );
        assert_eq!(a.status, 200, "{domain}: {}", a.body);
        let s = source(&a, "autoconfig");
        assert_eq!(s["ok"], false, "{domain}: {s}");
        assert!(
            s["detail"].as_str().unwrap().contains(said),
            "{domain}: {s}"
        );
    }
    assert!(
        !seen
            .lock()
            .unwrap()
            .iter()
            .any(|(_, p, _)| p.contains("127.0.0.1")),
        "a redirect was followed"
    );

    // A second question about a domain is answered from the cache.
    let before = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|(h, _, _)| h == "autoconfig.auto.test")
        .count();
    let a = discover(addr, "auto.test").await;
    assert_eq!(a.body["provider"]["source"], "autoconfig");
    let after = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|(h, _, _)| h == "autoconfig.auto.test")
        .count();
    assert_eq!(before, after, "the cached answer was fetched again");

    // Instances sharing a Redis share their answers too: one asks, the other answers from
    // the shared cache without asking any source again.
    let redis = common::RedisServer::start(common::free_port());
    let mut shared = Vec::new();
    for _ in 0..2 {
        let mut c = config();
        c.allow_private_targets = true;
        c.dns_server = Some(dns.addr);
        c.dns_canary = "canary.test".into();
        c.extra_ca = Some(ca.clone());
        c.ispdb_url = "https://ispdb.test/v1.1/".into();
        c.redis = Some(format!("redis://127.0.0.1:{}/0", redis.port()));
        shared.push(start(c).await);
    }
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let asked = |path: &str| {
        seen.lock()
            .unwrap()
            .iter()
            .filter(|(_, p, _)| p == path)
            .count()
    };
    let before = asked("/v1.1/wk.test");
    let a = discover(shared[0], "wk.test").await;
    assert_eq!(a.body["provider"]["source"], "well-known");
    assert_eq!(asked("/v1.1/wk.test"), before + 1);
    let b = discover(shared[1], "wk.test").await;
    assert_eq!(b.body, a.body);
    assert_eq!(
        asked("/v1.1/wk.test"),
        before + 1,
        "the second instance asked the sources again"
    );

    // Bad requests.
    for body in [
        r#"{"domain":"auto.test","email":"momo@auto.test"}"#,
        r#"{"domain":"auto.test","password":"x"}"#,
        r#"{"domain":"127.0.0.1"}"#,
        r#"{"domain":"https://auto.test/"}"#,
        r#"{"domain":"localhost"}"#,
        r#"{"domain":42}"#,
        r#"{}"#,
        "not json",
        r#"["auto.test"]"#,
    ] {
        let a = request(addr, "POST", "/api/discover", body).await;
        assert_eq!(a.status, 400, "{body}: {}", a.body);
        assert!(
            a.body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{body}"
        );
    }
    // An internationalized domain is asked in its ASCII form.
    let a = discover(addr, "例子.test").await;
    assert_eq!(a.body["domain"], "xn--fsqu00a.test", "{}", a.body);

    // Names that resolve to forbidden addresses are never fetched.
    let mut c = config();
    c.dns_server = Some(dns.addr);
    c.dns_canary = "canary.test".into();
    c.extra_ca = Some(ca.clone());
    c.ispdb_url = "https://ispdb.test/v1.1/".into();
    c.discover_timeout = 4.0;
    c.discover_request_timeout = 1.5;
    let guarded = start(c).await;
    for (domain, ip) in [
        ("evil.test", "127.0.0.1"),
        ("evil10.test", "10.0.0.1"),
        ("evilmeta.test", "169.254.169.254"),
        ("evil6.test", "127.0.0.1"),
    ] {
        let a = discover(guarded, domain).await;
        let s = source(&a, "autoconfig");
        assert_eq!(s["ok"], false, "{domain}: {s}");
        let detail = s["detail"].as_str().unwrap();
        // Said, but which address is not: an answer never maps an internal network.
        assert!(
            detail.contains("private or reserved address"),
            "{domain}: {detail}"
        );
        assert!(
            !a.body.to_string().contains(ip),
            "{domain}: the answer names {ip}: {}",
            a.body
        );
    }

    // The per-domain limit (2 a minute here) is charged only when the sources are asked:
    // answers from the cache cost nothing, so a few clients cannot lock a popular domain.
    let mut c = config();
    c.allow_private_targets = true;
    c.dns_server = Some(dns.addr);
    c.dns_canary = "canary.test".into();
    c.extra_ca = Some(ca);
    c.ispdb_url = "https://ispdb.test/v1.1/".into();
    c.discover_timeout = 4.0;
    c.discover_request_timeout = 1.5;
    c.client_per_minute = 1000;
    c.client_burst = 1000;
    c.target_per_minute = 2;
    let limited = start(c).await;
    for i in 0..6 {
        let a = discover(limited, "aonly.test").await;
        assert_eq!(a.status, 200, "question {i}: {}", a.body);
    }

    // Six domains whose MX is mx.victim.test: the victim's files are fetched at most as
    // often as victim.test itself may be asked about (2 a minute), not once per domain.
    let victim_fetches = || {
        seen.lock()
            .unwrap()
            .iter()
            .filter(|(h, p, _)| h == "autoconfig.victim.test" || p == "/v1.1/victim.test")
            .count()
    };
    let before = victim_fetches();
    let mut limited_sources = 0;
    for i in 1..=6 {
        let a = discover(limited, &format!("amp{i}.test")).await;
        assert_eq!(a.status, 200, "amp{i}: {}", a.body);
        let s = source(&a, "mx-autoconfig");
        if s["detail"]
            .as_str()
            .unwrap()
            .contains("asked about too often")
        {
            limited_sources += 1;
        }
    }
    assert_eq!(
        victim_fetches() - before,
        4,
        "the victim's autoconfig and ISPDB entry, twice each"
    );
    assert_eq!(
        limited_sources, 4,
        "four discoveries said why they did not fetch"
    );
    assert!(
        !seen
            .lock()
            .unwrap()
            .iter()
            .any(|(h, _, _)| h.contains("evil")),
        "a forbidden name was fetched"
    );

    // Nothing about the customer in any request the fake servers saw.
    for (host, path, head) in seen.lock().unwrap().iter() {
        let lower = head.to_ascii_lowercase();
        assert!(!lower.contains('@'), "{host}{path}: {head}");
        assert!(!lower.contains("emailaddress"), "{host}{path}: {head}");
        assert!(!lower.contains("cookie"), "{host}{path}: {head}");
        assert!(!path.contains('?'), "{host}{path}");
    }
}

/// A domain whose autoconfig file carries a 250 KB `<displayName>`, asked about under many
/// names: each answer stays small and the server's memory stays bounded, because only a
/// bounded profile is kept (at most 64 characters of a name) and the cache has a byte budget.
/// Against the real binary, whose memory is read from /proc. Before the bounds, each answer
/// was about 1 MB and each cached entry about 2 MB, so 300 names took over 600 MB.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversize_files_over_many_domains_keep_memory_bounded() {
    const IP: &str = "127.0.0.3";
    const DOMAINS: usize = 300;
    let dns = dns(&[format!("--address=/big.test/{IP}")]);
    let (tls_config, ca) = common::test_tls(&["*.big.test"]);
    let huge = profile_xml(
        "big.test",
        &"N".repeat(250_000),
        "imap.big.test",
        "smtp.big.test",
    );
    assert!(huge.len() > 250_000 && huge.len() < 256 * 1024);
    // Every host and path under big.test answers the huge file: the domain's well-known
    // address and the ISPDB (autoconfig.<name>.big.test is outside the certificate).
    let seen = https(IP, tls_config, HashMap::new(), Some(Reply::Xml(huge))).await;
    let dns_addr = dns.addr.to_string();
    let ca_path = ca.to_string_lossy().to_string();
    let server = common::Server::start(
        &[],
        &[
            "--dns-server",
            &dns_addr,
            "--extra-ca",
            &ca_path,
            "--allow-private-targets",
            "--ispdb-url",
            "https://ispdb.big.test/v1.1/",
            "--client-per-minute",
            "100000",
            "--client-burst",
            "100000",
            "--target-per-minute",
            "100000",
            "--discover-timeout",
            "8",
            "--dns-canary",
            "none",
        ],
    );
    let addr = server.addr;
    let started = Instant::now();
    let mut largest = 0;
    for batch in (0..DOMAINS).collect::<Vec<_>>().chunks(6) {
        let answers = futures_util::future::join_all(batch.iter().map(|i| async move {
            let body = serde_json::json!({ "domain": format!("d{i}.big.test") }).to_string();
            request(addr, "POST", "/api/discover?locale=en", &body).await
        }))
        .await;
        for a in answers {
            assert_eq!(a.status, 200, "{}", a.body);
            assert_eq!(a.body["provider"]["source"], "well-known", "{}", a.body);
            let name = a.body["provider"]["name"].as_str().unwrap();
            assert!(
                name.chars().count() <= 65,
                "a name of {} characters",
                name.len()
            );
            largest = largest.max(a.body.to_string().len());
        }
    }
    let took = started.elapsed();
    let (rss, peak) = (server.rss_mb(), server.peak_mb());
    let fetched = seen.lock().unwrap().len();
    eprintln!(
        "{DOMAINS} discoveries of a 250 KB displayName ({fetched} fetches) in {took:?}: largest answer {largest} bytes, RSS {rss} MB, peak {peak} MB"
    );
    assert!(fetched >= 2 * DOMAINS, "the files were fetched: {fetched}");
    assert!(largest < 8 * 1024, "an answer of {largest} bytes");
    assert!(
        rss < 100,
        "resident memory {rss} MB after {DOMAINS} domains"
    );
    assert!(peak < 150, "peak resident memory {peak} MB");
}

/// A resolver that answers "no such name" for every name (a restricted egress, a broken
/// DNS): it fails its canary check, so discovery says it is unavailable, never that a real
/// domain receives no mail, and `/api/health` names the resolver's state.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resolver_that_denies_every_name_is_not_believed() {
    let liar = dns(&["--address=/#/".to_string()]);
    let mut c = config();
    c.dns_server = Some(liar.addr);
    c.discover_timeout = 3.0;
    c.discover_request_timeout = 1.0;
    // The default canary, gmail.com, which this resolver says does not exist.
    assert_eq!(c.dns_canary, "gmail.com");
    let addr = start(c).await;
    let a = discover(addr, "icloud.com").await;
    assert_eq!(a.status, 503, "{}", a.body);
    assert!(
        a.body["error"].as_str().unwrap_or("").contains("DNS"),
        "{}",
        a.body
    );
    assert!(!a.body.to_string().contains("domain-no-mail"), "{}", a.body);
    let health = request(addr, "GET", "/api/health", "").await;
    assert_eq!(health.status, 200);
    assert_eq!(health.body["resolver"], "unhealthy", "{}", health.body);

    // The same resolver with a name that exists in it as the canary is believed, and then a
    // name it denies is a domain without mail.
    let honest = dns(&[
        "--local=/test/".to_string(),
        "--mx-host=canary.test,mx.canary.test,10".to_string(),
    ]);
    let mut c = config();
    c.dns_server = Some(honest.addr);
    c.dns_canary = "canary.test".into();
    c.discover_timeout = 3.0;
    c.discover_request_timeout = 1.0;
    let addr = start(c).await;
    let a = discover(addr, "nothing-here.test").await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(codes(&a), vec!["domain-no-mail"], "{}", a.body);
    let health = request(addr, "GET", "/api/health", "").await;
    assert_eq!(health.body["resolver"], "healthy", "{}", health.body);
}
