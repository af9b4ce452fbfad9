//! LeaseCloud: signed webhooks about leasing orders, acknowledged with a JSON reply.
//!
//! # What LeaseCloud sends
//!
//! - `LeaseCloud-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]`: HMAC-SHA256 over
//!   `"{t}.{raw body}"`, one `v1` per secret while LeaseCloud rotates it (the
//!   [timestamped scheme](crate::scheme::timestamped)).
//! - `LeaseCloud-Version: 1.0.0`: the API version, readable with [`version`]; not signed.
//! - A JSON body `{"id": …, "action": …, "data": {…}}`; the event name is `action`.
//!   `order.created` and `order.statusUpdated` carry the whole [`Order`]. LeaseCloud's older
//!   "v1" actions are the events of [Montly](crate::montly), its earlier name:
//!   `order.accepted`, `order.declined`, `order.signed`, `order.deliveryApproved` and
//!   `tariff.updated`.
//! - LeaseCloud calls the endpoint again until it is acknowledged with a 200 response whose
//!   body is an [`Acknowledgement`]. The same event may therefore arrive more than once:
//!   deduplicate on [`Event::idempotency_key`].
//!
//! # When an authentic body does not parse
//!
//! LeaseCloud calls again until it is acknowledged, so refusing a body this crate cannot read
//! only brings it back, for ever. Keep the raw body, then answer 200 with the acknowledgement
//! of its event id: [`Error::Parse`](crate::Error::Parse) carries the id
//! ([`ParseError::id`](crate::ParseErrorDetails::id)) and action wherever they stand in the body,
//! [`Acknowledgement::new`] builds the reply, and the framework adapters' `Authenticated`
//! extractor does both in one line ([`Provider::unparsed_reply`](crate::Provider::unparsed_reply)).
//!
//! # Receiving an event
//!
//! ```
//! use commerce_webhooks::leasecloud::{Acknowledgement, Event, EventKind, OrderStatus, Webhook};
//! use commerce_webhooks::Secret;
//! use time::OffsetDateTime;
//!
//! // At start-up, during a rotation: the new secret first, the old one still accepted.
//! let hook = Webhook::with_secrets([Secret::new("whsec_new")?, Secret::new("whsec_old")?])?;
//!
//! // Per request: the headers and the body exactly as received (here signed on the spot).
//! # let body = include_bytes!("../../samples/leasecloud/order_created.json");
//! let now = OffsetDateTime::now_utc();
//! let headers = Webhook::sign_headers(&Secret::new("whsec_old")?, now.unix_timestamp(), body);
//! let event: Event = match hook.verify_at(&headers, body, now) {
//!     Ok(event) => event,
//!     Err(error) => {
//!         // Answer error.status_code() (401 or 400) and log the error.
//!         return Err(error.into());
//!     }
//! };
//!
//! if let EventKind::OrderCreated(order) = &event.kind {
//!     assert_eq!(order.status, OrderStatus::Pending);
//!     assert_eq!(order.total_amount, 23323); // öre
//! }
//!
//! // Answer 200 with this body, or LeaseCloud calls again.
//! let reply = Acknowledgement::for_event(&event).partner_order_id("SO-1001");
//! assert_eq!(
//!     reply.to_json(),
//!     r#"{"id":"evt:e1f0aed8-883a-9751-74a3-48537d3d94ce","orderId":"c1f0acd8-8e3e-4477-85d3-18337c3c92d6","partnerOrderId":"SO-1001"}"#
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod ack;
mod direct;
mod order;

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use self::ack::Acknowledgement;
pub use self::order::{Address, Item, Order, OrderStatus};
pub use crate::leasing::Tariff;
pub use crate::order_id::OrderId;

use std::time::Duration;

use crate::de::body::Parse;
use crate::de::envelope::{scan, scan_id, Dispatch};
use crate::de::unknown::Collect;
use crate::headers::{HeaderKey, Headers};
use crate::leasing::{self, id_event_impls, Kind, Leasing};
use crate::webhook::{EventName, InHeader, Sealed, Spec};
use crate::{EventText, ParseError, Reply};

/// The header carrying the signature.
pub const SIGNATURE_HEADER: &str = "LeaseCloud-Signature";

/// The header carrying the API version (not covered by the signature).
pub const VERSION_HEADER: &str = "LeaseCloud-Version";

/// The API version in LeaseCloud's documented requests, sent by [`Webhook::sign_headers`].
pub const DOCUMENTED_VERSION: &str = "1.0.0";

