//! Each delivery handled once: the guard's outcomes on a `MemoryStore`, then on real axum and
//! actix-web servers on 127.0.0.1, one signed delivery posted 50 times at once and 10 times
//! more one after another.

mod common;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use commerce_webhooks::dedup::{
    Claim, DeliveryStore, Guard, MemoryStore, Outcome, StoreError, StoreFuture,
};
use commerce_webhooks::{
    kinguin, leasecloud, montly, samples, sparkpay, Delivery, Provider, Reply, Request, Secret,
};
use serde_json::json;
use time::OffsetDateTime;

const LEASECLOUD_SECRET: &str = "whsec_guard_test";

fn secret(text: &str) -> Secret {
    Secret::new(text).unwrap()
}

fn store() -> Arc<dyn DeliveryStore> {
    Arc::new(MemoryStore::new(1_000))
}

/// A LeaseCloud delivery of the page's `order.created`, and its record.
fn leasecloud_delivery() -> (Vec<(&'static str, String)>, &'static [u8], Delivery) {
    let body = samples::LEASECLOUD[0].body.as_bytes();
    let headers = leasecloud::Webhook::sign_headers(
        &secret(LEASECLOUD_SECRET),
        OffsetDateTime::now_utc().unix_timestamp(),
        body,
    )
    .to_vec();
    let delivery =
        leasecloud::Webhook::delivery(&Request::new(&headers, body), OffsetDateTime::now_utc());
    (headers, body, delivery)
}

fn ok() -> Result<Reply, &'static str> {
    Ok(Reply::ok())
}

fn never_run() -> Result<Reply, ()> {
    panic!("the handler ran without a claim")
}

