//! Spark Pay requests: a body for each of the 30 event types, built from the fields the webhooks
//! page lists with the reference pages' samples embedded, parses to exactly those values.

mod sparkpay_samples;

use commerce_webhooks::sparkpay::*;
use commerce_webhooks::ParseError;
use serde_json::{json, Value};
use sparkpay_samples::{dec, fixture};

/// A page sample as JSON, to embed in a request body.
fn sample(name: &str) -> Value {
    serde_json::from_str(&fixture(&format!("models/{name}"))).unwrap()
}

/// Parses a body, and checks that the request serializes to a body that parses back equal.
fn parse(event: EventType, body: &Value) -> Request {
    let request = Request::parse(event, serde_json::to_vec(body).unwrap()).unwrap();
    assert_eq!(request.event_type(), event);
    assert_eq!(request.expects_reply(), event.expects_reply());
    let serialized = serde_json::to_vec(&request).unwrap();
    assert_eq!(
        Request::parse(event, &serialized).unwrap(),
        request,
        "{event}"
    );
    request
}

#[test]
fn payment_events_carry_the_order_payment_sample() {
    let body = json!({ "order_payment": sample("order_payments.json") });
    for event in [
        EventType::AuthorizingPayment,
        EventType::CapturingPayment,
        EventType::PaymentProcessed,
    ] {
        let payment = match parse(event, &body) {
            Request::AuthorizingPayment(r) | Request::CapturingPayment(r) => r.order_payment,
            Request::PaymentProcessed(r) => r.order_payment,
            other => panic!("{other:?}"),
        };
        sparkpay_samples::order_payments(&payment);
    }
}

#[test]
fn order_events_carry_the_order_sample() {
    // Parsed from the page's text itself, byte for byte, inside `{"order": …}`.
    let body = format!("{{\"order\": {}}}", fixture("models/orders.json"));
    let events = [
        EventType::NewOrder,
        EventType::NewValidOrder,
        EventType::OrderApproved,
        EventType::OrderCanceled,
        EventType::OrderDeclined,
        EventType::OrderPlaced,
        EventType::OrderShipped,
        EventType::OrderUpdated,
    ];
    for event in events {
        let request = Request::parse(event, body.as_bytes()).unwrap();
        assert_eq!(request.event_type(), event);
        let order = match request {
            Request::NewOrder(r)
            | Request::NewValidOrder(r)
            | Request::OrderApproved(r)
            | Request::OrderCanceled(r)
            | Request::OrderDeclined(r)
            | Request::OrderPlaced(r)
            | Request::OrderShipped(r)
            | Request::OrderUpdated(r) => r.order,
            other => panic!("{other:?}"),
        };
        sparkpay_samples::orders(&order);
    }
}

#[test]
fn order_status_changed_carries_old_and_new_status() {
    let mut new_status = sample("order_statuses.json");
    new_status["id"] = json!(3);
    new_status["name"] = json!("Shipped");
    new_status["is_open"] = json!(false);
    new_status["is_shipped"] = json!(true);
    let body = json!({
        "order": sample("orders.json"),
        "old_status": sample("order_statuses.json"),
        "new_status": new_status,
    });
    let Request::OrderStatusChanged(change) = parse(EventType::OrderStatusChanged, &body) else {
        panic!("wrong variant");
    };
    sparkpay_samples::orders(&change.order);
    sparkpay_samples::order_statuses(&change.old_status);
    assert_eq!(change.new_status.id, 3);
    assert_eq!(change.new_status.name, "Shipped");
    assert!(!change.new_status.is_open);
    assert!(change.new_status.is_shipped);
    assert!(!change.new_status.is_declined);
}

