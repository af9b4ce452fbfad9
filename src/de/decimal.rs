//! Decimals read from, and written as, the exact digits of a JSON number.
//!
//! serde_json, unless built with its `arbitrary_precision` feature (which would change
//! serde_json for every crate in a partner's build), hands a number with a fraction to a
//! visitor as an `f64`, and can write one only from an `f64`: `2.0123456789012345678` would
//! arrive as `2.0123456789012346`. Both directions here go through serde_json's raw-value
//! support (its `raw_value` feature) instead:
//!
//! - **Reading** asks for the value's raw JSON text, which serde_json gives as it appears in
//!   the body: the number's own digits, or a string's literal, parsed straight into a
//!   [`Decimal`]. Other deserializers (a `serde_json::Value`, another format) answer the same
//!   request with the plain value, which is read as before (an `f64` there has already lost
//!   what it lost).
//! - **Writing** emits the decimal's digits as a raw JSON number (`1.51`, `2295`,
//!   `-0.000001`): exactly the value, never through a float, without trailing zeros. A serializer other than
//!   serde_json's sees a one-field struct holding that text, which this module reads back.
//!
//! A decimal with more significant digits than [`Decimal`] holds (28) is rounded to fit; a
//! number out of its range is an error naming the number.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use super::lenient::Text;

/// The newtype name through which serde_json hands out (and recognises) a raw value; what
/// `serde_json::value::RawValue` itself uses, and stable since raw values were introduced.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

const DECIMAL: &str = "a decimal number, as a number or a string";

/// `#[serde(with = "decimal")]`: a required decimal, sent as a number or a string.
pub(crate) mod required {
    use super::*;

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_newtype_struct(RAW_VALUE_TOKEN, DecimalVisitor)?
            .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Unit, &DECIMAL))
    }

    pub(crate) fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        super::serialize(value, s)
    }
}

/// `#[serde(default, with = "decimal::optional")]`: `null`, `""` and a missing field are
/// `None`; `None` is written as `null`.
pub(crate) mod optional {
    use super::*;

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Decimal>, D::Error> {
        d.deserialize_newtype_struct(RAW_VALUE_TOKEN, DecimalVisitor)
    }

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => super::serialize(value, s),
            None => s.serialize_none(),
        }
    }
}

/// Writes `value` as a JSON number with exactly its value's digits, trailing zeros of the
/// fraction left out (`2295.00` is written `2295`, `12.50` as `12.5`).
pub(crate) fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    let mut text = DigitBuffer::default();
    write!(text, "{}", value.normalize()).map_err(serde::ser::Error::custom)?;
    // Validating a number of at most 31 characters is a short scan; borrowing the text keeps
    // this free of allocation.
    let raw: &RawValue = serde_json::from_str(text.as_str()).map_err(serde::ser::Error::custom)?;
    raw.serialize(serializer)
}

/// A decimal's text: a sign, up to 29 digits, a point and a leading zero fit in 32 bytes.
#[derive(Default)]
struct DigitBuffer {
    bytes: [u8; 32],
    len: usize,
}

impl DigitBuffer {
    fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or_default()
    }
}

impl fmt::Write for DigitBuffer {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Parses decimal text as a number or a string carries it: plain (`-12.50`) or scientific
/// (`1.5e3`, `2E-7`).
pub(crate) fn parse(text: &str) -> Option<Decimal> {
    if text.bytes().any(|b| b == b'e' || b == b'E') {
        // `from_scientific` wants a sign on the exponent only when it is negative.
        let mut plain = String::with_capacity(text.len());
        let mut previous = 0u8;
        for b in text.bytes() {
            if !(b == b'+' && matches!(previous, b'e' | b'E')) {
                plain.push(char::from(b));
            }
            previous = b;
        }
        return Decimal::from_scientific(&plain).ok();
    }
    Decimal::from_str(text).ok()
}

/// Reads a decimal; `None` is an absent value (`null`, blank text).
struct DecimalVisitor;

impl DecimalVisitor {
    fn text<E: de::Error>(text: &str) -> Result<Option<Decimal>, E> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        parse(trimmed)
            .map(Some)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &DECIMAL))
    }

    /// A value's raw JSON text: a number's digits, a string literal, or another JSON value.
    fn raw<E: de::Error>(raw: &str) -> Result<Option<Decimal>, E> {
        match raw.as_bytes().first() {
            Some(b'"') => {
                let text: std::borrow::Cow<'_, str> = match raw
                    .strip_prefix('"')
                    .and_then(|inner| inner.strip_suffix('"'))
                    .filter(|inner| !inner.contains('\\'))
                {
                    Some(inner) => inner.into(),
                    None => serde_json::from_str::<String>(raw)
                        .map_err(E::custom)?
                        .into(),
                };
                Self::text(&text)
            }
            Some(b'n') => Ok(None),
            Some(b'-' | b'0'..=b'9') => parse(raw)
                .map(Some)
                .ok_or_else(|| E::invalid_value(de::Unexpected::Other(&number(raw)), &DECIMAL)),
            Some(b't') => Err(E::invalid_type(de::Unexpected::Bool(true), &DECIMAL)),
            Some(b'f') => Err(E::invalid_type(de::Unexpected::Bool(false), &DECIMAL)),
            Some(b'[') => Err(E::invalid_type(de::Unexpected::Seq, &DECIMAL)),
            _ => Err(E::invalid_type(de::Unexpected::Map, &DECIMAL)),
        }
    }
}

fn number(raw: &str) -> String {
    format!("number {raw}")
}

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Option<Decimal>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(DECIMAL)
    }

    /// serde_json's answer to the raw-value request: one entry whose value is the raw text.
    /// A deserializer of another format may also send a real map here, which is refused.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        match map.next_key::<RawKey>()? {
            // Parsed after the entry is read, so an error names the field, not the entry.
            Some(RawKey) => Self::raw(&map.next_value::<Text<'de>>()?.0),
            None => Err(de::Error::invalid_type(de::Unexpected::Map, &DECIMAL)),
        }
    }

    /// Deserializers without raw values forward the request here.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(Decimal::from(v)))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        Decimal::try_from_i128_with_scale(v, 0)
            .map(Some)
            .map_err(|_| {
                E::invalid_value(de::Unexpected::Other("an integer out of range"), &DECIMAL)
            })
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // Only deserializers without raw text get here, the float already made; its shortest
        // round-trip text is what the sender wrote for up to 15 significant digits.
        if !v.is_finite() {
            return Err(E::invalid_value(de::Unexpected::Float(v), &DECIMAL));
        }
        parse(&v.to_string())
            .map(Some)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Float(v), &DECIMAL))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Self::text(v)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Err(E::invalid_type(de::Unexpected::Bool(v), &DECIMAL))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_newtype_struct(RAW_VALUE_TOKEN, self)
    }
}

/// The key of serde_json's raw-value entry; any other key is refused.
struct RawKey;

impl<'de> serde::Deserialize<'de> for RawKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = RawKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(DECIMAL)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawKey, E> {
                if v == RAW_VALUE_TOKEN {
                    Ok(RawKey)
                } else {
                    Err(E::invalid_type(de::Unexpected::Map, &DECIMAL))
                }
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}
