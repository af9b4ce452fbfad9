//! Properties of the schemes over arbitrary secrets, timestamps, bodies and headers.

use commerce_webhooks::scheme::{body_hmac, timestamped};
use commerce_webhooks::{Secret, VerifyError};
use proptest::prelude::*;
use time::OffsetDateTime;

const HEADER: &str = "LeaseCloud-Signature";
const EMPTY_OBJECT: &[u8] = b"{}";

fn secret_bytes() -> impl Strategy<Value = Vec<u8>> {
    // Valid secrets: non-empty, no surrounding whitespace.
    proptest::collection::vec(any::<u8>(), 1..80)
        .prop_filter("valid secret", |bytes| Secret::new(bytes).is_ok())
}

fn at(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap()
}

proptest! {
    #[test]
    fn timestamped_sign_then_verify_round_trips(
        key in secret_bytes(),
        t in 0i64..=253_402_300_799,
        body in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let secret = Secret::new(&key).unwrap();
        let header = timestamped::sign(&secret, t, &body);
        let verifier = timestamped::Verifier::new(HEADER, secret);
        let verified = verifier.verify_at(&[(HEADER, header.as_str())], &body, at(t)).unwrap();
        prop_assert_eq!(verified.timestamp, t);
    }

    #[test]
    fn timestamped_refuses_any_single_bit_flip(
        key in secret_bytes(),
        body in proptest::collection::vec(any::<u8>(), 1..512),
        flip_in_body in any::<bool>(),
        position in any::<prop::sample::Index>(),
        bit in 0u8..8,
    ) {
        let t = 1_700_000_000;
        let secret = Secret::new(&key).unwrap();
        let header = timestamped::sign(&secret, t, &body);
        let verifier = timestamped::Verifier::new(HEADER, secret);
        let (mut header_bytes, mut body) = (header.into_bytes(), body);
        if flip_in_body {
            let i = position.index(body.len());
            body[i] ^= 1 << bit;
        } else {
            // Flip a bit of the signature's hex: the value becomes another digit or not hex.
            let start = header_bytes.len() - 64;
            let i = start + position.index(64);
            header_bytes[i] ^= 1 << bit;
        }
        let header = String::from_utf8_lossy(&header_bytes).into_owned();
        let outcome = verifier.verify_at(&[(HEADER, header.as_str())], &body, at(t));
        // Flipping 0x20 turns a-f into A-F: the same value in upper case, which is accepted.
        let case_only = !flip_in_body && bit == 5 && header_bytes
            .iter()
            .rev()
            .take(64)
            .any(|b| b.is_ascii_uppercase());
        if !case_only {
            prop_assert_eq!(outcome, Err(VerifyError::SignatureMismatch { header: HEADER }));
        }
    }

    #[test]
    fn arbitrary_header_strings_never_panic(value in ".{0,200}", raw in proptest::collection::vec(any::<u8>(), 0..200)) {
        let verifier = timestamped::Verifier::new(HEADER, Secret::new("k").unwrap());
        for candidate in [value.as_bytes(), &raw[..]] {
            // Refused (or, astronomically unlikely, accepted): never a panic.
            let _ = verifier.verify_value_at(candidate, EMPTY_OBJECT, at(1_700_000_000));
            let _ = timestamped::SignatureHeader::parse(HEADER, candidate);
        }
        let structured = format!("t={value},v1={value}");
        let outcome = verifier.verify_value_at(structured.as_bytes(), EMPTY_OBJECT, at(0));
        prop_assert!(outcome.is_err());
    }

    #[test]
    fn body_hmac_sign_then_verify_round_trips_and_detects_flips(
        key in secret_bytes(),
        body in proptest::collection::vec(any::<u8>(), 1..1024),
        position in any::<prop::sample::Index>(),
        bit in 0u8..8,
    ) {
        let secret = Secret::new(&key).unwrap();
        let signature = body_hmac::sign(&secret, &body);
        let verifier = body_hmac::Verifier::new("x-signature", secret);
        prop_assert!(verifier.verify(&[("x-signature", signature.as_str())], &body).is_ok());
        let mut tampered = body.clone();
        let i = position.index(tampered.len());
        tampered[i] ^= 1 << bit;
        prop_assert_eq!(
            verifier.verify(&[("x-signature", signature.as_str())], &tampered),
            Err(VerifyError::SignatureMismatch { header: "x-signature" })
        );
    }
}