#[test]
fn quote_events_carry_the_quote_sample() {
    let body = json!({ "quote": sample("quotes.json") });
    for event in [EventType::NewQuote, EventType::QuoteUpdated] {
        let quote = match parse(event, &body) {
            Request::NewQuote(r) | Request::QuoteUpdated(r) => r.quote,
            other => panic!("{other:?}"),
        };
        sparkpay_samples::quotes(&quote);
    }
    let mut old_status = sample("order_statuses.json");
    old_status["is_quote_status"] = json!(true);
    let body = json!({
        "quote": sample("quotes.json"),
        "old_status": old_status,
        "new_status": sample("order_statuses.json"),
    });
    let Request::QuoteStatusChanged(change) = parse(EventType::QuoteStatusChanged, &body) else {
        panic!("wrong variant");
    };
    sparkpay_samples::quotes(&change.quote);
    assert!(change.old_status.is_quote_status);
    sparkpay_samples::order_statuses(&change.new_status);
}

#[test]
fn customer_events_carry_the_customer_sample() {
    let body = json!({ "customer": sample("customers.json") });
    for event in [
        EventType::CustomerCreated,
        EventType::CustomerUpdated,
        EventType::CustomerRegistered,
        EventType::ValidateCustomer,
    ] {
        let customer = match parse(event, &body) {
            Request::CustomerCreated(r)
            | Request::CustomerUpdated(r)
            | Request::CustomerRegistered(r)
            | Request::ValidateCustomer(r) => r.customer,
            other => panic!("{other:?}"),
        };
        sparkpay_samples::customers(&customer);
    }
}

#[test]
fn customer_email_updated_carries_old_and_new_email() {
    let body = json!({
        "old_email": "old@not-my-real-address.zzz",
        "new_email": "test@not-my-real-address.zzz",
        "customer": sample("customers.json"),
    });
    let Request::CustomerEmailUpdated(change) = parse(EventType::CustomerEmailUpdated, &body)
    else {
        panic!("wrong variant");
    };
    assert_eq!(change.old_email, "old@not-my-real-address.zzz");
    assert_eq!(change.new_email, "test@not-my-real-address.zzz");
    sparkpay_samples::customers(&change.customer);
}

#[test]
fn product_events_carry_the_product_sample() {
    let body = json!({ "product": sample("products.fixed.json") });
    for event in [
        EventType::ProductCreated,
        EventType::ProductUpdated,
        EventType::ValidateProduct,
    ] {
        let product = match parse(event, &body) {
            Request::ProductCreated(r)
            | Request::ProductUpdated(r)
            | Request::ValidateProduct(r) => r.product,
            other => panic!("{other:?}"),
        };
        sparkpay_samples::products(&product);
    }
}

/// The item of GetProductStatus and ProductStatusChanged, every listed field set.
fn status_item() -> Value {
    json!({
        "product_id": 62,
        "variant_inventory_id": 1,
        "product_status_id": 1,
        "product": sample("products.fixed.json"),
        "variant_inventory": sample("variant_inventory.json"),
        "product_status": sample("product_statuses.json"),
        "inventory": 10,
        "item_number": "VI-ItemTest",
        "manufacturer_item_number": "VI-MfgItemTest",
    })
}

fn check_status_item(item: &ProductStatusItem) {
    assert_eq!(item.product_id, 62);
    assert_eq!(item.variant_inventory_id, Some(1));
    assert_eq!(item.product_status_id, 1);
    sparkpay_samples::products(&item.product);
    sparkpay_samples::variant_inventory(item.variant_inventory.as_ref().unwrap());
    sparkpay_samples::product_statuses(item.product_status.as_ref().unwrap());
    assert_eq!(item.inventory, 10);
    assert_eq!(item.item_number, "VI-ItemTest");
    assert_eq!(item.manufacturer_item_number, "VI-MfgItemTest");
}

