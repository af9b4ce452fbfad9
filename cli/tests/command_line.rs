//! The command line itself: help and completions, `sign`, and the errors a person makes or
//! meets, each one line with exit status 2.

mod support;

use commerce_webhooks::{ezq, kinguin, leasecloud, montly, Headers, Secret};
use support::*;

#[test]
fn every_command_has_help_and_completions_are_printed() {
    for command in [
        "send",
        "trigger",
        "listen",
        "sign",
        "inspect",
        "completions",
    ] {
        let output = run(&[command, "--help"]);
        assert_status(&output, 0);
        assert!(stdout(&output).contains("Usage:"), "{command}");
    }
    let help = stdout(&run(&["trigger", "--help"]));
    assert!(help.contains("<URL>/<EventType>?token="), "{help}");
    let output = run(&["completions", "bash"]);
    assert_status(&output, 0);
    assert!(stdout(&output).contains("commerce-webhooks"));
}

/// Checks a usage or network error: status 2, one line on stderr that contains `expected`,
/// nothing on stdout but what came before the error, no secret anywhere.
fn refused(args: &[&str], expected: &str) {
    let output = run(args);
    assert_status(&output, 2);
    assert_no_secret(&output);
    let error = stderr(&output);
    assert_eq!(error.lines().count(), 1, "{args:?}: {error}");
    assert!(error.contains(expected), "{args:?}: {error}");
    assert!(!error.contains("panicked"), "{error}");
}

#[test]
fn errors_are_one_line_with_status_2() {
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/hooks", listener.local_addr().unwrap())
    };
    let dir = TempDir::new("errors");
    let not_a_capture = dir.file("not-a-capture.http", b"{\"id\": 1}");
    let hooks = Server::start(wrong_receiver(hooks()));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["send", "stripe", &closed, "--event", "x", "--secret-env", "EZQ_SECRET"],
            "the PROVIDER given is not one: use leasecloud, montly, ezq, kinguin or sparkpay",
        ),
        (
            vec!["send", "montly", &closed, "--event", "order.shipped", "--secret-env", "MONTLY_SECRET"],
            "Montly has no sample named `order.shipped`; its samples: order.accepted, order.declined",
        ),
        (
            vec!["send", "sparkpay", &closed, "--event", "OrderPlace", "--secret-env", "SPARKPAY_TOKEN"],
            "no sample named `OrderPlace`",
        ),
        (
            vec!["trigger", "kinguin", &closed, "--only", "order.refund", "--secret-env", "KINGUIN_SECRET"],
            "Kinguin has no sample named `order.refund`; its samples: product.update, order.status",
        ),
        (
            vec!["send", "ezq", &closed, "--event", "order_marketplace.confirmed", "--secret-env", "UNSET_VARIABLE"],
            "--secret-env UNSET_VARIABLE: the variable is not set",
        ),
        (
            vec!["send", "ezq", &closed, "--event", "order_marketplace.confirmed"],
            "give the secret with --secret-env VAR or --secret-file FILE",
        ),
        (
            vec!["send", "ezq", &closed, "--event", "order_marketplace.confirmed", "--secret-env", "EZQ_SECRET"],
            "cannot reach http://127.0.0.1:",
        ),
        (
            vec!["trigger", "montly", &closed, "--secret-env", "MONTLY_SECRET"],
            "[1/5] order.accepted: cannot reach",
        ),
        (
            vec!["send", "ezq", "https://127.0.0.1:9/", "--event", "order_marketplace.confirmed", "--secret-env", "EZQ_SECRET"],
            "cannot reach https://127.0.0.1:9/",
        ),
        (
            vec!["send", "ezq", "ftp://example.invalid/", "--event", "order_marketplace.confirmed", "--secret-env", "EZQ_SECRET"],
            "ftp://example.invalid/",
        ),
        (
            vec!["send", "ezq", &closed, "--request", &not_a_capture, "--secret-env", "EZQ_SECRET"],
            "not a capture",
        ),
        (
            vec!["send", "ezq", &closed, "--request", "/nonexistent/capture.http", "--secret-env", "EZQ_SECRET"],
            "--request /nonexistent/capture.http:",
        ),
        (
            vec!["send", "ezq", &closed, "--event", "order_marketplace.confirmed", "--secret", EZQ_SECRET],
            "--secret is not accepted",
        ),
        (
            vec!["send", "ezq", &closed, "--secrets=ezq_cli_secret"],
            "unknown option --secrets",
        ),
        (
            vec!["listen", "ezq", "--secret-env", "EZQ_SECRET"],
            "--port",
        ),
        (
            vec!["send", "kinguin", &closed, "--body", &not_a_capture, "--secret-env", "KINGUIN_SECRET"],
            "give --event NAME",
        ),
        (
            vec!["send", "montly", &closed, "--event", "order.accepted", "--set", "data.orderID=1", "--secret-env", "MONTLY_SECRET"],
            "--set data.orderID: `data` has no member `orderID` (it has: orderId)",
        ),
    ];
    for (args, expected) in cases {
        refused(&args, expected);
    }
    // HTTPS to a plain HTTP server: the handshake fails.
    let plain = format!("https://{}/status500", hooks.address);
    refused(
        &[
            "send",
            "ezq",
            &plain,
            "--event",
            "order_marketplace.confirmed",
            "--secret-env",
            "EZQ_SECRET",
        ],
        "TLS failed with https://127.0.0.1:",
    );
    let hang = hooks.url("/hang");
    refused(
        &[
            "send",
            "ezq",
            &hang,
            "--event",
            "order_marketplace.confirmed",
            "--secret-env",
            "EZQ_SECRET",
            "--timeout",
            "0.3",
        ],
        "within 0.3 s",
    );
}

