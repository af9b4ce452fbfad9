//! The server of the end-to-end load benchmark of the axum receiver path: not an example to
//! copy, but what `benches/receiver/run.sh` drives with `wrk` to see what verifying and
//! parsing a LeaseCloud webhook costs a real axum server, beside a route that does neither.
//!
//! ```sh
//! benches/receiver/run.sh                        # builds this, installs wrk, prints the tables
//! RUNS=5 DURATION=20 benches/receiver/run.sh     # more and longer runs
//! ```
//!
//! By hand (the script does all this, pinning the server and wrk to a core each):
//!
//! ```sh
//! cargo build --release -p commerce-webhooks-examples --example receiver_load --features axum
//! target/release/examples/receiver_load serve 0          # any free port on 127.0.0.1
//! target/release/examples/receiver_load sign 1k body.json  # writes the body, prints headers
//! ```
//!
//! One tokio current-thread runtime, so that the server uses exactly one core and requests/s
//! measure the cost per request. Every route (all `POST`) answers the same 200 with the same
//! acknowledgement bytes, so the routes differ only in what they check:
//!
//! - `/bare`: axum's `HeaderMap` and `Bytes` extractors, and nothing checked: the floor.
//! - `/signature`: the same, then `leasecloud::Webhook::verify_signature` (401 on failure).
//! - `/verified`: the crate's `Verified<leasecloud::Webhook>` extractor, answering
//!   `Acknowledgement::for_event`: the signature checked and the body parsed.
//! - `/view`: the crate's `VerifiedRequest<leasecloud::Webhook>` extractor, its event read as
//!   a `leasecloud::EventView` (text borrowed from the body), and the same acknowledgement.
//! - `/guarded`: the crate's `Received<leasecloud::Webhook>` extractor and a duplicate `Guard`
//!   on a `MemoryStore`: each delivery claimed, handled and completed. The driver sends each
//!   request a new delivery (`run.sh` sends 20,000 event ids in turn, and the keep window is
//!   1 ms, so an id that comes round again is new again).
//! - `/guarded-redis`: the same on a `RedisStore`, when `REDIS_URL` names one at start-up.
//! - `/unknown` (feature `tracing`): `/verified` with the unknown-field report on.
//!
//! With the `tracing` feature the server installs a subscriber that keeps spans but writes
//! nothing (`tracing_subscriber::registry()`), so every route pays what the crate's spans cost.
//!
//! Bodies: `1k` is LeaseCloud's `order.created` page sample compacted to one line (about
//! 1.1 KiB); `64k` is the same order with its items repeated up to 64 KiB. They are signed
//! with a fixed benchmark secret, which is public: this server listens on loopback only.

