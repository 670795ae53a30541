//! Times `check` natively on the bench's kinds of input, to see which cost most.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
use std::time::Instant;
fn main() {
    let hosts = [
        "mail.lamtin.hk",
        "mail,lamtin,hk",
        " mail.lamtin.hk",
        "mail。lamtin。hk",
        "mail.[yourdomain]",
        "imap.gmail.con",
        "smtp.gmail.com",
        "https://mail.lamtin.hk/owa",
        "mail.lamtin.hk:993",
        "mail..lamtin.hk",
        "mail.bücher.de",
        "momo@gmail.com",
        "mail",
    ];
    let emails = [
        "momo@lamtin.hk",
        "momo@gmial.com",
        "momo@so-net，net.tw",
        "momo＠lamtin.hk",
        "johndoe@example.com",
        "momo",
        "momo@icloud.com",
        "momo@qq.com",
    ];
    let opts = maillint::Options::default();
    for h in hosts {
        for e in emails {
            let mut s = maillint::Settings::default();
            s.email = Some(e.into());
            s.incoming.host = Some(h.into());
            s.outgoing.host = Some(h.into());
            s.incoming.username = Some(e.into());
            s.incoming.port = Some("993 ".into());
            s.incoming.security = Some("starttls".into());
            let t = Instant::now();
            let mut n = 0;
            for _ in 0..200 {
                n += maillint::check(&s, &opts).findings.len();
            }
            let us = t.elapsed().as_secs_f64() * 1e6 / 200.0;
            if us > 20.0 {
                println!("{us:8.1} µs {n:4} {h} | {e}");
            }
        }
    }
}
