//! Montly: signed webhooks about leasing orders and tariffs.
//!
//! Montly is LeaseCloud's earlier name. Its five events are the "v1" actions that
//! [`leasecloud`](crate::leasecloud) still knows, so the types they carry ([`OrderId`],
//! [`Tariff`]) are defined here once and shared with that module.
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
//! ([`ParseError::id`](crate::ParseError::id)), and the framework adapters' `Authenticated`
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
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::de::envelope::{self, Dispatch};
use crate::de::lenient::count;
use crate::headers::{self, HeaderKey, Headers};
use crate::{ParseError, Reply};

/// The header carrying the signature.
pub const SIGNATURE_HEADER: &str = "Montly-Signature";

/// The header carrying the API version (not covered by the signature).
pub const VERSION_HEADER: &str = "Montly-Version";

/// The API version in Montly's documented requests, sent by [`Webhook::sign_headers`].
pub const DOCUMENTED_VERSION: &str = "1.0.0";

const PROVIDER: &str = "Montly";
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
    read_version(headers, VERSION_HEADER)
}

/// A header value read as text, `None` when absent, repeated, too long or not UTF-8.
pub(crate) fn read_version<'a, H: Headers + ?Sized>(
    headers: &'a H,
    name: &'static str,
) -> Option<&'a str> {
    let value = headers::single(headers, name).ok()??;
    std::str::from_utf8(value).ok().map(str::trim)
}

// ---------------------------------------------------------------------------------------------
// The verifier.

crate::webhook::timestamped_webhook!(provider: "Montly", header: SIGNATURE);

impl Webhook {
    /// Montly retries until it gets a 200, whatever the body: an authentic event whose body
    /// does not parse is answered 200 once it is stored, so it is not sent 12 times over 7
    /// days.
    fn unparsed(_: &ParseError) -> Reply {
        Reply::ok()
    }
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

/// What a Montly event reports: its `type`, with the `data` typed.
///
/// Variant names are the event names in UpperCamelCase; fields are the JSON names in
/// snake_case.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventKind {
    /// `order.accepted`: Montly accepted the order and awaits the customer's signature.
    OrderAccepted {
        /// Which order.
        order_id: OrderId,
    },
    /// `order.declined`: Montly declined the order.
    OrderDeclined {
        /// Which order.
        order_id: OrderId,
        /// Why, in Montly's words; empty when Montly sent none (absent or `null`).
        reason: String,
    },
    /// `order.signed`: the customer signed; the products may be shipped.
    OrderSigned {
        /// Which order.
        order_id: OrderId,
    },
    /// `order.deliveryApproved`: the customer confirmed the products arrived.
    OrderDeliveryApproved {
        /// Which order.
        order_id: OrderId,
    },
    /// `tariff.updated`: the monthly tariffs changed.
    TariffUpdated {
        /// The new tariff for each lease length.
        tariffs: Vec<Tariff>,
    },
    /// An event this crate does not know yet, with its `data` kept as received.
    Unknown {
        /// The event name, as sent.
        name: String,
        /// The `data` member (`null` when absent).
        data: serde_json::Value,
    },
}

impl EventKind {
    /// The event name as Montly sends it, e.g. `"order.deliveryApproved"`.
    pub fn name(&self) -> &str {
        match self {
            EventKind::OrderAccepted { .. } => "order.accepted",
            EventKind::OrderDeclined { .. } => "order.declined",
            EventKind::OrderSigned { .. } => "order.signed",
            EventKind::OrderDeliveryApproved { .. } => "order.deliveryApproved",
            EventKind::TariffUpdated { .. } => "tariff.updated",
            EventKind::Unknown { name, .. } => name,
        }
    }

    /// The order the event is about; `None` for tariff updates and unknown events.
    pub fn order_id(&self) -> Option<&OrderId> {
        match self {
            EventKind::OrderAccepted { order_id }
            | EventKind::OrderDeclined { order_id, .. }
            | EventKind::OrderSigned { order_id }
            | EventKind::OrderDeliveryApproved { order_id } => Some(order_id),
            EventKind::TariffUpdated { .. } | EventKind::Unknown { .. } => None,
        }
    }

