//! A stored delivery that any worker can parse: request → record → JSON → record → event, for
//! every page sample of every provider, the record's key, and the seal that tells a record the
//! receiver wrote from one written by someone else.

use commerce_webhooks::{
    ezq, kinguin, leasecloud, montly, samples, sparkpay, Delivery, DeliverySeal, Error, Provider,
    Request, SealedDelivery, Secret, VerifyError,
};
use time::macros::datetime;
use time::OffsetDateTime;

const AT: OffsetDateTime = datetime!(2026-12-04 15:00:00.123 UTC);

fn secret(text: &str) -> Secret {
    Secret::new(text).unwrap()
}

/// What arrived, as a framework hands it over.
struct Arrived {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    path: String,
    query: String,
}

impl Arrived {
    fn new(headers: impl IntoIterator<Item = (&'static str, String)>, body: &[u8]) -> Self {
        Arrived {
            headers: headers
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
            body: body.to_vec(),
            path: "/hooks".to_owned(),
            query: String::new(),
        }
    }

    fn request(&self) -> Request<'_> {
        Request::new(&self.headers, &self.body)
            .path(&self.path)
            .query(&self.query)
    }
}

/// Verifies at the edge, keeps the record as JSON, reads it back and parses it: the same event,
/// the same bytes, and a key that does not depend on the trip.
fn round_trip<P>(hook: &P, arrived: &Arrived) -> (P::Event, Delivery)
where
    P: Provider,
    P::Event: std::fmt::Debug + PartialEq,
{
    let request = arrived.request();
    let at_the_edge = hook.verify_request(&request).unwrap();
    let delivery = P::delivery(&request, AT);
    // The adapters make the record from their parse; it must be the one read from the body.
    let parsed = P::parse_request(&request);
    assert_eq!(
        P::delivery_of_parsed(&request, AT, parsed.as_ref()),
        delivery
    );
    assert_eq!(delivery.provider(), P::NAME);
    assert_eq!(delivery.body(), arrived.body.as_slice());
    assert_eq!(delivery.received_at(), AT);
    let json = serde_json::to_string(&delivery).unwrap();
    let back: Delivery = serde_json::from_str(&json).unwrap();
    assert_eq!(back, delivery, "{json}");
    let in_the_worker = P::parse_delivery(&back).unwrap();
    assert_eq!(in_the_worker, at_the_edge, "{}", P::NAME);
    assert!(back.key().len() <= commerce_webhooks::MAX_IDEMPOTENCY_KEY_LEN);
    (in_the_worker, back)
}

#[test]
fn every_page_sample_of_every_provider_survives_the_trip() {
    let now = OffsetDateTime::now_utc().unix_timestamp();

    let lc = secret("whsec_lc");
    for sample in samples::LEASECLOUD {
        let headers = leasecloud::Webhook::sign_headers(&lc, now, sample.body);
        let (event, delivery) = round_trip(
            &leasecloud::Webhook::new(lc.clone()),
            &Arrived::new(headers, sample.body.as_bytes()),
        );
        // An event id is the key, as the event's own.
        assert_eq!(delivery.key(), event.idempotency_key());
        assert_eq!(delivery.event(), None);
    }

    let mo = secret("whsec_mo");
    for sample in samples::MONTLY {
        let headers = montly::Webhook::sign_headers(&mo, now, sample.body);
        let (event, delivery) = round_trip(
            &montly::Webhook::new(mo.clone()),
            &Arrived::new(headers, sample.body.as_bytes()),
        );
        assert_eq!(delivery.key(), event.idempotency_key());
    }

    let ez = secret("ezq_secret");
    for sample in samples::EZQ {
        let headers = ezq::Webhook::sign_headers(&ez, sample.body);
        let (_, delivery) = round_trip(
            &ezq::Webhook::new(ez.clone()),
            &Arrived::new(headers, sample.body.as_bytes()),
        );
        assert!(delivery.key().starts_with("sha256:"), "{}", delivery.key());
    }

    let ki = secret("kinguin_secret");
    for sample in samples::KINGUIN {
        let headers = kinguin::Webhook::sign_headers(&ki, sample.event);
        let (event, delivery) = round_trip(
            &kinguin::Webhook::new(ki.clone()),
            &Arrived::new(headers, sample.body.as_bytes()),
        );
        assert_eq!(event.name(), sample.event);
        assert_eq!(delivery.event(), Some(sample.event));
    }

    let sp = secret("sp_tok_0123456789abcdef");
    for sample in samples::SPARKPAY {
        let mut arrived = Arrived::new([], sample.body.as_bytes());
        arrived.path = format!("/hooks/sparkpay/{}", sample.event);
        arrived.query = sparkpay::Webhook::sign_query(&sp);
        let (event, delivery) = round_trip(&sparkpay::Webhook::new(sp.clone()), &arrived);
        assert_eq!(event.name(), sample.event);
        assert_eq!(delivery.event(), Some(sample.event));
        // The token stays out of the record.
        let json = serde_json::to_string(&delivery).unwrap();
        assert!(!json.contains("sp_tok_"), "{json}");
    }
}

