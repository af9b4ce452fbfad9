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
///
/// # Sample
///
/// Sent to the URLs registered for `AuthorizingPayment`, `CapturingPayment` and
/// `PaymentProcessed`: the order payments page's sample, a card payment about to be authorized
/// (its `approved_at` is `""`, read as `None`). A capture or a processed payment has the same
/// shape, with its flags and dates set.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
/// use rust_decimal::Decimal;
/// use time::macros::datetime;
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/AuthorizingPayment.json")]
/// "#;
/// for event in [
///     EventType::AuthorizingPayment,
///     EventType::CapturingPayment,
///     EventType::PaymentProcessed,
/// ] {
///     let payment = match Request::parse(event, body)? {
///         Request::AuthorizingPayment(request)
///         | Request::CapturingPayment(request)
///         | Request::PaymentProcessed(request) => request.order_payment,
///         other => unreachable!("{other:?}"),
///     };
///     assert_eq!((payment.id, payment.order_id), (1, 100000));
///     assert_eq!(payment.amount, Decimal::new(6073, 2));
///     assert_eq!(payment.payment_type, "CreditCard");
///     assert_eq!(payment.card_expiration_month, Some(12));
///     assert!(!payment.is_approved && !payment.is_captured);
///     assert_eq!(payment.approved_at, None);
///     assert_eq!(payment.paid_at, Some(datetime!(2014-04-07 11:43:09.103 -5)));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentRequest {
    /// The payment concerned.
    pub order_payment: OrderPayment,
}

/// The body of [`GetPrice`](crate::sparkpay::EventType::GetPrice): the items to price.
///
/// # Sample
///
/// Sent to the URL registered for `GetPrice`: one item with two variants selected and the variant
/// inventory record of that combination, one with neither.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/GetPrice.json")]
/// "#;
/// let Request::GetPrice(request) = Request::parse(EventType::GetPrice, body)? else {
///     unreachable!()
/// };
/// assert_eq!(request.customer_type_id, Some(1));
/// assert_eq!(request.items.len(), 2);
/// assert_eq!(request.items[0].item_number, "60PY2DR");
/// assert_eq!(request.items[0].quantity, 2);
/// assert_eq!(request.items[0].variant_ids, [7, 23]);
/// assert_eq!(request.items[0].variant_inventory_id, Some(1));
/// assert!(request.items[1].variant_ids.is_empty());
/// assert_eq!(request.items[1].variant_inventory_id, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Sample
///
/// Sent to the URL registered for `GetProductStatus`: one product, which keeps no variant
/// inventory (`variant_inventory_id` and `variant_inventory` are `null`). Each item carries the
/// whole product, and the [`Product`] model requires every field the products page always shows,
/// 103 of them: the product below lists the fields a reply is usually built from first, then the
/// rest in alphabetical order at the page's values, and leaves out only optional ones.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
/// use rust_decimal::Decimal;
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/GetProductStatus.json")]
/// "#;
/// let Request::GetProductStatus(request) = Request::parse(EventType::GetProductStatus, body)?
/// else {
///     unreachable!()
/// };
/// let item = &request.items[0];
/// assert_eq!((item.product_id, item.product_status_id), (18, 1));
/// assert_eq!(item.variant_inventory_id, None);
/// assert_eq!(item.variant_inventory, None);
/// assert_eq!(item.inventory, 12);
/// assert_eq!(item.item_number, "NAT-DT-SET");
/// let status = item.product_status.as_ref().ok_or("no status")?;
/// assert_eq!(status.name, "In Stock");
/// assert!(!status.is_unavailable);
/// assert_eq!(item.product.price, Decimal::new(589, 0));
/// assert!(item.product.is_spotlight_item); // sent as 1
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductStatusRequest {
    /// The products.
    #[serde(deserialize_with = "l::list")]
    pub items: Vec<ProductStatusItem>,
}

