//! EZQ: verification of `x-signature` and parsing of the order events, through the public API.

mod content_key;

use commerce_webhooks::ezq::{
    AdditionalInfo, Address, Buyer, Event, History, Item, Order, OrderItem, Package, Payment,
    PaymentMethod, Status, Transaction, Webhook,
};
use commerce_webhooks::scheme::body_hmac;
use commerce_webhooks::{ConfigError, Error, Secret, VerifyError};
use rust_decimal::Decimal;
use serde_json::json;
use time::macros::datetime;

/// The sample body of EZQ's page, verbatim.
const PAGE_SAMPLE: &str = include_str!("../samples/ezq/order_marketplace_confirmed.json");

const EVENT_NAMES: [&str; 5] = [
    "order_marketplace.confirmed",
    "order.processing",
    "order.submitted",
    "order.executed",
    "order.completed",
];

fn secret(text: &str) -> Secret {
    Secret::new(text).unwrap()
}

/// The page sample under another event name.
fn sample_named(name: &str) -> String {
    PAGE_SAMPLE.replacen(
        r#""event": "order_marketplace.confirmed""#,
        &format!(r#""event": "{name}""#),
        1,
    )
}

/// The page sample with `data` edited as JSON; `event` stays first, as EZQ sends it.
fn sample_with(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut body: serde_json::Value = serde_json::from_str(PAGE_SAMPLE).unwrap();
    edit(&mut body["data"]);
    format!(
        r#"{{"event":"{}","data":{}}}"#,
        body["event"].as_str().unwrap(),
        body["data"]
    )
    .into_bytes()
}

fn order_of(event: Event) -> Order {
    match event {
        Event::OrderMarketplaceConfirmed(order)
        | Event::OrderProcessing(order)
        | Event::OrderSubmitted(order)
        | Event::OrderExecuted(order)
        | Event::OrderCompleted(order) => order,
        other => panic!("expected an order event, got {other:?}"),
    }
}

/// Every value of the page sample, written out.
fn page_order() -> Order {
    let s = || Some("string".to_owned());
    Order {
        id: 0,
        slug_id: "string".to_owned(),
        total_price: Decimal::ZERO,
        total_payable: Decimal::ZERO,
        currency: "MYR".to_owned(),
        status: Status::PendingPayment,
        is_paid: true,
        paid_at: Some(datetime!(2023-10-27 11:04:27.763 UTC)),
        is_confirmed: true,
        confirmed_at: Some(datetime!(2023-10-27 11:04:27.763 UTC)),
        created_at: datetime!(2023-10-27 11:04:27.763 UTC),
        notes: s(),
        reference_id: Some("0472e03b-2f5c-44a1-bbad-fc463a81c14f".to_owned()),
        buyer: Buyer {
            name: s(),
            email: s(),
            phone_number: s(),
        },
        items: vec![OrderItem {
            item: Item {
                id: 0,
                slug_id: "string".to_owned(),
                status: Status::PendingPayment,
            },
            package: Package {
                id: 0,
                slug_id: "string".to_owned(),
                name: "string".to_owned(),
                quantity: 0,
                image: s(),
            },
            additional_info: AdditionalInfo {
                category_ids: s(),
                execution_country: s(),
                execution_location: s(),
                execution_date: s(),
                execution_hijri_date: s(),
                participant_name: s(),
            },
            shipping_address: Some(Address {
                name: s(),
                email: s(),
                phone_number: s(),
                address_line1: s(),
                address_line2: s(),
                address_line3: s(),
                postcode: s(),
                city: s(),
                state: s(),
                country: s(),
            }),
            histories: vec![History {
                status: Status::Other("string".to_owned()),
                created_at: datetime!(2023-10-27 11:03:07.854 UTC),
            }],
        }],
        payment: Some(Payment {
            slug_id: "1-byq2lz".to_owned(),
            total_amount: Decimal::ZERO,
            total_paid: Decimal::ZERO,
            currency: "MYR".to_owned(),
            transactions: vec![Transaction {
                order_slug_id: "string".to_owned(),
                paid_amount: Decimal::ZERO,
                paid_at: Some(datetime!(2023-10-27 11:04:27.763 UTC)),
                currency: "MYR".to_owned(),
                payment_method: PaymentMethod::BankTransfer,
                reference_number: s(),
                remarks: s(),
            }],
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// The page sample.

#[test]
fn page_sample_parses_to_every_value_shown() {
    let event = Event::parse(PAGE_SAMPLE).unwrap();
    assert_eq!(event.name(), "order_marketplace.confirmed");
    // The struct literal names every field, so this compares the sample field by field.
    assert_eq!(event, Event::OrderMarketplaceConfirmed(page_order()));
}

#[test]
fn page_sample_spot_values_read_as_the_page_writes_them() {
    // The same facts through accessors, so a mistake in `page_order` cannot hide one here.
    let order = order_of(Event::parse(PAGE_SAMPLE).unwrap());
    assert_eq!(order.status.as_str(), "pending_payment");
    assert_eq!(order.items[0].histories[0].status.as_str(), "string");
    assert_eq!(
        order.payment.as_ref().unwrap().transactions[0]
            .payment_method
            .as_str(),
        "BANK_TRANSFER"
    );
    assert_eq!(
        order.paid_at.unwrap().unix_timestamp_nanos(),
        1_698_404_667_763_000_000
    );
}

#[test]
fn every_event_name_gives_its_variant_with_the_full_order() {
    for name in EVENT_NAMES {
        let event = Event::parse(sample_named(name)).unwrap();
        assert_eq!(event.name(), name);
        let matches = matches!(
            (&event, name),
            (
                Event::OrderMarketplaceConfirmed(_),
                "order_marketplace.confirmed"
            ) | (Event::OrderProcessing(_), "order.processing")
                | (Event::OrderSubmitted(_), "order.submitted")
                | (Event::OrderExecuted(_), "order.executed")
                | (Event::OrderCompleted(_), "order.completed")
        );
        assert!(matches, "{name} gave {event:?}");
        assert_eq!(event.order(), Some(&page_order()));
    }
}

// ---------------------------------------------------------------------------------------------
// Verification end to end.

#[test]
fn signed_events_of_every_kind_verify_and_parse() {
    let hook = Webhook::new(secret("ezq_app_secret"));
    for name in EVENT_NAMES {
        let body = sample_named(name);
        let signature = body_hmac::sign(&secret("ezq_app_secret"), &body);
        let event = hook
            .verify(&[("x-signature", signature.as_str())], &body)
            .unwrap();
        assert_eq!(event.name(), name);
        assert_eq!(order_of(event), page_order());
    }
}

/// Computed independently of the crate:
/// python3 -c "import hmac,hashlib,base64;d=open('samples/ezq/order_marketplace_confirmed.json','rb').read();m=hmac.new(b'ezq-python-vector-key',d,hashlib.sha256);print(m.hexdigest());print(base64.b64encode(m.digest()).decode())"
const PYTHON_HEX: &str = "e837d97ba0f449768decf61d6d1abeb7257f51b73bf086219248a95f7838d88a";
const PYTHON_BASE64: &str = "6DfZe6D0SXaN7PYdbRq+tyV/Ubc78IYhkkipX3g42Io=";

#[test]
fn python_vector_matches_the_crate_signer() {
    assert_eq!(
        body_hmac::sign(&secret("ezq-python-vector-key"), PAGE_SAMPLE),
        PYTHON_HEX
    );
}

#[test]
fn signature_is_accepted_as_lower_hex_upper_hex_and_base64() {
    let hook = Webhook::new(secret("ezq-python-vector-key"));
    let unpadded = PYTHON_BASE64.trim_end_matches('=');
    let upper = PYTHON_HEX.to_ascii_uppercase();
    for signature in [PYTHON_HEX, upper.as_str(), PYTHON_BASE64, unpadded] {
        let event = hook
            .verify(&[("X-Signature", signature)], PAGE_SAMPLE)
            .unwrap_or_else(|error| panic!("{signature}: {error}"));
        assert_eq!(event, Event::OrderMarketplaceConfirmed(page_order()));
    }
}

#[test]
fn wrong_secret_is_refused() {
    let hook = Webhook::new(secret("ezq-python-vector-key"));
    let signature = body_hmac::sign(&secret("ezq-python-vector-kez"), PAGE_SAMPLE);
    let error = hook
        .verify(&[("x-signature", signature.as_str())], PAGE_SAMPLE)
        .unwrap_err();
    assert!(matches!(
        error,
        Error::Verify(VerifyError::SignatureMismatch {
            header: "x-signature"
        })
    ));
    assert_eq!(error.status_code(), 401);
}

#[test]
fn secret_of_another_length_is_refused() {
    let hook = Webhook::new(secret("ezq-python-vector-key"));
    for other in ["ezq-python-vector-ke", "ezq-python-vector-key2", "k"] {
        let signature = body_hmac::sign(&secret(other), PAGE_SAMPLE);
        assert_eq!(
            hook.verify_signature(&[("x-signature", signature.as_str())], PAGE_SAMPLE),
            Err(VerifyError::SignatureMismatch {
                header: "x-signature"
            }),
            "{other}"
        );
    }
}

#[test]
fn missing_signature_header_is_refused() {
    let hook = Webhook::new(secret("ezq_app_secret"));
    let error = hook
        .verify(&[("content-type", "application/json")], PAGE_SAMPLE)
        .unwrap_err();
    assert!(matches!(
        error,
        Error::Verify(VerifyError::MissingHeader {
            header: "x-signature"
        })
    ));
}

#[test]
fn tampered_body_is_refused() {
    let hook = Webhook::new(secret("ezq-python-vector-key"));
    let tampered = PAGE_SAMPLE.replacen("\"totalPrice\": 0", "\"totalPrice\": 1", 1);
    assert_ne!(tampered, PAGE_SAMPLE);
    assert_eq!(
        hook.verify_signature(&[("x-signature", PYTHON_HEX)], tampered),
        Err(VerifyError::SignatureMismatch {
            header: "x-signature"
        })
    );
}

#[test]
fn malformed_or_repeated_signature_is_refused() {
    let hook = Webhook::new(secret("ezq-python-vector-key"));
    for value in ["", "sha256=abc", &PYTHON_HEX[..63], "zz"] {
        assert!(
            matches!(
                hook.verify_signature(&[("x-signature", value)], PAGE_SAMPLE),
                Err(VerifyError::MalformedHeader {
                    header: "x-signature",
                    ..
                })
            ),
            "{value:?}"
        );
    }
    let twice = [("x-signature", PYTHON_HEX), ("X-Signature", PYTHON_HEX)];
    assert!(matches!(
        hook.verify_signature(&twice, PAGE_SAMPLE),
        Err(VerifyError::MalformedHeader { .. })
    ));
}

#[test]
fn rotation_accepts_either_secret_and_says_which() {
    let hook = Webhook::with_secrets([secret("new_key"), secret("ezq-python-vector-key")]).unwrap();
    let verified = hook
        .verify_signature(&[("x-signature", PYTHON_HEX)], PAGE_SAMPLE)
        .unwrap();
    assert_eq!(verified.secret_index, 1);
    let new_signature = body_hmac::sign(&secret("new_key"), PAGE_SAMPLE);
    let verified = hook
        .verify_signature(&[("x-signature", new_signature.as_str())], PAGE_SAMPLE)
        .unwrap();
    assert_eq!(verified.secret_index, 0);
    assert_eq!(
        Webhook::with_secrets([]).unwrap_err(),
        ConfigError::NoSecrets
    );
}

#[test]
fn nothing_is_timestamped_so_no_time_is_read() {
    use commerce_webhooks::{Provider, Request};
    let hook = Webhook::new(secret("ezq-python-vector-key"));
    let headers = [("x-signature", PYTHON_HEX)];
    // The inherent methods take no clock; the generic one takes a time and does not read it.
    assert_eq!(
        hook.verify_signature(&headers, PAGE_SAMPLE)
            .unwrap()
            .secret_index,
        0
    );
    for now in [
        datetime!(1970-01-01 00:00 UTC),
        datetime!(2023-10-27 11:04 UTC),
        datetime!(9999-12-31 23:59 UTC),
    ] {
        assert_eq!(
            hook.verify_request_at(&Request::new(&headers, PAGE_SAMPLE), now)
                .unwrap(),
            Event::OrderMarketplaceConfirmed(page_order())
        );
    }
}

#[test]
fn authentic_body_that_does_not_parse_is_a_parse_error() {
    let hook = Webhook::new(secret("ezq_app_secret"));
    let body = sample_with(|data| data["totalPrice"] = json!("lots"));
    let signature = body_hmac::sign(&secret("ezq_app_secret"), &body);
    let error = hook
        .verify(&[("x-signature", signature.as_str())], &body)
        .unwrap_err();
    assert_eq!(error.status_code(), 400);
    let Error::Parse(parse) = error else {
        panic!("expected a parse error, got {error:?}");
    };
    assert_eq!(parse.provider, "EZQ");
    assert_eq!(parse.event.as_deref(), Some("order_marketplace.confirmed"));
    assert_eq!(parse.path, "data.totalPrice");
}

#[cfg(feature = "http")]
#[test]
fn http_header_map_is_accepted() {
    let mut headers = http::HeaderMap::new();
    headers.insert("X-Signature", http::HeaderValue::from_static(PYTHON_HEX));
    let hook = Webhook::new(secret("ezq-python-vector-key"));
    assert!(hook.verify(&headers, PAGE_SAMPLE).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Forward compatibility and leniency.

#[test]
fn unknown_event_keeps_its_data_as_raw_json() {
    let body = br#"{"event":"order.refunded","data":{"slugId":"9-x","refund":{"amount":"12.50"}}}"#;
    let event = Event::parse(body).unwrap();
    assert_eq!(
        event,
        Event::Unknown {
            name: "order.refunded".to_owned(),
            data: json!({"slugId": "9-x", "refund": {"amount": "12.50"}}),
        }
    );
    assert_eq!(event.name(), "order.refunded");
    assert_eq!(event.order(), None);
}

#[test]
fn unknown_event_without_data_has_null_data() {
    let event = Event::parse(br#"{"event":"ping"}"#).unwrap();
    assert_eq!(
        event,
        Event::Unknown {
            name: "ping".to_owned(),
            data: serde_json::Value::Null
        }
    );
}

#[test]
fn unknown_statuses_and_payment_methods_are_kept_with_their_spelling() {
    let body = sample_with(|data| {
        data["status"] = json!("refunded");
        data["items"][0]["item"]["status"] = json!("Pending_Payment");
        data["items"][0]["histories"][0]["status"] = json!("completed");
        data["payment"]["transactions"][0]["paymentMethod"] = json!("FPX");
    });
    let order = order_of(Event::parse(&body).unwrap());
    assert_eq!(order.status, Status::Other("refunded".to_owned()));
    // Matching is exact: another case is not the documented value.
    assert_eq!(
        order.items[0].item.status,
        Status::Other("Pending_Payment".to_owned())
    );
    assert_eq!(
        order.items[0].histories[0].status,
        Status::Other("completed".to_owned())
    );
    let transaction = &order.payment.as_ref().unwrap().transactions[0];
    assert_eq!(
        transaction.payment_method,
        PaymentMethod::Other("FPX".to_owned())
    );
    // Serialized back exactly as received.
    let again = serde_json::to_value(&order).unwrap();
    assert_eq!(again["status"], "refunded");
    assert_eq!(again["items"][0]["item"]["status"], "Pending_Payment");
    assert_eq!(again["payment"]["transactions"][0]["paymentMethod"], "FPX");
}

#[test]
fn extra_fields_are_ignored_at_every_level() {
    let body = sample_with(|data| {
        data["loyaltyPoints"] = json!(12);
        data["buyer"]["nickname"] = json!("x");
        data["items"][0]["item"]["sku"] = json!("SKU-1");
        data["items"][0]["package"]["weightKg"] = json!(45.5);
        data["items"][0]["additionalInfo"]["videoUrl"] = json!("https://example.com/v");
        data["items"][0]["shippingAddress"]["lat"] = json!(3.1);
        data["items"][0]["histories"][0]["by"] = json!({"admin": true});
        data["payment"]["gateway"] = json!("x");
        data["payment"]["transactions"][0]["fee"] = json!("1.00");
    });
    let mut body = body;
    body.pop(); // the closing brace, to add a field to the envelope
    body.extend_from_slice(br#","sentAt":"2023-10-27T11:04:27.763Z","retry":1}"#);
    assert_eq!(
        Event::parse(&body).unwrap(),
        Event::OrderMarketplaceConfirmed(page_order())
    );
}

#[test]
fn numbers_sent_as_strings_and_flags_as_digits_are_read() {
    let body = sample_with(|data| {
        data["id"] = json!("1024");
        data["totalPrice"] = json!("150.50");
        data["totalPayable"] = json!(150.5);
        data["isPaid"] = json!(1);
        data["isConfirmed"] = json!("0");
        data["buyer"]["phoneNumber"] = json!(60123456789_u64);
        data["items"][0]["item"]["id"] = json!("7");
        data["items"][0]["item"]["slugId"] = json!(77);
        data["items"][0]["package"]["id"] = json!("8");
        data["items"][0]["package"]["quantity"] = json!("3");
        data["items"][0]["shippingAddress"]["postcode"] = json!(50450);
        data["payment"]["totalAmount"] = json!("150.50");
        data["payment"]["totalPaid"] = json!(100);
        data["payment"]["transactions"][0]["paidAmount"] = json!(" 100.00 ");
    });
    let order = order_of(Event::parse(&body).unwrap());
    assert_eq!(order.id, 1024);
    assert_eq!(order.total_price, Decimal::new(15050, 2));
    assert_eq!(order.total_payable, Decimal::new(1505, 1));
    assert!(order.is_paid);
    assert!(!order.is_confirmed);
    assert_eq!(order.buyer.phone_number.as_deref(), Some("60123456789"));
    assert_eq!(order.items[0].item.id, 7);
    assert_eq!(order.items[0].item.slug_id, "77");
    assert_eq!(order.items[0].package.id, 8);
    assert_eq!(order.items[0].package.quantity, 3);
    assert_eq!(
        order.items[0]
            .shipping_address
            .as_ref()
            .unwrap()
            .postcode
            .as_deref(),
        Some("50450")
    );
    let payment = order.payment.unwrap();
    assert_eq!(payment.total_amount, Decimal::new(15050, 2));
    assert_eq!(payment.total_paid, Decimal::from(100));
    assert_eq!(payment.transactions[0].paid_amount, Decimal::new(10000, 2));
}

#[test]
fn amounts_are_exact_decimals() {
    let body = sample_with(|data| {
        data["totalPrice"] = json!(0.1);
        data["totalPayable"] = json!(0.2);
        data["payment"]["totalAmount"] = json!(1234567.89);
    });
    let order = order_of(Event::parse(&body).unwrap());
    assert_eq!(order.total_price + order.total_payable, Decimal::new(3, 1));
    assert_eq!(
        order.payment.unwrap().total_amount,
        Decimal::new(123_456_789, 2)
    );
}

#[test]
fn nulls_and_absences_in_optional_places_are_none_or_empty() {
    let body = sample_with(|data| {
        data["paidAt"] = json!(null);
        data["confirmedAt"] = json!("");
        data["notes"] = json!(null);
        data.as_object_mut().unwrap().remove("referenceId");
        data["buyer"] = json!(null);
        data["payment"] = json!(null);
        data["items"][0]["additionalInfo"] = json!(null);
        data["items"][0]["shippingAddress"] = json!(null);
        data["items"][0]["package"]["image"] = json!(null);
        data["items"][0]["histories"] = json!(null);
    });
    let order = order_of(Event::parse(&body).unwrap());
    assert_eq!(order.paid_at, None);
    assert_eq!(order.confirmed_at, None);
    assert_eq!(order.notes, None);
    assert_eq!(order.reference_id, None);
    assert_eq!(order.buyer, Buyer::default());
    assert_eq!(order.payment, None);
    assert_eq!(order.items[0].additional_info, AdditionalInfo::default());
    assert_eq!(order.items[0].shipping_address, None);
    assert_eq!(order.items[0].package.image, None);
    assert!(order.items[0].histories.is_empty());

    let body = sample_with(|data| data["items"] = json!(null));
    assert!(order_of(Event::parse(&body).unwrap()).items.is_empty());
}

#[test]
fn timestamps_with_offsets_and_without_fraction_are_read() {
    let body = sample_with(|data| {
        data["createdAt"] = json!("2023-10-27T19:04:27+08:00");
        data["paidAt"] = json!("2023-10-27T11:04:27Z");
    });
    let order = order_of(Event::parse(&body).unwrap());
    assert_eq!(order.created_at, datetime!(2023-10-27 11:04:27 UTC));
    assert_eq!(order.paid_at, Some(datetime!(2023-10-27 11:04:27 UTC)));
}

#[test]
fn data_before_event_parses_the_same() {
    let body = format!(
        r#"{{"data":{},"event":"order.completed"}}"#,
        serde_json::to_string(
            &serde_json::from_str::<serde_json::Value>(PAGE_SAMPLE).unwrap()["data"]
        )
        .unwrap()
    );
    assert_eq!(
        Event::parse(body).unwrap(),
        Event::OrderCompleted(page_order())
    );
}

#[test]
fn malformed_bodies_are_parse_errors_naming_the_place() {
    // A required value missing.
    let body = sample_with(|data| {
        data.as_object_mut().unwrap().remove("slugId");
    });
    let error = Event::parse(&body).unwrap_err();
    assert_eq!(error.event.as_deref(), Some("order_marketplace.confirmed"));
    assert!(error.message.contains("slugId"), "{error}");

    // A bad value deep inside.
    let body = sample_with(|data| data["items"][0]["package"]["quantity"] = json!("three"));
    let error = Event::parse(&body).unwrap_err();
    assert_eq!(error.path, "data.items[0].package.quantity");

    // No event name, not JSON, empty, known event without data.
    for body in [
        &br#"{"data":{}}"#[..],
        b"not json",
        b"",
        br#"{"event":"order.completed"}"#,
    ] {
        let error = Event::parse(body).unwrap_err();
        assert_eq!(error.provider, "EZQ");
    }
}

#[test]
fn order_serializes_to_ezq_field_names_and_parses_back() {
    let order = page_order();
    let data = serde_json::to_value(&order).unwrap();
    assert_eq!(data["slugId"], "string");
    assert_eq!(data["status"], "pending_payment");
    assert_eq!(data["paidAt"], "2023-10-27T11:04:27.763Z");
    assert_eq!(
        data["items"][0]["shippingAddress"]["addressLine1"],
        "string"
    );
    assert_eq!(
        data["payment"]["transactions"][0]["paymentMethod"],
        "BANK_TRANSFER"
    );
    let body = format!(r#"{{"event":"order.executed","data":{data}}}"#);
    assert_eq!(Event::parse(body).unwrap(), Event::OrderExecuted(order));
}

// ---------------------------------------------------------------------------------------------
// Idempotency keys.

fn history(status: &str, at: &str) -> serde_json::Value {
    json!({"status": status, "createdAt": at})
}

#[test]
fn idempotency_key_is_a_digest_of_the_whole_event_and_holds_no_body_text() {
    let event = Event::parse(PAGE_SAMPLE).unwrap();
    let key = event.idempotency_key();
    assert_eq!(key, content_key::digest(event.name(), &event));
    assert_eq!(key.len(), 71);
    assert!(!key.contains("string") && !key.contains("order_"), "{key}");
}

#[test]
fn idempotency_key_covers_every_value_the_crate_reads() {
    // Each of these left the key built from the latest history entry unchanged.
    let page = Event::parse(PAGE_SAMPLE)
        .unwrap()
        .idempotency_key()
        .into_owned();
    for edit in [
        (|data: &mut serde_json::Value| data["totalPrice"] = json!("1.00"))
            as fn(&mut serde_json::Value),
        |data| data["isPaid"] = json!(!data["isPaid"].as_bool().unwrap()),
        |data| data["notes"] = json!("leave at the door"),
        |data| data["items"][0]["histories"] = json!([]),
    ] {
        let body = sample_with(edit);
        assert_ne!(Event::parse(&body).unwrap().idempotency_key(), page);
    }
}

#[test]
fn idempotency_key_tells_events_apart_and_repeats_alike() {
    let keys: Vec<String> = EVENT_NAMES
        .iter()
        .map(|name| {
            Event::parse(sample_named(name))
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
    // A retry is the same body: the same key.
    assert_eq!(
        Event::parse(PAGE_SAMPLE).unwrap().idempotency_key(),
        Event::parse(PAGE_SAMPLE).unwrap().idempotency_key()
    );
    // The same event after an item moved on: another key.
    let moved_on = sample_with(|data| {
        data["items"][0]["histories"]
            .as_array_mut()
            .unwrap()
            .push(history("processing", "2023-10-28T08:00:00Z"));
    });
    assert_ne!(
        Event::parse(moved_on).unwrap().idempotency_key(),
        Event::parse(PAGE_SAMPLE).unwrap().idempotency_key()
    );
}

#[test]
fn idempotency_key_of_an_unknown_event_covers_its_data() {
    let a =
        Event::parse(br#"{"event":"order.refunded","data":{"slugId":"1","amount":2}}"#).unwrap();
    let b =
        Event::parse(br#"{"event":"order.refunded","data":{"slugId":"1","amount":3}}"#).unwrap();
    assert_eq!(a.idempotency_key(), content_key::digest(a.name(), &a));
    assert_ne!(a.idempotency_key(), b.idempotency_key());
    assert!(!a.idempotency_key().contains("slugId"));
}

#[test]
fn data_before_event_still_names_the_failure() {
    // EZQ sends `event` first; a body with `data` first is parsed after buffering `data`, and a
    // failure still says what went wrong.
    let body = br#"{"data":{"id":"x"},"event":"order.completed"}"#;
    let error = Event::parse(body).unwrap_err();
    assert_eq!(error.event.as_deref(), Some("order.completed"));
    assert!(error.to_string().contains("64-bit integer"), "{error}");
}

#[test]
fn the_pages_header_placeholder_is_refused_as_malformed() {
    // The page's sample header, `"x-signature": "<<hashed-raw-body>>"`, is a placeholder.
    let hook = Webhook::new(secret("ezq_app_secret"));
    assert!(matches!(
        hook.verify(&[("x-signature", "<<hashed-raw-body>>")], PAGE_SAMPLE),
        Err(Error::Verify(VerifyError::MalformedHeader {
            header: "x-signature",
            ..
        }))
    ));
}

// ---------------------------------------------------------------------------------------------
// Bad input is an error, never a panic.

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_bytes_parse_or_fail_without_panicking(
            body in proptest::collection::vec(any::<u8>(), 0..512),
        ) {
            let _ = Event::parse(&body);
        }

        #[test]
        fn damaged_page_samples_parse_or_fail_without_panicking(
            flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
            cut in any::<prop::sample::Index>(),
        ) {
            let mut body = PAGE_SAMPLE.as_bytes().to_vec();
            for (at, byte) in flips {
                let at = at.index(body.len());
                body[at] = byte;
            }
            let _ = Event::parse(&body);
            body.truncate(cut.index(body.len()));
            if let Ok(event) = Event::parse(&body) {
                let _ = event.idempotency_key();
            }
        }

        #[test]
        fn any_signature_header_is_refused_without_panicking(
            value in proptest::collection::vec(any::<u8>(), 0..128),
        ) {
            let hook = Webhook::new(secret("ezq_app_secret"));
            let headers: [(&str, &[u8]); 1] = [("x-signature", &value)];
            prop_assert!(hook.verify(&headers, PAGE_SAMPLE).is_err());
        }
    }
}
