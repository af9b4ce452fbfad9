//! Decimals written as JSON numbers, without float noise.
//!
//! serde_json (without its `arbitrary_precision` feature, which this crate does not impose on
//! its users) can only write numbers from `i64`, `u64` or `f64`. A decimal is therefore written
//! as an integer when it is whole, and otherwise as the `f64` nearest to it: any decimal of at
//! most 15 significant digits survives that trip exactly, because serde_json writes an `f64` as
//! the shortest text that reads back as the same `f64`, and two decimals of 15 digits never share
//! an `f64`. So `12.34` is written `12.34`, `0.1 + 0.2` as `0.3` and `2295.00` as `2295`.
//! A whole decimal that fits an `i64` is exact whatever its digits; any other decimal with more
//! significant digits (the result of a division, say) is first rounded to 15 of them, half away
//! from zero, so its text never shows binary noise either.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::ser::Error as _;
use serde::Serializer;

/// The most significant digits an `f64` carries through text and back without change.
const F64_DIGITS: u32 = 15;

/// `#[serde(serialize_with = "number::decimal")]`.
pub(crate) fn decimal<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    let mut value = value.normalize();
    if let Some(whole) = whole(value) {
        return serializer.serialize_i64(whole);
    }
    if digits(value.mantissa()) > F64_DIGITS {
        value = value
            .round_sf_with_strategy(F64_DIGITS, RoundingStrategy::MidpointAwayFromZero)
            .unwrap_or(value)
            .normalize();
        if let Some(whole) = whole(value) {
            return serializer.serialize_i64(whole);
        }
    }
    // `Decimal`'s text is plain digits, a sign and a point, which always reads as an `f64`.
    let float: f64 = value.to_string().parse().map_err(S::Error::custom)?;
    serializer.serialize_f64(float)
}

/// `#[serde(serialize_with = "number::opt_decimal")]`, with `skip_serializing_if` for `None`.
pub(crate) fn opt_decimal<S: Serializer>(
    value: &Option<Decimal>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => decimal(value, serializer),
        None => serializer.serialize_none(),
    }
}

/// The value as an `i64` when it is whole and fits: written exactly, whatever its digits.
fn whole(value: Decimal) -> Option<i64> {
    if value.scale() == 0 {
        i64::try_from(value.mantissa()).ok()
    } else {
        None
    }
}

/// How many decimal digits `mantissa` has (1 for zero).
fn digits(mantissa: i128) -> u32 {
    mantissa
        .unsigned_abs()
        .checked_ilog10()
        .map_or(1, |log| log + 1)
}
