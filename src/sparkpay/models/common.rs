//! Small objects that several resources embed.

use serde::{Deserialize, Serialize};

use crate::de::lenient as l;

/// A custom field's name and the value entered for it (orders, quotes, customers, products,
/// checkout).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomField {
    /// The custom field's name.
    #[serde(deserialize_with = "l::text")]
    pub name: String,
    /// The value entered.
    #[serde(deserialize_with = "l::text")]
    pub value: String,
}

/// A variant chosen for a cart or order item (`variants` of cart items and order items).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SelectedVariant {
    /// The [`ProductVariant`](crate::sparkpay::ProductVariant) id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// Group and choice, as shown to the shopper (`"Color: Blue"`).
    #[serde(deserialize_with = "l::text")]
    pub description: String,
    /// The variant group the choice belongs to.
    #[serde(deserialize_with = "l::i64")]
    pub variant_group_id: i64,
}

/// The shopper's answer to a product personalization question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PersonalizationAnswer {
    /// The personalization question's id.
    #[serde(deserialize_with = "l::i64")]
    pub id: i64,
    /// The answer entered.
    #[serde(deserialize_with = "l::text")]
    pub answer: String,
}
