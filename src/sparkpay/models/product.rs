//! Products, their variants, variant inventory and product statuses.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::CustomField;
use crate::de::lenient as l;

/// A product (the `products` resource).
///
/// Several flags arrive as `0`/`1` (`is_hidden`, `is_non_taxable`, …) and dimensions as `""`
/// when unset; both read as what they mean. The fields from `is_linked_product` to
/// `category_list` are newer than the page's child-products sample, which lacks them: they read
/// as empty when absent. The four fields after them are sent only for a kit's child products;
/// the lists at the end are filled when Spark Pay expands them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Product {
    /// The product's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// Item number (SKU).
    #[serde(deserialize_with = "l::text")]
    pub item_number: String,
    /// The supplier (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub supplier_id: i64,
    /// The manufacturer (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub manufacturer_id: i64,
    /// Manufacturer's part number.
    #[serde(deserialize_with = "l::text")]
    pub manufacturer_part_number: String,
    /// Primary category.
    #[serde(deserialize_with = "l::i64")]
    pub primary_category_id: i64,
    /// The current [`ProductStatus`].
    #[serde(deserialize_with = "l::i64")]
    pub product_status_id: i64,
    /// Name.
    #[serde(deserialize_with = "l::text")]
    pub item_name: String,
    /// Bullet points (HTML).
    #[serde(deserialize_with = "l::text")]
    pub bullets: String,
    /// Short description.
    #[serde(deserialize_with = "l::text")]
    pub short_description: String,
    /// Second long description (HTML).
    #[serde(deserialize_with = "l::text")]
    pub long_description_2: String,
    /// Third long description.
    #[serde(deserialize_with = "l::text")]
    pub long_description_3: String,
    /// Fourth long description.
    #[serde(deserialize_with = "l::text")]
    pub long_description_4: String,
    /// Fifth long description.
    #[serde(deserialize_with = "l::text")]
    pub long_description_5: String,
    /// Height, in [`size_unit`](Product::size_unit); the page sends `""` when unset.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub height: Option<Decimal>,
    /// Length; `""` when unset.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub length: Option<Decimal>,
    /// Width; `""` when unset.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub width: Option<Decimal>,
    /// Unit of the dimensions (`"In"`; the child products sample sends `"1"`).
    #[serde(deserialize_with = "l::text")]
    pub size_unit: String,
    /// Weight, in [`weight_unit`](Product::weight_unit).
    #[serde(with = "crate::de::decimal::required")]
    pub weight: Decimal,
    /// `"Lbs"`, …
    #[serde(deserialize_with = "l::text")]
    pub weight_unit: String,
    /// Cost to the seller.
    #[serde(with = "crate::de::decimal::required")]
    pub cost: Decimal,
    /// Price.
    #[serde(with = "crate::de::decimal::required")]
    pub price: Decimal,
    /// Retail (list) price.
    #[serde(with = "crate::de::decimal::required")]
    pub retail: Decimal,
    /// Smallest quantity per order (0 for no minimum).
    #[serde(deserialize_with = "l::i64")]
    pub minimum_quantity: i64,
    /// Largest quantity per order (0 for no maximum).
    #[serde(deserialize_with = "l::i64")]
    pub maximum_quantity: i64,
    /// Whether it is a spotlight item (sent as 0/1).
    #[serde(deserialize_with = "l::bool")]
    pub is_spotlight_item: bool,
    /// Stock.
    #[serde(deserialize_with = "l::i64")]
    pub quantity_on_hand: i64,
    /// Keywords.
    #[serde(deserialize_with = "l::text")]
    pub keywords: String,
    /// Whether tax does not apply (sent as 0/1).
    #[serde(deserialize_with = "l::bool")]
    pub is_non_taxable: bool,
    /// Whether it ships alone (sent as 0/1).
    #[serde(deserialize_with = "l::bool")]
    pub is_shipped_individually: bool,
    /// Whether it is hidden from shoppers (sent as 0/1).
    #[serde(deserialize_with = "l::bool")]
    pub is_hidden: bool,
    /// Sort position.
    #[serde(deserialize_with = "l::i64")]
    pub sort_order: i64,
    /// Kind of electronic product (`"NotAnEProduct"`), as Spark Pay names it.
    #[serde(deserialize_with = "l::text")]
    pub e_product_type: String,
    /// Download URL of an electronic product.
    #[serde(deserialize_with = "l::text")]
    pub e_product_url: String,
    /// Password of an electronic product.
    #[serde(deserialize_with = "l::text")]
    pub e_product_password: String,
    /// Expiry of the verification link.
    #[serde(deserialize_with = "l::i64")]
    pub e_product_verification_link_expiration: i64,
    /// Email used to deliver an electronic product.
    #[serde(deserialize_with = "l::text")]
    pub e_product_email: String,
    /// Whether it may be delivered more than once (sent as 0/1).
    #[serde(deserialize_with = "l::bool")]
    pub e_product_allow_multiple_deliveries: bool,
    /// The [`Warehouse`](super::Warehouse) it ships from (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub warehouse_id: i64,
    /// Whether shoppers must call for shipping (sent as 0/1).
    #[serde(deserialize_with = "l::bool")]
    pub call_for_shipping: bool,
    /// Whether shoppers must call for the price (sent as 0/1).
    #[serde(deserialize_with = "l::bool")]
    pub call_for_pricing: bool,
    /// How shipping rates are adjusted (`"AutoCalculation"`).
    #[serde(deserialize_with = "l::text")]
    pub rate_adjustment_type: String,
    /// Meta description.
    #[serde(deserialize_with = "l::text")]
    pub meta_description: String,
    /// Page title.
    #[serde(deserialize_with = "l::text")]
    pub page_title: String,
    /// Whether the product page uses tabs.
    #[serde(deserialize_with = "l::bool")]
    pub use_tabs: bool,
    /// Heading of related products.
    #[serde(deserialize_with = "l::text")]
    pub related_name: String,
    /// Whether [`use_tabs`](Product::use_tabs) overrides the theme.
    #[serde(deserialize_with = "l::bool")]
    pub override_theme_use_tabs: bool,
    /// First tab's name.
    #[serde(deserialize_with = "l::text")]
    pub long_description_tab_name_1: String,
    /// Second tab's name.
    #[serde(deserialize_with = "l::text")]
    pub long_description_tab_name_2: String,
    /// Third tab's name.
    #[serde(deserialize_with = "l::text")]
    pub long_description_tab_name_3: String,
    /// Fourth tab's name.
    #[serde(deserialize_with = "l::text")]
    pub long_description_tab_name_4: String,
    /// Fifth tab's name.
    #[serde(deserialize_with = "l::text")]
    pub long_description_tab_name_5: String,
    /// First long description (HTML).
    #[serde(deserialize_with = "l::text")]
    pub long_description_1: String,
    /// Whether it ships nothing.
    #[serde(deserialize_with = "l::bool")]
    pub is_non_shipping_item: bool,
    /// Delivery action of an electronic product (`"None"`; `""` when sent as `null`).
    #[serde(deserialize_with = "l::text")]
    pub e_product_delivery_action: String,
    /// Whether stock is kept per [`VariantInventory`].
    #[serde(deserialize_with = "l::bool")]
    pub use_variant_inventory: bool,
    /// Whether it is featured.
    #[serde(deserialize_with = "l::bool")]
    pub is_featured_item: bool,
    /// External content for the first long description.
    #[serde(deserialize_with = "l::text")]
    pub long_description_external_url_1: String,
    /// External content for the second.
    #[serde(deserialize_with = "l::text")]
    pub long_description_external_url_2: String,
    /// External content for the third.
    #[serde(deserialize_with = "l::text")]
    pub long_description_external_url_3: String,
    /// External content for the fourth.
    #[serde(deserialize_with = "l::text")]
    pub long_description_external_url_4: String,
    /// External content for the fifth.
    #[serde(deserialize_with = "l::text")]
    pub long_description_external_url_5: String,
    /// External content for the bullets.
    #[serde(deserialize_with = "l::text")]
    pub bullets_external_url: String,
    /// Store-defined flag 1.
    #[serde(deserialize_with = "l::bool")]
    pub custom_flag_1: bool,
    /// Store-defined flag 2.
    #[serde(deserialize_with = "l::bool")]
    pub custom_flag_2: bool,
    /// Store-defined flag 3.
    #[serde(deserialize_with = "l::bool")]
    pub custom_flag_3: bool,
    /// Store-defined flag 4.
    #[serde(deserialize_with = "l::bool")]
    pub custom_flag_4: bool,
    /// Store-defined flag 5.
    #[serde(deserialize_with = "l::bool")]
    pub custom_flag_5: bool,
    /// Creation (the child products sample sends `null`).
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub created_at: Option<OffsetDateTime>,
    /// Last change.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub updated_at: Option<OffsetDateTime>,
    /// Friendly URL.
    #[serde(deserialize_with = "l::text")]
    pub url_rewrite: String,
    /// Whether it is a kit.
    #[serde(deserialize_with = "l::bool")]
    pub is_kit: bool,
    /// Whether it is a kit's child.
    #[serde(deserialize_with = "l::bool")]
    pub is_child_product: bool,
    /// Whether stock is not tracked.
    #[serde(deserialize_with = "l::bool")]
    pub is_non_inventory: bool,
    /// Whether it is discontinued.
    #[serde(deserialize_with = "l::bool")]
    pub is_discontinued: bool,
    /// When it is expected back in stock.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub eta_date: Option<OffsetDateTime>,
    /// Quantity on order from the supplier.
    #[serde(deserialize_with = "l::i64")]
    pub quantity_on_order: i64,
    /// Region it is limited to.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub available_region_id: Option<i64>,
    /// Whether the whole order needs a call for shipping.
    #[serde(deserialize_with = "l::bool")]
    pub call_for_shipping_on_whole_order: bool,
    /// Whether it ships by its own classification.
    #[serde(deserialize_with = "l::bool")]
    pub break_out_shipping: bool,
    /// Shipping classification.
    #[serde(deserialize_with = "l::text")]
    pub shipping_classification_code: String,
    /// Whether the parent is hidden.
    #[serde(deserialize_with = "l::bool")]
    pub exclude_parent_from_display: bool,
    /// Whether it is drop-shipped.
    #[serde(deserialize_with = "l::bool")]
    pub drop_ship: bool,
    /// Text shown instead of a missing price.
    #[serde(deserialize_with = "l::text")]
    pub no_price_mask: String,
    /// Quantity a cart starts with.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub starting_quantity: Option<i64>,
    /// Tax code.
    #[serde(deserialize_with = "l::text")]
    pub tax_code: String,
    /// Whether minimum advertised pricing applies.
    #[serde(deserialize_with = "l::bool")]
    pub use_map_pricing: bool,
    /// Last item number used.
    #[serde(deserialize_with = "l::text")]
    pub last_item_number: String,
    /// Whether it has visible variants.
    #[serde(deserialize_with = "l::bool")]
    pub has_visible_variants: bool,
    /// Rating dimensions override.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub product_rating_dimension_group_override_id: Option<i64>,
    /// Average review rating.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub average_review_rating: Option<Decimal>,
    /// Number of reviews.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub review_count: Option<i64>,
    /// Whether kit children are hidden.
    #[serde(deserialize_with = "l::bool")]
    pub exclude_children_from_display: bool,
    /// Whether the parent's pricing applies.
    #[serde(deserialize_with = "l::bool")]
    pub use_pricing_from_parent: bool,
    /// Stock at which to warn.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub low_stock_warning_threshold: Option<i64>,
    /// Whether to warn on low stock.
    #[serde(deserialize_with = "l::bool")]
    pub enable_low_stock_warning: bool,
    /// Whether discounts must not apply.
    #[serde(deserialize_with = "l::bool")]
    pub do_not_discount: bool,
    /// Extra HTML head tags.
    #[serde(deserialize_with = "l::text")]
    pub head_tags: String,
    /// Handling fee.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub handling_fee: Option<Decimal>,
    /// Custom upsell page.
    #[serde(deserialize_with = "l::text")]
    pub custom_upsell_url: String,
    /// Serial numbers file of an electronic product.
    #[serde(deserialize_with = "l::text")]
    pub e_product_serial_number_file_path: String,
    /// Whether variant surcharges are hidden.
    #[serde(deserialize_with = "l::bool")]
    pub hide_variant_surcharges: bool,
    /// Step between allowed quantities.
    #[serde(deserialize_with = "l::i64")]
    pub quantity_increment: i64,
    /// Global trade item number.
    #[serde(deserialize_with = "l::text")]
    pub gtin: String,
    /// Message on adding to the cart.
    #[serde(deserialize_with = "l::text")]
    pub add_to_cart_message: String,
    /// Whether it is sold by subscription.
    #[serde(deserialize_with = "l::bool")]
    pub is_subscription_product: bool,
    /// Subscription frequency.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub subscription_frequency: Option<i64>,
    /// Unit of the subscription frequency.
    #[serde(deserialize_with = "l::text")]
    pub subscription_frequency_type: String,
    /// Shared username of an electronic product.
    #[serde(deserialize_with = "l::text")]
    pub e_product_generic_username: String,
    /// Shared password of an electronic product.
    #[serde(deserialize_with = "l::text")]
    pub e_product_generic_password: String,
    /// Fixed shipping charge.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub shipping_override: Option<Decimal>,
    /// Insurance cost.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub insurance_cost: Option<Decimal>,
    /// Whether affiliates earn no commission on it.
    #[serde(deserialize_with = "l::bool")]
    pub exclude_from_commissions: bool,
    /// Days before it may be ordered again.
    #[serde(deserialize_with = "l::i64")]
    pub days_until_reorder_allowed: i64,
    /// Whether it must be ordered alone.
    #[serde(deserialize_with = "l::bool")]
    pub force_separate_order: bool,
    /// Whether orders need approval.
    #[serde(deserialize_with = "l::bool")]
    pub approval_required: bool,
    /// Email template for back-in-stock notices.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub in_stock_notification_email_template_id: Option<i64>,
    /// Whether it cannot be bought with points (Spark Pay spells the field `inelligible_…`).
    #[serde(
        rename = "inelligible_for_purchase_by_points",
        deserialize_with = "l::bool"
    )]
    pub ineligible_for_purchase_by_points: bool,
    /// Whether buying it earns points.
    #[serde(deserialize_with = "l::bool")]
    pub earns_points: bool,
    /// Extra points earned.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub additional_points_earned: Option<i64>,
    /// Variable subscription types allowed.
    #[serde(deserialize_with = "l::text")]
    pub allowed_variable_subscription_types: String,
    /// Profile.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub profile_id: Option<i64>,
    /// Whether it is linked to a master product.
    #[serde(default, deserialize_with = "l::bool")]
    pub is_linked_product: bool,
    /// The master product (0 when none).
    #[serde(default, deserialize_with = "l::i64")]
    pub master_product_id: i64,
    /// Whether review requests are not sent.
    #[serde(default, deserialize_with = "l::bool")]
    pub do_not_send_review_request: bool,
    /// Position on packing slips.
    #[serde(default, deserialize_with = "l::i64")]
    pub pack_slip_sort_order: i64,
    /// Whether variants show on the parent.
    #[serde(default, deserialize_with = "l::bool")]
    pub is_enable_variants_on_parent: bool,
    /// Whether children are hidden on the parent.
    #[serde(default, deserialize_with = "l::bool")]
    pub is_hide_children_on_parent: bool,
    /// Cart product id (a GUID).
    #[serde(default, deserialize_with = "l::text")]
    pub cart_product_id: String,
    /// Configurator enabled.
    #[serde(default, deserialize_with = "l::text")]
    pub enabled_configurator: String,
    /// Material code.
    #[serde(default, deserialize_with = "l::text")]
    pub material_code: String,
    /// Product line code.
    #[serde(default, deserialize_with = "l::text")]
    pub product_line_code: String,
    /// External update date (the page sends `""`).
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub ext_update_date: Option<OffsetDateTime>,
    /// Additional attributes.
    #[serde(default, deserialize_with = "l::text")]
    pub additional_attributes: String,
    /// ShipperHQ shipping groups.
    #[serde(default, deserialize_with = "l::text")]
    pub shipper_hq_shipping_groups: String,
    /// ShipperHQ dimensional rule groups.
    #[serde(default, deserialize_with = "l::text")]
    pub shipper_hq_dimensional_rule_groups: String,
    /// ShipperHQ packing boxes.
    #[serde(default, deserialize_with = "l::text")]
    pub shipper_hq_packing_boxes: String,
    /// Freight class.
    #[serde(default, deserialize_with = "l::text")]
    pub freight_class: String,
    /// Harmonized System code.
    #[serde(default, deserialize_with = "l::text")]
    pub hs_code: String,
    /// Country of origin.
    #[serde(default, deserialize_with = "l::text")]
    pub coo: String,
    /// Harmonized Tariff Schedule code.
    #[serde(default, deserialize_with = "l::text")]
    pub hts: String,
    /// Whether it is exempt from the minimum order amount.
    #[serde(default, deserialize_with = "l::bool")]
    pub is_exempt_from_min_order_amount: bool,
    /// Categories, as text.
    #[serde(default, deserialize_with = "l::text")]
    pub category_list: String,
    /// For a kit's child: whether it is the default choice.
    #[serde(default, deserialize_with = "l::opt_bool")]
    pub is_default_child: Option<bool>,
    /// For a kit's child: whether its quantity follows the parent's.
    #[serde(default, deserialize_with = "l::opt_bool")]
    pub bind_quantity_to_parent: Option<bool>,
    /// For a kit's child: whether it is required.
    #[serde(default, deserialize_with = "l::opt_bool")]
    pub is_required: Option<bool>,
    /// For a kit's child: the quantity required.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub child_required_quantity: Option<i64>,
    /// Variants, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub variants: Vec<ProductVariant>,
    /// Variant inventory, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub variant_inventory: Vec<VariantInventory>,
    /// A kit's child products, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub child_products: Vec<Product>,
    /// Custom fields, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub custom_fields: Vec<CustomField>,
}

