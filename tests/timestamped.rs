//! The timestamped scheme through the public API: vectors, grammar, rotation, tolerance.

use commerce_webhooks::scheme::timestamped::{self, SignatureHeader, Verifier, DEFAULT_TOLERANCE};
use commerce_webhooks::{ConfigError, HeaderLimit, Secret, VerifyError, MAX_SIGNATURES};
use time::{Duration, OffsetDateTime};

const HEADER: &str = "Montly-Signature";
const SECRET: &str = "whsec_test_secret";
const OLD_SECRET: &str = "whsec_old_secret";
const T: i64 = 1_700_000_000;
const BODY: &[u8] = br#"{"id":"evt_1","type":"order.signed","data":{"orderId":42}}"#;

// Computed independently:
// python3 -c "import hmac,hashlib; print(hmac.new(b'whsec_test_secret',
//   b'1700000000.' + b'{\"id\":\"evt_1\",\"type\":\"order.signed\",\"data\":{\"orderId\":42}}',
//   hashlib.sha256).hexdigest())"
const V1_CURRENT: &str = "838418140a67c7f83fa300af05cd8be3895ec4deaa659163a3e7cee4270ddc12";
// The same with key b'whsec_old_secret'.
const V1_OLD: &str = "5eef967c528a3b0967b64174c82ef2fe649730ace2a16269cc49cab536432fa8";
// python3 -c "import hmac,hashlib; print(hmac.new(b'whsec_test_secret', b'1499785732.',
//   hashlib.sha256).hexdigest())"
const V1_EMPTY_BODY_AT_1499785732: &str =
    "c32b308c8defeafead19af0539a15d4397ed86a983a14623fa650986f6cbe7b9";

fn secret(s: &str) -> Secret {
    Secret::new(s).unwrap()
}

fn verifier() -> Verifier {
    Verifier::new(HEADER, secret(SECRET))
}

fn at(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap()
}

fn verify(header: &str, body: &[u8]) -> Result<timestamped::Verified, VerifyError> {
    verifier().verify_at(&[(HEADER, header)], body, at(T))
}

#[test]
fn sign_matches_independent_vectors() {
    assert_eq!(
        timestamped::sign(&secret(SECRET), T, BODY),
        format!("t={T},v1={V1_CURRENT}")
    );
    assert_eq!(
        timestamped::sign(&secret(OLD_SECRET), T, BODY),
        format!("t={T},v1={V1_OLD}")
    );
    assert_eq!(
        timestamped::sign(&secret(SECRET), 1_499_785_732, b""),
        format!("t=1499785732,v1={V1_EMPTY_BODY_AT_1499785732}")
    );
}

#[test]
fn verifier_accepts_independent_vectors() {
    let verified = verify(&format!("t={T},v1={V1_CURRENT}"), BODY).unwrap();
    assert_eq!(verified.timestamp, T);
    assert_eq!(verified.secret_index, 0);

    let empty = verifier()
        .verify_at(
            &[(
                HEADER,
                format!("t=1499785732,v1={V1_EMPTY_BODY_AT_1499785732}"),
            )],
            b"",
            at(1_499_785_732),
        )
        .unwrap();
    assert_eq!(empty.timestamp, 1_499_785_732);
}

#[test]
fn upper_case_hex_is_accepted() {
    let header = format!("t={T},v1={}", V1_CURRENT.to_ascii_uppercase());
    assert!(verify(&header, BODY).is_ok());
}

#[test]
fn junk_signatures_before_a_good_one_do_not_hide_it() {
    let header = format!(
        "t={T},v1=deadbeef,v1=zz,v1={},v1={V1_CURRENT}",
        "0".repeat(64)
    );
    assert_eq!(verify(&header, BODY).unwrap().secret_index, 0);
}

#[test]
fn key_rotation_accepts_either_secret_and_reports_which() {
    let rotating = Verifier::with_secrets(HEADER, [secret(SECRET), secret(OLD_SECRET)]).unwrap();
    // The provider signs with both keys while rotating: v1 for the new and the old.
    let both = format!("t={T},v1={V1_CURRENT},v1={V1_OLD}");
    let only_old = format!("t={T},v1={V1_OLD}");
    let verified = rotating
        .verify_at(&[(HEADER, both.as_str())], BODY, at(T))
        .unwrap();
    assert_eq!(verified.secret_index, 0);
    let verified = rotating
        .verify_at(&[(HEADER, only_old.as_str())], BODY, at(T))
        .unwrap();
    assert_eq!(verified.secret_index, 1);
    // A verifier holding only the current key refuses a signature made with the rolled one.
    assert_eq!(
        verify(&only_old, BODY),
        Err(VerifyError::SignatureMismatch { header: HEADER })
    );
}

