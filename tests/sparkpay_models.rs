//! Spark Pay resource models: every sample of `reference/sparkpay/` parses to the values the page
//! shows, and the sloppiness of real payloads is read as what it means.

mod sparkpay_samples;

use commerce_webhooks::sparkpay::*;
use serde_json::json;
use sparkpay_samples::{dec, fixture};
use time::macros::datetime;

#[test]
fn every_page_sample_parses_to_the_values_shown() {
    for (name, check) in sparkpay_samples::ALL {
        check(&fixture(&format!("models/{name}")));
    }
}

/// Four pages print a sample with a comma missing; such a body is refused, and the fixture used
/// above restores the comma where the JSON itself breaks.
#[test]
fn page_samples_missing_a_comma_are_refused_verbatim() {
    type Refused = fn(&str) -> bool;
    let cases: [(&str, Refused); 6] = [
        ("addresses", |t| serde_json::from_str::<Address>(t).is_err()),
        ("carts", |t| serde_json::from_str::<Cart>(t).is_err()),
        ("order_addresses", |t| {
            serde_json::from_str::<OrderAddress>(t).is_err()
        }),
        ("order_addresses.store_location_address", |t| {
            serde_json::from_str::<OrderAddress>(t).is_err()
        }),
        ("products", |t| serde_json::from_str::<Product>(t).is_err()),
        ("products.variants", |t| {
            serde_json::from_str::<Vec<ProductVariant>>(t).is_err()
        }),
    ];
    assert_eq!(cases.len(), sparkpay_samples::MISSING_COMMAS.len());
    for (name, refused) in cases {
        let verbatim = fixture(&format!("models/{name}.json"));
        assert!(
            refused(&verbatim),
            "{name}: the verbatim sample must be refused"
        );
        // Where serde_json stops reading the text as JSON is the member the comma is restored
        // before: the comma is the sample's only fault.
        let error = serde_json::from_str::<serde_json::Value>(&verbatim).unwrap_err();
        assert!(error.is_syntax(), "{name}: {error}");
        let line_start: usize = verbatim
            .split_inclusive('\n')
            .take(error.line() - 1)
            .map(str::len)
            .sum();
        let stop = &verbatim[line_start + error.column() - 1..];
        let (_, member) = sparkpay_samples::MISSING_COMMAS
            .iter()
            .find(|(sample, _)| *sample == format!("models/{name}"))
            .unwrap();
        assert!(stop.starts_with(member), "{name}: stops at {stop:.30}");
    }
}

/// The orders sample as a JSON value, to vary one field at a time.
fn order_value() -> serde_json::Value {
    serde_json::from_str(&fixture("models/orders.json")).unwrap()
}

fn order_from(value: serde_json::Value) -> Order {
    serde_json::from_value(value).unwrap()
}

#[test]
fn money_is_exact_whether_sent_as_integer_fraction_padded_or_string() {
    let mut value = order_value();
    value["subtotal"] = json!(2295);
    value["tax_total"] = serde_json::from_str("0.0000").unwrap();
    value["shipping_total"] = json!("25.50");
    value["discount_total"] = json!(0.1);
    value["grand_total"] = serde_json::from_str("123456789.1234").unwrap();
    value["cost_total"] = json!(" 7 ");
    let order = order_from(value);
    assert_eq!(order.subtotal, dec("2295"));
    assert_eq!(order.tax_total, dec("0"));
    assert_eq!(order.shipping_total, dec("25.50"));
    assert_eq!(order.shipping_total.to_string(), "25.50");
    assert_eq!(order.discount_total, dec("0.1"));
    assert_eq!(order.discount_total.to_string(), "0.1");
    assert_eq!(order.grand_total, dec("123456789.1234"));
    assert_eq!(order.cost_total, dec("7"));
}

#[test]
fn money_that_is_not_a_number_is_refused() {
    for bad in [
        json!("12,50"),
        json!(true),
        json!(null),
        json!(""),
        json!([1]),
    ] {
        let mut value = order_value();
        value["grand_total"] = bad.clone();
        assert!(serde_json::from_value::<Order>(value).is_err(), "{bad}");
    }
}

#[test]
fn empty_dates_are_none_and_fractions_of_any_length_are_read() {
    let mut value = order_value();
    value["expires_at"] = json!("");
    value["due_date"] = json!("2014-03-19T13:31:47Z");
    value["order_status_last_changed_at"] = json!("2014-03-19T13:31:47.1234567-05:00");
    value["updated_at"] = json!("2014-03-19T13:31:47.9+00:00");
    let order = order_from(value);
    assert_eq!(order.expires_at, None);
    assert_eq!(order.due_date, Some(datetime!(2014-03-19 13:31:47 UTC)));
    assert_eq!(
        order.order_status_last_changed_at,
        Some(datetime!(2014-03-19 13:31:47.1234567 -05:00))
    );
    assert_eq!(order.updated_at, datetime!(2014-03-19 13:31:47.9 UTC));

    // A date that is always set must not be empty: the error is better than an invented date.
    let mut value = order_value();
    value["created_at"] = json!("");
    assert!(serde_json::from_value::<Order>(value).is_err());
    let mut value = order_value();
    value["ordered_at"] = json!("2013-11-29 17:12:00");
    assert!(serde_json::from_value::<Order>(value).is_err());
}

#[test]
fn flags_are_read_from_booleans_zero_one_and_their_strings() {
    let mut value = order_value();
    value["exported_to_accounting_system"] = json!(1);
    value["is_ppc"] = json!("1");
    value["is_gift"] = json!("0");
    value["expires"] = json!(true);
    value["reward_points_credited"] = json!(0);
    let order = order_from(value);
    assert!(order.exported_to_accounting_system);
    assert!(order.is_ppc);
    assert!(!order.is_gift);
    assert!(order.expires);
    assert!(!order.reward_points_credited);

    for bad in [json!(2), json!("yes"), json!(null)] {
        let mut value = order_value();
        value["is_gift"] = bad.clone();
        assert!(serde_json::from_value::<Order>(value).is_err(), "{bad}");
    }
}

