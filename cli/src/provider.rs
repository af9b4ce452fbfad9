//! The five providers as the command line names them, and what the command needs of each beyond
//! the library's `Provider`: its page samples, how to build its verifier, and what it expects
//! back.

use std::fmt::Debug;

use commerce_webhooks::samples::{self, Sample};
use commerce_webhooks::sparkpay::{
    DiscountReply, EventType, PaymentReply, PriceReply, ProductStatusReply, TaxReply,
    ValidationReply,
};
use commerce_webhooks::{
    ezq, kinguin, leasecloud, montly, sparkpay, ConfigError, Provider, Reply, Secret,
};

/// A provider, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderName {
    LeaseCloud,
    Montly,
    Ezq,
    Kinguin,
    SparkPay,
}

/// The names the command line accepts, as a person reads them in a message.
pub const PROVIDER_ARGS: &str = "leasecloud, montly, ezq, kinguin or sparkpay";

impl ProviderName {
    const ARGS: [(&'static str, ProviderName); 5] = [
        ("leasecloud", ProviderName::LeaseCloud),
        ("montly", ProviderName::Montly),
        ("ezq", ProviderName::Ezq),
        ("kinguin", ProviderName::Kinguin),
        ("sparkpay", ProviderName::SparkPay),
    ];

    /// The provider named `arg`, case-insensitively. The error does not repeat `arg`: a secret
    /// pasted in the wrong place would be printed.
    pub fn from_arg(arg: &str) -> Result<ProviderName, String> {
        ProviderName::ARGS
            .into_iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(arg))
            .map(|(_, provider)| provider)
            .ok_or_else(|| format!("the PROVIDER given is not one: use {PROVIDER_ARGS}"))
    }

    /// The provider's own name, as the library's `Provider::NAME` spells it.
    pub fn name(self) -> &'static str {
        match self {
            ProviderName::LeaseCloud => leasecloud::Webhook::NAME,
            ProviderName::Montly => montly::Webhook::NAME,
            ProviderName::Ezq => ezq::Webhook::NAME,
            ProviderName::Kinguin => kinguin::Webhook::NAME,
            ProviderName::SparkPay => sparkpay::Webhook::NAME,
        }
    }

    /// The library's page samples of this provider.
    pub fn samples(self) -> &'static [Sample] {
        match self {
            ProviderName::LeaseCloud => samples::LEASECLOUD,
            ProviderName::Montly => samples::MONTLY,
            ProviderName::Ezq => samples::EZQ,
            ProviderName::Kinguin => samples::KINGUIN,
            ProviderName::SparkPay => samples::SPARKPAY,
        }
    }

    /// The first sample named `event`, or a message listing the names there are.
    pub fn sample(self, event: &str) -> Result<&'static Sample, String> {
        self.samples()
            .iter()
            .find(|sample| sample.event == event)
            .ok_or_else(|| self.unknown_event(event))
    }

    /// Says that `event` has no sample, and lists those that do.
    pub fn unknown_event(self, event: &str) -> String {
        let mut names: Vec<&str> = self.samples().iter().map(|sample| sample.event).collect();
        names.dedup();
        format!(
            "{} has no sample named `{event}`; its samples: {}",
            self.name(),
            names.join(", ")
        )
    }
}

/// What `listen` needs of a provider's verifier, beyond the library's [`Provider`].
pub trait Hook: Provider + Sized + Send + Sync + 'static
where
    Self::Event: Debug,
{
    /// The verifier for these secrets, newest first.
    fn with_secrets(secrets: Vec<Secret>) -> Result<Self, ConfigError>;

    /// What the provider expects back for a verified event, when no receiver computes it.
    fn answer(event: &Self::Event) -> Reply;
}

impl Hook for leasecloud::Webhook {
    fn with_secrets(secrets: Vec<Secret>) -> Result<Self, ConfigError> {
        leasecloud::Webhook::with_secrets(secrets)
    }

    fn answer(event: &leasecloud::Event) -> Reply {
        leasecloud::Acknowledgement::for_event(event).into()
    }
}

impl Hook for montly::Webhook {
    fn with_secrets(secrets: Vec<Secret>) -> Result<Self, ConfigError> {
        montly::Webhook::with_secrets(secrets)
    }

    fn answer(_: &montly::Event) -> Reply {
        Reply::ok()
    }
}

impl Hook for ezq::Webhook {
    fn with_secrets(secrets: Vec<Secret>) -> Result<Self, ConfigError> {
        ezq::Webhook::with_secrets(secrets)
    }

    fn answer(_: &ezq::Event) -> Reply {
        Reply::ok()
    }
}

impl Hook for kinguin::Webhook {
    fn with_secrets(secrets: Vec<Secret>) -> Result<Self, ConfigError> {
        kinguin::Webhook::with_secrets(secrets)
    }

    fn answer(_: &kinguin::Event) -> Reply {
        Reply::no_content()
    }
}

impl Hook for sparkpay::Webhook {
    fn with_secrets(secrets: Vec<Secret>) -> Result<Self, ConfigError> {
        sparkpay::Webhook::with_secrets(secrets)
    }

    /// The reply that changes nothing in the store: no tax, price, discount or status change,
    /// no validation error, a payment left pending.
    fn answer(request: &sparkpay::Request) -> Reply {
        match request.event_type() {
            EventType::AuthorizingPayment | EventType::CapturingPayment => {
                PaymentReply::pending().into()
            }
            EventType::GetDiscount => DiscountReply::new().into(),
            EventType::GetPrice => PriceReply::new().into(),
            EventType::GetProductStatus => ProductStatusReply::new().into(),
            EventType::GetTax => TaxReply::new().into(),
            EventType::ValidateCart
            | EventType::ValidateCheckout
            | EventType::ValidateCustomer
            | EventType::ValidateProduct => ValidationReply::ok().into(),
            _ => Reply::ok(),
        }
    }
}

/// Whether `body` reads as the reply Spark Pay expects to a request of `event_type`, or why
/// not. `None` for the types that expect no reply.
pub fn sparkpay_reply_check(event_type: EventType, body: &[u8]) -> Option<Result<(), String>> {
    fn parses<T: serde::de::DeserializeOwned>(name: &str, body: &[u8]) -> Result<(), String> {
        if body.trim_ascii().is_empty() {
            return Err(format!("the answer is empty: a {name} is expected"));
        }
        serde_json::from_slice::<T>(body)
            .map(|_| ())
            .map_err(|error| format!("the answer does not read as a {name}: {error}"))
    }
    Some(match event_type {
        EventType::AuthorizingPayment | EventType::CapturingPayment => {
            parses::<PaymentReply>("PaymentReply", body)
        }
        EventType::GetDiscount => parses::<DiscountReply>("DiscountReply", body),
        EventType::GetPrice => parses::<PriceReply>("PriceReply", body),
        EventType::GetProductStatus => parses::<ProductStatusReply>("ProductStatusReply", body),
        EventType::GetTax => parses::<TaxReply>("TaxReply", body),
        EventType::ValidateCart
        | EventType::ValidateCheckout
        | EventType::ValidateCustomer
        | EventType::ValidateProduct => parses::<ValidationReply>("ValidationReply", body),
        _ => return None,
    })
}
