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
use commerce_webhooks::actix::{Authenticated, VerifiedRequest};
use commerce_webhooks::{ezq, kinguin, leasecloud, montly, sparkpay, Reply};
pub use support::{hooks_from, DeadLetters, Hooks};

/// Registers the verifiers and routes on an app: `App::new().configure(|c| routes(c, &hooks))`.
pub fn routes(config: &mut web::ServiceConfig, hooks: &Hooks) {
    config
        .app_data(web::Data::new(hooks.leasecloud.clone()))
        .app_data(web::Data::new(hooks.montly.clone()))
        .app_data(web::Data::new(hooks.ezq.clone()))
        .app_data(web::Data::new(hooks.kinguin.clone()))
        .app_data(web::Data::new(hooks.sparkpay.clone()))
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

/// LeaseCloud's handler answers at once, so it reads the event as a `leasecloud::EventView`,
/// which borrows its text from the body rather than copying it.
async fn on_leasecloud(
    dead: web::Data<DeadLetters>,
    request: VerifiedRequest<leasecloud::Webhook>,
) -> Reply {
    support::leasecloud(&dead, request.event())
}

async fn on_montly(
    dead: web::Data<DeadLetters>,
    Authenticated(event): Authenticated<montly::Webhook>,
) -> Reply {
    support::montly(&dead, event)
}

async fn on_ezq(
    dead: web::Data<DeadLetters>,
    Authenticated(event): Authenticated<ezq::Webhook>,
) -> Reply {
    support::ezq(&dead, event)
}

async fn on_kinguin(
    dead: web::Data<DeadLetters>,
    Authenticated(event): Authenticated<kinguin::Webhook>,
) -> Reply {
    support::kinguin(&dead, event)
}

async fn on_sparkpay(
    dead: web::Data<DeadLetters>,
    Authenticated(request): Authenticated<sparkpay::Webhook>,
) -> Reply {
    support::sparkpay(&dead, request)
}

#[allow(dead_code)] // The integration test includes this file and starts the app itself.
fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let hooks = match hooks_from(&args, |name| std::env::var(name).ok()) {
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
        let server = HttpServer::new(move || App::new().configure(|config| routes(config, &hooks)))
            .bind(&address)?;
        for bound in server.addrs() {
            println!("listening on http://{bound}");
        }
        server.run().await
    })
}
