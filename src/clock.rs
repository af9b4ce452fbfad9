//! The wall clock, as the verifiers need it: whole Unix seconds.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, in Unix seconds; a clock set before 1970 reads as negative seconds.
pub(crate) fn unix_now() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
    }
}
