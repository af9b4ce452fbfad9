//! Kinguin: the shared-secret check, dispatch on `X-Event-Name`, the TEST URL request, and the
//! three payloads, through the public API.

mod content_key;

use commerce_webhooks::kinguin::{
    Event, OrderComplete, OrderStatus, ProductUpdate, Status, Webhook, NAME_HEADER, SECRET_HEADER,
};
use commerce_webhooks::{ConfigError, Error, Secret, VerifyError};
use rust_decimal::Decimal;
use serde_json::json;
use time::macros::datetime;

// The page samples, verbatim: `current_*` from Kinguin's current webhook page, `old_*` from the
// page we were given (which still lists `order.complete`).
const CURRENT_PRODUCT_UPDATE: &str = include_str!("../samples/kinguin/current_product_update.json");
const CURRENT_ORDER_STATUS: &str = include_str!("../samples/kinguin/current_order_status.json");
const OLD_PRODUCT_UPDATE: &str = include_str!("../samples/kinguin/old_product_update.json");
const OLD_ORDER_COMPLETE: &str = include_str!("../samples/kinguin/old_order_complete.json");
const OLD_ORDER_STATUS: &str = include_str!("../samples/kinguin/old_order_status.json");

const SECRET: &str = "kinguin-store-secret";

fn hook() -> Webhook {
    Webhook::new(Secret::new(SECRET).unwrap())
}

fn headers<'a>(name: &'a str, secret: &'a str) -> [(&'a str, &'a str); 3] {
    [
        ("Content-Type", "application/json"),
        ("X-Event-Name", name),
        ("X-Event-Secret", secret),
    ]
}

fn current_product_update() -> ProductUpdate {
    ProductUpdate {
        kinguin_id: 1949,
        product_id: "5c9b5f6b2539a4e8f172916a".to_owned(),
        qty: Some(845),
        text_qty: Some(845),
        cheapest_offer_id: Some(vec!["611222acff9ca40001f0b020".to_owned()]),
        price: None,
        total_qty: None,
        offers_count: None,
        status: None,
        release_date: None,
        merchant_name: None,
        updated_at: datetime!(2020-10-16 11:24:08.015 UTC),
    }
}

fn current_order_status() -> OrderStatus {
    OrderStatus {
        order_id: "PHS84FJAG5U".to_owned(),
        order_external_id: Some("AL2FEEHOO2OHF".to_owned()),
        status: Status::Canceled,
        updated_at: datetime!(2020-10-16 11:24:08.025 UTC),
    }
}

fn edited(sample: &str, edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut body: serde_json::Value = serde_json::from_str(sample).unwrap();
    edit(&mut body);
    serde_json::to_vec(&body).unwrap()
}

fn product_update(body: impl AsRef<[u8]>) -> ProductUpdate {
    match Event::parse("product.update", body).unwrap() {
        Event::ProductUpdate(update) => update,
        other => panic!("expected a product update, got {other:?}"),
    }
}

