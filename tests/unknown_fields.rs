//! `Provider::unknown_fields`: every document the crate types reports nothing, members added at
//! any depth are reported exactly, a body that does not parse gives the parse's own error, and
//! a hostile body costs work and memory in proportion to its length.

mod sparkpay_samples;

use std::time::{Duration, Instant};

use commerce_webhooks::samples::{self, Sample};
use commerce_webhooks::{
    ezq, kinguin, leasecloud, montly, sparkpay, Error, ParseError, Provider, Request,
    MAX_UNKNOWN_FIELDS,
};
use serde_json::Value;

/// Fields the crate leaves out of its events on purpose, as `Provider::unknown_fields`
/// documents them: none.
const LEFT_OUT_ON_PURPOSE: &[&str] = &[];

/// The unknown fields of `body` received by `W` for `event`: Kinguin reads the name from
/// `X-Event-Name`, Spark Pay from the path's last segment, the others from the body.
fn unknown<W: Provider>(event: &str, body: &[u8]) -> Result<Vec<String>, Error> {
    let headers = [("X-Event-Name", event)];
    let path = format!("/hooks/sparkpay/{event}");
    W::unknown_fields(&Request::new(&headers, body).path(&path))
}

fn paths<W: Provider>(event: &str, body: &[u8]) -> Vec<String> {
    unknown::<W>(event, body).unwrap_or_else(|error| panic!("{} {event}: {error}", W::NAME))
}

/// The parse error `W` gives for `body` received for `event`, which `unknown_fields` must
/// give too.
fn parse_error<W: Provider>(event: &str, body: &[u8]) -> ParseError {
    let headers = [("X-Event-Name", event)];
    let path = format!("/hooks/sparkpay/{event}");
    let request = Request::new(&headers, body).path(&path);
    let parsed = W::parse_request_view(&request).map(drop);
    parsed.expect_err("the body parses")
}

fn assert_same_parse_error<W: Provider>(event: &str, body: &[u8]) {
    match unknown::<W>(event, body) {
        Err(Error::Parse(error)) => assert_eq!(error, parse_error::<W>(event, body)),
        other => panic!("{} {event}: {other:?}", W::NAME),
    }
}

fn sample<'a>(list: &'a [Sample], event: &str) -> &'a str {
    list.iter()
        .find(|sample| sample.event == event)
        .unwrap_or_else(|| panic!("no sample of {event}"))
        .body
}

/// `text` with `insertion` written after every occurrence of `anchor` (there must be one).
fn insert_after(text: &str, edits: &[(&str, &str)]) -> String {
    edits
        .iter()
        .fold(text.to_owned(), |text, (anchor, insertion)| {
            assert!(text.contains(anchor), "{anchor} is not in the sample");
            text.replace(anchor, &format!("{anchor}{insertion}"))
        })
}

fn test_fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

// ---------------------------------------------------------------------------------------------
// What the documents show is all read.

fn check_samples<W: Provider>(list: &[Sample]) {
    assert!(!list.is_empty());
    for sample in list {
        let found = paths::<W>(sample.event, sample.body.as_bytes());
        assert_eq!(found, LEFT_OUT_ON_PURPOSE, "{} {}", W::NAME, sample.event);
    }
}

#[test]
fn every_page_sample_reports_only_the_fields_left_out_on_purpose() {
    check_samples::<leasecloud::Webhook>(samples::LEASECLOUD);
    check_samples::<montly::Webhook>(samples::MONTLY);
    check_samples::<ezq::Webhook>(samples::EZQ);
    check_samples::<kinguin::Webhook>(samples::KINGUIN);
    check_samples::<sparkpay::Webhook>(samples::SPARKPAY);
}

/// LeaseFlow's order page (`GET /v2/orders`) shows the order that `order.created` carries.
#[test]
fn leaseflow_order_sample_reports_nothing_as_an_events_data() {
    let mut event: Value =
        serde_json::from_str(sample(samples::LEASECLOUD, "order.created")).unwrap();
    event["data"] = serde_json::from_str(&test_fixture("leasecloud/order.json")).unwrap();
    let body = serde_json::to_vec(&event).unwrap();
    assert_eq!(paths::<leasecloud::Webhook>("", &body), LEFT_OUT_ON_PURPOSE);
}

