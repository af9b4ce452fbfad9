//! The inspector example explains its built-in sample: a body that gained a trailing newline.

#[path = "../examples/inspect.rs"]
#[allow(dead_code)]
mod inspect;

#[test]
fn the_sample_is_diagnosed_as_a_mangled_body_matching_the_second_secret() {
    let report = inspect::inspect(&inspect::sample().unwrap());
    assert!(
        report.contains("✓ `LeaseCloud-Signature` parses: t=1700000000"),
        "{report}"
    );
    assert!(report.contains("1 v1 signature(s)"), "{report}");
    assert!(
        report.contains("signed 42 s before now (tolerance ±300 s)"),
        "{report}"
    );
    assert!(
        report.contains("✗ no signature matches the body under any of the 2 secret(s)"),
        "{report}"
    );
    assert!(
        report.contains("but it matches secret #2 once the body has its trailing newline removed"),
        "{report}"
    );
    assert!(!report.contains("whsec_"), "a secret was printed: {report}");
}
