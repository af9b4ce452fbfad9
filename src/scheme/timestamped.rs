//! The timestamped HMAC scheme: `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`.
//!
//! The signature is HMAC-SHA256, keyed with the webhook secret, over the bytes of `t` exactly as
//! they appear in the header, a `.`, and the raw body. A sender rotating its secret sends one
//! `v1` per secret; entries with any other key (`v0`, future schemes) are skipped.
//!
//! Grammar, as this module enforces it:
//! - entries are separated by `,`; spaces or tabs around an entry are ignored;
//! - every entry is `key=value`; an entry without `=` (including an empty one) is refused;
//! - exactly one `t`, made of ASCII digits only (no sign, no spaces) that fit in an `i64`;
//! - at least one `v1`, at most [`MAX_SIGNATURES`]; a `v1` that is not 64 hex digits can never
//!   match, so it is skipped like a wrong signature rather than refused;
//! - at most [`MAX_HEADER_LEN`] bytes.
//!
//! Verification streams the MAC over `t`, `.` and the body (no concatenated copy), computes one
//! MAC per secret from its precomputed key state, compares it with every `v1` in constant time,
//! and only then checks the timestamp, so a caller without the secret learns nothing about the
//! clock. Nothing on this path allocates.
//!
//! ```
//! use commerce_webhooks::scheme::timestamped::{self, Verifier};
//! use commerce_webhooks::Secret;
//! use time::OffsetDateTime;
//!
//! let secret = Secret::new("whsec_test")?;
//! let body = br#"{"id":"evt_1"}"#;
//! let header = timestamped::sign(&secret, 1_700_000_000, body);
//!
//! let verifier = Verifier::new("Montly-Signature", secret);
//! let now = OffsetDateTime::from_unix_timestamp(1_700_000_060)?;
//! let verified = verifier.verify_at(&[("montly-signature", header.as_str())], body, now)?;
//! assert_eq!(verified.timestamp, 1_700_000_000);
//! assert_eq!(verified.secret_index, 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use hmac::Mac;
use subtle::ConstantTimeEq;
use time::{Duration, OffsetDateTime};

use crate::headers::{self, Headers};
use crate::secret::collect_secrets;
use crate::{ConfigError, HeaderLimit, Secret, VerifyError, MAX_HEADER_LEN, MAX_SIGNATURES};

/// The tolerance applied when none is set: 300 seconds either side of now.
pub const DEFAULT_TOLERANCE: Duration = Duration::seconds(300);

/// An HMAC-SHA256 tag.
type Tag = [u8; 32];

/// A `t=…,v1=…` header value, parsed without copying.
#[derive(Debug, Clone, Copy)]
pub struct SignatureHeader<'a> {
    timestamp: i64,
    timestamp_text: &'a [u8],
    signatures: [&'a [u8]; MAX_SIGNATURES],
    signature_count: usize,
}

impl<'a> SignatureHeader<'a> {
    /// Parses a header value; `header` names it in errors.
    ///
    /// # Errors
    /// [`VerifyError::HeaderTooLarge`] past [`MAX_HEADER_LEN`] bytes or [`MAX_SIGNATURES`]
    /// signatures; [`VerifyError::MalformedHeader`] for a grammar violation (see the module
    /// docs); [`VerifyError::NoSignature`] when no `v1` is present.
    pub fn parse(header: &'static str, value: &'a [u8]) -> Result<Self, VerifyError> {
        let malformed = |reason| VerifyError::MalformedHeader { header, reason };
        if value.len() > MAX_HEADER_LEN {
            return Err(VerifyError::HeaderTooLarge {
                header,
                limit: HeaderLimit::Bytes {
                    len: value.len(),
                    max: MAX_HEADER_LEN,
                },
            });
        }
        if value.trim_ascii().is_empty() {
            return Err(malformed("it is empty"));
        }
        let mut timestamp = None;
        let mut signatures: [&[u8]; MAX_SIGNATURES] = [&[]; MAX_SIGNATURES];
        let mut signature_count = 0;
        for entry in value.split(|&b| b == b',') {
            let entry = trim_ows(entry);
            let mut parts = entry.splitn(2, |&b| b == b'=');
            let (Some(key), Some(value)) = (parts.next(), parts.next()) else {
                return Err(malformed(
                    "an entry has no `=`; expected `t=<unix>,v1=<hex>`",
                ));
            };
            match key {
                b"t" => {
                    if timestamp.is_some() {
                        return Err(malformed("`t` appears more than once"));
                    }
                    timestamp = Some((parse_unix_seconds(value).map_err(malformed)?, value));
                }
                b"v1" => {
                    let Some(slot) = signatures.get_mut(signature_count) else {
                        return Err(VerifyError::HeaderTooLarge {
                            header,
                            limit: HeaderLimit::Signatures {
                                max: MAX_SIGNATURES,
                            },
                        });
                    };
                    *slot = value;
                    signature_count += 1;
                }
                _ => {}
            }
        }
        let Some((timestamp, timestamp_text)) = timestamp else {
            return Err(malformed("it has no `t=` timestamp"));
        };
        if signature_count == 0 {
            return Err(VerifyError::NoSignature { header });
        }
        Ok(SignatureHeader {
            timestamp,
            timestamp_text,
            signatures,
            signature_count,
        })
    }

