//! The LeaseCloud order, as `order.created` and `order.statusUpdated` carry it and as
//! `GET /v2/orders/{orderId}` returns it.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use time::OffsetDateTime;

use crate::de::lenient::{self, count};
use crate::montly::OrderId;

/// A leasing order.
///
/// Amounts are integers in the currency's minor unit (öre for `SEK`): `23323` is 233.23 kr.
/// An amount that does not fit in an `i64` is a parse error naming its path.
///
/// Which fields are required: those every sample shows and that define the order (id, status,
/// the four amounts, currency, months, billing address, items, both dates). The organisation
/// number and the shipping address may be absent or `null`; so may every address line and the
/// optional item fields, as Montly's order table allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Order {
    /// LeaseCloud's id for the order (a UUID in the samples).
    pub id: OrderId,
    /// The customer's organisation number, e.g. `"5590894308"`.
    #[serde(default)]
    pub org_number: Option<String>,
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
    pub currency: String,
    /// The lease length in months.
    #[serde(deserialize_with = "count")]
    pub months: u32,
    /// Who is billed.
    pub billing: Address,
    /// Where the goods go; `None` when absent or `null`.
    #[serde(default)]
    pub shipping: Option<Address>,
    /// The order lines.
    pub items: Vec<Item>,
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
/// `Some("")`, exactly as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Address {
    /// Given name.
    pub first_name: Option<String>,
    /// Family name.
    pub last_name: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number, as typed by the customer.
    pub phone: Option<String>,
    /// Company name.
    pub company: Option<String>,
    /// Street address.
    pub address: Option<String>,
    /// Second street address line.
    pub address2: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State, where applicable.
    pub state: Option<String>,
    /// Postal code (a number is accepted and kept as its digits).
    #[serde(deserialize_with = "crate::de::lenient::opt_text")]
    pub postal_code: Option<String>,
    /// Two-letter country code, e.g. `"SE"`.
    pub country: Option<String>,
}

/// One order line. Amounts are in minor units, VAT excluded unless named VAT.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Item {
    /// Product name.
    pub name: String,
    /// The partner's product id (a number is accepted and kept as its digits).
    #[serde(deserialize_with = "crate::de::lenient::id_string")]
    pub product_id: String,
    /// Article number; LeaseCloud sends it, Montly's orders do not.
    #[serde(default)]
    pub article_nr: Option<String>,
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
    #[serde(default)]
    pub sku: Option<String>,
    /// Variation id, when sent.
    #[serde(default)]
    pub variation_id: Option<String>,
    /// Serial number, when sent.
    #[serde(default)]
    pub serial_number: Option<String>,
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
