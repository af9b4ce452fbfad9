//! Timing-leak tests of the verifiers' compares with dudect (Reparaz, Balasch and Verbauwhede,
//! "Dude, is my code constant time?"), through the public API only.
//!
//! Each test times one call on two fixed inputs (the left and the right class), the class
//! drawn at random per sample, and reports Welch's t between the two timing distributions;
//! dudect-bencher also tries 100 cropped versions of them and prints the largest |t|, with
//! `n` the sample count of that version. The key and the body are the same in both classes,
//! so the HMAC work is identical and only the compare can differ. |t| above 4.5 is the usual
//! sign of a leak; a leak also keeps its sign from run to run (an early exit is faster when
//! the difference comes first).
//!
//! - **Leak tests** (`…_first_vs_last`, `shared_secret_secret_…`): both inputs are refused, so
//!   only an early exit in the compare, or a length check against the secret, could tell them
//!   apart.
//! - **Ok/Err** (`…_equal_vs_differing`): these also time the Ok/Err branch and what follows
//!   it (the timestamp check runs only after a match). Whether a request was accepted is
//!   public anyway, so a large |t| there is expected and harmless.
//! - **Received length** (`shared_secret_shorter_…`, `shared_secret_longer_…`): values one
//!   byte shorter or longer than the secret against one of its length. Hashing the received
//!   value costs what its length costs, which its sender knows; the bare SHA-256 of the same
//!   values (`sha256_floor_…`) shows that this accounts for the difference.
//! - **Controls**: `…_identical_control` puts the same input in both classes, so whatever
//!   |t| it reaches is what the machine's noise and the harness produce with no difference at
//!   all. `timestamped_early_exit_control` and `timestamped_memcmp_control` add a compare
//!   that stops at the first difference (byte at a time, then `==` on the slices, whose
//!   memcmp works a vector at a time) to the timestamped verifier: what a large and a small
//!   early exit look like on the machine at hand.
//!
//! Run with `cargo bench -p commerce-webhooks-benches --bench constant_time`; add a filter
//! (`-- shared_secret`) to run some tests, `CT_SAMPLES` to change the samples per test
//! (default 2 000 000), and `--continuous` to run the first matching test until interrupted.

use std::hint::black_box;
use std::sync::OnceLock;

use commerce_webhooks::scheme::{body_hmac, shared_secret, timestamped};
use commerce_webhooks::Secret;
use dudect_bencher::ctbench::{run_benches_console, BenchFn, BenchMetadata, BenchName, BenchOpts};
use dudect_bencher::rand::RngExt;
use dudect_bencher::{BenchRng, Class, CtRunner};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

const SECRET: &str = "whsec_constant_time_0123456789ab";
const OTHER_SECRET: &str = "whsec_someone_else_9876543210zy";
const HEADER: &str = "LeaseCloud-Signature";
const SECRET_HEADER: &str = "X-Event-Secret";
const T: i64 = 1_700_000_000;
/// A small body, so that the compare is a large share of the time measured.
const BODY: &[u8] = br#"{"id":"evt:1","action":"order.signed","data":{"orderId":"42"}}"#;

/// Samples per test, set once in `main`.
static SAMPLES: OnceLock<usize> = OnceLock::new();

fn samples() -> usize {
    SAMPLES.get().copied().unwrap_or(0)
}

