//! Orders and quotes, with their items, payments, shipments, addresses and statuses.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{CustomField, PersonalizationAnswer, SelectedVariant};
use crate::de::lenient as l;
use crate::de::string_enum;

string_enum! {
    /// Whether an [`Order`] record is an order or a quote (its `order_type`).
    pub enum OrderType {
        /// A placed order.
        Order = "Order",
        /// A quote, which may later be converted to orders.
        Quote = "Quote",
    }
}

/// An order, or a quote (the `orders` and `quotes` resources).
///
/// Spark Pay keeps quotes as orders whose [`order_type`](Order::order_type) is
/// [`OrderType::Quote`]: the quotes page shows the order's fields, less a few that only orders
/// carry and plus [`converted_to_order_ids`](Order::converted_to_order_ids). Fields that only
/// one of the two pages shows read as empty when absent.
///
/// Where either page shows `null` for a field (a quote's `channel`, `delivery_tax`,
/// `manufacturer_invoice_*`), it is an `Option`, or `""` for text. Links that need not exist
/// (addresses of an order that ships nothing, the previous status of a new order) are `Option`s
/// too, though the sample shows them set.
///
/// The `items`, `payments`, `shipments` and `custom_fields` lists are filled only when Spark
/// Pay expands them (`?expand=` on the API); they are empty otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Order {
    /// The order number Spark Pay shows (orders start at 100000).
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The [`Customer`](crate::sparkpay::Customer) who placed it.
    #[serde(deserialize_with = "l::i64")]
    pub customer_id: i64,
    /// The customer type in effect (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub customer_type_id: i64,
    /// Ad code of the session that placed it.
    #[serde(deserialize_with = "l::text")]
    pub adcode: String,
    /// When it was placed.
    #[serde(with = "crate::de::lenient::datetime")]
    pub ordered_at: OffsetDateTime,
    /// Its current [`OrderStatus`].
    #[serde(deserialize_with = "l::i64")]
    pub order_status_id: i64,
    /// Special instructions from the customer.
    #[serde(deserialize_with = "l::text")]
    pub special_instructions: String,
    /// Sum of the items.
    #[serde(with = "crate::de::decimal::required")]
    pub subtotal: Decimal,
    /// Tax charged.
    #[serde(with = "crate::de::decimal::required")]
    pub tax_total: Decimal,
    /// Shipping charged, before shipping discounts.
    #[serde(with = "crate::de::decimal::required")]
    pub shipping_total: Decimal,
    /// Discounts applied.
    #[serde(with = "crate::de::decimal::required")]
    pub discount_total: Decimal,
    /// What the customer pays.
    #[serde(with = "crate::de::decimal::required")]
    pub grand_total: Decimal,
    /// The items' cost to the seller.
    #[serde(with = "crate::de::decimal::required")]
    pub cost_total: Decimal,
    /// Name of the shipping method chosen.
    #[serde(deserialize_with = "l::text")]
    pub selected_shipping_method: String,
    /// IP address the order was placed from.
    #[serde(deserialize_with = "l::text")]
    pub ip_address: String,
    /// Whether it was exported to the accounting system (sent as 0/1). Orders only.
    #[serde(default, deserialize_with = "l::bool")]
    pub exported_to_accounting_system: bool,
    /// Referring URL.
    #[serde(deserialize_with = "l::text")]
    pub referrer: String,
    /// The [`OrderAddress`] shipped to.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub order_shipping_address_id: Option<i64>,
    /// The [`OrderAddress`] billed.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub order_billing_address_id: Option<i64>,
    /// Comments visible to store administrators only.
    #[serde(deserialize_with = "l::text")]
    pub admin_comments: String,
    /// Marketing source (`"[none]"` when none).
    #[serde(deserialize_with = "l::text")]
    pub source: String,
    /// Search phrase that led to the order.
    #[serde(deserialize_with = "l::text")]
    pub search_phrase: String,
    /// Whether it came from pay-per-click advertising.
    #[serde(deserialize_with = "l::bool")]
    pub is_ppc: bool,
    /// The pay-per-click keyword.
    #[serde(deserialize_with = "l::text")]
    pub ppc_keyword: String,
    /// The store it was placed in.
    #[serde(deserialize_with = "l::i64")]
    pub store_id: i64,
    /// The shopping session.
    #[serde(deserialize_with = "l::i64")]
    pub session_id: i64,
    /// Handling charged.
    #[serde(with = "crate::de::decimal::required")]
    pub handling_total: Decimal,
    /// Whether this is a payment-only order.
    #[serde(deserialize_with = "l::bool")]
    pub is_payment_order_only: bool,
    /// Provider code of the shipping service chosen.
    #[serde(deserialize_with = "l::text")]
    pub selected_shipping_provider_service: String,
    /// Additional fees charged.
    #[serde(with = "crate::de::decimal::required")]
    pub additional_fees: Decimal,
    /// Id of the ad code (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub adcode_id: i64,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// Who entered it (an email address or `"Admin"`).
    #[serde(deserialize_with = "l::text")]
    pub entered_by: String,
    /// Whether the customer marked it as a gift.
    #[serde(deserialize_with = "l::bool")]
    pub is_gift: bool,
    /// The gift message.
    #[serde(deserialize_with = "l::text")]
    pub gift_message: String,
    /// Comments visible to the customer.
    #[serde(deserialize_with = "l::text")]
    pub public_comments: String,
    /// Instructions.
    #[serde(deserialize_with = "l::text")]
    pub instructions: String,
    /// Marketing source group.
    #[serde(deserialize_with = "l::text")]
    pub source_group: String,
    /// The subscription that generated it. Orders only.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub from_subscription_id: Option<i64>,
    /// The status before the current one.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub previous_order_status_id: Option<i64>,
    /// When the status last changed.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub order_status_last_changed_at: Option<OffsetDateTime>,
    /// Shipping charged after shipping discounts.
    #[serde(with = "crate::de::decimal::required")]
    pub discounted_shipping_total: Decimal,
    /// The store's own order number, if it uses one (`""` or `null` otherwise).
    #[serde(deserialize_with = "l::text")]
    pub order_number: String,
    /// Coupon code applied.
    #[serde(deserialize_with = "l::text")]
    pub coupon_code: String,
    /// Order or quote.
    pub order_type: OrderType,
    /// When the quote expires.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub expires_at: Option<OffsetDateTime>,
    /// Whether it expires at [`expires_at`](Order::expires_at).
    #[serde(deserialize_with = "l::bool")]
    pub expires: bool,
    /// The quote it was converted from.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub from_quote_id: Option<i64>,
    /// Campaign code applied.
    #[serde(deserialize_with = "l::text")]
    pub campaign_code: String,
    /// Whether reward points were credited for it.
    #[serde(deserialize_with = "l::bool")]
    pub reward_points_credited: bool,
    /// Sales channel (`"Online"`; `""` when Spark Pay sends `null`).
    #[serde(deserialize_with = "l::text")]
    pub channel: String,
    /// Device it was placed from (`"None"`; `""` when Spark Pay sends `null`).
    #[serde(deserialize_with = "l::text")]
    pub device: String,
    /// Manufacturer's invoice number.
    #[serde(deserialize_with = "l::text")]
    pub manufacturer_invoice_number: String,
    /// Manufacturer's invoice amount.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub manufacturer_invoice_amount: Option<Decimal>,
    /// Whether the manufacturer's invoice is paid.
    #[serde(default, deserialize_with = "l::opt_bool")]
    pub manufacturer_invoice_paid: Option<bool>,
    /// The sales agent (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub sales_agent_user_id: i64,
    /// Payment due date.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub due_date: Option<OffsetDateTime>,
    /// Tax on delivery.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub delivery_tax: Option<Decimal>,
    /// The store location.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub location_id: Option<i64>,
    /// Shipping chosen per classification. Orders only.
    #[serde(default, deserialize_with = "l::list")]
    pub shipping_selections: Vec<ShippingSelection>,
    /// Who entered it (`"Customer"`). Orders only.
    #[serde(default, deserialize_with = "l::text")]
    pub entered_by_type: String,
    /// Orders this quote was converted to, as Spark Pay sends it (`"101042"`); see
    /// [`Order::converted_order_ids`]. Quotes only.
    #[serde(default, deserialize_with = "l::text")]
    pub converted_to_order_ids: String,
    /// The items, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub items: Vec<OrderItem>,
    /// The payments, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub payments: Vec<OrderPayment>,
    /// The shipments, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub shipments: Vec<OrderShipment>,
    /// The custom fields, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub custom_fields: Vec<CustomField>,
}

