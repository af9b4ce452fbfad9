//! The inspector example: its diagnoses, its reading of raw captures, and its command line.

#[path = "../examples/inspect.rs"]
#[allow(dead_code)]
mod inspect;

#[test]
fn the_sample_is_a_body_with_an_added_newline_matching_secret_1_of_2() {
    let report = inspect::inspect(&inspect::sample().unwrap());
    assert!(
        report.contains("✓ `LeaseCloud-Signature` parses: t=1700000000"),
        "{report}"
    );
    assert!(report.contains("1 v1 signature(s)"), "{report}");
    assert!(
        report.contains("✓ within the default tolerance: signed 42 s before now"),
        "{report}"
    );
    assert!(
        report.contains("✗ no signature matches the body under any of the 2 secret(s)"),
        "{report}"
    );
    assert!(
        report.contains(
            "✓ but it matches secret #1 of 2 once the body has its trailing newline removed"
        ),
        "{report}"
    );
    assert!(report.contains("a trailing newline was added"), "{report}");
    assert!(!report.contains("#2"), "numbered from 1: {report}");
    assert!(!report.contains("whsec_"), "a secret was printed: {report}");
}
