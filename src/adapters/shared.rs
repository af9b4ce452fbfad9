//! The extractors' common parts: the body limit, what an authentic but unparsable request
//! becomes, the rejection, and the verification step itself.

use std::fmt;

use bytes::Bytes;

use crate::observe::{self, Read, Stopwatch, Trace};
use crate::{Delivery, ParseError, Provider, Reply, VerifyError, WebhookEvent};

/// The largest body the extractors read when no [`BodyLimit`] is set: 256 KiB, well above
/// any documented payload.
pub const DEFAULT_BODY_LIMIT: usize = 256 * 1024;

/// The largest body an extractor reads, in bytes; a longer one is refused with 413 before it
/// is verified. Set it for a route or an app: `.layer(axum::Extension(BodyLimit(1 << 20)))`
/// with axum, `.app_data(BodyLimit(1 << 20))` with actix-web. The default is
/// [`DEFAULT_BODY_LIMIT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimit(pub usize);

impl Default for BodyLimit {
    fn default() -> Self {
        BodyLimit(DEFAULT_BODY_LIMIT)
    }
}

/// A request verified by the provider's `Webhook` `W` and parsed into its event.
///
/// Refuses with a [`Rejection`]: 401 when it is not authentic, 400 when its body does not parse
/// or cannot be read, 413 when it is too long (and, with actix-web, 500 when `W` is not
/// registered). For a provider that sends again what it does not get acknowledged, prefer
/// [`Authenticated`], which keeps an authentic body that does not parse.
#[derive(Debug)]
pub struct Verified<W: Provider>(pub W::Event);

/// A request verified by the provider's `Webhook` `W`: its event, or, when the authentic body
/// does not parse, the [`Unparsed`] request to store and acknowledge. An unauthentic request
/// is still refused with 401.
#[derive(Debug)]
pub struct Authenticated<W: Provider>(pub Result<W::Event, Unparsed>);

/// A request verified by the provider's `Webhook` `W`, with its record: the event (or the
/// authentic body that does not parse), and the [`Delivery`] to hand to a duplicate guard
/// ([`Guard::run`](crate::dedup::Guard::run)), put on a queue, or keep. An unauthentic request
/// is refused with 401, as by [`Authenticated`].
#[derive(Debug)]
pub struct Received<W: Provider> {
    /// The record of the request: the body byte for byte, when it arrived, and its key.
    pub delivery: Delivery,
    /// The event, or the [`Unparsed`] request to store and acknowledge.
    pub event: Result<W::Event, Unparsed>,
}

/// An authentic request whose body did not parse, for a handler that stores it (a dead-letter
/// queue) and acknowledges it, so that the provider stops sending it and nothing is lost.
///
/// Responding with it answers what the provider documents as success (for LeaseCloud a 200
/// with an acknowledgement of the event id): see [`Provider::unparsed_reply`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Unparsed {
    /// The body exactly as received.
    pub body: Bytes,
    /// The provider's event id, when the body has one.
    pub id: Option<String>,
    /// The event name, when the request names it.
    pub name: Option<String>,
    /// What did not parse, and where.
    pub error: ParseError,
    reply: Reply,
}

impl Unparsed {
    fn new<W: Provider>(body: Bytes, error: ParseError) -> Self {
        Unparsed {
            body,
            id: error.id.clone(),
            name: error.event.clone(),
            reply: W::unparsed_reply(&error),
            error,
        }
    }

    /// The answer that tells the provider the delivery arrived: send it once the body is
    /// stored.
    pub fn reply(&self) -> &Reply {
        &self.reply
    }
}

impl From<Unparsed> for Reply {
    /// The answer that stops the provider from sending the request again.
    fn from(unparsed: Unparsed) -> Self {
        unparsed.reply
    }
}

/// Why an extractor refused a request. As a response it is the status and a short reason
/// (under [`MAX_REASON_LEN`] bytes, plain text) that never contains a secret or the body.
#[derive(Debug)]
#[non_exhaustive]
pub enum Rejection {
    /// The request is not proven to come from the provider: 401.
    NotAuthentic(VerifyError),
    /// The request is authentic but its body does not parse: 400. (`Authenticated` hands
    /// such a request to the handler instead.)
    Malformed(ParseError),
    /// The body is longer than the [`BodyLimit`]: 413.
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The body could not be read (the connection broke): 400.
    UnreadableBody,
    /// The provider's `Webhook` is not registered with the framework (actix-web's
    /// `app_data`): 500, a set-up mistake.
    NotConfigured,
}

/// The longest reason a [`Rejection`] answers with, in bytes.
pub const MAX_REASON_LEN: usize = 512;

impl Rejection {
    /// The HTTP status: 401, 400, 413 or 500.
    pub fn status_code(&self) -> u16 {
        match self {
            Rejection::NotAuthentic(_) => 401,
            Rejection::Malformed(_) | Rejection::UnreadableBody => 400,
            Rejection::TooLarge { .. } => 413,
            Rejection::NotConfigured => 500,
        }
    }

    /// What kind of refusal this is, in a few words for a log: never the error's text.
    fn kind(&self) -> &'static str {
        match self {
            Rejection::NotAuthentic(_) => "not authentic",
            Rejection::Malformed(_) => "unparsed",
            Rejection::TooLarge { .. } => "body too large",
            Rejection::UnreadableBody => "body unreadable",
            Rejection::NotConfigured => "not configured",
        }
    }

    /// The reason sent with the status: the first clause of the error, which names what was
    /// checked and never a secret, cut to [`MAX_REASON_LEN`] bytes (an event name comes from
    /// the request and may be long).
    pub fn reason(&self) -> String {
        let full = self.to_string();
        let first = full.split(": ").next().unwrap_or_default();
        let mut end = first.len().min(MAX_REASON_LEN);
        while !first.is_char_boundary(end) {
            end -= 1;
        }
        first.get(..end).unwrap_or_default().to_owned()
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::NotAuthentic(error) => error.fmt(f),
            Rejection::Malformed(error) => error.fmt(f),
            Rejection::TooLarge { limit } => {
                write!(f, "the body is longer than the limit of {limit} bytes")
            }
            Rejection::UnreadableBody => f.write_str("the body could not be read"),
            Rejection::NotConfigured => f.write_str(
                "the webhook verifier is not registered with the application: a set-up mistake",
            ),
        }
    }
}

