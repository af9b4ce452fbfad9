//! [`Webhook`]: authenticate a Spark Pay request by the secret token in its URL, then parse it.

use std::borrow::Cow;
use std::time::Duration;

use crate::de::body::Context;
use crate::de::unknown::Collect;
use crate::request::{decoded_query_parameter, query_parameter};
use crate::scheme::shared_secret::{self, Verified};
use crate::scheme::Clock;
use crate::webhook::{EventName, InQuery, Sealed, Spec};
use crate::{Error, ParseError, Reply, Secret, VerifyError};

use super::{EventType, Request};

/// The query parameter that carries the token: `?token=…`.
pub const TOKEN_PARAM: &str = "token";

/// Authenticates Spark Pay requests by a secret token in the subscription URL, and parses them.
///
/// Spark Pay signs nothing and sends no authentication header, so anyone who knows an endpoint's
/// URL could call it. Put a long random token in each URL you register (see the
/// [module documentation](crate::sparkpay) for the set-up) and check it on every request
/// before trusting the body. The check is constant time and hides the token's length; several
/// tokens may be accepted at once, to rotate them without dropping events.
///
/// Errors about the token name [`TOKEN_PARAM`] where other providers' errors name a header.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request, Webhook};
/// use commerce_webhooks::{Error, Secret};
///
/// let hook = Webhook::new(Secret::new("sp_tok_2f9c1e7a5b")?);
///
/// // POST /sparkpay/GetPrice?token=sp_tok_2f9c1e7a5b
/// let body = br#"{"items": [{"item_number": "42LP1", "quantity": 1}]}"#;
/// let request = hook.verify_query(EventType::GetPrice, "token=sp_tok_2f9c1e7a5b", body)?;
/// assert!(matches!(request, Request::GetPrice(_)));
///
/// // A caller without the token gets a 401.
/// let error = hook.verify(EventType::GetPrice, "guess", body).unwrap_err();
/// assert_eq!(error.status_code(), 401);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type Webhook = crate::webhook::Webhook<SparkPay>;

/// What Spark Pay sends, for [`Webhook`]: no credential of its own, so the token of the
/// subscription URL, in its query; the event type only in the URL's path.
#[derive(Debug, Clone, Copy)]
pub enum SparkPay {}

impl Sealed for SparkPay {}

impl Spec for SparkPay {
    const NAME: &'static str = "Spark Pay";

    /// The pages document no redelivery: Spark Pay calls each subscription once and, on a
    /// failure, applies its `failure_type` (ignore, show an error, or call the fallback URL).
    /// A day covers a notification that arrives again through a fallback URL registered to the
    /// same receiver, or an undocumented resend.
    const REDELIVERY_WINDOW: Duration = Duration::from_secs(24 * 60 * 60);

    type Scheme = shared_secret::Verifier;
    type Credential = InQuery;
    const CREDENTIAL: InQuery = InQuery(TOKEN_PARAM);

    type Event = Request;
    type EventView<'a> = Request;

    const EVENT_NAME: EventName = EventName::LastPathSegment;

    /// Parses the body as the [`EventType`] named by the last segment of the path: register
    /// each subscription as `…/{EventType}?token=…`. An unknown last segment is a
    /// [`ParseError`] naming it, reported after the token matched, so only a caller with the
    /// token learns what the URLs look like.
    fn parse_named(segment: Option<&str>, body: &[u8]) -> Result<Request, ParseError> {
        Request::parse(event_type_named(segment)?, body)
    }

    fn parse_view_named(segment: Option<&str>, body: &[u8]) -> Result<Request, ParseError> {
        SparkPay::parse_named(segment, body)
    }

    /// Spark Pay does not retry: a notification is acknowledged by any 2xx, and for an event
    /// that waits for a reply an empty 200 is a failed reply, after which the store applies
    /// the subscription's [`FailureType`](crate::sparkpay::FailureType). So the answer is 200
    /// once the body is stored.
    fn unparsed_reply(_: &ParseError) -> Reply {
        Reply::ok()
    }

    /// A notification is acknowledged by any 2xx.
    fn acknowledgement(_: &[u8]) -> Reply {
        Reply::ok()
    }

