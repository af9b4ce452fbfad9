//! EZQ's body HMAC verification beside its floor, measured in the same run.
//!
//! - `floor`: a bare HMAC-SHA256 of the body with the `hmac` crate, its key state precomputed:
//!   the HMAC every verifier must compute.
//! - `by hand`: a careful hand-written verify: the header found in the same pairs, its 64 hex
//!   digits decoded, the precomputed HMAC, a constant-time comparison.
//! - `crate`: `ezq::Webhook::verify_signature` with the same pairs, as a receiver calls it.
//!
//! The ratios come from an interleaved run (the best of many short batches, the contenders
//! taking turns), which load on a shared machine distorts far less than measurements taken one
//! after the other. Run with `cargo bench --bench body_hmac`.

use std::hint::black_box;
use std::time::Instant;

use commerce_webhooks::scheme::body_hmac;
use commerce_webhooks::{ezq, Secret};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

const SECRET: &str = "ezq_benchmark_secret_0123456789";
const SIZES: [(usize, &str); 3] = [(64, "64B"), (1024, "1KiB"), (16 * 1024, "16KiB")];

fn body_of(len: usize) -> Vec<u8> {
    let pattern = br#"{"event":"order.completed","data":{"slugId":"7-abc","status":"completed"}}"#;
    pattern.iter().copied().cycle().take(len).collect()
}

/// What a careful partner would write for EZQ without this crate.
fn by_hand(keyed: &Hmac<Sha256>, headers: &[(&str, &str)], body: &[u8]) -> bool {
    let mut values = headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("x-signature"));
    let (Some((_, value)), None) = (values.next(), values.next()) else {
        return false;
    };
    let mut received = [0u8; 32];
    if hex::decode_to_slice(value.trim(), &mut received).is_err() {
        return false;
    }
    let mut mac = keyed.clone();
    mac.update(body);
    let expected: [u8; 32] = mac.finalize().into_bytes().into();
    expected.ct_eq(&received).into()
}

/// Best time per call, in nanoseconds, of each contender over `rounds` rounds in which they
/// take turns running `batch` calls: noise only ever adds time, so the minimum is the cleanest
/// estimate, and taking turns exposes all of them to the same conditions.
fn interleaved_best(contenders: [&dyn Fn(); 3], batch: u32, rounds: u32) -> [f64; 3] {
    let mut best = [f64::INFINITY; 3];
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

fn main() {
    let secret = Secret::new(SECRET).expect("valid secret");
    let keyed = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).expect("any key length");
    let hook = ezq::Webhook::new(secret.clone());
    println!(
        "{:>6}  {:>9}  {:>10}  {:>9}  {:>13}  {:>12}",
        "size", "floor ns", "by hand ns", "crate ns", "by hand/floor", "crate/floor"
    );
    for (len, label) in SIZES {
        let body = body_of(len);
        let signature = body_hmac::sign(&secret, &body);
        let headers = [
            ("host", "shop.example"),
            ("user-agent", "EZQ-Webhooks/1.0"),
            ("content-type", "application/json"),
            ("x-signature", signature.as_str()),
        ];
        assert!(by_hand(&keyed, &headers, &body));
        assert!(hook.verify_signature(&headers, &body).is_ok());
        let floor = || {
            let mut mac = keyed.clone();
            mac.update(black_box(&body));
            black_box(mac.finalize().into_bytes());
        };
        let hand = || {
            black_box(by_hand(&keyed, black_box(&headers), black_box(&body)));
        };
        let ours = || {
            black_box(hook.verify_signature(black_box(&headers), black_box(&body))).ok();
        };
        let batch = u32::try_from((2_000_000 / (len + 200)).max(3)).unwrap_or(3);
        let [floor_ns, hand_ns, crate_ns] = interleaved_best([&floor, &hand, &ours], batch, 400);
        println!(
            "{label:>6}  {floor_ns:>9.0}  {hand_ns:>10.0}  {crate_ns:>9.0}  {:>13.3}  {:>12.3}",
            hand_ns / floor_ns,
            crate_ns / floor_ns
        );
    }
}
