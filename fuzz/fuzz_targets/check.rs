//! `check` on structured settings: never a panic, and every fix removes its finding.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use maillint::settings::{IncomingSettings, OutgoingSettings};
use maillint::{check, Locale, Options, Settings};

#[derive(Arbitrary, Debug)]
struct Input {
    email: Option<String>,
    incoming: [Option<String>; 5],
    outgoing: [Option<String>; 4],
    auth: Option<bool>,
    complete: bool,
    locale: u8,
}

fuzz_target!(|input: Input| {
    let [protocol, host, port, security, username] = input.incoming;
    let [out_host, out_port, out_security, out_username] = input.outgoing;
    let settings = Settings {
        email: input.email,
        incoming: IncomingSettings {
            protocol,
            host,
            port,
            security,
            username,
        },
        outgoing: OutgoingSettings {
            host: out_host,
            port: out_port,
            security: out_security,
            username: out_username,
            auth: input.auth,
        },
    };
    let locale = Locale::ALL[usize::from(input.locale) % Locale::ALL.len()];
    let options = Options {
        locale,
        complete: input.complete,
        profile: None,
    };
    let report = check(&settings, &options);
    for finding in &report.findings {
        let Some(fix) = &finding.fix else { continue };
        let mut fixed = settings.clone();
        for e in &fix.edits {
            fixed.apply(e.field, &e.value);
        }
        let after = check(&fixed, &options);
        assert!(
            !after
                .findings
                .iter()
                .any(|f| f.code == finding.code && f.field == finding.field),
            "fix {:?} left {}",
            fix.edits,
            finding.code
        );
    }
});
