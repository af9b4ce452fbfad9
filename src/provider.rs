//! The one shape every provider has: [`Request`] in, a [`WebhookEvent`] out, through a
//! [`Provider`]. Code written against these (a framework adapter, a queue worker, a test
//! helper) works for all five providers unchanged.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use time::OffsetDateTime;

use crate::{Delivery, Error, ParseError, Request, VerifyError};

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
/// assert!(key.starts_with("sha256:")); // Kinguin sends no event id: a digest of the event
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// An [`Error::Parse`] from an authentic request carries the raw material to keep it: the
/// body is the caller's, and [`ParseError::event`](crate::ParseErrorDetails::event) and
/// [`ParseError::id`](crate::ParseErrorDetails::id) say what it was.
/// [`Provider::unparsed_reply`] is the answer that makes the provider stop sending it again.
pub trait Provider {
    /// The provider's top-level event type.
    type Event: WebhookEvent;

    /// The provider's name, as [`ParseError::provider`](crate::ParseErrorDetails::provider) gives it: `"LeaseCloud"`, `"Montly"`,
    /// `"EZQ"`, `"Kinguin"` or `"Spark Pay"`.
    const NAME: &'static str;

    /// How long after an event's first delivery the provider may still deliver it again: what
    /// a duplicate guard remembers a handled event for. Each provider's value and the sentence
    /// of its page it comes from are in its `Webhook`'s documentation.
    const REDELIVERY_WINDOW: Duration;

    /// Verifies the request against the system clock, then parses it.
    ///
    /// # Errors
    /// [`Error::Verify`] when the request is not proven to come from the provider (answer
    /// 401); [`Error::Parse`] when it is authentic but its body (or, for Kinguin, its event
    /// name header; for Spark Pay, its path) does not have the documented shape.
    fn verify_request(&self, request: &Request<'_>) -> Result<Self::Event, Error>;

    /// Verifies the request as if it arrived at `now`, then parses it. Providers that sign
    /// no timestamp do not read `now`.
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
    /// [`Provider::Event`] otherwise. It names the same event, with the same id and key, and
    /// serializes to the same JSON as the owned event.
    type EventView<'a>: WebhookEvent + fmt::Debug + serde::Serialize;

    /// Parses a request that [`Provider::verify_request_signature`] accepted into its
    /// [`Provider::EventView`]: the second half of [`Provider::verify_request`]. It checks
    /// nothing itself.
    ///
    /// # Errors
    /// [`ParseError`] when its body (or, for Kinguin, its event name header; for Spark Pay,
    /// its path) does not have the documented shape. An authentic request is never refused
    /// as unauthentic here: whatever it carries is kept and acknowledged as unparsed.
    fn parse_request_view<'a>(request: &Request<'a>) -> Result<Self::EventView<'a>, ParseError>;

