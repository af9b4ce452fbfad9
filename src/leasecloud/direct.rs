//! `order.created` and `order.statusUpdated` read straight from the body, without serde: the
//! first try of [`Event::parse`] and [`EventView::parse_borrowed`](super::EventView::parse_borrowed).
//!
//! Those two events are nearly every LeaseCloud delivery, and serde's generic path costs a
//! loaded server several microseconds per order. This reader takes the shape LeaseCloud
//! sends: the members in any order, unknown members skipped, every text without escapes, every
//! amount a plain integer, `null` or absent where the order allows. For anything else (an
//! escaped string, an amount sent as text, another event, a body that does not parse) it
//! answers `None` and the body goes to the serde path, which reads the lenient forms and
//! names the path of any error. Whatever this reader accepts, the serde path reads to an equal
//! event: the `leasecloud_parse` fuzz target and `tests/leasecloud_readers.rs` compare the two
//! (the serde path is `Event`'s `Deserialize`).
//!
//! An order, an address and an order line are each read twice over at most: first in the
//! order LeaseCloud sends their members (`…_in_order`, see [`InOrder`]), and from the same
//! start by name (`…_by_name`) when the object departs from it. An object read twice reads
//! what it holds twice as well; the objects nest two deep (order, then address or line), so
//! no part of a body is read more than four times.

use std::borrow::Cow;

use super::{Address, Event, EventKind, Item, Order, OrderStatus};
use crate::de::cursor::{first, name, Cursor, InOrder};
use crate::de::lenient::parse_datetime;
use crate::key::is_usable_id;
use crate::order_id::OrderId;
use crate::EventText;

/// The event, when the body is an order event in the plain shape; `None` sends it to serde.
///
/// `#[inline]` here and on the object readers gives every caller a copy of its own to inline:
/// whether the reader is inlined then does not depend on how the crate's code happens to be
/// split into codegen units, which shifts as code is added anywhere in the crate.
#[inline]
pub(super) fn read_order_event<'a, S: EventText<'a>>(body: &'a [u8]) -> Option<Event<S>> {
    let mut cursor = Cursor::new(simdutf8::basic::from_utf8(body).ok()?);
    let mut id = None;
    let mut action = None;
    let mut kind = None;
    cursor.object(|cursor, key| match key {
        "id" => first(&mut id, cursor.string()?),
        "action" => first(&mut action, cursor.string()?),
        // `data` before `action` goes to serde, which buffers it.
        "data" => {
            let order_event = match action? {
                "order.created" => EventKind::OrderCreated,
                "order.statusUpdated" => EventKind::OrderStatusUpdated,
                _ => return None,
            };
            first(&mut kind, order_event(Box::new(read_order(cursor)?)))
        }
        _ => cursor.skip_value(),
    })?;
    cursor.end()?;
    Some(Event {
        // A blank id is an error, which serde's path reports.
        id: text(id.filter(|id| is_usable_id(id))?),
        kind: kind?,
    })
}

fn text<'a, S: EventText<'a>>(text: &'a str) -> S {
    S::from_cow(Cow::Borrowed(text))
}

fn text_value<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<S> {
    cursor.string().map(text)
}

fn optional_text<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<Option<S>> {
    Some(cursor.optional_string()?.map(text))
}

fn order_id(cursor: &mut Cursor<'_>) -> Option<OrderId> {
    Some(OrderId::string(cursor.string()?.to_owned()))
}

fn order_status(cursor: &mut Cursor<'_>) -> Option<OrderStatus> {
    cursor.string().map(OrderStatus::from)
}

fn count(cursor: &mut Cursor<'_>) -> Option<u32> {
    u32::try_from(cursor.integer()?).ok()
}

fn datetime(cursor: &mut Cursor<'_>) -> Option<time::OffsetDateTime> {
    parse_datetime(cursor.string()?)
}

fn read_optional_address<'a, S: EventText<'a>>(
    cursor: &mut Cursor<'a>,
) -> Option<Option<Address<S>>> {
    match cursor.null() {
        true => Some(None),
        false => read_address(cursor).map(Some),
    }
}

fn read_items<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<Vec<Item<S>>> {
    let mut items = Vec::new();
    cursor.array(|cursor| {
        items.push(read_item(cursor)?);
        Some(())
    })?;
    Some(items)
}

