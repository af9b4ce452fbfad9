//! What LeaseCloud and Montly share. Montly is LeaseCloud's earlier name: Montly's five events
//! are the "v1" actions LeaseCloud still sends, with the same data, under `type` in Montly's
//! envelope and `action` in LeaseCloud's. Both sign with the timestamped scheme and send an
//! API version header. Both provider modules build on this one; neither imports the other.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::de::body::{Context, Reader};
use crate::de::envelope::{self, Dispatch};
use crate::de::lenient::count;
use crate::headers::{self, Headers};
use crate::key::is_usable_id;
use crate::order_id::OrderId;
use crate::scheme::timestamped;
use crate::webhook::{InHeader, Spec, Webhook};
use crate::{ParseError, Secret};

/// What a provider that speaks this API declares besides its [`Spec`].
pub trait Leasing: Spec<Credential = InHeader, Scheme = timestamped::Verifier> {
    /// The header carrying the API version (not covered by the signature).
    const VERSION_HEADER: &'static str;
    /// The API version in the provider's documented requests.
    const DOCUMENTED_VERSION: &'static str;
}

impl<P: Leasing> Webhook<P> {
    /// The headers the provider would send with `body` signed by `secret` at `unix_seconds`:
    /// the signature, and the version its pages document. For a partner's own tests.
    pub fn sign_headers(
        secret: &Secret,
        unix_seconds: i64,
        body: impl AsRef<[u8]>,
    ) -> [(&'static str, String); 2] {
        [
            (
                P::CREDENTIAL.0.name(),
                timestamped::sign(secret, unix_seconds, body),
            ),
            (P::VERSION_HEADER, P::DOCUMENTED_VERSION.to_owned()),
        ]
    }
}

/// A header value read as text, `None` when absent, repeated, too long or not UTF-8.
pub(crate) fn read_version<'a, H: Headers + ?Sized>(
    headers: &'a H,
    name: &'static str,
) -> Option<&'a str> {
    let value = headers::single(headers, name).ok()??;
    std::str::from_utf8(value).ok().map(str::trim)
}

/// What an event of this API reports: its name, with the `data` typed. Montly's event kinds,
/// and LeaseCloud's v1 actions.
///
/// Variant names are the event names in UpperCamelCase; fields are the JSON names in
/// snake_case.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventKind {
    /// `order.accepted`: the order was accepted and awaits the customer's signature.
    OrderAccepted {
        /// Which order.
        order_id: OrderId,
    },
    /// `order.declined`: the order was declined.
    OrderDeclined {
        /// Which order.
        order_id: OrderId,
        /// Why, in the provider's words; empty when none was sent (absent or `null`).
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
    /// The event name as sent, e.g. `"order.deliveryApproved"`.
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

    /// The `data` member as sent, borrowed for writing.
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

/// The trait implementations of an `Event { id, kind }` read from an envelope whose event
/// name is under `NAME_KEY`: Montly's, and LeaseCloud's owned event.
macro_rules! id_event_impls {
    () => {
        impl ::serde::Serialize for Event {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::leasing::serialize_envelope(
                    serializer, "Event", NAME_KEY, &self.id, &self.kind,
                )
            }
        }

        impl<'de> ::serde::Deserialize<'de> for Event {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                let (id, kind) = $crate::leasing::deserialize_event(NAME_KEY, deserializer)?;
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
    if !is_usable_id(&id) {
        return Err(de::Error::invalid_value(
            de::Unexpected::Str(&id),
            &"an event id that is not blank",
        ));
    }
    Ok((id.into_owned(), envelope.kind))
}

/// Parses an envelope into a kind that owns its text, and insists on its event id.
pub(crate) fn parse_event<K: for<'r> Dispatch<'r>>(
    provider: &'static str,
    name_key: &'static str,
    body: &[u8],
) -> Result<(String, K), ParseError> {
    let envelope = envelope::parse_envelope::<K>(provider, name_key, body);
    require_id(provider, name_key, body, envelope).map(|(id, kind)| (id.into_owned(), kind))
}

/// Reads an envelope with `reader` into a kind that may borrow its text from `body`, and
/// insists on its event id.
pub(crate) fn read_event<'de, K: Dispatch<'de>>(
    reader: &mut impl Reader,
    provider: &'static str,
    name_key: &'static str,
    body: &'de [u8],
) -> Result<(Cow<'de, str>, K), ParseError> {
    let envelope = envelope::read_envelope::<K>(reader, provider, name_key, body);
    require_id(provider, name_key, body, envelope)
}

fn require_id<'de, K>(
    provider: &'static str,
    name_key: &'static str,
    body: &[u8],
    envelope: Result<envelope::Envelope<'de, K>, ParseError>,
) -> Result<(Cow<'de, str>, K), ParseError> {
    let envelope = envelope?;
    let message = match envelope.id {
        Some(id) if is_usable_id(&id) => return Ok((id, envelope.kind)),
        Some(_) => {
            "the event id is empty: it is needed to deduplicate and acknowledge the event, and \
             an empty one would merge every event that lacks one"
        }
        None => {
            "missing field `id` (or it is null): the event id is needed to deduplicate and \
             acknowledge the event"
        }
    };
    let scanned = envelope::scan(name_key, body);
    Err(Context::new(provider, Some(&envelope.name))
        .error("id", message)
        .with_order_id(scanned.order_id))
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
