//! Customers, customer types and addresses.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::CustomField;
use crate::de::lenient as l;

/// A customer (the `customers` resource).
///
/// A customer who never registered (checkout without an account) has no registration or last
/// visit date, so those are `Option`s though the sample shows them set. The
/// `addresses`, `custom_fields` and `customer_additional_emails` lists are filled when Spark Pay
/// expands them, empty otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Customer {
    /// The customer's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The store's own customer number.
    #[serde(deserialize_with = "l::text")]
    pub customer_number: String,
    /// Last name.
    #[serde(deserialize_with = "l::text")]
    pub last_name: String,
    /// First name.
    #[serde(deserialize_with = "l::text")]
    pub first_name: String,
    /// Email address.
    #[serde(deserialize_with = "l::text")]
    pub email: String,
    /// Phone.
    #[serde(deserialize_with = "l::text")]
    pub phone_number: String,
    /// When they registered.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub registered_at: Option<OffsetDateTime>,
    /// Their last visit.
    #[serde(default, with = "crate::de::lenient::opt_datetime")]
    pub last_visit_at: Option<OffsetDateTime>,
    /// Ad code they arrived with.
    #[serde(deserialize_with = "l::text")]
    pub adcode: String,
    /// Id of that ad code (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub adcode_id: i64,
    /// The affiliate who referred them (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub affiliate_id: i64,
    /// Their [`CustomerType`] (0 when none).
    #[serde(deserialize_with = "l::i64")]
    pub customer_type_id: i64,
    /// Whether they are exempt from tax.
    #[serde(deserialize_with = "l::bool")]
    pub is_no_tax_customer: bool,
    /// Comments.
    #[serde(deserialize_with = "l::text")]
    pub comments: String,
    /// The store.
    #[serde(deserialize_with = "l::i64")]
    pub store_id: i64,
    /// Marketing source.
    #[serde(deserialize_with = "l::text")]
    pub source: String,
    /// Search string they arrived with.
    #[serde(deserialize_with = "l::text")]
    pub search_string: String,
    /// Whether they checked out without an account.
    #[serde(deserialize_with = "l::bool")]
    pub no_account: bool,
    /// Sales person's name.
    #[serde(deserialize_with = "l::text")]
    pub sales_person: String,
    /// Alternate phone.
    #[serde(deserialize_with = "l::text")]
    pub alternate_phone_number: String,
    /// Whether they are an affiliate.
    #[serde(deserialize_with = "l::bool")]
    pub is_affiliate_customer: bool,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
    /// Login name.
    #[serde(deserialize_with = "l::text")]
    pub username: String,
    /// Whether the record is contact information only.
    #[serde(deserialize_with = "l::bool")]
    pub is_contact_information_only: bool,
    /// Tax exemption number.
    #[serde(deserialize_with = "l::text")]
    pub tax_exemption_number: String,
    /// Company.
    #[serde(deserialize_with = "l::text")]
    pub company: String,
    /// Marketing source group.
    #[serde(deserialize_with = "l::text")]
    pub source_group: String,
    /// The sales person's user.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub sales_person_user_id: Option<i64>,
    /// Store payment methods enabled for them, by name.
    #[serde(deserialize_with = "l::list")]
    pub store_payment_methods_enabled: Vec<String>,
    /// Their own tax rate.
    #[serde(with = "crate::de::decimal::required")]
    pub tax_rate: Decimal,
    /// Whether their default address is locked.
    #[serde(deserialize_with = "l::bool")]
    pub lock_default_address: bool,
    /// Reward tier.
    #[serde(default, deserialize_with = "l::opt_i64")]
    pub reward_tier_id: Option<i64>,
    /// Payment terms, in days.
    #[serde(deserialize_with = "l::i64")]
    pub payment_net_term: i64,
    /// Credit limit.
    #[serde(with = "crate::de::decimal::required")]
    pub credit_limit: Decimal,
    /// Whether the account is inactive.
    #[serde(deserialize_with = "l::bool")]
    pub is_inactive: bool,
    /// Whether a shared credit limit applies.
    #[serde(deserialize_with = "l::bool")]
    pub use_shared_credit_limit: bool,
    /// Whether their own limit overrides the shared one.
    #[serde(deserialize_with = "l::bool")]
    pub override_shared_credit_limit: bool,
    /// Payment methods made available or not to them.
    #[serde(deserialize_with = "l::list")]
    pub customer_payment_methods_availability: Vec<PaymentMethodAvailability>,
    /// Default payment type's name.
    #[serde(deserialize_with = "l::text")]
    pub default_payment_type_name: String,
    /// Their addresses, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub addresses: Vec<Address>,
    /// Custom fields, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub custom_fields: Vec<CustomField>,
    /// Additional email addresses, when expanded.
    #[serde(default, deserialize_with = "l::list")]
    pub customer_additional_emails: Vec<AdditionalEmail>,
}