/// A quote: the same record as an [`Order`], with [`OrderType::Quote`].
pub type Quote = Order;

impl Order {
    /// Whether this record is a quote.
    pub fn is_quote(&self) -> bool {
        self.order_type == OrderType::Quote
    }

    /// The ids in [`converted_to_order_ids`](Order::converted_to_order_ids). The page shows a
    /// single id; several are read as separated by commas, semicolons or whitespace.
    ///
    /// # Errors
    /// When a part is not an integer.
    pub fn converted_order_ids(&self) -> Result<Vec<i64>, std::num::ParseIntError> {
        self.converted_to_order_ids
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|part| !part.is_empty())
            .map(str::parse)
            .collect()
    }
}

/// The shipping chosen for one shipping classification of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShippingSelection {
    /// The shipping classification (`""` for the default one).
    #[serde(deserialize_with = "l::text")]
    pub classification_code: String,
    /// Carrier (`"FedEx"`).
    #[serde(deserialize_with = "l::text")]
    pub shipping_provider: String,
    /// Method (`"FedEx Express Saver"`).
    #[serde(deserialize_with = "l::text")]
    pub shipping_method: String,
}

/// A line of an order or quote (the `order_items` resource).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderItem {
    /// The item's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The order or quote it belongs to.
    #[serde(deserialize_with = "l::i64")]
    pub order_id: i64,
    /// The [`Product`](crate::sparkpay::Product).
    #[serde(deserialize_with = "l::i64")]
    pub product_id: i64,
    /// The product's item number.
    #[serde(deserialize_with = "l::text")]
    pub item_number: String,
    /// The product's name.
    #[serde(deserialize_with = "l::text")]
    pub item_name: String,
    /// Unit price.
    #[serde(with = "crate::de::decimal::required")]
    pub price: Decimal,
    /// Unit cost to the seller.
    #[serde(with = "crate::de::decimal::required")]
    pub cost: Decimal,
    /// How many.
    #[serde(deserialize_with = "l::i64")]
    pub quantity: i64,
    /// Whether the line is a discount.
    #[serde(deserialize_with = "l::bool")]
    pub is_discount_item: bool,
    /// Unit weight, in [`weight_unit`](OrderItem::weight_unit).
    #[serde(with = "crate::de::decimal::required")]
    pub weight: Decimal,
    /// Whether tax applies.
    #[serde(deserialize_with = "l::bool")]
    pub is_taxable: bool,
    /// `"Lbs"`, …
    #[serde(deserialize_with = "l::text")]
    pub weight_unit: String,
    /// Whether the item ships nothing.
    #[serde(deserialize_with = "l::bool")]
    pub is_non_shipping_item: bool,
    /// The [`VariantInventory`](crate::sparkpay::VariantInventory) record, if any.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub variant_inventory_id: Option<i64>,
    /// The parent line, for a kit's child.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub parent_order_item_id: Option<i64>,
    /// Whether its quantity follows the parent's.
    #[serde(deserialize_with = "l::bool")]
    pub is_quantity_bound_to_parent: bool,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// Height, in [`size_unit`](OrderItem::size_unit).
    #[serde(default, with = "crate::de::decimal::optional")]
    pub height: Option<Decimal>,
    /// Length.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub length: Option<Decimal>,
    /// Width.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub width: Option<Decimal>,
    /// `"In"`, …
    #[serde(deserialize_with = "l::text")]
    pub size_unit: String,
    /// Tax code.
    #[serde(deserialize_with = "l::text")]
    pub tax_code: String,
    /// Item number with the variants' extensions.
    #[serde(deserialize_with = "l::text")]
    pub item_number_full: String,
    /// Comments visible to administrators.
    #[serde(deserialize_with = "l::text")]
    pub admin_comments: String,
    /// Whether discounts must not apply to it.
    #[serde(deserialize_with = "l::bool")]
    pub do_not_discount: bool,
    /// Note on the line.
    #[serde(deserialize_with = "l::text")]
    pub line_item_note: String,
    /// Where this line ships, for multi-address orders.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub order_shipping_address_id: Option<i64>,
    /// Gift message for the line.
    #[serde(deserialize_with = "l::text")]
    pub gift_message: String,
    /// Requested delivery date.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub delivery_date: Option<OffsetDateTime>,
    /// Discount amount on the line.
    #[serde(with = "crate::de::decimal::required")]
    pub discount_amount: Decimal,
    /// Discount percentage on the line.
    #[serde(with = "crate::de::decimal::required")]
    pub discount_percentage: Decimal,
    /// Whether it is a subscription product.
    #[serde(deserialize_with = "l::bool")]
    pub is_subscription_product: bool,
    /// The [`Warehouse`](crate::sparkpay::Warehouse) it ships from (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub warehouse_id: i64,
    /// Description.
    #[serde(deserialize_with = "l::text")]
    pub description: String,
    /// Tax on the line.
    #[serde(with = "crate::de::decimal::required")]
    pub tax: Decimal,
    /// Product configuration.
    #[serde(deserialize_with = "l::text")]
    pub configuration: String,
    /// The line's status, as the store defines it.
    #[serde(deserialize_with = "l::text")]
    pub status: String,
    /// Shipping classification.
    #[serde(deserialize_with = "l::text")]
    pub shipping_classification_code: String,
    /// Variants chosen (empty when Spark Pay sends `null`).
    #[serde(deserialize_with = "l::list")]
    pub variants: Vec<SelectedVariant>,
    /// Personalization answers (empty when Spark Pay sends `null`).
    #[serde(deserialize_with = "l::list")]
    pub personalizations: Vec<PersonalizationAnswer>,
}

