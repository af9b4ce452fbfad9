//! The actix-web receiver example, served on 127.0.0.1 at an ephemeral port and driven over
//! real HTTP with the requests each provider sends (signed by the crate's own signers),
//! forged and broken ones, and 200 at once: the same cases as the axum receiver's.

#[path = "../../tests/common/mod.rs"]
mod common;
mod dead_letters;
#[path = "../actix_receiver.rs"]
#[allow(dead_code)]
mod receiver;

use std::future::Future;
use std::net::SocketAddr;

use actix_web::dev::ServerHandle;
use actix_web::{App, HttpServer};
use commerce_webhooks::actix::BodyLimit;

/// Serves `hooks` on an ephemeral port, runs `test` against it, then stops the server.
fn with_server<F, T>(hooks: receiver::Hooks, limit: Option<BodyLimit>, test: F)
where
    F: FnOnce(SocketAddr) -> T,
    T: Future<Output = ()>,
{
    actix_web::rt::System::new().block_on(async move {
        let server = HttpServer::new(move || {
            let app = App::new().configure(|config| receiver::routes(config, &hooks));
            match limit {
                Some(limit) => app.app_data(limit),
                None => app,
            }
        })
        .workers(2)
        // Room for 200 connections arriving at once.
        .backlog(1024)
        .bind(("127.0.0.1", 0))
        .unwrap();
        let address = server.addrs()[0];
        let server = server.run();
        let handle: ServerHandle = server.handle();
        let running = actix_web::rt::spawn(server);
        test(address).await;
        handle.stop(true).await;
        running.await.unwrap().unwrap();
    });
}

fn hooks() -> receiver::Hooks {
    receiver::hooks_from(&[], common::env).unwrap()
}

#[test]
fn every_provider_is_answered_as_it_expects_and_nothing_authentic_is_lost() {
    let hooks = hooks();
    let dead_letters = hooks.dead_letters.clone();
    with_server(hooks, None, common::check_every_case);
    common::check_dead_letters(dead_letters::kept(&dead_letters));
}

#[test]
fn two_hundred_requests_at_once_are_all_answered_correctly() {
    with_server(hooks(), None, |address| {
        common::check_concurrent(address, 200)
    });
}

#[test]
fn the_body_limit_can_be_set_for_the_app() {
    with_server(hooks(), Some(BodyLimit(1024)), |address| async move {
        let order = common::cases().into_iter().next().unwrap();
        assert!(order.body.len() > 1024);
        let response = order.send(address).await;
        assert_eq!(response.status, 413, "{}", response.text());
        assert_eq!(
            response.text(),
            "the body is longer than the limit of 1024 bytes"
        );
    });
}

#[test]
fn the_body_limit_counts_the_bytes_received_not_the_announced_length() {
    with_server(hooks(), Some(BodyLimit(1024)), |address| async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        // Chunked: no Content-Length announces the size, so only counting the bytes as they
        // arrive can refuse it.
        let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
        let chunk = vec![b'x'; 700];
        let mut request = b"POST /webhooks/montly HTTP/1.1\r\nHost: test\r\n\
            Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            .to_vec();
        for _ in 0..2 {
            request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            request.extend_from_slice(&chunk);
            request.extend_from_slice(b"\r\n");
        }
        request.extend_from_slice(b"0\r\n\r\n");
        let _ = stream.write_all(&request).await;
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response).await;
        let response = String::from_utf8_lossy(&response);
        assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    });
}

#[test]
fn the_receiver_refuses_to_start_without_its_secrets_unless_asked_for_the_demo() {
    let error = receiver::hooks_from(&[], |_| None).err().unwrap();
    assert!(error.contains("LEASECLOUD_SECRET is not set"), "{error}");
    assert!(error.contains("--demo"), "{error}");
    assert!(receiver::hooks_from(&["--demo".to_owned()], |_| None).is_ok());
}
