//! Spark Pay authentication: a secret token in the registered URL, compared in constant time,
//! checked before the body is parsed.

use commerce_webhooks::sparkpay::{token_from_query, EventType, Request, Webhook, TOKEN_PARAM};
use commerce_webhooks::{ConfigError, Error, Secret, VerifyError, MAX_HEADER_LEN, MAX_SECRETS};

const TOKEN: &str = "sp_tok_2f9c1e7a5b3d4c6e8f0a1b2c3d4e5f60";
const PRICE_BODY: &[u8] = br#"{"items": [{"item_number": "42LP1", "quantity": 1}]}"#;

fn hook() -> Webhook {
    Webhook::new(Secret::new(TOKEN).unwrap())
}

#[test]
fn the_right_token_lets_the_body_through_typed() {
    let request = hook()
        .verify(EventType::GetPrice, TOKEN, PRICE_BODY)
        .unwrap();
    let Request::GetPrice(price) = request else {
        panic!("wrong variant");
    };
    assert_eq!(price.items[0].item_number, "42LP1");
    assert_eq!(price.items[0].quantity, 1);

    let query = format!("store=1&{TOKEN_PARAM}={TOKEN}");
    let request = hook()
        .verify_query(EventType::GetPrice, &query, PRICE_BODY)
        .unwrap();
    assert_eq!(request.event_type(), EventType::GetPrice);
}

#[test]
fn a_wrong_or_missing_token_is_a_401_before_the_body_is_read() {
    let not_json = b"this is not json";
    for token in ["", "guess", &TOKEN[..TOKEN.len() - 1], &format!("{TOKEN}x")] {
        let error = hook()
            .verify(EventType::GetPrice, token, not_json)
            .unwrap_err();
        assert!(
            matches!(
                error,
                Error::Verify(VerifyError::SignatureMismatch { header: "token" })
            ),
            "{token:?}: {error:?}"
        );
        assert_eq!(error.status_code(), 401);
    }
    let error = hook()
        .verify_query(EventType::GetPrice, "store=1", not_json)
        .unwrap_err();
    assert!(matches!(
        error,
        Error::Verify(VerifyError::MissingHeader { header: "token" })
    ));
    // The right token with a bad body: now the body is the problem, a 400.
    let error = hook()
        .verify(EventType::GetPrice, TOKEN, not_json)
        .unwrap_err();
    assert!(matches!(error, Error::Parse(_)), "{error:?}");
    assert_eq!(error.status_code(), 400);
}

#[test]
fn the_token_never_appears_in_errors_or_debug() {
    let error = hook()
        .verify(EventType::GetTax, "guess", b"{}")
        .unwrap_err();
    assert!(!error.to_string().contains(TOKEN));
    assert!(!format!("{error:?}").contains(TOKEN));
    assert!(!format!("{:?}", hook()).contains(TOKEN));
}

#[test]
fn several_tokens_rotate() {
    let hook = Webhook::with_secrets([
        Secret::new("new-token-0123456789").unwrap(),
        Secret::new("old-token-0123456789").unwrap(),
    ])
    .unwrap();
    assert_eq!(
        hook.verify_token("new-token-0123456789")
            .unwrap()
            .secret_index,
        0
    );
    assert_eq!(
        hook.verify_token("old-token-0123456789")
            .unwrap()
            .secret_index,
        1
    );
    assert!(hook.verify_token("older-token-0123456789").is_err());
    assert_eq!(
        Webhook::with_secrets([]).unwrap_err(),
        ConfigError::NoSecrets
    );
    let too_many = (0..=MAX_SECRETS).map(|i| Secret::new(format!("token-{i}")).unwrap());
    assert!(matches!(
        Webhook::with_secrets(too_many),
        Err(ConfigError::TooManySecrets { .. })
    ));
}

#[test]
fn an_oversized_token_is_refused_up_front() {
    let huge = "a".repeat(MAX_HEADER_LEN + 1);
    assert!(matches!(
        hook().verify_token(&huge),
        Err(VerifyError::HeaderTooLarge {
            header: "token",
            ..
        })
    ));
}

#[test]
fn the_token_is_read_from_a_query_a_path_or_a_url() {
    let cases = [
        ("token=abc", "abc"),
        ("?token=abc", "abc"),
        ("store=1&token=abc&x=y", "abc"),
        ("/sparkpay/GetTax?token=abc", "abc"),
        ("https://h.example/sparkpay/GetTax?token=abc#frag", "abc"),
        ("token=", ""),
        ("token", ""),
        ("token=a=b", "a=b"),
    ];
    for (query, token) in cases {
        assert_eq!(token_from_query(query).unwrap(), token, "{query}");
    }
    for query in ["", "tokens=abc", "Token=abc", "x=token", "#token=abc"] {
        assert_eq!(
            token_from_query(query).unwrap_err(),
            VerifyError::MissingHeader { header: "token" },
            "{query}"
        );
    }
    assert!(matches!(
        token_from_query("token=a&token=b"),
        Err(VerifyError::MalformedHeader {
            header: "token",
            ..
        })
    ));
}

