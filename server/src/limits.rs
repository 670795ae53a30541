//! Rate limits: per client (IPv6 clients by /64, so one host cannot rotate through its
//! addresses), per probe target and per discovered domain. With `--redis`, every instance
//! counts in the same Redis, atomically (one Lua script a take: refill, take, store, with
//! Redis's own clock), so N instances enforce one limit. In memory otherwise, and whenever
//! Redis is unreachable or slower than [`REDIS_TIMEOUT`]: then each instance keeps its own
//! limits (governor's GCRA), keeps serving, logs the change once, counts each fallback in the
//! metrics, and goes back to Redis when it answers again.

use std::fmt::Display;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::Script;

/// How long one Redis answer may take before the in-memory limit answers instead.
pub const REDIS_TIMEOUT: Duration = Duration::from_millis(50);
/// The most keys kept in memory; past it, keys whose bucket is full again are dropped.
const MAX_KEYS: usize = 100_000;

/// One token-bucket take, atomic in Redis: refill by the time passed (Redis's clock, so
/// instances with skewed clocks agree), take a token or say how long until there is one,
/// store, and let the key expire once it would be full again.
const TAKE: &str = r"
local burst = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * per_ms)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) / per_ms)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / per_ms) + 1000)
return wait
";

/// The shared Redis of all instances, or nothing while it cannot be reached.
pub struct Redis {
    conn: RwLock<Option<ConnectionManager>>,
    script: Script,
    /// Said once when Redis stops answering, and once when it is back.
    down: AtomicBool,
}