/// A payment on an order (the `order_payments` resource): the payload of
/// [`AuthorizingPayment`](crate::sparkpay::EventType::AuthorizingPayment),
/// [`CapturingPayment`](crate::sparkpay::EventType::CapturingPayment) and
/// [`PaymentProcessed`](crate::sparkpay::EventType::PaymentProcessed).
///
/// A payment that is not by card may carry no card data, and one being authorized is not paid
/// or approved yet, so those fields are `Option`s (`""` and `null` read as `None`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderPayment {
    /// The payment's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The paying customer.
    #[serde(deserialize_with = "l::i64")]
    pub customer_id: i64,
    /// The order paid.
    #[serde(deserialize_with = "l::i64")]
    pub order_id: i64,
    /// The customer's saved payment method used.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub customer_payment_method_id: Option<i64>,
    /// The payment method (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub payment_method_id: i64,
    /// Kind of payment (`"CreditCard"`), as Spark Pay names it.
    #[serde(deserialize_with = "l::text")]
    pub payment_type: String,
    /// Whether it was approved.
    #[serde(deserialize_with = "l::bool")]
    pub is_approved: bool,
    /// Whether it was declined.
    #[serde(deserialize_with = "l::bool")]
    pub is_declined: bool,
    /// Card brand (`"Visa"`).
    #[serde(deserialize_with = "l::text")]
    pub card_type: String,
    /// Card expiry month, 1 to 12.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub card_expiration_month: Option<i64>,
    /// Card expiry year.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub card_expiration_year: Option<i64>,
    /// Name on the card.
    #[serde(deserialize_with = "l::text")]
    pub cardholder_name: String,
    /// When it was paid.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub paid_at: Option<OffsetDateTime>,
    /// When it was approved (the page sends `""` before approval).
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub approved_at: Option<OffsetDateTime>,
    /// Authorization code from the processor.
    #[serde(deserialize_with = "l::text")]
    pub authorization_code: String,
    /// Why it was declined.
    #[serde(deserialize_with = "l::text")]
    pub reject_reason: String,
    /// Address verification result.
    #[serde(deserialize_with = "l::text")]
    pub avs_code: String,
    /// Name of the payment method.
    #[serde(deserialize_with = "l::text")]
    pub payment_method_name: String,
    /// Transaction type (`"None"`), as Spark Pay names it.
    #[serde(deserialize_with = "l::text")]
    pub transaction_type: String,
    /// The amount.
    #[serde(with = "crate::de::decimal::required")]
    pub amount: Decimal,
    /// Note on the payment.
    #[serde(deserialize_with = "l::text")]
    pub payment_note: String,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// The gift certificate used.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub gift_certificate_id: Option<i64>,
    /// Whether it was captured.
    #[serde(deserialize_with = "l::bool")]
    pub is_captured: bool,
    /// Transaction id from the processor.
    #[serde(deserialize_with = "l::text")]
    pub transaction_id: String,
    /// Last four digits of the card.
    #[serde(deserialize_with = "l::text")]
    pub last_four: String,
    /// Whether it was voided.
    #[serde(deserialize_with = "l::bool")]
    pub is_void: bool,
    /// Gateway's response code.
    #[serde(deserialize_with = "l::text")]
    pub gateway_response_code: String,
    /// Card-verification response code.
    #[serde(deserialize_with = "l::text")]
    pub cvv_response_code: String,
    /// Payment reference number.
    #[serde(deserialize_with = "l::text")]
    pub payment_ref_num: String,
    /// The store payment method (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub store_method_payment_id: i64,
    /// Fields the customer filled in for the payment method, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub fields: Vec<PaymentField>,
}

