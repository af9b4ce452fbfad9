//! [`Webhook<P>`]: one verifier for every provider, over a small declaration of what the
//! provider sends ([`Spec`]).
//!
//! The shape is `digest`'s `CoreWrapper`: this module holds the machinery once (the secrets,
//! reading the credential from the request, checking it with the provider's scheme, parsing,
//! and the [`Provider`] implementation), each provider module declares itself in a small type
//! implementing [`Spec`] and names the result (`pub type Webhook = webhook::Webhook<Montly>`),
//! then adds what is its own (a signer, Spark Pay's token helpers) in an `impl` block of its
//! own. Methods exist only where they mean something: a clock only for a scheme that signs a
//! time, a header map only for a provider that authenticates by header.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use time::OffsetDateTime;

use crate::de::body::Context;
use crate::error::Credential;
use crate::headers::HeaderKey;
use crate::scheme::{timestamped, Clock, Keyring, Scheme};
use crate::{
    ConfigError, Delivery, Error, Headers, ParseError, Provider, Reply, Request, Secret,
    VerifyError, WebhookEvent,
};

mod sealed {
    pub trait Sealed {}
}
pub(crate) use sealed::Sealed;

/// What a provider declares: its name, where its credential travels and the scheme that
/// checks it, how long it may redeliver an event, and how it reads an event from an authentic
/// request. Implemented by the five provider types ([`montly::Montly`](crate::montly::Montly),
/// …), and by no other type.
pub trait Spec: Sealed + Sized + 'static {
    /// The provider's name, as [`Provider::NAME`] gives it.
    const NAME: &'static str;

    /// See [`Provider::REDELIVERY_WINDOW`].
    const REDELIVERY_WINDOW: Duration;

    /// The scheme that checks the credential.
    type Scheme: Scheme;

    /// Where the credential travels: [`InHeader`] or [`InQuery`].
    type Credential: CredentialSource;

    /// The credential's place in a request.
    const CREDENTIAL: Self::Credential;

    /// The provider's top-level event.
    type Event: WebhookEvent;

    /// See [`Provider::EventView`].
    type EventView<'a>: WebhookEvent + fmt::Debug + serde::Serialize;

    /// Where a request names its event when not in its body.
    const EVENT_NAME: EventName;

    /// The event of an authentic body, named `name` outside the body where
    /// [`Spec::EVENT_NAME`] says so (`None` when the request names none there).
    ///
    /// # Errors
    /// [`ParseError`] when the body, or the name, does not have the documented shape.
    fn parse_named(name: Option<&str>, body: &[u8]) -> Result<Self::Event, ParseError>;

    /// As [`Spec::parse_named`], borrowing from the body where the provider has such a form.
    ///
    /// # Errors
    /// As [`Spec::parse_named`].
    fn parse_view_named<'a>(
        name: Option<&'a str>,
        body: &'a [u8],
    ) -> Result<Self::EventView<'a>, ParseError>;

    /// The event id a body carries, read on its own (so that a body that does not parse still
    /// has it), for the providers that send one.
    fn event_id(body: &[u8]) -> Option<String> {
        let _ = body;
        None
    }

    /// The id [`Spec::event_id`] reads, taken from the body's parsed event, so that a receiver
    /// that parsed it does not read the body again.
    fn parsed_event_id(event: &Self::Event) -> Option<&str> {
        let _ = event;
        None
    }

    /// See [`Provider::unparsed_reply`].
    fn unparsed_reply(error: &ParseError) -> Reply;

    /// See [`Provider::acknowledgement`]: for an authentic body.
    fn acknowledgement(body: &[u8]) -> Reply;

    /// See [`Provider::expects_reply`]: for an event named `name` outside the body.
    fn expects_reply(name: Option<&str>) -> bool {
        let _ = name;
        false
    }

    /// See [`Provider::unknown_fields`]: the body read as [`Spec::parse_named`] reads it,
    /// through serde, with a reader that collects what the event does not read.
    ///
    /// # Errors
    /// The [`ParseError`] that [`Spec::parse_named`] gives for the same name and body.
    fn unknown_fields_named(name: Option<&str>, body: &[u8]) -> Result<Vec<String>, ParseError>;
}

/// Where a provider's credential travels in a request: [`InHeader`] or [`InQuery`].
pub trait CredentialSource: Sealed {
    /// The credential's name, as errors give it.
    fn name(&self) -> &'static str;

    /// Whether it travels in the URL's query.
    #[doc(hidden)]
    const IN_QUERY: bool;

    /// The credential as the request carries it (a query parameter percent-decoded).
    ///
    /// # Errors
    /// [`VerifyError::MissingHeader`] when it is absent; [`VerifyError::MalformedHeader`] or
    /// [`VerifyError::HeaderTooLarge`] when it cannot be read.
    #[doc(hidden)]
    fn read<'a>(&self, request: &Request<'a>) -> Result<Cow<'a, [u8]>, VerifyError>;
}

