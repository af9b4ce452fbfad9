//! Field-by-field expectations for every resource sample of `reference/sparkpay/`, shared by
//! the model and request tests. Each function checks every field of its sample against the value
//! the page shows (fields the sample lacks must read as empty).
//!
//! The `*.fixed.json` texts are the page samples with the one missing comma restored (see
//! [`fixture`]); the verbatim samples are tested to be refused.

#![allow(dead_code)] // Each test crate uses some of these.

use std::str::FromStr;

use commerce_webhooks::sparkpay::*;
use rust_decimal::Decimal;
use time::macros::datetime;

/// A decimal written as the page writes it.
pub fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// The page samples that lack one comma, and the member it belongs before.
pub const MISSING_COMMAS: [(&str, &str); 6] = [
    ("models/addresses", r#""address_type""#),
    ("models/carts", r#""lookup_key""#),
    ("models/order_addresses", r#""address_type""#),
    (
        "models/order_addresses.store_location_address",
        r#""address_type""#,
    ),
    ("models/products", r#""is_linked_product""#),
    ("models/products.variants", r#""swatch_file""#),
];

/// The text of a fixture under `tests/fixtures/sparkpay/`. A name `….fixed.json` is the sample
/// `….json` with its missing comma restored, right after the value before it.
pub fn fixture(name: &str) -> String {
    if let Some(stem) = name.strip_suffix(".fixed.json") {
        let (_, member) = MISSING_COMMAS
            .iter()
            .find(|(sample, _)| *sample == stem)
            .unwrap_or_else(|| panic!("{stem}.json lacks no comma"));
        let verbatim = fixture(&format!("{stem}.json"));
        assert_eq!(verbatim.matches(member).count(), 1, "{stem}: {member}");
        let value_end = verbatim[..verbatim.find(member).unwrap()].trim_end().len();
        return format!("{},{}", &verbatim[..value_end], &verbatim[value_end..]);
    }
    let path = format!(
        "{}/tests/fixtures/sparkpay/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Parses a fixture's text and checks it.
pub type Check = fn(&str);

/// Every sample: (fixture under `models/`, function checking it after parsing).
pub const ALL: &[(&str, Check)] = &[
    ("addresses.fixed.json", |text| addresses(&parse(text))),
    ("cart_items.json", |text| cart_items(&parse(text))),
    ("cart_items.child_items.json", |text| {
        cart_items_child_items(&parse::<Vec<_>>(text))
    }),
    ("carts.fixed.json", |text| carts(&parse(text))),
    ("carts.items.json", |text| {
        carts_items(&parse::<Vec<_>>(text))
    }),
    ("customer_types.json", |text| customer_types(&parse(text))),
    ("customers.json", |text| customers(&parse(text))),
    ("customers.additional_emails.json", |text| {
        customers_additional_emails(&parse::<Vec<_>>(text))
    }),
    ("customers.addresses.json", |text| {
        customers_addresses(&parse::<Vec<_>>(text))
    }),
    ("customers.custom_fields.json", |text| {
        customers_custom_fields(&parse::<Vec<_>>(text))
    }),
    ("order_addresses.fixed.json", |text| {
        order_addresses(&parse(text))
    }),
    (
        "order_addresses.store_location_address.fixed.json",
        |text| order_addresses_store_location_address(&parse(text)),
    ),
    ("order_items.json", |text| order_items(&parse(text))),
    ("order_payments.json", |text| order_payments(&parse(text))),
    ("order_payments.fields.json", |text| {
        order_payments_fields(&parse::<Vec<_>>(text))
    }),
    ("order_shipments.json", |text| order_shipments(&parse(text))),
    ("order_shipments.items.json", |text| {
        order_shipments_items(&parse::<Vec<_>>(text))
    }),
    ("order_statuses.json", |text| order_statuses(&parse(text))),
    ("orders.json", |text| orders(&parse(text))),
    ("orders.items.json", |text| {
        orders_items(&parse::<Vec<_>>(text))
    }),
    ("orders.payments.json", |text| {
        orders_payments(&parse::<Vec<_>>(text))
    }),
    ("orders.shipments.json", |text| {
        orders_shipments(&parse::<Vec<_>>(text))
    }),
    ("orders.custom_fields.json", |text| {
        orders_custom_fields(&parse::<Vec<_>>(text))
    }),
    ("product_statuses.json", |text| {
        product_statuses(&parse(text))
    }),
    ("product_variants.json", |text| {
        product_variants(&parse(text))
    }),
    ("products.fixed.json", |text| products(&parse(text))),
    ("products.variants.fixed.json", |text| {
        products_variants(&parse::<Vec<_>>(text))
    }),
    ("products.variant_inventory.json", |text| {
        products_variant_inventory(&parse::<Vec<_>>(text))
    }),
    ("products.child_products.json", |text| {
        products_child_products(&parse::<Vec<_>>(text))
    }),
    ("products.custom_fields.json", |text| {
        products_custom_fields(&parse::<Vec<_>>(text))
    }),
    ("quotes.json", |text| quotes(&parse(text))),
    ("quotes.items.json", |text| {
        quotes_items(&parse::<Vec<_>>(text))
    }),
    ("quotes.custom_fields.json", |text| {
        quotes_custom_fields(&parse::<Vec<_>>(text))
    }),
    ("regions.json", |text| regions(&parse(text))),
    ("stores.json", |text| stores(&parse(text))),
    ("variant_inventory.json", |text| {
        variant_inventory(&parse(text))
    }),
    ("variant_inventory.variants.json", |text| {
        variant_inventory_variants(&parse::<Vec<_>>(text))
    }),
    ("warehouses.json", |text| warehouses(&parse(text))),
];

/// Parses a sample, and checks that what the crate serializes parses back to an equal value,
/// so every field-by-field check below also covers the serialized form.
fn parse<T>(text: &str) -> T
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    let parsed: T = serde_json::from_str(text).unwrap();
    let serialized = serde_json::to_string(&parsed).unwrap();
    let again: T = serde_json::from_str(&serialized).unwrap_or_else(|e| {
        panic!("{e}: the crate's own serialization does not parse: {serialized}")
    });
    assert_eq!(again, parsed, "serialized as {serialized}");
    parsed
}

/// `models/addresses.fixed.json`.
pub fn addresses(x: &Address) {
    assert_eq!(x.id, Some(1));
    assert_eq!(x.customer_id, Some(1));
    assert_eq!(x.address_line_1, "1234 AmeriCommerce Blvd");
    assert_eq!(x.address_line_2, "Suite 1");
    assert_eq!(x.city, "Beaumont");
    assert_eq!(x.state, "Texas");
    assert_eq!(x.postal_code, "77702");
    assert_eq!(x.country, "United States");
    assert!(!x.is_default_shipping_address);
    assert_eq!(x.phone, "555-555-5555");
    assert_eq!(x.company, "AmeriCommerce");
    assert_eq!(x.alternate_phone, "");
    assert_eq!(x.fax, "");
    assert_eq!(x.comments, "");
    assert!(!x.is_default_billing_address);
    assert_eq!(
        x.updated_at,
        Some(datetime!(2014-04-07 11:55:56.297 -05:00))
    );
    assert_eq!(
        x.created_at,
        Some(datetime!(2014-04-07 11:55:56.297 -05:00))
    );
    assert_eq!(x.first_name, "Chris");
    assert_eq!(x.last_name, "Allen");
    assert_eq!(x.address_type, "Default");
}

/// `models/cart_items.json`.
pub fn cart_items(x: &CartItem) {
    assert_eq!(x.id, 34);
    assert_eq!(x.product_id, 4);
    assert_eq!(x.item_number, "");
    assert_eq!(x.quantity, 1);
    assert_eq!(x.price, dec("200"));
    assert_eq!(x.cost, dec("0"));
    assert_eq!(x.shipping_address_id, None);
    assert_eq!(x.item_thumbnail, "/Shared/Images/Product/img.png");
    assert_eq!(x.item_url, "");
    assert_eq!(x.item_name, "Golf Balls - Titliest");
    assert_eq!(x.warehouse_id, 0);
    assert_eq!(x.parent_product_id, None);
    assert_eq!(x.parent_cart_item_id, None);
    assert_eq!(x.updated_at, datetime!(2013-10-07 11:18:14.823 -05:00));
    assert_eq!(x.created_at, datetime!(2013-10-07 11:17:53.867 -05:00));
    assert_eq!(x.cart_id, 3);
    assert!(!x.is_subscription_product);
    assert_eq!(x.configuration, "");
    assert!(!x.subscription_paused);
    assert_eq!(x.variants.len(), 1);
    assert_eq!(x.variants[0].id, 10);
    assert_eq!(x.variants[0].description, "Color: 12");
    assert_eq!(x.variants[0].variant_group_id, 3);
    assert_eq!(x.personalizations.len(), 0);
    assert!(x.child_items.is_empty());
}

/// `models/cart_items.child_items.json`.
pub fn cart_items_child_items(items: &[CartItem]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, 321);
    assert_eq!(items[0].product_id, 62);
    assert_eq!(items[0].item_number, "60PY2DR");
    assert_eq!(items[0].quantity, 2);
    assert_eq!(items[0].price, dec("2295"));
    assert_eq!(items[0].cost, dec("0"));
    assert_eq!(items[0].shipping_address_id, None);
    assert_eq!(items[0].item_thumbnail, "/Shared/Images/Product/img2.png");
    assert_eq!(items[0].item_url, "");
    assert_eq!(items[0].item_name, "60PY2DR");
    assert_eq!(items[0].warehouse_id, 0);
    assert_eq!(items[0].parent_product_id, Some(4));
    assert_eq!(items[0].parent_cart_item_id, Some(34));
    assert_eq!(
        items[0].updated_at,
        datetime!(2013-10-07 11:18:14.823 -05:00)
    );
    assert_eq!(
        items[0].created_at,
        datetime!(2013-10-07 11:18:14.823 -05:00)
    );
    assert_eq!(items[0].cart_id, 3);
    assert!(!items[0].is_subscription_product);
    assert_eq!(items[0].configuration, "");
    assert!(!items[0].subscription_paused);
    assert_eq!(items[0].variants.len(), 0);
    assert_eq!(items[0].personalizations.len(), 0);
    assert!(items[0].child_items.is_empty());
}

/// `models/carts.fixed.json`.
pub fn carts(x: &Cart) {
    assert_eq!(x.id, 68);
    assert_eq!(x.name, "");
    assert_eq!(x.cart_type, "NormalCart");
    assert_eq!(x.customer_id, None);
    assert!(!x.is_public);
    assert_eq!(x.updated_at, datetime!(2014-04-07 11:55:56.31 -05:00));
    assert_eq!(x.created_at, datetime!(2014-04-07 11:44:41.79 -05:00));
    assert_eq!(x.store_id, 1);
    assert_eq!(x.session_id, 812);
    assert_eq!(x.discount_total, dec("0"));
    assert_eq!(x.subtotal, dec("4605.99"));
    assert_eq!(x.shipping_total, dec("25"));
    assert_eq!(x.handling_total, dec("0"));
    assert_eq!(x.tax_total, dec("0"));
    assert_eq!(x.grand_total, dec("4630.99"));
    assert_eq!(x.tax_rate, dec("0"));
    assert_eq!(x.additional_fees, dec("0"));
    assert_eq!(x.discounted_shipping_total, dec("25"));
    assert_eq!(x.region_markup_amount, None);
    assert_eq!(x.non_shipping_discount, dec("0"));
    assert_eq!(x.gift_certificate_discount, None);
    assert_eq!(x.coupon_code, "");
    assert_eq!(x.associated_order_id, None);
    assert_eq!(x.shipping_estimate_city, "BEAUMONT");
    assert_eq!(x.shipping_estimate_state_code, "TX");
    assert_eq!(x.shipping_estimate_postal_code, "77701");
    assert_eq!(x.shipping_estimate_country_code, "US");
    assert!(!x.is_shipping_billed_to_account);
    assert_eq!(x.customer_payment_method_id, None);
    assert_eq!(x.payment_method_id, None);
    assert!(!x.is_payment_cart_only);
    assert_eq!(x.lookup_key, None);
    assert!(x.items.is_empty());
}

/// `models/carts.items.json`.
pub fn carts_items(items: &[CartItem]) {
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].id, 321);
    assert_eq!(items[0].product_id, 62);
    assert_eq!(items[0].item_number, "60PY2DR");
    assert_eq!(items[0].quantity, 2);
    assert_eq!(items[0].price, dec("2295"));
    assert_eq!(items[0].cost, dec("0"));
    assert_eq!(items[0].shipping_address_id, None);
    assert_eq!(items[0].item_thumbnail, "/Shared/Images/Product/img.png");
    assert_eq!(items[0].item_url, "");
    assert_eq!(items[0].item_name, "60PY2DR");
    assert_eq!(items[0].warehouse_id, 0);
    assert_eq!(items[0].parent_product_id, None);
    assert_eq!(items[0].parent_cart_item_id, None);
    assert_eq!(
        items[0].updated_at,
        datetime!(2014-04-07 11:55:56.31 -05:00)
    );
    assert_eq!(
        items[0].created_at,
        datetime!(2014-04-07 11:55:56.31 -05:00)
    );
    assert_eq!(items[0].cart_id, 3844);
    assert!(!items[0].is_subscription_product);
    assert_eq!(items[0].configuration, "");
    assert!(!items[0].subscription_paused);
    assert_eq!(items[0].variants.len(), 0);
    assert_eq!(items[0].personalizations.len(), 0);
    assert!(items[0].child_items.is_empty());
    assert_eq!(items[1].id, 298);
    assert_eq!(items[1].product_id, 55);
    assert_eq!(items[1].item_number, "42LP1");
    assert_eq!(items[1].quantity, 1);
    assert_eq!(items[1].price, dec("36.99"));
    assert_eq!(items[1].cost, dec("0"));
    assert_eq!(items[1].shipping_address_id, None);
    assert_eq!(items[1].item_thumbnail, "/Shared/Images/Product/img2.png");
    assert_eq!(items[1].item_url, "");
    assert_eq!(items[1].item_name, "42LP1");
    assert_eq!(items[1].warehouse_id, 0);
    assert_eq!(items[1].parent_product_id, None);
    assert_eq!(items[1].parent_cart_item_id, None);
    assert_eq!(
        items[1].updated_at,
        datetime!(2014-04-07 11:55:56.31 -05:00)
    );
    assert_eq!(
        items[1].created_at,
        datetime!(2014-04-07 11:55:56.31 -05:00)
    );
    assert_eq!(items[1].cart_id, 3844);
    assert!(!items[1].is_subscription_product);
    assert_eq!(items[1].configuration, "");
    assert!(!items[1].subscription_paused);
    assert_eq!(items[1].variants.len(), 1);
    assert_eq!(items[1].variants[0].id, 11);
    assert_eq!(items[1].variants[0].description, "Color: Red");
    assert_eq!(items[1].variants[0].variant_group_id, 3);
    assert_eq!(items[1].personalizations.len(), 1);
    assert_eq!(items[1].personalizations[0].id, 3);
    assert_eq!(items[1].personalizations[0].answer, "Insert name here");
    assert!(items[1].child_items.is_empty());
}

/// `models/customer_types.json`.
pub fn customer_types(x: &CustomerType) {
    assert_eq!(x.id, 1);
    assert_eq!(x.name, "Wholesale");
    assert_eq!(x.customer_level, 1);
    assert_eq!(x.description, "");
    assert_eq!(x.updated_at, datetime!(2004-10-08 00:00:00 -05:00));
    assert_eq!(x.created_at, datetime!(2004-10-08 00:00:00 -05:00));
}

/// `models/customers.json`.
pub fn customers(x: &Customer) {
    assert_eq!(x.id, 1);
    assert_eq!(x.customer_number, "");
    assert_eq!(x.last_name, "Allen");
    assert_eq!(x.first_name, "Chris");
    assert_eq!(x.email, "test@not-my-real-address.zzz");
    assert_eq!(x.phone_number, "555-555-5555");
    assert_eq!(x.registered_at, Some(datetime!(2004-10-08 00:00:00 -05:00)));
    assert_eq!(x.last_visit_at, Some(datetime!(2005-09-08 13:48:55 -05:00)));
    assert_eq!(x.adcode, "");
    assert_eq!(x.adcode_id, 0);
    assert_eq!(x.affiliate_id, 0);
    assert_eq!(x.customer_type_id, 1);
    assert!(!x.is_no_tax_customer);
    assert_eq!(x.comments, "");
    assert_eq!(x.store_id, 1);
    assert_eq!(x.source, "");
    assert_eq!(x.search_string, "");
    assert!(!x.no_account);
    assert_eq!(x.sales_person, "");
    assert_eq!(x.alternate_phone_number, "");
    assert!(!x.is_affiliate_customer);
    assert_eq!(x.updated_at, datetime!(2005-09-08 13:48:55 -05:00));
    assert_eq!(x.created_at, datetime!(2004-10-08 00:00:00 -05:00));
    assert_eq!(x.username, "chris");
    assert!(!x.is_contact_information_only);
    assert_eq!(x.tax_exemption_number, "");
    assert_eq!(x.company, "AmeriCommerce");
    assert_eq!(x.source_group, "");
    assert_eq!(x.sales_person_user_id, Some(2));
    assert_eq!(x.store_payment_methods_enabled.len(), 2);
    assert_eq!(x.store_payment_methods_enabled[0], "Purchase Orders");
    assert_eq!(x.store_payment_methods_enabled[1], "Checks");
    assert_eq!(x.tax_rate, dec("2"));
    assert!(!x.lock_default_address);
    assert_eq!(x.reward_tier_id, Some(1));
    assert_eq!(x.payment_net_term, 0);
    assert_eq!(x.credit_limit, dec("10.00"));
    assert!(!x.is_inactive);
    assert!(!x.use_shared_credit_limit);
    assert!(!x.override_shared_credit_limit);
    assert_eq!(x.customer_payment_methods_availability.len(), 1);
    assert_eq!(x.customer_payment_methods_availability[0].id, 5);
    assert_eq!(
        x.customer_payment_methods_availability[0].payment_method_id,
        6
    );
    assert_eq!(
        x.customer_payment_methods_availability[0].store_payment_method_id,
        12
    );
    assert_eq!(x.customer_payment_methods_availability[0].status, "Active");
    assert_eq!(x.customer_payment_methods_availability[0].customer_id, 1);
    assert_eq!(x.default_payment_type_name, "Credit Card");
    assert!(x.addresses.is_empty());
    assert!(x.custom_fields.is_empty());
    assert!(x.customer_additional_emails.is_empty());
}

/// `models/customers.additional_emails.json`.
pub fn customers_additional_emails(items: &[AdditionalEmail]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].customer_additional_email_id, 1);
    assert_eq!(items[0].customer_id, 13);
    assert_eq!(items[0].email, "test@not-real-address.zzz");
}

/// `models/customers.addresses.json`.
pub fn customers_addresses(items: &[Address]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, Some(42));
    assert_eq!(items[0].customer_id, Some(13));
    assert_eq!(items[0].address_line_1, "251 N Bristol Ave");
    assert_eq!(items[0].address_line_2, "");
    assert_eq!(items[0].city, "Los Angeles");
    assert_eq!(items[0].state, "California");
    assert_eq!(items[0].postal_code, "90049");
    assert_eq!(items[0].country, "United States");
    assert!(!items[0].is_default_shipping_address);
    assert_eq!(items[0].phone, "1234567897");
    assert_eq!(items[0].company, "");
    assert_eq!(items[0].alternate_phone, "");
    assert_eq!(items[0].fax, "");
    assert_eq!(items[0].comments, "");
    assert!(!items[0].is_default_billing_address);
    assert_eq!(
        items[0].updated_at,
        Some(datetime!(2019-04-01 17:12:37.187 -05:00))
    );
    assert_eq!(
        items[0].created_at,
        Some(datetime!(2019-04-01 17:12:37.107 -05:00))
    );
    assert_eq!(items[0].first_name, "Will");
    assert_eq!(items[0].last_name, "Smith");
    assert_eq!(items[0].address_type, "Default");
}

