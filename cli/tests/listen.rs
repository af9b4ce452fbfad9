//! `listen` in front of a real receiver: what arrives behind it is what was sent, byte for
//! byte; the answer comes back; captures replay; a wrong secret is refused and not forwarded.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;

use commerce_webhooks::{leasecloud, samples, Secret};
use support::*;

/// A LeaseCloud delivery as raw bytes, signed now with `secret`, with headers a provider might
/// add (odd case, a repeated one), and `Connection: close` so the answer ends the stream.
fn raw_delivery(secret: &str) -> (Vec<(String, String)>, Vec<u8>) {
    let body = samples::LEASECLOUD[0].body.as_bytes().to_vec();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut headers: Vec<(String, String)> = vec![
        (
            "Content-Type".into(),
            "application/json; charset=utf-8".into(),
        ),
        ("User-Agent".into(), "LeaseCloud-Webhooks/1.0".into()),
        ("X-Trace".into(), "a".into()),
        ("X-Trace".into(), "b".into()),
        ("x-MiXeD-Case".into(), "Value With  Two Spaces".into()),
    ];
    let signed = leasecloud::Webhook::sign_headers(&Secret::new(secret).unwrap(), now, &body);
    headers.extend(signed.map(|(name, value)| (name.to_owned(), value)));
    (headers, body)
}

