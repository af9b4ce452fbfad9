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
//!   (Spark Pay names it only through the URL). They are the samples of each payload's
//!   documentation, built from the resource pages' samples with the fixes those documents
//!   describe; event types that share a payload share its sample.

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
/// once, relative to the fixtures folder.
macro_rules! fixture {
    ($path:literal) => {
        include_str!(concat!("../tests/fixtures/", $path)).trim_ascii_end()
    };
}

const fn sample(event: &'static str, body: &'static str, source: &'static str) -> Sample {
    Sample {
        event,
        body,
        source,
    }
}

const LEASECLOUD_PAGE: &str = "LeaseCloud's webhooks page";
const MONTLY_PAGE: &str = "Montly's webhooks page";
const EZQ_PAGE: &str = "EZQ Venture's webhooks page";
const KINGUIN_CURRENT_PAGE: &str = "Kinguin's current webhooks page";
const KINGUIN_EARLIER_PAGE: &str = "Kinguin's earlier webhooks page";
const SPARKPAY_DOCS: &str = "the crate's Spark Pay payload documentation";

/// LeaseCloud's samples.
pub const LEASECLOUD: &[Sample] = &[sample(
    "order.created",
    fixture!("leasecloud/order_created.json"),
    LEASECLOUD_PAGE,
)];

/// Montly's samples.
pub const MONTLY: &[Sample] = &[
    sample(
        "order.accepted",
        fixture!("montly/order_accepted.json"),
        MONTLY_PAGE,
    ),
    sample(
        "order.declined",
        fixture!("montly/order_declined.json"),
        MONTLY_PAGE,
    ),
    sample(
        "order.signed",
        fixture!("montly/order_signed.json"),
        MONTLY_PAGE,
    ),
    sample(
        "order.deliveryApproved",
        fixture!("montly/order_delivery_approved.json"),
        MONTLY_PAGE,
    ),
    sample(
        "tariff.updated",
        fixture!("montly/tariff_updated.json"),
        MONTLY_PAGE,
    ),
];

/// EZQ Venture's samples.
pub const EZQ: &[Sample] = &[sample(
    "order_marketplace.confirmed",
    fixture!("ezq/order_marketplace_confirmed.json"),
    EZQ_PAGE,
)];

/// Kinguin's samples: the current page's first, so that the first sample of a name is the
/// body Kinguin sends today.
pub const KINGUIN: &[Sample] = &[
    sample(
        "product.update",
        fixture!("kinguin/current_product_update.json"),
        KINGUIN_CURRENT_PAGE,
    ),
    sample(
        "order.status",
        fixture!("kinguin/current_order_status.json"),
        KINGUIN_CURRENT_PAGE,
    ),
    sample(
        "product.update",
        fixture!("kinguin/old_product_update.json"),
        KINGUIN_EARLIER_PAGE,
    ),
    sample(
        "order.complete",
        fixture!("kinguin/old_order_complete.json"),
        KINGUIN_EARLIER_PAGE,
    ),
    sample(
        "order.status",
        fixture!("kinguin/old_order_status.json"),
        KINGUIN_EARLIER_PAGE,
    ),
];

const SPARKPAY_PAYMENT: &str = fixture!("sparkpay/requests/AuthorizingPayment.json");
const SPARKPAY_CUSTOMER: &str = fixture!("sparkpay/requests/CustomerCreated.json");
const SPARKPAY_PRODUCT: &str = fixture!("sparkpay/requests/ProductCreated.json");
const SPARKPAY_ORDER: &str = fixture!("sparkpay/requests/NewOrder.json");
const SPARKPAY_QUOTE: &str = fixture!("sparkpay/requests/NewQuote.json");

/// Spark Pay's samples, one per event type, in the order of
/// [`EventType::ALL`](crate::sparkpay::EventType::ALL).
pub const SPARKPAY: &[Sample] = &[
    sample("AuthorizingPayment", SPARKPAY_PAYMENT, SPARKPAY_DOCS),
    sample("CapturingPayment", SPARKPAY_PAYMENT, SPARKPAY_DOCS),
    sample("CustomerCreated", SPARKPAY_CUSTOMER, SPARKPAY_DOCS),
    sample(
        "CustomerEmailUpdated",
        fixture!("sparkpay/requests/CustomerEmailUpdated.json"),
        SPARKPAY_DOCS,
    ),
    sample("CustomerUpdated", SPARKPAY_CUSTOMER, SPARKPAY_DOCS),
    sample("CustomerRegistered", SPARKPAY_CUSTOMER, SPARKPAY_DOCS),
    sample(
        "GetDiscount",
        fixture!("sparkpay/requests/GetDiscount.json"),
        SPARKPAY_DOCS,
    ),
    sample(
        "GetPrice",
        fixture!("sparkpay/requests/GetPrice.json"),
        SPARKPAY_DOCS,
    ),
    sample(
        "GetProductStatus",
        fixture!("sparkpay/requests/GetProductStatus.json"),
        SPARKPAY_DOCS,
    ),
    sample(
        "GetTax",
        fixture!("sparkpay/requests/GetTax.json"),
        SPARKPAY_DOCS,
    ),
    sample("NewOrder", SPARKPAY_ORDER, SPARKPAY_DOCS),
    sample("NewQuote", SPARKPAY_QUOTE, SPARKPAY_DOCS),
    sample("NewValidOrder", SPARKPAY_ORDER, SPARKPAY_DOCS),
    sample("OrderApproved", SPARKPAY_ORDER, SPARKPAY_DOCS),
    sample("OrderCanceled", SPARKPAY_ORDER, SPARKPAY_DOCS),
    sample("OrderDeclined", SPARKPAY_ORDER, SPARKPAY_DOCS),
    sample("OrderPlaced", SPARKPAY_ORDER, SPARKPAY_DOCS),
    sample("OrderShipped", SPARKPAY_ORDER, SPARKPAY_DOCS),
    sample(
        "OrderStatusChanged",
        fixture!("sparkpay/requests/OrderStatusChanged.json"),
        SPARKPAY_DOCS,
    ),
    sample("OrderUpdated", SPARKPAY_ORDER, SPARKPAY_DOCS),
    sample("PaymentProcessed", SPARKPAY_PAYMENT, SPARKPAY_DOCS),
    sample("ProductCreated", SPARKPAY_PRODUCT, SPARKPAY_DOCS),
    sample(
        "ProductStatusChanged",
        fixture!("sparkpay/requests/ProductStatusChanged.json"),
        SPARKPAY_DOCS,
    ),
    sample("ProductUpdated", SPARKPAY_PRODUCT, SPARKPAY_DOCS),
    sample(
        "QuoteStatusChanged",
        fixture!("sparkpay/requests/QuoteStatusChanged.json"),
        SPARKPAY_DOCS,
    ),
    sample("QuoteUpdated", SPARKPAY_QUOTE, SPARKPAY_DOCS),
    sample(
        "ValidateCart",
        fixture!("sparkpay/requests/ValidateCart.json"),
        SPARKPAY_DOCS,
    ),
    sample(
        "ValidateCheckout",
        fixture!("sparkpay/requests/ValidateCheckout.json"),
        SPARKPAY_DOCS,
    ),
    sample("ValidateCustomer", SPARKPAY_CUSTOMER, SPARKPAY_DOCS),
    sample("ValidateProduct", SPARKPAY_PRODUCT, SPARKPAY_DOCS),
];
