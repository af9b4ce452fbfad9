//! One answer for every authentic request, whichever entry point it goes through: a request
//! whose credential matched is never refused as unauthentic. When what names its event cannot
//! be read (Kinguin's `X-Event-Name` sent twice or not UTF-8, Spark Pay's path naming no event
//! type), it is an authentic request that does not parse: `verify` and `verify_request` say
//! `Error::Parse`, `Verified` answers 400, and `Authenticated` and `VerifiedRequest` hand it
//! over as `Unparsed`, answered so the provider stops. Checked on real axum and actix-web
//! servers on 127.0.0.1.

mod common;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use commerce_webhooks::{kinguin, sparkpay, Error, Provider, Request, Secret};

const KINGUIN_SECRET: &str = "kinguin_secret_entry_points";
const SPARKPAY_TOKEN: &str = "sp_tok_entry_points_0123456789";
const KINGUIN_BODY: &[u8] =
    br#"{"orderId":"PHS84FJAG5U","status":"canceled","updatedAt":"2020-10-16T11:24:08+00:00"}"#;
const TAX_BODY: &[u8] = br#"{"items":[],"shipping_total":25,"handling_total":0}"#;

fn kinguin_hook() -> kinguin::Webhook {
    kinguin::Webhook::new(Secret::new(KINGUIN_SECRET).unwrap())
}

fn sparkpay_hook() -> sparkpay::Webhook {
    sparkpay::Webhook::new(Secret::new(SPARKPAY_TOKEN).unwrap())
}

/// Kinguin requests whose secret matched and whose event name cannot be read, and one whose
/// secret did not match, as raw header lines.
fn kinguin_cases() -> Vec<(&'static str, Vec<u8>, bool)> {
    let secret = format!("X-Event-Secret: {KINGUIN_SECRET}\r\n").into_bytes();
    let with = |lines: &[&[u8]]| {
        let mut headers = secret.clone();
        for line in lines {
            headers.extend_from_slice(line);
        }
        headers
    };
    vec![
        (
            "name sent twice",
            with(&[
                b"X-Event-Name: order.status\r\n",
                b"X-Event-Name: product.update\r\n",
            ]),
            true,
        ),
        (
            "name not UTF-8",
            with(&[b"X-Event-Name: order.\xffstatus\r\n"]),
            true,
        ),
        (
            "wrong secret",
            b"X-Event-Secret: guess\r\nX-Event-Name: order.status\r\n".to_vec(),
            false,
        ),
    ]
}

/// Spark Pay targets (under the route's prefix) whose token matched and whose path names no
/// event type, and one whose token did not match.
fn sparkpay_cases() -> Vec<(&'static str, String, bool)> {
    let query = sparkpay::Webhook::sign_query(&Secret::new(SPARKPAY_TOKEN).unwrap());
    vec![
        ("unknown event type", format!("/NoSuchEvent?{query}"), true),
        ("lower-case event type", format!("/gettax?{query}"), true),
        ("wrong token", "/GetTax?token=guess".to_owned(), false),
    ]
}

