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

use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::headers::{self, Headers};
use crate::scheme::timestamped::tags_equal;
use crate::secret::collect_secrets;
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
    header: &'static str,
    secrets: Arc<[Secret]>,
}

impl Verifier {
    /// A verifier reading `header` and accepting one secret.
    pub fn new(header: &'static str, secret: Secret) -> Self {
        Verifier {
            header,
            secrets: Arc::new([secret]),
        }
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
        Ok(Verifier {
            header,
            secrets: collect_secrets(secrets)?,
        })
    }

    /// The header this verifier reads.
    pub fn header_name(&self) -> &'static str {
        self.header
    }

    /// Checks the request's header.
    ///
    /// # Errors
    /// [`VerifyError::MissingHeader`], [`VerifyError::HeaderTooLarge`],
    /// [`VerifyError::SignatureMismatch`] when the value equals no secret.
    pub fn verify<H: Headers + ?Sized>(&self, headers: &H) -> Result<Verified, VerifyError> {
        let value = headers::required(headers, self.header)?;
        self.verify_value(value)
    }

    /// Checks a header value taken from the request by other means.
    ///
    /// # Errors
    /// As [`Verifier::verify`], less the missing header.
    pub fn verify_value(&self, value: &[u8]) -> Result<Verified, VerifyError> {
        if value.len() > crate::MAX_HEADER_LEN {
            return Err(VerifyError::HeaderTooLarge {
                header: self.header,
                limit: crate::HeaderLimit::Bytes {
                    len: value.len(),
                    max: crate::MAX_HEADER_LEN,
                },
            });
        }
        let received: [u8; 32] = Sha256::digest(value).into();
        // Every secret is compared, matched or not, so timing does not tell which one matched.
        let mut matched = None;
        for (index, secret) in self.secrets.iter().enumerate() {
            let equal = bool::from(tags_equal(&received, secret.digest()));
            if equal && matched.is_none() {
                matched = Some(index);
            }
        }
        matched.map(|secret_index| Verified { secret_index }).ok_or(
            VerifyError::SignatureMismatch {
                header: self.header,
            },
        )
    }
}
