//! `rediss://` URLs: TLS with the server's certificate checked against the system's roots.
//!
//! A test binary of its own, with one test: it points `SSL_CERT_FILE` (read by
//! rustls-native-certs for every new connection) at a test authority, before any other
//! thread runs.

mod support;

use std::time::Duration;

use commerce_webhooks::dedup::{Claim, DeliveryStore, StoreError};
use commerce_webhooks_redis::RedisStore;
use support::{Certificates, RedisServer};

#[test]
fn tls_from_the_url_with_the_certificate_checked() {
    let authority = Certificates::new("trusted");
    let stranger = Certificates::new("stranger");
    let server = RedisServer::start_tls(authority);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();

    // A certificate from an authority the system does not trust: refused.
    std::env::set_var("SSL_CERT_FILE", stranger.ca());
    let refused = runtime.block_on(RedisStore::connect(&server.url()));
    assert!(
        matches!(&refused, Err(StoreError::Unreachable { reason }) if reason.contains("certificate")),
        "{refused:?}"
    );

    // Plain text to the TLS port: no answer Redis could give.
    let plain = server.url().replacen("rediss://", "redis://", 1);
    assert!(runtime.block_on(RedisStore::connect(&plain)).is_err());

    std::env::set_var("SSL_CERT_FILE", server_authority(&server));
    runtime.block_on(async {
        let store = RedisStore::connect(&server.url()).await.unwrap();
        let lease = Duration::from_secs(30);
        let Ok(Claim::Claimed(token)) = store.claim("evt_1", lease).await else {
            panic!("the first claim over TLS");
        };
        assert_eq!(store.complete("evt_1", &token, lease).await, Ok(true));
        assert_eq!(store.claim("evt_1", lease).await, Ok(Claim::Done));
    });
}

fn server_authority(server: &RedisServer) -> std::path::PathBuf {
    server.certificates().expect("a TLS server").ca()
}
