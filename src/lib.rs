//! Verify and parse inbound webhooks from LeaseCloud, Montly, EZQ Venture, Kinguin and Spark
//! Pay.
//!
//! The crate does no I/O. Hand it the header values and the raw body bytes your web framework
//! received; get back a typed event, or an error that says exactly what failed and maps to a
//! status code ([`Error::status_code`]).
//!
//! # Quick start
//!
//! ```
//! use commerce_webhooks::scheme::timestamped::{self, Verifier};
//! use commerce_webhooks::{Secret, VerifyError};
//!
//! // At start-up: the secret from the provider's dashboard, checked once.
//! let verifier = Verifier::new("Montly-Signature", Secret::new("whsec_current")?);
//!
//! // Per request: the header values and the body exactly as received.
//! # let body: &[u8] = br#"{"id":"evt:1","type":"order.signed","data":{"orderId":42}}"#;
//! # let now = time::OffsetDateTime::now_utc().unix_timestamp();
//! # let signature = timestamped::sign(&Secret::new("whsec_current")?, now, body);
//! let headers = [("Montly-Signature", signature.as_str())];
//! verifier.verify(&headers, body)?;
//!
//! // A tampered body is refused, and the error says what to check.
//! let tampered = br#"{"id":"evt:1","type":"order.signed","data":{"orderId":43}}"#;
//! assert!(matches!(
//!     verifier.verify(&headers, tampered),
//!     Err(VerifyError::SignatureMismatch { .. })
//! ));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Rules the crate keeps
//!
//! - The signature is checked on the raw bytes, before any parsing, and before the timestamp.
//! - Comparisons are constant time; no error message contains a secret or an expected MAC.
//! - Bad input is an error, never a panic: headers over [`MAX_HEADER_LEN`] bytes or with more
//!   than [`MAX_SIGNATURES`] signatures are refused up front.
//! - Secrets never print and are wiped from memory when dropped.

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

mod error;
pub mod ezq;
mod headers;
pub mod kinguin;
pub mod leasecloud;
pub mod montly;
pub mod scheme;
mod secret;
#[allow(dead_code)] // Decoders are used as providers' models need them.
pub(crate) mod serde_util;
pub mod sparkpay;

pub use error::{ConfigError, Error, HeaderLimit, ParseError, VerifyError};
pub use headers::Headers;
pub use secret::Secret;

/// The longest header value accepted, in bytes; longer ones are refused with
/// [`VerifyError::HeaderTooLarge`] before any work is done on them.
pub const MAX_HEADER_LEN: usize = 8 * 1024;

/// The most signatures one timestamped header may carry.
pub const MAX_SIGNATURES: usize = 16;

/// The most secrets one verifier holds (enough for any rotation in progress).
pub const MAX_SECRETS: usize = 8;

// The README's examples compile and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
