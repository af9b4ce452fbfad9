//! Decoding shared by the providers: the two-step envelope dispatch, error paths, and lenient
//! field decoders for what providers actually send (ids as number or string, `""` for a missing
//! value, 0/1 flags).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use crate::ParseError;

// ---------------------------------------------------------------------------------------------
// Parsing a whole body, with the JSON path of a failure.

/// Deserializes `body` into `T`; on failure, parses again with path tracking so the error names
/// the JSON path. The success path pays nothing for the tracking.
pub(crate) fn from_slice<'de, T: Deserialize<'de>>(
    provider: &'static str,
    event: Option<&str>,
    body: &'de [u8],
) -> Result<T, ParseError> {
    serde_json::from_slice(body).map_err(|_| slow_error::<T>(provider, event, body))
}

/// Deserializes `body` into `T` through a seed; same error handling as [`from_slice`].
pub(crate) fn from_slice_seed<'de, S>(
    provider: &'static str,
    event: Option<&str>,
    body: &'de [u8],
    seed: S,
) -> Result<S::Value, ParseError>
where
    S: DeserializeSeed<'de> + Clone,
{
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let fast = seed
        .clone()
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    fast.map_err(|_| {
        let mut deserializer = serde_json::Deserializer::from_slice(body);
        let mut track = serde_path_to_error::Track::new();
        let tracked = serde_path_to_error::Deserializer::new(&mut deserializer, &mut track);
        let error = match seed.deserialize(tracked) {
            Ok(_) => deserializer.end().err(),
            Err(error) => Some(error),
        };
        match error {
            Some(error) => parse_error(provider, event, json_path(&track.path()), &error),
            None => ParseError::new(provider, event, ".", "the body could not be parsed"),
        }
    })
}

/// The path as text; serde_path_to_error writes `?` for a failure outside any value (the body
/// is not JSON at all, or it is empty), which reads better as the document itself.
fn json_path(path: &serde_path_to_error::Path) -> String {
    match path.to_string().as_str() {
        "?" | "" => ".".to_owned(),
        path => path.to_owned(),
    }
}

fn slow_error<'de, T: Deserialize<'de>>(
    provider: &'static str,
    event: Option<&str>,
    body: &'de [u8],
) -> ParseError {
    from_slice_seed(provider, event, body, PhantomData::<T>)
        .err()
        .unwrap_or_else(|| ParseError::new(provider, event, ".", "the body could not be parsed"))
}

fn parse_error(
    provider: &'static str,
    event: Option<&str>,
    path: String,
    error: &serde_json::Error,
) -> ParseError {
    let mut parse_error = ParseError::new(provider, event, path, strip_position(error));
    parse_error.line = error.line();
    parse_error.column = error.column();
    parse_error
}

/// serde_json's message without its trailing " at line L column C", which `ParseError` keeps
/// in fields of its own.
fn strip_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(cut) => message.get(..cut).unwrap_or(&message).to_owned(),
        None => message,
    }
}

// ---------------------------------------------------------------------------------------------
// The envelope: `{ "id": …, "<name key>": "…", "data": { … } }`, dispatched in one pass.

/// An event whose `data` is typed by its name: implemented by each provider's event kind.
pub(crate) trait Dispatch: Sized {
    /// Deserializes the `data` of the event called `name`; a name it does not know becomes its
    /// `Unknown` variant, keeping `data` as raw JSON.
    fn deserialize_data<'de, D: Deserializer<'de>>(name: &str, data: D) -> Result<Self, D::Error>;
}

/// What the envelope carried, with `data` already typed.
#[derive(Debug)]
pub(crate) struct Envelope<K> {
    pub(crate) id: Option<String>,
    pub(crate) name: String,
    pub(crate) kind: K,
}

