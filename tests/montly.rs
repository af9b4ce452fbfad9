//! Montly: every page sample, the lenient corners, and verify + parse end to end.

use std::collections::HashSet;
use std::str::FromStr;

use commerce_webhooks::montly::{self, Event, EventKind, OrderId, Tariff, Webhook};
use commerce_webhooks::scheme::timestamped;
use commerce_webhooks::{Error, ParseError, Secret, VerifyError};
use rust_decimal::Decimal;
use serde_json::json;
use time::{Duration, OffsetDateTime};

const ENVELOPE: &[u8] = include_bytes!("fixtures/montly/envelope.json");
const ORDER_ACCEPTED: &[u8] = include_bytes!("../samples/montly/order_accepted.json");
const ORDER_DECLINED: &[u8] = include_bytes!("../samples/montly/order_declined.json");
const ORDER_SIGNED: &[u8] = include_bytes!("../samples/montly/order_signed.json");
const ORDER_DELIVERY_APPROVED: &[u8] =
    include_bytes!("../samples/montly/order_delivery_approved.json");
const TARIFF_UPDATED: &[u8] = include_bytes!("../samples/montly/tariff_updated.json");

fn secret(text: &str) -> Secret {
    Secret::new(text).unwrap()
}

fn parse_error(body: impl AsRef<[u8]>) -> ParseError {
    Event::parse(body).unwrap_err()
}

fn decimal(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Page samples, field by field (the Montly page and its 2017 copy are byte-identical).

#[test]
fn order_accepted_sample() {
    let event = Event::parse(ORDER_ACCEPTED).unwrap();
    assert_eq!(event.id, "evt:sdfgkjshdfg87oihsjdgfb");
    assert_eq!(event.kind.name(), "order.accepted");
    let EventKind::OrderAccepted { order_id } = &event.kind else {
        panic!("expected order.accepted, got {:?}", event.kind);
    };
    assert_eq!(*order_id, 42);
    assert!(order_id.sent_as_number());
}

#[test]
fn order_declined_sample() {
    let event = Event::parse(ORDER_DECLINED).unwrap();
    assert_eq!(event.id, "evt:askjshdfg54fsjdgfb");
    assert_eq!(
        event.kind,
        EventKind::OrderDeclined {
            order_id: 42.into(),
            reason: "Customer is not credit worthy".to_owned(),
        }
    );
}

#[test]
fn order_signed_sample() {
    let event = Event::parse(ORDER_SIGNED).unwrap();
    assert_eq!(event.id, "evt:sdfgkjshdfg87oihsjdgfb");
    assert_eq!(
        event.kind,
        EventKind::OrderSigned {
            order_id: 42.into()
        }
    );
    assert_eq!(event.order_id().unwrap().as_u64(), Some(42));
}

#[test]
fn order_delivery_approved_sample() {
    let event = Event::parse(ORDER_DELIVERY_APPROVED).unwrap();
    assert_eq!(event.id, "evt:sdfgkjshdfg87oihsjdgfb");
    assert_eq!(event.kind.name(), "order.deliveryApproved");
    assert_eq!(
        event.kind,
        EventKind::OrderDeliveryApproved {
            order_id: 42.into()
        }
    );
}

#[test]
fn tariff_updated_sample() {
    let event = Event::parse(TARIFF_UPDATED).unwrap();
    assert_eq!(event.id, "evt:dsfsdf55ds3dgfb");
    assert_eq!(event.order_id(), None);
    let EventKind::TariffUpdated { tariffs } = &event.kind else {
        panic!("expected tariff.updated, got {:?}", event.kind);
    };
    assert_eq!(
        *tariffs,
        [
            Tariff {
                months: 24,
                tariff: decimal("1.51")
            },
            Tariff {
                months: 36,
                tariff: decimal("1.01")
            },
        ]
    );
    // Exact, with the scale sent: not 1.5100000000000000088817841970012523.
    assert_eq!(tariffs[0].tariff.to_string(), "1.51");
    assert_eq!(tariffs[1].tariff.scale(), 2);
}

/// The generic envelope in the page's request sample lacks a comma after `"id"`.
#[test]
fn page_envelope_is_refused_with_its_position() {
    let error = parse_error(ENVELOPE);
    assert_eq!(error.provider, "Montly");
    assert_eq!((error.line, error.column), (3, 3));
    assert!(error.message.contains("expected `,` or `}`"), "{error}");
}

// ---------------------------------------------------------------------------------------------
// Forward compatibility and leniency.

#[test]
fn unknown_type_keeps_its_data() {
    let body = r#"{"id":"evt:u","type":"order.created","data":{"id":"abc","total":[1,2]}}"#;
    let event = Event::parse(body).unwrap();
    assert_eq!(
        event.kind,
        EventKind::Unknown {
            name: "order.created".to_owned(),
            data: json!({"id": "abc", "total": [1, 2]}),
        }
    );
    assert_eq!(event.kind.name(), "order.created");
    assert_eq!(event.idempotency_key(), "evt:u");
}

#[test]
fn event_names_are_case_sensitive() {
    let event = Event::parse(r#"{"id":"e","type":"Order.Signed","data":{"orderId":1}}"#).unwrap();
    assert!(matches!(event.kind, EventKind::Unknown { ref name, .. } if name == "Order.Signed"));
}

#[test]
fn extra_fields_are_ignored() {
    let body = r#"{"id":"evt:askjshdfg54fsjdgfb","created":1499785732,"type":"order.declined",
        "data":{"orderId":42,"reason":"Customer is not credit worthy","code":"CREDIT",
        "details":{"score":[1,2]}}}"#;
    assert_eq!(
        Event::parse(body).unwrap(),
        Event::parse(ORDER_DECLINED).unwrap()
    );
    let body = r#"{"id":"e","type":"tariff.updated","data":{"tariffs":[
        {"months":24,"tariff":1.51,"validFrom":"2018-01-01"}],"currency":"SEK"}}"#;
    assert!(Event::parse(body).is_ok());
}