#[test]
fn kinguins_test_button_survives_the_trip() {
    let ki = secret("kinguin_secret");
    let arrived = Arrived::new([("X-Event-Secret", "kinguin_secret".to_owned())], b"");
    let (event, delivery) = round_trip(&kinguin::Webhook::new(ki), &arrived);
    assert_eq!(event, kinguin::Event::Test);
    assert_eq!(delivery.event(), None);
    let json = serde_json::to_string(&delivery).unwrap();
    assert!(!json.contains("kinguin_secret"), "{json}");
}

#[test]
fn the_json_form_is_the_documented_one() {
    let body = br#"{"items":[],"shipping_total":25,"handling_total":0}"#;
    let headers: [(&str, &str); 0] = [];
    let request = Request::new(&headers, body).path("/sparkpay/GetTax/");
    let delivery = sparkpay::Webhook::delivery(&request, AT);
    let json: serde_json::Value = serde_json::to_value(&delivery).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "provider": "Spark Pay",
            "event": "GetTax",
            "received_at": "2026-12-04T15:00:00.123Z",
            "key": delivery.key(),
            "body": r#"{"items":[],"shipping_total":25,"handling_total":0}"#,
        })
    );
}

#[test]
fn a_body_that_is_not_utf8_round_trips_byte_for_byte_and_parses_once_mended() {
    let ez = secret("ezq_secret");
    let hook = ezq::Webhook::new(ez.clone());
    let mut body = samples::EZQ[0].body.as_bytes().to_vec();
    let at = body.windows(5).position(|w| w == b"MYR\",").unwrap();
    body[at] = 0xff; // "\xffYR"
    let arrived = Arrived::new(ezq::Webhook::sign_headers(&ez, &body), &body);
    let request = arrived.request();
    let Err(Error::Parse(_)) = hook.verify_request(&request) else {
        panic!("a body that is not UTF-8 where text is expected does not parse");
    };
    let delivery = ezq::Webhook::delivery(&request, AT);
    let json = serde_json::to_string(&delivery).unwrap();
    let stored: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(stored.get("body").is_none(), "{json}");
    assert!(stored["body_base64"].is_string(), "{json}");
    let back: Delivery = serde_json::from_str(&json).unwrap();
    assert_eq!(back.body(), body.as_slice());
    assert!(matches!(
        ezq::Webhook::parse_delivery(&back),
        Err(Error::Parse(_))
    ));
    // Mended, as an operator would after reading the dead letter, it parses.
    let mut mended = stored;
    let record = mended.as_object_mut().unwrap();
    let mut bytes = back.body().to_vec();
    bytes[at] = b'M';
    record.remove("body_base64");
    record.insert("body".to_owned(), String::from_utf8(bytes).unwrap().into());
    let mended: Delivery = serde_json::from_value(mended).unwrap();
    let event = ezq::Webhook::parse_delivery(&mended).unwrap();
    assert_eq!(event.name(), "order_marketplace.confirmed");
}

#[test]
fn a_record_of_another_provider_is_refused_saying_whose_it_is() {
    let ki = secret("kinguin_secret");
    let headers = kinguin::Webhook::sign_headers(&ki, "order.status");
    let body = samples::KINGUIN[1].body.as_bytes();
    let delivery = kinguin::Webhook::delivery(&Request::new(&headers, body), AT);
    let Err(Error::Parse(error)) = ezq::Webhook::parse_delivery(&delivery) else {
        panic!("an EZQ worker parsed a Kinguin record");
    };
    assert_eq!(error.provider, "EZQ");
    assert!(
        error.message.contains("a delivery of Kinguin, not of EZQ"),
        "{error}"
    );
}

#[test]
fn records_that_are_not_records_are_refused() {
    for json in [
        r#"{}"#,
        r#"{"provider":"EZQ","event":null,"received_at":"2026-12-04T15:00:00Z","key":"k"}"#,
        r#"{"provider":"EZQ","received_at":"yesterday","key":"k","body":"{}"}"#,
        r#"{"provider":"EZQ","received_at":"2026-12-04T15:00:00Z","key":"k","body_base64":"%%"}"#,
        r#"{"provider":"EZQ","received_at":"2026-12-04T15:00:00Z","key":"k","body":"{}","body":"{}"}"#,
        r#"{"provider":"EZQ","received_at":"2026-12-04T15:00:00Z","key":"k","body":"{}","x":1}"#,
    ] {
        assert!(serde_json::from_str::<Delivery>(json).is_err(), "{json}");
    }
}

// ---------------------------------------------------------------------------------------------
// The key.

