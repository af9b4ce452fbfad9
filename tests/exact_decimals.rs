//! Money and rates are exact to the last digit: a JSON number reaches a `Decimal` from its
//! text, never through an `f64`, and a reply writes a `Decimal`'s digits, for every provider
//! that carries money.

use std::str::FromStr;

use commerce_webhooks::{ezq, kinguin, leasecloud, montly, sparkpay};
use rust_decimal::Decimal;

/// 20 significant digits: an `f64` keeps about 16, so any trip through one changes it.
const DIGITS: &str = "2.0123456789012345678";
/// 28 significant digits, `Decimal`'s own precision.
const FULL: &str = "123456.7890123456789012345678";

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

#[test]
fn the_digits_are_beyond_an_f64() {
    let through_f64 = Decimal::from_str(&DIGITS.parse::<f64>().unwrap().to_string()).unwrap();
    assert_ne!(through_f64, dec(DIGITS));
}

#[test]
fn montly_and_leasecloud_tariffs() {
    for (key, parse) in [
        (
            "type",
            (|b: &str| montly::Event::parse(b).map(|e| e.kind).map(leasecloud_kind))
                as fn(&str) -> _,
        ),
        ("action", |b: &str| {
            leasecloud::Event::parse(b).map(|e| e.kind)
        }),
    ] {
        for text in [DIGITS, FULL, "-0.0000000000000000001", "1e-7", "1.5E+3"] {
            let body = format!(
                r#"{{"id":"evt:1","{key}":"tariff.updated","data":{{"tariffs":[{{"months":24,"tariff":{text}}}]}}}}"#
            );
            let Ok(leasecloud::EventKind::TariffUpdated { tariffs }) = parse(&body) else {
                panic!("{body}");
            };
            let expected = match text {
                "1e-7" => dec("0.0000001"),
                "1.5E+3" => dec("1500"),
                text => dec(text),
            };
            assert_eq!(tariffs[0].tariff, expected, "{text}");
            assert_eq!(
                tariffs[0].tariff.to_string(),
                expected.to_string(),
                "{text}: scale kept"
            );
        }
    }
    // As a string too, and back out as a number with the same digits.
    let body = format!(
        r#"{{"id":"evt:1","type":"tariff.updated","data":{{"tariffs":[{{"months":"36","tariff":"{DIGITS}"}}]}}}}"#
    );
    let event = montly::Event::parse(&body).unwrap();
    let written = serde_json::to_string(&event).unwrap();
    assert!(
        written.contains(&format!(r#""tariff":{DIGITS}"#)),
        "{written}"
    );
}

fn leasecloud_kind(kind: montly::EventKind) -> leasecloud::EventKind {
    kind.into()
}

#[test]
fn ezq_amounts() {
    let body = include_str!("../samples/ezq/order_marketplace_confirmed.json")
        .replacen("\"totalPrice\": 0", &format!("\"totalPrice\": {DIGITS}"), 1)
        .replacen(
            "\"totalPayable\": 0",
            &format!("\"totalPayable\": \"{FULL}\""),
            1,
        );
    let event = ezq::Event::parse(&body).unwrap();
    let order = event.order().unwrap();
    assert_eq!(order.total_price, dec(DIGITS));
    assert_eq!(order.total_payable, dec(FULL));
    let written = serde_json::to_string(&event).unwrap();
    assert!(
        written.contains(&format!(r#""totalPrice":{DIGITS}"#)),
        "{written}"
    );
    assert!(
        written.contains(&format!(r#""totalPayable":{FULL}"#)),
        "{written}"
    );
    assert_eq!(ezq::Event::parse(&written).unwrap(), event);
}

#[test]
fn kinguin_prices() {
    let body = format!(
        r#"{{"kinguinId":1949,"productId":"5c9b","price":{DIGITS},"updatedAt":"2020-10-16T11:24:08+00:00"}}"#
    );
    let kinguin::Event::ProductUpdate(update) =
        kinguin::Event::parse("product.update", &body).unwrap()
    else {
        panic!("not a product update");
    };
    assert_eq!(update.price, Some(dec(DIGITS)));
    let written = serde_json::to_string(&update).unwrap();
    assert!(
        written.contains(&format!(r#""price":{DIGITS}"#)),
        "{written}"
    );
}

#[test]
fn sparkpay_requests_and_replies() {
    let body = format!(
        r#"{{"items":[{{"cart_item_id":7,"item_number":"A1","item_name":"Towel",
        "manufacturer_item_number":"","price":{DIGITS},"discounted_price":"{FULL}","quantity":3,
        "is_tax_exempt":0,"tax_code":"","line_item_subtotal":{DIGITS}}}],
        "shipping_total":{FULL},"handling_total":0}}"#
    );
    let sparkpay::Request::GetTax(tax) =
        sparkpay::Request::parse(sparkpay::EventType::GetTax, &body).unwrap()
    else {
        panic!("not GetTax");
    };
    assert_eq!(tax.items[0].price, dec(DIGITS));
    assert_eq!(tax.items[0].discounted_price, dec(FULL));
    assert_eq!(tax.items[0].line_item_subtotal, dec(DIGITS));
    assert_eq!(tax.shipping_total, dec(FULL));

    // A reply writes the digits as they are: no rounding to what an f64 can hold.
    let reply = sparkpay::TaxReply::new()
        .item(7, dec(DIGITS))
        .shipping_tax(dec(FULL));
    assert_eq!(
        serde_json::to_string(&reply).unwrap(),
        format!(
            r#"{{"items":[{{"cart_item_id":7,"tax_amount":{DIGITS}}}],"shipping_tax_amount":{FULL},"handling_tax_amount":0}}"#
        )
    );
    let price = sparkpay::PriceReply::new().price(sparkpay::ItemPrice::new("A1", dec(FULL)));
    assert_eq!(
        serde_json::to_string(&price).unwrap(),
        format!(r#"{{"prices":[{{"item_number":"A1","price":{FULL}}}]}}"#)
    );
    // And what was written reads back to the same decimals.
    let back: sparkpay::TaxReply =
        serde_json::from_str(&serde_json::to_string(&reply).unwrap()).unwrap();
    assert_eq!(back, reply);
}

#[test]
fn a_number_beyond_a_decimal_is_an_error_naming_it() {
    let body = r#"{"id":"evt:1","type":"tariff.updated","data":{"tariffs":[{"months":24,"tariff":1e40}]}}"#;
    let error = montly::Event::parse(body).unwrap_err();
    assert_eq!(error.path, "data.tariffs[0].tariff");
    assert!(error.message.contains("number 1e40"), "{error}");
    assert!(
        error.message.contains("expected a decimal number"),
        "{error}"
    );
}
