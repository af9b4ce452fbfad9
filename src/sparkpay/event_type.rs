//! [`EventType`]: the 30 webhook types a Spark Pay store can call, with Spark Pay's spelling.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// How long Spark Pay waits for the reply to an event that expects one; after that the store
/// treats the call as failed and applies the subscription's
/// [`FailureType`](crate::sparkpay::FailureType).
pub const REPLY_DEADLINE: Duration = Duration::from_secs(3);

macro_rules! event_types {
    ($( $(#[$doc:meta])* $name:ident, reply: $reply:literal; )*) => {
        /// A Spark Pay webhook type, as named in a subscription's `event_type`.
        ///
        /// Spark Pay names the event only through the URL the partner registered for it (one
        /// subscription, hence one URL, per event type), so the partner tells the crate which
        /// event a request is: route each registered URL to its `EventType`, or read it from the
        /// path with [`str::parse`].
        ///
        /// [`Display`](fmt::Display), [`FromStr`] and serde use Spark Pay's exact spelling
        /// (`GetTax`, `OrderPlaced`, …); an unknown name is an [`UnknownEventType`] error that
        /// lists the valid ones.
        ///
        /// ```
        /// use commerce_webhooks::sparkpay::EventType;
        ///
        /// let event: EventType = "GetTax".parse()?;
        /// assert_eq!(event, EventType::GetTax);
        /// assert!(event.expects_reply());
        /// assert_eq!(event.reply_deadline(), Some(std::time::Duration::from_secs(3)));
        /// assert_eq!(EventType::OrderPlaced.to_string(), "OrderPlaced");
        ///
        /// // The webhooks page's own example subscribes to "OrderPlace": refused, with a hint.
        /// let error = "OrderPlace".parse::<EventType>().unwrap_err();
        /// assert_eq!(error.suggestion(), Some(EventType::OrderPlaced));
        /// # Ok::<(), commerce_webhooks::sparkpay::UnknownEventType>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum EventType {
            $( $(#[$doc])* $name, )*
        }

        impl EventType {
            /// Every event type, in the order of Spark Pay's table.
            pub const ALL: [EventType; 30] = [$(EventType::$name,)*];

            /// The name exactly as Spark Pay spells it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(EventType::$name => stringify!($name),)*
                }
            }

            /// Whether Spark Pay waits for a typed JSON reply (within [`REPLY_DEADLINE`]);
            /// for the others, any 2xx status acknowledges the notification.
            pub const fn expects_reply(self) -> bool {
                match self {
                    $(EventType::$name => $reply,)*
                }
            }
        }
    };
}

event_types! {
    /// A payment is being authorized; reply with a
    /// [`PaymentReply`](crate::sparkpay::PaymentReply).
    AuthorizingPayment, reply: true;
    /// A payment is being captured; reply with a [`PaymentReply`](crate::sparkpay::PaymentReply).
    CapturingPayment, reply: true;
    /// A customer was created (Spark Pay 2020.3 and later).
    CustomerCreated, reply: false;
    /// A customer's email address changed (Spark Pay 2020.3 and later).
    CustomerEmailUpdated, reply: false;
    /// A customer's data changed (Spark Pay 2020.3 and later).
    CustomerUpdated, reply: false;
    /// A customer registered an account with the store.
    CustomerRegistered, reply: false;
    /// Discounts are being calculated for a cart; reply with a
    /// [`DiscountReply`](crate::sparkpay::DiscountReply).
    GetDiscount, reply: true;
    /// Prices are being calculated for products; reply with a
    /// [`PriceReply`](crate::sparkpay::PriceReply).
    GetPrice, reply: true;
    /// A product's status is being checked for display; reply with a
    /// [`ProductStatusReply`](crate::sparkpay::ProductStatusReply).
    GetProductStatus, reply: true;
    /// Tax is being calculated for a cart; reply with a [`TaxReply`](crate::sparkpay::TaxReply).
    GetTax, reply: true;
    /// An order of any status was created (Spark Pay 2020.3 and later).
    NewOrder, reply: false;
    /// A quote of any status was created (Spark Pay 2020.3 and later).
    NewQuote, reply: false;
    /// An order was created with a status other than cancelled or declined (Spark Pay 2020.3
    /// and later).
    NewValidOrder, reply: false;
    /// An order was approved. The first webhooks page says "marked with an Approved order
    /// status", the current one "an order payment has been approved"; the payload is the
    /// order either way.
    OrderApproved, reply: false;
    /// An order was marked with a Canceled order status.
    OrderCanceled, reply: false;
    /// An order was marked with a Declined order status.
    OrderDeclined, reply: false;
    /// A new order was placed.
    OrderPlaced, reply: false;
    /// An order was marked with a Shipped order status.
    OrderShipped, reply: false;
    /// An order's status changed (Spark Pay 2020.3 and later).
    OrderStatusChanged, reply: false;
    /// An order's data changed (Spark Pay 2020.3 and later).
    OrderUpdated, reply: false;
    /// A payment finished processing.
    PaymentProcessed, reply: false;
    /// A product was created (Spark Pay 2020.3 and later).
    ProductCreated, reply: false;
    /// A product's status changed.
    ProductStatusChanged, reply: false;
    /// A product's data changed (Spark Pay 2020.3 and later).
    ProductUpdated, reply: false;
    /// A quote's status changed (Spark Pay 2020.3 and later).
    QuoteStatusChanged, reply: false;
    /// A quote's data changed (Spark Pay 2020.3 and later).
    QuoteUpdated, reply: false;
    /// The current cart is being checked for errors; reply with a
    /// [`ValidationReply`](crate::sparkpay::ValidationReply).
    ValidateCart, reply: true;
    /// The checkout page is being checked for errors; reply with a
    /// [`ValidationReply`](crate::sparkpay::ValidationReply).
    ValidateCheckout, reply: true;
    /// Customer data is being changed and checked for errors; reply with a
    /// [`ValidationReply`](crate::sparkpay::ValidationReply).
    ValidateCustomer, reply: true;
    /// Product data is being changed and checked for errors; reply with a
    /// [`ValidationReply`](crate::sparkpay::ValidationReply).
    ValidateProduct, reply: true;
}

impl EventType {
    /// How long Spark Pay waits for the reply: [`REPLY_DEADLINE`] (3 seconds) for the events that
    /// expect one, `None` for notifications.
    ///
    /// Answer well within it: a late reply counts as a failure, and the store then ignores the
    /// webhook, shows the shopper an error, or calls the fallback URL, as the subscription's
    /// [`FailureType`](crate::sparkpay::FailureType) says.
    pub const fn reply_deadline(self) -> Option<Duration> {
        if self.expects_reply() {
            Some(REPLY_DEADLINE)
        } else {
            None
        }
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EventType {
    type Err = UnknownEventType;

    /// Parses Spark Pay's exact spelling; anything else is an [`UnknownEventType`].
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        EventType::ALL
            .into_iter()
            .find(|event| event.as_str() == name)
            .ok_or_else(|| UnknownEventType {
                name: name.to_owned(),
            })
    }
}

impl Serialize for EventType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EventType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl Visitor<'_> for NameVisitor {
            type Value = EventType;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Spark Pay event type name")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<EventType, E> {
                name.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(NameVisitor)
    }
}