#[test]
fn a_content_key_covers_fields_the_crate_does_not_read_and_holds_no_body_text() {
    let key_of = |body: &[u8]| {
        let headers: [(&str, &str); 0] = [];
        let request = Request::new(&headers, body).path("/sparkpay/OrderUpdated");
        sparkpay::Webhook::delivery(&request, AT).key().to_owned()
    };
    let order = samples::SPARKPAY
        .iter()
        .find(|sample| sample.event == "OrderUpdated")
        .unwrap()
        .body;
    let with_unknown = order.replacen('{', r#"{"loyalty_points": 12, "#, 1);
    let (plain, unknown) = (key_of(order.as_bytes()), key_of(with_unknown.as_bytes()));
    // The typed events are the same; the deliveries are not, and neither are their keys.
    let parse =
        |body: &str| sparkpay::Request::parse(sparkpay::EventType::OrderUpdated, body).unwrap();
    assert_eq!(parse(order), parse(&with_unknown));
    assert_ne!(plain, unknown);
    // A retry is the same bytes: the same key.
    assert_eq!(plain, key_of(order.as_bytes()));
    assert!(plain.starts_with("sha256:") && plain.len() == 71, "{plain}");
    // The event name outside the body is covered too.
    let headers: [(&str, &str); 0] = [];
    let updated = sparkpay::Webhook::delivery(
        &Request::new(&headers, order.as_bytes()).path("/sparkpay/OrderPlaced"),
        AT,
    );
    assert_ne!(updated.key(), plain);
}

#[test]
fn an_unparsed_body_keeps_its_event_id_as_key() {
    let body = br#"{"id":"evt:broken","action":"order.created","data":{"totalAmount":[]}}"#;
    let headers: [(&str, &str); 0] = [];
    let request = Request::new(&headers, body);
    let delivery = leasecloud::Webhook::delivery(&request, AT);
    assert_eq!(delivery.key(), "evt:broken");
    let parsed = leasecloud::Webhook::parse_request(&request);
    assert!(parsed.is_err());
    let from_the_parse = leasecloud::Webhook::delivery_of_parsed(&request, AT, parsed.as_ref());
    assert_eq!(from_the_parse.key(), "evt:broken");
    // A blank id is no key: the body's digest is.
    let blank = br#"{"id":" ","action":"order.signed","data":{"orderId":"1"}}"#;
    let delivery = leasecloud::Webhook::delivery(&Request::new(&headers, blank), AT);
    assert!(delivery.key().starts_with("sha256:"), "{}", delivery.key());
}

// ---------------------------------------------------------------------------------------------
// The seal.

fn sealed_kinguin_record(seal: &DeliverySeal) -> SealedDelivery {
    let ki = secret("kinguin_secret");
    let headers = kinguin::Webhook::sign_headers(&ki, "order.status");
    let body = samples::KINGUIN[1].body.as_bytes();
    seal.seal(kinguin::Webhook::delivery(
        &Request::new(&headers, body),
        AT,
    ))
}

#[test]
fn a_sealed_record_opens_and_parses_in_the_worker() {
    let seal = DeliverySeal::new(secret("the receiver's own key"));
    let sealed = sealed_kinguin_record(&seal);
    assert_eq!(sealed.seal.len(), 64);
    // Through JSON, re-formatted on the way as a queue might: the seal covers the fields, not
    // the text.
    let json = serde_json::to_string(&sealed).unwrap();
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&json).unwrap())
            .unwrap();
    let back: SealedDelivery = serde_json::from_str(&pretty).unwrap();
    let event = kinguin::Webhook::parse_delivery(seal.open(&back).unwrap()).unwrap();
    assert_eq!(event.name(), "order.status");
}

#[test]
fn a_record_changed_in_storage_is_refused() {
    let seal = DeliverySeal::new(secret("the receiver's own key"));
    let sealed = sealed_kinguin_record(&seal);
    let json: serde_json::Value = serde_json::to_value(&sealed).unwrap();
    let refused = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut changed = json.clone();
        edit(&mut changed);
        let changed: SealedDelivery = serde_json::from_value(changed).unwrap();
        seal.open(&changed).map(|_| ()).unwrap_err()
    };
    let body = json["delivery"]["body"].as_str().unwrap().to_owned();
    for error in [
        refused(&|record| {
            record["delivery"]["body"] = body.replace("canceled", "completed").into()
        }),
        refused(&|record| record["delivery"]["event"] = "product.update".into()),
        refused(&|record| record["delivery"]["event"] = serde_json::Value::Null),
        refused(&|record| record["delivery"]["provider"] = "EZQ".into()),
        refused(&|record| record["delivery"]["key"] = "sha256:0".into()),
        refused(&|record| record["delivery"]["received_at"] = "2026-12-04T15:00:00Z".into()),
        refused(&|record| record["seal"] = "0".repeat(64).into()),
    ] {
        assert_eq!(error, VerifyError::SignatureMismatch { header: "seal" });
    }
    // Sealed with another key: refused; with both keys during a rotation: opened.
    let other = DeliverySeal::new(secret("someone else's key"));
    assert!(other.open(&sealed).is_err());
    let rotating =
        DeliverySeal::with_keys([secret("the next key"), secret("the receiver's own key")])
            .unwrap();
    assert!(rotating.open(&sealed).is_ok());
    // A record forged from nothing, sealed or not, is refused.
    let forged: SealedDelivery = serde_json::from_value(serde_json::json!({
        "delivery": json["delivery"],
        "seal": "",
    }))
    .unwrap();
    assert!(seal.open(&forged).is_err());
}
