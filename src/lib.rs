//! Verify and parse inbound webhooks from LeaseCloud, Montly, EZQ Venture, Kinguin and Spark
//! Pay.
//!
//! The crate does no I/O. Hand it the header values and the raw body bytes your web framework
//! received (and, for Spark Pay, the request's path and query); get back a typed event, or an
//! error that says exactly what failed: [`Error::Verify`] when the request is not proven to
//! come from the provider (answer 401), [`Error::Parse`] when an authentic body does not have
//! the documented shape (keep it, and answer what the provider documents as success: see
//! below).
//!
//! # From `cargo add` to a verified event
//!
//! 1. `cargo add commerce-webhooks`, with `--features axum` or `--features actix-web` for the
//!    framework extractors ([`axum`], [`actix`]), or
//!    `--features http` to pass an `http::HeaderMap` (hyper, reqwest) directly.
//! 2. At start-up, build one `Webhook` per provider from the secret in its dashboard. A secret
//!    that is empty or has surrounding whitespace (a stray newline from an environment file) is
//!    refused here, not on the first request.
//! 3. In the handler, take the body as **bytes**, not as parsed JSON: the signature covers
//!    the exact bytes sent, and re-serialized JSON no longer matches it. (The extractors do
//!    this for you.)
//! 4. Call `verify`; act on the event, deduplicating on its idempotency key.
//!
//! ```
//! use commerce_webhooks::{montly, Error, Secret};
//!
//! // 2. At start-up.
//! let hook = montly::Webhook::new(Secret::new("whsec_current")?);
//!
//! // 3. Per request: the headers and the raw body, here signed on the spot.
//! let body = br#"{"id":"evt:1","type":"order.signed","data":{"orderId":42}}"#;
//! # let now = time::OffsetDateTime::now_utc().unix_timestamp();
//! let headers = montly::Webhook::sign_headers(&Secret::new("whsec_current")?, now, body);
//!
//! // 4. Verify, then act on the typed event.
//! match hook.verify(&headers, body) {
//!     Ok(event) => {
//!         assert_eq!(event.idempotency_key(), "evt:1"); // deduplicate retries on this
//!         assert!(matches!(event.kind, montly::EventKind::OrderSigned { .. }));
//!     }
//!     Err(error) => panic!("answer {}: {error}", error.status_code()),
//! }
//!
//! // Anything else is refused, and the error says what to check.
//! let error = hook.verify(&headers, br#"{"id":"evt:1"}"#).unwrap_err();
//! assert!(matches!(error, Error::Verify(_)));
//! assert_eq!(error.status_code(), 401);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # One shape for every provider
//!
//! Every provider's `Webhook` implements [`Provider`]: it takes a [`Request`] (headers, raw
//! body, and the URI's path and query) and gives its event, which implements
//! [`WebhookEvent`] (`name`, `id`, `idempotency_key`). An adapter, a queue worker or a test
//! helper written once over `W: Provider` works for all five; the crate's own axum and
//! actix-web extractors are written that way and name no provider:
//!
//! ```
//! use commerce_webhooks::{Delivery, Error, Provider, Request, WebhookEvent};
//!
//! /// At the edge: verify, then keep the record a worker needs (as JSON on a queue).
//! fn enqueue<W: Provider>(hook: &W, request: &Request<'_>) -> Result<String, Error> {
//!     let event = hook.verify_request(request)?;
//!     println!("{} {} {}", W::NAME, event.name(), event.idempotency_key());
//!     let delivery = W::delivery(request, time::OffsetDateTime::now_utc());
//!     Ok(serde_json::to_string(&delivery).expect("a record serializes"))
//! }
//!
//! /// In a worker: the same event, for whichever provider the worker serves.
//! fn work<W: Provider>(queued: &str) -> Result<W::Event, Box<dyn std::error::Error>> {
//!     let delivery: Delivery = serde_json::from_str(queued)?;
//!     Ok(W::parse_delivery(&delivery)?)
//! }
//!
//! # use commerce_webhooks::{ezq, Secret};
//! let hook = ezq::Webhook::new(Secret::new("ezq_secret")?);
//! let body = br#"{"event":"order.refunded","data":{"slugId":"7-abc"}}"#;
//! let headers = ezq::Webhook::sign_headers(&Secret::new("ezq_secret")?, body);
//! let queued = enqueue(&hook, &Request::new(&headers, body))?;
//! assert_eq!(work::<ezq::Webhook>(&queued)?.name(), "order.refunded");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Every event, request, model and reply is `Serialize` and `Deserialize` in the provider's own
//! wire format, so a verified event can go on a queue and be parsed again later.
//!
//! # When an authentic body does not parse
//!
//! It is still the provider's delivery, and most providers send it again until they get the
//! answer they document as success: refusing it loses it or brings a storm of retries. So keep
//! the raw body and acknowledge it. [`ParseError`] carries the event's name and id wherever
//! they stand in the body, [`Provider::unparsed_reply`] is the acknowledgement each provider
//! needs, and the extractors' `Authenticated` hands both to the handler.
//!
//! # The providers
//!
//! ## LeaseCloud ([`leasecloud`])
//! - **Authenticates** with `LeaseCloud-Signature: t=…,v1=…`: HMAC-SHA256 of `"{t}.{body}"`,
//!   one `v1` per secret during a rotation; the timestamp must be within 300 s of now
//!   ([`leasecloud::Webhook::tolerance`] changes that).
//! - **Retries** until it receives a 200 with a JSON [`leasecloud::Acknowledgement`]
//!   (`{"id", "orderId", "partnerOrderId"}`): reply with it, or the event keeps coming.
//! - **Dedup** on [`leasecloud::Event::idempotency_key`], the event id.
//! - **Quirks:** its older "v1" actions are Montly's events; order ids arrive as numbers in
//!   those and as strings elsewhere ([`montly::OrderId`] compares equal either way); amounts
//!   are integer minor units.
//!
//! ## Montly ([`montly`])
//! - **Authenticates** like LeaseCloud, with `Montly-Signature`. Montly is LeaseCloud's earlier
//!   name; the event name is the body's `type` instead of `action`.
//! - **Retries** up to 12 times over 7 days until it gets a 200: answer 200 with any body.
//! - **Dedup** on [`montly::Event::idempotency_key`], the event id.
//! - **Quirks:** tariff rates (`1.51`) are exact [`rust_decimal::Decimal`]s.
//!
//! ## EZQ Venture ([`ezq`])
//! - **Authenticates** with `x-signature`: HMAC-SHA256 of the raw body. The page does not say
//!   how it is encoded, so hex of either case and base64 are all accepted.
//! - **Retries** 3 times, a minute apart, until it gets a 200.
//! - **Dedup** on [`ezq::Event::idempotency_key`] (event, order and latest history entry):
//!   nothing timestamped is signed, so there is no replay window and a recorded request stays
//!   valid; the key is the only defence against repeats.
//! - **Quirks:** MYR amounts with cents are [`rust_decimal::Decimal`]; nullable timestamps are
//!   `Option`.
//!
//! ## Kinguin ([`kinguin`])
//! - **Authenticates** with `X-Event-Secret`, which carries the configured secret itself; it is
//!   compared in constant time without revealing its length. The event name is the
//!   `X-Event-Name` header.
//! - **Retries** a few times on failure; answer any 2xx, 204 recommended. Too many failures
//!   may get the endpoint disabled.
//! - **Dedup** on [`kinguin::Event::idempotency_key`]. Delivery order is not guaranteed:
//!   compare [`kinguin::Event::updated_at`] with the last one applied.
//! - **Quirks:** the dashboard's TEST URL button sends the secret without an event name; it
//!   verifies to [`kinguin::Event::Test`], which no real event can produce.
//!
//! ## Spark Pay ([`sparkpay`])
//! - **Authenticates** with nothing at all, so register each URL with a secret token
//!   (`…/GetTax?token=…`) and check it with [`sparkpay::Webhook`]. Spark Pay names the event
//!   only through the URL it calls: one URL per [`sparkpay::EventType`].
//! - **Replies:** synchronous events (`GetTax`, `ValidateCart`, …) wait at most 3 seconds
//!   ([`sparkpay::EventType::reply_deadline`]) for a typed reply such as
//!   [`sparkpay::TaxReply`]; notifications need only a 200.
//! - **Quirks:** flags arrive as 0/1, dates as `""` when missing, money as `2295` or
//!   `"0.0000"`: all accepted.
//!
//! # Rules the crate keeps
//!
//! - The signature is checked on the raw bytes, before any parsing, and before the timestamp,
//!   so a caller without the secret learns nothing else.
//! - Comparisons are constant time; no error message contains a secret or an expected MAC.
//! - Bad input is an error, never a panic: headers over [`MAX_HEADER_LEN`] bytes or with more
//!   than [`MAX_SIGNATURES`] signatures are refused up front; a header sent twice is refused.
//! - Secrets never print and are wiped from memory when dropped.
//! - Unknown event names parse to an `Unknown` variant that keeps the raw JSON, unknown status
//!   values to `Other(…)`, and unknown fields are ignored, so a provider's additions do not
//!   break an endpoint.
//! - For a provider this crate does not cover, the [`scheme`] verifiers work on their own.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

