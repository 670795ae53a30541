//! The settings a customer types, as typed, and the small vocabulary used to talk about them.
//!
//! Every value is kept exactly as entered (a port stays text, so `"993 "` and `"９９３"` can be
//! flagged); rules read cleaned views of it from [`crate::context::Context`].

use serde::{Deserialize, Serialize};

/// One mail account's settings, as typed or pasted. Every field is optional: the form is
/// checked while it is being filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub email: Option<String>,
    pub incoming: IncomingSettings,
    pub outgoing: OutgoingSettings,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomingSettings {
    /// `imap` or `pop3` (also `pop`), any case.
    pub protocol: Option<String>,
    pub host: Option<String>,
    pub port: Option<String>,
    /// `tls`, `starttls`, `none` or one of the aliases [`Security::parse`] accepts.
    pub security: Option<String>,
    pub username: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingSettings {
    pub host: Option<String>,
    pub port: Option<String>,
    pub security: Option<String>,
    pub username: Option<String>,
    /// "My outgoing server requires authentication".
    pub auth: Option<bool>,
}

/// The mail protocols a client speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Imap,
    Pop3,
    Smtp,
}

impl Protocol {
    pub const ALL: [Protocol; 3] = [Protocol::Imap, Protocol::Pop3, Protocol::Smtp];

    /// Reads an incoming protocol as typed: `imap`, `pop3`, `pop` in any case.
    pub fn parse_incoming(text: &str) -> Option<Protocol> {
        match text.trim().to_ascii_lowercase().as_str() {
            "imap" | "imap4" => Some(Protocol::Imap),
            "pop" | "pop3" => Some(Protocol::Pop3),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Imap => "imap",
            Protocol::Pop3 => "pop3",
            Protocol::Smtp => "smtp",
        }
    }

    /// The name shown to people (the same in every locale).
    pub fn label(self) -> &'static str {
        match self {
            Protocol::Imap => "IMAP",
            Protocol::Pop3 => "POP3",
            Protocol::Smtp => "SMTP",
        }
    }

    /// The ports assigned to this protocol (RFC 8314 section 7.3, RFC 6409, RFC 5321).
    pub fn standard_ports(self) -> &'static [u16] {
        match self {
            Protocol::Imap => &[143, 993],
            Protocol::Pop3 => &[110, 995],
            Protocol::Smtp => &[25, 465, 587],
        }
    }

    /// The protocol a standard mail port belongs to.
    pub fn owning(port: u16) -> Option<Protocol> {
        Protocol::ALL
            .into_iter()
            .find(|p| p.standard_ports().contains(&port))
    }

    /// The standard port for this protocol with the given security (RFC 8314 section 3.3 for
    /// implicit TLS, RFC 6409 for submission on 587).
    pub fn standard_port(self, security: Security) -> u16 {
        match (self, security) {
            (Protocol::Imap, Security::Tls) => 993,
            (Protocol::Imap, _) => 143,
            (Protocol::Pop3, Security::Tls) => 995,
            (Protocol::Pop3, _) => 110,
            (Protocol::Smtp, Security::Tls) => 465,
            (Protocol::Smtp, _) => 587,
        }
    }
}

/// How the connection is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// Implicit TLS: encrypted from the first byte ("SSL/TLS" in most clients).
    Tls,
    /// Plain text first, then upgraded with STARTTLS (STLS in POP3).
    Starttls,
    /// No encryption.
    None,
}

/// A security value as typed: either definite, or "encrypted" without saying which kind
/// (the help pages' "SSL required: Yes"), which the port then decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecurityInput {
    Exact(Security),
    Encrypted,
}

