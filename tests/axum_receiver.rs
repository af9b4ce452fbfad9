//! The axum receiver example, started on an ephemeral port and driven over real HTTP with
//! requests signed by the crate's own signers.

#[path = "../examples/axum_receiver.rs"]
#[allow(dead_code)]
mod receiver;

use std::net::SocketAddr;

use commerce_webhooks::scheme::{body_hmac, timestamped};
use commerce_webhooks::{leasecloud, Secret};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const LEASECLOUD_SECRET: &str = "whsec_leasecloud_test";
const MONTLY_SECRET: &str = "whsec_montly_test";
const EZQ_SECRET: &str = "ezq_secret_test";
const KINGUIN_SECRET: &str = "kinguin_secret_test";
const SPARKPAY_TOKEN: &str = "sparkpay_token_test_0123456789";

const ORDER_CREATED: &str = include_str!("fixtures/leasecloud/order_created.json");

fn secret(value: &str) -> Secret {
    Secret::new(value).unwrap()
}

async fn start() -> SocketAddr {
    let receiver = receiver::Receiver {
        leasecloud: leasecloud::Webhook::new(secret(LEASECLOUD_SECRET)),
        montly: commerce_webhooks::montly::Webhook::new(secret(MONTLY_SECRET)),
        ezq: commerce_webhooks::ezq::Webhook::new(secret(EZQ_SECRET)),
        kinguin: commerce_webhooks::kinguin::Webhook::new(secret(KINGUIN_SECRET)),
        sparkpay: commerce_webhooks::sparkpay::Webhook::new(secret(SPARKPAY_TOKEN)),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, receiver::router(receiver))
            .await
            .unwrap();
    });
    address
}

struct Reply {
    status: u16,
    body: String,
}