#[tokio::test]
async fn a_delivery_runs_once_and_its_repeats_are_answered_as_delivered() {
    let guard = Guard::<leasecloud::Webhook>::new(store());
    let (_, _, delivery) = leasecloud_delivery();
    let runs = AtomicUsize::new(0);
    let handle = || async {
        runs.fetch_add(1, Ordering::SeqCst);
        ok()
    };
    assert!(matches!(
        guard.run(&delivery, handle).await,
        Outcome::Handled(_)
    ));
    for _ in 0..3 {
        match guard.run(&delivery, handle).await {
            // LeaseCloud stops only on its acknowledgement: the repeat gets it.
            Outcome::AlreadyHandled(reply) => {
                assert_eq!(reply.status_code(), 200);
                let ack: serde_json::Value =
                    serde_json::from_str(reply.json_body().unwrap()).unwrap();
                assert_eq!(
                    ack,
                    json!({
                        "id": "evt:e1f0aed8-883a-9751-74a3-48537d3d94ce",
                        "orderId": "c1f0acd8-8e3e-4477-85d3-18337c3c92d6"
                    })
                );
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_failed_handler_releases_the_claim_and_the_next_attempt_runs_it() {
    let guard = Guard::<leasecloud::Webhook>::new(store());
    let (_, _, delivery) = leasecloud_delivery();
    let failed = guard
        .run(&delivery, || async { Err::<Reply, _>("database down") })
        .await;
    assert!(matches!(failed, Outcome::HandlerFailed("database down")));
    assert_eq!(failed.status_code(), Some(500));
    assert!(matches!(
        guard.run(&delivery, || async { ok() }).await,
        Outcome::Handled(_)
    ));
}

#[tokio::test]
async fn a_panicking_handler_releases_the_claim_and_the_panic_goes_on() {
    let guard = Arc::new(Guard::<leasecloud::Webhook>::new(store()));
    let (_, _, delivery) = leasecloud_delivery();
    let (panicking, record) = (Arc::clone(&guard), delivery.clone());
    let task = tokio::spawn(async move {
        panicking
            .run(&record, || async {
                if true {
                    panic!("a bug in the handler");
                }
                ok()
            })
            .await
    });
    assert!(task.await.unwrap_err().is_panic());
    assert!(matches!(
        guard.run(&delivery, || async { ok() }).await,
        Outcome::Handled(_)
    ));
}

#[tokio::test]
async fn a_delivery_in_progress_is_answered_409() {
    let guard = Guard::<leasecloud::Webhook>::new(store());
    let (_, _, delivery) = leasecloud_delivery();
    let (started, start) = tokio::sync::oneshot::channel::<()>();
    let (finish, finished) = tokio::sync::oneshot::channel::<()>();
    let first = guard.run(&delivery, || async {
        started.send(()).unwrap();
        finished.await.unwrap();
        ok()
    });
    let second = async {
        start.await.unwrap();
        let outcome = guard.run(&delivery, || async { ok() }).await;
        finish.send(()).unwrap();
        outcome
    };
    let (first, second) = tokio::join!(first, second);
    assert!(matches!(first, Outcome::Handled(_)));
    assert!(matches!(second, Outcome::InProgress));
    assert_eq!(second.status_code(), Some(409));
}

#[tokio::test]
async fn spark_pay_questions_are_answered_every_time_and_notifications_once() {
    let guard = Guard::<sparkpay::Webhook>::new(store());
    let record = |event: &str| {
        let sample = samples::SPARKPAY
            .iter()
            .find(|sample| sample.event == event)
            .unwrap();
        let headers: [(&str, &str); 0] = [];
        let path = format!("/sparkpay/{event}");
        let request = Request::new(&headers, sample.body).path(&path);
        sparkpay::Webhook::delivery(&request, OffsetDateTime::now_utc())
    };
    let question = record("GetTax");
    for _ in 0..3 {
        assert!(matches!(
            guard.run(&question, || async { ok() }).await,
            Outcome::Handled(_)
        ));
    }
    let notification = record("OrderPlaced");
    assert!(matches!(
        guard.run(&notification, || async { ok() }).await,
        Outcome::Handled(_)
    ));
    assert!(matches!(
        guard.run(&notification, || async { ok() }).await,
        Outcome::AlreadyHandled(reply) if reply.status_code() == 200
    ));
}

#[tokio::test]
async fn providers_do_not_share_keys_and_each_answers_its_own_way() {
    let store = store();
    let montly = Guard::<montly::Webhook>::new(Arc::clone(&store));
    let leasecloud = Guard::<leasecloud::Webhook>::new(Arc::clone(&store));
    let kinguin = Guard::<kinguin::Webhook>::new(store);
    // The same event id from Montly and from LeaseCloud is two deliveries.
    let montly_body = br#"{"id":"evt:shared","type":"order.signed","data":{"orderId":42}}"#;
    let leasecloud_body = br#"{"id":"evt:shared","action":"order.signed","data":{"orderId":42}}"#;
    let headers: [(&str, &str); 0] = [];
    let now = OffsetDateTime::now_utc();
    let montly_record = montly::Webhook::delivery(&Request::new(&headers, montly_body), now);
    let leasecloud_record =
        leasecloud::Webhook::delivery(&Request::new(&headers, leasecloud_body), now);
    assert_eq!(montly_record.key(), leasecloud_record.key());
    assert!(matches!(
        montly.run(&montly_record, || async { ok() }).await,
        Outcome::Handled(_)
    ));
    assert!(matches!(
        leasecloud.run(&leasecloud_record, || async { ok() }).await,
        Outcome::Handled(_)
    ));
    // Repeats: Montly's 200, LeaseCloud's acknowledgement with a number kept a number,
    // Kinguin's 204.
    let Outcome::AlreadyHandled(reply) = montly.run(&montly_record, || async { ok() }).await else {
        panic!("Montly's repeat ran");
    };
    assert_eq!((reply.status_code(), reply.json_body()), (200, None));
    let Outcome::AlreadyHandled(reply) =
        leasecloud.run(&leasecloud_record, || async { ok() }).await
    else {
        panic!("LeaseCloud's repeat ran");
    };
    assert_eq!(
        reply.json_body(),
        Some(r#"{"id":"evt:shared","orderId":42}"#)
    );
    let name = [("X-Event-Name", "order.status")];
    let kinguin_record =
        kinguin::Webhook::delivery(&Request::new(&name, samples::KINGUIN[1].body), now);
    assert!(matches!(
        kinguin.run(&kinguin_record, || async { ok() }).await,
        Outcome::Handled(_)
    ));
    assert!(matches!(
        kinguin.run(&kinguin_record, || async { ok() }).await,
        Outcome::AlreadyHandled(reply) if reply.status_code() == 204
    ));
}

#[tokio::test]
async fn the_keep_window_is_the_providers_unless_the_partner_sets_another() {
    /// Records the keep window each `complete` asks for.
    struct Recording(MemoryStore, std::sync::Mutex<Vec<Duration>>);
    impl DeliveryStore for Recording {
        fn claim<'a>(&'a self, key: &'a str, lease: Duration) -> StoreFuture<'a, Claim> {
            self.0.claim(key, lease)
        }
        fn complete<'a>(
            &'a self,
            key: &'a str,
            token: &'a commerce_webhooks::dedup::ClaimToken,
            keep_for: Duration,
        ) -> StoreFuture<'a, bool> {
            self.1.lock().unwrap().push(keep_for);
            self.0.complete(key, token, keep_for)
        }
        fn release<'a>(
            &'a self,
            key: &'a str,
            token: &'a commerce_webhooks::dedup::ClaimToken,
        ) -> StoreFuture<'a, bool> {
            self.0.release(key, token)
        }
    }
    let recording = Arc::new(Recording(MemoryStore::new(10), Default::default()));
    let (_, _, delivery) = leasecloud_delivery();
    let guard = Guard::<leasecloud::Webhook>::new(recording.clone());
    assert!(matches!(
        guard.run(&delivery, || async { ok() }).await,
        Outcome::Handled(_)
    ));
    let other = leasecloud::Webhook::delivery(
        &Request::new(
            &[("LeaseCloud-Version", "1.0.0")],
            br#"{"id":"evt:2","action":"order.signed","data":{"orderId":"o"}}"#,
        ),
        OffsetDateTime::now_utc(),
    );
    let guard = guard.keep_for(Duration::from_secs(30 * 24 * 3600));
    assert!(matches!(
        guard.run(&other, || async { ok() }).await,
        Outcome::Handled(_)
    ));
    assert_eq!(
        *recording.1.lock().unwrap(),
        [
            <leasecloud::Webhook as Provider>::REDELIVERY_WINDOW,
            Duration::from_secs(30 * 24 * 3600)
        ]
    );
}

#[tokio::test]
async fn a_store_that_cannot_be_reached_runs_nothing_and_answers_503() {
    struct Unreachable;
    impl DeliveryStore for Unreachable {
        fn claim<'a>(&'a self, _: &'a str, _: Duration) -> StoreFuture<'a, Claim> {
            Box::pin(async {
                Err(StoreError::Unreachable {
                    reason: "connection refused".to_owned(),
                })
            })
        }
        fn complete<'a>(
            &'a self,
            _: &'a str,
            _: &'a commerce_webhooks::dedup::ClaimToken,
            _: Duration,
        ) -> StoreFuture<'a, bool> {
            Box::pin(async { Ok(false) })
        }
        fn release<'a>(
            &'a self,
            _: &'a str,
            _: &'a commerce_webhooks::dedup::ClaimToken,
        ) -> StoreFuture<'a, bool> {
            Box::pin(async { Ok(false) })
        }
    }
    let guard = Guard::<leasecloud::Webhook>::new(Arc::new(Unreachable));
    let (_, _, delivery) = leasecloud_delivery();
    let outcome = guard.run(&delivery, || async { never_run() }).await;
    assert!(matches!(
        outcome,
        Outcome::StoreFailed(StoreError::Unreachable { .. })
    ));
    assert_eq!(outcome.status_code(), Some(503));
    assert!(!outcome.reason().unwrap().contains("refused"));
}

