//! The LeaseCloud order, as `order.created` and `order.statusUpdated` carry it and as
//! `GET /v2/orders/{orderId}` returns it.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use time::OffsetDateTime;

use crate::de::lenient::{self, count};
use crate::order_id::OrderId;
use crate::EventText;

/// A leasing order.
///
/// Amounts are integers in the currency's minor unit (öre for `SEK`): `23323` is 233.23 kr.
/// An amount that does not fit in an `i64` is a parse error naming its path.
///
/// Which fields are required: those every sample shows and that define the order (id, status,
/// the four amounts, currency, months, billing address, items, both dates). The organisation
/// number and the shipping address may be absent or `null`; so may every address line and the
/// optional item fields, as Montly's order table allows.
///
/// `S` is the type of the order's text: `String`, or `Cow<'_, str>` borrowed from the body in
/// an [`EventView`](super::EventView) (see [`EventText`]). The order id and status are owned
/// either way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", bound(deserialize = "S: EventText<'de>"))]
#[non_exhaustive]
pub struct Order<S = String> {
    /// LeaseCloud's id for the order (a UUID in the samples).
    pub id: OrderId,
    /// The customer's organisation number, e.g. `"5590894308"`.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub org_number: Option<S>,
    /// Where the order stands.
    pub status: OrderStatus,
    /// The total the customer pays, VAT excluded, in minor units.
    #[serde(deserialize_with = "lenient::i64")]
    pub total_amount: i64,
    /// The VAT on the total, in minor units (`VAT`).
    #[serde(rename = "VAT", deserialize_with = "lenient::i64")]
    pub vat: i64,
    /// The shipping cost, VAT excluded, in minor units.
    #[serde(deserialize_with = "lenient::i64")]
    pub shipping_amount: i64,
    /// The VAT on shipping, in minor units (`shippingVAT`).
    #[serde(rename = "shippingVAT", deserialize_with = "lenient::i64")]
    pub shipping_vat: i64,
    /// The ISO 4217 currency of every amount, e.g. `"SEK"`.
    #[serde(deserialize_with = "lenient::string")]
    pub currency: S,
    /// The lease length in months.
    #[serde(deserialize_with = "count")]
    pub months: u32,
    /// Who is billed.
    pub billing: Address<S>,
    /// Where the goods go; `None` when absent or `null`.
    #[serde(default)]
    pub shipping: Option<Address<S>>,
    /// The order lines.
    pub items: Vec<Item<S>>,
    /// When the order was created.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// When the order last changed.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
}

/// A billing or shipping address.
///
/// Every line is optional: a missing line and `null` are `None`; an empty string is kept as
/// `Some("")`, exactly as sent. `S` is the text type, as in [`Order`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", bound(deserialize = "S: EventText<'de>"))]
#[non_exhaustive]
pub struct Address<S = String> {
    /// Given name.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub first_name: Option<S>,
    /// Family name.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub last_name: Option<S>,
    /// E-mail address.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub email: Option<S>,
    /// Phone number, as typed by the customer.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub phone: Option<S>,
    /// Company name.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub company: Option<S>,
    /// Street address.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub address: Option<S>,
    /// Second street address line.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub address2: Option<S>,
    /// City.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub city: Option<S>,
    /// State, where applicable.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub state: Option<S>,
    /// Postal code (a number is accepted and kept as its digits).
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub postal_code: Option<S>,
    /// Two-letter country code, e.g. `"SE"`.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub country: Option<S>,
}

impl<S> Order<S> {
    /// The same order with every text converted by `convert` (how a borrowed view becomes
    /// owned). Every field is named, so a new one cannot be forgotten here.
    pub(crate) fn map_text<T>(self, convert: &mut impl FnMut(S) -> T) -> Order<T> {
        let Order {
            id,
            org_number,
            status,
            total_amount,
            vat,
            shipping_amount,
            shipping_vat,
            currency,
            months,
            billing,
            shipping,
            items,
            created_at,
            updated_at,
        } = self;
        Order {
            id,
            org_number: org_number.map(&mut *convert),
            status,
            total_amount,
            vat,
            shipping_amount,
            shipping_vat,
            currency: convert(currency),
            months,
            billing: billing.map_text(convert),
            shipping: shipping.map(|address| address.map_text(convert)),
            items: items
                .into_iter()
                .map(|item| item.map_text(convert))
                .collect(),
            created_at,
            updated_at,
        }
    }
}

impl<S> Address<S> {
    /// The same address with every text converted by `convert`.
    pub(crate) fn map_text<T>(self, convert: &mut impl FnMut(S) -> T) -> Address<T> {
        let Address {
            first_name,
            last_name,
            email,
            phone,
            company,
            address,
            address2,
            city,
            state,
            postal_code,
            country,
        } = self;
        Address {
            first_name: first_name.map(&mut *convert),
            last_name: last_name.map(&mut *convert),
            email: email.map(&mut *convert),
            phone: phone.map(&mut *convert),
            company: company.map(&mut *convert),
            address: address.map(&mut *convert),
            address2: address2.map(&mut *convert),
            city: city.map(&mut *convert),
            state: state.map(&mut *convert),
            postal_code: postal_code.map(&mut *convert),
            country: country.map(&mut *convert),
        }
    }
}

