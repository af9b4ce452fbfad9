//! What the three schemes share: the secrets a verifier holds under its credential's name, the
//! credential's length limit, and one timing policy.

use std::fmt;
use std::sync::Arc;

use subtle::ConstantTimeEq;

use crate::error::{declare_credential, Credential};
use crate::hmac_sha256::Tag;
use crate::{ConfigError, HeaderLimit, Secret, VerifyError, MAX_HEADER_LEN, MAX_SECRETS};

/// The secrets of one verifier, newest first, under the name of the credential they check.
///
/// Every scheme matches through [`Keyring::position`], which compares every secret whether an
/// earlier one matched or not: the time a verification takes does not tell which secret
/// matched, only how many are configured. The secrets are shared, so cloning a verifier (once
/// per request in a framework's state) is a reference count.
#[derive(Clone)]
pub struct Keyring {
    credential: &'static str,
    secrets: Arc<[Secret]>,
}

impl Keyring {
    /// One secret, checked under `credential`, which carries what `kind` says.
    pub(crate) fn one(credential: &'static str, kind: Credential, secret: Secret) -> Self {
        declare_credential(credential, kind);
        Keyring {
            credential,
            secrets: Arc::new([secret]),
        }
    }

    /// One to [`MAX_SECRETS`] secrets, checked under `credential`.
    ///
    /// # Errors
    /// [`ConfigError::NoSecrets`] or [`ConfigError::TooManySecrets`] outside that range.
    pub(crate) fn many(
        credential: &'static str,
        kind: Credential,
        secrets: impl IntoIterator<Item = Secret>,
    ) -> Result<Self, ConfigError> {
        let secrets: Vec<Secret> = secrets.into_iter().collect();
        match secrets.len() {
            0 => Err(ConfigError::NoSecrets),
            given if given > MAX_SECRETS => Err(ConfigError::TooManySecrets {
                given,
                max: MAX_SECRETS,
            }),
            _ => {
                declare_credential(credential, kind);
                Ok(Keyring {
                    credential,
                    secrets: secrets.into(),
                })
            }
        }
    }

    /// The name of the credential, as errors give it.
    pub(crate) fn credential(&self) -> &'static str {
        self.credential
    }

    /// `value`, when it is within [`MAX_HEADER_LEN`] bytes: no scheme does any work on a longer
    /// one.
    pub(crate) fn bounded<'v>(&self, value: &'v [u8]) -> Result<&'v [u8], VerifyError> {
        if value.len() > MAX_HEADER_LEN {
            return Err(VerifyError::HeaderTooLarge {
                header: self.credential,
                limit: HeaderLimit::Bytes {
                    len: value.len(),
                    max: MAX_HEADER_LEN,
                },
            });
        }
        Ok(value)
    }

    /// The position of the first secret for which `matches` holds, after asking it of every
    /// secret; [`VerifyError::SignatureMismatch`] when none does.
    #[inline]
    pub(crate) fn position(
        &self,
        mut matches: impl FnMut(&Secret) -> subtle::Choice,
    ) -> Result<usize, VerifyError> {
        let mut matched = None;
        for (index, secret) in self.secrets.iter().enumerate() {
            let equal = bool::from(matches(secret));
            if equal && matched.is_none() {
                matched = Some(index);
            }
        }
        matched.ok_or(VerifyError::SignatureMismatch {
            header: self.credential,
        })
    }

    /// [`VerifyError::MalformedHeader`] for this credential.
    pub(crate) fn malformed(&self, reason: &'static str) -> VerifyError {
        VerifyError::MalformedHeader {
            header: self.credential,
            reason,
        }
    }
}

impl fmt::Debug for Keyring {
    /// The name and the number of secrets; never a secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("credential", &self.credential)
            .field("secrets", &self.secrets.len())
            .finish()
    }
}

/// Constant-time equality of two tags, byte by byte through `subtle`, whose optimisation
/// barrier keeps the compiler from turning the comparison into an early exit.
#[inline]
pub(crate) fn tags_equal(a: &Tag, b: &Tag) -> subtle::Choice {
    a.as_slice().ct_eq(b.as_slice())
}

/// When a request is checked: by the system clock, or at a given instant (tests, replays). A
/// scheme that signs no time never reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system clock, read only when a scheme needs it.
    System,
    /// This many seconds after the Unix epoch.
    At(i64),
}

impl Clock {
    /// Now, in Unix seconds.
    pub(crate) fn unix_now(self) -> i64 {
        match self {
            Clock::System => crate::clock::unix_now(),
            Clock::At(unix) => unix,
        }
    }
}
