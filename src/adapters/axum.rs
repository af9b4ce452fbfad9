//! Extractors for axum 0.8 (feature `axum`): a handler names the provider's `Webhook` in its
//! signature and receives a verified, typed event.
//!
//! ```
//! use axum::extract::FromRef;
//! use axum::routing::post;
//! use axum::Router;
//! use commerce_webhooks::axum::Authenticated;
//! use commerce_webhooks::{kinguin, leasecloud, Reply, Secret};
//!
//! /// The verifiers, built once at start-up; each handler takes its own by `FromRef`.
//! #[derive(Clone, FromRef)]
//! struct Hooks {
//!     leasecloud: leasecloud::Webhook,
//!     kinguin: kinguin::Webhook,
//! }
//!
//! async fn on_leasecloud(Authenticated(event): Authenticated<leasecloud::Webhook>) -> Reply {
//!     match event {
//!         // LeaseCloud calls again until it gets this acknowledgement.
//!         Ok(event) => leasecloud::Acknowledgement::for_event(&event).into(),
//!         // Authentic but not understood: keep the exact bytes, then acknowledge.
//!         Err(unparsed) => {
//!             eprintln!("dead letter {:?}: {} bytes", unparsed.id, unparsed.body.len());
//!             unparsed.into()
//!         }
//!     }
//! }
//!
//! async fn on_kinguin(Authenticated(event): Authenticated<kinguin::Webhook>) -> Reply {
//!     match event {
//!         Ok(event) => {
//!             println!("Kinguin {}", event.name());
//!             Reply::no_content()
//!         }
//!         // Kinguin drops what fails a few times: keep it, then answer 204 all the same.
//!         Err(unparsed) => {
//!             eprintln!("dead letter {:?}: {} bytes", unparsed.name, unparsed.body.len());
//!             unparsed.into()
//!         }
//!     }
//! }
//!
//! # fn main() -> Result<(), commerce_webhooks::ConfigError> {
//! let hooks = Hooks {
//!     leasecloud: leasecloud::Webhook::new(Secret::new("whsec_leasecloud")?),
//!     kinguin: kinguin::Webhook::new(Secret::new("kinguin_secret")?),
//! };
//! let app: Router = Router::new()
//!     .route("/webhooks/leasecloud", post(on_leasecloud))
//!     .route("/webhooks/kinguin", post(on_kinguin))
//!     .with_state(hooks);
//! # Ok(())
//! # }
//! ```
//!
//! The extractors read the body themselves, under their own [`BodyLimit`] (256 KiB unless an
//! `axum::Extension(BodyLimit(…))` layer says otherwise), not axum's `DefaultBodyLimit`.
//! A refused request is answered by [`Rejection`]: 401 when it is not authentic, 400 when
//! its body does not parse (with [`Verified`]) or cannot be read, 413 when it is too long.
//!
//! [`Verified`] and [`Authenticated`] give the owned event, to keep or send on;
//! [`VerifiedRequest`] keeps the verified request and reads the event from it on demand,
//! borrowing its text from the body where the provider has such a form: the cheapest, for a
//! handler that answers at once.

use std::fmt;
use std::marker::PhantomData;

use axum_core::extract::{FromRef, FromRequest};
use axum_core::response::{IntoResponse, Response};
use bytes::Bytes;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::request::Parts;
use http::{HeaderValue, StatusCode};
use http_body_util::{BodyExt, LengthLimitError, Limited};

use super::shared::{announced_too_large, authenticate, parse_view, receive, unread, verify};
pub use super::shared::{
    Authenticated, BodyLimit, Received, Rejection, Unparsed, Verified, DEFAULT_BODY_LIMIT,
    MAX_REASON_LEN,
};
use crate::dedup::Outcome;
use crate::{Provider, Reply};

impl<S, W> FromRequest<S> for Verified<W>
where
    S: Send + Sync,
    W: Provider + FromRef<S> + Send,
{
    type Rejection = Rejection;

    async fn from_request(
        request: axum_core::extract::Request,
        state: &S,
    ) -> Result<Self, Rejection> {
        match extract::<S, W>(request, state).await? {
            Ok(event) => Ok(Verified(event)),
            Err(unparsed) => Err(Rejection::Malformed(unparsed.error)),
        }
    }
}

impl<S, W> FromRequest<S> for Authenticated<W>
where
    S: Send + Sync,
    W: Provider + FromRef<S> + Send,
{
    type Rejection = Rejection;

    async fn from_request(
        request: axum_core::extract::Request,
        state: &S,
    ) -> Result<Self, Rejection> {
        extract::<S, W>(request, state).await.map(Authenticated)
    }
}

impl<S, W> FromRequest<S> for Received<W>
where
    S: Send + Sync,
    W: Provider + FromRef<S> + Send,
{
    type Rejection = Rejection;

    async fn from_request(
        request: axum_core::extract::Request,
        state: &S,
    ) -> Result<Self, Rejection> {
        let (parts, body) = read(request).await.map_err(unread::<W>)?;
        receive(&W::from_ref(state), &crate_request(&parts, &body), &body)
    }
}

async fn extract<S, W>(
    request: axum_core::extract::Request,
    state: &S,
) -> Result<Result<W::Event, Unparsed>, Rejection>
where
    W: Provider + FromRef<S>,
{
    let (parts, body) = read(request).await.map_err(unread::<W>)?;
    let hook = W::from_ref(state);
    verify(&hook, &crate_request(&parts, &body), &body).map(|(event, _)| event)
}