/// Montly's orders page shows an order request (its addresses and lines are an order's, the
/// rest is the request's own) and the status endpoint's answer: those parts report nothing
/// where an order carries them.
#[test]
fn montly_order_page_parts_report_nothing_where_an_order_carries_them() {
    let request = test_fixture("montly/order_request.json")
        .replace("\"country\": null,\n  }", "\"country\": null\n  }");
    let request: Value = serde_json::from_str(&request).unwrap();
    let status: Value = serde_json::from_str(&test_fixture("montly/order_status.json")).unwrap();
    let mut event: Value =
        serde_json::from_str(sample(samples::LEASECLOUD, "order.created")).unwrap();
    for part in ["billing", "shipping", "items"] {
        event["data"][part] = request[part].clone();
    }
    event["data"]["status"] = status["status"].clone();
    let body = serde_json::to_vec(&event).unwrap();
    leasecloud::Event::parse(&body).unwrap();
    assert_eq!(paths::<leasecloud::Webhook>("", &body), LEFT_OUT_ON_PURPOSE);
}

/// The envelope templates at the top of LeaseFlow's and Montly's webhook pages lack a comma:
/// no report, the parse's error.
#[test]
fn page_envelope_templates_give_the_parse_error() {
    assert_same_parse_error::<leasecloud::Webhook>(
        "",
        test_fixture("leasecloud/envelope.json").as_bytes(),
    );
    assert_same_parse_error::<montly::Webhook>("", test_fixture("montly/envelope.json").as_bytes());
}

/// Where a Spark Pay request carries each resource of the reference pages: the event type and
/// the JSON pointers at which the samples are placed in that type's sample body, the resource
/// checked last (a nested list needs its parent's sample first).
const SPARKPAY_RESOURCES: &[(&str, &[(&str, &str)])] = &[
    (
        "ValidateCheckout",
        &[("addresses.fixed", "/billing_address")],
    ),
    ("ValidateCart", &[("cart_items", "/cart/items/0")]),
    (
        "ValidateCart",
        &[("cart_items.child_items", "/cart/items/0/child_items")],
    ),
    ("ValidateCart", &[("carts.fixed", "/cart")]),
    ("ValidateCart", &[("carts.items", "/cart/items")]),
    ("CustomerCreated", &[("customers", "/customer")]),
    (
        "CustomerCreated",
        &[(
            "customers.additional_emails",
            "/customer/customer_additional_emails",
        )],
    ),
    (
        "CustomerCreated",
        &[("customers.addresses", "/customer/addresses")],
    ),
    (
        "CustomerCreated",
        &[("customers.custom_fields", "/customer/custom_fields")],
    ),
    ("NewOrder", &[("order_items", "/order/items/0")]),
    (
        "AuthorizingPayment",
        &[("order_payments", "/order_payment")],
    ),
    (
        "AuthorizingPayment",
        &[("order_payments.fields", "/order_payment/fields")],
    ),
    ("NewOrder", &[("order_shipments", "/order/shipments/0")]),
    (
        "NewOrder",
        &[
            ("order_shipments", "/order/shipments/0"),
            ("order_shipments.items", "/order/shipments/0/items"),
        ],
    ),
    ("OrderStatusChanged", &[("order_statuses", "/new_status")]),
    ("NewOrder", &[("orders", "/order")]),
    ("NewOrder", &[("orders.items", "/order/items")]),
    ("NewOrder", &[("orders.payments", "/order/payments")]),
    ("NewOrder", &[("orders.shipments", "/order/shipments")]),
    (
        "NewOrder",
        &[("orders.custom_fields", "/order/custom_fields")],
    ),
    (
        "GetProductStatus",
        &[("product_statuses", "/items/0/product_status")],
    ),
    (
        "ProductCreated",
        &[("product_variants", "/product/variants/0")],
    ),
    ("ProductCreated", &[("products.fixed", "/product")]),
    (
        "ProductCreated",
        &[("products.variants.fixed", "/product/variants")],
    ),
    (
        "ProductCreated",
        &[("products.variant_inventory", "/product/variant_inventory")],
    ),
    (
        "ProductCreated",
        &[("products.child_products", "/product/child_products")],
    ),
    (
        "ProductCreated",
        &[("products.custom_fields", "/product/custom_fields")],
    ),
    ("NewQuote", &[("quotes", "/quote")]),
    ("NewQuote", &[("quotes.items", "/quote/items")]),
    (
        "NewQuote",
        &[("quotes.custom_fields", "/quote/custom_fields")],
    ),
    (
        "GetProductStatus",
        &[("variant_inventory", "/items/0/variant_inventory")],
    ),
    (
        "GetProductStatus",
        &[
            ("variant_inventory", "/items/0/variant_inventory"),
            (
                "variant_inventory.variants",
                "/items/0/variant_inventory/variants",
            ),
        ],
    ),
    ("GetTax", &[("warehouses", "/items/0/origin_address")]),
];

