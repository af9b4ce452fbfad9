//! A [`DeliveryStore`] on Redis, for a `commerce-webhooks` receiver that runs as many
//! instances: each webhook delivery is handled once, whichever instance receives it.
//!
//! ```no_run
//! use commerce_webhooks::dedup::{Claim, DeliveryStore};
//! use commerce_webhooks_redis::RedisStore;
//! use std::time::Duration;
//!
//! # async fn run() -> Result<(), commerce_webhooks::dedup::StoreError> {
//! let store = RedisStore::connect("redis://:password@127.0.0.1:6379/0")
//!     .await?
//!     .prefix("hooks:");
//! if let Claim::Claimed(token) = store.claim("leasecloud:evt_1", Duration::from_secs(30)).await? {
//!     // ... handle the delivery, then:
//!     store.complete("leasecloud:evt_1", &token, Duration::from_secs(7 * 24 * 3600)).await?;
//! }
//! # Ok(())
//! # }
//! ```
//!
//! How the store keeps the [`DeliveryStore`] semantics on a server shared by many clients:
//!
//! - A claim is one atomic `SET key token NX PX lease GET`: it takes a free key, or answers
//!   what holds it (`GET`), in one round trip. Redis expires the key when the lease runs out.
//! - A completed key holds an empty value (no token is ever empty) with `PX keep_for`.
//! - `complete` and `release` run a Lua script that compares the key's value with the token
//!   and changes the key only when they are equal, atomically: a slow handler whose lease
//!   passed to another instance changes nothing of the new claim.
//!
//! Redis 7.0 or later (or Valkey) is needed, for `SET` with both `NX` and `GET`.
//!
//! Every call is bounded in time (1 s unless [`RedisStore::timeout`] says otherwise): a
//! timeout is [`StoreError::TimedOut`], a lost connection [`StoreError::Unreachable`], and the
//! connection comes back by itself when Redis does. A call that timed out may still have taken
//! effect: a claim may hold its key until the lease runs out (the delivery then answers
//! [`Claim::InProgress`] until then), and a
//! `complete` that did not happen lets a retry run the handler again after the lease.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

use std::fmt;
use std::future::Future;
use std::time::Duration;

use commerce_webhooks::dedup::{
    check_duration, check_key, Claim, ClaimToken, DeliveryStore, StoreError, StoreFuture,
};
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{Client, ConnectionAddr, RedisError, Script};

/// What a completed key holds: the empty string, which no [`ClaimToken`] can equal.
const DONE: &str = "";

/// Sets the key to [`DONE`] (`ARGV[3]`) for `ARGV[2]` ms, if it holds the token `ARGV[1]`.
const COMPLETE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
    redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[2])
    return 1
end
return 0
";

/// Deletes the key if it holds the token `ARGV[1]`.
const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
    redis.call('DEL', KEYS[1])
    return 1
end
return 0
";

/// How long a call may take unless [`RedisStore::timeout`] says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);

/// How long one attempt to open a connection may take (at start-up and when reconnecting).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(1);

/// A [`DeliveryStore`] on a Redis server that every instance of a receiver shares.
///
/// Cheap to clone: clones share one multiplexed connection. Its `Debug` and its errors never
/// show the password from the URL.
#[derive(Clone)]
pub struct RedisStore {
    connection: ConnectionManager,
    prefix: String,
    timeout: Duration,
    complete: Script,
    release: Script,
    /// Where it connects, without the credentials, for `Debug`.
    address: String,
    password: Option<String>,
}

