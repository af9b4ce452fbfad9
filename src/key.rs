//! Idempotency keys: what makes one, and how long one may be.

use std::borrow::Cow;

use sha2::{Digest, Sha256};

/// The longest [`WebhookEvent::idempotency_key`](crate::WebhookEvent::idempotency_key), in bytes.
pub const MAX_IDEMPOTENCY_KEY_LEN: usize = 128;

/// `key` when it fits in [`MAX_IDEMPOTENCY_KEY_LEN`] bytes, else `sha256:` and the hex of its
/// SHA-256 (71 bytes).
pub(crate) fn bounded_key(key: Cow<'_, str>) -> Cow<'_, str> {
    if key.len() <= MAX_IDEMPOTENCY_KEY_LEN {
        return key;
    }
    Cow::Owned(format!(
        "sha256:{}",
        hex::encode(Sha256::digest(key.as_bytes()))
    ))
}

/// The idempotency key of an event that has no id: `sha256:` and the hex of a SHA-256 over the
/// event's name and its typed content as the crate serializes it. It tells apart any two events
/// that differ in a value the crate reads, is the same for a retry, and never holds body text,
/// so it can be logged. A [`Delivery`](crate::Delivery)'s key also covers what the crate does not read.
pub(crate) fn content_key<T: serde::Serialize + ?Sized>(
    name: &str,
    content: &T,
) -> Cow<'static, str> {
    let mut digest = Sha256::new();
    digest.update((name.len() as u64).to_be_bytes());
    digest.update(name.as_bytes());
    // Serializing the crate's typed values cannot fail; if it ever did, the name alone would
    // still key the event.
    let _ = serde_json::to_writer(DigestWriter(&mut digest), content);
    Cow::Owned(format!("sha256:{}", hex::encode(digest.finalize())))
}

/// Feeds what serde_json writes to a digest, without a buffer.
struct DigestWriter<'d>(&'d mut Sha256);

impl std::io::Write for DigestWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whether `id` can name an event: a blank one would give every event that has one the same
/// idempotency key, and a duplicate guard would then drop all but the first.
#[inline]
pub(crate) fn is_usable_id(id: &str) -> bool {
    // Nearly every id starts with a visible ASCII character: that settles it.
    let visible = |byte: &u8| byte.is_ascii() && !byte.is_ascii_whitespace();
    id.as_bytes().first().is_some_and(visible) || !id.trim().is_empty()
}
