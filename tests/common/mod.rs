//! What the receiver tests share: an HTTP/1.1 client that sends exactly the bytes given, the
//! test secrets, and the requests each provider would send, with the answer each must get.
//! Written once for both frameworks: the axum and actix-web receivers must answer alike.

#![allow(dead_code)] // Each test binary uses its own part.

use std::net::SocketAddr;

use commerce_webhooks::{ezq, kinguin, leasecloud, montly, sparkpay, Secret};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub const LEASECLOUD_SECRET: &str = "whsec_leasecloud_test";
pub const MONTLY_SECRET: &str = "whsec_montly_test";
pub const EZQ_SECRET: &str = "ezq_secret_test";
pub const KINGUIN_SECRET: &str = "kinguin_secret_test";
/// A `+` and a `/`, which a URL carries percent-encoded.
pub const SPARKPAY_TOKEN: &str = "sparkpay+token/test_0123456789";

pub const ORDER_CREATED: &[u8] = include_bytes!("../../samples/leasecloud/order_created.json");
pub const EZQ_ORDER: &[u8] = include_bytes!("../../samples/ezq/order_marketplace_confirmed.json");

/// The environment a receiver reads its secrets from.
pub fn env(name: &str) -> Option<String> {
    let value = match name {
        "LEASECLOUD_SECRET" => LEASECLOUD_SECRET,
        "MONTLY_SECRET" => MONTLY_SECRET,
        "EZQ_SECRET" => EZQ_SECRET,
        "KINGUIN_SECRET" => KINGUIN_SECRET,
        "SPARKPAY_TOKEN" => SPARKPAY_TOKEN,
        _ => return None,
    };
    Some(value.to_owned())
}

pub fn secret(value: &str) -> Secret {
    Secret::new(value).unwrap()
}

pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Sends one HTTP/1.1 request with exactly these bytes as its body, and reads the answer.
pub async fn post(
    address: SocketAddr,
    target: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let mut request = format!(
        "POST {target} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    // A server may answer 413 and close before reading a large body: that is the point.
    let _ = stream.write_all(body).await;
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw).await;
    parse_response(&raw)
}

/// Sends `request`, a whole HTTP/1.1 request written by the caller byte for byte (headers that
/// are not UTF-8 included), and reads the answer.
pub async fn send_raw(address: SocketAddr, request: &[u8]) -> Response {
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw).await;
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {head:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers.iter().any(|(name, value)| {
        name.eq_ignore_ascii_case("transfer-encoding") && value.contains("chunked")
    });
    if chunked {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let line_end = raw.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = usize::from_str_radix(std::str::from_utf8(&raw[..line_end]).unwrap().trim(), 16)
            .unwrap();
        raw = &raw[line_end + 2..];
        if size == 0 {
            return body;
        }
        body.extend_from_slice(&raw[..size]);
        raw = &raw[size + 2..];
    }
}

/// What an answer must be.
#[derive(Clone, Debug)]
pub enum Expect {
    /// This status and exactly this JSON body.
    Json(u16, Value),
    /// This status and an empty body.
    Empty(u16),
    /// This status, and a short plain-text reason containing each of these.
    Refused(u16, Vec<&'static str>),
}

/// One request a provider (or an attacker) would send, and the answer it must get.
#[derive(Clone, Debug)]
pub struct Case {
    pub name: &'static str,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub expect: Expect,
    /// For an authentic body that does not parse: the provider name, id and event name the
    /// dead-letter store must hold with the exact bytes.
    pub dead_letter: Option<(&'static str, Option<&'static str>, Option<&'static str>)>,
}

impl Case {
    fn new(
        name: &'static str,
        target: &str,
        headers: Vec<(&str, String)>,
        body: &[u8],
        expect: Expect,
    ) -> Self {
        Case {
            name,
            target: target.to_owned(),
            headers: headers
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
            body: body.to_vec(),
            expect,
            dead_letter: None,
        }
    }

    fn dead(
        mut self,
        provider: &'static str,
        id: Option<&'static str>,
        name: Option<&'static str>,
    ) -> Self {
        self.dead_letter = Some((provider, id, name));
        self
    }

    pub async fn send(&self, address: SocketAddr) -> Response {
        post(address, &self.target, &self.headers, &self.body).await
    }

