//! [`Request`]: one typed webhook request, parsed for the event type its URL receives.

use super::payload::{
    CartRequest, CheckoutRequest, CustomerEmailChange, CustomerRequest, DiscountRequest,
    OrderRequest, OrderStatusChange, PaymentRequest, PriceRequest, ProductRequest,
    ProductStatusChange, ProductStatusRequest, QuoteRequest, QuoteStatusChange, TaxRequest,
};
use std::borrow::Cow;

use serde::{Serialize, Serializer};

use super::{EventType, SparkPay};
use crate::de::body::{self, Context, Parse, Reader};
use crate::key::content_key;
use crate::webhook::Spec;
use crate::ParseError;

macro_rules! requests {
    ($( $event:ident($payload:ident), )*) => {
        /// A Spark Pay webhook request, typed by its [`EventType`].
        ///
        /// Each variant is named after its event type and holds that event's body. Bodies are
        /// boxed so that a `Request` stays small whichever event it carries.
        ///
        /// Serializes to the body alone, as Spark Pay sends it (the event type travels in the
        /// URL): [`Request::parse`] with [`Request::event_type`] beside it reads it back to an
        /// equal request.
        ///
        /// ```
        /// use commerce_webhooks::sparkpay::{EventType, Request};
        ///
        /// let body = br#"{"items": [], "shipping_total": 25, "handling_total": 0}"#;
        /// let request = Request::parse(EventType::GetTax, body)?;
        /// assert_eq!(request.event_type(), EventType::GetTax);
        /// match request {
        ///     Request::GetTax(tax) => assert_eq!(tax.shipping_total, 25.into()),
        ///     _ => unreachable!(),
        /// }
        /// # Ok::<(), commerce_webhooks::ParseError>(())
        /// ```
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Request {
            $(
                #[doc = concat!("[`EventType::", stringify!($event), "`]: a [`", stringify!($payload), "`].")]
                $event(Box<$payload>),
            )*
        }

        impl Request {
            /// Parses the body of a request received for `event_type`.
            ///
            /// Spark Pay does not name the event in the body: pass the event type whose
            /// subscription URL received it.
            ///
            /// # Errors
            /// A [`ParseError`] naming Spark Pay, the event type, and the JSON path of the value
            /// that does not match the documented shape.
            pub fn parse(event_type: EventType, body: impl AsRef<[u8]>) -> Result<Request, ParseError> {
                Request::read(&mut Parse, event_type, body.as_ref())
            }

            /// Reads `body` with `reader` as a request received for `event_type`.
            pub(crate) fn read(
                reader: &mut impl Reader,
                event_type: EventType,
                body: &[u8],
            ) -> Result<Request, ParseError> {
                let context = Context::new(SparkPay::NAME, Some(event_type.as_str()));
                Ok(match event_type {
                    $(
                        EventType::$event => Request::$event(Box::new(
                            body::read(reader, context, body)?,
                        )),
                    )*
                })
            }

            /// The event type this request was parsed for.
            pub fn event_type(&self) -> EventType {
                match self {
                    $( Request::$event(_) => EventType::$event, )*
                }
            }

            /// Whether Spark Pay waits for a typed reply to this request; see
            /// [`EventType::expects_reply`].
            pub fn expects_reply(&self) -> bool {
                self.event_type().expects_reply()
            }

            /// The event type's name, as Spark Pay spells it (`GetTax`).
            pub fn name(&self) -> &'static str {
                self.event_type().as_str()
            }
        }

        impl Serialize for Request {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Request::$event(payload) => payload.serialize(serializer), )*
                }
            }
        }
    };
}

requests! {
    AuthorizingPayment(PaymentRequest),
    CapturingPayment(PaymentRequest),
    CustomerCreated(CustomerRequest),
    CustomerEmailUpdated(CustomerEmailChange),
    CustomerUpdated(CustomerRequest),
    CustomerRegistered(CustomerRequest),
    GetDiscount(DiscountRequest),
    GetPrice(PriceRequest),
    GetProductStatus(ProductStatusRequest),
    GetTax(TaxRequest),
    NewOrder(OrderRequest),
    NewQuote(QuoteRequest),
    NewValidOrder(OrderRequest),
    OrderApproved(OrderRequest),
    OrderCanceled(OrderRequest),
    OrderDeclined(OrderRequest),
    OrderPlaced(OrderRequest),
    OrderShipped(OrderRequest),
    OrderStatusChanged(OrderStatusChange),
    OrderUpdated(OrderRequest),
    PaymentProcessed(PaymentRequest),
    ProductCreated(ProductRequest),
    ProductStatusChanged(ProductStatusChange),
    ProductUpdated(ProductRequest),
    QuoteStatusChanged(QuoteStatusChange),
    QuoteUpdated(QuoteRequest),
    ValidateCart(CartRequest),
    ValidateCheckout(CheckoutRequest),
    ValidateCustomer(CustomerRequest),
    ValidateProduct(ProductRequest),
}

impl Request {
    /// A key that is the same for every delivery of the same request and differs between
    /// requests of different content: Spark Pay sends no event id, so it is a digest,
    /// `sha256:` and the hex of a SHA-256 over the event type and the whole typed body. It
    /// never holds body text. A [`Delivery`](crate::Delivery)'s key (what the duplicate guard
    /// uses) is a digest of the body as received, and so also tells apart two bodies that
    /// differ only in a field this crate does not read.
    ///
    /// A request that expects a reply (`GetTax`, …) is a question: it must be answered every
    /// time it is asked, so do not drop those on the key (the duplicate guard does not).
    pub fn idempotency_key(&self) -> Cow<'_, str> {
        content_key(self.name(), self)
    }
}

// Spark Pay sends no event id.
// Spark Pay names its event types by URL, and an unknown one is a parse error: every request
// is a known event.
crate::provider::webhook_event!(Request, id: |_event| None);
