//! The page samples of `commerce_webhooks::samples`: each verifies once signed by the crate's
//! signers and parses to the event it claims, their values are the pages' values, and Spark
//! Pay's share bodies where their payloads do.

use commerce_webhooks::samples::{self, Sample};
use commerce_webhooks::{
    ezq, kinguin, leasecloud, montly, sparkpay, Provider, Request, Secret, WebhookEvent,
};
use rust_decimal::Decimal;
use time::OffsetDateTime;

const NOW: i64 = 1_700_000_000;

fn secret() -> Secret {
    Secret::new("whsec_samples").unwrap()
}

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(NOW).unwrap()
}

/// Verifies `sample` as `hook` receives it with `headers`, path and query, and checks the
/// event name it parses to.
fn verify<W: Provider>(
    hook: &W,
    sample: &Sample,
    headers: &[(&str, String)],
    path: &str,
    query: &str,
) -> W::Event {
    let headers: Vec<(String, String)> = headers
        .iter()
        .map(|(name, value)| ((*name).to_owned(), value.clone()))
        .collect();
    let request = Request::new(&headers, sample.body).path(path).query(query);
    let event = hook
        .verify_request_at(&request, now())
        .unwrap_or_else(|error| panic!("{} {}: {error}", W::NAME, sample.event));
    assert_eq!(event.name(), sample.event, "{}", W::NAME);
    event
}

fn names(samples: &[Sample]) -> Vec<&'static str> {
    samples.iter().map(|sample| sample.event).collect()
}

#[test]
fn bodies_are_the_pages_blocks_without_a_trailing_line_ending() {
    let all = [
        samples::LEASECLOUD,
        samples::MONTLY,
        samples::EZQ,
        samples::KINGUIN,
        samples::SPARKPAY,
    ];
    for sample in all.into_iter().flatten() {
        assert!(sample.body.starts_with('{'), "{}", sample.event);
        assert!(sample.body.ends_with('}'), "{}", sample.event);
        assert!(!sample.source.is_empty());
    }
}

#[test]
fn leasecloud_order_created_verifies_and_has_the_pages_values() {
    assert_eq!(names(samples::LEASECLOUD), ["order.created"]);
    let hook = leasecloud::Webhook::new(secret());
    let sample = &samples::LEASECLOUD[0];
    let headers = leasecloud::Webhook::sign_headers(&secret(), NOW, sample.body);
    let event = verify(&hook, sample, &headers, "/hooks", "");
    assert_eq!(event.id, "evt:e1f0aed8-883a-9751-74a3-48537d3d94ce");
    let leasecloud::EventKind::OrderCreated(order) = &event.kind else {
        panic!("{event:?}");
    };
    assert_eq!(order.id, "c1f0acd8-8e3e-4477-85d3-18337c3c92d6");
    assert_eq!(order.total_amount, 23323);
    assert_eq!(order.items.len(), 2);
    assert_eq!(order.billing.first_name.as_deref(), Some("Ora"));
}

#[test]
fn montly_samples_verify_and_have_the_pages_values() {
    assert_eq!(
        names(samples::MONTLY),
        [
            "order.accepted",
            "order.declined",
            "order.signed",
            "order.deliveryApproved",
            "tariff.updated"
        ]
    );
    let hook = montly::Webhook::new(secret());
    let events: Vec<montly::Event> = samples::MONTLY
        .iter()
        .map(|sample| {
            let headers = montly::Webhook::sign_headers(&secret(), NOW, sample.body);
            verify(&hook, sample, &headers, "/hooks", "")
        })
        .collect();
    assert_eq!(events[1].id, "evt:askjshdfg54fsjdgfb");
    let montly::EventKind::OrderDeclined { order_id, reason } = &events[1].kind else {
        panic!("{:?}", events[1]);
    };
    assert_eq!(*order_id, 42);
    assert_eq!(reason, "Customer is not credit worthy");
    let montly::EventKind::TariffUpdated { tariffs } = &events[4].kind else {
        panic!("{:?}", events[4]);
    };
    assert_eq!(tariffs.len(), 2);
    assert_eq!(tariffs[0].months, 24);
    assert_eq!(tariffs[0].tariff, Decimal::new(151, 2));
    assert_eq!(tariffs[1].tariff, Decimal::new(101, 2));
}