    /// Panics with the case's name unless `response` is what it must be.
    pub fn check(&self, response: &Response) {
        let name = self.name;
        match &self.expect {
            Expect::Json(status, json) => {
                assert_eq!(response.status, *status, "{name}: {}", response.text());
                assert_eq!(
                    response.header("content-type"),
                    Some("application/json"),
                    "{name}"
                );
                let body: Value = serde_json::from_slice(&response.body)
                    .unwrap_or_else(|e| panic!("{name}: {e}: {}", response.text()));
                assert_eq!(&body, json, "{name}");
            }
            Expect::Empty(status) => {
                assert_eq!(response.status, *status, "{name}: {}", response.text());
                assert!(response.body.is_empty(), "{name}: {}", response.text());
            }
            Expect::Refused(status, words) => {
                assert_eq!(response.status, *status, "{name}: {}", response.text());
                let reason = response.text();
                assert!(
                    reason.len() < 1024,
                    "{name}: a reason of {} bytes",
                    reason.len()
                );
                for word in words {
                    assert!(reason.contains(word), "{name}: {reason:?} lacks {word:?}");
                }
                for secret in [
                    LEASECLOUD_SECRET,
                    MONTLY_SECRET,
                    EZQ_SECRET,
                    KINGUIN_SECRET,
                    SPARKPAY_TOKEN,
                ] {
                    assert!(!reason.contains(secret), "{name}: a secret in {reason:?}");
                }
            }
        }
    }
}

fn leasecloud_headers(secret_value: &str, at: i64, body: &[u8]) -> Vec<(&'static str, String)> {
    leasecloud::Webhook::sign_headers(&secret(secret_value), at, body).to_vec()
}

fn montly_headers(secret_value: &str, at: i64, body: &[u8]) -> Vec<(&'static str, String)> {
    montly::Webhook::sign_headers(&secret(secret_value), at, body).to_vec()
}

/// Everything the receivers must get right, for all five providers.
pub fn cases() -> Vec<Case> {
    let now = now();
    let mut cases = Vec::new();

    // LeaseCloud: acknowledged with the documented JSON, or refused.
    let ack = json!({
        "id": "evt:e1f0aed8-883a-9751-74a3-48537d3d94ce",
        "orderId": "c1f0acd8-8e3e-4477-85d3-18337c3c92d6"
    });
    cases.push(Case::new(
        "LeaseCloud order.created",
        "/webhooks/leasecloud",
        leasecloud_headers(LEASECLOUD_SECRET, now, ORDER_CREATED),
        ORDER_CREATED,
        Expect::Json(200, ack),
    ));
    let tampered = String::from_utf8_lossy(ORDER_CREATED).replace("23323", "23324");
    cases.push(Case::new(
        "LeaseCloud tampered body",
        "/webhooks/leasecloud",
        leasecloud_headers(LEASECLOUD_SECRET, now, ORDER_CREATED),
        tampered.as_bytes(),
        Expect::Refused(
            401,
            vec![
                "`LeaseCloud-Signature`",
                "matches none of the configured secrets",
            ],
        ),
    ));
    cases.push(Case::new(
        "LeaseCloud stale timestamp",
        "/webhooks/leasecloud",
        leasecloud_headers(LEASECLOUD_SECRET, now - 3600, ORDER_CREATED),
        ORDER_CREATED,
        Expect::Refused(401, vec!["s old, beyond the tolerance of 300 s"]),
    ));
    cases.push(Case::new(
        "LeaseCloud missing header",
        "/webhooks/leasecloud",
        vec![("LeaseCloud-Version", "1.0.0".to_owned())],
        ORDER_CREATED,
        Expect::Refused(401, vec!["`LeaseCloud-Signature` header is missing"]),
    ));
    cases.push(Case::new(
        "LeaseCloud signed with another secret",
        "/webhooks/leasecloud",
        leasecloud_headers("whsec_someone_else", now, ORDER_CREATED),
        ORDER_CREATED,
        Expect::Refused(401, vec!["matches none of the configured secrets"]),
    ));
    // Authentic, but `data` comes first and its amount is not a number: kept and acknowledged.
    let unparsable =
        br#"{"data":{"totalAmount":"lots"},"action":"order.created","id":"evt:dead-1"}"#;
    cases.push(
        Case::new(
            "LeaseCloud authentic body that does not parse",
            "/webhooks/leasecloud",
            leasecloud_headers(LEASECLOUD_SECRET, now, unparsable),
            unparsable,
            Expect::Json(200, json!({"id": "evt:dead-1"})),
        )
        .dead("LeaseCloud", Some("evt:dead-1"), Some("order.created")),
    );
    let huge = vec![b' '; 300 * 1024];
    cases.push(Case::new(
        "LeaseCloud body over the limit",
        "/webhooks/leasecloud",
        leasecloud_headers(LEASECLOUD_SECRET, now, &huge),
        &huge,
        Expect::Refused(413, vec!["limit of 262144 bytes"]),
    ));

    // Montly: 200 with any body.
    let signed = br#"{"id":"evt:m1","type":"order.signed","data":{"orderId":42}}"#;
    cases.push(Case::new(
        "Montly order.signed",
        "/webhooks/montly",
        montly_headers(MONTLY_SECRET, now, signed),
        signed,
        Expect::Empty(200),
    ));
    cases.push(Case::new(
        "Montly stale timestamp",
        "/webhooks/montly",
        montly_headers(MONTLY_SECRET, now - 400, signed),
        signed,
        Expect::Refused(
            401,
            vec!["`Montly-Signature`", "s old, beyond the tolerance of 300 s"],
        ),
    ));
    cases.push(Case::new(
        "Montly tampered body",
        "/webhooks/montly",
        montly_headers(MONTLY_SECRET, now, signed),
        br#"{"id":"evt:m1","type":"order.signed","data":{"orderId":43}}"#,
        Expect::Refused(401, vec!["matches none of the configured secrets"]),
    ));
    let unparsable = br#"{"id":"evt:m-dead","type":"tariff.updated","data":{"tariffs":[{"months":"many","tariff":1.5}]}}"#;
    cases.push(
        Case::new(
            "Montly authentic body that does not parse",
            "/webhooks/montly",
            montly_headers(MONTLY_SECRET, now, unparsable),
            unparsable,
            Expect::Empty(200),
        )
        .dead("Montly", Some("evt:m-dead"), Some("tariff.updated")),
    );

    // EZQ: 200.
    cases.push(Case::new(
        "EZQ order_marketplace.confirmed",
        "/webhooks/ezq",
        ezq::Webhook::sign_headers(&secret(EZQ_SECRET), EZQ_ORDER).to_vec(),
        EZQ_ORDER,
        Expect::Empty(200),
    ));
    cases.push(Case::new(
        "EZQ signature of another body",
        "/webhooks/ezq",
        ezq::Webhook::sign_headers(&secret(EZQ_SECRET), b"{}").to_vec(),
        EZQ_ORDER,
        Expect::Refused(
            401,
            vec!["`x-signature`", "matches none of the configured secrets"],
        ),
    ));
    cases.push(Case::new(
        "EZQ missing header",
        "/webhooks/ezq",
        Vec::new(),
        EZQ_ORDER,
        Expect::Refused(401, vec!["`x-signature` header is missing"]),
    ));
    let unparsable = String::from_utf8_lossy(EZQ_ORDER).replacen(
        "\"totalPrice\": 0",
        "\"totalPrice\": \"a lot\"",
        1,
    );
    assert_ne!(
        unparsable.as_bytes(),
        EZQ_ORDER,
        "the fixture's totalPrice moved"
    );
    cases.push(
        Case::new(
            "EZQ authentic body that does not parse",
            "/webhooks/ezq",
            ezq::Webhook::sign_headers(&secret(EZQ_SECRET), unparsable.as_bytes()).to_vec(),
            unparsable.as_bytes(),
            Expect::Empty(200),
        )
        .dead("EZQ", None, Some("order_marketplace.confirmed")),
    );

    // Kinguin: 204.
    let status = br#"{"orderId":"PHS84FJAG5U","orderExternalId":"AL2FEEHOO2OHF","status":"canceled","updatedAt":"2020-10-16T11:24:08.025+00:00"}"#;
    cases.push(Case::new(
        "Kinguin order.status",
        "/webhooks/kinguin",
        kinguin::Webhook::sign_headers(&secret(KINGUIN_SECRET), "order.status").to_vec(),
        status,
        Expect::Empty(204),
    ));
    cases.push(Case::new(
        "Kinguin TEST URL button",
        "/webhooks/kinguin",
        vec![("X-Event-Secret", KINGUIN_SECRET.to_owned())],
        b"",
        Expect::Empty(204),
    ));
    cases.push(Case::new(
        "Kinguin wrong secret",
        "/webhooks/kinguin",
        kinguin::Webhook::sign_headers(&secret("guess"), "order.status").to_vec(),
        status,
        Expect::Refused(401, vec!["`X-Event-Secret`"]),
    ));
    cases.push(Case::new(
        "Kinguin missing secret",
        "/webhooks/kinguin",
        vec![("X-Event-Name", "order.status".to_owned())],
        status,
        Expect::Refused(401, vec!["`X-Event-Secret` header is missing"]),
    ));
    let unparsable = br#"{"orderId":"PHS84FJAG5U","status":"canceled","updatedAt":"yesterday"}"#;
    cases.push(
        Case::new(
            "Kinguin authentic body that does not parse",
            "/webhooks/kinguin",
            kinguin::Webhook::sign_headers(&secret(KINGUIN_SECRET), "order.status").to_vec(),
            unparsable,
            Expect::Empty(204),
        )
        .dead("Kinguin", None, Some("order.status")),
    );

    // Spark Pay: GetTax answered with its typed reply; the token is in the URL.
    let query = sparkpay::Webhook::sign_query(&secret(SPARKPAY_TOKEN));
    let get_tax = br#"{"items":[{"cart_item_id":7,"item_number":"A1","item_name":"Towel",
        "manufacturer_item_number":"","price":10,"discounted_price":8.15,"quantity":3,
        "is_tax_exempt":0,"tax_code":"","line_item_subtotal":24.45}],
        "shipping_total":5,"handling_total":0}"#;
    cases.push(Case::new(
        "Spark Pay GetTax",
        &format!("/webhooks/sparkpay/GetTax?{query}"),
        Vec::new(),
        get_tax,
        // 25% of 3 × 8.15 = 6.1125, rounded to cents.
        Expect::Json(200, json!({"items":[{"cart_item_id":7,"tax_amount":6.11}],"shipping_tax_amount":0,"handling_tax_amount":0})),
    ));
    cases.push(Case::new(
        "Spark Pay wrong token",
        "/webhooks/sparkpay/GetTax?token=guess",
        Vec::new(),
        get_tax,
        Expect::Refused(401, vec!["`token`"]),
    ));
    cases.push(Case::new(
        "Spark Pay no token",
        "/webhooks/sparkpay/GetTax",
        Vec::new(),
        get_tax,
        Expect::Refused(401, vec!["`token`"]),
    ));
    let unparsable = br#"{"items":"none","shipping_total":5,"handling_total":0}"#;
    cases.push(
        Case::new(
            "Spark Pay authentic body that does not parse",
            &format!("/webhooks/sparkpay/GetTax?{query}"),
            Vec::new(),
            unparsable,
            Expect::Empty(200),
        )
        .dead("Spark Pay", None, Some("GetTax")),
    );
    cases
}

