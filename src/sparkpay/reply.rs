//! Replies to the events that expect one, serialized to the JSON Spark Pay documents.
//!
//! Every type implements [`Serialize`]: return it as the JSON body of a 200 response, within
//! the [`REPLY_DEADLINE`](crate::sparkpay::REPLY_DEADLINE). Decimals are written as JSON
//! numbers without float noise (`12.34`, never `12.339999999999999`); optional fields left
//! `None` are omitted. Each type also implements [`Deserialize`], for tests and for relaying a
//! reply computed elsewhere.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::payload::{ProductStatusItem, VariantChoice};
use crate::de::lenient as l;
use crate::Reply;

/// The reply to [`AuthorizingPayment`](crate::sparkpay::EventType::AuthorizingPayment) and
/// [`CapturingPayment`](crate::sparkpay::EventType::CapturingPayment): the processor's answer.
///
/// ```
/// use commerce_webhooks::sparkpay::PaymentReply;
///
/// let reply = PaymentReply::approved()
///     .authorization_code("A1B2C3")
///     .transaction_id("txn_8812");
/// assert_eq!(
///     serde_json::to_string(&reply)?,
///     r#"{"approved":true,"declined":false,"authorization_code":"A1B2C3","transaction_id":"txn_8812"}"#
/// );
///
/// let reply = PaymentReply::declined("Insufficient funds");
/// assert!(reply.declined && !reply.approved);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentReply {
    /// Whether the payment was approved.
    #[serde(deserialize_with = "l::bool")]
    pub approved: bool,
    /// Whether the payment was declined. (Both `false` leaves the payment pending.)
    #[serde(deserialize_with = "l::bool")]
    pub declined: bool,
    /// Authorization code returned by the processor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_code: Option<String>,
    /// Transaction id returned by the processor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
    /// Address verification result, for processors that use AVS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avs_code: Option<String>,
    /// Why the payment was declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_reason: Option<String>,
    /// Anything else about the payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// What remains to pay when this payment did not cover the whole balance.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::de::decimal::optional"
    )]
    pub outstanding_balance: Option<Decimal>,
}

/// The reply to [`AuthorizingPayment`](crate::sparkpay::EventType::AuthorizingPayment).
pub type AuthorizationReply = PaymentReply;

/// The reply to [`CapturingPayment`](crate::sparkpay::EventType::CapturingPayment).
pub type CaptureReply = PaymentReply;

impl PaymentReply {
    /// An approved payment.
    pub fn approved() -> Self {
        PaymentReply {
            approved: true,
            ..PaymentReply::pending()
        }
    }

    /// A declined payment, with the reason shown to the store.
    pub fn declined(reason: impl Into<String>) -> Self {
        PaymentReply {
            declined: true,
            reject_reason: Some(reason.into()),
            ..PaymentReply::pending()
        }
    }

    /// A payment neither approved nor declined yet.
    pub fn pending() -> Self {
        PaymentReply {
            approved: false,
            declined: false,
            authorization_code: None,
            transaction_id: None,
            avs_code: None,
            reject_reason: None,
            notes: None,
            outstanding_balance: None,
        }
    }

    /// Sets the authorization code.
    pub fn authorization_code(mut self, code: impl Into<String>) -> Self {
        self.authorization_code = Some(code.into());
        self
    }

    /// Sets the transaction id.
    pub fn transaction_id(mut self, id: impl Into<String>) -> Self {
        self.transaction_id = Some(id.into());
        self
    }

    /// Sets the AVS code.
    pub fn avs_code(mut self, code: impl Into<String>) -> Self {
        self.avs_code = Some(code.into());
        self
    }

    /// Sets the notes.
    pub fn notes(mut self, notes: impl Into<String>) -> Self {
        self.notes = Some(notes.into());
        self
    }

    /// Sets the balance left to pay.
    pub fn outstanding_balance(mut self, balance: Decimal) -> Self {
        self.outstanding_balance = Some(balance);
        self
    }
}

