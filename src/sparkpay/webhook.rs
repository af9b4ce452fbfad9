//! [`Webhook`]: authenticate a Spark Pay request by the secret token in its URL, then parse it.

use crate::scheme::shared_secret::{Verified, Verifier};
use crate::{ConfigError, Error, Secret, VerifyError};

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
    /// [`token_from_query`]).
    ///
    /// # Errors
    /// As [`verify`](Webhook::verify); also [`VerifyError::MissingHeader`] when the query has
    /// no `token`, and [`VerifyError::MalformedHeader`] when it has several.
    pub fn verify_query(
        &self,
        event_type: EventType,
        query: &str,
        body: impl AsRef<[u8]>,
    ) -> Result<Request, Error> {
        self.verify(event_type, token_from_query(query)?, body)
    }

    /// Checks a token without parsing anything.
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
/// `#fragment`. The value is not percent-decoded: choose tokens of letters, digits, `-`, `_`,
/// `.` and `~`, which URLs carry unchanged.
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