/// Parses an envelope whose event name is under `name_key`, in one pass when the name comes
/// before `data` (as every provider sends it); otherwise `data` is buffered once as raw JSON and
/// typed after the name is known.
///
/// A body that is valid UTF-8 (every real one) is checked once up front and read as text:
/// serde_json then reads its strings without validating each again, which is most of the cost
/// of a string-heavy body. Any failure is reported from a second, path-tracking pass over the
/// bytes, so errors do not depend on which path was taken.
pub(crate) fn parse_envelope<K: Dispatch>(
    provider: &'static str,
    name_key: &'static str,
    body: &[u8],
) -> Result<Envelope<K>, ParseError> {
    let seed = EnvelopeSeed::<K> {
        name_key,
        kind: PhantomData,
    };
    let fast = match std::str::from_utf8(body) {
        Ok(text) => {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            seed.deserialize(&mut deserializer)
                .and_then(|envelope| deserializer.end().map(|()| envelope))
        }
        Err(_) => {
            let mut deserializer = serde_json::Deserializer::from_slice(body);
            seed.deserialize(&mut deserializer)
                .and_then(|envelope| deserializer.end().map(|()| envelope))
        }
    };
    fast.map_err(|_| {
        let event = event_name(name_key, body);
        from_slice_seed(provider, event.as_deref(), body, seed)
            .err()
            .unwrap_or_else(|| {
                ParseError::new(
                    provider,
                    event.as_deref(),
                    ".",
                    "the body could not be parsed",
                )
            })
    })
}

struct EnvelopeSeed<K> {
    name_key: &'static str,
    kind: PhantomData<K>,
}

impl<K> Clone for EnvelopeSeed<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for EnvelopeSeed<K> {}

