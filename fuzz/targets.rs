//! The fuzz targets' bodies, shared by the cargo-fuzz binaries (`fuzz_targets/`) and by the
//! main crate's `tests/fuzz_corpora.rs`, which replays every committed corpus file through
//! them on stable Rust. Each target checks properties, not only the absence of a panic.

#![allow(dead_code)] // each binary uses one target

use base64::Engine;
use commerce_webhooks::scheme::{body_hmac, shared_secret, timestamped};
use commerce_webhooks::{Secret, VerifyError};
use time::OffsetDateTime;

const HEADER: &str = "LeaseCloud-Signature";
const NOW: i64 = 1_700_000_000;

fn secret(value: &str) -> Secret {
    match Secret::new(value) {
        Ok(secret) => secret,
        Err(error) => unreachable!("fixed fuzz secret is valid: {error}"),
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(NOW).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Splits fuzz input into a header part and a body part at the first newline.
fn split_header_body(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

/// The header parser: whatever it accepts has a non-negative `t` and 1..=16 signatures, each
/// taken from the input.
pub fn timestamped_header(data: &[u8]) {
    if let Ok(parsed) = timestamped::SignatureHeader::parse(HEADER, data) {
        assert!(parsed.timestamp() >= 0);
        let count = parsed.signatures().count();
        assert!((1..=commerce_webhooks::MAX_SIGNATURES).contains(&count));
        for signature in parsed.signatures() {
            assert!(signature.len() <= data.len());
        }
    }
}

/// The timestamped verifier on an arbitrary header and body: never accepts a forgery, and a
/// correct signature added to a valid header is always accepted.
pub fn timestamped_verify(data: &[u8]) {
    let (header, body) = split_header_body(data);
    let verifier = timestamped::Verifier::new(HEADER, secret("fuzz_secret"));
    let outcome = verifier.verify_value_at(header, body, now());
    if outcome.is_ok() {
        // Only a header carrying the true MAC can pass; the fuzzer cannot compute it.
        let expected = timestamped::sign(&secret("fuzz_secret"), NOW, body);
        let v1 = &expected[expected.len() - 64..];
        let lower = String::from_utf8_lossy(header).to_ascii_lowercase();
        assert!(
            lower.contains(v1),
            "accepted a header without the right signature"
        );
    }
    // Signing the same body and verifying always works.
    let signed = timestamped::sign(&secret("fuzz_secret"), NOW, body);
    assert!(verifier
        .verify_value_at(signed.as_bytes(), body, now())
        .is_ok());
}

/// The body-HMAC verifier: only the right MAC passes, in any accepted encoding.
pub fn body_hmac_verify(data: &[u8]) {
    let (header, body) = split_header_body(data);
    let verifier = body_hmac::Verifier::new("x-signature", secret("fuzz_secret"));
    if verifier.verify_value(header, body).is_ok() {
        let expected = body_hmac::sign(&secret("fuzz_secret"), body);
        let received = String::from_utf8_lossy(header.trim_ascii()).into_owned();
        let as_hex = received.to_ascii_lowercase() == expected;
        let as_base64 = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(received.trim_end_matches('='))
            .is_ok_and(|bytes| hex::encode(bytes) == expected);
        assert!(
            as_hex || as_base64,
            "accepted a signature that is not the MAC"
        );
    }
    let signed = body_hmac::sign(&secret("fuzz_secret"), body);
    assert!(verifier.verify_value(signed.as_bytes(), body).is_ok());
}

/// The shared-secret check: exactly the secret passes.
pub fn shared_secret_verify(data: &[u8]) {
    let verifier = shared_secret::Verifier::new("X-Event-Secret", secret("fuzz_secret"));
    let outcome = verifier.verify_value(data);
    assert_eq!(outcome.is_ok(), data == b"fuzz_secret");
    if let Err(error) = outcome {
        assert!(matches!(
            error,
            VerifyError::SignatureMismatch { .. } | VerifyError::HeaderTooLarge { .. }
        ));
    }
}

// ---------------------------------------------------------------------------------------------
// Provider parsers.

use commerce_webhooks::{
    ezq, kinguin, leasecloud, montly, sparkpay, Error, Provider, Request, MAX_IDEMPOTENCY_KEY_LEN,
    MAX_UNKNOWN_FIELDS,
};

/// Whether two JSON values are equal, floats within the rounding of serde_json's float reader
/// (which, without its `float_roundtrip` feature, may read back the shortest text of an `f64`
/// one unit off): the raw JSON of an unknown event is kept as a `serde_json::Value`.
fn same_json(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            x == y || (x - y).abs() <= x.abs().max(y.abs()) * 4.0 * f64::EPSILON
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, x)| y.get(key).is_some_and(|y| same_json(x, y)))
        }
        _ => a == b,
    }
}