/// A choice within a product's variant group (the `product_variants` resource), such as the
/// colour `"Blue"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductVariant {
    /// The variant's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The product.
    #[serde(deserialize_with = "l::i64")]
    pub product_id: i64,
    /// The variant group.
    #[serde(deserialize_with = "l::i64")]
    pub variant_group_id: i64,
    /// The choice's name (`"Blue"`).
    #[serde(deserialize_with = "l::text")]
    pub description: String,
    /// Price adjustment.
    #[serde(with = "crate::de::decimal::required")]
    pub price_adjustment: Decimal,
    /// How [`price_adjustment`](ProductVariant::price_adjustment) applies (`"+ dollars"`, `"+ percent"`, `""`).
    #[serde(deserialize_with = "l::text")]
    pub price_adjustment_type: String,
    /// Sort position.
    #[serde(deserialize_with = "l::i64")]
    pub sort_order: i64,
    /// Suffix added to the item number.
    #[serde(deserialize_with = "l::text")]
    pub item_number_extension: String,
    /// Position of the suffix.
    #[serde(deserialize_with = "l::i64")]
    pub item_number_sort_order: i64,
    /// Whether it is hidden.
    #[serde(deserialize_with = "l::bool")]
    pub is_hidden: bool,
    /// Weight adjustment.
    #[serde(with = "crate::de::decimal::required")]
    pub weight: Decimal,
    /// How the weight applies (`"+"`).
    #[serde(deserialize_with = "l::text")]
    pub weight_type: String,
    /// Last change.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub updated_at: Option<OffsetDateTime>,
    /// Creation.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub created_at: Option<OffsetDateTime>,
    /// Whether it is selected by default.
    #[serde(deserialize_with = "l::bool")]
    pub is_default_selection: bool,
    /// Swatch image (`""` when sent as `null`).
    #[serde(deserialize_with = "l::text")]
    pub swatch_file: String,
    /// Swatch thumbnail.
    #[serde(deserialize_with = "l::text")]
    pub swatch_thumbnail: String,
    /// Swatch colour.
    #[serde(deserialize_with = "l::text")]
    pub swatch_thumbnail_color: String,
    /// The variant inventory record, when listed under one.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub variant_inventory_id: Option<i64>,
}

