//! `inspect`: explains a captured webhook request: what holds, what fails, and what to do
//! about it.
//!
//! When no signature matches, the report tries the body as the provider may have sent it before
//! something on the way changed it: a trailing newline or CRLF, line endings, surrounding
//! whitespace, bytes past `Content-Length`, and JSON laid out again (compact, pretty with 2 or 4
//! spaces or a tab, Python's default `, `/`: ` spacing), keys kept in their received order.
//!
//! When the request's credential holds for the body as received and the body parses, the report
//! ends with the body's unknown fields: the JSON paths its typed event does not read.

use std::fmt::Write as _;

use commerce_webhooks::scheme::timestamped::{self, SignatureHeader, DEFAULT_TOLERANCE};
use commerce_webhooks::scheme::{body_hmac, shared_secret};
use commerce_webhooks::{
    ezq, kinguin, leasecloud, montly, sparkpay, Headers, ParseError, Provider, Request, Secret,
    VerifyError, MAX_UNKNOWN_FIELDS,
};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::capture::RawRequest;
use crate::provider::ProviderName;

/// A captured request and the secrets to check it with.
#[derive(Debug)]
pub struct Capture {
    /// Whose request it claims to be.
    pub provider: ProviderName,
    /// Newest first, as a verifier takes them; reported by position only.
    pub secrets: Vec<Secret>,
    /// What was captured.
    pub request: RawRequest,
    /// When to judge a signature's timestamp; `None` for the clock.
    pub now: Option<OffsetDateTime>,
}

/// Appends a line to a report; writing to a `String` cannot fail.
macro_rules! say {
    ($out:expr, $($arg:tt)*) => {{
        let _ = writeln!($out, $($arg)*);
    }};
}

/// A LeaseCloud request whose body picked up a trailing newline on its way to the handler.
pub fn sample() -> Result<Capture, Box<dyn std::error::Error>> {
    let body = br#"{"id":"evt:1","action":"order.accepted","data":{"orderId":42}}"#;
    let signed_at = 1_700_000_000;
    let signature = timestamped::sign(&Secret::new("whsec_current")?, signed_at, body);
    let request = RawRequest {
        headers: vec![
            ("LeaseCloud-Version".into(), "1.0.0".into()),
            ("LeaseCloud-Signature".into(), signature),
        ],
        body: [&body[..], b"\n"].concat(),
        ..RawRequest::default()
    };
    Ok(Capture {
        provider: ProviderName::LeaseCloud,
        secrets: vec![Secret::new("whsec_next")?, Secret::new("whsec_current")?],
        request,
        now: Some(OffsetDateTime::from_unix_timestamp(signed_at + 42)?),
    })
}

/// The report: one line per check, `✓` for what holds, `✗` for what fails, `⚠` for what is odd.
pub fn inspect(capture: &Capture) -> String {
    let mut out = String::new();
    say!(out, "provider: {}", capture.provider.name());
    if let Some(path) = &capture.request.path {
        let method = capture.request.method.as_deref().unwrap_or("(no method)");
        // Only the parameter names: Spark Pay's token is a query value.
        let query = match &capture.request.query {
            Some(query) => {
                let names: Vec<&str> = query
                    .split('&')
                    .map(|pair| pair.split('=').next().unwrap_or_default())
                    .collect();
                format!(" (query parameters: {})", names.join(", "))
            }
            None => " (no query)".to_owned(),
        };
        say!(out, "request: {method} {path}{query}");
    }
    say!(
        out,
        "headers: {}; body: {} bytes",
        capture.request.headers.len(),
        capture.request.body.len()
    );
    say!(
        out,
        "secrets: {}, numbered from #0 in the order given",
        capture.secrets.len()
    );
    for note in &capture.request.notes {
        say!(out, "⚠ {note}");
    }
    let cut = content_length_report(&mut out, capture);
    let cut = cut.as_deref();
    match capture.provider {
        ProviderName::LeaseCloud => timestamped_report::<leasecloud::Webhook>(
            &mut out,
            capture,
            cut,
            "LeaseCloud-Signature",
            |body| leasecloud::Event::parse(body).map(|event| format!("{event:#?}")),
        ),
        ProviderName::Montly => timestamped_report::<montly::Webhook>(
            &mut out,
            capture,
            cut,
            "Montly-Signature",
            |body| montly::Event::parse(body).map(|event| format!("{event:#?}")),
        ),
        ProviderName::Ezq => ezq_report(&mut out, capture, cut),
        ProviderName::Kinguin => kinguin_report(&mut out, capture),
        ProviderName::SparkPay => sparkpay_report(&mut out, capture),
    }
    out
}

