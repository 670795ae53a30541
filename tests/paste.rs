//! `parse_settings` on blocks written the way providers' pages and mail apps show them, in
//! the four languages, and `check` on what it returns.
#![cfg(not(target_arch = "wasm32"))]

use maillint::{check, parse_settings, Code, Options, Settings};

fn codes(s: &Settings) -> Vec<(String, String)> {
    check(s, &Options::default())
        .findings
        .into_iter()
        .map(|f| (f.code.as_str().to_string(), f.place.path().to_string()))
        .collect()
}

#[test]
fn english_account_screen() {
    let s = parse_settings(
        "Email address: momo@lamtin.hk\n\
         Incoming Mail Server (IMAP): mail.lamtin.hk\n\
         Port: 993 (SSL)\n\
         Outgoing Mail Server (SMTP): mail.lamtin.hk\n\
         Port: 587\n\
         Encryption: STARTTLS\n\
         Username: momo@lamtin.hk\n\
         My outgoing server requires authentication: Yes\n",
    );
    assert_eq!(s.email.as_deref(), Some("momo@lamtin.hk"));
    assert_eq!(s.incoming.protocol.as_deref(), Some("imap"));
    assert_eq!(s.incoming.host.as_deref(), Some("mail.lamtin.hk"));
    assert_eq!(s.incoming.port.as_deref(), Some("993"));
    assert_eq!(s.outgoing.host.as_deref(), Some("mail.lamtin.hk"));
    assert_eq!(s.outgoing.port.as_deref(), Some("587"));
    assert_eq!(s.outgoing.security.as_deref(), Some("starttls"));
    assert_eq!(s.outgoing.username.as_deref(), Some("momo@lamtin.hk"));
    assert_eq!(s.outgoing.auth, Some(true));
    assert!(check(&s, &Options::default()).ok);
}

#[test]
fn traditional_chinese_android_steps_keep_the_placeholder() {
    let s = parse_settings(
        "“內送伺服器”\n\
         POP3伺服器:mail.[yourdomain.com] e.g. mail.example.com.hk\n\
         安全性類型:SSL\n\
         連接埠:995 (POP3) / 993 (IMAP)\n\
         “外寄伺服器”\n\
         SMTP伺服器:mail.[yourdomain.com]\n\
         安全性類型:SSL\n\
         連接埠:465\n\
         需要認證才可傳送電子郵件:開啟\n",
    );
    assert_eq!(s.incoming.protocol.as_deref(), Some("pop3"));
    assert_eq!(s.incoming.host.as_deref(), Some("mail.[yourdomain.com]"));
    assert_eq!(s.incoming.port.as_deref(), Some("995"));
    assert_eq!(s.incoming.security.as_deref(), Some("tls"));
    assert_eq!(s.outgoing.host.as_deref(), Some("mail.[yourdomain.com]"));
    assert_eq!(s.outgoing.port.as_deref(), Some("465"));
    assert_eq!(s.outgoing.security.as_deref(), Some("tls"));
    assert_eq!(s.outgoing.auth, Some(true));
    assert_eq!(
        codes(&s),
        vec![
            ("placeholder".to_string(), "incoming.host".to_string()),
            ("placeholder".to_string(), "outgoing.host".to_string()),
        ]
    );
}

#[test]
fn simplified_chinese_block() {
    let s = parse_settings(
        "收件服务器:imap.163.com\n端口:993\nSSL:是\n\
         发件服务器:smtp.163.com\n端口:465\n用户名:momo@163.com\n邮箱地址:momo@163.com\n",
    );
    assert_eq!(s.incoming.host.as_deref(), Some("imap.163.com"));
    assert_eq!(s.incoming.port.as_deref(), Some("993"));
    assert_eq!(s.incoming.security.as_deref(), Some("tls"));
    assert_eq!(s.outgoing.host.as_deref(), Some("smtp.163.com"));
    assert_eq!(s.outgoing.port.as_deref(), Some("465"));
    assert_eq!(s.outgoing.username.as_deref(), Some("momo@163.com"));
    assert_eq!(s.email.as_deref(), Some("momo@163.com"));
}

#[test]
fn so_net_style_block_keeps_typing_mistakes_for_check() {
    let s = parse_settings(
        "內送郵件 - POP3: so-net.net.tw\n外寄郵件 - SMTP: so-net.net.tw\n\
         帳號: momo\n電子郵件地址: momo@so-net,net.tw\n",
    );
    assert_eq!(s.incoming.protocol.as_deref(), Some("pop3"));
    assert_eq!(s.incoming.host.as_deref(), Some("so-net.net.tw"));
    assert_eq!(s.outgoing.host.as_deref(), Some("so-net.net.tw"));
    assert_eq!(s.email.as_deref(), Some("momo@so-net,net.tw"));
    assert_eq!(s.outgoing.username.as_deref(), Some("momo"));
    let found = codes(&s);
    assert!(
        found.contains(&("comma-for-dot".to_string(), "email".to_string())),
        "{found:?}"
    );
    assert!(!found
        .iter()
        .any(|(c, _)| c == Code::UsernameFullAddressExpected.as_str()));
}

#[test]
fn malay_block_with_full_width_port() {
    let s = parse_settings(
        "Pelayan mel masuk\nNama pelayan: mail.lamtin.my\nPort: ９９３\nSSL diperlukan: Ya\n\
         Pelayan mel keluar\nNama pelayan: mail.lamtin.my\nPort: 587\nSSL diperlukan: Ya\n",
    );
    assert_eq!(s.incoming.port.as_deref(), Some("９９３"));
    assert_eq!(s.incoming.security.as_deref(), Some("tls"));
    assert_eq!(s.outgoing.security.as_deref(), Some("starttls"));
    assert_eq!(
        codes(&s),
        vec![("fullwidth".to_string(), "incoming.port".to_string())]
    );
}

#[test]
fn prose_with_colons_is_not_a_setting() {
    let s = parse_settings(
        "In some cases, mail autodiscover does not work for domains with SSL (HTTPS) enabled:\n\
         有些郵件軟體提供刪除伺服器上郵件的功能。請您連線至網頁郵件: http://mail.lamtin.hk,輸入您的帳號與密碼。\n\
         使用者名稱:完整電郵地址\n",
    );
    assert_eq!(s, Settings::default());
}