/// Times `run` on `inputs[0]` (left class) and `inputs[1]` (right class), in an order drawn
/// before timing starts so that the random generator is not timed.
///
/// Before each call the input is copied to one fixed buffer, reading both inputs and keeping
/// one by mask, and the copy is fenced: the call then reads the same address in both
/// classes, and what precedes it touches the same memory in both. Read from two separate
/// allocations, the same value in both classes can give |t| near 100: where the inputs sit
/// across cache lines and pages shows at about a nanosecond, which millions of samples detect.
fn compare<T>(
    runner: &mut CtRunner,
    rng: &mut BenchRng,
    inputs: [&[u8]; 2],
    run: impl Fn(&[u8]) -> T,
) {
    const MAX: usize = 256;
    #[repr(align(64))]
    struct Line([u8; MAX]);
    let padded = inputs.map(|input| {
        let mut line = Box::new(Line([0; MAX]));
        line.0[..input.len()].copy_from_slice(input);
        line
    });
    let mut scratch = Line([0; MAX]);
    let classes: Vec<bool> = (0..samples()).map(|_| rng.random()).collect();
    for is_right in classes {
        let class = if is_right { Class::Right } else { Class::Left };
        let keep_right = 0u8.wrapping_sub(u8::from(black_box(is_right)));
        for ((byte, left), right) in scratch.0.iter_mut().zip(&padded[0].0).zip(&padded[1].0) {
            *byte = (left & !keep_right) | (right & keep_right);
        }
        std::sync::atomic::fence(std::sync::atomic::Ordering::SeqCst);
        let input = &scratch.0[..inputs[usize::from(is_right)].len()];
        runner.run_one(class, || run(black_box(input)));
    }
}

/// [`compare`] for two verifiers given the same input.
fn compare_verifiers<V, T>(
    runner: &mut CtRunner,
    rng: &mut BenchRng,
    verifiers: [&V; 2],
    run: impl Fn(&V) -> T,
) {
    let classes: Vec<bool> = (0..samples()).map(|_| rng.random()).collect();
    for is_right in classes {
        let (class, verifier) = if is_right {
            (Class::Right, verifiers[1])
        } else {
            (Class::Left, verifiers[0])
        };
        runner.run_one(class, || run(black_box(verifier)));
    }
}

fn secret(value: &str) -> Secret {
    Secret::new(value).expect("valid secret")
}

/// `text` with the character at `at` replaced by another of the same kind (digit by digit,
/// letter by letter, same case), so that decoding the received value does the same work.
fn altered(text: &str, at: usize) -> String {
    let mut bytes = text.as_bytes().to_vec();
    bytes[at] = match bytes[at] {
        b'9' => b'0',
        b'f' => b'a',
        b'F' => b'A',
        b'z' => b'a',
        b'Z' => b'A',
        other => other + 1,
    };
    String::from_utf8(bytes).expect("ASCII in, ASCII out")
}

fn last(text: &str) -> usize {
    text.len() - 1
}

// --- Timestamped ---------------------------------------------------------------------------

fn now() -> OffsetDateTime {
    // Inside the default tolerance, so that an accepted header runs the real timestamp check.
    OffsetDateTime::from_unix_timestamp(T + 1).expect("valid time")
}

fn timestamped_verifier() -> timestamped::Verifier {
    timestamped::Verifier::new(HEADER, secret(SECRET))
}

/// A signed header with its `v1` altered at the first and at the last hex digit.
fn timestamped_first_and_last() -> (String, String, String) {
    let header = timestamped::sign(&secret(SECRET), T, BODY);
    let first_digit = header.find("v1=").expect("signed header has a v1") + 3;
    let first = altered(&header, first_digit);
    let last = altered(&header, last(&header));
    (header, first, last)
}

fn timestamped_equal_vs_differing(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = timestamped_verifier();
    let right = timestamped::sign(&secret(SECRET), T, BODY);
    let wrong = timestamped::sign(&secret(OTHER_SECRET), T, BODY);
    assert!(verifier
        .verify_value_at(right.as_bytes(), BODY, now())
        .is_ok());
    compare(runner, rng, [right.as_bytes(), wrong.as_bytes()], |h| {
        verifier.verify_value_at(h, BODY, now())
    });
}

fn timestamped_first_vs_last(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = timestamped_verifier();
    let (_, first, last) = timestamped_first_and_last();
    assert!(verifier
        .verify_value_at(first.as_bytes(), BODY, now())
        .is_err());
    assert!(verifier
        .verify_value_at(last.as_bytes(), BODY, now())
        .is_err());
    compare(runner, rng, [first.as_bytes(), last.as_bytes()], |h| {
        verifier.verify_value_at(h, BODY, now())
    });
}