/// Posts a request over a plain socket and returns the answer's status line, headers and body.
fn post(port: u16, path: &str, headers: &[(String, String)], body: &[u8]) -> (String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut request = format!("POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    stream.write_all(request.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    (head.to_owned(), body.to_owned())
}

/// `listen leasecloud` forwarding to a receiver that records what arrives.
fn listening_in_front_of_a_receiver(args: &[&str]) -> (Received, Server, Listener) {
    let hooks = hooks();
    let received = hooks.received.clone();
    let receiver = Server::start(good_receiver(hooks));
    let forward_to = receiver.url("/record/leasecloud");
    let mut all = vec![
        "leasecloud",
        "--secret-env",
        "LEASECLOUD_SECRET",
        "--forward-to",
        &forward_to,
    ];
    all.extend_from_slice(args);
    let listener = Listener::start(&all);
    (received, receiver, listener)
}

#[test]
fn forwarded_requests_arrive_unchanged_and_the_answer_comes_back() {
    let (received, _receiver, listener) = listening_in_front_of_a_receiver(&[]);
    let (headers, body) = raw_delivery(LEASECLOUD_SECRET);
    let (head, answer) = post(listener.port, "/hooks/leasecloud", &headers, &body);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(
        head.to_ascii_lowercase().contains("x-receiver: behind"),
        "{head}"
    );
    assert!(
        answer.contains(r#""orderId":"c1f0acd8-8e3e-4477-85d3-18337c3c92d6""#),
        "{answer}"
    );

    let received = received.0.lock().unwrap();
    assert_eq!(received.len(), 1);
    let (arrived, arrived_body) = &received[0];
    assert_eq!(arrived_body.as_ref(), body.as_slice());
    // Every header sent arrives with its value, repeated ones in order.
    for name in [
        "content-type",
        "user-agent",
        "x-trace",
        "x-mixed-case",
        "leasecloud-signature",
        "leasecloud-version",
    ] {
        let sent: Vec<&str> = headers
            .iter()
            .filter(|(sent, _)| sent.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect();
        let got: Vec<&str> = arrived
            .get_all(name)
            .iter()
            .map(|value| value.to_str().unwrap())
            .collect();
        assert_eq!(got, sent, "{name}");
    }
    assert_eq!(arrived["content-length"], body.len().to_string().as_str());
    // Nothing was added on the way but Host and Content-Length.
    assert_eq!(arrived.len(), headers.len() + 2, "{arrived:?}");

    let printed = listener.stop();
    assert!(printed.contains("order.created"), "{printed}");
    assert!(printed.contains("✓ verified → 200 (forwarded"), "{printed}");
    assert!(!printed.contains(LEASECLOUD_SECRET));
    let signature = &headers
        .iter()
        .find(|(n, _)| n == "LeaseCloud-Signature")
        .unwrap()
        .1;
    assert!(
        !printed.contains(&signature[15..]),
        "a signature was printed: {printed}"
    );
}

#[test]
fn a_wrong_secret_is_refused_with_the_reason_and_nothing_is_forwarded() {
    let (received, _receiver, listener) = listening_in_front_of_a_receiver(&["--json"]);
    let (headers, body) = raw_delivery("whsec_someone_else");
    let (head, answer) = post(listener.port, "/hooks", &headers, &body);
    assert!(head.starts_with("HTTP/1.1 401"), "{head}");
    assert!(
        answer.contains("matches none of the configured secrets"),
        "{answer}"
    );
    assert!(received.0.lock().unwrap().is_empty());

    let printed = listener.stop();
    let line: serde_json::Value = serde_json::from_str(printed.trim()).unwrap();
    assert_eq!(line["verdict"], "refused");
    assert_eq!(line["status"], 401);
    assert_eq!(line["forwarded"], false);
    let reason = line["reason"].as_str().unwrap();
    assert!(reason.contains("LeaseCloud-Signature"), "{reason}");
    assert!(reason.contains("match"), "{reason}");
}

#[test]
fn a_saved_capture_is_the_request_byte_for_byte_and_replays_with_send() {
    let dir = TempDir::new("captures");
    let listener = Listener::start(&[
        "kinguin",
        "--secret-env",
        "KINGUIN_SECRET",
        "--save",
        dir.path(),
    ]);
    // Sent by the command itself: `send` to `listen`, answered as Kinguin expects.
    let output = run(&[
        "send",
        "kinguin",
        &listener.url("/hooks/kinguin"),
        "--event",
        "product.update",
        "--secret-env",
        "KINGUIN_SECRET",
    ]);
    assert_status(&output, 0);
    assert!(stdout(&output).contains("← 204"), "{}", stdout(&output));
    let printed = listener.stop();
    assert!(printed.contains("product.update"), "{printed}");
    assert!(!printed.contains(KINGUIN_SECRET), "{printed}");

    let saved: Vec<_> = std::fs::read_dir(&dir.0).unwrap().collect();
    assert_eq!(saved.len(), 1);
    let capture = saved[0].as_ref().unwrap().path();
    let bytes = std::fs::read(&capture).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.starts_with("POST /hooks/kinguin HTTP/1.1\r\n"),
        "{text}"
    );
    assert!(text.ends_with(samples::KINGUIN[0].body), "{text}");
    assert!(
        text.contains(&format!("\r\nx-event-secret: {KINGUIN_SECRET}\r\n")),
        "{text}"
    );

    // Replayed to a receiver on the library's extractors, signed again, and verified there.
    let receiver = Server::start(good_receiver(hooks()));
    let capture = capture.to_str().unwrap();
    let output = run(&[
        "send",
        "kinguin",
        &receiver.url("/kinguin"),
        "--request",
        capture,
        "--secret-env",
        "KINGUIN_SECRET",
    ]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("Kinguin product.update"),
        "{}",
        stdout(&output)
    );

    // And `inspect` reads the same capture.
    let output = run(&[
        "inspect",
        "kinguin",
        "--secret-env",
        "KINGUIN_SECRET",
        "--request",
        capture,
    ]);
    assert_status(&output, 0);
    let report = stdout(&output);
    assert!(
        report.contains("✓ `X-Event-Secret` equals secret #0 of 1"),
        "{report}"
    );
    assert!(
        report.contains("✓ the body parses as `product.update`"),
        "{report}"
    );
    assert!(!report.contains(KINGUIN_SECRET), "{report}");
}

#[test]
fn listen_answers_spark_pay_as_it_expects_and_verbose_prints_the_event() {
    let listener = Listener::start(&["sparkpay", "--secret-env", "SPARKPAY_TOKEN", "-v"]);
    let output = run(&[
        "trigger",
        "sparkpay",
        &listener.url("/hooks/sparkpay"),
        "--secret-env",
        "SPARKPAY_TOKEN",
        "--only",
        "GetTax",
        "--only",
        "ValidateCart",
        "--only",
        "NewOrder",
    ]);
    assert_status(&output, 0);
    let printed = listener.stop();
    assert!(
        printed.contains("#1 POST /hooks/sparkpay/GetTax GetTax"),
        "{printed}"
    );
    assert!(printed.contains("GetTax(\n"), "{printed}");
    assert!(
        printed.contains("#2 POST /hooks/sparkpay/NewOrder NewOrder"),
        "{printed}"
    );
    assert!(!printed.contains(SPARKPAY_TOKEN), "{printed}");
}

#[test]
fn a_port_in_use_is_one_line_and_status_2() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = run(&[
        "listen",
        "ezq",
        "--port",
        &port,
        "--secret-env",
        "EZQ_SECRET",
    ]);
    assert_status(&output, 2);
    let error = stderr(&output);
    assert_eq!(error.lines().count(), 1, "{error}");
    assert!(
        error.contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{error}"
    );
}
