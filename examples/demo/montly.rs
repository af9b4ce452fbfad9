//! Montly: a signed sample of every event, verified, parsed and printed.

use std::error::Error;

use commerce_webhooks::montly::{self, EventKind, Webhook};
use commerce_webhooks::Secret;
use time::OffsetDateTime;

pub fn run() -> Result<(), Box<dyn Error>> {
    println!("== Montly");
    let secret = Secret::new("whsec_montly")?;
    let hook = Webhook::new(secret.clone());
    let now = OffsetDateTime::now_utc();

    let bodies = [
        r#"{"id":"evt:m-1","type":"order.accepted","data":{"orderId":42}}"#,
        r#"{"id":"evt:m-2","type":"order.declined","data":{"orderId":42,"reason":"Customer is not credit worthy"}}"#,
        r#"{"id":"evt:m-3","type":"order.signed","data":{"orderId":42}}"#,
        r#"{"id":"evt:m-4","type":"order.deliveryApproved","data":{"orderId":42}}"#,
        r#"{"id":"evt:m-5","type":"tariff.updated","data":{"tariffs":[{"months":24,"tariff":1.51},{"months":36,"tariff":1.01}]}}"#,
        r#"{"id":"evt:m-6","type":"order.returned","data":{"orderId":42}}"#,
    ];
    for body in bodies {
        let headers = Webhook::sign_headers(&secret, now.unix_timestamp(), body);
        let event = hook.verify_at(&headers, body, now)?;
        let detail = match &event.kind {
            EventKind::OrderDeclined { order_id, reason } => format!("order {order_id}: {reason}"),
            EventKind::TariffUpdated { tariffs } => tariffs
                .iter()
                .map(|t| format!("{} months at {}", t.months, t.tariff))
                .collect::<Vec<_>>()
                .join(", "),
            EventKind::Unknown { data, .. } => {
                format!("not known to this crate; data kept: {data}")
            }
            kind => match kind.order_id() {
                Some(order_id) => format!("order {order_id}"),
                None => format!("{kind:?}"),
            },
        };
        println!(
            "{:<24} {detail} (version {}, dedup key {})",
            event.kind.name(),
            montly::version(&headers).unwrap_or("?"),
            event.idempotency_key()
        );
    }

    // Replayed an hour later: the signature is still right, the timestamp is not.
    let body = bodies[2];
    let headers = Webhook::sign_headers(&secret, now.unix_timestamp() - 3600, body);
    if let Err(error) = hook.verify_at(&headers, body, now) {
        println!("replayed                 {} {error}", error.status_code());
    }
    Ok(())
}
