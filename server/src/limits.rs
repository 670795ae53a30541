//! Rate limits: token buckets per client (IPv6 clients by /64, so one host cannot rotate
//! through its addresses) and per target, kept in memory and pruned as they fill.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// A set of token buckets: `burst` at once, refilled at `per_minute`.
pub struct Limiter<K> {
    buckets: Mutex<HashMap<K, Bucket>>,
    burst: f64,
    per_second: f64,
}

/// The most keys kept; past it, full buckets (idle clients) are dropped.
const MAX_KEYS: usize = 100_000;

impl<K: std::hash::Hash + Eq + Clone> Limiter<K> {
    pub fn new(per_minute: u32, burst: u32) -> Limiter<K> {
        Limiter {
            buckets: Mutex::new(HashMap::new()),
            burst: f64::from(burst.max(1)),
            per_second: f64::from(per_minute) / 60.0,
        }
    }

    /// Takes one token for `key`; when none is left, says how long until there is one.
    pub fn take(&self, key: &K, now: Instant) -> Result<(), Duration> {
        let Ok(mut map) = self.buckets.lock() else {
            return Ok(());
        };
        if map.len() >= MAX_KEYS {
            let (burst, rate) = (self.burst, self.per_second);
            map.retain(|_, b| b.tokens + now.duration_since(b.at).as_secs_f64() * rate < burst);
        }
        let bucket = map.entry(key.clone()).or_insert(Bucket {
            tokens: self.burst,
            at: now,
        });
        let refilled =
            bucket.tokens + now.duration_since(bucket.at).as_secs_f64() * self.per_second;
        bucket.tokens = refilled.min(self.burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else if self.per_second > 0.0 {
            Err(Duration::from_secs_f64(
                ((1.0 - bucket.tokens) / self.per_second).max(1.0),
            ))
        } else {
            Err(Duration::from_secs(60))
        }
    }
}

/// The key a client is limited by: its IPv4 address, or its IPv6 /64.
pub fn client_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6((u128::from(v6) & (u128::MAX << 64)).into()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bursts_then_refills() {
        let l = Limiter::new(60, 3);
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(l.take(&"a", t0).is_ok());
        }
        assert!(l.take(&"a", t0).is_err());
        assert!(l.take(&"b", t0).is_ok());
        assert!(l.take(&"a", t0 + Duration::from_millis(1100)).is_ok());
    }

    #[test]
    fn ipv6_clients_share_their_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1"
            .parse()
            .unwrap_or(IpAddr::V4([0, 0, 0, 0].into()));
        let b: IpAddr = "2001:db8:1:2:bbbb::9"
            .parse()
            .unwrap_or(IpAddr::V4([0, 0, 0, 0].into()));
        assert_eq!(client_key(a), client_key(b));
    }
}