/// The body of [`ProductStatusChanged`](crate::sparkpay::EventType::ProductStatusChanged).
///
/// # Sample
///
/// Sent to the URL registered for `ProductStatusChanged`: the product of the
/// [`ProductStatusRequest`] sample, now out of stock. As there, the product lists every field its
/// model requires.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/ProductStatusChanged.json")]
/// "#;
/// let Request::ProductStatusChanged(change) =
///     Request::parse(EventType::ProductStatusChanged, body)?
/// else {
///     unreachable!()
/// };
/// let item = &change.item;
/// assert_eq!((item.product_id, item.product_status_id), (18, 2));
/// assert_eq!(item.inventory, 0);
/// assert_eq!(item.variant_inventory_id, None);
/// let status = item.product_status.as_ref().ok_or("no status")?;
/// assert_eq!((status.id, status.name.as_str()), (2, "Out of Stock"));
/// assert!(status.is_unavailable);
/// assert_eq!(item.product.product_status_id, 2);
/// assert_eq!(item.product.quantity_on_hand, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Sample
///
/// Sent to the URL registered for `GetTax`: the carts page's two items, the first shipped from the
/// warehouses page's warehouse to an address, the second exempt from tax and not addressed yet (an
/// estimate on the cart page).
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
/// use rust_decimal::Decimal;
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/GetTax.json")]
/// "#;
/// let Request::GetTax(tax) = Request::parse(EventType::GetTax, body)? else {
///     unreachable!()
/// };
/// assert_eq!(tax.shipping_total, Decimal::new(25, 0));
/// assert_eq!(tax.handling_total, Decimal::ZERO);
/// let [first, second] = &tax.items[..] else {
///     unreachable!()
/// };
/// assert_eq!(first.cart_item_id, 321);
/// assert_eq!(first.line_item_subtotal, Decimal::new(4590, 0));
/// assert!(!first.is_tax_exempt);
/// let origin = first.origin_address.as_ref().ok_or("no origin")?;
/// assert_eq!((origin.id, origin.postal_code.as_str()), (1, "77702"));
/// let destination = first.destination_address.as_ref().ok_or("no destination")?;
/// assert_eq!(destination.postal_code, "90049");
/// assert_eq!(second.price, "36.99".parse::<Decimal>()?);
/// assert!(second.is_tax_exempt);
/// assert_eq!(second.tax_code, "NT");
/// assert_eq!(second.destination_address, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Sample
///
/// Sent to the URL registered for `GetDiscount`, with `shipping_method_list` and the item's
/// `custom_fields` as single objects, as the page describes them.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request, VariantChoice};
/// use rust_decimal::Decimal;
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/GetDiscount.json")]
/// "#;
/// let Request::GetDiscount(discount) = Request::parse(EventType::GetDiscount, body)? else {
///     unreachable!()
/// };
/// assert_eq!((discount.cart_id, discount.store_id), (3844, 1));
/// assert_eq!(discount.campaign_code, "SPRING");
/// assert_eq!(discount.customer_type_id, Some(1));
/// assert_eq!(discount.shipping_total, Decimal::new(25, 0));
/// assert_eq!(discount.total_weight, Decimal::new(50, 0));
/// let item = &discount.items[0];
/// assert_eq!((item.cart_item_id, item.product_id, item.quantity), (321, 62, 2));
/// assert_eq!(item.price, Decimal::new(2295, 0));
/// assert_eq!(item.category_ids, [11, 14]);
/// assert_eq!(item.variants, [VariantChoice::new("Color", "Blue")]);
/// assert_eq!(item.custom_fields[0].value, "C. Allen");
/// assert_eq!(discount.shipping_method_list[0].ship_method, "FEDEX_EXPRESS_SAVER");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Sample
///
/// Sent to the URL registered for `ValidateCart`: the carts page's sample with the first of its
/// items, totals adjusted to that item. A cart not tied to a customer yet has a `null`
/// `customer_id`; an item without variants sends `null` for them.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
/// use rust_decimal::Decimal;
/// use time::macros::datetime;
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/ValidateCart.json")]
/// "#;
/// let Request::ValidateCart(request) = Request::parse(EventType::ValidateCart, body)? else {
///     unreachable!()
/// };
/// let cart = &request.cart;
/// assert_eq!(cart.id, 68);
/// assert_eq!(cart.customer_id, None);
/// assert_eq!(cart.grand_total, Decimal::new(4615, 0));
/// assert_eq!(cart.shipping_estimate_postal_code, "77701");
/// assert_eq!(cart.updated_at, datetime!(2014-04-07 11:55:56.31 -5));
/// let item = &cart.items[0];
/// assert_eq!((item.id, item.product_id, item.quantity), (321, 62, 2));
/// assert_eq!(item.price, Decimal::new(2295, 0));
/// assert!(item.variants.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Sample
///
/// Sent to the URL registered for `ValidateCheckout`: the customers and carts pages' samples (with
/// every field their models require), the addresses, and what the shopper entered, paying with a
/// gift certificate and a card.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
/// use rust_decimal::Decimal;
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/ValidateCheckout.json")]
/// "#;
/// let Request::ValidateCheckout(checkout) = Request::parse(EventType::ValidateCheckout, body)?
/// else {
///     unreachable!()
/// };
/// assert_eq!(checkout.customer.email, "test@not-my-real-address.zzz");
/// assert_eq!((checkout.cart.id, checkout.cart.customer_id), (68, Some(1)));
/// let billing = checkout.billing_address.as_ref().ok_or("no billing address")?;
/// assert_eq!(billing.city, "Beaumont");
/// let shipping = checkout.shipping_address.as_ref().ok_or("no shipping address")?;
/// assert_eq!(shipping.postal_code, "90049");
/// assert_eq!(checkout.order_custom_fields[0].value, "4711");
/// assert!(checkout.is_gift);
/// assert_eq!(checkout.shipping_methods, ["FedEx Express Saver"]);
/// assert_eq!(checkout.payment_methods[0].name, "Gift Certificate");
/// assert_eq!(checkout.payment_methods[1].amount, Decimal::new(4600, 0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Sample
///
/// Sent to the URLs registered for `CustomerCreated`, `CustomerUpdated`, `CustomerRegistered` and
/// `ValidateCustomer`: the customers page's sample, with every field the [`Customer`] model
/// requires and one optional date.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
/// use rust_decimal::Decimal;
/// use time::macros::datetime;
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/CustomerCreated.json")]
/// "#;
/// for event in [
///     EventType::CustomerCreated,
///     EventType::CustomerUpdated,
///     EventType::CustomerRegistered,
///     EventType::ValidateCustomer,
/// ] {
///     let customer = match Request::parse(event, body)? {
///         Request::CustomerCreated(request)
///         | Request::CustomerUpdated(request)
///         | Request::CustomerRegistered(request)
///         | Request::ValidateCustomer(request) => request.customer,
///         other => unreachable!("{other:?}"),
///     };
///     assert_eq!((customer.id, customer.customer_type_id), (1, 1));
///     assert_eq!(customer.email, "test@not-my-real-address.zzz");
///     assert_eq!(customer.registered_at, Some(datetime!(2004-10-08 0:00 -5)));
///     assert_eq!(customer.last_visit_at, None);
///     assert_eq!(customer.credit_limit, Decimal::new(1000, 2));
///     assert_eq!(customer.store_payment_methods_enabled, ["Purchase Orders", "Checks"]);
///     assert_eq!(customer.customer_payment_methods_availability[0].status, "Active");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomerRequest {
    /// The customer.
    pub customer: Customer,
}

