//! A webhook receiver for all five providers on axum, with the crate's extractors: one route
//! each, every request verified before the handler runs, each provider answered the way it
//! expects, and an authentic body that does not parse kept (here in memory) and acknowledged
//! so that nothing is lost and nothing is retried for ever.
//!
//! ```sh
//! export LEASECLOUD_SECRET=… MONTLY_SECRET=… EZQ_SECRET=… KINGUIN_SECRET=… SPARKPAY_TOKEN=…
//! cargo run --example axum_receiver --features axum              # listens on 127.0.0.1:3000
//! cargo run --example axum_receiver --features axum -- --demo    # public demo secrets
//! ```
//!
//! Routes: `POST /webhooks/{leasecloud,montly,ezq,kinguin}` and
//! `POST /webhooks/sparkpay/{EventType}?token=…` (one URL registered per Spark Pay event
//! type). `BIND` sets the address.

#[path = "support/receiver.rs"]
pub mod support;

use axum::extract::State;
use axum::routing::post;
use axum::Router;
use commerce_webhooks::axum::Received;
use commerce_webhooks::{ezq, kinguin, leasecloud, montly, sparkpay};
use commerce_webhooks_redis::RedisStore;
pub use support::{hooks_from, work, Answer, DeadLetter, DeadLetters, Guards, Hooks};

pub fn router(hooks: Hooks) -> Router {
    Router::new()
        .route("/webhooks/leasecloud", post(on_leasecloud))
        .route("/webhooks/montly", post(on_montly))
        .route("/webhooks/ezq", post(on_ezq))
        .route("/webhooks/kinguin", post(on_kinguin))
        .route("/webhooks/sparkpay/{event_type}", post(on_sparkpay))
        .with_state(hooks)
}

async fn on_leasecloud(
    State(guards): State<Guards>,
    State(dead): State<DeadLetters>,
    received: Received<leasecloud::Webhook>,
) -> Answer {
    support::leasecloud(&guards, &dead, received).await
}

async fn on_montly(
    State(guards): State<Guards>,
    State(dead): State<DeadLetters>,
    received: Received<montly::Webhook>,
) -> Answer {
    support::montly(&guards, &dead, received).await
}

async fn on_ezq(
    State(guards): State<Guards>,
    State(dead): State<DeadLetters>,
    received: Received<ezq::Webhook>,
) -> Answer {
    support::ezq(&guards, &dead, received).await
}

async fn on_kinguin(
    State(guards): State<Guards>,
    State(dead): State<DeadLetters>,
    received: Received<kinguin::Webhook>,
) -> Answer {
    support::kinguin(&guards, &dead, received).await
}

async fn on_sparkpay(
    State(guards): State<Guards>,
    State(dead): State<DeadLetters>,
    received: Received<sparkpay::Webhook>,
) -> Answer {
    support::sparkpay(&guards, &dead, received).await
}

#[allow(dead_code)] // The integration test includes this file and starts the router itself.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut hooks = match hooks_from(&args, |name| std::env::var(name).ok()) {
        Ok(hooks) => hooks,
        Err(message) => {
            eprintln!("axum_receiver: {message}");
            std::process::exit(2);
        }
    };
    if args.iter().any(|arg| arg == "--demo") {
        eprintln!("axum_receiver: --demo: using the PUBLIC demo secrets; never deploy this");
    }
    if let Some(url) = support::redis_url(&args) {
        let store = RedisStore::connect(url).await?.prefix("commerce-webhooks:");
        hooks = hooks.with_store(std::sync::Arc::new(store));
        println!("deliveries handled once across instances, on Redis");
    }
    let address = std::env::var("BIND").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router(hooks)).await?;
    Ok(())
}