/// `models/customers.custom_fields.json`.
pub fn customers_custom_fields(items: &[CustomField]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].name, "CustomerCustomField");
    assert_eq!(items[0].value, "");
}

/// `models/order_addresses.fixed.json`.
pub fn order_addresses(x: &OrderAddress) {
    assert_eq!(x.id, 1);
    assert_eq!(x.customer_id, 1);
    assert_eq!(x.company, "AmeriCommerce");
    assert_eq!(x.address_line_1, "1234 AmeriCommerce Blvd");
    assert_eq!(x.address_line_2, "Suite 1");
    assert_eq!(x.city, "Beaumont");
    assert_eq!(x.state, "Texas");
    assert_eq!(x.postal_code, "77702");
    assert_eq!(x.country, "United States");
    assert_eq!(x.phone, "555-555-5555");
    assert_eq!(x.alternate_phone, "");
    assert_eq!(x.fax, "");
    assert_eq!(x.comments, "");
    assert_eq!(x.updated_at, datetime!(2014-02-18 13:36:58.357 -06:00));
    assert_eq!(x.created_at, datetime!(2014-02-18 13:36:58.357 -06:00));
    assert_eq!(x.first_name, "Chris");
    assert_eq!(x.last_name, "Allen");
    assert_eq!(x.address_type, "Default");
    assert_eq!(x.state_code, "TX");
    assert_eq!(x.country_code, "US");
}

