//! The shared-secret scheme: exact match only, any length, several secrets.

use commerce_webhooks::scheme::shared_secret::Verifier;
use commerce_webhooks::{Secret, VerifyError};

const HEADER: &str = "X-Event-Secret";

fn verifier() -> Verifier {
    Verifier::with_secrets(
        HEADER,
        [
            Secret::new("current-secret").unwrap(),
            Secret::new("previous").unwrap(),
        ],
    )
    .unwrap()
}

#[test]
fn accepts_each_configured_secret_and_says_which() {
    let v = verifier();
    assert_eq!(
        v.verify(&[("x-event-secret", "current-secret")])
            .unwrap()
            .secret_index,
        0
    );
    assert_eq!(
        v.verify(&[("X-EVENT-SECRET", "previous")])
            .unwrap()
            .secret_index,
        1
    );
}

#[test]
fn refuses_near_misses_of_every_kind() {
    let v = verifier();
    for wrong in [
        "current-secre",
        "current-secret ",
        "current-secretX",
        "Current-secret",
        "",
        "previouscurrent-secret",
        &"x".repeat(100),
    ] {
        assert_eq!(
            v.verify(&[(HEADER, wrong)]),
            Err(VerifyError::SignatureMismatch { header: HEADER }),
            "{wrong:?}"
        );
    }
}

#[test]
fn missing_and_duplicated_header() {
    assert_eq!(
        verifier().verify(&[("X-Event-Name", "order.status")]),
        Err(VerifyError::MissingHeader { header: HEADER })
    );
    assert!(matches!(
        verifier().verify(&[(HEADER, "current-secret"), (HEADER, "current-secret")]),
        Err(VerifyError::MalformedHeader { .. })
    ));
}

#[test]
fn non_utf8_values_are_compared_as_bytes() {
    let v = Verifier::new(HEADER, Secret::new([0xffu8, 0x00, 0x41]).unwrap());
    assert!(v.verify_value(&[0xff, 0x00, 0x41]).is_ok());
    assert!(v.verify_value(&[0xff, 0x00]).is_err());
}

/// The wording of a refusal comes from the scheme that checked the credential, whatever its
/// name: a partner's own secret header is not told to check a body no one signed, and a
/// partner's own body signature is.
#[test]
fn a_refusal_speaks_of_what_the_scheme_checks_whatever_the_header_is_called() {
    use commerce_webhooks::scheme::body_hmac;
    let secret_header = Verifier::new("X-Partner-Token", Secret::new("partner-token").unwrap())
        .verify(&[("x-partner-token", "guess")])
        .unwrap_err()
        .to_string();
    assert!(
        secret_header.starts_with("the `X-Partner-Token` header matches none"),
        "{secret_header}"
    );
    assert!(!secret_header.contains("body"), "{secret_header}");
    let signature = body_hmac::Verifier::new("X-Partner-Signature", Secret::new("key").unwrap())
        .verify(&[("x-partner-signature", "ab".repeat(32).as_str())], b"{}")
        .unwrap_err()
        .to_string();
    assert!(
        signature.contains("the raw request body is passed exactly as received"),
        "{signature}"
    );
}
