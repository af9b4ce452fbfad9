//! Errors: one type per stage, so an adapter maps them to a status code without guessing.
//!
//! | error | stage | HTTP status an adapter returns |
//! |---|---|---|
//! | [`VerifyError`] | the request is not proven to come from the provider | 401 |
//! | [`ParseError`] | authentic, but the body does not match the documented shape | 400 |
//! | [`ConfigError`] | the partner's own set-up is wrong (found at start-up) | — |
//!
//! No message ever contains a secret or the signature we expected.

use std::fmt;
use std::ops::Deref;
use std::sync::{Mutex, PoisonError};

use crate::order_id::OrderId;

/// Everything that can go wrong with one inbound request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be authenticated: answer 401.
    #[error(transparent)]
    Verify(#[from] VerifyError),
    /// The request is authentic but its body could not be parsed: answer 400.
    #[error(transparent)]
    Parse(#[from] ParseError),
}

impl Error {
    /// The HTTP status an endpoint should answer with: 401 for [`Error::Verify`], 400 for
    /// [`Error::Parse`].
    pub fn status_code(&self) -> u16 {
        match self {
            Error::Verify(_) => 401,
            Error::Parse(_) => 400,
        }
    }
}

/// Why a request failed authentication.
///
/// Each variant names what was checked and carries the figures a person needs to act on it.
/// Every field is a `&'static str` or an integer, so building one allocates nothing.
///
/// The `header` field holds the name of what was checked: a header for four providers, the
/// `token` query parameter of the URL for Spark Pay, and the message says which. Only a
/// signature of the body (`LeaseCloud-Signature`, `Montly-Signature`, `x-signature`, or a
/// verifier of the [`scheme`](crate::scheme) modules built for another provider) brings the
/// advice to pass the raw body unmodified; a secret sent as it is (Kinguin's
/// `X-Event-Secret`, Spark Pay's token) does not.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// The authentication header (or, for Spark Pay, query parameter) is absent.
    MissingHeader {
        /// The header (or query parameter) that was looked for.
        header: &'static str,
    },
    /// The header is present but does not follow its grammar.
    MalformedHeader {
        /// The header (or query parameter) concerned.
        header: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A timestamped header carries no `v1` signature (perhaps only other schemes such as `v0`).
    NoSignature {
        /// The header concerned.
        header: &'static str,
    },
    /// No signature (or secret, or token) matches under any configured secret.
    SignatureMismatch {
        /// The header (or query parameter) concerned.
        header: &'static str,
    },
    /// The signature is valid but its timestamp is older than the tolerance: a possible replay.
    TimestampTooOld {
        /// The header concerned.
        header: &'static str,
        /// How many seconds before now the request was signed.
        age_seconds: u64,
        /// The configured tolerance in seconds.
        tolerance_seconds: u64,
    },
    /// The signature is valid but its timestamp lies further in the future than the tolerance.
    TimestampInFuture {
        /// The header concerned.
        header: &'static str,
        /// How many seconds after now the request claims to be signed.
        ahead_seconds: u64,
        /// The configured tolerance in seconds.
        tolerance_seconds: u64,
    },
    /// The header is longer than [`MAX_HEADER_LEN`](crate::MAX_HEADER_LEN) bytes or carries more
    /// than [`MAX_SIGNATURES`](crate::MAX_SIGNATURES) signatures.
    HeaderTooLarge {
        /// The header (or query parameter) concerned.
        header: &'static str,
        /// Which limit was exceeded, with the figures.
        limit: HeaderLimit,
    },
}

/// What a credential named in a [`VerifyError`] carries, and where, which decides how the
/// message speaks of it. The scheme verifier that reads a credential declares it under the
/// credential's name when it is built ([`declare_credential`]); a name nobody declared reads as
/// a signature of the body, the commonest case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Credential {
    /// A header carrying a signature of the body.
    Signature,
    /// A header carrying the secret itself.
    SecretHeader,
    /// A query parameter carrying the secret itself.
    QueryToken,
}