impl Security {
    /// Reads a security value, case-insensitively, with the aliases clients and help pages use.
    pub fn parse(text: &str) -> Option<SecurityInput> {
        let trimmed = text.trim();
        // A short word without spaces (what a client's menu or a form sends, "SSL/TLS") is
        // lower-cased on the stack: both sides are read at every keystroke.
        let mut small = [0u8; 24];
        let copied;
        let t = match small.get_mut(..trimmed.len()) {
            Some(room) if trimmed.bytes().all(|b| b.is_ascii_graphic()) => {
                for (to, from) in room.iter_mut().zip(trimmed.bytes()) {
                    *to = from.to_ascii_lowercase();
                }
                std::str::from_utf8(room).unwrap_or("")
            }
            _ => {
                copied = trimmed
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                copied.as_str()
            }
        };
        let exact = match t {
            "tls" | "ssl" | "ssl/tls" | "tls/ssl" | "implicittls" | "ssl/tls(implicit)" => {
                Security::Tls
            }
            "starttls" | "start-tls" | "stls" | "explicittls" => Security::Starttls,
            "none" | "plain" | "off" | "no" | "false" | "tiada" | "tidak" | "無" | "无" | "否"
            | "關閉" | "关闭" => Security::None,
            "yes" | "true" | "on" | "ya" | "是" | "開啟" | "开启" | "啟用" | "启用" => {
                return Some(SecurityInput::Encrypted)
            }
            _ => return None,
        };
        Some(SecurityInput::Exact(exact))
    }

    /// Decides "encrypted" by the port: implicit TLS on the implicit-TLS ports, STARTTLS on
    /// the ports that start in plain text, implicit TLS when the port says nothing.
    pub fn resolve(input: SecurityInput, port: Option<u16>) -> Security {
        match input {
            SecurityInput::Exact(s) => s,
            SecurityInput::Encrypted => match port {
                Some(143 | 110 | 587 | 25 | 2525) => Security::Starttls,
                _ => Security::Tls,
            },
        }
    }

    /// The security a standard port starts with: implicit TLS on 993, 995 and 465 (RFC 8314),
    /// plain text to be upgraded with STARTTLS on 143, 110, 587 and 25.
    pub fn of_standard_port(port: u16) -> Option<Security> {
        match port {
            993 | 995 | 465 => Some(Security::Tls),
            143 | 110 | 587 | 25 => Some(Security::Starttls),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Security::Tls => "tls",
            Security::Starttls => "starttls",
            Security::None => "none",
        }
    }
}

/// Where a finding belongs: a path in the settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Email,
    IncomingProtocol,
    IncomingHost,
    IncomingPort,
    IncomingSecurity,
    IncomingUsername,
    OutgoingHost,
    OutgoingPort,
    OutgoingSecurity,
    OutgoingUsername,
    OutgoingAuth,
}

impl Field {
    /// Every field, in form order (which is also the order findings are reported in).
    pub const ALL: [Field; 11] = [
        Field::Email,
        Field::IncomingProtocol,
        Field::IncomingHost,
        Field::IncomingPort,
        Field::IncomingSecurity,
        Field::IncomingUsername,
        Field::OutgoingHost,
        Field::OutgoingPort,
        Field::OutgoingSecurity,
        Field::OutgoingUsername,
        Field::OutgoingAuth,
    ];

    /// The field's place in [`Field::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    pub fn path(self) -> &'static str {
        match self {
            Field::Email => "email",
            Field::IncomingProtocol => "incoming.protocol",
            Field::IncomingHost => "incoming.host",
            Field::IncomingPort => "incoming.port",
            Field::IncomingSecurity => "incoming.security",
            Field::IncomingUsername => "incoming.username",
            Field::OutgoingHost => "outgoing.host",
            Field::OutgoingPort => "outgoing.port",
            Field::OutgoingSecurity => "outgoing.security",
            Field::OutgoingUsername => "outgoing.username",
            Field::OutgoingAuth => "outgoing.auth",
        }
    }

    pub fn from_path(path: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.path() == path)
    }
}

impl Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.path())
    }
}

/// A value a fix writes into a field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    Port(u16),
    Bool(bool),
}

impl FieldValue {
    /// The value as a field's text (a port as its digits, a flag as `true` or `false`).
    pub fn to_text(&self) -> String {
        match self {
            FieldValue::Text(t) => t.clone(),
            FieldValue::Port(p) => {
                let mut digits = String::new();
                crate::text::push_number(&mut digits, u64::from(*p));
                digits
            }
            FieldValue::Bool(b) => b.to_string(),
        }
    }
}