    /// The `data` member as Montly sends it, borrowed for writing.
    pub(crate) fn data(&self) -> Data<'_> {
        match self {
            EventKind::OrderAccepted { order_id }
            | EventKind::OrderSigned { order_id }
            | EventKind::OrderDeliveryApproved { order_id } => Data::Order(order_id),
            EventKind::OrderDeclined { order_id, reason } => Data::Declined(order_id, reason),
            EventKind::TariffUpdated { tariffs } => Data::Tariffs(tariffs),
            EventKind::Unknown { data, .. } => Data::Raw(data),
        }
    }
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
    /// not have the documented shape, including a missing or `null` event `id`: without it the
    /// event can be neither deduplicated nor acknowledged. It carries the event id and name
    /// when the body has them, wherever they are.
    pub fn parse(body: impl AsRef<[u8]>) -> Result<Self, ParseError> {
        let (id, kind) = parse_event(PROVIDER, NAME_KEY, body.as_ref())?;
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
        crate::provider::bounded_key(Cow::Borrowed(&self.id))
    }

    /// The order the event is about; `None` for tariff updates and unknown events.
    pub fn order_id(&self) -> Option<&OrderId> {
        self.kind.order_id()
    }

    fn from_request(request: &crate::Request<'_>) -> Result<Event, crate::Error> {
        Ok(Event::parse(request.body())?)
    }
}

id_event_impls!();

/// The trait implementations of an `Event { id, kind }` read from an envelope whose event
/// name is under `NAME_KEY`: Montly's, and LeaseCloud's, which is Montly's under a new name.
macro_rules! id_event_impls {
    () => {
        $crate::provider::webhook_event!(Event, id: |event| Some(&event.id));

        impl ::serde::Serialize for Event {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::montly::serialize_envelope(serializer, "Event", NAME_KEY, &self.id, &self.kind)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for Event {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let (id, kind) = $crate::montly::deserialize_event(NAME_KEY, deserializer)?;
                Ok(Event { id, kind })
            }
        }
    };
}

pub(crate) use id_event_impls;

/// An envelope's kind of event: the name and the typed `data` (Montly's and LeaseCloud's).
pub(crate) trait Kind {
    fn kind_name(&self) -> &str;
    fn serialize_kind_data<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

impl Kind for EventKind {
    fn kind_name(&self) -> &str {
        self.name()
    }

    fn serialize_kind_data<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.data().serialize(serializer)
    }
}

/// Writes `{"id": …, "<name key>": …, "data": …}`.
pub(crate) fn serialize_envelope<S: Serializer, K: Kind>(
    serializer: S,
    type_name: &'static str,
    name_key: &'static str,
    id: &str,
    kind: &K,
) -> Result<S::Ok, S::Error> {
    struct Data<'a, K>(&'a K);
    impl<K: Kind> Serialize for Data<'_, K> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            self.0.serialize_kind_data(serializer)
        }
    }
    let mut envelope = serializer.serialize_struct(type_name, 3)?;
    envelope.serialize_field("id", id)?;
    envelope.serialize_field(name_key, kind.kind_name())?;
    envelope.serialize_field("data", &Data(kind))?;
    envelope.end()
}

/// Reads an envelope with any deserializer, insisting on its event id.
pub(crate) fn deserialize_event<'de, K: for<'r> Dispatch<'r>, D: Deserializer<'de>>(
    name_key: &'static str,
    deserializer: D,
) -> Result<(String, K), D::Error> {
    let envelope = envelope::deserialize_envelope::<K, D>(name_key, deserializer)?;
    let id = envelope.id.ok_or_else(|| de::Error::missing_field("id"))?;
    Ok((id.into_owned(), envelope.kind))
}

/// Parses an envelope into a kind that owns its text, and insists on its event id.
pub(crate) fn parse_event<K: for<'r> Dispatch<'r>>(
    provider: &'static str,
    name_key: &'static str,
    body: &[u8],
) -> Result<(String, K), ParseError> {
    let envelope = envelope::parse_envelope::<K>(provider, name_key, body);
    require_id(provider, envelope).map(|(id, kind)| (id.into_owned(), kind))
}

/// Parses an envelope into a kind that borrows its text from `body`, and insists on its
/// event id.
pub(crate) fn parse_event_borrowed<'de, K: Dispatch<'de>>(
    provider: &'static str,
    name_key: &'static str,
    body: &'de [u8],
) -> Result<(Cow<'de, str>, K), ParseError> {
    let envelope = envelope::parse_envelope_borrowed::<K>(provider, name_key, body);
    require_id(provider, envelope)
}

