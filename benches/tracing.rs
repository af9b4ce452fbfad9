//! What the `tracing` feature costs a delivery, in nanoseconds: the axum extractors and the
//! duplicate guard run on one LeaseCloud `order.created` (the page sample, compacted: the
//! body of `benches/receiver`'s 1 KiB routes), with no subscriber and with one that keeps
//! every span and writes nothing (`tracing_subscriber::registry()`, as the load benchmark's
//! tracing build installs). The load benchmark gives the loaded request's whole cost; this
//! gives the part of it the spans take, which is too small for the load benchmark to resolve.
//!
//! - `Verified`: the extractor (verify, parse) and the acknowledgement, as `/verified`;
//! - `Received + Guard`: the extractor with the record, a claim of a new delivery on a
//!   `MemoryStore`, the acknowledgement, the completion, as `/guarded`;
//! - `Verified, unknown fields`: `Verified` on a `Webhook` built with `report_unknown_fields`,
//!   subscriber on: the second, listening parse on top of the span.
//!
//! Both dispatchers live in the process, so with none the span macros still look up the
//! current dispatcher (a thread-local read and a branch): a build without the feature saves
//! those few nanoseconds too, so the difference measured is what the feature costs, within
//! them. Run with `cargo bench -p commerce-webhooks-benches --features tracing --bench tracing`.

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum_core::body::Body;
use axum_core::extract::{FromRef, FromRequest};
use commerce_webhooks::axum::{Received, Verified};
use commerce_webhooks::dedup::{Guard, MemoryStore, Outcome};
use commerce_webhooks::{leasecloud, samples, Reply, Secret};
use tracing::span::{Attributes, Id};
use tracing::{Dispatch, Subscriber};
use tracing_subscriber::layer::{Context as LayerContext, SubscriberExt};
use tracing_subscriber::Layer;

// The load benchmark's helper, so that both compact the sample alike.
#[path = "../examples/support/json_text.rs"]
#[allow(dead_code)]
mod json_text;

const SECRET: &str = "whsec_tracing_benchmark";
/// New deliveries the guarded contenders take in turn; the store forgets one after
/// [`KEEP_FOR`], long before it comes round again.
const DELIVERIES: usize = 4096;
const KEEP_FOR: Duration = Duration::from_millis(1);
const BATCH: usize = 256;
const ROUNDS: usize = 400;

#[derive(Clone)]
struct State {
    hook: leasecloud::Webhook,
}

impl FromRef<State> for leasecloud::Webhook {
    fn from_ref(state: &State) -> Self {
        state.hook.clone()
    }
}

/// Counts the spans opened named `webhook`.
struct CountSpans(Arc<AtomicUsize>);

