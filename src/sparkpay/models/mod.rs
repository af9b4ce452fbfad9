//! The resource models that webhook payloads embed, typed from Spark Pay's API reference.
//!
//! How the sloppiness of the real payloads is read:
//!
//! - Ids are integers, sent as numbers or strings; they are `Option`s where a page shows `null`
//!   or where the link need not exist.
//! - Money, rates and weights are [`Decimal`](rust_decimal::Decimal) whether sent as `2295`,
//!   `36.99` or `0.0000` (or as a string).
//! - Dates are RFC 3339 with any number of fractional digits; `""` and `null` are `None`.
//! - Flags are `bool` whether sent as `true`/`false` or `0`/`1`.
//! - Text whose values each store defines (status names, units, payment types) stays `String`;
//!   text sent as a number keeps its digits (`"postal_code": 77702` reads as `"77702"`) and
//!   `null` text reads as `""`.
//! - Unknown fields are ignored, and nested lists Spark Pay fills only when it expands them
//!   (`items` of an order, …) are empty when absent or `null`.
//!
//! A field the pages always show with a value is required: a body without it fails with its
//! JSON path rather than reading as a silent zero.

mod cart;
mod common;
mod customer;
mod order;
mod product;
mod store;

pub use cart::{Cart, CartItem};
pub use common::{CustomField, PersonalizationAnswer, SelectedVariant};
pub use customer::{AdditionalEmail, Address, Customer, CustomerType, PaymentMethodAvailability};
pub use order::{
    Order, OrderAddress, OrderItem, OrderPayment, OrderShipment, OrderStatus, OrderType,
    PaymentField, Quote, ShipmentItem, ShippingSelection,
};
pub use product::{Product, ProductStatus, ProductVariant, VariantInventory};
pub use store::{Region, Store, Warehouse};
