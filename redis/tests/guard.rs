//! The duplicate guard on Redis, as a receiver of several instances runs it: two axum servers
//! on 127.0.0.1, each with its own connection to one real `redis-server`, take the same
//! delivery 50 times at once between them and run its handler once; with Redis stopped they
//! run nothing and answer 503, and once it is back they work again without a restart.

mod support;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{FromRef, State};
use axum::routing::post;
use axum::Router;
use commerce_webhooks::axum::Received;
use commerce_webhooks::dedup::{DeliveryStore, Guard, Outcome};
use commerce_webhooks::{montly, Reply, Secret};
use commerce_webhooks_redis::RedisStore;
use support::RedisServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SECRET: &str = "whsec_montly_redis";

#[derive(Clone, FromRef)]
struct Instance {
    hook: montly::Webhook,
    guard: Guard<montly::Webhook>,
    runs: Arc<AtomicUsize>,
}

async fn on_montly(
    State(guard): State<Guard<montly::Webhook>>,
    State(runs): State<Arc<AtomicUsize>>,
    Received { delivery, event }: Received<montly::Webhook>,
) -> Outcome<Reply, ()> {
    guard
        .run(&delivery, || async move {
            // Slow enough that the attempts overlap across both instances.
            tokio::time::sleep(Duration::from_millis(200)).await;
            runs.fetch_add(1, Ordering::SeqCst);
            event.map(|_| Reply::ok()).map_err(|_| ())
        })
        .await
}

/// An instance of the receiver on an ephemeral port, with its own store connection.
async fn start_instance(store: RedisStore, runs: Arc<AtomicUsize>) -> SocketAddr {
    let store: Arc<dyn DeliveryStore> = Arc::new(store);
    let app = Router::new()
        .route("/montly", post(on_montly))
        .with_state(Instance {
            hook: montly::Webhook::new(Secret::new(SECRET).unwrap()),
            guard: Guard::new(store),
            runs,
        });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

/// Posts a Montly delivery signed now and answers the status.
async fn post_event(address: SocketAddr, id: &str) -> u16 {
    let body = format!(r#"{{"id":"{id}","type":"order.signed","data":{{"orderId":42}}}}"#);
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let headers = montly::Webhook::sign_headers(&Secret::new(SECRET).unwrap(), now, &body);
    let mut request = format!(
        "POST /montly HTTP/1.1\r\nHost: {address}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    answer
        .split(' ')
        .nth(1)
        .and_then(|status| status.parse().ok())
        .unwrap_or_else(|| panic!("no status in {answer:?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_redis_run_a_delivery_once_and_survive_an_outage() {
    let mut server = RedisServer::start();
    let runs = Arc::new(AtomicUsize::new(0));
    let connect = || async {
        RedisStore::connect(&server.url())
            .await
            .unwrap()
            .prefix("guard-test:")
            .timeout(Duration::from_millis(500))
    };
    let first = start_instance(connect().await, Arc::clone(&runs)).await;
    let second = start_instance(connect().await, Arc::clone(&runs)).await;

    // 50 attempts at once, split between the instances, then 10 more one after another.
    let attempts: Vec<_> = (0..50)
        .map(|n| {
            let address = if n % 2 == 0 { first } else { second };
            tokio::spawn(post_event(address, "evt:once"))
        })
        .collect();
    let mut statuses = Vec::new();
    for attempt in attempts {
        statuses.push(attempt.await.unwrap());
    }
    for n in 0..10 {
        statuses.push(post_event(if n % 2 == 0 { first } else { second }, "evt:once").await);
    }
    assert!(
        statuses.iter().all(|status| matches!(status, 200 | 409)),
        "{statuses:?}"
    );
    assert!(
        statuses[50..].iter().all(|status| *status == 200),
        "{statuses:?}"
    );
    assert_eq!(runs.load(Ordering::SeqCst), 1);

    // Redis goes away: nothing runs, and the answer makes Montly try again.
    server.stop();
    let started = std::time::Instant::now();
    assert_eq!(post_event(first, "evt:during-outage").await, 503);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(runs.load(Ordering::SeqCst), 1);

    // Back on the same port: the same instances work again.
    server.resume();
    let mut status = 0;
    for _ in 0..50 {
        status = post_event(second, "evt:during-outage").await;
        if status == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(status, 200);
    assert_eq!(runs.load(Ordering::SeqCst), 2);
}