/// Compares the body with its `Content-Length`, and returns the body cut to that length when
/// the capture holds more.
fn content_length_report(out: &mut String, capture: &Capture) -> Option<Vec<u8>> {
    let values: Vec<&[u8]> = capture.request.headers.values("Content-Length").collect();
    if let Some(encoding) = single(&capture.request.headers, "Transfer-Encoding") {
        if String::from_utf8_lossy(encoding)
            .to_ascii_lowercase()
            .contains("chunked")
        {
            say!(
                out,
                "⚠ `Transfer-Encoding: chunked`: if the capture kept the chunk framing, the body \
                 is not what the provider signed; capture the decoded body and pass it with --body"
            );
        }
    }
    let first = values.first()?;
    if values.iter().any(|value| value != first) {
        say!(
            out,
            "⚠ `Content-Length` appears {} times with different values: a proxy or the capture \
             is confused about where the body ends",
            values.len()
        );
        return None;
    }
    let Some(declared) = std::str::from_utf8(first)
        .ok()
        .and_then(|text| text.trim().parse::<usize>().ok())
    else {
        say!(out, "⚠ `Content-Length` is not a number");
        return None;
    };
    let received = capture.request.body.len();
    if declared == received {
        say!(
            out,
            "✓ the body is as long as its Content-Length ({declared} bytes)"
        );
        None
    } else if declared < received {
        say!(
            out,
            "⚠ the body is {received} bytes but its Content-Length says {declared}: the capture \
             holds {} bytes more than the request sent (padded, or the next request appended); \
             the body cut to {declared} bytes is tried too",
            received - declared
        );
        capture.request.body.get(..declared).map(<[u8]>::to_vec)
    } else {
        say!(
            out,
            "⚠ the body is {received} bytes but its Content-Length says {declared}: {} bytes are \
             missing, so the capture or the body the handler read was truncated, and a signature \
             over the whole body cannot match it",
            declared - received
        );
        None
    }
}

type ParseFn = fn(&[u8]) -> Result<String, ParseError>;

/// The value of a header that must appear once, or a report of why it cannot be used.
fn required_header<'a>(out: &mut String, capture: &'a Capture, name: &'a str) -> Option<&'a [u8]> {
    let count = capture.request.headers.values(name).count();
    match count {
        0 => {
            let names: Vec<&str> = capture
                .request
                .headers
                .iter()
                .map(|(name, _)| name.as_str())
                .collect();
            let captured = if names.is_empty() {
                "none: pass --headers or --request".to_owned()
            } else {
                names.join(", ")
            };
            say!(
                out,
                "✗ no `{name}` header among the captured headers ({captured})"
            );
            None
        }
        1 => single(&capture.request.headers, name),
        _ => {
            say!(
                out,
                "✗ `{name}` appears {count} times: exactly one is expected, and the crate refuses \
                 the request rather than pick one"
            );
            None
        }
    }
}

fn single<'a>(headers: &'a [(String, String)], name: &'a str) -> Option<&'a [u8]> {
    let mut values = headers.values(name);
    let first = values.next();
    if values.next().is_some() {
        return None;
    }
    first
}

