//! Helpers for the server's tests: an in-process server, a raw HTTP client, fake servers.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use std::time::Instant;

use maillint_server::config::Config;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Settings for a test server: loopback, an ephemeral port, no static files.
pub fn config() -> Config {
    let mut c = Config::defaults();
    c.listen = "127.0.0.1:0".parse().unwrap();
    c.www = std::env::temp_dir();
    // The raw client below names the host `test`.
    c.public_name = vec!["test".into()];
    c
}

pub async fn start(config: Config) -> SocketAddr {
    let (addr, _handle) = maillint_server::http::serve(config).await.unwrap();
    addr
}

pub struct Answer {
    pub status: u16,
    pub headers: String,
    pub body: serde_json::Value,
}

/// Sends one raw HTTP request and reads the whole answer.
pub async fn request(addr: SocketAddr, method: &str, path: &str, body: &str) -> Answer {
    let mut s = TcpStream::connect(addr).await.unwrap();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), s.read_to_end(&mut raw))
        .await
        .expect("the server answered in time")
        .unwrap();
    let text = String::from_utf8_lossy(&raw).to_string();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    let body = serde_json::from_str(rest).unwrap_or(serde_json::Value::Null);
    Answer {
        status,
        headers: head.to_string(),
        body,
    }
}

pub async fn probe(
    addr: SocketAddr,
    host: &str,
    port: u16,
    protocol: &str,
    security: &str,
) -> Answer {
    let body = serde_json::json!({ "host": host, "port": port, "protocol": protocol, "security": security }).to_string();
    request(addr, "POST", "/api/probe", &body).await
}

pub fn codes(a: &Answer) -> Vec<String> {
    let mut v: Vec<String> = a.body["findings"]
        .as_array()
        .map(|f| {
            f.iter()
                .map(|x| x["code"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default();
    if let Some(c) = a.body["finding"]["code"].as_str() {
        v.push(c.to_string());
    }
    v
}

/// A fake server on loopback: `behave` runs for every connection.
pub async fn fake<F, Fut>(behave: F) -> SocketAddr
where
    F: Fn(TcpStream) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let behave = std::sync::Arc::new(behave);
    tokio::spawn(async move {
        loop {
            let Ok((s, _)) = listener.accept().await else {
                return;
            };
            let b = behave.clone();
            tokio::spawn(async move { b(s).await });
        }
    });
    addr
}

/// redis-server on a loopback port, stopped when dropped.
pub struct RedisServer {
    child: Child,
    port: u16,
}

impl RedisServer {
    pub fn start(port: u16) -> RedisServer {
        let child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server is installed (scripts/setup.sh installs it)");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "redis did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        RedisServer { child, port }
    }
    pub fn port(&self) -> u16 {
        self.port
    }
    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A test CA (its PEM written to a file of its own, for `--extra-ca`) and a TLS server
/// configuration whose certificate, signed by it, names `names`.
pub fn test_tls(names: &[&str]) -> (std::sync::Arc<rustls::ServerConfig>, std::path::PathBuf) {
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut ca = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.distinguished_name
        .push(rcgen::DnType::CommonName, "maillint test CA");
    ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let issuer = rcgen::Issuer::new(ca, ca_key);
    let key = rcgen::KeyPair::generate().unwrap();
    let mut p =
        rcgen::CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
            .unwrap();
    p.distinguished_name.push(
        rcgen::DnType::CommonName,
        names.first().copied().unwrap_or("test"),
    );
    let cert = p.signed_by(&key, &issuer).unwrap();
    let dir = std::env::temp_dir().join(format!("maillint-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let unique = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let ca_path = dir.join(format!("ca-{unique}.pem"));
    std::fs::write(&ca_path, ca_cert.pem()).unwrap();
    let der = rustls::pki_types::PrivateKeyDer::try_from(key.serialize_der()).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert.der().clone()], der)
    .unwrap();
    (std::sync::Arc::new(config), ca_path)
}

/// The server binary, started with `args`; its address is read from what it prints.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
    /// What it logs, line by line, read by a thread.
    log: std::sync::mpsc::Receiver<String>,
}

impl Server {
    pub fn start(wrapper: &[&str], args: &[&str]) -> Server {
        let bin = env!("CARGO_BIN_EXE_maillint-server");
        let mut command = match wrapper.split_first() {
            Some((first, rest)) => {
                let mut c = Command::new(first);
                c.args(rest).arg(bin);
                c
            }
            None => Command::new(bin),
        };
        if !args.contains(&"--www") {
            command.args(["--www", "/nonexistent"]);
        }
        let mut child = command
            .args(["--listen", "127.0.0.1:0", "--public-name", "test"])
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The address line comes on stdout, the logs on stderr: both read as one stream.
        let (tx, rx) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let out_tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if out_tx.send(line).is_err() {
                    return;
                }
            }
        });
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        let addr = loop {
            let line = rx.recv_timeout(Duration::from_secs(30)).unwrap();
            if let Some(rest) = line.split("http://").nth(1) {
                break rest.split('/').next().unwrap().parse().unwrap();
            }
        };
        Server {
            child,
            addr,
            log: rx,
        }
    }

    pub fn status(&self, key: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let line = status.lines().find(|l| l.starts_with(key)).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    }

    /// Resident memory now, in MB.
    pub fn rss_mb(&self) -> u64 {
        self.status("VmRSS:") / 1024
    }

    /// Peak resident memory, in MB.
    pub fn peak_mb(&self) -> u64 {
        self.status("VmHWM:") / 1024
    }

    /// CPU time used so far (user + system).
    pub fn cpu(&self) -> Duration {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap();
        // Fields after the command name, which is in parentheses.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .unwrap()
            .1
            .split_whitespace()
            .collect();
        let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
        // Linux reports in clock ticks of 1/100 s (USER_HZ) on every architecture we run.
        Duration::from_millis(ticks * 10)
    }

    pub fn lines(&self) -> Vec<String> {
        self.log.try_iter().collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
