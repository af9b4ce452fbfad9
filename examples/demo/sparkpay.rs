//! Spark Pay: a GetTax request answered with a TaxReply, and an OrderPlaced notification.

use std::error::Error;

use commerce_webhooks::sparkpay::{EventType, Request, Subscription, TaxReply, Webhook};
use commerce_webhooks::Secret;
use rust_decimal::{Decimal, RoundingStrategy};

/// The token registered in every subscription URL (`?token=…`).
const TOKEN: &str = "sp_tok_6d0f3c2a9b8e4f71a5c3";

/// A GetTax body as a store sends it: two cart items shipped from a warehouse to an address.
const GET_TAX: &str = r#"{
  "items": [
    { "cart_item_id": 321, "item_number": "60PY2DR", "item_name": "Plasma TV 60\"",
      "manufacturer_item_number": "60PY2DR-M", "price": 2295, "discounted_price": 2065.50,
      "quantity": 2, "is_tax_exempt": false, "tax_code": "", "line_item_subtotal": 4131.00,
      "origin_address": { "id": 1, "name": "Test Warehouse", "city": "Beaumont",
        "state": "Texas", "country": "United States", "postal_code": "77702" },
      "destination_address": { "id": 42, "address_line_1": "251 N Bristol Ave",
        "city": "Los Angeles", "state": "California", "postal_code": "90049",
        "country": "United States" } },
    { "cart_item_id": 298, "item_number": "42LP1", "item_name": "42LP1",
      "manufacturer_item_number": "", "price": 36.99, "discounted_price": 36.99,
      "quantity": 1, "is_tax_exempt": 1, "tax_code": "EXEMPT", "line_item_subtotal": 36.99,
      "origin_address": null, "destination_address": null }
  ],
  "shipping_total": 25,
  "handling_total": 0.0000
}"#;

pub fn run() -> Result<(), Box<dyn Error>> {
    println!("== Spark Pay");
    let hook = Webhook::new(Secret::new(TOKEN)?);

    let subscription = Subscription::new(
        EventType::GetTax,
        format!("https://hooks.example.com/sparkpay/GetTax?token={TOKEN}"),
        1,
    );
    subscription.validate()?;
    println!("subscription: {subscription:?}");

    // POST /sparkpay/GetTax?token=…: the path names the event, the query carries the token.
    let event: EventType = "GetTax".parse()?;
    let query = format!("token={TOKEN}");
    let Request::GetTax(tax) = hook.verify_query(event, &query, GET_TAX)? else {
        return Err("GetTax parsed as another event".into());
    };
    let rate = Decimal::new(95, 3); // 9.5 %
                                    // Cents rounded half away from zero, as tax is: `round_dp` rounds half to even.
    let tax_on = |amount: Decimal| {
        (amount * rate).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    };
    let mut reply = TaxReply::new();
    for item in &tax.items {
        let amount = if item.is_tax_exempt {
            Decimal::ZERO
        } else {
            tax_on(item.line_item_subtotal)
        };
        let to = item
            .destination_address
            .as_ref()
            .map_or("(no address yet)", |address| address.city.as_str());
        println!(
            "GetTax: item {} ×{} to {to}: tax {amount}",
            item.item_name, item.quantity
        );
        reply = reply.item(item.cart_item_id, amount);
    }
    let reply = reply.shipping_tax(tax_on(tax.shipping_total));
    println!(
        "GetTax reply (within {:?}): {}",
        event.reply_deadline().unwrap_or_default(),
        serde_json::to_string(&reply)?
    );

    // POST /sparkpay/OrderPlaced?token=…, with the order model of Spark Pay's reference page.
    let body = format!(
        r#"{{"order": {}}}"#,
        include_str!("../../tests/fixtures/sparkpay/models/orders.json")
    );
    match hook.verify(EventType::OrderPlaced, TOKEN, &body)? {
        Request::OrderPlaced(placed) => {
            let order = &placed.order;
            println!(
                "OrderPlaced: order {} for customer {}, {} total ({} tax), placed {}",
                order.id, order.customer_id, order.grand_total, order.tax_total, order.ordered_at
            );
        }
        other => return Err(format!("OrderPlaced parsed as {:?}", other.event_type()).into()),
    }

    let refused = hook.verify(EventType::OrderPlaced, "guessed-token", &body);
    if let Err(error) = refused {
        println!(
            "OrderPlaced with a guessed token: {} ({error})",
            error.status_code()
        );
    }
    Ok(())
}
