//! HMAC-SHA256 (RFC 2104) for the verify path, built on `sha2`'s compression function.
//!
//! The `hmac` crate is correct and is what [`sign`](crate::scheme::timestamped::sign) and the
//! body-HMAC `sign` use. On the verify path, though, its generic layers (cloning a keyed state
//! of two buffered hashers, buffering every `update`) cost about as much as hashing a small
//! body, and verifying must stay within a few percent of a bare HMAC. This keeps only what
//! HMAC-SHA256 needs: the two chaining values after the padded key blocks, computed once per
//! secret; per request the blocks that straddle pieces (the start, after a short prefix, and
//! the padded end) assembled before hashing begins, and full blocks compressed straight from
//! the body. Tests compare it with the `hmac` crate for every message length across several
//! blocks, for keys shorter than, equal to and longer than a block, and for prefixes on both
//! sides of a block.

use sha2::block_api::compress256;
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

/// SHA-256's block size in bytes.
const BLOCK: usize = 64;

/// SHA-256's initial chaining value (FIPS 180-4, 5.3.3).
const INITIAL_STATE: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// An HMAC-SHA256 tag.
pub(crate) type Tag = [u8; 32];

/// A key's HMAC state: SHA-256 chaining values after absorbing the key XOR `ipad` and XOR
/// `opad`. Either one lets whoever holds it forge tags, so both are wiped on drop.
#[derive(Clone)]
pub(crate) struct KeyState {
    inner: [u32; 8],
    outer: [u32; 8],
}

impl KeyState {
    /// The state for `key`, of any length (a key longer than a block is hashed first, as
    /// RFC 2104 says).
    pub(crate) fn new(key: &[u8]) -> Self {
        let mut padded = Zeroizing::new([0u8; BLOCK]);
        if key.len() > BLOCK {
            let mut digest: Zeroizing<[u8; 32]> = Zeroizing::new(Sha256::digest(key).into());
            copy_prefix(padded.as_mut_slice(), digest.as_slice());
            digest.zeroize();
        } else {
            copy_prefix(padded.as_mut_slice(), key);
        }
        let chain_after = |pad: u8| {
            let block = Zeroizing::new(padded.map(|byte| byte ^ pad));
            let mut state = INITIAL_STATE;
            compress256(&mut state, std::slice::from_ref(&*block));
            state
        };
        KeyState {
            inner: chain_after(0x36),
            outer: chain_after(0x5c),
        }
    }

    /// The tag of the concatenation of `parts`, without concatenating them.
    #[inline]
    pub(crate) fn tag<const N: usize>(&self, parts: [&[u8]; N]) -> Tag {
        // Written first, while nothing waits on it: see `Layout` for why.
        let mut outer_block = OUTER_PADDING;
        let (bulk, prefix): (&[u8], &[&[u8]]) = match parts.split_last() {
            Some((bulk, prefix)) => (bulk, prefix),
            None => (&[], &[]),
        };
        let inner_digest = match Layout::new(prefix, bulk) {
            Some(layout) => layout.digest(self.inner),
            None => streamed_digest(self.inner, &parts),
        };
        write_digest(&mut outer_block, inner_digest);
        let mut state = self.outer;
        compress256(&mut state, std::slice::from_ref(&outer_block));
        let mut tag = [0u8; 32];
        write_digest(&mut tag, state);
        tag
    }
}

/// The SHA-256 state after `parts`, streamed from `state`: the rare case [`Layout`] leaves.
#[cold]
fn streamed_digest(state: [u32; 8], parts: &[&[u8]]) -> [u32; 8] {
    let mut hasher = Hasher::resume(state);
    for part in parts {
        hasher.update(part);
    }
    hasher.finish()
}

/// The outer hash's only block after the key block: a 32-byte digest, then the padding and
/// the length (the key block and the digest, 96 bytes, in bits).
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
const OUTER_PADDING: [u8; BLOCK] = {
    let mut block = [0u8; BLOCK];
    block[32] = 0x80;
    let bits = ((BLOCK + 32) as u64 * 8).to_be_bytes();
    let mut i = 0;
    while i < 8 {
        block[BLOCK - 8 + i] = bits[i];
        i += 1;
    }
    block
};

/// Writes a SHA-256 state as its big-endian digest at the start of `target`.
#[inline]
fn write_digest(target: &mut [u8], state: [u32; 8]) {
    for (bytes, word) in target.chunks_exact_mut(4).zip(state) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
}

