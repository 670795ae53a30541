//! Small text helpers shared by the rules: character classes and the cleaning steps that
//! turn what was typed into what was meant.

pub mod placeholder;

pub use placeholder::placeholder_start;

/// Spaces of every kind and the invisible characters that come along with copied text:
/// ASCII space and tab, NBSP, the ideographic space U+3000 and the other Unicode spaces
/// (all covered by `char::is_whitespace`), plus zero-width characters that are not spaces
/// to Unicode but are just as unwanted in a server name.
pub fn is_unwanted_space(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace() || c == '\u{0B}';
    }
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'
                | '\u{200C}'
                | '\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
                | '\u{180E}'
                | '\u{00AD}'
        )
}

/// Characters typed in place of a dot: commas, semicolons and the ideographic comma, in
/// their ASCII, full-width and half-width forms.
pub fn is_comma_like(c: char) -> bool {
    matches!(c, ',' | '，' | ';' | '；' | '、' | '､' | '﹐' | '﹑')
}

/// Full-width forms a CJK input method produces (U+FF01..U+FF5E) and the ideographic full
/// stops, except the commas and semicolons, which [`is_comma_like`] owns.
pub fn is_fullwidth_form(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    (('\u{FF01}'..='\u{FF5E}').contains(&c) && !is_comma_like(c)) || matches!(c, '。' | '｡')
}

/// The ASCII character a full-width form stands for.
pub fn fold_fullwidth(c: char) -> char {
    match c {
        '。' | '｡' => '.',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

pub fn remove_spaces(s: &str) -> String {
    s.chars().filter(|c| !is_unwanted_space(*c)).collect()
}

pub fn fold_fullwidth_str(s: &str) -> String {
    s.chars()
        .map(|c| {
            if is_fullwidth_form(c) {
                fold_fullwidth(c)
            } else {
                c
            }
        })
        .collect()
}

pub fn commas_to_dots(s: &str) -> String {
    s.chars()
        .map(|c| if is_comma_like(c) { '.' } else { c })
        .collect()
}

/// Whether a value is printable ASCII without commas or semicolons: then it has nothing
/// [`clean`] changes, and the space, comma and full-width rules need not look at it.
pub fn is_plain(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_graphic() && b != b',' && b != b';')
}

/// What the customer meant: spaces removed, full-width forms folded, commas made dots.
pub fn clean(s: &str) -> String {
    if is_plain(s) {
        return s.to_string();
    }
    s.chars()
        .filter(|c| !is_unwanted_space(*c))
        .map(|c| {
            if is_comma_like(c) {
                '.'
            } else if is_fullwidth_form(c) {
                fold_fullwidth(c)
            } else {
                c
            }
        })
        .collect()
}

/// The ASCII (punycode) form of an internationalized domain name, by UTS 46 (RFC 5891).
/// Natively the `idna` crate does it. A build without the `idna` feature (the browser
/// package) is handed an implementation by its host through [`set_domain_to_ascii`]; the
/// engine itself stays free of any web dependency.
pub fn domain_to_ascii(name: &str) -> Option<String> {
    #[cfg(feature = "idna")]
    {
        idna::domain_to_ascii(name).ok()
    }
    #[cfg(not(feature = "idna"))]
    {
        DOMAIN_TO_ASCII.get().and_then(|f| f(name))
    }
}

#[cfg(not(feature = "idna"))]
static DOMAIN_TO_ASCII: std::sync::OnceLock<fn(&str) -> Option<String>> =
    std::sync::OnceLock::new();

/// Hands the engine a UTS 46 implementation (once; later calls are ignored).
#[cfg(not(feature = "idna"))]
pub fn set_domain_to_ascii(f: fn(&str) -> Option<String>) {
    let _ = DOMAIN_TO_ASCII.set(f);
}

/// A number's digits appended to `out` (numbers in messages, fixes and reports).
pub fn push_number(out: &mut String, n: u64) {
    use std::fmt::Write;
    // Writing into a String cannot fail.
    let _ = write!(out, "{n}");
}

/// The parts with `separator` between them: one copy of the loop for every caller (the
/// standard library's `join` is compiled once per element type: 639 bytes gzip more in the
/// package when this was measured, `docs/bench.md`).
pub fn join<'a>(parts: impl IntoIterator<Item = &'a str>, separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

/// A text's length in UTF-16 code units (JavaScript's string positions): one unit for each
/// character, two for one of four UTF-8 bytes. Counted eight bytes at a time: the browser
/// package writes every text of a report into one JavaScript string and hands out each by its
/// position, and English messages quote values in curly quotes, so most texts are not ASCII.
/// `encode_utf16().count()`, which decodes a character at a time, was 3 % of `check`'s time in
/// Chromium; this is a fraction of it.
pub fn utf16_len(text: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut units = 0;
    for chunk in &mut chunks {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            continue;
        };
        let w = u64::from_le_bytes(eight);
        // Each byte's bit 6, 5 and 4 shifted up to its bit 7: a continuation byte is
        // 10xxxxxx, a four-byte lead 11110xxx.
        let continuation = w & !(w << 1) & HIGH;
        let four_byte_lead = w & (w << 1) & (w << 2) & (w << 3) & HIGH;
        units += 8 - continuation.count_ones() as usize + four_byte_lead.count_ones() as usize;
    }
    for &b in chunks.remainder() {
        units += usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0);
    }
    units
}

