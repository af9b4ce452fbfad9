//! Bodies shaped `{"id": …, "<name key>": "…", "data": {…}}` (LeaseCloud, Montly, EZQ), read in
//! two steps without buffering: the event name, then exactly one typed `data`.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::body::{Context, Parse, Reader};
use super::lenient::{IdText, Text};
use crate::order_id::OrderId;
use crate::ParseError;

/// An event whose `data` is typed by its name: implemented by each provider's event kind,
/// for bodies that live for `'de` (for every `'de` when the kind owns its text).
pub(crate) trait Dispatch<'de>: Sized {
    /// Deserializes the `data` of the event called `name`; a name it does not know becomes its
    /// `Unknown` variant, keeping `data` as raw JSON.
    fn deserialize_data<D: Deserializer<'de>>(name: &str, data: D) -> Result<Self, D::Error>;
}

/// What the envelope carried, with `data` already typed.
#[derive(Debug)]
pub(crate) struct Envelope<'de, K> {
    pub(crate) id: Option<Cow<'de, str>>,
    pub(crate) name: Cow<'de, str>,
    pub(crate) kind: K,
}

/// Types `data` that was read as raw JSON before the event name was known.
type Reparse<K> = fn(&str, &str) -> Result<K, serde_json::Error>;

fn reparse<K: for<'r> Dispatch<'r>>(name: &str, raw: &str) -> Result<K, serde_json::Error> {
    K::deserialize_data(name, &mut serde_json::Deserializer::from_str(raw))
}

/// Parses an envelope whose event name is under `name_key`, into a kind that owns its text.
///
/// When the name comes before `data`, as every provider sends it, `data` is typed in the same
/// pass; otherwise it is buffered once as raw JSON and typed when the name is known. On
/// failure the event id and name are read on their own (whatever their place, and however
/// broken the rest of the body), and the body is parsed again knowing the name, so the error
/// names the path of the failing value and its position in the body whatever the key order.
pub(crate) fn parse_envelope<'de, K: for<'r> Dispatch<'r>>(
    provider: &'static str,
    name_key: &'static str,
    body: &'de [u8],
) -> Result<Envelope<'de, K>, ParseError> {
    read_with(&mut Parse, provider, name_key, body, Some(reparse::<K>))
}

/// As [`parse_envelope`], with `reader`, into a kind that may borrow its text from `body`. A
/// `data` that comes before the name is not buffered (a buffer cannot lend, and what its
/// second reading skips would not be heard by a [`Collect`](super::unknown::Collect)): such a
/// body (no provider sends one) is read in the thorough pass, which knows the name from the
/// start.
pub(crate) fn read_envelope<'de, K: Dispatch<'de>>(
    reader: &mut impl Reader,
    provider: &'static str,
    name_key: &'static str,
    body: &'de [u8],
) -> Result<Envelope<'de, K>, ParseError> {
    read_with(reader, provider, name_key, body, None)
}

fn read_with<'de, K: Dispatch<'de>>(
    reader: &mut impl Reader,
    provider: &'static str,
    name_key: &'static str,
    body: &'de [u8],
    reparse: Option<Reparse<K>>,
) -> Result<Envelope<'de, K>, ParseError> {
    let seed = EnvelopeSeed::<K> {
        name_key,
        known_name: None,
        reparse,
    };
    reader.quick(body, seed).or_else(|()| {
        let scanned = scan(name_key, body);
        let context = Context {
            provider,
            event: scanned.name.as_deref(),
            id: scanned.id.as_deref(),
            order_id: scanned.order_id.as_ref(),
        };
        let seed = EnvelopeSeed::<K> {
            known_name: scanned.name.as_deref(),
            ..seed
        };
        reader.thorough(context, body, seed)
    })
}

/// Deserializes an envelope from any deserializer: the `Deserialize` of the providers' events.
pub(crate) fn deserialize_envelope<'de, K: for<'r> Dispatch<'r>, D: Deserializer<'de>>(
    name_key: &'static str,
    deserializer: D,
) -> Result<Envelope<'de, K>, D::Error> {
    EnvelopeSeed::<K> {
        name_key,
        known_name: None,
        reparse: Some(reparse::<K>),
    }
    .deserialize(deserializer)
}

struct EnvelopeSeed<'n, K> {
    name_key: &'static str,
    /// The event name when it was read beforehand: `data` is then typed wherever it appears.
    known_name: Option<&'n str>,
    /// How to type a `data` buffered before the name; `None` when the kind borrows from the
    /// body, which a buffer cannot lend.
    reparse: Option<Reparse<K>>,
}

impl<K> Clone for EnvelopeSeed<'_, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for EnvelopeSeed<'_, K> {}