const NAME_KEY: &str = "action";

static SIGNATURE: HeaderKey = HeaderKey::new(SIGNATURE_HEADER, "leasecloud-signature");

/// The value of the [`VERSION_HEADER`], when it is present once and is text.
///
/// The version is informational: it is not signed, and the event types do not depend on it.
///
/// ```
/// use commerce_webhooks::leasecloud;
///
/// assert_eq!(leasecloud::version(&[("LeaseCloud-Version", "1.0.0")]), Some("1.0.0"));
/// assert_eq!(leasecloud::version(&[("Content-Type", "application/json")]), None);
/// ```
pub fn version<H: Headers + ?Sized>(headers: &H) -> Option<&str> {
    leasing::read_version(headers, VERSION_HEADER)
}

// ---------------------------------------------------------------------------------------------
// The verifier.

/// Verifies LeaseCloud webhooks and parses them into [`Event`]s: see [`webhook::Webhook`](crate::webhook::Webhook).
pub type Webhook = crate::webhook::Webhook<LeaseCloud>;

/// What LeaseCloud sends, for [`Webhook`]: `LeaseCloud-Signature` with the timestamped scheme,
/// the event name under `action`, and a borrowed form of its events, [`EventView`].
#[derive(Debug, Clone, Copy)]
pub enum LeaseCloud {}

impl Sealed for LeaseCloud {}

impl Spec for LeaseCloud {
    const NAME: &'static str = "LeaseCloud";

    /// "The webhook will be repeatedly called until the partner acknowledges receipt": the
    /// page gives no bound, so this is Montly's, LeaseCloud's earlier self (12 attempts over
    /// 7 days). A duplicate guard takes another window where a partner knows better.
    const REDELIVERY_WINDOW: Duration = Duration::from_secs(7 * 24 * 60 * 60);

    type Scheme = crate::scheme::timestamped::Verifier;
    type Credential = InHeader;
    const CREDENTIAL: InHeader = InHeader(&SIGNATURE);

    type Event = Event;
    type EventView<'a> = EventView<'a>;

    const EVENT_NAME: EventName = EventName::InBody;

    fn parse_named(_: Option<&str>, body: &[u8]) -> Result<Event, ParseError> {
        Event::parse(body)
    }

    fn parse_view_named<'a>(_: Option<&str>, body: &'a [u8]) -> Result<EventView<'a>, ParseError> {
        EventView::parse_borrowed(body)
    }

    fn event_id(body: &[u8]) -> Option<String> {
        scan_id(NAME_KEY, body)
    }

    fn parsed_event_id(event: &Event) -> Option<&str> {
        Some(&event.id)
    }

    /// An authentic event whose body does not parse is still acknowledged, once stored, with
    /// its event id and, whenever the body names it (`data.orderId`, else `data.id`), its
    /// order id, which LeaseCloud's page asks for: otherwise LeaseCloud sends it again and
    /// again. Without an event id, the acknowledgement names what it can: the order id, or
    /// nothing (`{}`).
    fn unparsed_reply(error: &ParseError) -> Reply {
        acknowledge(error.id.as_deref(), error.order_id.clone())
    }

    /// The acknowledgement of the body's event and, whenever the body names it, its order,
    /// read as for a body that does not parse.
    fn acknowledgement(body: &[u8]) -> Reply {
        let scanned = scan(NAME_KEY, body);
        acknowledge(scanned.id.as_deref(), scanned.order_id)
    }

    /// Through serde, also for the order events that [`Event::parse`] reads directly.
    fn unknown_fields_named(_: Option<&str>, body: &[u8]) -> Result<Vec<String>, ParseError> {
        let mut collect = Collect::default();
        leasing::read_event::<EventKind<Cow<'_, str>>>(
            &mut collect,
            LeaseCloud::NAME,
            NAME_KEY,
            body,
        )?;
        Ok(collect.into_paths())
    }
}

/// The acknowledgement of the event `id` about the order `order_id`, naming what is known:
/// without an event id, the order alone, or nothing (`{}`).
fn acknowledge(id: Option<&str>, order_id: Option<OrderId>) -> Reply {
    match id {
        Some(id) => Acknowledgement::new(id).with_order_id(order_id).into(),
        None => match order_id {
            Some(order_id) => Reply::json(&serde_json::json!({ "orderId": order_id })),
            None => Reply::json_text("{}".to_owned()),
        },
    }
}