// ---------------------------------------------------------------------------------------------
// On real servers.

/// What a server's handler did: how many times it ran, and whether it is to fail once first.
#[derive(Clone, Default)]
struct Runs {
    started: Arc<AtomicUsize>,
    succeeded: Arc<AtomicUsize>,
    fail_first: Arc<std::sync::atomic::AtomicBool>,
}

impl Runs {
    /// The handler: slow enough that concurrent attempts overlap, failing once if asked.
    async fn handle(&self, event: leasecloud::Event) -> Result<leasecloud::Acknowledgement, ()> {
        self.started.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(150)).await;
        if self.fail_first.swap(false, Ordering::SeqCst) {
            return Err(());
        }
        self.succeeded.fetch_add(1, Ordering::SeqCst);
        Ok(leasecloud::Acknowledgement::for_event(&event))
    }
}

/// Posts the delivery 50 times at once, then 10 times one after another: the handler ran once,
/// and every answer is the acknowledgement or a 409 that makes LeaseCloud try again.
async fn fifty_at_once_then_ten_more(address: SocketAddr, runs: &Runs) {
    let (headers, body, _) = leasecloud_delivery();
    let headers: Vec<(String, String)> = headers
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .collect();
    let acknowledgement = json!({
        "id": "evt:e1f0aed8-883a-9751-74a3-48537d3d94ce",
        "orderId": "c1f0acd8-8e3e-4477-85d3-18337c3c92d6"
    });
    let check = |response: common::Response| match response.status {
        200 => assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&response.body).unwrap(),
            acknowledgement
        ),
        409 => {}
        other => panic!("{other}: {}", response.text()),
    };
    let at_once: Vec<_> = (0..50)
        .map(|_| {
            let headers = headers.clone();
            tokio::spawn(async move { common::post(address, "/leasecloud", &headers, body).await })
        })
        .collect();
    let mut acknowledged = 0;
    for response in at_once {
        let response = response.await.unwrap();
        acknowledged += usize::from(response.status == 200);
        check(response);
    }
    assert!(acknowledged >= 1);
    for _ in 0..10 {
        let response = common::post(address, "/leasecloud", &headers, body).await;
        assert_eq!(response.status, 200);
        check(response);
    }
    assert_eq!(runs.succeeded.load(Ordering::SeqCst), 1);
    assert_eq!(runs.started.load(Ordering::SeqCst), 1);
}