/// A field the customer filled in for a payment method (`fields` of an order payment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentField {
    /// The field's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The payment.
    #[serde(deserialize_with = "l::i64")]
    pub order_payment_id: i64,
    /// Label.
    #[serde(deserialize_with = "l::text")]
    pub name: String,
    /// Input type (`"text"`).
    #[serde(rename = "type", deserialize_with = "l::text")]
    pub kind: String,
    /// The value entered.
    #[serde(deserialize_with = "l::text")]
    pub value: String,
    /// Whether the value is stored encrypted.
    #[serde(deserialize_with = "l::bool")]
    pub is_encrypted: bool,
    /// Whether the value is shown masked.
    #[serde(deserialize_with = "l::bool")]
    pub is_masked: bool,
    /// Last change.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub updated_at: Option<OffsetDateTime>,
    /// Creation.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub created_at: Option<OffsetDateTime>,
}

/// A shipment of an order (the `order_shipments` resource).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderShipment {
    /// The shipment's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The order shipped.
    #[serde(deserialize_with = "l::i64")]
    pub order_id: i64,
    /// When it shipped.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub shipped_at: Option<OffsetDateTime>,
    /// Tracking numbers, as entered.
    #[serde(deserialize_with = "l::text")]
    pub tracking_numbers: String,
    /// Tracking page.
    #[serde(deserialize_with = "l::text")]
    pub tracking_url: String,
    /// Shipping method name.
    #[serde(deserialize_with = "l::text")]
    pub shipping_method: String,
    /// Shipping method id.
    #[serde(deserialize_with = "l::i64")]
    pub shipping_method_id: i64,
    /// Number of packages.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub number_of_packages: Option<i64>,
    /// Total weight.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub total_weight: Option<Decimal>,
    /// Carrier's base shipping cost (the page sends `""` when unknown).
    #[serde(default, with = "crate::de::decimal::optional")]
    pub provider_base_shipping_cost: Option<Decimal>,
    /// Carrier's insurance cost.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub provider_insurance_cost: Option<Decimal>,
    /// Carrier's handling cost.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub provider_handling_cost: Option<Decimal>,
    /// Carrier's other charges.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub provider_other_charges: Option<Decimal>,
    /// Carrier's total cost.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub provider_total_shipping_cost: Option<Decimal>,
    /// Whether the shipment email was sent.
    #[serde(deserialize_with = "l::bool")]
    pub email_sent: bool,
    /// Comment for the store only.
    #[serde(deserialize_with = "l::text")]
    pub private_comment: String,
    /// Comment for the customer.
    #[serde(deserialize_with = "l::text")]
    pub shipping_comment: String,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// `"provider"`, …
    #[serde(deserialize_with = "l::text")]
    pub shipping_method_type: String,
    /// Name of the shipment within the order.
    #[serde(deserialize_with = "l::text")]
    pub shipment_name: String,
    /// Carrier (`"UPS"`).
    #[serde(deserialize_with = "l::text")]
    pub shipping_provider_name: String,
    /// The items shipped, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub items: Vec<ShipmentItem>,
}