fn timestamped_report<W: Provider>(
    out: &mut String,
    capture: &Capture,
    cut: Option<&[u8]>,
    name: &'static str,
    parse: ParseFn,
) {
    let Some(value) = required_header(out, capture, name) else {
        parse_report::<W>(out, capture, &Signed::Not, parse);
        return;
    };
    let parsed = match SignatureHeader::parse(name, value) {
        Ok(parsed) => parsed,
        Err(error) => {
            say!(out, "✗ {error}");
            parse_report::<W>(out, capture, &Signed::Not, parse);
            return;
        }
    };
    let signed_at = OffsetDateTime::from_unix_timestamp(parsed.timestamp())
        .ok()
        .and_then(|time| time.format(&Rfc3339).ok())
        .unwrap_or_else(|| "out of range".to_owned());
    say!(
        out,
        "✓ `{name}` parses: t={} ({signed_at}), {} v1 signature(s)",
        parsed.timestamp(),
        parsed.signature_count()
    );
    for (index, signature) in parsed.signatures().enumerate() {
        if signature.len() != 64 || !signature.iter().all(u8::is_ascii_hexdigit) {
            say!(
                out,
                "✗ v1 signature #{index} is not 64 hex digits ({} characters): it can never match",
                signature.len()
            );
        }
    }
    timestamp_report(out, capture, parsed.timestamp());
    let verifier = match timestamped::Verifier::with_secrets(name, capture.secrets.iter().cloned())
    {
        Ok(verifier) => verifier.without_replay_protection(),
        Err(error) => {
            say!(out, "✗ {error}");
            return;
        }
    };
    // The clock was judged above; here only the signature counts.
    let at = OffsetDateTime::UNIX_EPOCH;
    let check = |body: &[u8]| {
        verifier
            .verify_value_at(value, body, at)
            .ok()
            .map(|verified| verified.secret_index)
    };
    let signed = signature_report(out, capture, cut, &check);
    parse_report::<W>(out, capture, &signed, parse);
}

fn timestamp_report(out: &mut String, capture: &Capture, timestamp: i64) {
    let now = capture.now.unwrap_or_else(OffsetDateTime::now_utc);
    let age = i128::from(now.unix_timestamp()) - i128::from(timestamp);
    let tolerance = DEFAULT_TOLERANCE.whole_seconds();
    let within = age.unsigned_abs() <= tolerance.unsigned_abs().into();
    let when = if age >= 0 {
        format!("signed {age} s before now")
    } else {
        format!("signed {} s after now", age.unsigned_abs())
    };
    let now_is = match capture.now.map(|now| now.format(&Rfc3339)) {
        Some(Ok(now)) => format!("now = {now}"),
        Some(Err(_)) => "now as given".to_owned(),
        None => "now = this machine's clock".to_owned(),
    };
    if within {
        say!(
            out,
            "✓ within the default tolerance: {when} (tolerance ±{tolerance} s; {now_is})"
        );
    } else {
        say!(
            out,
            "✗ outside the default tolerance: {when} (tolerance ±{tolerance} s; {now_is})"
        );
        if capture.now.is_none() {
            say!(
                out,
                "  a capture inspected later is always outside: pass --now with the Unix time it \
                 arrived to judge the clocks as they were"
            );
        }
    }
}

fn ezq_report(out: &mut String, capture: &Capture, cut: Option<&[u8]>) {
    let parse: ParseFn = |body| ezq::Event::parse(body).map(|event| format!("{event:#?}"));
    let name = ezq::SIGNATURE_HEADER;
    let Some(value) = required_header(out, capture, name) else {
        parse_report::<ezq::Webhook>(out, capture, &Signed::Not, parse);
        return;
    };
    let verifier = match body_hmac::Verifier::with_secrets(name, capture.secrets.iter().cloned()) {
        Ok(verifier) => verifier,
        Err(error) => {
            say!(out, "✗ {error}");
            return;
        }
    };
    if let Err(error @ (VerifyError::MalformedHeader { .. } | VerifyError::HeaderTooLarge { .. })) =
        verifier.verify_value(value, &capture.request.body)
    {
        say!(out, "✗ {error}");
        parse_report::<ezq::Webhook>(out, capture, &Signed::Not, parse);
        return;
    }
    let encoding = if value.trim_ascii().len() == 64 {
        "hex"
    } else {
        "base64"
    };
    say!(out, "✓ `{name}` is an HMAC-SHA256 in {encoding}");
    let check = |body: &[u8]| {
        verifier
            .verify_value(value, body)
            .ok()
            .map(|verified| verified.secret_index)
    };
    let signed = signature_report(out, capture, cut, &check);
    parse_report::<ezq::Webhook>(out, capture, &signed, parse);
}

