//! The body-HMAC scheme: hex of either case and base64, rotation, refusals.

use commerce_webhooks::scheme::body_hmac::{self, Verifier};
use commerce_webhooks::{HeaderLimit, Secret, VerifyError};

const HEADER: &str = "x-signature";
const BODY: &[u8] = br#"{"event":"order.completed"}"#;
// python3 -c "import hmac,hashlib,base64; d=hmac.new(b'ezq_secret',
//   b'{\"event\":\"order.completed\"}', hashlib.sha256).digest(); print(d.hex(),
//   base64.b64encode(d).decode())"
const HEX: &str = "6c76aed4c82a3f2a16f2399cb19443fa755418e7da5ff9529df79206ed17dd39";
const BASE64: &str = "bHau1MgqPyoW8jmcsZRD+nVUGOfaX/lSnfeSBu0X3Tk=";

fn verifier() -> Verifier {
    Verifier::new(HEADER, Secret::new("ezq_secret").unwrap())
}

fn verify(signature: &str, body: &[u8]) -> Result<body_hmac::Verified, VerifyError> {
    verifier().verify(&[("X-Signature", signature)], body)
}

#[test]
fn sign_matches_the_independent_vector() {
    assert_eq!(
        body_hmac::sign(&Secret::new("ezq_secret").unwrap(), BODY),
        HEX
    );
}

#[test]
fn accepts_lower_and_upper_hex_and_base64_with_or_without_padding() {
    for signature in [
        HEX.to_owned(),
        HEX.to_ascii_uppercase(),
        BASE64.to_owned(),
        BASE64.trim_end_matches('=').to_owned(),
        format!(" {HEX} "),
    ] {
        assert_eq!(
            verify(&signature, BODY).unwrap().secret_index,
            0,
            "{signature}"
        );
    }
}

#[test]
fn refuses_a_changed_body() {
    for body in [&br#"{"event":"order.completed"} "#[..], b"", &BODY[1..]] {
        assert_eq!(
            verify(HEX, body),
            Err(VerifyError::SignatureMismatch { header: HEADER })
        );
        assert_eq!(
            verify(BASE64, body),
            Err(VerifyError::SignatureMismatch { header: HEADER })
        );
    }
}

#[test]
fn values_that_are_neither_hex_nor_base64_of_32_bytes_are_malformed() {
    let reason = "expected an HMAC-SHA256 as 64 hex digits or as base64";
    for bad in [
        "",
        &HEX[..63],
        &HEX[..62],
        &format!("{}zz", &HEX[..62]),
        "sha256=abc",
        "bHau1MgqPyoW8jmcsZRD+nVUGOfaX/lSnfeSBu0X3T==",
        "bHau1MgqPyoW8jmcsZRD-nVUGOfaX_lSnfeSBu0X3Tk=",
    ] {
        assert_eq!(
            verify(bad, BODY),
            Err(VerifyError::MalformedHeader {
                header: HEADER,
                reason
            }),
            "{bad}"
        );
    }
}

#[test]
fn rotation_reports_which_secret_matched() {
    let v = Verifier::with_secrets(
        HEADER,
        [
            Secret::new("new").unwrap(),
            Secret::new("ezq_secret").unwrap(),
        ],
    )
    .unwrap();
    assert_eq!(v.verify(&[(HEADER, HEX)], BODY).unwrap().secret_index, 1);
}

#[test]
fn missing_duplicated_and_oversized_headers() {
    assert_eq!(
        verifier().verify(&[("content-type", "application/json")], BODY),
        Err(VerifyError::MissingHeader { header: HEADER })
    );
    assert!(matches!(
        verifier().verify(&[(HEADER, HEX), ("X-SIGNATURE", HEX)], BODY),
        Err(VerifyError::MalformedHeader { .. })
    ));
    let huge = "a".repeat(8193);
    assert_eq!(
        verifier().verify(&[(HEADER, huge.as_str())], BODY),
        Err(VerifyError::HeaderTooLarge {
            header: HEADER,
            limit: HeaderLimit::Bytes {
                len: 8193,
                max: 8192
            }
        })
    );
}
