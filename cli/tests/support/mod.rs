//! What the command's tests share: the built binary, receivers on the library's axum
//! extractors served on 127.0.0.1 at ephemeral ports, and `listen` run as a child process.

#![allow(dead_code)] // Each test file uses its own part of this.

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRef, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::Router;
use commerce_webhooks::axum::Verified;
use commerce_webhooks::sparkpay::{
    DiscountReply, EventType, PaymentReply, PriceReply, ProductStatusReply, Request, TaxReply,
    ValidationReply,
};
use commerce_webhooks::{ezq, kinguin, leasecloud, montly, sparkpay, Reply, Secret};
use rust_decimal::Decimal;

pub const LEASECLOUD_SECRET: &str = "whsec_cli_leasecloud";
pub const MONTLY_SECRET: &str = "whsec_cli_montly";
pub const EZQ_SECRET: &str = "ezq_cli_secret";
pub const KINGUIN_SECRET: &str = "kinguin_cli_secret";
pub const SPARKPAY_TOKEN: &str = "sp_cli_token_0123456789";

/// Every secret above: none may appear in what the command prints (but `sign`'s lines).
pub const SECRETS: [&str; 5] = [
    LEASECLOUD_SECRET,
    MONTLY_SECRET,
    EZQ_SECRET,
    KINGUIN_SECRET,
    SPARKPAY_TOKEN,
];

/// The providers with the variable their secret is in.
pub const PROVIDERS: [(&str, &str); 5] = [
    ("leasecloud", "LEASECLOUD_SECRET"),
    ("montly", "MONTLY_SECRET"),
    ("ezq", "EZQ_SECRET"),
    ("kinguin", "KINGUIN_SECRET"),
    ("sparkpay", "SPARKPAY_TOKEN"),
];

/// The binary under test, with the secrets in its environment.
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_commerce-webhooks"));
    command
        .env("LEASECLOUD_SECRET", LEASECLOUD_SECRET)
        .env("MONTLY_SECRET", MONTLY_SECRET)
        .env("EZQ_SECRET", EZQ_SECRET)
        .env("KINGUIN_SECRET", KINGUIN_SECRET)
        .env("SPARKPAY_TOKEN", SPARKPAY_TOKEN)
        .stdin(Stdio::null());
    command
}