/// A credential carried by a request header (LeaseCloud, Montly, EZQ, Kinguin).
#[derive(Debug)]
pub struct InHeader(pub(crate) &'static HeaderKey);

/// A credential carried by a parameter of the URL's query (Spark Pay's token).
#[derive(Debug)]
pub struct InQuery(pub(crate) &'static str);

impl Sealed for InHeader {}
impl Sealed for InQuery {}

impl CredentialSource for InHeader {
    const IN_QUERY: bool = false;

    fn name(&self) -> &'static str {
        self.0.name()
    }

    #[inline]
    fn read<'a>(&self, request: &Request<'a>) -> Result<Cow<'a, [u8]>, VerifyError> {
        request.required_header(self.0).map(Cow::Borrowed)
    }
}

impl CredentialSource for InQuery {
    const IN_QUERY: bool = true;

    fn name(&self) -> &'static str {
        self.0
    }

    fn read<'a>(&self, request: &Request<'a>) -> Result<Cow<'a, [u8]>, VerifyError> {
        request.required_query_parameter(self.0)
    }
}

/// Where a provider names the event of a request.
#[derive(Debug)]
pub enum EventName {
    /// In the body (LeaseCloud's `action`, Montly's `type`, EZQ's `event`).
    InBody,
    /// In a header (Kinguin's `X-Event-Name`).
    Header(&'static HeaderKey),
    /// In the last segment of the URL's path (Spark Pay, one URL per event type).
    LastPathSegment,
}

impl EventName {
    /// The name the request carries outside its body: `None` where the provider names it in
    /// the body, or where the request names none (a header absent or blank, no path).
    ///
    /// # Errors
    /// A [`ParseError`] of `provider` when a header that names the event cannot be read (sent
    /// twice, too long, not UTF-8): the request is authentic, so it is kept as unparsed.
    fn read<'a>(
        &self,
        provider: &'static str,
        request: &Request<'a>,
    ) -> Result<Option<&'a str>, ParseError> {
        match self {
            EventName::InBody => Ok(None),
            EventName::Header(key) => {
                let unreadable = |reason: &dyn fmt::Display| {
                    Context::new(provider, None).error(".", format!("`{}`: {reason}", key.name()))
                };
                let Some(value) = request.header_of(key).map_err(|error| unreadable(&error))?
                else {
                    return Ok(None);
                };
                let name = std::str::from_utf8(value.trim_ascii())
                    .map_err(|_| unreadable(&"the event name is not UTF-8"))?;
                Ok(Some(name).filter(|name| !name.is_empty()))
            }
            EventName::LastPathSegment => Ok(request.uri_path().map(last_segment)),
        }
    }

    /// As [`EventName::read`], for a record: a header that cannot be read as one name gives
    /// its first value, with U+FFFD for bytes that are not UTF-8, so that a worker parses what
    /// the provider most likely meant rather than nothing.
    fn read_leniently(&self, request: &Request<'_>) -> Option<String> {
        match self {
            EventName::InBody => None,
            EventName::Header(key) => request
                .first_header_of(key)
                .map(|value| String::from_utf8_lossy(value.trim_ascii()).into_owned())
                .filter(|name| !name.is_empty()),
            EventName::LastPathSegment => {
                request.uri_path().map(|path| last_segment(path).to_owned())
            }
        }
    }
}

/// The last segment of a URL path, trailing slashes aside.
fn last_segment(path: &str) -> &str {
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
}

/// Verifies one provider's webhooks and parses them into its events.
///
/// Each provider module names its own: [`leasecloud::Webhook`](crate::leasecloud::Webhook),
/// [`montly::Webhook`](crate::montly::Webhook), [`ezq::Webhook`](crate::ezq::Webhook),
/// [`kinguin::Webhook`](crate::kinguin::Webhook) and
/// [`sparkpay::Webhook`](crate::sparkpay::Webhook). Build it once at start-up and share it:
/// cloning it is a reference count, and each request costs one check per configured secret.
/// It implements [`Provider`], so the framework adapters and any code written over `Provider`
/// accept it.
pub struct Webhook<P: Spec> {
    verifier: P::Scheme,
    reports_unknown_fields: bool,
    provider: PhantomData<fn() -> P>,
}

impl<P: Spec> Clone for Webhook<P> {
    fn clone(&self) -> Self {
        Webhook {
            verifier: self.verifier.clone(),
            reports_unknown_fields: self.reports_unknown_fields,
            provider: PhantomData,
        }
    }
}

