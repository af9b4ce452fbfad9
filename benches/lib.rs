//! Shared by the benches: where criterion writes its estimates in this workspace.

use std::path::{Path, PathBuf};

/// Criterion's output directory, resolved as criterion does (less its `cargo metadata`
/// step): `CRITERION_HOME`, else `criterion` under `CARGO_TARGET_DIR`, else under the
/// workspace's `target`.
pub fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        PathBuf::from(home)
    } else if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        PathBuf::from(target).join("criterion")
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion")
    }
}
