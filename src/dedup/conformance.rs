//! The semantics every [`DeliveryStore`] keeps, as checks a store's tests run (feature
//! `store-conformance`).
//!
//! [`MemoryStore`](super::MemoryStore) and the Redis store run exactly these checks; so can a
//! store of your own. The suite needs no async runtime of its own: its futures run on any
//! executor (the store's futures may need one, as Redis's need tokio), it waits with timer
//! threads, and for concurrent claims it asks the caller to [`Spawn`] tasks, on threads
//! ([`ThreadSpawn`]) or on the caller's runtime.
//!
//! Each check uses keys of its own (a fresh token in each), so checks may run at the same
//! time on one store, and on a store that holds other data. The windows the suite waits out
//! are tens of milliseconds; the whole suite takes well under a second plus the store's
//! round trips.
//!
//! A store whose futures need no runtime (every call answers at once, or does its own
//! blocking I/O):
//!
//! ```
//! use commerce_webhooks::dedup::conformance::{self, ThreadSpawn};
//! use commerce_webhooks::dedup::{DeliveryStore, MemoryStore};
//! use std::sync::Arc;
//!
//! let store: Arc<dyn DeliveryStore> = Arc::new(MemoryStore::new(10_000));
//! // Two handles on one store, as two instances of a receiver would share it.
//! conformance::block_on(conformance::run_all(&[store.clone(), store], &ThreadSpawn))?;
//! # Ok::<(), conformance::Violation>(())
//! ```
//!
//! On tokio, the suite's tasks on the runtime (a Redis store's tests pass two stores connected
//! to one server):
//!
//! ```
//! use commerce_webhooks::dedup::conformance::{self, Task};
//! use commerce_webhooks::dedup::{DeliveryStore, MemoryStore};
//! use std::sync::Arc;
//!
//! # #[tokio::main(flavor = "multi_thread", worker_threads = 2)]
//! # async fn main() -> Result<(), conformance::Violation> {
//! let store: Arc<dyn DeliveryStore> = Arc::new(MemoryStore::new(10_000));
//! let spawn = |task: Task| {
//!     tokio::spawn(task);
//! };
//! conformance::run_all(&[store.clone(), store], &spawn).await
//! # }
//! ```

use std::fmt;
use std::future::Future;
use std::pin::{pin, Pin};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::{Duration, Instant};

use super::{Claim, ClaimToken, DeliveryStore, StoreError, MAX_DURATION, MAX_KEY_LEN};

/// The lease and keep window the suite waits out.
const SHORT: Duration = Duration::from_millis(60);
/// How long the suite sleeps to be past [`SHORT`]: Redis expires keys to the millisecond, and
/// the margin covers a busy machine's late timer.
const PAST_SHORT: Duration = Duration::from_millis(150);
/// A lease or keep window that never runs out during a check.
const LONG: Duration = Duration::from_secs(60);
/// How many claims of one key [`one_claim_wins`] makes at once.
pub const CONCURRENT_CLAIMS: usize = 64;
/// How long [`one_claim_wins`] waits for its claims before it reports those that never ended.
const CONCURRENT_DEADLINE: Duration = Duration::from_secs(10);

/// A check that a store failed: which, and what it answered instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The check (the suite's function name).
    pub check: &'static str,
    /// What was expected, and what the store did.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.check, self.message)
    }
}

impl std::error::Error for Violation {}

/// A task for [`Spawn`]: a claim the suite runs at the same time as others.
pub type Task = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

/// Runs tasks concurrently: the caller's runtime (`|task: Task| { tokio::spawn(task); }`) or
/// [`ThreadSpawn`]. A task that never gets to run is reported as a [`Violation`] after 10 s.
pub trait Spawn: Sync {
    /// Starts `task`, without waiting for it.
    fn spawn(&self, task: Task);
}

impl<F: Fn(Task) + Sync> Spawn for F {
    fn spawn(&self, task: Task) {
        self(task)
    }
}

/// Runs each task on a thread of its own, with [`block_on`]: for stores whose futures need no
/// runtime. Many threads then really call the store at once.
#[derive(Debug, Clone, Copy, Default)]
pub struct ThreadSpawn;

impl Spawn for ThreadSpawn {
    fn spawn(&self, task: Task) {
        // A thread that cannot start leaves its claim unfinished, which the check reports.
        let _ = thread::Builder::new()
            .name("conformance-claim".into())
            .spawn(move || block_on(task));
    }
}

/// Runs `future` to completion on this thread, sleeping while it waits.
pub fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        thread::park();
    }
}

