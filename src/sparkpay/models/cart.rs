//! Carts and their items.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{PersonalizationAnswer, SelectedVariant};
use crate::de::lenient as l;

/// A shopping cart (the `carts` resource): the payload of
/// [`ValidateCart`](crate::sparkpay::EventType::ValidateCart) and part of
/// [`ValidateCheckout`](crate::sparkpay::EventType::ValidateCheckout).
///
/// [`items`](Cart::items) is filled when Spark Pay expands it, empty otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cart {
    /// The cart's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// Name of a saved cart (`""` for the shopping cart).
    #[serde(deserialize_with = "l::text")]
    pub name: String,
    /// Kind of cart (`"NormalCart"`), as Spark Pay names it.
    #[serde(deserialize_with = "l::text")]
    pub cart_type: String,
    /// The customer, once known.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub customer_id: Option<i64>,
    /// Whether the cart is shared publicly.
    #[serde(deserialize_with = "l::bool")]
    pub is_public: bool,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// The store.
    #[serde(deserialize_with = "l::i64")]
    pub store_id: i64,
    /// The shopping session.
    #[serde(deserialize_with = "l::i64")]
    pub session_id: i64,
    /// Discounts applied.
    #[serde(with = "crate::de::decimal::required")]
    pub discount_total: Decimal,
    /// Sum of the items.
    #[serde(with = "crate::de::decimal::required")]
    pub subtotal: Decimal,
    /// Shipping, before shipping discounts.
    #[serde(with = "crate::de::decimal::required")]
    pub shipping_total: Decimal,
    /// Handling.
    #[serde(with = "crate::de::decimal::required")]
    pub handling_total: Decimal,
    /// Tax.
    #[serde(with = "crate::de::decimal::required")]
    pub tax_total: Decimal,
    /// What the shopper would pay.
    #[serde(with = "crate::de::decimal::required")]
    pub grand_total: Decimal,
    /// Tax rate applied.
    #[serde(with = "crate::de::decimal::required")]
    pub tax_rate: Decimal,
    /// Additional fees.
    #[serde(with = "crate::de::decimal::required")]
    pub additional_fees: Decimal,
    /// Shipping after shipping discounts.
    #[serde(with = "crate::de::decimal::required")]
    pub discounted_shipping_total: Decimal,
    /// Region markup.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub region_markup_amount: Option<Decimal>,
    /// Discounts other than on shipping.
    #[serde(with = "crate::de::decimal::required")]
    pub non_shipping_discount: Decimal,
    /// Discount from gift certificates.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub gift_certificate_discount: Option<Decimal>,
    /// Coupon code applied.
    #[serde(deserialize_with = "l::text")]
    pub coupon_code: String,
    /// The order placed from this cart.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub associated_order_id: Option<i64>,
    /// City of the shipping estimate.
    #[serde(deserialize_with = "l::text")]
    pub shipping_estimate_city: String,
    /// State code of the shipping estimate.
    #[serde(deserialize_with = "l::text")]
    pub shipping_estimate_state_code: String,
    /// Postal code of the shipping estimate.
    #[serde(deserialize_with = "l::text")]
    pub shipping_estimate_postal_code: String,
    /// Country code of the shipping estimate.
    #[serde(deserialize_with = "l::text")]
    pub shipping_estimate_country_code: String,
    /// Whether shipping is billed to the shopper's carrier account.
    #[serde(deserialize_with = "l::bool")]
    pub is_shipping_billed_to_account: bool,
    /// Saved payment method chosen.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub customer_payment_method_id: Option<i64>,
    /// Payment method chosen.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub payment_method_id: Option<i64>,
    /// Whether this is a payment-only cart.
    #[serde(deserialize_with = "l::bool")]
    pub is_payment_cart_only: bool,
    /// Lookup key (the page shows only `null`).
    #[serde(default, deserialize_with = "l::opt_text")]
    pub lookup_key: Option<String>,
    /// The items, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub items: Vec<CartItem>,
}

/// An item in a cart (the `cart_items` resource).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CartItem {
    /// The item's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The [`Product`](crate::sparkpay::Product).
    #[serde(deserialize_with = "l::i64")]
    pub product_id: i64,
    /// The product's item number.
    #[serde(deserialize_with = "l::text")]
    pub item_number: String,
    /// How many.
    #[serde(deserialize_with = "l::i64")]
    pub quantity: i64,
    /// Unit price (`200`, `36.99`).
    #[serde(with = "crate::de::decimal::required")]
    pub price: Decimal,
    /// Unit cost to the seller.
    #[serde(with = "crate::de::decimal::required")]
    pub cost: Decimal,
    /// Where it ships, for multi-address carts.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub shipping_address_id: Option<i64>,
    /// Thumbnail path.
    #[serde(deserialize_with = "l::text")]
    pub item_thumbnail: String,
    /// Product page.
    #[serde(deserialize_with = "l::text")]
    pub item_url: String,
    /// The product's name.
    #[serde(deserialize_with = "l::text")]
    pub item_name: String,
    /// The [`Warehouse`](crate::sparkpay::Warehouse) it ships from (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub warehouse_id: i64,
    /// The parent product, for a kit's child.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub parent_product_id: Option<i64>,
    /// The parent item, for a kit's child.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub parent_cart_item_id: Option<i64>,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// The cart.
    #[serde(deserialize_with = "l::i64")]
    pub cart_id: i64,
    /// Whether it is a subscription product.
    #[serde(deserialize_with = "l::bool")]
    pub is_subscription_product: bool,
    /// Product configuration.
    #[serde(deserialize_with = "l::text")]
    pub configuration: String,
    /// Whether the subscription is paused.
    #[serde(deserialize_with = "l::bool")]
    pub subscription_paused: bool,
    /// Variants chosen (empty when Spark Pay sends `null`).
    #[serde(deserialize_with = "l::list")]
    pub variants: Vec<SelectedVariant>,
    /// Personalization answers (empty when Spark Pay sends `null`).
    #[serde(deserialize_with = "l::list")]
    pub personalizations: Vec<PersonalizationAnswer>,
    /// A kit's child items, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub child_items: Vec<CartItem>,
}