#[test]
fn reason_missing_or_null_is_empty() {
    for data in [
        json!({"orderId": 42}),
        json!({"orderId": 42, "reason": null}),
    ] {
        let body = json!({"id": "e", "type": "order.declined", "data": data}).to_string();
        assert_eq!(
            Event::parse(body).unwrap().kind,
            EventKind::OrderDeclined {
                order_id: 42.into(),
                reason: String::new(),
            }
        );
    }
}

#[test]
fn order_ids_as_number_string_and_uuid() {
    let signed = |id: serde_json::Value| {
        let body = json!({"id": "e", "type": "order.signed", "data": {"orderId": id}});
        Event::parse(body.to_string())
            .unwrap()
            .order_id()
            .cloned()
            .unwrap()
    };
    let number = signed(json!(42));
    let text = signed(json!("42"));
    let uuid = signed(json!("c8e0bda3-dbe0-55ad-8de7-4b341fab49a3"));
    assert_eq!(number, text);
    assert_eq!(number, 42);
    assert_eq!(text, 42i64);
    assert_eq!(text, 42u32);
    assert_eq!(number, "42");
    assert_eq!(number, String::from("42"));
    assert_eq!(uuid, "c8e0bda3-dbe0-55ad-8de7-4b341fab49a3");
    assert_ne!(uuid, 42);
    assert_eq!(uuid.as_u64(), None);
    assert_eq!(uuid.as_str(), "c8e0bda3-dbe0-55ad-8de7-4b341fab49a3");
    // Equal ids hash alike, whichever form they came in.
    let set: HashSet<OrderId> = [number.clone(), text.clone()].into_iter().collect();
    assert_eq!(set.len(), 1);
    assert_eq!(
        format!("{number:?} {text:?}"),
        r#"OrderId(42) OrderId("42")"#
    );
    // A negative number is still an id; a float or an object is not.
    assert_eq!(signed(json!(-3)), -3);
    let error = parse_error(r#"{"id":"e","type":"order.signed","data":{"orderId":4.5}}"#);
    assert_eq!(error.path, "data.orderId");
    let error = parse_error(r#"{"id":"e","type":"order.signed","data":{"orderId":{}}}"#);
    assert_eq!(error.path, "data.orderId");
}

#[test]
fn missing_order_id_is_refused() {
    let error = parse_error(r#"{"id":"e","type":"order.accepted","data":{}}"#);
    assert_eq!(error.event.as_deref(), Some("order.accepted"));
    assert!(error.message.contains("orderId"), "{error}");
}

#[test]
fn tariffs_sent_as_strings_or_integers() {
    let body = r#"{"id":"e","type":"tariff.updated","data":{"tariffs":[
        {"months":"12","tariff":"2.05"},{"months":60,"tariff":1}]}}"#;
    let EventKind::TariffUpdated { tariffs } = Event::parse(body).unwrap().kind else {
        panic!("expected tariff.updated");
    };
    assert_eq!(tariffs[0].months, 12);
    assert_eq!(tariffs[0].tariff, decimal("2.05"));
    assert_eq!(tariffs[1].months, 60);
    assert_eq!(tariffs[1].tariff, decimal("1"));
}

