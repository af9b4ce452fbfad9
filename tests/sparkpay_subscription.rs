//! Spark Pay subscriptions: the webhook resource, both ways, and its validation.

use std::time::Duration;

use commerce_webhooks::sparkpay::{CacheLength, EventType, FailureType, Subscription};
use commerce_webhooks::ConfigError;
use serde_json::json;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/sparkpay/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

/// The page's curl example sends its body inside single quotes with `\` line continuations,
/// which the shell keeps: the body as printed is not JSON. Without them it is, but subscribes
/// to "OrderPlace", which is not an event type. With that typo fixed it is a valid subscription.
#[test]
fn the_pages_curl_example() {
    let verbatim = fixture("subscription_curl_body.txt");
    assert!(serde_json::from_str::<Subscription>(&verbatim).is_err());

    let unescaped = verbatim.replace("\\\n", "\n");
    let error = serde_json::from_str::<Subscription>(&unescaped).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("`OrderPlace` is not a Spark Pay event type"),
        "{message}"
    );
    assert!(message.contains("did you mean `OrderPlaced`?"), "{message}");

    let fixed = unescaped.replace("\"OrderPlace\"", "\"OrderPlaced\"");
    let subscription: Subscription = serde_json::from_str(&fixed).unwrap();
    assert_eq!(subscription.id, None);
    assert_eq!(subscription.event_type, EventType::OrderPlaced);
    assert_eq!(
        subscription.url,
        "https://[webhookhost.com]/OrderPlacedProcessor"
    );
    assert_eq!(subscription.failure_type, FailureType::Fallback);
    assert_eq!(subscription.store_id, 1);
    assert_eq!(subscription.cache_length, CacheLength::Short);
    assert_eq!(
        subscription.fallback_url.as_deref(),
        Some("https://[webhookhost.com]/fallback/OrderPlacedProcessor")
    );
    subscription.validate().unwrap();

    // Written back, it is the page's body (typo fixed), field for field.
    let written = serde_json::to_value(&subscription).unwrap();
    let page: serde_json::Value = serde_json::from_str(&fixed).unwrap();
    assert_eq!(written, page);
}

#[test]
fn builder_and_serialization_use_the_page_field_names() {
    let subscription = Subscription::new(
        EventType::GetTax,
        "https://hooks.example.com/sparkpay/GetTax?token=abc",
        3,
    );
    assert_eq!(subscription.failure_type, FailureType::Ignore);
    assert_eq!(subscription.cache_length, CacheLength::NoCache);
    assert_eq!(
        serde_json::to_value(&subscription).unwrap(),
        json!({
            "event_type": "GetTax",
            "url": "https://hooks.example.com/sparkpay/GetTax?token=abc",
            "failure_type": "Ignore",
            "store_id": 3,
            "cache_length": "NoCache",
        })
    );
    let with_error = subscription.clone().failure_type(FailureType::Error);
    assert_eq!(
        serde_json::to_value(&with_error).unwrap()["failure_type"],
        "Error"
    );
    let long = subscription.cache_length(CacheLength::Long);
    assert_eq!(serde_json::to_value(&long).unwrap()["cache_length"], "Long");
}

#[test]
fn a_subscription_read_back_from_the_api_keeps_its_id_and_defaults() {
    let read: Subscription = serde_json::from_value(json!({
        "id": "12",
        "event_type": "ValidateCart",
        "url": "https://hooks.example.com/ValidateCart?token=abc",
        "store_id": 1,
        "a_newer_field": true,
    }))
    .unwrap();
    assert_eq!(read.id, Some(12));
    assert_eq!(read.failure_type, FailureType::Ignore);
    assert_eq!(read.cache_length, CacheLength::NoCache);
    assert_eq!(read.fallback_url, None);
    assert_eq!(serde_json::to_value(&read).unwrap()["id"], 12);

    let unknown: Subscription = serde_json::from_value(json!({
        "event_type": "GetPrice", "url": "https://x.example/p", "store_id": 1,
        "failure_type": "Retry", "cache_length": "Forever",
    }))
    .unwrap();
    assert_eq!(unknown.failure_type, FailureType::Other("Retry".into()));
    assert_eq!(unknown.cache_length.duration(), None);
    assert_eq!(
        serde_json::to_value(&unknown).unwrap()["failure_type"],
        "Retry"
    );
}

#[test]
fn cache_lengths_have_the_pages_durations() {
    assert_eq!(
        CacheLength::Short.duration(),
        Some(Duration::from_secs(300))
    );
    assert_eq!(
        CacheLength::Long.duration(),
        Some(Duration::from_secs(1800))
    );
    assert_eq!(CacheLength::NoCache.duration(), Some(Duration::ZERO));
    for (name, value) in [
        ("Short", CacheLength::Short),
        ("Long", CacheLength::Long),
        ("NoCache", CacheLength::NoCache),
    ] {
        assert_eq!(value.as_str(), name);
        assert_eq!(CacheLength::from(name), value);
        assert_eq!(serde_json::to_value(&value).unwrap(), json!(name));
    }
    for (name, value) in [
        ("Ignore", FailureType::Ignore),
        ("Error", FailureType::Error),
        ("Fallback", FailureType::Fallback),
    ] {
        assert_eq!(value.to_string(), name);
        assert_eq!(
            serde_json::from_value::<FailureType>(json!(name)).unwrap(),
            value
        );
    }
}

#[test]
fn validation_refuses_what_spark_pay_or_security_would() {
    let good = Subscription::new(EventType::GetTax, "https://h.example/GetTax?token=t", 1);
    good.validate().unwrap();

    let invalid = |s: Subscription| match s.validate() {
        Err(ConfigError::Invalid(message)) => message,
        other => panic!("expected Invalid, got {other:?}"),
    };

    let fallback_without_url = good.clone().failure_type(FailureType::Fallback);
    assert!(invalid(fallback_without_url).contains("fallback_url"));

    let plain_http = Subscription::new(EventType::GetTax, "http://h.example/GetTax?token=t", 1);
    assert!(invalid(plain_http).contains("https://"));
    assert!(invalid(Subscription::new(EventType::GetTax, "", 1)).contains("https://"));
    assert!(invalid(Subscription::new(EventType::GetTax, "https://", 1)).contains("https://"));
    assert!(invalid(Subscription::new(EventType::GetTax, "https://h x", 1)).contains("https://"));

    let http_fallback = good.clone().fallback("http://backup.example/GetTax");
    assert!(invalid(http_fallback).contains("fallback_url"));
    good.clone()
        .fallback("HTTPS://backup.example/GetTax?token=t")
        .validate()
        .unwrap();

    let no_store = Subscription::new(EventType::GetTax, "https://h.example/GetTax", 0);
    assert!(invalid(no_store).contains("store_id"));

    assert!(
        invalid(good.clone().failure_type(FailureType::from("Retry"))).contains("failure_type")
    );
    assert!(invalid(good.cache_length(CacheLength::from("Forever"))).contains("cache_length"));
}

#[test]
fn debug_hides_the_token_in_the_urls() {
    let subscription = Subscription::new(
        EventType::OrderPlaced,
        "https://h.example/sparkpay/OrderPlaced?token=very-secret-token",
        1,
    )
    .fallback("https://b.example/OrderPlaced#token=also-secret");
    let debug = format!("{subscription:?}");
    assert!(!debug.contains("very-secret-token"), "{debug}");
    assert!(!debug.contains("also-secret"), "{debug}");
    assert!(
        debug.contains("https://h.example/sparkpay/OrderPlaced?[redacted]"),
        "{debug}"
    );
    assert!(debug.contains("OrderPlaced"), "{debug}");
}
