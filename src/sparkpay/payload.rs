//! The body of each webhook request, as the webhooks page lists it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::models::{
    Address, Cart, CustomField, Customer, Order, OrderPayment, OrderStatus, Product, ProductStatus,
    Quote, VariantInventory, Warehouse,
};
use crate::de::lenient as l;

/// The body of [`AuthorizingPayment`](crate::sparkpay::EventType::AuthorizingPayment),
/// [`CapturingPayment`](crate::sparkpay::EventType::CapturingPayment) and
/// [`PaymentProcessed`](crate::sparkpay::EventType::PaymentProcessed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentRequest {
    /// The payment concerned.
    pub order_payment: OrderPayment,
}

/// The body of [`GetPrice`](crate::sparkpay::EventType::GetPrice): the items to price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PriceRequest {
    /// The items to price.
    #[serde(deserialize_with = "l::list")]
    pub items: Vec<PriceItem>,
    /// The [`CustomerType`](crate::sparkpay::CustomerType) in effect, if any.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub customer_type_id: Option<i64>,
}

/// An item to price in a [`PriceRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PriceItem {
    /// The product's item number; the reply's [`ItemPrice`](crate::sparkpay::ItemPrice) repeats
    /// it.
    #[serde(deserialize_with = "l::text")]
    pub item_number: String,
    /// How many are being priced.
    #[serde(deserialize_with = "l::i64")]
    pub quantity: i64,
    /// The [`ProductVariant`](crate::sparkpay::ProductVariant)s selected, if any.
    #[serde(default, deserialize_with = "l::ids")]
    pub variant_ids: Vec<i64>,
    /// The [`VariantInventory`] record of that combination, if any.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub variant_inventory_id: Option<i64>,
}

/// The body of [`GetProductStatus`](crate::sparkpay::EventType::GetProductStatus): the products
/// whose status is needed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductStatusRequest {
    /// The products.
    #[serde(deserialize_with = "l::list")]
    pub items: Vec<ProductStatusItem>,
}

/// The body of [`ProductStatusChanged`](crate::sparkpay::EventType::ProductStatusChanged).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductStatusChange {
    /// The product and its new status.
    pub item: ProductStatusItem,
}

/// A product with its stock and status, in GetProductStatus and ProductStatusChanged.
///
/// The variant inventory exists only for products that keep stock per variant, and a product
/// may have no status; both objects are `Option`s.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductStatusItem {
    /// The [`Product`]'s id.
    #[serde(deserialize_with = "l::i64")]
    pub product_id: i64,
    /// The [`VariantInventory`] record, if there is one.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub variant_inventory_id: Option<i64>,
    /// The current [`ProductStatus`]'s id.
    #[serde(deserialize_with = "l::i64")]
    pub product_status_id: i64,
    /// The product.
    pub product: Product,
    /// The variant inventory record, if there is one.
    #[serde(default)]
    pub variant_inventory: Option<VariantInventory>,
    /// The current status.
    #[serde(default)]
    pub product_status: Option<ProductStatus>,
    /// Current stock.
    #[serde(deserialize_with = "l::i64")]
    pub inventory: i64,
    /// The product's item number.
    #[serde(default, deserialize_with = "l::text")]
    pub item_number: String,
    /// The manufacturer's item number.
    #[serde(default, deserialize_with = "l::text")]
    pub manufacturer_item_number: String,
}

/// The body of [`GetTax`](crate::sparkpay::EventType::GetTax): the cart's items with where they
/// ship from and to, and the cart's shipping and handling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaxRequest {
    /// The items to tax.
    #[serde(deserialize_with = "l::list")]
    pub items: Vec<TaxItem>,
    /// Shipping calculated for the cart.
    #[serde(with = "crate::de::decimal::required")]
    pub shipping_total: Decimal,
    /// Handling calculated for the cart.
    #[serde(with = "crate::de::decimal::required")]
    pub handling_total: Decimal,
}

