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
use crate::leasing;
use crate::order_id::OrderId;
use crate::EventText;

/// The event, when the body is an order event in the plain shape; `None` sends it to serde.
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
        id: text(id.filter(|id| leasing::is_usable_id(id))?),
        kind: kind?,
    })
}

fn text<'a, S: EventText<'a>>(text: &'a str) -> S {
    S::from_cow(Cow::Borrowed(text))
}

fn optional_text<'a, S: EventText<'a>>(member: Option<Option<&'a str>>) -> Option<S> {
    member.flatten().map(text)
}

fn count(cursor: &mut Cursor<'_>) -> Option<u32> {
    u32::try_from(cursor.integer()?).ok()
}

fn datetime(cursor: &mut Cursor<'_>) -> Option<time::OffsetDateTime> {
    parse_datetime(cursor.string()?)
}

fn read_order<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<Order<S>> {
    cursor.object_either(read_order_in_order, read_order_by_name)
}

/// An order in LeaseCloud's member order.
fn read_order_in_order<'a, S: EventText<'a>>(members: &mut InOrder<'_, 'a>) -> Option<Order<S>> {
    let id = members.member(name!("id"), Cursor::string)?;
    let org_number = members.member(name!("orgNumber"), Cursor::optional_string)?;
    let status = members.member(name!("status"), Cursor::string)?;
    let total_amount = members.member(name!("totalAmount"), Cursor::integer)?;
    let vat = members.member(name!("VAT"), Cursor::integer)?;
    let shipping_amount = members.member(name!("shippingAmount"), Cursor::integer)?;
    let shipping_vat = members.member(name!("shippingVAT"), Cursor::integer)?;
    let currency = members.member(name!("currency"), Cursor::string)?;
    let months = members.member(name!("months"), count)?;
    let billing = members.member(name!("billing"), read_address)?;
    let shipping = members.member(name!("shipping"), read_optional_address)?;
    let items = members.member(name!("items"), read_items)?;
    let created_at = members.member(name!("createdAt"), datetime)?;
    let updated_at = members.member(name!("updatedAt"), datetime)?;
    Some(Order {
        id: OrderId::string(id.to_owned()),
        org_number: org_number.map(text),
        status: OrderStatus::from(status),
        total_amount,
        vat,
        shipping_amount,
        shipping_vat,
        currency: text(currency),
        months,
        billing,
        shipping,
        items,
        created_at,
        updated_at,
    })
}

/// An order whose members come in any order, some of them unknown.
fn read_order_by_name<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<Order<S>> {
    let mut id = None;
    let mut org_number = None;
    let mut status = None;
    let mut total_amount = None;
    let mut vat = None;
    let mut shipping_amount = None;
    let mut shipping_vat = None;
    let mut currency = None;
    let mut months = None;
    let mut billing = None;
    let mut shipping = None;
    let mut items = None;
    let mut created_at = None;
    let mut updated_at = None;
    cursor.object(|cursor, key| match key {
        "id" => first(&mut id, cursor.string()?),
        "orgNumber" => first(&mut org_number, cursor.optional_string()?),
        "status" => first(&mut status, cursor.string()?),
        "totalAmount" => first(&mut total_amount, cursor.integer()?),
        "VAT" => first(&mut vat, cursor.integer()?),
        "shippingAmount" => first(&mut shipping_amount, cursor.integer()?),
        "shippingVAT" => first(&mut shipping_vat, cursor.integer()?),
        "currency" => first(&mut currency, cursor.string()?),
        "months" => first(&mut months, count(cursor)?),
        "billing" => first(&mut billing, read_address(cursor)?),
        "shipping" => first(&mut shipping, read_optional_address(cursor)?),
        "items" => first(&mut items, read_items(cursor)?),
        "createdAt" => first(&mut created_at, datetime(cursor)?),
        "updatedAt" => first(&mut updated_at, datetime(cursor)?),
        _ => cursor.skip_value(),
    })?;
    Some(Order {
        id: OrderId::string(id?.to_owned()),
        org_number: optional_text(org_number),
        status: OrderStatus::from(status?),
        total_amount: total_amount?,
        vat: vat?,
        shipping_amount: shipping_amount?,
        shipping_vat: shipping_vat?,
        currency: text(currency?),
        months: months?,
        billing: billing?,
        shipping: shipping.flatten(),
        items: items?,
        created_at: created_at?,
        updated_at: updated_at?,
    })
}

fn read_optional_address<'a, S: EventText<'a>>(
    cursor: &mut Cursor<'a>,
) -> Option<Option<Address<S>>> {
    match cursor.null() {
        true => Some(None),
        false => read_address(cursor).map(Some),
    }
}

fn read_address<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<Address<S>> {
    cursor.object_either(read_address_in_order, read_address_by_name)
}

