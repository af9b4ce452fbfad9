//! EZQ Venture: every order event, signed with the body HMAC as EZQ does, verified and printed.

use std::error::Error;

use commerce_webhooks::scheme::body_hmac;
use commerce_webhooks::{ezq, Secret};

const EVENTS: [&str; 5] = [
    "order_marketplace.confirmed",
    "order.processing",
    "order.submitted",
    "order.executed",
    "order.completed",
];

/// An order as EZQ sends it, at the stage `event` reports.
fn body(event: &str, histories: &str) -> String {
    format!(
        r#"{{"event":"{event}","data":{{"id":1042,"slugId":"1042-qrb7xk","totalPrice":"1450.00",
"totalPayable":1450.5,"currency":"MYR","status":"confirmed","isPaid":true,
"paidAt":"2024-06-10T02:15:09.120Z","isConfirmed":true,"confirmedAt":"2024-06-10T02:20:41.003Z",
"createdAt":"2024-06-10T02:11:57.884Z","notes":null,"referenceId":"0472e03b-2f5c-44a1-bbad-fc463a81c14f",
"buyer":{{"name":"Aisyah Rahman","email":"aisyah@example.com","phoneNumber":"60123456789"}},
"items":[{{"item":{{"id":88,"slugId":"88-kd2m1p","status":"confirmed"}},
"package":{{"id":3,"slugId":"3-cowshare","name":"Cow, one share","quantity":1,"image":null}},
"additionalInfo":{{"categoryIds":"4,9","executionCountry":"Malaysia","executionLocation":"Kuala Lumpur",
"executionDate":"2024-06-17","executionHijriDate":"10 Dhul Hijjah 1445","participantName":"Aisyah Rahman"}},
"shippingAddress":null,"histories":[{histories}]}}],
"payment":{{"slugId":"1-byq2lz","totalAmount":"1450.50","totalPaid":"1450.50","currency":"MYR",
"transactions":[{{"orderSlugId":"1042-qrb7xk","paidAmount":"1450.50","paidAt":"2024-06-10T02:15:09.120Z",
"currency":"MYR","paymentMethod":"BANK_TRANSFER","referenceNumber":"MBB-77120","remarks":null}}]}}}}}}"#
    )
}

pub fn run() -> Result<(), Box<dyn Error>> {
    println!("\n== EZQ (x-signature: HMAC-SHA256 of the body)");
    let key = Secret::new("ezq_demo_secret_key")?;
    let hook = ezq::Webhook::new(key.clone());

    let mut histories =
        String::from(r#"{"status":"confirmed","createdAt":"2024-06-10T02:20:41.003Z"}"#);
    for (step, name) in EVENTS.iter().enumerate() {
        if step > 0 {
            let stage = name.trim_start_matches("order.");
            histories.push_str(&format!(
                r#",{{"status":"{stage}","createdAt":"2024-06-1{step}T08:00:00.000Z"}}"#
            ));
        }
        let body = body(name, &histories);
        let signature = body_hmac::sign(&key, &body);
        let event = hook.verify(&[("x-signature", signature.as_str())], &body)?;
        let order = event.order().ok_or("an order event without its order")?;
        println!(
            "{:<28} order {} ({} {}, paid: {}), {} item(s)\n{:<28} key {}",
            event.name(),
            order.slug_id,
            order.total_payable,
            order.currency,
            order.is_paid,
            order.items.len(),
            "",
            event.idempotency_key()
        );
    }

    // The same delivery again (EZQ retries a minute later): the same key, so it can be dropped.
    let body = body(
        EVENTS[0],
        r#"{"status":"confirmed","createdAt":"2024-06-10T02:20:41.003Z"}"#,
    );
    let upper = body_hmac::sign(&key, &body).to_ascii_uppercase();
    let retry = hook.verify(&[("X-Signature", upper.as_str())], &body)?;
    println!(
        "retry (signature in upper-case hex): key {}",
        retry.idempotency_key()
    );

    let forged = hook.verify(
        &[("x-signature", upper.as_str())],
        body.replace("1450.5", "1.5"),
    );
    match forged {
        Ok(_) => println!("tampered amount: accepted (unexpected)"),
        Err(error) => println!(
            "tampered amount: refused with {}: {error}",
            error.status_code()
        ),
    }
    Ok(())
}