fn order_status(body: impl AsRef<[u8]>) -> OrderStatus {
    match Event::parse("order.status", body).unwrap() {
        Event::OrderStatus(change) => change,
        other => panic!("expected an order status, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The page samples, field by field (the struct literals name every field).

#[test]
fn current_product_update_sample() {
    assert_eq!(
        Event::parse("product.update", CURRENT_PRODUCT_UPDATE).unwrap(),
        Event::ProductUpdate(current_product_update())
    );
}

#[test]
fn current_order_status_sample() {
    assert_eq!(
        Event::parse("order.status", CURRENT_ORDER_STATUS).unwrap(),
        Event::OrderStatus(current_order_status())
    );
}

#[test]
fn old_product_update_sample() {
    assert_eq!(
        Event::parse("product.update", OLD_PRODUCT_UPDATE).unwrap(),
        Event::ProductUpdate(ProductUpdate {
            kinguin_id: 1949,
            product_id: "5c9b5f6b2539a4e8f172916a".to_owned(),
            qty: None,
            text_qty: None,
            cheapest_offer_id: None,
            price: None,
            total_qty: None,
            offers_count: None,
            status: None,
            release_date: None,
            merchant_name: None,
            updated_at: datetime!(2020-10-16 11:24:08 UTC),
        })
    );
}

#[test]
fn old_order_complete_sample() {
    assert_eq!(
        Event::parse("order.complete", OLD_ORDER_COMPLETE).unwrap(),
        Event::OrderComplete(OrderComplete {
            order_id: "PHS84FJAG5U".to_owned(),
            order_external_id: Some("AL2FEEHOO2OHF".to_owned()),
            updated_at: datetime!(2020-10-16 11:24:08 UTC),
        })
    );
}

#[test]
fn old_order_status_sample() {
    assert_eq!(
        Event::parse("order.status", OLD_ORDER_STATUS).unwrap(),
        Event::OrderStatus(OrderStatus {
            updated_at: datetime!(2020-10-16 11:24:08 UTC),
            ..current_order_status()
        })
    );
}

#[test]
fn updated_at_is_read_with_and_without_milliseconds() {
    for (text, expected) in [
        (
            "2020-10-16T11:24:08+00:00",
            datetime!(2020-10-16 11:24:08 UTC),
        ),
        (
            "2020-10-16T11:24:08.015+00:00",
            datetime!(2020-10-16 11:24:08.015 UTC),
        ),
        ("2020-10-16T11:24:08Z", datetime!(2020-10-16 11:24:08 UTC)),
        (
            "2020-10-16T13:24:08.5+02:00",
            datetime!(2020-10-16 11:24:08.5 UTC),
        ),
    ] {
        let body = edited(CURRENT_ORDER_STATUS, |b| b["updatedAt"] = json!(text));
        assert_eq!(order_status(body).updated_at, expected, "{text}");
    }
}

// ---------------------------------------------------------------------------------------------
// Verification end to end.

#[test]
fn every_event_kind_verifies_and_parses() {
    let hook = hook();
    let cases: [(&str, &str, Event); 5] = [
        (
            "product.update",
            CURRENT_PRODUCT_UPDATE,
            Event::ProductUpdate(current_product_update()),
        ),
        (
            "order.status",
            CURRENT_ORDER_STATUS,
            Event::OrderStatus(current_order_status()),
        ),
        (
            "product.update",
            OLD_PRODUCT_UPDATE,
            Event::parse("product.update", OLD_PRODUCT_UPDATE).unwrap(),
        ),
        (
            "order.complete",
            OLD_ORDER_COMPLETE,
            Event::parse("order.complete", OLD_ORDER_COMPLETE).unwrap(),
        ),
        (
            "order.new-thing",
            r#"{"orderId":"X1"}"#,
            Event::Unknown {
                name: "order.new-thing".to_owned(),
                data: json!({"orderId": "X1"}),
            },
        ),
    ];
    for (name, body, expected) in cases {
        let event = hook.verify(&headers(name, SECRET), body).unwrap();
        assert_eq!(event, expected, "{name}");
        assert_eq!(event.name(), name);
    }
}

#[test]
fn header_names_are_matched_case_insensitively_and_the_name_is_trimmed() {
    let headers = [
        ("x-event-secret", SECRET),
        ("X-EVENT-NAME", " order.status "),
    ];
    assert_eq!(
        hook().verify(&headers, CURRENT_ORDER_STATUS).unwrap(),
        Event::OrderStatus(current_order_status())
    );
    assert_eq!(SECRET_HEADER, "X-Event-Secret");
    assert_eq!(NAME_HEADER, "X-Event-Name");
}

#[test]
fn wrong_secret_is_refused() {
    let error = hook()
        .verify(
            &headers("order.status", "kinguin-store-secreT"),
            CURRENT_ORDER_STATUS,
        )
        .unwrap_err();
    assert!(matches!(
        error,
        Error::Verify(VerifyError::SignatureMismatch {
            header: "X-Event-Secret"
        })
    ));
    assert_eq!(error.status_code(), 401);
}

#[test]
fn secret_of_another_length_is_refused() {
    for other in [
        "kinguin-store-secre",
        "kinguin-store-secret-",
        "kinguin-store-secretkinguin-store-secret",
        "k",
        "",
    ] {
        assert_eq!(
            hook().verify_signature(&headers("order.status", other), CURRENT_ORDER_STATUS),
            Err(VerifyError::SignatureMismatch {
                header: "X-Event-Secret"
            }),
            "{other:?}"
        );
    }
}

#[test]
fn missing_or_repeated_secret_is_refused() {
    let error = hook()
        .verify(&[("X-Event-Name", "order.status")], CURRENT_ORDER_STATUS)
        .unwrap_err();
    assert!(matches!(
        error,
        Error::Verify(VerifyError::MissingHeader {
            header: "X-Event-Secret"
        })
    ));
    let twice = [
        ("X-Event-Name", "order.status"),
        ("X-Event-Secret", SECRET),
        ("X-Event-Secret", "other"),
    ];
    assert!(matches!(
        hook().verify(&twice, CURRENT_ORDER_STATUS),
        Err(Error::Verify(VerifyError::MalformedHeader {
            header: "X-Event-Secret",
            ..
        }))
    ));
}

/// The secret matched, so the request is authentic: an event name that cannot be read is a
/// parse error, kept and acknowledged like any body that does not parse, never a 401.
#[test]
fn repeated_or_non_utf8_event_name_is_an_authentic_request_that_does_not_parse() {
    use commerce_webhooks::Provider;
    let twice = [
        ("X-Event-Secret", SECRET),
        ("X-Event-Name", "order.status"),
        ("X-Event-Name", "product.update"),
    ];
    let bytes: [(&str, &[u8]); 2] = [
        ("X-Event-Secret", SECRET.as_bytes()),
        ("X-Event-Name", b"order.\xffstatus"),
    ];
    for (error, says) in [
        (
            hook().verify(&twice, CURRENT_ORDER_STATUS),
            "more than once",
        ),
        (hook().verify(&bytes, CURRENT_ORDER_STATUS), "not UTF-8"),
    ] {
        let Err(Error::Parse(error)) = error else {
            panic!("{error:?}");
        };
        assert_eq!(error.provider, "Kinguin");
        assert_eq!(error.event, None);
        assert!(error.message.starts_with("`X-Event-Name`: "), "{error}");
        assert!(error.message.contains(says), "{error}");
        assert_eq!(Webhook::unparsed_reply(&error).status_code(), 204);
    }
}

#[test]
fn rotation_accepts_either_secret_and_says_which() {
    let hook = Webhook::with_secrets([
        Secret::new("new-secret").unwrap(),
        Secret::new(SECRET).unwrap(),
    ])
    .unwrap();
    let old = hook
        .verify_signature(&headers("order.status", SECRET), CURRENT_ORDER_STATUS)
        .unwrap();
    assert_eq!(old.secret_index, 1);
    let new = hook
        .verify_signature(&headers("order.status", "new-secret"), CURRENT_ORDER_STATUS)
        .unwrap();
    assert_eq!(new.secret_index, 0);
    assert_eq!(
        Webhook::with_secrets([]).unwrap_err(),
        ConfigError::NoSecrets
    );
}

#[test]
fn nothing_is_timestamped_so_no_time_is_read() {
    use commerce_webhooks::{Provider, Request};
    let headers = headers("order.status", SECRET);
    for now in [
        datetime!(1970-01-01 00:00 UTC),
        datetime!(2020-10-16 11:24 UTC),
        datetime!(9999-12-31 23:59 UTC),
    ] {
        assert_eq!(
            hook()
                .verify_request_at(&Request::new(&headers, CURRENT_ORDER_STATUS), now)
                .unwrap(),
            Event::OrderStatus(current_order_status())
        );
    }
}

#[test]
fn authentic_body_that_does_not_parse_is_a_parse_error() {
    let body = edited(CURRENT_ORDER_STATUS, |b| {
        b["updatedAt"] = json!("16/10/2020")
    });
    let error = hook()
        .verify(&headers("order.status", SECRET), &body)
        .unwrap_err();
    assert_eq!(error.status_code(), 400);
    let Error::Parse(parse) = error else {
        panic!("expected a parse error, got {error:?}");
    };
    assert_eq!(parse.provider, "Kinguin");
    assert_eq!(parse.event.as_deref(), Some("order.status"));
    assert_eq!(parse.path, "updatedAt");
}

#[test]
fn known_events_with_missing_or_broken_bodies_are_parse_errors() {
    for (name, body) in [
        ("order.status", &b""[..]),
        ("order.status", b"not json"),
        (
            "order.status",
            br#"{"orderId":"A","updatedAt":"2020-10-16T11:24:08+00:00"}"#,
        ),
        (
            "product.update",
            br#"{"productId":"p","updatedAt":"2020-10-16T11:24:08+00:00"}"#,
        ),
        ("order.complete", br#"{"orderId":"A"}"#),
        ("product.update", b"[]"),
    ] {
        let error = Event::parse(name, body).unwrap_err();
        assert_eq!(error.event.as_deref(), Some(name));
    }
    let missing = Event::parse(
        "order.status",
        br#"{"orderId":"A","updatedAt":"2020-10-16T11:24:08+00:00"}"#,
    )
    .unwrap_err();
    assert!(missing.message.contains("status"), "{missing}");
}

#[cfg(feature = "http")]
#[test]
fn http_header_map_is_accepted() {
    let mut headers = http::HeaderMap::new();
    headers.insert("X-Event-Secret", http::HeaderValue::from_static(SECRET));
    headers.insert(
        "X-Event-Name",
        http::HeaderValue::from_static("order.status"),
    );
    assert_eq!(
        hook().verify(&headers, CURRENT_ORDER_STATUS).unwrap(),
        Event::OrderStatus(current_order_status())
    );
    headers.remove("X-Event-Name");
    assert_eq!(hook().verify(&headers, "").unwrap(), Event::Test);
}

// ---------------------------------------------------------------------------------------------
// The TEST URL button.

#[test]
fn right_secret_without_event_name_is_the_dashboard_test() {
    let only_secret = [("X-Event-Secret", SECRET)];
    // Whatever the test body is, the test succeeds: it is not read.
    for body in [
        &b""[..],
        b"{}",
        b"test",
        b"\xff\xfe",
        CURRENT_ORDER_STATUS.as_bytes(),
    ] {
        let event = hook().verify(&only_secret, body).unwrap();
        assert_eq!(event, Event::Test);
        assert_eq!(event.name(), "");
        assert_eq!(event.updated_at(), None);
        assert_eq!(event.idempotency_key(), "test");
    }
    // A blank name is no name.
    for blank in ["", "  "] {
        assert_eq!(
            hook().verify(&headers(blank, SECRET), b"").unwrap(),
            Event::Test
        );
    }
}

#[test]
fn a_test_without_the_right_secret_is_refused() {
    assert_eq!(
        hook()
            .verify(&[("X-Event-Secret", "guess")], b"")
            .unwrap_err()
            .status_code(),
        401
    );
    assert!(matches!(
        hook().verify(&[("Content-Type", "application/json")], b""),
        Err(Error::Verify(VerifyError::MissingHeader {
            header: "X-Event-Secret"
        }))
    ));
}

#[test]
fn parse_never_gives_a_test() {
    // An empty name read from a queue is an unknown event, never the dashboard's test.
    assert_eq!(
        Event::parse("", b"{}").unwrap(),
        Event::Unknown {
            name: String::new(),
            data: json!({})
        }
    );
    assert!(Event::parse("", b"").is_err());
}

// ---------------------------------------------------------------------------------------------
// Forward compatibility and leniency.

#[test]
fn unknown_event_keeps_the_body_as_raw_json() {
    let event = Event::parse("offer.update", br#"{"offerId":"o1","qty":[1,2],"x":null}"#).unwrap();
    assert_eq!(
        event,
        Event::Unknown {
            name: "offer.update".to_owned(),
            data: json!({"offerId": "o1", "qty": [1, 2], "x": null}),
        }
    );
    assert_eq!(event.updated_at(), None);
    assert!(Event::parse("offer.update", b"nope").is_err());
}

#[test]
fn every_documented_order_status_is_typed() {
    for (text, status) in [
        ("processing", Status::Processing),
        ("completed", Status::Completed),
        ("canceled", Status::Canceled),
        ("refunded", Status::Refunded),
    ] {
        let body = edited(CURRENT_ORDER_STATUS, |b| b["status"] = json!(text));
        let change = order_status(body);
        assert_eq!(change.status, status);
        assert_eq!(change.status.as_str(), text);
        assert_eq!(serde_json::to_value(&change).unwrap()["status"], text);
    }
}

#[test]
fn unknown_status_is_kept_with_its_spelling() {
    for text in ["pending", "cancelled", "Canceled"] {
        let body = edited(CURRENT_ORDER_STATUS, |b| b["status"] = json!(text));
        let change = order_status(body);
        assert_eq!(change.status, Status::Other(text.to_owned()));
        assert_eq!(change.status.to_string(), text);
        assert_eq!(serde_json::to_value(&change).unwrap()["status"], text);
    }
}

#[test]
fn extra_fields_are_ignored() {
    let body = edited(CURRENT_PRODUCT_UPDATE, |b| {
        b["regionId"] = json!(3);
        b["offers"] = json!([{"id": "x", "price": 1.5}]);
    });
    assert_eq!(product_update(body), current_product_update());
    let body = edited(CURRENT_ORDER_STATUS, |b| b["storeId"] = json!(1));
    assert_eq!(order_status(body), current_order_status());
}

#[test]
fn numbers_sent_as_strings_where_the_page_says_int() {
    let body = edited(CURRENT_PRODUCT_UPDATE, |b| {
        b["kinguinId"] = json!("1949");
        b["qty"] = json!("845");
        b["textQty"] = json!(" 845 ");
        b["totalQty"] = json!("900");
        b["offersCount"] = json!("12");
    });
    let update = product_update(body);
    assert_eq!(update.kinguin_id, 1949);
    assert_eq!(update.qty, Some(845));
    assert_eq!(update.text_qty, Some(845));
    assert_eq!(update.total_qty, Some(900));
    assert_eq!(update.offers_count, Some(12));

    // And ids that are strings on the page, sent as numbers.
    let body = edited(CURRENT_ORDER_STATUS, |b| {
        b["orderId"] = json!(123456);
        b["orderExternalId"] = json!(42);
    });
    let change = order_status(body);
    assert_eq!(change.order_id, "123456");
    assert_eq!(change.order_external_id.as_deref(), Some("42"));
}

#[test]
fn older_product_fields_are_typed_where_they_appear() {
    let body = edited(CURRENT_PRODUCT_UPDATE, |b| {
        b["price"] = json!(5.79);
        b["totalQty"] = json!(900);
        b["offersCount"] = json!(12);
        b["status"] = json!("active");
        b["releaseDate"] = json!("2020-10-07");
        b["merchantName"] = json!("Kinguin");
    });
    let update = product_update(body);
    assert_eq!(
        update,
        ProductUpdate {
            price: Some(Decimal::new(579, 2)),
            total_qty: Some(900),
            offers_count: Some(12),
            status: Some("active".to_owned()),
            release_date: Some("2020-10-07".to_owned()),
            merchant_name: Some("Kinguin".to_owned()),
            ..current_product_update()
        }
    );
    let body = edited(CURRENT_PRODUCT_UPDATE, |b| b["price"] = json!("5.79"));
    assert_eq!(product_update(body).price, Some(Decimal::new(579, 2)));
}

#[test]
fn null_in_optional_places_is_none() {
    let body = edited(CURRENT_PRODUCT_UPDATE, |b| {
        b["qty"] = json!(null);
        b["textQty"] = json!("");
        b["cheapestOfferId"] = json!(null);
        b["price"] = json!(null);
        b["releaseDate"] = json!(null);
    });
    let update = product_update(body);
    assert_eq!(update.qty, None);
    assert_eq!(update.text_qty, None);
    assert_eq!(update.cheapest_offer_id, None);
    assert_eq!(update.price, None);
    assert_eq!(update.release_date, None);

    let body = edited(CURRENT_ORDER_STATUS, |b| b["orderExternalId"] = json!(null));
    assert_eq!(order_status(body).order_external_id, None);
    let body = edited(CURRENT_ORDER_STATUS, |b| {
        b.as_object_mut().unwrap().remove("orderExternalId");
    });
    assert_eq!(order_status(body).order_external_id, None);
}

#[test]
fn cheapest_offer_id_is_read_as_a_list_whatever_its_shape() {
    for (value, expected) in [
        (json!([]), Some(vec![])),
        (
            json!(["a", "b"]),
            Some(vec!["a".to_owned(), "b".to_owned()]),
        ),
        (json!("a"), Some(vec!["a".to_owned()])),
        (json!([7]), Some(vec!["7".to_owned()])),
    ] {
        let body = edited(CURRENT_PRODUCT_UPDATE, |b| {
            b["cheapestOfferId"] = value.clone()
        });
        assert_eq!(product_update(body).cheapest_offer_id, expected, "{value}");
    }
    let body = edited(CURRENT_PRODUCT_UPDATE, |b| {
        b["cheapestOfferId"] = json!({"id": "a"})
    });
    let error = Event::parse("product.update", body).unwrap_err();
    assert_eq!(error.path, "cheapestOfferId");
}

#[test]
fn payloads_serialize_to_kinguin_field_names_and_parse_back() {
    let update = current_product_update();
    let json = serde_json::to_value(&update).unwrap();
    assert_eq!(json["kinguinId"], 1949);
    assert_eq!(json["cheapestOfferId"], json!(["611222acff9ca40001f0b020"]));
    assert_eq!(json["updatedAt"], "2020-10-16T11:24:08.015Z");
    assert_eq!(product_update(serde_json::to_vec(&json).unwrap()), update);

    let change = current_order_status();
    let body = serde_json::to_vec(&change).unwrap();
    assert_eq!(order_status(body), change);
}

// ---------------------------------------------------------------------------------------------
// Order of delivery and idempotency keys.

#[test]
fn updated_at_orders_events_delivered_out_of_order() {
    let newer = Event::parse("order.status", CURRENT_ORDER_STATUS).unwrap();
    let older = Event::parse(
        "order.status",
        edited(CURRENT_ORDER_STATUS, |b| {
            b["status"] = json!("processing");
            b["updatedAt"] = json!("2020-10-16T11:24:08.024+00:00");
        }),
    )
    .unwrap();
    // Arriving second, the older change is recognisably stale.
    assert!(older.updated_at().unwrap() < newer.updated_at().unwrap());
}

#[test]
fn idempotency_keys_of_the_page_samples_are_digests_that_hold_no_body_text() {
    for (name, body) in [
        ("product.update", CURRENT_PRODUCT_UPDATE),
        ("order.status", CURRENT_ORDER_STATUS),
        ("product.update", OLD_PRODUCT_UPDATE),
        ("order.complete", OLD_ORDER_COMPLETE),
        ("order.status", OLD_ORDER_STATUS),
    ] {
        let event = Event::parse(name, body).unwrap();
        let key = event.idempotency_key();
        assert_eq!(key, content_key::digest(event.name(), &event), "{name}");
        assert!(
            !key.contains("PHS84FJAG5U") && !key.contains("1949"),
            "{key}"
        );
    }
    assert_eq!(Event::Test.idempotency_key(), "test");
}

#[test]
fn idempotency_keys_tell_changes_apart_and_repeats_alike() {
    let key = |body: Vec<u8>| {
        Event::parse("order.status", body)
            .unwrap()
            .idempotency_key()
            .into_owned()
    };
    let base = key(CURRENT_ORDER_STATUS.as_bytes().to_vec());
    assert_eq!(base, key(CURRENT_ORDER_STATUS.as_bytes().to_vec()));
    // Another status at the same instant, the same status later, or another external id is
    // another event.
    for edit in [
        (|b: &mut serde_json::Value| b["status"] = json!("refunded")) as fn(&mut serde_json::Value),
        |b| b["updatedAt"] = json!("2020-10-16T11:24:08.026+00:00"),
        |b| b["orderExternalId"] = json!("ANOTHER"),
    ] {
        assert_ne!(key(edited(CURRENT_ORDER_STATUS, edit)), base);
    }
    // Unknown events are keyed by their whole body, in a digest.
    let unknown = |body: &[u8]| Event::parse("offer.update", body).unwrap();
    let event = unknown(br#"{"b":1,"a":2}"#);
    assert_eq!(
        event.idempotency_key(),
        content_key::digest(event.name(), &event)
    );
    assert_ne!(
        unknown(br#"{"b":1,"a":3}"#).idempotency_key(),
        event.idempotency_key()
    );
}

#[test]
fn each_event_names_its_subject_and_version() {
    use commerce_webhooks::kinguin::Subject;
    let update = Event::parse("product.update", CURRENT_PRODUCT_UPDATE).unwrap();
    assert_eq!(
        update.subject(),
        Some(Subject::Product("5c9b5f6b2539a4e8f172916a"))
    );
    assert_eq!(
        update.version(),
        Some(datetime!(2020-10-16 11:24:08.015 UTC))
    );
    let status = Event::parse("order.status", CURRENT_ORDER_STATUS).unwrap();
    assert_eq!(status.subject(), Some(Subject::Order("PHS84FJAG5U")));
    assert_eq!(status.subject().unwrap().to_string(), "order:PHS84FJAG5U");
    assert_eq!(
        Event::parse("order.complete", OLD_ORDER_COMPLETE)
            .unwrap()
            .subject()
            .map(|subject| subject.to_string()),
        Some("order:PHS84FJAG5U".to_owned())
    );
    assert_eq!(Event::Test.subject(), None);
    assert_eq!(Event::Test.version(), None);
    assert_eq!(Event::parse("offer.update", "{}").unwrap().subject(), None);
}

// ---------------------------------------------------------------------------------------------
// Bad input is an error, never a panic.

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_name_and_bytes_parse_or_fail_without_panicking(
            name in prop::sample::select(vec!["product.update", "order.complete", "order.status", "other", ""]),
            body in proptest::collection::vec(any::<u8>(), 0..512),
        ) {
            if let Ok(event) = Event::parse(name, &body) {
                let _ = event.idempotency_key();
            }
        }

        #[test]
        fn damaged_page_samples_parse_or_fail_without_panicking(
            flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        ) {
            for (name, sample) in [
                ("product.update", CURRENT_PRODUCT_UPDATE),
                ("order.status", CURRENT_ORDER_STATUS),
                ("order.complete", OLD_ORDER_COMPLETE),
            ] {
                let mut body = sample.as_bytes().to_vec();
                for (at, byte) in &flips {
                    let at = at.index(body.len());
                    body[at] = *byte;
                }
                if let Ok(event) = Event::parse(name, &body) {
                    let _ = event.idempotency_key();
                }
            }
        }

        #[test]
        fn any_other_secret_is_refused(
            value in proptest::collection::vec(any::<u8>(), 0..128),
        ) {
            prop_assume!(value != SECRET.as_bytes());
            let headers: [(&str, &[u8]); 2] = [("X-Event-Secret", &value), ("X-Event-Name", b"order.status")];
            prop_assert!(hook().verify(&headers, CURRENT_ORDER_STATUS).is_err());
        }
    }
}