#[test]
fn get_product_status_and_product_status_changed_carry_the_item() {
    let mut without_variant = status_item();
    without_variant["variant_inventory_id"] = Value::Null;
    without_variant["variant_inventory"] = Value::Null;
    let body = json!({ "items": [status_item(), without_variant] });
    let Request::GetProductStatus(request) = parse(EventType::GetProductStatus, &body) else {
        panic!("wrong variant");
    };
    assert_eq!(request.items.len(), 2);
    check_status_item(&request.items[0]);
    assert_eq!(request.items[1].variant_inventory_id, None);
    assert_eq!(request.items[1].variant_inventory, None);

    let body = json!({ "item": status_item() });
    let Request::ProductStatusChanged(change) = parse(EventType::ProductStatusChanged, &body)
    else {
        panic!("wrong variant");
    };
    check_status_item(&change.item);
}

#[test]
fn get_price_carries_items_and_customer_type() {
    let body = json!({
        "items": [
            { "item_number": "60PY2DR", "quantity": 2, "variant_ids": [26, "27"],
              "variant_inventory_id": 1 },
            { "item_number": "42LP1", "quantity": "1", "variant_ids": null,
              "variant_inventory_id": null },
            { "item_number": "glfblls", "quantity": 3 },
        ],
        "customer_type_id": 1,
    });
    let Request::GetPrice(request) = parse(EventType::GetPrice, &body) else {
        panic!("wrong variant");
    };
    assert_eq!(request.customer_type_id, Some(1));
    assert_eq!(request.items.len(), 3);
    let first = &request.items[0];
    assert_eq!(first.item_number, "60PY2DR");
    assert_eq!(first.quantity, 2);
    assert_eq!(first.variant_ids, [26, 27]);
    assert_eq!(first.variant_inventory_id, Some(1));
    let second = &request.items[1];
    assert_eq!(second.item_number, "42LP1");
    assert_eq!(second.quantity, 1);
    assert!(second.variant_ids.is_empty());
    assert_eq!(second.variant_inventory_id, None);
    assert!(request.items[2].variant_ids.is_empty());
    assert_eq!(request.items[2].variant_inventory_id, None);
}

/// A GetTax body with every listed field: one item shipped from the warehouse sample to the
/// address sample, and one with no addresses yet (a cart-page estimate).
fn tax_body() -> Value {
    json!({
        "items": [
            {
                "cart_item_id": 321,
                "item_number": "60PY2DR",
                "item_name": "60PY2DR",
                "manufacturer_item_number": "MFG-60PY2DR",
                "price": 2295,
                "discounted_price": 2065.5,
                "quantity": 2,
                "is_tax_exempt": false,
                "tax_code": "P0000000",
                "line_item_subtotal": 4590,
                "origin_address": sample("warehouses.json"),
                "destination_address": sample("addresses.fixed.json"),
            },
            {
                "cart_item_id": 298,
                "item_number": "42LP1",
                "item_name": "42LP1",
                "manufacturer_item_number": "",
                "price": "36.99",
                "discounted_price": 36.99,
                "quantity": 1,
                "is_tax_exempt": 1,
                "tax_code": null,
                "line_item_subtotal": 36.99,
                "origin_address": null,
                "destination_address": null,
            },
        ],
        "shipping_total": 25,
        "handling_total": 0.0,
    })
}