/// `models/order_addresses.store_location_address.fixed.json`.
pub fn order_addresses_store_location_address(x: &OrderAddress) {
    assert_eq!(x.id, 234);
    assert_eq!(x.customer_id, 6);
    assert_eq!(x.company, "AmeriCommerce");
    assert_eq!(x.address_line_1, "1234 AmeriCommerce Blvd");
    assert_eq!(x.address_line_2, "Suite 1");
    assert_eq!(x.city, "Beaumont");
    assert_eq!(x.state, "Texas");
    assert_eq!(x.postal_code, "77702");
    assert_eq!(x.country, "United States");
    assert_eq!(x.phone, "555-555-5555");
    assert_eq!(x.alternate_phone, "");
    assert_eq!(x.fax, "");
    assert_eq!(x.comments, "");
    assert_eq!(x.updated_at, datetime!(2014-02-18 13:36:58.357 -06:00));
    assert_eq!(x.created_at, datetime!(2014-02-18 13:36:58.357 -06:00));
    assert_eq!(x.first_name, "Chris");
    assert_eq!(x.last_name, "Allen");
    assert_eq!(x.address_type, "Default");
    assert_eq!(x.state_code, "TX");
    assert_eq!(x.country_code, "US");
}

/// `models/order_items.json`.
pub fn order_items(x: &OrderItem) {
    assert_eq!(x.id, 135);
    assert_eq!(x.order_id, 100011);
    assert_eq!(x.product_id, 4);
    assert_eq!(x.item_number, "glfblls");
    assert_eq!(x.item_name, "Golf Balls - Titliest");
    assert_eq!(x.price, dec("100"));
    assert_eq!(x.cost, dec("0"));
    assert_eq!(x.quantity, 1);
    assert!(!x.is_discount_item);
    assert_eq!(x.weight, dec("25"));
    assert!(x.is_taxable);
    assert_eq!(x.weight_unit, "Lbs");
    assert!(!x.is_non_shipping_item);
    assert_eq!(x.variant_inventory_id, None);
    assert_eq!(x.parent_order_item_id, None);
    assert!(!x.is_quantity_bound_to_parent);
    assert_eq!(x.updated_at, datetime!(2013-11-04 09:36:05.7 -06:00));
    assert_eq!(x.created_at, datetime!(2013-11-04 09:36:04.827 -06:00));
    assert_eq!(x.height, None);
    assert_eq!(x.length, None);
    assert_eq!(x.width, None);
    assert_eq!(x.size_unit, "In");
    assert_eq!(x.tax_code, "");
    assert_eq!(x.item_number_full, "glfblls");
    assert_eq!(x.admin_comments, "");
    assert!(!x.do_not_discount);
    assert_eq!(x.line_item_note, "");
    assert_eq!(x.order_shipping_address_id, None);
    assert_eq!(x.gift_message, "");
    assert_eq!(x.delivery_date, None);
    assert_eq!(x.discount_amount, dec("0.0000"));
    assert_eq!(x.discount_percentage, dec("0.0000"));
    assert!(!x.is_subscription_product);
    assert_eq!(x.warehouse_id, 0);
    assert_eq!(x.description, "test");
    assert_eq!(x.tax, dec("5.5275"));
    assert_eq!(x.configuration, "");
    assert_eq!(x.status, "");
    assert_eq!(x.shipping_classification_code, "tx");
    assert_eq!(x.variants.len(), 2);
    assert_eq!(x.variants[0].id, 7);
    assert_eq!(x.variants[0].description, "Color: Blue");
    assert_eq!(x.variants[0].variant_group_id, 3);
    assert_eq!(x.variants[1].id, 23);
    assert_eq!(x.variants[1].description, "Special: Normal");
    assert_eq!(x.variants[1].variant_group_id, 9);
    assert_eq!(x.personalizations.len(), 0);
}

/// `models/order_payments.json`.
pub fn order_payments(x: &OrderPayment) {
    assert_eq!(x.id, 1);
    assert_eq!(x.customer_id, 1);
    assert_eq!(x.order_id, 100000);
    assert_eq!(x.customer_payment_method_id, Some(1));
    assert_eq!(x.payment_method_id, 0);
    assert_eq!(x.payment_type, "CreditCard");
    assert!(!x.is_approved);
    assert!(!x.is_declined);
    assert_eq!(x.card_type, "Visa");
    assert_eq!(x.card_expiration_month, Some(12));
    assert_eq!(x.card_expiration_year, Some(2015));
    assert_eq!(x.cardholder_name, "John Doe");
    assert_eq!(x.paid_at, Some(datetime!(2014-04-07 11:43:09.103 -05:00)));
    assert_eq!(x.approved_at, None);
    assert_eq!(x.authorization_code, "");
    assert_eq!(x.reject_reason, "");
    assert_eq!(x.avs_code, "");
    assert_eq!(x.payment_method_name, "Credit Card");
    assert_eq!(x.transaction_type, "None");
    assert_eq!(x.amount, dec("60.73"));
    assert_eq!(x.payment_note, "");
    assert_eq!(x.updated_at, datetime!(2014-04-07 11:43:09.127 -05:00));
    assert_eq!(x.created_at, datetime!(2014-04-07 11:43:09.127 -05:00));
    assert_eq!(x.gift_certificate_id, None);
    assert!(!x.is_captured);
    assert_eq!(x.transaction_id, "");
    assert_eq!(x.last_four, "");
    assert!(!x.is_void);
    assert_eq!(x.gateway_response_code, "");
    assert_eq!(x.cvv_response_code, "");
    assert_eq!(x.payment_ref_num, "");
    assert_eq!(x.store_method_payment_id, 0);
    assert!(x.fields.is_empty());
}

/// `models/order_payments.fields.json`.
pub fn order_payments_fields(items: &[PaymentField]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, 14);
    assert_eq!(items[0].order_payment_id, 95);
    assert_eq!(items[0].name, "Sign your name");
    assert_eq!(items[0].kind, "text");
    assert_eq!(items[0].value, "");
    assert!(!items[0].is_encrypted);
    assert!(!items[0].is_masked);
    assert_eq!(
        items[0].updated_at,
        Some(datetime!(2023-05-15 12:59:19.14 -05:00))
    );
    assert_eq!(
        items[0].created_at,
        Some(datetime!(2023-05-15 12:59:19.14 -05:00))
    );
}

