//! With the `tracing` feature: one `webhook` span per delivery, with the fields a person needs,
//! refusals at levels that keep a scanner out of the log, each unknown field reported once, and
//! nothing secret or taken from a body anywhere a subscriber can see. A subscriber that keeps
//! every span, field and event watches a real axum receiver answer every kind of request.

mod common;

use std::fmt::Debug;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};

use axum::extract::{FromRef, State};
use axum::routing::post;
use axum::Router;
use commerce_webhooks::axum::{Authenticated, Received};
use commerce_webhooks::dedup::{Guard, MemoryStore, Outcome};
use commerce_webhooks::{kinguin, leasecloud, sparkpay, Reply, Secret};
use time::OffsetDateTime;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::Layer;

const LEASECLOUD_SECRET: &str = "whsec_SECRET_LEASECLOUD_7781";
const KINGUIN_SECRET: &str = "kinguin_SECRET_KINGUIN_7782";
const SPARKPAY_TOKEN: &str = "sp_SECRET_TOKEN_7783";
/// Text in bodies that must reach no subscriber: a parse error's message would quote it.
const BODY_MARKER: &str = "BODY_MARKER_7784";

/// What a subscriber saw: one line per span opened, field recorded or event, with its level.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<String>>>);

impl Seen {
    fn lines(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0.push_str(&format!(" {}={value:?}", field.name()));
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Seen {
    fn on_new_span(&self, attributes: &Attributes<'_>, id: &Id, _: Context<'_, S>) {
        let mut fields = Fields(String::new());
        attributes.record(&mut fields);
        let line = format!(
            "span {} {} #{}{}",
            attributes.metadata().level(),
            attributes.metadata().name(),
            id.into_u64(),
            fields.0
        );
        self.0.lock().unwrap().push(line);
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, _: Context<'_, S>) {
        let mut fields = Fields(String::new());
        values.record(&mut fields);
        let line = format!("record #{}{}", id.into_u64(), fields.0);
        self.0.lock().unwrap().push(line);
    }

    fn on_event(&self, event: &Event<'_>, context: Context<'_, S>) {
        let mut fields = Fields(String::new());
        event.record(&mut fields);
        let span = context.event_span(event).map_or(String::new(), |span| {
            format!(" in #{}", span.id().into_u64())
        });
        let line = format!("event {}{span}{}", event.metadata().level(), fields.0);
        self.0.lock().unwrap().push(line);
    }
}

/// The process's subscriber: the server's threads log to it too.
fn seen() -> &'static Seen {
    static SEEN: OnceLock<Seen> = OnceLock::new();
    SEEN.get_or_init(|| {
        let seen = Seen::default();
        let subscriber = tracing_subscriber::registry().with(seen.clone());
        tracing::subscriber::set_global_default(subscriber).unwrap();
        seen
    })
}

#[derive(Clone, FromRef)]
struct App {
    leasecloud: leasecloud::Webhook,
    kinguin: kinguin::Webhook,
    sparkpay: sparkpay::Webhook,
    guard: Guard<leasecloud::Webhook>,
}

async fn on_leasecloud(
    State(guard): State<Guard<leasecloud::Webhook>>,
    Received { delivery, event }: Received<leasecloud::Webhook>,
) -> Outcome<Reply, &'static str> {
    guard
        .run(&delivery, || async move {
            match event {
                Ok(event) if event.id == "evt:fails" => Err("the handler's own error text"),
                Ok(event) => {
                    tracing::info!("the handler's own line");
                    Ok(leasecloud::Acknowledgement::for_event(&event).into())
                }
                Err(unparsed) => Ok(unparsed.into()),
            }
        })
        .await
}

async fn on_kinguin(Authenticated(event): Authenticated<kinguin::Webhook>) -> Reply {
    match event {
        Ok(_) => Reply::no_content(),
        Err(unparsed) => unparsed.into(),
    }
}

async fn on_sparkpay(Authenticated(event): Authenticated<sparkpay::Webhook>) -> Reply {
    match event {
        Ok(_) => Reply::ok(),
        Err(unparsed) => unparsed.into(),
    }
}

