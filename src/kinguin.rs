//! Kinguin: product and order webhooks authenticated by a shared secret.
//!
//! Kinguin puts the secret configured in its dashboard, as is, in `X-Event-Secret`, and the
//! event name in `X-Event-Name`; the body is the event's JSON object. [`Webhook`] compares the
//! secret in constant time (several secrets may be configured while one is rotated), then reads
//! the name and parses the body into one typed [`Event`].
//!
//! # What to answer
//!
//! Any 2xx with an empty body; Kinguin recommends **204 No Content**. A failure is retried a few
//! times, then the webhook is dropped, and an endpoint that fails too often may be disabled.
//!
//! So an authentic body this crate cannot read is best kept and answered 204 too: refusing it
//! loses it after the retries and counts against the endpoint. [`Error::Parse`](crate::Error::Parse)
//! names the event ([`ParseError::event`](crate::ParseErrorDetails::event)); the framework adapters'
//! `Authenticated` extractor hands the body over and answers 204 for you.
//!
//! # Order of delivery and repeats
//!
//! Kinguin sends webhooks asynchronously and does not preserve their order: a product's or an
//! order's older update can arrive after a newer one. Store the `updatedAt`
//! ([`Event::updated_at`]) you last applied per product or order, and ignore an event that is
//! not newer. Retries repeat a delivery: drop repeats with [`Event::idempotency_key`]. Nothing
//! ties the secret to the body or to a time, so a recorded request can be replayed for ever;
//! the `updatedAt` check above also makes a replay harmless.
//!
//! # The dashboard's TEST URL button
//!
//! The button sends a request with the secret and without `X-Event-Name` (Kinguin does not
//! document it; this is inferred). [`Webhook::verify`] returns [`Event::Test`] for it: answer
//! 204 and do nothing. Configure the secret at Kinguin before pressing the button: a request
//! without the right secret is refused like any other.
//!
//! ```
//! use commerce_webhooks::{kinguin, Secret};
//!
//! let hook = kinguin::Webhook::new(Secret::new("kinguin-secret")?);
//!
//! let body = br#"{"orderId":"PHS84FJAG5U","orderExternalId":"AL2FEEHOO2OHF",
//!   "status":"canceled","updatedAt":"2020-10-16T11:24:08.025+00:00"}"#;
//! let headers = [("X-Event-Name", "order.status"), ("X-Event-Secret", "kinguin-secret")];
//!
//! match hook.verify(&headers, body)? {
//!     kinguin::Event::OrderStatus(change) => {
//!         assert_eq!(change.order_id, "PHS84FJAG5U");
//!         assert_eq!(change.status, kinguin::Status::Canceled);
//!     }
//!     kinguin::Event::Test => { /* the dashboard's TEST URL button: answer 204 */ }
//!     other => println!("not handled: {:?}", other.name()),
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use time::OffsetDateTime;

use crate::de::body::{self, Context, Parse, Reader};
use crate::de::lenient::{self, IdText};
use crate::de::string_enum;
use crate::de::unknown::Collect;
use crate::headers::HeaderKey;
use crate::key::content_key;
use crate::scheme::shared_secret;
use crate::webhook::{EventName, InHeader, Sealed, Spec};
use crate::{ParseError, Reply, Secret};

/// The header that carries the configured secret.
pub const SECRET_HEADER: &str = "X-Event-Secret";

/// The header that carries the event name.
pub const NAME_HEADER: &str = "X-Event-Name";

static SECRET: HeaderKey = HeaderKey::new(SECRET_HEADER, "x-event-secret");
static NAME: HeaderKey = HeaderKey::new(NAME_HEADER, "x-event-name");

const PRODUCT_UPDATE: &str = "product.update";
const ORDER_COMPLETE: &str = "order.complete";
const ORDER_STATUS: &str = "order.status";

/// The idempotency key of [`Event::Test`]: it has nothing to deduplicate, and no real event's
/// key looks like it (theirs are digests, `sha256:…`).
const TEST_KEY: &str = "test";

// ---------------------------------------------------------------------------------------------
// Verification.

/// Verifies Kinguin webhooks and parses them into [`Event`]s: see [`webhook::Webhook`](crate::webhook::Webhook).
///
/// Kinguin signs no time, so there is no clock to pass: [`Webhook::verify`] and
/// [`Webhook::verify_signature`] are all it takes.
pub type Webhook = crate::webhook::Webhook<Kinguin>;

/// What Kinguin sends, for [`Webhook`]: the secret itself in `X-Event-Secret`, the event name
/// in `X-Event-Name`.
#[derive(Debug, Clone, Copy)]
pub enum Kinguin {}

