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
use time::{Duration, OffsetDateTime};

use crate::error::Credential;
use crate::headers::{self, Headers};
use crate::hmac_sha256::Tag;
use crate::scheme::{hex_lower, hex_matches, Clock, Keyring, Scheme};
use crate::{ConfigError, HeaderLimit, Secret, VerifyError, MAX_HEADER_LEN, MAX_SIGNATURES};

/// The tolerance applied when none is set: 300 seconds either side of now.
pub const DEFAULT_TOLERANCE: Duration = Duration::seconds(300);

/// A `t=…,v1=…` header value, parsed without copying.
#[derive(Debug, Clone, Copy)]
pub struct SignatureHeader<'a> {
    timestamp: i64,
    timestamp_text: &'a [u8],
    /// The header value from the first `v1` entry on. The signatures are found again there
    /// when needed rather than stored: the parsed header is built on every request, and a
    /// table of positions written piecemeal and then moved costs more (store-forwarding
    /// stalls) than finding them again: by position in the usual shape (`fixed_layout`),
    /// else by a second pass over the entries.
    signature_entries: &'a [u8],
    /// How many `v1` entries there are.
    signature_count: usize,
    /// Whether the entries are all `v1=` and 64 characters, one comma apart (the usual
    /// shape): the signatures are then where that layout puts them, with no search.
    fixed_layout: bool,
}

impl<'a> SignatureHeader<'a> {
    /// Parses a header value; `header` names it in errors.
    ///
    /// # Errors
    /// [`VerifyError::HeaderTooLarge`] past [`MAX_HEADER_LEN`] bytes or [`MAX_SIGNATURES`]
    /// signatures; [`VerifyError::MalformedHeader`] for a grammar violation (see the module
    /// docs); [`VerifyError::NoSignature`] when no `v1` is present.
    pub fn parse(header: &'static str, value: &'a [u8]) -> Result<Self, VerifyError> {
        match Self::parse_usual(value) {
            Some(parsed) => Ok(parsed),
            None => Self::parse_any(header, value),
        }
    }

    /// The shape nearly every sender writes, `t=<digits>,v1=<64 characters>[,v1=…]` with
    /// nothing else, recognised in one pass over fixed-size steps. `None` for anything else,
    /// including every error: [`SignatureHeader::parse_any`] then reads it, and it reads this
    /// shape the same way (a test holds the two to that).
    #[inline]
    fn parse_usual(value: &'a [u8]) -> Option<Self> {
        // Longer timestamps (leading zeros) go the general way.
        const MAX_DIGITS: usize = 18;
        if value.len() > MAX_HEADER_LEN {
            return None;
        }
        let after_key = value.strip_prefix(b"t=")?;
        let digits = after_key
            .iter()
            .take(MAX_DIGITS)
            .take_while(|b| b.is_ascii_digit())
            .count();
        let (timestamp_text, after_timestamp) = after_key.split_at_checked(digits)?;
        let signature_entries = after_timestamp.strip_prefix(b",")?;
        let mut rest = signature_entries;
        let mut signature_count = 0;
        loop {
            let len = signature_entry_len(rest)?;
            signature_count += 1;
            match rest.get(len..)?.strip_prefix(b",") {
                Some(next) if !next.is_empty() => rest = next,
                Some(_) => return None, // a trailing comma: an empty entry
                None => break,
            }
        }
        if signature_count > MAX_SIGNATURES {
            return None;
        }
        let timestamp = parse_unix_seconds(timestamp_text).ok()?;
        Some(SignatureHeader {
            timestamp,
            timestamp_text,
            signature_entries,
            signature_count,
            fixed_layout: true,
        })
    }

