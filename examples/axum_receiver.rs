//! A webhook receiver for all five providers on axum: one route each, the raw body verified by
//! the crate, and each provider answered the way it expects.
//!
//! ```sh
//! cargo run --example axum_receiver --features http    # listens on 127.0.0.1:3000
//! ```
//!
//! Secrets come from the environment (`LEASECLOUD_SECRET`, `MONTLY_SECRET`, `EZQ_SECRET`,
//! `KINGUIN_SECRET`, `SPARKPAY_TOKEN`); without them the demo values below are used.
//!
//! The three steps are the same in any framework: take the body as **bytes** (never a parsed
//! JSON extractor: re-serialized JSON no longer matches the signature), verify with the
//! provider's `Webhook`, and map the error to a status with `Error::status_code()`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use commerce_webhooks::sparkpay::{self, EventType, Request, TaxReply, ValidationReply};
use commerce_webhooks::{ezq, kinguin, leasecloud, montly, Error, Secret};
use rust_decimal::Decimal;

/// Bodies above this size are refused with 413 before any work is done on them.
pub const BODY_LIMIT: usize = 256 * 1024;

/// One verifier per provider, built once at start-up.
pub struct Receiver {
    /// Verifies `LeaseCloud-Signature`.
    pub leasecloud: leasecloud::Webhook,
    /// Verifies `Montly-Signature`.
    pub montly: montly::Webhook,
    /// Verifies `x-signature`.
    pub ezq: ezq::Webhook,
    /// Checks `X-Event-Secret`.
    pub kinguin: kinguin::Webhook,
    /// Checks the `?token=` of the registered URLs.
    pub sparkpay: sparkpay::Webhook,
}

/// The routes: `POST /webhooks/{leasecloud,montly,ezq,kinguin}` and
/// `POST /webhooks/sparkpay/{EventType}?token=…`.
pub fn router(receiver: Receiver) -> Router {
    Router::new()
        .route("/webhooks/leasecloud", post(leasecloud_hook))
        .route("/webhooks/montly", post(montly_hook))
        .route("/webhooks/ezq", post(ezq_hook))
        .route("/webhooks/kinguin", post(kinguin_hook))
        .route("/webhooks/sparkpay/{event_type}", post(sparkpay_hook))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(Arc::new(receiver))
}

/// 401 when the request is not authentic, 400 when its body does not parse; the reason is the
/// first clause of the error, which never contains a secret.
fn refuse(provider: &str, error: &Error) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::BAD_REQUEST);
    eprintln!("{provider}: refused with {status}: {error}");
    let message = error.to_string();
    let reason = message.split(": ").next().unwrap_or(&message).to_owned();
    (status, reason).into_response()
}

async fn leasecloud_hook(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match receiver.leasecloud.verify(&headers, &body) {
        Ok(event) => {
            println!("LeaseCloud {} {:?}", event.id, event.kind);
            // LeaseCloud retries until it gets this acknowledgement with a 200.
            let ack = leasecloud::Acknowledgement::for_event(&event);
            let json = [(header::CONTENT_TYPE, "application/json")];
            (StatusCode::OK, json, ack.to_json()).into_response()
        }
        Err(error) => refuse("LeaseCloud", &error),
    }
}

async fn montly_hook(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match receiver.montly.verify(&headers, &body) {
        Ok(event) => {
            println!("Montly {} {:?}", event.id, event.kind);
            StatusCode::OK.into_response()
        }
        Err(error) => refuse("Montly", &error),
    }
}

async fn ezq_hook(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match receiver.ezq.verify(&headers, &body) {
        Ok(event) => {
            println!("EZQ {} {}", event.name(), event.idempotency_key());
            StatusCode::OK.into_response()
        }
        Err(error) => refuse("EZQ", &error),
    }
}

async fn kinguin_hook(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match receiver.kinguin.verify(&headers, &body) {
        Ok(event) => {
            println!("Kinguin {:?}", event);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(error) => refuse("Kinguin", &error),
    }
}

async fn sparkpay_hook(
    State(receiver): State<Arc<Receiver>>,
    Path(event_type): Path<String>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let Ok(event_type) = event_type.parse::<EventType>() else {
        return (StatusCode::NOT_FOUND, "unknown Spark Pay event type").into_response();
    };
    let query = query.unwrap_or_default();
    match receiver.sparkpay.verify_query(event_type, &query, &body) {
        Ok(request) => {
            println!("Spark Pay {event_type}");
            sparkpay_reply(&request)
        }
        Err(error) => refuse("Spark Pay", &error),
    }
}

/// Spark Pay waits up to 3 seconds for a typed reply to its synchronous events.
fn sparkpay_reply(request: &Request) -> Response {
    let json = |value: String| {
        let content_type = [(header::CONTENT_TYPE, "application/json")];
        (StatusCode::OK, content_type, value).into_response()
    };
    match request {
        Request::GetTax(tax) => {
            // A flat 25% on each line's discounted total, as a stand-in for a tax engine.
            let rate = Decimal::new(25, 2);
            let reply = tax.items.iter().fold(TaxReply::new(), |reply, item| {
                let line = item.discounted_price * Decimal::from(item.quantity);
                reply.item(item.cart_item_id, (line * rate).round_dp(2))
            });
            json(serde_json::to_string(&reply).unwrap_or_default())
        }
        Request::ValidateCart(_)
        | Request::ValidateCheckout(_)
        | Request::ValidateCustomer(_)
        | Request::ValidateProduct(_) => {
            json(serde_json::to_string(&ValidationReply::ok()).unwrap_or_default())
        }
        _ => StatusCode::OK.into_response(),
    }
}

/// The secret in `variable`, or `fallback` for the demo.
fn secret(variable: &str, fallback: &str) -> Result<Secret, Box<dyn std::error::Error>> {
    let value = std::env::var(variable).unwrap_or_else(|_| fallback.to_owned());
    Ok(Secret::new(value)?)
}

/// The receiver with the secrets from the environment, or the demo ones.
pub fn receiver_from_env() -> Result<Receiver, Box<dyn std::error::Error>> {
    Ok(Receiver {
        leasecloud: leasecloud::Webhook::new(secret("LEASECLOUD_SECRET", "whsec_leasecloud")?),
        montly: montly::Webhook::new(secret("MONTLY_SECRET", "whsec_montly")?),
        ezq: ezq::Webhook::new(secret("EZQ_SECRET", "ezq_secret")?),
        kinguin: kinguin::Webhook::new(secret("KINGUIN_SECRET", "kinguin_secret")?),
        sparkpay: sparkpay::Webhook::new(secret("SPARKPAY_TOKEN", "sparkpay_token_0123456789")?),
    })
}

#[allow(dead_code)] // The integration test includes this file and starts the router itself.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let address = std::env::var("BIND").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router(receiver_from_env()?)).await?;
    Ok(())
}