/// Resources of the reference pages that no webhook request carries: there is no request whose
/// unknown fields could include theirs.
const SPARKPAY_RESOURCES_IN_NO_REQUEST: &[&str] = &[
    "customer_types",
    "order_addresses.fixed",
    "order_addresses.store_location_address.fixed",
    "regions",
    "stores",
];

/// Sets the member at `pointer` to `value`, making the objects and lists on the way.
fn place(mut target: &mut Value, pointer: &str, value: Value) {
    for segment in pointer.trim_start_matches('/').split('/') {
        target = match segment.parse::<usize>() {
            Ok(index) => {
                if !target.is_array() {
                    *target = Value::Array(Vec::new());
                }
                let list = target.as_array_mut().unwrap();
                if list.len() <= index {
                    list.resize(index + 1, Value::Null);
                }
                &mut list[index]
            }
            Err(_) => {
                if !target.is_object() {
                    *target = Value::Object(serde_json::Map::new());
                }
                let object = target.as_object_mut().unwrap();
                object.entry(segment).or_insert(Value::Null)
            }
        };
    }
    *target = value;
}

#[test]
fn every_sparkpay_resource_sample_reports_nothing_where_a_request_carries_it() {
    for (event, placements) in SPARKPAY_RESOURCES {
        let mut body: Value = serde_json::from_str(sample(samples::SPARKPAY, event)).unwrap();
        for (resource, pointer) in *placements {
            let text = sparkpay_samples::fixture(&format!("models/{resource}.json"));
            place(&mut body, pointer, serde_json::from_str(&text).unwrap());
        }
        let body = serde_json::to_vec(&body).unwrap();
        let (resource, _) = placements.last().unwrap();
        assert_eq!(
            paths::<sparkpay::Webhook>(event, &body),
            LEFT_OUT_ON_PURPOSE,
            "{resource} in {event}"
        );
    }
    // Every resource sample is either checked above or carried by no request.
    let mut checked: Vec<String> = SPARKPAY_RESOURCES
        .iter()
        .map(|(_, placements)| placements.last().unwrap().0)
        .chain(SPARKPAY_RESOURCES_IN_NO_REQUEST.iter().copied())
        .map(|name| format!("{name}.json"))
        .collect();
    let mut all: Vec<String> = sparkpay_samples::ALL
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    checked.sort();
    all.sort();
    assert_eq!(checked, all);
}

// ---------------------------------------------------------------------------------------------
// Members added at every depth are reported, exactly.