/// Every check, one after another. `stores` are handles on one backend (the same store
/// twice, or two connections to one Redis): the concurrent claims spread over them, the other
/// checks use the first.
pub async fn run_all(
    stores: &[Arc<dyn DeliveryStore>],
    spawn: &dyn Spawn,
) -> Result<(), Violation> {
    let Some(store) = stores.first() else {
        return Err(violation("run_all", "no store to check"));
    };
    let store = store.as_ref();
    claim_then_complete(store).await?;
    release_lets_the_next_claim_run(store).await?;
    expired_lease_is_as_if_never_claimed(store).await?;
    stale_token_changes_nothing(store).await?;
    keep_window_runs_out(store).await?;
    foreign_tokens_change_nothing(store).await?;
    bad_input_is_refused(store).await?;
    one_claim_wins(stores, spawn).await
}

/// Claimed, then in progress while the lease lasts, then done after `complete`; a second
/// `complete` or a `release` of the done key answers `false` and changes nothing.
pub async fn claim_then_complete(store: &dyn DeliveryStore) -> Result<(), Violation> {
    let check = Check::new("claim_then_complete", store);
    let token = check.claimed(LONG).await?;
    check
        .claim_answers("a second claim", Claim::InProgress)
        .await?;
    check
        .complete_answers("complete", &token, LONG, true)
        .await?;
    check
        .claim_answers("a claim after complete", Claim::Done)
        .await?;
    check
        .complete_answers("complete again", &token, LONG, false)
        .await?;
    check
        .release_answers("release after complete", &token, false)
        .await?;
    check
        .claim_answers("a claim after those", Claim::Done)
        .await
}

/// `release` forgets the claim: the next claim gets a new token; the released token then
/// changes nothing.
pub async fn release_lets_the_next_claim_run(store: &dyn DeliveryStore) -> Result<(), Violation> {
    let check = Check::new("release_lets_the_next_claim_run", store);
    let first = check.claimed(LONG).await?;
    check.release_answers("release", &first, true).await?;
    let second = check.claimed(LONG).await?;
    if second == first {
        return Err(check.failed("the claim after release got the released token".into()));
    }
    check
        .release_answers("release again", &first, false)
        .await?;
    check
        .complete_answers("complete with the released token", &first, LONG, false)
        .await?;
    check
        .claim_answers("a claim while the second holds", Claim::InProgress)
        .await
}

/// A lease that ran out is as if never taken: the key can be claimed again, and the expired
/// token can neither complete nor release it, even when nobody claimed it since.
pub async fn expired_lease_is_as_if_never_claimed(
    store: &dyn DeliveryStore,
) -> Result<(), Violation> {
    let check = Check::new("expired_lease_is_as_if_never_claimed", store);
    let expired = check.claimed(SHORT).await?;
    sleep(PAST_SHORT).await;
    check
        .complete_answers("complete after the lease", &expired, LONG, false)
        .await?;
    check
        .release_answers("release after the lease", &expired, false)
        .await?;
    check.claimed(LONG).await.map(drop)
}

/// A slow holder whose lease passed to another claim changes nothing of the new claim.
pub async fn stale_token_changes_nothing(store: &dyn DeliveryStore) -> Result<(), Violation> {
    let check = Check::new("stale_token_changes_nothing", store);
    let stale = check.claimed(SHORT).await?;
    sleep(PAST_SHORT).await;
    let current = check.claimed(LONG).await?;
    check
        .complete_answers("complete with the stale token", &stale, LONG, false)
        .await?;
    check
        .claim_answers("a claim after it", Claim::InProgress)
        .await?;
    check
        .release_answers("release with the stale token", &stale, false)
        .await?;
    check
        .claim_answers("a claim after it", Claim::InProgress)
        .await?;
    check
        .complete_answers("complete with the current token", &current, LONG, true)
        .await?;
    check.claim_answers("a claim after it", Claim::Done).await
}

/// A completed key is done for its keep window, then may be claimed again.
pub async fn keep_window_runs_out(store: &dyn DeliveryStore) -> Result<(), Violation> {
    let check = Check::new("keep_window_runs_out", store);
    let token = check.claimed(LONG).await?;
    let completing = Instant::now();
    check
        .complete_answers("complete", &token, SHORT, true)
        .await?;
    let answer = store.claim(&check.key, LONG).await;
    // On a machine so busy that the window ran out already, `Claimed` is right too.
    if completing.elapsed() < SHORT {
        check.expect("a claim within the keep window", answer, Ok(Claim::Done))?;
    }
    sleep(PAST_SHORT).await;
    check.claimed(LONG).await.map(drop)
}

