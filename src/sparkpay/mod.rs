//! Spark Pay (Cart.com Online Store, formerly AmeriCommerce): typed webhook requests, typed
//! replies, and the subscription a partner registers.
//!
//! (Module documentation is completed below as the module grows.)

mod de;
mod event_type;
pub mod models;
mod number;
mod payload;
mod reply;
mod request;
mod subscription;

pub use event_type::{EventType, UnknownEventType, REPLY_DEADLINE};
pub use models::*;
pub use payload::{
    CartRequest, CheckoutRequest, CustomerEmailChange, CustomerRequest, DiscountItem,
    DiscountRequest, OrderRequest, OrderStatusChange, PaymentMethodAmount, PaymentRequest,
    PriceItem, PriceRequest, ProductRequest, ProductStatusChange, ProductStatusItem,
    ProductStatusRequest, QuoteRequest, QuoteStatusChange, ShippingMethodChoice, TaxItem,
    TaxRequest, VariantChoice,
};
pub use reply::{
    AddItem, AuthorizationReply, CaptureReply, CartItemDiscount, DiscountReply, ItemPrice,
    ItemStatus, ItemTax, PaymentReply, PriceReply, ProductStatusReply, TaxReply, ValidationReply,
};
pub use request::Request;
pub use subscription::{CacheLength, FailureType, Subscription};

/// The provider name carried by this module's [`ParseError`](crate::ParseError)s.
pub(crate) const PROVIDER: &str = "Spark Pay";
