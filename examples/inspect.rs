//! Explains a captured webhook request: what holds, what fails, and what to do about it.
//!
//! ```sh
//! cargo run --example inspect                       # a built-in sample with a mangled body
//! cargo run --example inspect -- leasecloud --secret whsec_… [--secret whsec_old…] \
//!     --headers headers.txt --body body.json [--now 1700000000] [--url '/hook?token=…']
//! ```
//!
//! `headers.txt` holds `Name: value` lines as logged (other lines are ignored); `body.json` the
//! body bytes. Providers: `leasecloud`, `montly`, `ezq`, `kinguin`, `sparkpay` (Spark Pay needs
//! `--url`, the path and query it was called on). Secrets are reported by position, never
//! printed.

use std::error::Error;
use std::fmt::Write as _;

use commerce_webhooks::scheme::timestamped::{self, SignatureHeader, DEFAULT_TOLERANCE};
use commerce_webhooks::scheme::{body_hmac, shared_secret};
use commerce_webhooks::{ezq, kinguin, leasecloud, montly, sparkpay, Headers, Secret};
use time::OffsetDateTime;

pub struct Capture {
    provider: String,
    secrets: Vec<Secret>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    now: OffsetDateTime,
    url: Option<String>,
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let capture = if args.is_empty() {
        println!("No arguments: inspecting a built-in sample (see the file's docs for usage).\n");
        sample()?
    } else {
        from_args(&args)?
    };
    print!("{}", inspect(&capture));
    Ok(())
}

/// A LeaseCloud request whose body picked up a trailing newline on its way to the handler.
pub fn sample() -> Result<Capture, Box<dyn Error>> {
    let body = br#"{"id":"evt:1","action":"order.accepted","data":{"orderId":42}}"#;
    let signed_at = 1_700_000_000;
    let signature = timestamped::sign(&Secret::new("whsec_current")?, signed_at, body);
    let mut mangled = body.to_vec();
    mangled.push(b'\n');
    Ok(Capture {
        provider: "leasecloud".into(),
        secrets: vec![Secret::new("whsec_next")?, Secret::new("whsec_current")?],
        headers: vec![
            ("LeaseCloud-Version".into(), "1.0.0".into()),
            ("LeaseCloud-Signature".into(), signature),
        ],
        body: mangled,
        now: OffsetDateTime::from_unix_timestamp(signed_at + 42)?,
        url: None,
    })
}

fn from_args(args: &[String]) -> Result<Capture, Box<dyn Error>> {
    let mut capture = Capture {
        provider: String::new(),
        secrets: Vec::new(),
        headers: Vec::new(),
        body: Vec::new(),
        now: OffsetDateTime::now_utc(),
        url: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--secret" => capture.secrets.push(Secret::new(value()?)?),
            "--headers" => {
                let text = std::fs::read_to_string(value()?)?;
                capture.headers = text
                    .lines()
                    .filter_map(|line| line.split_once(':'))
                    .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
                    .collect();
            }
            "--body" => capture.body = std::fs::read(value()?)?,
            "--now" => capture.now = OffsetDateTime::from_unix_timestamp(value()?.parse()?)?,
            "--url" => capture.url = Some(value()?.clone()),
            provider if !provider.starts_with("--") => capture.provider = provider.to_lowercase(),
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    if capture.secrets.is_empty() {
        return Err("give at least one --secret".into());
    }
    Ok(capture)
}

pub fn inspect(capture: &Capture) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "provider: {}", capture.provider);
    let _ = writeln!(out, "body: {} bytes", capture.body.len());
    match capture.provider.as_str() {
        "leasecloud" => timestamped_report(&mut out, capture, "LeaseCloud-Signature", |body| {
            leasecloud::Event::parse(body).map(|event| format!("{event:#?}"))
        }),
        "montly" => timestamped_report(&mut out, capture, "Montly-Signature", |body| {
            montly::Event::parse(body).map(|event| format!("{event:#?}"))
        }),
        "ezq" => ezq_report(&mut out, capture),
        "kinguin" => kinguin_report(&mut out, capture),
        "sparkpay" => sparkpay_report(&mut out, capture),
        other => {
            let _ = writeln!(
                out,
                "unknown provider {other:?}: use leasecloud, montly, ezq, kinguin or sparkpay"
            );
        }
    }
    out
}

type ParseFn = fn(&[u8]) -> Result<String, commerce_webhooks::ParseError>;