impl Leasing for LeaseCloud {
    const VERSION_HEADER: &'static str = VERSION_HEADER;
    const DOCUMENTED_VERSION: &'static str = DOCUMENTED_VERSION;
}

// ---------------------------------------------------------------------------------------------
// Events.

/// One LeaseCloud webhook: `{"id": …, "action": …, "data": {…}}`.
///
/// Serializes to that same JSON, which [`Event::parse`] reads back to an equal event.
///
/// `S` is how the event keeps its text. `Event` (text as `String`) owns everything and can be
/// kept, sent to another thread or put on a queue. [`EventView`] (text as `Cow<'_, str>`)
/// borrows its text from the body instead: what a handler that answers at once needs, read
/// with a tenth of the allocations (3 against 33 for the `order.created` sample) and in about
/// two thirds of the time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event<S = String> {
    /// The event id, unique per event and repeated on every retry of it.
    pub id: S,
    /// What happened, with its data.
    pub kind: EventKind<S>,
}

/// A LeaseCloud event that borrows its text from the body it was read from
/// ([`EventView::parse_borrowed`]).
///
/// A string the body spells without escape sequences (nearly all of them) is borrowed; one
/// with escapes is copied, so every body [`Event::parse`] reads, this reads too, to an equal
/// value. The order ids ([`OrderId`]), statuses, tariffs and the `data` of unknown actions
/// are owned as in [`Event`]. [`EventView::into_owned`] makes it an [`Event`] to keep.
///
/// ```
/// use commerce_webhooks::leasecloud::{EventKind, EventView};
///
/// let body = br#"{"id":"evt:1","action":"order.created","data":{"id":"o-1","status":"OK",
///     "totalAmount":100,"VAT":25,"shippingAmount":0,"shippingVAT":0,"currency":"SEK",
///     "months":36,"billing":{"city":"Malm\u00f6"},"items":[],
///     "createdAt":"2024-05-02T10:00:00Z","updatedAt":"2024-05-02T10:00:00Z"}}"#;
/// let event = EventView::parse_borrowed(body)?;
/// let EventKind::OrderCreated(order) = &event.kind else { unreachable!() };
/// assert_eq!(order.currency, "SEK"); // borrowed from `body`
/// assert_eq!(order.billing.city.as_deref(), Some("Malmö")); // unescaped, so copied
/// # Ok::<(), commerce_webhooks::ParseError>(())
/// ```
pub type EventView<'a> = Event<Cow<'a, str>>;

/// What a LeaseCloud event reports: its `action`, with the `data` typed.
///
/// Variant names are the event names in UpperCamelCase; fields are the JSON names in
/// snake_case. The orders are boxed: they are large, the other variants small. `S` is the
/// event's text type, as in [`Event`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventKind<S = String> {
    /// `order.created`: a checkout produced a new order.
    OrderCreated(Box<Order<S>>),
    /// `order.statusUpdated`: the order's status changed; the order is sent whole.
    OrderStatusUpdated(Box<Order<S>>),
    /// `order.accepted` (v1): the order was accepted and awaits the customer's signature.
    OrderAccepted {
        /// Which order.
        order_id: OrderId,
    },
    /// `order.declined` (v1): the order was declined.
    OrderDeclined {
        /// Which order.
        order_id: OrderId,
        /// Why, in LeaseCloud's words; empty when none was sent (absent or `null`).
        reason: S,
    },
    /// `order.signed` (v1): the customer signed; the products may be shipped.
    OrderSigned {
        /// Which order.
        order_id: OrderId,
    },
    /// `order.deliveryApproved` (v1): the customer confirmed the products arrived.
    OrderDeliveryApproved {
        /// Which order.
        order_id: OrderId,
    },
    /// `tariff.updated` (v1): the monthly tariffs changed.
    TariffUpdated {
        /// The new tariff for each lease length.
        tariffs: Vec<Tariff>,
    },
    /// An action this crate does not know yet, with its `data` kept as received.
    Unknown {
        /// The action, as sent.
        name: S,
        /// The `data` member (`null` when absent).
        data: serde_json::Value,
    },
}