/// A request without headers, for the providers that name the event in the body or the path.
const NO_HEADERS: [(&str, &str); 0] = [];

/// The unknown fields of a request: read exactly when the parse reads it, else the parse's own
/// error; each path once, at most `MAX_UNKNOWN_FIELDS`.
fn check_unknown_fields<W: Provider>(request: &Request<'_>) {
    let parsed = W::parse_request_view(request).map(drop);
    match (W::unknown_fields(request), parsed) {
        (Ok(paths), Ok(())) => {
            assert!(paths.len() <= MAX_UNKNOWN_FIELDS);
            let mut seen = std::collections::HashSet::new();
            assert!(paths.iter().all(|path| seen.insert(path)), "{paths:?}");
        }
        (Err(Error::Parse(error)), Err(parse_error)) => assert_eq!(error, parse_error),
        (report, parsed) => panic!("{} report {report:?}, parse {parsed:?}", W::NAME),
    }
}

/// An idempotency key is at most 128 bytes, and is the event id itself when that fits.
fn check_key(key: &str, id: Option<&str>) {
    assert!(
        key.len() <= MAX_IDEMPOTENCY_KEY_LEN,
        "key of {} bytes",
        key.len()
    );
    if let Some(id) = id.filter(|id| id.len() <= MAX_IDEMPOTENCY_KEY_LEN) {
        assert_eq!(key, id);
    }
}

/// LeaseCloud bodies: anything accepted has an id to acknowledge, its acknowledgement is valid
/// JSON carrying that id, and what the crate serializes parses back to the same event.
pub fn leasecloud_parse(data: &[u8]) {
    check_unknown_fields::<leasecloud::Webhook>(&Request::new(&NO_HEADERS, data));
    // The borrowed view reads exactly what the owned event reads, or fails the same way.
    let view = leasecloud::EventView::parse_borrowed(data);
    match leasecloud::Event::parse(data) {
        Ok(event) => {
            // Both try a direct reader of order events before serde: serde alone (the
            // event's `Deserialize`) reads the same event from any text.
            if std::str::from_utf8(data).is_ok() {
                let serde_alone: leasecloud::Event =
                    serde_json::from_slice(data).expect("serde reads what Event::parse reads");
                assert_eq!(serde_alone, event);
            }
            let view = view.expect("the view reads what the owned event reads");
            assert_eq!(
                serde_json::to_vec(&view).expect("views serialize"),
                serde_json::to_vec(&event).expect("events serialize")
            );
            assert_eq!(view.into_owned(), event);
            check_key(&event.idempotency_key(), Some(&event.id));
            let ack = leasecloud::Acknowledgement::for_event(&event).to_json();
            let json: serde_json::Value =
                serde_json::from_str(&ack).expect("acknowledgement is JSON");
            assert_eq!(json["id"].as_str(), Some(event.id.as_str()));
            let again = serde_json::to_vec(&event).expect("events serialize");
            let reparsed = leasecloud::Event::parse(&again).expect("what was serialized parses");
            match (&event.kind, &reparsed.kind) {
                (
                    leasecloud::EventKind::Unknown { name, data },
                    leasecloud::EventKind::Unknown { name: n, data: d },
                ) => assert!(name == n && same_json(data, d)),
                _ => assert_eq!(reparsed, event),
            }
        }
        Err(error) => {
            assert_eq!(error.provider, "LeaseCloud");
            assert_eq!(
                view.expect_err("the view refuses what the owned event refuses"),
                error
            );
        }
    }
}

/// Montly bodies: anything accepted keeps its id as the idempotency key and round-trips.
pub fn montly_parse(data: &[u8]) {
    check_unknown_fields::<montly::Webhook>(&Request::new(&NO_HEADERS, data));
    if let Ok(event) = montly::Event::parse(data) {
        check_key(&event.idempotency_key(), Some(&event.id));
        let again = serde_json::to_vec(&event).expect("events serialize");
        let reparsed = montly::Event::parse(&again).expect("what was serialized parses");
        match (&event.kind, &reparsed.kind) {
            (
                montly::EventKind::Unknown { name, data },
                montly::EventKind::Unknown { name: n, data: d },
            ) => assert!(name == n && same_json(data, d)),
            _ => assert_eq!(reparsed, event),
        }
    }
}

