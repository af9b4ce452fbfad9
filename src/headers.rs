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

    /// Every value of a header the crate reads, by a name prepared in advance. The default
    /// calls [`Headers::values`]; header maps that index by their own name type (`http`,
    /// actix-web) look the prepared name up directly instead of parsing the text on every
    /// request.
    #[doc(hidden)]
    fn values_of<'a>(&'a self, key: &'a HeaderKey) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.values(key.name())
    }
}

impl<T: Headers + ?Sized> Headers for &T {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        (**self).values(name)
    }

    fn values_of<'a>(&'a self, key: &'a HeaderKey) -> impl Iterator<Item = &'a [u8]> + 'a {
        (**self).values_of(key)
    }
}

/// The name of a header the crate reads, with the forms that header maps index by computed
/// once. Only the crate builds these; it is public because [`Headers::values_of`] names it.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct HeaderKey {
    name: &'static str,
    #[cfg(feature = "http")]
    http: http::HeaderName,
    #[cfg(feature = "actix-web")]
    actix: actix_web::http::header::HeaderName,
}

impl HeaderKey {
    /// `name` as the provider spells it; `lowercase` the same in lower case, as header maps
    /// store it. Keys are built in `static`s, so a mismatch fails the build.
    pub(crate) const fn new(name: &'static str, lowercase: &'static str) -> Self {
        assert!(
            is_lowercase_of(name.as_bytes(), lowercase.as_bytes()),
            "a header key's lower-case form must be its name in lower case"
        );
        HeaderKey {
            name,
            #[cfg(feature = "http")]
            http: http::HeaderName::from_static(lowercase),
            #[cfg(feature = "actix-web")]
            actix: actix_web::http::header::HeaderName::from_static(lowercase),
        }
    }

    /// The header's name as the provider spells it.
    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// Whether `lowercase` is `name` with its ASCII letters in lower case (a `const fn`, for the
/// keys' `static`s).
const fn is_lowercase_of(mut name: &[u8], mut lowercase: &[u8]) -> bool {
    loop {
        match (name, lowercase) {
            ([n, name_rest @ ..], [l, lower_rest @ ..]) => {
                if n.to_ascii_lowercase() != *l {
                    return false;
                }
                name = name_rest;
                lowercase = lower_rest;
            }
            ([], []) => return true,
            _ => return false,
        }
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

    fn values_of<'a>(&'a self, key: &'a HeaderKey) -> impl Iterator<Item = &'a [u8]> + 'a {
        // The map hashes a custom name with FNV, one dependent multiplication per byte (25 to
        // 35 ns for a 20-byte name); comparing it with each name of a small map costs less:
        // most names differ in kind (standard or custom) or length at the first check.
        let small = self.len() <= SCANNED_UP_TO;
        let scanned = small.then(|| {
            self.iter()
                .filter(|(name, _)| **name == key.http)
                .map(|(_, value)| value.as_bytes())
        });
        let looked_up = (!small).then(|| {
            self.get_all(&key.http)
                .into_iter()
                .map(http::HeaderValue::as_bytes)
        });
        scanned
            .into_iter()
            .flatten()
            .chain(looked_up.into_iter().flatten())
    }
}

/// Up to how many values an `http::HeaderMap` is scanned rather than looked up: below about
/// a dozen a scan is the faster of the two here.
#[cfg(feature = "http")]
const SCANNED_UP_TO: usize = 8;

#[cfg(feature = "actix-web")]
impl Headers for actix_web::http::header::HeaderMap {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.get_all(name)
            .map(actix_web::http::header::HeaderValue::as_bytes)
    }

    fn values_of<'a>(&'a self, key: &'a HeaderKey) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.get_all(&key.actix)
            .map(actix_web::http::header::HeaderValue::as_bytes)
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
    only_value(headers.values(name), name)
}

/// [`single`] by a prepared [`HeaderKey`].
pub(crate) fn single_of<'a, H: Headers + ?Sized>(
    headers: &'a H,
    key: &'a HeaderKey,
) -> Result<Option<&'a [u8]>, VerifyError> {
    only_value(headers.values_of(key), key.name())
}

fn only_value<'a>(
    mut values: impl Iterator<Item = &'a [u8]>,
    name: &'static str,
) -> Result<Option<&'a [u8]>, VerifyError> {
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

#[cfg(test)]
mod tests {
    use super::is_lowercase_of;

    /// Small maps are scanned and larger ones looked up: both must find exactly what the
    /// map holds under the name, once, twice or not at all, whatever else it holds.
    #[cfg(feature = "http")]
    #[test]
    fn a_header_map_is_read_the_same_scanned_or_looked_up() {
        use super::{single, single_of, HeaderKey, SCANNED_UP_TO};
        use crate::VerifyError;

        let key = HeaderKey::new("LeaseCloud-Signature", "leasecloud-signature");
        for others in 0..=2 * SCANNED_UP_TO {
            for copies in 0..=2 {
                let mut map = http::HeaderMap::new();
                for other in 0..others {
                    let name = format!("x-other-{other}");
                    map.insert(
                        http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                        http::HeaderValue::from_static("other"),
                    );
                }
                // A name of the same length, and a standard one, beside it.
                map.insert("leasecloud-signaturx", "near".parse().unwrap());
                map.insert(
                    http::header::CONTENT_TYPE,
                    "application/json".parse().unwrap(),
                );
                for copy in 0..copies {
                    map.append("leasecloud-signature", format!("v{copy}").parse().unwrap());
                }
                let by_key = single_of(&map, &key);
                let by_text = single(&map, "LeaseCloud-Signature");
                match copies {
                    0 => assert_eq!(by_key.unwrap(), None),
                    1 => assert_eq!(by_key.unwrap(), Some(b"v0".as_slice())),
                    _ => assert!(matches!(by_key, Err(VerifyError::MalformedHeader { .. }))),
                }
                assert_eq!(
                    format!("{:?}", single_of(&map, &key)),
                    format!("{by_text:?}"),
                    "{others} others, {copies} copies"
                );
            }
        }
    }

    #[test]
    fn a_key_is_checked_to_be_its_name_in_lower_case() {
        assert!(is_lowercase_of(
            b"LeaseCloud-Signature",
            b"leasecloud-signature"
        ));
        assert!(is_lowercase_of(b"x-signature", b"x-signature"));
        assert!(!is_lowercase_of(
            b"LeaseCloud-Signature",
            b"leasecloud-signaturf"
        ));
        assert!(!is_lowercase_of(b"X-Event-Name", b"x-event-nam"));
        assert!(!is_lowercase_of(b"X-Event-Name", b"x-event-secret"));
    }
}
