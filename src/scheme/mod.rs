//! The three ways providers authenticate a webhook, independent of any provider.
//!
//! | module | credential | replay protection |
//! |---|---|---|
//! | [`timestamped`] | `t=<unix>,v1=<hex>…`: HMAC-SHA256 of `"{t}.{body}"` | timestamp tolerance |
//! | [`body_hmac`] | HMAC-SHA256 of the body | none |
//! | [`shared_secret`] | the secret itself | none |
//!
//! All three hold their secrets the same way (one to [`MAX_SECRETS`](crate::MAX_SECRETS),
//! newest first), refuse a credential longer than [`MAX_HEADER_LEN`](crate::MAX_HEADER_LEN)
//! before any work, and compare it with every configured secret whichever matches, so the time
//! a check takes does not tell which secret matched. Provider modules wrap these with the right
//! names; use them directly for a provider this crate does not know yet, or to sign requests in
//! tests.

pub mod body_hmac;
mod keyring;
pub mod shared_secret;
pub mod timestamped;

// Public types in a private module: named by `Scheme`'s hidden methods, reachable by nobody.
pub(crate) use keyring::{hex_lower, hex_matches, tags_equal, Clock, Keyring};

use std::fmt;

use crate::VerifyError;

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::timestamped::Verifier {}
    impl Sealed for super::body_hmac::Verifier {}
    impl Sealed for super::shared_secret::Verifier {}
}

/// What a scheme's verifier offers a provider's [`Webhook`](crate::webhook::Webhook): built
/// from its secrets, it checks the credential a request carries. Implemented by the three
/// verifiers of this module, and by no other type.
pub trait Scheme: sealed::Sealed + Clone + fmt::Debug + Send + Sync + 'static {
    /// What a successful check established (which secret matched; the signed time).
    type Verified: Copy + fmt::Debug + Eq;

    /// Whether the credential is the secret itself rather than a signature of the body.
    #[doc(hidden)]
    const CARRIES_SECRET: bool;

    /// The verifier for `keyring`.
    #[doc(hidden)]
    fn from_keyring(keyring: Keyring) -> Self;

    /// Checks `credential`, as the request carries it, for `body` at `clock`'s now.
    ///
    /// # Errors
    /// The [`VerifyError`] that says what did not check out.
    #[doc(hidden)]
    fn check(
        &self,
        credential: &[u8],
        body: &[u8],
        clock: Clock,
    ) -> Result<Self::Verified, VerifyError>;
}