/// `models/order_shipments.json`.
pub fn order_shipments(x: &OrderShipment) {
    assert_eq!(x.id, 1);
    assert_eq!(x.order_id, 100013);
    assert_eq!(x.shipped_at, Some(datetime!(2014-02-18 00:00:00 -06:00)));
    assert_eq!(x.tracking_numbers, "");
    assert_eq!(x.tracking_url, "");
    assert_eq!(x.shipping_method, "UPS 2nd Day Air");
    assert_eq!(x.shipping_method_id, 3);
    assert_eq!(x.number_of_packages, None);
    assert_eq!(x.total_weight, None);
    assert_eq!(x.provider_base_shipping_cost, None);
    assert_eq!(x.provider_insurance_cost, None);
    assert_eq!(x.provider_handling_cost, None);
    assert_eq!(x.provider_other_charges, None);
    assert_eq!(x.provider_total_shipping_cost, None);
    assert!(!x.email_sent);
    assert_eq!(x.private_comment, "");
    assert_eq!(x.shipping_comment, "");
    assert_eq!(x.created_at, datetime!(2014-02-18 13:36:58.357 -06:00));
    assert_eq!(x.updated_at, datetime!(2014-02-18 13:36:58.357 -06:00));
    assert_eq!(x.shipping_method_type, "provider");
    assert_eq!(x.shipment_name, "test1");
    assert_eq!(x.shipping_provider_name, "UPS");
    assert!(x.items.is_empty());
}

/// `models/order_shipments.items.json`.
pub fn order_shipments_items(items: &[ShipmentItem]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, 206);
    assert_eq!(items[0].quantity_shipped, 1);
    assert_eq!(items[0].product_id, Some(36));
    assert_eq!(items[0].item_name, "Claymore");
    assert_eq!(items[0].item_number, "test1");
}

/// `models/order_statuses.json`.
pub fn order_statuses(x: &OrderStatus) {
    assert_eq!(x.id, 1);
    assert_eq!(x.name, "Pending Processing");
    assert!(x.is_open);
    assert!(!x.is_declined);
    assert!(!x.is_cancelled);
    assert!(!x.is_shipped);
    assert_eq!(x.color, "#A4E065");
    assert_eq!(x.email_template_id, None);
    assert_eq!(x.updated_at, datetime!(2014-02-18 13:36:58.357 -06:00));
    assert_eq!(x.created_at, datetime!(2014-02-18 13:36:58.357 -06:00));
    assert!(!x.is_fully_refunded);
    assert!(!x.is_partially_refunded);
    assert!(!x.is_quote_status);
    assert!(!x.is_partially_shipped);
}

/// `models/orders.json`.
pub fn orders(x: &Order) {
    assert_eq!(x.id, 100000);
    assert_eq!(x.customer_id, 1);
    assert_eq!(x.customer_type_id, 0);
    assert_eq!(x.adcode, "");
    assert_eq!(x.ordered_at, datetime!(2013-11-29 17:12:00 -06:00));
    assert_eq!(x.order_status_id, 5);
    assert_eq!(x.special_instructions, "");
    assert_eq!(x.subtotal, dec("2295"));
    assert_eq!(x.tax_total, dec("191.4"));
    assert_eq!(x.shipping_total, dec("25"));
    assert_eq!(x.discount_total, dec("0"));
    assert_eq!(x.grand_total, dec("2511.4"));
    assert_eq!(x.cost_total, dec("0"));
    assert_eq!(x.selected_shipping_method, "FedEx Express Saver");
    assert_eq!(x.ip_address, "127.0.0.1");
    assert!(!x.exported_to_accounting_system);
    assert_eq!(x.referrer, "");
    assert_eq!(x.order_shipping_address_id, Some(1));
    assert_eq!(x.order_billing_address_id, Some(1));
    assert_eq!(x.admin_comments, "");
    assert_eq!(x.source, "[none]");
    assert_eq!(x.search_phrase, "");
    assert!(!x.is_ppc);
    assert_eq!(x.ppc_keyword, "");
    assert_eq!(x.store_id, 1);
    assert_eq!(x.session_id, 363);
    assert_eq!(x.handling_total, dec("0"));
    assert!(!x.is_payment_order_only);
    assert_eq!(x.selected_shipping_provider_service, "FEDEX_EXPRESS_SAVER");
    assert_eq!(x.additional_fees, dec("0"));
    assert_eq!(x.adcode_id, 0);
    assert_eq!(x.updated_at, datetime!(2014-03-19 13:31:47.923 -05:00));
    assert_eq!(x.created_at, datetime!(2013-11-29 17:12:08.16 -06:00));
    assert_eq!(x.entered_by, "test@test.com");
    assert!(!x.is_gift);
    assert_eq!(x.gift_message, "");
    assert_eq!(x.public_comments, "");
    assert_eq!(x.instructions, "");
    assert_eq!(x.source_group, "");
    assert_eq!(x.from_subscription_id, None);
    assert_eq!(x.previous_order_status_id, Some(2));
    assert_eq!(
        x.order_status_last_changed_at,
        Some(datetime!(2014-03-19 13:31:47.923 -05:00))
    );
    assert_eq!(x.discounted_shipping_total, dec("25"));
    assert_eq!(x.order_number, "");
    assert_eq!(x.coupon_code, "");
    assert_eq!(x.order_type, OrderType::Order);
    assert_eq!(x.expires_at, None);
    assert!(!x.expires);
    assert_eq!(x.from_quote_id, None);
    assert_eq!(x.campaign_code, "");
    assert!(!x.reward_points_credited);
    assert_eq!(x.channel, "Online");
    assert_eq!(x.device, "None");
    assert_eq!(x.manufacturer_invoice_number, "");
    assert_eq!(x.manufacturer_invoice_amount, Some(dec("0.0000")));
    assert_eq!(x.manufacturer_invoice_paid, Some(false));
    assert_eq!(x.sales_agent_user_id, 0);
    assert_eq!(x.due_date, None);
    assert_eq!(x.delivery_tax, Some(dec("0.0000")));
    assert_eq!(x.location_id, None);
    assert_eq!(x.shipping_selections.len(), 1);
    assert_eq!(x.shipping_selections[0].classification_code, "");
    assert_eq!(x.shipping_selections[0].shipping_provider, "FedEx");
    assert_eq!(
        x.shipping_selections[0].shipping_method,
        "FedEx Express Saver"
    );
    assert_eq!(x.entered_by_type, "Customer");
    assert_eq!(x.converted_to_order_ids, "");
    assert!(x.items.is_empty());
    assert!(x.payments.is_empty());
    assert!(x.shipments.is_empty());
    assert!(x.custom_fields.is_empty());
}

/// `models/orders.items.json`.
pub fn orders_items(items: &[OrderItem]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, 135);
    assert_eq!(items[0].order_id, 100000);
    assert_eq!(items[0].product_id, 4);
    assert_eq!(items[0].item_number, "glfblls");
    assert_eq!(items[0].item_name, "Golf Balls - Titliest");
    assert_eq!(items[0].price, dec("100"));
    assert_eq!(items[0].cost, dec("0"));
    assert_eq!(items[0].quantity, 1);
    assert!(!items[0].is_discount_item);
    assert_eq!(items[0].weight, dec("25"));
    assert!(items[0].is_taxable);
    assert_eq!(items[0].weight_unit, "Lbs");
    assert!(!items[0].is_non_shipping_item);
    assert_eq!(items[0].variant_inventory_id, None);
    assert_eq!(items[0].parent_order_item_id, None);
    assert!(!items[0].is_quantity_bound_to_parent);
    assert_eq!(items[0].updated_at, datetime!(2013-11-04 09:36:05.7 -06:00));
    assert_eq!(
        items[0].created_at,
        datetime!(2013-11-04 09:36:04.827 -06:00)
    );
    assert_eq!(items[0].height, None);
    assert_eq!(items[0].length, None);
    assert_eq!(items[0].width, None);
    assert_eq!(items[0].size_unit, "In");
    assert_eq!(items[0].tax_code, "");
    assert_eq!(items[0].item_number_full, "glfblls");
    assert_eq!(items[0].admin_comments, "");
    assert!(!items[0].do_not_discount);
    assert_eq!(items[0].line_item_note, "");
    assert_eq!(items[0].order_shipping_address_id, None);
    assert_eq!(items[0].gift_message, "");
    assert_eq!(items[0].delivery_date, None);
    assert_eq!(items[0].discount_amount, dec("0.0000"));
    assert_eq!(items[0].discount_percentage, dec("0.0000"));
    assert!(!items[0].is_subscription_product);
    assert_eq!(items[0].warehouse_id, 0);
    assert_eq!(items[0].description, "test");
    assert_eq!(items[0].tax, dec("5.5275"));
    assert_eq!(items[0].configuration, "");
    assert_eq!(items[0].status, "");
    assert_eq!(items[0].shipping_classification_code, "tx");
    assert_eq!(items[0].variants.len(), 2);
    assert_eq!(items[0].variants[0].id, 7);
    assert_eq!(items[0].variants[0].description, "Color: Blue");
    assert_eq!(items[0].variants[0].variant_group_id, 3);
    assert_eq!(items[0].variants[1].id, 23);
    assert_eq!(items[0].variants[1].description, "Special: Normal");
    assert_eq!(items[0].variants[1].variant_group_id, 9);
    assert_eq!(items[0].personalizations.len(), 0);
}