/// Splits an address at its last `@` into (local part, domain).
pub fn split_address(address: &str) -> Option<(&str, &str)> {
    let at = address.rfind('@')?;
    Some((address.get(..at)?, address.get(at + 1..)?))
}

/// Edit distance with adjacent transpositions counted as one edit (`gmial` → `gmail` is 1).
pub fn typo_distance(a: &str, b: &str) -> usize {
    short_ascii_distance(a.as_bytes(), b.as_bytes()).unwrap_or_else(|| strsim::osa_distance(a, b))
}

/// The longest strings [`short_ascii_distance`] takes: longer than any domain name label
/// pair the typo rule compares.
const SHORT: usize = 64;

/// [`typo_distance`] of two ASCII strings shorter than [`SHORT`], in three rows on the
/// stack (strsim's general version allocates, and the typo rule calls this for each close
/// candidate at every keystroke). `None` for anything else.
fn short_ascii_distance(a: &[u8], b: &[u8]) -> Option<usize> {
    if a.len() >= SHORT || b.len() >= SHORT || !a.is_ascii() || !b.is_ascii() {
        return None;
    }
    // Rows of the optimal-string-alignment table: before last, last, current.
    let mut before = [0u8; SHORT];
    let mut last = [0u8; SHORT];
    let mut current = [0u8; SHORT];
    for (j, cell) in last.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u8;
    }
    let at = |row: &[u8; SHORT], j: usize| row.get(j).copied().unwrap_or(u8::MAX);
    for (i, &ca) in a.iter().enumerate() {
        let i = i + 1;
        current[0] = i as u8;
        for (j, &cb) in b.iter().enumerate() {
            let j = j + 1;
            let cost = u8::from(ca != cb);
            let mut best = at(&last, j)
                .saturating_add(1)
                .min(at(&current, j - 1).saturating_add(1))
                .min(at(&last, j - 1).saturating_add(cost));
            let swapped = i > 1 && j > 1 && a.get(i - 2) == Some(&cb) && b.get(j - 2) == Some(&ca);
            if swapped {
                best = best.min(at(&before, j - 2).saturating_add(1));
            }
            if let Some(cell) = current.get_mut(j) {
                *cell = best;
            }
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut current);
    }
    Some(usize::from(at(&last, b.len())))
}