fn header<'a>(capture: &'a Capture, name: &'a str) -> Option<&'a [u8]> {
    let mut values = capture.headers.values(name);
    let first = values.next();
    if values.next().is_some() {
        return None;
    }
    first
}

fn timestamped_report(out: &mut String, capture: &Capture, name: &'static str, parse: ParseFn) {
    let Some(value) = header(capture, name) else {
        let _ = writeln!(
            out,
            "✗ no single `{name}` header among the captured headers"
        );
        return;
    };
    match SignatureHeader::parse(name, value) {
        Ok(parsed) => {
            let _ = writeln!(
                out,
                "✓ `{name}` parses: t={} ({}), {} v1 signature(s)",
                parsed.timestamp(),
                OffsetDateTime::from_unix_timestamp(parsed.timestamp())
                    .map_or_else(|_| "out of range".to_owned(), |t| t.to_string()),
                parsed.signatures().count()
            );
            let age = capture
                .now
                .unix_timestamp()
                .saturating_sub(parsed.timestamp());
            let tolerance = DEFAULT_TOLERANCE.whole_seconds();
            let verdict = if age.abs() <= tolerance {
                "✓ within"
            } else {
                "✗ outside"
            };
            let _ = writeln!(
                out,
                "{verdict} the default tolerance: signed {age} s before now (tolerance ±{tolerance} s)"
            );
        }
        Err(error) => {
            let _ = writeln!(out, "✗ {error}");
            return;
        }
    }
    let verifier = match timestamped::Verifier::with_secrets(name, capture.secrets.iter().cloned())
    {
        Ok(verifier) => verifier.without_replay_protection(),
        Err(error) => {
            let _ = writeln!(out, "✗ {error}");
            return;
        }
    };
    let check = |body: &[u8]| {
        verifier
            .verify_value_at(value, body, capture.now)
            .ok()
            .map(|verified| verified.secret_index)
    };
    signature_report(out, capture, &check);
    parse_report(out, &capture.body, parse);
}

fn ezq_report(out: &mut String, capture: &Capture) {
    let name = ezq::SIGNATURE_HEADER;
    let Some(value) = header(capture, name) else {
        let _ = writeln!(
            out,
            "✗ no single `{name}` header among the captured headers"
        );
        return;
    };
    let verifier = match body_hmac::Verifier::with_secrets(name, capture.secrets.iter().cloned()) {
        Ok(verifier) => verifier,
        Err(error) => {
            let _ = writeln!(out, "✗ {error}");
            return;
        }
    };
    if let Err(error @ commerce_webhooks::VerifyError::MalformedHeader { .. }) =
        verifier.verify_value(value, &capture.body)
    {
        let _ = writeln!(out, "✗ {error}");
        return;
    }
    let _ = writeln!(out, "✓ `{name}` is an HMAC-SHA256 in hex or base64");
    let check = |body: &[u8]| {
        verifier
            .verify_value(value, body)
            .ok()
            .map(|verified| verified.secret_index)
    };
    signature_report(out, capture, &check);
    parse_report(out, &capture.body, |body| {
        ezq::Event::parse(body).map(|event| format!("{event:#?}"))
    });
}

fn kinguin_report(out: &mut String, capture: &Capture) {
    let name = kinguin::SECRET_HEADER;
    let Some(value) = header(capture, name) else {
        let _ = writeln!(
            out,
            "✗ no single `{name}` header among the captured headers"
        );
        return;
    };
    match shared_secret::Verifier::with_secrets(name, capture.secrets.iter().cloned())
        .map(|verifier| verifier.verify_value(value))
    {
        Ok(Ok(verified)) => {
            let _ = writeln!(
                out,
                "✓ `{name}` equals secret #{}",
                verified.secret_index + 1
            );
        }
        Ok(Err(error)) => {
            let _ = writeln!(out, "✗ {error}");
            return;
        }
        Err(error) => {
            let _ = writeln!(out, "✗ {error}");
            return;
        }
    }
    let event_name = header(capture, kinguin::NAME_HEADER).map(String::from_utf8_lossy);
    match event_name {
        None => {
            let _ = writeln!(out, "✓ no `X-Event-Name`: the dashboard's TEST URL request");
        }
        Some(event_name) => match kinguin::Event::parse(&event_name, &capture.body) {
            Ok(event) => {
                let _ = writeln!(out, "✓ the body parses:\n{event:#?}");
            }
            Err(error) => {
                let _ = writeln!(out, "✗ {error}");
            }
        },
    }
}

