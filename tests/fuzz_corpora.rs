//! Replays every committed fuzz corpus file through its target, so CI checks on stable Rust
//! what the fuzzers found (their crashes are kept in the corpora as regression inputs).

#[path = "../fuzz/targets.rs"]
mod targets;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{target} failed on {}", path.display());
        count += 1;
    }
    assert!(count > 0, "the corpus of {target} is empty");
}

#[test]
fn timestamped_header() {
    replay("timestamped_header", targets::timestamped_header);
}

#[test]
fn timestamped_verify() {
    replay("timestamped_verify", targets::timestamped_verify);
}

#[test]
fn body_hmac_verify() {
    replay("body_hmac_verify", targets::body_hmac_verify);
}

#[test]
fn shared_secret_verify() {
    replay("shared_secret_verify", targets::shared_secret_verify);
}

#[test]
fn leasecloud_parse() {
    replay("leasecloud_parse", targets::leasecloud_parse);
}

#[test]
fn montly_parse() {
    replay("montly_parse", targets::montly_parse);
}

#[test]
fn ezq_parse() {
    replay("ezq_parse", targets::ezq_parse);
}

#[test]
fn kinguin_parse() {
    replay("kinguin_parse", targets::kinguin_parse);
}

#[test]
fn sparkpay_parse() {
    replay("sparkpay_parse", targets::sparkpay_parse);
}

#[test]
fn verify_then_parse() {
    replay("verify_then_parse", targets::verify_then_parse);
}