/// A cart item to tax, in a [`TaxRequest`].
///
/// The page calls both addresses objects; they are `Option`s because tax is also estimated on
/// the cart page, before the shopper has given an address, and for items that ship from no
/// particular warehouse. The descriptive text fields read as `""` when absent; the ids, amounts,
/// quantity and exemption flag are required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaxItem {
    /// The [`CartItem`](crate::sparkpay::CartItem); the reply's
    /// [`ItemTax`](crate::sparkpay::ItemTax) repeats it.
    #[serde(deserialize_with = "l::i64")]
    pub cart_item_id: i64,
    /// The product's item number.
    #[serde(default, deserialize_with = "l::text")]
    pub item_number: String,
    /// The product's name.
    #[serde(default, deserialize_with = "l::text")]
    pub item_name: String,
    /// The manufacturer's item number.
    #[serde(default, deserialize_with = "l::text")]
    pub manufacturer_item_number: String,
    /// Unit price in the cart.
    #[serde(with = "crate::de::decimal::required")]
    pub price: Decimal,
    /// Unit price with discounts applied.
    #[serde(with = "crate::de::decimal::required")]
    pub discounted_price: Decimal,
    /// How many.
    #[serde(deserialize_with = "l::i64")]
    pub quantity: i64,
    /// Whether the item is flagged as exempt from tax.
    #[serde(deserialize_with = "l::bool")]
    pub is_tax_exempt: bool,
    /// Tax code, if there is one (`""` otherwise).
    #[serde(default, deserialize_with = "l::text")]
    pub tax_code: String,
    /// Price multiplied by quantity.
    #[serde(with = "crate::de::decimal::required")]
    pub line_item_subtotal: Decimal,
    /// The warehouse it ships from.
    #[serde(default)]
    pub origin_address: Option<Warehouse>,
    /// Where it ships to.
    #[serde(default)]
    pub destination_address: Option<Address>,
}

/// The body of [`GetDiscount`](crate::sparkpay::EventType::GetDiscount).
///
/// The page describes this request loosely (it calls lists objects and links ids to pages that
/// do not exist), so only the cart, its items, the shipping total and the store are required;
/// anything else absent reads as empty. `shipping_method_list` and an item's `custom_fields`
/// are read whether sent as one object, as a list, or as `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DiscountRequest {
    /// Ad code set on the session.
    #[serde(default, deserialize_with = "l::text")]
    pub ad_code: String,
    /// Billing address.
    #[serde(default)]
    pub billing_address: Option<Address>,
    /// Campaign code set on the cart.
    #[serde(default, deserialize_with = "l::text")]
    pub campaign_code: String,
    /// The [`Cart`]; the reply's [`CartItemDiscount`](crate::sparkpay::CartItemDiscount)s
    /// name it.
    #[serde(deserialize_with = "l::i64")]
    pub cart_id: i64,
    /// Name of the customer type.
    #[serde(default, deserialize_with = "l::text")]
    pub customer_type: String,
    /// The [`CustomerType`](crate::sparkpay::CustomerType).
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub customer_type_id: Option<i64>,
    /// Where the cart ships.
    #[serde(default)]
    pub destination_address: Option<Address>,
    /// Whether a specific region is set.
    #[serde(default, deserialize_with = "l::bool")]
    pub is_region_set: bool,
    /// The cart's items.
    #[serde(deserialize_with = "l::list")]
    pub items: Vec<DiscountItem>,
    /// Shipping chosen (sent as `shipping_method_list`, described as one object).
    #[serde(default, deserialize_with = "l::one_or_many")]
    pub shipping_method_list: Vec<ShippingMethodChoice>,
    /// The shipping [`Region`](crate::sparkpay::Region).
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub shipping_region_id: Option<i64>,
    /// Shipping total.
    #[serde(with = "crate::de::decimal::required")]
    pub shipping_total: Decimal,
    /// The [`Store`](crate::sparkpay::Store).
    #[serde(deserialize_with = "l::i64")]
    pub store_id: i64,
    /// Subtotal of the subscription items.
    #[serde(default, with = "crate::de::decimal::required")]
    pub subscription_subtotal: Decimal,
    /// The tax [`Region`](crate::sparkpay::Region).
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub tax_region_id: Option<i64>,
    /// Total weight of the items.
    #[serde(default, with = "crate::de::decimal::required")]
    pub total_weight: Decimal,
}

