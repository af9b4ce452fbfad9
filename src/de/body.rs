//! Parsing a whole body into one type, with the JSON path and the position of a failure.
//!
//! The success path runs serde_json alone. Only when it fails is the body parsed a second time
//! through `serde_path_to_error`, which names the path of the value that failed; the first
//! pass pays nothing for the tracking.

use std::marker::PhantomData;

use serde::de::DeserializeSeed;
use serde::Deserialize;

use crate::error::ParseErrorDetails;
use crate::order_id::OrderId;
use crate::ParseError;

/// What a [`ParseError`] says about the event it concerns, besides the path and the message.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    pub(crate) provider: &'static str,
    pub(crate) event: Option<&'a str>,
    pub(crate) id: Option<&'a str>,
    pub(crate) order_id: Option<&'a OrderId>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(provider: &'static str, event: Option<&'a str>) -> Self {
        Context {
            provider,
            event,
            id: None,
            order_id: None,
        }
    }

    /// A failure not tied to a position in the body.
    pub(crate) fn error(&self, path: &str, message: impl Into<String>) -> ParseError {
        self.error_at(path, message.into(), 0, 0)
    }

    fn error_at(&self, path: &str, message: String, line: u32, column: u32) -> ParseError {
        ParseError::new(ParseErrorDetails {
            provider: self.provider,
            event: self.event.map(str::to_owned),
            id: self.id.map(str::to_owned),
            order_id: self.order_id.cloned(),
            path: path.to_owned(),
            line,
            column,
            message,
        })
    }

    pub(crate) fn json_error(&self, path: &str, error: &serde_json::Error) -> ParseError {
        // Bodies are capped far below 4 GiB by every adapter; saturate rather than wrap.
        let line = u32::try_from(error.line()).unwrap_or(u32::MAX);
        let column = u32::try_from(error.column()).unwrap_or(u32::MAX);
        self.error_at(path, strip_position(error), line, column)
    }
}

/// Deserializes `body` into `T` with `reader`: its quick pass, and its thorough pass when that
/// one does not succeed.
pub(crate) fn read<'de, T: Deserialize<'de>, R: Reader>(
    reader: &mut R,
    context: Context<'_>,
    body: &'de [u8],
) -> Result<T, ParseError> {
    reader
        .quick(body, PhantomData::<T>)
        .or_else(|()| reader.thorough(context, body, PhantomData::<T>))
}

/// How a body is read into its typed value: [`Parse`], as the crate parses every event, or
/// [`Collect`](super::unknown::Collect), which reads it the same way and also collects the
/// JSON paths of the members the type did not read. The parsers are written once over a
/// `Reader`, so both read each body through the same models and dispatch.
pub(crate) trait Reader {
    /// A pass that either succeeds or says only that it did not.
    fn quick<'de, S: DeserializeSeed<'de>>(
        &mut self,
        body: &'de [u8],
        seed: S,
    ) -> Result<S::Value, ()>;

    /// A pass that succeeds, or says where and why the body does not parse.
    fn thorough<'de, S: DeserializeSeed<'de> + Clone>(
        &mut self,
        context: Context<'_>,
        body: &'de [u8],
        seed: S,
    ) -> Result<S::Value, ParseError>;
}

/// The parse: serde_json alone, then, only when that fails, the pass that tracks the path.
pub(crate) struct Parse;

impl Reader for Parse {
    #[inline]
    fn quick<'de, S: DeserializeSeed<'de>>(
        &mut self,
        body: &'de [u8],
        seed: S,
    ) -> Result<S::Value, ()> {
        untracked(body, seed)
    }

    fn thorough<'de, S: DeserializeSeed<'de> + Clone>(
        &mut self,
        context: Context<'_>,
        body: &'de [u8],
        seed: S,
    ) -> Result<S::Value, ParseError> {
        tracked(context, body, seed)
    }
}

/// Deserializes a UTF-8 `body` through `seed` without tracking the path. `Err` says only that
/// this pass did not succeed: the body is not UTF-8, or it does not parse. The UTF-8 check is
/// simdutf8's, which validates a whole body several times faster than `std`'s.
///
/// Anything else goes to [`tracked`], which reads bytes: a body that is not UTF-8 is no body a
/// provider sends, but serde_json skips the strings of ignored fields without checking them,
/// so one may still parse. One reader per pass (text here, bytes there) instantiates every
/// model's deserializer twice, not three times: the crate's build is about a third shorter.
pub(crate) fn untracked<'de, S: DeserializeSeed<'de>>(
    body: &'de [u8],
    seed: S,
) -> Result<S::Value, ()> {
    let text = simdutf8::basic::from_utf8(body).map_err(|_| ())?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    seed.deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|_| ())
}

/// Parses `body` with path tracking: the value, or the error naming where it failed.
pub(crate) fn tracked<'de, S: DeserializeSeed<'de>>(
    context: Context<'_>,
    body: &'de [u8],
    seed: S,
) -> Result<S::Value, ParseError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let mut track = serde_path_to_error::Track::new();
    let tracked = serde_path_to_error::Deserializer::new(&mut deserializer, &mut track);
    let error = match seed.deserialize(tracked) {
        Ok(value) => match deserializer.end() {
            Ok(()) => return Ok(value),
            Err(error) => error,
        },
        Err(error) => error,
    };
    Err(context.json_error(&json_path(&track.path()), &error))
}

/// The path as text; serde_path_to_error writes `?` for a failure outside any value (the body
/// is not JSON at all, or it is empty), which reads better as the document itself.
fn json_path(path: &serde_path_to_error::Path) -> String {
    match path.to_string().as_str() {
        "?" | "" => ".".to_owned(),
        path => path.to_owned(),
    }
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