/// The handler fails once: 500, and LeaseCloud's next attempt runs it.
async fn a_failure_is_retried(address: SocketAddr, runs: &Runs) {
    runs.fail_first.store(true, Ordering::SeqCst);
    let body = br#"{"id":"evt:fails-once","action":"order.signed","data":{"orderId":"o-1"}}"#;
    let signed = leasecloud::Webhook::sign_headers(
        &secret(LEASECLOUD_SECRET),
        OffsetDateTime::now_utc().unix_timestamp(),
        body,
    );
    let headers: Vec<(String, String)> = signed
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .collect();
    let first = common::post(address, "/leasecloud", &headers, body).await;
    assert_eq!(first.status, 500, "{}", first.text());
    assert!(!first.text().contains("()"));
    let retry = common::post(address, "/leasecloud", &headers, body).await;
    assert_eq!(retry.status, 200, "{}", retry.text());
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&retry.body).unwrap(),
        json!({"id": "evt:fails-once", "orderId": "o-1"})
    );
}

mod on_axum {
    use super::*;
    use axum::extract::{FromRef, State};
    use axum::routing::post;
    use axum::Router;
    use commerce_webhooks::axum::Received;

    #[derive(Clone, FromRef)]
    struct App {
        hook: leasecloud::Webhook,
        guard: Guard<leasecloud::Webhook>,
        runs: Runs,
    }

    async fn on_leasecloud(
        State(guard): State<Guard<leasecloud::Webhook>>,
        State(runs): State<Runs>,
        Received { delivery, event }: Received<leasecloud::Webhook>,
    ) -> Outcome<Reply, ()> {
        guard
            .run(&delivery, move || async move {
                match event {
                    Ok(event) => runs.handle(event).await.map(Reply::from),
                    Err(unparsed) => Ok(unparsed.into()),
                }
            })
            .await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn on_axum_a_delivery_sent_sixty_times_runs_once() {
        let runs = Runs::default();
        let app = Router::new()
            .route("/leasecloud", post(on_leasecloud))
            .with_state(App {
                hook: leasecloud::Webhook::new(secret(LEASECLOUD_SECRET)),
                guard: Guard::new(store()),
                runs: runs.clone(),
            });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        fifty_at_once_then_ten_more(address, &runs).await;
        a_failure_is_retried(address, &runs).await;
        server.abort();
    }
}

mod on_actix {
    use super::*;
    use actix_web::{web, App, HttpServer};
    use commerce_webhooks::actix::Received;

    async fn on_leasecloud(
        guard: web::Data<Guard<leasecloud::Webhook>>,
        runs: web::Data<Runs>,
        Received { delivery, event }: Received<leasecloud::Webhook>,
    ) -> Outcome<Reply, ()> {
        let runs = runs.get_ref().clone();
        guard
            .run(&delivery, move || async move {
                match event {
                    Ok(event) => runs.handle(event).await.map(Reply::from),
                    Err(unparsed) => Ok(unparsed.into()),
                }
            })
            .await
    }

    #[test]
    fn on_actix_a_delivery_sent_sixty_times_runs_once() {
        let runs = Runs::default();
        let guard = Guard::<leasecloud::Webhook>::new(store());
        let for_app = runs.clone();
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(move || {
                App::new()
                    .app_data(web::Data::new(leasecloud::Webhook::new(secret(
                        LEASECLOUD_SECRET,
                    ))))
                    .app_data(web::Data::new(guard.clone()))
                    .app_data(web::Data::new(for_app.clone()))
                    .route("/leasecloud", web::post().to(on_leasecloud))
            })
            .workers(2)
            .backlog(1024)
            .bind(("127.0.0.1", 0))
            .unwrap();
            let address = server.addrs()[0];
            let server = server.run();
            let handle = server.handle();
            let running = actix_web::rt::spawn(server);
            // The client runs on a runtime of its own, with threads to send 50 requests at
            // once; the test waits for it without blocking the server's system thread.
            let client_runs = runs.clone();
            let (done, finished) = tokio::sync::oneshot::channel();
            std::thread::spawn(move || {
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    tokio::runtime::Builder::new_multi_thread()
                        .worker_threads(2)
                        .enable_all()
                        .build()
                        .unwrap()
                        .block_on(async {
                            fifty_at_once_then_ten_more(address, &client_runs).await;
                            a_failure_is_retried(address, &client_runs).await;
                        })
                }));
                let _ = done.send(outcome);
            });
            let outcome = finished.await.unwrap();
            handle.stop(true).await;
            running.await.unwrap().unwrap();
            if let Err(panic) = outcome {
                std::panic::resume_unwind(panic);
            }
        });
    }
}