/// The readers of one object, from one declaration of its members: each member's field, its
/// JSON name, and the function that reads its value. `required` members must be there;
/// `optional` ones may be absent or `null`; `by_name` ones are optional and left out of the
/// order LeaseCloud sends (an object that has them is read by name).
///
/// Declares `$read`, which reads the object with `$in_order` (see [`InOrder`]: the members in
/// LeaseCloud's order, one 16-byte comparison per name) or, when it departs from that order,
/// again from its start with `$by_name` (any order, unknown members skipped).
macro_rules! object_readers {
    (
        $model:ident: $read:ident, $in_order:ident, $by_name:ident {
            $( $field:ident: $kind:ident $json:literal => $value:expr, )*
        }
    ) => {
        #[inline]
        fn $read<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<$model<S>> {
            cursor.object_either($in_order, $by_name)
        }

        #[inline]
        fn $in_order<'a, S: EventText<'a>>(members: &mut InOrder<'_, 'a>) -> Option<$model<S>> {
            $( let $field = object_readers!(@next $kind, members, $json, $value); )*
            Some($model { $( $field, )* })
        }

        fn $by_name<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<$model<S>> {
            $( let mut $field = None; )*
            cursor.object(|cursor, key| match key {
                $( $json => first(&mut $field, $value(cursor)?), )*
                _ => cursor.skip_value(),
            })?;
            Some($model { $( $field: object_readers!(@seen $kind, $field), )* })
        }
    };
    (@next by_name, $members:ident, $json:literal, $value:expr) => {
        None
    };
    (@next $kind:ident, $members:ident, $json:literal, $value:expr) => {
        $members.member(name!($json), $value)?
    };
    (@seen required, $field:ident) => {
        $field?
    };
    (@seen $kind:ident, $field:ident) => {
        $field.flatten()
    };
}

object_readers! {
    Order: read_order, read_order_in_order, read_order_by_name {
        id: required "id" => order_id,
        org_number: optional "orgNumber" => optional_text,
        status: required "status" => order_status,
        total_amount: required "totalAmount" => Cursor::integer,
        vat: required "VAT" => Cursor::integer,
        shipping_amount: required "shippingAmount" => Cursor::integer,
        shipping_vat: required "shippingVAT" => Cursor::integer,
        currency: required "currency" => text_value,
        months: required "months" => count,
        billing: required "billing" => read_address,
        shipping: optional "shipping" => read_optional_address,
        items: required "items" => read_items,
        created_at: required "createdAt" => datetime,
        updated_at: required "updatedAt" => datetime,
    }
}

object_readers! {
    Address: read_address, read_address_in_order, read_address_by_name {
        first_name: optional "firstName" => optional_text,
        last_name: optional "lastName" => optional_text,
        email: optional "email" => optional_text,
        phone: optional "phone" => optional_text,
        company: optional "company" => optional_text,
        address: optional "address" => optional_text,
        address2: optional "address2" => optional_text,
        city: optional "city" => optional_text,
        state: optional "state" => optional_text,
        // Serde also takes a number here; this reader leaves that to it.
        postal_code: optional "postalCode" => optional_text,
        country: optional "country" => optional_text,
    }
}

