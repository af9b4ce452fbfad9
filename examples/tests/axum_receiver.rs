//! The axum receiver example, served on 127.0.0.1 at an ephemeral port and driven over real
//! HTTP with the requests each provider sends (signed by the crate's own signers), forged and
//! broken ones, and 200 at once.

#[path = "../../tests/common/mod.rs"]
mod common;
mod dead_letters;
#[path = "../axum_receiver.rs"]
#[allow(dead_code)]
mod receiver;

use std::net::SocketAddr;

use axum::extract::DefaultBodyLimit;
use commerce_webhooks::axum::BodyLimit;
use tokio::net::TcpSocket;
use tokio::sync::oneshot;

/// A running server, stopped when dropped.
struct Server {
    address: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    async fn start(app: axum::Router) -> Server {
        let socket = TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        // Room for 200 connections arriving at once.
        let listener = socket.listen(1024).unwrap();
        let address = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
        });
        Server {
            address,
            stop: Some(stop),
            task,
        }
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.task).await.unwrap();
    }
}

fn hooks() -> receiver::Hooks {
    receiver::hooks_from(&[], common::env).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_provider_is_answered_as_it_expects_and_nothing_authentic_is_lost() {
    let hooks = hooks();
    let dead_letters = hooks.dead_letters.clone();
    let server = Server::start(receiver::router(hooks)).await;
    common::check_every_case(server.address).await;
    common::check_dead_letters(dead_letters::kept(&dead_letters));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_requests_at_once_are_all_answered_correctly() {
    let server = Server::start(receiver::router(hooks())).await;
    common::check_concurrent(server.address, 200).await;
    server.stop().await;
}

#[tokio::test]
async fn the_body_limit_is_the_extractors_own_and_can_be_set_per_route() {
    // axum's own limit is not what counts: a larger DefaultBodyLimit does not let a body past
    // the extractor's 256 KiB, and a BodyLimit extension lowers it.
    let app = receiver::router(hooks()).layer(DefaultBodyLimit::max(4 << 20));
    let server = Server::start(app).await;
    let huge = common::cases()
        .into_iter()
        .find(|case| case.name == "LeaseCloud body over the limit")
        .unwrap();
    huge.check(&huge.send(server.address).await);
    server.stop().await;

    let app = receiver::router(hooks()).layer(axum::Extension(BodyLimit(1024)));
    let server = Server::start(app).await;
    let order = common::cases().into_iter().next().unwrap();
    assert!(order.body.len() > 1024);
    let response = order.send(server.address).await;
    assert_eq!(response.status, 413, "{}", response.text());
    assert_eq!(
        response.text(),
        "the body is longer than the limit of 1024 bytes"
    );
    server.stop().await;
}

#[test]
fn the_receiver_refuses_to_start_without_its_secrets_unless_asked_for_the_demo() {
    let error = receiver::hooks_from(&[], |_| None).err().unwrap();
    assert!(error.contains("LEASECLOUD_SECRET is not set"), "{error}");
    assert!(error.contains("--demo"), "{error}");
    // One missing secret is enough to refuse.
    let all_but_kinguin = |name: &str| common::env(name).filter(|_| name != "KINGUIN_SECRET");
    let error = receiver::hooks_from(&[], all_but_kinguin).err().unwrap();
    assert!(error.contains("KINGUIN_SECRET is not set"), "{error}");
    // A secret with a trailing newline is refused, naming the variable.
    let newline = |name: &str| common::env(name).map(|value| format!("{value}\n"));
    let error = receiver::hooks_from(&[], newline).err().unwrap();
    assert!(error.starts_with("LEASECLOUD_SECRET: "), "{error}");
    assert!(receiver::hooks_from(&["--demo".to_owned()], |_| None).is_ok());
}