impl RedisStore {
    /// Connects to the Redis server at `url`, within [`DEFAULT_TIMEOUT`]; call it from within
    /// a tokio runtime.
    ///
    /// The URL gives the address, the database, the credentials and TLS:
    /// `redis://[user][:password@]host[:port][/db]`, `rediss://…` for TLS (the server's
    /// certificate is checked against the system's roots), `redis+unix:///path/to/socket`.
    ///
    /// Fails with [`StoreError::Misconfigured`] when the URL does not parse, and with
    /// [`StoreError::Unreachable`], [`StoreError::TimedOut`] or [`StoreError::Refused`] (a
    /// wrong password) when the server cannot be used now.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        // redis builds rustls without a crypto provider: ring, unless the program installed
        // one of its own.
        if rustls::crypto::CryptoProvider::get_default().is_none() {
            let _ = rustls::crypto::ring::default_provider().install_default();
        }
        let client = Client::open(url).map_err(|error| StoreError::Misconfigured {
            // Not the URL, nor redis's words about it: either may hold the password.
            reason: format!("the Redis URL does not parse ({:?})", error.kind()),
        })?;
        let info = client.get_connection_info();
        let password = info.redis_settings().password().map(str::to_owned);
        let address = display_address(info.addr(), info.redis_settings().db());
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(CONNECT_TIMEOUT))
            // Each reconnection tries three times within about 100 ms, then fails the calls
            // waiting for it; the next call starts another. So calls fail fast while Redis is
            // away, and the first call after it is back reconnects.
            .set_number_of_retries(2)
            .set_min_delay(Duration::from_millis(20))
            .set_max_delay(Duration::from_millis(100));
        let connecting = ConnectionManager::new_with_config(client, config);
        let connection = bounded(DEFAULT_TIMEOUT, password.as_deref(), connecting).await?;
        Ok(Self {
            connection,
            prefix: String::new(),
            timeout: DEFAULT_TIMEOUT,
            complete: Script::new(COMPLETE),
            release: Script::new(RELEASE),
            address,
            password,
        })
    }

    /// Puts `prefix` before every key, so that the store's keys stay apart from other data
    /// in the same database (`"hooks:"`).
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// Bounds every call to `timeout` ([`DEFAULT_TIMEOUT`] unless set); a call that takes
    /// longer fails with [`StoreError::TimedOut`] (with a zero timeout, every call does).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    async fn claim_key(&self, key: &str, lease: Duration) -> Result<Claim, StoreError> {
        check_key(key)?;
        check_duration("lease", lease)?;
        let token = ClaimToken::generate();
        let mut command = redis::cmd("SET");
        command
            .arg(self.full_key(key))
            .arg(token.as_text())
            .arg("NX")
            .arg("PX")
            .arg(whole_millis(lease))
            .arg("GET");
        let mut connection = self.connection.clone();
        let held_by: Option<String> = self.bounded(command.query_async(&mut connection)).await?;
        Ok(match held_by {
            None => Claim::Claimed(token),
            Some(value) if value == DONE => Claim::Done,
            Some(_) => Claim::InProgress,
        })
    }

    async fn complete_key(
        &self,
        key: &str,
        token: &ClaimToken,
        keep_for: Duration,
    ) -> Result<bool, StoreError> {
        check_key(key)?;
        check_duration("keep window", keep_for)?;
        let mut invocation = self.complete.key(self.full_key(key));
        invocation
            .arg(token.as_text())
            .arg(whole_millis(keep_for))
            .arg(DONE);
        let mut connection = self.connection.clone();
        let changed: i64 = self
            .bounded(invocation.invoke_async(&mut connection))
            .await?;
        Ok(changed == 1)
    }

    async fn release_key(&self, key: &str, token: &ClaimToken) -> Result<bool, StoreError> {
        check_key(key)?;
        let mut invocation = self.release.key(self.full_key(key));
        invocation.arg(token.as_text());
        let mut connection = self.connection.clone();
        let changed: i64 = self
            .bounded(invocation.invoke_async(&mut connection))
            .await?;
        Ok(changed == 1)
    }

    fn full_key(&self, key: &str) -> String {
        let mut full = String::with_capacity(self.prefix.len() + key.len());
        full.push_str(&self.prefix);
        full.push_str(key);
        full
    }

    /// Runs `call` within this store's timeout.
    async fn bounded<T>(
        &self,
        call: impl Future<Output = Result<T, RedisError>>,
    ) -> Result<T, StoreError> {
        bounded(self.timeout, self.password.as_deref(), call).await
    }
}

/// Runs `call` within `timeout`, and says what failed in words without `password`.
async fn bounded<T>(
    timeout: Duration,
    password: Option<&str>,
    call: impl Future<Output = Result<T, RedisError>>,
) -> Result<T, StoreError> {
    let error = match tokio::time::timeout(timeout, call).await {
        Ok(Ok(answer)) => return Ok(answer),
        Ok(Err(error)) => error,
        Err(_elapsed) => return Err(StoreError::TimedOut { after: timeout }),
    };
    if error.is_timeout() {
        return Err(StoreError::TimedOut { after: timeout });
    }
    let mut reason = error.to_string();
    if let Some(password) = password.filter(|password| !password.is_empty()) {
        reason = reason.replace(password, "[redacted]");
    }
    // Anything else is the server's own answer: a wrong password, `NOAUTH`, `OOM`, ….
    let lost =
        error.is_io_error() || error.is_connection_dropped() || error.is_connection_refusal();
    Err(if lost {
        StoreError::Unreachable { reason }
    } else {
        StoreError::Refused { reason }
    })
}

impl DeliveryStore for RedisStore {
    fn claim<'a>(&'a self, key: &'a str, lease: Duration) -> StoreFuture<'a, Claim> {
        Box::pin(self.claim_key(key, lease))
    }

    fn complete<'a>(
        &'a self,
        key: &'a str,
        token: &'a ClaimToken,
        keep_for: Duration,
    ) -> StoreFuture<'a, bool> {
        Box::pin(self.complete_key(key, token, keep_for))
    }

    fn release<'a>(&'a self, key: &'a str, token: &'a ClaimToken) -> StoreFuture<'a, bool> {
        Box::pin(self.release_key(key, token))
    }
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("address", &self.address)
            .field("prefix", &self.prefix)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// `redis://host:port/db`, `rediss://…` or `redis+unix://path`, without credentials.
fn display_address(address: &ConnectionAddr, db: i64) -> String {
    match address {
        ConnectionAddr::Tcp(host, port) => format!("redis://{host}:{port}/{db}"),
        ConnectionAddr::TcpTls { host, port, .. } => format!("rediss://{host}:{port}/{db}"),
        ConnectionAddr::Unix(path) => format!("redis+unix://{}?db={db}", path.display()),
        // A kind of address a later redis crate adds.
        _ => format!("{address}/{db}"),
    }
}

/// Redis counts expiries in whole milliseconds: a duration rounded up, so that a lease is
/// never shorter than asked. Durations were checked to be at most 400 days, which fits.
fn whole_millis(duration: Duration) -> u64 {
    let millis = duration.as_nanos().div_ceil(1_000_000);
    u64::try_from(millis).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_up_to_whole_milliseconds() {
        assert_eq!(whole_millis(Duration::from_millis(1)), 1);
        assert_eq!(whole_millis(Duration::from_micros(1_001)), 2);
        assert_eq!(
            whole_millis(Duration::from_secs(400 * 24 * 3600)),
            34_560_000_000
        );
        assert_eq!(whole_millis(Duration::MAX), u64::MAX);
    }
}

// The README's example compiles as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
