//! Each delivery handled once: the seam between a duplicate guard and the store that remembers
//! which deliveries were claimed and which were handled.
//!
//! Providers send an event again until they are satisfied, and two instances behind a load
//! balancer can receive the same event at the same moment. "Look the key up, then insert it"
//! runs the handler twice under concurrency, and loses the event when the handler fails after
//! the key was written. A [`DeliveryStore`] instead answers one atomic question per delivery:
//!
//! 1. [`claim`](DeliveryStore::claim) the delivery's key for a lease: [`Claim::Claimed`] with
//!    a [`ClaimToken`] to the one caller that may run the handler now, [`Claim::InProgress`]
//!    while that caller's lease lasts, [`Claim::Done`] once it completed;
//! 2. then [`complete`](DeliveryStore::complete) the key when the handler succeeded (later
//!    claims answer `Done` for the keep window), or [`release`](DeliveryStore::release) it when
//!    the handler failed (the next claim runs it again).
//!
//! [`MemoryStore`] serves one process; the `commerce-webhooks-redis` crate serves many
//! instances that share a Redis. Both pass the same semantics suite, which a store of your own
//! can run too (`conformance`, behind the `store-conformance` feature).
//!
//! ```
//! use commerce_webhooks::dedup::{Claim, DeliveryStore, MemoryStore};
//! use std::time::Duration;
//!
//! # fn block_on<F: std::future::Future>(future: F) -> F::Output {
//! #     // MemoryStore's futures are ready at once: one poll runs them.
//! #     let mut future = std::pin::pin!(future);
//! #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
//! #     match future.as_mut().poll(&mut cx) {
//! #         std::task::Poll::Ready(output) => output,
//! #         std::task::Poll::Pending => unreachable!(),
//! #     }
//! # }
//! # block_on(async {
//! let store = MemoryStore::new(100_000);
//! let key = "leasecloud:evt_1";
//!
//! let Claim::Claimed(token) = store.claim(key, Duration::from_secs(30)).await? else {
//!     unreachable!("nobody held the key");
//! };
//! // While the handler runs, the same delivery from elsewhere waits its turn.
//! assert!(matches!(store.claim(key, Duration::from_secs(30)).await?, Claim::InProgress));
//!
//! // The handler succeeded: remember it for as long as the provider may send it again.
//! assert!(store.complete(key, &token, Duration::from_secs(7 * 24 * 3600)).await?);
//! assert!(matches!(store.claim(key, Duration::from_secs(30)).await?, Claim::Done));
//! # Ok::<(), commerce_webhooks::dedup::StoreError>(())
//! # }).unwrap();
//! ```

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

#[cfg(feature = "store-conformance")]
pub mod conformance;
mod guard;
mod memory;
mod token;

pub use guard::{Guard, Outcome, DEFAULT_LEASE};
pub use memory::MemoryStore;
pub use token::ClaimToken;

/// What every [`DeliveryStore`] method returns: a boxed future, so that the trait is object
/// safe (`Arc<dyn DeliveryStore>`) and a store may do I/O.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// The longest key a store accepts, in bytes. A guard's keys (a provider's name and an
/// idempotency key of at most 128 bytes) are far shorter; this only stops a mistake from
/// filling a store with megabyte keys.
pub const MAX_KEY_LEN: usize = 1024;

/// The longest lease or keep window a store accepts: 400 days, well beyond any provider's
/// redelivery window (Montly's, the longest, is 7 days).
pub const MAX_DURATION: Duration = Duration::from_secs(400 * 24 * 3600);

/// A store that remembers which deliveries were claimed and which were handled, shared by
/// every request (and, for a networked store, every instance) of a receiver.
///
/// Every method is atomic with respect to every other call on the same key, from any thread
/// or instance that shares the store. Keys are compared as exact bytes.
///
/// - [`claim`](Self::claim) answers [`Claim::Claimed`] with a new token when nobody holds
///   `key` and it was not completed within its keep window, [`Claim::InProgress`] while another
///   claim's lease is live, and [`Claim::Done`] after a `complete` whose keep window has not
///   run out. A lease that ran out is as if it had never been taken.
/// - [`complete`](Self::complete) marks `key` handled for `keep_for` and answers `Ok(true)`;
///   [`release`](Self::release) forgets the claim, so that the next `claim` gets
///   `Claimed`, and answers `Ok(true)`. Both answer `Ok(false)` and change nothing when
///   `token` no longer holds `key`: its lease ran out (whether or not another claim took the
///   key since), or the key was completed or released already.
///
/// Every method refuses a key that is empty or longer than [`MAX_KEY_LEN`] bytes with
/// [`StoreError::InvalidKey`], and a duration under 1 ms or over [`MAX_DURATION`] with
/// [`StoreError::InvalidDuration`], before doing anything: see [`check_key`] and
/// [`check_duration`], which a store of your own calls the same way.
///
/// A store that fails (unreachable, timed out, full) answers a [`StoreError`]; the caller
/// must then not run the handler, and answer so that the provider tries again later.
pub trait DeliveryStore: Send + Sync {
    /// Takes `key` for `lease`, unless it is held or was handled.
    fn claim<'a>(&'a self, key: &'a str, lease: Duration) -> StoreFuture<'a, Claim>;