impl std::error::Error for Rejection {}

/// The body read, the request verified and parsed: what the extractors do once the framework
/// part is done. An authentic request whose body did not parse is `Ok(Err(unparsed))`; the
/// trace is the delivery's span, with the `tracing` feature.
pub(super) fn verify<W: Provider>(
    hook: &W,
    request: &crate::Request<'_>,
    body: &Bytes,
) -> Result<(Result<W::Event, Unparsed>, Trace), Rejection> {
    let (parsed, trace) = verify_and_parse(hook, request)?;
    Ok((unparsed_with_body::<W>(parsed, body), trace))
}

/// [`verify`], with the request's record, which carries the delivery's span on to a guard.
pub(super) fn receive<W: Provider>(
    hook: &W,
    request: &crate::Request<'_>,
    body: &Bytes,
) -> Result<Received<W>, Rejection> {
    let (parsed, trace) = verify_and_parse(hook, request)?;
    let received_at = time::OffsetDateTime::now_utc();
    let delivery = W::delivery_of_parsed(request, received_at, parsed.as_ref()).traced(trace);
    let event = unparsed_with_body::<W>(parsed, body);
    Ok(Received { delivery, event })
}

fn verify_and_parse<W: Provider>(
    hook: &W,
    request: &crate::Request<'_>,
) -> Result<(Result<W::Event, ParseError>, Trace), Rejection> {
    let verify_us = authenticate(hook, request)?;
    let mut stopwatch = Stopwatch::start();
    let parsed = W::parse_request(request);
    let parse_us = stopwatch.lap();
    let trace = with_read(&parsed, |read| {
        Trace::authentic(W::NAME, read, verify_us, parse_us)
    });
    if let Ok(event) = &parsed {
        if hook.reports_unknown_fields() {
            trace.in_scope(|| report_unknown::<W>(request, event));
        }
    }
    Ok((parsed, trace))
}

fn unparsed_with_body<W: Provider>(
    parsed: Result<W::Event, ParseError>,
    body: &Bytes,
) -> Result<W::Event, Unparsed> {
    parsed.map_err(|error| Unparsed::new::<W>(body.clone(), error))
}

/// `trace` called with what a request was read as, for its span.
fn with_read<E: WebhookEvent, T>(
    parsed: &Result<E, ParseError>,
    trace: impl FnOnce(Read<'_>) -> T,
) -> T {
    match parsed {
        Ok(event) => trace(Read::Event {
            name: event.name(),
            id: event.id(),
            key: &|| event.idempotency_key(),
        }),
        Err(error) => trace(Read::Unparsed(error)),
    }
}

/// Reports what an authentic body carries that its event does not read: each new field path,
/// unknown event name and unknown status value, once per process.
fn report_unknown<W: Provider>(request: &crate::Request<'_>, event: &W::Event) {
    let name = event.name();
    if event.is_unknown() {
        observe::unknown(
            W::NAME,
            name,
            "",
            "a webhook event this crate does not know",
        );
    }
    let Ok(paths) = W::unknown_fields(request) else {
        return;
    };
    for path in &paths {
        observe::unknown(
            W::NAME,
            name,
            path,
            "a webhook field this crate does not read",
        );
    }
    for type_name in crate::de::unknown::last_other_values() {
        observe::unknown(
            W::NAME,
            name,
            type_name,
            "a webhook value this crate does not know",
        );
    }
}

/// `rejection` of a request refused before its credential was checked, logged.
pub(super) fn unread<W: Provider>(rejection: Rejection) -> Rejection {
    observe::unread(W::NAME, rejection.kind(), rejection.status_code());
    rejection
}

/// Checks the request's credential: the microseconds it took, or the refusal (logged).
pub(super) fn authenticate<W: Provider>(
    hook: &W,
    request: &crate::Request<'_>,
) -> Result<u64, Rejection> {
    let mut stopwatch = Stopwatch::start();
    match hook.verify_request_signature(request) {
        Ok(()) => Ok(stopwatch.lap()),
        Err(error) => {
            observe::refused(W::NAME, &error, stopwatch.lap());
            Err(Rejection::NotAuthentic(error))
        }
    }
}

/// The event of a request whose signature was verified: what the `VerifiedRequest` extractors
/// hand over, borrowing from the request they keep.
pub(super) fn parse_view<'a, W: Provider>(
    request: &crate::Request<'a>,
    body: &Bytes,
    verify_us: u64,
) -> Result<W::EventView<'a>, Unparsed> {
    let mut stopwatch = Stopwatch::start();
    let parsed = W::parse_request_view(request);
    let parse_us = stopwatch.lap();
    with_read(&parsed, |read| {
        Trace::authentic(W::NAME, read, verify_us, parse_us)
    });
    parsed.map_err(|error| Unparsed::new::<W>(body.clone(), error))
}

/// A `Content-Length` that announces more than `limit` bytes: refused before reading.
pub(super) fn announced_too_large(content_length: Option<&[u8]>, limit: usize) -> bool {
    content_length
        .and_then(|value| std::str::from_utf8(value).ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .is_some_and(|length| length > limit as u64)
}