/// EZQ bodies: the idempotency key starts with the event name (or is a hash), and the event
/// round-trips.
pub fn ezq_parse(data: &[u8]) {
    check_unknown_fields::<ezq::Webhook>(&Request::new(&NO_HEADERS, data));
    if let Ok(event) = ezq::Event::parse(data) {
        let key = event.idempotency_key();
        check_key(&key, None);
        assert!(key.starts_with(event.name()) || key.starts_with("sha256:"));
        let again = serde_json::to_vec(&event).expect("events serialize");
        let reparsed = ezq::Event::parse(&again).expect("what was serialized parses");
        match (&event, &reparsed) {
            (ezq::Event::Unknown { name, data }, ezq::Event::Unknown { name: n, data: d }) => {
                assert!(name == n && same_json(data, d))
            }
            _ => assert_eq!(reparsed, event),
        }
    }
}

/// Kinguin: the first line is the `X-Event-Name`, the rest the body.
pub fn kinguin_parse(data: &[u8]) {
    let (name, body) = split_header_body(data);
    let name = String::from_utf8_lossy(name);
    let headers = [(kinguin::NAME_HEADER, name.as_ref())];
    check_unknown_fields::<kinguin::Webhook>(&Request::new(&headers, body));
    if let Ok(event) = kinguin::Event::parse(&name, body) {
        assert!(
            !matches!(event, kinguin::Event::Test),
            "parse never yields the test event"
        );
        assert_eq!(event.name(), name.as_ref() as &str);
        check_key(&event.idempotency_key(), None);
        let again = serde_json::to_vec(&event).expect("events serialize");
        let reparsed = kinguin::Event::parse(&name, &again).expect("what was serialized parses");
        match (&event, &reparsed) {
            (
                kinguin::Event::Unknown { name, data },
                kinguin::Event::Unknown { name: n, data: d },
            ) => assert!(name == n && same_json(data, d)),
            _ => assert_eq!(reparsed, event),
        }
    }
}

/// Spark Pay: the first byte picks the event type, the rest is the body.
pub fn sparkpay_parse(data: &[u8]) {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let all = sparkpay::EventType::ALL;
    let event_type = all[usize::from(selector) % all.len()];
    let path = format!("/hooks/{event_type}");
    check_unknown_fields::<sparkpay::Webhook>(&Request::new(&NO_HEADERS, body).path(&path));
    if let Ok(request) = sparkpay::Request::parse(event_type, body) {
        assert_eq!(request.event_type(), event_type);
        check_key(&request.idempotency_key(), None);
        let again = serde_json::to_vec(&request).expect("requests serialize");
        assert_eq!(
            sparkpay::Request::parse(event_type, &again).as_ref(),
            Ok(&request)
        );
    }
}

/// Verify-then-parse with a fixed secret for every provider: a correctly signed body gives
/// exactly what the unverified parser gives, and the same body with a wrong secret is refused.
pub fn verify_then_parse(data: &[u8]) {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let good = secret("fuzz_secret");
    let now_unix = NOW;
    match selector % 4 {
        0 => {
            let hook = leasecloud::Webhook::new(secret("fuzz_secret"));
            let headers = leasecloud::Webhook::sign_headers(&good, now_unix, body);
            let verified = hook.verify_at(&headers, body, now());
            assert_eq!(verified.ok(), leasecloud::Event::parse(body).ok());
            let wrong = leasecloud::Webhook::sign_headers(&secret("other"), now_unix, body);
            assert!(hook.verify_at(&wrong, body, now()).is_err());
        }
        1 => {
            let hook = montly::Webhook::new(secret("fuzz_secret"));
            let headers = montly::Webhook::sign_headers(&good, now_unix, body);
            let verified = hook.verify_at(&headers, body, now());
            assert_eq!(verified.ok(), montly::Event::parse(body).ok());
        }
        2 => {
            let hook = ezq::Webhook::new(secret("fuzz_secret"));
            let signature = body_hmac::sign(&good, body);
            let verified = hook.verify(&[(ezq::SIGNATURE_HEADER, signature.as_str())], body);
            assert_eq!(verified.ok(), ezq::Event::parse(body).ok());
        }
        _ => {
            let hook = kinguin::Webhook::new(secret("fuzz_secret"));
            let headers = [
                ("X-Event-Secret", "fuzz_secret"),
                ("X-Event-Name", "order.status"),
            ];
            let verified = hook.verify(&headers, body);
            assert_eq!(
                verified.ok(),
                kinguin::Event::parse("order.status", body).ok()
            );
            let wrong = [
                ("X-Event-Secret", "fuzz_secreT"),
                ("X-Event-Name", "order.status"),
            ];
            assert!(hook.verify(&wrong, body).is_err());
        }
    }
}
