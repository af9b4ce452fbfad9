//! A header that carries the shared secret itself.
//!
//! The weakest of the three schemes: the secret travels with every request, and nothing ties
//! it to the body, so anyone who sees one request can forge others. The comparison is constant
//! time and hides the secret's length: both sides are hashed with SHA-256 first and the two
//! digests compared in full.
//!
//! ```
//! use commerce_webhooks::scheme::shared_secret::Verifier;
//! use commerce_webhooks::{Secret, VerifyError};
//!
//! let verifier = Verifier::new("X-Event-Secret", Secret::new("kinguin-secret")?);
//! verifier.verify(&[("x-event-secret", "kinguin-secret")])?;
//! assert_eq!(
//!     verifier.verify(&[("x-event-secret", "guess")]).unwrap_err(),
//!     VerifyError::SignatureMismatch { header: "X-Event-Secret" }
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use sha2::{Digest, Sha256};

use crate::error::Credential;
use crate::headers::{self, Headers};
use crate::scheme::{tags_equal, Clock, Keyring, Scheme};
use crate::{ConfigError, Secret, VerifyError};

/// What a successful verification established.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// The position, among the verifier's secrets, of the one that matched (0 = the first).
    pub secret_index: usize,
}

/// Checks a shared-secret header against one to [`MAX_SECRETS`](crate::MAX_SECRETS) secrets.
#[derive(Debug, Clone)]
pub struct Verifier {
    keyring: Keyring,
}

impl Verifier {
    /// A verifier reading `header` and accepting one secret.
    pub fn new(header: &'static str, secret: Secret) -> Self {
        Verifier::from_keyring(Keyring::one(header, Credential::SecretHeader, secret))
    }

    /// A verifier accepting any of `secrets`.
    ///
    /// # Errors
    /// [`ConfigError::NoSecrets`] or [`ConfigError::TooManySecrets`] outside one to
    /// [`MAX_SECRETS`](crate::MAX_SECRETS) secrets.
    pub fn with_secrets(
        header: &'static str,
        secrets: impl IntoIterator<Item = Secret>,
    ) -> Result<Self, ConfigError> {
        Keyring::many(header, Credential::SecretHeader, secrets).map(Verifier::from_keyring)
    }

    /// Checks the request's header.
    ///
    /// # Errors
    /// [`VerifyError::MissingHeader`], [`VerifyError::HeaderTooLarge`],
    /// [`VerifyError::SignatureMismatch`] when the value equals no secret.
    pub fn verify<H: Headers + ?Sized>(&self, headers: &H) -> Result<Verified, VerifyError> {
        let value = headers::required(headers, self.keyring.credential())?;
        self.verify_value(value)
    }

    /// Checks a header value taken from the request by other means.
    ///
    /// # Errors
    /// As [`Verifier::verify`], less the missing header.
    pub fn verify_value(&self, value: &[u8]) -> Result<Verified, VerifyError> {
        let value = self.keyring.bounded(value)?;
        let received: [u8; 32] = Sha256::digest(value).into();
        let secret_index = self
            .keyring
            .position(|secret| tags_equal(&received, secret.digest()))?;
        Ok(Verified { secret_index })
    }
}

impl Scheme for Verifier {
    type Verified = Verified;

    const CARRIES_SECRET: bool = true;

    fn from_keyring(keyring: Keyring) -> Self {
        Verifier { keyring }
    }

    fn check(&self, value: &[u8], _body: &[u8], _: Clock) -> Result<Verified, VerifyError> {
        self.verify_value(value)
    }
}