/// Runs the binary to its end.
pub fn run(args: &[&str]) -> Output {
    command().args(args).output().unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Checks that nothing printed holds a secret.
pub fn assert_no_secret(output: &Output) {
    let printed = format!("{}{}", stdout(output), stderr(output));
    for secret in SECRETS {
        assert!(
            !printed.contains(secret),
            "a secret was printed:\n{printed}"
        );
    }
}

/// The exit status, with what was printed when it is not `expected`.
pub fn assert_status(output: &Output, expected: i32) {
    assert_eq!(
        output.status.code(),
        Some(expected),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

/// A file under a directory of its own, removed with it.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!(
            "commerce-webhooks-cli-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    pub fn file(&self, name: &str, contents: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        path.to_str().unwrap().to_owned()
    }

    pub fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A server on 127.0.0.1 at an ephemeral port, on a runtime of its own; stopped when dropped.
pub struct Server {
    pub address: SocketAddr,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Server {
    pub fn start(app: Router) -> Server {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let address = listener.local_addr().unwrap();
        runtime.spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Server {
            address,
            runtime: Some(runtime),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_timeout(Duration::from_secs(1));
        }
    }
}

/// The verifiers, from the secrets above.
#[derive(Clone, FromRef)]
pub struct Hooks {
    pub leasecloud: leasecloud::Webhook,
    pub montly: montly::Webhook,
    pub ezq: ezq::Webhook,
    pub kinguin: kinguin::Webhook,
    pub sparkpay: sparkpay::Webhook,
    pub received: Received,
}

/// The requests a recording route received: every header and the body, as axum got them.
#[derive(Clone, Default)]
pub struct Received(pub Arc<Mutex<Vec<(HeaderMap, Bytes)>>>);

pub fn hooks() -> Hooks {
    let secret = |value: &str| Secret::new(value).unwrap();
    Hooks {
        leasecloud: leasecloud::Webhook::new(secret(LEASECLOUD_SECRET)),
        montly: montly::Webhook::new(secret(MONTLY_SECRET)),
        ezq: ezq::Webhook::new(secret(EZQ_SECRET)),
        kinguin: kinguin::Webhook::new(secret(KINGUIN_SECRET)),
        sparkpay: sparkpay::Webhook::new(secret(SPARKPAY_TOKEN)),
        received: Received::default(),
    }
}

/// A receiver that answers every provider as it expects: `/leasecloud`, `/montly`, `/ezq`,
/// `/kinguin`, `/sparkpay/{EventType}`; `/record/leasecloud` also keeps what it received and
/// marks its answer with `x-receiver: behind`.
pub fn good_receiver(hooks: Hooks) -> Router {
    Router::new()
        .route(
            "/leasecloud",
            post(
                |Verified(event): Verified<leasecloud::Webhook>| async move {
                    Reply::from(leasecloud::Acknowledgement::for_event(&event))
                },
            ),
        )
        .route(
            "/montly",
            post(|Verified(_): Verified<montly::Webhook>| async { Reply::ok() }),
        )
        .route(
            "/ezq",
            post(|Verified(_): Verified<ezq::Webhook>| async { Reply::ok() }),
        )
        .route(
            "/kinguin",
            post(|Verified(_): Verified<kinguin::Webhook>| async { Reply::no_content() }),
        )
        .route("/sparkpay/{event_type}", post(sparkpay_reply))
        .route("/record/leasecloud", post(record))
        .with_state(hooks)
}

/// Spark Pay's typed reply for each type that waits for one: tax at 10 % of each line.
async fn sparkpay_reply(Verified(request): Verified<sparkpay::Webhook>) -> Reply {
    match &request {
        Request::GetTax(tax) => tax
            .items
            .iter()
            .fold(TaxReply::new(), |reply, item| {
                reply.item(item.cart_item_id, item.line_item_subtotal / Decimal::TEN)
            })
            .into(),
        _ => match request.event_type() {
            EventType::AuthorizingPayment | EventType::CapturingPayment => {
                PaymentReply::approved().into()
            }
            EventType::GetDiscount => DiscountReply::new().into(),
            EventType::GetPrice => PriceReply::new().into(),
            EventType::GetProductStatus => ProductStatusReply::new().into(),
            EventType::ValidateCart
            | EventType::ValidateCheckout
            | EventType::ValidateCustomer
            | EventType::ValidateProduct => ValidationReply::ok().into(),
            _ => Reply::ok(),
        },
    }
}

/// Keeps the request, then verifies it with the library and acknowledges it.
async fn record(
    State(received): State<Received>,
    State(hook): State<leasecloud::Webhook>,
    headers: HeaderMap,
    body: Bytes,
) -> impl IntoResponse {
    received
        .0
        .lock()
        .unwrap()
        .push((headers.clone(), body.clone()));
    let headers: Vec<(String, Vec<u8>)> = headers
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
        .collect();
    match hook.verify(&headers, &body) {
        Ok(event) => (
            StatusCode::OK,
            [("x-receiver", "behind")],
            leasecloud::Acknowledgement::for_event(&event).to_json(),
        ),
        Err(error) => (
            StatusCode::UNAUTHORIZED,
            [("x-receiver", "behind")],
            error.to_string(),
        ),
    }
}

/// A receiver that answers wrongly: `/status500`, `/leasecloud-no-ack` (200, no body),
/// `/kinguin-body` (200 with a body), `/sparkpay-slow/{EventType}` (the right reply after
/// 4 s), `/sparkpay-empty/{EventType}` (200, no body), `/hang` (never within 2 s).
pub fn wrong_receiver(hooks: Hooks) -> Router {
    Router::new()
        .route(
            "/status500",
            post(|| async { StatusCode::INTERNAL_SERVER_ERROR }),
        )
        .route(
            "/leasecloud-no-ack",
            post(|Verified(_): Verified<leasecloud::Webhook>| async { StatusCode::OK }),
        )
        .route(
            "/kinguin-body",
            post(|Verified(_): Verified<kinguin::Webhook>| async { "thanks" }),
        )
        .route(
            "/sparkpay-slow/{event_type}",
            post(|request: Verified<sparkpay::Webhook>| async move {
                tokio::time::sleep(Duration::from_secs(4)).await;
                sparkpay_reply(request).await
            }),
        )
        .route(
            "/sparkpay-empty/{event_type}",
            post(
                |Path(_): Path<String>, Verified(_): Verified<sparkpay::Webhook>| async {
                    StatusCode::OK
                },
            ),
        )
        .route(
            "/hang",
            post(|| async {
                tokio::time::sleep(Duration::from_secs(2)).await;
                StatusCode::OK
            }),
        )
        .with_state(hooks)
}

/// `listen` running as a child process, stopped when dropped.
pub struct Listener {
    child: Child,
    pub port: u16,
    stdout: Option<std::process::ChildStdout>,
}

impl Listener {
    /// Starts `listen` with `args` on a free port and waits for the line that says it listens.
    pub fn start(args: &[&str]) -> Listener {
        let mut child = command()
            .arg("listen")
            .args(args)
            .args(["--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let ready = lines
            .next()
            .expect("listen printed nothing")
            .expect("listen's stderr");
        let port = ready
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("not a ready line: {ready}"));
        // Keep draining stderr so that the child never blocks on it.
        std::thread::spawn(move || for _ in lines {});
        let stdout = child.stdout.take();
        Listener {
            child,
            port,
            stdout,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Stops the listener and returns what it printed on stdout.
    pub fn stop(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut printed = String::new();
        if let Some(mut stdout) = self.stdout.take() {
            let _ = stdout.read_to_string(&mut printed);
        }
        printed
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
