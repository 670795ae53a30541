//! The probe against a real Dovecot and Postfix on loopback, started by
//! `scripts/mail-servers.sh start DIR` (the README's test command does it). Each server is
//! probed in every security mode: the right one passes, the wrong ones give their findings.
//! Run with `MAILLINT_TEST_SERVERS=DIR cargo test -p maillint-server --test real_servers
//! -- --ignored`.

mod common;

use std::net::SocketAddr;

use common::{codes, config, probe, start};

async fn server() -> SocketAddr {
    let dir = std::env::var("MAILLINT_TEST_SERVERS")
        .expect("MAILLINT_TEST_SERVERS names the folder of scripts/mail-servers.sh start");
    let mut c = config();
    c.allow_private_targets = true;
    c.allowed_ports = vec![10143, 10993, 10110, 10995, 10025, 10587, 10465];
    c.extra_ca = Some(std::path::Path::new(&dir).join("certs/ca.pem"));
    // Dovecot trusts a client on its own address; probing from 127.0.0.2 shows it what a
    // remote client sees.
    c.source_address = Some("127.0.0.2".parse().unwrap());
    c.client_burst = 1000;
    c.target_per_minute = 1000;
    c.resolve = ["mail", "expired", "wrongname", "both", "selfsigned"]
        .iter()
        .map(|n| format!("{n}.maillint.test=127.0.0.1"))
        .collect();
    start(c).await
}

async fn check(
    addr: SocketAddr,
    host: &str,
    port: u16,
    protocol: &str,
    security: &str,
    want: &[&str],
) {
    let a = probe(
        addr,
        &format!("{host}.maillint.test"),
        port,
        protocol,
        security,
    )
    .await;
    assert_eq!(
        a.status, 200,
        "{host}:{port} {protocol} {security}: {}",
        a.body
    );
    assert_eq!(
        codes(&a),
        want,
        "{host}:{port} {protocol} {security}: {}",
        a.body
    );
    assert_eq!(a.body["ok"], want.is_empty(), "{}", a.body);
}

#[tokio::test]
#[ignore = "needs scripts/mail-servers.sh start; run by the README's test command"]
async fn dovecot_imap_in_every_security_mode() {
    let a = server().await;
    check(a, "mail", 10993, "imap", "tls", &[]).await;
    check(a, "mail", 10143, "imap", "starttls", &[]).await;
    check(
        a,
        "mail",
        10143,
        "imap",
        "none",
        &["login-disabled-before-tls"],
    )
    .await;
    check(a, "mail", 10143, "imap", "tls", &["tls-expected-but-plain"]).await;
    check(
        a,
        "mail",
        10993,
        "imap",
        "starttls",
        &["plain-expected-but-tls"],
    )
    .await;
    check(
        a,
        "mail",
        10993,
        "imap",
        "none",
        &["plain-expected-but-tls"],
    )
    .await;
    check(a, "mail", 10110, "imap", "none", &["wrong-protocol"]).await;
}

#[tokio::test]
#[ignore = "needs scripts/mail-servers.sh start; run by the README's test command"]
async fn dovecot_pop3_in_every_security_mode() {
    let a = server().await;
    check(a, "mail", 10995, "pop3", "tls", &[]).await;
    check(a, "mail", 10110, "pop3", "starttls", &[]).await;
    check(
        a,
        "mail",
        10110,
        "pop3",
        "none",
        &["login-disabled-before-tls"],
    )
    .await;
    check(a, "mail", 10110, "pop3", "tls", &["tls-expected-but-plain"]).await;
    check(
        a,
        "mail",
        10995,
        "pop3",
        "starttls",
        &["plain-expected-but-tls"],
    )
    .await;
    check(a, "mail", 10143, "pop3", "none", &["wrong-protocol"]).await;
}

#[tokio::test]
#[ignore = "needs scripts/mail-servers.sh start; run by the README's test command"]
async fn postfix_smtp_in_every_security_mode() {
    let a = server().await;
    check(a, "mail", 10587, "smtp", "starttls", &[]).await;
    check(a, "mail", 10465, "smtp", "tls", &[]).await;
    check(a, "mail", 10587, "smtp", "tls", &["tls-expected-but-plain"]).await;
    check(
        a,
        "mail",
        10465,
        "smtp",
        "starttls",
        &["plain-expected-but-tls"],
    )
    .await;
    // Port 25-style relay: STARTTLS but no sign-in, as an MX has.
    check(a, "mail", 10025, "smtp", "starttls", &["auth-not-offered"]).await;
    check(
        a,
        "mail",
        10587,
        "smtp",
        "none",
        &["login-disabled-before-tls"],
    )
    .await;
}

#[tokio::test]
#[ignore = "needs scripts/mail-servers.sh start; run by the README's test command"]
async fn certificate_problems_are_all_reported() {
    let a = server().await;
    check(a, "expired", 10993, "imap", "tls", &["cert-expired"]).await;
    check(
        a,
        "wrongname",
        10993,
        "imap",
        "tls",
        &["cert-name-mismatch"],
    )
    .await;
    check(a, "selfsigned", 10995, "pop3", "tls", &["cert-self-signed"]).await;
    // Expired and for other names: both at once, with the names it does carry.
    let r = probe(a, "both.maillint.test", 10993, "imap", "tls").await;
    assert_eq!(codes(&r), vec!["cert-expired", "cert-name-mismatch"]);
    let mismatch = &r.body["findings"][1];
    assert!(mismatch["message"]
        .as_str()
        .unwrap()
        .contains("elsewhere.maillint.test"));
    assert_eq!(
        mismatch["fix"]["edits"][0]["value"],
        "elsewhere.maillint.test"
    );
    // After STARTTLS the certificate is judged the same way.
    check(a, "expired", 10143, "imap", "starttls", &["cert-expired"]).await;
}

/// The capabilities step names the sign-in methods the real servers offer once secured
/// (Dovecot and Postfix: PLAIN, and LOGIN for Postfix), and a password works there: no
/// `oauth-only`.
#[tokio::test]
#[ignore = "needs scripts/mail-servers.sh start; run by the README's test command"]
async fn the_real_servers_offer_password_mechanisms() {
    let a = server().await;
    for (port, protocol, security) in [
        (10993, "imap", "tls"),
        (10143, "imap", "starttls"),
        (10465, "smtp", "tls"),
        (10587, "smtp", "starttls"),
    ] {
        let answer = probe(a, "mail.maillint.test", port, protocol, security).await;
        assert!(
            !codes(&answer).contains(&"oauth-only".to_string()),
            "{}",
            answer.body
        );
        let last = answer.body["steps"]
            .as_array()
            .unwrap()
            .iter()
            .rfind(|s| s["step"] == "capabilities")
            .map(|s| s["detail"].as_str().unwrap_or("").to_string())
            .unwrap_or_default();
        assert!(
            last.contains("PLAIN"),
            "{port} {protocol} {security}: {last}"
        );
    }
}
