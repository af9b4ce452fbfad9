//! The one shape over all five providers: code written once over `Provider` and
//! `WebhookEvent` works for each, every event serializes back to what parses to it, and
//! idempotency keys are stable, distinct and bounded.

use std::fmt::Debug;

use commerce_webhooks::{
    ezq, kinguin, leasecloud, montly, sparkpay, Error, Provider, Request, Secret, VerifyError,
    WebhookEvent, MAX_IDEMPOTENCY_KEY_LEN,
};
use proptest::prelude::*;
use serde_json::json;
use time::OffsetDateTime;

const NOW: i64 = 1_700_000_000;

fn secret(value: &str) -> Secret {
    Secret::new(value).unwrap()
}

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(NOW).unwrap()
}

/// A request as a provider sends it: what a framework hands over.
struct Delivery {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    path: &'static str,
    query: String,
}

impl Delivery {
    fn new(headers: impl IntoIterator<Item = (&'static str, String)>, body: &[u8]) -> Self {
        Delivery {
            headers: headers
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
            body: body.to_vec(),
            path: "/hooks",
            query: String::new(),
        }
    }

    fn request(&self) -> Request<'_> {
        Request::new(&self.headers, &self.body)
            .path(self.path)
            .query(&self.query)
    }
}

/// What one provider's authentic delivery must verify to.
struct Expected {
    name: &'static str,
    id: Option<&'static str>,
    /// The key, where it is known in advance.
    key: Option<&'static str>,
}

/// Written once, run for every provider: an authentic delivery verifies (at a fixed time and
/// by the system clock's path alike) to the expected name, id and key; delivering it twice
/// gives the same key; a forged one is refused as not authentic; an authentic body that does
/// not parse is a parse error that names the provider and carries what the envelope had, and
/// the provider's answer for it is a success.
fn check_provider<P>(
    hook: &P,
    good: &Delivery,
    forged: &Delivery,
    unparsable: &Delivery,
    expected: Expected,
) where
    P: Provider,
    P::Event: Debug + PartialEq + serde::Serialize,
{
    let event = hook.verify_request_at(&good.request(), now()).unwrap();
    assert_eq!(event.name(), expected.name, "{}", P::NAME);
    assert_eq!(event.id(), expected.id, "{}", P::NAME);
    let key = event.idempotency_key();
    assert!(key.len() <= MAX_IDEMPOTENCY_KEY_LEN, "{}: {key}", P::NAME);
    match (expected.key, expected.id) {
        (Some(expected_key), _) => assert_eq!(key, expected_key, "{}", P::NAME),
        // Without an id the key is built from the content, and holds none of its text.
        (None, None) => assert!(key.starts_with("sha256:") && key.len() == 71, "{key}"),
        (None, Some(_)) => {}
    }
    // The record of the delivery parses, in a worker, to the same event.
    let delivery = P::delivery(&good.request(), now());
    assert_eq!(P::parse_delivery(&delivery).unwrap(), event, "{}", P::NAME);
    if let Some(id) = expected.id {
        assert_eq!(delivery.key(), id, "{}", P::NAME);
    }
    // The two halves of verify_request: the view is the same event.
    let view = P::parse_request_view(&good.request()).unwrap();
    assert_eq!(
        serde_json::to_value(&view).unwrap(),
        serde_json::to_value(&event).unwrap(),
        "{}",
        P::NAME
    );
    // The signature half alone reads the system clock: the deliveries are signed at NOW,
    // which the timestamped providers find too old (their fresh path is checked below), and
    // nothing else may fail.
    match hook.verify_request_signature(&good.request()) {
        Ok(()) | Err(VerifyError::TimestampTooOld { .. }) => {}
        Err(other) => panic!("{}: the signature half refused {other}", P::NAME),
    }
    assert!(
        hook.verify_request_signature(&forged.request()).is_err(),
        "{}",
        P::NAME
    );
    let again = hook.verify_request_at(&good.request(), now()).unwrap();
    assert_eq!(again, event, "{}", P::NAME);
    assert_eq!(
        again.idempotency_key(),
        key,
        "{}: a retry has the same key",
        P::NAME
    );

    match hook.verify_request_at(&forged.request(), now()) {
        Err(Error::Verify(_)) => {}
        other => panic!("{}: a forged request gave {other:?}", P::NAME),
    }

    match hook.verify_request_at(&unparsable.request(), now()) {
        Err(Error::Parse(error)) => {
            assert_eq!(error.provider, P::NAME);
            assert_eq!(
                error.id.as_deref(),
                expected.id.map(|_| "evt:broken"),
                "{}",
                P::NAME
            );
            assert!(error.event.is_some(), "{}: {error}", P::NAME);
            let reply = P::unparsed_reply(&error);
            assert!(
                (200..300).contains(&reply.status_code()),
                "{}: {reply:?}",
                P::NAME
            );
        }
        other => panic!("{}: an unparsable body gave {other:?}", P::NAME),
    }
}