/// `models/orders.payments.json`.
pub fn orders_payments(items: &[OrderPayment]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, 1);
    assert_eq!(items[0].customer_id, 1);
    assert_eq!(items[0].order_id, 100000);
    assert_eq!(items[0].customer_payment_method_id, Some(1));
    assert_eq!(items[0].payment_method_id, 0);
    assert_eq!(items[0].payment_type, "CreditCard");
    assert!(!items[0].is_approved);
    assert!(!items[0].is_declined);
    assert_eq!(items[0].card_type, "Visa");
    assert_eq!(items[0].card_expiration_month, Some(12));
    assert_eq!(items[0].card_expiration_year, Some(2015));
    assert_eq!(items[0].cardholder_name, "John Doe");
    assert_eq!(
        items[0].paid_at,
        Some(datetime!(2014-04-07 11:43:09.103 -05:00))
    );
    assert_eq!(items[0].approved_at, None);
    assert_eq!(items[0].authorization_code, "");
    assert_eq!(items[0].reject_reason, "");
    assert_eq!(items[0].avs_code, "");
    assert_eq!(items[0].payment_method_name, "Credit Card");
    assert_eq!(items[0].transaction_type, "None");
    assert_eq!(items[0].amount, dec("60.73"));
    assert_eq!(items[0].payment_note, "");
    assert_eq!(
        items[0].updated_at,
        datetime!(2014-04-07 11:43:09.127 -05:00)
    );
    assert_eq!(
        items[0].created_at,
        datetime!(2014-04-07 11:43:09.127 -05:00)
    );
    assert_eq!(items[0].gift_certificate_id, None);
    assert!(!items[0].is_captured);
    assert_eq!(items[0].transaction_id, "");
    assert_eq!(items[0].last_four, "");
    assert!(!items[0].is_void);
    assert_eq!(items[0].gateway_response_code, "");
    assert_eq!(items[0].cvv_response_code, "");
    assert_eq!(items[0].payment_ref_num, "");
    assert_eq!(items[0].store_method_payment_id, 0);
    assert!(items[0].fields.is_empty());
}

/// `models/orders.shipments.json`.
pub fn orders_shipments(items: &[OrderShipment]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, 2);
    assert_eq!(items[0].order_id, 100000);
    assert_eq!(
        items[0].shipped_at,
        Some(datetime!(2023-06-09 00:00:00 -05:00))
    );
    assert_eq!(items[0].tracking_numbers, "");
    assert_eq!(items[0].tracking_url, "");
    assert_eq!(items[0].shipping_method, "FedEx Express Saver");
    assert_eq!(items[0].shipping_method_id, 30);
    assert_eq!(items[0].number_of_packages, None);
    assert_eq!(items[0].total_weight, None);
    assert_eq!(items[0].provider_base_shipping_cost, None);
    assert_eq!(items[0].provider_insurance_cost, None);
    assert_eq!(items[0].provider_handling_cost, None);
    assert_eq!(items[0].provider_other_charges, None);
    assert_eq!(items[0].provider_total_shipping_cost, None);
    assert!(!items[0].email_sent);
    assert_eq!(items[0].private_comment, "");
    assert_eq!(items[0].shipping_comment, "");
    assert_eq!(
        items[0].created_at,
        datetime!(2023-06-09 08:37:40.033 -05:00)
    );
    assert_eq!(
        items[0].updated_at,
        datetime!(2023-06-16 08:32:30.353 -05:00)
    );
    assert_eq!(items[0].shipping_method_type, "provider");
    assert_eq!(items[0].shipment_name, "1");
    assert_eq!(items[0].shipping_provider_name, "FedEx");
    assert!(items[0].items.is_empty());
}

/// `models/orders.custom_fields.json`.
pub fn orders_custom_fields(items: &[CustomField]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].name, "testme");
    assert_eq!(items[0].value, "my value");
}

/// `models/product_statuses.json`.
pub fn product_statuses(x: &ProductStatus) {
    assert_eq!(x.id, 1);
    assert_eq!(x.name, "In Stock");
    assert_eq!(x.time_frame, "1-2 Business Days");
    assert!(!x.is_unavailable);
    assert!(!x.is_hidden);
    assert!(!x.is_back_ordered);
    assert!(!x.show_quantity);
    assert_eq!(x.updated_at, datetime!(2014-03-19 13:31:47.923 -05:00));
    assert_eq!(x.created_at, datetime!(2014-03-19 13:31:47.923 -05:00));
}

/// `models/product_variants.json`.
pub fn product_variants(x: &ProductVariant) {
    assert_eq!(x.id, 6);
    assert_eq!(x.product_id, 8);
    assert_eq!(x.variant_group_id, 4);
    assert_eq!(x.description, "Blue");
    assert_eq!(x.price_adjustment, dec("0"));
    assert_eq!(x.price_adjustment_type, "");
    assert_eq!(x.sort_order, 0);
    assert_eq!(x.item_number_extension, "");
    assert_eq!(x.item_number_sort_order, 0);
    assert!(!x.is_hidden);
    assert_eq!(x.weight, dec("1.0000"));
    assert_eq!(x.weight_type, "+");
    assert_eq!(
        x.updated_at,
        Some(datetime!(2014-03-19 13:31:47.923 -05:00))
    );
    assert_eq!(
        x.created_at,
        Some(datetime!(2014-03-19 13:31:47.923 -05:00))
    );
    assert!(!x.is_default_selection);
    assert_eq!(x.swatch_file, "");
    assert_eq!(x.swatch_thumbnail, "");
    assert_eq!(x.swatch_thumbnail_color, "");
    assert_eq!(x.variant_inventory_id, None);
}

/// `models/products.fixed.json`.
pub fn products(x: &Product) {
    assert_eq!(x.id, 18);
    assert_eq!(x.item_number, "");
    assert_eq!(x.supplier_id, 0);
    assert_eq!(x.manufacturer_id, 0);
    assert_eq!(x.manufacturer_part_number, "");
    assert_eq!(x.primary_category_id, 11);
    assert_eq!(x.product_status_id, 1);
    assert_eq!(x.item_name, "Natalie Dining Table Set");
    assert_eq!(x.bullets, "");
    assert_eq!(x.short_description, "");
    assert_eq!(x.long_description_2, "<ul>\r\n<li>\r\n<div class=\"\"><font face=Verdana size=1>Material: Chromed metal, clear glass</font></div>\r\n<li>\r\n<div class=\"\"><font face=Verdana size=1>Dimension (L x W x H): 55\" - 80\"W x 32\"D x 30\"H (140-200cm x 90cm x 74cm)</font></div>\r\n<li>\r\n<div class=\"\"><font face=Verdana size=1>Glass thickness: 0.4” (10mm)</font></div>\r\n<li>\r\n<div class=\"\"><font face=Verdana size=1>Weight: 72 kg / 159 lbs</font></div>\r\n<li>\r\n<div class=\"\"><font face=Verdana size=1>Care: household glass cleaner only on glass </font></div></li></ul>");
    assert_eq!(x.long_description_3, "");
    assert_eq!(x.long_description_4, "");
    assert_eq!(x.long_description_5, "");
    assert_eq!(x.height, None);
    assert_eq!(x.length, None);
    assert_eq!(x.width, None);
    assert_eq!(x.size_unit, "In");
    assert_eq!(x.weight, dec("1"));
    assert_eq!(x.weight_unit, "Lbs");
    assert_eq!(x.cost, dec("0"));
    assert_eq!(x.price, dec("589"));
    assert_eq!(x.retail, dec("689"));
    assert_eq!(x.minimum_quantity, 0);
    assert_eq!(x.maximum_quantity, 0);
    assert!(x.is_spotlight_item);
    assert_eq!(x.quantity_on_hand, 0);
    assert_eq!(x.keywords, "");
    assert!(!x.is_non_taxable);
    assert!(!x.is_shipped_individually);
    assert!(!x.is_hidden);
    assert_eq!(x.sort_order, 0);
    assert_eq!(x.e_product_type, "NotAnEProduct");
    assert_eq!(x.e_product_url, "");
    assert_eq!(x.e_product_password, "");
    assert_eq!(x.e_product_verification_link_expiration, 0);
    assert_eq!(x.e_product_email, "");
    assert!(!x.e_product_allow_multiple_deliveries);
    assert_eq!(x.warehouse_id, 0);
    assert!(!x.call_for_shipping);
    assert!(!x.call_for_pricing);
    assert_eq!(x.rate_adjustment_type, "AutoCalculation");
    assert_eq!(x.meta_description, "");
    assert_eq!(x.page_title, "");
    assert!(!x.use_tabs);
    assert_eq!(x.related_name, "");
    assert!(!x.override_theme_use_tabs);
    assert_eq!(x.long_description_tab_name_1, "");
    assert_eq!(x.long_description_tab_name_2, "");
    assert_eq!(x.long_description_tab_name_3, "");
    assert_eq!(x.long_description_tab_name_4, "");
    assert_eq!(x.long_description_tab_name_5, "");
    assert_eq!(x.long_description_1, "Always ready to impress your guests, this table combines style and functionality with the clear tempered glass on top of the chrome-finished metal frame. The built in simple mechanism will extend the table. The simple mechanism will work for you to extract the hidden extension from the middle when you pull the glass table top. Add a contemporary touch to your dining room today. ");
    assert!(!x.is_non_shipping_item);
    assert_eq!(x.e_product_delivery_action, "None");
    assert!(!x.use_variant_inventory);
    assert!(!x.is_featured_item);
    assert_eq!(x.long_description_external_url_1, "");
    assert_eq!(x.long_description_external_url_2, "");
    assert_eq!(x.long_description_external_url_3, "");
    assert_eq!(x.long_description_external_url_4, "");
    assert_eq!(x.long_description_external_url_5, "");
    assert_eq!(x.bullets_external_url, "");
    assert!(!x.custom_flag_1);
    assert!(!x.custom_flag_2);
    assert!(!x.custom_flag_3);
    assert!(!x.custom_flag_4);
    assert!(!x.custom_flag_5);
    assert_eq!(
        x.created_at,
        Some(datetime!(2014-03-19 13:31:47.923 -05:00))
    );
    assert_eq!(
        x.updated_at,
        Some(datetime!(2014-03-19 13:31:47.923 -05:00))
    );
    assert_eq!(x.url_rewrite, "");
    assert!(!x.is_kit);
    assert!(!x.is_child_product);
    assert!(!x.is_non_inventory);
    assert!(!x.is_discontinued);
    assert_eq!(x.eta_date, None);
    assert_eq!(x.quantity_on_order, 0);
    assert_eq!(x.available_region_id, None);
    assert!(!x.call_for_shipping_on_whole_order);
    assert!(!x.break_out_shipping);
    assert_eq!(x.shipping_classification_code, "");
    assert!(!x.exclude_parent_from_display);
    assert!(!x.drop_ship);
    assert_eq!(x.no_price_mask, "");
    assert_eq!(x.starting_quantity, None);
    assert_eq!(x.tax_code, "");
    assert!(!x.use_map_pricing);
    assert_eq!(x.last_item_number, "");
    assert!(!x.has_visible_variants);
    assert_eq!(x.product_rating_dimension_group_override_id, None);
    assert_eq!(x.average_review_rating, None);
    assert_eq!(x.review_count, None);
    assert!(!x.exclude_children_from_display);
    assert!(!x.use_pricing_from_parent);
    assert_eq!(x.low_stock_warning_threshold, None);
    assert!(!x.enable_low_stock_warning);
    assert!(!x.do_not_discount);
    assert_eq!(x.head_tags, "");
    assert_eq!(x.handling_fee, None);
    assert_eq!(x.custom_upsell_url, "");
    assert_eq!(x.e_product_serial_number_file_path, "");
    assert!(!x.hide_variant_surcharges);
    assert_eq!(x.quantity_increment, 1);
    assert_eq!(x.gtin, "");
    assert_eq!(x.add_to_cart_message, "");
    assert!(!x.is_subscription_product);
    assert_eq!(x.subscription_frequency, None);
    assert_eq!(x.subscription_frequency_type, "");
    assert_eq!(x.e_product_generic_username, "");
    assert_eq!(x.e_product_generic_password, "");
    assert_eq!(x.shipping_override, None);
    assert_eq!(x.insurance_cost, None);
    assert!(!x.exclude_from_commissions);
    assert_eq!(x.days_until_reorder_allowed, 0);
    assert!(!x.force_separate_order);
    assert!(!x.approval_required);
    assert_eq!(x.in_stock_notification_email_template_id, None);
    assert!(!x.ineligible_for_purchase_by_points);
    assert!(x.earns_points);
    assert_eq!(x.additional_points_earned, None);
    assert_eq!(x.allowed_variable_subscription_types, "");
    assert_eq!(x.profile_id, None);
    assert!(!x.is_linked_product);
    assert_eq!(x.master_product_id, 0);
    assert!(!x.do_not_send_review_request);
    assert_eq!(x.pack_slip_sort_order, 0);
    assert!(!x.is_enable_variants_on_parent);
    assert!(!x.is_hide_children_on_parent);
    assert_eq!(x.cart_product_id, "00000000-0000-0000-0000-000000000000");
    assert_eq!(x.enabled_configurator, "");
    assert_eq!(x.material_code, "");
    assert_eq!(x.product_line_code, "");
    assert_eq!(x.ext_update_date, None);
    assert_eq!(x.additional_attributes, "");
    assert_eq!(x.shipper_hq_shipping_groups, "");
    assert_eq!(x.shipper_hq_dimensional_rule_groups, "");
    assert_eq!(x.shipper_hq_packing_boxes, "");
    assert_eq!(x.freight_class, "");
    assert_eq!(x.hs_code, "");
    assert_eq!(x.coo, "");
    assert_eq!(x.hts, "");
    assert!(!x.is_exempt_from_min_order_amount);
    assert_eq!(x.category_list, "");
    assert_eq!(x.is_default_child, None);
    assert_eq!(x.bind_quantity_to_parent, None);
    assert_eq!(x.is_required, None);
    assert_eq!(x.child_required_quantity, None);
    assert!(x.variants.is_empty());
    assert!(x.variant_inventory.is_empty());
    assert!(x.child_products.is_empty());
    assert!(x.custom_fields.is_empty());
}

