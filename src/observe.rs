//! What a receiver sees of its deliveries, with the `tracing` feature: one span named
//! `webhook` per delivery (opened by the framework extractors, continued by the duplicate
//! guard), a `debug` or `warn` event per refusal, and each field, event name or status value a
//! provider sends that the crate does not know, logged once per process ([`unknown`], for a
//! `Webhook` that asks for it). Without the feature every item here does nothing and costs
//! nothing. It knows neither providers nor requests: its callers hand it names and figures.
//!
//! Nothing secret or taken from a body reaches a subscriber: no credential, signature, token or
//! header value, no body, no parse error message (it can quote the body: its JSON path is
//! recorded instead). The span's fields are the provider, the event's name and id, the
//! idempotency key (the event id, or a digest), the outcome, the status answered, and the
//! microseconds spent verifying and parsing.
//!
//! Levels: an authentic delivery is `info`; a refused request is `debug` when it carried no
//! credential at all (what a scanner sends, which must not drown the log) and `warn` when it
//! carried one that did not check out (a wrong secret or a clock out of step, which a partner
//! must see); a handler that failed is `warn`.

// The extractors are the only callers of some of this.
#![cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]

use std::future::Future;

use std::borrow::Cow;

use crate::{ParseError, VerifyError};

/// What an authentic request was read as, for its span.
// Read only by the span, which exists with the `tracing` feature.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(crate) enum Read<'a> {
    /// An event: its name and id, and its idempotency key, computed only when a subscriber
    /// takes the span (a content digest costs a serialization).
    Event {
        name: &'a str,
        id: Option<&'a str>,
        key: &'a dyn Fn() -> Cow<'a, str>,
    },
    /// A body that did not parse: the error's event, id and path (never its message).
    Unparsed(&'a ParseError),
}

/// One delivery's span: where the extractor and the guard record what happened to it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Trace {
    #[cfg(feature = "tracing")]
    span: Option<tracing::Span>,
}

/// Time spent on the parts of a delivery, in microseconds, measured only where a subscriber
/// can see it.
#[derive(Debug)]
pub(crate) struct Stopwatch {
    #[cfg(feature = "tracing")]
    last: std::time::Instant,
}

impl Stopwatch {
    pub(crate) fn start() -> Self {
        Stopwatch {
            #[cfg(feature = "tracing")]
            last: std::time::Instant::now(),
        }
    }

    /// The microseconds since the start or the last lap.
    pub(crate) fn lap(&mut self) -> u64 {
        #[cfg(feature = "tracing")]
        {
            let now = std::time::Instant::now();
            let micros = now.duration_since(self.last).as_micros();
            self.last = now;
            u64::try_from(micros).unwrap_or(u64::MAX)
        }
        #[cfg(not(feature = "tracing"))]
        0
    }
}

/// How a refused request's reason is named: the kind of check that failed.
#[cfg(feature = "tracing")]
fn refusal_kind(error: &VerifyError) -> &'static str {
    match error {
        VerifyError::MissingHeader { .. } => "missing credential",
        VerifyError::MalformedHeader { .. } => "malformed credential",
        VerifyError::NoSignature { .. } => "no signature",
        VerifyError::SignatureMismatch { .. } => "credential mismatch",
        VerifyError::TimestampTooOld { .. } => "timestamp too old",
        VerifyError::TimestampInFuture { .. } => "timestamp in the future",
        VerifyError::HeaderTooLarge { .. } => "credential too large",
    }
}

/// A request refused before it was authenticated: its reason's kind and the status answered.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn refused(provider: &'static str, error: &VerifyError, verify_us: u64) {
    #[cfg(feature = "tracing")]
    {
        let reason = refusal_kind(error);
        let credential = error.header();
        if matches!(error, VerifyError::MissingHeader { .. }) {
            tracing::debug!(
                provider,
                credential,
                reason,
                status = 401,
                verify_us,
                "webhook refused"
            );
        } else {
            tracing::warn!(
                provider,
                credential,
                reason,
                status = 401,
                verify_us,
                "webhook refused"
            );
        }
    }
}

/// A request refused before it was read (its body too long or broken).
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn unread(provider: &'static str, reason: &'static str, status: u16) {
    #[cfg(feature = "tracing")]
    tracing::debug!(provider, reason, status, "webhook refused");
}