#[test]
fn one_generic_function_checks_every_provider() {
    let lc = secret("whsec_lc");
    let body = include_bytes!("../samples/leasecloud/order_created.json");
    let broken = br#"{"id":"evt:broken","action":"order.created","data":{"totalAmount":[]}}"#;
    check_provider(
        &leasecloud::Webhook::new(lc.clone()),
        &Delivery::new(leasecloud::Webhook::sign_headers(&lc, NOW, body), body),
        &Delivery::new(
            leasecloud::Webhook::sign_headers(&secret("x"), NOW, body),
            body,
        ),
        &Delivery::new(leasecloud::Webhook::sign_headers(&lc, NOW, broken), broken),
        Expected {
            name: "order.created",
            id: Some("evt:e1f0aed8-883a-9751-74a3-48537d3d94ce"),
            key: Some("evt:e1f0aed8-883a-9751-74a3-48537d3d94ce"),
        },
    );

    let mo = secret("whsec_mo");
    let body = include_bytes!("../samples/montly/tariff_updated.json");
    let broken = br#"{"type":"order.signed","data":{"orderId":true},"id":"evt:broken"}"#;
    check_provider(
        &montly::Webhook::new(mo.clone()),
        &Delivery::new(montly::Webhook::sign_headers(&mo, NOW, body), body),
        &Delivery::new(montly::Webhook::sign_headers(&mo, NOW - 301, body), body),
        &Delivery::new(montly::Webhook::sign_headers(&mo, NOW, broken), broken),
        Expected {
            name: "tariff.updated",
            id: Some("evt:dsfsdf55ds3dgfb"),
            key: Some("evt:dsfsdf55ds3dgfb"),
        },
    );

    let ez = secret("ezq_secret");
    let body = include_bytes!("../samples/ezq/order_marketplace_confirmed.json");
    let broken = br#"{"event":"order.completed","data":{"id":"seven"}}"#;
    check_provider(
        &ezq::Webhook::new(ez.clone()),
        &Delivery::new(ezq::Webhook::sign_headers(&ez, body), body),
        &Delivery::new(ezq::Webhook::sign_headers(&ez, b"{}"), body),
        &Delivery::new(ezq::Webhook::sign_headers(&ez, broken), broken),
        Expected {
            name: "order_marketplace.confirmed",
            id: None,
            key: None,
        },
    );

    let ki = secret("kinguin_secret");
    let body = include_bytes!("../samples/kinguin/current_order_status.json");
    let broken = br#"{"orderId":"X","status":"canceled","updatedAt":7}"#;
    check_provider(
        &kinguin::Webhook::new(ki.clone()),
        &Delivery::new(kinguin::Webhook::sign_headers(&ki, "order.status"), body),
        &Delivery::new(
            kinguin::Webhook::sign_headers(&secret("guess"), "order.status"),
            body,
        ),
        &Delivery::new(kinguin::Webhook::sign_headers(&ki, "order.status"), broken),
        Expected {
            name: "order.status",
            id: None,
            key: None,
        },
    );

    let sp = secret("sp_tok_0123456789abcdef");
    let body = br#"{"items":[],"shipping_total":25,"handling_total":0}"#;
    let broken = br#"{"items":{},"shipping_total":25,"handling_total":0}"#;
    let mut good = Delivery::new([], body);
    good.path = "/hooks/sparkpay/GetTax";
    good.query = sparkpay::Webhook::sign_query(&sp);
    let mut forged = Delivery::new([], body);
    forged.path = "/hooks/sparkpay/GetTax";
    forged.query = "token=sp_tok_guess".to_owned();
    let mut unparsable = Delivery::new([], broken);
    unparsable.path = "/hooks/sparkpay/GetTax";
    unparsable.query = sparkpay::Webhook::sign_query(&sp);
    check_provider(
        &sparkpay::Webhook::new(sp),
        &good,
        &forged,
        &unparsable,
        Expected {
            name: "GetTax",
            id: None,
            key: None,
        },
    );
}

