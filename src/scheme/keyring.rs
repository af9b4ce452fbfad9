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

    /// The newest secret: what a signer signs with. Never `None`: both constructors refuse
    /// an empty keyring.
    pub(crate) fn newest(&self) -> Option<&Secret> {
        self.secrets.first()
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

/// Lower-case hex of a tag, without branches on its (secret-derived) value.
pub(crate) fn hex_lower(tag: &Tag) -> [u8; 64] {
    // 0xff when the nibble is above 9, else 0: selects the jump from '9' to 'a'.
    let letter_mask = |nibble: u8| 0u8.wrapping_sub(9u8.wrapping_sub(nibble) >> 7);
    let digit = |nibble: u8| nibble + b'0' + (letter_mask(nibble) & (b'a' - b'0' - 10));
    let mut hex = [0u8; 64];
    for (pair, byte) in hex.chunks_exact_mut(2).zip(tag) {
        if let [hi, lo] = pair {
            *hi = digit(byte >> 4);
            *lo = digit(byte & 0x0f);
        }
    }
    hex
}

/// Whether `received` is `expected` in hex of either case, in constant time.
///
/// Comparing text saves decoding the received value: letters match in either case (bit `0x20`
/// is masked where `expected` has a letter), digits must match exactly, so nothing but the 64
/// hex digits of the right value can pass. No early exit, no branch on `expected`: the
/// differences are OR-ed over all 64 bytes (a reduction, which compilers vectorise but do not
/// cut short) and only the total reaches `subtle`. SECURITY.md has the dudect measurements and
/// the disassembly check behind this.
pub(crate) fn hex_matches(expected: &[u8; 64], received: &[u8]) -> subtle::Choice {
    let Ok(received) = <&[u8; 64]>::try_from(received) else {
        // The length of what was sent is public; a wrong length cannot match.
        return subtle::Choice::from(0);
    };
    let diff = expected.iter().zip(received).fold(0u8, |acc, (&e, &r)| {
        let case_bit = (e & 0x40) >> 1; // 0x20 for a-f, 0 for digits
        acc | ((r | case_bit) ^ e)
    });
    diff.ct_eq(&0)
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
