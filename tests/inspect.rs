//! The inspector example: its diagnoses, its reading of raw captures, and its command line.

#[path = "../examples/inspect.rs"]
#[allow(dead_code)]
mod inspect;

use std::ffi::OsString;
use std::path::PathBuf;

use commerce_webhooks::scheme::{body_hmac, timestamped};
use commerce_webhooks::{ConfigError, Secret};
use inspect::{Capture, Command, Provider};
use time::OffsetDateTime;

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

fn at(unix_seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix_seconds).unwrap()
}

fn leasecloud_capture(secrets: Vec<Secret>, signature: String, body: &str) -> Capture {
    let mut capture = Capture::new(Provider::LeaseCloud, secrets);
    capture.headers = vec![
        ("LeaseCloud-Version".into(), "1.0.0".into()),
        ("LeaseCloud-Signature".into(), signature),
    ];
    capture.body = body.as_bytes().to_vec();
    capture.now = Some(at(SIGNED_AT + 42));
    capture
}

/// A file under the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!(
            "commerce-webhooks-inspect-{}-{name}",
            std::process::id()
        ));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn arg(&self) -> String {
        self.0.to_str().unwrap().to_owned()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|arg| (*arg).to_owned()).collect()
}

/// An environment holding only `vars`, so tests need not touch the process's.
fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
    let vars: Vec<(String, String)> = vars
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    move |name| {
        vars.iter()
            .find(|(var, _)| var == name)
            .map(|(_, value)| OsString::from(value))
    }
}

fn capture_of(command: Result<Command, String>) -> Capture {
    match command {
        Ok(Command::Inspect(capture)) => capture,
        Ok(other) => panic!("expected a capture to inspect, got {other:?}"),
        Err(message) => panic!("refused: {message}"),
    }
}

fn refusal(command: Result<Command, String>) -> String {
    match command {
        Err(message) => message,
        Ok(command) => panic!("accepted: {command:?}"),
    }
}