/// The reply to [`GetPrice`](crate::sparkpay::EventType::GetPrice): a price per item number.
///
/// ```
/// use commerce_webhooks::sparkpay::{ItemPrice, PriceReply};
/// use rust_decimal::Decimal;
///
/// let reply = PriceReply::new()
///     .price(ItemPrice::new("60PY2DR", Decimal::new(199_900, 2)).retail(Decimal::new(2295, 0)));
/// assert_eq!(
///     serde_json::to_string(&reply)?,
///     r#"{"prices":[{"item_number":"60PY2DR","price":1999,"retail":2295}]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PriceReply {
    /// One entry per item number of the request.
    pub prices: Vec<ItemPrice>,
}

impl PriceReply {
    /// A reply with no prices yet.
    pub fn new() -> Self {
        PriceReply::default()
    }

    /// Adds an item's price.
    pub fn price(mut self, price: ItemPrice) -> Self {
        self.prices.push(price);
        self
    }
}

impl FromIterator<ItemPrice> for PriceReply {
    fn from_iter<I: IntoIterator<Item = ItemPrice>>(prices: I) -> Self {
        PriceReply {
            prices: prices.into_iter().collect(),
        }
    }
}

/// The price of one item, in a [`PriceReply`].
///
/// Only the item number and the final price are needed; the page does not say what Spark Pay
/// does with an absent cost or retail price, so those are sent only when set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ItemPrice {
    /// The item number, as in the request.
    pub item_number: String,
    /// The final price.
    #[serde(with = "crate::de::decimal::required")]
    pub price: Decimal,
    /// Cost to the seller.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::de::decimal::optional"
    )]
    pub cost: Option<Decimal>,
    /// Retail price.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::de::decimal::optional"
    )]
    pub retail: Option<Decimal>,
    /// Cost before any sale discount.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::de::decimal::optional"
    )]
    pub pre_sale_cost: Option<Decimal>,
    /// Price before any sale discount.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::de::decimal::optional"
    )]
    pub pre_sale_price: Option<Decimal>,
}

impl ItemPrice {
    /// The final price of the item with this item number.
    pub fn new(item_number: impl Into<String>, price: Decimal) -> Self {
        ItemPrice {
            item_number: item_number.into(),
            price,
            cost: None,
            retail: None,
            pre_sale_cost: None,
            pre_sale_price: None,
        }
    }

    /// Sets the cost.
    pub fn cost(mut self, cost: Decimal) -> Self {
        self.cost = Some(cost);
        self
    }

    /// Sets the retail price.
    pub fn retail(mut self, retail: Decimal) -> Self {
        self.retail = Some(retail);
        self
    }

    /// Sets the cost before any sale discount.
    pub fn pre_sale_cost(mut self, cost: Decimal) -> Self {
        self.pre_sale_cost = Some(cost);
        self
    }

    /// Sets the price before any sale discount.
    pub fn pre_sale_price(mut self, price: Decimal) -> Self {
        self.pre_sale_price = Some(price);
        self
    }
}

/// The reply to [`GetProductStatus`](crate::sparkpay::EventType::GetProductStatus): a status per
/// product.
///
/// ```
/// use commerce_webhooks::sparkpay::{ItemStatus, ProductStatusReply};
///
/// let reply = ProductStatusReply::new().item(
///     ItemStatus::new(62, 1)
///         .inventory(0)
///         .status_display_text("Ships in 2 weeks")
///         .back_ordered(true),
/// );
/// let json = serde_json::to_value(&reply)?;
/// assert_eq!(json["items"][0]["is_back_ordered"], true);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductStatusReply {
    /// One entry per product of the request.
    pub items: Vec<ItemStatus>,
}

impl ProductStatusReply {
    /// A reply with no items yet.
    pub fn new() -> Self {
        ProductStatusReply::default()
    }

    /// Adds an item's status.
    pub fn item(mut self, item: ItemStatus) -> Self {
        self.items.push(item);
        self
    }
}

impl FromIterator<ItemStatus> for ProductStatusReply {
    fn from_iter<I: IntoIterator<Item = ItemStatus>>(items: I) -> Self {
        ProductStatusReply {
            items: items.into_iter().collect(),
        }
    }
}

