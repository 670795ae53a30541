//! A connection read line by line with hard bounds: a line longer than the protocol allows,
//! binary junk, or nothing complete before the deadline ends in an error, never a hung task
//! or a growing buffer (drip feeds included: the deadline covers the whole line).

use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::{timeout_at, Instant};
use tokio_rustls::client::TlsStream;

use maillint::messages::StepText;

use super::Note;

/// The longest line read. RFC 5321 allows 512 octets a reply line and IMAP lines are
/// unbounded in theory; 8 KiB leaves room for long capability lists.
pub const MAX_LINE: usize = 8192;

/// The most bytes one reply may take in all: a multi-line greeting, a capability list, the
/// lines before a STARTTLS answer. A real one is a few hundred bytes; past this it is a
/// bad response, however the server spreads it over lines.
pub const MAX_REPLY: usize = 64 * 1024;

/// What is left of one reply's [`MAX_REPLY`].
pub struct Budget {
    left: usize,
}

impl Budget {
    pub fn reply() -> Budget {
        Budget { left: MAX_REPLY }
    }
}

/// A plain or TLS connection.
pub enum Conn {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

impl AsyncRead for Conn {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_flush(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum LineError {
    /// Nothing complete before the deadline; `partial` when some bytes did come.
    Timeout {
        partial: bool,
    },
    TooLong,
    Binary,
    Closed,
    Io(String),
    /// A bound on a reply was passed; says which.
    TooMuch(StepText),
}

impl LineError {
    /// What went wrong, for a step's detail.
    pub fn detail(&self) -> Note {
        Note::text(match self {
            LineError::TooLong => StepText::LineTooLong,
            LineError::Binary => StepText::BinaryData,
            LineError::Closed => StepText::ServerClosed,
            LineError::Timeout { partial: true } => StepText::IncompleteThenSilence,
            LineError::Timeout { partial: false } => StepText::Silence,
            LineError::Io(_) => StepText::NetworkError,
            LineError::TooMuch(what) => *what,
        })
    }

    /// Whether the server sent something no mail server sends (bad-response), rather than
    /// too little (silence, a closed connection).
    pub fn is_bad_response(&self) -> bool {
        matches!(
            self,
            LineError::TooLong | LineError::Binary | LineError::TooMuch(_)
        )
    }
}

/// A connection with its read buffer.
pub struct Lines {
    pub conn: Conn,
    buf: Vec<u8>,
}

impl Lines {
    pub fn new(conn: Conn) -> Lines {
        Lines {
            conn,
            buf: Vec::new(),
        }
    }

    /// Bytes received but not read as a line yet.
    pub fn pending(&self) -> usize {
        self.buf.len()
    }

    /// Gives back the plain stream for a STARTTLS upgrade, with what was still buffered.
    pub fn into_plain(self) -> Option<(TcpStream, Vec<u8>)> {
        match self.conn {
            Conn::Plain(s) => Some((s, self.buf)),
            Conn::Tls(_) => None,
        }
    }

    pub async fn send(&mut self, line: &str, deadline: Instant) -> Result<(), LineError> {
        let write = async {
            self.conn.write_all(line.as_bytes()).await?;
            self.conn.flush().await
        };
        match timeout_at(deadline, write).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(LineError::Io(e.to_string())),
            Err(_) => Err(LineError::Timeout { partial: false }),
        }
    }

    /// Reads one line of a reply (without its CRLF), counted against the reply's budget.
    pub async fn reply_line(
        &mut self,
        deadline: Instant,
        budget: &mut Budget,
    ) -> Result<String, LineError> {
        let line = self.line(deadline).await?;
        budget.left = budget
            .left
            .checked_sub(line.len() + 2)
            .ok_or(LineError::TooMuch(StepText::ReplyTooLong))?;
        Ok(line)
    }

    /// Reads one line (without its CRLF).
    pub async fn line(&mut self, deadline: Instant) -> Result<String, LineError> {
        loop {
            // Checked on every line, also those already buffered: a server that sends many
            // lines at once cannot keep a probe past its deadline.
            if Instant::now() >= deadline {
                return Err(LineError::Timeout {
                    partial: !self.buf.is_empty(),
                });
            }
            if let Some(end) = self.buf.iter().position(|b| *b == b'\n') {
                let mut line: Vec<u8> = self.buf.drain(..=end).collect();
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                if line.contains(&0) {
                    return Err(LineError::Binary);
                }
                return String::from_utf8(line).map_err(|_| LineError::Binary);
            }
            if self.buf.len() > MAX_LINE {
                return Err(LineError::TooLong);
            }
            if self.buf.len() >= 4
                && self
                    .buf
                    .iter()
                    .take(64)
                    .filter(|b| **b < 0x09 || **b == 0x7f)
                    .count()
                    > 2
            {
                return Err(LineError::Binary);
            }
            let mut chunk = [0u8; 2048];
            match timeout_at(deadline, self.conn.read(&mut chunk)).await {
                Ok(Ok(0)) => return Err(LineError::Closed),
                Ok(Ok(n)) => self.buf.extend_from_slice(chunk.get(..n).unwrap_or(&[])),
                Ok(Err(e)) => return Err(LineError::Io(e.to_string())),
                Err(_) => {
                    return Err(LineError::Timeout {
                        partial: !self.buf.is_empty(),
                    })
                }
            }
        }
    }
}