use std::hint::black_box;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{FromRef, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{post, MethodRouter};
use axum::Router;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use commerce_webhooks::axum::{Received, Unparsed, Verified, VerifiedRequest};
use commerce_webhooks::dedup::{Guard, MemoryStore, Outcome};
use commerce_webhooks::{leasecloud, Delivery, Reply, Secret};

#[path = "support/json_text.rs"]
mod json_text;
use json_text::{compact, value_len};

/// The benchmark's secret: public, like everything else here.
const SECRET: &str = "whsec_receiver_load_benchmark";

/// LeaseCloud's `order.created` page sample, pretty-printed as the fixture keeps it.
const ORDER_CREATED: &str = include_str!("../samples/leasecloud/order_created.json");

/// The largest `64k` body.
const LARGE_BODY_MAX: usize = 64 * 1024;

/// The routes the benchmark drives. To measure another path, add its handler here and its
/// route to `ROUTES` in `benches/receiver/run.sh`.
fn routes(redis: bool) -> Vec<(&'static str, MethodRouter<Bench>)> {
    let mut routes = vec![
        ("/bare", post(bare)),
        ("/signature", post(signature)),
        ("/verified", post(verified)),
        ("/view", post(view)),
        ("/guarded", post(guarded)),
    ];
    if redis {
        routes.push(("/guarded-redis", post(guarded_redis)));
    }
    #[cfg(feature = "tracing")]
    routes.push(("/unknown", post(unknown)));
    routes
}

/// What the handlers take from the state.
#[derive(Clone, FromRef)]
struct Bench {
    leasecloud: leasecloud::Webhook,
    guards: Guards,
    ack: Ack,
    #[cfg(feature = "tracing")]
    unknown: UnknownFields,
}

/// The verifier of `/unknown`, which reports unknown fields.
#[cfg(feature = "tracing")]
#[derive(Clone)]
struct UnknownFields(leasecloud::Webhook);

/// The duplicate guards of `/guarded` and `/guarded-redis`.
#[derive(Clone)]
struct Guards {
    memory: Guard<leasecloud::Webhook>,
    redis: Option<Guard<leasecloud::Webhook>>,
}

/// A handled delivery is forgotten after this, so that an event id the driver sends again is a
/// new delivery: every request then claims, runs and completes.
const KEEP_FOR: Duration = Duration::from_millis(1);

/// The claims of the requests in flight when wrk stops a slice are dropped with their
/// connections, and hold their ids for the lease: short, so that the next slice finds them
/// free.
const LEASE: Duration = Duration::from_millis(200);

/// The acknowledgement `/verified` sends for the benchmark body (both sizes carry the same
/// event and order ids), as bytes, so that `/bare` and `/signature` send the very same answer.
#[derive(Clone)]
struct Ack(Bytes);

impl IntoResponse for Ack {
    fn into_response(self) -> Response {
        // The headers `Reply` sends for a JSON reply: the routes' answers are byte for byte
        // the same (but for the date).
        (StatusCode::OK, [(CONTENT_TYPE, "application/json")], self.0).into_response()
    }
}

/// The floor: what axum costs to take the request in and answer it.
async fn bare(State(ack): State<Ack>, headers: HeaderMap, body: Bytes) -> Ack {
    black_box(headers.len());
    black_box(body.len());
    ack
}

/// The floor plus the signature check, the body left unparsed.
async fn signature(
    State(hook): State<leasecloud::Webhook>,
    State(ack): State<Ack>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match hook.verify_signature(&headers, &body) {
        Ok(verified) => {
            black_box(verified);
            ack.into_response()
        }
        Err(error) => (StatusCode::UNAUTHORIZED, error.to_string()).into_response(),
    }
}

/// What a receiver runs: the crate's extractor (body read, signature checked, body parsed)
/// and the acknowledgement LeaseCloud waits for.
async fn verified(Verified(event): Verified<leasecloud::Webhook>) -> leasecloud::Acknowledgement {
    leasecloud::Acknowledgement::for_event(&event)
}

/// The same through `VerifiedRequest`: the event read as a `leasecloud::EventView`, which
/// borrows its text from the body.
async fn view(
    request: VerifiedRequest<leasecloud::Webhook>,
) -> Result<leasecloud::Acknowledgement, Reply> {
    let event = request.event()?;
    Ok(leasecloud::Acknowledgement::for_event(&event))
}

/// What a receiver with a duplicate guard runs: the extractor with the delivery's record,
/// the claim, the handler (the acknowledgement), the completion.
async fn guarded(
    State(guards): State<Guards>,
    Received { delivery, event }: Received<leasecloud::Webhook>,
) -> Outcome<Reply, Infallible> {
    run_guarded(&guards.memory, &delivery, event).await
}

/// `/guarded` on Redis.
async fn guarded_redis(
    State(guards): State<Guards>,
    Received { delivery, event }: Received<leasecloud::Webhook>,
) -> Outcome<Reply, Infallible> {
    match &guards.redis {
        Some(guard) => run_guarded(guard, &delivery, event).await,
        None => Outcome::InProgress,
    }
}

async fn run_guarded(
    guard: &Guard<leasecloud::Webhook>,
    delivery: &Delivery,
    event: Result<leasecloud::Event, Unparsed>,
) -> Outcome<Reply, Infallible> {
    guard
        .run(delivery, || async move {
            Ok(match event {
                Ok(event) => leasecloud::Acknowledgement::for_event(&event).into(),
                Err(unparsed) => unparsed.into(),
            })
        })
        .await
}

/// `/verified` with the unknown-field report on: a second, listening parse of every body.
#[cfg(feature = "tracing")]
async fn unknown(
    State(hook): State<UnknownFields>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<leasecloud::Acknowledgement, StatusCode> {
    use commerce_webhooks::Provider;
    // The extractor's own path, with a Webhook that reports: what `Verified` runs when the
    // Webhook in the state was built with `report_unknown_fields`.
    let request = commerce_webhooks::Request::new(&headers, &body);
    let event = hook
        .0
        .verify_request(&request)
        .map_err(|_| StatusCode::UNAUTHORIZED)?;
    black_box(leasecloud::Webhook::unknown_fields(&request).ok());
    Ok(leasecloud::Acknowledgement::for_event(&event))
}

/// The benchmark bodies.
#[derive(Debug, Clone, Copy)]
enum Size {
    /// The page sample, compacted: about 1.1 KiB.
    OneK,
    /// The page sample with its items repeated up to [`LARGE_BODY_MAX`] bytes.
    SixtyFourK,
}

impl Size {
    const ALL: [Size; 2] = [Size::OneK, Size::SixtyFourK];

    fn parse(text: &str) -> Result<Self, String> {
        match text {
            "1k" => Ok(Size::OneK),
            "64k" => Ok(Size::SixtyFourK),
            _ => Err(format!("unknown body size {text:?}: 1k or 64k")),
        }
    }

    /// The body, its members in the page sample's order, as LeaseCloud sends them (a
    /// `serde_json::Value` would sort them).
    fn body(self) -> Vec<u8> {
        let compact = compact(ORDER_CREATED);
        if let Size::OneK = self {
            return compact.into_bytes();
        }
        // The items array: from after `"items":[` to its closing bracket.
        let start = compact
            .find(r#""items":["#)
            .expect("the sample order has items")
            + 9;
        let len = value_len(&compact[start - 1..]) - 2;
        let items = &compact[start..start + len];
        let mut repeated = items.to_owned();
        // Each repetition costs the items' length and a comma.
        while compact.len() + repeated.len() + 1 + items.len() <= LARGE_BODY_MAX {
            repeated.push(',');
            repeated.push_str(items);
        }
        [&compact[..start], &repeated, &compact[start + len..]]
            .concat()
            .into_bytes()
    }
}

fn unix_now() -> i64 {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970");
    i64::try_from(since.as_secs()).expect("a plausible date")
}

fn secret() -> Secret {
    Secret::new(SECRET).expect("a valid secret")
}

/// Checks, before serving, that each body signed now passes what `/signature` and
/// `/verified` run, and that `/verified` answers the bytes `/bare` sends: a broken set-up
/// fails here rather than benchmarking 401s.
fn self_check(hook: &leasecloud::Webhook) -> Result<Ack, String> {
    let secret = secret();
    let mut ack: Option<Vec<u8>> = None;
    for size in Size::ALL {
        let body = size.body();
        let mut headers = HeaderMap::new();
        for (name, value) in leasecloud::Webhook::sign_headers(&secret, unix_now(), &body) {
            // `from_bytes` lower-cases the name, as axum hands it to handlers.
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|e| e.to_string())?;
            let value = HeaderValue::from_str(&value).map_err(|e| e.to_string())?;
            headers.insert(name, value);
        }
        hook.verify_signature(&headers, &body)
            .map_err(|error| format!("{size:?}: the signature does not verify: {error}"))?;
        let event = hook
            .verify(&headers, &body)
            .map_err(|error| format!("{size:?}: the body does not verify and parse: {error}"))?;
        let reply = Reply::from(leasecloud::Acknowledgement::for_event(&event));
        let json = reply
            .json_body()
            .ok_or_else(|| format!("{size:?}: the acknowledgement has no JSON body"))?
            .as_bytes()
            .to_vec();
        match &ack {
            None => ack = Some(json),
            Some(first) if *first == json => {}
            Some(_) => return Err("the two bodies are acknowledged differently".to_owned()),
        }
    }
    Ok(Ack(Bytes::from(ack.expect("two sizes were checked"))))
}

/// `PORT` (on 127.0.0.1; `0` for any free port) or `ADDRESS:PORT` on a loopback address.
fn loopback_address(text: &str) -> Result<SocketAddr, String> {
    let address = match text.parse::<u16>() {
        Ok(port) => SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port),
        Err(_) => text
            .parse::<SocketAddr>()
            .map_err(|_| format!("{text:?} is neither a port nor an address:port"))?,
    };
    if !address.ip().is_loopback() {
        return Err(format!(
            "{address} is not a loopback address: this server's secret is public"
        ));
    }
    Ok(address)
}

fn serve(address: SocketAddr) -> Result<(), String> {
    #[cfg(feature = "tracing")]
    tracing::subscriber::set_global_default(tracing_subscriber::registry())
        .map_err(|error| format!("tracing: {error}"))?;
    let hook = leasecloud::Webhook::new(secret());
    let ack = self_check(&hook)?;
    // One thread: the server's requests/s are then the inverse of its cost per request.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| format!("tokio runtime: {error}"))?;
    runtime.block_on(async move {
        let memory: Arc<dyn commerce_webhooks::dedup::DeliveryStore> =
            Arc::new(MemoryStore::new(200_000));
        let redis = match std::env::var("REDIS_URL") {
            Ok(url) => {
                let store = commerce_webhooks_redis::RedisStore::connect(&url)
                    .await
                    .map_err(|error| format!("redis: {error}"))?
                    .prefix("receiver-load:");
                Some(Guard::new(Arc::new(store)).keep_for(KEEP_FOR).lease(LEASE))
            }
            Err(_) => None,
        };
        let app = routes(redis.is_some())
            .into_iter()
            .fold(Router::new(), |app, (path, route)| app.route(path, route));
        let app = app.with_state(Bench {
            #[cfg(feature = "tracing")]
            unknown: UnknownFields(hook.clone().report_unknown_fields()),
            leasecloud: hook,
            guards: Guards {
                memory: Guard::new(memory).keep_for(KEEP_FOR).lease(LEASE),
                redis,
            },
            ack,
        });
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|error| format!("bind {address}: {error}"))?;
        let bound = listener.local_addr().map_err(|error| error.to_string())?;
        // The driver script reads the port from this line.
        println!("listening on http://{bound}");
        axum::serve(listener, app)
            .await
            .map_err(|error| format!("serve: {error}"))
    })
}