impl Sealed for Kinguin {}

impl Spec for Kinguin {
    const NAME: &'static str = "Kinguin";

    /// "After the first failure response we will try to resend webhook a couple of times at
    /// appropriate intervals": the pages give no bound, so a day, which covers a few retries
    /// at any interval a sender would call appropriate. A duplicate guard takes another window
    /// where a partner knows better.
    const REDELIVERY_WINDOW: Duration = Duration::from_secs(24 * 60 * 60);

    type Scheme = shared_secret::Verifier;
    type Credential = InHeader;
    const CREDENTIAL: InHeader = InHeader(&SECRET);

    type Event = Event;
    type EventView<'a> = Event;

    const EVENT_NAME: EventName = EventName::Header(&NAME);

    /// [`Event::Test`] without an `X-Event-Name` (the body is then not read, so an empty or
    /// non-JSON test body succeeds), else the named event. A name that cannot be read (sent
    /// twice, not UTF-8) is a [`ParseError`]: the secret matched, so the request is
    /// authentic, and it is kept like any other that does not parse.
    fn parse_named(name: Option<&str>, body: &[u8]) -> Result<Event, ParseError> {
        match name {
            None => Ok(Event::Test),
            Some(name) => Event::parse(name, body),
        }
    }

    fn parse_view_named(name: Option<&str>, body: &[u8]) -> Result<Event, ParseError> {
        Kinguin::parse_named(name, body)
    }

    /// Kinguin wants a 2xx with an empty body, and may disable an endpoint that fails too
    /// often: an authentic event whose body does not parse is answered 204 once it is stored.
    fn unparsed_reply(_: &ParseError) -> Reply {
        Reply::no_content()
    }

    fn acknowledgement(_: &[u8]) -> Reply {
        Reply::no_content()
    }

    /// None for the TEST URL request, whose body is not read.
    fn unknown_fields_named(name: Option<&str>, body: &[u8]) -> Result<Vec<String>, ParseError> {
        let Some(name) = name else {
            return Ok(Vec::new());
        };
        let mut collect = Collect::default();
        Event::read(&mut collect, name, body)?;
        Ok(collect.into_paths())
    }
}

impl Webhook {
    /// The headers Kinguin would send for an event called `event_name` with `secret`
    /// configured: `X-Event-Name` and `X-Event-Secret`. For a partner's own tests.
    pub fn sign_headers(secret: &Secret, event_name: &str) -> [(&'static str, String); 2] {
        [
            (NAME_HEADER, event_name.to_owned()),
            (
                SECRET_HEADER,
                String::from_utf8_lossy(secret.expose()).into_owned(),
            ),
        ]
    }
}

// ---------------------------------------------------------------------------------------------
// Events.

/// A Kinguin webhook, typed by its `X-Event-Name`.
///
/// Serializes to the body alone, as Kinguin sends it (the name travels in the header):
/// [`Event::parse`] with [`Event::name`] beside it reads it back to an equal event.
/// [`Event::Test`], which has no body, serializes to `{}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// `product.update`: a product changed, went out of stock, or got a new offer.
    ProductUpdate(ProductUpdate),
    /// `order.complete`: an order was dispatched and its keys are ready to download. Kinguin's
    /// current page no longer lists it (`order.status` with `completed` replaces it); it is
    /// still typed for endpoints that receive it.
    OrderComplete(OrderComplete),
    /// `order.status`: an order's status changed.
    OrderStatus(OrderStatus),
    /// The dashboard's TEST URL button: the right secret and no `X-Event-Name`. Answer 2xx and
    /// do nothing. Only [`Webhook::verify`] gives it, after the secret matched;
    /// [`Event::parse`] never does.
    Test,
    /// An event name this version of the crate does not know.
    Unknown {
        /// The `X-Event-Name` as received.
        name: String,
        /// The body as received.
        data: serde_json::Value,
    },
}

impl Event {
    /// Parses `body` as the event called `name` (the `X-Event-Name` value), without checking
    /// the secret: for tests, and for requests checked earlier with
    /// [`Webhook::verify_signature`] and queued. Never gives [`Event::Test`]: a name that is
    /// not known, even an empty one, gives [`Event::Unknown`].
    ///
    /// # Errors
    /// [`ParseError`] naming the event and the JSON path that failed.
    pub fn parse(name: &str, body: impl AsRef<[u8]>) -> Result<Event, ParseError> {
        Event::read(&mut Parse, name, body.as_ref())
    }