impl Redis {
    /// Connects in the background: the server starts and serves whether Redis is up or not.
    pub fn start(url: &str) -> Result<Arc<Redis>, String> {
        let client = redis::Client::open(url).map_err(|e| format!("--redis {url}: {e}"))?;
        let redis = Arc::new(Redis {
            conn: RwLock::new(None),
            script: Script::new(TAKE),
            down: AtomicBool::new(false),
        });
        let weak = Arc::downgrade(&redis);
        tokio::spawn(async move {
            loop {
                let config = ConnectionManagerConfig::new()
                    .set_connection_timeout(Duration::from_millis(500))
                    .set_response_timeout(REDIS_TIMEOUT)
                    .set_number_of_retries(1)
                    .set_max_delay(1000);
                match ConnectionManager::new_with_config(client.clone(), config).await {
                    Ok(conn) => {
                        let Some(redis) = weak.upgrade() else { return };
                        if let Ok(mut slot) = redis.conn.write() {
                            *slot = Some(conn);
                        }
                        tracing::info!("redis: connected; limits are shared");
                        return;
                    }
                    Err(e) => {
                        let Some(redis) = weak.upgrade() else { return };
                        redis.went_down(&e.to_string());
                        drop(redis);
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(redis)
    }

    fn went_down(&self, why: &str) {
        if !self.down.swap(true, Ordering::Relaxed) {
            tracing::warn!(
                error = why,
                "redis unreachable; each instance limits on its own until it is back"
            );
        }
    }

    /// One take in Redis; `None` when Redis did not answer in time.
    async fn take(&self, key: &str, burst: u32, per_minute: u32) -> Option<Result<(), Duration>> {
        let mut conn = self.conn.read().ok()?.clone()?;
        let per_ms = f64::from(per_minute.max(1)) / 60_000.0;
        let mut invocation = self.script.key(key);
        invocation.arg(burst.max(1)).arg(per_ms);
        let call = invocation.invoke_async::<u64>(&mut conn);
        match tokio::time::timeout(REDIS_TIMEOUT, call).await {
            Ok(Ok(wait)) => {
                if self.down.swap(false, Ordering::Relaxed) {
                    tracing::info!("redis answers again; limits are shared");
                }
                Some(if wait == 0 {
                    Ok(())
                } else {
                    Err(Duration::from_millis(wait).max(Duration::from_secs(1)))
                })
            }
            Ok(Err(e)) => {
                self.went_down(&e.to_string());
                None
            }
            Err(_) => {
                self.went_down("no answer within 50 ms");
                None
            }
        }
    }
}

impl Redis {
    /// A value kept by any instance (discovery's answers); `None` when absent or when Redis
    /// does not answer in time.
    pub async fn get(&self, key: &str) -> Option<String> {
        let mut conn = self.conn.read().ok()?.clone()?;
        let mut cmd = redis::cmd("GET");
        cmd.arg(key);
        let call = cmd.query_async::<Option<String>>(&mut conn);
        tokio::time::timeout(REDIS_TIMEOUT, call).await.ok()?.ok()?
    }

    /// Keeps a value for `seconds`, for every instance; silently nothing when Redis is away.
    pub async fn set(&self, key: &str, value: &str, seconds: u64) {
        let Some(mut conn) = self.conn.read().ok().and_then(|c| c.clone()) else {
            return;
        };
        let mut cmd = redis::cmd("SET");
        cmd.arg(key).arg(value).arg("EX").arg(seconds.max(1));
        let call = cmd.query_async::<()>(&mut conn);
        let _ = tokio::time::timeout(REDIS_TIMEOUT, call).await;
    }
}

/// Limits of one kind (`client`, `target`, `domain`): `burst` at once, refilled at
/// `per_minute`, in Redis when there is one, in memory otherwise.
pub struct Limiter<K: Hash + Eq + Clone> {
    local: DefaultKeyedRateLimiter<K>,
    per_minute: u32,
    burst: u32,
    kind: &'static str,
    redis: Option<Arc<Redis>>,
}

impl<K: Hash + Eq + Clone + Display> Limiter<K> {
    pub fn new(per_minute: u32, burst: u32) -> Limiter<K> {
        let per_minute = per_minute.max(1);
        let burst = burst.max(1);
        let quota = Quota::per_minute(NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN))
            .allow_burst(NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN));
        Limiter {
            local: RateLimiter::keyed(quota),
            per_minute,
            burst,
            kind: "limit",
            redis: None,
        }
    }

    /// Counts in `redis` (when given) under keys named `maillint:<kind>:<key>`.
    pub fn shared(mut self, kind: &'static str, redis: Option<Arc<Redis>>) -> Limiter<K> {
        self.kind = kind;
        self.redis = redis;
        self
    }

    /// Takes one token for `key`; when none is left, says how long until there is one.
    pub async fn take(&self, key: &K) -> Result<(), Duration> {
        if let Some(redis) = &self.redis {
            let name = format!("maillint:{}:{key}", self.kind);
            match redis.take(&name, self.burst, self.per_minute).await {
                Some(answer) => return answer,
                None => metrics::counter!("maillint_redis_fallbacks_total", "limit" => self.kind)
                    .increment(1),
            }
        }
        self.take_local(key)
    }

    fn take_local(&self, key: &K) -> Result<(), Duration> {
        if self.local.len() >= MAX_KEYS {
            self.local.retain_recent();
        }
        self.local.check_key(key).map_err(|not_until| {
            not_until
                .wait_time_from(DefaultClock::default().now())
                .max(Duration::from_secs(1))
        })
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

    #[tokio::test]
    async fn bursts_then_waits() {
        let l: Limiter<String> = Limiter::new(60, 3);
        let k = "a".to_string();
        for _ in 0..3 {
            assert!(l.take(&k).await.is_ok());
        }
        let wait = l.take(&k).await.unwrap_err();
        assert!(
            wait >= Duration::from_secs(1) && wait <= Duration::from_secs(2),
            "{wait:?}"
        );
        // Another key has its own bucket.
        assert!(l.take(&"b".to_string()).await.is_ok());
    }

    #[test]
    fn ipv6_clients_count_by_their_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1"
            .parse()
            .unwrap_or(IpAddr::V4([0; 4].into()));
        let b: IpAddr = "2001:db8:1:2:bbbb::9"
            .parse()
            .unwrap_or(IpAddr::V4([0; 4].into()));
        assert_eq!(client_key(a), client_key(b));
        let mapped: IpAddr = "::ffff:192.0.2.1"
            .parse()
            .unwrap_or(IpAddr::V4([0; 4].into()));
        assert_eq!(
            client_key(mapped),
            "192.0.2.1".parse::<IpAddr>().unwrap_or(mapped)
        );
    }
}