fn post(target: &str, headers: &[u8], body: &[u8]) -> Vec<u8> {
    let mut request = format!(
        "POST {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(headers);
    request.extend_from_slice(b"\r\n");
    request.extend_from_slice(body);
    request
}

#[test]
fn verify_and_verify_request_call_an_unreadable_event_name_a_parse_error() {
    let twice = [
        ("X-Event-Secret", KINGUIN_SECRET.as_bytes()),
        ("X-Event-Name", b"order.status".as_slice()),
        ("X-Event-Name", b"product.update".as_slice()),
    ];
    let not_utf8 = [
        ("X-Event-Secret", KINGUIN_SECRET.as_bytes()),
        ("X-Event-Name", b"order.\xffstatus".as_slice()),
    ];
    for headers in [&twice[..], &not_utf8[..]] {
        assert!(matches!(
            kinguin_hook().verify(&headers, KINGUIN_BODY),
            Err(Error::Parse(_))
        ));
        let request = Request::new(&headers, KINGUIN_BODY);
        assert!(matches!(
            kinguin_hook().verify_request(&request),
            Err(Error::Parse(_))
        ));
        assert!(kinguin_hook().verify_request_signature(&request).is_ok());
        assert!(kinguin::Webhook::parse_request_view(&request).is_err());
    }

    let query = sparkpay::Webhook::sign_query(&Secret::new(SPARKPAY_TOKEN).unwrap());
    let no_headers: [(&str, &str); 0] = [];
    for path in ["/hooks/sparkpay/NoSuchEvent", "/hooks/sparkpay/", "/"] {
        let request = Request::new(&no_headers, TAX_BODY).path(path).query(&query);
        match sparkpay_hook().verify_request(&request) {
            Err(Error::Parse(error)) => assert_eq!(error.provider, "Spark Pay"),
            other => panic!("{path}: {other:?}"),
        }
        assert!(sparkpay_hook().verify_request_signature(&request).is_ok());
    }
    // Without the token, the same request is not authentic.
    let request = Request::new(&no_headers, TAX_BODY)
        .path("/hooks/sparkpay/NoSuchEvent")
        .query("token=guess");
    assert!(matches!(
        sparkpay_hook().verify_request(&request),
        Err(Error::Verify(_))
    ));
}

/// The unparsed requests each server's handlers received: (route, provider).
type Kept = Arc<Mutex<Vec<(&'static str, &'static str)>>>;

/// Posts every case to every route of the server at `address` and checks the answers and
/// what the handlers kept.
async fn check_every_entry_point(address: SocketAddr, kept: Kept) {
    let mut expected_kept = Vec::new();
    for (case, headers, authentic) in kinguin_cases() {
        for route in ["verified", "authenticated", "view"] {
            let target = format!("/{route}/kinguin");
            let response = common::send_raw(address, &post(&target, &headers, KINGUIN_BODY)).await;
            let expected = match (authentic, route) {
                (false, _) => 401,
                (true, "verified") => 400,
                (true, _) => {
                    expected_kept.push((route, "Kinguin"));
                    204
                }
            };
            assert_eq!(response.status, expected, "{case} via {route}");
        }
    }
    for (case, tail, authentic) in sparkpay_cases() {
        for route in ["verified", "authenticated", "view"] {
            let target = format!("/{route}/sparkpay{tail}");
            let response = common::send_raw(address, &post(&target, b"", TAX_BODY)).await;
            let expected = match (authentic, route) {
                (false, _) => 401,
                (true, "verified") => 400,
                (true, _) => {
                    expected_kept.push((route, "Spark Pay"));
                    200
                }
            };
            assert_eq!(response.status, expected, "{case} via {route}");
        }
    }
    let mut kept = kept.lock().unwrap().clone();
    kept.sort();
    expected_kept.sort();
    assert_eq!(kept, expected_kept);
}

/// What a handler does with an authentic request it cannot parse: checks its body is the one
/// sent, notes it, and answers what stops the provider.
fn keep<W: Provider>(kept: &Kept, route: &'static str, unparsed: Unparsed) -> Reply {
    let sent = if W::NAME == "Kinguin" {
        KINGUIN_BODY
    } else {
        TAX_BODY
    };
    assert_eq!(unparsed.body.as_ref(), sent);
    kept.lock().unwrap().push((route, W::NAME));
    unparsed.into()
}

use commerce_webhooks::axum::Unparsed;
use commerce_webhooks::Reply;

mod on_axum {
    use super::*;
    use axum::extract::{FromRef, State};
    use axum::http::StatusCode;
    use axum::routing::post;
    use axum::Router;
    use commerce_webhooks::axum::{Authenticated, Verified, VerifiedRequest};

    #[derive(Clone, FromRef)]
    struct Hooks {
        kinguin: kinguin::Webhook,
        sparkpay: sparkpay::Webhook,
        kept: Kept,
    }

    async fn verified<W: Provider>(_: Verified<W>) -> StatusCode {
        StatusCode::NO_CONTENT
    }

    async fn authenticated<W: Provider>(
        State(kept): State<Kept>,
        Authenticated(event): Authenticated<W>,
    ) -> Reply {
        match event {
            Ok(_) => Reply::status(299),
            Err(unparsed) => keep::<W>(&kept, "authenticated", unparsed),
        }
    }

    async fn view<W: Provider>(State(kept): State<Kept>, request: VerifiedRequest<W>) -> Reply {
        match request.event() {
            Ok(_) => Reply::status(299),
            Err(unparsed) => keep::<W>(&kept, "view", unparsed),
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_axum_extractor_keeps_an_authentic_request_it_cannot_parse() {
        type K = kinguin::Webhook;
        type S = sparkpay::Webhook;
        let kept = Kept::default();
        let app = Router::new()
            .route("/verified/kinguin", post(verified::<K>))
            .route("/authenticated/kinguin", post(authenticated::<K>))
            .route("/view/kinguin", post(view::<K>))
            .route("/verified/sparkpay/{event}", post(verified::<S>))
            .route("/authenticated/sparkpay/{event}", post(authenticated::<S>))
            .route("/view/sparkpay/{event}", post(view::<S>))
            .with_state(Hooks {
                kinguin: kinguin_hook(),
                sparkpay: sparkpay_hook(),
                kept: kept.clone(),
            });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
        });
        check_every_entry_point(address, kept).await;
        stop.send(()).unwrap();
        server.await.unwrap();
    }
}

mod on_actix {
    use super::*;
    use actix_web::{web, App, HttpResponse, HttpServer};
    use commerce_webhooks::actix::{Authenticated, Verified, VerifiedRequest};

    async fn verified<W: Provider + 'static>(_: Verified<W>) -> HttpResponse
    where
        W::Event: 'static,
    {
        HttpResponse::NoContent().finish()
    }

    async fn authenticated<W: Provider + 'static>(
        kept: web::Data<Kept>,
        Authenticated(event): Authenticated<W>,
    ) -> Reply
    where
        W::Event: 'static,
    {
        match event {
            Ok(_) => Reply::status(299),
            Err(unparsed) => keep::<W>(&kept, "authenticated", unparsed),
        }
    }

    async fn view<W: Provider + 'static>(
        kept: web::Data<Kept>,
        request: VerifiedRequest<W>,
    ) -> Reply {
        match request.event() {
            Ok(_) => Reply::status(299),
            Err(unparsed) => keep::<W>(&kept, "view", unparsed),
        }
    }

    #[test]
    fn every_actix_extractor_keeps_an_authentic_request_it_cannot_parse() {
        type K = kinguin::Webhook;
        type S = sparkpay::Webhook;
        let kept = Kept::default();
        let for_app = kept.clone();
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(move || {
                App::new()
                    .app_data(web::Data::new(kinguin_hook()))
                    .app_data(web::Data::new(sparkpay_hook()))
                    .app_data(web::Data::new(for_app.clone()))
                    .route("/verified/kinguin", web::post().to(verified::<K>))
                    .route("/authenticated/kinguin", web::post().to(authenticated::<K>))
                    .route("/view/kinguin", web::post().to(view::<K>))
                    .route("/verified/sparkpay/{event}", web::post().to(verified::<S>))
                    .route(
                        "/authenticated/sparkpay/{event}",
                        web::post().to(authenticated::<S>),
                    )
                    .route("/view/sparkpay/{event}", web::post().to(view::<S>))
            })
            .workers(2)
            .bind(("127.0.0.1", 0))
            .unwrap();
            let address = server.addrs()[0];
            let server = server.run();
            let handle = server.handle();
            let running = actix_web::rt::spawn(server);
            check_every_entry_point(address, kept).await;
            handle.stop(true).await;
            running.await.unwrap().unwrap();
        });
    }
}
