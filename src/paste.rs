//! `parse_settings`: a block of settings pasted from a provider's mail or a help page.
//!
//! Reads `label: value` lines (also `label：value`, `label = value`, `label<TAB>value`) in
//! English, Traditional and Simplified Chinese and Malay, sorts them into incoming and
//! outgoing by section words (Incoming, IMAP, POP, 收件, 內送, 接收, Masuk / Outgoing, SMTP,
//! 寄件, 外寄, 发送, Keluar), and returns [`Settings`]. Hosts, ports and usernames keep their
//! text as typed so `check` can flag them; security is normalized to `tls`, `starttls` or
//! `none`, with "SSL: Yes" decided by the port (TLS on 465/993/995, STARTTLS on 587/143/110).
//!
//! Work is linear in the input, and very long lines are skipped, so a megabyte of junk
//! returns quickly.

use crate::settings::{Protocol, Security, SecurityInput, Settings};

/// Lines longer than this are prose or junk, never a `label: value` pair.
const MAX_LINE: usize = 2000;
/// Labels longer than this (in characters) are sentences.
const MAX_LABEL: usize = 60;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Incoming,
    Outgoing,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Username,
    Email,
    Auth,
    Security,
    Port,
    Protocol,
    Host,
}

const INCOMING_WORDS: &[&str] = &[
    "incoming", "imap", "pop", "收件", "內送", "内送", "接收", "收信", "內寄", "masuk",
];
const OUTGOING_WORDS: &[&str] = &[
    "outgoing", "smtp", "寄件", "外寄", "外送", "发送", "發送", "发件", "發件", "寄信", "keluar",
];

/// Label words for each kind, tried in this order (a "server requires authentication"
/// label is about authentication although it says "server").
const KINDS: &[(Kind, &[&str])] = &[
    (
        Kind::Username,
        &[
            "user name",
            "username",
            "user id",
            "login",
            "account name",
            "使用者名稱",
            "用戶名稱",
            "用户名",
            "帳號",
            "账号",
            "帐号",
            "nama pengguna",
            "id pengguna",
        ],
    ),
    (
        Kind::Email,
        &[
            "email",
            "e-mail",
            "mail address",
            "電子郵件地址",
            "電郵地址",
            "电子邮件地址",
            "邮箱地址",
            "邮件地址",
            "電郵",
            "alamat e-mel",
            "e-mel",
        ],
    ),
    (
        Kind::Auth,
        &[
            "authentication",
            "auth",
            "驗證",
            "验证",
            "認證",
            "认证",
            "pengesahan",
        ],
    ),
    (
        Kind::Security,
        &[
            "ssl",
            "tls",
            "encryption",
            "encrypted",
            "security",
            "secure",
            "加密",
            "安全性類型",
            "安全類型",
            "安全类型",
            "安全性类型",
            "keselamatan",
            "penyulitan",
        ],
    ),
    (
        Kind::Port,
        &[
            "port",
            "連接埠",
            "端口",
            "傳輸埠",
            "传输端口",
            "通訊埠",
            "埠",
        ],
    ),
    (
        Kind::Protocol,
        &[
            "account type",
            "protocol",
            "server type",
            "帳戶類型",
            "帳號類型",
            "账户类型",
            "帐户类型",
            "協定",
            "协议",
            "伺服器類型",
            "服务器类型",
            "jenis akaun",
            "protokol",
        ],
    ),
    (
        Kind::Host,
        &[
            "server",
            "host",
            "伺服器",
            "服务器",
            "服務器",
            "主機",
            "主机",
            "pelayan",
        ],
    ),
];

/// What a label or heading names: bits of [`Found`], found in one pass over it.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Found(u32);

impl Found {
    const INCOMING: u32 = 1;
    const OUTGOING: u32 = 1 << 1;
    const IMAP: u32 = 1 << 2;
    const POP: u32 = 1 << 3;
    /// The first of the kinds' bits; kind `i` of [`KINDS`] is `KIND << i`.
    const KIND: u32 = 1 << 4;

    fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }
    fn kind(self, index: usize) -> bool {
        self.has(Found::KIND << index)
    }
}

/// Every word the parser looks for, by its first byte, with the bit it sets: one pass over
/// a line finds them all, instead of a substring search per word (a megabyte of short lines
/// is half a million lines).
struct Matcher {
    by_first: Vec<Vec<(&'static [u8], u32)>>,
    /// The words' first two bytes, one bit per pair: most positions are passed over on it.
    pairs: Vec<u64>,
}

/// The bit of a byte pair in a 65,536-bit set.
fn pair_bit(a: u8, b: u8) -> (usize, u64) {
    let pair = usize::from(a) << 8 | usize::from(b);
    (pair / 64, 1 << (pair % 64))
}

impl Matcher {
    fn get() -> &'static Matcher {
        static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        MATCHER.get_or_init(|| {
            let mut by_first: Vec<Vec<(&'static [u8], u32)>> = vec![Vec::new(); 256];
            let mut pairs = vec![0u64; 1024];
            let mut add = |word: &'static str, bit: u32| {
                if let [a, b, ..] = word.as_bytes() {
                    if let Some(list) = by_first.get_mut(usize::from(*a)) {
                        list.push((word.as_bytes(), bit));
                    }
                    let (at, mask) = pair_bit(*a, *b);
                    if let Some(bits) = pairs.get_mut(at) {
                        *bits |= mask;
                    }
                }
            };
            INCOMING_WORDS.iter().for_each(|w| add(w, Found::INCOMING));
            OUTGOING_WORDS.iter().for_each(|w| add(w, Found::OUTGOING));
            add("imap", Found::IMAP);
            add("pop", Found::POP);
            for (i, (_, words)) in KINDS.iter().enumerate() {
                words.iter().for_each(|w| add(w, Found::KIND << i));
            }
            Matcher { by_first, pairs }
        })
    }

    /// The words in `lower` (ASCII-lower-cased; other bytes as they are).
    fn find(&self, lower: &[u8]) -> Found {
        let mut found = 0;
        for (at, pair) in lower.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            let (slot, mask) = pair_bit(*a, *b);
            if self.pairs.get(slot).is_none_or(|bits| bits & mask == 0) {
                continue;
            }
            let Some(words) = self.by_first.get(usize::from(*a)) else {
                continue;
            };
            let rest = lower.get(at..).unwrap_or(&[]);
            for (word, bit) in words {
                if found & bit == 0 && rest.starts_with(word) {
                    found |= bit;
                }
            }
        }
        Found(found)
    }
}

#[derive(Default)]
struct State {
    settings: Settings,
    section: Option<Section>,
    incoming_security: Option<SecurityInput>,
    outgoing_security: Option<SecurityInput>,
    /// The line being read, lower-cased: one buffer for every line.
    lower: Vec<u8>,
}

impl State {
    /// What `text` names, lower-cased into the shared buffer first.
    fn words_in(&mut self, text: &str) -> Found {
        self.lower.clear();
        self.lower
            .extend(text.bytes().map(|b| b.to_ascii_lowercase()));
        Matcher::get().find(&self.lower)
    }
}

/// Writes `value` into `slot` unless it is there already: a pasted page repeats its values.
fn put(slot: &mut Option<String>, value: &str) {
    if slot.as_deref() != Some(value) {
        *slot = Some(value.to_string());
    }
}

/// At most `max` characters: counted only when the bytes could be more.
fn at_most_chars(text: &str, max: usize) -> bool {
    text.len() <= max || text.chars().count() <= max
}