#[test]
fn ids_and_counts_sent_as_strings_are_read() {
    let mut value = order_value();
    value["id"] = json!("100000");
    value["order_status_id"] = json!(" 5 ");
    value["from_quote_id"] = json!("77");
    value["location_id"] = json!("");
    value["session_id"] = json!(363.0);
    let order = order_from(value);
    assert_eq!(order.id, 100_000);
    assert_eq!(order.order_status_id, 5);
    assert_eq!(order.from_quote_id, Some(77));
    assert_eq!(order.location_id, None);
    assert_eq!(order.session_id, 363);

    for bad in [
        json!("5a"),
        json!(1.5),
        json!(""),
        json!(null),
        json!("99999999999999999999"),
    ] {
        let mut value = order_value();
        value["id"] = bad.clone();
        assert!(serde_json::from_value::<Order>(value).is_err(), "{bad}");
    }
}

#[test]
fn text_sent_as_a_number_keeps_its_digits_and_null_text_is_empty() {
    let mut value = order_value();
    value["ip_address"] = json!(null);
    value["order_number"] = json!(100000);
    value["selected_shipping_provider_service"] = json!(2);
    let order = order_from(value);
    assert_eq!(order.ip_address, "");
    assert_eq!(order.order_number, "100000");
    assert_eq!(order.selected_shipping_provider_service, "2");

    // The order address page sends the postal code as a number.
    let address: OrderAddress =
        serde_json::from_str(&fixture("models/order_addresses.fixed.json")).unwrap();
    assert_eq!(address.postal_code, "77702");
}

#[test]
fn unknown_fields_are_ignored() {
    let mut value = order_value();
    value["a_field_from_2031"] = json!({"nested": [1, 2, {"deep": null}]});
    value["another"] = json!("text");
    let with_extra = order_from(value);
    assert_eq!(with_extra, order_from(order_value()));
    sparkpay_samples::orders(&with_extra);
}

#[test]
fn null_lists_are_empty_and_expanded_lists_are_read() {
    let mut value = order_value();
    value["shipping_selections"] = json!(null);
    value["items"] = serde_json::from_str(&fixture("models/orders.items.json")).unwrap();
    value["payments"] = serde_json::from_str(&fixture("models/orders.payments.json")).unwrap();
    value["shipments"] = serde_json::from_str(&fixture("models/orders.shipments.json")).unwrap();
    value["custom_fields"] =
        serde_json::from_str(&fixture("models/orders.custom_fields.json")).unwrap();
    let order = order_from(value);
    assert!(order.shipping_selections.is_empty());
    sparkpay_samples::orders_items(&order.items);
    sparkpay_samples::orders_payments(&order.payments);
    sparkpay_samples::orders_shipments(&order.shipments);
    sparkpay_samples::orders_custom_fields(&order.custom_fields);
}

#[test]
fn an_unknown_order_type_is_kept() {
    let mut value = order_value();
    value["order_type"] = json!("Subscription");
    let order = order_from(value);
    assert_eq!(
        order.order_type,
        OrderType::Other("Subscription".to_owned())
    );
    assert_eq!(order.order_type.as_str(), "Subscription");
    assert!(!order.is_quote());
    assert_eq!(OrderType::from("Quote"), OrderType::Quote);
    assert_eq!(OrderType::Order.to_string(), "Order");
}

#[test]
fn a_quote_lists_the_orders_it_became() {
    let quote: Quote = serde_json::from_str(&fixture("models/quotes.json")).unwrap();
    assert!(quote.is_quote());
    assert_eq!(quote.converted_order_ids().unwrap(), [101_042]);
    let mut value: serde_json::Value =
        serde_json::from_str(&fixture("models/quotes.json")).unwrap();
    value["converted_to_order_ids"] = json!("101042, 101043");
    let quote: Quote = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(quote.converted_order_ids().unwrap(), [101_042, 101_043]);
    value["converted_to_order_ids"] = json!("101042,x");
    let quote: Quote = serde_json::from_value(value).unwrap();
    assert!(quote.converted_order_ids().is_err());
    let order = order_from(order_value());
    assert!(order.converted_order_ids().unwrap().is_empty());
}

#[test]
fn an_estimate_address_with_only_some_fields_is_read() {
    let address: Address = serde_json::from_value(json!({
        "city": "BEAUMONT",
        "state": "TX",
        "postal_code": "77701",
        "country": "US"
    }))
    .unwrap();
    assert_eq!(address.id, None);
    assert_eq!(address.customer_id, None);
    assert_eq!(address.city, "BEAUMONT");
    assert_eq!(address.postal_code, "77701");
    assert_eq!(address.address_line_1, "");
    assert_eq!(address.created_at, None);
    assert!(!address.is_default_billing_address);
}

#[test]
fn product_flags_sent_as_zero_one_and_empty_dimensions() {
    let product: Product = serde_json::from_str(&fixture("models/products.fixed.json")).unwrap();
    assert!(product.is_spotlight_item);
    assert!(!product.is_hidden);
    assert_eq!(product.height, None);
    assert_eq!(product.ext_update_date, None);
    let child: Vec<Product> =
        serde_json::from_str(&fixture("models/products.child_products.json")).unwrap();
    assert!(child[0].e_product_allow_multiple_deliveries);
    assert_eq!(child[0].created_at, None);
}
