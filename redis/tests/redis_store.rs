//! `RedisStore` against a real `redis-server` that each test starts on its own port.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use commerce_webhooks::dedup::conformance::{self, Task};
use commerce_webhooks::dedup::{Claim, ClaimToken, DeliveryStore, StoreError};
use commerce_webhooks_redis::RedisStore;
use support::RedisServer;

const LONG: Duration = Duration::from_secs(60);

async fn claimed(store: &RedisStore, key: &str) -> ClaimToken {
    match store.claim(key, LONG).await {
        Ok(Claim::Claimed(token)) => token,
        other => panic!("{key}: expected a claim, got {other:?}"),
    }
}

/// A plain connection, to look at what the store wrote.
async fn raw(server: &RedisServer) -> redis::aio::MultiplexedConnection {
    redis::Client::open(server.url())
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passes_the_semantics_suite_over_two_instances() -> Result<(), conformance::Violation> {
    let server = RedisServer::start();
    // Two stores, two connections: as two instances of a receiver would share one Redis.
    let mut stores: Vec<Arc<dyn DeliveryStore>> = Vec::new();
    for _ in 0..2 {
        let store = RedisStore::connect(&server.url()).await.unwrap();
        stores.push(Arc::new(store.prefix("hooks:")));
    }
    let spawn = |task: Task| {
        tokio::spawn(task);
    };
    conformance::run_all(&stores, &spawn).await
}

#[tokio::test]
async fn keys_are_prefixed_and_expire_with_their_lease_and_keep_window() {
    let server = RedisServer::start();
    let hooks = RedisStore::connect(&server.url())
        .await
        .unwrap()
        .prefix("hooks:");
    let other = RedisStore::connect(&server.url())
        .await
        .unwrap()
        .prefix("other:");
    let mut raw = raw(&server).await;

    let token = claimed(&hooks, "evt_1").await;
    claimed(&other, "evt_1").await;
    let value: Option<String> = redis::cmd("GET")
        .arg("hooks:evt_1")
        .query_async(&mut raw)
        .await
        .unwrap();
    assert_eq!(value.as_deref(), Some(token.as_text()));
    let lease: i64 = redis::cmd("PTTL")
        .arg("hooks:evt_1")
        .query_async(&mut raw)
        .await
        .unwrap();
    assert!((55_000..=60_000).contains(&lease), "lease {lease} ms");

    let keep_for = Duration::from_secs(7 * 24 * 3600);
    assert!(hooks.complete("evt_1", &token, keep_for).await.unwrap());
    let value: Option<String> = redis::cmd("GET")
        .arg("hooks:evt_1")
        .query_async(&mut raw)
        .await
        .unwrap();
    assert_eq!(
        value.as_deref(),
        Some(""),
        "a completed key holds the empty marker"
    );
    let kept: i64 = redis::cmd("PTTL")
        .arg("hooks:evt_1")
        .query_async(&mut raw)
        .await
        .unwrap();
    let keep_ms = i64::try_from(keep_for.as_millis()).unwrap();
    assert!(
        (keep_ms - 5_000..=keep_ms).contains(&kept),
        "kept {kept} ms"
    );
    assert_eq!(other.claim("evt_1", LONG).await, Ok(Claim::InProgress));
}

#[tokio::test]
async fn a_lost_server_fails_within_the_timeout_and_the_store_recovers() {
    let timeout = Duration::from_millis(300);
    let mut server = RedisServer::start();
    let store = RedisStore::connect(&server.url())
        .await
        .unwrap()
        .timeout(timeout);
    let held = claimed(&store, "before").await;

    server.stop();
    for _ in 0..3 {
        let started = Instant::now();
        let answer = store.claim("during", LONG).await;
        assert!(
            matches!(
                answer,
                Err(StoreError::Unreachable { .. } | StoreError::TimedOut { .. })
            ),
            "{answer:?}"
        );
        assert!(started.elapsed() < timeout + Duration::from_millis(200));
        let completed = store.complete("before", &held, LONG).await;
        assert!(completed.is_err(), "{completed:?}");
        assert!(store.release("before", &held).await.is_err());
    }

    // Back on the same port (empty: persistence is off): the same store works again.
    server.resume();
    let started = Instant::now();
    loop {
        match store.claim("after", LONG).await {
            Ok(claim) => {
                assert!(matches!(claim, Claim::Claimed(_)), "{claim:?}");
                break;
            }
            Err(error) => assert!(
                started.elapsed() < Duration::from_secs(5),
                "still failing 5 s after the server came back: {error}"
            ),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    claimed(&store, "before").await;
}

#[tokio::test]
async fn a_server_that_does_not_answer_times_out() {
    let timeout = Duration::from_millis(200);
    let server = RedisServer::start();
    let store = RedisStore::connect(&server.url())
        .await
        .unwrap()
        .timeout(timeout);
    claimed(&store, "before").await;

    server.signal("STOP");
    let started = Instant::now();
    let answer = store.claim("frozen", LONG).await;
    let waited = started.elapsed();
    server.signal("CONT");
    assert_eq!(answer, Err(StoreError::TimedOut { after: timeout }));
    assert!(waited >= timeout && waited < timeout + Duration::from_millis(200));

    // The answer that came late does not confuse the next call.
    assert_eq!(store.claim("before", LONG).await, Ok(Claim::InProgress));
}

#[tokio::test]
async fn the_password_comes_from_the_url_and_is_never_shown() {
    let password = "s3cret-Pa55word";
    let server = RedisServer::start_with_password(Some(password));
    let store = RedisStore::connect(&server.url()).await.unwrap();
    claimed(&store, "evt_1").await;
    let shown = format!("{store:?}");
    assert!(!shown.contains(password), "{shown}");
    assert!(shown.contains(&server.port().to_string()), "{shown}");

    let wrong = "wr0ng-Pa55word";
    let url = format!("redis://:{wrong}@127.0.0.1:{}/", server.port());
    let error = RedisStore::connect(&url).await.unwrap_err();
    assert!(matches!(error, StoreError::Refused { .. }), "{error:?}");
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shown.contains(wrong), "{shown}");
    }

    let url = format!("redis://127.0.0.1:{}/", server.port());
    let unauthenticated = RedisStore::connect(&url).await;
    let answer = match unauthenticated {
        Ok(store) => store.claim("evt_2", LONG).await.map(drop),
        Err(error) => Err(error),
    };
    assert!(answer.is_err(), "no password: {answer:?}");
}

#[tokio::test]
async fn bad_urls_and_absent_servers_are_errors() {
    let error = RedisStore::connect("http://user:pa55word@127.0.0.1/")
        .await
        .unwrap_err();
    assert!(
        matches!(error, StoreError::Misconfigured { .. }),
        "{error:?}"
    );
    assert!(!error.to_string().contains("pa55word"), "{error}");

    // Nothing listens there once the server is gone.
    let port = {
        let server = RedisServer::start();
        server.port()
    };
    let started = Instant::now();
    let error = RedisStore::connect(&format!("redis://127.0.0.1:{port}/"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            StoreError::Unreachable { .. } | StoreError::TimedOut { .. }
        ),
        "{error:?}"
    );
    assert!(started.elapsed() < Duration::from_millis(1_500));
}