/// The lines of a text, as `str::lines` gives them (split at `\n`, a `\r` before it
/// dropped, no empty last line), found by bytes: at opt-level "z" `str::lines` encodes its
/// `char` pattern and compares suffixes by `memcmp` on every line, half of a megabyte of
/// short lines' time.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(end) = rest.bytes().position(|b| b == b'\n') else {
            let last = rest;
            rest = "";
            return Some(last);
        };
        let line = rest.get(..end).unwrap_or("");
        rest = rest.get(end + 1..).unwrap_or("");
        Some(match line.as_bytes().last() {
            Some(b'\r') => line.get(..line.len() - 1).unwrap_or(line),
            _ => line,
        })
    })
}

/// Reads a pasted block of settings.
pub fn parse_settings(text: &str) -> Settings {
    let mut state = State::default();
    for line in lines(text) {
        if line.len() > MAX_LINE {
            continue;
        }
        read_line(&mut state, line);
    }
    let State {
        mut settings,
        incoming_security,
        outgoing_security,
        ..
    } = state;
    let port = |p: &Option<String>| {
        p.as_deref()
            .map(crate::text::clean)
            .and_then(|p| p.parse::<u16>().ok())
    };
    let in_port = port(&settings.incoming.port);
    let out_port = port(&settings.outgoing.port);
    settings.incoming.security =
        incoming_security.map(|s| Security::resolve(s, in_port).as_str().to_string());
    settings.outgoing.security =
        outgoing_security.map(|s| Security::resolve(s, out_port).as_str().to_string());
    settings
}

fn contains_any(haystack: &str, words: &[&str]) -> bool {
    words.iter().any(|w| haystack.contains(w))
}

/// Which protocols a text names, as (IMAP, POP3).
fn protocols_named(lower: &str) -> (bool, bool) {
    (lower.contains("imap"), lower.contains("pop"))
}

fn trim_bullet(line: &str) -> &str {
    // Most lines need no trimming: they start with a letter and end in one, a digit or a
    // colon. Checked by bytes, since a megabyte of short lines is half a million of them.
    if let (Some(first), Some(last)) = (line.as_bytes().first(), line.as_bytes().last()) {
        if first.is_ascii_alphabetic() && (last.is_ascii_alphanumeric() || *last == b':') {
            return line;
        }
    }
    let t = line.trim_matches(|c: char| c.is_whitespace());
    let t = t.trim_start_matches(['-', '•', '*', '·', '●', '▶', '▸', '►', '◆', '■', '○']);
    // A numbered step: "1." or "2)".
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let t = match t.get(digits..) {
        Some(rest) if digits > 0 && (rest.starts_with(". ") || rest.starts_with(") ")) => {
            rest.get(2..).unwrap_or(rest)
        }
        _ => t,
    };
    t.trim_matches(|c: char| c.is_whitespace())
}

/// Splits a line at its first separator (`:`, `：`, `=` or a tab). A colon followed by `//`
/// belongs to a URL. Found by bytes: `：` is U+FF1A, the bytes EF BC 9A.
fn split_pair(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        let width = match b {
            b':' | b'=' | b'\t' => 1,
            0xEF if bytes.get(i + 1..i + 3) == Some(&[0xBC, 0x9A]) => 3,
            _ => continue,
        };
        let after = line.get(i + width..)?;
        if *b == b':' && after.starts_with("//") {
            return None;
        }
        return Some((line.get(..i)?, after));
    }
    None
}

/// Whether a text may hold a section word (Incoming, 收件, SMTP, …): it has one of their
/// first two bytes, in either case. Most lines have none, and skip the word search.
fn may_name_a_section(text: &str) -> bool {
    static PAIRS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let pairs = PAIRS.get_or_init(|| {
        let mut bits = vec![0u64; 1024];
        for word in INCOMING_WORDS.iter().chain(OUTGOING_WORDS) {
            if let [a, b, ..] = word.as_bytes() {
                for a in [a.to_ascii_lowercase(), a.to_ascii_uppercase()] {
                    for b in [b.to_ascii_lowercase(), b.to_ascii_uppercase()] {
                        let (at, mask) = pair_bit(a, b);
                        if let Some(slot) = bits.get_mut(at) {
                            *slot |= mask;
                        }
                    }
                }
            }
        }
        bits
    });
    text.as_bytes().windows(2).any(|pair| {
        let [a, b] = pair else { return false };
        let (at, mask) = pair_bit(*a, *b);
        pairs.get(at).is_some_and(|bits| bits & mask != 0)
    })
}

