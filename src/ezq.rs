//! EZQ Venture: order webhooks signed with an HMAC-SHA256 of the raw body.
//!
//! EZQ sends `x-signature`, the HMAC-SHA256 of the raw request body keyed with the webhook
//! application's secret key. The page does not say how the MAC is encoded, so
//! [`Webhook`] accepts 64 hex digits of either case and base64 (see
//! [`scheme::body_hmac`](crate::scheme::body_hmac)). The body is
//! `{"event": "<name>", "data": <Order>}`; the event name selects the [`Event`] variant, and every
//! order event carries the full typed [`Order`].
//!
//! # When an authentic body does not parse
//!
//! EZQ retries three times, a minute apart, unless it gets a 200. Keep the raw body and answer
//! 200: [`Error::Parse`](crate::Error::Parse) names the event
//! ([`ParseError::event`](crate::ParseErrorDetails::event)), and the framework adapters'
//! `Authenticated` extractor hands the body over and answers for you.
//!
//! # Retries and replays
//!
//! EZQ expects status **200**; any other answer is retried 3 times, one minute apart. Nothing
//! timestamped is signed, so there is no replay window to enforce: a recorded request stays
//! valid for ever. Deduplicate on [`Event::idempotency_key`] instead, which is the same for a
//! retry and for a replay of the same delivery. For the same reason there is no clock to pass:
//! [`Webhook::verify`] is the whole check.
//!
//! ```
//! use commerce_webhooks::scheme::body_hmac;
//! use commerce_webhooks::{ezq, Secret};
//!
//! let hook = ezq::Webhook::new(Secret::new("ezq_secret_key")?);
//!
//! // What EZQ sends (here signed with the crate's own signer).
//! let body = br#"{"event":"order.completed","data":{"id":7,"slugId":"7-abc","totalPrice":"150.00",
//!   "totalPayable":150,"currency":"MYR","status":"completed","isPaid":true,"isConfirmed":true,
//!   "createdAt":"2023-10-27T11:04:27.763Z","items":[]}}"#;
//! let signature = body_hmac::sign(&Secret::new("ezq_secret_key")?, body);
//! let headers = [("x-signature", signature.as_str())];
//!
//! match hook.verify(&headers, body)? {
//!     ezq::Event::OrderCompleted(order) => {
//!         assert_eq!(order.slug_id, "7-abc");
//!         assert_eq!(order.total_price, rust_decimal::Decimal::new(15000, 2));
//!     }
//!     other => println!("not handled: {}", other.name()),
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::time::Duration;

use rust_decimal::Decimal;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::OffsetDateTime;

use crate::de::envelope::{self, Dispatch};
use crate::de::lenient;
use crate::de::string_enum;
use crate::de::unknown::Collect;
use crate::headers::HeaderKey;
use crate::key::content_key;
use crate::scheme::body_hmac;
use crate::webhook::{EventName, InHeader, Sealed, Spec};
use crate::{ParseError, Reply, Secret};

/// The header that carries the body's HMAC.
pub const SIGNATURE_HEADER: &str = "x-signature";

const NAME_KEY: &str = "event";

static SIGNATURE: HeaderKey = HeaderKey::new(SIGNATURE_HEADER, "x-signature");

const ORDER_MARKETPLACE_CONFIRMED: &str = "order_marketplace.confirmed";
const ORDER_PROCESSING: &str = "order.processing";
const ORDER_SUBMITTED: &str = "order.submitted";
const ORDER_EXECUTED: &str = "order.executed";
const ORDER_COMPLETED: &str = "order.completed";

// ---------------------------------------------------------------------------------------------
// Verification.

/// Verifies EZQ webhooks and parses them into [`Event`]s: see [`webhook::Webhook`](crate::webhook::Webhook).
///
/// EZQ signs no time, so there is no replay window and no clock to pass: [`Webhook::verify`]
/// and [`Webhook::verify_signature`] are all it takes.
pub type Webhook = crate::webhook::Webhook<Ezq>;

/// What EZQ sends, for [`Webhook`]: `x-signature` with an HMAC of the body, the event name
/// under `event`.
#[derive(Debug, Clone, Copy)]
pub enum Ezq {}

impl Sealed for Ezq {}

impl Spec for Ezq {
    const NAME: &'static str = "EZQ";

    /// "There will be 3 retries after the first request if it is return other than 200. The
    /// interval between call is 1 minute." The last retry comes about 3 minutes after the
    /// first attempt; an hour leaves room for slow attempts and queued deliveries.
    const REDELIVERY_WINDOW: Duration = Duration::from_secs(60 * 60);

