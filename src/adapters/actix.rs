//! Extractors for actix-web 4 (feature `actix-web`): a handler names the provider's `Webhook`
//! in its signature and receives a verified, typed event.
//!
//! ```
//! use actix_web::{web, App};
//! use commerce_webhooks::actix::Authenticated;
//! use commerce_webhooks::{kinguin, leasecloud, Reply, Secret};
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
//! let leasecloud = web::Data::new(leasecloud::Webhook::new(Secret::new("whsec_leasecloud")?));
//! let kinguin = web::Data::new(kinguin::Webhook::new(Secret::new("kinguin_secret")?));
//! let app = App::new()
//!     .app_data(leasecloud)
//!     .app_data(kinguin)
//!     .route("/webhooks/leasecloud", web::post().to(on_leasecloud))
//!     .route("/webhooks/kinguin", web::post().to(on_kinguin));
//! # drop(app);
//! # Ok(())
//! # }
//! ```
//!
//! Each `Webhook` is registered as `web::Data<W>`. The extractors read the body themselves,
//! counting the bytes actually received against their [`BodyLimit`] (256 KiB unless
//! `app_data(BodyLimit(…))` says otherwise). A refused request is answered by [`Rejection`]:
//! 401 when it is not authentic, 400 when its body does not parse (with [`Verified`]) or
//! cannot be read, 413 when it is too long, 500 when the `Webhook` is not registered.
//!
//! [`Verified`] and [`Authenticated`] give the owned event, to keep or send on;
//! [`VerifiedRequest`] keeps the verified request and reads the event from it on demand,
//! borrowing its text from the body where the provider has such a form: the cheapest, for a
//! handler that answers at once.

use std::fmt;
use std::future::{poll_fn, Future};
use std::marker::PhantomData;
use std::pin::Pin;

use actix_web::body::BoxBody;
use actix_web::dev::Payload;
use actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse, Responder, ResponseError};
use bytes::{Bytes, BytesMut};
use futures_core::Stream;

use super::shared::{announced_too_large, authenticate, parse_view, receive, unread, verify};
pub use super::shared::{
    Authenticated, BodyLimit, Received, Rejection, Unparsed, Verified, DEFAULT_BODY_LIMIT,
    MAX_REASON_LEN,
};
use crate::dedup::Outcome;
use crate::{Provider, Reply};

type Extraction<T> = Pin<Box<dyn Future<Output = Result<T, Rejection>>>>;

impl<W> FromRequest for Verified<W>
where
    W: Provider + 'static,
    W::Event: 'static,
{
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let extraction = extract::<W>(request.clone(), payload.take());
        Box::pin(async move {
            match extraction.await? {
                Ok(event) => Ok(Verified(event)),
                Err(unparsed) => Err(Rejection::Malformed(unparsed.error)),
            }
        })
    }
}

impl<W> FromRequest for Authenticated<W>
where
    W: Provider + 'static,
    W::Event: 'static,
{
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let extraction = extract::<W>(request.clone(), payload.take());
        Box::pin(async move { extraction.await.map(Authenticated) })
    }
}

impl<W> FromRequest for Received<W>
where
    W: Provider + 'static,
    W::Event: 'static,
{
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let request = request.clone();
        let payload = payload.take();
        Box::pin(async move {
            let (hook, body) = read::<W>(&request, payload).await.map_err(unread::<W>)?;
            receive(hook.as_ref(), &crate_request(&request, &body), &body)
        })
    }
}

async fn extract<W: Provider + 'static>(
    request: HttpRequest,
    payload: Payload,
) -> Result<Result<W::Event, Unparsed>, Rejection> {
    let (hook, body) = read::<W>(&request, payload).await.map_err(unread::<W>)?;
    verify(hook.as_ref(), &crate_request(&request, &body), &body).map(|(event, _)| event)
}

/// The registered `Webhook`, and the body read whole under the [`BodyLimit`].
async fn read<W: 'static>(
    request: &HttpRequest,
    mut payload: Payload,
) -> Result<(web::Data<W>, Bytes), Rejection> {
    let Some(hook) = request.app_data::<web::Data<W>>().cloned() else {
        return Err(Rejection::NotConfigured);
    };
    let limit = request
        .app_data::<BodyLimit>()
        .copied()
        .unwrap_or_default()
        .0;
    let content_length = request
        .headers()
        .get(CONTENT_LENGTH)
        .map(actix_web::http::header::HeaderValue::as_bytes);
    if announced_too_large(content_length, limit) {
        return Err(Rejection::TooLarge { limit });
    }
    Ok((hook, read_body(&mut payload, limit).await?))
}

