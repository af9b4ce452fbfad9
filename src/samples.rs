//! The sample bodies the providers' pages show, one [`Sample`] per documented event, for
//! partners' tests and for tools that send a provider's deliveries (the `commerce-webhooks`
//! command's `send` and `trigger`).
//!
//! Each body is byte for byte the page's JSON block (a trailing line ending aside), with the
//! provider's own event name beside it:
//!
//! ```
//! use commerce_webhooks::samples::{self, Sample};
//! use commerce_webhooks::{montly, Provider, Request, Secret, WebhookEvent};
//!
//! let secret = Secret::new("whsec_current")?;
//! let hook = montly::Webhook::new(secret.clone());
//! for sample in samples::MONTLY {
//!     let now = time::OffsetDateTime::now_utc().unix_timestamp();
//!     let headers = montly::Webhook::sign_headers(&secret, now, sample.body);
//!     let event = hook.verify_request(&Request::new(&headers, sample.body))?;
//!     assert_eq!(event.name(), sample.event);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! - [`LEASECLOUD`]: the webhooks page's `order.created`, the only event it shows a body for.
//! - [`MONTLY`]: the five events of Montly's webhooks page.
//! - [`EZQ`]: the page's `order_marketplace.confirmed`, the only body it shows.
//! - [`KINGUIN`]: the current webhooks page's two events first, then the three of the earlier
//!   page, whose bodies are shorter; the event name is what Kinguin sends as `X-Event-Name`.
//! - [`SPARKPAY`]: one body per [`EventType`](crate::sparkpay::EventType), all 30 in the order
//!   of [`EventType::ALL`](crate::sparkpay::EventType::ALL), the event name being the type's
//!   (Spark Pay names it only through the URL). They are the samples that each payload's
//!   documentation shows and checks, built from the resource pages' samples with the fixes
//!   those documents describe; event types that share a payload share its sample.

/// One sample delivery: the event's name as the provider spells it, and its body as the page
/// shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sample {
    /// The provider's own event name: the body's `action` (LeaseCloud), `type` (Montly) or
    /// `event` (EZQ), Kinguin's `X-Event-Name`, or Spark Pay's
    /// [`EventType`](crate::sparkpay::EventType) name.
    pub event: &'static str,
    /// The body, byte for byte as the page shows it.
    pub body: &'static str,
    /// Which page shows it.
    pub source: &'static str,
}

/// A fixture file's text without its final line ending. Every sample's path is written here
/// once, relative to the `samples` folder; the Spark Pay payloads' documentation includes the
/// same request files as its samples.
macro_rules! fixture {
    ($path:literal) => {
        include_str!(concat!("../samples/", $path)).trim_ascii_end()
    };
}

/// A `&[Sample]` of one page: `event => body` pairs, each of which may name another page
/// (`; from PAGE`).
macro_rules! samples {
    ($(#[$doc:meta])* $name:ident from $page:expr, [$($event:literal => $body:expr $(; from $own:expr)?,)*]) => {
        $(#[$doc])*
        pub const $name: &[Sample] = &[
            $(Sample { event: $event, body: $body, source: samples!(@page $page $(, $own)?) },)*
        ];
    };
    (@page $page:expr) => { $page };
    (@page $page:expr, $own:expr) => { $own };
}

samples! {
    /// LeaseCloud's samples.
    LEASECLOUD from "LeaseCloud's webhooks page", [
        "order.created" => fixture!("leasecloud/order_created.json"),
    ]
}

samples! {
    /// Montly's samples.
    MONTLY from "Montly's webhooks page", [
        "order.accepted" => fixture!("montly/order_accepted.json"),
        "order.declined" => fixture!("montly/order_declined.json"),
        "order.signed" => fixture!("montly/order_signed.json"),
        "order.deliveryApproved" => fixture!("montly/order_delivery_approved.json"),
        "tariff.updated" => fixture!("montly/tariff_updated.json"),
    ]
}

samples! {
    /// EZQ Venture's samples.
    EZQ from "EZQ Venture's webhooks page", [
        "order_marketplace.confirmed" => fixture!("ezq/order_marketplace_confirmed.json"),
    ]
}

samples! {
    /// Kinguin's samples: the current page's first, so that the first sample of a name is the
    /// body Kinguin sends today.
    KINGUIN from "Kinguin's current webhooks page", [
        "product.update" => fixture!("kinguin/current_product_update.json"),
        "order.status" => fixture!("kinguin/current_order_status.json"),
        "product.update" => fixture!("kinguin/old_product_update.json"); from KINGUIN_EARLIER,
        "order.complete" => fixture!("kinguin/old_order_complete.json"); from KINGUIN_EARLIER,
        "order.status" => fixture!("kinguin/old_order_status.json"); from KINGUIN_EARLIER,
    ]
}

const KINGUIN_EARLIER: &str = "Kinguin's earlier webhooks page";

/// The request bodies that several Spark Pay event types share.
const PAYMENT: &str = fixture!("sparkpay/requests/AuthorizingPayment.json");
const CUSTOMER: &str = fixture!("sparkpay/requests/CustomerCreated.json");
const PRODUCT: &str = fixture!("sparkpay/requests/ProductCreated.json");
const ORDER: &str = fixture!("sparkpay/requests/NewOrder.json");
const QUOTE: &str = fixture!("sparkpay/requests/NewQuote.json");

samples! {
    /// Spark Pay's samples, one per event type, in the order of
    /// [`EventType::ALL`](crate::sparkpay::EventType::ALL).
    SPARKPAY from "the crate's Spark Pay payload documentation", [
        "AuthorizingPayment" => PAYMENT,
        "CapturingPayment" => PAYMENT,
        "CustomerCreated" => CUSTOMER,
        "CustomerEmailUpdated" => fixture!("sparkpay/requests/CustomerEmailUpdated.json"),
        "CustomerUpdated" => CUSTOMER,
        "CustomerRegistered" => CUSTOMER,
        "GetDiscount" => fixture!("sparkpay/requests/GetDiscount.json"),
        "GetPrice" => fixture!("sparkpay/requests/GetPrice.json"),
        "GetProductStatus" => fixture!("sparkpay/requests/GetProductStatus.json"),
        "GetTax" => fixture!("sparkpay/requests/GetTax.json"),
        "NewOrder" => ORDER,
        "NewQuote" => QUOTE,
        "NewValidOrder" => ORDER,
        "OrderApproved" => ORDER,
        "OrderCanceled" => ORDER,
        "OrderDeclined" => ORDER,
        "OrderPlaced" => ORDER,
        "OrderShipped" => ORDER,
        "OrderStatusChanged" => fixture!("sparkpay/requests/OrderStatusChanged.json"),
        "OrderUpdated" => ORDER,
        "PaymentProcessed" => PAYMENT,
        "ProductCreated" => PRODUCT,
        "ProductStatusChanged" => fixture!("sparkpay/requests/ProductStatusChanged.json"),
        "ProductUpdated" => PRODUCT,
        "QuoteStatusChanged" => fixture!("sparkpay/requests/QuoteStatusChanged.json"),
        "QuoteUpdated" => QUOTE,
        "ValidateCart" => fixture!("sparkpay/requests/ValidateCart.json"),
        "ValidateCheckout" => fixture!("sparkpay/requests/ValidateCheckout.json"),
        "ValidateCustomer" => CUSTOMER,
        "ValidateProduct" => PRODUCT,
    ]
}