fn require_id<'de, K>(
    provider: &'static str,
    envelope: Result<envelope::Envelope<'de, K>, ParseError>,
) -> Result<(Cow<'de, str>, K), ParseError> {
    let envelope = envelope?;
    match envelope.id {
        Some(id) => Ok((id, envelope.kind)),
        None => Err(
            crate::de::body::Context::new(provider, Some(&envelope.name)).error(
                "id",
                "missing field `id` (or it is null): the event id is needed to deduplicate and \
             acknowledge the event",
            ),
        ),
    }
}

impl<'de> Dispatch<'de> for EventKind {
    fn deserialize_data<D: Deserializer<'de>>(name: &str, data: D) -> Result<Self, D::Error> {
        Ok(match name {
            "order.accepted" => EventKind::OrderAccepted {
                order_id: OrderRef::deserialize(data)?.order_id,
            },
            "order.declined" => {
                let declined = Declined::deserialize(data)?;
                EventKind::OrderDeclined {
                    order_id: declined.order_id,
                    reason: declined.reason.unwrap_or_default(),
                }
            }
            "order.signed" => EventKind::OrderSigned {
                order_id: OrderRef::deserialize(data)?.order_id,
            },
            "order.deliveryApproved" => EventKind::OrderDeliveryApproved {
                order_id: OrderRef::deserialize(data)?.order_id,
            },
            "tariff.updated" => EventKind::TariffUpdated {
                tariffs: Tariffs::deserialize(data)?.tariffs,
            },
            _ => EventKind::Unknown {
                name: name.to_owned(),
                data: serde_json::Value::deserialize(data)?,
            },
        })
    }
}

/// `data` of the order events: `{"orderId": 42}`.
#[derive(Deserialize)]
struct OrderRef {
    #[serde(rename = "orderId")]
    order_id: OrderId,
}

/// `data` of `order.declined`.
#[derive(Deserialize)]
struct Declined {
    #[serde(rename = "orderId")]
    order_id: OrderId,
    #[serde(default)]
    reason: Option<String>,
}

/// `data` of `tariff.updated`.
#[derive(Deserialize)]
struct Tariffs {
    tariffs: Vec<Tariff>,
}

/// The `data` of a v1 event (Montly's, and LeaseCloud's of the same names), borrowed from the
/// event for writing it as sent: `{"orderId": …}`, `{"orderId": …, "reason": …}`,
/// `{"tariffs": […]}`, or an unknown event's data as received.
pub(crate) enum Data<'a> {
    Order(&'a OrderId),
    Declined(&'a OrderId, &'a str),
    Tariffs(&'a [Tariff]),
    Raw(&'a serde_json::Value),
}

impl Serialize for Data<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Data::Order(order_id) => {
                let mut data = serializer.serialize_struct("Data", 1)?;
                data.serialize_field("orderId", order_id)?;
                data.end()
            }
            Data::Declined(order_id, reason) => {
                let mut data = serializer.serialize_struct("Data", 2)?;
                data.serialize_field("orderId", order_id)?;
                data.serialize_field("reason", reason)?;
                data.end()
            }
            Data::Tariffs(tariffs) => {
                let mut data = serializer.serialize_struct("Data", 1)?;
                data.serialize_field("tariffs", tariffs)?;
                data.end()
            }
            Data::Raw(value) => value.serialize(serializer),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Shared models.

/// The monthly tariff for one lease length, from `tariff.updated`.
///
/// `tariff` is exact: `1.51` is the decimal 1.51, never a binary float.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tariff {
    /// The lease length in months.
    #[serde(deserialize_with = "count")]
    pub months: u32,
    /// The tariff for that length, as Montly sent it (e.g. `1.51`).
    #[serde(with = "crate::de::decimal::required")]
    pub tariff: Decimal,
}

/// An order id as the provider sent it: the number `42` in Montly's events, a string (often a
/// UUID) in LeaseCloud's orders.
///
/// Both forms are kept as text, so one type serves both and compares with either:
///
/// ```
/// use commerce_webhooks::montly::OrderId;
///
/// let number: OrderId = serde_json::from_str("42")?;
/// let text: OrderId = serde_json::from_str(r#""42""#)?;
/// assert_eq!(number, text);
/// assert_eq!(number, 42);
/// assert_eq!(text, "42");
/// assert_eq!(number.as_u64(), Some(42));
///
/// let uuid: OrderId = serde_json::from_str(r#""c1f0acd8-8e3e-4477-85d3-18337c3c92d6""#)?;
/// assert_eq!(uuid.as_u64(), None);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Equality, ordering and hashing use the text only; serializing writes the form that was
/// received (a number stays a number), so an id echoed back to the provider is unchanged.
#[derive(Clone)]
pub struct OrderId {
    text: String,
    sent_as_number: bool,
}

impl OrderId {
    /// The id as text (`"42"` for the number 42).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The id as a number when it is one: plain decimal digits with no sign or leading zero
    /// that fit in a `u64`, whichever form it was sent in.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_integer().and_then(|n| u64::try_from(n).ok())
    }

    /// The id as an integer when it is one, for comparing with integers of any type.
    fn as_integer(&self) -> Option<i128> {
        let digits = self.text.strip_prefix('-').unwrap_or(&self.text);
        let canonical = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'))
            && self.text != "-0";
        if canonical {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// Whether the provider sent the id as a JSON number.
    pub fn sent_as_number(&self) -> bool {
        self.sent_as_number
    }

    fn number(text: String) -> Self {
        OrderId {
            text,
            sent_as_number: true,
        }
    }

    pub(crate) fn string(text: String) -> Self {
        OrderId {
            text,
            sent_as_number: false,
        }
    }

    /// The number the id is written back as: when it was sent as a number and reads as a
    /// `u64` or an `i64`. Otherwise it is written as text.
    pub(crate) fn written_as_number(&self) -> Option<i128> {
        if !self.sent_as_number {
            return None;
        }
        let unsigned = self.text.parse::<u64>().map(i128::from);
        unsigned
            .or_else(|_| self.text.parse::<i64>().map(i128::from))
            .ok()
    }
}

impl fmt::Debug for OrderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.sent_as_number {
            write!(f, "OrderId({})", self.text)
        } else {
            write!(f, "OrderId({:?})", self.text)
        }
    }
}