/// `models/products.variants.fixed.json`.
pub fn products_variants(items: &[ProductVariant]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, 11);
    assert_eq!(items[0].product_id, 18);
    assert_eq!(items[0].variant_group_id, 7);
    assert_eq!(items[0].description, "Director's Cut");
    assert_eq!(items[0].price_adjustment, dec("2"));
    assert_eq!(items[0].price_adjustment_type, "+ dollars");
    assert_eq!(items[0].sort_order, 0);
    assert_eq!(items[0].item_number_extension, "");
    assert_eq!(items[0].item_number_sort_order, 0);
    assert!(!items[0].is_hidden);
    assert_eq!(items[0].weight, dec("0.0"));
    assert_eq!(items[0].weight_type, "+");
    assert_eq!(items[0].updated_at, None);
    assert_eq!(items[0].created_at, None);
    assert!(!items[0].is_default_selection);
    assert_eq!(items[0].swatch_file, "");
    assert_eq!(items[0].swatch_thumbnail, "");
    assert_eq!(items[0].swatch_thumbnail_color, "");
    assert_eq!(items[0].variant_inventory_id, None);
}

/// `models/products.variant_inventory.json`.
pub fn products_variant_inventory(items: &[VariantInventory]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, 4);
    assert_eq!(items[0].product_id, 18);
    assert_eq!(items[0].inventory, 5);
    assert_eq!(items[0].item_number, "3367799-1");
    assert_eq!(items[0].manufacturer_item_number, "");
    assert_eq!(items[0].weight, dec("0"));
    assert_eq!(items[0].product_status_id, 1);
    assert_eq!(items[0].updated_at, None);
    assert_eq!(items[0].created_at, None);
    assert_eq!(items[0].low_stock_warning_at, None);
    assert!(!items[0].low_stock_warning_enabled);
    assert_eq!(items[0].gtin, "");
    assert_eq!(items[0].variant_inventory_image, "");
    assert_eq!(items[0].height, Some(dec("0.0")));
    assert_eq!(items[0].length, Some(dec("0.0")));
    assert_eq!(items[0].width, Some(dec("0.0")));
    assert_eq!(items[0].retail, Some(dec("0.0000")));
    assert_eq!(items[0].shipper_hq_shipping_groups, "");
    assert_eq!(items[0].shipper_hq_dimensional_rule_groups, "");
    assert_eq!(items[0].shipper_hq_packing_boxes, "");
    assert_eq!(items[0].description, "");
    assert!(items[0].variants.is_empty());
}