/// The same verifier call, then a compare that returns at the first differing byte.
fn timestamped_early_exit_control(runner: &mut CtRunner, rng: &mut BenchRng) {
    fn early_exit_eq(a: &[u8], b: &[u8]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| black_box(*x) == *y)
    }
    let verifier = timestamped_verifier();
    let (header, first, last) = timestamped_first_and_last();
    compare(runner, rng, [first.as_bytes(), last.as_bytes()], |h| {
        (
            verifier.verify_value_at(h, BODY, now()),
            early_exit_eq(h, header.as_bytes()),
        )
    });
}

/// The same verifier call, then `==` on the slices: memcmp also stops at the first difference,
/// but compares a vector at a time, so it saves only a few vector compares.
fn timestamped_memcmp_control(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = timestamped_verifier();
    let (header, first, last) = timestamped_first_and_last();
    compare(runner, rng, [first.as_bytes(), last.as_bytes()], |h| {
        (
            verifier.verify_value_at(h, BODY, now()),
            h == header.as_bytes(),
        )
    });
}

fn timestamped_identical_control(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = timestamped_verifier();
    let (_, first, _) = timestamped_first_and_last();
    compare(runner, rng, [first.as_bytes(), first.as_bytes()], |h| {
        verifier.verify_value_at(h, BODY, now())
    });
}

// --- Body HMAC -----------------------------------------------------------------------------

fn body_hmac_verifier() -> body_hmac::Verifier {
    body_hmac::Verifier::new("x-signature", secret(SECRET))
}

fn body_hmac_equal_vs_differing(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = body_hmac_verifier();
    let right = body_hmac::sign(&secret(SECRET), BODY);
    let wrong = body_hmac::sign(&secret(OTHER_SECRET), BODY);
    assert!(verifier.verify_value(right.as_bytes(), BODY).is_ok());
    compare(runner, rng, [right.as_bytes(), wrong.as_bytes()], |s| {
        verifier.verify_value(s, BODY)
    });
}

fn body_hmac_first_vs_last(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = body_hmac_verifier();
    let signature = body_hmac::sign(&secret(SECRET), BODY);
    // Hex digits 0 and 63: the first and the last byte of the tag.
    let first = altered(&signature, 0);
    let last = altered(&signature, last(&signature));
    assert!(verifier.verify_value(first.as_bytes(), BODY).is_err());
    assert!(verifier.verify_value(last.as_bytes(), BODY).is_err());
    compare(runner, rng, [first.as_bytes(), last.as_bytes()], |s| {
        verifier.verify_value(s, BODY)
    });
}

fn body_hmac_identical_control(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = body_hmac_verifier();
    let first = altered(&body_hmac::sign(&secret(SECRET), BODY), 0);
    compare(runner, rng, [first.as_bytes(), first.as_bytes()], |s| {
        verifier.verify_value(s, BODY)
    });
}

// --- Shared secret -------------------------------------------------------------------------

fn shared_secret_verifier() -> shared_secret::Verifier {
    shared_secret::Verifier::new(SECRET_HEADER, secret(SECRET))
}

fn shared_secret_equal_vs_differing(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = shared_secret_verifier();
    let wrong = altered(SECRET, SECRET.len() / 2);
    compare(runner, rng, [SECRET.as_bytes(), wrong.as_bytes()], |v| {
        verifier.verify_value(v)
    });
}

fn shared_secret_first_vs_last(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = shared_secret_verifier();
    let first = altered(SECRET, 0);
    let last = altered(SECRET, last(SECRET));
    compare(runner, rng, [first.as_bytes(), last.as_bytes()], |v| {
        verifier.verify_value(v)
    });
}

/// Whether the secret's length shows: one received value, checked by a verifier whose secret
/// is one byte shorter (or longer) than it, or by one whose secret has its length and differs
/// in the last byte. Only the verifier changes between the classes.
fn secret_lengths(runner: &mut CtRunner, rng: &mut BenchRng, other_length: &str) {
    let received = altered(SECRET, last(SECRET));
    let other = shared_secret::Verifier::new(SECRET_HEADER, secret(other_length));
    let same = shared_secret_verifier();
    assert!(other.verify_value(received.as_bytes()).is_err());
    assert!(same.verify_value(received.as_bytes()).is_err());
    compare_verifiers(runner, rng, [&other, &same], |verifier| {
        verifier.verify_value(received.as_bytes())
    });
}