    type Scheme = body_hmac::Verifier;
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

    /// EZQ retries three times unless it gets a 200: an authentic event whose body does not
    /// parse is answered 200 once it is stored.
    fn unparsed_reply(_: &ParseError) -> Reply {
        Reply::ok()
    }

    fn acknowledgement(_: &[u8]) -> Reply {
        Reply::ok()
    }

    fn unknown_fields_named(_: Option<&str>, body: &[u8]) -> Result<Vec<String>, ParseError> {
        let mut collect = Collect::default();
        envelope::read_envelope::<Event>(&mut collect, Ezq::NAME, NAME_KEY, body)?;
        Ok(collect.into_paths())
    }
}

impl Webhook {
    /// The header EZQ would send with `body` signed by `secret` (lower-case hex). For a
    /// partner's own tests.
    pub fn sign_headers(secret: &Secret, body: impl AsRef<[u8]>) -> [(&'static str, String); 1] {
        [(SIGNATURE_HEADER, body_hmac::sign(secret, body))]
    }
}

// ---------------------------------------------------------------------------------------------
// Events.

/// An EZQ webhook, typed by the body's `event`.
///
/// Every order event carries the whole order as EZQ sends it. An event name this version of the
/// crate does not know is [`Event::Unknown`], with its `data` kept as raw JSON. Serializes to
/// `{"event": …, "data": …}`, which [`Event::parse`] reads back to an equal event.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// `order_marketplace.confirmed`: EZQ Venture confirmed the order's payment.
    OrderMarketplaceConfirmed(Order),
    /// `order.processing`: an order item is being processed (the order is being assigned to an
    /// animal).
    OrderProcessing(Order),
    /// `order.submitted`: the order's animal was submitted to the slaughterhouse.
    OrderSubmitted(Order),
    /// `order.executed`: the execution time of the order's animal is confirmed.
    OrderExecuted(Order),
    /// `order.completed`: the order is completed, its time and location confirmed.
    OrderCompleted(Order),
    /// An event name this version of the crate does not know.
    Unknown {
        /// The `event` as received.
        name: String,
        /// The `data` as received (`null` when the body has none).
        data: serde_json::Value,
    },
}

impl Event {
    /// Parses a body without verifying it: for tests, and for bodies verified earlier with
    /// [`Webhook::verify_signature`] and queued.
    ///
    /// # Errors
    /// [`ParseError`] naming the event and the JSON path that failed.
    pub fn parse(body: impl AsRef<[u8]>) -> Result<Event, ParseError> {
        envelope::parse_envelope::<Event>(Ezq::NAME, NAME_KEY, body.as_ref())
            .map(|envelope| envelope.kind)
    }

    /// The event name exactly as EZQ sends it, e.g. `order.completed`.
    pub fn name(&self) -> &str {
        match self {
            Event::OrderMarketplaceConfirmed(_) => ORDER_MARKETPLACE_CONFIRMED,
            Event::OrderProcessing(_) => ORDER_PROCESSING,
            Event::OrderSubmitted(_) => ORDER_SUBMITTED,
            Event::OrderExecuted(_) => ORDER_EXECUTED,
            Event::OrderCompleted(_) => ORDER_COMPLETED,
            Event::Unknown { name, .. } => name,
        }
    }

    /// The order the event is about; `None` for [`Event::Unknown`].
    pub fn order(&self) -> Option<&Order> {
        match self {
            Event::OrderMarketplaceConfirmed(order)
            | Event::OrderProcessing(order)
            | Event::OrderSubmitted(order)
            | Event::OrderExecuted(order)
            | Event::OrderCompleted(order) => Some(order),
            Event::Unknown { .. } => None,
        }
    }

    /// A key that is the same for every delivery of one event (EZQ's retries, or a replay of a
    /// recorded request) and differs between events: store it and drop a request whose key you
    /// have already processed.
    ///
    /// EZQ sends no event id, so the key is a digest of the event: `sha256:` and the hex of a
    /// SHA-256 over its name and its whole typed content. Two events that differ in any value
    /// the crate reads (an item that moved on, a payment) get different keys; the key never
    /// holds body text, so it can be logged. A [`Delivery`](crate::Delivery)'s key (what the
    /// duplicate guard uses) is a digest of the body as received, and so also tells apart two
    /// bodies that differ only in a field this crate does not read.
    pub fn idempotency_key(&self) -> Cow<'_, str> {
        content_key(self.name(), self)
    }
}

