//! The members of a body that its typed event does not read: [`Collect`], a [`Reader`] that
//! parses a body as the crate does and hears, through `serde_ignored`, every value serde skips.
//!
//! serde skips a value by asking for it with `deserialize_ignored_any` (a struct's unknown
//! member, an envelope's unknown key), and `serde_ignored` wraps the deserializer to call back
//! with the value's path at that moment. A skipped value is not descended into, so an unknown
//! object is heard once, at its own path. Values the models keep whole (the `data` of an
//! unknown event, as `serde_json::Value`) are read, not skipped: nothing in them is heard.
//!
//! The work stays linear in the body: a skipped value's path is its unknown key below keys the
//! models know (short, and as deep as the models), so writing it costs about the key's length;
//! once [`MAX_UNKNOWN_FIELDS`] paths are collected, later ones are not even written. The
//! wrapper adds stack frames per level only where the models descend, and serde_json's own
//! depth limit bounds everything else.

use std::cell::RefCell;
use std::collections::HashSet;

use serde::de::DeserializeSeed;
use serde_ignored::Path;

use super::body::{tracked, Context, Reader};
use crate::ParseError;

/// The most paths [`Provider::unknown_fields`](crate::Provider::unknown_fields) reports for one request; the rest of a body
/// that has more is still read, and its further paths are left out.
///
/// ```
/// use commerce_webhooks::{kinguin, Provider, Request, MAX_UNKNOWN_FIELDS};
///
/// let members: Vec<String> = (0..2 * MAX_UNKNOWN_FIELDS).map(|n| format!(r#""extra{n}":0"#)).collect();
/// let body = format!(
///     r#"{{"orderId":"PHS84FJAG5U","status":"canceled","updatedAt":"2020-10-16T11:24:08Z",{}}}"#,
///     members.join(",")
/// );
/// let headers = [("X-Event-Name", "order.status")];
/// let paths = kinguin::Webhook::unknown_fields(&Request::new(&headers, body.as_bytes()))?;
/// assert_eq!(paths.len(), MAX_UNKNOWN_FIELDS);
/// assert_eq!(paths[0], "extra0");
/// # Ok::<(), commerce_webhooks::Error>(())
/// ```
pub const MAX_UNKNOWN_FIELDS: usize = 1000;

/// Reads bodies as the parse does, collecting the paths of the members their types skip: keys
/// joined by `.`, an array's elements as `[]` after its key, each path once in the order first
/// met, at most [`MAX_UNKNOWN_FIELDS`] of them.
#[derive(Debug, Default)]
pub(crate) struct Collect {
    paths: Vec<String>,
    seen: HashSet<String>,
}

impl Collect {
    /// The paths collected by the last pass that succeeded.
    pub(crate) fn into_paths(self) -> Vec<String> {
        self.paths
    }

    fn hear(&mut self, path: &Path<'_>) {
        if self.paths.len() >= MAX_UNKNOWN_FIELDS {
            return;
        }
        let mut text = String::new();
        write_path(&mut text, path);
        if !self.seen.contains(&text) {
            self.seen.insert(text.clone());
            self.paths.push(text);
        }
    }

    /// One pass over `body` through `seed`, listening; the paths heard are those of this pass.
    fn listen<'de, S: DeserializeSeed<'de>>(
        &mut self,
        body: &'de [u8],
        seed: S,
    ) -> Result<S::Value, serde_json::Error> {
        self.paths.clear();
        self.seen.clear();
        // Bytes, not text, as the parse's thorough pass reads them: the same bodies parse.
        let mut deserializer = serde_json::Deserializer::from_slice(body);
        let mut hear = |path: Path<'_>| self.hear(&path);
        OTHER_VALUES.with(|heard| *heard.borrow_mut() = Some(Vec::new()));
        let value = seed.deserialize(serde_ignored::Deserializer::new(
            &mut deserializer,
            &mut hear,
        ));
        let others = OTHER_VALUES.with(|heard| heard.borrow_mut().take());
        LAST_OTHER_VALUES.with(|last| *last.borrow_mut() = others.unwrap_or_default());
        let value = value?;
        deserializer.end()?;
        Ok(value)
    }
}

impl Reader for Collect {
    fn quick<'de, S: DeserializeSeed<'de>>(
        &mut self,
        body: &'de [u8],
        seed: S,
    ) -> Result<S::Value, ()> {
        self.listen(body, seed).map_err(|_| ())
    }

    /// Listens; when the body does not read, the error is the parse's own for it.
    fn thorough<'de, S: DeserializeSeed<'de> + Clone>(
        &mut self,
        context: Context<'_>,
        body: &'de [u8],
        seed: S,
    ) -> Result<S::Value, ParseError> {
        let error = match self.listen(body, seed.clone()) {
            Ok(value) => return Ok(value),
            Err(error) => error,
        };
        match tracked(context, body, seed) {
            Err(parse_error) => Err(parse_error),
            // Were the parse to read a body that the listening pass could not, that is said
            // rather than passed off as a body with nothing unknown in it.
            Ok(_) => Err(context.json_error(".", &error)),
        }
    }
}