    /// Reads `body` with `reader` as the event called `name`.
    pub(crate) fn read(
        reader: &mut impl Reader,
        name: &str,
        body: &[u8],
    ) -> Result<Event, ParseError> {
        let context = Context::new(Kinguin::NAME, Some(name));
        Ok(match name {
            PRODUCT_UPDATE => Event::ProductUpdate(body::read(reader, context, body)?),
            ORDER_COMPLETE => Event::OrderComplete(body::read(reader, context, body)?),
            ORDER_STATUS => Event::OrderStatus(body::read(reader, context, body)?),
            _ => Event::Unknown {
                name: name.to_owned(),
                data: body::read(reader, context, body)?,
            },
        })
    }

    /// The event name as Kinguin sends it in `X-Event-Name`; `""` for [`Event::Test`], which
    /// comes without one.
    pub fn name(&self) -> &str {
        match self {
            Event::ProductUpdate(_) => PRODUCT_UPDATE,
            Event::OrderComplete(_) => ORDER_COMPLETE,
            Event::OrderStatus(_) => ORDER_STATUS,
            Event::Test => "",
            Event::Unknown { name, .. } => name,
        }
    }

    /// When the change happened, to drop an event that arrives after a newer one about the
    /// same product or order; `None` for [`Event::Test`] and [`Event::Unknown`].
    pub fn updated_at(&self) -> Option<OffsetDateTime> {
        match self {
            Event::ProductUpdate(update) => Some(update.updated_at),
            Event::OrderComplete(complete) => Some(complete.updated_at),
            Event::OrderStatus(change) => Some(change.updated_at),
            Event::Test | Event::Unknown { .. } => None,
        }
    }

    /// A key that is the same for every delivery of one event and differs between events:
    /// store it and drop a request whose key you have already processed.
    ///
    /// Kinguin sends no event id, so the key is a digest of the event: `sha256:` and the hex of
    /// a SHA-256 over its name and its whole typed content, so two updates of one product
    /// within the same `updatedAt` instant still get different keys, and the key never holds
    /// body text. [`Event::Test`]'s key is `test`: it has nothing to deduplicate. A
    /// [`Delivery`](crate::Delivery)'s key (what the duplicate guard uses) is a digest of the
    /// body as received, and so also tells apart two bodies that differ only in a field this
    /// crate does not read.
    ///
    /// Kinguin does not keep its deliveries in order: to drop an update older than one already
    /// applied, compare [`Event::version`] per [`Event::subject`].
    pub fn idempotency_key(&self) -> Cow<'_, str> {
        match self {
            Event::Test => Cow::Borrowed(TEST_KEY),
            _ => content_key(self.name(), self),
        }
    }

    /// What the event is about, to apply its updates in order: the product of
    /// `product.update`, the order of `order.status` and `order.complete`; `None` for
    /// [`Event::Test`] and unknown events.
    pub fn subject(&self) -> Option<Subject<'_>> {
        match self {
            Event::ProductUpdate(update) => Some(Subject::Product(&update.product_id)),
            Event::OrderComplete(complete) => Some(Subject::Order(&complete.order_id)),
            Event::OrderStatus(change) => Some(Subject::Order(&change.order_id)),
            Event::Test | Event::Unknown { .. } => None,
        }
    }

    /// The subject's version this event brings: its `updatedAt`. Kinguin asks receivers to
    /// apply updates in that order, and does not deliver them in it: keep the last version
    /// applied per [`Event::subject`] and drop an event that is not newer.
    ///
    /// ```
    /// use std::collections::HashMap;
    /// use commerce_webhooks::kinguin::Event;
    ///
    /// let newer = Event::parse("order.status", r#"{"orderId":"A1","status":"completed","updatedAt":"2020-10-16T11:30:00Z"}"#)?;
    /// let older = Event::parse("order.status", r#"{"orderId":"A1","status":"processing","updatedAt":"2020-10-16T11:24:08Z"}"#)?;
    ///
    /// let mut applied = HashMap::new();
    /// for event in [newer, older] {
    ///     let (Some(subject), Some(version)) = (event.subject(), event.version()) else { continue };
    ///     let last = applied.entry(subject.to_string()).or_insert(version);
    ///     if *last > version {
    ///         continue; // stale: a newer update of the same order was applied
    ///     }
    ///     *last = version;
    ///     println!("apply {:?}", event.name());
    /// }
    /// assert_eq!(applied["order:A1"].hour(), 11);
    /// assert_eq!(applied["order:A1"].minute(), 30);
    /// # Ok::<(), commerce_webhooks::ParseError>(())
    /// ```
    pub fn version(&self) -> Option<OffsetDateTime> {
        self.updated_at()
    }
}