#[test]
fn provider_names_match_the_parse_errors_they_produce() {
    assert_eq!(<leasecloud::Webhook as Provider>::NAME, "LeaseCloud");
    assert_eq!(<montly::Webhook as Provider>::NAME, "Montly");
    assert_eq!(<ezq::Webhook as Provider>::NAME, "EZQ");
    assert_eq!(<kinguin::Webhook as Provider>::NAME, "Kinguin");
    assert_eq!(<sparkpay::Webhook as Provider>::NAME, "Spark Pay");
    assert_eq!(
        leasecloud::Event::parse("[]").unwrap_err().provider,
        "LeaseCloud"
    );
    assert_eq!(montly::Event::parse("[]").unwrap_err().provider, "Montly");
    assert_eq!(ezq::Event::parse("[]").unwrap_err().provider, "EZQ");
    assert_eq!(
        kinguin::Event::parse("x", "[").unwrap_err().provider,
        "Kinguin"
    );
    assert_eq!(
        sparkpay::Request::parse(sparkpay::EventType::GetTax, "[]")
            .unwrap_err()
            .provider,
        "Spark Pay"
    );
}

#[test]
fn the_system_clock_path_verifies_a_fresh_request() {
    let lc = secret("whsec_lc");
    let body = br#"{"id":"evt:1","action":"order.signed","data":{"orderId":42}}"#;
    let fresh = OffsetDateTime::now_utc().unix_timestamp();
    let delivery = Delivery::new(leasecloud::Webhook::sign_headers(&lc, fresh, body), body);
    let hook = leasecloud::Webhook::new(lc.clone());
    assert_eq!(
        hook.verify_request(&delivery.request()).unwrap().id,
        "evt:1"
    );
    let stale = Delivery::new(
        leasecloud::Webhook::sign_headers(&lc, fresh - 3600, body),
        body,
    );
    assert!(matches!(
        hook.verify_request(&stale.request()),
        Err(Error::Verify(
            commerce_webhooks::VerifyError::TimestampTooOld { .. }
        ))
    ));
    // The signature half of verify_request, and the inherent methods, take the same path.
    assert_eq!(hook.verify_request_signature(&delivery.request()), Ok(()));
    assert!(matches!(
        hook.verify_request_signature(&stale.request()),
        Err(commerce_webhooks::VerifyError::TimestampTooOld { .. })
    ));
    assert!(hook.verify_signature(&delivery.headers, body).is_ok());
    assert!(hook.verify_signature(&stale.headers, body).is_err());
}

// ---------------------------------------------------------------------------------------------
// Serialize, then parse: an equal value, for every fixture of every provider.

fn round_trips<E: serde::Serialize + PartialEq + Debug>(event: &E, parse: impl Fn(&[u8]) -> E) {
    let serialized = serde_json::to_vec(event).unwrap();
    assert_eq!(
        &parse(&serialized),
        event,
        "{}",
        String::from_utf8_lossy(&serialized)
    );
}

