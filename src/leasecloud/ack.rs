//! The acknowledgement a partner returns to LeaseCloud.

use serde::{Deserialize, Serialize};

use super::Event;
use crate::montly::OrderId;

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
    /// and, when the event is about an order, the order id.
    pub fn for_event<S: AsRef<str>>(event: &Event<S>) -> Self {
        Acknowledgement {
            id: event.id.as_ref().to_owned(),
            order_id: event.order_id().cloned(),
            partner_order_id: None,
        }
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

    /// The JSON body to send with the 200 response (`Content-Type: application/json`).
    pub fn to_json(&self) -> String {
        // Serializing strings and an integer into a String cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

crate::adapters::json_reply!(Acknowledgement);
