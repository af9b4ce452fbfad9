//! The acknowledgement a partner returns to LeaseCloud.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::{Event, EventKind};
use crate::de::envelope::order_id_in;
use crate::order_id::OrderId;
use crate::Reply;

/// The JSON body that acknowledges a LeaseCloud webhook.
///
/// LeaseCloud calls the endpoint again and again until it receives a **200 response with this
/// body**: the event id, LeaseCloud's order id and, optionally, the partner's own id for the
/// order. It serializes as `{"id": …, "orderId": …, "partnerOrderId": …}`; a member whose value
/// is `None` is left out. The order id keeps the JSON type LeaseCloud sent (a number stays a
/// number).
///
/// ```
/// use commerce_webhooks::leasecloud::{Acknowledgement, Event};
///
/// let event = Event::parse(br#"{"id":"evt:7","action":"order.signed","data":{"orderId":42}}"#)?;
/// let reply = Acknowledgement::for_event(&event).partner_order_id("SO-1001");
/// assert_eq!(reply.to_json(), r#"{"id":"evt:7","orderId":42,"partnerOrderId":"SO-1001"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// LeaseFlow's page shows an acknowledgement with the event id alone; the LeaseCloud page asks
/// for the order ids too. Sending all that is known satisfies both, so
/// [`Acknowledgement::for_event`] fills in the order id whenever the event names an order.
/// `Deserialize` is implemented too, for tests that read a reply back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Acknowledgement {
    /// The id of the event being acknowledged.
    pub id: String,
    /// LeaseCloud's id for the order; `None` for events about no order (tariff updates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<OrderId>,
    /// The partner's own id for the order, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_order_id: Option<String>,
}

impl Acknowledgement {
    /// An acknowledgement of the event with id `event_id`, with no order ids yet.
    pub fn new(event_id: impl Into<String>) -> Self {
        Acknowledgement {
            id: event_id.into(),
            order_id: None,
            partner_order_id: None,
        }
    }

    /// The acknowledgement of `event` (owned or an [`EventView`](super::EventView)): its id
    /// and, when the event is about an order, the order id. For an action this crate does not
    /// know, the order id is read from its `data` where LeaseCloud puts it in the actions it
    /// documents (`orderId`, else `id`, as a string or a number): LeaseCloud counts an
    /// acknowledgement only when it names the order.
    pub fn for_event<S: AsRef<str>>(event: &Event<S>) -> Self {
        let order_id = match &event.kind {
            EventKind::Unknown { data, .. } => order_id_in(data),
            kind => kind.order_id().cloned(),
        };
        Acknowledgement::new(event.id.as_ref()).with_order_id(order_id)
    }

    /// The same acknowledgement naming `order_id`, or no order.
    pub(crate) fn with_order_id(mut self, order_id: Option<OrderId>) -> Self {
        self.order_id = order_id;
        self
    }

    /// Sets LeaseCloud's order id.
    #[must_use]
    pub fn order_id(mut self, order_id: impl Into<OrderId>) -> Self {
        self.order_id = Some(order_id.into());
        self
    }

    /// Sets the partner's own id for the order.
    #[must_use]
    pub fn partner_order_id(mut self, partner_order_id: impl Into<String>) -> Self {
        self.partner_order_id = Some(partner_order_id.into());
        self
    }

    /// The JSON body to send with the 200 response (`Content-Type: application/json`): the
    /// same text as `serde_json::to_string` of this value.
    pub fn to_json(&self) -> String {
        // Written directly rather than through serde, since every LeaseCloud delivery is
        // answered with one: a single allocation of about the final size, and no formatter.
        let text_len = self.id.len()
            + self.order_id.as_ref().map_or(0, |id| id.as_str().len())
            + self.partner_order_id.as_ref().map_or(0, String::len);
        let mut json = String::with_capacity(MEMBER_NAMES_LEN + text_len);
        json.push_str(r#"{"id":"#);
        write_json_string(&mut json, &self.id);
        if let Some(order_id) = &self.order_id {
            json.push_str(r#","orderId":"#);
            match order_id.written_as_number() {
                Some(number) => {
                    // Writing an integer into a String cannot fail.
                    let _ = write!(json, "{number}");
                }
                None => write_json_string(&mut json, order_id.as_str()),
            }
        }
        if let Some(partner_order_id) = &self.partner_order_id {
            json.push_str(r#","partnerOrderId":"#);
            write_json_string(&mut json, partner_order_id);
        }
        json.push('}');
        json
    }
}

/// The length of everything [`Acknowledgement::to_json`] writes besides the values' text
/// (names, quotes, separators, braces).
const MEMBER_NAMES_LEN: usize = r#"{"id":"","orderId":"","partnerOrderId":""}"#.len();

/// Writes `text` as a JSON string, escaped as serde_json escapes it: `"` and `\` with a
/// backslash, the control characters with a short escape where JSON has one and `\u00XX`
/// otherwise, everything else as it is.
fn write_json_string(json: &mut String, text: &str) {
    json.push('"');
    let mut unescaped = 0;
    for (at, byte) in text.bytes().enumerate() {
        let short = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'\n' => 'n',
            b'\r' => 'r',
            b'\t' => 't',
            0x08 => 'b',
            0x0c => 'f',
            0x00..=0x1f => 'u',
            _ => continue,
        };
        // `at` is an ASCII byte, so both ends are character boundaries.
        json.push_str(text.get(unescaped..at).unwrap_or_default());
        json.push('\\');
        json.push(short);
        if short == 'u' {
            // Writing into a String cannot fail.
            let _ = write!(json, "{byte:04x}");
        }
        unescaped = at + 1;
    }
    json.push_str(text.get(unescaped..).unwrap_or_default());
    json.push('"');
}

impl From<Acknowledgement> for Reply {
    fn from(acknowledgement: Acknowledgement) -> Self {
        Reply::json_text(acknowledgement.to_json())
    }
}