/// The status of one product, in a [`ProductStatusReply`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ItemStatus {
    /// The product, as in the request.
    #[serde(deserialize_with = "l::i64")]
    pub product_id: i64,
    /// The variant inventory record, as in the request; omitted when `None`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "l::opt_i64"
    )]
    pub variant_inventory_id: Option<i64>,
    /// Current stock.
    #[serde(deserialize_with = "l::i64")]
    pub inventory: i64,
    /// Status text shown on the store's pages.
    pub status_display_text: String,
    /// The [`ProductStatus`](crate::sparkpay::ProductStatus) to set.
    #[serde(deserialize_with = "l::i64")]
    pub product_status_id: i64,
    /// Whether the product cannot be bought.
    #[serde(deserialize_with = "l::bool")]
    pub is_unavailable: bool,
    /// Whether the product is hidden from shoppers.
    #[serde(deserialize_with = "l::bool")]
    pub is_hidden: bool,
    /// Whether the product is back-ordered.
    #[serde(deserialize_with = "l::bool")]
    pub is_back_ordered: bool,
}

impl ItemStatus {
    /// A product in the given status: no stock, no display text, available, visible, not
    /// back-ordered, until set otherwise.
    pub fn new(product_id: i64, product_status_id: i64) -> Self {
        ItemStatus {
            product_id,
            variant_inventory_id: None,
            inventory: 0,
            status_display_text: String::new(),
            product_status_id,
            is_unavailable: false,
            is_hidden: false,
            is_back_ordered: false,
        }
    }

    /// The item's status as the request describes it, to change what differs: its ids and
    /// stock, and (when the request carries the status) the status's name as display text and
    /// its flags.
    pub fn for_item(item: &ProductStatusItem) -> Self {
        let mut status = ItemStatus::new(item.product_id, item.product_status_id);
        status.variant_inventory_id = item.variant_inventory_id;
        status.inventory = item.inventory;
        if let Some(current) = &item.product_status {
            status.status_display_text.clone_from(&current.name);
            status.is_unavailable = current.is_unavailable;
            status.is_hidden = current.is_hidden;
            status.is_back_ordered = current.is_back_ordered;
        }
        status
    }

    /// Sets the variant inventory record.
    pub fn variant_inventory_id(mut self, id: i64) -> Self {
        self.variant_inventory_id = Some(id);
        self
    }

    /// Sets the stock.
    pub fn inventory(mut self, inventory: i64) -> Self {
        self.inventory = inventory;
        self
    }

    /// Sets the status text shown.
    pub fn status_display_text(mut self, text: impl Into<String>) -> Self {
        self.status_display_text = text.into();
        self
    }

    /// Sets whether the product cannot be bought.
    pub fn unavailable(mut self, unavailable: bool) -> Self {
        self.is_unavailable = unavailable;
        self
    }

    /// Sets whether the product is hidden.
    pub fn hidden(mut self, hidden: bool) -> Self {
        self.is_hidden = hidden;
        self
    }

    /// Sets whether the product is back-ordered.
    pub fn back_ordered(mut self, back_ordered: bool) -> Self {
        self.is_back_ordered = back_ordered;
        self
    }
}

/// The reply to [`GetTax`](crate::sparkpay::EventType::GetTax): tax per cart item, on shipping
/// and on handling.
///
/// ```
/// use commerce_webhooks::sparkpay::TaxReply;
/// use rust_decimal::Decimal;
///
/// let reply = TaxReply::new()
///     .item(321, Decimal::new(18935, 2)) // 189.35
///     .item(298, Decimal::new(305, 2))
///     .shipping_tax(Decimal::new(206, 2));
/// assert_eq!(
///     serde_json::to_string(&reply)?,
///     r#"{"items":[{"cart_item_id":321,"tax_amount":189.35},{"cart_item_id":298,"tax_amount":3.05}],"shipping_tax_amount":2.06,"handling_tax_amount":0}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaxReply {
    /// Tax per cart item.
    pub items: Vec<ItemTax>,
    /// Tax on shipping (zero unless set).
    #[serde(with = "crate::de::decimal::required")]
    pub shipping_tax_amount: Decimal,
    /// Tax on handling (zero unless set).
    #[serde(with = "crate::de::decimal::required")]
    pub handling_tax_amount: Decimal,
}