#[test]
fn the_sample_is_a_body_with_an_added_newline_matching_secret_1_of_2() {
    let report = inspect::inspect(&inspect::sample().unwrap());
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
    assert!(!report.contains("#2"), "numbered from 1: {report}");
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

    let signature =
        "t=1700000000,v1=59cf5f057d8212d0ad1373962c3fd600ba481fad2282f18c6a2154ad95e7ad3c";
    let capture = leasecloud_capture(
        vec![secret("whsec_provider"), secret("whsec_previous")],
        signature.to_owned(),
        COMPACTED,
    );
    let report = inspect::inspect(&capture);
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
    let signed = format!("{PRETTY_UNSORTED}\n");
    let signature = timestamped::sign(&secret("whsec_provider"), SIGNED_AT, &signed);
    let capture = leasecloud_capture(vec![secret("whsec_provider")], signature, COMPACTED);
    let report = inspect::inspect(&capture);
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
    let signature = timestamped::sign(&secret("whsec_elsewhere"), SIGNED_AT, PRETTY_UNSORTED);
    let capture = leasecloud_capture(
        vec![secret("whsec_provider"), secret("whsec_previous")],
        signature,
        COMPACTED,
    );
    let report = inspect::inspect(&capture);
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
    let body = "orderId=42&action=order.accepted";
    let signature = timestamped::sign(&secret("whsec_elsewhere"), SIGNED_AT, body);
    let capture = leasecloud_capture(vec![secret("whsec_provider")], signature, body);
    let report = inspect::inspect(&capture);
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
    let request = TempFile::new("sparkpay.http", raw.as_bytes());
    let capture = capture_of(inspect::parse_args_with_env(
        &args(&[
            "sparkpay",
            "--secret-env",
            "SPARKPAY_TOKEN",
            "--request",
            &request.arg(),
        ]),
        env(&[("SPARKPAY_TOKEN", token)]),
    ));
    assert_eq!(capture.path.as_deref(), Some("/hooks/sparkpay/GetTax"));
    assert_eq!(
        capture.query.as_deref(),
        Some("store=1&token=sp_tok_6d0f3c2a9b8e4f71")
    );
    assert_eq!(capture.body, GET_TAX.as_bytes());
    assert!(capture.notes.is_empty(), "{:?}", capture.notes);

    let report = inspect::inspect(&capture);
    assert!(
        report.contains("request: POST /hooks/sparkpay/GetTax (query parameters: store, token)"),
        "{report}"
    );
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
    let mut capture = Capture::new(Provider::SparkPay, vec![secret("sp_tok_6d0f3c2a9b8e4f71")]);
    capture.read_request(raw.as_bytes());
    let report = inspect::inspect(&capture);
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
    let request = TempFile::new("leasecloud.http", raw.as_bytes());
    let secrets = TempFile::new("leasecloud-secrets.txt", b"whsec_next\r\nwhsec_current\r\n");
    let capture = capture_of(inspect::parse_args_with_env(
        &args(&[
            "leasecloud",
            "--secret-file",
            &secrets.arg(),
            "--request",
            &request.arg(),
            "--now",
            "1700000042",
        ]),
        env(&[]),
    ));
    assert_eq!(capture.path.as_deref(), Some("/hooks/leasecloud"));
    assert_eq!(capture.query, None);
    assert_eq!(capture.headers.len(), 5);
    assert_eq!(capture.body, COMPACTED.as_bytes());

    let report = inspect::inspect(&capture);
    assert!(
        report.contains("request: POST /hooks/leasecloud (no query)"),
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

#[test]
fn a_capture_longer_than_its_content_length_is_flagged_and_cut() {
    // LF line endings this time, and two bytes past the body that the capture tool added.
    let signature = timestamped::sign(&secret("whsec_current"), SIGNED_AT, COMPACTED);
    let padded = format!("{COMPACTED}\r\n");
    let raw = leasecloud_raw(&signature, COMPACTED.len(), &padded, "\n");
    let mut capture = Capture::new(Provider::LeaseCloud, vec![secret("whsec_current")]);
    capture.now = Some(at(SIGNED_AT));
    capture.read_request(raw.as_bytes());
    assert_eq!(capture.body, padded.as_bytes());

    let report = inspect::inspect(&capture);
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
    let mut capture = Capture::new(Provider::LeaseCloud, vec![secret("whsec_current")]);
    capture.now = Some(at(SIGNED_AT));
    capture.read_request(raw.as_bytes());

    let report = inspect::inspect(&capture);
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
    let mut capture = Capture::new(Provider::Kinguin, vec![secret("kinguin_secret_value")]);
    capture.read_request(raw.as_bytes());
    assert_eq!(
        capture.headers,
        [
            ("X-Event-Name".to_owned(), "order.status".to_owned()),
            ("X-Trace".to_owned(), "a b".to_owned()),
        ]
    );
    let report = inspect::inspect(&capture);
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

#[test]
fn no_prefix_of_a_capture_makes_the_inspector_panic() {
    let signature = timestamped::sign(&secret("whsec_current"), SIGNED_AT, PRETTY_UNSORTED);
    let raw = leasecloud_raw(&signature, PRETTY_UNSORTED.len(), PRETTY_UNSORTED, "\r\n");
    for provider in [Provider::LeaseCloud, Provider::Ezq, Provider::SparkPay] {
        for end in 0..=raw.len() {
            let mut capture = Capture::new(provider, vec![secret("whsec_current")]);
            capture.now = Some(at(SIGNED_AT));
            capture.read_request(raw.as_bytes().get(..end).unwrap());
            let report = inspect::inspect(&capture);
            assert!(report.contains("body: "), "{report}");
        }
    }
}

#[test]
fn layouts_keep_tokens_and_key_order_as_written() {
    let compact = r#"{"z":[1,2.5,{}],"a":{"k":"x\\\"y\u00e9","e":[]},"m":null}"#;
    let spaced = inspect::relayout(compact.as_bytes(), layout("Python")).unwrap();
    // python3: json.dumps(json.loads(compact))
    assert_eq!(
        String::from_utf8(spaced).unwrap(),
        r#"{"z": [1, 2.5, {}], "a": {"k": "x\\\"y\u00e9", "e": []}, "m": null}"#
    );
    let four = inspect::relayout(compact.as_bytes(), layout("4-space")).unwrap();
    // python3: json.dumps(json.loads(compact), indent=4)
    assert_eq!(
        String::from_utf8(four.clone()).unwrap(),
        r#"{
    "z": [
        1,
        2.5,
        {}
    ],
    "a": {
        "k": "x\\\"y\u00e9",
        "e": []
    },
    "m": null
}"#
    );
    let back = inspect::relayout(&four, layout("compact")).unwrap();
    assert_eq!(String::from_utf8(back).unwrap(), compact);

    // With keys already sorted and nothing serde_json would rewrite, its writers agree.
    let sorted = r#"{"a":[true,false,null,{"b":"c"}],"d":{},"e":[[]],"f":-1}"#;
    let value: serde_json::Value = serde_json::from_str(sorted).unwrap();
    assert_eq!(
        inspect::relayout(sorted.as_bytes(), layout("2-space")).unwrap(),
        serde_json::to_vec_pretty(&value).unwrap()
    );
    assert_eq!(
        inspect::relayout(b" \n{ \"a\" :\t1 }\r\n", layout("compact")).unwrap(),
        br#"{"a":1}"#
    );
    assert_eq!(inspect::relayout(b"{\"a\":1", layout("compact")), None);
    assert_eq!(inspect::relayout(b"order=42", layout("compact")), None);
}

fn layout(name: &str) -> &'static inspect::Layout {
    inspect::LAYOUTS
        .iter()
        .find(|layout| layout.name.contains(name))
        .unwrap()
}

#[test]
fn help_is_a_command_and_the_usage_names_every_option_and_provider() {
    for help in [&["--help"][..], &["-h"], &["leasecloud", "--help"]] {
        assert!(
            matches!(inspect::parse_args(&args(help)), Ok(Command::Help)),
            "{help:?}"
        );
    }
    assert!(matches!(inspect::parse_args(&[]), Ok(Command::Sample)));
    for word in [
        "--secret-env VAR",
        "--secret-file PATH",
        "--request FILE",
        "--headers FILE",
        "--body FILE",
        "--url PATH?QUERY",
        "--now UNIX_SECONDS",
        "-h, --help",
        "leasecloud, montly, ezq, kinguin or sparkpay",
        "Examples:",
    ] {
        assert!(
            inspect::USAGE.contains(word),
            "{word} missing from the usage"
        );
    }
}

#[test]
fn a_secret_on_the_command_line_is_refused_without_echoing_it() {
    for command in [
        &["leasecloud", "--secret", "whsec_typed", "--body", "b.json"][..],
        &["leasecloud", "--secret=whsec_typed", "--body", "b.json"],
    ] {
        let message = refusal(inspect::parse_args_with_env(&args(command), env(&[])));
        assert!(message.contains("--secret-env"), "{message}");
        assert!(message.contains("--secret-file"), "{message}");
        assert!(!message.contains("whsec_typed"), "{message}");
    }
}

#[test]
fn a_secret_file_yields_its_secrets_in_order() {
    let secrets = TempFile::new("two-secrets.txt", b"ezq_newest\n\nezq_oldest\r\n");
    let body = TempFile::new("ezq-body.json", br#"{"event":"order.completed"}"#);
    let capture = capture_of(inspect::parse_args_with_env(
        &args(&[
            "ezq",
            "--secret-file",
            &secrets.arg(),
            "--body",
            &body.arg(),
        ]),
        env(&[]),
    ));
    assert_eq!(capture.secrets.len(), 2);
    let verifier = body_hmac::Verifier::with_secrets("x-signature", capture.secrets).unwrap();
    for (index, text) in ["ezq_newest", "ezq_oldest"].into_iter().enumerate() {
        let signature = body_hmac::sign(&secret(text), b"{}");
        let verified = verifier.verify_value(signature.as_bytes(), b"{}").unwrap();
        assert_eq!(verified.secret_index, index, "{text}");
    }
}

#[test]
fn secrets_from_the_environment_and_files_keep_the_order_given() {
    let file = TempFile::new("middle-secret.txt", b"whsec_b");
    let body = TempFile::new("order-body.json", b"{}");
    let capture = capture_of(inspect::parse_args_with_env(
        &args(&[
            "montly",
            "--secret-env=FIRST",
            "--secret-file",
            &file.arg(),
            "--secret-env",
            "LAST",
            "--body",
            &body.arg(),
        ]),
        env(&[("FIRST", "whsec_a"), ("LAST", "whsec_c")]),
    ));
    let verifier =
        timestamped::Verifier::with_secrets("Montly-Signature", capture.secrets).unwrap();
    for (index, text) in ["whsec_a", "whsec_b", "whsec_c"].into_iter().enumerate() {
        let header = timestamped::sign(&secret(text), SIGNED_AT, b"{}");
        let verified = verifier
            .verify_value_at(header.as_bytes(), b"{}", at(SIGNED_AT))
            .unwrap();
        assert_eq!(verified.secret_index, index, "{text}");
    }
}

#[test]
fn a_secret_with_surrounding_whitespace_is_refused_with_the_crates_message() {
    let expected = ConfigError::SecretHasSurroundingWhitespace.to_string();
    let message = refusal(inspect::parse_args_with_env(
        &args(&["ezq", "--secret-env", "EZQ_SECRET", "--body", "b.json"]),
        env(&[("EZQ_SECRET", "ezq_secret\n")]),
    ));
    assert!(message.contains("--secret-env EZQ_SECRET"), "{message}");
    assert!(message.contains(&expected), "{message}");
    assert!(!message.contains("ezq_secret\n"), "{message}");

    let file = TempFile::new("spaced-secret.txt", b"ezq_one\n ezq_two \n");
    let message = refusal(inspect::parse_args_with_env(
        &args(&["ezq", "--secret-file", &file.arg(), "--body", "b.json"]),
        env(&[]),
    ));
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
            "--secret-env needs a value",
        ),
        (
            &["leasecloud", "--secret-env", "UNSET"],
            "UNSET: the variable is not set",
        ),
        (
            &["stripe", "--secret-env", "S"],
            "argument 1 is not a provider",
        ),
        (&["--secret-env", "S", "--body", "b"], "name a provider"),
        (&["ezq", "--body", "b.json"], "give at least one secret"),
    ];
    for (command, expected) in cases {
        let message = refusal(inspect::parse_args_with_env(
            &args(command),
            env(&[("S", "whsec_s")]),
        ));
        assert!(message.contains(expected), "{command:?}: {message}");
        assert!(!message.contains("whsec_"), "{message}");
    }
}
