//! Spark Pay event types: the 30 names of the current webhooks page, spelled exactly.

use std::collections::HashSet;
use std::str::FromStr;
use std::time::Duration;

use commerce_webhooks::sparkpay::{EventType, UnknownEventType, REPLY_DEADLINE};

/// The table of `reference/sparkpay/webhooks.md`, in its order: (name, "Reply?" column).
const PAGE_TABLE: [(&str, bool); 30] = [
    ("AuthorizingPayment", true),
    ("CapturingPayment", true),
    ("CustomerCreated", false),
    ("CustomerEmailUpdated", false),
    ("CustomerUpdated", false),
    ("CustomerRegistered", false),
    ("GetDiscount", true),
    ("GetPrice", true),
    ("GetProductStatus", true),
    ("GetTax", true),
    ("NewOrder", false),
    ("NewQuote", false),
    ("NewValidOrder", false),
    ("OrderApproved", false),
    ("OrderCanceled", false),
    ("OrderDeclined", false),
    ("OrderPlaced", false),
    ("OrderShipped", false),
    ("OrderStatusChanged", false),
    ("OrderUpdated", false),
    ("PaymentProcessed", false),
    ("ProductCreated", false),
    ("ProductStatusChanged", false),
    ("ProductUpdated", false),
    ("QuoteStatusChanged", false),
    ("QuoteUpdated", false),
    ("ValidateCart", true),
    ("ValidateCheckout", true),
    ("ValidateCustomer", true),
    ("ValidateProduct", true),
];

/// The table of the first page (`provider-docs/sparkpay.md`), plus GetDiscount, which that page
/// details without listing it in its table.
const FIRST_PAGE: [&str; 15] = [
    "AuthorizingPayment",
    "CapturingPayment",
    "GetPrice",
    "GetProductStatus",
    "GetTax",
    "OrderApproved",
    "OrderCanceled",
    "OrderDeclined",
    "OrderPlaced",
    "OrderShipped",
    "PaymentProcessed",
    "ProductStatusChanged",
    "ValidateCart",
    "ValidateCheckout",
    "GetDiscount",
];

#[test]
fn all_lists_the_page_table_in_order() {
    let names: Vec<&str> = EventType::ALL.iter().map(|e| e.as_str()).collect();
    let expected: Vec<&str> = PAGE_TABLE.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, expected);
    let distinct: HashSet<EventType> = EventType::ALL.into_iter().collect();
    assert_eq!(distinct.len(), 30);
}

#[test]
fn every_name_round_trips_through_from_str_display_and_serde() {
    for (name, _) in PAGE_TABLE {
        let event = EventType::from_str(name).unwrap();
        assert_eq!(event.to_string(), name);
        assert_eq!(event.as_str(), name);
        let json = serde_json::to_string(&event).unwrap();
        assert_eq!(json, format!("\"{name}\""));
        assert_eq!(serde_json::from_str::<EventType>(&json).unwrap(), event);
        // Deserializing from an owned string (serde_json::Value) works too.
        let value = serde_json::Value::String(name.to_owned());
        assert_eq!(serde_json::from_value::<EventType>(value).unwrap(), event);
    }
}

#[test]
fn the_first_pages_fifteen_names_are_all_known() {
    for name in FIRST_PAGE {
        assert!(name.parse::<EventType>().is_ok(), "{name}");
    }
}

#[test]
fn reply_column_and_deadline_match_the_page() {
    assert_eq!(REPLY_DEADLINE, Duration::from_secs(3));
    for (name, reply) in PAGE_TABLE {
        let event: EventType = name.parse().unwrap();
        assert_eq!(event.expects_reply(), reply, "{name}");
        let expected = reply.then_some(Duration::from_secs(3));
        assert_eq!(event.reply_deadline(), expected, "{name}");
    }
    assert_eq!(PAGE_TABLE.iter().filter(|(_, reply)| *reply).count(), 10);
}

#[test]
fn an_unknown_name_is_an_error_listing_every_valid_name() {
    let error = "OrderPlace".parse::<EventType>().unwrap_err();
    assert_eq!(error.name(), "OrderPlace");
    assert_eq!(error.suggestion(), Some(EventType::OrderPlaced));
    let message = error.to_string();
    assert!(message.starts_with("`OrderPlace` is not a Spark Pay event type"));
    assert!(message.contains("did you mean `OrderPlaced`?"));
    for (name, _) in PAGE_TABLE {
        assert!(message.contains(name), "{name} missing from: {message}");
    }
}

#[test]
fn spelling_is_exact_but_a_case_slip_is_suggested() {
    let error = "gettax".parse::<EventType>().unwrap_err();
    assert_eq!(error.suggestion(), Some(EventType::GetTax));
    assert!(" GetTax".parse::<EventType>().is_err());
    assert!("".parse::<EventType>().is_err());
    let far = "Refunded".parse::<EventType>().unwrap_err();
    assert_eq!(far.suggestion(), None);
    assert!(!far.to_string().contains("did you mean"));
}

#[test]
fn a_huge_unknown_name_is_cut_in_the_message() {
    let name = "X".repeat(100_000);
    let error: UnknownEventType = name.parse::<EventType>().unwrap_err();
    assert_eq!(error.name().len(), 100_000);
    assert_eq!(error.suggestion(), None);
    assert!(error.to_string().len() < 1_000);
}

#[test]
fn serde_refuses_unknown_names_and_non_strings_with_the_list() {
    let error = serde_json::from_str::<EventType>("\"OrderPlace\"").unwrap_err();
    let message = error.to_string();
    assert!(message.contains("OrderPlaced"), "{message}");
    assert!(message.contains("ValidateProduct"), "{message}");
    assert!(serde_json::from_str::<EventType>("17").is_err());
}
