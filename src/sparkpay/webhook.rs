//! [`Webhook`]: authenticate a Spark Pay request by the secret token in its URL, then parse it.

use std::borrow::Cow;

use crate::de::body::Context;
use crate::scheme::shared_secret::{Verified, Verifier};
use crate::{ConfigError, Error, ParseError, Provider, Reply, Secret, VerifyError};

use super::{EventType, Request, PROVIDER};

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
#[derive(Debug, Clone)]
pub struct Webhook {
    verifier: Verifier,
}

impl Webhook {
    /// A webhook accepting one token.
    pub fn new(token: Secret) -> Self {
        Webhook {
            verifier: Verifier::new(TOKEN_PARAM, token),
        }
    }

    /// A webhook accepting any of `tokens`, newest first: register URLs with the new token,
    /// then drop the old one once no subscription uses it.
    ///
    /// # Errors
    /// [`ConfigError::NoSecrets`] or [`ConfigError::TooManySecrets`] outside one to
    /// [`MAX_SECRETS`](crate::MAX_SECRETS) tokens.
    pub fn with_secrets(tokens: impl IntoIterator<Item = Secret>) -> Result<Self, ConfigError> {
        Ok(Webhook {
            verifier: Verifier::with_secrets(TOKEN_PARAM, tokens)?,
        })
    }

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
        self.verify_query_token(query)?;
        Ok(Request::parse(event_type, body)?)
    }

    /// The query given, less any leading `?`, checked for a configured token.
    fn verify_query_token(&self, query: &str) -> Result<Verified, VerifyError> {
        self.verify_token(percent_decode(token_from_query(query)?)?)
    }

    /// The token query parameter, in the form Spark Pay would call a URL registered with
    /// `token`: `token=…`, with every character outside letters, digits, `-`, `.`, `_` and `~`
    /// percent-encoded. Append it to the URL of each subscription (`…/GetTax?token=…`); a
    /// partner's own tests can call [`Provider::verify_request`] with it.
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
        self.verifier.verify_value(token.as_ref())
    }
}

/// The value of the `token` parameter in a query string, as it appears there.
///
/// Accepts the query with or without its leading `?`, or a whole URL or path, and ignores a
/// `#fragment`. The value is returned as it appears, still percent-encoded;
/// [`Webhook::verify_query`] and [`Provider::verify_request`] decode it before comparing.
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
    let query = match query.split_once('?') {
        Some((_, query)) => query,
        None => query,
    };
    let query = query.split_once('#').map_or(query, |(query, _)| query);
    let mut tokens = query
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .filter(|(name, _)| *name == TOKEN_PARAM)
        .map(|(_, value)| value);
    let token = tokens.next().ok_or(VerifyError::MissingHeader {
        header: TOKEN_PARAM,
    })?;
    if tokens.next().is_some() {
        return Err(VerifyError::MalformedHeader {
            header: TOKEN_PARAM,
            reason: "it appears more than once; exactly one is expected",
        });
    }
    Ok(token)
}

/// The value with its `%XX` escapes decoded (`+` stays `+`: a registered URL is called as it
/// was written, not as a form).
fn percent_decode(value: &str) -> Result<Cow<'_, [u8]>, VerifyError> {
    if !value.contains('%') {
        return Ok(Cow::Borrowed(value.as_bytes()));
    }
    let malformed = VerifyError::MalformedHeader {
        header: TOKEN_PARAM,
        reason: "a `%` is not followed by two hex digits",
    };
    let mut decoded = Vec::with_capacity(value.len());
    let mut bytes = value.bytes();
    while let Some(byte) = bytes.next() {
        if byte != b'%' {
            decoded.push(byte);
            continue;
        }
        let digits = [bytes.next(), bytes.next()];
        let [Some(high), Some(low)] = digits else {
            return Err(malformed);
        };
        let mut pair = [0u8; 1];
        hex::decode_to_slice([high, low], &mut pair).map_err(|_| malformed.clone())?;
        decoded.extend_from_slice(&pair);
    }
    Ok(Cow::Owned(decoded))
}

/// The event type named by the last segment of the request's path.
fn event_type_of(request: &crate::Request<'_>) -> Result<EventType, ParseError> {
    let Some(path) = request.uri_path() else {
        return Err(Context::new(PROVIDER, None).error(
            ".",
            "no request path was given: Spark Pay names the event only by the URL it calls, so \
             pass the path (`Request::path`) of a URL registered for one event type",
        ));
    };
    let segment = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    segment.parse::<EventType>().map_err(|error| {
        Context::new(PROVIDER, Some(segment))
            .error(".", format!("the last segment of the URL path: {error}"))
    })
}

impl Provider for Webhook {
    type Event = Request;

    const NAME: &'static str = PROVIDER;

    /// Checks the token in the request's query (see [`Webhook::verify_query`]), then parses
    /// the body as the [`EventType`] named by the last segment of its path: register each
    /// subscription as `…/{EventType}?token=…` (`https://shop.example/hooks/sparkpay/GetTax?token=…`).
    /// An unknown last segment is a [`ParseError`] naming it, reported after the token
    /// matched, so only a caller with the token learns what the URLs look like.
    fn verify_request(&self, request: &crate::Request<'_>) -> Result<Request, Error> {
        self.verify_request_signature(request)?;
        Self::parse_request_view(request)
    }

    /// As [`Webhook::verify_request`]; Spark Pay signs no time, so `now` is not used.
    fn verify_request_at(
        &self,
        request: &crate::Request<'_>,
        _now: time::OffsetDateTime,
    ) -> Result<Request, Error> {
        self.verify_request(request)
    }

    /// Checks the token in the request's query (see [`Webhook::verify_query`]).
    fn verify_request_signature(&self, request: &crate::Request<'_>) -> Result<(), VerifyError> {
        self.verify_query_token(request.uri_query().unwrap_or_default())
            .map(|_| ())
    }

    type EventView<'a> = Request;

    /// Parses the body as the [`EventType`] named by the last segment of the path.
    fn parse_request_view(request: &crate::Request<'_>) -> Result<Request, Error> {
        let event_type = event_type_of(request)?;
        Ok(Request::parse(event_type, request.body())?)
    }

    /// Spark Pay does not retry: a notification is acknowledged by any 2xx, and for an event
    /// that waits for a reply an empty 200 is a failed reply, after which the store applies
    /// the subscription's [`FailureType`](crate::sparkpay::FailureType). So the answer is 200
    /// once the body is stored.
    fn unparsed_reply(_: &ParseError) -> Reply {
        Reply::ok()
    }
}