impl<'de, K: Dispatch> DeserializeSeed<'de> for EnvelopeSeed<K> {
    type Value = Envelope<K>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, K: Dispatch> Visitor<'de> for EnvelopeSeed<K> {
    type Value = Envelope<K>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a webhook object with `{}` and `data`", self.name_key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut id: Option<String> = None;
        let mut name: Option<String> = None;
        let mut kind: Option<K> = None;
        let mut buffered: Option<Box<serde_json::value::RawValue>> = None;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let key = key.0;
            if key == "id" {
                if id.is_some() {
                    return Err(de::Error::duplicate_field("id"));
                }
                id = map.next_value::<Option<IdString>>()?.map(|id| id.0);
            } else if key == self.name_key {
                if name.is_some() {
                    return Err(de::Error::duplicate_field(self.name_key));
                }
                name = Some(map.next_value()?);
            } else if key == "data" {
                if kind.is_some() || buffered.is_some() {
                    return Err(de::Error::duplicate_field("data"));
                }
                match &name {
                    Some(name) => kind = Some(map.next_value_seed(DataSeed::<K>::new(name))?),
                    None => buffered = Some(map.next_value::<Box<serde_json::value::RawValue>>()?),
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        let name = name.ok_or_else(|| de::Error::missing_field(self.name_key))?;
        let kind = match (kind, buffered) {
            (Some(kind), _) => kind,
            (None, Some(raw)) => {
                let mut data = serde_json::Deserializer::from_str(raw.get());
                K::deserialize_data(&name, &mut data)
                    .map_err(|error| de::Error::custom(format_args!("in `data`: {error}")))?
            }
            (None, None) => K::deserialize_data(&name, serde_json::Value::Null)
                .map_err(|_| de::Error::missing_field("data"))?,
        };
        Ok(Envelope { id, name, kind })
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

impl<'de, K: Dispatch> DeserializeSeed<'de> for DataSeed<'_, K> {
    type Value = K;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K, D::Error> {
        K::deserialize_data(self.name, deserializer)
    }
}

/// A map key, borrowed from the body when it has no escapes.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(v.into()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(v.to_owned().into()))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Reads only the event name from a body, for naming it in an error.
fn event_name(name_key: &'static str, body: &[u8]) -> Option<String> {
    struct NameOnly(&'static str);
    impl<'de> DeserializeSeed<'de> for NameOnly {
        type Value = Option<String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_map(self)
        }
    }
    impl<'de> Visitor<'de> for NameOnly {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut name = None;
            while let Some(key) = map.next_key::<Key<'de>>()? {
                if key.0 == self.0 && name.is_none() {
                    name = map.next_value::<Option<String>>()?;
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(name)
        }
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    NameOnly(name_key)
        .deserialize(&mut deserializer)
        .ok()
        .flatten()
}

// ---------------------------------------------------------------------------------------------
// Lenient field decoders.

/// An id sent as a JSON string or number, kept as its text (`42` and `"42"` both give `"42"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IdString(pub(crate) String);

impl<'de> Deserialize<'de> for IdString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl Visitor<'_> for IdVisitor {
            type Value = IdString;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id as a string or an integer")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IdString, E> {
                Ok(IdString(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<IdString, E> {
                Ok(IdString(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<IdString, E> {
                Ok(IdString(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<IdString, E> {
                Ok(IdString(v.to_string()))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

/// `#[serde(deserialize_with = "serde_util::id_string")]`: a `String` id sent as string or
/// number.
pub(crate) fn id_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    IdString::deserialize(deserializer).map(|id| id.0)
}

/// A JSON scalar as received, before a lenient decoder decides what it means.
enum Scalar<'a> {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(std::borrow::Cow<'a, str>),
}

impl<'de> Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl<'de> Visitor<'de> for ScalarVisitor {
            type Value = Scalar<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number, a string, a boolean or null")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Scalar::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(ScalarVisitor)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Scalar::Int(v.into()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Scalar::Int(v.into()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Scalar::Float(v))
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Scalar::Str(v.into()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Scalar::Str(v.to_owned().into()))
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

impl Scalar<'_> {
    /// `null` and `""` (and blank strings) both mean "no value" for lenient fields.
    fn is_absent(&self) -> bool {
        match self {
            Scalar::Null => true,
            Scalar::Str(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    fn unexpected(&self) -> de::Unexpected<'_> {
        match self {
            Scalar::Null => de::Unexpected::Unit,
            Scalar::Bool(b) => de::Unexpected::Bool(*b),
            Scalar::Int(i) => match i64::try_from(*i) {
                Ok(i) => de::Unexpected::Signed(i),
                Err(_) => de::Unexpected::Other("an integer out of range"),
            },
            Scalar::Float(f) => de::Unexpected::Float(*f),
            Scalar::Str(s) => de::Unexpected::Str(s),
        }
    }
}

/// Lenient decoders for `#[serde(deserialize_with = "…")]`.
///
/// The `opt_` forms read `null`, `""` and (with `#[serde(default)]`) a missing field as `None`;
/// the others refuse them.
pub(crate) mod lenient {
    use std::str::FromStr;

    use rust_decimal::Decimal;
    use serde::de::{self, Deserialize, Deserializer};
    use time::format_description::well_known::Rfc3339;
    use time::OffsetDateTime;

    use super::Scalar;

    fn opt<'de, D, T>(
        deserializer: D,
        convert: fn(&Scalar<'de>) -> Option<T>,
        expected: &'static str,
    ) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
    {
        let scalar = Scalar::deserialize(deserializer)?;
        if scalar.is_absent() {
            return Ok(None);
        }
        convert(&scalar)
            .map(Some)
            .ok_or_else(|| de::Error::invalid_value(scalar.unexpected(), &expected))
    }

    fn required<'de, D, T>(
        deserializer: D,
        convert: fn(&Scalar<'de>) -> Option<T>,
        expected: &'static str,
    ) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
    {
        let scalar = Scalar::deserialize(deserializer)?;
        convert(&scalar).ok_or_else(|| de::Error::invalid_value(scalar.unexpected(), &expected))
    }

    const INTEGER: &str = "a 64-bit integer, as a number or a string";
    const DECIMAL: &str = "a decimal number, as a number or a string";
    const FLAG: &str = "true/false, 0/1, or \"0\"/\"1\"";
    const DATETIME: &str = "an RFC 3339 date-time";

    /// A whole number written with a fraction (`3.0`), within f64's exact range.
    fn whole_f64_to_i64(f: f64) -> Option<i64> {
        (f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0).then_some(f as i64)
    }

    fn to_decimal(scalar: &Scalar<'_>) -> Option<Decimal> {
        match scalar {
            Scalar::Int(i) => Decimal::from_i128_with_scale(*i, 0).into(),
            // serde_json hands over an f64; its shortest round-trip text is the decimal the
            // sender wrote for any value with up to 15 significant digits (`1.51` stays 1.51).
            Scalar::Float(f) if f.is_finite() => parse_decimal(&f.to_string()),
            Scalar::Str(s) => parse_decimal(s.trim()),
            _ => None,
        }
    }

    fn parse_decimal(text: &str) -> Option<Decimal> {
        Decimal::from_str(text)
            .or_else(|_| Decimal::from_scientific(text))
            .ok()
    }

    fn to_bool(scalar: &Scalar<'_>) -> Option<bool> {
        match scalar {
            Scalar::Bool(b) => Some(*b),
            Scalar::Int(0) => Some(false),
            Scalar::Int(1) => Some(true),
            Scalar::Str(s) => match s.trim() {
                "0" => Some(false),
                "1" => Some(true),
                s if s.eq_ignore_ascii_case("false") => Some(false),
                s if s.eq_ignore_ascii_case("true") => Some(true),
                _ => None,
            },
            _ => None,
        }
    }

    fn to_datetime(scalar: &Scalar<'_>) -> Option<OffsetDateTime> {
        match scalar {
            Scalar::Str(s) => OffsetDateTime::parse(s.trim(), &Rfc3339).ok(),
            _ => None,
        }
    }

    /// An `i64` sent as a number or a string of digits.
    pub(crate) fn i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        d.deserialize_any(IntegerVisitor { required: true })?
            .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Unit, &INTEGER))
    }

    /// An optional `i64` sent as a number or a string; `null` and `""` are `None`.
    pub(crate) fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        d.deserialize_any(IntegerVisitor { required: false })
    }

    /// A lenient integer: a number, a whole float, or digits as text. Read straight from the
    /// deserializer rather than through a [`Scalar`]: amounts are the most frequent lenient
    /// field, and skipping it saves a copy and a match per field. `None` is an absent value
    /// (`null`, blank text), refused when `required`.
    struct IntegerVisitor {
        required: bool,
    }

    impl IntegerVisitor {
        fn absent<E: de::Error>(&self, received: de::Unexpected<'_>) -> Result<Option<i64>, E> {
            if self.required {
                Err(E::invalid_value(received, &INTEGER))
            } else {
                Ok(None)
            }
        }
    }

    impl<'de> de::Visitor<'de> for IntegerVisitor {
        type Value = Option<i64>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(INTEGER)
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            match i64::try_from(v) {
                Ok(v) => Ok(Some(v)),
                Err(_) => Err(E::invalid_value(
                    de::Unexpected::Other("an integer out of range"),
                    &INTEGER,
                )),
            }
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            whole_f64_to_i64(v)
                .map(Some)
                .ok_or_else(|| E::invalid_value(de::Unexpected::Float(v), &INTEGER))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            let text = v.trim();
            if text.is_empty() {
                return self.absent(de::Unexpected::Str(v));
            }
            text.parse()
                .map(Some)
                .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &INTEGER))
        }

        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Err(E::invalid_value(de::Unexpected::Bool(v), &INTEGER))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.absent(de::Unexpected::Unit)
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            self.absent(de::Unexpected::Unit)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    /// A decimal sent as a number or a string.
    pub(crate) fn decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        required(d, to_decimal, DECIMAL)
    }

    /// An optional decimal sent as a number or a string; `null` and `""` are `None`.
    pub(crate) fn opt_decimal<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Decimal>, D::Error> {
        opt(d, to_decimal, DECIMAL)
    }

    /// A flag sent as a boolean, as 0/1, or as a string of either.
    pub(crate) fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        required(d, to_bool, FLAG)
    }

    /// An optional flag; `null` and `""` are `None`.
    pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        opt(d, to_bool, FLAG)
    }

    /// An RFC 3339 date-time, with or without fractional seconds.
    pub(crate) fn datetime<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        required(d, to_datetime, DATETIME)
    }