#[test]
fn leasecloud_reports_exactly_the_added_paths() {
    let original = sample(samples::LEASECLOUD, "order.created");
    let body = insert_after(
        original,
        &[
            (r#""action": "order.created","#, r#" "livemode": false,"#),
            (r#""orgNumber": "5590894308","#, r#" "giftWrap": true,"#),
            (
                r#""currency": "SEK","#,
                r#" "loyalty": {"tier": "gold", "points": [1, {"bonus": 2}]},"#,
            ),
            (r#""firstName": "Ora","#, r#" "floor": "2","#),
            (
                r#""articleNr": "NCC-5347XF","#,
                r#" "warranty": {"years": 2},"#,
            ),
        ],
    );
    assert_eq!(
        paths::<leasecloud::Webhook>("", body.as_bytes()),
        [
            "livemode",
            "data.giftWrap",
            "data.loyalty",
            "data.billing.floor",
            "data.items[].warranty",
        ]
    );
    // Unknown members change nothing in the event.
    assert_eq!(
        leasecloud::Event::parse(&body).unwrap(),
        leasecloud::Event::parse(original).unwrap()
    );
}

#[test]
fn montly_reports_exactly_the_added_paths() {
    let original = sample(samples::MONTLY, "tariff.updated");
    let body = insert_after(
        original,
        &[
            (r#""type": "tariff.updated","#, r#" "created": 1700000000,"#),
            (
                r#""data": {"#,
                r#" "effectiveFrom": "2024-01-01", "source": {"by": "ops"},"#,
            ),
            (
                r#""months": 36,"#,
                r#" "currency": "SEK", "bands": [{"min": 0}],"#,
            ),
        ],
    );
    assert_eq!(
        paths::<montly::Webhook>("", body.as_bytes()),
        [
            "created",
            "data.effectiveFrom",
            "data.source",
            "data.tariffs[].currency",
            "data.tariffs[].bands",
        ]
    );
    assert_eq!(
        montly::Event::parse(&body).unwrap(),
        montly::Event::parse(original).unwrap()
    );
}

#[test]
fn ezq_reports_exactly_the_added_paths() {
    let original = sample(samples::EZQ, "order_marketplace.confirmed");
    let body = insert_after(
        original,
        &[
            (
                r#""event": "order_marketplace.confirmed","#,
                r#" "sentAt": "2023-10-27","#,
            ),
            (r#""currency": "MYR","#, r#" "channel": "web","#),
            (r#""phoneNumber": "string""#, r#", "locale": "ms""#),
            (r#""status": "pending_payment""#, r#", "grade": "A""#),
            (
                r#""paymentMethod": "BANK_TRANSFER","#,
                r#" "fee": {"amount": 1},"#,
            ),
            (
                r#""referenceId": "0472e03b-2f5c-44a1-bbad-fc463a81c14f","#,
                r#" "affiliate": {"code": "X", "tiers": [1]},"#,
            ),
        ],
    );
    assert_eq!(
        paths::<ezq::Webhook>("", body.as_bytes()),
        [
            "sentAt",
            "data.channel",
            "data.grade",
            "data.affiliate",
            "data.buyer.locale",
            "data.items[].item.grade",
            "data.items[].shippingAddress.locale",
            "data.payment.channel",
            "data.payment.transactions[].channel",
            "data.payment.transactions[].fee",
        ]
    );
    assert_eq!(
        ezq::Event::parse(&body).unwrap(),
        ezq::Event::parse(original).unwrap()
    );
}

/// Kinguin's bodies are flat: members at the top, some of them objects or lists of objects.
#[test]
fn kinguin_reports_exactly_the_added_paths() {
    let original = sample(samples::KINGUIN, "product.update");
    let body = insert_after(
        original,
        &[
            (r#""kinguinId": 1949,"#, r#" "region": "EU","#),
            (
                r#""qty": 845,"#,
                r#" "offers": [{"id": "a", "price": 1}, {"id": "b"}],"#,
            ),
            (
                r#""textQty": 845,"#,
                r#" "seller": {"name": "x", "ratings": {"avg": 5}},"#,
            ),
        ],
    );
    assert_eq!(
        paths::<kinguin::Webhook>("product.update", body.as_bytes()),
        ["region", "offers", "seller"]
    );
    assert_eq!(
        kinguin::Event::parse("product.update", &body).unwrap(),
        kinguin::Event::parse("product.update", original).unwrap()
    );
}

#[test]
fn sparkpay_reports_exactly_the_added_paths() {
    let original = sample(samples::SPARKPAY, "GetTax");
    let body = insert_after(
        original,
        &[
            (
                "\"handling_total\": 0",
                r#", "store_id": 1, "coupon": {"code": "X"}"#,
            ),
            (r#""tax_code": "","#, r#" "weight": 2,"#),
            (r#""name": "Test Warehouse","#, r#" "dock": {"door": 4}, "#),
            (r#""city": "Los Angeles","#, r#" "residential": true,"#),
        ],
    );
    assert_eq!(
        paths::<sparkpay::Webhook>("GetTax", body.as_bytes()),
        [
            "items[].weight",
            "items[].origin_address.dock",
            "items[].destination_address.residential",
            "store_id",
            "coupon",
        ]
    );
    assert_eq!(
        sparkpay::Request::parse(sparkpay::EventType::GetTax, &body).unwrap(),
        sparkpay::Request::parse(sparkpay::EventType::GetTax, original).unwrap()
    );
}

/// A `data` before the event name is read knowing the name, and still heard.
#[test]
fn data_before_the_event_name_is_heard_too() {
    let body = br#"{"data": {"orderId": 42, "reason": "no", "score": 3}, "extra": 1,
        "id": "evt:1", "type": "order.declined"}"#;
    assert_eq!(paths::<montly::Webhook>("", body), ["data.score", "extra"]);
    let body = br#"{"data": {"orderId": 42, "score": 3}, "id": "evt:1", "action": "order.signed"}"#;
    assert_eq!(paths::<leasecloud::Webhook>("", body), ["data.score"]);
}

// ---------------------------------------------------------------------------------------------
// Unknown events, and bodies that do not parse.

/// An unknown event keeps its `data` whole: nothing in it is dropped, so nothing is reported;
/// what stands beside `data` in an envelope still is.
#[test]
fn an_unknown_event_reports_only_what_stands_beside_its_data() {
    let data = r#"{"orderId": 42, "nested": {"deep": [1, {"x": 2}]}}"#;
    let body = format!(r#"{{"id": "evt:1", "type": "order.refunded", "data": {data}}}"#);
    assert!(paths::<montly::Webhook>("", body.as_bytes()).is_empty());
    let body = format!(r#"{{"id": "evt:1", "action": "order.refunded", "data": {data}, "v": 2}}"#);
    assert_eq!(paths::<leasecloud::Webhook>("", body.as_bytes()), ["v"]);
    let body = format!(r#"{{"event": "order.refunded", "data": {data}}}"#);
    assert!(paths::<ezq::Webhook>("", body.as_bytes()).is_empty());
    assert!(paths::<kinguin::Webhook>("order.refunded", data.as_bytes()).is_empty());
}

/// The TEST URL button's request has no event name, and its body is not read.
#[test]
fn kinguins_test_request_reports_nothing_whatever_its_body() {
    let request = Request::new(&[("X-Event-Secret", "s")], b"not json");
    assert!(kinguin::Webhook::unknown_fields(&request)
        .unwrap()
        .is_empty());
}

#[test]
fn a_body_that_does_not_parse_gives_the_parses_own_error() {
    let montly_cases: [&[u8]; 6] = [
        b"",
        b"{\"id\": \"evt:1\", \"type\": \"order.signed\", \"data\": {\"orderId\": 42}",
        br#"{"id": "evt:1", "type": "order.signed", "data": {"orderId": true}}"#,
        br#"{"type": "order.signed", "data": {"orderId": 42}}"#,
        br#"{"id": " ", "type": "order.signed", "data": {"orderId": 42}}"#,
        br#"{"data": {"tariffs": [{"months": 1, "tariff": "x"}]}, "id": "e", "type": "tariff.updated"}"#,
    ];
    for body in montly_cases {
        assert_same_parse_error::<montly::Webhook>("", body);
    }
    assert_same_parse_error::<leasecloud::Webhook>(
        "",
        br#"{"id": "evt:1", "action": "order.created", "data": {"id": "o", "items": 3}}"#,
    );
    assert_same_parse_error::<ezq::Webhook>(
        "",
        br#"{"event": "order.completed", "data": {"id": "x"}}"#,
    );
    assert_same_parse_error::<kinguin::Webhook>(
        "order.status",
        br#"{"orderId": "A", "status": "completed"}"#,
    );
    assert_same_parse_error::<kinguin::Webhook>("order.new", b"[1, 2");
    assert_same_parse_error::<sparkpay::Webhook>("GetTax", br#"{"items": [{"price": "ten"}]}"#);
    assert_same_parse_error::<sparkpay::Webhook>("GetWeather", b"{}");

    // Neither the event name Kinguin sends twice nor a missing Spark Pay path is read.
    let twice = Request::new(
        &[("X-Event-Name", "order.status"), ("X-Event-Name", "x")],
        b"{}",
    );
    let Err(Error::Parse(error)) = kinguin::Webhook::unknown_fields(&twice) else {
        panic!("an event name sent twice is read");
    };
    assert_eq!(
        Err(error),
        kinguin::Webhook::parse_request_view(&twice).map(drop)
    );
    let pathless = Request::new(&[("Content-Type", "application/json")], b"{}");
    let Err(Error::Parse(error)) = sparkpay::Webhook::unknown_fields(&pathless) else {
        panic!("a request without a path is read");
    };
    assert_eq!(
        Err(error),
        sparkpay::Webhook::parse_request_view(&pathless).map(drop)
    );
}

// ---------------------------------------------------------------------------------------------
// Hostile bodies.

/// A Kinguin `order.status` with `count` unknown members beside its own.
fn flooded(count: usize) -> String {
    let members: String = (0..count).map(|n| format!(r#","extra{n}":{n}"#)).collect();
    format!(r#"{{"orderId":"A","status":"completed","updatedAt":"2020-10-16T11:24:08Z"{members}}}"#)
}

/// The least time of a few runs of `run`: what the work costs, without the machine's noise.
fn least_time(mut run: impl FnMut()) -> Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn ten_thousand_unknown_fields_report_the_cap_in_linear_time() {
    let small = flooded(1_000);
    let large = flooded(10_000);
    let report = paths::<kinguin::Webhook>("order.status", large.as_bytes());
    assert_eq!(report.len(), MAX_UNKNOWN_FIELDS);
    assert_eq!(report.first().map(String::as_str), Some("extra0"));
    assert_eq!(report.last().map(String::as_str), Some("extra999"));

    let small_time =
        least_time(|| drop(paths::<kinguin::Webhook>("order.status", small.as_bytes())));
    let large_time =
        least_time(|| drop(paths::<kinguin::Webhook>("order.status", large.as_bytes())));
    // Ten times the members costs at most about ten times the time (less: past the cap, paths
    // are not even written); a quadratic algorithm would take a hundred times.
    assert!(
        large_time < small_time * 40,
        "1,000 members: {small_time:?}; 10,000: {large_time:?}"
    );
}

/// The same unknown member in every element of a long list is one path, and costs what the
/// elements cost to read.
#[test]
fn a_member_repeated_in_ten_thousand_elements_is_one_path() {
    let item = r#"{"cart_item_id": 1, "item_number": "A", "item_name": "A",
        "manufacturer_item_number": "", "price": 1, "discounted_price": 1, "quantity": 1,
        "is_tax_exempt": false, "tax_code": "", "line_item_subtotal": 1, "warranty": 2}"#;
    let body = |count: usize| {
        let items = vec![item; count].join(",");
        format!(r#"{{"items": [{items}], "shipping_total": 0, "handling_total": 0}}"#)
    };
    let (small, large) = (body(1_000), body(10_000));
    assert_eq!(
        paths::<sparkpay::Webhook>("GetTax", large.as_bytes()),
        ["items[].warranty"]
    );
    let small_time = least_time(|| drop(paths::<sparkpay::Webhook>("GetTax", small.as_bytes())));
    let large_time = least_time(|| drop(paths::<sparkpay::Webhook>("GetTax", large.as_bytes())));
    assert!(
        large_time < small_time * 40,
        "1,000 elements: {small_time:?}; 10,000: {large_time:?}"
    );
}

/// Values the models read (here an unknown event's body, kept whole) nest as deep as
/// serde_json reads, 127 levels below the top, and no deeper: the parse's error. Values the
/// models skip are skipped by serde_json without recursion, at any depth, by the parse and the
/// report alike.
#[test]
fn deep_nesting_is_read_or_refused_as_the_parse_does() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let kept = |depth: usize| format!(r#"{{"a": {}}}"#, nested(depth - 1));
    assert!(paths::<kinguin::Webhook>("order.new", kept(127).as_bytes()).is_empty());
    assert_same_parse_error::<kinguin::Webhook>("order.new", kept(128).as_bytes());
    assert_same_parse_error::<kinguin::Webhook>("order.new", nested(100_000).as_bytes());

    let skipped = format!(
        r#"{{"orderId":"A","status":"completed","updatedAt":"2020-10-16T11:24:08Z","x":{}}}"#,
        nested(100_000)
    );
    kinguin::Event::parse("order.status", &skipped).unwrap();
    assert_eq!(
        paths::<kinguin::Webhook>("order.status", skipped.as_bytes()),
        ["x"]
    );
}

/// Spark Pay's cart items hold cart items: nested as deep as serde_json reads them, each level's
/// unknown member is a path of its own, on a test thread's stack (2 MiB; in a debug build the
/// report needs about 1 MiB there, less than the parse's own error pass at the same depth).
#[test]
fn recursive_models_are_reported_as_deep_as_the_parse_reads_them() {
    let cart_nested = |depth: usize| {
        let mut body: Value =
            serde_json::from_str(sample(samples::SPARKPAY, "ValidateCart")).unwrap();
        let item = body["cart"]["items"][0].clone();
        let mut items = Value::Array(Vec::new());
        for _ in 0..depth {
            let mut parent = item.clone();
            parent["child_items"] = items;
            parent["zz"] = Value::from(1);
            items = Value::Array(vec![parent]);
        }
        body["cart"]["items"] = items;
        serde_json::to_vec(&body).unwrap()
    };
    let mut found = paths::<sparkpay::Webhook>("ValidateCart", &cart_nested(62));
    found.sort_by_key(String::len);
    let expected: Vec<String> = (0..62)
        .map(|level| format!("cart.items[].{}zz", "child_items[].".repeat(level)))
        .collect();
    assert_eq!(found, expected);
    assert_same_parse_error::<sparkpay::Webhook>("ValidateCart", &cart_nested(63));
}
