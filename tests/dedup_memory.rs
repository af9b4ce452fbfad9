//! `MemoryStore`: the semantics suite every store passes, its bound, and many threads at once.

use std::collections::HashMap;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use commerce_webhooks::dedup::conformance::{self, block_on, ThreadSpawn};
use commerce_webhooks::dedup::{Claim, ClaimToken, DeliveryStore, MemoryStore, StoreError};

const LONG: Duration = Duration::from_secs(60);

#[test]
fn passes_the_semantics_suite() -> Result<(), conformance::Violation> {
    // Large enough for several shards, so that the concurrent claims cross threads and locks.
    let store: Arc<dyn DeliveryStore> = Arc::new(MemoryStore::new(100_000));
    block_on(conformance::run_all(&[store.clone(), store], &ThreadSpawn))
}

#[test]
fn passes_the_semantics_suite_with_one_shard() -> Result<(), conformance::Violation> {
    let store: Arc<dyn DeliveryStore> = Arc::new(MemoryStore::new(100));
    block_on(conformance::run_all(&[store], &ThreadSpawn))
}

fn claim(store: &MemoryStore, key: &str, lease: Duration) -> Result<Claim, StoreError> {
    block_on(store.claim(key, lease))
}

fn claimed(store: &MemoryStore, key: &str, lease: Duration) -> ClaimToken {
    match claim(store, key, lease) {
        Ok(Claim::Claimed(token)) => token,
        other => panic!("{key}: expected a claim, got {other:?}"),
    }
}

#[test]
fn a_full_store_drops_expired_then_oldest_completed_never_a_claim_in_progress() {
    let store = MemoryStore::new(3);
    let held = claimed(&store, "held", LONG);
    let expiring = claimed(&store, "expiring", Duration::from_millis(20));
    let first = claimed(&store, "first", LONG);
    assert_eq!(
        claim(&store, "refused", LONG),
        Err(StoreError::Full { max_keys: 3 })
    );
    assert!(block_on(store.complete("first", &first, LONG)).unwrap());
    std::thread::sleep(Duration::from_millis(60));

    // `expiring`'s lease ran out: it goes, though `first` is completed and older.
    let second = claimed(&store, "second", LONG);
    assert_eq!(store.len(), 3);
    assert_eq!(claim(&store, "first", LONG), Ok(Claim::Done));
    assert!(!block_on(store.release("expiring", &expiring)).unwrap());

    // Then the oldest completed one, whose retry now runs the handler again.
    assert!(block_on(store.complete("second", &second, LONG)).unwrap());
    claimed(&store, "third", LONG);
    assert_eq!(claim(&store, "second", LONG), Ok(Claim::Done));
    claimed(&store, "first", LONG);

    // Only claims in progress are left: refused, and the claims are intact.
    assert_eq!(
        claim(&store, "fourth", LONG),
        Err(StoreError::Full { max_keys: 3 })
    );
    assert_eq!(store.len(), 3);
    assert_eq!(claim(&store, "held", LONG), Ok(Claim::InProgress));
    assert!(block_on(store.release("held", &held)).unwrap());
    claimed(&store, "fourth", LONG);
}

#[test]
fn a_store_of_no_keys_refuses_every_claim() {
    let store = MemoryStore::new(0);
    assert_eq!(
        claim(&store, "key", LONG),
        Err(StoreError::Full { max_keys: 0 })
    );
    assert!(store.is_empty());
}

#[test]
fn many_threads_claim_each_key_once_and_stay_within_the_bound() {
    const THREADS: usize = 8;
    const SHARED_KEYS: usize = 200;
    const OWN_KEYS: usize = 3_000;
    const MAX_KEYS: usize = 10_000;
    let store = Arc::new(MemoryStore::new(MAX_KEYS));
    // Nobody evicts a shared key before every thread has raced for it.
    let raced = Arc::new(Barrier::new(THREADS));
    let threads: Vec<_> = (0..THREADS)
        .map(|thread| {
            let store = Arc::clone(&store);
            let raced = Arc::clone(&raced);
            std::thread::spawn(move || {
                let mut won = Vec::new();
                // Every thread races for the same keys, in a different order...
                for i in 0..SHARED_KEYS {
                    let key = format!("shared:{}", (i * 7 + thread * 13) % SHARED_KEYS);
                    match block_on(store.claim(&key, LONG)) {
                        Ok(Claim::Claimed(token)) => {
                            assert!(block_on(store.complete(&key, &token, LONG)).unwrap());
                            won.push(key);
                        }
                        Ok(Claim::InProgress | Claim::Done) => {}
                        other => panic!("{key}: {other:?}"),
                    }
                }
                raced.wait();
                // ...then claims keys of its own, more than its share of the bound, so
                // that completed keys are evicted while others claim.
                for i in 0..OWN_KEYS {
                    let key = format!("own:{thread}:{i}");
                    match block_on(store.claim(&key, LONG)) {
                        Ok(Claim::Claimed(token)) => {
                            assert!(block_on(store.complete(&key, &token, LONG)).unwrap());
                        }
                        other => panic!("{key}: {other:?}"),
                    }
                }
                won
            })
        })
        .collect();
    let mut winners: HashMap<String, usize> = HashMap::new();
    for thread in threads {
        for key in thread.join().unwrap() {
            *winners.entry(key).or_default() += 1;
        }
    }
    assert_eq!(winners.len(), SHARED_KEYS);
    assert!(winners.values().all(|&count| count == 1));
    assert!(store.len() <= MAX_KEYS, "{} keys", store.len());
}