/// An item of a [`DiscountRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DiscountItem {
    /// The [`CartItem`](crate::sparkpay::CartItem).
    #[serde(deserialize_with = "l::i64")]
    pub cart_item_id: i64,
    /// Categories the item belongs to (sent as `category_id`).
    #[serde(default, rename = "category_id", deserialize_with = "l::ids")]
    pub category_ids: Vec<i64>,
    /// Custom fields (described as one object; read as a list).
    #[serde(default, deserialize_with = "l::one_or_many")]
    pub custom_fields: Vec<CustomField>,
    /// Where it ships.
    #[serde(default)]
    pub destination_address: Option<Address>,
    /// Whether it is a subscription item.
    #[serde(default, deserialize_with = "l::bool")]
    pub is_subscription_item: bool,
    /// The product's item number.
    #[serde(default, deserialize_with = "l::text")]
    pub item_number: String,
    /// The manufacturer.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub manufacturer_id: Option<i64>,
    /// Where it ships from (the page calls it an address; GetTax sends a warehouse there, and
    /// either reads into an [`Address`]).
    #[serde(default)]
    pub origin_address: Option<Address>,
    /// The parent product, for a kit's child.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub parent_product_id: Option<i64>,
    /// Unit price.
    #[serde(with = "crate::de::decimal::required")]
    pub price: Decimal,
    /// The [`Product`].
    #[serde(deserialize_with = "l::i64")]
    pub product_id: i64,
    /// Product lists it belongs to (sent as `product_list_id`).
    #[serde(default, rename = "product_list_id", deserialize_with = "l::ids")]
    pub product_list_ids: Vec<i64>,
    /// How many.
    #[serde(deserialize_with = "l::i64")]
    pub quantity: i64,
    /// Shipping classification.
    #[serde(default, deserialize_with = "l::text")]
    pub shipping_classification_code: String,
    /// Variants chosen.
    #[serde(default, deserialize_with = "l::list")]
    pub variants: Vec<VariantChoice>,
}

/// A variant by group and name: in a GetDiscount item, and in a
/// [`DiscountReply`](crate::sparkpay::DiscountReply)'s added item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VariantChoice {
    /// Variant group (`"Color"`).
    #[serde(deserialize_with = "l::text")]
    pub group: String,
    /// Variant name (`"Red"`).
    #[serde(deserialize_with = "l::text")]
    pub value: String,
}

impl VariantChoice {
    /// A variant by group and name.
    pub fn new(group: impl Into<String>, value: impl Into<String>) -> Self {
        VariantChoice {
            group: group.into(),
            value: value.into(),
        }
    }
}

/// The shipping chosen, in a [`DiscountRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShippingMethodChoice {
    /// Shipping classification.
    #[serde(default, deserialize_with = "l::text")]
    pub classification_code: String,
    /// Estimated delivery date, as Spark Pay words it (the page gives no format).
    #[serde(default, deserialize_with = "l::text")]
    pub delivery_date: String,
    /// Shipping method.
    #[serde(default, deserialize_with = "l::text")]
    pub ship_method: String,
    /// Shipping method's name.
    #[serde(default, deserialize_with = "l::text")]
    pub shipping_method_name: String,
}

/// The body of [`ValidateCart`](crate::sparkpay::EventType::ValidateCart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CartRequest {
    /// The cart to check.
    pub cart: Cart,
}