/// Tokens of other claims, of other keys, or made up, change nothing.
pub async fn foreign_tokens_change_nothing(store: &dyn DeliveryStore) -> Result<(), Violation> {
    let check = Check::new("foreign_tokens_change_nothing", store);
    let unclaimed = Check::new("foreign_tokens_change_nothing", store);
    let other = Check::new("foreign_tokens_change_nothing", store);
    let holder = check.claimed(LONG).await?;
    let others = other.claimed(LONG).await?;
    for (what, token) in [
        ("another key's token", &others),
        ("a new token", &ClaimToken::generate()),
    ] {
        check.complete_answers(what, token, LONG, false).await?;
        check.release_answers(what, token, false).await?;
    }
    unclaimed
        .complete_answers("complete of an unclaimed key", &holder, LONG, false)
        .await?;
    unclaimed
        .release_answers("release of an unclaimed key", &holder, false)
        .await?;
    check
        .claim_answers("a claim after those", Claim::InProgress)
        .await?;
    check
        .complete_answers("the holder's complete", &holder, LONG, true)
        .await
}

/// Empty and over-long keys (10 MB), and durations under 1 ms or over [`MAX_DURATION`], are
/// refused with [`StoreError::InvalidKey`] and [`StoreError::InvalidDuration`], without a
/// panic or a trip with megabytes to the backend.
pub async fn bad_input_is_refused(store: &dyn DeliveryStore) -> Result<(), Violation> {
    let check = Check::new("bad_input_is_refused", store);
    let huge = "k".repeat(10 << 20);
    let over = "k".repeat(MAX_KEY_LEN + 1);
    let token = ClaimToken::generate();
    for key in ["", over.as_str(), huge.as_str()] {
        let refused = StoreError::InvalidKey { len: key.len() };
        let claimed = store.claim(key, LONG).await;
        check.expect("claim of a bad key", claimed, Err(refused.clone()))?;
        let completed = store.complete(key, &token, LONG).await;
        check.expect("complete of a bad key", completed, Err(refused.clone()))?;
        let released = store.release(key, &token).await;
        check.expect("release of a bad key", released, Err(refused))?;
    }
    let too_long = MAX_DURATION + Duration::from_millis(1);
    for lease in [
        Duration::ZERO,
        Duration::from_micros(999),
        too_long,
        Duration::MAX,
    ] {
        let refused = Err(StoreError::InvalidDuration {
            what: "lease",
            duration: lease,
        });
        check.expect("a bad lease", store.claim(&check.key, lease).await, refused)?;
    }
    let token = check.claimed(LONG).await?;
    for keep_for in [Duration::ZERO, too_long, Duration::MAX] {
        let refused = Err(StoreError::InvalidDuration {
            what: "keep window",
            duration: keep_for,
        });
        let completed = store.complete(&check.key, &token, keep_for).await;
        check.expect("a bad keep window", completed, refused)?;
    }
    check
        .claim_answers("a claim after those", Claim::InProgress)
        .await?;
    check
        .complete_answers(
            "complete for the longest keep window",
            &token,
            MAX_DURATION,
            true,
        )
        .await
}

/// [`CONCURRENT_CLAIMS`] claims of one key, started together as tasks spread over `stores`
/// (handles on one backend): exactly one is `Claimed`, every other one `InProgress`, and after
/// the winner completes every handle answers `Done`.
pub async fn one_claim_wins(
    stores: &[Arc<dyn DeliveryStore>],
    spawn: &dyn Spawn,
) -> Result<(), Violation> {
    let Some(first) = stores.first() else {
        return Err(violation("one_claim_wins", "no store to check"));
    };
    let check = Check::new("one_claim_wins", first.as_ref());
    let key: Arc<str> = Arc::from(check.key.as_str());
    let start = Arc::new(Latch::new(1));
    let finished = Arc::new(Latch::new(CONCURRENT_CLAIMS));
    let answers = Arc::new(Mutex::new(Vec::with_capacity(CONCURRENT_CLAIMS)));
    for store in stores.iter().cycle().take(CONCURRENT_CLAIMS) {
        let (store, key, start, answers) = (
            Arc::clone(store),
            Arc::clone(&key),
            Arc::clone(&start),
            Arc::clone(&answers),
        );
        // Counts down even when the task is dropped unfinished (a panic in the store).
        let finishing = CountDownOnDrop(Arc::clone(&finished));
        spawn.spawn(Box::pin(async move {
            let _finishing = finishing;
            start.wait().await;
            let answer = store.claim(&key, LONG).await;
            answers
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(answer);
        }));
    }
    start.count_down();
    let watchdog = Arc::clone(&finished);
    let _ = thread::Builder::new().spawn(move || {
        thread::sleep(CONCURRENT_DEADLINE);
        watchdog.open();
    });
    finished.wait().await;

    let answers = std::mem::take(&mut *answers.lock().unwrap_or_else(PoisonError::into_inner));
    if answers.len() != CONCURRENT_CLAIMS {
        return Err(check.failed(format!(
            "{} of {CONCURRENT_CLAIMS} claims ended within {CONCURRENT_DEADLINE:?}",
            answers.len()
        )));
    }
    let mut winners = Vec::new();
    for answer in answers {
        match answer {
            Ok(Claim::Claimed(token)) => winners.push(token),
            Ok(Claim::InProgress) => {}
            other => return Err(check.failed(format!("a concurrent claim answered {other:?}"))),
        }
    }
    let [winner] = winners.as_slice() else {
        return Err(check.failed(format!(
            "{} of {CONCURRENT_CLAIMS} concurrent claims were Claimed, not 1",
            winners.len()
        )));
    };
    check
        .complete_answers("the winner's complete", winner, LONG, true)
        .await?;
    for store in stores {
        let answer = store.claim(&check.key, LONG).await;
        check.expect(
            "a claim after it, through every store",
            answer,
            Ok(Claim::Done),
        )?;
    }
    Ok(())
}

