//! What the axum and actix-web receiver examples share: the verifiers, where authentic bodies
//! that did not parse are kept, the secrets from the environment, and what each provider is
//! answered. Each example adds only its framework's handlers and server.

use std::sync::{Arc, Mutex};

// The same type under either framework.
#[cfg(not(feature = "axum"))]
pub use commerce_webhooks::actix::Unparsed;
#[cfg(feature = "axum")]
pub use commerce_webhooks::axum::Unparsed;
use commerce_webhooks::sparkpay::{
    DiscountReply, ItemStatus, PaymentReply, PriceReply, ProductStatusReply, Request, TaxReply,
    ValidationReply,
};
use commerce_webhooks::{ezq, kinguin, leasecloud, montly, sparkpay, Reply, Secret};
use rust_decimal::{Decimal, RoundingStrategy};

/// Everything the handlers need: one verifier per provider, built once at start-up, and where
/// authentic bodies that did not parse are kept.
#[derive(Clone)]
#[cfg_attr(feature = "axum", derive(axum::extract::FromRef))]
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
    pub fn keep(&self, provider: &'static str, unparsed: Unparsed) -> Reply {
        eprintln!("{provider}: kept an unparsed body ({})", unparsed.error);
        let reply = unparsed.reply().clone();
        if let Ok(mut kept) = self.0.lock() {
            kept.push((provider, unparsed));
        }
        reply
    }
}

/// LeaseCloud calls again until it gets its acknowledgement with a 200.
pub fn leasecloud<S: AsRef<str>>(
    dead: &DeadLetters,
    event: Result<leasecloud::Event<S>, Unparsed>,
) -> Reply {
    match event {
        Ok(event) => leasecloud::Acknowledgement::for_event(&event).into(),
        Err(unparsed) => dead.keep("LeaseCloud", unparsed),
    }
}

pub fn montly(dead: &DeadLetters, event: Result<montly::Event, Unparsed>) -> Reply {
    match event {
        Ok(event) => {
            println!("Montly {} {}", event.id, event.name());
            Reply::ok()
        }
        Err(unparsed) => dead.keep("Montly", unparsed),
    }
}

pub fn ezq(dead: &DeadLetters, event: Result<ezq::Event, Unparsed>) -> Reply {
    match event {
        Ok(event) => {
            println!("EZQ {} {}", event.name(), event.idempotency_key());
            Reply::ok()
        }
        Err(unparsed) => dead.keep("EZQ", unparsed),
    }
}

/// Kinguin wants a 2xx with an empty body; the TEST URL button gets the same.
pub fn kinguin(dead: &DeadLetters, event: Result<kinguin::Event, Unparsed>) -> Reply {
    match event {
        Ok(event) => {
            println!("Kinguin {:?} {}", event.name(), event.idempotency_key());
            Reply::no_content()
        }
        Err(unparsed) => dead.keep("Kinguin", unparsed),
    }
}

/// Spark Pay waits up to 3 seconds for a typed reply to its synchronous events.
pub fn sparkpay(dead: &DeadLetters, request: Result<Request, Unparsed>) -> Reply {
    match request {
        Ok(Request::GetTax(tax)) => {
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
        Ok(
            Request::ValidateCart(_)
            | Request::ValidateCheckout(_)
            | Request::ValidateCustomer(_)
            | Request::ValidateProduct(_),
        ) => ValidationReply::ok().into(),
        // Every other question gets a typed answer that changes nothing: no processor here
        // takes a payment (it stays pending), prices and discounts stay the store's, and each
        // product's status stays as the request describes it.
        Ok(Request::AuthorizingPayment(_) | Request::CapturingPayment(_)) => {
            PaymentReply::pending()
                .notes("a demo receiver: no payment processor")
                .into()
        }
        Ok(Request::GetPrice(_)) => PriceReply::new().into(),
        Ok(Request::GetDiscount(_)) => DiscountReply::new().into(),
        Ok(Request::GetProductStatus(request)) => request
            .items
            .iter()
            .fold(ProductStatusReply::new(), |reply, item| {
                reply.item(ItemStatus::for_item(item))
            })
            .into(),
        // Notifications: any 2xx.
        Ok(_) => Reply::ok(),
        Err(unparsed) => dead.keep("Spark Pay", unparsed),
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