#[test]
fn get_tax_carries_items_addresses_and_totals() {
    let Request::GetTax(tax) = parse(EventType::GetTax, &tax_body()) else {
        panic!("wrong variant");
    };
    assert_eq!(tax.shipping_total, dec("25"));
    assert_eq!(tax.handling_total, dec("0"));
    assert_eq!(tax.items.len(), 2);
    let item = &tax.items[0];
    assert_eq!(item.cart_item_id, 321);
    assert_eq!(item.item_number, "60PY2DR");
    assert_eq!(item.item_name, "60PY2DR");
    assert_eq!(item.manufacturer_item_number, "MFG-60PY2DR");
    assert_eq!(item.price, dec("2295"));
    assert_eq!(item.discounted_price, dec("2065.5"));
    assert_eq!(item.quantity, 2);
    assert!(!item.is_tax_exempt);
    assert_eq!(item.tax_code, "P0000000");
    assert_eq!(item.line_item_subtotal, dec("4590"));
    sparkpay_samples::warehouses(item.origin_address.as_ref().unwrap());
    sparkpay_samples::addresses(item.destination_address.as_ref().unwrap());
    let item = &tax.items[1];
    assert_eq!(item.cart_item_id, 298);
    assert_eq!(item.manufacturer_item_number, "");
    assert_eq!(item.price, dec("36.99"));
    assert_eq!(item.discounted_price, dec("36.99"));
    assert!(item.is_tax_exempt);
    assert_eq!(item.tax_code, "");
    assert_eq!(item.line_item_subtotal, dec("36.99"));
    assert_eq!(item.origin_address, None);
    assert_eq!(item.destination_address, None);
}

#[test]
fn get_discount_carries_every_listed_field() {
    let mut origin = sample("addresses.fixed.json");
    origin["id"] = json!(2);
    let body = json!({
        "ad_code": "SPRING",
        "billing_address": sample("addresses.fixed.json"),
        "campaign_code": "bigsavings",
        "cart_id": 3844,
        "customer_type": "Wholesale",
        "customer_type_id": 1,
        "destination_address": sample("customers.addresses.json")[0],
        "is_region_set": true,
        "items": [{
            "cart_item_id": 321,
            "category_id": [1, 8, 3],
            "custom_fields": { "name": "Engraving", "value": "A.B." },
            "destination_address": sample("customers.addresses.json")[0],
            "is_subscription_item": false,
            "item_number": "60PY2DR",
            "manufacturer_id": 4,
            "origin_address": origin,
            "parent_product_id": null,
            "price": 2295,
            "product_id": 62,
            "product_list_id": [7],
            "quantity": 2,
            "shipping_classification_code": "tx",
            "variants": [{ "group": "Color", "value": "Red" }],
        }],
        "shipping_method_list": {
            "classification_code": "",
            "delivery_date": "Tuesday, April 8",
            "ship_method": "FEDEX_EXPRESS_SAVER",
            "shipping_method_name": "FedEx Express Saver",
        },
        "shipping_region_id": 1,
        "shipping_total": 25,
        "store_id": 1,
        "subscription_subtotal": 0.0000,
        "tax_region_id": null,
        "total_weight": 50.5,
    });
    let Request::GetDiscount(discount) = parse(EventType::GetDiscount, &body) else {
        panic!("wrong variant");
    };
    assert_eq!(discount.ad_code, "SPRING");
    sparkpay_samples::addresses(discount.billing_address.as_ref().unwrap());
    assert_eq!(discount.campaign_code, "bigsavings");
    assert_eq!(discount.cart_id, 3844);
    assert_eq!(discount.customer_type, "Wholesale");
    assert_eq!(discount.customer_type_id, Some(1));
    sparkpay_samples::customers_addresses(std::slice::from_ref(
        discount.destination_address.as_ref().unwrap(),
    ));
    assert!(discount.is_region_set);
    assert_eq!(discount.items.len(), 1);
    let item = &discount.items[0];
    assert_eq!(item.cart_item_id, 321);
    assert_eq!(item.category_ids, [1, 8, 3]);
    assert_eq!(item.custom_fields.len(), 1);
    assert_eq!(item.custom_fields[0].name, "Engraving");
    assert_eq!(item.custom_fields[0].value, "A.B.");
    sparkpay_samples::customers_addresses(std::slice::from_ref(
        item.destination_address.as_ref().unwrap(),
    ));
    assert!(!item.is_subscription_item);
    assert_eq!(item.item_number, "60PY2DR");
    assert_eq!(item.manufacturer_id, Some(4));
    let origin = item.origin_address.as_ref().unwrap();
    assert_eq!(origin.id, Some(2));
    assert_eq!(origin.address_line_1, "1234 AmeriCommerce Blvd");
    assert_eq!(item.parent_product_id, None);
    assert_eq!(item.price, dec("2295"));
    assert_eq!(item.product_id, 62);
    assert_eq!(item.product_list_ids, [7]);
    assert_eq!(item.quantity, 2);
    assert_eq!(item.shipping_classification_code, "tx");
    assert_eq!(item.variants, [VariantChoice::new("Color", "Red")]);
    assert_eq!(discount.shipping_method_list.len(), 1);
    let shipping = &discount.shipping_method_list[0];
    assert_eq!(shipping.classification_code, "");
    assert_eq!(shipping.delivery_date, "Tuesday, April 8");
    assert_eq!(shipping.ship_method, "FEDEX_EXPRESS_SAVER");
    assert_eq!(shipping.shipping_method_name, "FedEx Express Saver");
    assert_eq!(discount.shipping_region_id, Some(1));
    assert_eq!(discount.shipping_total, dec("25"));
    assert_eq!(discount.store_id, 1);
    assert_eq!(discount.subscription_subtotal, dec("0"));
    assert_eq!(discount.tax_region_id, None);
    assert_eq!(discount.total_weight, dec("50.5"));
}