/// One check on one key of its own, which no other check or run uses.
struct Check<'a> {
    name: &'static str,
    store: &'a dyn DeliveryStore,
    key: String,
}

impl<'a> Check<'a> {
    fn new(name: &'static str, store: &'a dyn DeliveryStore) -> Self {
        let key = format!("conformance:{name}:{}", ClaimToken::generate().as_text());
        Self { name, store, key }
    }

    fn failed(&self, message: String) -> Violation {
        violation(self.name, message)
    }

    /// `answer` is `wanted`, or a violation that says what `what` answered instead.
    fn expect<T: PartialEq + fmt::Debug>(
        &self,
        what: &str,
        answer: Result<T, StoreError>,
        wanted: Result<T, StoreError>,
    ) -> Result<(), Violation> {
        if answer == wanted {
            return Ok(());
        }
        Err(self.failed(format!("{what} answered {answer:?}, not {wanted:?}")))
    }

    /// Claims the key, which must be free.
    async fn claimed(&self, lease: Duration) -> Result<ClaimToken, Violation> {
        match self.store.claim(&self.key, lease).await {
            Ok(Claim::Claimed(token)) => Ok(token),
            other => Err(self.failed(format!("a claim of a free key answered {other:?}"))),
        }
    }

    async fn claim_answers(&self, what: &str, wanted: Claim) -> Result<(), Violation> {
        self.expect(what, self.store.claim(&self.key, LONG).await, Ok(wanted))
    }

    async fn complete_answers(
        &self,
        what: &str,
        token: &ClaimToken,
        keep_for: Duration,
        wanted: bool,
    ) -> Result<(), Violation> {
        let answer = self.store.complete(&self.key, token, keep_for).await;
        self.expect(what, answer, Ok(wanted))
    }

    async fn release_answers(
        &self,
        what: &str,
        token: &ClaimToken,
        wanted: bool,
    ) -> Result<(), Violation> {
        self.expect(what, self.store.release(&self.key, token).await, Ok(wanted))
    }
}

fn violation(check: &'static str, message: impl Into<String>) -> Violation {
    Violation {
        check,
        message: message.into(),
    }
}

/// Waits, on any executor, by handing the wait to a thread.
async fn sleep(duration: Duration) {
    let woken = Arc::new(Latch::new(1));
    let waker = Arc::clone(&woken);
    let spawned = thread::Builder::new().spawn(move || {
        thread::sleep(duration);
        waker.count_down();
    });
    if spawned.is_err() {
        // No thread to wait on: block this one instead.
        thread::sleep(duration);
        return;
    }
    woken.wait().await;
}

/// Opens once counted down to zero; any number of tasks wait for it.
struct Latch {
    state: Mutex<LatchState>,
}

struct LatchState {
    remaining: usize,
    waiting: Vec<Waker>,
}

impl Latch {
    fn new(count: usize) -> Self {
        Self {
            state: Mutex::new(LatchState {
                remaining: count,
                waiting: Vec::new(),
            }),
        }
    }

    fn count_down(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.remaining = state.remaining.saturating_sub(1);
        if state.remaining == 0 {
            state.waiting.drain(..).for_each(Waker::wake);
        }
    }

    fn open(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.remaining = 0;
        state.waiting.drain(..).for_each(Waker::wake);
    }

    fn wait(&self) -> impl Future<Output = ()> + '_ {
        std::future::poll_fn(move |cx| {
            let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
            if state.remaining == 0 {
                return Poll::Ready(());
            }
            if !state
                .waiting
                .iter()
                .any(|waker| waker.will_wake(cx.waker()))
            {
                state.waiting.push(cx.waker().clone());
            }
            Poll::Pending
        })
    }
}

struct CountDownOnDrop(Arc<Latch>);

impl Drop for CountDownOnDrop {
    fn drop(&mut self) {
        self.0.count_down();
    }
}
