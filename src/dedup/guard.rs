//! [`Guard`]: the one call a handler makes to handle each delivery once.

use std::fmt;
use std::future::{poll_fn, Future};
use std::marker::PhantomData;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::pin::pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use super::{Claim, DeliveryStore, StoreError};
use crate::observe::Trace;
use crate::{Delivery, Provider, Reply};

/// Handles each delivery of the provider `W` once, with a [`DeliveryStore`] shared by every
/// request and instance: the same call in an axum handler, an actix-web handler and a queue
/// worker.
///
/// [`Guard::run`] claims the delivery's key (its [`Delivery::key`], under the provider's
/// name), runs the handler, then marks the key done for the provider's
/// [`REDELIVERY_WINDOW`](Provider::REDELIVERY_WINDOW) (or the window set with
/// [`Guard::keep_for`]), or releases it when the handler returns an error or panics, so that
/// the provider's next attempt runs it again. Its [`Outcome`] says what happened, and is the
/// answer to give the provider:
///
/// | outcome | when | answer |
/// |---|---|---|
/// | [`Outcome::Handled`] | the handler ran now | the handler's value |
/// | [`Outcome::AlreadyHandled`] | done within the keep window | what the provider counts as delivered ([`Provider::acknowledgement`]): it stops sending |
/// | [`Outcome::InProgress`] | another attempt holds the claim | 409: the provider tries again later (not a 2xx: that attempt may still fail) |
/// | [`Outcome::HandlerFailed`] | the handler returned an error | 500; the claim is released |
/// | [`Outcome::StoreFailed`] | the store cannot be reached | 503; nothing ran |
///
/// Spark Pay's questions (`GetTax` and the other event types that wait for a reply) are not
/// notifications: a repeated question is answered again, so the guard runs the handler for
/// every one of them without a claim. Its notifications are guarded like any provider's, on
/// a digest of the body ([`Delivery::key`]).
///
/// A claim lasts [`Guard::lease`] (30 s unless set): choose it longer than the handler's
/// longest run, since a claim whose lease ran out can be taken by the next attempt while the
/// first still runs, and shorter than the provider's retry interval (EZQ's is a minute), since
/// an attempt that finds the claim held is answered 409. A handler whose request is dropped
/// mid-way (the connection closed) leaves its claim to run out with its lease. If the store
/// fails after the handler succeeded, the outcome is still `Handled`; the key then stays
/// claimed until its lease runs out, and an attempt after that runs the handler again.
///
/// ```
/// use std::sync::Arc;
/// use commerce_webhooks::dedup::{Guard, MemoryStore, Outcome};
/// use commerce_webhooks::{montly, Provider, Reply, Request, Secret};
///
/// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     let mut future = std::pin::pin!(future);
/// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
/// #     match future.as_mut().poll(&mut cx) {
/// #         std::task::Poll::Ready(output) => output,
/// #         std::task::Poll::Pending => unreachable!(),
/// #     }
/// # }
/// let guard = Guard::<montly::Webhook>::new(Arc::new(MemoryStore::new(100_000)));
///
/// # let secret = Secret::new("whsec_current")?;
/// # let body = br#"{"id":"evt:1","type":"order.signed","data":{"orderId":42}}"#;
/// # let headers = montly::Webhook::sign_headers(&secret, time::OffsetDateTime::now_utc().unix_timestamp(), body);
/// # let request = Request::new(&headers, body);
/// // A verified request's record, as the extractors' `Received` hands it over.
/// let delivery = montly::Webhook::delivery(&request, time::OffsetDateTime::now_utc());
/// let runs = std::cell::Cell::new(0);
/// let handle = || async {
///     runs.set(runs.get() + 1); // the work: a database write, a message
///     Ok::<_, std::io::Error>(Reply::ok())
/// };
///
/// let first = block_on(guard.run(&delivery, handle));
/// assert!(matches!(first, Outcome::Handled(_)));
/// // Montly sends it again: it is answered as delivered, and the handler does not run.
/// let again = block_on(guard.run(&delivery, handle));
/// assert!(matches!(again, Outcome::AlreadyHandled(reply) if reply.status_code() == 200));
/// assert_eq!(runs.get(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Guard<W> {
    store: Arc<dyn DeliveryStore>,
    lease: Duration,
    keep_for: Option<Duration>,
    provider: PhantomData<fn() -> W>,
}

impl<W> Clone for Guard<W> {
    fn clone(&self) -> Self {
        Guard {
            store: Arc::clone(&self.store),
            lease: self.lease,
            keep_for: self.keep_for,
            provider: PhantomData,
        }
    }
}

impl<W: Provider> fmt::Debug for Guard<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Guard")
            .field("provider", &W::NAME)
            .field("lease", &self.lease)
            .field("keep_for", &self.keep_window())
            .finish_non_exhaustive()
    }
}

/// How long a claim holds unless [`Guard::lease`] says otherwise.
pub const DEFAULT_LEASE: Duration = Duration::from_secs(30);

impl<W: Provider> Guard<W> {
    /// A guard for `W`'s deliveries on `store`, which several guards (one per provider) can
    /// share: keys are namespaced by provider.
    pub fn new(store: Arc<dyn DeliveryStore>) -> Self {
        Guard {
            store,
            lease: DEFAULT_LEASE,
            keep_for: None,
            provider: PhantomData,
        }
    }