fn kinguin_report(out: &mut String, capture: &Capture) {
    let name = kinguin::SECRET_HEADER;
    let count = capture.secrets.len();
    let mut authentic = false;
    if let Some(value) = required_header(out, capture, name) {
        match shared_secret::Verifier::with_secrets(name, capture.secrets.iter().cloned())
            .map(|verifier| verifier.verify_value(value))
        {
            Ok(Ok(verified)) => {
                say!(
                    out,
                    "✓ `{name}` equals secret #{} of {count}",
                    verified.secret_index
                );
                authentic = true;
            }
            Ok(Err(VerifyError::SignatureMismatch { .. })) => say!(
                out,
                "✗ `{name}` equals none of the {count} secret(s): Kinguin sends the secret \
                 itself, so check that it is the one set in Kinguin's dashboard for this endpoint"
            ),
            Ok(Err(error)) => say!(out, "✗ {error}"),
            Err(error) => say!(out, "✗ {error}"),
        }
    }
    match required_name(capture) {
        None => say!(
            out,
            "✓ no `{}`: the dashboard's TEST URL request, which has no event to parse",
            kinguin::NAME_HEADER
        ),
        Some(Err(times)) => say!(
            out,
            "✗ `{}` appears {times} times: exactly one is expected",
            kinguin::NAME_HEADER
        ),
        Some(Ok(event_name)) => match kinguin::Event::parse(&event_name, &capture.request.body) {
            Ok(event) => {
                say!(out, "✓ the body parses as `{event_name}`:\n{event:#?}");
                if authentic {
                    unknown_fields_report::<kinguin::Webhook>(out, capture);
                }
            }
            Err(error) => say!(out, "✗ {error}"),
        },
    }
}

/// Kinguin's `X-Event-Name`: `None` when absent, the count when repeated.
fn required_name(capture: &Capture) -> Option<Result<String, usize>> {
    let count = capture.request.headers.values(kinguin::NAME_HEADER).count();
    match single(&capture.request.headers, kinguin::NAME_HEADER) {
        Some(value) => Some(Ok(String::from_utf8_lossy(value).into_owned())),
        None if count == 0 => None,
        None => Some(Err(count)),
    }
}

fn sparkpay_report(out: &mut String, capture: &Capture) {
    let Some(path) = &capture.request.path else {
        say!(
            out,
            "✗ Spark Pay is authenticated by the token in its URL and names the event in its \
             path: pass --request with the captured request, or --url PATH?QUERY"
        );
        return;
    };
    let segment = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    let event_type = match segment.parse::<sparkpay::EventType>() {
        Ok(event_type) => {
            say!(
                out,
                "✓ the path's last segment is the event type {event_type}"
            );
            Some(event_type)
        }
        Err(error) => {
            say!(
                out,
                "✗ the path's last segment is not an event type: {error}"
            );
            None
        }
    };
    let authentic = token_report(out, capture);
    let Some(event_type) = event_type else {
        return;
    };
    match sparkpay::Request::parse(event_type, &capture.request.body) {
        Ok(request) => {
            say!(out, "✓ the body parses as {event_type}:\n{request:#?}");
            if authentic {
                unknown_fields_report::<sparkpay::Webhook>(out, capture);
            }
        }
        Err(error) => say!(out, "✗ {error}"),
    }
}