// EZQ sends no event id.
crate::provider::webhook_event!(Event, id: |_event| None, unknown: Event::Unknown { .. });

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut envelope = serializer.serialize_struct("Event", 2)?;
        envelope.serialize_field(NAME_KEY, self.name())?;
        match self {
            Event::Unknown { data, .. } => envelope.serialize_field("data", data)?,
            _ => envelope.serialize_field("data", &self.order())?,
        }
        envelope.end()
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        envelope::deserialize_envelope::<Event, D>(NAME_KEY, deserializer)
            .map(|envelope| envelope.kind)
    }
}

impl<'de> Dispatch<'de> for Event {
    fn deserialize_data<D: Deserializer<'de>>(name: &str, data: D) -> Result<Self, D::Error> {
        Ok(match name {
            ORDER_MARKETPLACE_CONFIRMED => {
                Event::OrderMarketplaceConfirmed(Order::deserialize(data)?)
            }
            ORDER_PROCESSING => Event::OrderProcessing(Order::deserialize(data)?),
            ORDER_SUBMITTED => Event::OrderSubmitted(Order::deserialize(data)?),
            ORDER_EXECUTED => Event::OrderExecuted(Order::deserialize(data)?),
            ORDER_COMPLETED => Event::OrderCompleted(Order::deserialize(data)?),
            _ => Event::Unknown {
                name: name.to_owned(),
                data: serde_json::Value::deserialize(data)?,
            },
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The order.

string_enum! {
    /// The status of an order, of an order item, or of an item's history entry.
    ///
    /// The page shows only `pending_payment`; every other value is kept in [`Status::Other`]
    /// with EZQ's exact spelling.
    pub enum Status {
        /// `pending_payment`: the order awaits payment.
        PendingPayment = "pending_payment",
    }
}

string_enum! {
    /// How a payment transaction was paid.
    ///
    /// The page shows only `BANK_TRANSFER`; every other value is kept in
    /// [`PaymentMethod::Other`] with EZQ's exact spelling.
    pub enum PaymentMethod {
        /// `BANK_TRANSFER`.
        BankTransfer = "BANK_TRANSFER",
    }
}

/// An EZQ order, as every order event carries it.
///
/// Amounts are exact decimals (MYR has cents) and may arrive as numbers or strings; ids may
/// arrive as numbers or strings; a timestamp that is `null` or absent is `None`. Serializing an
/// `Order` gives EZQ's field names back (amounts as decimal strings, times in RFC 3339), which
/// [`Event::parse`] reads again.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    /// EZQ's numeric order id.
    #[serde(deserialize_with = "lenient::i64")]
    pub id: i64,
    /// EZQ's public order reference, e.g. `1-byq2lz`.
    #[serde(deserialize_with = "crate::de::lenient::id_string")]
    pub slug_id: String,
    /// The order's price.
    #[serde(with = "crate::de::decimal::required")]
    pub total_price: Decimal,
    /// The amount the buyer has to pay.
    #[serde(with = "crate::de::decimal::required")]
    pub total_payable: Decimal,
    /// ISO 4217 code of the amounts, e.g. `MYR`.
    pub currency: String,
    /// The order's status.
    pub status: Status,
    /// Whether the order is paid.
    #[serde(deserialize_with = "lenient::bool")]
    pub is_paid: bool,
    /// When it was paid.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub paid_at: Option<OffsetDateTime>,
    /// Whether EZQ confirmed the order.
    #[serde(deserialize_with = "lenient::bool")]
    pub is_confirmed: bool,
    /// When EZQ confirmed it.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub confirmed_at: Option<OffsetDateTime>,
    /// When the order was placed.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// The buyer's notes.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub notes: Option<String>,
    /// A reference (a UUID in the page's sample).
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub reference_id: Option<String>,
    /// Who bought; every field `None` when EZQ sends `null`.
    #[serde(default, deserialize_with = "crate::de::lenient::null_as_default")]
    pub buyer: Buyer,
    /// The order's items; empty when EZQ sends `null`.
    #[serde(default, deserialize_with = "crate::de::lenient::null_as_default")]
    pub items: Vec<OrderItem>,
    /// The payment, with its transactions; `None` when EZQ sends none (e.g. an unpaid order).
    #[serde(default)]
    pub payment: Option<Payment>,
}

/// The buyer of an order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Buyer {
    /// The buyer's name.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub name: Option<String>,
    /// The buyer's e-mail address.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub email: Option<String>,
    /// The buyer's phone number, as text (also when sent as a number).
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub phone_number: Option<String>,
}

/// One entry of an order's `items`: the item, the package bought, and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderItem {
    /// The item's identity and status.
    pub item: Item,
    /// The package bought.
    pub package: Package,
    /// Details of the execution; every field `None` when EZQ sends `null`.
    #[serde(default, deserialize_with = "crate::de::lenient::null_as_default")]
    pub additional_info: AdditionalInfo,
    /// Where to ship; `None` when EZQ sends none.
    #[serde(default)]
    pub shipping_address: Option<Address>,
    /// The item's status changes, as EZQ lists them; empty when EZQ sends `null`.
    #[serde(default, deserialize_with = "crate::de::lenient::null_as_default")]
    pub histories: Vec<History>,
}

