//! Status-like strings as enums that keep values the crate does not know.

/// Declares a status-like enum: the documented values as unit variants, anything else kept in
/// `Other(String)` exactly as received; serializes back to the provider's spelling.
///
/// The value is read leniently (see [`lenient::text`](crate::de::lenient::text)): a number is
/// kept as its text and `null` reads as `""`, both in `Other`.
///
/// ```text
/// string_enum! {
///     /// Docs.
///     pub enum Status {
///         /// Docs.
///         Processing = "processing",
///     }
/// }
/// ```
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )+
            /// A value this version of the crate does not know, kept exactly as received.
            Other(String),
        }

        impl $name {
            /// The value exactly as the provider spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )+
                    $name::Other(other) => other,
                }
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                match text {
                    $( $text => $name::$variant, )+
                    other => {
                        $crate::de::unknown::heard_other(concat!(module_path!(), "::", stringify!($name)));
                        $name::Other(other.to_owned())
                    }
                }
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> Self {
                match text.as_str() {
                    $( $text => $name::$variant, )+
                    _ => {
                        $crate::de::unknown::heard_other(concat!(module_path!(), "::", stringify!($name)));
                        $name::Other(text)
                    }
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::de::lenient::text(deserializer).map($name::from)
            }
        }
    };
}

pub(crate) use string_enum;
