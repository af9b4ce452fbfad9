//! One function, written once over `Provider`, for all five providers: what an adapter or a
//! queue worker does, shown with each provider's own request.

use std::error::Error;

use commerce_webhooks::{
    ezq, kinguin, leasecloud, montly, sparkpay, Provider, Request, Secret, WebhookEvent,
};
use time::OffsetDateTime;

/// Verifies a request and says what a queue would keep of it.
fn receive<W: Provider>(hook: &W, request: &Request<'_>) -> String {
    match hook.verify_request(request) {
        Ok(event) => format!(
            "{:<10} {:<28} id {:<14} key {:.48}",
            W::NAME,
            event.name(),
            event.id().unwrap_or("-"),
            event.idempotency_key()
        ),
        Err(error) => format!("{:<10} refused ({}): {error}", W::NAME, error.status_code()),
    }
}

pub fn run() -> Result<(), Box<dyn Error>> {
    println!("\n== one shape: the same function for every provider");
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let secret = Secret::new("whsec_one_shape_demo")?;

    let body = br#"{"id":"evt:lc-1","action":"order.signed","data":{"orderId":"c1f0acd8"}}"#;
    let headers = leasecloud::Webhook::sign_headers(&secret, now, body);
    let hook = leasecloud::Webhook::new(secret.clone());
    println!("{}", receive(&hook, &Request::new(&headers, body)));

    let body = br#"{"id":"evt:mo-1","type":"order.accepted","data":{"orderId":42}}"#;
    let headers = montly::Webhook::sign_headers(&secret, now, body);
    let hook = montly::Webhook::new(secret.clone());
    println!("{}", receive(&hook, &Request::new(&headers, body)));

    let body = include_bytes!("../../samples/ezq/order_marketplace_confirmed.json");
    let headers = ezq::Webhook::sign_headers(&secret, body);
    let hook = ezq::Webhook::new(secret.clone());
    println!("{}", receive(&hook, &Request::new(&headers, body)));

    let body = br#"{"orderId":"PHS84FJAG5U","status":"completed","updatedAt":"2024-06-10T11:25:30+00:00"}"#;
    let headers = kinguin::Webhook::sign_headers(&secret, "order.status");
    let hook = kinguin::Webhook::new(secret.clone());
    println!("{}", receive(&hook, &Request::new(&headers, body)));

    let body = br#"{"items":[],"shipping_total":25,"handling_total":0}"#;
    let query = sparkpay::Webhook::sign_query(&secret);
    let hook = sparkpay::Webhook::new(secret);
    let no_headers: [(&str, &str); 0] = [];
    let request = Request::new(&no_headers, body)
        .path("/hooks/sparkpay/GetTax")
        .query(&query);
    println!("{}", receive(&hook, &request));
    // The same request without its token is refused the same way as a forged signature.
    let request = Request::new(&no_headers, body).path("/hooks/sparkpay/GetTax");
    println!("{}", receive(&hook, &request));
    Ok(())
}