fn sparkpay_report(out: &mut String, capture: &Capture) {
    let Some(url) = &capture.url else {
        let _ = writeln!(out, "✗ Spark Pay is authenticated by its URL: pass --url");
        return;
    };
    let path = url.split('?').next().unwrap_or_default();
    let event = path.rsplit('/').next().unwrap_or_default();
    let event_type = match event.parse::<sparkpay::EventType>() {
        Ok(event_type) => event_type,
        Err(error) => {
            let _ = writeln!(
                out,
                "✗ the URL's last segment is not an event type: {error}"
            );
            return;
        }
    };
    let hook = match sparkpay::Webhook::with_secrets(capture.secrets.iter().cloned()) {
        Ok(hook) => hook,
        Err(error) => {
            let _ = writeln!(out, "✗ {error}");
            return;
        }
    };
    match sparkpay::token_from_query(url).and_then(|token| hook.verify_token(token)) {
        Ok(verified) => {
            let _ = writeln!(
                out,
                "✓ the URL's token equals token #{}",
                verified.secret_index + 1
            );
        }
        Err(error) => {
            let _ = writeln!(out, "✗ {error}");
            return;
        }
    }
    match sparkpay::Request::parse(event_type, &capture.body) {
        Ok(request) => {
            let _ = writeln!(out, "✓ the body parses as {event_type}:\n{request:#?}");
        }
        Err(error) => {
            let _ = writeln!(out, "✗ {error}");
        }
    }
}

/// Which secret matches, and if none does, whether one would after a common mangling.
fn signature_report(out: &mut String, capture: &Capture, check: &dyn Fn(&[u8]) -> Option<usize>) {
    if let Some(index) = check(&capture.body) {
        let _ = writeln!(
            out,
            "✓ the signature matches secret #{} of {}",
            index + 1,
            capture.secrets.len()
        );
        return;
    }
    let _ = writeln!(
        out,
        "✗ no signature matches the body under any of the {} secret(s)",
        capture.secrets.len()
    );
    for (what, body) in manglings(&capture.body) {
        if let Some(index) = check(&body) {
            let _ = writeln!(
                out,
                "  but it matches secret #{} once the body {what}: the body reaching the \
                 verifier is not the raw body the provider signed. Read the request body as \
                 bytes, before any JSON parsing or text decoding, and pass those.",
                index + 1
            );
            return;
        }
    }
    let _ = writeln!(
        out,
        "  nor after undoing a trailing newline, CRLF line endings or JSON re-serialization: \
         check that the secret is the one configured at the provider for this endpoint"
    );
}

/// The body as it might have been before a framework changed it, with what changed.
fn manglings(body: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let mut candidates = vec![
        (
            "has its trailing newline removed",
            body.strip_suffix(b"\n").map(<[u8]>::to_vec),
        ),
        (
            "has its trailing CRLF removed",
            body.strip_suffix(b"\r\n").map(<[u8]>::to_vec),
        ),
        (
            "gets a trailing newline added",
            Some([body, b"\n"].concat()),
        ),
        (
            "has CRLF line endings turned into LF",
            Some(replace(body, b"\r\n", b"\n")),
        ),
        (
            "has LF line endings turned into CRLF",
            Some(replace(body, b"\n", b"\r\n")),
        ),
        (
            "has surrounding whitespace trimmed",
            Some(body.trim_ascii().to_vec()),
        ),
    ];
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) {
        candidates.push((
            "is re-serialized as compact JSON",
            serde_json::to_vec(&value).ok(),
        ));
        candidates.push((
            "is re-serialized as pretty JSON",
            serde_json::to_vec_pretty(&value).ok(),
        ));
    }
    candidates
        .into_iter()
        .filter_map(|(what, candidate)| candidate.filter(|c| c != body).map(|c| (what, c)))
        .collect()
}

fn replace(body: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while !rest.is_empty() {
        if rest.starts_with(from) {
            out.extend_from_slice(to);
            rest = &rest[from.len()..];
        } else {
            out.push(rest[0]);
            rest = &rest[1..];
        }
    }
    out
}

fn parse_report(out: &mut String, body: &[u8], parse: ParseFn) {
    match parse(body) {
        Ok(event) => {
            let _ = writeln!(out, "✓ the body parses:\n{event}");
        }
        Err(error) => {
            let _ = writeln!(out, "✗ {error}");
        }
    }
}