impl<'de, K: Dispatch<'de>> DeserializeSeed<'de> for EnvelopeSeed<'_, K> {
    type Value = Envelope<'de, K>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, K: Dispatch<'de>> Visitor<'de> for EnvelopeSeed<'_, K> {
    type Value = Envelope<'de, K>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a webhook object with `{}` and `data`", self.name_key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut id: Option<Option<Cow<'de, str>>> = None;
        let mut name: Option<Cow<'de, str>> = None;
        let mut kind: Option<K> = None;
        let mut buffered: Option<Box<serde_json::value::RawValue>> = None;
        while let Some(key) = map.next_key::<Text<'de>>()? {
            let key = key.0;
            if key == "id" {
                if id.is_some() {
                    return Err(de::Error::duplicate_field("id"));
                }
                id = Some(map.next_value::<Option<IdText<'de>>>()?.map(|id| id.0));
            } else if key == self.name_key {
                if name.is_some() {
                    return Err(de::Error::duplicate_field(self.name_key));
                }
                name = Some(map.next_value::<Text<'de>>()?.0);
            } else if key == "data" {
                if kind.is_some() || buffered.is_some() {
                    return Err(de::Error::duplicate_field("data"));
                }
                match name.as_deref().or(self.known_name) {
                    Some(name) => kind = Some(map.next_value_seed(DataSeed::<K>::new(name))?),
                    None => buffered = Some(map.next_value()?),
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        let name = name.ok_or_else(|| de::Error::missing_field(self.name_key))?;
        let kind = match (kind, buffered) {
            (Some(kind), _) => kind,
            (None, Some(raw)) => match self.reparse {
                Some(reparse) => reparse(&name, raw.get())
                    .map_err(|error| de::Error::custom(format_args!("in `data`: {error}")))?,
                // Typed in the second pass, which knows the name from the start.
                None => {
                    return Err(de::Error::custom(format_args!(
                        "`data` comes before `{}`",
                        self.name_key
                    )))
                }
            },
            (None, None) => K::deserialize_data(&name, serde_json::Value::Null)
                .map_err(|_| de::Error::missing_field("data"))?,
        };
        Ok(Envelope {
            id: id.flatten(),
            name,
            kind,
        })
    }
}

struct DataSeed<'n, K> {
    name: &'n str,
    kind: PhantomData<K>,
}

impl<'n, K> DataSeed<'n, K> {
    fn new(name: &'n str) -> Self {
        DataSeed {
            name,
            kind: PhantomData,
        }
    }
}

impl<'de, K: Dispatch<'de>> DeserializeSeed<'de> for DataSeed<'_, K> {
    type Value = K;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K, D::Error> {
        K::deserialize_data(self.name, deserializer)
    }
}

/// What a body says of its event wherever the rest of it is broken: [`scan`]'s answer.
#[derive(Debug, Default)]
pub(crate) struct Scanned {
    /// The event id, when it is a string or a number.
    pub(crate) id: Option<String>,
    /// The event name, when it is a string.
    pub(crate) name: Option<String>,
    /// The order the event is about: `data.orderId` (the v1 events), else `data.id` (a whole
    /// order), when it is a string or a number.
    pub(crate) order_id: Option<OrderId>,
}

/// The event id, name and order id of a body, each when it is there as a string (or, for the
/// ids, a number), read up to the first point where the body stops being what they need: so a
/// body whose `data` is broken further on, or that ends early, still gives them.
pub(crate) fn scan(name_key: &'static str, body: &[u8]) -> Scanned {
    scan_with(name_key, body, true)
}

/// The event id of a body, read as [`scan`] reads it (without looking into `data`).
pub(crate) fn scan_id(name_key: &'static str, body: &[u8]) -> Option<String> {
    scan_with(name_key, body, false).id
}

fn scan_with(name_key: &'static str, body: &[u8], with_order: bool) -> Scanned {
    struct Scan<'s> {
        name_key: &'static str,
        with_order: bool,
        scanned: &'s mut Scanned,
    }
    impl<'de> DeserializeSeed<'de> for Scan<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_map(self)
        }
    }
    impl<'de> Visitor<'de> for Scan<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let (mut seen_id, mut seen_name, mut seen_data) = (false, false, false);
            while let Some(key) = map.next_key::<Text<'de>>()? {
                if key.0 == "id" && !seen_id {
                    seen_id = true;
                    self.scanned.id = map
                        .next_value::<Option<IdText<'_>>>()?
                        .map(|id| id.0.into_owned());
                } else if key.0 == self.name_key && !seen_name {
                    seen_name = true;
                    self.scanned.name = map.next_value::<Option<String>>()?;
                } else if key.0 == "data" && self.with_order && !seen_data {
                    seen_data = true;
                    self.scanned.order_id = order_id_in(&map.next_value()?);
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(())
        }
    }
    let mut scanned = Scanned::default();
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let _ = Scan {
        name_key,
        with_order,
        scanned: &mut scanned,
    }
    .deserialize(&mut deserializer);
    scanned
}

/// The order an event's `data` names where LeaseCloud, Montly and EZQ put it: `orderId` (the v1
/// events), else `id` (a whole order), when it is a string or an integer. Anything else, or a
/// `data` that is not an object, names none.
pub(crate) fn order_id_in(data: &serde_json::Value) -> Option<OrderId> {
    ["orderId", "id"]
        .iter()
        .find_map(|key| match data.get(key)? {
            serde_json::Value::String(id) => Some(OrderId::from(id.as_str())),
            serde_json::Value::Number(id) => id
                .as_u64()
                .map(OrderId::from)
                .or_else(|| id.as_i64().map(OrderId::from)),
            _ => None,
        })
}
