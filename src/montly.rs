//! Montly: signed webhooks about leasing orders and tariffs.
//!
//! Montly is LeaseCloud's earlier name. Its five events are the "v1" actions that
//! [`leasecloud`](crate::leasecloud) still knows, with the same types ([`OrderId`],
//! [`Tariff`], [`EventKind`]).
//!
//! # What Montly sends
//!
//! - `Montly-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]`: HMAC-SHA256 over `"{t}.{raw body}"`,
//!   one `v1` per secret while Montly rotates it (the
//!   [timestamped scheme](crate::scheme::timestamped)).
//! - `Montly-Version: 1.0.0`: the API version, readable with [`version`]; not signed.
//! - A JSON body `{"id": …, "type": …, "data": {…}}`; the event name is `type`.
//! - Montly makes up to 12 attempts over 7 days, with growing delays, until it gets a 200. A
//!   partner therefore sees the same event more than once: deduplicate on
//!   [`Event::idempotency_key`].
//!
//! # When an authentic body does not parse
//!
//! Montly tries 12 times over 7 days until it gets a 200, whatever the body. Keep the raw body
//! and answer 200: [`Error::Parse`](crate::Error::Parse) carries the event id and type
//! ([`ParseError::id`](crate::ParseErrorDetails::id)), and the framework adapters' `Authenticated`
//! extractor hands the body over and answers for you.
//!
//! # Receiving an event
//!
//! ```
//! use commerce_webhooks::montly::{Event, EventKind, Webhook};
//! use commerce_webhooks::Secret;
//! use time::OffsetDateTime;
//!
//! let hook = Webhook::new(Secret::new("whsec_current")?);
//!
//! // What the web framework received (here signed on the spot).
//! let body = br#"{"id":"evt:1","type":"order.signed","data":{"orderId":42}}"#;
//! let now = OffsetDateTime::now_utc();
//! let headers = Webhook::sign_headers(&Secret::new("whsec_current")?, now.unix_timestamp(), body);
//!
//! let event: Event = hook.verify_at(&headers, body, now)?;
//! assert_eq!(event.idempotency_key(), "evt:1");
//! match &event.kind {
//!     EventKind::OrderSigned { order_id } => assert_eq!(*order_id, 42),
//!     other => panic!("unexpected event {}", other.name()),
//! }
//! // Answer 200: anything else makes Montly try again.
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::time::Duration;

use crate::de::envelope::scan_id;
use crate::de::unknown::Collect;
use crate::headers::{HeaderKey, Headers};
use crate::leasing::{self, id_event_impls, parse_event, Leasing};
use crate::webhook::{EventName, InHeader, Sealed, Spec};
use crate::{ParseError, Reply};

pub use crate::leasing::{EventKind, Tariff};
pub use crate::order_id::OrderId;

/// The header carrying the signature.
pub const SIGNATURE_HEADER: &str = "Montly-Signature";

/// The header carrying the API version (not covered by the signature).
pub const VERSION_HEADER: &str = "Montly-Version";

/// The API version in Montly's documented requests, sent by [`Webhook::sign_headers`].
pub const DOCUMENTED_VERSION: &str = "1.0.0";

const NAME_KEY: &str = "type";

static SIGNATURE: HeaderKey = HeaderKey::new(SIGNATURE_HEADER, "montly-signature");

/// The value of the [`VERSION_HEADER`], when it is present once and is text.
///
/// The version is informational: it is not signed, and the event types do not depend on it.
///
/// ```
/// use commerce_webhooks::montly;
///
/// assert_eq!(montly::version(&[("montly-version", "1.0.0")]), Some("1.0.0"));
/// assert_eq!(montly::version(&[("Content-Type", "application/json")]), None);
/// ```
pub fn version<H: Headers + ?Sized>(headers: &H) -> Option<&str> {
    leasing::read_version(headers, VERSION_HEADER)
}

// ---------------------------------------------------------------------------------------------
// The verifier.

/// Verifies Montly webhooks and parses them into [`Event`]s: see [`webhook::Webhook`](crate::webhook::Webhook).
pub type Webhook = crate::webhook::Webhook<Montly>;