    /// Parses a request that [`Provider::verify_request_signature`] accepted into the owned
    /// [`Provider::Event`]: with it, the other half of [`Provider::verify_request`].
    ///
    /// # Errors
    /// As [`Provider::parse_request_view`].
    fn parse_request(request: &Request<'_>) -> Result<Self::Event, ParseError>;

    /// Whether the receivers report the fields this verifier's authentic bodies carry that
    /// their events do not read (with the `tracing` feature: each new one logged once); off
    /// unless the `Webhook` was built with `report_unknown_fields`.
    fn reports_unknown_fields(&self) -> bool {
        false
    }

    /// The record of an authentic request, to put on a queue, keep as a dead letter or replay,
    /// and parse again anywhere with [`Provider::parse_delivery`]. Build it only for a request
    /// that verified: see [`Delivery`] for what a record promises.
    fn delivery(request: &Request<'_>, received_at: OffsetDateTime) -> Delivery;

    /// [`Provider::delivery`] for a request that [`Provider::parse_request`] already parsed
    /// into `parsed`, which saves reading the body for its event id again. For the crate's
    /// adapters: `parsed` must be this request's own parse.
    #[doc(hidden)]
    fn delivery_of_parsed(
        request: &Request<'_>,
        received_at: OffsetDateTime,
        parsed: Result<&Self::Event, &ParseError>,
    ) -> Delivery {
        let _ = parsed;
        Self::delivery(request, received_at)
    }

    /// The event of a record made by [`Provider::delivery`] (or stored, then read back).
    ///
    /// # Errors
    /// [`Error::Parse`] when the record is another provider's (it says whose), or when its
    /// body does not have the documented shape.
    fn parse_delivery(delivery: &Delivery) -> Result<Self::Event, Error>;

    /// What to answer for an authentic request whose body did not parse, once the raw body is
    /// stored, so that the provider stops sending it again and nothing is lost: for LeaseCloud
    /// a 200 with an acknowledgement of the event id and, whenever the body names it, the
    /// order id; for the others the success status they document.
    fn unparsed_reply(error: &ParseError) -> Reply;

    /// What the provider counts as delivered for `delivery`, without running anything: what
    /// a duplicate guard answers for a delivery handled before, so that the provider stops
    /// sending it. LeaseCloud's acknowledgement of the body's event and, whenever the body
    /// names it, its order; the other providers' success status.
    fn acknowledgement(delivery: &Delivery) -> Reply;

    /// Whether the provider waits for the handler's own reply to `delivery` (Spark Pay's
    /// questions: `GetTax`, …), so that it must be answered every time it is asked rather
    /// than once: a duplicate guard does not keep such deliveries.
    fn expects_reply(delivery: &Delivery) -> bool;

    /// The JSON paths of the members of the request's body that its typed event did not read:
    /// what the provider sends that this version of the crate drops, for a partner's
    /// monitoring, a test, or a one-off look at a captured request.
    ///
    /// Call it on a request that passed verification: it checks nothing itself. It reads the
    /// body a second time, as [`Provider::verify_request`] parses it, through serde (never a
    /// provider's faster direct reader), and costs about as much as that parse again; the
    /// event name comes from where the parse takes it (the body, Kinguin's `X-Event-Name`,
    /// the last segment of Spark Pay's path).
    ///
    /// - Keys are joined by `.` and an array's elements are written `[]` after its key:
    ///   `data.items[].warranty`.
    /// - An unknown object or array is one path, its own (`data.nested`), not one per member.
    /// - Each path is given once, in the order first met, and at most
    ///   [`MAX_UNKNOWN_FIELDS`] of them; the work stays linear in the body's length.
    /// - An event name the crate does not know has no unknown fields: its `data` (Kinguin's
    ///   whole body) is kept whole, as raw JSON, in the event's `Unknown` variant, so nothing
    ///   in it is reported; the name itself is the event's ([`WebhookEvent::name`]), for the
    ///   caller to report. Only members beside `data` in an envelope (LeaseCloud, Montly, EZQ)
    ///   are reported, as for any event. Kinguin's TEST URL request (no `X-Event-Name`) has
    ///   no body to read and reports nothing. (Spark Pay's event types are all typed: an
    ///   unknown one is a parse error.)
    ///
    /// # Fields left out on purpose
    ///
    /// None. Every member of every webhook body on the providers' pages, and of the samples on
    /// the reference pages they point to wherever a webhook carries them (LeaseFlow's order,
    /// the parts of Montly's order request that are an order's, Spark Pay's resource models),
    /// is read into the typed events: the crate's tests check that each reports no path. A
    /// path reported for a real delivery is therefore something the documents do not show.
    ///
    /// ```
    /// use commerce_webhooks::{montly, Provider, Request, Secret};
    ///
    /// let body = br#"{"id":"evt:1","type":"order.declined","created":1700000000,
    ///     "data":{"orderId":42,"reason":"credit","retry":{"after":"P1D"},"items":[{"sku":"A1"}]}}"#;
    /// # let now = time::OffsetDateTime::now_utc();
    /// let headers = montly::Webhook::sign_headers(&Secret::new("whsec")?, now.unix_timestamp(), body);
    /// let request = Request::new(&headers, body);
    ///
    /// let hook = montly::Webhook::new(Secret::new("whsec")?);
    /// hook.verify_request_at(&request, now)?; // authentic first
    /// assert_eq!(
    ///     montly::Webhook::unknown_fields(&request)?,
    ///     ["created", "data.retry", "data.items"]
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The [`Error::Parse`] that [`Provider::verify_request`] gives for the same request when
    /// its body (or, for Kinguin, its event name header; for Spark Pay, its path) does not
    /// have the documented shape.
    fn unknown_fields(request: &Request<'_>) -> Result<Vec<String>, Error>;
}

pub use crate::de::unknown::MAX_UNKNOWN_FIELDS;

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

    /// Whether the event's name is one this version of the crate does not know (its
    /// `Unknown` variant, whose data it keeps whole).
    fn is_unknown(&self) -> bool {
        false
    }
}

/// Implements [`WebhookEvent`] for a provider's event type through its inherent `name` and
/// `idempotency_key`, `id` as the expression given (`|event| …`), and `is_unknown` for the
/// pattern of its unknown events, where it has any.
macro_rules! webhook_event {
    (<$param:ident: $bound:path> $event:ty, id: |$this:ident| $id:expr $(, unknown: $unknown:pat)?) => {
        impl<$param: $bound> $crate::WebhookEvent for $event {
            $crate::provider::webhook_event!(@methods $event, |$this| $id $(, $unknown)?);
        }
    };
    ($event:ty, id: |$this:ident| $id:expr $(, unknown: $unknown:pat)?) => {
        impl $crate::WebhookEvent for $event {
            $crate::provider::webhook_event!(@methods $event, |$this| $id $(, $unknown)?);
        }
    };
    (@methods $event:ty, |$this:ident| $id:expr $(, $unknown:pat)?) => {
        $(
            fn is_unknown(&self) -> bool {
                matches!(self, $unknown)
            }
        )?

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
    };
}

pub(crate) use webhook_event;

pub use crate::key::MAX_IDEMPOTENCY_KEY_LEN;

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
