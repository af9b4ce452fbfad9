//! The verify path's hand-assembled HMAC-SHA256 against the `hmac` crate, for any key (empty,
//! shorter than, equal to and longer than a block), any message, and the message cut into one
//! to three parts at any points.
//!
//! Input: `[key length, part count, cut 1 (u16 LE), cut 2 (u16 LE)]`, then the key, then the
//! message. The key length is taken modulo 201, the part count modulo 3 (plus one), the cuts
//! modulo the message length plus one; two parts use the first cut, three parts both.
//!
//! The body lives here rather than in `../targets.rs`: it needs `commerce_webhooks::fuzzing`,
//! which exists only under `--cfg fuzzing`, and `targets.rs` is also compiled on stable by
//! `tests/fuzz_corpora.rs`.

#![no_main]

use commerce_webhooks::fuzzing::hmac_sha256;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

const MAX_KEY: usize = 200;

fn reference(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&[key_len, parts, a0, a1, b0, b1], rest)) = data.split_first_chunk::<6>() else {
        return;
    };
    let key_len = usize::from(key_len) % (MAX_KEY + 1);
    let (key, message) = rest.split_at(key_len.min(rest.len()));
    let cut = |lo, hi| usize::from(u16::from_le_bytes([lo, hi])) % (message.len() + 1);
    let (one, two) = (cut(a0, a1), cut(b0, b1));

    let tag = match parts % 3 {
        0 => hmac_sha256(key, [message]),
        1 => {
            let (head, tail) = message.split_at(one);
            hmac_sha256(key, [head, tail])
        }
        _ => {
            let (head, rest) = message.split_at(one.min(two));
            let (middle, tail) = rest.split_at(one.max(two) - one.min(two));
            hmac_sha256(key, [head, middle, tail])
        }
    };
    assert_eq!(
        tag,
        reference(key, message),
        "key of {} bytes, message of {} bytes, {} part(s), cuts {one} and {two}",
        key.len(),
        message.len(),
        parts % 3 + 1,
    );
});
