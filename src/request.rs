//! [`Request`]: what a web framework received, as the crate reads it.

use std::borrow::Cow;
use std::fmt;

use crate::headers::{self, HeaderKey, Headers};
use crate::VerifyError;

/// What a web framework received, as the crate needs it: the headers, the raw body and, for
/// Spark Pay, the request URI's path and query.
///
/// Built by value: [`Request::new`], then [`Request::path`] and [`Request::query`] where the
/// provider needs them. It borrows everything and copies nothing.
///
/// ```
/// use commerce_webhooks::{sparkpay, Provider, Request, Secret};
///
/// let hook = sparkpay::Webhook::new(Secret::new("sp_tok_6d0f3c2a9b8e4f71")?);
/// let headers = [("Content-Type", "application/json")];
/// let body = br#"{"items": [], "shipping_total": 0, "handling_total": 0}"#;
/// let request = Request::new(&headers, body)
///     .path("/hooks/sparkpay/GetTax")
///     .query("token=sp_tok_6d0f3c2a9b8e4f71");
/// let event = hook.verify_request(&request)?;
/// assert_eq!(event.event_type(), sparkpay::EventType::GetTax);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct Request<'a> {
    headers: &'a dyn HeaderLookup,
    body: &'a [u8],
    path: Option<&'a str>,
    query: Option<&'a str>,
}

impl<'a> Request<'a> {
    /// A request with these headers and this raw body, exactly as received.
    pub fn new<H: Headers, B: AsRef<[u8]> + ?Sized>(headers: &'a H, body: &'a B) -> Self {
        Request {
            headers,
            body: body.as_ref(),
            path: None,
            query: None,
        }
    }

    /// The request URI's path, e.g. `/hooks/sparkpay/GetTax`.
    #[must_use]
    pub fn path(mut self, path: &'a str) -> Self {
        self.path = Some(path);
        self
    }

    /// The request URI's query, with or without its leading `?`, e.g. `token=…`.
    #[must_use]
    pub fn query(mut self, query: &'a str) -> Self {
        self.query = Some(query.strip_prefix('?').unwrap_or(query));
        self
    }

    /// The raw body.
    pub fn body(&self) -> &'a [u8] {
        self.body
    }

    /// The path given with [`Request::path`], if any.
    pub fn uri_path(&self) -> Option<&'a str> {
        self.path
    }

    /// The query given with [`Request::query`] (without a leading `?`), if any.
    pub fn uri_query(&self) -> Option<&'a str> {
        self.query
    }

    /// The single value of the header `name`, or `None` when it is absent.
    ///
    /// # Errors
    /// [`VerifyError::MalformedHeader`] when the header appears more than once (picking one
    /// would let whoever added the other choose what is checked);
    /// [`VerifyError::HeaderTooLarge`] when it is longer than
    /// [`MAX_HEADER_LEN`](crate::MAX_HEADER_LEN).
    pub fn header(&self, name: &'static str) -> Result<Option<&'a [u8]>, VerifyError> {
        self.headers.single_named(name)
    }

    /// The single value of a header the crate reads, by its prepared name.
    pub(crate) fn header_of(
        &self,
        key: &'static HeaderKey,
    ) -> Result<Option<&'a [u8]>, VerifyError> {
        self.headers.single_of(key)
    }

    /// The first value of a header the crate reads, however many there are and however long.
    pub(crate) fn first_header_of(&self, key: &'static HeaderKey) -> Option<&'a [u8]> {
        self.headers.first_of(key)
    }

    /// As [`Request::header_of`], with absence an error.
    pub(crate) fn required_header(&self, key: &'static HeaderKey) -> Result<&'a [u8], VerifyError> {
        self.header_of(key)?
            .ok_or(VerifyError::MissingHeader { header: key.name() })
    }

    /// The value of the query parameter `name`, percent-decoded, from the query given with
    /// [`Request::query`]; absence is an error.
    pub(crate) fn required_query_parameter(
        &self,
        name: &'static str,
    ) -> Result<Cow<'a, [u8]>, VerifyError> {
        decoded_query_parameter(self.query.unwrap_or_default(), name)
    }
}