    /// An optional RFC 3339 date-time; `null` and `""` are `None`.
    pub(crate) fn opt_datetime<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        opt(d, to_datetime, DATETIME)
    }
}

// --- added for ezq and kinguin

/// `#[serde(default, deserialize_with = "serde_util::opt_text")]`: optional text that may
/// arrive as a string, as a number (a phone number or postcode sent as digits), or as `null`.
/// The text is kept exactly as received (`""` stays `Some("")`).
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Option::<IdString>::deserialize(deserializer).map(|text| text.map(|text| text.0))
}

/// `#[serde(default, deserialize_with = "serde_util::null_as_default")]`: `null` reads as the
/// type's default (an empty list, an object with every field `None`), like a missing field.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// Declares a status-like enum: the documented values as unit variants, anything else kept in
/// `Other(String)`; serializes back to exactly the provider's spelling.
///
/// ```text
/// string_enum! {
///     /// Docs.
///     pub enum Status {
///         /// Docs.
///         Processing = "processing",
///     }
/// }
/// ```
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )+
            /// A value this version of the crate does not know, kept exactly as received.
            Other(String),
        }

        impl $name {
            /// The value exactly as the provider spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )+
                    $name::Other(other) => other,
                }
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                match text {
                    $( $text => $name::$variant, )+
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> Self {
                match text.as_str() {
                    $( $text => $name::$variant, )+
                    _ => $name::Other(text),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct TextVisitor;
                impl ::serde::de::Visitor<'_> for TextVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " as a string"))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        Ok($name::from(v))
                    }
                    fn visit_string<E: ::serde::de::Error>(self, v: String) -> Result<$name, E> {
                        Ok($name::from(v))
                    }
                }
                deserializer.deserialize_str(TextVisitor)
            }
        }
    };
}