fn crate_request<'a>(request: &'a HttpRequest, body: &'a Bytes) -> crate::Request<'a> {
    crate::Request::new(request.headers(), body)
        .path(request.path())
        .query(request.query_string())
}

/// A request whose signature the provider's `Webhook` `W` verified, its body not yet parsed:
/// [`VerifiedRequest::event`] reads the event from it, borrowing the event's text from the
/// body where the provider's event has a borrowed form
/// ([`leasecloud::EventView`](crate::leasecloud::EventView)). For a handler that answers at
/// once, that is the cheapest way to a typed event; to keep the event beyond the request,
/// take [`Verified`] or [`Authenticated`], which give the owned one.
///
/// Refuses with a [`Rejection`]: 401, 400 (the body cannot be read), 413, or 500 when no
/// `web::Data<W>` is registered. A body that does not parse is not refused here:
/// [`VerifiedRequest::event`] hands it over as [`Unparsed`], whose [`Reply`] stops the
/// provider's retries.
///
/// ```
/// use commerce_webhooks::actix::VerifiedRequest;
/// use commerce_webhooks::leasecloud::{Acknowledgement, Webhook};
/// use commerce_webhooks::Reply;
///
/// async fn on_leasecloud(request: VerifiedRequest<Webhook>) -> Reply {
///     match request.event() {
///         // A `leasecloud::EventView`, borrowing from the body.
///         Ok(event) => Acknowledgement::for_event(&event).into(),
///         Err(unparsed) => {
///             eprintln!("dead letter {:?}: {} bytes", unparsed.id, unparsed.body.len());
///             unparsed.into()
///         }
///     }
/// }
/// # let _ = actix_web::web::post().to(on_leasecloud);
/// ```
pub struct VerifiedRequest<W> {
    /// The microseconds the credential's check took, for the delivery's span.
    verify_us: u64,
    request: HttpRequest,
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
            &crate_request(&self.request, &self.body),
            &self.body,
            self.verify_us,
        )
    }

    /// The body, exactly as received.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The request's head: headers, path, query.
    pub fn request(&self) -> &HttpRequest {
        &self.request
    }
}

impl<W> fmt::Debug for VerifiedRequest<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VerifiedRequest")
            .field("path", &self.request.path())
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}

impl<W: Provider + 'static> FromRequest for VerifiedRequest<W> {
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let request = request.clone();
        let payload = payload.take();
        Box::pin(async move {
            let (hook, body) = read::<W>(&request, payload).await.map_err(unread::<W>)?;
            let verify_us = authenticate(hook.as_ref(), &crate_request(&request, &body))?;
            Ok(VerifiedRequest {
                verify_us,
                request,
                body,
                provider: PhantomData,
            })
        })
    }
}

async fn read_body(payload: &mut Payload, limit: usize) -> Result<Bytes, Rejection> {
    let mut body = BytesMut::new();
    while let Some(chunk) = poll_fn(|context| Pin::new(&mut *payload).poll_next(context)).await {
        let chunk = chunk.map_err(|_| Rejection::UnreadableBody)?;
        if body.len().saturating_add(chunk.len()) > limit {
            return Err(Rejection::TooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

impl ResponseError for Rejection {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(Rejection::status_code(self))
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(ResponseError::status_code(self))
            .content_type("text/plain; charset=utf-8")
            .body(self.reason())
    }
}

impl Responder for Reply {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        let status = StatusCode::from_u16(self.status_code()).unwrap_or(StatusCode::OK);
        let mut response = HttpResponse::build(status);
        match self.json_body() {
            Some(_) => response
                .insert_header((CONTENT_TYPE, "application/json"))
                .body(self.into_body()),
            None => response.finish(),
        }
    }
}

impl Responder for Unparsed {
    type Body = BoxBody;

    /// The answer that stops the provider from sending the request again: see
    /// [`Provider::unparsed_reply`].
    fn respond_to(self, request: &HttpRequest) -> HttpResponse {
        self.reply().clone().respond_to(request)
    }
}

impl<T: Responder, E> Responder for Outcome<T, E> {
    type Body = BoxBody;

    /// The handler's value when it ran; otherwise the provider's answer for a delivered event,
    /// or the refusal's status with a short reason that holds neither the handler's error nor
    /// the store's.
    fn respond_to(self, request: &HttpRequest) -> HttpResponse {
        let status = self
            .status_code()
            .and_then(|status| StatusCode::from_u16(status).ok());
        let reason = self.reason();
        match self {
            Outcome::Handled(value) => value.respond_to(request).map_into_boxed_body(),
            Outcome::AlreadyHandled(reply) => reply.respond_to(request),
            _ => HttpResponse::build(status.unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
                .content_type("text/plain; charset=utf-8")
                .body(reason.unwrap_or_default()),
        }
    }
}