    /// The general parser: every grammar rule of the module docs, every error.
    fn parse_any(header: &'static str, value: &'a [u8]) -> Result<Self, VerifyError> {
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
        let mut signature_entries: &[u8] = &[];
        let mut signature_count = 0;
        let mut rest = Some(value);
        while let Some(current) = rest {
            let (entry, next) = split_entry(current);
            rest = next;
            let entry = trim_ows(entry);
            if entry.starts_with(b"v1=") {
                if signature_count == 0 {
                    signature_entries = current;
                }
                if signature_count == MAX_SIGNATURES {
                    return Err(VerifyError::HeaderTooLarge {
                        header,
                        limit: HeaderLimit::Signatures {
                            max: MAX_SIGNATURES,
                        },
                    });
                }
                signature_count += 1;
            } else if let Some(text) = entry.strip_prefix(b"t=") {
                if timestamp.is_some() {
                    return Err(malformed("`t` appears more than once"));
                }
                timestamp = Some((parse_unix_seconds(text).map_err(malformed)?, text));
            } else if !entry.contains(&b'=') {
                return Err(malformed(
                    "an entry has no `=`; expected `t=<unix>,v1=<hex>`",
                ));
            }
            // Any other `key=value` (`v0`, a future scheme) is skipped.
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
            signature_entries,
            signature_count,
            fixed_layout: false,
        })
    }

    /// The timestamp, in Unix seconds.
    pub fn timestamp(&self) -> i64 {
        self.timestamp
    }

    /// The `v1` values, as received, in order.
    pub fn signatures(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        let (fixed, searched) = if self.fixed_layout {
            let fixed = self
                .signature_entries
                .chunks(SIGNATURE_ENTRY_LEN + 1)
                .filter_map(|entry| entry.get(b"v1=".len()..SIGNATURE_ENTRY_LEN));
            (Some(fixed), None)
        } else {
            let searched = entries(self.signature_entries)
                .filter_map(|entry| trim_ows(entry).strip_prefix(b"v1="));
            (None, Some(searched))
        };
        fixed
            .into_iter()
            .flatten()
            .chain(searched.into_iter().flatten())
    }

    /// How many `v1` values the header carries (at least one, at most [`MAX_SIGNATURES`]).
    pub fn signature_count(&self) -> usize {
        self.signature_count
    }
}

/// The comma-separated entries of a header value. `memchr` finds the commas a word at a time,
/// which matters here: most of a header is 64-character signatures.
fn entries(value: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(value);
    std::iter::from_fn(move || {
        let (entry, next) = split_entry(rest?);
        rest = next;
        Some(entry)
    })
}

/// The first entry of `current` and what follows its comma (`None` after the last entry).
#[inline]
fn split_entry(current: &[u8]) -> (&[u8], Option<&[u8]>) {
    let end = signature_entry_len(current)
        .or_else(|| short_entry_len(current))
        .or_else(|| memchr::memchr(b',', current))
        .unwrap_or(current.len());
    let (entry, tail) = current.split_at(end.min(current.len()));
    // `tail` is empty at the end of the value, else it starts with the comma.
    (entry, tail.get(1..))
}

/// The length of a `v1=` entry with a signature of the usual 64 characters.
const SIGNATURE_ENTRY_LEN: usize = b"v1=".len() + 64;

/// The length of a leading `v1=` entry of exactly 64 characters followed by a comma or the end,
/// the last of them not a blank (which trimming would drop): the shape of nearly every entry,
/// checked without a byte-at-a-time search.
fn signature_entry_len(rest: &[u8]) -> Option<usize> {
    const LEN: usize = SIGNATURE_ENTRY_LEN;
    if !rest.starts_with(b"v1=")
        || !matches!(rest.get(LEN), None | Some(b','))
        || matches!(rest.get(LEN - 1), Some(b' ' | b'\t'))
    {
        return None;
    }
    let signature: &[u8; 64] = rest.get(3..LEN)?.try_into().ok()?;
    // A fold without early exit over a fixed length compiles to a few vector compares.
    let commas = signature
        .iter()
        .fold(0u8, |acc, &b| acc | u8::from(b == b','));
    (commas == 0).then_some(LEN)
}

/// The position of the comma ending a short entry (such as `t=1700000000`) within the first
/// 24 bytes: a plain loop beats `memchr`'s set-up at this length.
fn short_entry_len(rest: &[u8]) -> Option<usize> {
    const SHORT_ENTRY: usize = 24;
    rest.iter().take(SHORT_ENTRY).position(|&b| b == b',')
}

