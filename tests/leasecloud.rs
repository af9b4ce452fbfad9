//! LeaseCloud: every page sample, the lenient corners, and verify + parse end to end.

use std::str::FromStr;

use commerce_webhooks::leasecloud::{
    self, Acknowledgement, Address, Event, EventKind, Item, Order, OrderId, OrderStatus, Webhook,
};
use commerce_webhooks::scheme::timestamped;
use commerce_webhooks::{Error, ParseError, Secret, VerifyError};
use rust_decimal::Decimal;
use serde_json::json;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const ORDER_CREATED: &[u8] = include_bytes!("../samples/leasecloud/order_created.json");
const ENVELOPE: &[u8] = include_bytes!("fixtures/leasecloud/envelope.json");
const ORDER: &[u8] = include_bytes!("fixtures/leasecloud/order.json");
const ACKNOWLEDGEMENT: &[u8] = include_bytes!("fixtures/leasecloud/acknowledgement.json");
const MONTLY_ORDER_STATUS: &[u8] = include_bytes!("fixtures/montly/order_status.json");
const MONTLY_ORDER_REQUEST: &str = include_str!("fixtures/montly/order_request.json");

fn secret(text: &str) -> Secret {
    Secret::new(text).unwrap()
}

fn parse_error(body: impl AsRef<[u8]>) -> ParseError {
    Event::parse(body).unwrap_err()
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

/// The text of an optional field, whatever the event's text type.
fn opt<S: AsRef<str>>(value: &Option<S>) -> Option<&str> {
    value.as_ref().map(AsRef::as_ref)
}

fn order_of<S: std::fmt::Debug>(event: &Event<S>) -> &Order<S> {
    match &event.kind {
        EventKind::OrderCreated(order) | EventKind::OrderStatusUpdated(order) => order,
        other => panic!("expected an order event, got {other:?}"),
    }
}

/// The `order.created` sample with `data` edited by `edit`.
fn order_created_with(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut body: serde_json::Value = serde_json::from_slice(ORDER_CREATED).unwrap();
    edit(&mut body["data"]);
    serde_json::to_vec(&body).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Page samples, field by field.

/// Checks the billing and shipping addresses common to both order samples.
fn assert_sample_addresses<S: AsRef<str>>(order: &Order<S>) {
    let billing = &order.billing;
    assert_eq!(opt(&billing.first_name), Some("Ora"));
    assert_eq!(opt(&billing.last_name), Some("Roob"));
    assert_eq!(opt(&billing.email), Some("Myrtice70@yahoo.com"));
    assert_eq!(opt(&billing.phone), Some("(719) 365-7934 x29126"));
    assert_eq!(opt(&billing.company), Some("Langosh, Kautzer and Ullrich"));
    assert_eq!(opt(&billing.address), Some("1532 Edna Spring"));
    assert_eq!(opt(&billing.address2), Some(""));
    assert_eq!(opt(&billing.city), Some("East Guidofort"));
    assert_eq!(opt(&billing.state), Some(""));
    assert_eq!(opt(&billing.postal_code), Some("17875"));
    assert_eq!(opt(&billing.country), Some("SE"));

    let shipping = order
        .shipping
        .as_ref()
        .expect("the sample has a shipping address");
    assert_eq!(opt(&shipping.first_name), Some("Brigitte"));
    assert_eq!(opt(&shipping.last_name), Some("Wunsch"));
    assert_eq!(opt(&shipping.email), Some("Jon60@gmail.com"));
    assert_eq!(opt(&shipping.phone), Some("803-546-0329"));
    assert_eq!(opt(&shipping.company), Some("Volkman - Goodwin"));
    assert_eq!(opt(&shipping.address), Some("46995 Sandra Green"));
    assert_eq!(opt(&shipping.address2), Some(""));
    assert_eq!(opt(&shipping.city), Some("South Aileenfurt"));
    assert_eq!(opt(&shipping.state), Some(""));
    assert_eq!(opt(&shipping.postal_code), Some("47920"));
    assert_eq!(opt(&shipping.country), Some("SE"));
}

/// Checks the order-level fields common to both order samples.
fn assert_sample_order_fields<S: AsRef<str>>(order: &Order<S>) {
    assert_eq!(order.id, "c1f0acd8-8e3e-4477-85d3-18337c3c92d6");
    assert!(!order.id.sent_as_number());
    assert_eq!(opt(&order.org_number), Some("5590894308"));
    assert_eq!(order.status, OrderStatus::Pending);
    assert_eq!(order.total_amount, 23323);
    assert_eq!(order.vat, 32);
    assert_eq!(order.shipping_amount, 0);
    assert_eq!(order.shipping_vat, 0);
    assert_eq!(order.currency.as_ref(), "SEK");
    assert_eq!(order.months, 24);
    assert_eq!(order.created_at, datetime!(2018-01-03 15:10:00 UTC));
    assert_eq!(order.updated_at, datetime!(2018-01-03 15:10:00 UTC));
}

fn assert_item<S: AsRef<str>>(
    item: &Item<S>,
    (name, product_id, article_nr): (&str, &str, &str),
    (quantity, unit_amount, total_amount, vat): (u32, i64, i64, i64),
) {
    assert_eq!(item.name.as_ref(), name);
    assert_eq!(item.product_id.as_ref(), product_id);
    assert_eq!(opt(&item.article_nr), Some(article_nr));
    assert_eq!(item.quantity, quantity);
    assert_eq!(item.unit_amount, unit_amount);
    assert_eq!(item.total_amount, total_amount);
    assert_eq!(item.vat, vat);
    assert_eq!(opt(&item.sku), None);
    assert_eq!(opt(&item.variation_id), None);
    assert_eq!(opt(&item.serial_number), None);
}

/// The `order.created` sample on the LeaseCloud page (the LeaseFlow webhooks page shows the
/// same bytes), read owned and as the borrowed view.
#[test]
fn order_created_sample_parses_field_by_field() {
    check_order_created_sample(&Event::parse(ORDER_CREATED).unwrap());
    check_order_created_sample(&leasecloud::EventView::parse_borrowed(ORDER_CREATED).unwrap());
}

fn check_order_created_sample<S: AsRef<str> + std::fmt::Debug>(event: &Event<S>) {
    assert_eq!(
        event.id.as_ref(),
        "evt:e1f0aed8-883a-9751-74a3-48537d3d94ce"
    );
    assert_eq!(
        event.idempotency_key(),
        "evt:e1f0aed8-883a-9751-74a3-48537d3d94ce"
    );
    assert_eq!(event.kind.name(), "order.created");
    assert!(matches!(event.kind, EventKind::OrderCreated(_)));
    let order = order_of(event);
    assert_sample_order_fields(order);
    assert_sample_addresses(order);
    assert_eq!(order.items.len(), 2);
    assert_item(
        &order.items[0],
        ("Towels", "23", "NCC-5347XF"),
        (42, 34, 8400, 0),
    );
    assert_item(
        &order.items[1],
        ("NOPE", "233", "NCC-5347XF"),
        (42, 34, 8400, 0),
    );
    assert_eq!(
        event.order_id(),
        Some(&OrderId::from("c1f0acd8-8e3e-4477-85d3-18337c3c92d6"))
    );
}

/// The `GET /v2/orders` response on the LeaseFlow orders page: the same `Order` type.
#[test]
fn leaseflow_order_sample_parses_field_by_field() {
    let order: Order = serde_json::from_slice(ORDER).unwrap();
    assert_sample_order_fields(&order);
    assert_sample_addresses(&order);
    assert_eq!(order.items.len(), 2);
    assert_item(
        &order.items[0],
        ("MacBook Pro 15", "13", "NCC-5347XF"),
        (1, 3_400_000, 3_400_000, 0),
    );
    assert_item(
        &order.items[1],
        ("iPhone X", "233", "ABC-5347XF"),
        (2, 1_200_000, 2_400_000, 0),
    );
}

/// The generic envelope at the top of the page lacks a comma after `"id"`: it is refused, and
/// the error says where.
#[test]
fn page_envelope_is_refused_with_its_position() {
    let error = parse_error(ENVELOPE);
    assert_eq!(error.provider, "LeaseCloud");
    assert_eq!((error.line, error.column), (3, 3));
    assert!(error.message.contains("expected `,` or `}`"), "{error}");
    let text = error.to_string();
    assert!(text.contains("line 3, column 3"), "{text}");
}

/// The partner response sample on the LeaseFlow webhooks page reads back as an
/// acknowledgement carrying the event id alone.
#[test]
fn leaseflow_acknowledgement_sample_reads_back() {
    let ack: Acknowledgement = serde_json::from_slice(ACKNOWLEDGEMENT).unwrap();
    assert_eq!(ack.id, "evt:e1f0aed8-883a-9751-74a3-48537d3d94ce");
    assert_eq!(ack.order_id, None);
    assert_eq!(ack.partner_order_id, None);
    assert_eq!(
        ack,
        Acknowledgement::new("evt:e1f0aed8-883a-9751-74a3-48537d3d94ce")
    );
    assert_eq!(
        ack.to_json(),
        r#"{"id":"evt:e1f0aed8-883a-9751-74a3-48537d3d94ce"}"#
    );
}

/// Montly's status endpoint writes statuses in lower case; LeaseCloud's status reads them.
#[test]
fn montly_lower_case_status_sample_reads_as_a_known_status() {
    #[derive(serde::Deserialize)]
    struct StatusReply {
        status: OrderStatus,
    }
    let reply: StatusReply = serde_json::from_slice(MONTLY_ORDER_STATUS).unwrap();
    assert_eq!(reply.status, OrderStatus::Pending);
    assert_eq!(
        serde_json::to_string(&reply.status).unwrap(),
        r#""PENDING""#
    );
}

/// Montly's create-order sample has a trailing comma (`"country": null,` before `}`), so the
/// page's text is not JSON; with that comma removed, its lines and addresses are the same
/// shapes as LeaseCloud's and read as such, `null`s and missing optional fields included.
#[test]
fn montly_order_request_sample_lines_and_addresses() {
    assert!(serde_json::from_str::<serde_json::Value>(MONTLY_ORDER_REQUEST).is_err());
    let repaired =
        MONTLY_ORDER_REQUEST.replace("\"country\": null,\n  }", "\"country\": null\n  }");
    let request: serde_json::Value = serde_json::from_str(&repaired).unwrap();

    let billing: Address = serde_json::from_value(request["billing"].clone()).unwrap();
    assert_eq!(billing.address, some("Mystreet 121"));
    assert_eq!(billing.address2, None);
    assert_eq!(billing.city, some("Stockholm"));
    assert_eq!(billing.state, None);
    assert_eq!(billing.postal_code, some("12345"));
    assert_eq!(billing.country, some("SE"));
    for absent in [
        &billing.first_name,
        &billing.last_name,
        &billing.email,
        &billing.phone,
        &billing.company,
    ] {
        assert_eq!(*absent, None);
    }

    let shipping: Address = serde_json::from_value(request["shipping"].clone()).unwrap();
    assert_eq!(shipping, Address::default());

    let items: Vec<Item> = serde_json::from_value(request["items"].clone()).unwrap();
    assert_eq!(items.len(), 2);
    let expected = [
        (
            "Shiny new phone",
            "32832849-23cc-550c-9456-06ea2ff0b55c",
            2,
            250_000,
            500_000,
        ),
        (
            "40\" TV",
            "88624a25-e7e8-5da4-a819-8af8f5079ce2",
            1,
            500_000,
            500_000,
        ),
    ];
    for (item, (name, product_id, quantity, unit_amount, total_amount)) in
        items.iter().zip(expected)
    {
        assert_eq!(item.name, name);
        assert_eq!(item.product_id, product_id);
        assert_eq!(item.article_nr, None);
        assert_eq!(item.quantity, quantity);
        assert_eq!(item.unit_amount, unit_amount);
        assert_eq!(item.total_amount, total_amount);
        assert_eq!(item.vat, 125_000);
        assert_eq!(item.sku, None);
        assert_eq!(item.variation_id, None);
        assert_eq!(item.serial_number, None);
    }
}

// ---------------------------------------------------------------------------------------------
// The v1 actions (Montly's events under `action`).

#[test]
fn v1_actions_parse() {
    let cases: [(&str, serde_json::Value, EventKind); 5] = [
        (
            "order.accepted",
            json!({"orderId": 42}),
            EventKind::OrderAccepted {
                order_id: 42.into(),
            },
        ),
        (
            "order.declined",
            json!({"orderId": 42, "reason": "Customer is not credit worthy"}),
            EventKind::OrderDeclined {
                order_id: 42.into(),
                reason: "Customer is not credit worthy".to_owned(),
            },
        ),
        (
            "order.signed",
            json!({"orderId": "42"}),
            EventKind::OrderSigned {
                order_id: "42".into(),
            },
        ),
        (
            "order.deliveryApproved",
            json!({"orderId": "c1f0acd8-8e3e-4477-85d3-18337c3c92d6"}),
            EventKind::OrderDeliveryApproved {
                order_id: "c1f0acd8-8e3e-4477-85d3-18337c3c92d6".into(),
            },
        ),
        (
            "tariff.updated",
            json!({"tariffs": [{"months": 24, "tariff": 1.51}, {"months": 36, "tariff": 1.01}]}),
            EventKind::TariffUpdated {
                tariffs: vec![
                    leasecloud::Tariff {
                        months: 24,
                        tariff: Decimal::from_str("1.51").unwrap(),
                    },
                    leasecloud::Tariff {
                        months: 36,
                        tariff: Decimal::from_str("1.01").unwrap(),
                    },
                ],
            },
        ),
    ];
    for (action, data, expected) in cases {
        let body = json!({"id": "evt:v1", "action": action, "data": data}).to_string();
        let event = Event::parse(&body).unwrap();
        assert_eq!(event.id, "evt:v1");
        assert_eq!(event.kind.name(), action);
        assert_eq!(event.kind, expected, "{action}");
    }
}

#[test]
fn order_ids_compare_with_numbers_and_strings() {
    let number =
        Event::parse(r#"{"id":"e","action":"order.signed","data":{"orderId":42}}"#).unwrap();
    let text =
        Event::parse(r#"{"id":"e","action":"order.signed","data":{"orderId":"42"}}"#).unwrap();
    assert_eq!(number, text);
    let (number, text) = (number.order_id().unwrap(), text.order_id().unwrap());
    assert_eq!(*number, 42);
    assert_eq!(*number, 42u64);
    assert_eq!(*number, "42");
    assert_eq!(*text, 42);
    assert_eq!(*text, "42");
    assert_eq!(42, *text);
    assert_eq!("42", *number);
    assert_ne!(*number, 43);
    assert_ne!(*number, -42);
    assert!(number.sent_as_number());
    assert!(!text.sent_as_number());
    assert_eq!(number.to_string(), "42");
    // Echoed back in the form received.
    assert_eq!(serde_json::to_string(number).unwrap(), "42");
    assert_eq!(serde_json::to_string(text).unwrap(), r#""42""#);
    // A leading zero is not the same id as the number.
    assert_ne!(OrderId::from("042"), 42);
    assert_eq!(OrderId::from("042").as_u64(), None);
    assert_eq!(OrderId::from(-7i64), -7);
}

#[test]
fn order_id_as_a_number_in_an_order() {
    let body = order_created_with(|data| data["id"] = json!(1001));
    let event = Event::parse(body).unwrap();
    assert_eq!(order_of(&event).id, 1001);
    assert_eq!(
        Acknowledgement::for_event(&event).to_json(),
        r#"{"id":"evt:e1f0aed8-883a-9751-74a3-48537d3d94ce","orderId":1001}"#
    );
}

#[test]
fn event_id_as_a_number_is_kept_as_text() {
    let event =
        Event::parse(r#"{"id":1234,"action":"order.signed","data":{"orderId":1}}"#).unwrap();
    assert_eq!(event.idempotency_key(), "1234");
}

#[test]
fn declined_without_reason_or_with_null_reason() {
    for data in [json!({"orderId": 7}), json!({"orderId": 7, "reason": null})] {
        let body = json!({"id": "e", "action": "order.declined", "data": data}).to_string();
        assert_eq!(
            Event::parse(body).unwrap().kind,
            EventKind::OrderDeclined {
                order_id: 7.into(),
                reason: String::new()
            }
        );
    }
}

#[test]
fn tariffs_are_exact_decimals_whether_number_or_string() {
    let body = r#"{"id":"e","action":"tariff.updated","data":{"tariffs":[
        {"months":24,"tariff":1.51},{"months":"36","tariff":"1.010"},{"months":48,"tariff":0.1}]}}"#;
    let EventKind::TariffUpdated { tariffs } = Event::parse(body).unwrap().kind else {
        panic!("expected tariff.updated");
    };
    let rates: Vec<String> = tariffs.iter().map(|t| t.tariff.to_string()).collect();
    assert_eq!(rates, ["1.51", "1.010", "0.1"]);
    let months: Vec<u32> = tariffs.iter().map(|t| t.months).collect();
    assert_eq!(months, [24, 36, 48]);
}

// ---------------------------------------------------------------------------------------------
// Forward compatibility and leniency.

#[test]
fn unknown_action_keeps_its_data() {
    let body = r#"{"id":"evt:9","action":"order.shipped","data":{"orderId":"abc","carrier":{"name":"PostNord"}}}"#;
    let event = Event::parse(body).unwrap();
    assert_eq!(event.id, "evt:9");
    assert_eq!(
        event.kind,
        EventKind::Unknown {
            name: "order.shipped".to_owned(),
            data: json!({"orderId": "abc", "carrier": {"name": "PostNord"}}),
        }
    );
    assert_eq!(event.kind.name(), "order.shipped");
    assert_eq!(event.order_id(), None);
    // LeaseCloud counts an acknowledgement only when it names the order: read from the data.
    assert_eq!(
        Acknowledgement::for_event(&event).to_json(),
        r#"{"id":"evt:9","orderId":"abc"}"#
    );
}

#[test]
fn unknown_action_without_data_keeps_null() {
    let event = Event::parse(r#"{"id":"evt:9","action":"ping"}"#).unwrap();
    assert_eq!(
        event.kind,
        EventKind::Unknown {
            name: "ping".to_owned(),
            data: serde_json::Value::Null
        }
    );
}

#[test]
fn known_action_without_data_is_refused() {
    let error = parse_error(r#"{"id":"evt:9","action":"order.created"}"#);
    assert_eq!(error.event.as_deref(), Some("order.created"));
    assert!(error.message.contains("data"), "{error}");
}

#[test]
fn statuses_known_unknown_and_in_any_case() {
    for (sent, expected) in [
        ("PENDING", OrderStatus::Pending),
        ("OK", OrderStatus::Ok),
        ("DONE", OrderStatus::Done),
        ("CANCELLED", OrderStatus::Cancelled),
        ("cancelled", OrderStatus::Cancelled),
        ("Ok", OrderStatus::Ok),
        ("ON_HOLD", OrderStatus::Other("ON_HOLD".to_owned())),
        ("declined", OrderStatus::Other("declined".to_owned())),
    ] {
        let body = order_created_with(|data| data["status"] = json!(sent));
        let order = order_of(&Event::parse(body).unwrap()).clone();
        assert_eq!(order.status, expected, "{sent}");
    }
    let other = OrderStatus::from("ON_HOLD");
    assert_eq!(serde_json::to_string(&other).unwrap(), r#""ON_HOLD""#);
    assert_eq!(other.to_string(), "ON_HOLD");
    assert_eq!(OrderStatus::Done.as_str(), "DONE");
}

#[test]
fn extra_fields_are_ignored_everywhere() {
    let plain = Event::parse(ORDER_CREATED).unwrap();
    let body = order_created_with(|data| {
        data["newField"] = json!({"nested": [1, 2, 3]});
        data["billing"]["coordinates"] = json!([59.3, 18.1]);
        data["items"][0]["discount"] = json!(null);
    });
    let mut body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    body["livemode"] = json!(false);
    let event = Event::parse(serde_json::to_vec(&body).unwrap()).unwrap();
    assert_eq!(event, plain);
}

#[test]
fn missing_optional_fields_are_none() {
    let body = order_created_with(|data| {
        let data = data.as_object_mut().unwrap();
        data.remove("orgNumber");
        data.remove("shipping");
        data["billing"] = json!({"city": "Lund"});
        data["items"][0]
            .as_object_mut()
            .unwrap()
            .remove("articleNr");
    });
    let event = Event::parse(body).unwrap();
    let order = order_of(&event);
    assert_eq!(order.org_number, None);
    assert_eq!(order.shipping, None);
    assert_eq!(order.billing.city, some("Lund"));
    assert_eq!(order.billing.first_name, None);
    assert_eq!(order.billing.postal_code, None);
    assert_eq!(order.items[0].article_nr, None);
    assert_eq!(order.items[1].article_nr, some("NCC-5347XF"));
}

#[test]
fn null_in_optional_places_is_none() {
    let body = order_created_with(|data| {
        data["orgNumber"] = json!(null);
        data["shipping"] = json!(null);
        data["billing"]["address2"] = json!(null);
        data["billing"]["phone"] = json!(null);
        data["billing"]["postalCode"] = json!(null);
        data["items"][1]["articleNr"] = json!(null);
        data["items"][1]["sku"] = json!(null);
    });
    let event = Event::parse(body).unwrap();
    let order = order_of(&event);
    assert_eq!(order.org_number, None);
    assert_eq!(order.shipping, None);
    assert_eq!(order.billing.address2, None);
    assert_eq!(order.billing.phone, None);
    assert_eq!(order.billing.postal_code, None);
    assert_eq!(order.billing.city, some("East Guidofort"));
    assert_eq!(order.items[1].article_nr, None);
    assert_eq!(order.items[1].sku, None);
}

#[test]
fn numbers_sent_as_strings_and_strings_sent_as_numbers() {
    let body = order_created_with(|data| {
        data["totalAmount"] = json!("23323");
        data["months"] = json!("24");
        data["billing"]["postalCode"] = json!(17875);
        data["items"][0]["productId"] = json!(23);
        data["items"][0]["quantity"] = json!("42");
    });
    let event = Event::parse(body).unwrap();
    assert_eq!(event, Event::parse(ORDER_CREATED).unwrap());
}

#[test]
fn amount_beyond_64_bits_is_a_clear_error() {
    let body = String::from_utf8(ORDER_CREATED.to_vec()).unwrap().replace(
        "\"totalAmount\": 23323",
        "\"totalAmount\": 9223372036854775808",
    );
    let error = parse_error(&body);
    assert_eq!(error.provider, "LeaseCloud");
    assert_eq!(error.event.as_deref(), Some("order.created"));
    assert_eq!(error.path, "data.totalAmount");
    assert!(error.message.contains("out of range"), "{error}");
    assert!(error.message.contains("64-bit integer"), "{error}");
    assert_eq!(error.line, 8);

    // Past u64 too, in an item.
    let body = order_created_with(|data| {
        data["items"][1]["unitAmount"] = serde_json::from_str("100000000000000000000000").unwrap();
    });
    let error = parse_error(&body);
    assert_eq!(error.path, "data.items[1].unitAmount");
    assert!(error.message.contains("64-bit integer"), "{error}");

    // The largest amount that fits is fine.
    let body = order_created_with(|data| data["VAT"] = json!(i64::MAX));
    assert_eq!(order_of(&Event::parse(body).unwrap()).vat, i64::MAX);
}

#[test]
fn a_fractional_amount_is_refused() {
    let error = parse_error(order_created_with(|data| data["shippingVAT"] = json!(12.5)));
    assert_eq!(error.path, "data.shippingVAT");
}

#[test]
fn dates_with_and_without_fractions_and_offsets() {
    for (sent, expected) in [
        ("2018-01-03T15:10:00Z", datetime!(2018-01-03 15:10:00 UTC)),
        (
            "2018-01-03T15:10:00.000Z",
            datetime!(2018-01-03 15:10:00 UTC),
        ),
        (
            "2018-01-03T15:10:00.123456+00:00",
            datetime!(2018-01-03 15:10:00.123456 UTC),
        ),
        (
            "2018-01-03T15:10:00+00:00",
            datetime!(2018-01-03 15:10:00 UTC),
        ),
        (
            "2018-01-03T16:10:00+01:00",
            datetime!(2018-01-03 15:10:00 UTC),
        ),
    ] {
        let body = order_created_with(|data| data["updatedAt"] = json!(sent));
        let order = order_of(&Event::parse(body).unwrap()).clone();
        assert_eq!(order.updated_at, expected, "{sent}");
    }
    let error = parse_error(order_created_with(|data| {
        data["createdAt"] = json!("3 Jan 2018")
    }));
    assert_eq!(error.path, "data.createdAt");
}

#[test]
fn missing_event_id_is_refused() {
    for body in [
        r#"{"action":"order.signed","data":{"orderId":1}}"#,
        r#"{"id":null,"action":"order.signed","data":{"orderId":1}}"#,
    ] {
        let error = parse_error(body);
        assert_eq!(error.path, "id");
        assert_eq!(error.event.as_deref(), Some("order.signed"));
    }
}

#[test]
fn a_montly_shaped_body_names_the_missing_action() {
    let error = parse_error(r#"{"id":"e","type":"order.signed","data":{"orderId":1}}"#);
    assert!(error.message.contains("`action`"), "{error}");
}

#[test]
fn data_before_action_still_parses() {
    let body = r#"{"data":{"orderId":5},"id":"evt:x","action":"order.accepted"}"#;
    assert_eq!(
        Event::parse(body).unwrap().kind,
        EventKind::OrderAccepted { order_id: 5.into() }
    );
}

#[test]
fn a_wrong_type_names_its_path() {
    let error = parse_error(order_created_with(|data| {
        data["items"][1]["quantity"] = json!(-1)
    }));
    assert_eq!(error.path, "data.items[1].quantity");
    let error = parse_error(order_created_with(|data| data["billing"] = json!("none")));
    assert_eq!(error.path, "data.billing");
}

// ---------------------------------------------------------------------------------------------
// The acknowledgement.

#[test]
fn acknowledgement_for_each_kind_of_event() {
    let event = Event::parse(ORDER_CREATED).unwrap();
    let ack = Acknowledgement::for_event(&event);
    assert_eq!(
        ack.to_json(),
        r#"{"id":"evt:e1f0aed8-883a-9751-74a3-48537d3d94ce","orderId":"c1f0acd8-8e3e-4477-85d3-18337c3c92d6"}"#
    );
    let ack = ack.partner_order_id("SO-1001");
    let value: serde_json::Value = serde_json::from_str(&ack.to_json()).unwrap();
    assert_eq!(
        value,
        json!({
            "id": "evt:e1f0aed8-883a-9751-74a3-48537d3d94ce",
            "orderId": "c1f0acd8-8e3e-4477-85d3-18337c3c92d6",
            "partnerOrderId": "SO-1001",
        })
    );
    assert_eq!(serde_json::to_value(&ack).unwrap(), value);

    let signed =
        Event::parse(r#"{"id":"evt:2","action":"order.signed","data":{"orderId":42}}"#).unwrap();
    assert_eq!(
        Acknowledgement::for_event(&signed).to_json(),
        r#"{"id":"evt:2","orderId":42}"#
    );

    let tariffs =
        Event::parse(r#"{"id":"evt:3","action":"tariff.updated","data":{"tariffs":[]}}"#).unwrap();
    assert_eq!(
        Acknowledgement::for_event(&tariffs).to_json(),
        r#"{"id":"evt:3"}"#
    );

    let built = Acknowledgement::new("evt:4")
        .order_id(9)
        .partner_order_id("p-9");
    assert_eq!(
        built.to_json(),
        r#"{"id":"evt:4","orderId":9,"partnerOrderId":"p-9"}"#
    );
    let read_back: Acknowledgement = serde_json::from_str(&built.to_json()).unwrap();
    assert_eq!(read_back, built);
}

// ---------------------------------------------------------------------------------------------
// Verify + parse.

const T: i64 = 1_700_000_000;

fn at(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap()
}

/// A header signed with both secrets, as LeaseCloud sends during a rotation.
fn rotation_header(body: &[u8]) -> String {
    let new = timestamped::sign(&secret("whsec_new"), T, body);
    let old = timestamped::sign(&secret("whsec_old"), T, body);
    let old_v1 = old.split_once(",v1=").unwrap().1;
    format!("{new},v1={old_v1}")
}

fn rotating_hook() -> Webhook {
    Webhook::with_secrets([secret("whsec_new"), secret("whsec_old")]).unwrap()
}

fn sample_bodies() -> Vec<(Vec<u8>, &'static str)> {
    let v1 = |action: &str, data: serde_json::Value| {
        json!({"id": format!("evt:{action}"), "action": action, "data": data})
            .to_string()
            .into_bytes()
    };
    let mut status_updated: serde_json::Value = serde_json::from_slice(ORDER_CREATED).unwrap();
    status_updated["action"] = json!("order.statusUpdated");
    status_updated["data"]["status"] = json!("OK");
    vec![
        (ORDER_CREATED.to_vec(), "order.created"),
        (
            serde_json::to_vec(&status_updated).unwrap(),
            "order.statusUpdated",
        ),
        (
            v1("order.accepted", json!({"orderId": 42})),
            "order.accepted",
        ),
        (
            v1("order.declined", json!({"orderId": 42, "reason": "no"})),
            "order.declined",
        ),
        (v1("order.signed", json!({"orderId": 42})), "order.signed"),
        (
            v1("order.deliveryApproved", json!({"orderId": 42})),
            "order.deliveryApproved",
        ),
        (
            v1(
                "tariff.updated",
                json!({"tariffs": [{"months": 24, "tariff": 1.51}]}),
            ),
            "tariff.updated",
        ),
        (
            v1("order.refunded", json!({"orderId": 42})),
            "order.refunded",
        ),
    ]
}

#[test]
fn verify_and_parse_every_kind_with_two_secrets_in_rotation() {
    let hook = rotating_hook();
    for (body, name) in sample_bodies() {
        let expected = Event::parse(&body).unwrap();
        assert_eq!(expected.kind.name(), name);

        // Both signatures present.
        let header = rotation_header(&body);
        let headers = [("LeaseCloud-Signature", header.as_str())];
        assert_eq!(
            hook.verify_at(&headers, &body, at(T)).unwrap(),
            expected,
            "{name}"
        );

        // Only the old secret's signature: still accepted, and reported as secret #1.
        let headers = Webhook::sign_headers(&secret("whsec_old"), T, &body);
        assert_eq!(
            hook.verify_at(&headers, &body, at(T + 10)).unwrap(),
            expected
        );
        let verified = hook.verify_signature_at(&headers, &body, at(T)).unwrap();
        assert_eq!((verified.timestamp, verified.secret_index), (T, 1));

        // Only the new one: secret #0.
        let headers = Webhook::sign_headers(&secret("whsec_new"), T, &body);
        let verified = hook.verify_signature_at(&headers, &body, at(T)).unwrap();
        assert_eq!(verified.secret_index, 0);
    }
}

#[test]
fn verify_with_the_system_clock() {
    let body = ORDER_CREATED;
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let hook = Webhook::new(secret("whsec_live"));
    let headers = Webhook::sign_headers(&secret("whsec_live"), now, body);
    assert_eq!(leasecloud::version(&headers), Some("1.0.0"));
    assert!(matches!(
        hook.verify(&headers, body).unwrap().kind,
        EventKind::OrderCreated(_)
    ));
}

/// A vector computed outside this crate:
/// `python3 -c 'import hmac,hashlib; print(hmac.new(b"whsec_test",
/// b"1499785732." + b"{\"id\":\"evt:1\",\"action\":\"order.signed\",\"data\":{\"orderId\":42}}",
/// hashlib.sha256).hexdigest())'`
#[test]
fn independent_vector() {
    let body = br#"{"id":"evt:1","action":"order.signed","data":{"orderId":42}}"#;
    let header = "t=1499785732,v1=c2201aca2acc21ecab1420200ddfc5932083e73dbbea68766bec89ca31479a12";
    let hook = Webhook::new(secret("whsec_test"));
    let event = hook
        .verify_at(&[("leasecloud-signature", header)], body, at(1_499_785_732))
        .unwrap();
    assert_eq!(
        event.kind,
        EventKind::OrderSigned {
            order_id: 42.into()
        }
    );
    assert_eq!(
        timestamped::sign(&secret("whsec_test"), 1_499_785_732, body),
        header
    );
}

#[test]
fn tolerance_is_inclusive_and_configurable() {
    let body = ORDER_CREATED;
    let headers = Webhook::sign_headers(&secret("s"), T, body);
    let hook = Webhook::new(secret("s"));
    assert!(hook.verify_at(&headers, body, at(T + 300)).is_ok());
    assert!(hook.verify_at(&headers, body, at(T - 300)).is_ok());
    assert!(matches!(
        hook.verify_at(&headers, body, at(T + 301)),
        Err(Error::Verify(VerifyError::TimestampTooOld {
            header: "LeaseCloud-Signature",
            age_seconds: 301,
            tolerance_seconds: 300
        }))
    ));
    assert!(matches!(
        hook.verify_at(&headers, body, at(T - 301)),
        Err(Error::Verify(VerifyError::TimestampInFuture {
            ahead_seconds: 301,
            ..
        }))
    ));

    let strict = Webhook::new(secret("s")).tolerance(Duration::seconds(60));
    assert!(strict.verify_at(&headers, body, at(T + 60)).is_ok());
    let error = strict.verify_at(&headers, body, at(T + 61)).unwrap_err();
    assert!(matches!(
        error,
        Error::Verify(VerifyError::TimestampTooOld {
            tolerance_seconds: 60,
            ..
        })
    ));
    assert_eq!(error.status_code(), 401);
}

#[test]
fn wrong_secret_tampered_body_and_missing_header() {
    let body = ORDER_CREATED;
    let headers = Webhook::sign_headers(&secret("whsec_other"), T, body);
    let hook = rotating_hook();
    let error = hook.verify_at(&headers, body, at(T)).unwrap_err();
    assert!(matches!(
        error,
        Error::Verify(VerifyError::SignatureMismatch {
            header: "LeaseCloud-Signature"
        })
    ));
    assert_eq!(error.status_code(), 401);

    let headers = Webhook::sign_headers(&secret("whsec_new"), T, body);
    let mut tampered = body.to_vec();
    tampered.push(b'\n');
    assert!(matches!(
        hook.verify_at(&headers, &tampered, at(T)),
        Err(Error::Verify(VerifyError::SignatureMismatch { .. }))
    ));

    // A Montly header is not a LeaseCloud one.
    let header = timestamped::sign(&secret("whsec_new"), T, body);
    assert!(matches!(
        hook.verify_at(&[("Montly-Signature", header.as_str())], body, at(T)),
        Err(Error::Verify(VerifyError::MissingHeader {
            header: "LeaseCloud-Signature"
        }))
    ));
}

#[test]
fn an_authentic_but_malformed_body_is_a_parse_error() {
    let body = br#"{"id":"evt:1","action":"order.signed","data":{"orderId":[1]}}"#;
    let headers = Webhook::sign_headers(&secret("s"), T, body);
    let error = Webhook::new(secret("s"))
        .verify_at(&headers, body, at(T))
        .unwrap_err();
    assert_eq!(error.status_code(), 400);
    let Error::Parse(error) = error else {
        panic!("expected a parse error, got {error:?}");
    };
    assert_eq!(error.path, "data.orderId");
    assert_eq!(error.event.as_deref(), Some("order.signed"));
}

#[test]
fn the_version_header() {
    assert_eq!(leasecloud::VERSION_HEADER, "LeaseCloud-Version");
    assert_eq!(leasecloud::SIGNATURE_HEADER, "LeaseCloud-Signature");
    assert_eq!(
        leasecloud::version(&[("leasecloud-version", " 1.0.0 ")]),
        Some("1.0.0")
    );
    assert_eq!(leasecloud::version(&Vec::<(String, String)>::new()), None);
    // Repeated: ambiguous, so not reported.
    assert_eq!(
        leasecloud::version(&[("LeaseCloud-Version", "1"), ("LeaseCloud-Version", "2")]),
        None
    );
}

proptest::proptest! {
    /// Any damage to the sample is an error or an event, never a panic.
    #[test]
    fn damaged_samples_never_panic(cut in 0..ORDER_CREATED.len(), at in 0..ORDER_CREATED.len(), byte: u8) {
        let mut body = ORDER_CREATED.to_vec();
        body[at] = byte;
        let _ = Event::parse(&body);
        let _ = Event::parse(&ORDER_CREATED[..cut]);
    }
}

/// Text of any Unicode, or dense in what JSON escapes: quotes, backslashes and every control
/// character (which arbitrary Unicode rarely holds).
fn ack_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![any::<String>(), r#"["\\\x00-\x1f\x7fa-zé😀]{0,24}"#]
}

/// Every kind of order id an acknowledgement can carry.
fn any_order_id() -> impl proptest::strategy::Strategy<Value = Option<OrderId>> {
    use proptest::prelude::*;
    prop_oneof![
        Just(None),
        any::<u64>().prop_map(|id| Some(OrderId::from(id))),
        any::<i64>().prop_map(|id| Some(OrderId::from(id))),
        ack_text().prop_map(|id| Some(OrderId::from(id))),
        "-?[0-9]{1,25}".prop_map(|id| Some(OrderId::from(id))),
    ]
}

proptest::proptest! {
    /// The acknowledgement's own writer and serde (its derived `Serialize`) write the same
    /// text, whatever its strings hold: quotes, backslashes, control characters, any Unicode.
    #[test]
    fn acknowledgement_json_is_serdes(
        id in ack_text(),
        order_id in any_order_id(),
        partner_order_id in proptest::option::of(ack_text()),
    ) {
        let mut ack = Acknowledgement::new(id);
        ack.order_id = order_id;
        ack.partner_order_id = partner_order_id;
        let json = ack.to_json();
        proptest::prop_assert_eq!(&json, &serde_json::to_string(&ack).unwrap());
        let read_back: Acknowledgement = serde_json::from_str(&json).unwrap();
        proptest::prop_assert_eq!(read_back, ack);
    }
}

/// The escapes the writer chooses, spelled out: the short ones JSON has, `\u00XX` in lower
/// case for the other control characters, and DEL and non-ASCII text as they are.
#[test]
fn acknowledgement_escapes_like_serde_json() {
    let ack = Acknowledgement::new("q\"b\\n\nr\rt\tb\u{8}f\u{c}z\u{0}e\u{1f}d\u{7f}é😀")
        .order_id(-7_i64)
        .partner_order_id("SO\"1");
    assert_eq!(
        ack.to_json(),
        r#"{"id":"q\"b\\n\nr\rt\tb\bf\fz\u0000e\u001fd"#.to_owned()
            + "\u{7f}é😀"
            + r#"","orderId":-7,"partnerOrderId":"SO\"1"}"#
    );
    assert_eq!(ack.to_json(), serde_json::to_string(&ack).unwrap());
    // An id sent as text stays text, even when it is digits.
    let ack = Acknowledgement::new("evt").order_id("42");
    assert_eq!(ack.to_json(), r#"{"id":"evt","orderId":"42"}"#);
}

// ---------------------------------------------------------------------------------------------
// What an authentic body that does not parse is answered with.

/// LeaseCloud counts an acknowledgement only when it names the order: the answer to a body that
/// does not parse names it whenever the body does, wherever `data` stands and in the JSON type
/// it was sent in.
#[test]
fn an_unparsed_body_is_acknowledged_with_its_order_whenever_the_body_names_it() {
    use commerce_webhooks::Provider;
    let reply_to = |body: &str| {
        let error = parse_error(body);
        let reply = Webhook::unparsed_reply(&error);
        assert_eq!(reply.status_code(), 200, "{body}");
        serde_json::from_str::<serde_json::Value>(reply.json_body().unwrap()).unwrap()
    };
    // A whole order whose status is not text: the order's own id.
    assert_eq!(
        reply_to(r#"{"id":"evt:bad","action":"order.created","data":{"id":"c1f0-1","status":17}}"#),
        json!({"id": "evt:bad", "orderId": "c1f0-1"})
    );
    // A v1 action: `orderId`, a number kept a number, even with `data` first.
    assert_eq!(
        reply_to(r#"{"data":{"orderId":42,"reason":[]},"action":"order.declined","id":"evt:d"}"#),
        json!({"id": "evt:d", "orderId": 42})
    );
    // `orderId` wins over `id`, and a value that is no id names nothing.
    assert_eq!(
        reply_to(r#"{"id":"evt:o","action":"order.signed","data":{"id":"x","orderId":{"no":1}}}"#),
        json!({"id": "evt:o", "orderId": "x"})
    );
    assert_eq!(
        reply_to(r#"{"id":"evt:t","action":"order.signed","data":{"orderId":true}}"#),
        json!({"id": "evt:t"})
    );
    // No event id: what can be named is the order.
    assert_eq!(
        reply_to(r#"{"action":"order.signed","data":{"orderId":"o-9"}}"#),
        json!({"orderId": "o-9"})
    );
    assert_eq!(reply_to(r#"{"action":"order.signed"}"#), json!({}));
    // A body cut short still gives what came before the cut.
    assert_eq!(
        reply_to(r#"{"id":"evt:cut","action":"order.signed","data":{"orderId":"o-1"},"x":"#),
        json!({"id": "evt:cut", "orderId": "o-1"})
    );
}

/// A blank event id would give every such event the same idempotency key, and a duplicate
/// guard would then drop all but the first: it is refused as a missing one is, by every path.
#[test]
fn a_blank_event_id_is_a_parse_error_as_a_missing_one_is() {
    for id in ["", " ", "\t"] {
        let body = format!(
            r#"{{"id":"{id}","action":"order.signed","data":{{"orderId":"1"}}}}"#,
            id = id.escape_default()
        );
        let error = parse_error(&body);
        assert_eq!(error.path, "id", "{body}");
        assert!(error.message.contains("empty"), "{error}");
        assert_eq!(error.order_id.as_ref().map(|id| id.as_str()), Some("1"));
        assert!(serde_json::from_str::<Event>(&body).is_err(), "{body}");
        assert!(
            leasecloud::EventView::parse_borrowed(body.as_bytes()).is_err(),
            "{body}"
        );
        let montly = body.replace("\"action\"", "\"type\"");
        assert_eq!(
            commerce_webhooks::montly::Event::parse(&montly)
                .unwrap_err()
                .path,
            "id"
        );
    }
    // The order events' direct reader declines it too, and the answer is the same.
    let order = include_str!("../samples/leasecloud/order_created.json").replacen(
        "\"evt:e1f0aed8-883a-9751-74a3-48537d3d94ce\"",
        "\"\"",
        1,
    );
    assert_eq!(parse_error(&order).path, "id");
}