    /// Marks `key` handled for `keep_for`, if `token` still holds it.
    fn complete<'a>(
        &'a self,
        key: &'a str,
        token: &'a ClaimToken,
        keep_for: Duration,
    ) -> StoreFuture<'a, bool>;

    /// Forgets the claim on `key`, if `token` still holds it, so that the next claim runs.
    fn release<'a>(&'a self, key: &'a str, token: &'a ClaimToken) -> StoreFuture<'a, bool>;
}

/// A store behind a pointer is a store: `Arc<dyn DeliveryStore>`, `Box<MemoryStore>` and
/// `&RedisStore` all work where a `DeliveryStore` is asked for.
macro_rules! delegate_delivery_store {
    ($($pointer:ty),*) => {$(
        impl<S: DeliveryStore + ?Sized> DeliveryStore for $pointer {
            fn claim<'a>(&'a self, key: &'a str, lease: Duration) -> StoreFuture<'a, Claim> {
                (**self).claim(key, lease)
            }

            fn complete<'a>(
                &'a self,
                key: &'a str,
                token: &'a ClaimToken,
                keep_for: Duration,
            ) -> StoreFuture<'a, bool> {
                (**self).complete(key, token, keep_for)
            }

            fn release<'a>(&'a self, key: &'a str, token: &'a ClaimToken) -> StoreFuture<'a, bool> {
                (**self).release(key, token)
            }
        }
    )*};
}

delegate_delivery_store!(&S, Box<S>, Arc<S>);

/// What [`DeliveryStore::claim`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Claim {
    /// The key is yours for the lease: run the handler, then complete or release the key
    /// with this token.
    Claimed(ClaimToken),
    /// Another claim's lease on the key is live: the delivery is being handled elsewhere
    /// (answer so that the provider tries again later: the other attempt may still fail).
    InProgress,
    /// The key was completed within its keep window: the delivery was handled already.
    Done,
}

/// Why a [`DeliveryStore`] could not answer.
///
/// No message holds a password: a store built from a URL with credentials leaves them out of
/// every error it makes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The store could not be reached, or the connection to it was lost.
    #[error("the delivery store cannot be reached: {reason}")]
    Unreachable {
        /// What the connection reported.
        reason: String,
    },
    /// The store did not answer in time; what the call did is unknown (a claim that timed
    /// out may hold the key until its lease runs out).
    #[error("the delivery store did not answer within {} ms", after.as_millis())]
    TimedOut {
        /// How long the call waited.
        after: Duration,
    },
    /// The store holds as many keys as it may, and none can make room: every one is a claim
    /// in progress.
    #[error(
        "the delivery store is full: it may hold {max_keys} keys, and every one that could make \
         room for this key is a claim in progress"
    )]
    Full {
        /// The most keys the store holds at once.
        max_keys: usize,
    },
    /// The store answered with an error of its own.
    #[error("the delivery store refused the call: {reason}")]
    Refused {
        /// What the store answered.
        reason: String,
    },
    /// The store's configuration is wrong (a URL that does not parse, say): found when it is
    /// built.
    #[error("the delivery store is misconfigured: {reason}")]
    Misconfigured {
        /// What is wrong.
        reason: String,
    },
    /// The key is empty or longer than [`MAX_KEY_LEN`] bytes.
    #[error("a delivery key must be 1 to {MAX_KEY_LEN} bytes long; this one is {len} bytes")]
    InvalidKey {
        /// The key's length in bytes.
        len: usize,
    },
    /// A lease or keep window is under 1 ms or over [`MAX_DURATION`].
    #[error(
        "a {what} must be from 1 ms to {} days; this one is {duration:?}",
        MAX_DURATION.as_secs() / (24 * 3600)
    )]
    InvalidDuration {
        /// Which duration: `"lease"` or `"keep window"`.
        what: &'static str,
        /// The duration given.
        duration: Duration,
    },
}

/// Refuses a key that is empty or longer than [`MAX_KEY_LEN`] bytes, as every store does
/// before anything else.
pub fn check_key(key: &str) -> Result<(), StoreError> {
    if key.is_empty() || key.len() > MAX_KEY_LEN {
        return Err(StoreError::InvalidKey { len: key.len() });
    }
    Ok(())
}

/// Refuses a duration under 1 ms (a claim that ends before it starts; Redis counts in whole
/// milliseconds) or over [`MAX_DURATION`]; `what` names it in the error (`"lease"`, `"keep
/// window"`).
pub fn check_duration(what: &'static str, duration: Duration) -> Result<(), StoreError> {
    if duration < Duration::from_millis(1) || duration > MAX_DURATION {
        return Err(StoreError::InvalidDuration { what, duration });
    }
    Ok(())
}
