//! The content key of an event without an id, computed independently of the crate: `sha256:`
//! and the hex of a SHA-256 over the name's length (8 bytes, big-endian), the name and the
//! event's JSON.

use sha2::{Digest, Sha256};

pub fn digest(name: &str, event: &impl serde::Serialize) -> String {
    let mut digest = Sha256::new();
    digest.update((name.len() as u64).to_be_bytes());
    digest.update(name.as_bytes());
    digest.update(serde_json::to_vec(event).unwrap());
    format!("sha256:{}", hex::encode(digest.finalize()))
}
