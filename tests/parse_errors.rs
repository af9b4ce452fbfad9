//! A parse error names the provider, the event and its id, the full JSON path of the value
//! that failed, and its line and column in the body, whatever the order of the keys.

use commerce_webhooks::{ezq, leasecloud, montly, ParseError};

/// The 1-based line and column of the first occurrence of `needle` in `body`, plus the
/// length of `needle`: serde_json reports the position just after the value it read.
fn position_after(body: &str, needle: &str) -> (u32, u32) {
    let start = body
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in {body}"));
    let end = start + needle.len();
    let line = body[..end].matches('\n').count() + 1;
    let column = end - body[..end].rfind('\n').map_or(0, |newline| newline + 1);
    (line as u32, column as u32)
}

fn check(error: &ParseError, body: &str, path: &str, value: &str) {
    assert_eq!(error.path, path, "{error}");
    assert_eq!(
        (error.line, error.column),
        position_after(body, value),
        "{error}"
    );
    let text = error.to_string();
    assert!(text.contains(&format!("at `{path}`")), "{text}");
}

#[test]
fn data_before_the_name_is_reported_at_its_path_and_place_in_the_body() {
    let usual = "{\"id\":\"evt:9\",\"action\":\"order.signed\",\n\"data\":{\"orderId\":[1]}}";
    let data_first =
        "{\"data\":{\n  \"orderId\": [1]},\n\"action\":\"order.signed\",\"id\":\"evt:9\"}";
    for body in [usual, data_first] {
        let error = leasecloud::Event::parse(body).unwrap_err();
        check(&error, body, "data.orderId", "[");
        assert_eq!(error.provider, "LeaseCloud");
        assert_eq!(error.event.as_deref(), Some("order.signed"));
        assert_eq!(error.id.as_deref(), Some("evt:9"));
    }
}

#[test]
fn a_failure_deep_inside_an_order_has_its_full_path_whatever_the_key_order() {
    let body = include_str!("../samples/leasecloud/order_created.json");
    let value: serde_json::Value = serde_json::from_str(body).unwrap();
    let mut broken = value.clone();
    broken["data"]["items"][1]["quantity"] = serde_json::json!("forty-two");
    // The envelope's keys reversed: `data` first, `id` last.
    let reversed = format!(
        "{{\n\"data\": {},\n\"action\": \"order.created\",\n\"id\": {}\n}}",
        serde_json::to_string_pretty(&broken["data"]).unwrap(),
        broken["id"]
    );
    let error = leasecloud::Event::parse(&reversed).unwrap_err();
    check(&error, &reversed, "data.items[1].quantity", "\"forty-two\"");
    assert_eq!(
        error.id.as_deref(),
        Some("evt:e1f0aed8-883a-9751-74a3-48537d3d94ce")
    );
    assert_eq!(error.event.as_deref(), Some("order.created"));
}

#[test]
fn the_id_and_name_are_read_even_when_the_body_breaks_off() {
    let body = r#"{"type":"order.declined","id":"evt:cut","data":{"orderId":42,"reason":"#;
    let error = montly::Event::parse(body).unwrap_err();
    assert_eq!(error.id.as_deref(), Some("evt:cut"));
    assert_eq!(error.event.as_deref(), Some("order.declined"));
    assert_eq!(error.provider, "Montly");
    assert!(error.line > 0, "{error}");

    // An id sent as a number is read as its digits; EZQ bodies carry none.
    let error = montly::Event::parse(r#"{"data":{"orderId":{}},"id":17,"type":"order.signed"}"#)
        .unwrap_err();
    assert_eq!(error.id.as_deref(), Some("17"));
    let error = ezq::Event::parse(r#"{"data":{"id":"x"},"event":"order.completed"}"#).unwrap_err();
    assert_eq!(error.id, None);
    assert_eq!(error.event.as_deref(), Some("order.completed"));
    assert_eq!(error.path, "data.id");
}

#[test]
fn a_missing_id_is_reported_with_the_event_name() {
    let error =
        leasecloud::Event::parse(r#"{"data":{"orderId":1},"action":"order.signed"}"#).unwrap_err();
    assert_eq!(error.path, "id");
    assert_eq!(error.id, None);
    assert_eq!(error.event.as_deref(), Some("order.signed"));
}

#[test]
fn a_body_that_is_not_utf8_only_where_it_is_ignored_still_parses() {
    // serde_json skips an ignored field's string without checking it: such a body is not
    // refused, whichever reader takes it.
    let body = b"{\"id\":\"evt:1\",\"note\":\"\xff\xfe\",\"action\":\"order.signed\",\"data\":{\"orderId\":1}}";
    let event = leasecloud::Event::parse(body).unwrap();
    assert_eq!(event.id, "evt:1");
    let body = b"{\"orderId\":\"X\",\"junk\":\"\xc3\",\"status\":\"canceled\",\"updatedAt\":\"2020-10-16T11:24:08+00:00\"}";
    let event = commerce_webhooks::kinguin::Event::parse("order.status", body).unwrap();
    assert_eq!(event.name(), "order.status");
    // Where the value is kept, it must be text: the error names it.
    let body = b"{\"id\":\"evt:\xff\",\"action\":\"order.signed\",\"data\":{\"orderId\":1}}";
    let error = leasecloud::Event::parse(body).unwrap_err();
    assert_eq!(error.path, "id");
    assert!(error.message.contains("unicode"), "{error}");
}
