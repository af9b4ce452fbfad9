//! How an event keeps its text: owned (`String`), or borrowed from the body where the body
//! spells it without escapes (`Cow<'de, str>`). One set of models serves both, chosen by a
//! type parameter that defaults to `String`.

use std::borrow::Cow;

mod sealed {
    pub trait Sealed {}
    impl Sealed for String {}
    impl Sealed for std::borrow::Cow<'_, str> {}
}

/// The text type of an event read from a body that lives for `'de`: [`String`], which owns
/// its text, or `Cow<'de, str>`, which borrows it from the body wherever the JSON string has
/// no escape sequences and copies it only where it has (so no authentic body is refused for
/// how it spells a string).
///
/// The models whose text this chooses (for example [`leasecloud::Order`]) default to
/// `String`; [`leasecloud::EventView`] is the borrowed form. Sealed: implemented for those two
/// types only.
///
/// [`leasecloud::Order`]: crate::leasecloud::Order
/// [`leasecloud::EventView`]: crate::leasecloud::EventView
pub trait EventText<'de>: sealed::Sealed + AsRef<str> + From<String> + Sized {
    /// The text read from the body, borrowed where it can be.
    #[doc(hidden)]
    fn from_cow(text: Cow<'de, str>) -> Self;
}

impl<'de> EventText<'de> for String {
    fn from_cow(text: Cow<'de, str>) -> Self {
        text.into_owned()
    }
}

impl<'de: 'a, 'a> EventText<'de> for Cow<'a, str> {
    fn from_cow(text: Cow<'de, str>) -> Self {
        text
    }
}
