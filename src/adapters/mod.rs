//! Framework adapters: what the `axum` and `actix-web` features share. The extractors are
//! generic over [`Provider`](crate::Provider) and know neither providers nor schemes; only the
//! list of typed replies below names provider types, to make each a response.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod shared;

/// Makes each typed reply a framework response through its [`Reply`](crate::Reply): a 200 with
/// `application/json` and the reply's JSON.
#[cfg(any(feature = "axum", feature = "actix-web"))]
macro_rules! responders {
    ($($reply:ty),* $(,)?) => {$(
        #[cfg(feature = "axum")]
        impl ::axum_core::response::IntoResponse for $reply {
            fn into_response(self) -> ::axum_core::response::Response {
                ::axum_core::response::IntoResponse::into_response(crate::Reply::from(self))
            }
        }

        #[cfg(feature = "actix-web")]
        impl ::actix_web::Responder for $reply {
            type Body = ::actix_web::body::BoxBody;

            fn respond_to(self, request: &::actix_web::HttpRequest) -> ::actix_web::HttpResponse {
                ::actix_web::Responder::respond_to(crate::Reply::from(self), request)
            }
        }
    )*};
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
responders!(
    crate::leasecloud::Acknowledgement,
    crate::sparkpay::PaymentReply,
    crate::sparkpay::PriceReply,
    crate::sparkpay::ProductStatusReply,
    crate::sparkpay::TaxReply,
    crate::sparkpay::DiscountReply,
    crate::sparkpay::ValidationReply,
);
