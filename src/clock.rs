//! The wall clock, as the verifiers need it: whole Unix seconds.
//!
//! A timestamp is checked against a tolerance of minutes, in whole seconds, so the coarse
//! real-time clock is precise enough: it is the kernel's last tick (1 to 4 ms old), read from
//! the vDSO in a few nanoseconds, where the precise clock costs ten times as much, as much as
//! the rest of a small verify. It follows the same wall time, steps and adjustments included.
//! Elsewhere the standard clock is used.

/// Now, in Unix seconds; a clock set before 1970 reads as negative seconds.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub(crate) fn unix_now() -> i64 {
    rustix::time::clock_gettime(rustix::time::ClockId::RealtimeCoarse).tv_sec
}

/// Now, in Unix seconds; a clock set before 1970 reads as negative seconds.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub(crate) fn unix_now() -> i64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_clock_agrees_with_the_precise_one_to_the_second() {
        for _ in 0..1000 {
            let before = time::OffsetDateTime::now_utc().unix_timestamp();
            let coarse = super::unix_now();
            let after = time::OffsetDateTime::now_utc().unix_timestamp();
            // The coarse clock may lag by a tick: at most one second behind `before`.
            assert!(
                before - 1 <= coarse && coarse <= after,
                "{before} {coarse} {after}"
            );
        }
    }
}