    /// How long a claim holds while the handler runs (default [`DEFAULT_LEASE`]).
    #[must_use]
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }

    /// How long a handled delivery is remembered, in place of the provider's
    /// [`REDELIVERY_WINDOW`](Provider::REDELIVERY_WINDOW): for a provider whose page gives no
    /// bound (LeaseCloud, Kinguin), where the partner knows better.
    #[must_use]
    pub fn keep_for(mut self, keep_for: Duration) -> Self {
        self.keep_for = Some(keep_for);
        self
    }

    fn keep_window(&self) -> Duration {
        self.keep_for.unwrap_or(W::REDELIVERY_WINDOW)
    }

    /// Runs `handler` for `delivery` unless it was handled or is being handled: see
    /// [`Guard`] for each outcome and the answer it gives the provider.
    ///
    /// A handler that panics has its claim released, then the panic goes on.
    pub async fn run<T, E, F, Fut>(&self, delivery: &Delivery, handler: F) -> Outcome<T, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let trace = delivery.trace();
        let outcome = self.claim_and_run(delivery, handler, &trace).await;
        let (what, status) = match &outcome {
            Outcome::Handled(_) => ("handled", None),
            Outcome::AlreadyHandled(reply) => ("duplicate", Some(reply.status_code())),
            Outcome::InProgress => ("in progress", outcome.status_code()),
            Outcome::HandlerFailed(_) => ("failed", outcome.status_code()),
            Outcome::StoreFailed(_) => ("store failed", outcome.status_code()),
        };
        trace.guarded(what, status);
        outcome
    }

    async fn claim_and_run<T, E, F, Fut>(
        &self,
        delivery: &Delivery,
        handler: F,
        trace: &Trace,
    ) -> Outcome<T, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        if W::expects_reply(delivery) {
            return match trace.instrument(handler()).await {
                Ok(value) => Outcome::Handled(value),
                Err(error) => Outcome::HandlerFailed(error),
            };
        }
        let key = format!("{}:{}", delivery.provider(), delivery.key());
        let token = match self.store.claim(&key, self.lease).await {
            Ok(Claim::Claimed(token)) => token,
            Ok(Claim::Done) => return Outcome::AlreadyHandled(W::acknowledgement(delivery)),
            Ok(_) => return Outcome::InProgress,
            Err(error) => return Outcome::StoreFailed(error),
        };
        let mut running = pin!(trace.instrument(handler()));
        let ran =
            poll_fn(
                |cx| match catch_unwind(AssertUnwindSafe(|| running.as_mut().poll(cx))) {
                    Ok(Poll::Ready(result)) => Poll::Ready(Ok(result)),
                    Ok(Poll::Pending) => Poll::Pending,
                    Err(panic) => Poll::Ready(Err(panic)),
                },
            )
            .await;
        match ran {
            Ok(Ok(value)) => {
                // Done even if the store fails now: the work happened, and an answer that
                // makes the provider retry would only run it again.
                let _ = self.store.complete(&key, &token, self.keep_window()).await;
                Outcome::Handled(value)
            }
            Ok(Err(error)) => {
                // A release that fails leaves the claim to run out with its lease.
                let _ = self.store.release(&key, &token).await;
                Outcome::HandlerFailed(error)
            }
            Err(panic) => {
                let _ = self.store.release(&key, &token).await;
                trace.guarded("panicked", Some(500));
                resume_unwind(panic)
            }
        }
    }
}

/// What [`Guard::run`] did with a delivery, and so what to answer the provider.
#[derive(Debug)]
#[must_use]
#[non_exhaustive]
pub enum Outcome<T, E> {
    /// The handler ran now: its value, the answer.
    Handled(T),
    /// The delivery was handled within the keep window: the answer the provider counts as
    /// delivered, so that it stops sending it.
    AlreadyHandled(Reply),
    /// Another attempt holds the claim: answer 409, so that the provider tries again later.
    InProgress,
    /// The handler returned this error, and the claim was released: answer 500, so that the
    /// provider's next attempt runs the handler again.
    HandlerFailed(E),
    /// The store could not be reached or refused the call, and nothing ran: answer 503.
    StoreFailed(StoreError),
}

impl<T, E> Outcome<T, E> {
    /// The HTTP status the outcome answers with, or `None` for [`Outcome::Handled`], whose
    /// value decides.
    pub fn status_code(&self) -> Option<u16> {
        match self {
            Outcome::Handled(_) => None,
            Outcome::AlreadyHandled(reply) => Some(reply.status_code()),
            Outcome::InProgress => Some(409),
            Outcome::HandlerFailed(_) => Some(500),
            Outcome::StoreFailed(_) => Some(503),
        }
    }

    /// The short reason sent with a refusal: it names what happened, never the handler's
    /// error or the store's (which can hold addresses and names); `None` for the outcomes
    /// that answer as the provider expects.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            Outcome::Handled(_) | Outcome::AlreadyHandled(_) => None,
            Outcome::InProgress => {
                Some("the delivery is being handled by another attempt: try again later")
            }
            Outcome::HandlerFailed(_) => Some("the delivery could not be handled"),
            Outcome::StoreFailed(_) => Some("the delivery store cannot be reached"),
        }
    }
}
