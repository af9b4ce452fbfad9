//! The three ways providers authenticate a webhook, independent of any provider.
//!
//! | module | header carries | replay protection |
//! |---|---|---|
//! | [`timestamped`] | `t=<unix>,v1=<hex>…`: HMAC-SHA256 of `"{t}.{body}"` | timestamp tolerance |
//! | [`body_hmac`] | HMAC-SHA256 of the body | none |
//! | [`shared_secret`] | the secret itself | none |
//!
//! Provider modules wrap these with the right header names; use them directly for a provider
//! this crate does not know yet, or to sign requests in tests.

pub mod body_hmac;
pub mod shared_secret;
pub mod timestamped;