/// A message (after the key block) laid out as SHA-256 compresses it: a prefix shorter than a
/// block (the timestamped scheme's `t.`, or nothing) and a bulk (the body).
///
/// Every block that must be assembled from pieces (the first, when a prefix opens it; the last
/// one or two, with the padding and the length) is written before any block is compressed.
/// A block written in several small stores and then read in 16-byte loads cannot be forwarded
/// from the store buffer: the loads wait until the stores reach the cache. Assembled just
/// before its compression, such a block stalls the hash for about 20 ns, a tenth of a small
/// verify; written up front, its stores drain while earlier blocks are compressed.
struct Layout<'a> {
    /// The prefix and the bulk's first bytes, when a prefix opens a message of a block or more.
    head: Option<[u8; BLOCK]>,
    /// Whole blocks of the bulk, hashed where they lie.
    middle: &'a [[u8; BLOCK]],
    /// What is left, the padding and the length: one block, or two when the length does not
    /// fit after what is left.
    tail: [u8; 2 * BLOCK],
    tail_blocks: usize,
}

impl<'a> Layout<'a> {
    /// The layout of `prefix` then `bulk`; `None` for a prefix of a block or more, which the
    /// streaming [`Hasher`] takes instead.
    #[inline]
    fn new(prefix: &[&[u8]], bulk: &'a [u8]) -> Option<Self> {
        let prefix_len = prefix.iter().map(|part| part.len()).sum::<usize>();
        if prefix_len >= BLOCK {
            return None;
        }
        let message_len = prefix_len + bulk.len();
        let mut head = None;
        let mut tail = [0u8; 2 * BLOCK];
        let mut tail_len = 0;
        let after_head = if prefix_len > 0 && message_len >= BLOCK {
            let (opening, after) = bulk.split_at(BLOCK - prefix_len);
            let block = head.insert([0u8; BLOCK]);
            let written = write_parts(block, prefix);
            copy_prefix(block.get_mut(written..).unwrap_or_default(), opening);
            after
        } else {
            // No prefix, or a message shorter than a block: whatever prefix there is opens
            // the tail.
            tail_len = write_parts(&mut tail, prefix);
            bulk
        };
        let (middle, rest) = after_head.as_chunks::<BLOCK>();
        copy_prefix(tail.get_mut(tail_len..).unwrap_or_default(), rest);
        tail_len += rest.len();
        // `tail_len` is below a block here: a marker byte, then the length if 8 bytes fit.
        if let Some(marker) = tail.get_mut(tail_len) {
            *marker = 0x80;
        }
        let tail_blocks = if tail_len < BLOCK - 8 { 1 } else { 2 };
        // The key block counts; a message of 2^61 bytes cannot exist in memory.
        let bits = ((BLOCK + message_len) as u64).wrapping_mul(8);
        if let Some(length) = tail
            .get_mut(..tail_blocks * BLOCK)
            .and_then(|t| t.last_chunk_mut::<8>())
        {
            *length = bits.to_be_bytes();
        }
        Some(Layout {
            head,
            middle,
            tail,
            tail_blocks,
        })
    }

    /// The SHA-256 state after compressing the layout's blocks from `state`.
    #[inline]
    fn digest(&self, mut state: [u32; 8]) -> [u32; 8] {
        if let Some(head) = &self.head {
            compress256(&mut state, std::slice::from_ref(head));
        }
        if !self.middle.is_empty() {
            compress256(&mut state, self.middle);
        }
        let (tail, _) = self.tail.as_chunks::<BLOCK>();
        compress256(&mut state, tail.get(..self.tail_blocks).unwrap_or_default());
        state
    }
}

/// Writes `parts` one after another at the start of `target`; returns how many bytes.
#[inline]
fn write_parts(target: &mut [u8], parts: &[&[u8]]) -> usize {
    parts.iter().fold(0, |at, part| {
        copy_prefix(target.get_mut(at..).unwrap_or_default(), part);
        at + part.len()
    })
}

impl Drop for KeyState {
    fn drop(&mut self) {
        self.inner.zeroize();
        self.outer.zeroize();
    }
}

impl zeroize::ZeroizeOnDrop for KeyState {}

/// SHA-256 resumed after one block (the padded key), so the length counts it, taking the
/// message in pieces of any length: for a prefix of a block or more, which [`Layout`] leaves
/// to it (only a timestamp written with dozens of leading zeros is that long).
///
/// Not wiped on drop: its chaining value starts as a copy of the key state but the first
/// compression overwrites it in place, and every later value depends on the message; the
/// block holds only message bytes. What is left when it drops cannot make a tag for another
/// message.
struct Hasher {
    state: [u32; 8],
    block: [u8; BLOCK],
    /// Bytes waiting in `block`, always below [`BLOCK`].
    buffered: usize,
    /// Bytes absorbed, the key block included.
    length: u64,
}