/// An order item in a shipment (`items` of an order shipment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShipmentItem {
    /// The [`OrderItem`] id (not the product's).
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// How many were shipped.
    #[serde(deserialize_with = "l::i64")]
    pub quantity_shipped: i64,
    /// The product.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub product_id: Option<i64>,
    /// The product's name.
    #[serde(default, deserialize_with = "l::text")]
    pub item_name: String,
    /// The item number (sent as `item_nr`).
    #[serde(default, rename = "item_nr", deserialize_with = "l::text")]
    pub item_number: String,
}

/// An address recorded on an order (the `order_addresses` resource).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderAddress {
    /// The address's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The customer.
    #[serde(deserialize_with = "l::i64")]
    pub customer_id: i64,
    /// Company.
    #[serde(deserialize_with = "l::text")]
    pub company: String,
    /// First line.
    #[serde(deserialize_with = "l::text")]
    pub address_line_1: String,
    /// Second line.
    #[serde(deserialize_with = "l::text")]
    pub address_line_2: String,
    /// City.
    #[serde(deserialize_with = "l::text")]
    pub city: String,
    /// State name (`"Texas"`).
    #[serde(deserialize_with = "l::text")]
    pub state: String,
    /// Postal code, as text: the page sends it as a number (`77702`), which would lose the
    /// leading zeros of many codes, so it is kept as the digits received.
    #[serde(deserialize_with = "l::text")]
    pub postal_code: String,
    /// Country name.
    #[serde(deserialize_with = "l::text")]
    pub country: String,
    /// Phone.
    #[serde(deserialize_with = "l::text")]
    pub phone: String,
    /// Alternate phone.
    #[serde(deserialize_with = "l::text")]
    pub alternate_phone: String,
    /// Fax.
    #[serde(deserialize_with = "l::text")]
    pub fax: String,
    /// Comments.
    #[serde(deserialize_with = "l::text")]
    pub comments: String,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// First name.
    #[serde(deserialize_with = "l::text")]
    pub first_name: String,
    /// Last name.
    #[serde(deserialize_with = "l::text")]
    pub last_name: String,
    /// `"Default"`, …
    #[serde(deserialize_with = "l::text")]
    pub address_type: String,
    /// State code (`"TX"`).
    #[serde(deserialize_with = "l::text")]
    pub state_code: String,
    /// Country code (`"US"`).
    #[serde(deserialize_with = "l::text")]
    pub country_code: String,
}