/// Whether the URL's token is one of the tokens given, with a line saying so or why not.
fn token_report(out: &mut String, capture: &Capture) -> bool {
    let Some(query) = &capture.request.query else {
        say!(
            out,
            "✗ the URL has no query: Spark Pay's token travels in it, as `?{}=…`",
            sparkpay::TOKEN_PARAM
        );
        return false;
    };
    let token = match sparkpay::token_from_query(query) {
        Ok(token) => token,
        Err(VerifyError::MissingHeader { .. }) => {
            say!(
                out,
                "✗ the query has no `{}` parameter: register the subscription URL with it",
                sparkpay::TOKEN_PARAM
            );
            return false;
        }
        Err(VerifyError::MalformedHeader { .. }) => {
            say!(
                out,
                "✗ the query has `{}` more than once: exactly one is expected, since picking one \
                 would let whoever added the other choose what is checked",
                sparkpay::TOKEN_PARAM
            );
            return false;
        }
        Err(error) => {
            say!(out, "✗ {error}");
            return false;
        }
    };
    // The scheme-level check that `sparkpay::Webhook` makes on the token.
    let verifier = match shared_secret::Verifier::with_secrets(
        sparkpay::TOKEN_PARAM,
        capture.secrets.iter().cloned(),
    ) {
        Ok(verifier) => verifier,
        Err(error) => {
            say!(out, "✗ {error}");
            return false;
        }
    };
    let count = capture.secrets.len();
    match verifier.verify_value(token.as_bytes()) {
        Ok(verified) => {
            say!(
                out,
                "✓ the URL's token equals token #{} of {count}",
                verified.secret_index
            );
            return true;
        }
        Err(VerifyError::SignatureMismatch { .. }) => {
            say!(
                out,
                "✗ the URL's token equals none of the {count} token(s): check the token in the \
                 subscription URL registered at Spark Pay"
            );
            if token.contains('%') {
                say!(
                    out,
                    "  it contains `%`: tokens are compared as they appear in the URL, without \
                     percent-decoding, so choose tokens of letters, digits, `-`, `_`, `.`, `~`"
                );
            }
        }
        Err(error) => say!(out, "✗ {error}"),
    }
    false
}

/// Which body a signature holds for.
enum Signed {
    /// The body as received.
    AsReceived,
    /// Only this body, which a common mangling turned into the received one.
    Before(Vec<u8>),
    /// None.
    Not,
}

/// Which secret matches the body, and if none does, whether one would once a common mangling
/// is undone.
fn signature_report(
    out: &mut String,
    capture: &Capture,
    cut: Option<&[u8]>,
    check: &dyn Fn(&[u8]) -> Option<usize>,
) -> Signed {
    let count = capture.secrets.len();
    if let Some(index) = check(&capture.request.body) {
        say!(out, "✓ the signature matches secret #{index} of {count}");
        return Signed::AsReceived;
    }
    say!(
        out,
        "✗ no signature matches the body under any of the {count} secret(s)"
    );
    let (candidates, json) = candidates(&capture.request.body, cut);
    for candidate in candidates {
        if let Some(index) = check(&candidate.body) {
            say!(
                out,
                "✓ but it matches secret #{index} of {count} once the body {}",
                candidate.undo
            );
            say!(
                out,
                "  so the secret is right and {} on the way to the verifier. Pass the verifier \
                 the raw body as it arrived, as bytes, before any JSON parsing or text decoding.",
                candidate.cause
            );
            return Signed::Before(candidate.body);
        }
    }
    say!(
        out,
        "✗ nor once the body is changed back from the usual manglings: trailing newline or \
         CRLF, line endings, surrounding whitespace{}{}",
        if cut.is_some() {
            ", bytes past Content-Length"
        } else {
            ""
        },
        if json.is_ok() {
            ", JSON laid out again (compact, pretty with 2 or 4 spaces or a tab, Python's \
             `, `/`: ` spacing; keys in their received order)"
        } else {
            ""
        }
    );
    match json {
        _ if capture.request.body.is_empty() => say!(
            out,
            "  The body is empty: if the provider sent one, the framework consumed it before the \
             verifier (read it as JSON or a form). Otherwise check that the secret is the one \
             configured at the provider for this endpoint."
        ),
        Ok(()) => say!(
            out,
            "  The body is JSON, so this tool cannot tell whether it was re-serialized in some \
             other way (escapes changed, keys reordered, numbers rewritten) or the secret is \
             wrong. Check both: that the handler passes the raw body bytes, and that the secret \
             is the one configured at the provider for this endpoint."
        ),
        Err(error) => say!(
            out,
            "  The body is not JSON ({error}), so no JSON re-serialization was tried. Check that \
             the secret is the one configured at the provider for this endpoint, and that the \
             body is the whole raw body as received."
        ),
    }
    Signed::Not
}

/// A body the provider may have signed, and how it would have become the received one.
struct Candidate {
    body: Vec<u8>,
    /// How the received body is turned back into this one.
    undo: String,
    /// What happened on the way, if this is the body that was signed.
    cause: String,
}

