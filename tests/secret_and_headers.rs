//! `Secret` hygiene and `Headers` lookups over every supported container.

use std::collections::HashMap;

use commerce_webhooks::scheme::timestamped::{self, Verifier};
use commerce_webhooks::{ConfigError, Error, Headers, Secret, VerifyError};
use time::OffsetDateTime;

#[test]
fn secret_refuses_empty_and_surrounding_whitespace() {
    assert_eq!(Secret::new("").unwrap_err(), ConfigError::EmptySecret);
    assert_eq!(Secret::new(b"").unwrap_err(), ConfigError::EmptySecret);
    for padded in [" s", "s ", "s\n", "\ts", "s\r\n", "s\u{a0}"] {
        assert_eq!(
            Secret::new(padded).unwrap_err(),
            ConfigError::SecretHasSurroundingWhitespace,
            "{padded:?}"
        );
    }
    // Inner whitespace is the sender's business.
    assert!(Secret::new("a b").is_ok());
    // Non-UTF-8 bytes are fine; surrounding ASCII whitespace still is not.
    assert!(Secret::new([0xff, 0xfe]).is_ok());
    assert_eq!(
        Secret::new([0xff, b' ']).unwrap_err(),
        ConfigError::SecretHasSurroundingWhitespace
    );
}

#[test]
fn config_errors_say_what_to_do() {
    assert!(ConfigError::SecretHasSurroundingWhitespace
        .to_string()
        .contains("trailing newline"));
    assert!(ConfigError::EmptySecret.to_string().contains("empty"));
}

#[test]
fn secret_never_prints() {
    let secret = Secret::new("whsec_do_not_print").unwrap();
    assert_eq!(format!("{secret:?}"), "Secret([redacted])");
    assert_eq!(format!("{secret:#?}"), "Secret([redacted])");
    let verifier = Verifier::new("Montly-Signature", secret.clone());
    let debug = format!("{verifier:?}");
    assert!(!debug.contains("whsec_do_not_print"), "{debug}");
    assert_eq!(secret.len(), 18);
}

fn first<H: Headers + ?Sized>(headers: &H, name: &str) -> Option<Vec<u8>> {
    headers.values(name).next().map(<[u8]>::to_vec)
}

#[test]
fn every_container_looks_up_case_insensitively() {
    let array = [("Content-Type", "a"), ("X-Signature", "b")];
    let slice: &[(&str, &str)] = &array;
    let vec: Vec<(String, String)> = vec![("X-SIGNATURE".into(), "b".into())];
    let map: HashMap<String, String> = HashMap::from([("x-signature".into(), "b".into())]);
    assert_eq!(first(&array, "x-signature"), Some(b"b".to_vec()));
    assert_eq!(first(&slice, "X-Signature"), Some(b"b".to_vec()));
    assert_eq!(first(&vec, "x-Signature"), Some(b"b".to_vec()));
    assert_eq!(first(&map, "X-SIGNATURE"), Some(b"b".to_vec()));
    assert_eq!(first(&map, "X-Signatures"), None);
    assert_eq!(first(&array, "X-Signatur"), None);
}

#[test]
fn every_container_works_with_a_verifier() {
    let secret = Secret::new("k").unwrap();
    let now = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    let header = timestamped::sign(&secret, 1_700_000_000, b"x");
    let verifier = Verifier::new("LeaseCloud-Signature", secret);
    let array = [("leasecloud-signature", header.as_str())];
    let slice: &[(&str, &str)] = &array;
    let vec = vec![("LeaseCloud-Signature".to_owned(), header.clone())];
    let map = HashMap::from([("LEASECLOUD-SIGNATURE".to_owned(), header.clone())]);
    assert!(verifier.verify_at(&array, b"x", now).is_ok());
    assert!(verifier.verify_at(slice, b"x", now).is_ok());
    assert!(verifier.verify_at(&slice, b"x", now).is_ok());
    assert!(verifier.verify_at(&vec, b"x", now).is_ok());
    assert!(verifier.verify_at(&map, b"x", now).is_ok());
}

#[test]
fn a_header_present_twice_in_different_case_is_refused() {
    let map: HashMap<String, String> = HashMap::from([
        ("x-event-secret".into(), "a".into()),
        ("X-Event-Secret".into(), "a".into()),
    ]);
    let verifier = commerce_webhooks::scheme::shared_secret::Verifier::new(
        "X-Event-Secret",
        Secret::new("a").unwrap(),
    );
    assert_eq!(
        verifier.verify(&map),
        Err(VerifyError::MalformedHeader {
            header: "X-Event-Secret",
            reason: "it appears more than once; exactly one is expected"
        })
    );
}

#[cfg(feature = "http")]
#[test]
fn http_header_map_is_supported() {
    let secret = Secret::new("k").unwrap();
    let header = timestamped::sign(&secret, 1_700_000_000, b"x");
    let mut map = http::HeaderMap::new();
    map.insert("LeaseCloud-Signature", header.parse().unwrap());
    let verifier = Verifier::new("LeaseCloud-Signature", secret);
    let now = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    assert!(verifier.verify_at(&map, b"x", now).is_ok());
    map.append("leasecloud-signature", header.parse().unwrap());
    assert!(matches!(
        verifier.verify_at(&map, b"x", now),
        Err(VerifyError::MalformedHeader { .. })
    ));
    assert_eq!(
        first(&map, "LEASECLOUD-SIGNATURE"),
        Some(header.into_bytes())
    );
}

#[test]
fn errors_map_to_status_codes() {
    let verify: Error = VerifyError::MissingHeader { header: "h" }.into();
    assert_eq!(verify.status_code(), 401);
    assert!(matches!(
        verify,
        Error::Verify(VerifyError::MissingHeader { header: "h" })
    ));
}

#[test]
fn secret_is_wiped_on_drop() {
    fn wipes_on_drop<T: zeroize::ZeroizeOnDrop>(_: &T) {}
    wipes_on_drop(&Secret::new("s").unwrap());
}