/// Whether two different strings are one edit apart (a substitution, an insertion or
/// deletion, or two neighbours swapped): `typo_distance(a, b) == 1`, without the
/// distance table. Checking a typed domain against every candidate is the typo rule's
/// inner loop, and most candidates are decided here after a few bytes.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return typo_distance(a, b) == 1;
    }
    let (short, long) = if a.len() <= b.len() {
        (a.as_bytes(), b.as_bytes())
    } else {
        (b.as_bytes(), a.as_bytes())
    };
    if long.len() - short.len() > 1 || short == long {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let (Some(s), Some(l)) = (short.get(prefix..), long.get(prefix..)) else {
        return false;
    };
    if short.len() < long.len() {
        // One character inserted where they first differ.
        return l.get(1..) == Some(s);
    }
    // The first difference substituted, or it and the next swapped.
    let substituted = s.get(1..) == l.get(1..);
    let swapped = matches!((s, l), ([s0, s1, s_rest @ ..], [l0, l1, l_rest @ ..])
        if s0 == l1 && s1 == l0 && s_rest == l_rest);
    substituted || swapped
}

/// Host name helpers.
pub mod host {
    /// The ASCII form of a valid host name or IP literal; `None` when it is not valid.
    pub fn ascii_form(name: &str) -> Option<String> {
        if name.is_empty() {
            return None;
        }
        if is_ip_literal(name) {
            return Some(name.to_string());
        }
        if looks_numeric(name) {
            // All digits but not an IPv4 address: `192.168.1.300`, `10.0.0`.
            return None;
        }
        let converted;
        let ascii = if name.is_ascii() {
            name
        } else {
            converted = super::domain_to_ascii(name)?;
            converted.as_str()
        };
        let bare = ascii.strip_suffix('.').unwrap_or(ascii);
        if bare.is_empty() || bare.len() > 253 {
            return None;
        }
        // Every label 1 to 63 letters, digits and hyphens, neither starting nor ending with a
        // hyphen; read in one pass (both servers and the address domain, at every keystroke).
        let mut label = 0;
        let mut last = b'.';
        for &b in bare.as_bytes() {
            if b == b'.' {
                if label == 0 || last == b'-' {
                    return None;
                }
                label = 0;
            } else if b.is_ascii_alphanumeric() || (b == b'-' && label > 0) {
                label += 1;
                if label > 63 {
                    return None;
                }
            } else {
                return None;
            }
            last = b;
        }
        (label > 0 && last != b'-').then(|| ascii.to_string())
    }