/// The request's head, and its body read whole under the [`BodyLimit`].
async fn read(request: axum_core::extract::Request) -> Result<(Parts, Bytes), Rejection> {
    let (parts, body) = request.into_parts();
    let limit = parts
        .extensions
        .get::<BodyLimit>()
        .copied()
        .unwrap_or_default()
        .0;
    let content_length = parts.headers.get(CONTENT_LENGTH).map(HeaderValue::as_bytes);
    if announced_too_large(content_length, limit) {
        return Err(Rejection::TooLarge { limit });
    }
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok((parts, collected.to_bytes())),
        Err(error) if error.is::<LengthLimitError>() => Err(Rejection::TooLarge { limit }),
        Err(_) => Err(Rejection::UnreadableBody),
    }
}

fn crate_request<'a>(parts: &'a Parts, body: &'a Bytes) -> crate::Request<'a> {
    let request = crate::Request::new(&parts.headers, body).path(parts.uri.path());
    match parts.uri.query() {
        Some(query) => request.query(query),
        None => request,
    }
}

/// A request whose signature the provider's `Webhook` `W` verified, its body not yet parsed:
/// [`VerifiedRequest::event`] reads the event from it, borrowing the event's text from the
/// body where the provider's event has a borrowed form
/// ([`leasecloud::EventView`](crate::leasecloud::EventView)). For a handler that answers at
/// once, that is the cheapest way to a typed event; to keep the event beyond the request,
/// take [`Verified`] or [`Authenticated`], which give the owned one.
///
/// Refuses with a [`Rejection`]: 401, 400 (the body cannot be read) or 413. A body that does
/// not parse is not refused here: [`VerifiedRequest::event`] hands it over as [`Unparsed`],
/// and `?` turns that into the [`Reply`] that stops the provider's retries.
///
/// ```
/// use commerce_webhooks::axum::VerifiedRequest;
/// use commerce_webhooks::leasecloud::{Acknowledgement, Webhook};
/// use commerce_webhooks::Reply;
///
/// async fn on_leasecloud(request: VerifiedRequest<Webhook>) -> Result<Acknowledgement, Reply> {
///     let event = request.event()?; // a `leasecloud::EventView`, borrowing from the body
///     println!("{} about {:?}", event.name(), event.order_id());
///     Ok(Acknowledgement::for_event(&event))
/// }
/// # let _ = axum::Router::<Webhook>::new().route("/", axum::routing::post(on_leasecloud));
/// ```
pub struct VerifiedRequest<W> {
    /// The microseconds the credential's check took, for the delivery's span.
    verify_us: u64,
    parts: Parts,
    body: Bytes,
    provider: PhantomData<fn() -> W>,
}

impl<W: Provider> VerifiedRequest<W> {
    /// The event, borrowing from this request where the provider's event has a borrowed
    /// form; or, when the authentic body does not parse, the [`Unparsed`] request to store
    /// and acknowledge.
    ///
    /// # Errors
    /// [`Unparsed`] when the body (or a header or path that names the event) does not have
    /// the documented shape.
    pub fn event(&self) -> Result<W::EventView<'_>, Unparsed> {
        parse_view::<W>(
            &crate_request(&self.parts, &self.body),
            &self.body,
            self.verify_us,
        )
    }

    /// The body, exactly as received.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The request's headers.
    pub fn headers(&self) -> &http::HeaderMap {
        &self.parts.headers
    }

    /// The request's URI.
    pub fn uri(&self) -> &http::Uri {
        &self.parts.uri
    }
}

impl<W> fmt::Debug for VerifiedRequest<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VerifiedRequest")
            .field("path", &self.parts.uri.path())
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}

impl<S, W> FromRequest<S> for VerifiedRequest<W>
where
    S: Send + Sync,
    W: Provider + FromRef<S> + Send,
{
    type Rejection = Rejection;

    async fn from_request(
        request: axum_core::extract::Request,
        state: &S,
    ) -> Result<Self, Rejection> {
        let (parts, body) = read(request).await.map_err(unread::<W>)?;
        let verify_us = authenticate(&W::from_ref(state), &crate_request(&parts, &body))?;
        Ok(VerifiedRequest {
            verify_us,
            parts,
            body,
            provider: PhantomData,
        })
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let content_type = [(CONTENT_TYPE, "text/plain; charset=utf-8")];
        (status, content_type, self.reason()).into_response()
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status_code()).unwrap_or(StatusCode::OK);
        match self.json_body() {
            Some(_) => {
                let content_type = [(CONTENT_TYPE, "application/json")];
                (status, content_type, self.into_body()).into_response()
            }
            None => status.into_response(),
        }
    }
}

impl IntoResponse for Unparsed {
    /// The answer that stops the provider from sending the request again: see
    /// [`Provider::unparsed_reply`].
    fn into_response(self) -> Response {
        self.reply().clone().into_response()
    }
}

impl<T: IntoResponse, E> IntoResponse for Outcome<T, E> {
    /// The handler's value when it ran; otherwise the provider's answer for a delivered event,
    /// or the refusal's status with a short reason that holds neither the handler's error nor
    /// the store's.
    fn into_response(self) -> Response {
        let status = self
            .status_code()
            .and_then(|status| StatusCode::from_u16(status).ok());
        let reason = self.reason();
        match self {
            Outcome::Handled(value) => value.into_response(),
            Outcome::AlreadyHandled(reply) => reply.into_response(),
            _ => {
                let status = status.unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                let content_type = [(CONTENT_TYPE, "text/plain; charset=utf-8")];
                (status, content_type, reason.unwrap_or_default()).into_response()
            }
        }
    }
}
