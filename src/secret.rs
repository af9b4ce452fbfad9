//! [`Secret`]: a webhook signing secret that never prints and is wiped from memory on drop.

use std::fmt;

use hmac::{Hmac, KeyInit};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::hmac_sha256::{KeyState, Tag};
use crate::ConfigError;

pub(crate) type HmacSha256 = Hmac<Sha256>;

/// A webhook secret, as configured at the provider.
///
/// Built once at start-up; every verification reuses the HMAC key state computed here (the
/// inner and outer padded key blocks), so a request only copies that state instead of hashing
/// the key again.
///
/// - `Debug` prints `Secret([redacted])`; there is no `Display`.
/// - The bytes and the derived key state are overwritten with zeros when the `Secret` is
///   dropped.
/// - An empty secret, or one with leading or trailing whitespace (a copy-paste or
///   trailing-newline accident that would make every signature mismatch), is refused.
///
/// ```
/// use commerce_webhooks::{ConfigError, Secret};
///
/// let secret = Secret::new("whsec_current")?;
/// assert_eq!(format!("{secret:?}"), "Secret([redacted])");
/// assert_eq!(Secret::new("").unwrap_err(), ConfigError::EmptySecret);
/// assert_eq!(
///     Secret::new("whsec_current\n").unwrap_err(),
///     ConfigError::SecretHasSurroundingWhitespace
/// );
/// # Ok::<(), ConfigError>(())
/// ```
#[derive(Clone)]
pub struct Secret {
    bytes: Zeroizing<Box<[u8]>>,
    /// SHA-256 of the bytes, for comparing a shared-secret header at a fixed length.
    digest: Zeroizing<[u8; 32]>,
    /// The HMAC key state, wiped on drop.
    key: KeyState,
}

impl Secret {
    /// Builds a secret from a string or bytes.
    ///
    /// # Errors
    /// [`ConfigError::EmptySecret`] if `secret` is empty;
    /// [`ConfigError::SecretHasSurroundingWhitespace`] if it starts or ends with whitespace.
    pub fn new(secret: impl AsRef<[u8]>) -> Result<Self, ConfigError> {
        let bytes = secret.as_ref();
        if bytes.is_empty() {
            return Err(ConfigError::EmptySecret);
        }
        if has_surrounding_whitespace(bytes) {
            return Err(ConfigError::SecretHasSurroundingWhitespace);
        }
        let digest: [u8; 32] = Sha256::digest(bytes).into();
        Ok(Secret {
            bytes: Zeroizing::new(bytes.into()),
            digest: Zeroizing::new(digest),
            key: KeyState::new(bytes),
        })
    }

    /// The HMAC-SHA256 tag of the concatenation of `parts`, from the precomputed key state:
    /// what verification compares.
    #[inline]
    pub(crate) fn tag<const N: usize>(&self, parts: [&[u8]; N]) -> Tag {
        self.key.tag(parts)
    }

    /// An HMAC-SHA256 keyed with this secret by the `hmac` crate: what signing uses, so that
    /// every sign-then-verify test also checks the verify path's own HMAC against it.
    pub(crate) fn keyed_hmac(&self) -> HmacSha256 {
        // HMAC accepts keys of any length and the secret is never empty: this cannot fail.
        HmacSha256::new_from_slice(&self.bytes)
            .unwrap_or_else(|_| HmacSha256::new(&Default::default()))
    }

    /// The secret's bytes, for the signers that put the secret itself in a request (Kinguin's
    /// header, Spark Pay's URL).
    pub(crate) fn expose(&self) -> &[u8] {
        &self.bytes
    }

    /// SHA-256 of the secret's bytes.
    pub(crate) fn digest(&self) -> &[u8; 32] {
        &self.digest
    }

    /// The secret's length in bytes, so a caller can sanity-check configuration without seeing
    /// the value. Never zero: an empty secret cannot be built, so there is no `is_empty`.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }
}

// Every field wipes itself on drop: the bytes and digest through `Zeroizing`, the HMAC key
// state through its own `Drop`. The `hmac` states that signing builds are wiped by `sha2`'s
// `zeroize` feature. The assertion keeps all of that from being lost.
impl zeroize::ZeroizeOnDrop for Secret {}
const _: fn() = || {
    fn wipes_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    wipes_on_drop::<Sha256>();
    wipes_on_drop::<KeyState>();
    wipes_on_drop::<Zeroizing<Box<[u8]>>>();
};

fn has_surrounding_whitespace(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.trim() != text,
        Err(_) => {
            let ascii_ws = |b: Option<&u8>| b.is_some_and(u8::is_ascii_whitespace);
            ascii_ws(bytes.first()) || ascii_ws(bytes.last())
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}