impl TaxReply {
    /// No tax yet: no items, zero on shipping and handling.
    pub fn new() -> Self {
        TaxReply::default()
    }

    /// Adds the tax of one cart item (its `cart_item_id` from the request).
    pub fn item(mut self, cart_item_id: i64, tax_amount: Decimal) -> Self {
        self.items.push(ItemTax {
            cart_item_id,
            tax_amount,
        });
        self
    }

    /// Sets the tax on shipping.
    pub fn shipping_tax(mut self, amount: Decimal) -> Self {
        self.shipping_tax_amount = amount;
        self
    }

    /// Sets the tax on handling.
    pub fn handling_tax(mut self, amount: Decimal) -> Self {
        self.handling_tax_amount = amount;
        self
    }

    /// The tax of the items, shipping and handling together.
    pub fn total(&self) -> Decimal {
        self.items.iter().map(|item| item.tax_amount).fold(
            self.shipping_tax_amount + self.handling_tax_amount,
            |a, b| a + b,
        )
    }
}

/// The tax of one cart item, in a [`TaxReply`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ItemTax {
    /// The cart item, as in the request.
    #[serde(deserialize_with = "l::i64")]
    pub cart_item_id: i64,
    /// Its tax.
    #[serde(with = "crate::de::decimal::required")]
    pub tax_amount: Decimal,
}

impl ItemTax {
    /// The tax of one cart item.
    pub fn new(cart_item_id: i64, tax_amount: Decimal) -> Self {
        ItemTax {
            cart_item_id,
            tax_amount,
        }
    }
}

/// The reply to [`GetDiscount`](crate::sparkpay::EventType::GetDiscount): item discounts, items
/// to add, and discounts on the whole cart and on shipping.
///
/// ```
/// use commerce_webhooks::sparkpay::{AddItem, CartItemDiscount, DiscountReply};
/// use rust_decimal::Decimal;
///
/// let reply = DiscountReply::new()
///     .item_discount(CartItemDiscount::new(3844, Decimal::new(500, 2)).description("Spring sale"))
///     .add_item(AddItem::new(55, 1, Decimal::ZERO).variant("Color", "Red"))
///     .description("Spring sale: 5.00 off and a free gift")
///     .shipping_discount(Decimal::new(25, 0));
/// let json = serde_json::to_value(&reply)?;
/// assert_eq!(json["cart_items"][0]["discount_amount"], 5);
/// assert_eq!(json["shipping_discount"], 25);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DiscountReply {
    /// Discounts on items of the cart.
    #[serde(default)]
    pub cart_items: Vec<CartItemDiscount>,
    /// Items added to the cart as part of the discount.
    #[serde(default)]
    pub add_items: Vec<AddItem>,
    /// Descriptions of the discounts applied.
    #[serde(default)]
    pub description: Vec<String>,
    /// Discount on the cart, on top of the items' discounts (zero unless set).
    #[serde(default, with = "crate::de::decimal::required")]
    pub discount: Decimal,
    /// Discount on shipping (zero unless set).
    #[serde(default, with = "crate::de::decimal::required")]
    pub shipping_discount: Decimal,
}

impl DiscountReply {
    /// No discount.
    pub fn new() -> Self {
        DiscountReply::default()
    }

    /// Adds a discount on a cart item.
    pub fn item_discount(mut self, discount: CartItemDiscount) -> Self {
        self.cart_items.push(discount);
        self
    }

    /// Adds an item to the cart.
    pub fn add_item(mut self, item: AddItem) -> Self {
        self.add_items.push(item);
        self
    }

    /// Adds a description of the discounts.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description.push(description.into());
        self
    }

    /// Sets the discount on the cart.
    pub fn discount(mut self, amount: Decimal) -> Self {
        self.discount = amount;
        self
    }

    /// Sets the discount on shipping.
    pub fn shipping_discount(mut self, amount: Decimal) -> Self {
        self.shipping_discount = amount;
        self
    }
}

