//! Stores, warehouses and regions.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::de::lenient as l;

/// A store (the `stores` resource).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Store {
    /// The store's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// Name.
    #[serde(deserialize_with = "l::text")]
    pub name: String,
    /// Domain.
    #[serde(deserialize_with = "l::text")]
    pub domain_name: String,
    /// Contact email.
    #[serde(deserialize_with = "l::text")]
    pub email: String,
    /// Keywords.
    #[serde(deserialize_with = "l::text")]
    pub keywords: String,
    /// Description.
    #[serde(deserialize_with = "l::text")]
    pub description: String,
    /// First address line.
    #[serde(deserialize_with = "l::text")]
    pub address_line_1: String,
    /// Second address line.
    #[serde(deserialize_with = "l::text")]
    pub address_line_2: String,
    /// City.
    #[serde(deserialize_with = "l::text")]
    pub city: String,
    /// State name.
    #[serde(deserialize_with = "l::text")]
    pub state: String,
    /// Country name.
    #[serde(deserialize_with = "l::text")]
    pub country: String,
    /// Postal code, as text.
    #[serde(deserialize_with = "l::text")]
    pub postal_code: String,
    /// Phone.
    #[serde(deserialize_with = "l::text")]
    pub phone: String,
    /// Fax.
    #[serde(deserialize_with = "l::text")]
    pub fax: String,
    /// Whether the whole catalog is available.
    #[serde(deserialize_with = "l::bool")]
    pub all_catalog: bool,
    /// Whether it is a micro store.
    #[serde(deserialize_with = "l::bool")]
    pub is_micro_store: bool,
    /// The parent store (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub parent_store_id: i64,
    /// Company.
    #[serde(deserialize_with = "l::text")]
    pub company_name: String,
    /// Billing contact's first name.
    #[serde(deserialize_with = "l::text")]
    pub billing_first_name: String,
    /// Billing contact's last name.
    #[serde(deserialize_with = "l::text")]
    pub billing_last_name: String,
    /// Technical contact's first name.
    #[serde(deserialize_with = "l::text")]
    pub tech_first_name: String,
    /// Technical contact's last name.
    #[serde(deserialize_with = "l::text")]
    pub tech_last_name: String,
    /// Technical contact's email.
    #[serde(deserialize_with = "l::text")]
    pub tech_email: String,
    /// Whether the technical contact is the billing contact.
    #[serde(deserialize_with = "l::bool")]
    pub tech_same_as_billing: bool,
    /// Profile.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub profile_id: Option<i64>,
    /// Logo.
    #[serde(deserialize_with = "l::text")]
    pub store_logo: String,
    /// Image.
    #[serde(deserialize_with = "l::text")]
    pub store_image: String,
    /// Average testimonial rating.
    #[serde(with = "crate::de::decimal::required")]
    pub average_testimonial_rating: Decimal,
    /// Number of testimonials.
    #[serde(deserialize_with = "l::i64")]
    pub testimonial_count: i64,
}

/// A warehouse (the `warehouses` resource): the `origin_address` of a GetTax item.
///
/// Everything but the id may be absent and reads as empty, as for an
/// [`Address`](crate::sparkpay::Address): the pages do not say what Spark Pay sends for an item
/// that ships from no particular warehouse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Warehouse {
    /// The warehouse's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// Name.
    #[serde(default, deserialize_with = "l::text")]
    pub name: String,
    /// City.
    #[serde(default, deserialize_with = "l::text")]
    pub city: String,
    /// State name.
    #[serde(default, deserialize_with = "l::text")]
    pub state: String,
    /// Country name.
    #[serde(default, deserialize_with = "l::text")]
    pub country: String,
    /// Postal code, as text.
    #[serde(default, deserialize_with = "l::text")]
    pub postal_code: String,
    /// Whether it is the store's default warehouse.
    #[serde(default, deserialize_with = "l::bool")]
    pub is_default: bool,
    /// Contact email.
    #[serde(default, deserialize_with = "l::text")]
    pub email: String,
    /// First line.
    #[serde(default, deserialize_with = "l::text")]
    pub address_line_1: String,
    /// Second line.
    #[serde(default, deserialize_with = "l::text")]
    pub address_line_2: String,
    /// Carrier account number.
    #[serde(default, deserialize_with = "l::text")]
    pub account_number: String,
    /// Last change.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub updated_at: Option<OffsetDateTime>,
    /// Creation.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub created_at: Option<OffsetDateTime>,
}

/// A shipping or tax region (the `regions` resource).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Region {
    /// The region's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// Postal codes it covers.
    #[serde(default, deserialize_with = "l::list")]
    pub postal_codes: Vec<String>,
    /// Name.
    #[serde(deserialize_with = "l::text")]
    pub name: String,
    /// States it covers.
    #[serde(default, deserialize_with = "l::list")]
    pub states: Vec<String>,
    /// Countries it covers.
    #[serde(default, deserialize_with = "l::list")]
    pub countries: Vec<String>,
    /// How [`markup_amount`](Region::markup_amount) applies (`"Percent"`).
    #[serde(deserialize_with = "l::text")]
    pub markup_type: String,
    /// Markup.
    #[serde(with = "crate::de::decimal::required")]
    pub markup_amount: Decimal,
    /// Sort position.
    #[serde(deserialize_with = "l::i64")]
    pub sort_order: i64,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// What it is defined by (`"Country"`).
    #[serde(deserialize_with = "l::text")]
    pub region_type: String,
    /// Country of [`postal_codes`](Region::postal_codes).
    #[serde(default, deserialize_with = "l::opt_text")]
    pub postal_code_country: Option<String>,
    /// Whether it is a shipping region.
    #[serde(deserialize_with = "l::bool")]
    pub is_shipping_region: bool,
    /// Whether it is a tax region.
    #[serde(deserialize_with = "l::bool")]
    pub is_tax_region: bool,
}
