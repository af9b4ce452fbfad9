//! A webhook receiver for all five providers on actix-web, with the crate's extractors: one
//! route each, every request verified before the handler runs, each provider answered the way
//! it expects, and an authentic body that does not parse kept (here in memory) and
//! acknowledged so that nothing is lost and nothing is retried for ever.
//!
//! ```sh
//! export LEASECLOUD_SECRET=… MONTLY_SECRET=… EZQ_SECRET=… KINGUIN_SECRET=… SPARKPAY_TOKEN=…
//! cargo run --example actix_receiver --features actix-web             # 127.0.0.1:3000
//! cargo run --example actix_receiver --features actix-web -- --demo   # public demo secrets
//! ```
//!
//! Routes: `POST /webhooks/{leasecloud,montly,ezq,kinguin}` and
//! `POST /webhooks/sparkpay/{EventType}?token=…` (one URL registered per Spark Pay event
//! type). `BIND` sets the address.

#[path = "support/receiver.rs"]
pub mod support;

use actix_web::{web, App, HttpServer};
use commerce_webhooks::actix::Received;
use commerce_webhooks::{ezq, kinguin, leasecloud, montly, sparkpay};
use commerce_webhooks_redis::RedisStore;
pub use support::{hooks_from, work, Answer, DeadLetter, DeadLetters, Guards, Hooks};

/// Registers the verifiers and routes on an app: `App::new().configure(|c| routes(c, &hooks))`.
pub fn routes(config: &mut web::ServiceConfig, hooks: &Hooks) {
    config
        .app_data(web::Data::new(hooks.leasecloud.clone()))
        .app_data(web::Data::new(hooks.montly.clone()))
        .app_data(web::Data::new(hooks.ezq.clone()))
        .app_data(web::Data::new(hooks.kinguin.clone()))
        .app_data(web::Data::new(hooks.sparkpay.clone()))
        .app_data(web::Data::new(hooks.guards.clone()))
        .app_data(web::Data::new(hooks.dead_letters.clone()))
        .route("/webhooks/leasecloud", web::post().to(on_leasecloud))
        .route("/webhooks/montly", web::post().to(on_montly))
        .route("/webhooks/ezq", web::post().to(on_ezq))
        .route("/webhooks/kinguin", web::post().to(on_kinguin))
        .route(
            "/webhooks/sparkpay/{event_type}",
            web::post().to(on_sparkpay),
        );
}

async fn on_leasecloud(
    guards: web::Data<Guards>,
    dead: web::Data<DeadLetters>,
    received: Received<leasecloud::Webhook>,
) -> Answer {
    support::leasecloud(&guards, &dead, received).await
}

async fn on_montly(
    guards: web::Data<Guards>,
    dead: web::Data<DeadLetters>,
    received: Received<montly::Webhook>,
) -> Answer {
    support::montly(&guards, &dead, received).await
}

async fn on_ezq(
    guards: web::Data<Guards>,
    dead: web::Data<DeadLetters>,
    received: Received<ezq::Webhook>,
) -> Answer {
    support::ezq(&guards, &dead, received).await
}

async fn on_kinguin(
    guards: web::Data<Guards>,
    dead: web::Data<DeadLetters>,
    received: Received<kinguin::Webhook>,
) -> Answer {
    support::kinguin(&guards, &dead, received).await
}

async fn on_sparkpay(
    guards: web::Data<Guards>,
    dead: web::Data<DeadLetters>,
    received: Received<sparkpay::Webhook>,
) -> Answer {
    support::sparkpay(&guards, &dead, received).await
}

#[allow(dead_code)] // The integration test includes this file and starts the app itself.
fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut hooks = match hooks_from(&args, |name| std::env::var(name).ok()) {
        Ok(hooks) => hooks,
        Err(message) => {
            eprintln!("actix_receiver: {message}");
            std::process::exit(2);
        }
    };
    if args.iter().any(|arg| arg == "--demo") {
        eprintln!("actix_receiver: --demo: using the PUBLIC demo secrets; never deploy this");
    }
    let address = std::env::var("BIND").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    actix_web::rt::System::new().block_on(async move {
        if let Some(url) = support::redis_url(&args) {
            let store = RedisStore::connect(url)
                .await
                .map_err(std::io::Error::other)?
                .prefix("commerce-webhooks:");
            hooks = hooks.with_store(std::sync::Arc::new(store));
            println!("deliveries handled once across instances, on Redis");
        }
        let server = HttpServer::new(move || App::new().configure(|config| routes(config, &hooks)))
            .bind(&address)?;
        for bound in server.addrs() {
            println!("listening on http://{bound}");
        }
        server.run().await
    })
}