#[test]
fn secret_count_is_bounded() {
    assert_eq!(
        Verifier::with_secrets(HEADER, []).unwrap_err(),
        ConfigError::NoSecrets
    );
    let nine = (0..9).map(|i| secret(&format!("s{i}")));
    assert_eq!(
        Verifier::with_secrets(HEADER, nine).unwrap_err(),
        ConfigError::TooManySecrets { given: 9, max: 8 }
    );
    assert!(Verifier::with_secrets(HEADER, (0..8).map(|i| secret(&format!("s{i}")))).is_ok());
}

#[test]
fn only_v0_is_no_signature() {
    let header = format!("t={T},v0={V1_CURRENT}");
    assert_eq!(
        verify(&header, BODY),
        Err(VerifyError::NoSignature { header: HEADER })
    );
}

#[test]
fn unknown_schemes_are_skipped() {
    let header = format!("v0=abc,t={T},v2=xyz,v1={V1_CURRENT}");
    assert!(verify(&header, BODY).is_ok());
}

fn malformed(value: &str) -> Option<&'static str> {
    match verify(value, BODY) {
        Err(VerifyError::MalformedHeader { header, reason }) => {
            assert_eq!(header, HEADER);
            Some(reason)
        }
        _ => None,
    }
}

#[test]
fn missing_t_is_malformed() {
    assert_eq!(
        malformed(&format!("v1={V1_CURRENT}")),
        Some("it has no `t=` timestamp")
    );
}

#[test]
fn repeated_t_is_malformed_even_when_equal() {
    assert_eq!(
        malformed(&format!("t={T},t={T},v1={V1_CURRENT}")),
        Some("`t` appears more than once")
    );
}

#[test]
fn empty_header_and_empty_t_are_malformed() {
    assert_eq!(malformed(""), Some("it is empty"));
    assert_eq!(malformed("   "), Some("it is empty"));
    assert_eq!(
        malformed(&format!("t=,v1={V1_CURRENT}")),
        Some("`t` is empty")
    );
    assert_eq!(malformed("t="), Some("`t` is empty"));
}

#[test]
fn t_must_be_plain_digits_that_fit() {
    for bad in [
        "-1700000000",
        "+1700000000",
        "17000 00000",
        "1.7e9",
        "0x10",
        "１７",
    ] {
        let reason = malformed(&format!("t={bad},v1={V1_CURRENT}"));
        assert_eq!(
            reason,
            Some("`t` must be ASCII digits: Unix seconds with no sign or spaces"),
            "{bad}"
        );
    }
    assert_eq!(
        malformed(&format!("t=9223372036854775808,v1={V1_CURRENT}")),
        Some("`t` does not fit in a signed 64-bit integer")
    );
    // i64::MAX itself parses; it then fails the timestamp check, not the grammar.
    let header = format!("t=9223372036854775807,v1={V1_CURRENT}");
    assert_eq!(
        SignatureHeader::parse(HEADER, header.as_bytes())
            .unwrap()
            .timestamp(),
        i64::MAX
    );
}

#[test]
fn entries_without_equals_are_malformed() {
    let reason = Some("an entry has no `=`; expected `t=<unix>,v1=<hex>`");
    assert_eq!(malformed(&format!("t={T},v1={V1_CURRENT},")), reason);
    assert_eq!(malformed(&format!("t={T},,v1={V1_CURRENT}")), reason);
    // `;` is not a separator: the whole value is one entry whose `t` is not digits.
    assert_eq!(
        malformed(&format!("t={T};v1={V1_CURRENT}")),
        Some("`t` must be ASCII digits: Unix seconds with no sign or spaces")
    );
    assert_eq!(malformed(&format!("t={T},v1")), reason);
}

#[test]
fn spaces_around_entries_are_tolerated_but_not_inside_values() {
    let spaced = format!(" t={T} , v1={V1_CURRENT} ");
    assert!(verify(&spaced, BODY).is_ok());
    assert_eq!(
        malformed(&format!("t= {T},v1={V1_CURRENT}")),
        Some("`t` must be ASCII digits: Unix seconds with no sign or spaces")
    );
}

#[test]
fn odd_length_and_non_hex_signatures_never_match() {
    for bad in [
        &V1_CURRENT[..63],
        &V1_CURRENT[..62],
        &format!("{V1_CURRENT}0"),
        &format!("{}g", &V1_CURRENT[..63]),
        "",
    ] {
        assert_eq!(
            verify(&format!("t={T},v1={bad}"), BODY),
            Err(VerifyError::SignatureMismatch { header: HEADER }),
            "{bad}"
        );
    }
}