/// The bodies the provider may have signed, most telling first, without duplicates or the
/// received body itself; and whether the body is JSON (or why not).
fn candidates(body: &[u8], cut: Option<&[u8]>) -> (Vec<Candidate>, Result<(), String>) {
    let mut found: Vec<Candidate> = Vec::new();
    let mut add = |candidate: Option<Vec<u8>>, undo: String, cause: &str| {
        let Some(candidate) = candidate else {
            return;
        };
        if candidate != body && found.iter().all(|other| other.body != candidate) {
            found.push(Candidate {
                body: candidate,
                undo,
                cause: cause.to_owned(),
            });
        }
    };
    if let Some(cut) = cut {
        add(
            Some(cut.to_vec()),
            format!("is cut to its Content-Length of {} bytes", cut.len()),
            "bytes past its Content-Length were added",
        );
    }
    add(
        body.strip_suffix(b"\n").map(<[u8]>::to_vec),
        "has its trailing newline removed".into(),
        "a trailing newline was added",
    );
    add(
        body.strip_suffix(b"\r\n").map(<[u8]>::to_vec),
        "has its trailing CRLF removed".into(),
        "a trailing CRLF was added",
    );
    add(
        Some([body, b"\n"].concat()),
        "gets a trailing newline added".into(),
        "its trailing newline was removed",
    );
    add(
        Some(replace(body, b"\r\n", b"\n")),
        "has CRLF line endings turned into LF".into(),
        "its LF line endings were turned into CRLF",
    );
    add(
        Some(replace(body, b"\n", b"\r\n")),
        "has LF line endings turned into CRLF".into(),
        "its CRLF line endings were turned into LF",
    );
    add(
        Some(body.trim_ascii().to_vec()),
        "has surrounding whitespace trimmed".into(),
        "whitespace was added around it",
    );
    let json = is_json(body);
    let mut bases = vec![(body, "")];
    if let Some(cut) = cut {
        bases.push((cut, " after a cut to its Content-Length"));
    }
    for (base, cut_note) in bases {
        for layout in &LAYOUTS {
            let Some(relaid) = relayout(base, layout) else {
                continue;
            };
            let undo = format!(
                "is re-serialized as {}{cut_note}, keys not reordered",
                layout.name
            );
            let cause = "it was re-serialized (parsed and written again in another layout)";
            add(Some(relaid.clone()), undo.clone(), cause);
            add(
                Some([relaid.as_slice(), b"\n"].concat()),
                format!("{undo}, with a trailing newline"),
                cause,
            );
        }
    }
    (found, json)
}

fn is_json(body: &[u8]) -> Result<(), String> {
    serde_json::from_slice::<serde::de::IgnoredAny>(body)
        .map(|_| ())
        .map_err(|error| error.to_string())
}

fn replace(body: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Some((&first, tail)) = rest.split_first() {
        match rest.strip_prefix(from) {
            Some(after) if !from.is_empty() => {
                out.extend_from_slice(to);
                rest = after;
            }
            _ => {
                out.push(first);
                rest = tail;
            }
        }
    }
    out
}

/// A way of laying JSON out: where the whitespace goes between tokens.
pub struct Layout {
    pub name: &'static str,
    /// One level of indentation, each value on its own line; `None` for a single line.
    pub indent: Option<&'static str>,
    /// After a `,` on a single line.
    pub after_comma: &'static str,
    /// After a `:`.
    pub after_colon: &'static str,
}

/// The layouts senders commonly write: JavaScript's `JSON.stringify` with no indent, 2 spaces or
/// a tab; PHP's `JSON_PRETTY_PRINT` (4 spaces); serde_json's compact and pretty writers; Go's
/// `json.MarshalIndent`; Python's `json.dumps` with its default separators.
pub const LAYOUTS: [Layout; 5] = [
    Layout {
        name: "compact JSON",
        indent: None,
        after_comma: "",
        after_colon: "",
    },
    Layout {
        name: "pretty JSON (2-space indent)",
        indent: Some("  "),
        after_comma: "",
        after_colon: " ",
    },
    Layout {
        name: "pretty JSON (4-space indent)",
        indent: Some("    "),
        after_comma: "",
        after_colon: " ",
    },
    Layout {
        name: "pretty JSON (tab indent)",
        indent: Some("\t"),
        after_comma: "",
        after_colon: " ",
    },
    Layout {
        name: "JSON with `, ` and `: ` separators (Python's json.dumps default)",
        indent: None,
        after_comma: " ",
        after_colon: " ",
    },
];

