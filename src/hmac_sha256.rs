//! HMAC-SHA256 (RFC 2104) for the verify path, built on `sha2`'s compression function.
//!
//! The `hmac` crate is correct and is what [`sign`](crate::scheme::timestamped::sign) and the
//! body-HMAC `sign` use. On the verify path, though, its generic layers (cloning a keyed state
//! of two buffered hashers, buffering every `update`) cost about as much as hashing a small
//! body, and verifying must stay within a few percent of a bare HMAC. This keeps only what
//! HMAC-SHA256 needs: the two chaining values after the padded key blocks, computed once per
//! secret; per request a 64-byte block for the unaligned start and the tail, and full blocks
//! compressed straight from the body. Tests compare it with the `hmac` crate for every message
//! length across several blocks and keys shorter than, equal to and longer than a block.

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
        let mut inner = Hasher::resume(self.inner);
        for part in parts {
            inner.update(part);
        }
        let inner_digest = inner.finish();
        let mut outer = Hasher::resume(self.outer);
        outer.update(&inner_digest);
        outer.finish()
    }
}

impl Drop for KeyState {
    fn drop(&mut self) {
        self.inner.zeroize();
        self.outer.zeroize();
    }
}

impl zeroize::ZeroizeOnDrop for KeyState {}

/// SHA-256 resumed after one block (the padded key), so the length counts it.
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
    #[inline]
    fn resume(state: [u32; 8]) -> Self {
        Hasher {
            state,
            block: [0; BLOCK],
            buffered: 0,
            length: BLOCK as u64,
        }
    }

    #[inline]
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

    /// Appends the padding (a one bit, zeros, the length in bits) and returns the digest.
    /// Borrows rather than consumes: moving the hasher would copy the block just written,
    /// and reading it back stalls on store forwarding.
    #[inline]
    fn finish(&mut self) -> [u8; 32] {
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
        let mut digest = [0u8; 32];
        for (bytes, word) in digest.chunks_exact_mut(4).zip(self.state) {
            bytes.copy_from_slice(&word.to_be_bytes());
        }
        digest
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
                // at a block boundary, across one.
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