impl<S: AsRef<str>> EventKind<S> {
    /// The action as LeaseCloud sends it.
    pub fn name(&self) -> &str {
        match self {
            EventKind::OrderCreated(_) => "order.created",
            EventKind::OrderStatusUpdated(_) => "order.statusUpdated",
            EventKind::OrderAccepted { .. } => "order.accepted",
            EventKind::OrderDeclined { .. } => "order.declined",
            EventKind::OrderSigned { .. } => "order.signed",
            EventKind::OrderDeliveryApproved { .. } => "order.deliveryApproved",
            EventKind::TariffUpdated { .. } => "tariff.updated",
            EventKind::Unknown { name, .. } => name.as_ref(),
        }
    }

    /// The order the event is about; `None` for tariff updates and unknown actions.
    pub fn order_id(&self) -> Option<&OrderId> {
        match self {
            EventKind::OrderCreated(order) | EventKind::OrderStatusUpdated(order) => {
                Some(&order.id)
            }
            EventKind::OrderAccepted { order_id }
            | EventKind::OrderDeclined { order_id, .. }
            | EventKind::OrderSigned { order_id }
            | EventKind::OrderDeliveryApproved { order_id } => Some(order_id),
            EventKind::TariffUpdated { .. } | EventKind::Unknown { .. } => None,
        }
    }
}

impl<S> EventKind<S> {
    /// The same event kind with every text converted by `convert`.
    fn map_text<T>(self, convert: &mut impl FnMut(S) -> T) -> EventKind<T> {
        match self {
            EventKind::OrderCreated(order) => {
                EventKind::OrderCreated(Box::new(order.map_text(convert)))
            }
            EventKind::OrderStatusUpdated(order) => {
                EventKind::OrderStatusUpdated(Box::new(order.map_text(convert)))
            }
            EventKind::OrderAccepted { order_id } => EventKind::OrderAccepted { order_id },
            EventKind::OrderDeclined { order_id, reason } => EventKind::OrderDeclined {
                order_id,
                reason: convert(reason),
            },
            EventKind::OrderSigned { order_id } => EventKind::OrderSigned { order_id },
            EventKind::OrderDeliveryApproved { order_id } => {
                EventKind::OrderDeliveryApproved { order_id }
            }
            EventKind::TariffUpdated { tariffs } => EventKind::TariffUpdated { tariffs },
            EventKind::Unknown { name, data } => EventKind::Unknown {
                name: convert(name),
                data,
            },
        }
    }
}

/// The v1 actions are Montly's events: the same names and data.
impl<S: From<String>> From<leasing::EventKind> for EventKind<S> {
    fn from(kind: leasing::EventKind) -> Self {
        use leasing::EventKind as V1;
        match kind {
            V1::OrderAccepted { order_id } => EventKind::OrderAccepted { order_id },
            V1::OrderDeclined { order_id, reason } => EventKind::OrderDeclined {
                order_id,
                reason: reason.into(),
            },
            V1::OrderSigned { order_id } => EventKind::OrderSigned { order_id },
            V1::OrderDeliveryApproved { order_id } => EventKind::OrderDeliveryApproved { order_id },
            V1::TariffUpdated { tariffs } => EventKind::TariffUpdated { tariffs },
            V1::Unknown { name, data } => EventKind::Unknown {
                name: name.into(),
                data,
            },
        }
    }
}

impl Event {
    /// Parses a body without verifying it: for tests, and for bodies verified earlier with
    /// [`Webhook::verify_signature`].
    ///
    /// An unknown `action` is not an error: it gives [`EventKind::Unknown`]. Unknown fields are
    /// ignored.
    ///
    /// Order events in the shape LeaseCloud sends (text without escape sequences, amounts as
    /// plain integers) are read by a direct reader, faster than serde's path; every other
    /// body, and every error, takes the serde path. Both give the same event for every body.
    ///
    /// # Errors
    /// [`ParseError`] naming the JSON path (and line and column) of the first value that does
    /// not have the documented shape, including a missing or `null` event `id`: without it the
    /// event can be neither deduplicated nor acknowledged. It carries the event id and action
    /// when the body has them, wherever they are, so the event can still be acknowledged
    /// ([`Acknowledgement::new`]) after its body is stored.
    pub fn parse(body: impl AsRef<[u8]>) -> Result<Self, ParseError> {
        let body = body.as_ref();
        // As in `EventView::parse_borrowed`: the direct reader first, serde for the rest.
        if let Some(event) = direct::read_order_event(body) {
            return Ok(event);
        }
        let (id, kind) = leasing::parse_event(LeaseCloud::NAME, NAME_KEY, body)?;
        Ok(Event { id, kind })
    }
}

