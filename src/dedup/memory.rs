//! The in-process store: bounded, sharded, with an eviction order kept as it goes.

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::{check_duration, check_key, Claim, ClaimToken, DeliveryStore, StoreError, StoreFuture};

/// A shard serves at least this many keys, so that a small store keeps one exact bound and
/// one eviction order.
const MIN_KEYS_PER_SHARD: usize = 1024;

/// Enough shards that many threads rarely wait on the same lock, few enough that each keeps
/// a useful share of the bound.
const MAX_SHARDS: usize = 64;

/// A [`DeliveryStore`] in this process's memory, for a receiver that runs as one instance.
///
/// It holds at most `max_keys` keys. A claim that needs room when the store is full drops, in
/// this order:
///
/// 1. an entry whose lease or keep window ran out (the soonest to have run out first);
/// 2. the oldest completed delivery, although its keep window still runs: **if the provider
///    sends that delivery again, the handler runs again**. Size `max_keys` for the deliveries
///    the redelivery window brings (a thousand a day kept for Montly's 7 days: 7,000);
/// 3. never a claim in progress: when only those are left, the claim is refused with
///    [`StoreError::Full`], so memory stays bounded.
///
/// Each key costs about its length plus 250 bytes. A key is at most
/// [`MAX_KEY_LEN`](super::MAX_KEY_LEN) bytes, so the store's memory is bounded too.
///
/// Many threads claim at once without waiting on one another: from 2,048 keys up, the keys
/// are spread by hash over up to 64 shards, each behind its own lock and holding an equal
/// share of `max_keys`, and the bound and the order above hold within a shard. A shard can
/// so fill up a little before the whole store does (200,000 keys of one size filled 99.3% of
/// a store of 200,000 before the first eviction). Finding what to drop takes logarithmic
/// time (each shard keeps its entries ordered by expiry and by completion), never a scan.
///
/// Time is [`Instant`]: a change of the system clock neither expires nor revives a claim.
/// Every call completes at once; its future only wraps the answer.
pub struct MemoryStore {
    shards: Box<[CachePadded<Mutex<Shard>>]>,
    shard_of: RandomState,
    max_keys: usize,
}

impl MemoryStore {
    /// A store that holds at most `max_keys` keys at once (claims in progress and completed
    /// deliveries together). Nothing is allocated up front; with `max_keys` 0 every claim is
    /// refused as [`StoreError::Full`].
    pub fn new(max_keys: usize) -> Self {
        let shard_count = shard_count(max_keys);
        let shards = (0..shard_count)
            .map(|index| {
                // An equal share each, the remainder spread over the first shards.
                let capacity = max_keys / shard_count + usize::from(index < max_keys % shard_count);
                CachePadded(Mutex::new(Shard::new(capacity)))
            })
            .collect();
        Self {
            shards,
            shard_of: RandomState::new(),
            max_keys,
        }
    }

    /// The most keys the store holds at once.
    pub fn max_keys(&self) -> usize {
        self.max_keys
    }

    /// How many keys the store holds now, claims whose lease ran out included (they are
    /// dropped when the room is needed).
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|shard| lock(&shard.0).entries.len())
            .sum()
    }

    /// Whether the store holds no key.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn shard(&self, key: &str) -> MutexGuard<'_, Shard> {
        let index = self.shard_of.hash_one(key) as usize % self.shards.len();
        // In bounds: reduced modulo the length, which `shard_count` makes at least 1.
        #[allow(clippy::indexing_slicing)]
        lock(&self.shards[index].0)
    }

    fn claim_now(&self, key: &str, lease: Duration) -> Result<Claim, StoreError> {
        check_key(key)?;
        check_duration("lease", lease)?;
        let now = Instant::now();
        let expires = deadline(now, "lease", lease)?;
        // Made before taking the lock, which then guards map updates only.
        let token = ClaimToken::generate();
        self.shard(key)
            .claim(key, token, expires, now)
            .ok_or(StoreError::Full {
                max_keys: self.max_keys,
            })
    }

    fn complete_now(
        &self,
        key: &str,
        token: &ClaimToken,
        keep_for: Duration,
    ) -> Result<bool, StoreError> {
        check_key(key)?;
        check_duration("keep window", keep_for)?;
        let now = Instant::now();
        let expires = deadline(now, "keep window", keep_for)?;
        Ok(self.shard(key).complete(key, token, expires, now))
    }

    fn release_now(&self, key: &str, token: &ClaimToken) -> Result<bool, StoreError> {
        check_key(key)?;
        let now = Instant::now();
        Ok(self.shard(key).release(key, token, now))
    }
}

