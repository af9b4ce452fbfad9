//! Extractors for actix-web 4 (feature `actix-web`): a handler names the provider's `Webhook`
//! in its signature and receives a verified, typed event.
//!
//! ```
//! use actix_web::{web, App, HttpResponse};
//! use commerce_webhooks::actix::{Authenticated, Verified};
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
//! async fn on_kinguin(Verified(event): Verified<kinguin::Webhook>) -> HttpResponse {
//!     println!("Kinguin {}", event.name());
//!     HttpResponse::NoContent().finish()
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

use std::future::{poll_fn, Future};
use std::pin::Pin;

use actix_web::body::BoxBody;
use actix_web::dev::Payload;
use actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse, Responder, ResponseError};
use bytes::{Bytes, BytesMut};
use futures_core::Stream;

use super::shared::{announced_too_large, verify};
pub use super::shared::{BodyLimit, Rejection, Unparsed, DEFAULT_BODY_LIMIT, MAX_REASON_LEN};
use crate::{Provider, Reply};

/// A request verified by the provider's `Webhook` `W` (registered as `web::Data<W>`) and
/// parsed into its event.
///
/// Refuses with a [`Rejection`]: 401, 400 (the body does not parse, or cannot be read), 413,
/// or 500 when `W` is not registered. To keep an authentic request whose body does not parse,
/// take [`Authenticated`].
#[derive(Debug)]
pub struct Verified<W: Provider>(pub W::Event);

/// A request verified by the provider's `Webhook` `W`: its event, or, when the authentic body
/// does not parse, the [`Unparsed`] request to store and acknowledge. An unauthentic request
/// is still refused with 401.
#[derive(Debug)]
pub struct Authenticated<W: Provider>(pub Result<W::Event, Unparsed>);

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

async fn extract<W: Provider + 'static>(
    request: HttpRequest,
    mut payload: Payload,
) -> Result<Result<W::Event, Unparsed>, Rejection> {
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
    let body = read_body(&mut payload, limit).await?;
    let http = crate::Request::new(request.headers(), &body)
        .path(request.path())
        .query(request.query_string());
    verify(hook.as_ref(), &http, &body)
}

/// The whole payload, refused as soon as the bytes received pass `limit`: whatever the
/// request announced, nothing beyond the limit is held.
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