impl Trace {
    /// The span of an authentic request: what its event was read as, or where it failed.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn authentic(
        provider: &'static str,
        read: Read<'_>,
        verify_us: u64,
        parse_us: u64,
    ) -> Trace {
        #[cfg(feature = "tracing")]
        {
            let span = tracing::info_span!(
                "webhook",
                provider,
                event = tracing::field::Empty,
                id = tracing::field::Empty,
                key = tracing::field::Empty,
                outcome = tracing::field::Empty,
                path = tracing::field::Empty,
                status = tracing::field::Empty,
                verify_us,
                parse_us,
            );
            if !span.is_disabled() {
                match read {
                    Read::Event { name, id, key } => {
                        span.record("event", name);
                        if let Some(id) = id {
                            span.record("id", id);
                        }
                        span.record("key", &*key());
                        span.record("outcome", "verified");
                        span.in_scope(|| tracing::info!("webhook verified"));
                    }
                    Read::Unparsed(error) => {
                        if let Some(event) = &error.event {
                            span.record("event", event.as_str());
                        }
                        if let Some(id) = &error.id {
                            span.record("id", id.as_str());
                        }
                        span.record("outcome", "unparsed");
                        span.record("path", error.path.as_str());
                        span.in_scope(|| tracing::info!("webhook authentic but unparsed"));
                    }
                }
            }
            Trace { span: Some(span) }
        }
        #[cfg(not(feature = "tracing"))]
        Trace::default()
    }

    /// The span of a delivery that reaches a guard without one (a queue worker's record).
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn for_record(provider: &str, event: Option<&str>, key: &str) -> Trace {
        #[cfg(feature = "tracing")]
        {
            let span = tracing::info_span!(
                "webhook",
                provider,
                event,
                key,
                outcome = tracing::field::Empty,
                status = tracing::field::Empty,
            );
            Trace { span: Some(span) }
        }
        #[cfg(not(feature = "tracing"))]
        Trace::default()
    }

    /// Whether there is a span to record into.
    pub(crate) fn is_some(&self) -> bool {
        #[cfg(feature = "tracing")]
        return self.span.is_some();
        #[cfg(not(feature = "tracing"))]
        false
    }

    /// The delivery's key, as the record gives it.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn key(&self, key: &str) {
        #[cfg(feature = "tracing")]
        if let Some(span) = &self.span {
            span.record("key", key);
        }
    }

    /// What a guard did with the delivery, and the status it answers (where it chose it).
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn guarded(&self, outcome: &'static str, status: Option<u16>) {
        #[cfg(feature = "tracing")]
        if let Some(span) = &self.span {
            span.record("outcome", outcome);
            if let Some(status) = status {
                span.record("status", status);
            }
            span.in_scope(|| match outcome {
                "failed" | "store failed" => tracing::warn!(outcome, "webhook not handled"),
                _ => tracing::info!(outcome, "webhook"),
            });
        }
    }

    /// Runs `work` inside the span.
    pub(crate) fn in_scope<T>(&self, work: impl FnOnce() -> T) -> T {
        #[cfg(feature = "tracing")]
        if let Some(span) = &self.span {
            return span.in_scope(work);
        }
        work()
    }

    /// `future`, run inside the span: what the handler logs is the delivery's.
    pub(crate) fn instrument<F: Future>(&self, future: F) -> impl Future<Output = F::Output> {
        #[cfg(feature = "tracing")]
        {
            use tracing::Instrument;
            future.instrument(self.span.clone().unwrap_or_else(tracing::Span::none))
        }
        #[cfg(not(feature = "tracing"))]
        future
    }
}

/// Logs `what` about (`provider`, `event`, `item`) the first time it is seen in this process,
/// remembering at most [`MAX_REPORTED`] of them (then it stops, saying so once): `item` is a
/// field's path, or a status type's name, or empty for an unknown event name.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn unknown(provider: &'static str, event: &str, item: &str, what: &'static str) {
    #[cfg(feature = "tracing")]
    {
        use std::collections::HashSet;
        use std::sync::{Mutex, OnceLock, PoisonError};
        /// (provider, event, path or value type) already reported.
        type Reported = HashSet<(&'static str, String, String)>;
        static SEEN: OnceLock<Mutex<Reported>> = OnceLock::new();
        let seen = SEEN.get_or_init(Default::default);
        let mut seen = seen.lock().unwrap_or_else(PoisonError::into_inner);
        let entry = (provider, event.to_owned(), item.to_owned());
        if seen.contains(&entry) {
            return;
        }
        if seen.len() >= MAX_REPORTED {
            if seen.len() == MAX_REPORTED {
                seen.insert((provider, String::new(), "…".to_owned()));
                tracing::info!(
                    limit = MAX_REPORTED,
                    "webhook: unknown fields are no longer reported, the limit was reached"
                );
            }
            return;
        }
        seen.insert(entry);
        match item {
            "" => tracing::info!(provider, event, "{what}"),
            path => tracing::info!(provider, event, path, "{what}"),
        }
    }
}

/// How many (provider, event, item) reports a process remembers.
#[cfg(feature = "tracing")]
const MAX_REPORTED: usize = 1024;