impl Settings {
    /// Settings from each field's text, asked for in [`Field::ALL`] order: the one place
    /// where settings are put together field by field (the JS API's arguments, the widget's
    /// form). `outgoing.auth` reads `true` or `1` as on, any other text as off.
    pub fn from_fields(mut text: impl FnMut(Field) -> Option<String>) -> Settings {
        let mut settings = Settings::default();
        for field in Field::ALL {
            let value = text(field);
            match settings.text_slot(field) {
                Some(slot) => *slot = value,
                None => settings.outgoing.auth = value.map(|v| v == "true" || v == "1"),
            }
        }
        settings
    }

    /// Where a text field's value is kept; `None` for the one field that is no text
    /// (`outgoing.auth`).
    fn text_slot(&mut self, field: Field) -> Option<&mut Option<String>> {
        Some(match field {
            Field::Email => &mut self.email,
            Field::IncomingProtocol => &mut self.incoming.protocol,
            Field::IncomingHost => &mut self.incoming.host,
            Field::IncomingPort => &mut self.incoming.port,
            Field::IncomingSecurity => &mut self.incoming.security,
            Field::IncomingUsername => &mut self.incoming.username,
            Field::OutgoingHost => &mut self.outgoing.host,
            Field::OutgoingPort => &mut self.outgoing.port,
            Field::OutgoingSecurity => &mut self.outgoing.security,
            Field::OutgoingUsername => &mut self.outgoing.username,
            Field::OutgoingAuth => return None,
        })
    }

    /// Writes `value` into `field`, as the customer's click on a fix would.
    pub fn apply(&mut self, field: Field, value: &FieldValue) {
        match self.text_slot(field) {
            Some(slot) => *slot = Some(value.to_text()),
            None => {
                self.outgoing.auth = match value {
                    FieldValue::Bool(b) => Some(*b),
                    _ => None,
                }
            }
        }
    }

    /// The text typed in a field; `None` when it is absent or empty (not yet typed).
    pub fn text(&self, field: Field) -> Option<&str> {
        let value = match field {
            Field::Email => &self.email,
            Field::IncomingProtocol => &self.incoming.protocol,
            Field::IncomingHost => &self.incoming.host,
            Field::IncomingPort => &self.incoming.port,
            Field::IncomingSecurity => &self.incoming.security,
            Field::IncomingUsername => &self.incoming.username,
            Field::OutgoingHost => &self.outgoing.host,
            Field::OutgoingPort => &self.outgoing.port,
            Field::OutgoingSecurity => &self.outgoing.security,
            Field::OutgoingUsername => &self.outgoing.username,
            Field::OutgoingAuth => return None,
        };
        value.as_deref().filter(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::Field;

    #[test]
    fn a_fields_index_is_its_place_in_all() {
        for (i, f) in Field::ALL.iter().enumerate() {
            assert_eq!(f.index(), i, "{}", f.path());
        }
    }

    #[test]
    fn security_is_read_in_any_case_with_spaces_of_any_kind_removed() {
        use super::{Security, SecurityInput};
        use Security::{None as Plain, Starttls, Tls};
        let exact = |s| Some(SecurityInput::Exact(s));
        let cases = [
            ("tls", exact(Tls)),
            ("SSL", exact(Tls)),
            ("ssl/TLS", exact(Tls)),
            ("Implicit TLS", exact(Tls)),
            ("SSL/TLS (implicit)", exact(Tls)),
            ("\u{3000}tls\u{3000}", exact(Tls)),
            (" \tTLS\n", exact(Tls)),
            ("STARTTLS", exact(Starttls)),
            ("Start-TLS", exact(Starttls)),
            ("explicit tls", exact(Starttls)),
            ("Plain", exact(Plain)),
            ("OFF", exact(Plain)),
            ("Tiada", exact(Plain)),
            ("關閉", exact(Plain)),
            (" 无 ", exact(Plain)),
            ("Yes", Some(SecurityInput::Encrypted)),
            ("是", Some(SecurityInput::Encrypted)),
            ("", None),
            ("tlss", None),
            ("ＴＬＳ", None),
            ("SSL/TLS(implicit)          ", exact(Tls)),
            // Longer than the stack copy: read through the copying path, same answer.
            ("S S L / T L S ( I M P L I C I T )", exact(Tls)),
            ("starttlsstarttlsstarttlsstarttls", None),
        ];
        for (text, want) in cases {
            assert_eq!(Security::parse(text), want, "{text:?}");
        }
    }
}