fn shared_secret_secret_shorter_vs_same_length(runner: &mut CtRunner, rng: &mut BenchRng) {
    secret_lengths(runner, rng, &SECRET[..last(SECRET)]);
}

fn shared_secret_secret_longer_vs_same_length(runner: &mut CtRunner, rng: &mut BenchRng) {
    secret_lengths(runner, rng, &format!("{SECRET}x"));
}

/// A received value one byte shorter (or longer) than the secret, and one of the secret's
/// length that differs in its last byte. All stay within one SHA-256 block (55 bytes).
fn received_lengths(other_length: &str) -> [Vec<u8>; 2] {
    let same_length = altered(SECRET, last(SECRET));
    [other_length.into(), same_length.into()]
}

fn shorter_value() -> String {
    SECRET[..last(SECRET)].to_owned()
}

fn longer_value() -> String {
    format!("{SECRET}x")
}

fn shared_secret_shorter_vs_same_length(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = shared_secret_verifier();
    let [other, same] = received_lengths(&shorter_value());
    compare(runner, rng, [&other, &same], |v| verifier.verify_value(v));
}

fn shared_secret_longer_vs_same_length(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = shared_secret_verifier();
    let [other, same] = received_lengths(&longer_value());
    compare(runner, rng, [&other, &same], |v| verifier.verify_value(v));
}

fn sha256_floor_shorter_vs_same_length(runner: &mut CtRunner, rng: &mut BenchRng) {
    let [other, same] = received_lengths(&shorter_value());
    compare(runner, rng, [&other, &same], |v| Sha256::digest(v));
}

fn sha256_floor_longer_vs_same_length(runner: &mut CtRunner, rng: &mut BenchRng) {
    let [other, same] = received_lengths(&longer_value());
    compare(runner, rng, [&other, &same], |v| Sha256::digest(v));
}

fn shared_secret_identical_control(runner: &mut CtRunner, rng: &mut BenchRng) {
    let verifier = shared_secret_verifier();
    let first = altered(SECRET, 0);
    compare(runner, rng, [first.as_bytes(), first.as_bytes()], |v| {
        verifier.verify_value(v)
    });
}

fn main() {
    // Each test is named after its function; dudect-bencher runs them in alphabetical order.
    macro_rules! named {
        ($($test:ident),* $(,)?) => {
            [$((stringify!($test), $test as BenchFn)),*]
        };
    }
    let benches = named![
        timestamped_first_vs_last,
        timestamped_equal_vs_differing,
        timestamped_identical_control,
        timestamped_early_exit_control,
        timestamped_memcmp_control,
        body_hmac_first_vs_last,
        body_hmac_equal_vs_differing,
        body_hmac_identical_control,
        shared_secret_first_vs_last,
        shared_secret_secret_shorter_vs_same_length,
        shared_secret_secret_longer_vs_same_length,
        shared_secret_equal_vs_differing,
        shared_secret_shorter_vs_same_length,
        shared_secret_longer_vs_same_length,
        sha256_floor_shorter_vs_same_length,
        sha256_floor_longer_vs_same_length,
        shared_secret_identical_control,
    ];
    // dudect-bencher's `ctbench_main!` parses the arguments with clap, which refuses the
    // `--bench` flag that `cargo bench` passes, so they are read here. Without that flag
    // (`cargo test --benches`) each test takes only a few samples, to show that it runs, as
    // criterion does.
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let benching = args.iter().any(|a| a == "--bench");
    args.retain(|a| a != "--bench");
    let samples = std::env::var("CT_SAMPLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000_000);
    SAMPLES
        .set(if benching { samples } else { 1_000 })
        .expect("set once");
    let continuous = args.iter().any(|a| a == "--continuous");
    let filter = args.into_iter().find(|a| !a.starts_with("--"));
    let benches = benches
        .into_iter()
        .map(|(name, benchfn)| BenchMetadata {
            name: BenchName(name),
            seed: None,
            benchfn,
        })
        .collect();
    let opts = BenchOpts {
        continuous,
        filter,
        file_out: None,
    };
    run_benches_console(opts, benches).expect("writing to stdout");
}
