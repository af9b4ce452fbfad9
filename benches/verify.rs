//! Timestamped verification beside its floor, measured in the same run.
//!
//! - `floor`: a bare HMAC-SHA256 over the same body bytes with the `hmac` crate, the key state
//!   precomputed: the HMAC every verifier must compute.
//! - `verify`: `timestamped::Verifier::verify_at` with one secret and a header carrying two `v1`
//!   (a rolled key's first, then the current one), header lookup included.
//! - `naive`: what most SDKs do: split the header into owned strings, key an HMAC from the
//!   secret, format `"{t}.{body}"`, hex-encode the MAC, compare strings.
//! - `request`: what a receiver runs: `leasecloud::Webhook::verify_signature` with the headers
//!   as a framework hands them over (an `http::HeaderMap` of six headers), through
//!   `Request`, against the system clock.
//!
//! After criterion's report the ratios are printed twice: from criterion's means, and from an
//! interleaved run (the best of many short batches, the three contenders taking turns), which
//! load on a shared machine distorts far less than measurements taken one after the other.
//! Run with `cargo bench --bench verify`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use commerce_webhooks::scheme::timestamped::{self, Verifier};
use commerce_webhooks::{leasecloud, Secret};
use criterion::{BenchmarkId, Criterion, Throughput};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use time::OffsetDateTime;

const GROUP: &str = "verify";
const SIZES: [(usize, &str); 4] = [
    (64, "64B"),
    (1024, "1KiB"),
    (16 * 1024, "16KiB"),
    (1 << 20, "1MiB"),
];
const SECRET: &str = "whsec_benchmark_secret_0123456789";
const HEADER: &str = "LeaseCloud-Signature";
const T: i64 = 1_700_000_000;

fn body_of(len: usize) -> Vec<u8> {
    // JSON-ish ASCII so the naive approach can treat it as a string, as SDKs do.
    let pattern = br#"{"id":"evt:1","action":"order.created","data":{"status":"PENDING"}}"#;
    pattern.iter().copied().cycle().take(len).collect()
}

/// Most SDKs: owned pieces, a fresh HMAC, a formatted payload, hex strings compared.
fn naive_verify(secret: &str, header: &str, body: &[u8], now: i64) -> bool {
    let pairs: Vec<(String, String)> = header
        .split(',')
        .filter_map(|item| {
            let (k, v) = item.split_once('=')?;
            Some((k.trim().to_owned(), v.trim().to_owned()))
        })
        .collect();
    let Some(t) = pairs.iter().find(|(k, _)| k == "t").map(|(_, v)| v.clone()) else {
        return false;
    };
    let signatures: Vec<String> = pairs
        .into_iter()
        .filter(|(k, _)| k == "v1")
        .map(|(_, v)| v)
        .collect();
    let payload = format!("{t}.{}", String::from_utf8_lossy(body));
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return false;
    };
    mac.update(payload.as_bytes());
    let expected = hex::encode(mac.finalize().into_bytes());
    let matched = signatures
        .iter()
        .any(|s| subtle::ConstantTimeEq::ct_eq(s.as_bytes(), expected.as_bytes()).into());
    let fresh = t.parse::<i64>().is_ok_and(|t| (now - t).abs() <= 300);
    matched && fresh
}