fn trim_ows(entry: &[u8]) -> &[u8] {
    let is_ows = |b: &u8| *b == b' ' || *b == b'\t';
    if !entry.first().is_some_and(is_ows) && !entry.last().is_some_and(is_ows) {
        return entry;
    }
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
    const NOT_DIGITS: &str = "`t` must be ASCII digits: Unix seconds with no sign or spaces";
    const TOO_LARGE: &str = "`t` does not fit in a signed 64-bit integer";
    if text.is_empty() {
        return Err("`t` is empty");
    }
    // Up to 18 digits cannot overflow, so the common case needs no checked arithmetic.
    if text.len() <= 18 {
        let (value, not_digit) = text.iter().fold((0u64, false), |(acc, bad), &b| {
            let digit = b.wrapping_sub(b'0');
            // Wrapping: a non-digit makes the value meaningless, and it is discarded.
            let acc = acc.wrapping_mul(10).wrapping_add(u64::from(digit));
            (acc, bad | (digit > 9))
        });
        if not_digit {
            return Err(NOT_DIGITS);
        }
        return i64::try_from(value).map_err(|_| TOO_LARGE);
    }
    if !text.iter().all(u8::is_ascii_digit) {
        return Err(NOT_DIGITS);
    }
    text.iter()
        .try_fold(0i64, |acc, &b| {
            acc.checked_mul(10)?.checked_add(i64::from(b - b'0'))
        })
        .ok_or(TOO_LARGE)
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
    keyring: Keyring,
    /// `None` when the timestamp check was deliberately turned off.
    tolerance_seconds: Option<u64>,
}

impl Verifier {
    /// A verifier reading `header` and checking with one secret, with the
    /// [`DEFAULT_TOLERANCE`].
    pub fn new(header: &'static str, secret: Secret) -> Self {
        Verifier::from_keyring(Keyring::one(header, Credential::Signature, secret))
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
        Keyring::many(header, Credential::Signature, secrets).map(Verifier::from_keyring)
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
        let value = headers::required(headers, self.keyring.credential())?;
        self.verify_value_at_unix(value, body, crate::clock::unix_now())
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
        let value = headers::required(headers, self.keyring.credential())?;
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
        self.verify_value_at_unix(value, body, now.unix_timestamp())
    }

    /// [`Verifier::verify_value_at`] with `now` in Unix seconds, as the clock gives it.
    fn verify_value_at_unix(
        &self,
        value: &[u8],
        body: &[u8],
        now_unix: i64,
    ) -> Result<Verified, VerifyError> {
        let parsed = SignatureHeader::parse(self.keyring.credential(), value)?;
        let secret_index = self.matching_secret(&parsed, body)?;
        self.check_timestamp(parsed.timestamp, now_unix)?;
        Ok(Verified {
            timestamp: parsed.timestamp,
            secret_index,
        })
    }

    /// The position of the first secret whose MAC equals one of the `v1` signatures, every
    /// secret and every `v1` compared.
    fn matching_secret(
        &self,
        parsed: &SignatureHeader<'_>,
        body: &[u8],
    ) -> Result<usize, VerifyError> {
        self.keyring.position(|secret| {
            let expected = hex_lower(&signed_payload_tag(secret, parsed.timestamp_text, body));
            parsed
                .signatures()
                .fold(subtle::Choice::from(0), |acc, received| {
                    acc | hex_matches(&expected, received)
                })
        })
    }

    fn check_timestamp(&self, timestamp: i64, now_unix: i64) -> Result<(), VerifyError> {
        let Some(tolerance_seconds) = self.tolerance_seconds else {
            return Ok(());
        };
        let age = i128::from(now_unix) - i128::from(timestamp);
        let distance = u64::try_from(age.unsigned_abs()).unwrap_or(u64::MAX);
        if distance <= tolerance_seconds {
            Ok(())
        } else if age > 0 {
            Err(VerifyError::TimestampTooOld {
                header: self.keyring.credential(),
                age_seconds: distance,
                tolerance_seconds,
            })
        } else {
            Err(VerifyError::TimestampInFuture {
                header: self.keyring.credential(),
                ahead_seconds: distance,
                tolerance_seconds,
            })
        }
    }
}

fn whole_seconds(duration: Duration) -> u64 {
    u64::try_from(duration.whole_seconds()).unwrap_or(0)
}

impl Scheme for Verifier {
    type Verified = Verified;

    const CARRIES_SECRET: bool = false;