/// The body of [`CustomerEmailUpdated`](crate::sparkpay::EventType::CustomerEmailUpdated).
///
/// # Sample
///
/// Sent to the URL registered for `CustomerEmailUpdated`: the customer, as changed, carries the
/// new address.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
/// use time::macros::datetime;
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/CustomerEmailUpdated.json")]
/// "#;
/// let Request::CustomerEmailUpdated(change) =
///     Request::parse(EventType::CustomerEmailUpdated, body)?
/// else {
///     unreachable!()
/// };
/// assert_eq!(change.old_email, "test@not-my-real-address.zzz");
/// assert_eq!(change.new_email, "chris.allen@example.com");
/// assert_eq!(change.customer.email, change.new_email);
/// assert_eq!(change.customer.id, 1);
/// assert_eq!(change.customer.updated_at, datetime!(2024-02-12 9:30 -6));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Sample
///
/// Sent to the URLs registered for `ProductCreated`, `ProductUpdated` and `ValidateProduct`: the
/// products page's sample. The [`Product`] model requires every field the page always shows, 103
/// of them, so the body cannot be trimmed below that: the fields that matter most come first, the
/// rest in alphabetical order at the page's values, and only optional ones are left out. Flags
/// such as `is_spotlight_item` come as `0`/`1`, an unset dimension as `""`.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
/// use rust_decimal::Decimal;
/// use time::macros::datetime;
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/ProductCreated.json")]
/// "#;
/// for event in [
///     EventType::ProductCreated,
///     EventType::ProductUpdated,
///     EventType::ValidateProduct,
/// ] {
///     let product = match Request::parse(event, body)? {
///         Request::ProductCreated(request)
///         | Request::ProductUpdated(request)
///         | Request::ValidateProduct(request) => request.product,
///         other => unreachable!("{other:?}"),
///     };
///     assert_eq!((product.id, product.product_status_id), (18, 1));
///     assert_eq!(product.item_name, "Natalie Dining Table Set");
///     assert_eq!(product.price, Decimal::new(589, 0));
///     assert_eq!(product.retail, Decimal::new(689, 0));
///     assert!(product.is_spotlight_item && !product.is_hidden);
///     assert_eq!(product.height, None);
///     assert_eq!(product.updated_at, Some(datetime!(2014-03-19 13:31:47.923 -5)));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Sample
///
/// Sent to the URLs registered for `NewOrder`, `NewValidOrder`, `OrderApproved`, `OrderCanceled`,
/// `OrderDeclined`, `OrderPlaced`, `OrderShipped` and `OrderUpdated`: the orders page's sample,
/// with every field the [`Order`] model requires and a few optional ones; the lists that Spark Pay
/// fills only when expanded (`items`, `payments`, …) are absent.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, OrderType, Request};
/// use rust_decimal::Decimal;
/// use time::macros::datetime;
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/NewOrder.json")]
/// "#;
/// for event in [
///     EventType::NewOrder,
///     EventType::NewValidOrder,
///     EventType::OrderApproved,
///     EventType::OrderCanceled,
///     EventType::OrderDeclined,
///     EventType::OrderPlaced,
///     EventType::OrderShipped,
///     EventType::OrderUpdated,
/// ] {
///     let order = match Request::parse(event, body)? {
///         Request::NewOrder(request)
///         | Request::NewValidOrder(request)
///         | Request::OrderApproved(request)
///         | Request::OrderCanceled(request)
///         | Request::OrderDeclined(request)
///         | Request::OrderPlaced(request)
///         | Request::OrderShipped(request)
///         | Request::OrderUpdated(request) => request.order,
///         other => unreachable!("{other:?}"),
///     };
///     assert_eq!((order.id, order.customer_id, order.order_status_id), (100000, 1, 5));
///     assert_eq!(order.order_type, OrderType::Order);
///     assert_eq!(order.grand_total, Decimal::new(25114, 1));
///     assert_eq!(order.tax_total, "191.4".parse::<Decimal>()?);
///     assert_eq!(order.ordered_at, datetime!(2013-11-29 17:12 -6));
///     assert!(!order.exported_to_accounting_system); // sent as 0
///     assert_eq!(order.shipping_selections[0].shipping_provider, "FedEx");
///     assert!(order.items.is_empty());
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderRequest {
    /// The order.
    pub order: Order,
}

