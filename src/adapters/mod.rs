//! Framework adapters: what the `axum` and `actix-web` features share. The adapters are
//! generic over [`Provider`](crate::Provider) and know neither providers nor schemes.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod shared;

/// Implements `From<reply> for Reply` and the adapters' response traits for a typed JSON
/// reply (LeaseCloud's acknowledgement, Spark Pay's replies): a 200 with `application/json` and
/// the value's JSON, from serde, or from the function named after `written_by` for a reply that
/// writes its own.
macro_rules! json_reply {
    (@responders $reply:ty) => {
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
    };
    ($reply:ty, written_by: $write:path) => {
        impl From<$reply> for $crate::Reply {
            fn from(reply: $reply) -> Self {
                $crate::Reply::json_text($write(&reply))
            }
        }

        $crate::adapters::json_reply!(@responders $reply);
    };
    ($($reply:ty),* $(,)?) => {$(
        impl From<$reply> for $crate::Reply {
            fn from(reply: $reply) -> Self {
                $crate::Reply::json(&reply)
            }
        }

        $crate::adapters::json_reply!(@responders $reply);
    )*};
}

pub(crate) use json_reply;