#[test]
fn get_discount_reads_lists_sent_as_lists_and_a_warehouse_as_origin() {
    let body = json!({
        "cart_id": 3844,
        "items": [{
            "cart_item_id": 321, "price": 10, "product_id": 62, "quantity": 1,
            "custom_fields": [{ "name": "a", "value": "1" }, { "name": "b", "value": "2" }],
            "origin_address": sample("warehouses.json"),
        }],
        "shipping_method_list": [
            { "ship_method": "A" }, { "ship_method": "B" },
        ],
        "shipping_total": 0,
        "store_id": 1,
    });
    let Request::GetDiscount(discount) = parse(EventType::GetDiscount, &body) else {
        panic!("wrong variant");
    };
    let item = &discount.items[0];
    assert_eq!(item.custom_fields.len(), 2);
    assert_eq!(item.custom_fields[1].value, "2");
    let origin = item.origin_address.as_ref().unwrap();
    assert_eq!(origin.id, Some(1));
    assert_eq!(origin.city, "Beaumont");
    assert_eq!(origin.postal_code, "77702");
    assert!(item.category_ids.is_empty());
    assert_eq!(discount.shipping_method_list.len(), 2);
    assert_eq!(discount.shipping_method_list[1].ship_method, "B");
    // Absent optional fields read as empty.
    assert_eq!(discount.ad_code, "");
    assert_eq!(discount.billing_address, None);
    assert_eq!(discount.customer_type_id, None);
    assert_eq!(discount.total_weight, dec("0"));
}

/// The carts sample with its items expanded.
fn cart_with_items() -> Value {
    let mut cart = sample("carts.fixed.json");
    cart["items"] = sample("carts.items.json");
    cart
}

#[test]
fn validate_cart_carries_the_cart_sample() {
    let body = json!({ "cart": cart_with_items() });
    let Request::ValidateCart(request) = parse(EventType::ValidateCart, &body) else {
        panic!("wrong variant");
    };
    sparkpay_samples::carts(&with_no_items(&request.cart));
    sparkpay_samples::carts_items(&request.cart.items);
}

/// The sample's checks expect no expanded items.
fn with_no_items(cart: &Cart) -> Cart {
    let mut cart = cart.clone();
    cart.items.clear();
    cart
}