/// The credentials declared so far: a handful per process (one per provider and scheme), so
/// a short list searched on the error path only. Past [`MAX_DECLARED`] names, further ones are
/// not recorded and read as signatures.
static DECLARED: Mutex<Vec<(&'static str, Credential)>> = Mutex::new(Vec::new());
const MAX_DECLARED: usize = 64;

/// Records what the credential called `name` carries, for the messages of the errors that
/// name it. Called by the scheme verifiers' constructors.
pub(crate) fn declare_credential(name: &'static str, credential: Credential) {
    let mut declared = DECLARED.lock().unwrap_or_else(PoisonError::into_inner);
    let known = declared
        .iter()
        .position(|(known, _)| known.eq_ignore_ascii_case(name));
    if let Some(entry) = known.and_then(|at| declared.get_mut(at)) {
        entry.1 = credential;
    } else if declared.len() < MAX_DECLARED {
        declared.push((name, credential));
    }
}

impl Credential {
    fn of(name: &str) -> Self {
        DECLARED
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))
            .map_or(Credential::Signature, |&(_, credential)| credential)
    }

    /// `header` or `query parameter`.
    fn noun(self) -> &'static str {
        match self {
            Credential::QueryToken => "query parameter",
            Credential::Signature | Credential::SecretHeader => "header",
        }
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let credential = Credential::of(self.header());
        let noun = credential.noun();
        match self {
            VerifyError::MissingHeader { header } => match credential {
                Credential::QueryToken => write!(
                    f,
                    "the `{header}` query parameter is missing from the request URL: the \
                     request was not sent to a URL registered with the token, or the query was \
                     not passed on"
                ),
                _ => write!(
                    f,
                    "the `{header}` header is missing: the request was not sent by the \
                     provider, or a proxy dropped the header"
                ),
            },
            VerifyError::MalformedHeader { header, reason } => {
                write!(f, "the `{header}` {noun} is malformed: {reason}")
            }
            VerifyError::NoSignature { header } => {
                write!(f, "the `{header}` header carries no `v1` signature")
            }
            VerifyError::SignatureMismatch { header } => match credential {
                Credential::Signature => write!(
                    f,
                    "the `{header}` header matches none of the configured secrets: check that \
                     the secret is the one configured at the provider, and that the raw request \
                     body is passed exactly as received (not re-serialized JSON, no newline \
                     added or trimmed)"
                ),
                Credential::SecretHeader => write!(
                    f,
                    "the `{header}` header matches none of the configured secrets: check that \
                     the secret is the one configured at the provider"
                ),
                Credential::QueryToken => write!(
                    f,
                    "the `{header}` query parameter matches none of the configured tokens: \
                     check that the URL registered at the provider carries the token this \
                     endpoint is configured with"
                ),
            },
            VerifyError::TimestampTooOld {
                header,
                age_seconds,
                tolerance_seconds,
            } => write!(
                f,
                "the timestamp in `{header}` is {age_seconds} s old, beyond the tolerance of \
                 {tolerance_seconds} s: the request may be a replay, or this machine's clock is \
                 wrong"
            ),
            VerifyError::TimestampInFuture {
                header,
                ahead_seconds,
                tolerance_seconds,
            } => write!(
                f,
                "the timestamp in `{header}` is {ahead_seconds} s in the future, beyond the \
                 tolerance of {tolerance_seconds} s: this machine's clock or the provider's is \
                 wrong"
            ),
            VerifyError::HeaderTooLarge { header, limit } => {
                write!(f, "the `{header}` {noun} is too large: {limit}")
            }
        }
    }
}

impl std::error::Error for VerifyError {}

/// Which size limit a header exceeded; see [`VerifyError::HeaderTooLarge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HeaderLimit {
    /// The value is longer than `max` bytes.
    Bytes {
        /// The length received.
        len: usize,
        /// The largest length accepted.
        max: usize,
    },
    /// The value carries more than `max` signatures.
    Signatures {
        /// The largest number of signatures accepted.
        max: usize,
    },
}

impl fmt::Display for HeaderLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderLimit::Bytes { len, max } => write!(f, "{len} bytes, over the limit of {max}"),
            HeaderLimit::Signatures { max } => write!(f, "more than {max} signatures"),
        }
    }
}

impl VerifyError {
    /// The header (or, for Spark Pay, the query parameter) this error is about.
    pub fn header(&self) -> &'static str {
        match self {
            VerifyError::MissingHeader { header }
            | VerifyError::MalformedHeader { header, .. }
            | VerifyError::NoSignature { header }
            | VerifyError::SignatureMismatch { header }
            | VerifyError::TimestampTooOld { header, .. }
            | VerifyError::TimestampInFuture { header, .. }
            | VerifyError::HeaderTooLarge { header, .. } => header,
        }
    }
}