fn read_line(state: &mut State, line: &str) {
    let line = trim_bullet(line);
    if line.is_empty() {
        return;
    }
    let Some((label, value)) = split_pair(line) else {
        read_heading(state, line);
        return;
    };
    // A long "label" is a sentence that happens to hold a colon, not a setting.
    if !at_most_chars(label, MAX_LABEL) {
        return;
    }
    let value = value.trim_matches([' ', '\t', '"', '“', '”']);
    // A label without a value matters only when it switches the section.
    if value.is_empty() && !may_name_a_section(label) {
        return;
    }
    let found = state.words_in(label);
    let incoming = found.has(Found::INCOMING);
    let outgoing = found.has(Found::OUTGOING);
    let both = [Section::Incoming, Section::Outgoing];
    let current = [state.section.unwrap_or(Section::Incoming)];
    let sections: &[Section] = match (incoming, outgoing) {
        (true, true) => &both,
        (true, false) => &both[..1],
        (false, true) => &both[1..],
        (false, false) => &current,
    };
    if incoming != outgoing {
        state.section = sections.first().copied();
    }
    if incoming && !outgoing {
        set_protocol_from(state, found);
    }
    if value.is_empty() {
        return;
    }
    for (index, (kind, _)) in KINDS.iter().enumerate() {
        if found.kind(index) && assign(state, *kind, sections, value) {
            return;
        }
    }
    // "內送郵件 - POP3: so-net.net.tw", "Outgoing (SMTP): mail.lamtin.hk": a section label
    // whose value reads as a server name.
    if (incoming || outgoing) && value.contains(['.', '。']) && !value.contains('@') {
        assign(state, Kind::Host, sections, value);
    }
}

/// A line without a value: a heading that may switch the section and name the protocol.
fn read_heading(state: &mut State, line: &str) {
    if !at_most_chars(line, 60) || !may_name_a_section(line) {
        return;
    }
    let found = state.words_in(line);
    let incoming = found.has(Found::INCOMING);
    let outgoing = found.has(Found::OUTGOING);
    if incoming && !outgoing {
        state.section = Some(Section::Incoming);
        set_protocol_from(state, found);
    } else if outgoing && !incoming {
        state.section = Some(Section::Outgoing);
    }
}