#[test]
fn validate_checkout_carries_every_listed_field() {
    let body = json!({
        "customer": sample("customers.json"),
        "billing_address": sample("addresses.fixed.json"),
        "shipping_address": sample("customers.addresses.json")[0],
        "cart": cart_with_items(),
        "order_custom_fields": [{ "name": "PO Number", "value": "4711" }],
        "is_gift": true,
        "gift_message": "Happy birthday",
        "order_comments": "Leave at the door",
        "shipping_methods": ["FedEx Express Saver"],
        "payment_methods": [
            { "name": "Gift Certificate", "amount": 10 },
            { "name": "Credit Card", "amount": 4620.99 },
        ],
    });
    let Request::ValidateCheckout(checkout) = parse(EventType::ValidateCheckout, &body) else {
        panic!("wrong variant");
    };
    sparkpay_samples::customers(&checkout.customer);
    sparkpay_samples::addresses(checkout.billing_address.as_ref().unwrap());
    sparkpay_samples::customers_addresses(std::slice::from_ref(
        checkout.shipping_address.as_ref().unwrap(),
    ));
    sparkpay_samples::carts(&with_no_items(&checkout.cart));
    sparkpay_samples::carts_items(&checkout.cart.items);
    assert_eq!(checkout.order_custom_fields.len(), 1);
    assert_eq!(checkout.order_custom_fields[0].name, "PO Number");
    assert_eq!(checkout.order_custom_fields[0].value, "4711");
    assert!(checkout.is_gift);
    assert_eq!(checkout.gift_message, "Happy birthday");
    assert_eq!(checkout.order_comments, "Leave at the door");
    assert_eq!(checkout.shipping_methods, ["FedEx Express Saver"]);
    assert_eq!(checkout.payment_methods.len(), 2);
    assert_eq!(checkout.payment_methods[0].name, "Gift Certificate");
    assert_eq!(checkout.payment_methods[0].amount, dec("10"));
    assert_eq!(checkout.payment_methods[1].name, "Credit Card");
    assert_eq!(checkout.payment_methods[1].amount, dec("4620.99"));
}

#[test]
fn every_event_type_has_a_body_that_parses() {
    let order = json!({ "order": sample("orders.json") });
    let quote = json!({ "quote": sample("quotes.json") });
    let customer = json!({ "customer": sample("customers.json") });
    let product = json!({ "product": sample("products.fixed.json") });
    let payment = json!({ "order_payment": sample("order_payments.json") });
    let status = sample("order_statuses.json");
    for event in EventType::ALL {
        let body = match event {
            EventType::AuthorizingPayment
            | EventType::CapturingPayment
            | EventType::PaymentProcessed => payment.clone(),
            EventType::CustomerCreated
            | EventType::CustomerUpdated
            | EventType::CustomerRegistered
            | EventType::ValidateCustomer => customer.clone(),
            EventType::CustomerEmailUpdated => json!({
                "old_email": "a@b.zzz", "new_email": "c@d.zzz", "customer": sample("customers.json")
            }),
            EventType::GetDiscount => json!({
                "cart_id": 1, "items": [], "shipping_total": 0, "store_id": 1
            }),
            EventType::GetPrice => json!({ "items": [] }),
            EventType::GetProductStatus => json!({ "items": [status_item()] }),
            EventType::GetTax => tax_body(),
            EventType::NewQuote | EventType::QuoteUpdated => quote.clone(),
            EventType::OrderStatusChanged => json!({
                "order": sample("orders.json"), "old_status": status, "new_status": status
            }),
            EventType::ProductCreated | EventType::ProductUpdated | EventType::ValidateProduct => {
                product.clone()
            }
            EventType::ProductStatusChanged => json!({ "item": status_item() }),
            EventType::QuoteStatusChanged => json!({
                "quote": sample("quotes.json"), "old_status": status, "new_status": status
            }),
            EventType::ValidateCart => json!({ "cart": cart_with_items() }),
            EventType::ValidateCheckout => json!({
                "customer": sample("customers.json"), "cart": sample("carts.fixed.json")
            }),
            _ => order.clone(),
        };
        let request = parse(event, &body);
        assert_eq!(request.event_type(), event);
    }
}