/// Stock of one combination of variants (the `variant_inventory` resource).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VariantInventory {
    /// The record's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The product.
    #[serde(deserialize_with = "l::i64")]
    pub product_id: i64,
    /// Stock.
    #[serde(deserialize_with = "l::i64")]
    pub inventory: i64,
    /// Item number of this combination.
    #[serde(deserialize_with = "l::text")]
    pub item_number: String,
    /// Manufacturer's item number.
    #[serde(deserialize_with = "l::text")]
    pub manufacturer_item_number: String,
    /// Weight.
    #[serde(with = "crate::de::decimal::required")]
    pub weight: Decimal,
    /// The [`ProductStatus`].
    #[serde(deserialize_with = "l::i64")]
    pub product_status_id: i64,
    /// Last change.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub updated_at: Option<OffsetDateTime>,
    /// Creation.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub created_at: Option<OffsetDateTime>,
    /// Low-stock warning level. The pages only ever show `null`, so its type is unknown; it is
    /// kept as the JSON received.
    #[serde(default)]
    pub low_stock_warning_at: Option<serde_json::Value>,
    /// Whether to warn on low stock.
    #[serde(deserialize_with = "l::bool")]
    pub low_stock_warning_enabled: bool,
    /// Global trade item number.
    #[serde(deserialize_with = "l::text")]
    pub gtin: String,
    /// Image.
    #[serde(deserialize_with = "l::text")]
    pub variant_inventory_image: String,
    /// Height.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub height: Option<Decimal>,
    /// Length.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub length: Option<Decimal>,
    /// Width.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub width: Option<Decimal>,
    /// Retail price.
    #[serde(default, with = "crate::de::decimal::optional")]
    pub retail: Option<Decimal>,
    /// ShipperHQ shipping groups.
    #[serde(deserialize_with = "l::text")]
    pub shipper_hq_shipping_groups: String,
    /// ShipperHQ dimensional rule groups.
    #[serde(deserialize_with = "l::text")]
    pub shipper_hq_dimensional_rule_groups: String,
    /// ShipperHQ packing boxes.
    #[serde(deserialize_with = "l::text")]
    pub shipper_hq_packing_boxes: String,
    /// The combination, as shown (`"Color: VariantTest-Red"`).
    #[serde(deserialize_with = "l::text")]
    pub description: String,
    /// The variants combined, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub variants: Vec<ProductVariant>,
}

/// A product status (the `product_statuses` resource), such as `"In Stock"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductStatus {
    /// The status's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// Its name, as the store defines it (`"In Stock"`).
    #[serde(deserialize_with = "l::text")]
    pub name: String,
    /// Shipping time frame shown (`"1-2 Business Days"`).
    #[serde(deserialize_with = "l::text")]
    pub time_frame: String,
    /// Whether products in it cannot be bought.
    #[serde(deserialize_with = "l::bool")]
    pub is_unavailable: bool,
    /// Whether products in it are hidden.
    #[serde(deserialize_with = "l::bool")]
    pub is_hidden: bool,
    /// Whether products in it are back-ordered.
    #[serde(deserialize_with = "l::bool")]
    pub is_back_ordered: bool,
    /// Whether the stock is shown.
    #[serde(deserialize_with = "l::bool")]
    pub show_quantity: bool,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
}