    /// The event types that wait for a reply ([`EventType::expects_reply`]).
    fn expects_reply(segment: Option<&str>) -> bool {
        segment
            .and_then(|segment| segment.parse::<EventType>().ok())
            .is_some_and(EventType::expects_reply)
    }

    fn unknown_fields_named(segment: Option<&str>, body: &[u8]) -> Result<Vec<String>, ParseError> {
        let mut collect = Collect::default();
        Request::read(&mut collect, event_type_named(segment)?, body)?;
        Ok(collect.into_paths())
    }
}

impl Webhook {
    /// Checks the token taken from the request URL, then parses the body as `event_type`, the
    /// event the URL was registered for.
    ///
    /// # Errors
    /// [`Error::Verify`] when the token matches none of the configured ones (answer 401);
    /// [`Error::Parse`] when the body does not match the event's documented shape (answer
    /// 400).
    pub fn verify(
        &self,
        event_type: EventType,
        token: impl AsRef<[u8]>,
        body: impl AsRef<[u8]>,
    ) -> Result<Request, Error> {
        self.verify_token(token)?;
        Ok(Request::parse(event_type, body)?)
    }

    /// As [`verify`](Webhook::verify), reading the token from the request's query string (see
    /// [`token_from_query`]) and percent-decoding it, so that a token matches whether the URL
    /// carries its characters encoded (`%2B`) or as they are (`+`, which is not read as a
    /// space).
    ///
    /// # Errors
    /// As [`verify`](Webhook::verify); also [`VerifyError::MissingHeader`] when the query has
    /// no `token`, and [`VerifyError::MalformedHeader`] when it has several or a broken
    /// percent-escape.
    pub fn verify_query(
        &self,
        event_type: EventType,
        query: &str,
        body: impl AsRef<[u8]>,
    ) -> Result<Request, Error> {
        let token = decoded_query_parameter(query, TOKEN_PARAM)?;
        self.check(&token, &[], Clock::System)?;
        Ok(Request::parse(event_type, body)?)
    }

    /// The token query parameter, in the form Spark Pay would call a URL registered with
    /// `token`: `token=…`, with every character outside letters, digits, `-`, `.`, `_` and `~`
    /// percent-encoded. Append it to the URL of each subscription (`…/GetTax?token=…`); a
    /// partner's own tests can call [`Provider::verify_request`](crate::Provider::verify_request) with it.
    ///
    /// ```
    /// use commerce_webhooks::{sparkpay, Provider, Request, Secret};
    ///
    /// let token = Secret::new("sp_tok_2f9c+1e7a5b")?;
    /// let query = sparkpay::Webhook::sign_query(&token);
    /// assert_eq!(query, "token=sp_tok_2f9c%2B1e7a5b");
    ///
    /// let hook = sparkpay::Webhook::new(token);
    /// let body = br#"{"items": [], "shipping_total": 0, "handling_total": 0}"#;
    /// let request = Request::new(&[("Content-Type", "application/json")], body)
    ///     .path("/hooks/sparkpay/GetTax")
    ///     .query(&query);
    /// assert!(hook.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sign_query(token: &Secret) -> String {
        let mut query = format!("{TOKEN_PARAM}=");
        for &byte in token.expose() {
            if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                query.push(char::from(byte));
            } else {
                query.push_str(&format!("%{byte:02X}"));
            }
        }
        query
    }

    /// Checks a token, as the URL carries it once decoded, without parsing anything.
    ///
    /// # Errors
    /// [`VerifyError::SignatureMismatch`] when it matches none of the configured tokens;
    /// [`VerifyError::HeaderTooLarge`] when it is longer than
    /// [`MAX_HEADER_LEN`](crate::MAX_HEADER_LEN) bytes.
    pub fn verify_token(&self, token: impl AsRef<[u8]>) -> Result<Verified, VerifyError> {
        self.check(token.as_ref(), &[], Clock::System)
    }
}

