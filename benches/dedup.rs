//! `MemoryStore` under many threads: each delivery one `claim` and one `complete` of a new key,
//! on a store kept full, so that every claim also evicts the oldest completed delivery (a
//! receiver's steady state).
//!
//! - `sharded`: `MemoryStore::new(100_000)` as it is: 64 shards, each behind its own lock.
//! - `one_lock`: the same store behind one more `Mutex`, taken for each call: what a store with
//!   a single global lock would cost.
//!
//! Reported as deliveries per second over all threads. After criterion's report, an
//! interleaved run (the best of twenty alternating rounds per contender) prints the figures a busy
//! machine distorts least. Run with `cargo bench --bench dedup`; the interleaved run alone
//! (about 30 s) with `cargo bench --bench dedup -- nothing_matches`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use commerce_webhooks::dedup::{Claim, ClaimToken, DeliveryStore, MemoryStore, StoreFuture};
use criterion::{BenchmarkId, Criterion, Throughput};

const MAX_KEYS: usize = 100_000;
const THREADS: [usize; 4] = [1, 2, 4, 8];
const LEASE: Duration = Duration::from_secs(30);
const KEEP_FOR: Duration = Duration::from_secs(7 * 24 * 3600);

/// A store under measurement: handles one delivery of `key`.
trait Contender: Sync {
    fn deliver(&self, key: &str);
}

struct Sharded(MemoryStore);

impl Contender for Sharded {
    fn deliver(&self, key: &str) {
        deliver(&self.0, key);
    }
}

fn deliver(store: &MemoryStore, key: &str) {
    let Claim::Claimed(token) = ready(store.claim(key, LEASE)) else {
        panic!("{key} was claimed before");
    };
    assert!(ready(store.complete(key, &token, KEEP_FOR)));
}

struct OneLock(Mutex<MemoryStore>);

impl Contender for OneLock {
    fn deliver(&self, key: &str) {
        let claim = ready(self.0.lock().unwrap().claim(key, LEASE));
        let Claim::Claimed(token) = claim else {
            panic!("{key} was claimed before");
        };
        assert!(ready(
            self.0.lock().unwrap().complete(key, &token, KEEP_FOR)
        ));
    }
}

/// `MemoryStore`'s futures are ready at once: one poll runs them.
fn ready<T>(future: StoreFuture<'_, T>) -> T {
    let mut future = future;
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(answer) => answer.unwrap(),
        Poll::Pending => panic!("a MemoryStore future waited"),
    }
}

/// A store of `MAX_KEYS` completed deliveries: the next claim evicts.
fn full_store() -> MemoryStore {
    let store = MemoryStore::new(MAX_KEYS);
    for n in 0..MAX_KEYS {
        deliver(&store, &format!("prefill:{n}"));
    }
    store
}

/// `threads` threads each deliver `per_thread` new keys; the wall time for all of them.
fn run(contender: &dyn Contender, threads: usize, per_thread: u64, next: &AtomicU64) -> Duration {
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let first = next.fetch_add(per_thread, Ordering::Relaxed);
                let mut key = String::with_capacity(32);
                for n in first..first + per_thread {
                    key.clear();
                    write!(key, "leasecloud:evt_{n}").unwrap();
                    contender.deliver(black_box(&key));
                }
            });
        }
    });
    start.elapsed()
}

fn bench(criterion: &mut Criterion) {
    let sharded = Sharded(full_store());
    let one_lock = OneLock(Mutex::new(full_store()));
    let next = AtomicU64::new(0);
    let mut group = criterion.benchmark_group("dedup");
    group.throughput(Throughput::Elements(1));
    for threads in THREADS {
        let contenders: [(&str, &dyn Contender); 2] =
            [("sharded", &sharded), ("one_lock", &one_lock)];
        for (name, contender) in contenders {
            group.bench_function(BenchmarkId::new(name, threads), |b| {
                b.iter_custom(|iters| {
                    let per_thread = iters.div_ceil(threads as u64);
                    run(contender, threads, per_thread, &next)
                })
            });
        }
    }
    group.finish();
}

/// The best throughput of each contender over alternating rounds, in deliveries per second.
fn interleaved_best(contenders: &[&dyn Contender], threads: usize) -> Vec<f64> {
    const ROUNDS: usize = 20;
    const DELIVERIES: u64 = 100_000;
    let next = AtomicU64::new(u64::MAX / 2);
    let mut best = vec![0.0f64; contenders.len()];
    for _ in 0..ROUNDS {
        for (contender, best) in contenders.iter().zip(&mut best) {
            let per_thread = DELIVERIES / threads as u64;
            let elapsed = run(*contender, threads, per_thread, &next);
            let rate = (per_thread * threads as u64) as f64 / elapsed.as_secs_f64();
            *best = best.max(rate);
        }
    }
    best
}

fn report() {
    let sharded = Sharded(full_store());
    let one_lock = OneLock(Mutex::new(full_store()));
    println!("interleaved best, deliveries (claim + complete) per second over all threads:");
    println!("| threads | sharded | one lock | sharded / one lock |");
    println!("|---|---|---|---|");
    for threads in THREADS {
        let best = interleaved_best(&[&sharded, &one_lock], threads);
        println!(
            "| {threads} | {:.2} M/s | {:.2} M/s | {:.2} |",
            best[0] / 1e6,
            best[1] / 1e6,
            best[0] / best[1]
        );
    }
    let tokens = 1_000_000;
    let start = Instant::now();
    for _ in 0..tokens {
        black_box(ClaimToken::generate());
    }
    let per_token = start.elapsed().as_nanos() as f64 / f64::from(tokens);
    println!("ClaimToken::generate alone: {per_token:.0} ns (one thread)");
}

fn main() {
    let mut criterion = Criterion::default()
        .output_directory(&commerce_webhooks_benches::criterion_dir())
        .configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
    println!();
    report();
}
