//! Parsing benchmarks, each beside its floor: serde_json reading the same bytes into
//! `IgnoredAny` (validating the JSON and building nothing), the least any parser must do.
//!
//! `cargo bench --bench parse`

use std::hint::black_box;
use std::time::{Duration, Instant};

use commerce_webhooks::ezq;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde::de::IgnoredAny;

// ---------------------------------------------------------------------------------------------
// EZQ: the order sample of EZQ's page.

const EZQ_SAMPLE: &str = include_str!("../tests/fixtures/ezq/order_marketplace_confirmed.json");

fn ezq_typed(body: &[u8]) -> ezq::Event {
    ezq::Event::parse(body).expect("the EZQ sample parses")
}

fn ezq_floor(body: &[u8]) -> IgnoredAny {
    serde_json::from_slice(body).expect("the EZQ sample is JSON")
}

fn bench_ezq(c: &mut Criterion) {
    let body = EZQ_SAMPLE.as_bytes();
    let mut group = c.benchmark_group("parse/ezq");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("ezq::Event", |b| b.iter(|| ezq_typed(black_box(body))));
    group.bench_function("IgnoredAny (floor)", |b| {
        b.iter(|| ezq_floor(black_box(body)))
    });
    group.finish();
    print_ratio("ezq::Event", body, ezq_typed, ezq_floor);
}

// ---------------------------------------------------------------------------------------------
// The ratio of a parser to its floor, measured in the same run.

/// Times `typed` and `floor` on `body`, interleaved in rounds so drift affects both alike, and
/// prints the time per parse of each and their ratio.
fn print_ratio<T, F>(label: &str, body: &[u8], typed: fn(&[u8]) -> T, floor: fn(&[u8]) -> F) {
    fn per_parse<R>(body: &[u8], parse: fn(&[u8]) -> R, iterations: u32) -> Duration {
        let start = Instant::now();
        for _ in 0..iterations {
            black_box(parse(black_box(body)));
        }
        start.elapsed() / iterations
    }
    const ITERATIONS: u32 = 20_000;
    const ROUNDS: usize = 15;
    let (mut typed_times, mut floor_times) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        typed_times.push(per_parse(body, typed, ITERATIONS));
        floor_times.push(per_parse(body, floor, ITERATIONS));
    }
    typed_times.sort();
    floor_times.sort();
    let (typed, floor) = (typed_times[ROUNDS / 2], floor_times[ROUNDS / 2]);
    println!(
        "{label}: {} bytes, {typed:?} per parse vs floor {floor:?}: {:.2}x the floor (median of {ROUNDS} rounds)",
        body.len(),
        typed.as_secs_f64() / floor.as_secs_f64()
    );
}

criterion_group!(benches, bench_ezq);
criterion_main!(benches);