/// The body of [`ValidateCheckout`](crate::sparkpay::EventType::ValidateCheckout): what the
/// shopper entered on the checkout page.
///
/// The addresses are `Option`s: an order that ships nothing has no shipping address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CheckoutRequest {
    /// The customer.
    pub customer: Customer,
    /// Billing address.
    #[serde(default)]
    pub billing_address: Option<Address>,
    /// Shipping address.
    #[serde(default)]
    pub shipping_address: Option<Address>,
    /// The cart.
    pub cart: Cart,
    /// Order custom fields entered.
    #[serde(default, deserialize_with = "l::list")]
    pub order_custom_fields: Vec<CustomField>,
    /// Whether the shopper checked "Is a Gift".
    #[serde(default, deserialize_with = "l::bool")]
    pub is_gift: bool,
    /// Gift message.
    #[serde(default, deserialize_with = "l::text")]
    pub gift_message: String,
    /// Order comments.
    #[serde(default, deserialize_with = "l::text")]
    pub order_comments: String,
    /// Names of the shipping methods selected.
    #[serde(default, deserialize_with = "l::list")]
    pub shipping_methods: Vec<String>,
    /// Payments applied.
    #[serde(default, deserialize_with = "l::list")]
    pub payment_methods: Vec<PaymentMethodAmount>,
}

/// A payment applied at checkout, in a [`CheckoutRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentMethodAmount {
    /// Name of the payment method.
    #[serde(deserialize_with = "l::text")]
    pub name: String,
    /// Amount.
    #[serde(with = "crate::de::decimal::required")]
    pub amount: Decimal,
}

/// The body of [`CustomerCreated`](crate::sparkpay::EventType::CustomerCreated),
/// [`CustomerUpdated`](crate::sparkpay::EventType::CustomerUpdated),
/// [`CustomerRegistered`](crate::sparkpay::EventType::CustomerRegistered) and
/// [`ValidateCustomer`](crate::sparkpay::EventType::ValidateCustomer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomerRequest {
    /// The customer.
    pub customer: Customer,
}

/// The body of [`CustomerEmailUpdated`](crate::sparkpay::EventType::CustomerEmailUpdated).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomerEmailChange {
    /// The address before the change.
    #[serde(deserialize_with = "l::text")]
    pub old_email: String,
    /// The new address.
    #[serde(deserialize_with = "l::text")]
    pub new_email: String,
    /// The customer, as changed.
    pub customer: Customer,
}

/// The body of [`ProductCreated`](crate::sparkpay::EventType::ProductCreated),
/// [`ProductUpdated`](crate::sparkpay::EventType::ProductUpdated) and
/// [`ValidateProduct`](crate::sparkpay::EventType::ValidateProduct).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductRequest {
    /// The product.
    pub product: Product,
}

/// The body of the order notifications: [`NewOrder`](crate::sparkpay::EventType::NewOrder),
/// [`NewValidOrder`](crate::sparkpay::EventType::NewValidOrder),
/// [`OrderApproved`](crate::sparkpay::EventType::OrderApproved),
/// [`OrderCanceled`](crate::sparkpay::EventType::OrderCanceled),
/// [`OrderDeclined`](crate::sparkpay::EventType::OrderDeclined),
/// [`OrderPlaced`](crate::sparkpay::EventType::OrderPlaced),
/// [`OrderShipped`](crate::sparkpay::EventType::OrderShipped) and
/// [`OrderUpdated`](crate::sparkpay::EventType::OrderUpdated) (whose body the page does not
/// detail; it is taken to be the order, like its siblings').
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderRequest {
    /// The order.
    pub order: Order,
}

/// The body of [`OrderStatusChanged`](crate::sparkpay::EventType::OrderStatusChanged).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderStatusChange {
    /// The order, with its new status.
    pub order: Order,
    /// The status before.
    pub old_status: OrderStatus,
    /// The status now.
    pub new_status: OrderStatus,
}

/// The body of [`NewQuote`](crate::sparkpay::EventType::NewQuote) and
/// [`QuoteUpdated`](crate::sparkpay::EventType::QuoteUpdated).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QuoteRequest {
    /// The quote.
    pub quote: Quote,
}

/// The body of [`QuoteStatusChanged`](crate::sparkpay::EventType::QuoteStatusChanged).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QuoteStatusChange {
    /// The quote, with its new status.
    pub quote: Quote,
    /// The status before (an order status model).
    pub old_status: OrderStatus,
    /// The status now.
    pub new_status: OrderStatus,
}