fn bench_verify(c: &mut Criterion) {
    let secret = Secret::new(SECRET).expect("valid secret");
    let keyed = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).expect("any key length");
    let verifier = Verifier::new(HEADER, secret.clone());
    let rolled = Secret::new("whsec_rolled_key").expect("valid secret");
    let now = OffsetDateTime::from_unix_timestamp(T).expect("valid time");

    let mut group = c.benchmark_group(GROUP);
    group.measurement_time(Duration::from_secs(4));
    for (len, label) in SIZES {
        let body = body_of(len);
        let header = two_signature_header(&secret, &rolled, &body);
        let headers = [
            ("content-type", "application/json"),
            (HEADER, header.as_str()),
        ];
        assert!(verifier.verify_at(&headers, &body, now).is_ok());
        assert!(naive_verify(SECRET, &header, &body, T));

        group.throughput(Throughput::Bytes(len as u64));
        group.bench_with_input(BenchmarkId::new("floor", label), &body, |b, body| {
            b.iter(|| {
                let mut mac = keyed.clone();
                mac.update(black_box(body));
                black_box(mac.finalize().into_bytes())
            });
        });
        group.bench_with_input(BenchmarkId::new("verify", label), &body, |b, body| {
            b.iter(|| black_box(verifier.verify_at(black_box(&headers), black_box(body), now)));
        });
        group.bench_with_input(BenchmarkId::new("naive", label), &body, |b, body| {
            b.iter(|| black_box(naive_verify(SECRET, black_box(&header), black_box(body), T)));
        });
        let fresh = fresh_request(&secret, &rolled, &body);
        let hook = leasecloud::Webhook::new(secret.clone());
        assert!(hook.verify_signature(&fresh, &body).is_ok());
        group.bench_with_input(BenchmarkId::new("request", label), &body, |b, body| {
            b.iter(|| black_box(hook.verify_signature(black_box(&fresh), black_box(body))));
        });
    }
    group.finish();
}

/// The headers a framework hands over for a request signed now (with a rolled key's
/// signature first): an `http::HeaderMap` with the usual neighbours of the signature.
fn fresh_request(secret: &Secret, rolled: &Secret, body: &[u8]) -> http::HeaderMap {
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let current = timestamped::sign(secret, now, body);
    let old = timestamped::sign(rolled, now, body);
    let old_v1 = old.split_once(',').map(|(_, v1)| v1).expect("v1 part");
    let (t, current_v1) = current.split_once(',').expect("v1 part");
    let mut headers = http::HeaderMap::new();
    for (name, value) in [
        ("host", "shop.example".to_owned()),
        ("user-agent", "LeaseCloud-Webhooks/1.0".to_owned()),
        ("content-type", "application/json".to_owned()),
        ("content-length", body.len().to_string()),
        ("leasecloud-version", "1.0.0".to_owned()),
        ("leasecloud-signature", format!("{t},{old_v1},{current_v1}")),
    ] {
        headers.insert(
            http::HeaderName::from_static(name),
            http::HeaderValue::from_str(&value).expect("header value"),
        );
    }
    headers
}

/// Best time per call, in nanoseconds, of each contender over `rounds` rounds in which they
/// take turns running `batch` calls: noise only ever adds time, so the minimum is the
/// cleanest estimate, and taking turns exposes all three to the same conditions.
fn interleaved_best(contenders: [&dyn Fn(); 4], batch: u32, rounds: u32) -> [f64; 4] {
    let mut best = [f64::INFINITY; 4];
    for _ in 0..rounds {
        for (run, best) in contenders.iter().zip(best.iter_mut()) {
            let start = Instant::now();
            for _ in 0..batch {
                run();
            }
            *best = best.min(start.elapsed().as_nanos() as f64 / f64::from(batch));
        }
    }
    best
}

/// The interleaved measurement for every size.
fn interleaved_ratios() -> Vec<(&'static str, [f64; 4])> {
    let secret = Secret::new(SECRET).expect("valid secret");
    let keyed = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).expect("any key length");
    let verifier = Verifier::new(HEADER, secret.clone());
    let rolled = Secret::new("whsec_rolled_key").expect("valid secret");
    let now = OffsetDateTime::from_unix_timestamp(T).expect("valid time");
    SIZES
        .iter()
        .map(|&(len, label)| {
            let body = body_of(len);
            let header = two_signature_header(&secret, &rolled, &body);
            let headers = [
                ("content-type", "application/json"),
                (HEADER, header.as_str()),
            ];
            let floor = || {
                let mut mac = keyed.clone();
                mac.update(black_box(&body));
                black_box(mac.finalize().into_bytes());
            };
            let verify = || {
                black_box(verifier.verify_at(black_box(&headers), black_box(&body), now)).ok();
            };
            let naive = || {
                black_box(naive_verify(
                    SECRET,
                    black_box(&header),
                    black_box(&body),
                    T,
                ));
            };
            let fresh = fresh_request(&secret, &rolled, &body);
            let hook = leasecloud::Webhook::new(secret.clone());
            let request = || {
                black_box(hook.verify_signature(black_box(&fresh), black_box(&body))).ok();
            };
            // About 2 ms per batch whatever the size, 300 rounds: many short batches give the
            // minimum more chances to land in a quiet moment than a few long ones.
            let batch = u32::try_from((2_000_000 / (len + 200)).max(3)).unwrap_or(3);
            (
                label,
                interleaved_best([&floor, &verify, &naive, &request], batch, 300),
            )
        })
        .collect()
}

