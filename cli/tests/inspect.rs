//! `commerce-webhooks inspect`, run as a partner runs it: its diagnoses, its reading of raw
//! captures, and its command line. (Its layout writer and its reading of every prefix of a
//! capture are unit tests in `src/inspect.rs`.)

mod support;

use commerce_webhooks::scheme::{body_hmac, timestamped};
use commerce_webhooks::{ConfigError, Secret};
use support::{assert_status, command, stderr, stdout, TempDir};

const SIGNED_AT: i64 = 1_700_000_000;

/// A LeaseCloud event as a provider might pretty-print it: two-space indent, keys in the
/// provider's order, which is not sorted.
const PRETTY_UNSORTED: &str = r#"{
  "id": "evt:7",
  "action": "order.accepted",
  "data": {
    "orderId": 42
  }
}"#;

/// The same event after a framework parsed it and wrote it again compactly.
const COMPACTED: &str = r#"{"id":"evt:7","action":"order.accepted","data":{"orderId":42}}"#;

fn secret(text: &str) -> Secret {
    Secret::new(text).unwrap()
}

/// Runs `inspect` with `args` and the variables `env`; the report, with status 0.
fn report(args: &[&str], env: &[(&str, &str)]) -> String {
    let output = inspect(args, env);
    assert_status(&output, 0);
    stdout(&output)
}

/// Runs `inspect`; the one-line error, with status 2.
fn refusal(args: &[&str], env: &[(&str, &str)]) -> String {
    let output = inspect(args, env);
    assert_status(&output, 2);
    let error = stderr(&output);
    assert_eq!(error.lines().count(), 1, "{error}");
    error
}

