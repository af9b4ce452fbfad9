//! What the axum and actix-web receiver examples share: the verifiers, the duplicate guards,
//! where authentic bodies that did not parse are kept, the secrets from the environment, and
//! what each provider is answered. Each example adds only its framework's handlers and server.

use std::convert::Infallible;
use std::sync::{Arc, Mutex};

// The same types under either framework.
#[cfg(not(feature = "axum"))]
pub use commerce_webhooks::actix::{Received, Unparsed};
#[cfg(feature = "axum")]
pub use commerce_webhooks::axum::{Received, Unparsed};
use commerce_webhooks::dedup::{DeliveryStore, Guard, MemoryStore, Outcome};
use commerce_webhooks::sparkpay::{
    DiscountReply, ItemStatus, PaymentReply, PriceReply, ProductStatusReply, Request, TaxReply,
    ValidationReply,
};
use commerce_webhooks::{
    ezq, kinguin, leasecloud, montly, sparkpay, Delivery, Provider, Reply, Secret,
};
use rust_decimal::{Decimal, RoundingStrategy};

/// Everything the handlers need: one verifier per provider, built once at start-up, the
/// guards that handle each delivery once, and where authentic bodies that did not parse are
/// kept.
#[derive(Clone)]
#[cfg_attr(feature = "axum", derive(axum::extract::FromRef))]
pub struct Hooks {
    pub leasecloud: leasecloud::Webhook,
    pub montly: montly::Webhook,
    pub ezq: ezq::Webhook,
    pub kinguin: kinguin::Webhook,
    pub sparkpay: sparkpay::Webhook,
    pub guards: Guards,
    pub dead_letters: DeadLetters,
}

impl Hooks {
    /// The same receiver with its guards on `store`: Redis (`--redis URL`) when several
    /// instances share the work.
    pub fn with_store(mut self, store: Arc<dyn DeliveryStore>) -> Self {
        self.guards = Guards::on(store);
        self
    }
}

/// One duplicate guard per provider, all on one store (keys are namespaced by provider).
#[derive(Clone)]
pub struct Guards {
    pub leasecloud: Guard<leasecloud::Webhook>,
    pub montly: Guard<montly::Webhook>,
    pub ezq: Guard<ezq::Webhook>,
    pub kinguin: Guard<kinguin::Webhook>,
    pub sparkpay: Guard<sparkpay::Webhook>,
}

impl Guards {
    pub fn on(store: Arc<dyn DeliveryStore>) -> Self {
        Guards {
            leasecloud: Guard::new(Arc::clone(&store)),
            montly: Guard::new(Arc::clone(&store)),
            ezq: Guard::new(Arc::clone(&store)),
            kinguin: Guard::new(Arc::clone(&store)),
            sparkpay: Guard::new(store),
        }
    }

    /// In this process's memory: enough for one instance.
    pub fn in_memory() -> Self {
        Guards::on(Arc::new(MemoryStore::new(100_000)))
    }
}

/// What a handler answers: its reply, or the guard's answer for a repeat.
pub type Answer = Outcome<Reply, Infallible>;

/// Authentic requests whose body did not parse, kept as their records: the JSON a real receiver
/// writes to its database or a queue, with everything a later parse needs (Kinguin's event
/// name, Spark Pay's type). This one keeps them in memory.
#[derive(Clone, Default)]
pub struct DeadLetters(pub Arc<Mutex<Vec<DeadLetter>>>);

/// One authentic request that did not parse.
pub struct DeadLetter {
    pub provider: &'static str,
    /// What the extractor handed over: the parse error, the body, the id and name it read.
    pub unparsed: Unparsed,
    /// The `Delivery` record as JSON, for [`work`] to parse again.
    pub record: String,
}

impl DeadLetters {
    /// Keeps the request's record, then answers what stops the provider from sending it again.
    pub fn keep(&self, provider: &'static str, delivery: &Delivery, unparsed: Unparsed) -> Reply {
        eprintln!("{provider}: kept an unparsed body ({})", unparsed.error);
        let reply = unparsed.reply().clone();
        let record = serde_json::to_string(delivery).expect("a record serializes");
        if let Ok(mut kept) = self.0.lock() {
            kept.push(DeadLetter {
                provider,
                unparsed,
                record,
            });
        }
        reply
    }
}

/// The worker's side of the hand-off, the same for every provider: a record read back from
/// the queue, parsed (after an upgrade of the crate, say) as the receiver would have.
pub fn work<P: Provider>(record: &str) -> Result<P::Event, commerce_webhooks::Error> {
    let delivery: Delivery = serde_json::from_str(record).expect("a record the receiver wrote");
    P::parse_delivery(&delivery)
}