/// A discount on one cart item, in a [`DiscountReply`].
///
/// The page names the key `cart_id` and says it "must match the `cart_id` sent in the request",
/// though the discount is per item; the field is sent exactly as documented, with the value you
/// give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CartItemDiscount {
    /// The `cart_id`, as the page asks.
    #[serde(deserialize_with = "l::i64")]
    pub cart_id: i64,
    /// Description of the discount; omitted when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The discount.
    #[serde(with = "crate::de::decimal::required")]
    pub discount_amount: Decimal,
}

impl CartItemDiscount {
    /// A discount of `discount_amount`.
    pub fn new(cart_id: i64, discount_amount: Decimal) -> Self {
        CartItemDiscount {
            cart_id,
            description: None,
            discount_amount,
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

/// An item added to the cart by a discount, in a [`DiscountReply`].
///
/// Name the variant either by its variant inventory item number or by its variants; the page
/// says to use the former when the product keeps variant inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AddItem {
    /// Unit price.
    #[serde(with = "crate::de::decimal::required")]
    pub price: Decimal,
    /// The [`Product`](crate::sparkpay::Product).
    #[serde(deserialize_with = "l::i64")]
    pub product_id: i64,
    /// How many.
    #[serde(deserialize_with = "l::i64")]
    pub quantity: i64,
    /// Item number of the [`VariantInventory`](crate::sparkpay::VariantInventory) record;
    /// omitted when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_inventory_item_number: Option<String>,
    /// Variants by group and name; omitted when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<VariantChoice>,
}

impl AddItem {
    /// `quantity` of a product at `price` each.
    pub fn new(product_id: i64, quantity: i64, price: Decimal) -> Self {
        AddItem {
            price,
            product_id,
            quantity,
            variant_inventory_item_number: None,
            variants: Vec::new(),
        }
    }

    /// Names the variant by its variant inventory item number.
    pub fn variant_inventory_item_number(mut self, item_number: impl Into<String>) -> Self {
        self.variant_inventory_item_number = Some(item_number.into());
        self
    }

    /// Adds a variant by group and name.
    pub fn variant(mut self, group: impl Into<String>, value: impl Into<String>) -> Self {
        self.variants.push(VariantChoice::new(group, value));
        self
    }
}

/// The reply to [`ValidateCart`](crate::sparkpay::EventType::ValidateCart),
/// [`ValidateCheckout`](crate::sparkpay::EventType::ValidateCheckout),
/// [`ValidateCustomer`](crate::sparkpay::EventType::ValidateCustomer) and
/// [`ValidateProduct`](crate::sparkpay::EventType::ValidateProduct): messages shown to the user,
/// none when all is well.
///
/// ```
/// use commerce_webhooks::sparkpay::ValidationReply;
///
/// assert_eq!(serde_json::to_string(&ValidationReply::ok())?, r#"{"validation_messages":[]}"#);
/// let reply = ValidationReply::errors(["We do not ship to P.O. boxes"]);
/// assert!(!reply.is_ok());
/// assert_eq!(
///     serde_json::to_string(&reply)?,
///     r#"{"validation_messages":["We do not ship to P.O. boxes"]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ValidationReply {
    /// Messages to show; empty when the data is valid.
    pub validation_messages: Vec<String>,
}

impl ValidationReply {
    /// No errors.
    pub fn ok() -> Self {
        ValidationReply::default()
    }

    /// These messages.
    pub fn errors<I>(messages: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        ValidationReply {
            validation_messages: messages.into_iter().map(Into::into).collect(),
        }
    }

    /// Adds a message.
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.validation_messages.push(message.into());
        self
    }

    /// Whether there is no message.
    pub fn is_ok(&self) -> bool {
        self.validation_messages.is_empty()
    }
}

/// Each reply is the JSON body of a 200.
macro_rules! into_reply {
    ($($reply:ty),* $(,)?) => {$(
        impl From<$reply> for Reply {
            fn from(reply: $reply) -> Self {
                Reply::json(&reply)
            }
        }
    )*};
}

into_reply!(
    PaymentReply,
    PriceReply,
    ProductStatusReply,
    TaxReply,
    DiscountReply,
    ValidationReply,
);