#[test]
fn bad_tariffs_name_their_path() {
    let error = parse_error(
        r#"{"id":"e","type":"tariff.updated","data":{"tariffs":[{"months":24,"tariff":1.5},{"months":36,"tariff":"high"}]}}"#,
    );
    assert_eq!(error.path, "data.tariffs[1].tariff");
    assert_eq!(error.event.as_deref(), Some("tariff.updated"));
    let error = parse_error(
        r#"{"id":"e","type":"tariff.updated","data":{"tariffs":[{"months":-1,"tariff":1}]}}"#,
    );
    assert_eq!(error.path, "data.tariffs[0].months");
    let error = parse_error(r#"{"id":"e","type":"tariff.updated","data":{"tariffs":null}}"#);
    assert_eq!(error.path, "data.tariffs");
}

#[test]
fn missing_or_null_event_id_is_refused() {
    for body in [
        r#"{"type":"order.signed","data":{"orderId":1}}"#,
        r#"{"id":null,"type":"order.signed","data":{"orderId":1}}"#,
    ] {
        let error = parse_error(body);
        assert_eq!(error.path, "id");
        assert_eq!(error.provider, "Montly");
    }
}

#[test]
fn a_leasecloud_shaped_body_names_the_missing_type() {
    let error = parse_error(r#"{"id":"e","action":"order.signed","data":{"orderId":1}}"#);
    assert!(error.message.contains("`type`"), "{error}");
}

#[test]
fn not_json_at_all() {
    for body in ["", "[]", "null", "{", "\u{feff}{}"] {
        let error = parse_error(body);
        assert_eq!(error.provider, "Montly", "{body:?}");
        assert_ne!(error.path, "?", "{body:?}: {error}");
    }
    // Not JSON at all: the error is about the document itself, with its position.
    let error = parse_error("{");
    assert_eq!(error.path, ".");
    assert_eq!((error.line, error.column), (1, 1), "{error}");
}

// ---------------------------------------------------------------------------------------------
// Verify + parse.

const T: i64 = 1_499_785_732;

fn at(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap()
}

fn samples() -> [(&'static [u8], &'static str); 6] {
    [
        (ORDER_ACCEPTED, "order.accepted"),
        (ORDER_DECLINED, "order.declined"),
        (ORDER_SIGNED, "order.signed"),
        (ORDER_DELIVERY_APPROVED, "order.deliveryApproved"),
        (TARIFF_UPDATED, "tariff.updated"),
        (
            br#"{"id":"evt:new","type":"order.shipped","data":{"orderId":42}}"#,
            "order.shipped",
        ),
    ]
}

#[test]
fn verify_and_parse_every_kind_with_two_secrets_in_rotation() {
    let hook = Webhook::with_secrets([secret("whsec_new"), secret("whsec_old")]).unwrap();
    for (body, name) in samples() {
        // The page's header shape: `t=…,v1=<new>,v1=<old>`.
        let new = timestamped::sign(&secret("whsec_new"), T, body);
        let old = timestamped::sign(&secret("whsec_old"), T, body);
        let header = format!("{new},v1={}", old.split_once(",v1=").unwrap().1);
        let headers = vec![
            ("Montly-Version".to_owned(), "1.0.0".to_owned()),
            ("Montly-Signature".to_owned(), header),
        ];
        let event = hook.verify_at(&headers, body, at(T + 5)).unwrap();
        assert_eq!(event.kind.name(), name);
        assert_eq!(event, Event::parse(body).unwrap());
        assert_eq!(montly::version(&headers), Some("1.0.0"));

        // The old secret alone still verifies.
        let headers = Webhook::sign_headers(&secret("whsec_old"), T, body);
        assert_eq!(
            hook.verify_at(&headers, body, at(T)).unwrap().kind.name(),
            name
        );
        let verified = hook.verify_signature_at(&headers, body, at(T)).unwrap();
        assert_eq!((verified.timestamp, verified.secret_index), (T, 1));
    }
}

/// A vector computed outside this crate:
/// `python3 -c 'import hmac,hashlib; print(hmac.new(b"whsec_test",
/// b"1499785732." + b"{\"id\":\"evt:1\",\"type\":\"order.signed\",\"data\":{\"orderId\":42}}",
/// hashlib.sha256).hexdigest())'`
#[test]
fn independent_vector() {
    let body = br#"{"id":"evt:1","type":"order.signed","data":{"orderId":42}}"#;
    let header = "t=1499785732,v1=548b5d35709002fec37824e1a92c5d987ea1ad0a15e1dfc29db80fa2a8f8e734";
    let event = Webhook::new(secret("whsec_test"))
        .verify_at(&[("MONTLY-SIGNATURE", header)], body, at(T))
        .unwrap();
    assert_eq!(
        event.kind,
        EventKind::OrderSigned {
            order_id: 42.into()
        }
    );
}

#[test]
fn tolerance() {
    let body = ORDER_SIGNED;
    let headers = Webhook::sign_headers(&secret("s"), T, body);
    let hook = Webhook::new(secret("s")).tolerance(Duration::minutes(10));
    assert!(hook.verify_at(&headers, body, at(T + 600)).is_ok());
    assert!(hook.verify_at(&headers, body, at(T - 600)).is_ok());
    assert_eq!(
        hook.verify_signature_at(&headers, body, at(T + 601)),
        Err(VerifyError::TimestampTooOld {
            header: "Montly-Signature",
            age_seconds: 601,
            tolerance_seconds: 600,
        })
    );
    assert_eq!(
        hook.verify_signature_at(&headers, body, at(T - 601)),
        Err(VerifyError::TimestampInFuture {
            header: "Montly-Signature",
            ahead_seconds: 601,
            tolerance_seconds: 600,
        })
    );
    // Default: 300 s.
    let hook = Webhook::new(secret("s"));
    assert!(hook.verify_at(&headers, body, at(T + 300)).is_ok());
    assert!(hook.verify_at(&headers, body, at(T + 301)).is_err());
}

#[test]
fn wrong_secret_is_refused_before_the_timestamp() {
    let body = ORDER_SIGNED;
    let headers = Webhook::sign_headers(&secret("whsec_wrong"), T, body);
    let hook = Webhook::new(secret("whsec_right"));
    // Even far outside the tolerance, a wrong signature is reported as such.
    for now in [at(T), at(T + 86_400)] {
        let error = hook.verify_at(&headers, body, now).unwrap_err();
        assert!(matches!(
            error,
            Error::Verify(VerifyError::SignatureMismatch {
                header: "Montly-Signature"
            })
        ));
        assert_eq!(error.status_code(), 401);
    }
    assert!(matches!(
        hook.verify_at(&[("Content-Type", "application/json")], body, at(T)),
        Err(Error::Verify(VerifyError::MissingHeader {
            header: "Montly-Signature"
        }))
    ));
}

#[test]
fn rotation_configuration_errors() {
    assert!(Webhook::with_secrets(Vec::new()).is_err());
    let many = (0..9).map(|i| secret(&format!("s{i}")));
    assert!(Webhook::with_secrets(many).is_err());
}

#[test]
fn bodies_that_are_not_utf8() {
    // Invalid UTF-8 in a value the event needs: refused, with its path.
    let mut body =
        br#"{"id":"e","type":"order.declined","data":{"orderId":1,"reason":"X"}}"#.to_vec();
    let x = body.iter().rposition(|&b| b == b'X').unwrap();
    body[x] = 0xff;
    let error = parse_error(&body);
    assert_eq!(error.path, "data.reason");
    assert_eq!(error.event.as_deref(), Some("order.declined"));

    // In a field nobody reads, it is skipped like any unknown field.
    let mut body = br#"{"id":"e","note":"X","type":"order.signed","data":{"orderId":1}}"#.to_vec();
    let x = body.iter().position(|&b| b == b'X').unwrap();
    body[x] = 0xff;
    assert_eq!(
        Event::parse(&body).unwrap().kind,
        EventKind::OrderSigned { order_id: 1.into() }
    );
}
