//! Decoding shared by every provider, one file per concern:
//!
//! - [`body`]: parse a whole body into a type, and report a failure with its JSON path and its
//!   position in the body;
//! - [`cursor`]: a strict JSON reader for direct readers of the commonest bodies, which
//!   decline anything unusual and leave it to serde_json;
//! - [`envelope`]: `{"id", "<name>", "data"}` bodies, dispatched on the event name in one pass;
//! - [`lenient`]: what providers actually send (ids as number or string, `""` for a missing
//!   value, 0/1 flags, dates with or without fractions);
//! - [`decimal`]: money and rates read from, and written as, the exact digits of a JSON number;
//! - [`string_enum`](mod@string_enum): status-like strings as enums that keep unknown values;
//! - [`text`]: owned or borrowed text, chosen by the models' type parameter;
//! - [`unknown`]: the JSON paths of the members a body's typed event does not read.

pub(crate) mod body;
pub(crate) mod cursor;
pub(crate) mod decimal;
pub(crate) mod envelope;
pub(crate) mod lenient;
mod string_enum;
pub(crate) mod text;
pub(crate) mod unknown;

pub(crate) use string_enum::string_enum;