impl DeliveryStore for MemoryStore {
    fn claim<'a>(&'a self, key: &'a str, lease: Duration) -> StoreFuture<'a, Claim> {
        Box::pin(std::future::ready(self.claim_now(key, lease)))
    }

    fn complete<'a>(
        &'a self,
        key: &'a str,
        token: &'a ClaimToken,
        keep_for: Duration,
    ) -> StoreFuture<'a, bool> {
        Box::pin(std::future::ready(self.complete_now(key, token, keep_for)))
    }

    fn release<'a>(&'a self, key: &'a str, token: &'a ClaimToken) -> StoreFuture<'a, bool> {
        Box::pin(std::future::ready(self.release_now(key, token)))
    }
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryStore")
            .field("max_keys", &self.max_keys)
            .field("shards", &self.shards.len())
            .finish_non_exhaustive()
    }
}

/// A power of two from 1 to [`MAX_SHARDS`], so that each shard has at least
/// [`MIN_KEYS_PER_SHARD`] keys.
fn shard_count(max_keys: usize) -> usize {
    let wanted = (max_keys / MIN_KEYS_PER_SHARD).clamp(1, MAX_SHARDS);
    // The largest power of two not above `wanted`.
    1 << (usize::BITS - 1 - wanted.leading_zeros())
}

fn deadline(now: Instant, what: &'static str, duration: Duration) -> Result<Instant, StoreError> {
    now.checked_add(duration)
        .ok_or(StoreError::InvalidDuration { what, duration })
}

/// Nothing panics while a shard is locked, so a poisoned lock (a panic elsewhere in the
/// holding thread) still guards consistent maps.
fn lock(shard: &Mutex<Shard>) -> MutexGuard<'_, Shard> {
    shard.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Keeps each shard's lock on a cache line of its own, so that threads working on
/// neighbouring shards do not slow each other down.
#[repr(align(128))]
struct CachePadded<T>(T);

/// One shard: its entries, and two orders over them that make eviction logarithmic.
struct Shard {
    capacity: usize,
    entries: HashMap<Arc<str>, Entry>,
    /// Every entry, by when its lease or keep window runs out (the sequence number breaks
    /// ties): the first is the first to drop.
    by_expiry: BTreeMap<(Instant, u64), Arc<str>>,
    /// Completed entries, by when they were completed.
    completed: BTreeMap<u64, Arc<str>>,
    /// Numbers each change of an entry, so that the orders above never confuse two of them.
    next_seq: u64,
}

struct Entry {
    state: State,
    expires: Instant,
    seq: u64,
}

enum State {
    Held(ClaimToken),
    Done,
}

impl Entry {
    fn is_held_by(&self, token: &ClaimToken, now: Instant) -> bool {
        self.expires > now && matches!(&self.state, State::Held(holder) if holder == token)
    }
}

impl Shard {
    fn new(capacity: usize) -> Self {
        Self {
            capacity,
            entries: HashMap::new(),
            by_expiry: BTreeMap::new(),
            completed: BTreeMap::new(),
            next_seq: 0,
        }
    }

    /// `None` when the shard is full of claims in progress.
    fn claim(
        &mut self,
        key: &str,
        token: ClaimToken,
        expires: Instant,
        now: Instant,
    ) -> Option<Claim> {
        if let Some(entry) = self.entries.get(key) {
            if entry.expires > now {
                return Some(match entry.state {
                    State::Held(_) => Claim::InProgress,
                    State::Done => Claim::Done,
                });
            }
            self.remove(key);
        }
        if self.entries.len() >= self.capacity && !self.evict_one(now) {
            return None;
        }
        let key: Arc<str> = Arc::from(key);
        let seq = self.take_seq();
        self.by_expiry.insert((expires, seq), Arc::clone(&key));
        let state = State::Held(token.clone());
        self.entries.insert(
            key,
            Entry {
                state,
                expires,
                seq,
            },
        );
        Some(Claim::Claimed(token))
    }

    fn complete(&mut self, key: &str, token: &ClaimToken, expires: Instant, now: Instant) -> bool {
        let Some((key, entry)) = self.entries.remove_entry(key) else {
            return false;
        };
        if !entry.is_held_by(token, now) {
            self.entries.insert(key, entry);
            return false;
        }
        self.by_expiry.remove(&(entry.expires, entry.seq));
        let seq = self.take_seq();
        self.by_expiry.insert((expires, seq), Arc::clone(&key));
        self.completed.insert(seq, Arc::clone(&key));
        self.entries.insert(
            key,
            Entry {
                state: State::Done,
                expires,
                seq,
            },
        );
        true
    }

