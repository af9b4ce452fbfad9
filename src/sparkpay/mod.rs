//! Spark Pay (Cart.com Online Store, formerly AmeriCommerce): typed webhook requests, typed
//! replies, and the subscription a partner registers.
//!
//! Spark Pay calls a URL when something happens in a store. Ten of its 30 [`EventType`]s
//! (tax, prices, discounts, product status, payments, validation) wait for a typed JSON reply;
//! the rest are notifications that any 2xx acknowledges.
//!
//! # Setting up
//!
//! Spark Pay neither signs its requests nor names the event in them. Both gaps are closed by the
//! URL you register:
//!
//! 1. **One URL per event type, ending in its name.** Create one [`Subscription`] per event,
//!    each with its own path whose last segment is the [`EventType`]'s name
//!    (`https://shop.example/hooks/sparkpay/GetTax`, `…/sparkpay/OrderPlaced`). Through
//!    [`Provider::verify_request`](crate::Provider::verify_request) (and so the framework
//!    adapters) the crate reads the event type from that segment of
//!    [`Request::path`](crate::Request::path); with [`Webhook::verify_query`] you route each
//!    path yourself (`"GetTax".parse::<EventType>()`).
//! 2. **A secret token in the URL.** Generate a long random token (32 or more letters and
//!    digits), append it as `?token=…` ([`Webhook::sign_query`] writes it, percent-encoded
//!    where needed), and give the same token to [`Webhook`], which refuses any request that
//!    does not carry it. Keep the token out of logs: log the path, not the query. To rotate,
//!    accept both tokens with [`Webhook::with_secrets`], re-register the subscriptions with
//!    the new one, then drop the old.
//! 3. **HTTPS only.** The token travels in the URL, so a plain `http://` URL would expose it;
//!    [`Subscription::validate`] refuses one.
//!
//! # Replying in time
//!
//! Spark Pay waits at most [`REPLY_DEADLINE`] (3 seconds) for a reply, which
//! [`EventType::reply_deadline`] returns for the events that expect one. A late or failed reply
//! makes the store apply the subscription's [`FailureType`]: ignore the webhook (the default),
//! show the shopper an error, or call the fallback URL. Answer from data you already hold; put
//! slow work behind a queue. Spark Pay may cache replies for the subscription's
//! [`CacheLength`].
//!
//! ```
//! use commerce_webhooks::sparkpay::{EventType, Request, TaxReply, ValidationReply, Webhook};
//! use commerce_webhooks::Secret;
//! use rust_decimal::{Decimal, RoundingStrategy};
//!
//! // At start-up.
//! let hook = Webhook::new(Secret::new("sp_tok_6d0f3c2a9b8e4f71")?);
//!
//! // Per request: POST /sparkpay/{event}?{query}, with the raw body.
//! # let (path_event, query) = ("GetTax", "token=sp_tok_6d0f3c2a9b8e4f71");
//! # let body = br#"{"items": [{"cart_item_id": 321, "item_number": "60PY2DR",
//! #   "item_name": "60PY2DR", "manufacturer_item_number": "", "price": 2295,
//! #   "discounted_price": 2295, "quantity": 2, "is_tax_exempt": false, "tax_code": "",
//! #   "line_item_subtotal": 4590}], "shipping_total": 25, "handling_total": 0}"#;
//! let event: EventType = path_event.parse()?; // 404 if unknown
//! let reply = match hook.verify_query(event, query, body)? {
//!     Request::GetTax(tax) => {
//!         let rate = Decimal::new(825, 4); // 8.25 %
//!         // Cents rounded half away from zero, as tax is: `round_dp` rounds half to even.
//!         let tax_on = |amount: Decimal| {
//!             (amount * rate).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
//!         };
//!         let reply = tax.items.iter().fold(TaxReply::new(), |reply, item| match item.is_tax_exempt {
//!             true => reply.item(item.cart_item_id, Decimal::ZERO),
//!             false => reply.item(item.cart_item_id, tax_on(item.line_item_subtotal)),
//!         });
//!         serde_json::to_string(&reply.shipping_tax(tax_on(tax.shipping_total)))?
//!     }
//!     Request::ValidateCart(_) => serde_json::to_string(&ValidationReply::ok())?,
//!     Request::OrderPlaced(placed) => {
//!         println!("order {} placed", placed.order.id);
//!         String::new() // a notification: any 2xx will do
//!     }
//!     _ => String::new(),
//! };
//! assert_eq!(
//!     reply,
//!     r#"{"items":[{"cart_item_id":321,"tax_amount":378.68}],"shipping_tax_amount":2.06,"handling_tax_amount":0}"#
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # When an authentic body does not parse
//!
//! Spark Pay does not retry. A notification is acknowledged by any 2xx, so keep the raw body
//! and answer 200. For an event that waits for a reply there is no reply to compute: the store
//! applies the subscription's [`FailureType`] whatever is answered, and 200 with no body is
//! what the framework adapters' `Authenticated` extractor answers after handing the body
//! over. [`Error::Parse`](crate::Error::Parse) names the event type.
//!
//! # What is typed
//!
//! [`Request::parse`] reads a body straight into the payload of its event type
//! ([`TaxRequest`], [`OrderRequest`], …), which embed the resource [`models`] (orders, carts,
//! customers, products, …) typed from Spark Pay's API reference. Each payload's documentation
//! ends with a sample body for the event types that send it, parsed and checked as a doctest.
//! Replies ([`TaxReply`], [`PriceReply`], …) serialize to the documented JSON, decimals as plain
//! numbers.

mod event_type;
pub mod models;
mod payload;
mod reply;
mod request;
mod subscription;
mod webhook;

pub use event_type::{EventType, UnknownEventType, REPLY_DEADLINE};
pub use models::*;
pub use payload::{
    CartRequest, CheckoutRequest, CustomerEmailChange, CustomerRequest, DiscountItem,
    DiscountRequest, OrderRequest, OrderStatusChange, PaymentMethodAmount, PaymentRequest,
    PriceItem, PriceRequest, ProductRequest, ProductStatusChange, ProductStatusItem,
    ProductStatusRequest, QuoteRequest, QuoteStatusChange, ShippingMethodChoice, TaxItem,
    TaxRequest, VariantChoice,
};
pub use reply::{
    AddItem, AuthorizationReply, CaptureReply, CartItemDiscount, DiscountReply, ItemPrice,
    ItemStatus, ItemTax, PaymentReply, PriceReply, ProductStatusReply, TaxReply, ValidationReply,
};
pub use request::Request;
pub use subscription::{CacheLength, FailureType, Subscription};
#[cfg(feature = "http")]
pub use webhook::RedactedUri;
pub use webhook::{redact_token, token_from_query, SparkPay, Webhook, TOKEN_PARAM};
