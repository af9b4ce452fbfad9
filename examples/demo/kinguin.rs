//! Kinguin: every webhook, sent with the shared secret as Kinguin does, checked and printed.

use std::error::Error;

use commerce_webhooks::{kinguin, Secret};

pub fn run() -> Result<(), Box<dyn Error>> {
    println!("\n== Kinguin (X-Event-Secret: the secret itself; X-Event-Name: the event)");
    let secret = "kinguin_demo_store_secret";
    let hook = kinguin::Webhook::new(Secret::new(secret)?);

    let deliveries: [(Option<&str>, &str); 6] = [
        (
            Some("product.update"),
            r#"{"kinguinId":1949,"productId":"5c9b5f6b2539a4e8f172916a","qty":845,"textQty":845,
"cheapestOfferId":["611222acff9ca40001f0b020"],"updatedAt":"2024-06-10T11:24:08.015+00:00"}"#,
        ),
        (
            Some("order.status"),
            r#"{"orderId":"PHS84FJAG5U","orderExternalId":"AL2FEEHOO2OHF","status":"processing",
"updatedAt":"2024-06-10T11:24:08.025+00:00"}"#,
        ),
        (
            Some("order.complete"),
            r#"{"orderId":"PHS84FJAG5U","orderExternalId":"AL2FEEHOO2OHF",
"updatedAt":"2024-06-10T11:25:30+00:00"}"#,
        ),
        (
            Some("order.status"),
            r#"{"orderId":"PHS84FJAG5U","orderExternalId":"AL2FEEHOO2OHF","status":"completed",
"updatedAt":"2024-06-10T11:25:30.412+00:00"}"#,
        ),
        (
            Some("wallet.topup"),
            r#"{"amount":"50.00","updatedAt":"2024-06-10T12:00:00+00:00"}"#,
        ),
        // The dashboard's TEST URL button: the secret and no event name.
        (None, ""),
    ];
    for (name, body) in deliveries {
        let mut headers = vec![("X-Event-Secret", secret)];
        if let Some(name) = name {
            headers.push(("X-Event-Name", name));
        }
        let event = hook.verify(&headers, body)?;
        let summary = match &event {
            kinguin::Event::ProductUpdate(update) => format!(
                "product {} now {} in stock ({} as text)",
                update.kinguin_id,
                update.qty.unwrap_or(0),
                update.text_qty.unwrap_or(0)
            ),
            kinguin::Event::OrderComplete(complete) => {
                format!("order {} complete: keys ready", complete.order_id)
            }
            kinguin::Event::OrderStatus(change) => {
                format!("order {} is {}", change.order_id, change.status)
            }
            kinguin::Event::Test => "the dashboard's TEST URL: answer 204, nothing to do".into(),
            kinguin::Event::Unknown { data, .. } => format!("not typed yet, kept as JSON: {data}"),
            _ => "an event this demo does not know".into(),
        };
        println!(
            "{:<16} {summary}\n{:<16} key {}",
            match event.name() {
                "" => "(no name)",
                name => name,
            },
            "",
            event.idempotency_key()
        );
    }

    let wrong = hook.verify(
        &[
            ("X-Event-Secret", "guess"),
            ("X-Event-Name", "order.status"),
        ],
        "{}",
    );
    match wrong {
        Ok(_) => println!("wrong secret: accepted (unexpected)"),
        Err(error) => println!(
            "wrong secret: refused with {}: {error}",
            error.status_code()
        ),
    }
    Ok(())
}