    /// Strips a URL scheme (`https://`, `imap://`), `mailto:`, user information and any path,
    /// query or fragment. Returns `None` when there was nothing to strip.
    pub fn strip_url(host: &str) -> Option<String> {
        // Everything stripped starts at one of these (ASCII) bytes; most hosts have none.
        if !host.bytes().any(|b| matches!(b, b':' | b'/' | b'?' | b'#')) {
            return None;
        }
        let mailto = host
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("mailto:"));
        let mut rest = host;
        let mut changed = false;
        if let Some(i) = host.find("://") {
            rest = host.get(i + 3..).unwrap_or("");
            changed = true;
        } else if mailto {
            rest = host.get(7..).unwrap_or("");
            changed = true;
        }
        if let Some(i) = rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')) {
            rest = rest.get(..i).unwrap_or("");
            changed = true;
        }
        if changed {
            // A URL's user information (`imap://user@host`) is not part of the host.
            if let Some(i) = rest.rfind('@') {
                if !mailto {
                    rest = rest.get(i + 1..).unwrap_or("");
                }
            }
            Some(rest.to_string())
        } else {
            None
        }
    }

    /// Splits `name:port` (or `[v6]:port`). Returns the name and the port text; a bare IPv6
    /// address (several colons, no brackets) has no port.
    pub fn split_port(host: &str) -> Option<(&str, &str)> {
        if host.starts_with('[') {
            let close = host.find(']')?;
            let after = host.get(close + 1..)?;
            let port = after.strip_prefix(':')?;
            return Some((host.get(..=close)?, port));
        }
        if host.bytes().filter(|b| *b == b':').count() != 1 {
            return None;
        }
        let (name, port) = host.split_once(':')?;
        Some((name, port))
    }

    /// True for IPv4 and IPv6 literals, with or without brackets.
    pub fn is_ip_literal(host: &str) -> bool {
        // An IPv6 address has a colon, an IPv4 address only digits and dots: most names
        // are neither, and are answered without parsing.
        let bytes = host.as_bytes();
        if !bytes.contains(&b':') && !bytes.iter().all(|b| b.is_ascii_digit() || *b == b'.') {
            return false;
        }
        let inner = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        inner.parse::<std::net::IpAddr>().is_ok()
    }

    /// Whether every label is digits: such a name is meant as an IPv4 address.
    pub fn looks_numeric(host: &str) -> bool {
        host.trim_end_matches('.')
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
    }

    /// The registrable part of a host for typo checks: the last two labels, or three when the
    /// second-level label is a generic one under a country code (`so-net.net.tw`,
    /// `yahoo.com.hk`, `hotmail.co.uk`).
    pub fn registrable(host: &str) -> &str {
        let trimmed = host.trim_end_matches('.');
        // From the right, without collecting the labels: a check asks this for every
        // server of a provider.
        let mut dots = trimmed.rmatch_indices('.').map(|(i, _)| i);
        let Some(last_dot) = dots.next() else {
            return trimmed;
        };
        let start_of_two = dots.next().map_or(0, |i| i + 1);
        let second = trimmed.get(start_of_two..last_dot).unwrap_or("");
        let tld_is_country = trimmed.len() - last_dot - 1 == 2;
        let generic = matches!(
            second,
            "com" | "net" | "org" | "edu" | "gov" | "co" | "ac" | "ne" | "or" | "idv" | "gen"
        );
        if start_of_two > 0 && tld_is_country && generic {
            let start_of_three = dots.next().map_or(0, |i| i + 1);
            return trimmed.get(start_of_three..).unwrap_or(trimmed);
        }
        trimmed.get(start_of_two..).unwrap_or(trimmed)
    }
}

#[cfg(test)]
mod tests {
    /// `registrable` as it was first written (labels collected into a vector), the
    /// reference the allocation-free one is held to.
    fn registrable_by_labels(host: &str) -> String {
        let trimmed = host.trim_end_matches('.');
        let labels: Vec<&str> = trimmed.split('.').collect();
        let n = labels.len();
        if n < 2 {
            return trimmed.to_string();
        }
        let generic = matches!(
            labels[n - 2],
            "com" | "net" | "org" | "edu" | "gov" | "co" | "ac" | "ne" | "or" | "idv" | "gen"
        );
        let take = if labels[n - 1].len() == 2 && n >= 3 && generic {
            3
        } else {
            2
        };
        labels[n - take..].join(".")
    }