/// Sends one HTTP/1.1 request with exactly these bytes as its body.
async fn post(address: SocketAddr, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    // The server may answer 413 and close before reading a large body; that is fine.
    let _ = stream.write_all(body).await;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {response:?}"));
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default();
    Reply { status, body }
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

#[tokio::test]
async fn leasecloud_success_is_acknowledged_with_the_documented_json() {
    let address = start().await;
    let signature = timestamped::sign(&secret(LEASECLOUD_SECRET), now(), ORDER_CREATED);
    let reply = post(
        address,
        "/webhooks/leasecloud",
        &[
            ("LeaseCloud-Signature", &signature),
            ("LeaseCloud-Version", "1.0.0"),
        ],
        ORDER_CREATED.as_bytes(),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let ack: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(
        ack,
        serde_json::json!({
            "id": "evt:e1f0aed8-883a-9751-74a3-48537d3d94ce",
            "orderId": "c1f0acd8-8e3e-4477-85d3-18337c3c92d6"
        })
    );
}

#[tokio::test]
async fn the_raw_body_is_what_gets_verified() {
    let address = start().await;
    // Odd spacing and key order: any re-serialization would change these bytes.
    let body =
        b"{ \"action\" :\"order.accepted\",\n  \"data\":{\"orderId\":  42},\"id\":\"evt:raw\" }\n";
    let signature = timestamped::sign(&secret(LEASECLOUD_SECRET), now(), body);
    let headers = [("LeaseCloud-Signature", signature.as_str())];
    let reply = post(address, "/webhooks/leasecloud", &headers, body).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(reply.body.contains("evt:raw"), "{}", reply.body);

    // The same JSON, re-serialized, no longer matches the signature.
    let value: serde_json::Value = serde_json::from_slice(body).unwrap();
    let reserialized = serde_json::to_vec(&value).unwrap();
    assert_ne!(reserialized.as_slice(), body.as_slice());
    let reply = post(address, "/webhooks/leasecloud", &headers, &reserialized).await;
    assert_eq!(reply.status, 401, "{}", reply.body);
}

#[tokio::test]
async fn tampered_stale_and_unsigned_requests_get_401() {
    let address = start().await;
    let body = ORDER_CREATED.as_bytes();
    let signature = timestamped::sign(&secret(LEASECLOUD_SECRET), now(), body);
    let tampered = ORDER_CREATED.replace("23323", "23324");
    let reply = post(
        address,
        "/webhooks/leasecloud",
        &[("LeaseCloud-Signature", &signature)],
        tampered.as_bytes(),
    )
    .await;
    assert_eq!(reply.status, 401);
    assert!(
        reply
            .body
            .contains("matches none of the configured secrets"),
        "{}",
        reply.body
    );
    assert!(!reply.body.contains(LEASECLOUD_SECRET));

    let stale = timestamped::sign(&secret(LEASECLOUD_SECRET), now() - 3600, body);
    let reply = post(
        address,
        "/webhooks/leasecloud",
        &[("LeaseCloud-Signature", &stale)],
        body,
    )
    .await;
    assert_eq!(reply.status, 401);
    assert!(
        reply.body.contains("s old, beyond the tolerance of 300 s"),
        "{}",
        reply.body
    );

    let reply = post(address, "/webhooks/leasecloud", &[], body).await;
    assert_eq!(reply.status, 401);
    assert!(
        reply
            .body
            .contains("`LeaseCloud-Signature` header is missing"),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn an_authentic_body_that_does_not_parse_gets_400() {
    let address = start().await;
    let body = br#"{"id":"evt:1","action":"order.created","data":{"totalAmount":"lots"}}"#;
    let signature = timestamped::sign(&secret(LEASECLOUD_SECRET), now(), body);
    let reply = post(
        address,
        "/webhooks/leasecloud",
        &[("LeaseCloud-Signature", &signature)],
        body,
    )
    .await;
    assert_eq!(reply.status, 400, "{}", reply.body);
    assert!(reply.body.contains("LeaseCloud"), "{}", reply.body);
}

#[tokio::test]
async fn a_body_over_the_limit_gets_413() {
    let address = start().await;
    let body = vec![b' '; receiver::BODY_LIMIT + 1];
    let signature = timestamped::sign(&secret(LEASECLOUD_SECRET), now(), &body);
    let reply = post(
        address,
        "/webhooks/leasecloud",
        &[("LeaseCloud-Signature", &signature)],
        &body,
    )
    .await;
    assert_eq!(reply.status, 413);
}

#[tokio::test]
async fn montly_ezq_and_kinguin_successes() {
    let address = start().await;
    let montly = br#"{"id":"evt:m1","type":"order.signed","data":{"orderId":42}}"#;
    let signature = timestamped::sign(&secret(MONTLY_SECRET), now(), montly);
    let reply = post(
        address,
        "/webhooks/montly",
        &[("Montly-Signature", &signature)],
        montly,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);

    let ezq = include_bytes!("fixtures/ezq/order_marketplace_confirmed.json");
    let signature = body_hmac::sign(&secret(EZQ_SECRET), ezq);
    let reply = post(
        address,
        "/webhooks/ezq",
        &[("x-signature", &signature)],
        ezq,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let reply = post(
        address,
        "/webhooks/ezq",
        &[("x-signature", &"0".repeat(64))],
        ezq,
    )
    .await;
    assert_eq!(reply.status, 401);

    let kinguin = br#"{"orderId":"PHS84FJAG5U","orderExternalId":"AL2FEEHOO2OHF","status":"canceled","updatedAt":"2020-10-16T11:24:08+00:00"}"#;
    let headers = [
        ("X-Event-Name", "order.status"),
        ("X-Event-Secret", KINGUIN_SECRET),
    ];
    let reply = post(address, "/webhooks/kinguin", &headers, kinguin).await;
    assert_eq!(reply.status, 204, "{}", reply.body);
    let wrong = [
        ("X-Event-Name", "order.status"),
        ("X-Event-Secret", "guess"),
    ];
    assert_eq!(
        post(address, "/webhooks/kinguin", &wrong, kinguin)
            .await
            .status,
        401
    );
}

#[tokio::test]
async fn sparkpay_get_tax_is_answered_with_a_tax_reply() {
    let address = start().await;
    let body = br#"{"items":[{"cart_item_id":7,"item_number":"A1","item_name":"Towel",
        "manufacturer_item_number":"","price":10,"discounted_price":8,"quantity":3,
        "is_tax_exempt":0,"tax_code":"","line_item_subtotal":30}],
        "shipping_total":5,"handling_total":0}"#;
    let path = format!("/webhooks/sparkpay/GetTax?token={SPARKPAY_TOKEN}");
    let reply = post(address, &path, &[], body).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let tax: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    // 25% of 3 × 8.00.
    assert_eq!(tax["items"][0]["cart_item_id"], 7);
    assert_eq!(tax["items"][0]["tax_amount"], 6);

    let reply = post(address, "/webhooks/sparkpay/GetTax?token=wrong", &[], body).await;
    assert_eq!(reply.status, 401);
    let reply = post(address, "/webhooks/sparkpay/GetTaxes?token=x", &[], body).await;
    assert_eq!(reply.status, 404);
}