/// A name that is not one of Spark Pay's event types.
///
/// Its message lists the valid names and, when the name looks like a typo of one, suggests it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEventType {
    name: String,
}

/// Names longer than this are not compared for a suggestion: no event type is close to them.
const MAX_SUGGESTION_INPUT: usize = 64;

impl UnknownEventType {
    /// The name that was given.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The event type the name most likely meant: the same name in another letter case, or one
    /// at most three single-letter edits away.
    pub fn suggestion(&self) -> Option<EventType> {
        if self.name.len() > MAX_SUGGESTION_INPUT {
            return None;
        }
        if let Some(event) = EventType::ALL
            .into_iter()
            .find(|event| event.as_str().eq_ignore_ascii_case(&self.name))
        {
            return Some(event);
        }
        EventType::ALL
            .into_iter()
            .map(|event| (edit_distance(&self.name, event.as_str()), event))
            .filter(|(distance, _)| *distance <= 3)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, event)| event)
    }
}

impl fmt::Display for UnknownEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A long name is cut in the message; `name()` still has all of it.
        let shown: String = self.name.chars().take(MAX_SUGGESTION_INPUT).collect();
        let cut = if shown.len() < self.name.len() {
            "…"
        } else {
            ""
        };
        write!(f, "`{shown}{cut}` is not a Spark Pay event type")?;
        if let Some(event) = self.suggestion() {
            write!(f, " (did you mean `{event}`?)")?;
        }
        f.write_str("; the event types are: ")?;
        for (index, event) in EventType::ALL.into_iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            f.write_str(event.as_str())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownEventType {}

/// Levenshtein distance over bytes; both inputs are short (checked by the caller).
fn edit_distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &ca) in a.as_bytes().iter().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = i + 1;
        }
        for (j, &cb) in b.iter().enumerate() {
            let substitute = previous
                .get(j)
                .map_or(usize::MAX, |d| d + usize::from(ca != cb));
            let delete = previous.get(j + 1).map_or(usize::MAX, |d| d + 1);
            let insert = current.get(j).map_or(usize::MAX, |d| d + 1);
            if let Some(cell) = current.get_mut(j + 1) {
                *cell = substitute.min(delete).min(insert);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(usize::MAX)
}