/// An authentic body that does not match the documented shape.
///
/// Names the provider, the event (when it could be read), and the JSON path of the value that
/// failed, e.g. `data.items[1].quantity`, with the line and column in the body. Its fields are
/// those of [`ParseErrorDetails`], read through `Deref` (`error.path`): the error itself is one
/// pointer wide, as serde_json's is, so a `Result` that may carry it stays as small as its
/// success value.
#[derive(Clone, PartialEq, Eq)]
pub struct ParseError(Box<ParseErrorDetails>);

/// What a [`ParseError`] says; see there.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseErrorDetails {
    /// The provider whose payload failed, e.g. `"LeaseCloud"`.
    pub provider: &'static str,
    /// The event name, when the body (or, for Kinguin and Spark Pay, the request) names it,
    /// wherever it stands in the body.
    pub event: Option<String>,
    /// The provider's event id, when the body carries one (LeaseCloud, Montly), wherever it
    /// stands: enough to acknowledge an authentic event whose body is stored for later.
    pub id: Option<String>,
    /// The order the event is about, when the body names one where LeaseCloud, Montly and EZQ
    /// put it (`data.orderId`, else `data.id`), however broken the rest is: LeaseCloud counts
    /// an acknowledgement only when it names the order.
    pub order_id: Option<OrderId>,
    /// The JSON path of the failing value (`.` for the document itself, or for what names the
    /// event outside the body: Kinguin's `X-Event-Name`, Spark Pay's path).
    pub path: String,
    /// 1-based line of the failure in the body, 0 when it is not about a position.
    pub line: u32,
    /// 1-based column of the failure in the body, 0 when it is not about a position.
    pub column: u32,
    /// What was wrong, in the words of the JSON decoder. It may quote the body: log the path,
    /// not the message, where logs must not hold body text.
    pub message: String,
}

impl ParseError {
    pub(crate) fn new(details: ParseErrorDetails) -> Self {
        ParseError(Box::new(details))
    }

    /// The same error naming `order_id` as the order the event is about.
    pub(crate) fn with_order_id(mut self, order_id: Option<OrderId>) -> Self {
        self.0.order_id = order_id;
        self
    }
}

impl Deref for ParseError {
    type Target = ParseErrorDetails;

    fn deref(&self) -> &ParseErrorDetails {
        &self.0
    }
}

impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let details = &self.0;
        f.debug_struct("ParseError")
            .field("provider", &details.provider)
            .field("event", &details.event)
            .field("id", &details.id)
            .field("order_id", &details.order_id)
            .field("path", &details.path)
            .field("line", &details.line)
            .field("column", &details.column)
            .field("message", &details.message)
            .finish()
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not parse the {} webhook", self.provider)?;
        if let Some(event) = &self.event {
            write!(f, " `{event}`")?;
        }
        write!(f, " at `{}`", self.path)?;
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ParseError {}

/// A mistake in the partner's configuration, reported when the verifier is built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The secret is empty.
    #[error("the webhook secret is empty: copy it from the provider's dashboard")]
    EmptySecret,
    /// The secret starts or ends with whitespace, which is almost always a copy-paste accident.
    #[error(
        "the webhook secret starts or ends with whitespace: trim it (a trailing newline from a \
         file or environment variable is the usual cause)"
    )]
    SecretHasSurroundingWhitespace,
    /// No secret was given.
    #[error("no webhook secret was given: at least one is needed")]
    NoSecrets,
    /// More secrets were given than a verifier accepts.
    #[error("{given} webhook secrets were given, more than the {max} a verifier accepts")]
    TooManySecrets {
        /// How many were given.
        given: usize,
        /// The largest number accepted.
        max: usize,
    },
    /// A value the configuration needs is invalid; the message says which.
    #[error("{0}")]
    Invalid(&'static str),
}

// Partners return these from their own functions, and the extractors' `Unparsed` holds a
// `ParseError`: staying well under clippy's `result_large_err` threshold (128 bytes) keeps that
// lint quiet in their code and ours.
const _: () = assert!(std::mem::size_of::<Error>() <= 48);
const _: () = assert!(std::mem::size_of::<ParseError>() == std::mem::size_of::<usize>());