fn inspect(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut command = command();
    command.arg("inspect").args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

/// A LeaseCloud capture as headers and body files, judged at 42 s after signing.
fn leasecloud_report(dir: &TempDir, secrets: &[&str], signature: &str, body: &str) -> String {
    let headers = dir.file(
        "headers.txt",
        format!("LeaseCloud-Version: 1.0.0\nLeaseCloud-Signature: {signature}\n").as_bytes(),
    );
    let body = dir.file("body.json", body.as_bytes());
    let vars: Vec<(String, &str)> = secrets
        .iter()
        .enumerate()
        .map(|(index, secret)| (format!("SECRET_{index}"), *secret))
        .collect();
    let mut args = vec![
        "leasecloud",
        "--headers",
        &headers,
        "--body",
        &body,
        "--now",
        "1700000042",
    ];
    for (name, _) in &vars {
        args.extend(["--secret-env", name.as_str()]);
    }
    let env: Vec<(&str, &str)> = vars
        .iter()
        .map(|(name, value)| (name.as_str(), *value))
        .collect();
    report(&args, &env)
}

#[test]
fn the_sample_is_a_body_with_an_added_newline_matching_secret_1_of_2() {
    let report = report(&[], &[]);
    assert!(
        report.starts_with("No arguments: inspecting a built-in sample"),
        "{report}"
    );
    assert!(
        report.contains("✓ `LeaseCloud-Signature` parses: t=1700000000"),
        "{report}"
    );
    assert!(report.contains("1 v1 signature(s)"), "{report}");
    assert!(
        report.contains("✓ within the default tolerance: signed 42 s before now"),
        "{report}"
    );
    assert!(
        report.contains("✗ no signature matches the body under any of the 2 secret(s)"),
        "{report}"
    );
    assert!(
        report.contains(
            "✓ but it matches secret #1 of 2 once the body has its trailing newline removed"
        ),
        "{report}"
    );
    assert!(report.contains("a trailing newline was added"), "{report}");
    assert!(!report.contains("#2"), "numbered from 0: {report}");
    assert!(!report.contains("whsec_"), "a secret was printed: {report}");
}

#[test]
fn the_signer_agrees_with_an_independent_hmac() {
    // python3 -c 'import hmac,hashlib;print(hmac.new(b"key", b"msg", hashlib.sha256).hexdigest())'
    assert_eq!(
        body_hmac::sign(&secret("key"), b"msg"),
        "2d93cbc1be167bcb1637a4a23cbff01a7878f0c50ee833954ea5221bb1b8c628"
    );
    // The same over "1700000000." + PRETTY_UNSORTED with key b"whsec_provider".
    assert_eq!(
        timestamped::sign(&secret("whsec_provider"), SIGNED_AT, PRETTY_UNSORTED),
        "t=1700000000,v1=59cf5f057d8212d0ad1373962c3fd600ba481fad2282f18c6a2154ad95e7ad3c"
    );
}

#[test]
fn a_compacted_body_with_unsorted_keys_matches_once_laid_out_pretty_again() {
    // A key-sorting re-serializer would not recover the signed bytes: the keys are unsorted.
    let sorted: serde_json::Value = serde_json::from_str(PRETTY_UNSORTED).unwrap();
    assert_ne!(
        serde_json::to_string_pretty(&sorted).unwrap(),
        PRETTY_UNSORTED
    );
    let dir = TempDir::new("inspect-compacted");
    let signature =
        "t=1700000000,v1=59cf5f057d8212d0ad1373962c3fd600ba481fad2282f18c6a2154ad95e7ad3c";
    let report = leasecloud_report(
        &dir,
        &["whsec_provider", "whsec_previous"],
        signature,
        COMPACTED,
    );
    assert!(
        report.contains("✗ no signature matches the body under any of the 2 secret(s)"),
        "{report}"
    );
    assert!(
        report.contains(
            "✓ but it matches secret #0 of 2 once the body is re-serialized as pretty JSON \
             (2-space indent), keys not reordered\n"
        ),
        "{report}"
    );
    assert!(report.contains("so the secret is right"), "{report}");
    assert!(!report.contains("cannot tell"), "{report}");
    assert!(report.contains("✓ the body parses:"), "{report}");
    assert!(!report.contains("whsec_"), "a secret was printed: {report}");
}

#[test]
fn a_trailing_newline_after_the_pretty_layout_is_found_too() {
    let dir = TempDir::new("inspect-newline");
    let signed = format!("{PRETTY_UNSORTED}\n");
    let signature = timestamped::sign(&secret("whsec_provider"), SIGNED_AT, &signed);
    let report = leasecloud_report(&dir, &["whsec_provider"], &signature, COMPACTED);
    assert!(
        report.contains(
            "matches secret #0 of 1 once the body is re-serialized as pretty JSON (2-space \
             indent), keys not reordered, with a trailing newline"
        ),
        "{report}"
    );
}

#[test]
fn a_signature_by_another_secret_is_not_blamed_on_reformatting_nor_on_the_secret_alone() {
    let dir = TempDir::new("inspect-other");
    let signature = timestamped::sign(&secret("whsec_elsewhere"), SIGNED_AT, PRETTY_UNSORTED);
    let report = leasecloud_report(
        &dir,
        &["whsec_provider", "whsec_previous"],
        &signature,
        COMPACTED,
    );
    assert!(
        report.contains("✗ no signature matches the body under any of the 2 secret(s)"),
        "{report}"
    );
    assert!(!report.contains("but it matches"), "{report}");
    assert!(!report.contains("so the secret is right"), "{report}");
    assert!(
        report.contains(
            "The body is JSON, so this tool cannot tell whether it was re-serialized in some \
             other way"
        ),
        "{report}"
    );
    assert!(
        report.contains("or the secret is wrong. Check both"),
        "{report}"
    );
    assert!(!report.contains("whsec_"), "a secret was printed: {report}");
}

#[test]
fn a_body_that_is_not_json_is_said_to_be_so() {
    let dir = TempDir::new("inspect-not-json");
    let body = "orderId=42&action=order.accepted";
    let signature = timestamped::sign(&secret("whsec_elsewhere"), SIGNED_AT, body);
    let report = leasecloud_report(&dir, &["whsec_provider"], &signature, body);
    assert!(report.contains("The body is not JSON ("), "{report}");
    assert!(!report.contains("cannot tell"), "{report}");
    assert!(!report.contains("but it matches"), "{report}");
}

/// A GetTax body: one item with no addresses yet (a cart-page estimate).
const GET_TAX: &str = r#"{"items":[{"cart_item_id":298,"item_number":"42LP1","price":"36.99","discounted_price":36.99,"quantity":1,"is_tax_exempt":0,"line_item_subtotal":36.99}],"shipping_total":5,"handling_total":0}"#;

#[test]
fn a_raw_spark_pay_capture_gives_the_event_type_and_token_from_its_request_line() {
    let token = "sp_tok_6d0f3c2a9b8e4f71";
    let raw = format!(
        "POST /hooks/sparkpay/GetTax?store=1&token={token} HTTP/1.1\r\n\
         Host: shop.example\r\n\
         Content-Type: application/json\r\n\
         Content-Length: {}\r\n\
         \r\n\
         {GET_TAX}",
        GET_TAX.len()
    );
    let dir = TempDir::new("inspect-sparkpay");
    let request = dir.file("sparkpay.http", raw.as_bytes());
    let report = report(
        &[
            "sparkpay",
            "--secret-env",
            "SPARKPAY_TOKEN_UNDER_TEST",
            "--request",
            &request,
        ],
        &[("SPARKPAY_TOKEN_UNDER_TEST", token)],
    );
    assert!(
        report.contains("request: POST /hooks/sparkpay/GetTax (query parameters: store, token)"),
        "{report}"
    );
    assert!(
        report.contains(&format!("headers: 3; body: {} bytes", GET_TAX.len())),
        "{report}"
    );
    assert!(!report.contains("⚠"), "{report}");
    assert!(
        report.contains("✓ the body is as long as its Content-Length"),
        "{report}"
    );
    assert!(
        report.contains("✓ the path's last segment is the event type GetTax"),
        "{report}"
    );
    assert!(
        report.contains("✓ the URL's token equals token #0 of 1"),
        "{report}"
    );
    assert!(report.contains("✓ the body parses as GetTax:"), "{report}");
    assert!(report.contains("GetTax("), "{report}");
    assert!(!report.contains(token), "the token was printed: {report}");
}

#[test]
fn a_raw_spark_pay_capture_with_another_token_is_refused() {
    let raw = format!("POST /hooks/sparkpay/GetTax?token=guess HTTP/1.1\r\n\r\n{GET_TAX}");
    let dir = TempDir::new("inspect-sparkpay-guess");
    let request = dir.file("sparkpay.http", raw.as_bytes());
    let report = report(
        &["sparkpay", "--secret-env", "TOKEN", "--request", &request],
        &[("TOKEN", "sp_tok_6d0f3c2a9b8e4f71")],
    );
    assert!(
        report.contains("✗ the URL's token equals none of the 1 token(s)"),
        "{report}"
    );
    assert!(!report.contains("sp_tok_"), "{report}");
}

/// A LeaseCloud request as a proxy would log it, CRLF line endings.
fn leasecloud_raw(signature: &str, content_length: usize, body: &str, eol: &str) -> String {
    [
        "POST /hooks/leasecloud HTTP/1.1",
        "Host: partner.example",
        "Content-Type: application/json",
        &format!("Content-Length: {content_length}"),
        "LeaseCloud-Version: 1.0.0",
        &format!("LeaseCloud-Signature: {signature}"),
        "",
        body,
    ]
    .join(eol)
}

#[test]
fn a_raw_leasecloud_capture_verifies_with_the_secret_from_a_file() {
    let signature = timestamped::sign(&secret("whsec_current"), SIGNED_AT, COMPACTED);
    let raw = leasecloud_raw(&signature, COMPACTED.len(), COMPACTED, "\r\n");
    let dir = TempDir::new("inspect-leasecloud-file");
    let request = dir.file("leasecloud.http", raw.as_bytes());
    let secrets = dir.file("leasecloud-secrets.txt", b"whsec_next\r\nwhsec_current\r\n");
    let report = report(
        &[
            "leasecloud",
            "--secret-file",
            &secrets,
            "--request",
            &request,
            "--now",
            "1700000042",
        ],
        &[],
    );
    assert!(
        report.contains("request: POST /hooks/leasecloud (no query)"),
        "{report}"
    );
    assert!(
        report.contains(&format!("headers: 5; body: {} bytes", COMPACTED.len())),
        "{report}"
    );
    assert!(
        report.contains("✓ the signature matches secret #1 of 2"),
        "{report}"
    );
    assert!(
        report.contains("✓ within the default tolerance"),
        "{report}"
    );
    assert!(report.contains("✓ the body parses:"), "{report}");
    assert!(!report.contains("⚠"), "{report}");
    assert!(!report.contains("whsec_"), "a secret was printed: {report}");
}

/// The report on a raw capture, judged at the signing time, with `whsec_current`.
fn raw_report(raw: &str, name: &str) -> String {
    let dir = TempDir::new(name);
    let request = dir.file("capture.http", raw.as_bytes());
    report(
        &[
            "leasecloud",
            "--secret-env",
            "CURRENT",
            "--request",
            &request,
            "--now",
            "1700000000",
        ],
        &[("CURRENT", "whsec_current")],
    )
}

#[test]
fn a_capture_longer_than_its_content_length_is_flagged_and_cut() {
    // LF line endings this time, and two bytes past the body that the capture tool added.
    let signature = timestamped::sign(&secret("whsec_current"), SIGNED_AT, COMPACTED);
    let padded = format!("{COMPACTED}\r\n");
    let raw = leasecloud_raw(&signature, COMPACTED.len(), &padded, "\n");
    let report = raw_report(&raw, "inspect-longer");
    let len = COMPACTED.len();
    assert!(
        report.contains(&format!(
            "⚠ the body is {} bytes but its Content-Length says {len}",
            len + 2
        )),
        "{report}"
    );
    assert!(
        report.contains(&format!(
            "✓ but it matches secret #0 of 1 once the body is cut to its Content-Length of \
             {len} bytes"
        )),
        "{report}"
    );
}

#[test]
fn a_capture_shorter_than_its_content_length_is_flagged_as_truncated() {
    let signature = timestamped::sign(&secret("whsec_current"), SIGNED_AT, COMPACTED);
    let truncated = COMPACTED.get(..20).unwrap();
    let raw = leasecloud_raw(&signature, COMPACTED.len(), truncated, "\r\n");
    let report = raw_report(&raw, "inspect-shorter");
    assert!(
        report.contains(&format!(
            "⚠ the body is 20 bytes but its Content-Length says {}: {} bytes are missing",
            COMPACTED.len(),
            COMPACTED.len() - 20
        )),
        "{report}"
    );
    assert!(!report.contains("but it matches"), "{report}");
    assert!(report.contains("The body is not JSON"), "{report}");
}

#[test]
fn odd_header_lines_are_reported_by_number_and_never_echoed() {
    let raw = "POST /hooks/kinguin HTTP/1.1\r\n\
               X-Event-Name: order.status\r\n\
               X-Trace: a\r\n\
               \tb\r\n\
               X-Event-Secret kinguin_secret_value\r\n\
               Bad Name: x\r\n\
               \tfolded onto an ignored line\r\n\
               \r\n\
               {}";
    let dir = TempDir::new("inspect-odd");
    let request = dir.file("kinguin.http", raw.as_bytes());
    let report = report(
        &[
            "kinguin",
            "--secret-env",
            "KINGUIN_UNDER_TEST",
            "--request",
            &request,
        ],
        &[("KINGUIN_UNDER_TEST", "kinguin_secret_value")],
    );
    // Two headers kept: X-Event-Name, and X-Trace joined with its fold.
    assert!(report.contains("headers: 2; body: 2 bytes"), "{report}");
    assert!(
        report.contains(
            "⚠ line 4 of the request starts with whitespace: an obs-fold continuing `X-Trace`"
        ),
        "{report}"
    );
    assert!(
        report.contains("⚠ line 5 of the request has no `:`, so it is not a header: ignored"),
        "{report}"
    );
    assert!(
        report
            .contains("⚠ line 6 of the request: the header name before `:` is empty or has spaces"),
        "{report}"
    );
    assert!(
        report.contains(
            "⚠ line 7 of the request starts with whitespace but the line before is not a \
             header: ignored"
        ),
        "{report}"
    );
    assert!(
        report.contains("✗ no `X-Event-Secret` header among the captured headers"),
        "{report}"
    );
    assert!(!report.contains("kinguin_secret"), "{report}");
}

/// The lines of a report that name an unknown field, without their mark.
fn unknown_field_lines(report: &str) -> Vec<&str> {
    report
        .lines()
        .filter_map(|line| line.strip_prefix("⚠ unknown field: "))
        .collect()
}

/// A LeaseCloud `tariff.updated` with members the crate does not read: one beside the
/// envelope's, one in each tariff, and a whole object in `data`.
const TARIFFS_WITH_EXTRAS: &str = r#"{"id":"evt:8","action":"tariff.updated","livemode":false,"data":{"tariffs":[{"months":24,"tariff":1.51,"band":"A"},{"months":36,"tariff":1.01,"band":"B"}],"source":{"by":"ops"}}}"#;

#[test]
fn an_authentic_body_lists_its_unknown_fields_one_line_each() {
    let dir = TempDir::new("inspect-unknown");
    let signature = timestamped::sign(&secret("whsec_provider"), SIGNED_AT, TARIFFS_WITH_EXTRAS);
    let report = leasecloud_report(&dir, &["whsec_provider"], &signature, TARIFFS_WITH_EXTRAS);
    assert!(
        report.contains("✓ the signature matches secret #0 of 1"),
        "{report}"
    );
    assert_eq!(
        unknown_field_lines(&report),
        ["livemode", "data.tariffs[].band", "data.source"],
        "{report}"
    );
    assert!(
        report.ends_with(
            "⚠ unknown field: data.source\n  3 unknown field(s): sent by LeaseCloud, not read \
             by this version of the crate\n"
        ),
        "{report}"
    );
}

#[test]
fn an_authentic_body_the_crate_reads_whole_says_it_has_no_unknown_fields() {
    let dir = TempDir::new("inspect-no-unknown");
    let signature = timestamped::sign(&secret("whsec_provider"), SIGNED_AT, PRETTY_UNSORTED);
    let report = leasecloud_report(&dir, &["whsec_provider"], &signature, PRETTY_UNSORTED);
    assert!(
        report.ends_with("✓ no unknown fields: the typed event reads every member of the body\n"),
        "{report}"
    );
    assert!(unknown_field_lines(&report).is_empty(), "{report}");
}

/// Unknown fields are read only from a body that is authentic as received.
#[test]
fn a_body_that_is_not_authentic_as_received_lists_no_unknown_fields() {
    let dir = TempDir::new("inspect-unknown-refused");
    // Signed by another secret.
    let signature = timestamped::sign(&secret("whsec_elsewhere"), SIGNED_AT, TARIFFS_WITH_EXTRAS);
    let report = leasecloud_report(&dir, &["whsec_provider"], &signature, TARIFFS_WITH_EXTRAS);
    assert!(report.contains("✓ the body parses:"), "{report}");
    assert!(!report.contains("unknown field"), "{report}");
    // Signed before a trailing newline was added: the body as received is not what was signed.
    let signature = timestamped::sign(&secret("whsec_provider"), SIGNED_AT, TARIFFS_WITH_EXTRAS);
    let with_newline = format!("{TARIFFS_WITH_EXTRAS}\n");
    let report = leasecloud_report(&dir, &["whsec_provider"], &signature, &with_newline);
    assert!(
        report.contains("once the body has its trailing newline removed"),
        "{report}"
    );
    assert!(!report.contains("unknown field"), "{report}");
}

#[test]
fn a_spark_pay_capture_lists_unknown_fields_only_with_the_right_token() {
    let body = GET_TAX.replace(r#""quantity":1,"#, r#""quantity":1,"weight":2,"#);
    let raw = |token: &str| {
        format!(
            "POST /hooks/sparkpay/GetTax?token={token} HTTP/1.1\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
    };
    let dir = TempDir::new("inspect-sparkpay-unknown");
    let token = "sp_tok_6d0f3c2a9b8e4f71";
    for (sent, expected) in [(token, vec!["items[].weight"]), ("guess", vec![])] {
        let request = dir.file("sparkpay.http", raw(sent).as_bytes());
        let report = report(
            &["sparkpay", "--secret-env", "TOKEN", "--request", &request],
            &[("TOKEN", token)],
        );
        assert!(report.contains("✓ the body parses as GetTax:"), "{report}");
        assert_eq!(unknown_field_lines(&report), expected, "{report}");
        assert!(!report.contains(token), "the token was printed: {report}");
    }
}

/// Kinguin's `order.status` with 1,200 unknown members: the first 1,000, and a note that the
/// list stops there.
#[test]
fn a_flood_of_unknown_fields_is_listed_up_to_the_cap() {
    let members: String = (0..1_200).map(|n| format!(r#","extra{n}":{n}"#)).collect();
    let body = format!(
        r#"{{"orderId":"A","status":"completed","updatedAt":"2020-10-16T11:24:08Z"{members}}}"#
    );
    let dir = TempDir::new("inspect-kinguin-flood");
    let headers = dir.file(
        "headers.txt",
        b"X-Event-Name: order.status\nX-Event-Secret: kinguin_secret_value\n",
    );
    let body = dir.file("body.json", body.as_bytes());
    let report = report(
        &[
            "kinguin",
            "--secret-env",
            "KINGUIN_UNDER_TEST",
            "--headers",
            &headers,
            "--body",
            &body,
        ],
        &[("KINGUIN_UNDER_TEST", "kinguin_secret_value")],
    );
    let listed = unknown_field_lines(&report);
    assert_eq!(listed.len(), 1_000, "{report}");
    assert_eq!((listed[0], listed[999]), ("extra0", "extra999"));
    assert!(
        report.contains(
            "  1000 unknown field(s): sent by Kinguin, not read by this version of the crate (the \
             list stops there: the body may have more)"
        ),
        "{report}"
    );
}

#[test]
fn help_names_every_option_and_provider() {
    let output = inspect(&["--help"], &[]);
    assert_status(&output, 0);
    let help = stdout(&output);
    for word in [
        "--secret-env <VAR>",
        "--secret-file <FILE>",
        "--request <FILE>",
        "--headers <FILE>",
        "--body <FILE>",
        "--url <PATH?QUERY>",
        "--now <UNIX_SECONDS>",
        "-h, --help",
        "leasecloud, montly, ezq, kinguin or sparkpay",
        "Examples:",
    ] {
        assert!(help.contains(word), "{word} missing from the help:\n{help}");
    }
}

#[test]
fn a_secret_on_the_command_line_is_refused_without_echoing_it() {
    for args in [
        &["leasecloud", "--secret", "whsec_typed", "--body", "b.json"][..],
        &["leasecloud", "--secret=whsec_typed", "--body", "b.json"],
    ] {
        let message = refusal(args, &[]);
        assert!(message.contains("--secret-env"), "{message}");
        assert!(message.contains("--secret-file"), "{message}");
        assert!(!message.contains("whsec_typed"), "{message}");
    }
}

#[test]
fn a_secret_file_yields_its_secrets_in_order() {
    let dir = TempDir::new("inspect-two-secrets");
    let secrets = dir.file("two-secrets.txt", b"ezq_newest\n\nezq_oldest\r\n");
    let body = br#"{"event":"order.completed"}"#;
    let body_file = dir.file("ezq-body.json", body);
    for (index, text) in ["ezq_newest", "ezq_oldest"].into_iter().enumerate() {
        let signature = body_hmac::sign(&secret(text), body);
        let headers = dir.file(
            "headers.txt",
            format!("x-signature: {signature}\n").as_bytes(),
        );
        let report = report(
            &[
                "ezq",
                "--secret-file",
                &secrets,
                "--headers",
                &headers,
                "--body",
                &body_file,
            ],
            &[],
        );
        assert!(
            report.contains(&format!("✓ the signature matches secret #{index} of 2")),
            "{text}: {report}"
        );
    }
}

#[test]
fn secrets_from_the_environment_and_files_keep_the_order_given() {
    let dir = TempDir::new("inspect-order");
    let file = dir.file("middle-secret.txt", b"whsec_b");
    let body = dir.file("order-body.json", b"{}");
    for (index, text) in ["whsec_a", "whsec_b", "whsec_c"].into_iter().enumerate() {
        let header = timestamped::sign(&secret(text), SIGNED_AT, b"{}");
        let headers = dir.file(
            "headers.txt",
            format!("Montly-Signature: {header}\n").as_bytes(),
        );
        let report = report(
            &[
                "montly",
                "--secret-env=FIRST",
                "--secret-file",
                &file,
                "--secret-env",
                "LAST",
                "--headers",
                &headers,
                "--body",
                &body,
                "--now",
                "1700000000",
            ],
            &[("FIRST", "whsec_a"), ("LAST", "whsec_c")],
        );
        assert!(
            report.contains(&format!("✓ the signature matches secret #{index} of 3")),
            "{text}: {report}"
        );
    }
}

#[test]
fn a_secret_with_surrounding_whitespace_is_refused_with_the_crates_message() {
    let expected = ConfigError::SecretHasSurroundingWhitespace.to_string();
    let message = refusal(
        &["ezq", "--secret-env", "EZQ_SPACED", "--body", "b.json"],
        &[("EZQ_SPACED", "ezq_secret\n")],
    );
    assert!(message.contains("--secret-env EZQ_SPACED"), "{message}");
    assert!(message.contains(&expected), "{message}");
    assert!(!message.contains("ezq_secret"), "{message}");

    let dir = TempDir::new("inspect-spaced");
    let file = dir.file("spaced-secret.txt", b"ezq_one\n ezq_two \n");
    let message = refusal(&["ezq", "--secret-file", &file, "--body", "b.json"], &[]);
    assert!(message.contains("line 2"), "{message}");
    assert!(message.contains(&expected), "{message}");
    assert!(!message.contains("ezq_two"), "{message}");
}

#[test]
fn unknown_options_missing_values_and_missing_parts_are_refused() {
    let cases: [(&[&str], &str); 7] = [
        (
            &["leasecloud", "--frobnicate"],
            "unknown option --frobnicate",
        ),
        (&["leasecloud", "--frob=whsec_x"], "unknown option --frob"),
        (
            &["leasecloud", "--secret-env"],
            "a value is required for '--secret-env <VAR>'",
        ),
        (
            &["leasecloud", "--secret-env", "UNSET", "--body", "b"],
            "UNSET: the variable is not set",
        ),
        (
            &["stripe", "--secret-env", "S", "--body", "b"],
            "the PROVIDER given is not one",
        ),
        (&["--secret-env", "S", "--body", "b"], "name a provider"),
        (
            &["ezq", "--body", "b.json"],
            "give the secret with --secret-env VAR",
        ),
    ];
    for (args, expected) in cases {
        let message = refusal(args, &[("S", "whsec_s")]);
        assert!(message.contains(expected), "{args:?}: {message}");
        assert!(!message.contains("whsec_"), "{message}");
    }
}