impl<P: Spec> fmt::Debug for Webhook<P> {
    /// The provider and the verifier: the credential's name and how many secrets, never one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Webhook")
            .field("provider", &P::NAME)
            .field("verifier", &self.verifier)
            .field("reports_unknown_fields", &self.reports_unknown_fields)
            .finish()
    }
}

impl<P: Spec> Webhook<P> {
    /// A verifier with one secret (for Spark Pay, one token).
    pub fn new(secret: Secret) -> Self {
        Webhook::from_keyring(Keyring::one(
            P::CREDENTIAL.name(),
            Self::credential_kind(),
            secret,
        ))
    }

    /// A verifier that accepts any of `secrets`, newest first: use it while a secret is being
    /// rotated.
    ///
    /// # Errors
    /// [`ConfigError::NoSecrets`] or [`ConfigError::TooManySecrets`] outside one to
    /// [`MAX_SECRETS`](crate::MAX_SECRETS) secrets.
    pub fn with_secrets(secrets: impl IntoIterator<Item = Secret>) -> Result<Self, ConfigError> {
        Keyring::many(P::CREDENTIAL.name(), Self::credential_kind(), secrets)
            .map(Webhook::from_keyring)
    }

    fn from_keyring(keyring: Keyring) -> Self {
        Webhook {
            verifier: P::Scheme::from_keyring(keyring),
            reports_unknown_fields: false,
            provider: PhantomData,
        }
    }

    /// Has the framework extractors report, for each authentic body that parses, the fields
    /// its event does not read ([`Provider::unknown_fields`]), with unknown event names and
    /// status values: with the `tracing` feature, each new one is logged once per process at
    /// `info`. Off by default: it reads every body a second time.
    #[must_use]
    pub fn report_unknown_fields(mut self) -> Self {
        self.reports_unknown_fields = true;
        self
    }

    /// What the credential carries, for the wording of its errors.
    fn credential_kind() -> Credential {
        match (
            <P::Scheme as Scheme>::CARRIES_SECRET,
            P::Credential::IN_QUERY,
        ) {
            (false, _) => Credential::Signature,
            (true, false) => Credential::SecretHeader,
            (true, true) => Credential::QueryToken,
        }
    }

    /// Checks the request's credential at `clock`'s now.
    #[inline]
    pub(crate) fn authenticate(
        &self,
        request: &Request<'_>,
        clock: Clock,
    ) -> Result<<P::Scheme as Scheme>::Verified, VerifyError> {
        let credential = P::CREDENTIAL.read(request)?;
        self.check(&credential, request.body(), clock)
    }

    /// Checks a credential taken from a request by other means.
    #[inline]
    pub(crate) fn check(
        &self,
        credential: &[u8],
        body: &[u8],
        clock: Clock,
    ) -> Result<<P::Scheme as Scheme>::Verified, VerifyError> {
        self.verifier.check(credential, body, clock)
    }

    #[inline]
    fn verify_with(&self, request: &Request<'_>, clock: Clock) -> Result<P::Event, Error> {
        self.authenticate(request, clock)?;
        Ok(Self::parse(request)?)
    }

    /// The event of an authentic request.
    pub(crate) fn parse(request: &Request<'_>) -> Result<P::Event, ParseError> {
        P::parse_named(P::EVENT_NAME.read(P::NAME, request)?, request.body())
    }

    /// The record of an authentic request whose event id, when the caller already read it, is
    /// `id` (else it is read from the body).
    pub(crate) fn record(
        request: &Request<'_>,
        received_at: OffsetDateTime,
        id: Option<&str>,
    ) -> Delivery {
        let name = P::EVENT_NAME.read_leniently(request);
        let read_id;
        let id = match id {
            Some(id) => Some(id),
            None => {
                read_id = P::event_id(request.body());
                read_id.as_deref()
            }
        };
        Delivery::new(P::NAME, name.as_deref(), request.body(), received_at, id)
    }
}

/// What the providers that authenticate by header offer (all but Spark Pay).
impl<P: Spec<Credential = InHeader>> Webhook<P> {
    /// Verifies the request (for a timestamped provider, against the system clock), then
    /// parses its body.
    ///
    /// # Errors
    /// [`Error::Verify`] when the request is not proven to come from the provider (answer 401);
    /// [`Error::Parse`] when the authentic body does not have the documented shape (see the
    /// provider's module documentation for what to answer then).
    pub fn verify<H: Headers + ?Sized>(
        &self,
        headers: &H,
        body: impl AsRef<[u8]>,
    ) -> Result<P::Event, Error> {
        self.verify_with(&Request::new(&headers, body.as_ref()), Clock::System)
    }