fn set_protocol_from(state: &mut State, found: Found) {
    let slot = &mut state.settings.incoming.protocol;
    match (found.has(Found::IMAP), found.has(Found::POP)) {
        (true, false) => put(slot, "imap"),
        (false, true) => put(slot, "pop3"),
        _ => {}
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Prose such as "your full email address" instead of a value. A bracketed placeholder is
/// kept: it is exactly what `check` should flag.
fn is_prose(value: &str) -> bool {
    let bracketed = value.starts_with(['[', '<', '【', '{']);
    !bracketed && (value.contains(' ') || value.chars().any(is_cjk))
}

/// A sentence rather than a server name. Ideographs alone may be an internationalized name
/// (`mail.例子.香港`) and full-width dots alone a typing slip (`mail。lamtin。hk`), both for
/// `check` to judge; ideographs with spaces or sentence punctuation are prose.
fn is_prose_host(host: &str) -> bool {
    let ideographs = host.chars().any(is_cjk);
    host.chars().count() > 253
        || host.contains(' ')
        || (ideographs && host.contains(['，', '。', '、', '：', ',', '！', '？']))
        || (ideographs && !host.contains(['.', '。', '．']))
}

/// Cuts the examples and notes help pages write after a host: "mail.[yourdomain] e.g.
/// mail.example.com.hk", "so-net.net.tw (POP3)".
fn host_value(value: &str) -> &str {
    let lower = value.to_ascii_lowercase();
    let cut = [
        " e.g.", " eg.", " eg ", " 例如", "例如", " 例:", " (", "（", " 如:", " contoh",
    ]
    .iter()
    .filter_map(|m| find_bytes(lower.as_bytes(), m.as_bytes()))
    .min()
    .unwrap_or(value.len());
    value.get(..cut).unwrap_or(value).trim_matches([' ', '\t'])
}

/// Where `needle` starts in `hay`. For the short values of a paste this byte scan is faster
/// than `str::find`, whose searcher costs more to set up than the search: ten markers are
/// looked for in every host value of a paste. A match of UTF-8 in UTF-8 starts on a
/// character boundary.
fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The port text: as typed when the value is just a number; otherwise the number for this
/// side's protocol from "993 (IMAP) / 995 (POP)", or the first number.
fn port_value(value: &str, protocol: Option<Protocol>) -> Option<String> {
    let plain = value
        .chars()
        .all(|c| is_digit_like(c) || crate::text::is_unwanted_space(c));
    if plain {
        return Some(value.to_string());
    }
    let parts: Vec<&str> = value.split(['/', '、', ',', '，', ';']).collect();
    let wanted = protocol.map(|p| match p {
        Protocol::Imap => "imap",
        Protocol::Pop3 => "pop",
        Protocol::Smtp => "smtp",
    });
    let chosen = wanted
        .and_then(|w| parts.iter().find(|p| p.to_ascii_lowercase().contains(w)))
        .or(parts.first())?;
    let start = chosen.find(is_digit_like)?;
    let digits: String = chosen
        .get(start..)?
        .chars()
        .take_while(|c| is_digit_like(*c))
        .collect();
    (!digits.is_empty()).then_some(digits)
}

fn security_value(value: &str) -> Option<SecurityInput> {
    if let Some(s) = Security::parse(value) {
        return Some(s);
    }
    let lower = value.to_ascii_lowercase();
    if lower.contains("starttls") {
        return Some(SecurityInput::Exact(Security::Starttls));
    }
    if lower.contains("ssl") || lower.contains("tls") {
        return Some(SecurityInput::Exact(Security::Tls));
    }
    const YES: &[&str] = &[
        "yes",
        "ya",
        "on",
        "checked",
        "開啟",
        "开启",
        "點選",
        "点选",
        "剔選",
        "勾選",
        "勾选",
        "是",
        "啟用",
        "启用",
        "需要",
        "diperlukan",
        "hidup",
    ];
    const NO: &[&str] = &[
        "no", "off", "none", "tidak", "tiada", "否", "關閉", "关闭", "留空", "不", "無", "无",
    ];
    // Negative words first: "不需要" is a no although it contains 需要.
    if NO
        .iter()
        .any(|w| lower == *w || (w.chars().count() > 1 && lower.contains(w)))
        || lower.starts_with('不')
    {
        return Some(SecurityInput::Exact(Security::None));
    }
    if contains_any(&lower, YES) {
        return Some(SecurityInput::Encrypted);
    }
    None
}

fn auth_value(value: &str) -> Option<bool> {
    let lower = value.to_ascii_lowercase();
    match security_value(value) {
        Some(SecurityInput::Exact(Security::None)) => Some(false),
        Some(_) => Some(true),
        None if contains_any(&lower, &["password", "密碼", "密码", "kata laluan"]) => {
            Some(true)
        }
        None => None,
    }
}

/// Writes a value of `kind` into the sections; false when the value does not fit the kind,
/// so that the next kind may be tried.
fn assign(state: &mut State, kind: Kind, sections: &[Section], value: &str) -> bool {
    let s = &mut state.settings;
    match kind {
        Kind::Email => {
            let Some(token) = value
                .split(' ')
                .find(|t| t.contains('@') || t.contains('＠'))
            else {
                return false;
            };
            put(&mut s.email, token);
        }
        Kind::Username => {
            if is_prose(value) {
                return false;
            }
            for section in sections {
                match section {
                    Section::Incoming => put(&mut s.incoming.username, value),
                    Section::Outgoing => put(&mut s.outgoing.username, value),
                }
            }
        }
        Kind::Host => {
            let host = host_value(value);
            if host.is_empty() || is_prose_host(host) {
                return false;
            }
            for section in sections {
                match section {
                    Section::Incoming => put(&mut s.incoming.host, host),
                    Section::Outgoing => put(&mut s.outgoing.host, host),
                }
            }
        }
        Kind::Port => {
            for section in sections {
                match section {
                    Section::Incoming => {
                        let protocol = s
                            .incoming
                            .protocol
                            .as_deref()
                            .and_then(Protocol::parse_incoming);
                        match port_value(value, protocol) {
                            Some(p) => s.incoming.port = Some(p),
                            None => return false,
                        }
                    }
                    Section::Outgoing => match port_value(value, Some(Protocol::Smtp)) {
                        Some(p) => s.outgoing.port = Some(p),
                        None => return false,
                    },
                }
            }
        }
        Kind::Security => {
            let Some(security) = security_value(value) else {
                return false;
            };
            for section in sections {
                match section {
                    Section::Incoming => state.incoming_security = Some(security),
                    Section::Outgoing => state.outgoing_security = Some(security),
                }
            }
        }
        Kind::Auth => {
            let Some(auth) = auth_value(value) else {
                return false;
            };
            s.outgoing.auth = Some(auth);
        }
        Kind::Protocol => match protocols_named(&value.to_ascii_lowercase()) {
            (true, false) => put(&mut s.incoming.protocol, "imap"),
            (false, true) => put(&mut s.incoming.protocol, "pop3"),
            _ => return false,
        },
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_str_lines() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\n",
            "a\r",
            "\r\n\r\n",
            "a\n\nb",
            "a\r\nb\r",
            "伺服器\r\n連接埠：993\n",
            "x\ry\n",
            "\n\n\n",
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn find_bytes_finds_as_str_find() {
        for hay in [
            "",
            "mail.lamtin.hk (imap)",
            "例如 mail.例子.香港",
            " e.g. x",
            "（舊）",
        ] {
            for needle in ["", " e.g.", "例如", " (", "（", "香港", "x"] {
                assert_eq!(
                    find_bytes(hay.as_bytes(), needle.as_bytes()),
                    hay.find(needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn reads_the_icloud_page_in_malay() {
        let text = "Tetapan IMAP untuk Pelayan Mel Masuk\n\
            - Nama pelayan: imap.mail.me.com\n- SSL diperlukan: Ya\n- Port: 993\n\
            - Nama pengguna: Taip bahagian nama sahaja alamat e-mel iCloud anda.\n\
            Tetapan SMTP Mel iCloud untuk Pelayan Mel Keluar\n\
            - Nama pelayan: smtp.mail.me.com\n- SSL diperlukan: Ya\n- Port: 587\n\
            - Pengesahan SMTP diperlukan: Ya\n";
        let s = parse_settings(text);
        assert_eq!(s.incoming.protocol.as_deref(), Some("imap"));
        assert_eq!(s.incoming.host.as_deref(), Some("imap.mail.me.com"));
        assert_eq!(s.incoming.port.as_deref(), Some("993"));
        assert_eq!(s.incoming.security.as_deref(), Some("tls"));
        assert_eq!(s.incoming.username, None);
        assert_eq!(s.outgoing.host.as_deref(), Some("smtp.mail.me.com"));
        assert_eq!(s.outgoing.port.as_deref(), Some("587"));
        assert_eq!(s.outgoing.security.as_deref(), Some("starttls"));
        assert_eq!(s.outgoing.auth, Some(true));
    }
}