// Modules in layers, each importing only from those above it in this list: what every part
// needs (secrets, the clock, headers, errors), decoding and the schemes, the one shape over all
// providers, what LeaseCloud and Montly share, the providers, and the framework adapters.
mod clock;
mod error;
mod headers;
mod hmac_sha256;
mod key;
mod order_id;
mod secret;

pub(crate) mod de;
pub mod scheme;

mod delivery;
mod provider;
mod request;
pub mod webhook;

mod observe;

pub mod dedup;

mod leasing;

pub mod ezq;
pub mod kinguin;
pub mod leasecloud;
pub mod montly;
pub mod sparkpay;

pub mod samples;

mod adapters;

/// Crate-private code for the fuzz targets only: cargo-fuzz builds every crate with
/// `--cfg fuzzing`, so none of this exists in a normal build.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    /// The verify path's HMAC-SHA256 of the concatenation of `parts`.
    pub fn hmac_sha256<const N: usize>(key: &[u8], parts: [&[u8]; N]) -> [u8; 32] {
        crate::hmac_sha256::KeyState::new(key).tag(parts)
    }
}

#[cfg(feature = "actix-web")]
pub use adapters::actix;
#[cfg(feature = "axum")]
pub use adapters::axum;
pub use de::text::EventText;
pub use delivery::{Delivery, DeliverySeal, SealedDelivery};
pub use error::{ConfigError, Error, HeaderLimit, ParseError, ParseErrorDetails, VerifyError};
#[doc(hidden)]
pub use headers::HeaderKey;
pub use headers::Headers;
pub use provider::{Provider, Reply, WebhookEvent, MAX_IDEMPOTENCY_KEY_LEN, MAX_UNKNOWN_FIELDS};
pub use request::Request;
pub use secret::Secret;

/// The longest header value accepted, in bytes; longer ones are refused with
/// [`VerifyError::HeaderTooLarge`] before any work is done on them.
pub const MAX_HEADER_LEN: usize = 8 * 1024;

/// The most signatures one timestamped header may carry.
pub const MAX_SIGNATURES: usize = 16;

/// The most secrets one verifier holds (enough for any rotation in progress).
pub const MAX_SECRETS: usize = 8;

// The README's examples compile and run as doctests (the receiver needs the axum extractors).
#[doc = include_str!("../README.md")]
#[cfg(all(doctest, feature = "axum"))]
pub struct ReadmeDoctests;