    fn from_keyring(keyring: Keyring) -> Self {
        Verifier {
            keyring,
            tolerance_seconds: Some(whole_seconds(DEFAULT_TOLERANCE)),
        }
    }

    fn check(&self, value: &[u8], body: &[u8], clock: Clock) -> Result<Verified, VerifyError> {
        self.verify_value_at_unix(value, body, clock.unix_now())
    }
}

/// HMAC-SHA256 over `timestamp`, `.` and `body`, streamed from the secret's key state.
#[inline]
fn signed_payload_tag(secret: &Secret, timestamp: &[u8], body: &[u8]) -> Tag {
    secret.tag([timestamp, b".", body])
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
    let mut mac = secret.keyed_hmac();
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body.as_ref());
    format!(
        "t={timestamp},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const HEADER: &str = "Test-Signature";

    /// The fast path must agree with the general parser wherever it answers.
    fn assert_agrees(value: &[u8]) -> bool {
        let Some(usual) = SignatureHeader::parse_usual(value) else {
            return false;
        };
        let general = SignatureHeader::parse_any(HEADER, value)
            .unwrap_or_else(|error| panic!("{:?}: fast path accepted, general: {error}", value));
        assert_eq!(usual.timestamp, general.timestamp);
        assert_eq!(usual.timestamp_text, general.timestamp_text);
        assert_eq!(usual.signature_count, general.signature_count);
        assert!(usual.signatures().eq(general.signatures()));
        true
    }

    #[test]
    fn the_usual_shape_takes_the_fast_path_and_agrees() {
        let v1 = format!("v1={}", "ab".repeat(32));
        for value in [
            format!("t=1700000000,{v1}"),
            format!("t=0,{v1},{v1}"),
            format!("t=000000000000000001,{v1}"),
            format!("t=1,{}", vec![v1.as_str(); MAX_SIGNATURES].join(",")),
            // 64 characters that are not hex, or with blanks inside, still take the fast path;
            // they simply never match.
            format!("t=1,v1={}", " z".repeat(32)),
        ] {
            assert!(assert_agrees(value.as_bytes()), "{value}");
        }
    }

    #[test]
    fn everything_else_goes_the_general_way() {
        let v1 = format!("v1={}", "ab".repeat(32));
        for value in [
            format!("t=1700000000,{v1},"),
            format!("t=1700000000,,{v1}"),
            format!("t=,{v1}"),
            format!("t=1234567890123456789,{v1}"),
            format!("t=-1,{v1}"),
            format!("t=1 ,{v1}"),
            format!(" t=1,{v1}"),
            format!("t=1, {v1}"),
            format!("t=1,{v1}a"),
            // Trimming would shorten this signature to 63 characters.
            format!("t=1,v1={}", "z ".repeat(32)),
            format!("t=1,v1={}", "ab".repeat(31)),
            format!("t=1,v0=x,{v1}"),
            format!("{v1},t=1"),
            format!("t=1,{}", vec![v1.as_str(); MAX_SIGNATURES + 1].join(",")),
            "t=1".to_owned(),
            String::new(),
        ] {
            assert!(
                SignatureHeader::parse_usual(value.as_bytes()).is_none(),
                "{value}"
            );
        }
    }

    proptest! {
        #[test]
        fn the_fast_path_agrees_on_usual_headers_and_their_one_byte_edits(
            digits in "[0-9]{0,20}",
            signatures in proptest::collection::vec("[0-9a-f]{64}|[0-9a-f ,=]{64}", 1..20),
            edit in proptest::option::of((
                any::<prop::sample::Index>(),
                0u8..4,
                prop_oneof![Just(b','), Just(b' '), Just(b'='), Just(b'0'), any::<u8>()],
            )),
        ) {
            let entries: Vec<String> = signatures.iter().map(|s| format!("v1={s}")).collect();
            let mut value = format!("t={digits},{}", entries.join(",")).into_bytes();
            if let Some((at, kind, byte)) = edit {
                let len = value.len();
                match kind {
                    0 => value.insert(at.index(len), byte),
                    1 => value.push(byte),
                    2 => { value.remove(at.index(len)); }
                    _ => value[at.index(len)] = byte,
                }
            }
            assert_agrees(&value);
        }
    }
}
