//! Bounds on a connection's life beyond reading its requests: a client that stops reading
//! its answers, or keeps one connection open forever, must not keep a slot that another
//! client needs.
//!
//! [`Watched`] wraps the socket and notes since when a write has been waiting for the client
//! to read (the kernel's send buffer full). [`Watch::ended`] resolves when that wait passes
//! the write timeout, when the connection's lifetime is over, or when admission evicts it to
//! make room: the accept loop drops the connection then. Waiting for our own work (a probe
//! that takes seconds) is not waiting on the client and never counts.

use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// What one connection shares with the accept loop.
pub struct Watch {
    born: Instant,
    /// Milliseconds after `born` (plus one, so that 0 means "not waiting") since which a
    /// write has been waiting on the client.
    blocked_since: AtomicU64,
    evict: tokio::sync::Notify,
}

/// Why a connection was ended by its watch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// An answer was not read within the write timeout.
    Unread,
    /// The connection lived its whole lifetime.
    Lifetime,
    /// Admission needed its place for another client while its answer went unread.
    Evicted,
}

impl Ended {
    pub fn as_str(self) -> &'static str {
        match self {
            Ended::Unread => "unread",
            Ended::Lifetime => "lifetime",
            Ended::Evicted => "evicted",
        }
    }
}

impl Watch {
    pub fn new() -> Arc<Watch> {
        Arc::new(Watch {
            born: Instant::now(),
            blocked_since: AtomicU64::new(0),
            evict: tokio::sync::Notify::new(),
        })
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.born.elapsed().as_millis())
            .unwrap_or(u64::MAX - 1)
            .saturating_add(1)
    }

    fn blocked(&self) {
        let now = self.now_ms();
        let _ = self
            .blocked_since
            .compare_exchange(0, now, Ordering::Relaxed, Ordering::Relaxed);
    }

    fn moved(&self) {
        self.blocked_since.store(0, Ordering::Relaxed);
    }

    /// How long a write has been waiting on the client, if one is.
    pub fn unread_for(&self) -> Option<Duration> {
        match self.blocked_since.load(Ordering::Relaxed) {
            0 => None,
            since => Some(Duration::from_millis(self.now_ms().saturating_sub(since))),
        }
    }

    /// Ends the connection at once (admission needs its place).
    pub fn evict(&self) {
        self.evict.notify_one();
    }

    /// Resolves when the connection must end, and says why.
    pub async fn ended(&self, write_timeout: Duration, lifetime: Duration) -> Ended {
        let life_ends = tokio::time::Instant::from_std(self.born) + lifetime;
        loop {
            // Sleep until the earliest moment the answer could change.
            let next = match self.unread_for() {
                Some(waited) => tokio::time::Instant::now() + write_timeout.saturating_sub(waited),
                None => tokio::time::Instant::now() + write_timeout,
            };
            tokio::select! {
                _ = self.evict.notified() => return Ended::Evicted,
                _ = tokio::time::sleep_until(life_ends) => return Ended::Lifetime,
                _ = tokio::time::sleep_until(next.min(life_ends)) => {}
            }
            if self.unread_for().is_some_and(|w| w >= write_timeout) {
                return Ended::Unread;
            }
        }
    }
}

/// A socket whose writes tell its [`Watch`] when they wait on the client.
pub struct Watched<S> {
    inner: S,
    watch: Arc<Watch>,
}

impl<S> Watched<S> {
    pub fn new(inner: S, watch: Arc<Watch>) -> Watched<S> {
        Watched { inner, watch }
    }

    fn note<T>(&self, poll: Poll<std::io::Result<T>>) -> Poll<std::io::Result<T>> {
        match &poll {
            Poll::Pending => self.watch.blocked(),
            Poll::Ready(_) => self.watch.moved(),
        }
        poll
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Watched<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Watched<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let poll = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.note(poll)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let poll = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.note(poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let poll = Pin::new(&mut self.inner).poll_flush(cx);
        self.note(poll)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