/// `models/products.child_products.json`.
pub fn products_child_products(items: &[Product]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, 24);
    assert_eq!(items[0].item_number, "");
    assert_eq!(items[0].supplier_id, 0);
    assert_eq!(items[0].manufacturer_id, 0);
    assert_eq!(items[0].manufacturer_part_number, "");
    assert_eq!(items[0].primary_category_id, 7);
    assert_eq!(items[0].product_status_id, 1);
    assert_eq!(items[0].item_name, "Veggie Tales - Minnesota Cuke");
    assert_eq!(items[0].bullets, "");
    assert_eq!(items[0].short_description, "Hold on to your hats, adventure lovers! It's the most mysterious and intriguing VeggieTales ever!");
    assert_eq!(items[0].long_description_2, "");
    assert_eq!(items[0].long_description_3, "");
    assert_eq!(items[0].long_description_4, "");
    assert_eq!(items[0].long_description_5, "");
    assert_eq!(items[0].height, None);
    assert_eq!(items[0].length, None);
    assert_eq!(items[0].width, None);
    assert_eq!(items[0].size_unit, "1");
    assert_eq!(items[0].weight, dec("1"));
    assert_eq!(items[0].weight_unit, "1");
    assert_eq!(items[0].cost, dec("0"));
    assert_eq!(items[0].price, dec("9.95"));
    assert_eq!(items[0].retail, dec("19.95"));
    assert_eq!(items[0].minimum_quantity, 0);
    assert_eq!(items[0].maximum_quantity, 0);
    assert!(!items[0].is_spotlight_item);
    assert_eq!(items[0].quantity_on_hand, 100);
    assert_eq!(items[0].keywords, "");
    assert!(!items[0].is_non_taxable);
    assert!(!items[0].is_shipped_individually);
    assert!(!items[0].is_hidden);
    assert_eq!(items[0].sort_order, 0);
    assert_eq!(items[0].e_product_type, "0");
    assert_eq!(items[0].e_product_url, "");
    assert_eq!(items[0].e_product_password, "");
    assert_eq!(items[0].e_product_verification_link_expiration, 0);
    assert_eq!(items[0].e_product_email, "");
    assert!(items[0].e_product_allow_multiple_deliveries);
    assert_eq!(items[0].warehouse_id, 0);
    assert!(!items[0].call_for_shipping);
    assert!(!items[0].call_for_pricing);
    assert_eq!(items[0].rate_adjustment_type, "0");
    assert_eq!(items[0].meta_description, "");
    assert_eq!(items[0].page_title, "");
    assert!(items[0].use_tabs);
    assert_eq!(items[0].related_name, "");
    assert!(!items[0].override_theme_use_tabs);
    assert_eq!(items[0].long_description_tab_name_1, "");
    assert_eq!(items[0].long_description_tab_name_2, "");
    assert_eq!(items[0].long_description_tab_name_3, "");
    assert_eq!(items[0].long_description_tab_name_4, "");
    assert_eq!(items[0].long_description_tab_name_5, "");
    assert_eq!(items[0].long_description_1, "<P>Larry the Cucumber stars at Minnesota Cuke -- peaceful children's museum curator by trade, daring explorer in a fedora at heart! When Cuke learns of the legendary hairbrush of Samson, he ponders using its powers to defeat his life-long nemesis, Professor Rattan. Rattan has bullied Cuke since the second grade, leaving him tempted to retaliate. \r\n<P>Will Minnesota hold the hairbrush for selfish gain, or will he find the power to forgive his enemy? Grab your passports and join Cuke, Martin (Bob the Tomato), Rattan and the VeggieTales gang on their adventurous journey in the search for Samson's hairbrush -- and a better way to deal with bullies! \r\n<P>Also find out what's going on with Junior Asparagus as he faces a bully on the playground!</P>");
    assert!(!items[0].is_non_shipping_item);
    assert_eq!(items[0].e_product_delivery_action, "");
    assert!(!items[0].use_variant_inventory);
    assert!(!items[0].is_featured_item);
    assert_eq!(items[0].long_description_external_url_1, "");
    assert_eq!(items[0].long_description_external_url_2, "");
    assert_eq!(items[0].long_description_external_url_3, "");
    assert_eq!(items[0].long_description_external_url_4, "");
    assert_eq!(items[0].long_description_external_url_5, "");
    assert_eq!(items[0].bullets_external_url, "");
    assert!(!items[0].custom_flag_1);
    assert!(!items[0].custom_flag_2);
    assert!(!items[0].custom_flag_3);
    assert!(!items[0].custom_flag_4);
    assert!(!items[0].custom_flag_5);
    assert_eq!(items[0].created_at, None);
    assert_eq!(
        items[0].updated_at,
        Some(datetime!(2014-06-09 15:12:26.483 -05:00))
    );
    assert_eq!(items[0].url_rewrite, "");
    assert!(items[0].is_kit);
    assert!(items[0].is_child_product);
    assert!(!items[0].is_non_inventory);
    assert!(!items[0].is_discontinued);
    assert_eq!(items[0].eta_date, None);
    assert_eq!(items[0].quantity_on_order, 0);
    assert_eq!(items[0].available_region_id, None);
    assert!(!items[0].call_for_shipping_on_whole_order);
    assert!(!items[0].break_out_shipping);
    assert_eq!(items[0].shipping_classification_code, "");
    assert!(!items[0].exclude_parent_from_display);
    assert!(!items[0].drop_ship);
    assert_eq!(items[0].no_price_mask, "");
    assert_eq!(items[0].starting_quantity, None);
    assert_eq!(items[0].tax_code, "");
    assert!(!items[0].use_map_pricing);
    assert_eq!(items[0].last_item_number, "");
    assert!(!items[0].has_visible_variants);
    assert_eq!(items[0].product_rating_dimension_group_override_id, None);
    assert_eq!(items[0].average_review_rating, Some(dec("0")));
    assert_eq!(items[0].review_count, Some(0));
    assert!(!items[0].exclude_children_from_display);
    assert!(!items[0].use_pricing_from_parent);
    assert_eq!(items[0].low_stock_warning_threshold, None);
    assert!(!items[0].enable_low_stock_warning);
    assert!(!items[0].do_not_discount);
    assert_eq!(items[0].head_tags, "");
    assert_eq!(items[0].handling_fee, None);
    assert_eq!(items[0].custom_upsell_url, "");
    assert_eq!(items[0].e_product_serial_number_file_path, "");
    assert!(!items[0].hide_variant_surcharges);
    assert_eq!(items[0].quantity_increment, 1);
    assert_eq!(items[0].gtin, "");
    assert_eq!(items[0].add_to_cart_message, "");
    assert!(!items[0].is_subscription_product);
    assert_eq!(items[0].subscription_frequency, None);
    assert_eq!(items[0].subscription_frequency_type, "");
    assert_eq!(items[0].e_product_generic_username, "");
    assert_eq!(items[0].e_product_generic_password, "");
    assert_eq!(items[0].shipping_override, None);
    assert_eq!(items[0].insurance_cost, None);
    assert!(!items[0].exclude_from_commissions);
    assert_eq!(items[0].days_until_reorder_allowed, 0);
    assert!(!items[0].force_separate_order);
    assert!(!items[0].approval_required);
    assert_eq!(items[0].in_stock_notification_email_template_id, None);
    assert!(!items[0].ineligible_for_purchase_by_points);
    assert!(items[0].earns_points);
    assert_eq!(items[0].additional_points_earned, None);
    assert_eq!(items[0].allowed_variable_subscription_types, "");
    assert_eq!(items[0].profile_id, None);
    assert!(!items[0].is_linked_product);
    assert_eq!(items[0].master_product_id, 0);
    assert!(!items[0].do_not_send_review_request);
    assert_eq!(items[0].pack_slip_sort_order, 0);
    assert!(!items[0].is_enable_variants_on_parent);
    assert!(!items[0].is_hide_children_on_parent);
    assert_eq!(items[0].cart_product_id, "");
    assert_eq!(items[0].enabled_configurator, "");
    assert_eq!(items[0].material_code, "");
    assert_eq!(items[0].product_line_code, "");
    assert_eq!(items[0].ext_update_date, None);
    assert_eq!(items[0].additional_attributes, "");
    assert_eq!(items[0].shipper_hq_shipping_groups, "");
    assert_eq!(items[0].shipper_hq_dimensional_rule_groups, "");
    assert_eq!(items[0].shipper_hq_packing_boxes, "");
    assert_eq!(items[0].freight_class, "");
    assert_eq!(items[0].hs_code, "");
    assert_eq!(items[0].coo, "");
    assert_eq!(items[0].hts, "");
    assert!(!items[0].is_exempt_from_min_order_amount);
    assert_eq!(items[0].category_list, "");
    assert_eq!(items[0].is_default_child, Some(false));
    assert_eq!(items[0].bind_quantity_to_parent, Some(false));
    assert_eq!(items[0].is_required, Some(false));
    assert_eq!(items[0].child_required_quantity, Some(0));
    assert!(items[0].variants.is_empty());
    assert!(items[0].variant_inventory.is_empty());
    assert!(items[0].child_products.is_empty());
    assert!(items[0].custom_fields.is_empty());
}

/// `models/products.custom_fields.json`.
pub fn products_custom_fields(items: &[CustomField]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].name, "testme");
    assert_eq!(items[0].value, "my value");
}

/// `models/quotes.json`.
pub fn quotes(x: &Quote) {
    assert_eq!(x.id, 100000);
    assert_eq!(x.customer_id, 1);
    assert_eq!(x.customer_type_id, 0);
    assert_eq!(x.adcode, "");
    assert_eq!(x.ordered_at, datetime!(2013-11-29 17:12:00 -06:00));
    assert_eq!(x.order_status_id, 5);
    assert_eq!(x.special_instructions, "");
    assert_eq!(x.subtotal, dec("2295"));
    assert_eq!(x.tax_total, dec("191.4"));
    assert_eq!(x.shipping_total, dec("25"));
    assert_eq!(x.discount_total, dec("0"));
    assert_eq!(x.grand_total, dec("2511.4"));
    assert_eq!(x.cost_total, dec("0"));
    assert_eq!(x.selected_shipping_method, "Priority Shipping");
    assert_eq!(x.ip_address, "127.0.0.1");
    assert!(!x.exported_to_accounting_system);
    assert_eq!(x.referrer, "");
    assert_eq!(x.order_shipping_address_id, Some(1));
    assert_eq!(x.order_billing_address_id, Some(1));
    assert_eq!(x.admin_comments, "");
    assert_eq!(x.source, "[none]");
    assert_eq!(x.search_phrase, "");
    assert!(!x.is_ppc);
    assert_eq!(x.ppc_keyword, "");
    assert_eq!(x.store_id, 1);
    assert_eq!(x.session_id, 363);
    assert_eq!(x.handling_total, dec("0"));
    assert!(!x.is_payment_order_only);
    assert_eq!(x.selected_shipping_provider_service, "2");
    assert_eq!(x.additional_fees, dec("0"));
    assert_eq!(x.adcode_id, 0);
    assert_eq!(x.updated_at, datetime!(2014-03-19 13:31:47.923 -05:00));
    assert_eq!(x.created_at, datetime!(2013-11-29 17:12:08.16 -06:00));
    assert_eq!(x.entered_by, "Admin");
    assert!(!x.is_gift);
    assert_eq!(x.gift_message, "");
    assert_eq!(x.public_comments, "");
    assert_eq!(x.instructions, "");
    assert_eq!(x.source_group, "");
    assert_eq!(x.from_subscription_id, None);
    assert_eq!(x.previous_order_status_id, Some(2));
    assert_eq!(
        x.order_status_last_changed_at,
        Some(datetime!(2014-03-19 13:31:47.923 -05:00))
    );
    assert_eq!(x.discounted_shipping_total, dec("25"));
    assert_eq!(x.order_number, "");
    assert_eq!(x.coupon_code, "");
    assert_eq!(x.order_type, OrderType::Quote);
    assert_eq!(x.expires_at, None);
    assert!(!x.expires);
    assert_eq!(x.from_quote_id, None);
    assert_eq!(x.campaign_code, "");
    assert!(!x.reward_points_credited);
    assert_eq!(x.channel, "");
    assert_eq!(x.device, "");
    assert_eq!(x.manufacturer_invoice_number, "");
    assert_eq!(x.manufacturer_invoice_amount, None);
    assert_eq!(x.manufacturer_invoice_paid, None);
    assert_eq!(x.sales_agent_user_id, 0);
    assert_eq!(x.due_date, None);
    assert_eq!(x.delivery_tax, None);
    assert_eq!(x.location_id, None);
    assert!(x.shipping_selections.is_empty());
    assert_eq!(x.entered_by_type, "");
    assert_eq!(x.converted_to_order_ids, "101042");
    assert!(x.items.is_empty());
    assert!(x.payments.is_empty());
    assert!(x.shipments.is_empty());
    assert!(x.custom_fields.is_empty());
}