// Not derived: a derived `Default` would ask `S: Default`, which the models never need.
impl<S> Default for Address<S> {
    fn default() -> Self {
        Address {
            first_name: None,
            last_name: None,
            email: None,
            phone: None,
            company: None,
            address: None,
            address2: None,
            city: None,
            state: None,
            postal_code: None,
            country: None,
        }
    }
}

/// One order line. Amounts are in minor units, VAT excluded unless named VAT. `S` is the text
/// type, as in [`Order`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", bound(deserialize = "S: EventText<'de>"))]
#[non_exhaustive]
pub struct Item<S = String> {
    /// Product name.
    #[serde(deserialize_with = "lenient::string")]
    pub name: S,
    /// The partner's product id (a number is accepted and kept as its digits).
    #[serde(deserialize_with = "lenient::id_string")]
    pub product_id: S,
    /// Article number; LeaseCloud sends it, Montly's orders do not.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub article_nr: Option<S>,
    /// How many units.
    #[serde(deserialize_with = "count")]
    pub quantity: u32,
    /// The price of one unit.
    #[serde(deserialize_with = "lenient::i64")]
    pub unit_amount: i64,
    /// `quantity × unit_amount`.
    #[serde(deserialize_with = "lenient::i64")]
    pub total_amount: i64,
    /// The VAT on the line total (`VAT`).
    #[serde(rename = "VAT", deserialize_with = "lenient::i64")]
    pub vat: i64,
    /// Stock keeping unit, when sent.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub sku: Option<S>,
    /// Variation id, when sent.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub variation_id: Option<S>,
    /// Serial number, when sent.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub serial_number: Option<S>,
}

impl<S> Item<S> {
    /// The same line with every text converted by `convert`.
    pub(crate) fn map_text<T>(self, convert: &mut impl FnMut(S) -> T) -> Item<T> {
        let Item {
            name,
            product_id,
            article_nr,
            quantity,
            unit_amount,
            total_amount,
            vat,
            sku,
            variation_id,
            serial_number,
        } = self;
        Item {
            name: convert(name),
            product_id: convert(product_id),
            article_nr: article_nr.map(&mut *convert),
            quantity,
            unit_amount,
            total_amount,
            vat,
            sku: sku.map(&mut *convert),
            variation_id: variation_id.map(&mut *convert),
            serial_number: serial_number.map(&mut *convert),
        }
    }
}

/// Where a LeaseCloud order stands.
///
/// LeaseCloud documents the upper-case spellings (`PENDING`, `OK`, `DONE`, `CANCELLED`). They
/// are matched without regard to case, because Montly, LeaseCloud's earlier API, wrote its
/// statuses in lower case (`pending`, `cancelled`); serializing writes the documented
/// spelling. Any other status is kept verbatim in [`OrderStatus::Other`].
///
/// ```
/// use commerce_webhooks::leasecloud::OrderStatus;
///
/// let status: OrderStatus = serde_json::from_str(r#""PENDING""#)?;
/// assert_eq!(status, OrderStatus::Pending);
/// let status: OrderStatus = serde_json::from_str(r#""ON_HOLD""#)?;
/// assert_eq!(status, OrderStatus::Other("ON_HOLD".to_owned()));
/// assert_eq!(serde_json::to_string(&status)?, r#""ON_HOLD""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OrderStatus {
    /// `PENDING`: received, but not yet signed by the customer or authorized by the leasing
    /// company. Do not ship.
    Pending,
    /// `OK`: every requirement is met; the order can be shipped.
    Ok,
    /// `DONE`: fulfilled and the contract started; the partner can no longer change it.
    Done,
    /// `CANCELLED`: the order was cancelled.
    Cancelled,
    /// A status this crate does not know, exactly as sent.
    Other(String),
}

impl OrderStatus {
    /// The status as LeaseCloud documents it (`"PENDING"`, …), or as sent for
    /// [`OrderStatus::Other`].
    pub fn as_str(&self) -> &str {
        match self {
            OrderStatus::Pending => "PENDING",
            OrderStatus::Ok => "OK",
            OrderStatus::Done => "DONE",
            OrderStatus::Cancelled => "CANCELLED",
            OrderStatus::Other(status) => status,
        }
    }

    fn from_known(text: &str) -> Option<Self> {
        [
            OrderStatus::Pending,
            OrderStatus::Ok,
            OrderStatus::Done,
            OrderStatus::Cancelled,
        ]
        .into_iter()
        .find(|status| status.as_str().eq_ignore_ascii_case(text))
    }
}

impl From<&str> for OrderStatus {
    fn from(text: &str) -> Self {
        OrderStatus::from_known(text).unwrap_or_else(|| OrderStatus::Other(text.to_owned()))
    }
}

impl From<String> for OrderStatus {
    fn from(text: String) -> Self {
        OrderStatus::from_known(&text).unwrap_or(OrderStatus::Other(text))
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for OrderStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for OrderStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatusVisitor;
        impl Visitor<'_> for StatusVisitor {
            type Value = OrderStatus;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an order status string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OrderStatus, E> {
                Ok(OrderStatus::from(v))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<OrderStatus, E> {
                Ok(OrderStatus::from(v))
            }
        }
        deserializer.deserialize_str(StatusVisitor)
    }
}