impl<'a> EventView<'a> {
    /// Parses a body without verifying it, as [`Event::parse`] does, into an event that
    /// borrows its text from `body`.
    ///
    /// # Errors
    /// The same [`ParseError`] as [`Event::parse`] for the same body.
    pub fn parse_borrowed(body: &'a [u8]) -> Result<Self, ParseError> {
        // Order events in the shape LeaseCloud sends are read without serde; anything else,
        // and every error, takes the serde path.
        if let Some(event) = direct::read_order_event(body) {
            return Ok(event);
        }
        let (id, kind) = leasing::read_event(&mut Parse, LeaseCloud::NAME, NAME_KEY, body)?;
        Ok(Event { id, kind })
    }

    /// The owned [`Event`] with the same values, for keeping the event past the body's
    /// lifetime (a queue, another task): copies only the text borrowed from the body.
    ///
    /// ```
    /// use commerce_webhooks::leasecloud::{Event, EventView};
    ///
    /// let body = br#"{"id":"evt:1","action":"order.declined","data":{"orderId":"o-1"}}"#;
    /// let owned: Event = EventView::parse_borrowed(body)?.into_owned();
    /// assert_eq!(owned, Event::parse(body)?);
    /// # Ok::<(), commerce_webhooks::ParseError>(())
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Event {
        let Event { id, kind } = self;
        Event {
            id: id.into_owned(),
            kind: kind.map_text(&mut Cow::into_owned),
        }
    }
}

impl<S: AsRef<str>> Event<S> {
    /// The action as LeaseCloud sends it.
    pub fn name(&self) -> &str {
        self.kind.name()
    }

    /// The key to deduplicate deliveries on: the event id, the same on every retry (hashed in
    /// the unlikely case that it is longer than
    /// [`MAX_IDEMPOTENCY_KEY_LEN`](crate::MAX_IDEMPOTENCY_KEY_LEN) bytes).
    pub fn idempotency_key(&self) -> Cow<'_, str> {
        crate::key::bounded_key(Cow::Borrowed(self.id.as_ref()))
    }

    /// The order the event is about; `None` for tariff updates and unknown actions.
    pub fn order_id(&self) -> Option<&OrderId> {
        self.kind.order_id()
    }
}

crate::provider::webhook_event!(
    <S: AsRef<str>> Event<S>,
    id: |event| Some(event.id.as_ref()),
    unknown: Event { kind: EventKind::Unknown { .. }, .. }
);
id_event_impls!();

/// The same JSON as the owned [`Event`]'s.
impl Serialize for EventView<'_> {
    fn serialize<T: Serializer>(&self, serializer: T) -> Result<T::Ok, T::Error> {
        leasing::serialize_envelope(serializer, "Event", NAME_KEY, &self.id, &self.kind)
    }
}

impl<T: AsRef<str> + Serialize> Kind for EventKind<T> {
    fn kind_name(&self) -> &str {
        self.name()
    }

    fn serialize_kind_data<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            EventKind::OrderCreated(order) | EventKind::OrderStatusUpdated(order) => {
                order.serialize(serializer)
            }
            EventKind::OrderAccepted { order_id }
            | EventKind::OrderSigned { order_id }
            | EventKind::OrderDeliveryApproved { order_id } => {
                leasing::Data::Order(order_id).serialize(serializer)
            }
            EventKind::OrderDeclined { order_id, reason } => {
                leasing::Data::Declined(order_id, reason.as_ref()).serialize(serializer)
            }
            EventKind::TariffUpdated { tariffs } => {
                leasing::Data::Tariffs(tariffs).serialize(serializer)
            }
            EventKind::Unknown { data, .. } => leasing::Data::Raw(data).serialize(serializer),
        }
    }
}

impl<'de, S: EventText<'de>> Dispatch<'de> for EventKind<S> {
    fn deserialize_data<D: Deserializer<'de>>(name: &str, data: D) -> Result<Self, D::Error> {
        match name {
            "order.created" => Ok(EventKind::OrderCreated(Box::new(Order::deserialize(data)?))),
            "order.statusUpdated" => Ok(EventKind::OrderStatusUpdated(Box::new(
                Order::deserialize(data)?,
            ))),
            // The v1 actions, and unknown ones, are read exactly as Montly's events.
            _ => leasing::EventKind::deserialize_data(name, data).map(EventKind::from),
        }
    }
}