/// `body` laid out as `layout` says, every token copied as it is (strings with their escapes,
/// numbers as written, keys in their order); `None` if `body` is not JSON.
pub fn relayout(body: &[u8], layout: &Layout) -> Option<Vec<u8>> {
    is_json(body).ok()?;
    let tokens = tokens(body)?;
    let mut out = Vec::with_capacity(body.len() * 2);
    let mut depth = 0usize;
    let mut tokens = tokens.into_iter().peekable();
    let newline = |out: &mut Vec<u8>, depth: usize| {
        if let Some(indent) = layout.indent {
            out.push(b'\n');
            for _ in 0..depth {
                out.extend_from_slice(indent.as_bytes());
            }
        }
    };
    while let Some(token) = tokens.next() {
        match token {
            Token::Open(open) => {
                out.push(open);
                // Empty containers stay `{}` and `[]` in every common writer.
                if let Some(&Token::Close(close)) = tokens.peek() {
                    out.push(close);
                    tokens.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            Token::Close(close) => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(close);
            }
            Token::Comma => {
                out.push(b',');
                if layout.indent.is_some() {
                    newline(&mut out, depth);
                } else {
                    out.extend_from_slice(layout.after_comma.as_bytes());
                }
            }
            Token::Colon => {
                out.push(b':');
                out.extend_from_slice(layout.after_colon.as_bytes());
            }
            Token::Atom(atom) => out.extend_from_slice(atom),
        }
    }
    Some(out)
}

enum Token<'a> {
    Open(u8),
    Close(u8),
    Comma,
    Colon,
    /// A string (quotes and escapes included), number, `true`, `false` or `null`, as written.
    Atom(&'a [u8]),
}

fn tokens(body: &[u8]) -> Option<Vec<Token<'_>>> {
    let mut tokens = Vec::new();
    let mut at = 0;
    while let Some(&byte) = body.get(at) {
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => at += 1,
            b'{' | b'[' => {
                tokens.push(Token::Open(byte));
                at += 1;
            }
            b'}' | b']' => {
                tokens.push(Token::Close(byte));
                at += 1;
            }
            b',' => {
                tokens.push(Token::Comma);
                at += 1;
            }
            b':' => {
                tokens.push(Token::Colon);
                at += 1;
            }
            b'"' => {
                let end = string_end(body, at)?;
                tokens.push(Token::Atom(body.get(at..end)?));
                at = end;
            }
            _ => {
                let start = at;
                while body.get(at).is_some_and(|&byte| !ends_scalar(byte)) {
                    at += 1;
                }
                tokens.push(Token::Atom(body.get(start..at)?));
            }
        }
    }
    Some(tokens)
}

fn ends_scalar(byte: u8) -> bool {
    matches!(
        byte,
        b' ' | b'\t' | b'\n' | b'\r' | b'{' | b'}' | b'[' | b']' | b',' | b':' | b'"'
    )
}

