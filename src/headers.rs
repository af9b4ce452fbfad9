//! [`Headers`]: read request headers from whatever a web framework hands over.

use std::collections::HashMap;
use std::hash::BuildHasher;

use crate::{HeaderLimit, VerifyError, MAX_HEADER_LEN};

/// Request headers, looked up by name without regard to ASCII case.
///
/// Implemented for arrays, slices and vectors of `(name, value)` pairs, for `HashMap`s, for
/// references to any of these, and for `http::HeaderMap` with the `http` feature. To support
/// another framework's type, implement [`Headers::values`].
///
/// A header that the crate needs and that appears twice is refused with
/// [`VerifyError::MalformedHeader`]: picking one of two would let whoever added the other
/// choose what gets checked.
///
/// ```
/// use commerce_webhooks::Headers;
///
/// let headers = [("Content-Type", "application/json"), ("X-Event-Name", "order.status")];
/// let values: Vec<&[u8]> = headers.values("x-event-name").collect();
/// assert_eq!(values, [b"order.status".as_slice()]);
/// ```
pub trait Headers {
    /// Every value of the header called `name`, compared ASCII case-insensitively, in the order
    /// received.
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a;
}

impl<T: Headers + ?Sized> Headers for &T {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        (**self).values(name)
    }
}

fn pair_values<'a, K, V>(
    pairs: impl Iterator<Item = (&'a K, &'a V)> + 'a,
    name: &'a str,
) -> impl Iterator<Item = &'a [u8]> + 'a
where
    K: AsRef<str> + ?Sized + 'a,
    V: AsRef<[u8]> + ?Sized + 'a,
{
    pairs
        .filter(move |(key, _)| key.as_ref().eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_ref())
}

impl<K: AsRef<str>, V: AsRef<[u8]>> Headers for [(K, V)] {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        pair_values(self.iter().map(|(k, v)| (k, v)), name)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>, const N: usize> Headers for [(K, V); N] {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.as_slice().values(name)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>> Headers for Vec<(K, V)> {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.as_slice().values(name)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>, S: BuildHasher> Headers for HashMap<K, V, S> {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        pair_values(self.iter(), name)
    }
}

#[cfg(feature = "http")]
impl Headers for http::HeaderMap {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        // `get_all` with a `&str` lower-cases the name, matching the map's own normalisation.
        self.get_all(name)
            .into_iter()
            .map(http::HeaderValue::as_bytes)
    }
}

/// The single value of `name`, or `None` if absent.
///
/// # Errors
/// [`VerifyError::MalformedHeader`] when the header appears more than once;
/// [`VerifyError::HeaderTooLarge`] when it is longer than [`MAX_HEADER_LEN`].
pub(crate) fn single<'a, H: Headers + ?Sized>(
    headers: &'a H,
    name: &'static str,
) -> Result<Option<&'a [u8]>, VerifyError> {
    let mut values = headers.values(name);
    let Some(first) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(VerifyError::MalformedHeader {
            header: name,
            reason: "it appears more than once; exactly one is expected",
        });
    }
    if first.len() > MAX_HEADER_LEN {
        return Err(VerifyError::HeaderTooLarge {
            header: name,
            limit: HeaderLimit::Bytes {
                len: first.len(),
                max: MAX_HEADER_LEN,
            },
        });
    }
    Ok(Some(first))
}

/// Like [`single`], but absence is [`VerifyError::MissingHeader`].
pub(crate) fn required<'a, H: Headers + ?Sized>(
    headers: &'a H,
    name: &'static str,
) -> Result<&'a [u8], VerifyError> {
    single(headers, name)?.ok_or(VerifyError::MissingHeader { header: name })
}