/// The value of the parameter `name` in a query string, as it appears there (still
/// percent-encoded). Accepts the query with or without its leading `?`, or a whole URL or
/// path, and ignores a `#fragment`.
///
/// # Errors
/// [`VerifyError::MissingHeader`] (naming `name`) when there is no such parameter;
/// [`VerifyError::MalformedHeader`] when there are several, since picking one would let
/// whoever added the other choose what is checked.
pub(crate) fn query_parameter<'q>(
    query: &'q str,
    name: &'static str,
) -> Result<&'q str, VerifyError> {
    let query = query.split_once('?').map_or(query, |(_, query)| query);
    let query = query.split_once('#').map_or(query, |(query, _)| query);
    let mut values = query
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .filter(|(key, _)| *key == name)
        .map(|(_, value)| value);
    let value = values
        .next()
        .ok_or(VerifyError::MissingHeader { header: name })?;
    if values.next().is_some() {
        return Err(VerifyError::MalformedHeader {
            header: name,
            reason: "it appears more than once; exactly one is expected",
        });
    }
    Ok(value)
}

/// [`query_parameter`], percent-decoded.
pub(crate) fn decoded_query_parameter<'q>(
    query: &'q str,
    name: &'static str,
) -> Result<Cow<'q, [u8]>, VerifyError> {
    percent_decode(name, query_parameter(query, name)?)
}

/// The value with its `%XX` escapes decoded (`+` stays `+`: a registered URL is called as it
/// was written, not as a form).
fn percent_decode<'v>(name: &'static str, value: &'v str) -> Result<Cow<'v, [u8]>, VerifyError> {
    if !value.contains('%') {
        return Ok(Cow::Borrowed(value.as_bytes()));
    }
    let malformed = || VerifyError::MalformedHeader {
        header: name,
        reason: "a `%` is not followed by two hex digits",
    };
    let mut decoded = Vec::with_capacity(value.len());
    let mut bytes = value.bytes();
    while let Some(byte) = bytes.next() {
        if byte != b'%' {
            decoded.push(byte);
            continue;
        }
        let (Some(high), Some(low)) = (bytes.next(), bytes.next()) else {
            return Err(malformed());
        };
        let mut pair = [0u8; 1];
        hex::decode_to_slice([high, low], &mut pair).map_err(|_| malformed())?;
        decoded.extend_from_slice(&pair);
    }
    Ok(Cow::Owned(decoded))
}

impl fmt::Debug for Request<'_> {
    /// The headers are left out: they carry secrets for some providers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("body_len", &self.body.len())
            .field("path", &self.path)
            .field("query", &self.query.map(|_| "[redacted]"))
            .finish_non_exhaustive()
    }
}

/// [`Headers`] behind a reference that does not name the map's type, so that [`Request`] has
/// one type whatever the framework.
trait HeaderLookup {
    fn single_named(&self, name: &'static str) -> Result<Option<&[u8]>, VerifyError>;
    fn single_of(&self, key: &'static HeaderKey) -> Result<Option<&[u8]>, VerifyError>;
    fn first_of(&self, key: &'static HeaderKey) -> Option<&[u8]>;
}

impl<H: Headers> HeaderLookup for H {
    fn single_named(&self, name: &'static str) -> Result<Option<&[u8]>, VerifyError> {
        headers::single(self, name)
    }

    fn single_of(&self, key: &'static HeaderKey) -> Result<Option<&[u8]>, VerifyError> {
        headers::single_of(self, key)
    }

    fn first_of(&self, key: &'static HeaderKey) -> Option<&[u8]> {
        self.values_of(key).next()
    }
}
