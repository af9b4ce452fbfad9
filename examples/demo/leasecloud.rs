//! LeaseCloud: a signed sample of every action, verified during a key rotation, parsed,
//! printed, and acknowledged.

use std::error::Error;

use commerce_webhooks::leasecloud::{Acknowledgement, EventKind, Webhook};
use commerce_webhooks::scheme::timestamped;
use commerce_webhooks::Secret;
use time::OffsetDateTime;

/// The `order.created` sample from LeaseCloud's page.
const ORDER_CREATED: &str = include_str!("../../samples/leasecloud/order_created.json");

pub fn run() -> Result<(), Box<dyn Error>> {
    println!("== LeaseCloud");
    // Mid-rotation: LeaseCloud signs with both secrets, the partner accepts either.
    let hook = Webhook::with_secrets([Secret::new("whsec_new")?, Secret::new("whsec_old")?])?;
    let now = OffsetDateTime::now_utc();

    let status_updated = ORDER_CREATED
        .replace("\"order.created\"", "\"order.statusUpdated\"")
        .replace("evt:e1f0aed8", "evt:f2a1bfe9")
        .replace("\"PENDING\"", "\"OK\"");
    let bodies = [
        ORDER_CREATED.to_owned(),
        status_updated,
        r#"{"id":"evt:lc-2","action":"order.accepted","data":{"orderId":42}}"#.to_owned(),
        r#"{"id":"evt:lc-3","action":"order.declined","data":{"orderId":43,"reason":"Customer is not credit worthy"}}"#.to_owned(),
        r#"{"id":"evt:lc-4","action":"order.signed","data":{"orderId":"44"}}"#.to_owned(),
        r#"{"id":"evt:lc-5","action":"order.deliveryApproved","data":{"orderId":42}}"#.to_owned(),
        r#"{"id":"evt:lc-6","action":"tariff.updated","data":{"tariffs":[{"months":24,"tariff":1.51},{"months":36,"tariff":1.01}]}}"#.to_owned(),
        r#"{"id":"evt:lc-7","action":"order.invoiced","data":{"orderId":42,"invoice":"F-1"}}"#.to_owned(),
    ];

    for body in &bodies {
        let new = timestamped::sign(&Secret::new("whsec_new")?, now.unix_timestamp(), body);
        let old = timestamped::sign(&Secret::new("whsec_old")?, now.unix_timestamp(), body);
        let old_v1 = old.split_once(",v1=").map_or("", |(_, v1)| v1);
        let header = format!("{new},v1={old_v1}");
        let headers = [
            ("LeaseCloud-Signature", header.as_str()),
            ("LeaseCloud-Version", "1.0.0"),
        ];

        let event = hook.verify_at(&headers, body, now)?;
        println!("{:<24} {}", event.kind.name(), describe(&event.kind));
        let reply = Acknowledgement::for_event(&event);
        println!("{:<24} reply 200 {}", "", reply.to_json());
    }

    // Signed with a secret the partner does not hold: refused, with the status to answer.
    let body = &bodies[2];
    let headers = Webhook::sign_headers(&Secret::new("whsec_leaked")?, now.unix_timestamp(), body);
    if let Err(error) = hook.verify_at(&headers, body, now) {
        println!("wrong secret             {} {error}", error.status_code());
    }
    Ok(())
}

fn describe(kind: &EventKind) -> String {
    match kind {
        EventKind::OrderCreated(order) | EventKind::OrderStatusUpdated(order) => format!(
            "order {} {}: {} + {} VAT (minor units of {}), {} months, {} lines",
            order.id,
            order.status,
            order.total_amount,
            order.vat,
            order.currency,
            order.months,
            order.items.len()
        ),
        EventKind::OrderAccepted { order_id }
        | EventKind::OrderSigned { order_id }
        | EventKind::OrderDeliveryApproved { order_id } => format!("order {order_id}"),
        EventKind::OrderDeclined { order_id, reason } => format!("order {order_id}: {reason}"),
        EventKind::TariffUpdated { tariffs } => tariffs
            .iter()
            .map(|t| format!("{} months at {}", t.months, t.tariff))
            .collect::<Vec<_>>()
            .join(", "),
        EventKind::Unknown { data, .. } => format!("not known to this crate; data kept: {data}"),
        other => format!("{other:?}"),
    }
}