#[test]
fn any_change_to_the_body_is_refused() {
    let header = format!("t={T},v1={V1_CURRENT}");
    let mut tampered = BODY.to_vec();
    tampered[30] ^= 1;
    let with_newline = [BODY, b"\n"].concat();
    let crlf = [BODY, b"\r\n"].concat();
    for body in [
        &tampered[..],
        &with_newline[..],
        &crlf[..],
        b"",
        &BODY[..BODY.len() - 1],
    ] {
        assert_eq!(
            verify(&header, body),
            Err(VerifyError::SignatureMismatch { header: HEADER })
        );
    }
}

#[test]
fn a_different_timestamp_in_the_header_is_refused() {
    // The timestamp is part of what is signed: moving it invalidates the signature.
    let header = format!("t={},v1={V1_CURRENT}", T + 1);
    assert_eq!(
        verifier().verify_at(&[(HEADER, header.as_str())], BODY, at(T)),
        Err(VerifyError::SignatureMismatch { header: HEADER })
    );
}

#[test]
fn leading_zeros_in_t_are_signed_as_sent() {
    let s = secret(SECRET);
    // A sender that writes `t=0001700000000` signs those exact bytes.
    let header = timestamped::sign(&s, T, BODY).replace("t=", "t=000");
    assert!(verify(&header, BODY).is_err());
}

#[test]
fn empty_and_non_utf8_bodies_verify() {
    let s = secret(SECRET);
    for body in [&b""[..], &[0xff, 0xfe, 0x00, 0x80][..]] {
        let header = timestamped::sign(&s, T, body);
        assert_eq!(verify(&header, body).unwrap().timestamp, T);
    }
}

#[test]
fn tolerance_is_inclusive_at_300_seconds_both_ways() {
    let header = format!("t={T},v1={V1_CURRENT}");
    let headers = [(HEADER, header.as_str())];
    let v = verifier();
    assert_eq!(DEFAULT_TOLERANCE, Duration::seconds(300));
    assert_eq!(v.tolerance_seconds(), Some(300));
    assert!(v.verify_at(&headers, BODY, at(T + 300)).is_ok());
    assert!(v.verify_at(&headers, BODY, at(T - 300)).is_ok());
    assert_eq!(
        v.verify_at(&headers, BODY, at(T + 301)),
        Err(VerifyError::TimestampTooOld {
            header: HEADER,
            age_seconds: 301,
            tolerance_seconds: 300
        })
    );
    assert_eq!(
        v.verify_at(&headers, BODY, at(T - 301)),
        Err(VerifyError::TimestampInFuture {
            header: HEADER,
            ahead_seconds: 301,
            tolerance_seconds: 300
        })
    );
}

#[test]
fn custom_tolerance_and_deliberately_disabled_check() {
    let header = format!("t={T},v1={V1_CURRENT}");
    let headers = [(HEADER, header.as_str())];
    let strict = verifier().tolerance(Duration::seconds(10));
    assert!(strict.verify_at(&headers, BODY, at(T + 10)).is_ok());
    assert_eq!(
        strict.verify_at(&headers, BODY, at(T + 11)),
        Err(VerifyError::TimestampTooOld {
            header: HEADER,
            age_seconds: 11,
            tolerance_seconds: 10
        })
    );
    let lax = verifier().tolerance(Duration::hours(1));
    assert!(lax.verify_at(&headers, BODY, at(T + 3600)).is_ok());
    assert!(lax.verify_at(&headers, BODY, at(T + 3601)).is_err());
    // A negative tolerance counts as zero: only the exact second passes.
    let zero = verifier().tolerance(Duration::seconds(-5));
    assert!(zero.verify_at(&headers, BODY, at(T)).is_ok());
    assert!(zero.verify_at(&headers, BODY, at(T + 1)).is_err());

    let off = verifier().without_replay_protection();
    assert_eq!(off.tolerance_seconds(), None);
    assert!(off
        .verify_at(&headers, BODY, at(T + 10 * 365 * 86_400))
        .is_ok());
    // Turning the clock check off does not turn the signature check off.
    assert!(off.verify_at(&headers, b"{}", at(T)).is_err());
}

#[test]
fn stale_timestamp_with_wrong_signature_reports_mismatch_not_staleness() {
    let header = format!("t={},v1={V1_CURRENT}", T - 10_000);
    assert_eq!(
        verifier().verify_at(&[(HEADER, header.as_str())], BODY, at(T)),
        Err(VerifyError::SignatureMismatch { header: HEADER })
    );
}