fn owned(headers: impl IntoIterator<Item = (&'static str, String)>) -> Vec<(String, String)> {
    headers
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .collect()
}

fn signed(secret: &str, at: i64, body: &[u8]) -> Vec<(String, String)> {
    owned(leasecloud::Webhook::sign_headers(
        &Secret::new(secret).unwrap(),
        at,
        body,
    ))
}

async fn send(address: SocketAddr, target: &str, headers: &[(String, String)], body: &[u8]) -> u16 {
    common::post(address, target, headers, body).await.status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_delivery_is_one_span_and_nothing_secret_reaches_a_subscriber() {
    let seen = seen();
    let app = Router::new()
        .route("/leasecloud", post(on_leasecloud))
        .route("/kinguin", post(on_kinguin))
        .route("/sparkpay/{event}", post(on_sparkpay))
        .with_state(App {
            leasecloud: leasecloud::Webhook::new(Secret::new(LEASECLOUD_SECRET).unwrap())
                .report_unknown_fields(),
            kinguin: kinguin::Webhook::new(Secret::new(KINGUIN_SECRET).unwrap())
                .report_unknown_fields(),
            sparkpay: sparkpay::Webhook::new(Secret::new(SPARKPAY_TOKEN).unwrap()),
            guard: Guard::new(Arc::new(MemoryStore::new(100))),
        });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let now = OffsetDateTime::now_utc().unix_timestamp();

    let body = format!(
        r#"{{"id":"evt:trace-1","action":"order.signed","giftWrap":"{BODY_MARKER}","data":{{"orderId":"o-1","note":{{"text":"{BODY_MARKER}"}}}}}}"#
    );
    let body = body.as_bytes();
    let mut signatures = Vec::new();
    let good = signed(LEASECLOUD_SECRET, now, body);
    signatures.push(good[0].1.clone());
    // Handled, then a duplicate; the unknown fields are reported once.
    assert_eq!(send(address, "/leasecloud", &good, body).await, 200);
    assert_eq!(send(address, "/leasecloud", &good, body).await, 200);
    // A scanner: no credential at all.
    assert_eq!(send(address, "/leasecloud", &[], body).await, 401);
    // The wrong secret, and a stale timestamp.
    let wrong = signed("whsec_someone_else", now, body);
    signatures.push(wrong[0].1.clone());
    assert_eq!(send(address, "/leasecloud", &wrong, body).await, 401);
    let stale = signed(LEASECLOUD_SECRET, now - 3600, body);
    signatures.push(stale[0].1.clone());
    assert_eq!(send(address, "/leasecloud", &stale, body).await, 401);
    // An authentic body that does not parse, its message quoting the body.
    let broken = format!(
        r#"{{"id":"evt:trace-2","action":"order.created","data":{{"id":"o-2","totalAmount":"{BODY_MARKER}"}}}}"#
    );
    let broken_headers = signed(LEASECLOUD_SECRET, now, broken.as_bytes());
    signatures.push(broken_headers[0].1.clone());
    assert_eq!(
        send(address, "/leasecloud", &broken_headers, broken.as_bytes()).await,
        200
    );
    // A handler that fails.
    let fails = br#"{"id":"evt:fails","action":"order.signed","data":{"orderId":"o-3"}}"#;
    let fails_headers = signed(LEASECLOUD_SECRET, now, fails);
    signatures.push(fails_headers[0].1.clone());
    assert_eq!(
        send(address, "/leasecloud", &fails_headers, fails).await,
        500
    );
    // Too large to read.
    let huge = vec![b' '; 300 * 1024];
    assert_eq!(send(address, "/leasecloud", &good, &huge).await, 413);

    // Kinguin's header carries the secret itself; a status value the crate does not know.
    let status = format!(
        r#"{{"orderId":"K1","status":"{BODY_MARKER}","updatedAt":"2020-10-16T11:24:08Z"}}"#
    );
    let kinguin_headers = |secret: &str| {
        owned(kinguin::Webhook::sign_headers(
            &Secret::new(secret).unwrap(),
            "order.status",
        ))
    };
    assert_eq!(
        send(
            address,
            "/kinguin",
            &kinguin_headers(KINGUIN_SECRET),
            status.as_bytes()
        )
        .await,
        204
    );
    assert_eq!(
        send(
            address,
            "/kinguin",
            &kinguin_headers("kinguin_wrong_7785"),
            status.as_bytes()
        )
        .await,
        401
    );

    // Spark Pay's token in the query, right and wrong; a path naming no event type.
    let tax = br#"{"items":[],"shipping_total":25,"handling_total":0}"#;
    let query = sparkpay::Webhook::sign_query(&Secret::new(SPARKPAY_TOKEN).unwrap());
    assert_eq!(
        send(address, &format!("/sparkpay/GetTax?{query}"), &[], tax).await,
        200
    );
    assert_eq!(
        send(address, "/sparkpay/GetTax?token=sp_wrong_7786", &[], tax).await,
        401
    );
    assert_eq!(
        send(address, &format!("/sparkpay/NoSuchType?{query}"), &[], tax).await,
        200
    );
    server.abort();

    let lines = seen.lines();
    let text = lines.join("\n");
    if std::env::var_os("SHOW_TRACE").is_some() {
        eprintln!("{text}");
    }
    // Nothing secret, nothing from a body.
    for secret in [
        LEASECLOUD_SECRET,
        KINGUIN_SECRET,
        "kinguin_wrong_7785",
        SPARKPAY_TOKEN,
        "sp_wrong_7786",
        "whsec_someone_else",
        BODY_MARKER,
        "the handler's own error text",
        "invalid type",
    ] {
        assert!(
            !text.contains(secret),
            "{secret} reached a subscriber:\n{text}"
        );
    }
    for signature in &signatures {
        let hex = signature.rsplit("v1=").next().unwrap();
        assert!(
            !text.contains(hex),
            "a signature reached a subscriber:\n{text}"
        );
    }

    // One span per authentic delivery, with its fields.
    let spans: Vec<&String> = lines
        .iter()
        .filter(|line| line.starts_with("span INFO webhook"))
        .collect();
    let leasecloud_spans = spans
        .iter()
        .filter(|line| line.contains(r#"provider="LeaseCloud""#))
        .count();
    // Two deliveries of evt:trace-1, the broken one, the failing one.
    assert_eq!(leasecloud_spans, 4, "{text}");
    let has = |needle: &str| lines.iter().any(|line| line.contains(needle));
    for field in [
        r#"event="order.signed""#,
        r#"id="evt:trace-1""#,
        r#"key="evt:trace-1""#,
        r#"outcome="handled""#,
        r#"outcome="duplicate""#,
        r#"outcome="failed""#,
        r#"outcome="unparsed""#,
        r#"path="data.totalAmount""#,
        "status=500",
        "verify_us=",
        "parse_us=",
    ] {
        assert!(has(field), "no {field}:\n{text}");
    }
    // The handler's own lines are the delivery's.
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with("event INFO in #")
                && line.contains("the handler's own line")),
        "{text}"
    );

    // Refusals: a scanner's at debug, a wrong or stale credential at warn.
    let refusal = |level: Level, reason: &str| {
        lines.iter().any(|line| {
            line.starts_with(&format!("event {level}"))
                && line.contains("webhook refused")
                && line.contains(&format!("reason={reason:?}"))
        })
    };
    assert!(refusal(Level::DEBUG, "missing credential"), "{text}");
    assert!(refusal(Level::WARN, "credential mismatch"), "{text}");
    assert!(refusal(Level::WARN, "timestamp too old"), "{text}");
    assert!(refusal(Level::DEBUG, "body too large"), "{text}");

    // Unknown fields: each path once, however often it arrives; a status value by its type.
    let reports = |needle: &str| {
        lines
            .iter()
            .filter(|line| line.contains("does not read") && line.contains(needle))
            .count()
    };
    assert_eq!(reports(r#"path="giftWrap""#), 1, "{text}");
    assert_eq!(reports(r#"path="data.note""#), 1, "{text}");
    assert!(
        has("a webhook value this crate does not know") && has("kinguin::Status"),
        "{text}"
    );
}

#[test]
fn a_uri_is_logged_without_its_token() {
    use commerce_webhooks::sparkpay::RedactedUri;
    for (uri, logged) in [
        (
            "/hooks/sparkpay/GetTax?token=sp_SECRET_7787",
            "/hooks/sparkpay/GetTax?token=[redacted]",
        ),
        (
            "https://shop.example/hooks/sparkpay/GetTax?store=1&token=sp%2BSECRET_7787&x=2",
            "https://shop.example/hooks/sparkpay/GetTax?store=1&token=[redacted]&x=2",
        ),
        (
            "/hooks?token=a_SECRET_7787&token=b_SECRET_7787",
            "/hooks?token=[redacted]&token=[redacted]",
        ),
        ("/hooks?token", "/hooks?token=[redacted]"),
        ("/hooks/sparkpay/GetTax", "/hooks/sparkpay/GetTax"),
    ] {
        let uri: axum::http::Uri = uri.parse().unwrap();
        assert_eq!(RedactedUri(&uri).to_string(), logged);
        assert!(!RedactedUri(&uri).to_string().contains("SECRET"));
    }
}