impl fmt::Display for OrderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl AsRef<str> for OrderId {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl PartialEq for OrderId {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for OrderId {}

impl Hash for OrderId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl PartialOrd for OrderId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrderId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.text.cmp(&other.text)
    }
}

impl From<&str> for OrderId {
    fn from(text: &str) -> Self {
        OrderId::string(text.to_owned())
    }
}

impl From<String> for OrderId {
    fn from(text: String) -> Self {
        OrderId::string(text)
    }
}

impl PartialEq<str> for OrderId {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for OrderId {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<String> for OrderId {
    fn eq(&self, other: &String) -> bool {
        self.text == *other
    }
}

impl PartialEq<OrderId> for str {
    fn eq(&self, other: &OrderId) -> bool {
        other == self
    }
}

impl PartialEq<OrderId> for &str {
    fn eq(&self, other: &OrderId) -> bool {
        other == self
    }
}

impl PartialEq<OrderId> for String {
    fn eq(&self, other: &OrderId) -> bool {
        other == self
    }
}

/// `From` and both-way equality with an integer type, comparing with the id's decimal text.
macro_rules! order_id_integer {
    ($($int:ty),*) => {$(
        impl From<$int> for OrderId {
            fn from(number: $int) -> Self {
                OrderId::number(number.to_string())
            }
        }

        impl PartialEq<$int> for OrderId {
            fn eq(&self, other: &$int) -> bool {
                self.as_integer() == Some(i128::from(*other))
            }
        }

        impl PartialEq<OrderId> for $int {
            fn eq(&self, other: &OrderId) -> bool {
                other == self
            }
        }
    )*};
}

order_id_integer!(u32, u64, i32, i64);

impl Serialize for OrderId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(number) = self.written_as_number() else {
            return serializer.serialize_str(&self.text);
        };
        match (u64::try_from(number), i64::try_from(number)) {
            (Ok(unsigned), _) => serializer.serialize_u64(unsigned),
            (_, Ok(signed)) => serializer.serialize_i64(signed),
            _ => serializer.serialize_str(&self.text),
        }
    }
}

impl<'de> Deserialize<'de> for OrderId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderIdVisitor;
        impl Visitor<'_> for OrderIdVisitor {
            type Value = OrderId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an order id as a string or an integer")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OrderId, E> {
                Ok(OrderId::string(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<OrderId, E> {
                Ok(OrderId::string(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<OrderId, E> {
                Ok(OrderId::number(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<OrderId, E> {
                Ok(OrderId::number(v.to_string()))
            }
        }
        deserializer.deserialize_any(OrderIdVisitor)
    }
}