    fn release(&mut self, key: &str, token: &ClaimToken, now: Instant) -> bool {
        let held = self
            .entries
            .get(key)
            .is_some_and(|entry| entry.is_held_by(token, now));
        if held {
            self.remove(key);
        }
        held
    }

    /// Makes room for one key; `false` when every entry is a live claim.
    fn evict_one(&mut self, now: Instant) -> bool {
        let expired = self
            .by_expiry
            .first_key_value()
            .filter(|((expires, _), _)| *expires <= now)
            .map(|(_, key)| key);
        let victim = expired
            .or_else(|| self.completed.first_key_value().map(|(_, key)| key))
            .map(Arc::clone);
        match victim {
            Some(key) => {
                self.remove(&key);
                true
            }
            None => false,
        }
    }

    fn remove(&mut self, key: &str) {
        if let Some(entry) = self.entries.remove(key) {
            self.by_expiry.remove(&(entry.expires, entry.seq));
            if let State::Done = entry.state {
                self.completed.remove(&entry.seq);
            }
        }
    }

    fn take_seq(&mut self) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        seq
    }
}

#[cfg(test)]
mod tests {
    //! The eviction order, on a shard driven with chosen instants rather than sleeps.

    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    fn claimed(claim: Option<Claim>) -> ClaimToken {
        match claim {
            Some(Claim::Claimed(token)) => token,
            other => panic!("expected a claim, got {other:?}"),
        }
    }

    /// A shard of three keys: `a` held until t+1 s, `b` and `c` completed (in that order)
    /// until t+100 s.
    fn three_keys(start: Instant) -> Shard {
        let mut shard = Shard::new(3);
        claimed(shard.claim("a", ClaimToken::generate(), start + SECOND, start));
        for key in ["b", "c"] {
            let token = claimed(shard.claim(key, ClaimToken::generate(), start + SECOND, start));
            assert!(shard.complete(key, &token, start + 100 * SECOND, start));
        }
        shard
    }

    #[test]
    fn expired_entries_go_first() {
        let start = Instant::now();
        let mut shard = three_keys(start);
        let later = start + 2 * SECOND; // `a`'s lease ran out
        claimed(shard.claim("d", ClaimToken::generate(), later + SECOND, later));
        assert_eq!(shard.entries.len(), 3);
        assert!(!shard.entries.contains_key("a"));
        for key in ["b", "c"] {
            assert_eq!(
                shard.claim(key, ClaimToken::generate(), later + SECOND, later),
                Some(Claim::Done)
            );
        }
    }

    #[test]
    fn then_the_oldest_completed() {
        let start = Instant::now();
        let mut shard = three_keys(start);
        // Nothing has expired: `b`, completed first, makes room, never the claim on `a`.
        claimed(shard.claim("d", ClaimToken::generate(), start + SECOND, start));
        assert!(!shard.entries.contains_key("b"));
        assert_eq!(
            shard.claim("a", ClaimToken::generate(), start + SECOND, start),
            Some(Claim::InProgress)
        );
        assert_eq!(
            shard.claim("c", ClaimToken::generate(), start + SECOND, start),
            Some(Claim::Done)
        );
        // `c` goes next; then only claims in progress are left.
        claimed(shard.claim("e", ClaimToken::generate(), start + SECOND, start));
        assert_eq!(
            shard.claim("f", ClaimToken::generate(), start + SECOND, start),
            None
        );
        assert_eq!(shard.entries.len(), 3);
        assert_eq!(shard.by_expiry.len(), 3);
        assert!(shard.completed.is_empty());
    }

    #[test]
    fn the_orders_follow_every_change() {
        let start = Instant::now();
        let mut shard = Shard::new(8);
        for round in 0..100u32 {
            let now = start + round * SECOND;
            let token = claimed(shard.claim("k", ClaimToken::generate(), now + SECOND, now));
            if round % 2 == 0 {
                assert!(shard.release("k", &token, now));
            } else {
                assert!(shard.complete("k", &token, now + SECOND / 2, now));
            }
        }
        // Only the last round's completed entry is left, in both orders.
        assert_eq!(shard.entries.len(), 1);
        assert_eq!(shard.by_expiry.len(), 1);
        assert_eq!(shard.completed.len(), 1);
    }

    #[test]
    fn shard_counts() {
        assert_eq!(shard_count(0), 1);
        assert_eq!(shard_count(2047), 1);
        assert_eq!(shard_count(2048), 2);
        assert_eq!(shard_count(100_000), 64);
        assert_eq!(shard_count(usize::MAX), 64);
        let store = MemoryStore::new(100_003);
        let capacities: usize = store.shards.iter().map(|s| lock(&s.0).capacity).sum();
        assert_eq!(capacities, 100_003);
    }
}
