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
use commerce_webhooks::axum::{Verified, VerifiedRequest};
use commerce_webhooks::{leasecloud, Reply, Secret};

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
fn routes() -> Vec<(&'static str, MethodRouter<Bench>)> {
    vec![
        ("/bare", post(bare)),
        ("/signature", post(signature)),
        ("/verified", post(verified)),
        ("/view", post(view)),
    ]
}

/// What the handlers take from the state.
#[derive(Clone, FromRef)]
struct Bench {
    leasecloud: leasecloud::Webhook,
    ack: Ack,
}

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
    let hook = leasecloud::Webhook::new(secret());
    let ack = self_check(&hook)?;
    let app = routes()
        .into_iter()
        .fold(Router::new(), |app, (path, route)| app.route(path, route))
        .with_state(Bench {
            leasecloud: hook,
            ack,
        });
    // One thread: the server's requests/s are then the inverse of its cost per request.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| format!("tokio runtime: {error}"))?;
    runtime.block_on(async move {
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
       receiver_load sign 1k|64k BODY_FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["serve", address] => loopback_address(address).and_then(serve),
        ["sign", size, path] => Size::parse(size).and_then(|size| sign(size, path)),
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