/// An address in LeaseCloud's member order.
fn read_address_in_order<'a, S: EventText<'a>>(
    members: &mut InOrder<'_, 'a>,
) -> Option<Address<S>> {
    let mut member = |name| Some(members.member(name, Cursor::optional_string)?.map(text));
    let first_name = member(name!("firstName"))?;
    let last_name = member(name!("lastName"))?;
    let email = member(name!("email"))?;
    let phone = member(name!("phone"))?;
    let company = member(name!("company"))?;
    let address = member(name!("address"))?;
    let address2 = member(name!("address2"))?;
    let city = member(name!("city"))?;
    let state = member(name!("state"))?;
    let postal_code = member(name!("postalCode"))?;
    let country = member(name!("country"))?;
    Some(Address {
        first_name,
        last_name,
        email,
        phone,
        company,
        address,
        address2,
        city,
        state,
        postal_code,
        country,
    })
}

/// An address whose members come in any order, some of them unknown.
fn read_address_by_name<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<Address<S>> {
    let mut first_name = None;
    let mut last_name = None;
    let mut email = None;
    let mut phone = None;
    let mut company = None;
    let mut address = None;
    let mut address2 = None;
    let mut city = None;
    let mut state = None;
    let mut postal_code = None;
    let mut country = None;
    cursor.object(|cursor, key| {
        let slot = match key {
            "firstName" => &mut first_name,
            "lastName" => &mut last_name,
            "email" => &mut email,
            "phone" => &mut phone,
            "company" => &mut company,
            "address" => &mut address,
            "address2" => &mut address2,
            "city" => &mut city,
            "state" => &mut state,
            // Serde also takes a number here; this reader leaves that to it.
            "postalCode" => &mut postal_code,
            "country" => &mut country,
            _ => return cursor.skip_value(),
        };
        first(slot, cursor.optional_string()?)
    })?;
    Some(Address {
        first_name: optional_text(first_name),
        last_name: optional_text(last_name),
        email: optional_text(email),
        phone: optional_text(phone),
        company: optional_text(company),
        address: optional_text(address),
        address2: optional_text(address2),
        city: optional_text(city),
        state: optional_text(state),
        postal_code: optional_text(postal_code),
        country: optional_text(country),
    })
}

fn read_items<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<Vec<Item<S>>> {
    let mut items = Vec::new();
    cursor.array(|cursor| {
        items.push(read_item(cursor)?);
        Some(())
    })?;
    Some(items)
}

fn read_item<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<Item<S>> {
    cursor.object_either(read_item_in_order, read_item_by_name)
}

/// An order line in LeaseCloud's member order, without the optional members the page sample
/// leaves out (a line with them is read by name).
fn read_item_in_order<'a, S: EventText<'a>>(members: &mut InOrder<'_, 'a>) -> Option<Item<S>> {
    let name = members.member(name!("name"), Cursor::string)?;
    let product_id = members.member(name!("productId"), Cursor::string)?;
    let article_nr = members.member(name!("articleNr"), Cursor::optional_string)?;
    let quantity = members.member(name!("quantity"), count)?;
    let unit_amount = members.member(name!("unitAmount"), Cursor::integer)?;
    let total_amount = members.member(name!("totalAmount"), Cursor::integer)?;
    let vat = members.member(name!("VAT"), Cursor::integer)?;
    Some(Item {
        name: text(name),
        product_id: text(product_id),
        article_nr: article_nr.map(text),
        quantity,
        unit_amount,
        total_amount,
        vat,
        sku: None,
        variation_id: None,
        serial_number: None,
    })
}

/// An order line whose members come in any order, some of them unknown.
fn read_item_by_name<'a, S: EventText<'a>>(cursor: &mut Cursor<'a>) -> Option<Item<S>> {
    let mut name = None;
    let mut product_id = None;
    let mut article_nr = None;
    let mut quantity = None;
    let mut unit_amount = None;
    let mut total_amount = None;
    let mut vat = None;
    let mut sku = None;
    let mut variation_id = None;
    let mut serial_number = None;
    cursor.object(|cursor, key| match key {
        "name" => first(&mut name, cursor.string()?),
        // Serde also takes an integer id; this reader leaves that to it.
        "productId" => first(&mut product_id, cursor.string()?),
        "articleNr" => first(&mut article_nr, cursor.optional_string()?),
        "quantity" => first(&mut quantity, count(cursor)?),
        "unitAmount" => first(&mut unit_amount, cursor.integer()?),
        "totalAmount" => first(&mut total_amount, cursor.integer()?),
        "VAT" => first(&mut vat, cursor.integer()?),
        "sku" => first(&mut sku, cursor.optional_string()?),
        "variationId" => first(&mut variation_id, cursor.optional_string()?),
        "serialNumber" => first(&mut serial_number, cursor.optional_string()?),
        _ => cursor.skip_value(),
    })?;
    Some(Item {
        name: text(name?),
        product_id: text(product_id?),
        article_nr: optional_text(article_nr),
        quantity: quantity?,
        unit_amount: unit_amount?,
        total_amount: total_amount?,
        vat: vat?,
        sku: optional_text(sku),
        variation_id: optional_text(variation_id),
        serial_number: optional_text(serial_number),
    })
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::leasecloud::EventView;

    const ORDER_CREATED: &[u8] =
        include_bytes!("../../tests/fixtures/leasecloud/order_created.json");

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