/// The value of the `token` parameter in a query string, as it appears there.
///
/// Accepts the query with or without its leading `?`, or a whole URL or path, and ignores a
/// `#fragment`. The value is returned as it appears, still percent-encoded;
/// [`Webhook::verify_query`] and [`Provider::verify_request`](crate::Provider::verify_request) decode it before comparing.
///
/// ```
/// use commerce_webhooks::sparkpay::token_from_query;
///
/// assert_eq!(token_from_query("store=1&token=abc123")?, "abc123");
/// assert_eq!(token_from_query("/sparkpay/GetTax?token=abc123")?, "abc123");
/// assert!(token_from_query("token=a&token=b").is_err());
/// # Ok::<(), commerce_webhooks::VerifyError>(())
/// ```
///
/// # Errors
/// [`VerifyError::MissingHeader`] (naming [`TOKEN_PARAM`]) when there is no `token` parameter;
/// [`VerifyError::MalformedHeader`] when there are several, since picking one would let
/// whoever added the other choose what is checked.
pub fn token_from_query(query: &str) -> Result<&str, VerifyError> {
    query_parameter(query, TOKEN_PARAM)
}

/// `uri` (a whole URL, a path with its query, or a query) with the value of every `token`
/// parameter replaced by `[redacted]`, for a log line: request loggers write the URI with its
/// query, and with it the token that authenticates Spark Pay's requests.
///
/// ```
/// use commerce_webhooks::sparkpay::redact_token;
///
/// assert_eq!(
///     redact_token("/hooks/sparkpay/GetTax?store=1&token=sp_tok_6d0f3c2a9b8e4f71"),
///     "/hooks/sparkpay/GetTax?store=1&token=[redacted]"
/// );
/// assert_eq!(redact_token("/hooks/sparkpay/GetTax"), "/hooks/sparkpay/GetTax");
/// ```
pub fn redact_token(uri: &str) -> Cow<'_, str> {
    let Some((before, query)) = uri.split_once('?') else {
        return Cow::Borrowed(uri);
    };
    let (query, fragment) = match query.split_once('#') {
        Some((query, fragment)) => (query, Some(fragment)),
        None => (query, None),
    };
    let carries_token =
        |pair: &str| pair.split_once('=').map_or(pair, |(name, _)| name) == TOKEN_PARAM;
    if !query.split('&').any(carries_token) {
        return Cow::Borrowed(uri);
    }
    let pairs: Vec<&str> = query
        .split('&')
        .map(|pair| match carries_token(pair) {
            true => "token=[redacted]",
            false => pair,
        })
        .collect();
    let mut redacted = format!("{before}?{}", pairs.join("&"));
    if let Some(fragment) = fragment {
        redacted.push('#');
        redacted.push_str(fragment);
    }
    Cow::Owned(redacted)
}

/// An `http::Uri` that displays with its token redacted ([`redact_token`]): what to give a
/// request logger, such as tower-http's `TraceLayer`, in place of the URI.
///
/// ```
/// use commerce_webhooks::sparkpay::RedactedUri;
///
/// let uri: http::Uri = "/hooks/sparkpay/GetTax?token=sp_tok_6d0f3c2a9b8e4f71".parse()?;
/// assert_eq!(RedactedUri(&uri).to_string(), "/hooks/sparkpay/GetTax?token=[redacted]");
/// # Ok::<(), http::uri::InvalidUri>(())
/// ```
#[cfg(feature = "http")]
#[derive(Debug, Clone, Copy)]
pub struct RedactedUri<'a>(pub &'a http::Uri);

#[cfg(feature = "http")]
impl std::fmt::Display for RedactedUri<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&redact_token(&self.0.to_string()))
    }
}

/// The event type named by the last segment of the request's path (`None` without a path).
fn event_type_named(segment: Option<&str>) -> Result<EventType, ParseError> {
    let Some(segment) = segment else {
        return Err(Context::new(SparkPay::NAME, None).error(
            ".",
            "no request path was given: Spark Pay names the event only by the URL it calls, so \
             pass the path (`Request::path`) of a URL registered for one event type",
        ));
    };
    segment.parse::<EventType>().map_err(|error| {
        Context::new(SparkPay::NAME, Some(segment))
            .error(".", format!("the last segment of the URL path: {error}"))
    })
}