#[test]
fn a_body_for_the_wrong_event_type_is_refused_with_the_missing_field() {
    let body = json!({ "order": sample("orders.json") });
    let error = Request::parse(EventType::GetTax, serde_json::to_vec(&body).unwrap()).unwrap_err();
    assert_eq!(error.provider, "Spark Pay");
    assert_eq!(error.event.as_deref(), Some("GetTax"));
    assert!(error.message.contains("missing field `items`"), "{error}");
}

#[test]
fn a_bad_value_is_reported_with_its_json_path() {
    let mut body = tax_body();
    body["items"][1]["quantity"] = json!("two");
    let error: ParseError =
        Request::parse(EventType::GetTax, serde_json::to_vec(&body).unwrap()).unwrap_err();
    assert_eq!(error.provider, "Spark Pay");
    assert_eq!(error.event.as_deref(), Some("GetTax"));
    assert_eq!(error.path, "items[1].quantity");
    assert!(error.line > 0);
    let message = error.to_string();
    assert!(message.contains("Spark Pay"), "{message}");
    assert!(message.contains("`GetTax`"), "{message}");
    assert!(message.contains("items[1].quantity"), "{message}");

    let mut body = json!({ "order": sample("orders.json") });
    body["order"]["grand_total"] = json!("lots");
    let error =
        Request::parse(EventType::OrderPlaced, serde_json::to_vec(&body).unwrap()).unwrap_err();
    assert_eq!(error.event.as_deref(), Some("OrderPlaced"));
    assert_eq!(error.path, "order.grand_total");
}

#[test]
fn bodies_that_are_not_json_objects_are_refused_without_panicking() {
    for body in [
        &b""[..],
        b"null",
        b"[]",
        b"{",
        b"{\"order\": 5}",
        b"\xff\xfe",
        b"{\"items\": [], \"shipping_total\": 1, \"handling_total\": 1} trailing",
    ] {
        for event in EventType::ALL {
            assert!(Request::parse(event, body).is_err(), "{event}: {body:?}");
        }
    }
}

#[test]
fn unknown_fields_in_a_payload_are_ignored() {
    let mut body = tax_body();
    body["currency"] = json!("USD");
    body["items"][0]["future"] = json!({"x": [1, 2, 3]});
    let plain = parse(EventType::GetTax, &tax_body());
    assert_eq!(parse(EventType::GetTax, &body), plain);
}

#[test]
fn a_bad_value_inside_a_one_object_list_is_reported_with_its_path() {
    let body = json!({
        "cart_id": 1, "shipping_total": 0, "store_id": 1,
        "items": [{ "cart_item_id": 1, "price": 1, "product_id": 1, "quantity": 1,
                    "custom_fields": { "name": "a", "value": ["not", "text"] } }],
    });
    let error =
        Request::parse(EventType::GetDiscount, serde_json::to_vec(&body).unwrap()).unwrap_err();
    assert_eq!(error.path, "items[0].custom_fields.value");
}

#[test]
fn get_tax_text_fields_may_be_absent_but_amounts_may_not() {
    let body = json!({
        "items": [{ "cart_item_id": 7, "price": 10, "discounted_price": 9, "quantity": 1,
                    "is_tax_exempt": false, "line_item_subtotal": 9 }],
        "shipping_total": 0, "handling_total": 0,
    });
    let Request::GetTax(tax) = parse(EventType::GetTax, &body) else {
        panic!("wrong variant");
    };
    assert_eq!(tax.items[0].item_name, "");
    assert_eq!(tax.items[0].tax_code, "");
    let mut without_subtotal = body.clone();
    without_subtotal["items"][0]
        .as_object_mut()
        .unwrap()
        .remove("line_item_subtotal");
    let error = Request::parse(
        EventType::GetTax,
        serde_json::to_vec(&without_subtotal).unwrap(),
    )
    .unwrap_err();
    assert!(error.message.contains("line_item_subtotal"), "{error}");
}