object_readers! {
    Item: read_item, read_item_in_order, read_item_by_name {
        name: required "name" => text_value,
        // Serde also takes an integer id; this reader leaves that to it.
        product_id: required "productId" => text_value,
        article_nr: optional "articleNr" => optional_text,
        quantity: required "quantity" => count,
        unit_amount: required "unitAmount" => Cursor::integer,
        total_amount: required "totalAmount" => Cursor::integer,
        vat: required "VAT" => Cursor::integer,
        sku: by_name "sku" => optional_text,
        variation_id: by_name "variationId" => optional_text,
        serial_number: by_name "serialNumber" => optional_text,
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::leasecloud::EventView;

    const ORDER_CREATED: &[u8] = include_bytes!("../../samples/leasecloud/order_created.json");

    fn direct(body: &[u8]) -> Option<EventView<'_>> {
        read_order_event::<Cow<'_, str>>(body)
    }

    /// The event as serde reads it, without the direct reader.
    fn serde_path(body: &[u8]) -> Event {
        serde_json::from_slice(body).expect("serde reads what the direct reader reads")
    }

    fn edited(find: &str, replace: &str) -> Vec<u8> {
        let body = std::str::from_utf8(ORDER_CREATED).unwrap();
        assert!(body.contains(find), "{find}");
        body.replacen(find, replace, 1).into_bytes()
    }

    #[test]
    fn the_page_sample_is_read_directly_to_the_serde_paths_event() {
        let event = direct(ORDER_CREATED).expect("the page sample takes the direct path");
        assert_eq!(event.into_owned(), serde_path(ORDER_CREATED));
        let updated = edited("order.created", "order.statusUpdated");
        let event = direct(&updated).expect("order.statusUpdated takes the direct path");
        assert_eq!(event.name(), "order.statusUpdated");
        assert_eq!(event.into_owned(), serde_path(&updated));
    }

    #[test]
    fn plain_variations_stay_on_the_direct_path() {
        for body in [
            edited(r#""shipping": {"#, r#""shipping": null, "old": {"#),
            edited(r#""orgNumber": "5590894308""#, r#""orgNumber": null"#),
            edited(
                r#""state": """#,
                r#""state": null, "extra": [1, {"a": -2.5e3}]"#,
            ),
            edited(
                r#""VAT": 0"#,
                r#""VAT": -7, "sku": "S-1", "serialNumber": null"#,
            ),
        ] {
            let event = direct(&body).expect("plain variations take the direct path");
            assert_eq!(event.into_owned(), serde_path(&body));
        }
    }

    /// The text of the order object (`data`) in a pretty-printed body.
    fn order_text(body: &[u8]) -> &str {
        let body = std::str::from_utf8(body).unwrap();
        let start = body.find(r#""data": "#).unwrap() + 8;
        &body[start..body.rfind('}').unwrap()]
    }

    fn in_order_only(order: &str) -> Option<Order<Cow<'_, str>>> {
        Cursor::new(order).object_either(read_order_in_order, |_| None)
    }

    #[test]
    fn the_page_sample_is_read_in_order() {
        let order = in_order_only(order_text(ORDER_CREATED)).expect("LeaseCloud's order");
        let read: EventView<'_> = Event {
            id: Cow::Borrowed("evt:e1f0aed8-883a-9751-74a3-48537d3d94ce"),
            kind: EventKind::OrderCreated(Box::new(order)),
        };
        assert_eq!(read.into_owned(), serde_path(ORDER_CREATED));
    }

    /// A departure from LeaseCloud's order sends that object, and only that object, to the
    /// reader by name: the event is still read directly, to serde's values.
    #[test]
    fn members_out_of_order_are_read_by_name() {
        let order_departs = [
            edited(
                r#""status": "PENDING","#,
                r#""status": "PENDING", "later": 1,"#,
            ),
            edited(r#""orgNumber": "5590894308","#, ""),
        ];
        let inner_object_departs = [
            edited(r#""VAT": 0"#, r#""VAT": 0, "sku": "S-1""#),
            edited(
                r#""firstName": "Ora",
      "lastName": "Roob","#,
                r#""lastName": "Roob",
      "firstName": "Ora","#,
            ),
        ];
        for body in &order_departs {
            assert!(in_order_only(order_text(body)).is_none());
        }
        for body in &inner_object_departs {
            assert!(in_order_only(order_text(body)).is_some());
        }
        for body in order_departs.iter().chain(&inner_object_departs) {
            let event = direct(body).expect("read by name");
            assert_eq!(event.into_owned(), serde_path(body));
        }
    }

    #[test]
    fn anything_unusual_is_left_to_serde() {
        let declined = [
            edited("Towels", r"Tow\u0065ls"),
            edited(r#""totalAmount": 23323"#, r#""totalAmount": "23323""#),
            edited(r#""totalAmount": 23323"#, r#""totalAmount": 23323.0"#),
            edited(r#""productId": "23""#, r#""productId": 23"#),
            edited(r#""postalCode": "17875""#, r#""postalCode": 17875"#),
            edited(r#""months": 24"#, r#""months": -1"#),
            edited(
                r#""currency": "SEK","#,
                r#""currency": "SEK", "currency": "EUR","#,
            ),
            edited(r#""status": "PENDING","#, ""),
            edited("order.created", "order.signed"),
            edited("2018-01-03T15:10:00.000Z", "yesterday"),
            br#"{"data":{},"action":"order.created","id":"e"}"#.to_vec(),
            [ORDER_CREATED, b"x"].concat(),
            [ORDER_CREATED, b"{}"].concat(),
        ];
        for body in declined {
            assert!(
                direct(&body).is_none(),
                "{}",
                String::from_utf8_lossy(&body)
            );
        }
    }
}
