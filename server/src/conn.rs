//! Bounds on a connection's life beyond reading its requests: a client that stops reading
//! its answers, or keeps one connection open forever, must not keep a slot that another
//! client needs.
//!
//! [`Watched`] wraps the socket and notes since when a write has been waiting for the client
//! to read (the kernel's send buffer full). [`Watch::ended`] resolves when that wait passes
//! the write timeout, when the connection's lifetime is over, or when admission evicts it to
//! make room: the accept loop drops the connection then. Waiting for our own work (a probe
//! that takes seconds) is not waiting on the client and never counts.
//!
//! [`admit`] gives a new connection its place under the caps (in total and per client), or
//! makes one by ending the connection whose answer has gone unread longest.

use std::collections::HashMap;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::config::Config;

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

/// Open connections, in total and per client address (IPv6 by /64).
#[derive(Default)]
pub struct Connections {
    total: usize,
    per_client: HashMap<IpAddr, usize>,
    /// Each open connection's watch, by its slot number, so that admission can end one
    /// whose answer goes unread when every place is taken.
    watches: HashMap<u64, Arc<Watch>>,
    next_slot: u64,
}

/// One open connection's place in [`Connections`], given back when it closes.
pub struct Slot {
    open: Arc<Mutex<Connections>>,
    client: IpAddr,
    number: u64,
    pub watch: Arc<Watch>,
}

/// How long an answer must have waited before admission may end its connection for a
/// newcomer: a client reading normally never waits this long between two writes.
const EVICT_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.open.lock() {
            open.watches.remove(&self.number);
            open.total = open.total.saturating_sub(1);
            if let Some(n) = open.per_client.get_mut(&self.client) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    open.per_client.remove(&self.client);
                }
            }
        }
    }
}

/// Takes a place for a new connection from `client`, or `None` past either cap. When every
/// place is taken, the connection whose answer has gone unread longest (a second at least)
/// is ended to make room: clients that stop reading cannot hold the server.
pub fn admit(
    open: &Arc<Mutex<Connections>>,
    client: IpAddr,
    per_client: bool,
    config: &Config,
) -> Option<Slot> {
    let mut guard = open.lock().ok()?;
    let from_client = guard.per_client.get(&client).copied().unwrap_or(0);
    if per_client && from_client >= config.max_connections_per_client {
        return None;
    }
    if guard.total >= config.max_connections {
        let stalled = guard
            .watches
            .values()
            .filter_map(|w| w.unread_for().map(|d| (d, w)))
            .filter(|(d, _)| *d >= EVICT_AFTER)
            .max_by_key(|(d, _)| *d)
            .map(|(_, w)| w.clone())?;
        stalled.evict();
        metrics::counter!("maillint_connections_ended_total", "why" => Ended::Evicted.as_str())
            .increment(1);
    }
    guard.total += 1;
    guard.per_client.insert(client, from_client + 1);
    let number = guard.next_slot;
    guard.next_slot = guard.next_slot.wrapping_add(1);
    let watch = Watch::new();
    guard.watches.insert(number, watch.clone());
    Some(Slot {
        open: open.clone(),
        client,
        number,
        watch,
    })
}

/// What a connection past the caps is told before it is closed.
pub const TOO_MANY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: 48\r\n\r\n{\"ok\":false,\"error\":\"too many connections open\"}";
