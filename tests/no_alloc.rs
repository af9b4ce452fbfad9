//! A timestamped verify allocates nothing, whether it succeeds or fails.
//!
//! A global allocator counts allocations made by the current thread; the test harness's own
//! threads do not disturb the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use commerce_webhooks::scheme::timestamped::{self, Verifier};
use commerce_webhooks::Secret;
use time::OffsetDateTime;

struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards every call to the system allocator unchanged; only counts.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

fn allocations_during<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = ALLOCATIONS.with(Cell::get);
    let result = f();
    (ALLOCATIONS.with(Cell::get) - before, result)
}

#[test]
fn timestamped_verify_allocates_nothing() {
    let body = vec![b'x'; 4096];
    let t = 1_700_000_000;
    let now = OffsetDateTime::from_unix_timestamp(t).unwrap();
    let good = timestamped::sign(&Secret::new("current").unwrap(), t, &body);
    let old = timestamped::sign(&Secret::new("old").unwrap(), t, &body);
    let rotated = format!("{good},{}", &old[old.find(",v1=").unwrap() + 1..]);
    let verifier = Verifier::with_secrets(
        "LeaseCloud-Signature",
        [Secret::new("current").unwrap(), Secret::new("old").unwrap()],
    )
    .unwrap();
    let headers = [
        ("content-type", "application/json"),
        ("leasecloud-signature", rotated.as_str()),
    ];

    // Sanity check that the counter counts on this thread.
    let (counted, _) = allocations_during(|| std::hint::black_box(vec![1u8; 10]));
    assert_eq!(counted, 1);

    let (count, outcome) = allocations_during(|| verifier.verify_at(&headers, &body, now));
    assert!(outcome.is_ok());
    assert_eq!(count, 0, "a successful verify allocated");

    let (count, outcome) = allocations_during(|| verifier.verify_at(&headers, b"tampered", now));
    assert!(outcome.is_err());
    assert_eq!(count, 0, "a failed verify allocated");

    let late = OffsetDateTime::from_unix_timestamp(t + 3600).unwrap();
    let (count, outcome) = allocations_during(|| verifier.verify_at(&headers, &body, late));
    assert!(outcome.is_err());
    assert_eq!(count, 0, "a stale verify allocated");

    let (count, outcome) =
        allocations_during(|| verifier.verify_at(&[("leasecloud-signature", "t=x")], &body, now));
    assert!(outcome.is_err());
    assert_eq!(count, 0, "a malformed header allocated");
}

/// LeaseCloud's borrowed view of an order allocates for the order's box, its id and its list
/// of items, and nothing for its text; the owned event allocates for every string besides.
#[test]
fn the_borrowed_view_of_an_order_allocates_three_times() {
    use commerce_webhooks::leasecloud::{Event, EventView};
    let body: &[u8] = include_bytes!("../samples/leasecloud/order_created.json");
    let (view_allocations, view) = allocations_during(|| EventView::parse_borrowed(body));
    assert!(view.is_ok());
    let (owned_allocations, owned) = allocations_during(|| Event::parse(body));
    assert!(owned.is_ok());
    assert_eq!(view_allocations, 3, "owned: {owned_allocations}");
    assert!(owned_allocations >= 30, "{owned_allocations}");
}
