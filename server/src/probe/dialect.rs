//! The words of each protocol the probe speaks: what a greeting looks like, the first
//! command, STARTTLS and QUIT, and what another protocol's greeting gives away.

use maillint::settings::Protocol;

/// The protocol's words.
pub struct Dialect {
    pub protocol: Protocol,
}

impl Dialect {
    pub fn greeting_ok(&self, line: &str) -> bool {
        match self.protocol {
            Protocol::Imap => line.starts_with("* OK") || line.starts_with("* PREAUTH"),
            Protocol::Pop3 => line.starts_with("+OK"),
            Protocol::Smtp => line.starts_with("220"),
        }
    }
    /// What another protocol's greeting or an HTTP reply says the port speaks.
    pub fn other(line: &str) -> Option<&'static str> {
        if line.starts_with("HTTP/") {
            Some("HTTP")
        } else if line.starts_with("* OK")
            || line.starts_with("* PREAUTH")
            || line.starts_with("* BYE")
        {
            Some("IMAP")
        } else if line.starts_with("+OK") || line.starts_with("-ERR") {
            Some("POP3")
        } else if line
            .get(..3)
            .is_some_and(|c| c.bytes().all(|b| b.is_ascii_digit()))
        {
            Some("SMTP")
        } else if line.starts_with("SSH-") {
            Some("SSH")
        } else {
            None
        }
    }
    pub fn first_command(&self) -> &'static str {
        match self.protocol {
            Protocol::Imap => "a1 CAPABILITY\r\n",
            Protocol::Pop3 => "CAPA\r\n",
            Protocol::Smtp => "EHLO maillint.invalid\r\n",
        }
    }
    pub fn starttls_word(&self) -> &'static str {
        match self.protocol {
            Protocol::Pop3 => "STLS",
            _ => "STARTTLS",
        }
    }
    pub fn quit(&self) -> &'static str {
        match self.protocol {
            Protocol::Imap => "a9 LOGOUT\r\n",
            _ => "QUIT\r\n",
        }
    }
}
