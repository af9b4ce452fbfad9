//! The one shape every provider has: [`Request`] in, a [`WebhookEvent`] out, through a
//! [`Provider`]. Code written against these (a framework adapter, a queue worker, a test
//! helper) works for all five providers unchanged.

use std::borrow::Cow;
use std::fmt;

use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::headers::{self, HeaderKey, Headers};
use crate::{Error, ParseError, VerifyError};

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

    /// As [`Request::header_of`], with absence an error.
    pub(crate) fn required_header(&self, key: &'static HeaderKey) -> Result<&'a [u8], VerifyError> {
        self.header_of(key)?
            .ok_or(VerifyError::MissingHeader { header: key.name() })
    }
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
}

impl<H: Headers> HeaderLookup for H {
    fn single_named(&self, name: &'static str) -> Result<Option<&[u8]>, VerifyError> {
        headers::single(self, name)
    }

    fn single_of(&self, key: &'static HeaderKey) -> Result<Option<&[u8]>, VerifyError> {
        headers::single_of(self, key)
    }
}

/// A provider's verifier: checks that a request comes from the provider, then parses it into
/// the provider's event type.
///
/// Implemented by each provider's `Webhook`. Generic code takes `W: Provider` and works for
/// all of them:
///
/// ```
/// use commerce_webhooks::{Error, Provider, Request, WebhookEvent};
///
/// /// Verifies, then hands back what a queue needs: the dedup key and the raw body.
/// fn accept<W: Provider>(hook: &W, request: &Request<'_>) -> Result<(String, Vec<u8>), Error> {
///     let event = hook.verify_request(request)?;
///     Ok((event.idempotency_key().into_owned(), request.body().to_vec()))
/// }
///
/// # use commerce_webhooks::{kinguin, Secret};
/// let hook = kinguin::Webhook::new(Secret::new("kinguin-secret")?);
/// let headers = [("X-Event-Name", "order.status"), ("X-Event-Secret", "kinguin-secret")];
/// let body = br#"{"orderId":"PHS84FJAG5U","status":"canceled","updatedAt":"2020-10-16T11:24:08+00:00"}"#;
/// let (key, _) = accept(&hook, &Request::new(&headers, body))?;
/// assert_eq!(key, "order.status:PHS84FJAG5U:canceled:2020-10-16T11:24:08Z");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// An [`Error::Parse`] from an authentic request carries the raw material to keep it: the
/// body is the caller's, and [`ParseError::event`] and [`ParseError::id`] say what it was.
/// [`Provider::unparsed_reply`] is the answer that makes the provider stop sending it again.
pub trait Provider {
    /// The provider's top-level event type.
    type Event: WebhookEvent;

    /// The provider's name, as [`ParseError::provider`] gives it: `"LeaseCloud"`, `"Montly"`,
    /// `"EZQ"`, `"Kinguin"` or `"Spark Pay"`.
    const NAME: &'static str;

    /// Verifies the request against the system clock, then parses it.
    ///
    /// # Errors
    /// [`Error::Verify`] when the request is not proven to come from the provider (answer
    /// 401); [`Error::Parse`] when it is authentic but its body does not have the documented
    /// shape.
    fn verify_request(&self, request: &Request<'_>) -> Result<Self::Event, Error>;

    /// Verifies the request as if it arrived at `now`, then parses it. Providers that sign
    /// no timestamp ignore `now`.
    ///
    /// # Errors
    /// As [`Provider::verify_request`].
    fn verify_request_at(
        &self,
        request: &Request<'_>,
        now: OffsetDateTime,
    ) -> Result<Self::Event, Error>;

    /// Checks, against the system clock, that the request comes from the provider, without
    /// reading the body into an event: the first half of [`Provider::verify_request`], for
    /// callers that parse the body later (the adapters' `VerifiedRequest`).
    ///
    /// # Errors
    /// [`VerifyError`] when the request is not proven to come from the provider (answer 401).
    fn verify_request_signature(&self, request: &Request<'_>) -> Result<(), VerifyError>;

    /// The event a request carries, borrowing its text from the request where the provider
    /// has such a form ([`leasecloud::EventView`](crate::leasecloud::EventView)); the owned
    /// [`Provider::Event`] otherwise. For requests that passed
    /// [`Provider::verify_request_signature`]: it checks nothing itself. It serializes to
    /// the same JSON as the owned event.
    type EventView<'a>: fmt::Debug + serde::Serialize;

    /// Parses a request that [`Provider::verify_request_signature`] accepted into its
    /// [`Provider::EventView`]: the second half of [`Provider::verify_request`].
    ///
    /// # Errors
    /// [`Error::Parse`] when its body (or, for Kinguin, its event-name header; for Spark Pay,
    /// its path) does not have the documented shape; [`Error::Verify`] only for a header that
    /// [`Provider::verify_request_signature`] does not read and that cannot be read at all.
    fn parse_request_view<'a>(request: &Request<'a>) -> Result<Self::EventView<'a>, Error>;

    /// What to answer for an authentic request whose body did not parse, once the raw body is
    /// stored, so that the provider stops sending it again and nothing is lost: for LeaseCloud
    /// a 200 with an acknowledgement of the event id, for the others the success status they
    /// document.
    fn unparsed_reply(error: &ParseError) -> Reply {
        let _ = error;
        Reply::ok()
    }
}

/// What every provider's top-level event offers, whatever its shape.
pub trait WebhookEvent {
    /// The provider's own name for the event (`order.created`, `GetTax`, …).
    fn name(&self) -> &str;

