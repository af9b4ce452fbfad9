//! HMAC-SHA256 of the raw body, sent in a header.
//!
//! The signature may arrive as 64 hex digits of either case or as standard base64 (padded or
//! not): a sender that documents neither (EZQ) is accepted whichever it picks. Nothing is
//! timestamped, so this scheme cannot detect a replayed request: deduplicate on the event's
//! idempotency key instead.
//!
//! ```
//! use commerce_webhooks::scheme::body_hmac::{self, Verifier};
//! use commerce_webhooks::Secret;
//!
//! let secret = Secret::new("ezq_secret")?;
//! let body = br#"{"event":"order.completed"}"#;
//! let signature = body_hmac::sign(&secret, body);
//!
//! let verifier = Verifier::new("x-signature", secret);
//! verifier.verify(&[("X-Signature", signature.as_str())], body)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::{DecodePaddingMode, Engine};
use hmac::Mac;

use crate::error::Credential;
use crate::headers::{self, Headers};
use crate::hmac_sha256::Tag;
use crate::scheme::{hex_lower, hex_matches, tags_equal, Clock, Keyring, Scheme};
use crate::{ConfigError, Secret, VerifyError};

/// Standard-alphabet base64 that accepts the value with or without its `=` padding.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// What a successful verification established.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// The position, among the verifier's secrets, of the one that matched (0 = the first).
    pub secret_index: usize,
}

/// Verifies a body HMAC header against one to [`MAX_SECRETS`](crate::MAX_SECRETS) secrets.
#[derive(Debug, Clone)]
pub struct Verifier {
    keyring: Keyring,
}

impl Verifier {
    /// A verifier reading `header` and checking with one secret.
    pub fn new(header: &'static str, secret: Secret) -> Self {
        Verifier::from_keyring(Keyring::one(header, Credential::Signature, secret))
    }

    /// A verifier that accepts a signature made with any of `secrets`.
    ///
    /// # Errors
    /// [`ConfigError::NoSecrets`] or [`ConfigError::TooManySecrets`] outside one to
    /// [`MAX_SECRETS`](crate::MAX_SECRETS) secrets.
    pub fn with_secrets(
        header: &'static str,
        secrets: impl IntoIterator<Item = Secret>,
    ) -> Result<Self, ConfigError> {
        Keyring::many(header, Credential::Signature, secrets).map(Verifier::from_keyring)
    }

    /// Verifies the request's signature header against `body`.
    ///
    /// # Errors
    /// [`VerifyError::MissingHeader`], [`VerifyError::HeaderTooLarge`],
    /// [`VerifyError::MalformedHeader`] when the value is neither hex nor base64 of 32 bytes,
    /// [`VerifyError::SignatureMismatch`].
    pub fn verify<H: Headers + ?Sized>(
        &self,
        headers: &H,
        body: &[u8],
    ) -> Result<Verified, VerifyError> {
        let value = headers::required(headers, self.keyring.credential())?;
        self.verify_value(value, body)
    }

    /// Verifies a header value taken from the request by other means.
    ///
    /// # Errors
    /// As [`Verifier::verify`], less the missing header.
    #[inline]
    pub fn verify_value(&self, value: &[u8], body: &[u8]) -> Result<Verified, VerifyError> {
        let value = self.keyring.bounded(value)?.trim_ascii();
        let malformed = || {
            self.keyring
                .malformed("expected an HMAC-SHA256 as 64 hex digits or as base64")
        };
        let matched = if value.len() == 64 {
            // Hex, the usual form, is compared as text, as the timestamped scheme compares it:
            // encoding the tag costs less than decoding and checking what was sent. Whether
            // the text was hex at all matters only to say why it failed.
            self.keyring
                .position(|secret| hex_matches(&hex_lower(&secret.tag([body])), value))
                .map_err(|mismatch| match value.iter().all(u8::is_ascii_hexdigit) {
                    true => mismatch,
                    false => malformed(),
                })
        } else {
            let received = decode_base64(value).ok_or_else(malformed)?;
            self.keyring
                .position(|secret| tags_equal(&secret.tag([body]), &received))
        };
        Ok(Verified {
            secret_index: matched?,
        })
    }
}

impl Scheme for Verifier {
    type Verified = Verified;

    const CARRIES_SECRET: bool = false;

    fn from_keyring(keyring: Keyring) -> Self {
        Verifier { keyring }
    }

    fn check(&self, value: &[u8], body: &[u8], _: Clock) -> Result<Verified, VerifyError> {
        self.verify_value(value, body)
    }
}

/// Base64 of exactly 32 bytes.
fn decode_base64(text: &[u8]) -> Option<Tag> {
    let mut tag = [0u8; 32];
    // Base64 of 32 bytes is 43 or 44 characters; the spare room lets a longer value decode and
    // then fail the length check instead of overflowing the buffer.
    if !(43..=44).contains(&text.len()) {
        return None;
    }
    let mut buffer = [0u8; 33];
    match BASE64.decode_slice(text, &mut buffer) {
        Ok(32) => {
            tag.copy_from_slice(buffer.get(..32)?);
            Some(tag)
        }
        _ => None,
    }
}

/// The signature of `body` as lower-case hex, as a sender puts it in the header.
///
/// ```
/// use commerce_webhooks::{scheme::body_hmac, Secret};
///
/// let signature = body_hmac::sign(&Secret::new("key")?, "The quick brown fox jumps over the lazy dog");
/// assert_eq!(signature, "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
/// # Ok::<(), commerce_webhooks::ConfigError>(())
/// ```
pub fn sign(secret: &Secret, body: impl AsRef<[u8]>) -> String {
    let mut mac = secret.keyed_hmac();
    mac.update(body.as_ref());
    hex::encode(mac.finalize().into_bytes())
}
