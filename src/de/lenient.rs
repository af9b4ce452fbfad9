//! Lenient field decoders, for `#[serde(deserialize_with = "…")]` (or `with = "…"` where the
//! field also needs a serializer): what providers actually send, read into plain types.
//!
//! - Integers and ids may arrive as numbers or as strings of digits.
//! - Flags may arrive as booleans, as 0/1, or as strings of either.
//! - `null`, `""` and (with `#[serde(default)]`) a missing field mean "no value" for the
//!   `opt_` forms; the other forms refuse them.
//! - Text may arrive as a number (a postcode, a phone number) and keeps the number's text.
//! - Lists may arrive as `null` (read as empty) or, where a page describes an object, as one
//!   object.
//! - Dates are RFC 3339, with or without fractional seconds.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::text::EventText;

const INTEGER: &str = "a 64-bit integer, as a number or a string";
const FLAG: &str = "true/false, 0/1, or \"0\"/\"1\"";
const DATETIME: &str = "an RFC 3339 date-time";

// ---------------------------------------------------------------------------------------------
// Text and ids.

/// An id sent as a JSON string or integer, kept as its text (`42` and `"42"` both give `"42"`),
/// borrowed from the body where it can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IdText<'de>(pub(crate) Cow<'de, str>);

impl<'de> Deserialize<'de> for IdText<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl<'de> Visitor<'de> for IdVisitor {
            type Value = IdText<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id as a string or an integer")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<IdText<'de>, E> {
                Ok(IdText(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IdText<'de>, E> {
                Ok(IdText(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<IdText<'de>, E> {
                Ok(IdText(Cow::Owned(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<IdText<'de>, E> {
                Ok(IdText(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<IdText<'de>, E> {
                Ok(IdText(Cow::Owned(v.to_string())))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

/// A string borrowed from the body when it has no escapes (every slice and text serde_json
/// reads lends them), else copied: map keys and raw JSON text, read without allocating.
pub(crate) struct Text<'de>(pub(crate) Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(v.into()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(v.to_owned().into()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(v.into()))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

/// A required string, as `String` or borrowed ([`EventText`]); only a JSON string is taken.
pub(crate) fn string<'de, D, S>(deserializer: D) -> Result<S, D::Error>
where
    D: Deserializer<'de>,
    S: EventText<'de>,
{
    Text::deserialize(deserializer).map(|text| S::from_cow(text.0))
}

/// An optional string: `null` (or a missing field, with `#[serde(default)]`) is `None`.
pub(crate) fn opt_string<'de, D, S>(deserializer: D) -> Result<Option<S>, D::Error>
where
    D: Deserializer<'de>,
    S: EventText<'de>,
{
    // One dispatch on the token, a string or null, rather than one for the option and one
    // for the string.
    deserializer.deserialize_any(TextVisitor::<S>::strings_only())
}

/// A required id sent as a string or an integer.
pub(crate) fn id_string<'de, D, S>(deserializer: D) -> Result<S, D::Error>
where
    D: Deserializer<'de>,
    S: EventText<'de>,
{
    IdText::deserialize(deserializer).map(|id| S::from_cow(id.0))
}

/// Text that may arrive as a number (an address's `postal_code` sent as `77702`) or as `null`:
/// a number keeps its JSON text, `null` reads as `""`.
pub(crate) fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    opt_text(deserializer).map(Option::unwrap_or_default)
}

/// As [`text`], but `null` (or a missing field, with `#[serde(default)]`) is `None`; `""`
/// stays `Some("")`, exactly as sent.
pub(crate) fn opt_text<'de, D, S>(deserializer: D) -> Result<Option<S>, D::Error>
where
    D: Deserializer<'de>,
    S: EventText<'de>,
{
    deserializer.deserialize_any(TextVisitor::<S>::numbers_too())
}

/// Optional text: a string, or `null`, and a number's JSON text when `numbers_too`.
struct TextVisitor<S> {
    numbers_too: bool,
    text: PhantomData<S>,
}

impl<S> TextVisitor<S> {
    fn strings_only() -> Self {
        TextVisitor {
            numbers_too: false,
            text: PhantomData,
        }
    }

    fn numbers_too() -> Self {
        TextVisitor {
            numbers_too: true,
            text: PhantomData,
        }
    }

    fn number<'de, E: de::Error>(
        &self,
        number: impl fmt::Display,
        unexpected: de::Unexpected<'_>,
    ) -> Result<Option<S>, E>
    where
        S: EventText<'de>,
    {
        if self.numbers_too {
            Ok(Some(S::from(number.to_string())))
        } else {
            Err(de::Error::invalid_type(unexpected, self))
        }
    }
}

impl<'de, S: EventText<'de>> Visitor<'de> for TextVisitor<S> {
    type Value = Option<S>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.numbers_too {
            "a string (or a number, or null)"
        } else {
            "a string or null"
        })
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(S::from_cow(Cow::Borrowed(v))))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(S::from(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(S::from(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.number(v, de::Unexpected::Signed(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.number(v, de::Unexpected::Unsigned(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.number(v, de::Unexpected::Float(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

// ---------------------------------------------------------------------------------------------
// Lists and objects.

/// `null` reads as the type's default (an empty list, an object with every field `None`),
/// like a missing field with `#[serde(default)]`.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// A list sent as `null` when empty (a Spark Pay cart item's `variants`).
pub(crate) fn list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    null_as_default(deserializer)
}

/// A list a page describes as an object (Spark Pay's `shipping_method_list`, an item's
/// `custom_fields`): one object, an array of them, or `null`.
pub(crate) fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct OneOrMany<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for OneOrMany<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object, an array of objects, or null")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Vec<T>, A::Error> {
            T::deserialize(MapAccessDeserializer::new(map)).map(|one| vec![one])
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            // No `size_hint` pre-allocation: the hint comes from the sender.
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_any(OneOrMany(PhantomData))
}

/// A list of integer ids, each a number or a string of digits; `null` is empty.
pub(crate) fn ids<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<i64>, D::Error> {
    struct Id(i64);
    impl<'de> Deserialize<'de> for Id {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            i64(d).map(Id)
        }
    }
    list::<D, Id>(deserializer).map(|ids| ids.into_iter().map(|id| id.0).collect())
}

// ---------------------------------------------------------------------------------------------
// Integers.

/// An `i64` sent as a number or a string of digits.
pub(crate) fn i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    d.deserialize_any(IntegerVisitor { required: true })?
        .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Unit, &INTEGER))
}

/// An optional `i64` sent as a number or a string; `null` and `""` are `None`.
pub(crate) fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_any(IntegerVisitor { required: false })
}

/// A non-negative count (months, quantities) sent as a number or a string of digits.
pub(crate) fn count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let value = i64(deserializer)?;
    u32::try_from(value).map_err(|_| {
        de::Error::invalid_value(
            de::Unexpected::Signed(value),
            &"a count between 0 and 4294967295",
        )
    })
}

/// A lenient integer: a number, a whole float, or digits as text, read straight from the
/// deserializer (amounts are the most frequent lenient field). `None` is an absent value
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

impl<'de> Visitor<'de> for IntegerVisitor {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
        // A whole number written with a fraction (`3.0`), within the range where every integer
        // is exact in an f64.
        if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
            #[allow(clippy::cast_possible_truncation)] // whole and within ±2^53: exact
            return Ok(Some(v as i64));
        }
        Err(E::invalid_value(de::Unexpected::Float(v), &INTEGER))
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

// ---------------------------------------------------------------------------------------------
// Flags and dates, through a scalar.

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

    fn read<'de, D, T>(
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

    fn read_opt<'de, D, T>(
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
        Scalar::Str(s) => parse_datetime(s),
        _ => None,
    }
}

/// The date-time a JSON string spells, as [`datetime`] reads it.
pub(crate) fn parse_datetime(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text.trim(), &Rfc3339).ok()
}

/// A flag sent as a boolean, as 0/1, or as a string of either.
pub(crate) fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Scalar::read(d, to_bool, FLAG)
}

/// An optional flag; `null` and `""` are `None`.
pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Scalar::read_opt(d, to_bool, FLAG)
}

/// `#[serde(with = "lenient::datetime")]`: an RFC 3339 date-time, with or without fractional
/// seconds; written back in RFC 3339.
pub(crate) mod datetime {
    use serde::{Deserializer, Serializer};
    use time::OffsetDateTime;

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        super::Scalar::read(d, super::to_datetime, super::DATETIME)
    }

    pub(crate) fn serialize<S: Serializer>(
        value: &OffsetDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        time::serde::rfc3339::serialize(value, serializer)
    }
}

/// `#[serde(default, with = "lenient::opt_datetime")]`: an optional RFC 3339 date-time;
/// `null` and `""` are `None`, and `None` is written as `null`.
pub(crate) mod opt_datetime {
    use serde::{Deserializer, Serializer};
    use time::OffsetDateTime;

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        super::Scalar::read_opt(d, super::to_datetime, super::DATETIME)
    }

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<OffsetDateTime>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        time::serde::rfc3339::option::serialize(value, serializer)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Required {
        #[serde(deserialize_with = "super::i64")]
        v: i64,
    }

    #[derive(Deserialize)]
    struct Optional {
        #[serde(default, deserialize_with = "super::opt_i64")]
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

    #[derive(Debug, Deserialize)]
    struct Strings<'a> {
        #[serde(default, borrow, deserialize_with = "super::opt_string")]
        plain: Option<std::borrow::Cow<'a, str>>,
        #[serde(default, borrow, deserialize_with = "super::opt_text")]
        lenient: Option<std::borrow::Cow<'a, str>>,
    }

    #[test]
    fn optional_strings_take_null_and_strings_and_only_lenient_text_takes_numbers() {
        let read = |json| serde_json::from_str::<Strings<'_>>(json).map_err(|e| e.to_string());
        let both = read(r#"{"plain": "a", "lenient": 77702}"#).unwrap();
        assert_eq!(
            (both.plain.as_deref(), both.lenient.as_deref()),
            (Some("a"), Some("77702"))
        );
        let none = read(r#"{"plain": null}"#).unwrap();
        assert_eq!((none.plain, none.lenient), (None, None));
        let error = read(r#"{"plain": 7}"#).unwrap_err();
        assert!(
            error.contains("invalid type: integer `7`, expected a string or null"),
            "{error}"
        );
        let error = read(r#"{"lenient": {}}"#).unwrap_err();
        assert!(
            error.contains("expected a string (or a number, or null)"),
            "{error}"
        );
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