/// What Montly sends, for [`Webhook`]: `Montly-Signature` with the timestamped scheme, the
/// event name under `type`.
#[derive(Debug, Clone, Copy)]
pub enum Montly {}

impl Sealed for Montly {}

impl Spec for Montly {
    const NAME: &'static str = "Montly";

    /// "We will make up 12 attempts to deliver the webhook with exponential delay up to 7 days
    /// from first try."
    const REDELIVERY_WINDOW: Duration = Duration::from_secs(7 * 24 * 60 * 60);

    type Scheme = crate::scheme::timestamped::Verifier;
    type Credential = InHeader;
    const CREDENTIAL: InHeader = InHeader(&SIGNATURE);

    type Event = Event;
    type EventView<'a> = Event;

    const EVENT_NAME: EventName = EventName::InBody;

    fn parse_named(_: Option<&str>, body: &[u8]) -> Result<Event, ParseError> {
        Event::parse(body)
    }

    fn parse_view_named(_: Option<&str>, body: &[u8]) -> Result<Event, ParseError> {
        Event::parse(body)
    }

    fn event_id(body: &[u8]) -> Option<String> {
        scan_id(NAME_KEY, body)
    }

    fn parsed_event_id(event: &Event) -> Option<&str> {
        Some(&event.id)
    }

    /// Montly retries until it gets a 200, whatever the body: an authentic event whose body
    /// does not parse is answered 200 once it is stored, so it is not sent 12 times over 7
    /// days.
    fn unparsed_reply(_: &ParseError) -> Reply {
        Reply::ok()
    }

    fn acknowledgement(_: &[u8]) -> Reply {
        Reply::ok()
    }

    fn unknown_fields_named(_: Option<&str>, body: &[u8]) -> Result<Vec<String>, ParseError> {
        let mut collect = Collect::default();
        leasing::read_event::<EventKind>(&mut collect, Montly::NAME, NAME_KEY, body)?;
        Ok(collect.into_paths())
    }
}

impl Leasing for Montly {
    const VERSION_HEADER: &'static str = VERSION_HEADER;
    const DOCUMENTED_VERSION: &'static str = DOCUMENTED_VERSION;
}

// ---------------------------------------------------------------------------------------------
// Events.

/// One Montly webhook: `{"id": …, "type": …, "data": {…}}`.
///
/// Serializes to that same JSON, which [`Event::parse`] reads back to an equal event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The event id, unique per event and repeated on every retry of it.
    pub id: String,
    /// What happened, with its data.
    pub kind: EventKind,
}

impl Event {
    /// Parses a body without verifying it: for tests, and for bodies verified earlier with
    /// [`Webhook::verify_signature`].
    ///
    /// An unknown `type` is not an error: it gives [`EventKind::Unknown`]. Unknown fields are
    /// ignored.
    ///
    /// # Errors
    /// [`ParseError`] naming the JSON path (and line and column) of the first value that does
    /// not have the documented shape, including a missing, `null` or blank event `id`: without
    /// it the event can be neither deduplicated nor acknowledged. It carries the event id and
    /// name when the body has them, wherever they are.
    pub fn parse(body: impl AsRef<[u8]>) -> Result<Self, ParseError> {
        let (id, kind) = parse_event(Montly::NAME, NAME_KEY, body.as_ref())?;
        Ok(Event { id, kind })
    }

    /// The event name as Montly sends it in `type`.
    pub fn name(&self) -> &str {
        self.kind.name()
    }

    /// The key to deduplicate deliveries on: the event id, the same on every retry (hashed in
    /// the unlikely case that it is longer than
    /// [`MAX_IDEMPOTENCY_KEY_LEN`](crate::MAX_IDEMPOTENCY_KEY_LEN) bytes).
    pub fn idempotency_key(&self) -> Cow<'_, str> {
        crate::key::bounded_key(Cow::Borrowed(&self.id))
    }

    /// The order the event is about; `None` for tariff updates and unknown events.
    pub fn order_id(&self) -> Option<&OrderId> {
        self.kind.order_id()
    }
}

crate::provider::webhook_event!(
    Event,
    id: |event| Some(&event.id),
    unknown: Event { kind: EventKind::Unknown { .. }, .. }
);
id_event_impls!();
