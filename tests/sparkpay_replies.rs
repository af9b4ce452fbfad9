//! Spark Pay replies: each serializes to the field names the webhooks page lists, with decimals
//! written as JSON numbers free of float noise.

mod sparkpay_samples;

use std::collections::BTreeSet;
use std::str::FromStr;

use commerce_webhooks::sparkpay::*;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{json, Value};

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(names: &[&'a str]) -> BTreeSet<&'a str> {
    names.iter().copied().collect()
}

/// The JSON text of a `TaxReply` whose shipping tax is `amount`: the number as written.
fn written(amount: &str) -> String {
    let text = serde_json::to_string(&TaxReply::new().shipping_tax(dec(amount))).unwrap();
    let value = text
        .strip_prefix(r#"{"items":[],"shipping_tax_amount":"#)
        .and_then(|rest| rest.strip_suffix(r#","handling_tax_amount":0}"#))
        .unwrap_or_else(|| panic!("unexpected shape: {text}"));
    value.to_owned()
}

#[test]
fn decimals_are_written_as_numbers_without_float_noise() {
    assert_eq!(written("12.34"), "12.34");
    assert_eq!(written("2295.00"), "2295");
    assert_eq!(written("0.0000"), "0");
    assert_eq!(written("-0.5"), "-0.5");
    assert_eq!(written("1.005"), "1.005");
    assert_eq!(written("0.07"), "0.07");
    assert_eq!(written("4630.99"), "4630.99");
    assert_eq!(written("191.4"), "191.4");
    assert_eq!(written("5.5275"), "5.5275");
    // 15 significant digits survive exactly.
    assert_eq!(written("1234567890.12345"), "1234567890.12345");
    assert_eq!(written("0.123456789012345"), "0.123456789012345");
    // Whole numbers beyond f64's exact range are exact too.
    assert_eq!(written("9007199254740993"), "9007199254740993");
    assert_eq!(written("-9223372036854775808"), "-9223372036854775808");
    // More digits than an f64 carries: every one is written, none rounded away.
    assert_eq!(written("123456789012.3456"), "123456789012.3456");
    assert_eq!(written("0.1234567890123455"), "0.1234567890123455");
    assert_eq!(
        written("2.0123456789012345678"),
        "2.0123456789012345678",
        "20 significant digits"
    );
    assert_eq!(
        written("-79228162514264.337593543950335"),
        "-79228162514264.337593543950335",
        "Decimal's full 29 digits"
    );
    assert_eq!(written("0.0000001"), "0.0000001");

    // Arithmetic results: exact in Decimal, so exact on the wire.
    let sum = dec("0.1") + dec("0.2");
    let tax = TaxReply::new()
        .item(1, sum)
        .item(2, dec("19.99") * dec("0.0825"));
    assert_eq!(
        serde_json::to_string(&tax.items).unwrap(),
        r#"[{"cart_item_id":1,"tax_amount":0.3},{"cart_item_id":2,"tax_amount":1.649175}]"#
    );
    // A division's 28 decimal places go out as they are: rounding is the partner's choice.
    let third = TaxReply::new().shipping_tax(dec("10") / dec("3"));
    assert_eq!(
        serde_json::to_string(&third).unwrap(),
        r#"{"items":[],"shipping_tax_amount":3.3333333333333333333333333333,"handling_tax_amount":0}"#
    );
}

#[test]
fn written_decimals_read_back_as_the_same_decimal() {
    for text in [
        "12.34",
        "0.3",
        "2295",
        "0.0001",
        "-42.125",
        "99999999.99",
        "2.0123456789012345678",
        "123456789012345.67890123",
    ] {
        let reply = TaxReply::new().item(7, dec(text));
        let json = serde_json::to_string(&reply).unwrap();
        let back: TaxReply = serde_json::from_str(&json).unwrap();
        assert_eq!(back, reply, "{text}");
    }
}

#[test]
fn payment_reply_uses_the_documented_fields() {
    let reply = PaymentReply::declined("Card expired")
        .authorization_code("A1")
        .transaction_id("T1")
        .avs_code("Y")
        .notes("retry with another card")
        .outstanding_balance(dec("60.73"));
    let value = serde_json::to_value(&reply).unwrap();
    assert_eq!(
        value,
        json!({
            "approved": false,
            "declined": true,
            "authorization_code": "A1",
            "transaction_id": "T1",
            "avs_code": "Y",
            "reject_reason": "Card expired",
            "notes": "retry with another card",
            "outstanding_balance": 60.73,
        })
    );
    // The page's list for both AuthorizingPayment and CapturingPayment.
    assert_eq!(
        keys(&value),
        set(&[
            "approved",
            "declined",
            "authorization_code",
            "transaction_id",
            "avs_code",
            "reject_reason",
            "notes",
            "outstanding_balance",
        ])
    );
    let approved: AuthorizationReply = PaymentReply::approved();
    assert_eq!(
        serde_json::to_value(&approved).unwrap(),
        json!({"approved": true, "declined": false})
    );
    let pending: CaptureReply = PaymentReply::pending();
    assert_eq!(
        serde_json::to_value(&pending).unwrap(),
        json!({"approved": false, "declined": false})
    );
    let back: PaymentReply = serde_json::from_value(value).unwrap();
    assert_eq!(back, reply);
}

#[test]
fn price_reply_uses_the_documented_fields() {
    let reply = PriceReply::new()
        .price(
            ItemPrice::new("60PY2DR", dec("1999.00"))
                .cost(dec("1200"))
                .retail(dec("2295"))
                .pre_sale_cost(dec("1250.5"))
                .pre_sale_price(dec("2199.99")),
        )
        .price(ItemPrice::new("42LP1", dec("36.99")));
    let value = serde_json::to_value(&reply).unwrap();
    assert_eq!(
        value,
        json!({
            "prices": [
                {
                    "item_number": "60PY2DR",
                    "price": 1999,
                    "cost": 1200,
                    "retail": 2295,
                    "pre_sale_cost": 1250.5,
                    "pre_sale_price": 2199.99,
                },
                { "item_number": "42LP1", "price": 36.99 },
            ]
        })
    );
    assert_eq!(keys(&value), set(&["prices"]));
    let collected: PriceReply = reply.prices.iter().cloned().collect();
    assert_eq!(collected, reply);
    assert_eq!(serde_json::from_value::<PriceReply>(value).unwrap(), reply);
}

#[test]
fn product_status_reply_uses_the_documented_fields() {
    let reply = ProductStatusReply::new().item(
        ItemStatus::new(62, 4)
            .variant_inventory_id(1)
            .inventory(10)
            .status_display_text("Back-ordered")
            .unavailable(false)
            .hidden(true)
            .back_ordered(true),
    );
    let value = serde_json::to_value(&reply).unwrap();
    assert_eq!(
        value,
        json!({
            "items": [{
                "product_id": 62,
                "variant_inventory_id": 1,
                "inventory": 10,
                "status_display_text": "Back-ordered",
                "product_status_id": 4,
                "is_unavailable": false,
                "is_hidden": true,
                "is_back_ordered": true,
            }]
        })
    );
    assert_eq!(
        serde_json::from_value::<ProductStatusReply>(value).unwrap(),
        reply
    );
    let without_variant = serde_json::to_value(ItemStatus::new(18, 1)).unwrap();
    assert_eq!(without_variant.get("variant_inventory_id"), None);
}

#[test]
fn item_status_starts_from_the_request_item() {
    let product: Value =
        serde_json::from_str(&sparkpay_samples::fixture("models/products.fixed.json")).unwrap();
    let body = json!({ "items": [{
        "product_id": 18, "variant_inventory_id": 4, "product_status_id": 1,
        "product": product, "variant_inventory": null,
        "product_status": { "id": 1, "name": "In Stock", "time_frame": "1-2 Business Days",
            "is_unavailable": false, "is_hidden": false, "is_back_ordered": true,
            "show_quantity": false, "updated_at": "2014-03-19T13:31:47.923-05:00",
            "created_at": "2014-03-19T13:31:47.923-05:00" },
        "inventory": 5, "item_number": "3367799-1", "manufacturer_item_number": "",
    }]});
    let Request::GetProductStatus(request) =
        Request::parse(EventType::GetProductStatus, body.to_string()).unwrap()
    else {
        panic!("wrong variant");
    };
    let status = ItemStatus::for_item(&request.items[0]);
    assert_eq!(status.product_id, 18);
    assert_eq!(status.variant_inventory_id, Some(4));
    assert_eq!(status.inventory, 5);
    assert_eq!(status.product_status_id, 1);
    assert_eq!(status.status_display_text, "In Stock");
    assert!(!status.is_unavailable);
    assert!(!status.is_hidden);
    assert!(status.is_back_ordered);
}

#[test]
fn tax_reply_uses_the_documented_fields() {
    let reply = TaxReply::new()
        .item(321, dec("189.35"))
        .item(298, dec("3.05"))
        .shipping_tax(dec("2.06"))
        .handling_tax(dec("0.50"));
    let value = serde_json::to_value(&reply).unwrap();
    assert_eq!(
        value,
        json!({
            "items": [
                { "cart_item_id": 321, "tax_amount": 189.35 },
                { "cart_item_id": 298, "tax_amount": 3.05 },
            ],
            "shipping_tax_amount": 2.06,
            "handling_tax_amount": 0.5,
        })
    );
    assert_eq!(reply.total(), dec("194.96"));
    assert_eq!(
        serde_json::to_value(TaxReply::new()).unwrap(),
        json!({ "items": [], "shipping_tax_amount": 0, "handling_tax_amount": 0 })
    );
    assert_eq!(serde_json::from_value::<TaxReply>(value).unwrap(), reply);
    assert_eq!(ItemTax::new(321, dec("189.35")), reply.items[0]);
}

#[test]
fn discount_reply_uses_the_documented_fields() {
    let reply = DiscountReply::new()
        .item_discount(CartItemDiscount::new(3844, dec("5.00")).description("5 off"))
        .item_discount(CartItemDiscount::new(3844, dec("1.25")))
        .add_item(AddItem::new(55, 1, dec("0")).variant("Color", "Red"))
        .add_item(AddItem::new(62, 2, dec("10.5")).variant_inventory_item_number("VI-ItemTest"))
        .description("Spring sale")
        .discount(dec("2.50"))
        .shipping_discount(dec("25"));
    let value = serde_json::to_value(&reply).unwrap();
    assert_eq!(
        value,
        json!({
            "cart_items": [
                { "cart_id": 3844, "description": "5 off", "discount_amount": 5 },
                { "cart_id": 3844, "discount_amount": 1.25 },
            ],
            "add_items": [
                { "price": 0, "product_id": 55, "quantity": 1,
                  "variants": [{ "group": "Color", "value": "Red" }] },
                { "price": 10.5, "product_id": 62, "quantity": 2,
                  "variant_inventory_item_number": "VI-ItemTest" },
            ],
            "description": ["Spring sale"],
            "discount": 2.5,
            "shipping_discount": 25,
        })
    );
    assert_eq!(
        keys(&value),
        set(&[
            "cart_items",
            "add_items",
            "description",
            "discount",
            "shipping_discount"
        ])
    );
    assert_eq!(
        serde_json::from_value::<DiscountReply>(value).unwrap(),
        reply
    );
    assert_eq!(
        serde_json::to_value(DiscountReply::new()).unwrap(),
        json!({ "cart_items": [], "add_items": [], "description": [], "discount": 0,
                "shipping_discount": 0 })
    );
}

#[test]
fn validation_reply_uses_validation_messages() {
    assert_eq!(
        serde_json::to_value(ValidationReply::ok()).unwrap(),
        json!({ "validation_messages": [] })
    );
    assert!(ValidationReply::ok().is_ok());
    let reply = ValidationReply::errors(["Too many items", "No P.O. boxes"]);
    assert!(!reply.is_ok());
    assert_eq!(
        serde_json::to_value(&reply).unwrap(),
        json!({ "validation_messages": ["Too many items", "No P.O. boxes"] })
    );
    let owned = ValidationReply::errors(vec![String::from("a")]).message("b");
    assert_eq!(owned.validation_messages, ["a", "b"]);
    assert_eq!(
        ValidationReply::ok().message("c"),
        ValidationReply::errors(["c"])
    );
}

/// A reply must serialize the same through any serde serializer, not only serde_json's
/// `Value`: check the text form agrees with the value form for every reply type.
#[test]
fn text_and_value_serializations_agree() {
    fn agree<T: Serialize>(reply: &T) {
        let text: Value = serde_json::from_str(&serde_json::to_string(reply).unwrap()).unwrap();
        assert_eq!(text, serde_json::to_value(reply).unwrap());
    }
    agree(&PaymentReply::approved().outstanding_balance(dec("0.1")));
    agree(&PriceReply::new().price(ItemPrice::new("x", dec("0.3"))));
    agree(&ProductStatusReply::new().item(ItemStatus::new(1, 2)));
    agree(&TaxReply::new().item(1, dec("0.07")));
    agree(&DiscountReply::new().discount(dec("0.2")));
    agree(&ValidationReply::errors(["x"]));
}

proptest::proptest! {
    /// Any decimal of at most 15 significant digits is written as text that reads back as
    /// exactly that decimal.
    #[test]
    fn fifteen_digit_decimals_are_written_exactly(
        mantissa in -999_999_999_999_999_i64..=999_999_999_999_999,
        scale in 0_u32..=20,
    ) {
        let amount = Decimal::new(mantissa, scale);
        let text = written(&amount.to_string());
        let back = Decimal::from_str(&text).or_else(|_| Decimal::from_scientific(&text)).unwrap();
        proptest::prop_assert_eq!(back, amount, "{} written as {}", amount, text);
    }

    /// Any decimal at all is written as a JSON number within 15 significant digits of it.
    #[test]
    fn any_decimal_is_written_as_a_close_number(
        mantissa in proptest::num::i128::ANY,
        scale in 0_u32..=28,
    ) {
        let mantissa = mantissa % 79_228_162_514_264_337_593_543_950_335;
        let amount = Decimal::from_i128_with_scale(mantissa, scale);
        let text = written(&amount.to_string());
        let back: f64 = text.parse().unwrap();
        let expected: f64 = amount.to_string().parse().unwrap();
        proptest::prop_assert!((back - expected).abs() <= expected.abs() * 1e-14, "{} written as {}", amount, text);
    }
}