/// The body of [`OrderStatusChanged`](crate::sparkpay::EventType::OrderStatusChanged).
///
/// # Sample
///
/// Sent to the URL registered for `OrderStatusChanged`: the orders page's order (every field its
/// model requires), moved from the order statuses page's "Pending Processing" to a "Shipped"
/// status.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
/// use time::macros::datetime;
///
/// let body = br##"
#[doc = include_str!("../../samples/sparkpay/requests/OrderStatusChanged.json")]
/// "##;
/// let Request::OrderStatusChanged(change) = Request::parse(EventType::OrderStatusChanged, body)?
/// else {
///     unreachable!()
/// };
/// assert_eq!(change.order.id, 100000);
/// assert_eq!(change.order.order_status_id, change.new_status.id);
/// assert_eq!(change.order.previous_order_status_id, Some(change.old_status.id));
/// assert_eq!(
///     change.order.order_status_last_changed_at,
///     Some(datetime!(2013-12-02 10:05:31.2 -6))
/// );
/// assert_eq!((change.old_status.id, change.old_status.name.as_str()), (1, "Pending Processing"));
/// assert!(change.old_status.is_open);
/// assert_eq!((change.new_status.id, change.new_status.name.as_str()), (3, "Shipped"));
/// assert!(change.new_status.is_shipped && !change.new_status.is_open);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Sample
///
/// Sent to the URLs registered for `NewQuote` and `QuoteUpdated`: the quotes page's sample, with
/// every field the model requires; its `null` text (`order_number`, `channel`, …) reads as `""`.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
/// use rust_decimal::Decimal;
///
/// let body = br#"
#[doc = include_str!("../../samples/sparkpay/requests/NewQuote.json")]
/// "#;
/// for event in [EventType::NewQuote, EventType::QuoteUpdated] {
///     let quote = match Request::parse(event, body)? {
///         Request::NewQuote(request) | Request::QuoteUpdated(request) => request.quote,
///         other => unreachable!("{other:?}"),
///     };
///     assert!(quote.is_quote());
///     assert_eq!((quote.id, quote.order_status_id), (100000, 5));
///     assert_eq!(quote.grand_total, Decimal::new(25114, 1));
///     assert_eq!(quote.order_number, "");
///     assert_eq!(quote.channel, "");
///     assert_eq!(quote.expires_at, None);
///     assert_eq!(quote.converted_order_ids()?, [101042]);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QuoteRequest {
    /// The quote.
    pub quote: Quote,
}

/// The body of [`QuoteStatusChanged`](crate::sparkpay::EventType::QuoteStatusChanged).
///
/// # Sample
///
/// Sent to the URL registered for `QuoteStatusChanged`: the quotes page's quote (every field its
/// model requires) and two order status models flagged `is_quote_status`, named as the store
/// defines them.
///
/// ```
/// use commerce_webhooks::sparkpay::{EventType, Request};
///
/// let body = br##"
#[doc = include_str!("../../samples/sparkpay/requests/QuoteStatusChanged.json")]
/// "##;
/// let Request::QuoteStatusChanged(change) = Request::parse(EventType::QuoteStatusChanged, body)?
/// else {
///     unreachable!()
/// };
/// assert!(change.quote.is_quote());
/// assert_eq!((change.quote.id, change.quote.order_status_id), (100000, 9));
/// assert_eq!(change.quote.previous_order_status_id, Some(8));
/// assert_eq!(change.old_status.name, "Quote Sent");
/// assert_eq!(change.new_status.name, "Quote Accepted");
/// assert!(change.old_status.is_quote_status && change.new_status.is_quote_status);
/// assert!(!change.new_status.is_open);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