#[test]
fn token_errors_speak_of_a_query_parameter_and_not_of_a_body() {
    let not_json = b"not json";
    let messages = [
        hook()
            .verify_query(EventType::GetPrice, "token=guess", not_json)
            .unwrap_err()
            .to_string(),
        hook()
            .verify_query(EventType::GetPrice, "store=1", not_json)
            .unwrap_err()
            .to_string(),
        hook()
            .verify_query(EventType::GetPrice, "token=a&token=b", not_json)
            .unwrap_err()
            .to_string(),
        hook()
            .verify_query(EventType::GetPrice, "token=%zz", not_json)
            .unwrap_err()
            .to_string(),
    ];
    assert!(
        messages[0].starts_with("the `token` query parameter matches none"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].starts_with("the `token` query parameter is missing"),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].starts_with("the `token` query parameter is malformed"),
        "{}",
        messages[2]
    );
    assert!(
        messages[3].contains("`%` is not followed by two hex digits"),
        "{}",
        messages[3]
    );
    for message in &messages {
        assert!(!message.contains("header"), "{message}");
        assert!(!message.contains("body"), "{message}");
        assert!(
            !message.contains("guess") && !message.contains(TOKEN),
            "{message}"
        );
    }
}

#[test]
fn a_token_with_characters_a_url_encodes_matches_encoded_or_as_it_is() {
    let token = "sp+tok/7%q~x y";
    let hook = Webhook::new(Secret::new(token).unwrap());
    let query = Webhook::sign_query(&Secret::new(token).unwrap());
    assert_eq!(query, "token=sp%2Btok%2F7%25q~x%20y");
    assert!(hook
        .verify_query(EventType::GetPrice, &query, PRICE_BODY)
        .is_ok());
    // Lower-case escapes are the same bytes.
    let lower = "token=sp%2btok%2f7%25q~x%20y";
    assert!(hook
        .verify_query(EventType::GetPrice, lower, PRICE_BODY)
        .is_ok());
    // A `+` in a URL is a `+`, not a space: a token with a plus may be registered unencoded.
    let plus = Webhook::new(Secret::new("a+b").unwrap());
    assert!(plus
        .verify_query(EventType::GetPrice, "token=a+b", PRICE_BODY)
        .is_ok());
    assert!(plus
        .verify_query(EventType::GetPrice, "token=a%2Bb", PRICE_BODY)
        .is_ok());
    assert!(plus
        .verify_query(EventType::GetPrice, "token=a%20b", PRICE_BODY)
        .is_err());
    // A token given directly (already decoded by a framework) is compared as it is.
    assert!(hook.verify(EventType::GetPrice, token, PRICE_BODY).is_ok());
    // A broken escape is malformed, not a near match.
    let error = hook
        .verify_query(EventType::GetPrice, "token=sp%2", PRICE_BODY)
        .unwrap_err();
    assert!(matches!(
        error,
        Error::Verify(VerifyError::MalformedHeader {
            header: "token",
            ..
        })
    ));
}

#[test]
fn only_signature_headers_bring_the_raw_body_advice() {
    use commerce_webhooks::{kinguin, leasecloud};
    let signature = leasecloud::Webhook::new(Secret::new("whsec_a").unwrap())
        .verify(
            &leasecloud::Webhook::sign_headers(&Secret::new("whsec_b").unwrap(), 1, b"{}"),
            b"{}",
        )
        .unwrap_err()
        .to_string();
    assert!(
        signature.contains("the raw request body is passed exactly as received"),
        "{signature}"
    );
    let secret = kinguin::Webhook::new(Secret::new("kinguin_a").unwrap())
        .verify(
            &kinguin::Webhook::sign_headers(&Secret::new("kinguin_b").unwrap(), "order.status"),
            b"{}",
        )
        .unwrap_err()
        .to_string();
    assert!(
        secret.starts_with("the `X-Event-Secret` header matches none"),
        "{secret}"
    );
    assert!(!secret.contains("body"), "{secret}");
}

#[test]
fn through_a_request_the_event_type_is_the_last_path_segment_read_after_the_token() {
    use commerce_webhooks::{Provider, Request};
    let query = format!("{TOKEN_PARAM}={TOKEN}");
    let no_headers: [(&str, &str); 0] = [];
    let request = Request::new(&no_headers, PRICE_BODY)
        .path("/hooks/sparkpay/GetPrice/")
        .query(&query);
    assert_eq!(
        hook().verify_request(&request).unwrap().event_type(),
        EventType::GetPrice
    );
    // An unknown segment, with the token: authentic, not understood, a parse error naming it.
    let request = Request::new(&no_headers, PRICE_BODY)
        .path("/hooks/sparkpay/GetPrices")
        .query(&query);
    let Err(Error::Parse(error)) = hook().verify_request(&request) else {
        panic!("an unknown event type must be a parse error");
    };
    assert_eq!(error.event.as_deref(), Some("GetPrices"));
    assert!(
        error.message.starts_with(
            "the last segment of the URL path: `GetPrices` is not a Spark Pay event type"
        ),
        "{error}"
    );
    // Without the token the path is not looked at: a caller learns nothing about the URLs.
    let request = Request::new(&no_headers, PRICE_BODY).path("/hooks/sparkpay/GetPrices");
    assert!(matches!(
        hook().verify_request(&request),
        Err(Error::Verify(VerifyError::MissingHeader {
            header: "token"
        }))
    ));
    // No path at all is a parse error saying what to pass.
    let request = Request::new(&no_headers, PRICE_BODY).query(&query);
    let Err(Error::Parse(error)) = hook().verify_request(&request) else {
        panic!("a request without a path must be a parse error");
    };
    assert!(error.message.contains("Request::path"), "{error}");
}