/// The position just past the string that opens at `start`.
fn string_end(body: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        match body.get(at)? {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
}

/// Parses the body, or, when that fails and only a changed-back body matched the signature,
/// that body too.
/// Whether the body parses (or, when only a mangled form was signed, that form), and the
/// unknown fields of a body that is authentic as received.
fn parse_report<W: Provider>(out: &mut String, capture: &Capture, signed: &Signed, parse: ParseFn) {
    match parse(&capture.request.body) {
        Ok(event) => {
            say!(out, "✓ the body parses:\n{event}");
            if let Signed::AsReceived = signed {
                unknown_fields_report::<W>(out, capture);
            }
        }
        Err(error) => {
            say!(out, "✗ {error}");
            if let Signed::Before(body) = signed {
                if let Ok(event) = parse(body) {
                    say!(out, "✓ the body as signed parses:\n{event}");
                }
            }
        }
    }
}

/// The JSON paths of an authentic body that its typed event does not read: one line each, or
/// one line saying there are none.
fn unknown_fields_report<W: Provider>(out: &mut String, capture: &Capture) {
    let request = Request::new(&capture.request.headers, &capture.request.body)
        .path(capture.request.path.as_deref().unwrap_or_default())
        .query(capture.request.query.as_deref().unwrap_or_default());
    match W::unknown_fields(&request) {
        Ok(paths) if paths.is_empty() => say!(
            out,
            "✓ no unknown fields: the typed event reads every member of the body"
        ),
        Ok(paths) => {
            for path in &paths {
                say!(out, "⚠ unknown field: {path}");
            }
            say!(
                out,
                "  {} unknown field(s): sent by {}, not read by this version of the crate{}",
                paths.len(),
                W::NAME,
                if paths.len() >= MAX_UNKNOWN_FIELDS {
                    " (the list stops there: the body may have more)"
                } else {
                    ""
                }
            );
        }
        Err(error) => say!(out, "✗ {error}"),
    }
}

#[cfg(test)]
mod tests {
    use commerce_webhooks::scheme::timestamped;
    use commerce_webhooks::Secret;
    use time::OffsetDateTime;

    use super::{inspect, relayout, Capture, Layout, LAYOUTS};
    use crate::capture::RawRequest;
    use crate::provider::ProviderName;

    const SIGNED_AT: i64 = 1_700_000_000;

    const PRETTY_UNSORTED: &str = "{\n  \"id\": \"evt:7\",\n  \"action\": \"order.accepted\",\n  \"data\": {\n    \"orderId\": 42\n  }\n}";

    #[test]
    fn no_prefix_of_a_capture_makes_the_inspector_panic() {
        let secret = Secret::new("whsec_current").unwrap();
        let signature = timestamped::sign(&secret, SIGNED_AT, PRETTY_UNSORTED);
        let raw = format!(
            "POST /hooks/leasecloud HTTP/1.1\r\nContent-Length: {}\r\nLeaseCloud-Version: \
             1.0.0\r\nLeaseCloud-Signature: {signature}\r\n\r\n{PRETTY_UNSORTED}",
            PRETTY_UNSORTED.len()
        );
        for provider in [
            ProviderName::LeaseCloud,
            ProviderName::Ezq,
            ProviderName::SparkPay,
        ] {
            for end in 0..=raw.len() {
                let capture = Capture {
                    provider,
                    secrets: vec![secret.clone()],
                    request: RawRequest::from_capture(raw.as_bytes().get(..end).unwrap()),
                    now: Some(OffsetDateTime::from_unix_timestamp(SIGNED_AT).unwrap()),
                };
                let report = inspect(&capture);
                assert!(report.contains("body: "), "{report}");
            }
        }
    }

    #[test]
    fn layouts_keep_tokens_and_key_order_as_written() {
        let compact = r#"{"z":[1,2.5,{}],"a":{"k":"x\\\"y\u00e9","e":[]},"m":null}"#;
        let spaced = relayout(compact.as_bytes(), layout("Python")).unwrap();
        // python3: json.dumps(json.loads(compact))
        assert_eq!(
            String::from_utf8(spaced).unwrap(),
            r#"{"z": [1, 2.5, {}], "a": {"k": "x\\\"y\u00e9", "e": []}, "m": null}"#
        );
        let four = relayout(compact.as_bytes(), layout("4-space")).unwrap();
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
        let back = relayout(&four, layout("compact")).unwrap();
        assert_eq!(String::from_utf8(back).unwrap(), compact);

        // With keys already sorted and nothing serde_json would rewrite, its writers agree.
        let sorted = r#"{"a":[true,false,null,{"b":"c"}],"d":{},"e":[[]],"f":-1}"#;
        let value: serde_json::Value = serde_json::from_str(sorted).unwrap();
        assert_eq!(
            relayout(sorted.as_bytes(), layout("2-space")).unwrap(),
            serde_json::to_vec_pretty(&value).unwrap()
        );
        assert_eq!(
            relayout(b" \n{ \"a\" :\t1 }\r\n", layout("compact")).unwrap(),
            br#"{"a":1}"#
        );
        assert_eq!(relayout(b"{\"a\":1", layout("compact")), None);
        assert_eq!(relayout(b"order=42", layout("compact")), None);
    }

    fn layout(name: &str) -> &'static Layout {
        LAYOUTS
            .iter()
            .find(|layout| layout.name.contains(name))
            .unwrap()
    }
}