#[test]
fn every_leasecloud_and_montly_fixture_round_trips() {
    let event =
        leasecloud::Event::parse(include_bytes!("../samples/leasecloud/order_created.json"))
            .unwrap();
    round_trips(&event, |body| leasecloud::Event::parse(body).unwrap());
    let as_value = serde_json::to_value(&event).unwrap();
    assert_eq!(as_value["action"], "order.created");
    assert_eq!(as_value["data"]["totalAmount"], 23323);
    assert_eq!(as_value["data"]["VAT"], 32);
    assert_eq!(as_value["data"]["createdAt"], "2018-01-03T15:10:00Z");

    for body in [
        &include_bytes!("../samples/montly/order_accepted.json")[..],
        include_bytes!("../samples/montly/order_declined.json"),
        include_bytes!("../samples/montly/order_signed.json"),
        include_bytes!("../samples/montly/order_delivery_approved.json"),
        include_bytes!("../samples/montly/tariff_updated.json"),
    ] {
        let event = montly::Event::parse(body).unwrap();
        round_trips(&event, |body| montly::Event::parse(body).unwrap());
        // A Montly event read by LeaseCloud, under `action`, round-trips there too.
        let relabelled = String::from_utf8_lossy(body).replace("\"type\"", "\"action\"");
        let event = leasecloud::Event::parse(&relabelled).unwrap();
        round_trips(&event, |body| leasecloud::Event::parse(body).unwrap());
    }
    // Numbers stay numbers, with exactly their digits.
    let tariffs =
        montly::Event::parse(include_bytes!("../samples/montly/tariff_updated.json")).unwrap();
    let text = serde_json::to_string(&tariffs).unwrap();
    assert!(text.contains(r#"{"months":24,"tariff":1.51}"#), "{text}");
    let accepted =
        montly::Event::parse(include_bytes!("../samples/montly/order_accepted.json")).unwrap();
    assert!(serde_json::to_string(&accepted)
        .unwrap()
        .contains(r#""orderId":42"#));
}

#[test]
fn ezq_and_kinguin_fixtures_round_trip() {
    let event = ezq::Event::parse(include_bytes!(
        "../samples/ezq/order_marketplace_confirmed.json"
    ))
    .unwrap();
    round_trips(&event, |body| ezq::Event::parse(body).unwrap());
    assert_eq!(
        serde_json::to_value(&event).unwrap()["event"],
        "order_marketplace.confirmed"
    );

    for (name, body) in [
        (
            "order.status",
            &include_bytes!("../samples/kinguin/current_order_status.json")[..],
        ),
        (
            "product.update",
            include_bytes!("../samples/kinguin/current_product_update.json"),
        ),
        (
            "order.complete",
            include_bytes!("../samples/kinguin/old_order_complete.json"),
        ),
        (
            "order.status",
            include_bytes!("../samples/kinguin/old_order_status.json"),
        ),
        (
            "product.update",
            include_bytes!("../samples/kinguin/old_product_update.json"),
        ),
        ("offer.new", br#"{"a":[1,2.5,"x"],"b":null}"#),
    ] {
        let event = kinguin::Event::parse(name, body).unwrap();
        // The name travels beside the body, as in Kinguin's own requests.
        round_trips(&event, |body| {
            kinguin::Event::parse(event.name(), body).unwrap()
        });
    }
}

#[test]
fn unknown_events_round_trip_with_their_data() {
    let body = br#"{"id":"evt:9","type":"order.moved","data":{"to":"Oslo","n":[1,2]}}"#;
    let event = montly::Event::parse(body).unwrap();
    round_trips(&event, |body| montly::Event::parse(body).unwrap());
    let body = br#"{"event":"order.refunded","data":{"amount":"12.50"}}"#;
    let event = ezq::Event::parse(body).unwrap();
    round_trips(&event, |body| ezq::Event::parse(body).unwrap());
}

proptest! {
    #[test]
    fn tariffs_round_trip_exactly_whatever_their_digits(
        months in any::<u32>(),
        mantissa in any::<i64>(),
        scale in 0u32..=18,
        id in "[a-z0-9:_-]{1,40}",
    ) {
        let tariff = rust_decimal::Decimal::new(mantissa, scale);
        // Built by hand so the digits go on the wire as written, not through a float.
        let body = format!(
            r#"{{"id":{},"type":"tariff.updated","data":{{"tariffs":[{{"months":{months},"tariff":{tariff}}}]}}}}"#,
            serde_json::to_string(&id).unwrap()
        );
        let event = montly::Event::parse(&body).unwrap();
        let montly::EventKind::TariffUpdated { tariffs } = &event.kind else {
            panic!("{body}");
        };
        prop_assert_eq!(tariffs[0].tariff, tariff);
        prop_assert_eq!(tariffs[0].months, months);
        let again = montly::Event::parse(serde_json::to_vec(&event).unwrap()).unwrap();
        prop_assert_eq!(again, event);
    }

    #[test]
    fn kinguin_order_status_round_trips_and_keys_stay_bounded(
        order_id in "[A-Z0-9]{1,200}",
        status in "[a-z_]{0,12}",
        millis in 0u32..1000,
        external in proptest::option::of("[ -~]{0,30}"),
    ) {
        let body = json!({
            "orderId": order_id,
            "orderExternalId": external,
            "status": status,
            "updatedAt": format!("2020-10-16T11:24:08.{millis:03}+00:00"),
        });
        let body = serde_json::to_vec(&body).unwrap();
        let event = kinguin::Event::parse("order.status", &body).unwrap();
        prop_assert!(event.idempotency_key().len() <= MAX_IDEMPOTENCY_KEY_LEN);
        let again = kinguin::Event::parse("order.status", serde_json::to_vec(&event).unwrap()).unwrap();
        prop_assert_eq!(again.idempotency_key(), event.idempotency_key());
        prop_assert_eq!(again, event);
    }
}

// ---------------------------------------------------------------------------------------------
// Idempotency keys.

#[test]
fn a_one_mebibyte_unknown_kinguin_event_has_a_short_stable_key() {
    let filler = "x".repeat(1 << 20);
    let body = serde_json::to_vec(&json!({ "blob": filler })).unwrap();
    let first = kinguin::Event::parse("offer.bulk", &body).unwrap();
    let second = kinguin::Event::parse("offer.bulk", &body).unwrap();
    let key = first.idempotency_key();
    assert!(key.len() <= MAX_IDEMPOTENCY_KEY_LEN, "{} bytes", key.len());
    assert!(key.starts_with("sha256:"), "{key}");
    assert_eq!(key, second.idempotency_key());
    // One byte more is another event.
    let other = serde_json::to_vec(&json!({ "blob": format!("{filler}y") })).unwrap();
    let other = kinguin::Event::parse("offer.bulk", &other).unwrap();
    assert_ne!(other.idempotency_key(), key);
}

#[test]
fn keys_differ_between_events_and_match_for_the_same_delivery() {
    let keys: Vec<String> = [
        (
            "order.status",
            r#"{"orderId":"A","status":"canceled","updatedAt":"2020-10-16T11:24:08+00:00"}"#,
        ),
        (
            "order.status",
            r#"{"orderId":"A","status":"completed","updatedAt":"2020-10-16T11:24:08+00:00"}"#,
        ),
        (
            "order.status",
            r#"{"orderId":"B","status":"canceled","updatedAt":"2020-10-16T11:24:08+00:00"}"#,
        ),
        (
            "order.complete",
            r#"{"orderId":"A","updatedAt":"2020-10-16T11:24:08+00:00"}"#,
        ),
        (
            "order.status",
            r#"{"orderId":"A","status":"canceled","updatedAt":"2020-10-16T11:24:09+00:00"}"#,
        ),
    ]
    .iter()
    .map(|(name, body)| {
        kinguin::Event::parse(name, body)
            .unwrap()
            .idempotency_key()
            .into_owned()
    })
    .collect();
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            assert_ne!(a, b);
        }
    }
    // LeaseCloud's key is the event id, whatever else changes between retries.
    let one =
        leasecloud::Event::parse(r#"{"id":"evt:1","action":"order.signed","data":{"orderId":1}}"#)
            .unwrap();
    let retry =
        leasecloud::Event::parse(r#"{"data":{"orderId":1},"action":"order.signed","id":"evt:1"}"#)
            .unwrap();
    assert_eq!(one.idempotency_key(), retry.idempotency_key());
    // An id longer than the limit is hashed, stably.
    let long = format!(r#"{{"id":"{}","action":"x","data":null}}"#, "e".repeat(200));
    let key = leasecloud::Event::parse(&long)
        .unwrap()
        .idempotency_key()
        .into_owned();
    assert!(key.starts_with("sha256:") && key.len() == 71, "{key}");
    assert_eq!(
        key,
        leasecloud::Event::parse(&long).unwrap().idempotency_key()
    );
}
