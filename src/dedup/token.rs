//! The proof that a claim is held, unique across processes without a random-number crate.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};

/// The proof that one [`claim`](super::DeliveryStore::claim) holds a key, handed back to
/// [`complete`](super::DeliveryStore::complete) or [`release`](super::DeliveryStore::release).
///
/// Opaque to callers: compare tokens, clone them, print them, but do not read meaning into
/// their text. Every token [`ClaimToken::generate`] makes is unique across claims, threads,
/// processes and machines, so a store shared by many instances (Redis) can tell a slow
/// holder's stale token from the one that holds the key now.
///
/// A store in another crate whose backend hands out tokens of its own makes one with
/// [`ClaimToken::from_text`] and stores [`ClaimToken::as_text`]; a token's text is never
/// empty, so a store may use the empty string as a marker no token can equal.
///
/// ```
/// use commerce_webhooks::dedup::ClaimToken;
///
/// let token = ClaimToken::generate();
/// assert_ne!(token, ClaimToken::generate());
/// assert_eq!(ClaimToken::from_text(token.as_text()), Some(token));
/// assert_eq!(ClaimToken::from_text(""), None);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ClaimToken(Arc<str>);

impl ClaimToken {
    /// The longest text a token may have, in bytes.
    pub const MAX_LEN: usize = 128;

    /// A new token, different from every other one made anywhere: 32 lowercase hex digits
    /// (128 bits).
    pub fn generate() -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        // Relaxed: the counter only has to hand each call a different number.
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut hasher = Sha256::new();
        hasher.update(process_seed());
        hasher.update(count.to_le_bytes());
        let digest: [u8; 32] = hasher.finalize().into();
        // Hex by hand: `hex::encode` takes twice as long as the hash, in a claim's hot path.
        let mut text = String::with_capacity(32);
        for byte in digest.iter().take(16) {
            for nibble in [byte >> 4, byte & 0x0f] {
                let digit = if nibble < 10 {
                    b'0' + nibble
                } else {
                    b'a' + nibble - 10
                };
                text.push(char::from(digit));
            }
        }
        Self(Arc::from(text))
    }

    /// The token whose text is `text`, as a store keeps it; `None` when `text` is empty,
    /// longer than [`ClaimToken::MAX_LEN`] bytes, or holds anything but visible ASCII
    /// (`!` to `~`: no spaces, no control characters).
    pub fn from_text(text: &str) -> Option<Self> {
        let valid = !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text.bytes().all(|byte| byte.is_ascii_graphic());
        valid.then(|| Self(Arc::from(text)))
    }

    /// The token's text, for a store to keep and compare.
    pub fn as_text(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ClaimToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ClaimToken").field(&self.as_text()).finish()
    }
}

/// 256 bits that differ from process to process, computed once.
///
/// Why this is enough without a random-number crate: std seeds each thread's `RandomState`
/// keys (128 bits) from the operating system's random source, so the SipHash outputs below
/// carry that entropy; the process id and the wall-clock time in nanoseconds set processes
/// apart even if that source were weak. Each token then hashes this seed with its own counter
/// value (unique within the process) through SHA-256, so two tokens collide only if two
/// processes drew the same 128-bit keys, or SHA-256 truncated to 128 bits collides.
///
/// A child forked without exec would inherit the seed and the counter, and repeat its
/// parent's tokens; a process with threads (any async runtime) cannot fork safely anyway, and
/// asking the process id per token would cost a system call per claim.
fn process_seed() -> &'static [u8; 32] {
    static SEED: OnceLock<[u8; 32]> = OnceLock::new();
    SEED.get_or_init(|| {
        let mut hasher = Sha256::new();
        for salt in 0u64..4 {
            let mut keyed = RandomState::new().build_hasher();
            keyed.write_u64(salt);
            hasher.update(keyed.finish().to_le_bytes());
        }
        hasher.update(std::process::id().to_le_bytes());
        let since_epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        hasher.update(since_epoch.as_nanos().to_le_bytes());
        hasher.finalize().into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn generated_tokens_are_distinct_across_threads() {
        let threads: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    (0..10_000)
                        .map(|_| ClaimToken::generate())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut seen = HashSet::new();
        for thread in threads {
            for token in thread.join().unwrap() {
                assert_eq!(token.as_text().len(), 32);
                assert!(seen.insert(token));
            }
        }
    }

    #[test]
    fn text_is_checked() {
        assert!(ClaimToken::from_text("a").is_some());
        assert!(ClaimToken::from_text(&"a".repeat(ClaimToken::MAX_LEN)).is_some());
        assert!(ClaimToken::from_text(&"a".repeat(ClaimToken::MAX_LEN + 1)).is_none());
        assert!(ClaimToken::from_text("with space").is_none());
        assert!(ClaimToken::from_text("new\nline").is_none());
        assert!(ClaimToken::from_text("é").is_none());
    }
}