#[test]
fn extreme_timestamps_do_not_overflow() {
    let s = secret(SECRET);
    let v = verifier();
    let header = timestamped::sign(&s, i64::MAX, BODY);
    assert!(matches!(
        v.verify_at(&[(HEADER, header.as_str())], BODY, at(0)),
        Err(VerifyError::TimestampInFuture { ahead_seconds, .. }) if ahead_seconds == i64::MAX as u64
    ));
    let header = timestamped::sign(&s, 0, BODY);
    assert!(matches!(
        v.verify_at(&[(HEADER, header.as_str())], BODY, at(T)),
        Err(VerifyError::TimestampTooOld { age_seconds, .. }) if age_seconds == T as u64
    ));
}

#[test]
fn missing_and_duplicated_headers() {
    assert_eq!(
        verifier().verify_at(&[("Other", "x")], BODY, at(T)),
        Err(VerifyError::MissingHeader { header: HEADER })
    );
    let good = format!("t={T},v1={V1_CURRENT}");
    let twice = [(HEADER, good.as_str()), ("montly-signature", good.as_str())];
    assert!(matches!(
        verifier().verify_at(&twice, BODY, at(T)),
        Err(VerifyError::MalformedHeader { header: HEADER, .. })
    ));
}

#[test]
fn header_name_is_case_insensitive() {
    let good = format!("t={T},v1={V1_CURRENT}");
    for name in ["montly-signature", "MONTLY-SIGNATURE", "mOnTlY-sIgNaTuRe"] {
        assert!(verifier()
            .verify_at(&[(name, good.as_str())], BODY, at(T))
            .is_ok());
    }
}

#[test]
fn oversized_headers_are_refused_before_any_work() {
    let long = format!("t={T},v1={V1_CURRENT},v0={}", "a".repeat(9000));
    assert_eq!(
        verify(&long, BODY),
        Err(VerifyError::HeaderTooLarge {
            header: HEADER,
            limit: HeaderLimit::Bytes {
                len: long.len(),
                max: 8192
            }
        })
    );
    let many = format!(
        "t={T}{}",
        format!(",v1={V1_CURRENT}").repeat(MAX_SIGNATURES + 1)
    );
    assert_eq!(
        verify(&many, BODY),
        Err(VerifyError::HeaderTooLarge {
            header: HEADER,
            limit: HeaderLimit::Signatures { max: 16 }
        })
    );
    let sixteen = format!(
        "t={T}{}",
        format!(",v1={V1_CURRENT}").repeat(MAX_SIGNATURES)
    );
    assert!(verify(&sixteen, BODY).is_ok());
}

#[test]
fn parsed_header_exposes_its_parts() {
    let value = format!("t={T},v0=old,v1=aa,v1={V1_CURRENT}");
    let parsed = SignatureHeader::parse(HEADER, value.as_bytes()).unwrap();
    assert_eq!(parsed.timestamp(), T);
    let signatures: Vec<&[u8]> = parsed.signatures().collect();
    assert_eq!(signatures, [b"aa".as_slice(), V1_CURRENT.as_bytes()]);
}

#[test]
fn error_messages_help_and_never_reveal_the_expected_signature() {
    let mismatch = verify(&format!("t={T},v1={}", "0".repeat(64)), BODY).unwrap_err();
    let message = mismatch.to_string();
    assert!(message.contains(HEADER), "{message}");
    assert!(message.contains("raw request body"), "{message}");
    assert!(!message.contains(V1_CURRENT), "{message}");
    let stale = verifier()
        .verify_at(
            &[(HEADER, format!("t={T},v1={V1_CURRENT}"))],
            BODY,
            at(T + 400),
        )
        .unwrap_err();
    let message = stale.to_string();
    assert!(message.contains("400 s old"), "{message}");
    assert!(message.contains("tolerance of 300 s"), "{message}");
    assert_eq!(stale.header(), HEADER);
}

#[test]
fn verify_uses_the_system_clock() {
    let s = secret(SECRET);
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let fresh = timestamped::sign(&s, now, BODY);
    assert!(verifier().verify(&[(HEADER, fresh.as_str())], BODY).is_ok());
    let stale = timestamped::sign(&s, now - 3600, BODY);
    assert!(matches!(
        verifier().verify(&[(HEADER, stale.as_str())], BODY),
        Err(VerifyError::TimestampTooOld { .. })
    ));
}

#[test]
fn long_runs_of_non_digits_in_t_are_refused_without_overflow() {
    // Found by proptest: 18 bytes of high values overflowed the digit accumulator.
    for bad in ["\u{ff}".repeat(18), "z".repeat(18), "9".repeat(17) + "x"] {
        assert_eq!(
            malformed(&format!("t={bad},v1={V1_CURRENT}")),
            Some("`t` must be ASCII digits: Unix seconds with no sign or spaces")
        );
    }
}