    /// Checks only that the request comes from the provider (for a timestamped provider,
    /// against the system clock), leaving the body to be parsed later, after a queue say, with
    /// the provider's `Event::parse`.
    ///
    /// # Errors
    /// The [`VerifyError`] that says what did not check out.
    pub fn verify_signature<H: Headers + ?Sized>(
        &self,
        headers: &H,
        body: impl AsRef<[u8]>,
    ) -> Result<<P::Scheme as Scheme>::Verified, VerifyError> {
        self.authenticate(&Request::new(&headers, body.as_ref()), Clock::System)
    }
}

/// What the providers that sign a timestamp offer (LeaseCloud, Montly): a tolerance, and a
/// clock to check against.
impl<P: Spec<Credential = InHeader, Scheme = timestamped::Verifier>> Webhook<P> {
    /// How far the signed timestamp may be from now, either way (inclusive, whole seconds;
    /// default 300 s).
    #[must_use]
    pub fn tolerance(self, tolerance: time::Duration) -> Self {
        Webhook {
            verifier: self.verifier.tolerance(tolerance),
            reports_unknown_fields: self.reports_unknown_fields,
            provider: PhantomData,
        }
    }

    /// Verifies the request as if it arrived at `now`, then parses its body.
    ///
    /// # Errors
    /// As [`Webhook::verify`].
    pub fn verify_at<H: Headers + ?Sized>(
        &self,
        headers: &H,
        body: impl AsRef<[u8]>,
        now: OffsetDateTime,
    ) -> Result<P::Event, Error> {
        let clock = Clock::At(now.unix_timestamp());
        self.verify_with(&Request::new(&headers, body.as_ref()), clock)
    }

    /// Checks only that the request comes from the provider, as if it arrived at `now`.
    ///
    /// # Errors
    /// The [`VerifyError`] that says what did not check out.
    pub fn verify_signature_at<H: Headers + ?Sized>(
        &self,
        headers: &H,
        body: impl AsRef<[u8]>,
        now: OffsetDateTime,
    ) -> Result<timestamped::Verified, VerifyError> {
        let clock = Clock::At(now.unix_timestamp());
        self.authenticate(&Request::new(&headers, body.as_ref()), clock)
    }
}

impl<P: Spec> Provider for Webhook<P> {
    type Event = P::Event;

    const NAME: &'static str = P::NAME;

    const REDELIVERY_WINDOW: Duration = P::REDELIVERY_WINDOW;

    fn verify_request(&self, request: &Request<'_>) -> Result<P::Event, Error> {
        self.verify_with(request, Clock::System)
    }

    fn verify_request_at(
        &self,
        request: &Request<'_>,
        now: OffsetDateTime,
    ) -> Result<P::Event, Error> {
        self.verify_with(request, Clock::At(now.unix_timestamp()))
    }

    fn verify_request_signature(&self, request: &Request<'_>) -> Result<(), VerifyError> {
        self.authenticate(request, Clock::System).map(|_| ())
    }

    type EventView<'a> = P::EventView<'a>;

    fn parse_request(request: &Request<'_>) -> Result<P::Event, ParseError> {
        Self::parse(request)
    }

    fn reports_unknown_fields(&self) -> bool {
        self.reports_unknown_fields
    }

    fn parse_request_view<'a>(request: &Request<'a>) -> Result<P::EventView<'a>, ParseError> {
        P::parse_view_named(P::EVENT_NAME.read(P::NAME, request)?, request.body())
    }

    fn delivery(request: &Request<'_>, received_at: OffsetDateTime) -> Delivery {
        Self::record(request, received_at, None)
    }

    fn delivery_of_parsed(
        request: &Request<'_>,
        received_at: OffsetDateTime,
        parsed: Result<&P::Event, &ParseError>,
    ) -> Delivery {
        Self::record(
            request,
            received_at,
            parsed.ok().and_then(P::parsed_event_id),
        )
    }

    fn parse_delivery(delivery: &Delivery) -> Result<P::Event, Error> {
        if delivery.provider() != P::NAME {
            return Err(Context::new(P::NAME, delivery.event())
                .error(
                    ".",
                    format!(
                        "the record is a delivery of {}, not of {}: it was routed to the wrong \
                         worker",
                        delivery.provider(),
                        P::NAME
                    ),
                )
                .into());
        }
        Ok(P::parse_named(delivery.event(), delivery.body())?)
    }

    fn unparsed_reply(error: &ParseError) -> Reply {
        P::unparsed_reply(error)
    }

    fn acknowledgement(delivery: &Delivery) -> Reply {
        P::acknowledgement(delivery.body())
    }

    fn expects_reply(delivery: &Delivery) -> bool {
        P::expects_reply(delivery.event())
    }

    fn unknown_fields(request: &Request<'_>) -> Result<Vec<String>, Error> {
        let name = P::EVENT_NAME.read(P::NAME, request)?;
        Ok(P::unknown_fields_named(name, request.body())?)
    }
}