/// LeaseCloud calls again until it gets its acknowledgement with a 200.
pub async fn leasecloud(
    guards: &Guards,
    dead: &DeadLetters,
    Received { delivery, event }: Received<leasecloud::Webhook>,
) -> Answer {
    // Borrowed by the handler (for a dead letter's record) and by the guard alike.
    let delivery = &delivery;
    let handle = || async move {
        Ok(match event {
            Ok(event) => leasecloud::Acknowledgement::for_event(&event).into(),
            Err(unparsed) => dead.keep("LeaseCloud", delivery, unparsed),
        })
    };
    guards.leasecloud.run(delivery, handle).await
}

pub async fn montly(
    guards: &Guards,
    dead: &DeadLetters,
    Received { delivery, event }: Received<montly::Webhook>,
) -> Answer {
    let delivery = &delivery;
    let handle = || async move {
        Ok(match event {
            Ok(event) => {
                println!("Montly {} {}", event.id, event.name());
                Reply::ok()
            }
            Err(unparsed) => dead.keep("Montly", delivery, unparsed),
        })
    };
    guards.montly.run(delivery, handle).await
}

pub async fn ezq(
    guards: &Guards,
    dead: &DeadLetters,
    Received { delivery, event }: Received<ezq::Webhook>,
) -> Answer {
    let delivery = &delivery;
    let handle = || async move {
        Ok(match event {
            Ok(event) => {
                println!("EZQ {} {}", event.name(), delivery_key_note(&event));
                Reply::ok()
            }
            Err(unparsed) => dead.keep("EZQ", delivery, unparsed),
        })
    };
    guards.ezq.run(delivery, handle).await
}

/// Kinguin wants a 2xx with an empty body; the TEST URL button gets the same.
pub async fn kinguin(
    guards: &Guards,
    dead: &DeadLetters,
    Received { delivery, event }: Received<kinguin::Webhook>,
) -> Answer {
    let delivery = &delivery;
    let handle = || async move {
        Ok(match event {
            Ok(event) => {
                println!("Kinguin {:?} {:?}", event.name(), event.subject());
                Reply::no_content()
            }
            Err(unparsed) => dead.keep("Kinguin", delivery, unparsed),
        })
    };
    guards.kinguin.run(delivery, handle).await
}

/// Spark Pay waits up to 3 seconds for a typed reply to its synchronous events; the guard
/// answers those every time, and its notifications once.
pub async fn sparkpay(
    guards: &Guards,
    dead: &DeadLetters,
    Received { delivery, event }: Received<sparkpay::Webhook>,
) -> Answer {
    let delivery = &delivery;
    let handle = || async move {
        Ok(match event {
            Ok(request) => sparkpay_reply(request),
            Err(unparsed) => dead.keep("Spark Pay", delivery, unparsed),
        })
    };
    guards.sparkpay.run(delivery, handle).await
}

fn delivery_key_note(event: &ezq::Event) -> String {
    event
        .order()
        .map_or_else(String::new, |order| order.slug_id.clone())
}

/// The reply to a Spark Pay request.
fn sparkpay_reply(request: Request) -> Reply {
    match request {
        Request::GetTax(tax) => {
            // A flat 25% on each taxable line's discounted total, as a stand-in for a tax
            // engine; cents rounded half away from zero, as tax is (half to even, `round_dp`'s
            // default, would make 0.005 nothing).
            let rate = Decimal::new(25, 2);
            tax.items
                .iter()
                .fold(TaxReply::new(), |reply, item| {
                    let line = item.discounted_price * Decimal::from(item.quantity);
                    let tax = match item.is_tax_exempt {
                        true => Decimal::ZERO,
                        false => (line * rate)
                            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
                    };
                    reply.item(item.cart_item_id, tax)
                })
                .into()
        }
        Request::ValidateCart(_)
        | Request::ValidateCheckout(_)
        | Request::ValidateCustomer(_)
        | Request::ValidateProduct(_) => ValidationReply::ok().into(),
        // Every other question gets a typed answer that changes nothing: no processor here
        // takes a payment (it stays pending), prices and discounts stay the store's, and each
        // product's status stays as the request describes it.
        Request::AuthorizingPayment(_) | Request::CapturingPayment(_) => PaymentReply::pending()
            .notes("a demo receiver: no payment processor")
            .into(),
        Request::GetPrice(_) => PriceReply::new().into(),
        Request::GetDiscount(_) => DiscountReply::new().into(),
        Request::GetProductStatus(request) => request
            .items
            .iter()
            .fold(ProductStatusReply::new(), |reply, item| {
                reply.item(ItemStatus::for_item(item))
            })
            .into(),
        // Notifications: any 2xx.
        _ => Reply::ok(),
    }
}

/// The store the guards share: Redis at the URL after `--redis` (for several instances of the
/// receiver), else `None`, which keeps them in memory.
pub fn redis_url(args: &[String]) -> Option<&str> {
    let at = args.iter().position(|arg| arg == "--redis")?;
    args.get(at + 1).map(String::as_str)
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
        guards: Guards::in_memory(),
        dead_letters: DeadLetters::default(),
    })
}