/// `models/quotes.items.json`.
pub fn quotes_items(items: &[OrderItem]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, 798);
    assert_eq!(items[0].order_id, 100000);
    assert_eq!(items[0].product_id, 55);
    assert_eq!(items[0].item_number, "42LP1");
    assert_eq!(items[0].item_name, "42LP1");
    assert_eq!(items[0].price, dec("36.99"));
    assert_eq!(items[0].cost, dec("0"));
    assert_eq!(items[0].quantity, 1);
    assert!(!items[0].is_discount_item);
    assert_eq!(items[0].weight, dec("25.0000"));
    assert!(items[0].is_taxable);
    assert_eq!(items[0].weight_unit, "Lbs");
    assert!(!items[0].is_non_shipping_item);
    assert_eq!(items[0].variant_inventory_id, None);
    assert_eq!(items[0].parent_order_item_id, None);
    assert!(!items[0].is_quantity_bound_to_parent);
    assert_eq!(
        items[0].updated_at,
        datetime!(2014-04-07 11:55:56.31 -05:00)
    );
    assert_eq!(
        items[0].created_at,
        datetime!(2014-04-07 11:55:56.31 -05:00)
    );
    assert_eq!(items[0].height, Some(dec("0.0000")));
    assert_eq!(items[0].length, Some(dec("0.0000")));
    assert_eq!(items[0].width, Some(dec("0.0000")));
    assert_eq!(items[0].size_unit, "In");
    assert_eq!(items[0].tax_code, "");
    assert_eq!(items[0].item_number_full, "HTB-N810DV");
    assert_eq!(items[0].admin_comments, "");
    assert!(!items[0].do_not_discount);
    assert_eq!(items[0].line_item_note, "");
    assert_eq!(items[0].order_shipping_address_id, None);
    assert_eq!(items[0].gift_message, "");
    assert_eq!(items[0].delivery_date, None);
    assert_eq!(items[0].discount_amount, dec("0.0000"));
    assert_eq!(items[0].discount_percentage, dec("0.0000"));
    assert!(!items[0].is_subscription_product);
    assert_eq!(items[0].warehouse_id, 0);
    assert_eq!(items[0].description, "");
    assert_eq!(items[0].tax, dec("0.0000"));
    assert_eq!(items[0].configuration, "");
    assert_eq!(items[0].status, "");
    assert_eq!(items[0].shipping_classification_code, "");
    assert_eq!(items[0].variants.len(), 1);
    assert_eq!(items[0].variants[0].id, 11);
    assert_eq!(items[0].variants[0].description, "Color: Red");
    assert_eq!(items[0].variants[0].variant_group_id, 3);
    assert_eq!(items[0].personalizations.len(), 1);
    assert_eq!(items[0].personalizations[0].id, 3);
    assert_eq!(items[0].personalizations[0].answer, "Insert name here");
}

/// `models/quotes.custom_fields.json`.
pub fn quotes_custom_fields(items: &[CustomField]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].name, "testme");
    assert_eq!(items[0].value, "my value");
}

/// `models/regions.json`.
pub fn regions(x: &Region) {
    assert_eq!(x.id, 1);
    assert_eq!(x.postal_codes.len(), 0);
    assert_eq!(x.name, "North America");
    assert_eq!(x.states.len(), 0);
    assert_eq!(x.countries.len(), 2);
    assert_eq!(x.countries[0], "United States");
    assert_eq!(x.countries[1], "Canada");
    assert_eq!(x.markup_type, "Percent");
    assert_eq!(x.markup_amount, dec("0"));
    assert_eq!(x.sort_order, 0);
    assert_eq!(x.updated_at, datetime!(2014-05-06 12:24:32.753 -05:00));
    assert_eq!(x.created_at, datetime!(2014-05-06 12:24:32.753 -05:00));
    assert_eq!(x.region_type, "Country");
    assert_eq!(x.postal_code_country, None);
    assert!(x.is_shipping_region);
    assert!(!x.is_tax_region);
}

/// `models/stores.json`.
pub fn stores(x: &Store) {
    assert_eq!(x.id, 1);
    assert_eq!(x.name, "localhost");
    assert_eq!(x.domain_name, "localhost");
    assert_eq!(x.email, "test@not-my-real-address.zzz");
    assert_eq!(x.keywords, "");
    assert_eq!(x.description, "");
    assert_eq!(x.address_line_1, "123 Main");
    assert_eq!(x.address_line_2, "");
    assert_eq!(x.city, "Beaumont");
    assert_eq!(x.state, "Texas");
    assert_eq!(x.country, "United States");
    assert_eq!(x.postal_code, "77702");
    assert_eq!(x.phone, "1234567890");
    assert_eq!(x.fax, "");
    assert!(x.all_catalog);
    assert!(!x.is_micro_store);
    assert_eq!(x.parent_store_id, 0);
    assert_eq!(x.company_name, "");
    assert_eq!(x.billing_first_name, "");
    assert_eq!(x.billing_last_name, "");
    assert_eq!(x.tech_first_name, "");
    assert_eq!(x.tech_last_name, "");
    assert_eq!(x.tech_email, "");
    assert!(!x.tech_same_as_billing);
    assert_eq!(x.profile_id, Some(9));
    assert_eq!(x.store_logo, "");
    assert_eq!(x.store_image, "");
    assert_eq!(x.average_testimonial_rating, dec("4.00"));
    assert_eq!(x.testimonial_count, 6);
}

/// `models/variant_inventory.json`.
pub fn variant_inventory(x: &VariantInventory) {
    assert_eq!(x.id, 1);
    assert_eq!(x.product_id, 62);
    assert_eq!(x.inventory, 10);
    assert_eq!(x.item_number, "VI-ItemTest");
    assert_eq!(x.manufacturer_item_number, "VI-MfgItemTest");
    assert_eq!(x.weight, dec("0"));
    assert_eq!(x.product_status_id, 1);
    assert_eq!(x.updated_at, Some(datetime!(2014-07-21 14:14:44.41 -05:00)));
    assert_eq!(
        x.created_at,
        Some(datetime!(2014-07-21 14:11:39.543 -05:00))
    );
    assert_eq!(x.low_stock_warning_at, None);
    assert!(!x.low_stock_warning_enabled);
    assert_eq!(x.gtin, "");
    assert_eq!(x.variant_inventory_image, "");
    assert_eq!(x.height, None);
    assert_eq!(x.length, None);
    assert_eq!(x.width, None);
    assert_eq!(x.retail, None);
    assert_eq!(x.shipper_hq_shipping_groups, "");
    assert_eq!(x.shipper_hq_dimensional_rule_groups, "");
    assert_eq!(x.shipper_hq_packing_boxes, "");
    assert_eq!(x.description, "Color: VariantTest-Red");
    assert!(x.variants.is_empty());
}

/// `models/variant_inventory.variants.json`.
pub fn variant_inventory_variants(items: &[ProductVariant]) {
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, 26);
    assert_eq!(items[0].product_id, 62);
    assert_eq!(items[0].variant_group_id, 3);
    assert_eq!(items[0].description, "VariantTest-Red");
    assert_eq!(items[0].price_adjustment, dec("5"));
    assert_eq!(items[0].price_adjustment_type, "+ percent");
    assert_eq!(items[0].sort_order, 0);
    assert_eq!(items[0].item_number_extension, "vtred");
    assert_eq!(items[0].item_number_sort_order, 1);
    assert!(!items[0].is_hidden);
    assert_eq!(items[0].weight, dec("1.0000"));
    assert_eq!(items[0].weight_type, "+");
    assert_eq!(
        items[0].updated_at,
        Some(datetime!(2014-07-21 14:10:40.257 -05:00))
    );
    assert_eq!(
        items[0].created_at,
        Some(datetime!(2014-07-21 14:10:40.257 -05:00))
    );
    assert!(!items[0].is_default_selection);
    assert_eq!(items[0].swatch_file, "");
    assert_eq!(items[0].swatch_thumbnail, "");
    assert_eq!(items[0].swatch_thumbnail_color, "");
    assert_eq!(items[0].variant_inventory_id, Some(1));
}

/// `models/warehouses.json`.
pub fn warehouses(x: &Warehouse) {
    assert_eq!(x.id, 1);
    assert_eq!(x.name, "Test Warehouse");
    assert_eq!(x.city, "Beaumont");
    assert_eq!(x.state, "Texas");
    assert_eq!(x.country, "United States");
    assert_eq!(x.postal_code, "77702");
    assert!(!x.is_default);
    assert_eq!(x.email, "");
    assert_eq!(x.address_line_1, "");
    assert_eq!(x.address_line_2, "");
    assert_eq!(x.account_number, "");
    assert_eq!(
        x.updated_at,
        Some(datetime!(2014-03-19 13:31:47.923 -05:00))
    );
    assert_eq!(
        x.created_at,
        Some(datetime!(2014-03-19 13:31:47.923 -05:00))
    );
}