thread_local! {
    /// The status types that read a value they do not know during this thread's listening
    /// pass; `None` outside one, so that a parse pays nothing.
    static OTHER_VALUES: RefCell<Option<Vec<&'static str>>> = const { RefCell::new(None) };
    /// Those of this thread's last listening pass.
    static LAST_OTHER_VALUES: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// Notes that a status type (`kinguin::Status`) read a value it does not know, when a listening
/// pass runs on this thread. The value itself is body text, and is not kept.
pub(crate) fn heard_other(type_name: &'static str) {
    OTHER_VALUES.with(|heard| {
        if let Some(heard) = heard.borrow_mut().as_mut() {
            if heard.len() < 64 && !heard.contains(&type_name) {
                heard.push(type_name);
            }
        }
    });
}

/// The status types that read a value they do not know in this thread's last listening pass
/// (the last [`Provider::unknown_fields`](crate::Provider::unknown_fields) call).
#[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
pub(crate) fn last_other_values() -> Vec<&'static str> {
    LAST_OTHER_VALUES.with(|last| last.borrow().clone())
}

/// Writes a path: `.` between keys, `[]` for an array's element; options and newtypes add
/// nothing of their own.
fn write_path(text: &mut String, path: &Path<'_>) {
    match path {
        Path::Root => {}
        Path::Seq { parent, .. } => {
            write_path(text, parent);
            text.push_str("[]");
        }
        Path::Map { parent, key } => {
            write_path(text, parent);
            if !text.is_empty() {
                text.push('.');
            }
            text.push_str(key);
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => write_path(text, parent),
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::str::FromStr;

    use rust_decimal::Decimal;

    use super::Collect;
    use crate::de::body::Parse;
    use crate::de::envelope::read_envelope;
    use crate::leasing::{self, read_event};
    use crate::{ezq, kinguin, leasecloud, samples, sparkpay};

    /// The value a listening pass gives is the parse's: serde_json's raw values, through which
    /// the decimals are read, reach the models through the listening wrapper too.
    #[test]
    fn every_sample_reads_to_the_parsed_value_while_listening() {
        for sample in samples::LEASECLOUD {
            let body = sample.body.as_bytes();
            let listened = read_event::<leasecloud::EventKind<Cow<'_, str>>>(
                &mut Collect::default(),
                "LeaseCloud",
                "action",
                body,
            );
            let parsed = read_event(&mut Parse, "LeaseCloud", "action", body);
            assert_eq!(listened.unwrap(), parsed.unwrap(), "{}", sample.event);
        }
        for sample in samples::MONTLY {
            let body = sample.body.as_bytes();
            let listened =
                read_event::<leasing::EventKind>(&mut Collect::default(), "Montly", "type", body);
            let parsed = read_event(&mut Parse, "Montly", "type", body);
            assert_eq!(listened.unwrap(), parsed.unwrap(), "{}", sample.event);
        }
        for sample in samples::EZQ {
            let body = sample.body.as_bytes();
            let listened =
                read_envelope::<ezq::Event>(&mut Collect::default(), "EZQ", "event", body);
            assert_eq!(listened.unwrap().kind, ezq::Event::parse(body).unwrap());
        }
        for sample in samples::KINGUIN {
            let body = sample.body.as_bytes();
            let listened = kinguin::Event::read(&mut Collect::default(), sample.event, body);
            let parsed = kinguin::Event::parse(sample.event, body);
            assert_eq!(listened.unwrap(), parsed.unwrap());
        }
        for sample in samples::SPARKPAY {
            let event_type = sample.event.parse::<sparkpay::EventType>().unwrap();
            let body = sample.body.as_bytes();
            let listened = sparkpay::Request::read(&mut Collect::default(), event_type, body);
            let parsed = sparkpay::Request::parse(event_type, body);
            assert_eq!(listened.unwrap(), parsed.unwrap(), "{}", sample.event);
        }
    }

    #[test]
    fn decimals_keep_every_digit_while_listening() {
        let body = r#"{"id":"e","type":"tariff.updated","data":{"tariffs":[
            {"months":12,"tariff":2.0123456789012345678},{"months":24,"tariff":"1.51"}]}}"#;
        let (_, kind) = read_event::<leasing::EventKind>(
            &mut Collect::default(),
            "Montly",
            "type",
            body.as_bytes(),
        )
        .unwrap();
        let leasing::EventKind::TariffUpdated { tariffs } = kind else {
            panic!("{kind:?}");
        };
        assert_eq!(
            tariffs[0].tariff,
            Decimal::from_str("2.0123456789012345678").unwrap()
        );
        assert_eq!(tariffs[1].tariff, Decimal::from_str("1.51").unwrap());
    }

    #[test]
    fn paths_join_keys_with_dots_and_write_elements_as_brackets() {
        let body = br#"{"items":[{"cart_item_id":1,"item_number":"A","item_name":"A",
            "manufacturer_item_number":"","price":1,"discounted_price":1,"quantity":1,
            "is_tax_exempt":false,"tax_code":"","line_item_subtotal":1,
            "origin_address":{"id":1,"name":"W","x":{"y":[1]}},"warranty":[[1]]}],
            "shipping_total":0,"handling_total":0,"z":null}"#;
        let mut collect = Collect::default();
        sparkpay::Request::read(&mut collect, sparkpay::EventType::GetTax, body).unwrap();
        assert_eq!(
            collect.into_paths(),
            ["items[].origin_address.x", "items[].warranty", "z"]
        );
    }
}