#[test]
fn signed_header_lines_verify_with_the_library() {
    let dir = TempDir::new("sign");
    let body = br#"{"id":"evt:5","action":"order.signed","data":{"orderId":5},"type":"order.signed","event":"order.completed"}"#;
    let file = dir.file("body.json", body);
    let headers = |provider: &str, variable: &str, event: Option<&str>| {
        let mut args = vec!["sign", provider, "--body", &file, "--secret-env", variable];
        if let Some(event) = event {
            args.extend(["--event", event]);
        }
        let output = run(&args);
        assert_status(&output, 0);
        stdout(&output)
            .lines()
            .map(|line| {
                let (name, value) = line.split_once(": ").unwrap();
                (name.to_owned(), value.to_owned())
            })
            .collect::<Vec<(String, String)>>()
    };
    let secret = |value: &str| Secret::new(value).unwrap();
    let lines = headers("leasecloud", "LEASECLOUD_SECRET", None);
    assert_eq!(lines.values("Content-Type").count(), 1);
    leasecloud::Webhook::new(secret(LEASECLOUD_SECRET))
        .verify_signature(&lines, body)
        .unwrap();
    let lines = headers("montly", "MONTLY_SECRET", None);
    montly::Webhook::new(secret(MONTLY_SECRET))
        .verify_signature(&lines, body)
        .unwrap();
    let lines = headers("ezq", "EZQ_SECRET", None);
    ezq::Webhook::new(secret(EZQ_SECRET))
        .verify_signature(&lines, body)
        .unwrap();
    let lines = headers("kinguin", "KINGUIN_SECRET", Some("order.status"));
    let event = kinguin::Webhook::new(secret(KINGUIN_SECRET)).verify(&lines, body);
    // The body is no Kinguin order, but the secret and the name were accepted.
    assert!(
        matches!(event, Err(commerce_webhooks::Error::Parse(_))),
        "{event:?}"
    );
}

#[test]
fn curl_commands_post_the_file_and_name_the_variable_for_kinguin_and_spark_pay() {
    let dir = TempDir::new("curl");
    let file = dir.file(
        "body.json",
        br#"{"orderId":"PHS84FJAG5U","status":"canceled","updatedAt":"2020-10-16T11:24:08+00:00"}"#,
    );
    let output = run(&[
        "sign",
        "kinguin",
        "--body",
        &file,
        "--event",
        "order.status",
        "--secret-env",
        "KINGUIN_SECRET",
        "--curl",
        "https://shop.example/hooks/kinguin",
    ]);
    assert_status(&output, 0);
    assert_no_secret(&output);
    let command = stdout(&output);
    assert!(
        command.starts_with("curl -sS -X POST 'https://shop.example/hooks/kinguin'"),
        "{command}"
    );
    assert!(
        command.contains(r#"-H "X-Event-Secret: ${KINGUIN_SECRET}""#),
        "{command}"
    );
    assert!(
        command.contains(&format!("--data-binary '@{file}'")),
        "{command}"
    );

    let output = run(&[
        "sign",
        "sparkpay",
        "--body",
        &file,
        "--event",
        "GetTax",
        "--secret-env",
        "SPARKPAY_TOKEN",
        "--curl",
        "https://shop.example/hooks/sparkpay",
    ]);
    assert_status(&output, 0);
    assert_no_secret(&output);
    let command = stdout(&output);
    assert!(
        command.contains(r#""https://shop.example/hooks/sparkpay/GetTax?token=${SPARKPAY_TOKEN}""#),
        "{command}"
    );
}