    /// The timestamp, in Unix seconds.
    pub fn timestamp(&self) -> i64 {
        self.timestamp
    }

    /// The `v1` values, as received, in order.
    pub fn signatures(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        self.signatures.iter().take(self.signature_count).copied()
    }
}

fn trim_ows(entry: &[u8]) -> &[u8] {
    let start = entry
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .unwrap_or(entry.len());
    let end = entry
        .iter()
        .rposition(|&b| b != b' ' && b != b'\t')
        .map_or(start, |i| i + 1);
    entry.get(start..end).unwrap_or_default()
}

fn parse_unix_seconds(text: &[u8]) -> Result<i64, &'static str> {
    if text.is_empty() {
        return Err("`t` is empty");
    }
    text.iter().try_fold(0i64, |acc, &b| {
        if !b.is_ascii_digit() {
            return Err("`t` must be ASCII digits: Unix seconds with no sign or spaces");
        }
        acc.checked_mul(10)
            .and_then(|acc| acc.checked_add(i64::from(b - b'0')))
            .ok_or("`t` does not fit in a signed 64-bit integer")
    })
}

/// Decodes 64 hex digits (either case) into a tag; `None` for anything else.
fn decode_hex_tag(text: &[u8]) -> Option<Tag> {
    if text.len() != 64 {
        return None;
    }
    let mut tag = [0u8; 32];
    let mut invalid = false;
    for (byte, pair) in tag.iter_mut().zip(text.chunks_exact(2)) {
        let (hi, lo) = match pair {
            [hi, lo] => (hex_digit(*hi), hex_digit(*lo)),
            _ => return None,
        };
        invalid |= (hi | lo) > 0x0f;
        *byte = (hi << 4) | (lo & 0x0f);
    }
    (!invalid).then_some(tag)
}

/// The value of one hex digit, or a value above 15 if `c` is not one.
#[inline]
fn hex_digit(c: u8) -> u8 {
    let digit = c.wrapping_sub(b'0');
    let letter = (c | 0x20).wrapping_sub(b'a');
    if digit < 10 {
        digit
    } else if letter < 6 {
        letter + 10
    } else {
        0xff
    }
}

/// Constant-time equality of two tags: no early exit on the first differing byte.
#[inline]
pub(crate) fn tags_equal(a: &Tag, b: &Tag) -> subtle::Choice {
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    diff.ct_eq(&0)
}

/// What a successful verification established.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// The signed timestamp, in Unix seconds.
    pub timestamp: i64,
    /// The position, among the verifier's secrets, of the one that matched (0 = the first).
    pub secret_index: usize,
}

/// Verifies `t=…,v1=…` headers against one to [`MAX_SECRETS`](crate::MAX_SECRETS) secrets.
#[derive(Debug, Clone)]
pub struct Verifier {
    header: &'static str,
    secrets: Box<[Secret]>,
    /// `None` when the timestamp check was deliberately turned off.
    tolerance_seconds: Option<u64>,
}

impl Verifier {
    /// A verifier reading `header` and checking with one secret, with the
    /// [`DEFAULT_TOLERANCE`].
    pub fn new(header: &'static str, secret: Secret) -> Self {
        Verifier {
            header,
            secrets: Box::new([secret]),
            tolerance_seconds: Some(whole_seconds(DEFAULT_TOLERANCE)),
        }
    }

