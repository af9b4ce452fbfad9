//! [`OrderId`]: an order id as a provider sent it, a number or a string.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

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