impl Hasher {
    fn resume(state: [u32; 8]) -> Self {
        Hasher {
            state,
            block: [0; BLOCK],
            buffered: 0,
            length: BLOCK as u64,
        }
    }

    fn update(&mut self, mut data: &[u8]) {
        // A message of 2^61 bytes cannot exist in memory, so this does not wrap in practice.
        self.length = self.length.wrapping_add(data.len() as u64);
        if self.buffered > 0 {
            let free = self.block.get_mut(self.buffered..).unwrap_or_default();
            let taken = free.len().min(data.len());
            let (now, rest) = data.split_at(taken);
            copy_prefix(free, now);
            self.buffered += taken;
            data = rest;
            if self.buffered < BLOCK {
                return;
            }
            compress256(&mut self.state, std::slice::from_ref(&self.block));
            self.buffered = 0;
        }
        // Whole blocks are hashed where they lie: no copy of the body.
        let (blocks, rest) = data.as_chunks::<BLOCK>();
        if !blocks.is_empty() {
            compress256(&mut self.state, blocks);
        }
        copy_prefix(&mut self.block, rest);
        self.buffered = rest.len();
    }

    /// Appends the padding (a one bit, zeros, the length in bits) and returns the final
    /// state.
    fn finish(&mut self) -> [u32; 8] {
        let bits = self.length.wrapping_mul(8);
        let free = self.block.get_mut(self.buffered..).unwrap_or_default();
        if let Some((marker, zeros)) = free.split_first_mut() {
            *marker = 0x80;
            zeros.fill(0);
        }
        // The 8-byte length must fit after the marker, else it goes in a block of its own.
        if self.buffered + 1 > BLOCK - 8 {
            compress256(&mut self.state, std::slice::from_ref(&self.block));
            self.block = [0; BLOCK];
        }
        if let Some(length) = self.block.last_chunk_mut::<8>() {
            *length = bits.to_be_bytes();
        }
        compress256(&mut self.state, std::slice::from_ref(&self.block));
        self.state
    }
}

/// Copies `source` to the start of `target`, which the callers size to fit.
#[inline]
fn copy_prefix(target: &mut [u8], source: &[u8]) {
    if let Some(start) = target.get_mut(..source.len()) {
        start.copy_from_slice(source);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::{Hmac, KeyInit, Mac};

    fn reference(key: &[u8], parts: &[&[u8]]) -> Tag {
        let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
        for part in parts {
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    }

    proptest::proptest! {
        #[test]
        fn matches_the_hmac_crate_for_any_key_and_split(
            key in proptest::collection::vec(proptest::num::u8::ANY, 1..200),
            message in proptest::collection::vec(proptest::num::u8::ANY, 0..400),
            first in 0usize..400,
            second in 0usize..400,
        ) {
            let first = first.min(message.len());
            let second = second.clamp(first, message.len());
            let (head, rest) = message.split_at(first);
            let (middle, tail) = rest.split_at(second - first);
            proptest::prop_assert_eq!(
                KeyState::new(&key).tag([head, middle, tail]),
                reference(&key, &[&message])
            );
        }
    }

    #[test]
    fn rfc_4231_test_case_2() {
        let tag = KeyState::new(b"Jefe").tag([b"what do ya want ", b"for nothing?"]);
        assert_eq!(
            hex::encode(tag),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn matches_the_hmac_crate_across_block_boundaries() {
        let data: Vec<u8> = (0..=255u8).cycle().take(300).collect();
        for key_len in [1, 20, 63, 64, 65, 131] {
            let key: Vec<u8> = (0..key_len).map(|i| (i * 7 + 3) as u8).collect();
            let state = KeyState::new(&key);
            for len in 0..data.len() {
                let message = &data[..len];
                let expected = reference(&key, &[message]);
                assert_eq!(state.tag([message]), expected, "key {key_len}, len {len}");
                // The same message split at every kind of point: inside the first block,
                // at a block boundary, across one. A prefix under a block is laid out, one of
                // a block or more is streamed: both are covered.
                for split in [0, 1, 11, 55, 56, 63, 64, 65, 128]
                    .into_iter()
                    .filter(|&s| s <= len)
                {
                    let (head, tail) = message.split_at(split);
                    assert_eq!(state.tag([head, b"", tail]), expected, "split {split}");
                }
            }
        }
    }
}
