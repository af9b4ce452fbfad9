//! Framework adapters: what the `axum` and `actix-web` features share. The adapters are
//! generic over [`Provider`](crate::Provider) and know neither providers nor schemes.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod shared;

/// Implements the adapters' response traits for a typed JSON reply (LeaseCloud's
/// acknowledgement, Spark Pay's replies): a 200 with `application/json` and the value's JSON.
macro_rules! json_reply {
    ($($reply:ty),* $(,)?) => {$(
        impl From<$reply> for $crate::Reply {
            fn from(reply: $reply) -> Self {
                $crate::Reply::json(&reply)
            }
        }

        #[cfg(feature = "axum")]
        impl ::axum_core::response::IntoResponse for $reply {
            fn into_response(self) -> ::axum_core::response::Response {
                ::axum_core::response::IntoResponse::into_response($crate::Reply::from(self))
            }
        }

        #[cfg(feature = "actix-web")]
        impl ::actix_web::Responder for $reply {
            type Body = ::actix_web::body::BoxBody;

            fn respond_to(self, request: &::actix_web::HttpRequest) -> ::actix_web::HttpResponse {
                ::actix_web::Responder::respond_to($crate::Reply::from(self), request)
            }
        }
    )*};
}

pub(crate) use json_reply;