/// A header carrying a rolled key's signature first, then the current one.
fn two_signature_header(secret: &Secret, rolled: &Secret, body: &[u8]) -> String {
    let current = timestamped::sign(secret, T, body);
    let old = timestamped::sign(rolled, T, body);
    let old_v1 = old.split_once(',').map(|(_, v1)| v1).expect("v1 part");
    let current_v1 = current.split_once(',').map(|(_, v1)| v1).expect("v1 part");
    format!("t={T},{old_v1},{current_v1}")
}

/// The mean of one benchmark in nanoseconds, from criterion's saved estimates.
fn mean_ns(function: &str, label: &str) -> Option<f64> {
    let path = commerce_webhooks_benches::criterion_dir()
        .join(GROUP)
        .join(function)
        .join(label)
        .join("new/estimates.json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

const TARGETS: [f64; 4] = [1.6, 1.12, 1.03, 1.02];
const NAIVE_TARGETS: [Option<f64>; 4] = [Some(2.0), Some(1.3), None, None];
const REQUEST_TARGETS: [Option<f64>; 4] = [Some(1.45), Some(1.10), None, None];

fn print_table(title: &str, rows: &[(&str, Option<[f64; 4]>)]) {
    println!("\n{title}");
    println!(
        "{:>6}  {:>9}  {:>9}  {:>9}  {:>10}  {:>16}  {:>14}  {:>17}",
        "size",
        "floor ns",
        "verify ns",
        "naive ns",
        "request ns",
        "verify/floor",
        "naive/verify",
        "request/floor"
    );
    for ((label, times), ((target, naive_target), request_target)) in rows
        .iter()
        .zip(TARGETS.iter().zip(NAIVE_TARGETS).zip(REQUEST_TARGETS))
    {
        let Some([floor, verify, naive, request]) = times else {
            println!("{label:>6}  (not measured in this run)");
            continue;
        };
        let goal = |goal: Option<f64>, sign: &str| {
            goal.map_or(String::new(), |goal| format!(" ({sign} {goal})"))
        };
        println!(
            "{label:>6}  {floor:>9.0}  {verify:>9.0}  {naive:>9.0}  {request:>10.0}  {:>6.3} (≤ {target:<4})  {:>6.2}{:<7}  {:>6.3}{}",
            verify / floor,
            naive / verify,
            goal(naive_target, "≥"),
            request / floor,
            goal(request_target, "≤"),
        );
    }
}

fn print_ratios() {
    let criterion_rows: Vec<_> = SIZES
        .iter()
        .map(|&(_, label)| {
            let times = match (
                mean_ns("floor", label),
                mean_ns("verify", label),
                mean_ns("naive", label),
                mean_ns("request", label),
            ) {
                (Some(f), Some(v), Some(n), Some(r)) => Some([f, v, n, r]),
                _ => None,
            };
            (label, times)
        })
        .collect();
    print_table("ratios from criterion's means (this run):", &criterion_rows);
    let interleaved: Vec<_> = interleaved_ratios()
        .into_iter()
        .map(|(label, times)| (label, Some(times)))
        .collect();
    print_table(
        "ratios from the interleaved best-of run (this run):",
        &interleaved,
    );
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench_verify(&mut criterion);
    criterion.final_summary();
    print_ratios();
}