/// Whether a payment method is available to one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentMethodAvailability {
    /// The record's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The payment method.
    #[serde(deserialize_with = "l::i64")]
    pub payment_method_id: i64,
    /// The store payment method.
    #[serde(deserialize_with = "l::i64")]
    pub store_payment_method_id: i64,
    /// `"Active"`, …, as Spark Pay names it.
    #[serde(deserialize_with = "l::text")]
    pub status: String,
    /// The customer.
    #[serde(deserialize_with = "l::i64")]
    pub customer_id: i64,
}

/// An additional email address of a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AdditionalEmail {
    /// The record's id.
    #[serde(deserialize_with = "l::i64")]
    pub customer_additional_email_id: i64,
    /// The customer.
    #[serde(deserialize_with = "l::i64")]
    pub customer_id: i64,
    /// The address.
    #[serde(deserialize_with = "l::text")]
    pub email: String,
}

/// A customer type (the `customer_types` resource), such as `"Wholesale"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomerType {
    /// The type's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// Its name, as the store defines it.
    #[serde(deserialize_with = "l::text")]
    pub name: String,
    /// Its level.
    #[serde(deserialize_with = "l::i64")]
    pub customer_level: i64,
    /// Description.
    #[serde(deserialize_with = "l::text")]
    pub description: String,
    /// Last change.
    #[serde(with = "crate::de::lenient::datetime")]
    pub updated_at: OffsetDateTime,
    /// Creation.
    #[serde(with = "crate::de::lenient::datetime")]
    pub created_at: OffsetDateTime,
}

/// A customer's address (the `addresses` resource), as embedded in GetTax, GetDiscount and
/// ValidateCheckout.
///
/// Those webhooks run while the shopper is still typing: the destination of a tax or discount
/// estimate may be an address that is not saved, or only the city, state and postal code of a
/// shipping estimate. So every field may be absent: a missing `id`, customer or date is `None`,
/// missing text is `""` and a missing flag `false`. (GetDiscount also calls an item's
/// `origin_address` an address where GetTax sends a warehouse; either shape reads into this
/// type, the warehouse's `name` and `is_default` being dropped.)
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Address {
    /// The address's id, once saved.
    #[serde(deserialize_with = "l::opt_i64")]
    pub id: Option<i64>,
    /// The customer.
    #[serde(deserialize_with = "l::opt_i64")]
    pub customer_id: Option<i64>,
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
    /// Postal code, as text (numbers are kept as the digits received).
    #[serde(deserialize_with = "l::text")]
    pub postal_code: String,
    /// Country name.
    #[serde(deserialize_with = "l::text")]
    pub country: String,
    /// Whether it is the customer's default shipping address.
    #[serde(deserialize_with = "l::bool")]
    pub is_default_shipping_address: bool,
    /// Phone.
    #[serde(deserialize_with = "l::text")]
    pub phone: String,
    /// Company.
    #[serde(deserialize_with = "l::text")]
    pub company: String,
    /// Alternate phone.
    #[serde(deserialize_with = "l::text")]
    pub alternate_phone: String,
    /// Fax.
    #[serde(deserialize_with = "l::text")]
    pub fax: String,
    /// Comments.
    #[serde(deserialize_with = "l::text")]
    pub comments: String,
    /// Whether it is the customer's default billing address.
    #[serde(deserialize_with = "l::bool")]
    pub is_default_billing_address: bool,
    /// Last change.
    #[serde(with = "crate::de::lenient::opt_datetime")]
    pub updated_at: Option<OffsetDateTime>,
    /// Creation.
    #[serde(with = "crate::de::lenient::opt_datetime")]
    pub created_at: Option<OffsetDateTime>,
    /// First name.
    #[serde(deserialize_with = "l::text")]
    pub first_name: String,
    /// Last name.
    #[serde(deserialize_with = "l::text")]
    pub last_name: String,
    /// `"Default"`, …
    #[serde(deserialize_with = "l::text")]
    pub address_type: String,
}