/// An order item's identity and status.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// EZQ's numeric item id.
    #[serde(deserialize_with = "lenient::i64")]
    pub id: i64,
    /// EZQ's public item reference.
    #[serde(deserialize_with = "crate::de::lenient::id_string")]
    pub slug_id: String,
    /// The item's status.
    pub status: Status,
}

/// The package an order item is for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Package {
    /// EZQ's numeric package id.
    #[serde(deserialize_with = "lenient::i64")]
    pub id: i64,
    /// EZQ's public package reference.
    #[serde(deserialize_with = "crate::de::lenient::id_string")]
    pub slug_id: String,
    /// The package's name.
    #[serde(deserialize_with = "crate::de::lenient::id_string")]
    pub name: String,
    /// How many were bought.
    #[serde(deserialize_with = "lenient::i64")]
    pub quantity: i64,
    /// The package's image (a URL).
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub image: Option<String>,
}

/// Details of an order item's execution. The page types every field as a string and gives no
/// format, so each is kept as the text received.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AdditionalInfo {
    /// The category ids, as sent.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub category_ids: Option<String>,
    /// The country of execution.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub execution_country: Option<String>,
    /// The place of execution.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub execution_location: Option<String>,
    /// The date of execution, as sent (the page gives no format).
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub execution_date: Option<String>,
    /// The date of execution in the Hijri calendar, as sent.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub execution_hijri_date: Option<String>,
    /// The participant's name.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub participant_name: Option<String>,
}

/// A shipping address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// The recipient's name.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub name: Option<String>,
    /// The recipient's e-mail address.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub email: Option<String>,
    /// The recipient's phone number, as text.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub phone_number: Option<String>,
    /// First address line.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub address_line1: Option<String>,
    /// Second address line.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub address_line2: Option<String>,
    /// Third address line.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub address_line3: Option<String>,
    /// The postcode, as text (also when sent as a number, leading zeros are the sender's).
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub postcode: Option<String>,
    /// The city.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub city: Option<String>,
    /// The state.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub state: Option<String>,
    /// The country.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub country: Option<String>,
}

/// One status change of an order item.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct History {
    /// The status the item moved to.
    pub status: Status,
    /// When.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
}

/// An order's payment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    /// EZQ's public payment reference, e.g. `1-byq2lz`.
    #[serde(deserialize_with = "crate::de::lenient::id_string")]
    pub slug_id: String,
    /// The amount due.
    #[serde(with = "crate::de::decimal::required")]
    pub total_amount: Decimal,
    /// The amount paid so far.
    #[serde(with = "crate::de::decimal::required")]
    pub total_paid: Decimal,
    /// ISO 4217 code of the amounts.
    pub currency: String,
    /// The payments made; empty when EZQ sends `null`.
    #[serde(default, deserialize_with = "crate::de::lenient::null_as_default")]
    pub transactions: Vec<Transaction>,
}

/// One payment towards an order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    /// The `slugId` of the order paid for.
    #[serde(deserialize_with = "crate::de::lenient::id_string")]
    pub order_slug_id: String,
    /// The amount paid.
    #[serde(with = "crate::de::decimal::required")]
    pub paid_amount: Decimal,
    /// When it was paid.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub paid_at: Option<OffsetDateTime>,
    /// ISO 4217 code of the amount.
    pub currency: String,
    /// How it was paid.
    pub payment_method: PaymentMethod,
    /// The payment's reference number (e.g. the bank's).
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub reference_number: Option<String>,
    /// Remarks on the payment.
    #[serde(default, deserialize_with = "crate::de::lenient::opt_text")]
    pub remarks: Option<String>,
}
