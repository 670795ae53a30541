//! `placeholder`: template text from a help page left in a field.
//!
//! Why: help pages write `mail.[yourdomain]`, `mail.example.com.hk`, `<domain>` or
//! `%EMAILDOMAIN%` and expect the reader to put in their own domain. Customers paste them as
//! they are. Where the address is known, the fix puts its domain in.
//!
//! Bad: `"mail.[yourdomain]"` with the address `momo@chan.com.hk`.
//! Good: `"mail.chan.com.hk"`.

use super::{Check, Rule};
use crate::check::{Context, Draft};
use crate::codes::Code;
use crate::finding::Severity;
use crate::settings::Field;

pub const RULE: Rule = Rule {
    code: Code::Placeholder,
    severity: Severity::Error,
    fixable: true,
    summary: "Sample text from a help page (mail.[yourdomain], example.com, %EMAILDOMAIN%) left in",
    check: Check::Settings(run),
};

/// Labels help pages use in place of a real domain or name. `example` covers the RFC 2606
/// names (`example.com`, `.example`) and the regional copies help pages use
/// (`example.com.hk`).
const LABELS: &[&str] = &[
    "yourdomain",
    "your-domain",
    "your_domain",
    "yourdomainname",
    "yourdomain-name",
    "mydomain",
    "my-domain",
    "domainname",
    "domain-name",
    "example",
    "yourcompany",
    "yoursite",
    "your-site",
    "yourwebsite",
    "yourname",
    "youremail",
    "your-email",
    "youraddress",
    "你的域名",
    "您的域名",
    "你的網域",
    "您的網域",
    "你的网域",
    "域名",
    "網域",
    "domainanda",
];

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '[' | '<' | '{' | '【' | '〔' | '「' | '〈' | '《' | '（' | '('
    )
}

fn is_placeholder_label(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    LABELS.contains(&lower.as_str()) || (lower.len() >= 3 && lower.bytes().all(|b| b == b'x'))
}

/// Where the first placeholder starts in a cleaned value, as a byte index.
pub fn placeholder_start(value: &str) -> Option<usize> {
    let mut best: Option<usize> = value.find(is_opener);
    // %EMAILDOMAIN%, %EMAILADDRESS%, %EMAILLOCALPART% and the like.
    let mut search = 0;
    while let Some(open) = value.get(search..).and_then(|s| s.find('%')) {
        let start = search + open;
        let after = value.get(start + 1..).unwrap_or("");
        if let Some(close) = after.find('%') {
            let name = after.get(..close).unwrap_or("");
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_') {
                best = Some(best.map_or(start, |b| b.min(start)));
                break;
            }
        }
        search = start + 1;
    }
    let mut label_start = 0;
    for (i, c) in value
        .char_indices()
        .chain(std::iter::once((value.len(), '.')))
    {
        if matches!(c, '.' | '@' | '/' | ':') {
            let label = value.get(label_start..i).unwrap_or("");
            if is_placeholder_label(label) {
                best = Some(best.map_or(label_start, |b| b.min(label_start)));
                break;
            }
            label_start = i + c.len_utf8();
        }
    }
    best
}

fn run(ctx: &Context, out: &mut Vec<Draft>) {
    let fields = [
        Field::Email,
        Field::IncomingHost,
        Field::IncomingUsername,
        Field::OutgoingHost,
        Field::OutgoingUsername,
    ];
    for field in fields {
        let Some(raw) = ctx.settings.text(field) else {
            continue;
        };
        let cleaned = ctx.cleaned(field).unwrap_or("");
        let Some(start) = placeholder_start(cleaned) else {
            continue;
        };
        let mut draft = Draft::new(Code::Placeholder, field).arg("value", raw);
        // Only a placeholder for the domain can be filled in: from the start of the
        // placeholder to the end, after a dot or an @, or as the whole host.
        let prefix = cleaned.get(..start).unwrap_or("");
        let domain_part = match field {
            Field::IncomingHost | Field::OutgoingHost => prefix.is_empty() || prefix.ends_with('.'),
            _ => prefix.ends_with('@'),
        };
        if let (true, Some(domain)) = (domain_part && field != Field::Email, ctx.usable_domain()) {
            draft = draft.fix_text(field, format!("{prefix}{domain}"));
        }
        out.push(draft);
    }
}