/// An order status (the `order_statuses` resource); quotes use them too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderStatus {
    /// The status's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// Its name, as the store defines it (`"Pending Processing"`).
    #[serde(deserialize_with = "l::text")]
    pub name: String,
    /// Whether orders in it are open.
    #[serde(deserialize_with = "l::bool")]
    pub is_open: bool,
    /// Whether it means declined.
    #[serde(deserialize_with = "l::bool")]
    pub is_declined: bool,
    /// Whether it means cancelled.
    #[serde(deserialize_with = "l::bool")]
    pub is_cancelled: bool,
    /// Whether it means shipped.
    #[serde(deserialize_with = "l::bool")]
    pub is_shipped: bool,
    /// Display colour (`"#A4E065"`).
    #[serde(deserialize_with = "l::text")]
    pub color: String,
    /// Email template sent on entering it.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub email_template_id: Option<i64>,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// Whether it means fully refunded.
    #[serde(deserialize_with = "l::bool")]
    pub is_fully_refunded: bool,
    /// Whether it means partially refunded.
    #[serde(deserialize_with = "l::bool")]
    pub is_partially_refunded: bool,
    /// Whether it is a quote status.
    #[serde(deserialize_with = "l::bool")]
    pub is_quote_status: bool,
    /// Whether it means partially shipped.
    #[serde(deserialize_with = "l::bool")]
    pub is_partially_shipped: bool,
}