impl<S: Subscriber> Layer<S> for CountSpans {
    fn on_new_span(&self, attributes: &Attributes<'_>, _: &Id, _: LayerContext<'_, S>) {
        if attributes.metadata().name() == "webhook" {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// One signed delivery, as the extractor receives it.
#[derive(Clone)]
struct Signed {
    signature: String,
    body: bytes::Bytes,
}

impl Signed {
    fn request(&self) -> axum_core::extract::Request {
        http::Request::builder()
            .method("POST")
            .uri("/webhooks/leasecloud")
            .header("host", "shop.example")
            .header("content-type", "application/json")
            .header("content-length", self.body.len())
            .header("leasecloud-version", "1.0.0")
            .header("leasecloud-signature", &self.signature)
            .body(Body::from(self.body.clone()))
            .expect("a valid request")
    }
}

fn deliveries(secret: &Secret) -> Vec<Signed> {
    let body = json_text::compact(samples::LEASECLOUD[0].body);
    let id = r#""id":"evt:e1f0aed8-883a-9751-74a3-48537d3d94ce""#;
    assert!(body.contains(id), "the sample's event id moved");
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs() as i64;
    (0..DELIVERIES)
        .map(|n| {
            let body = body.replacen(id, &format!(r#""id":"evt:bench-{n}""#), 1);
            let [(_, signature), _] = leasecloud::Webhook::sign_headers(secret, now, &body);
            Signed {
                signature,
                body: bytes::Bytes::from(body),
            }
        })
        .collect()
}

/// Runs a future that never waits (the body is in memory, the store answers at once).
fn complete<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the benchmark's futures complete without waiting"),
    }
}

fn verified(state: &State, signed: &Signed) -> Reply {
    let Verified(event) = complete(Verified::<leasecloud::Webhook>::from_request(
        signed.request(),
        state,
    ))
    .expect("an authentic, parseable delivery");
    leasecloud::Acknowledgement::for_event(&event).into()
}

fn guarded(state: &State, guard: &Guard<leasecloud::Webhook>, signed: &Signed) -> Reply {
    let Received { delivery, event } = complete(Received::<leasecloud::Webhook>::from_request(
        signed.request(),
        state,
    ))
    .expect("an authentic delivery");
    let outcome = complete(guard.run(&delivery, || async move {
        event.map(|event| Reply::from(leasecloud::Acknowledgement::for_event(&event)))
    }));
    match outcome {
        Outcome::Handled(reply) => reply,
        _ => panic!("every delivery is new"),
    }
}

fn main() {
    let secret = Secret::new(SECRET).expect("a valid secret");
    let plain = State {
        hook: leasecloud::Webhook::new(secret.clone()),
    };
    let reporting = State {
        hook: leasecloud::Webhook::new(secret.clone()).report_unknown_fields(),
    };
    let signed = deliveries(&secret);
    let guard = |_| {
        Guard::<leasecloud::Webhook>::new(Arc::new(MemoryStore::new(100_000))).keep_for(KEEP_FOR)
    };
    let guards: [Guard<leasecloud::Webhook>; 2] = [guard(0), guard(1)];
    let none = Dispatch::none();
    let registry = Dispatch::new(tracing_subscriber::registry());

    // Each contender: its name, its dispatcher, and one delivery's work.
    type Work<'a> = Box<dyn Fn(&Signed) -> Reply + 'a>;
    let contenders: [(&str, &Dispatch, Work); 5] = [
        ("Verified", &none, Box::new(|s| verified(&plain, s))),
        ("Verified", &registry, Box::new(|s| verified(&plain, s))),
        (
            "Received + Guard",
            &none,
            Box::new(|s| guarded(&plain, &guards[0], s)),
        ),
        (
            "Received + Guard",
            &registry,
            Box::new(|s| guarded(&plain, &guards[1], s)),
        ),
        (
            "Verified, unknown fields",
            &registry,
            Box::new(|s| verified(&reporting, s)),
        ),
    ];
    for (_, dispatch, work) in &contenders {
        tracing::dispatcher::with_default(dispatch, || {
            assert_eq!(work(&signed[0]).status_code(), 200);
        });
    }
    // The subscriber does see the spans being measured: one `webhook` span per delivery.
    for (label, _, work) in &contenders {
        let spans = Arc::new(AtomicUsize::new(0));
        let counting =
            Dispatch::new(tracing_subscriber::registry().with(CountSpans(spans.clone())));
        tracing::dispatcher::with_default(&counting, || work(&signed[DELIVERIES - 1]));
        assert_eq!(
            spans.load(Ordering::Relaxed),
            1,
            "{label}: one span per delivery"
        );
    }

    // Best time per delivery of each contender, taking turns batch by batch: noise only adds
    // time, and taking turns exposes every contender to the same spells of the machine.
    let mut best = [f64::INFINITY; 5];
    let mut next = 1;
    for _ in 0..ROUNDS {
        for ((_, dispatch, work), best) in contenders.iter().zip(best.iter_mut()) {
            let batch = &signed[next..next + BATCH];
            let elapsed = tracing::dispatcher::with_default(dispatch, || {
                let start = Instant::now();
                for signed in batch {
                    black_box(work(black_box(signed)));
                }
                start.elapsed()
            });
            *best = best.min(elapsed.as_nanos() as f64 / BATCH as f64);
        }
        next = if next + 2 * BATCH > DELIVERIES {
            1
        } else {
            next + BATCH
        };
    }

    println!("interleaved best of {ROUNDS} rounds of {BATCH} deliveries, ns per delivery:");
    println!("| path | no subscriber | spans kept | difference | spans / none |");
    println!("|---|---|---|---|---|");
    for (label, off, on) in [
        ("Verified", best[0], best[1]),
        ("Received + Guard", best[2], best[3]),
        ("Verified, unknown fields", best[0], best[4]),
    ] {
        println!(
            "| {label} | {off:.0} | {on:.0} | {:.0} | {:.3} |",
            on - off,
            on / off
        );
    }
    println!(
        "A loaded request's cost is the server's CPU time per request in benches/receiver: \
         divide the difference by it."
    );
}
