//! `trigger` and `send` against real receivers on 127.0.0.1: every page sample of every
//! provider is accepted by a receiver built on the library's axum extractors, and wrong answers
//! are judged as each provider judges them.

mod support;

use commerce_webhooks::samples;
use support::*;

#[test]
fn every_trigger_of_every_provider_is_delivered() {
    let server = Server::start(good_receiver(hooks()));
    for (provider, variable) in PROVIDERS {
        let url = server.url(&format!("/{provider}"));
        let output = run(&["trigger", provider, &url, "--secret-env", variable]);
        assert_status(&output, 0);
        assert_no_secret(&output);
        let printed = stdout(&output);
        let count = match provider {
            "leasecloud" => samples::LEASECLOUD.len(),
            "montly" => samples::MONTLY.len(),
            "ezq" => samples::EZQ.len(),
            "kinguin" => samples::KINGUIN.len(),
            _ => samples::SPARKPAY.len(),
        };
        assert!(
            printed.contains(&format!("{count} of {count} delivered")),
            "{printed}"
        );
        assert!(
            printed.contains("EVENT") && printed.contains("VERDICT"),
            "{printed}"
        );
        assert!(!printed.contains('✗'), "{printed}");
    }
}

#[test]
fn trigger_only_sends_the_events_named_and_json_gives_one_object_each() {
    let server = Server::start(good_receiver(hooks()));
    let output = run(&[
        "trigger",
        "sparkpay",
        &server.url("/sparkpay"),
        "--secret-env",
        "SPARKPAY_TOKEN",
        "--only",
        "GetTax",
        "--only",
        "OrderPlaced",
        "--json",
    ]);
    assert_status(&output, 0);
    assert_no_secret(&output);
    let reports: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["event"], "GetTax");
    assert_eq!(reports[0]["status"], 200);
    assert_eq!(reports[0]["delivered"], true);
    // 10 % of the sample's two line subtotals, as the receiver computed them.
    assert!(
        reports[0]["answer"]
            .as_str()
            .unwrap()
            .contains(r#""cart_item_id":321"#),
        "{reports:?}"
    );
    assert_eq!(reports[1]["event"], "OrderPlaced");
    let url = reports[1]["url"].as_str().unwrap();
    assert!(url.ends_with("/sparkpay/OrderPlaced?…"), "{url}");
}

#[test]
fn send_posts_a_sample_changed_by_set_and_shows_the_acknowledgement() {
    let server = Server::start(good_receiver(hooks()));
    let output = run(&[
        "send",
        "leasecloud",
        &server.url("/leasecloud"),
        "--event",
        "order.created",
        "--secret-env",
        "LEASECLOUD_SECRET",
        "--set",
        "data.id=order-77",
        "--set",
        "data.totalAmount=1",
    ]);
    assert_status(&output, 0);
    let printed = stdout(&output);
    // The receiver acknowledged the order id that --set wrote.
    assert!(printed.contains(r#""orderId":"order-77""#), "{printed}");
    assert!(printed.contains("✓ delivered"), "{printed}");
}

#[test]
fn send_with_a_body_file_and_key_rotation_is_verified() {
    let server = Server::start(good_receiver(hooks()));
    let dir = TempDir::new("rotation");
    // The receiver knows only the older secret, second in the file.
    let secrets = dir.file(
        "secrets.txt",
        format!("whsec_cli_newer\n{MONTLY_SECRET}\n").as_bytes(),
    );
    let body = dir.file(
        "body.json",
        br#"{"id":"evt:9","type":"order.signed","data":{"orderId":9}}"#,
    );
    let output = run(&[
        "send",
        "montly",
        &server.url("/montly"),
        "--body",
        &body,
        "--secret-file",
        &secrets,
    ]);
    assert_status(&output, 0);
    assert!(stdout(&output).contains("Montly order.signed (evt:9)"));
}

/// Runs `send` and checks its exit status and verdict.
fn judged(args: &[&str], status: i32, verdict: &str) {
    let output = run(args);
    assert_status(&output, status);
    assert_no_secret(&output);
    let printed = stdout(&output);
    assert!(printed.contains(verdict), "{args:?}: {printed}");
}

#[test]
fn wrong_answers_are_judged_as_each_provider_would() {
    let server = Server::start(wrong_receiver(hooks()));
    let status500 = server.url("/status500");
    judged(
        &[
            "send",
            "montly",
            &status500,
            "--event",
            "order.accepted",
            "--secret-env",
            "MONTLY_SECRET",
        ],
        1,
        "Montly counts only 200 as delivered, and sends it again after 500",
    );
    judged(
        &[
            "send",
            "ezq",
            &status500,
            "--event",
            "order_marketplace.confirmed",
            "--secret-env",
            "EZQ_SECRET",
        ],
        1,
        "EZQ counts only 200",
    );
    judged(
        &[
            "send",
            "leasecloud",
            &server.url("/leasecloud-no-ack"),
            "--event",
            "order.created",
            "--secret-env",
            "LEASECLOUD_SECRET",
        ],
        1,
        "LeaseCloud calls again: the 200's body is not an acknowledgement",
    );
    judged(
        &[
            "send",
            "kinguin",
            &server.url("/kinguin-body"),
            "--event",
            "order.status",
            "--secret-env",
            "KINGUIN_SECRET",
        ],
        1,
        "Kinguin needs a 2xx with an empty body; this one has 6 bytes",
    );
    judged(
        &[
            "send",
            "sparkpay",
            &server.url("/sparkpay-empty"),
            "--event",
            "GetPrice",
            "--secret-env",
            "SPARKPAY_TOKEN",
        ],
        1,
        "the answer is empty: a PriceReply is expected",
    );
    // A notification needs no reply: the same empty 200 delivers it.
    judged(
        &[
            "send",
            "sparkpay",
            &server.url("/sparkpay-empty"),
            "--event",
            "OrderShipped",
            "--secret-env",
            "SPARKPAY_TOKEN",
        ],
        0,
        "a notification needs no reply",
    );
}

#[test]
fn a_spark_pay_reply_after_4_seconds_is_too_late() {
    let server = Server::start(wrong_receiver(hooks()));
    let output = run(&[
        "send",
        "sparkpay",
        &server.url("/sparkpay-slow"),
        "--event",
        "GetTax",
        "--secret-env",
        "SPARKPAY_TOKEN",
        "--json",
    ]);
    assert_status(&output, 1);
    let report: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(report["status"], 200);
    assert_eq!(report["delivered"], false);
    assert!(report["elapsed_ms"].as_u64().unwrap() >= 4000);
    let verdict = report["verdict"].as_str().unwrap();
    assert!(
        verdict.contains("Spark Pay waits 3 s for a reply"),
        "{verdict}"
    );
}