#[test]
fn the_ezq_sample_verifies_and_has_the_pages_values() {
    assert_eq!(names(samples::EZQ), ["order_marketplace.confirmed"]);
    let hook = ezq::Webhook::new(secret());
    let sample = &samples::EZQ[0];
    let headers = ezq::Webhook::sign_headers(&secret(), sample.body);
    let event = verify(&hook, sample, &headers, "/hooks", "");
    let order = event.order().unwrap();
    assert_eq!(
        order.reference_id.as_deref(),
        Some("0472e03b-2f5c-44a1-bbad-fc463a81c14f")
    );
    assert_eq!(order.currency, "MYR");
    assert_eq!(order.payment.as_ref().unwrap().slug_id, "1-byq2lz");
}

#[test]
fn kinguin_samples_verify_newest_page_first() {
    assert_eq!(
        names(samples::KINGUIN),
        [
            "product.update",
            "order.status",
            "product.update",
            "order.complete",
            "order.status"
        ]
    );
    assert!(samples::KINGUIN[1].source.contains("current"));
    assert!(samples::KINGUIN[2].source.contains("earlier"));
    let hook = kinguin::Webhook::new(secret());
    let events: Vec<kinguin::Event> = samples::KINGUIN
        .iter()
        .map(|sample| {
            let headers = kinguin::Webhook::sign_headers(&secret(), sample.event);
            verify(&hook, sample, &headers, "/hooks", "")
        })
        .collect();
    let kinguin::Event::ProductUpdate(current) = &events[0] else {
        panic!("{:?}", events[0]);
    };
    assert_eq!(current.kinguin_id, 1949);
    assert_eq!(current.qty, Some(845));
    let kinguin::Event::ProductUpdate(earlier) = &events[2] else {
        panic!("{:?}", events[2]);
    };
    assert_eq!(earlier.qty, None);
    let kinguin::Event::OrderComplete(complete) = &events[3] else {
        panic!("{:?}", events[3]);
    };
    assert_eq!(complete.order_id, "PHS84FJAG5U");
    let kinguin::Event::OrderStatus(status) = &events[4] else {
        panic!("{:?}", events[4]);
    };
    assert_eq!(status.order_external_id.as_deref(), Some("AL2FEEHOO2OHF"));
}

#[test]
fn spark_pay_has_a_sample_for_each_event_type_that_verifies_through_its_url() {
    let expected: Vec<&str> = sparkpay::EventType::ALL
        .iter()
        .map(|event| event.as_str())
        .collect();
    assert_eq!(names(samples::SPARKPAY), expected);
    let hook = sparkpay::Webhook::new(secret());
    let query = sparkpay::Webhook::sign_query(&secret());
    let headers = [("Content-Type", "application/json".to_owned())];
    for sample in samples::SPARKPAY {
        let path = format!("/hooks/sparkpay/{}", sample.event);
        let request = verify(&hook, sample, &headers, &path, &query);
        match request {
            sparkpay::Request::GetTax(tax) => {
                assert_eq!(tax.items[0].cart_item_id, 321);
                assert_eq!(tax.items[0].item_number, "60PY2DR");
                assert_eq!(tax.shipping_total, Decimal::from(25));
            }
            sparkpay::Request::GetPrice(price) => {
                assert_eq!(price.items[1].item_number, "42LP1");
            }
            sparkpay::Request::OrderPlaced(placed) => {
                assert_eq!(placed.order.id, 100000);
                assert_eq!(placed.order.grand_total, Decimal::new(25114, 1));
            }
            sparkpay::Request::CapturingPayment(payment) => {
                assert_eq!(payment.order_payment.amount, Decimal::new(6073, 2));
            }
            sparkpay::Request::CustomerEmailUpdated(change) => {
                assert_eq!(change.old_email, "test@not-my-real-address.zzz");
            }
            _ => {}
        }
    }
}

#[test]
fn spark_pay_event_types_that_share_a_payload_share_its_sample() {
    let mut bodies: Vec<&str> = samples::SPARKPAY.iter().map(|sample| sample.body).collect();
    bodies.sort_unstable();
    bodies.dedup();
    // One body per payload type: 15 payloads for the 30 event types.
    assert_eq!(bodies.len(), 15);
    let body = |event: &str| {
        samples::SPARKPAY
            .iter()
            .find(|sample| sample.event == event)
            .unwrap()
            .body
    };
    assert_eq!(body("OrderPlaced"), body("NewOrder"));
    assert_eq!(body("ValidateCustomer"), body("CustomerCreated"));
    assert_ne!(body("ValidateCheckout"), body("CustomerCreated"));
}