// Kinguin sends no event id.
crate::provider::webhook_event!(Event, id: |_event| None, unknown: Event::Unknown { .. });

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Event::ProductUpdate(update) => update.serialize(serializer),
            Event::OrderComplete(complete) => complete.serialize(serializer),
            Event::OrderStatus(change) => change.serialize(serializer),
            Event::Test => serde_json::Map::new().serialize(serializer),
            Event::Unknown { data, .. } => data.serialize(serializer),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Payloads.

/// The body of `product.update`.
///
/// Kinguin's current page sends `qty`, `textQty` and `cheapestOfferId`; its earlier page named
/// `price`, `totalQty`, `offersCount`, `status`, `releaseDate` and `merchantName` as the fields
/// whose change triggers the webhook. Each is `None` when the body does not carry it, so both
/// shapes parse. `updatedAt` is accepted with or without milliseconds.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductUpdate {
    /// Kinguin's product id.
    #[serde(deserialize_with = "lenient::i64")]
    pub kinguin_id: i64,
    /// Kinguin's other product id.
    #[serde(deserialize_with = "crate::de::lenient::id_string")]
    pub product_id: String,
    /// The total quantity of the cheapest offers.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub qty: Option<i64>,
    /// The quantity of `text` serials.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub text_qty: Option<i64>,
    /// The ids of the cheapest offers (a single id sent as a string is read as a list of one).
    #[serde(default, deserialize_with = "opt_id_list")]
    pub cheapest_offer_id: Option<Vec<String>>,
    /// The price.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub price: Option<Decimal>,
    /// The total quantity of all offers.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub total_qty: Option<i64>,
    /// How many offers the product has.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub offers_count: Option<i64>,
    /// The product's status, as sent (Kinguin documents no values for it).
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub status: Option<String>,
    /// The release date, as sent (Kinguin's API writes dates as `Y-m-d`; the webhook page gives
    /// no format, so the text is kept rather than risk refusing a delivery over it).
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub release_date: Option<String>,
    /// The merchant's name.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub merchant_name: Option<String>,
    /// When the product changed.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
}

/// The body of `order.complete` (deprecated by Kinguin in favour of `order.status`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderComplete {
    /// Kinguin's order id.
    #[serde(deserialize_with = "crate::de::lenient::id_string")]
    pub order_id: String,
    /// Your reference for the order, when you gave one when placing it.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub order_external_id: Option<String>,
    /// When the order was completed.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
}

/// The body of `order.status`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderStatus {
    /// Kinguin's order id.
    #[serde(deserialize_with = "crate::de::lenient::id_string")]
    pub order_id: String,
    /// Your reference for the order, when you gave one when placing it.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub order_external_id: Option<String>,
    /// The order's new status.
    pub status: Status,
    /// When the status changed.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
}

string_enum! {
    /// A Kinguin order's status (the Order Statuses of Kinguin's Orders API).
    pub enum Status {
        /// `processing`: waiting for the keys to be delivered.
        Processing = "processing",
        /// `completed`: all keys have been delivered.
        Completed = "completed",
        /// `canceled`: the order was canceled.
        Canceled = "canceled",
        /// `refunded`: the order was refunded.
        Refunded = "refunded",
    }
}

/// A list of ids that may arrive as a list, as one id, or as `null`.
fn opt_id_list<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<String>>, D::Error> {
    struct IdListVisitor;
    impl<'de> Visitor<'de> for IdListVisitor {
        type Value = Option<Vec<String>>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of ids, one id, or null")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(IdListVisitor)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(vec![v.to_owned()]))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(vec![v.to_string()]))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(vec![v.to_string()]))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            // The hint comes from the body; cap it so a hostile length cannot reserve much.
            let mut ids = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
            while let Some(id) = seq.next_element::<IdText<'_>>()? {
                ids.push(id.0.into_owned());
            }
            Ok(Some(ids))
        }
    }
    deserializer.deserialize_any(IdListVisitor)
}

/// What a Kinguin event is about: a product (by its `productId`) or an order (by its
/// `orderId`). Its text form, `product:{productId}` or `order:{orderId}`, keys a map of the
/// last version applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject<'a> {
    /// A product, by Kinguin's `productId`.
    Product(&'a str),
    /// An order, by Kinguin's `orderId`.
    Order(&'a str),
}

impl fmt::Display for Subject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Product(id) => write!(f, "product:{id}"),
            Subject::Order(id) => write!(f, "order:{id}"),
        }
    }
}
