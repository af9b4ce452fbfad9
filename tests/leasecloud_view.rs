//! LeaseCloud's borrowed `EventView`: the same event as the owned `Event` for every body,
//! text borrowed from the body where the body spells it without escapes, and the same errors.

use std::borrow::Cow;

use commerce_webhooks::leasecloud::{Acknowledgement, Event, EventKind, EventView};
use serde_json::{json, Value};

const ORDER_CREATED: &[u8] = include_bytes!("../samples/leasecloud/order_created.json");

fn order_created_with(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut body: Value = serde_json::from_slice(ORDER_CREATED).unwrap();
    edit(&mut body);
    serde_json::to_vec(&body).unwrap()
}

/// Bodies of every kind of event, in the shapes LeaseCloud sends and the lenient ones.
fn bodies() -> Vec<Vec<u8>> {
    let mut bodies = vec![
        ORDER_CREATED.to_vec(),
        order_created_with(|body| body["action"] = json!("order.statusUpdated")),
        order_created_with(|body| {
            body["data"]["billing"]["city"] = json!("Malmö \"C\"\n");
            body["data"]["items"][0]["productId"] = json!(23);
            body["data"]["billing"]["postalCode"] = json!(21119);
            body["data"]["shipping"] = Value::Null;
            body["data"]["orgNumber"] = Value::Null;
        }),
        br#"{"data":{"orderId":42},"action":"order.accepted","id":7}"#.to_vec(),
        br#"{"id":"e","action":"order.declined","data":{"orderId":"42","reason":"no"}}"#.to_vec(),
        br#"{"id":"e","action":"order.declined","data":{"orderId":"42","reason":null}}"#.to_vec(),
        br#"{"id":"e","action":"order.signed","data":{"orderId":"42"}}"#.to_vec(),
        br#"{"id":"e","action":"order.deliveryApproved","data":{"orderId":"42"}}"#.to_vec(),
        br#"{"id":"e","action":"tariff.updated","data":{"tariffs":[{"months":24,"tariff":0.0434}]}}"#
            .to_vec(),
        br#"{"id":"e","action":"order.refunded","data":{"amount":1.5,"why":["x"]}}"#.to_vec(),
        br#"{"id":"e","action":"order.refunded"}"#.to_vec(),
        br#"{"id":"e\u0041","action":"order.sig\u006eed","data":{"orderId":"4\u0032"}}"#.to_vec(),
    ];
    // `data` before `action`, as no provider sends it but JSON allows.
    let reordered = br#"{"data":{"orderId":"42","reason":"r"},"id":"e","action":"order.declined"}"#;
    bodies.push(reordered.to_vec());
    bodies
}

#[test]
fn the_view_reads_every_body_to_the_owned_events_values() {
    for body in bodies() {
        let owned = Event::parse(&body).unwrap();
        let view = EventView::parse_borrowed(&body).unwrap();
        let text = String::from_utf8_lossy(&body);
        assert_eq!(view.id, owned.id, "{text}");
        assert_eq!(view.name(), owned.name(), "{text}");
        assert_eq!(view.idempotency_key(), owned.idempotency_key(), "{text}");
        assert_eq!(view.order_id(), owned.order_id(), "{text}");
        // Both serialize the same way, so equal JSON means every field is equal.
        assert_eq!(
            serde_json::to_value(&view).unwrap(),
            serde_json::to_value(&owned).unwrap(),
            "{text}"
        );
        // And what the view writes is the owned event again.
        let written = serde_json::to_vec(&view).unwrap();
        assert_eq!(Event::parse(&written).unwrap(), owned, "{text}");
        assert_eq!(
            Acknowledgement::for_event(&view),
            Acknowledgement::for_event(&owned),
            "{text}"
        );
        // Made owned, the view is the owned event, field for field.
        assert_eq!(view.into_owned(), owned, "{text}");
    }
}

/// Whether `text` points into `body`: borrowed from it, not copied.
fn lies_in(text: &str, body: &[u8]) -> bool {
    body.as_ptr_range().contains(&text.as_ptr())
}

#[test]
fn text_without_escapes_is_borrowed_from_the_body() {
    let view = EventView::parse_borrowed(ORDER_CREATED).unwrap();
    assert!(matches!(view.id, Cow::Borrowed(_)));
    assert!(lies_in(&view.id, ORDER_CREATED));
    let EventKind::OrderCreated(order) = &view.kind else {
        panic!("{:?}", view.kind)
    };
    assert_eq!(order.currency, "SEK");
    assert!(lies_in(&order.currency, ORDER_CREATED));
    let city = order.billing.city.as_ref().unwrap();
    assert_eq!(city, "East Guidofort");
    assert!(matches!(city, Cow::Borrowed(_)) && lies_in(city, ORDER_CREATED));
    assert_eq!(order.items[1].name, "NOPE");
    assert!(lies_in(&order.items[1].name, ORDER_CREATED));
    assert_eq!(order.items[0].product_id, "23");
    assert!(lies_in(&order.items[0].product_id, ORDER_CREATED));
}

#[test]
fn escaped_text_and_numbers_are_copied_with_their_value() {
    let body = order_created_with(|body| {
        body["id"] = json!("evt:\u{e5}");
        body["data"]["billing"]["city"] = json!("Malmö \"C\"");
        body["data"]["items"][0]["productId"] = json!(23);
    });
    // serde_json writes `å` as UTF-8, not escaped: escape it by hand.
    let body = String::from_utf8(body).unwrap().replace('å', "\\u00e5");
    let view = EventView::parse_borrowed(body.as_bytes()).unwrap();
    assert_eq!(view.id, "evt:å");
    assert!(matches!(view.id, Cow::Owned(_)));
    let EventKind::OrderCreated(order) = &view.kind else {
        panic!("{:?}", view.kind)
    };
    let city = order.billing.city.as_ref().unwrap();
    assert_eq!(city, "Malmö \"C\"");
    assert!(matches!(city, Cow::Owned(_)));
    assert_eq!(order.items[0].product_id, "23");
    assert!(matches!(order.items[0].product_id, Cow::Owned(_)));
    // Text without escapes in the same body is still borrowed.
    assert!(matches!(order.currency, Cow::Borrowed(_)));
}

#[test]
fn the_view_refuses_what_the_owned_event_refuses_with_the_same_error() {
    let bodies: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"[]".to_vec(),
        br#"{"id":"e","action":"order.created","data":{"id":"o"}}"#.to_vec(),
        br#"{"action":"order.signed","data":{"orderId":"42"}}"#.to_vec(),
        br#"{"data":{"orderId":{}},"id":"e","action":"order.signed"}"#.to_vec(),
        br#"{"id":"e","data":{"orderId":"42"}}"#.to_vec(),
        br#"{"id":"e","action":"order.signed","data":{"orderId":"42"}"#.to_vec(),
        br#"{"data":{"x":"\ud800"},"id":"e""#.to_vec(),
        order_created_with(|body| body["data"]["totalAmount"] = json!("lots")),
        order_created_with(|body| body["data"]["items"][1]["name"] = json!(7)),
        order_created_with(|body| body["data"]["createdAt"] = json!("yesterday")),
        [&ORDER_CREATED[..ORDER_CREATED.len() / 2], b"\xff"].concat(),
    ];
    for body in bodies {
        let owned = Event::parse(&body).unwrap_err();
        let view = EventView::parse_borrowed(&body).unwrap_err();
        assert_eq!(view, owned, "{}", String::from_utf8_lossy(&body));
    }
}
