//! Placeholders: the template text help pages write in place of a real domain or name
//! (`mail.[yourdomain]`, `example.com`, `%EMAILDOMAIN%`), found where they start. The
//! `placeholder` rule reports them; the cleaned views and the address use the position too.

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

/// The longest label in [`LABELS`], in bytes: a longer label is compared no further.
const LONGEST_LABEL: usize = 15;

/// Bit `n` is set when some label in [`LABELS`] is `n` bytes long. Most labels of a real
/// name (`mail`, `gmail`, `hk`) have a length no placeholder has and are compared with
/// none: this check runs on every label of every field at every keystroke, and comparing
/// each with all the labels was a sixth of a check's time.
const LENGTHS: u32 = {
    let mut mask = 0u32;
    let mut rest = LABELS;
    while let [label, tail @ ..] = rest {
        mask |= 1 << label.len();
        rest = tail;
    }
    mask
};

fn is_placeholder_label(label: &[u8]) -> bool {
    if label.len() >= 3 && label.iter().all(|b| b.eq_ignore_ascii_case(&b'x')) {
        return true;
    }
    if label.len() > LONGEST_LABEL || LENGTHS & (1 << label.len()) == 0 {
        return false;
    }
    LABELS
        .iter()
        .any(|l| l.as_bytes().eq_ignore_ascii_case(label))
}

/// Where the first placeholder starts in a cleaned value, as a byte index.
///
/// It runs on every host, address and user name at every keystroke, so it reads bytes:
/// every character it looks for but the CJK brackets is ASCII, and the CJK brackets are
/// looked for only in a value that has non-ASCII characters at all.
pub fn placeholder_start(value: &str) -> Option<usize> {
    let bytes = value.as_bytes();
    let mut best: Option<usize> = if value.is_ascii() {
        bytes
            .iter()
            .position(|b| matches!(b, b'[' | b'<' | b'{' | b'('))
    } else {
        value.find(is_opener)
    };
    // %EMAILDOMAIN%, %EMAILADDRESS%, %EMAILLOCALPART% and the like.
    let mut search = 0;
    while let Some(open) = bytes
        .get(search..)
        .and_then(|s| s.iter().position(|b| *b == b'%'))
    {
        let start = search + open;
        let after = bytes.get(start + 1..).unwrap_or(&[]);
        if let Some(close) = after.iter().position(|b| *b == b'%') {
            let name = after.get(..close).unwrap_or(&[]);
            if !name.is_empty() && name.iter().all(|b| b.is_ascii_alphabetic() || *b == b'_') {
                best = Some(best.map_or(start, |b| b.min(start)));
                break;
            }
        }
        search = start + 1;
    }
    // Labels end at ASCII separators, so their byte offsets are character bounds.
    let mut label_start = 0;
    for label in bytes.split(|b| matches!(b, b'.' | b'@' | b'/' | b':')) {
        if best.is_some_and(|b| b <= label_start) {
            break;
        }
        if is_placeholder_label(label) {
            best = Some(label_start);
            break;
        }
        label_start += label.len() + 1;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_label_bounds_every_label() {
        assert_eq!(
            LABELS.iter().map(|l| l.len()).max(),
            Some(LONGEST_LABEL),
            "LONGEST_LABEL must be the longest label's length in bytes"
        );
    }

    #[test]
    fn placeholders_are_found_where_they_start() {
        assert_eq!(placeholder_start("mail.[yourdomain]"), Some(5));
        assert_eq!(placeholder_start("mail.YourDomain.com"), Some(5));
        assert_eq!(placeholder_start("mail.%EMAILDOMAIN%"), Some(5));
        assert_eq!(placeholder_start("imap.xxx.com"), Some(5));
        assert_eq!(placeholder_start("mail.你的域名.hk"), Some(5));
        assert_eq!(placeholder_start("mail.《域名》"), Some(5));
        assert_eq!(placeholder_start("100%25 mail.lamtin.hk"), None);
        assert_eq!(placeholder_start("mail.examples.com"), None);
        assert_eq!(placeholder_start("mail.lamtin.hk"), None);
    }
}