    #[test]
    fn registrable_agrees_with_the_label_by_label_reference() {
        let parts = [
            "", "a", "mail", "com", "net", "co", "hk", "uk", "tw", "yahoo", "ü", "邮箱",
        ];
        let mut hosts = Vec::new();
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in ["", ".", "x.", "co."] {
                        hosts.push(format!("{d}{a}.{b}.{c}"));
                        hosts.push(format!("{a}.{b}{d}"));
                        hosts.push(format!("{a}{d}{c}."));
                    }
                }
            }
        }
        for host in &hosts {
            assert_eq!(
                host::registrable(host),
                registrable_by_labels(host),
                "{host:?}"
            );
        }
    }

    /// `ascii_form`'s label test as first written (labels split out), the reference the
    /// one-pass test is held to.
    fn labels_ok_by_split(bare: &str) -> bool {
        bare.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
    }

    #[test]
    fn ascii_form_agrees_with_the_label_by_label_reference() {
        let parts = [
            "",
            "a",
            "-",
            "a-",
            "-a",
            "a-b",
            "9",
            "x_y",
            "ü",
            &"l".repeat(63),
            &"l".repeat(64),
        ];
        let mut names = Vec::new();
        for a in parts {
            for b in parts {
                for c in ["", ".", "..", ".com", ".com."] {
                    names.push(format!("{a}.{b}{c}"));
                    names.push(format!("{a}{c}"));
                }
            }
        }
        for name in &names {
            let bare = name.strip_suffix('.').unwrap_or(name);
            let by_split = !name.is_empty()
                && !bare.is_empty()
                && bare.len() <= 253
                && labels_ok_by_split(bare);
            let ascii_only =
                name.is_ascii() && !host::is_ip_literal(name) && !host::looks_numeric(name);
            if ascii_only {
                assert_eq!(host::ascii_form(name).is_some(), by_split, "{name:?}");
            }
        }
        assert_eq!(
            host::ascii_form("Mail.Example.com.").as_deref(),
            Some("Mail.Example.com.")
        );
        assert_eq!(host::ascii_form(&format!("{}.com", "a".repeat(250))), None);
    }

    #[test]
    fn utf16_len_counts_javascript_string_units() {
        let texts = [
            "",
            "a",
            "mail.example.com",
            "“mail,lamtin,hk” has commas where dots belong: “mail.lamtin.hk”.",
            "伺服器名稱「mail。lamtin。hk」用了全形句號",
            "😀",
            "a😀b𝄞c",
            "𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞",
            "ü1234567ü1234567😀",
        ];
        for text in texts {
            for start in 0..=text.len() {
                let Some(tail) = text.get(start..) else {
                    continue;
                };
                assert_eq!(
                    super::utf16_len(tail),
                    tail.encode_utf16().count(),
                    "{tail:?}"
                );
            }
        }
    }

    #[test]
    fn join_puts_the_separator_between_parts_only() {
        assert_eq!(super::join(["a", "b", "c"], " / "), "a / b / c");
        assert_eq!(super::join(["a"], "."), "a");
        assert_eq!(super::join([], "."), "");
    }

    use super::*;

    #[test]
    fn clean_folds_what_input_methods_type() {
        assert_eq!(clean(" ｍａｉｌ。example，com\u{200B}"), "mail.example.com");
        assert_eq!(clean("９９３\u{3000}"), "993");
    }

    #[test]
    fn fullwidth_leaves_commas_to_the_comma_rule() {
        assert!(!is_fullwidth_form('，'));
        assert!(is_comma_like('，'));
        assert!(is_fullwidth_form('＠'));
        assert_eq!(fold_fullwidth('＠'), '@');
    }

    #[test]
    fn one_edit_apart_agrees_with_the_distance() {
        let words = [
            "gmail.com",
            "gmial.com",
            "gmai.com",
            "gmaill.com",
            "gnail.com",
            "mgail.com",
            "gmail.con",
            "gmail.co",
            "gmail.comm",
            "hotmail.com",
            "hotmial.com",
            "ab",
            "ba",
            "a",
            "",
            "aab",
            "abb",
            "abc",
            "acb",
            "bac",
            "gmäil.com",
            "gmail.cöm",
            "ｇmail.com",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    one_edit_apart(a, b),
                    typo_distance(a, b) == 1,
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn host_helpers() {
        assert_eq!(
            host::strip_url("https://mail.example.com/owa"),
            Some("mail.example.com".into())
        );
        assert_eq!(
            host::strip_url("imap://me@mail.example.com"),
            Some("mail.example.com".into())
        );
        assert_eq!(host::strip_url("mail.example.com"), None);
        assert_eq!(
            host::split_port("mail.example.com:993"),
            Some(("mail.example.com", "993"))
        );
        assert_eq!(host::split_port("[::1]:993"), Some(("[::1]", "993")));
        assert_eq!(host::split_port("2001:db8::1"), None);
        assert_eq!(host::registrable("imap.mail.yahoo.com.hk"), "yahoo.com.hk");
        assert_eq!(host::registrable("so-net.net.tw"), "so-net.net.tw");
        assert_eq!(host::registrable("imap.gmial.com"), "gmial.com");
        assert_eq!(host::registrable("localhost"), "localhost");
    }
}
