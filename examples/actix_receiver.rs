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

use std::sync::{Arc, Mutex};

use actix_web::{web, App, HttpServer};
use commerce_webhooks::actix::{Authenticated, Unparsed, VerifiedRequest};
use commerce_webhooks::sparkpay::{Request, TaxReply, ValidationReply};
use commerce_webhooks::{ezq, kinguin, leasecloud, montly, sparkpay, Reply, Secret};
use rust_decimal::Decimal;

/// One verifier per provider, built once at start-up, and where authentic bodies that did not
/// parse are kept.
#[derive(Clone)]
pub struct Hooks {
    pub leasecloud: leasecloud::Webhook,
    pub montly: montly::Webhook,
    pub ezq: ezq::Webhook,
    pub kinguin: kinguin::Webhook,
    pub sparkpay: sparkpay::Webhook,
    pub dead_letters: DeadLetters,
}

/// Authentic requests whose body did not parse, exactly as received. A real receiver writes
/// them to its database or a queue; this one keeps them in memory.
#[derive(Clone, Default)]
pub struct DeadLetters(pub Arc<Mutex<Vec<(&'static str, Unparsed)>>>);

impl DeadLetters {
    /// Keeps the request, then answers what stops the provider from sending it again.
    fn keep(&self, provider: &'static str, unparsed: Unparsed) -> Reply {
        eprintln!("{provider}: kept an unparsed body ({})", unparsed.error);
        let reply = unparsed.reply().clone();
        if let Ok(mut kept) = self.0.lock() {
            kept.push((provider, unparsed));
        }
        reply
    }
}

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
    match request.event() {
        // LeaseCloud calls again until it gets this acknowledgement with a 200.
        Ok(event) => leasecloud::Acknowledgement::for_event(&event).into(),
        Err(unparsed) => dead.keep("LeaseCloud", unparsed),
    }
}

async fn on_montly(
    dead: web::Data<DeadLetters>,
    Authenticated(event): Authenticated<montly::Webhook>,
) -> Reply {
    match event {
        Ok(event) => {
            println!("Montly {} {}", event.id, event.name());
            Reply::ok()
        }
        Err(unparsed) => dead.keep("Montly", unparsed),
    }
}

async fn on_ezq(
    dead: web::Data<DeadLetters>,
    Authenticated(event): Authenticated<ezq::Webhook>,
) -> Reply {
    match event {
        Ok(event) => {
            println!("EZQ {} {}", event.name(), event.idempotency_key());
            Reply::ok()
        }
        Err(unparsed) => dead.keep("EZQ", unparsed),
    }
}

async fn on_kinguin(
    dead: web::Data<DeadLetters>,
    Authenticated(event): Authenticated<kinguin::Webhook>,
) -> Reply {
    match event {
        // Kinguin wants a 2xx with an empty body; the TEST URL button gets the same.
        Ok(event) => {
            println!("Kinguin {:?} {}", event.name(), event.idempotency_key());
            Reply::no_content()
        }
        Err(unparsed) => dead.keep("Kinguin", unparsed),
    }
}

async fn on_sparkpay(
    dead: web::Data<DeadLetters>,
    Authenticated(request): Authenticated<sparkpay::Webhook>,
) -> Reply {
    match request {
        Ok(request) => sparkpay_reply(&request),
        Err(unparsed) => dead.keep("Spark Pay", unparsed),
    }
}

/// Spark Pay waits up to 3 seconds for a typed reply to its synchronous events.
fn sparkpay_reply(request: &Request) -> Reply {
    match request {
        Request::GetTax(tax) => {
            // A flat 25% on each line's discounted total, as a stand-in for a tax engine.
            let rate = Decimal::new(25, 2);
            tax.items
                .iter()
                .fold(TaxReply::new(), |reply, item| {
                    let line = item.discounted_price * Decimal::from(item.quantity);
                    reply.item(item.cart_item_id, (line * rate).round_dp(2))
                })
                .into()
        }
        Request::ValidateCart(_)
        | Request::ValidateCheckout(_)
        | Request::ValidateCustomer(_)
        | Request::ValidateProduct(_) => ValidationReply::ok().into(),
        _ => Reply::ok(),
    }
}

/// The secret of each provider from the environment. A missing one stops the receiver, unless
/// `--demo` asks for the public demo secrets (which anyone can read here, so never deploy
/// with it).
pub fn hooks_from(args: &[String], env: impl Fn(&str) -> Option<String>) -> Result<Hooks, String> {
    let demo = args.iter().any(|arg| arg == "--demo");
    let secret = |variable: &str, demo_value: &str| -> Result<Secret, String> {
        let value = match env(variable) {
            Some(value) => value,
            None if demo => demo_value.to_owned(),
            None => {
                return Err(format!(
                    "{variable} is not set: export the secret from the provider's dashboard, \
                     or start with --demo to use the public demo secrets"
                ))
            }
        };
        Secret::new(value).map_err(|error| format!("{variable}: {error}"))
    };
    Ok(Hooks {
        leasecloud: leasecloud::Webhook::new(secret("LEASECLOUD_SECRET", "whsec_leasecloud_demo")?),
        montly: montly::Webhook::new(secret("MONTLY_SECRET", "whsec_montly_demo")?),
        ezq: ezq::Webhook::new(secret("EZQ_SECRET", "ezq_secret_demo")?),
        kinguin: kinguin::Webhook::new(secret("KINGUIN_SECRET", "kinguin_secret_demo")?),
        sparkpay: sparkpay::Webhook::new(secret(
            "SPARKPAY_TOKEN",
            "sparkpay_token_demo_0123456789",
        )?),
        dead_letters: DeadLetters::default(),
    })
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