/// The cases whose request is authentic and parses: what 200 concurrent requests repeat.
pub fn successes() -> Vec<Case> {
    cases()
        .into_iter()
        .filter(|case| case.dead_letter.is_none() && !matches!(case.expect, Expect::Refused(..)))
        .collect()
}

/// Sends every case, one after another, and checks each answer.
pub async fn check_every_case(address: SocketAddr) {
    for case in cases() {
        let response = case.send(address).await;
        case.check(&response);
    }
}

/// Sends `count` successful requests at once, cycling through the providers, and checks
/// every answer. The same delivery arrives many times at once: a receiver with a duplicate
/// guard may answer an attempt that finds another still running 409, which makes the
/// provider try again later.
pub async fn check_concurrent(address: SocketAddr, count: usize) {
    let successes = successes();
    assert_eq!(
        successes.len(),
        6,
        "one success per provider, two for Kinguin"
    );
    let tasks: Vec<_> = (0..count)
        .map(|i| {
            let case = successes[i % successes.len()].clone();
            tokio::spawn(async move {
                let response = case.send(address).await;
                if response.status != 409 {
                    case.check(&response);
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("every request answered correctly");
    }
}

/// A dead letter as a receiver kept it: provider, id, name and the exact bytes.
pub type Kept = (&'static str, Option<String>, Option<String>, Vec<u8>);

/// The dead letters the receiver kept, one per authentic body that did not parse, in any
/// order.
pub fn check_dead_letters(kept: Vec<Kept>) {
    let expected: Vec<Case> = cases()
        .into_iter()
        .filter(|case| case.dead_letter.is_some())
        .collect();
    assert_eq!(kept.len(), expected.len(), "{kept:?}");
    for case in expected {
        let (provider, id, name) = case.dead_letter.unwrap();
        let found = kept
            .iter()
            .find(|(p, ..)| *p == provider)
            .unwrap_or_else(|| panic!("no dead letter for {provider}"));
        assert_eq!(found.1.as_deref(), id, "{provider}");
        assert_eq!(found.2.as_deref(), name, "{provider}");
        assert_eq!(found.3, case.body, "{provider}: the bytes as received");
    }
}