pub(crate) use string_enum;

/// `at` in UTC as RFC 3339, for idempotency keys: equal instants give equal text whatever
/// offset they were sent with. The nanoseconds since the epoch for the few instants RFC 3339
/// cannot write (years beyond 9999).
pub(crate) fn utc_rfc3339(at: time::OffsetDateTime) -> String {
    let utc = at.to_offset(time::UtcOffset::UTC);
    utc.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| utc.unix_timestamp_nanos().to_string())
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Required {
        #[serde(deserialize_with = "super::lenient::i64")]
        v: i64,
    }

    #[derive(Deserialize)]
    struct Optional {
        #[serde(default, deserialize_with = "super::lenient::opt_i64")]
        v: Option<i64>,
    }

    fn required(json: &str) -> Result<i64, String> {
        serde_json::from_str::<Required>(json)
            .map(|r| r.v)
            .map_err(|e| e.to_string())
    }

    fn optional(json: &str) -> Result<Option<i64>, String> {
        serde_json::from_str::<Optional>(json)
            .map(|o| o.v)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn lenient_integers_accept_numbers_digit_strings_and_whole_floats() {
        assert_eq!(required(r#"{"v": -42}"#), Ok(-42));
        assert_eq!(required(r#"{"v": 9223372036854775807}"#), Ok(i64::MAX));
        assert_eq!(required(r#"{"v": " 42 "}"#), Ok(42));
        assert_eq!(required(r#"{"v": 3.0}"#), Ok(3));
        assert_eq!(optional(r#"{"v": "7"}"#), Ok(Some(7)));
        assert_eq!(optional(r#"{"v": null}"#), Ok(None));
        assert_eq!(optional(r#"{"v": "  "}"#), Ok(None));
        assert_eq!(optional(r#"{}"#), Ok(None));
    }

    #[test]
    fn lenient_integers_refuse_everything_else_with_what_was_received() {
        let expected = "expected a 64-bit integer, as a number or a string";
        for (json, received) in [
            (r#"{"v": 9223372036854775808}"#, "an integer out of range"),
            (r#"{"v": 1e20}"#, "floating point `1e+20`"),
            (r#"{"v": 3.5}"#, "floating point `3.5`"),
            (r#"{"v": "4x"}"#, "string \"4x\""),
            (r#"{"v": true}"#, "boolean `true`"),
            (r#"{"v": null}"#, "null"),
            (r#"{"v": ""}"#, "string \"\""),
            (r#"{"v": {}}"#, "map"),
        ] {
            let error = required(json).unwrap_err();
            assert!(error.contains(received), "{json}: {error}");
            assert!(error.contains(expected), "{json}: {error}");
        }
        let error = optional(r#"{"v": 3.5}"#).unwrap_err();
        assert!(error.contains("floating point `3.5`"), "{error}");
    }
}