/// Writes `count` deliveries of `size`, each its own event id (`evt:bench-0`, …), signed now,
/// to `path`: one line each, the `LeaseCloud-Signature` value, a tab, and the body (which is
/// one line).
fn sign_many(count: usize, size: Size, path: &str) -> Result<(), String> {
    let body = String::from_utf8(size.body()).map_err(|error| error.to_string())?;
    let id = r#""id":"evt:e1f0aed8-883a-9751-74a3-48537d3d94ce""#;
    if !body.contains(id) {
        return Err("the sample's event id is not where the driver replaces it".to_owned());
    }
    let (secret, now) = (secret(), unix_now());
    let mut lines = String::with_capacity(count * (body.len() + 120));
    for n in 0..count {
        let body = body.replacen(id, &format!(r#""id":"evt:bench-{n}""#), 1);
        let [(_, signature), _] = leasecloud::Webhook::sign_headers(&secret, now, &body);
        lines.push_str(&signature);
        lines.push('\t');
        lines.push_str(&body);
        lines.push('\n');
    }
    std::fs::write(path, lines).map_err(|error| format!("{path}: {error}"))
}

/// Writes the body of `size` to `path` and prints the headers LeaseCloud would send with it,
/// signed now, one `Name: value` a line.
fn sign(size: Size, path: &str) -> Result<(), String> {
    let body = size.body();
    std::fs::write(path, &body).map_err(|error| format!("{path}: {error}"))?;
    for (name, value) in leasecloud::Webhook::sign_headers(&secret(), unix_now(), &body) {
        println!("{name}: {value}");
    }
    Ok(())
}

const USAGE: &str = "usage: receiver_load serve PORT|LOOPBACK_ADDRESS:PORT
       receiver_load sign 1k|64k BODY_FILE
       receiver_load sign-many COUNT 1k|64k REQUESTS_FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["serve", address] => loopback_address(address).and_then(serve),
        ["sign", size, path] => Size::parse(size).and_then(|size| sign(size, path)),
        ["sign-many", count, size, path] => count
            .parse::<usize>()
            .map_err(|_| format!("{count:?} is not a count"))
            .and_then(|count| Size::parse(size).and_then(|size| sign_many(count, size, path))),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("receiver_load: {message}");
            ExitCode::FAILURE
        }
    }
}