    /// The provider's event id, where it sends one (LeaseCloud, Montly); `None` otherwise.
    fn id(&self) -> Option<&str>;

    /// A key to deduplicate deliveries on: the same for every delivery of one event (retries
    /// and replays), different between events, and at most [`MAX_IDEMPOTENCY_KEY_LEN`]
    /// bytes. It is the event id where there is one; otherwise it is built from the content,
    /// and hashed when it would be longer.
    fn idempotency_key(&self) -> Cow<'_, str>;
}

/// Implements [`WebhookEvent`] for a provider's event type through its inherent `name` and
/// `idempotency_key`, and `id` as the expression given (`|event| …`).
macro_rules! webhook_event {
    ($event:ty, id: |$this:ident| $id:expr) => {
        impl $crate::WebhookEvent for $event {
            fn name(&self) -> &str {
                <$event>::name(self)
            }

            fn id(&self) -> Option<&str> {
                let $this = self;
                $id
            }

            fn idempotency_key(&self) -> std::borrow::Cow<'_, str> {
                <$event>::idempotency_key(self)
            }
        }
    };
}

pub(crate) use webhook_event;

/// The longest [`WebhookEvent::idempotency_key`], in bytes.
pub const MAX_IDEMPOTENCY_KEY_LEN: usize = 128;

/// `key` when it fits in [`MAX_IDEMPOTENCY_KEY_LEN`] bytes, else `sha256:` and the hex of its
/// SHA-256 (71 bytes).
pub(crate) fn bounded_key(key: Cow<'_, str>) -> Cow<'_, str> {
    if key.len() <= MAX_IDEMPOTENCY_KEY_LEN {
        return key;
    }
    Cow::Owned(format!(
        "sha256:{}",
        hex::encode(Sha256::digest(key.as_bytes()))
    ))
}

/// `at` in UTC as RFC 3339, for idempotency keys: equal instants give equal text whatever
/// offset they were sent with. The nanoseconds since the epoch for the few instants RFC 3339
/// cannot write (years beyond 9999).
pub(crate) fn utc_rfc3339(at: OffsetDateTime) -> String {
    let utc = at.to_offset(time::UtcOffset::UTC);
    utc.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| utc.unix_timestamp_nanos().to_string())
}

/// An answer to the provider, independent of any web framework: a status and, where the
/// provider expects one, a JSON body. The `axum` and `actix-web` features turn it into a
/// response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    status: u16,
    json: Option<String>,
}

impl Reply {
    /// `200 OK` with no body.
    pub fn ok() -> Self {
        Reply::status(200)
    }

    /// `204 No Content`.
    pub fn no_content() -> Self {
        Reply::status(204)
    }

    /// `status` with no body.
    pub fn status(status: u16) -> Self {
        Reply { status, json: None }
    }

    /// `200 OK` with `value` as a JSON body. Crate-private: the typed replies convert with
    /// `From`, and only they are known to serialize without failing.
    pub(crate) fn json<T: serde::Serialize + ?Sized>(value: &T) -> Self {
        // The crate's replies serialize strings, numbers and lists only: this cannot fail, and
        // if it ever did the provider would get an empty object rather than a panic.
        let json = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned());
        Reply::json_text(json)
    }

    /// `200 OK` with `json`, which the caller wrote as JSON, as the body.
    pub(crate) fn json_text(json: String) -> Self {
        Reply {
            status: 200,
            json: Some(json),
        }
    }

    /// The HTTP status.
    pub fn status_code(&self) -> u16 {
        self.status
    }

    /// The JSON body, when there is one (send it with `Content-Type: application/json`).
    pub fn json_body(&self) -> Option<&str> {
        self.json.as_deref()
    }

    /// The body's bytes (empty when there is none).
    pub fn into_body(self) -> Vec<u8> {
        self.json.map(String::into_bytes).unwrap_or_default()
    }
}