    /// A verifier that accepts a signature made with any of `secrets` (newest first, during a
    /// key rotation).
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
            tolerance_seconds: Some(whole_seconds(DEFAULT_TOLERANCE)),
        })
    }

    /// How far the signed timestamp may be from now, in either direction (inclusive, whole
    /// seconds; a negative duration counts as zero).
    #[must_use]
    pub fn tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance_seconds = Some(whole_seconds(tolerance));
        self
    }

    /// Turns the timestamp check off: a captured request then verifies forever. Only for
    /// replaying stored requests whose freshness was checked when they arrived.
    #[must_use]
    pub fn without_replay_protection(mut self) -> Self {
        self.tolerance_seconds = None;
        self
    }

    /// The header this verifier reads.
    pub fn header_name(&self) -> &'static str {
        self.header
    }

    /// The tolerance in seconds, or `None` when the timestamp check is off.
    pub fn tolerance_seconds(&self) -> Option<u64> {
        self.tolerance_seconds
    }

    /// Verifies the request against the system clock.
    ///
    /// # Errors
    /// See [`Verifier::verify_at`].
    pub fn verify<H: Headers + ?Sized>(
        &self,
        headers: &H,
        body: &[u8],
    ) -> Result<Verified, VerifyError> {
        self.verify_at(headers, body, OffsetDateTime::now_utc())
    }

    /// Verifies the request as if it arrived at `now`.
    ///
    /// # Errors
    /// [`VerifyError::MissingHeader`], any error of [`SignatureHeader::parse`],
    /// [`VerifyError::SignatureMismatch`], then [`VerifyError::TimestampTooOld`] or
    /// [`VerifyError::TimestampInFuture`], in that order of checking.
    pub fn verify_at<H: Headers + ?Sized>(
        &self,
        headers: &H,
        body: &[u8],
        now: OffsetDateTime,
    ) -> Result<Verified, VerifyError> {
        let value = headers::required(headers, self.header)?;
        self.verify_value_at(value, body, now)
    }

    /// Verifies a header value taken from the request by other means.
    ///
    /// # Errors
    /// As [`Verifier::verify_at`], less the missing header.
    pub fn verify_value_at(
        &self,
        value: &[u8],
        body: &[u8],
        now: OffsetDateTime,
    ) -> Result<Verified, VerifyError> {
        let parsed = SignatureHeader::parse(self.header, value)?;
        let secret_index = self.matching_secret(&parsed, body)?;
        self.check_timestamp(parsed.timestamp, now)?;
        Ok(Verified {
            timestamp: parsed.timestamp,
            secret_index,
        })
    }

    /// The position of the first secret whose MAC equals one of the `v1` signatures.
    fn matching_secret(
        &self,
        parsed: &SignatureHeader<'_>,
        body: &[u8],
    ) -> Result<usize, VerifyError> {
        let mut candidates = [None; MAX_SIGNATURES];
        for (slot, text) in candidates.iter_mut().zip(parsed.signatures()) {
            *slot = decode_hex_tag(text);
        }
        let candidates = candidates.get(..parsed.signature_count).unwrap_or_default();
        for (index, secret) in self.secrets.iter().enumerate() {
            let expected = signed_payload_tag(secret, parsed.timestamp_text, body);
            let matched = candidates
                .iter()
                .flatten()
                .fold(subtle::Choice::from(0), |acc, candidate| {
                    acc | tags_equal(&expected, candidate)
                });
            if bool::from(matched) {
                return Ok(index);
            }
        }
        Err(VerifyError::SignatureMismatch {
            header: self.header,
        })
    }

    fn check_timestamp(&self, timestamp: i64, now: OffsetDateTime) -> Result<(), VerifyError> {
        let Some(tolerance_seconds) = self.tolerance_seconds else {
            return Ok(());
        };
        let age = i128::from(now.unix_timestamp()) - i128::from(timestamp);
        let distance = u64::try_from(age.unsigned_abs()).unwrap_or(u64::MAX);
        if distance <= tolerance_seconds {
            Ok(())
        } else if age > 0 {
            Err(VerifyError::TimestampTooOld {
                header: self.header,
                age_seconds: distance,
                tolerance_seconds,
            })
        } else {
            Err(VerifyError::TimestampInFuture {
                header: self.header,
                ahead_seconds: distance,
                tolerance_seconds,
            })
        }
    }
}

fn whole_seconds(duration: Duration) -> u64 {
    u64::try_from(duration.whole_seconds()).unwrap_or(0)
}

/// HMAC-SHA256 over `timestamp`, `.` and `body`, streamed from the secret's key state.
fn signed_payload_tag(secret: &Secret, timestamp: &[u8], body: &[u8]) -> Tag {
    let mut mac = secret.mac();
    mac.update(timestamp);
    mac.update(b".");
    mac.update(body);
    mac.finalize().into_bytes().into()
}

/// A header value with one `v1` signature of `body` at `unix_seconds`, as a provider sends it.
///
/// A negative `unix_seconds` yields a header that verifiers refuse, as the grammar demands.
///
/// ```
/// use commerce_webhooks::{scheme::timestamped, Secret};
///
/// let header = timestamped::sign(&Secret::new("whsec_test")?, 1_700_000_000, b"{}");
/// assert!(header.starts_with("t=1700000000,v1="));
/// assert_eq!(header.len(), "t=1700000000,v1=".len() + 64);
/// # Ok::<(), commerce_webhooks::ConfigError>(())
/// ```
pub fn sign(secret: &Secret, unix_seconds: i64, body: impl AsRef<[u8]>) -> String {
    let timestamp = unix_seconds.to_string();
    let tag = signed_payload_tag(secret, timestamp.as_bytes(), body.as_ref());
    format!("t={timestamp},v1={}", hex::encode(tag))
}
