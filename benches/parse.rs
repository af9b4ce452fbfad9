//! Parsing each provider's sample into the crate's event, beside two references in the same
//! run:
//!
//! - `serde_json` into `serde::de::IgnoredAny`: the floor, scanning the same JSON and keeping
//!   nothing;
//! - `serde_json` into `serde_json::Value`: what an untyped receiver pays;
//! - for LeaseCloud, `serde_json` into a plain `#[derive(Deserialize)]` mirror of the event
//!   (every text a `String`, dates left as text, no lenient decoding, no validation): the
//!   practical ceiling for any parse into owned types, since it makes the same allocations;
//!   and the crate's borrowed [`leasecloud::EventView`], what the `VerifiedRequest` extractors
//!   hand a handler.
//!
//! Targets: the crate within 4× the floor, and at least 2× faster than `Value`; the borrowed
//! view within 2.2× the floor. After the
//! criterion run the ratios are printed twice: from criterion's mean estimates, and from a
//! short interleaved run (best of many alternating batches), which a busy machine distorts
//! far less than measurements taken one after the other.
//!
//! `cargo bench --bench parse`. To add a provider: write one more `fn … -> Case` and list it
//! in [`CASES`].

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use commerce_webhooks::{ezq, leasecloud};
use criterion::{Criterion, Throughput};

/// One parse benchmark: a body and the crate's parser for it.
struct Case {
    /// The criterion group name (also its directory under `target/criterion`).
    name: &'static str,
    body: &'static [u8],
    /// Parses `body` with the crate, hands the result to `black_box` and says whether it
    /// parsed.
    parse: ParseFn,
    /// Other parsers of the same body, measured beside the crate's: a plain derived mirror,
    /// a borrowed view. Each is a criterion id and the parser.
    others: &'static [(&'static str, ParseFn)],
}

/// Parses a body, hands the result to `black_box` and says whether it parsed.
type ParseFn = fn(&[u8]) -> bool;

/// Every case, run in this order.
const CASES: &[fn() -> Case] = &[leasecloud_order_created, ezq_order];

/// LeaseCloud's `order.created` sample (about 1.5 KiB): one whole order.
fn leasecloud_order_created() -> Case {
    Case {
        name: "leasecloud_order_created",
        body: include_bytes!("../samples/leasecloud/order_created.json"),
        parse: |body| black_box(leasecloud::Event::parse(body)).is_ok(),
        others: &[
            (PLAIN_DERIVE, |body| {
                let text = std::str::from_utf8(body).ok();
                black_box(text.and_then(|text| serde_json::from_str::<mirror::Envelope>(text).ok()))
                    .is_some()
            }),
            (BORROWED, |body| {
                black_box(leasecloud::EventView::parse_borrowed(body)).is_ok()
            }),
        ],
    }
}

/// LeaseCloud's event as a plain serde model: what `#[derive(Deserialize)]` gives with no
/// lenient fields, no dates, no dispatch.
mod mirror {
    #![allow(dead_code)]
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct Envelope {
        id: String,
        action: String,
        data: Order,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Order {
        id: String,
        org_number: Option<String>,
        status: String,
        total_amount: i64,
        #[serde(rename = "VAT")]
        vat: i64,
        shipping_amount: i64,
        #[serde(rename = "shippingVAT")]
        shipping_vat: i64,
        currency: String,
        months: u32,
        billing: Address,
        shipping: Option<Address>,
        items: Vec<Item>,
        created_at: String,
        updated_at: String,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Address {
        first_name: Option<String>,
        last_name: Option<String>,
        email: Option<String>,
        phone: Option<String>,
        company: Option<String>,
        address: Option<String>,
        address2: Option<String>,
        city: Option<String>,
        state: Option<String>,
        postal_code: Option<String>,
        country: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Item {
        name: String,
        product_id: String,
        article_nr: Option<String>,
        quantity: u32,
        unit_amount: i64,
        total_amount: i64,
        #[serde(rename = "VAT")]
        vat: i64,
    }
}

/// EZQ's page sample: one marketplace order.
fn ezq_order() -> Case {
    Case {
        name: "ezq_order",
        body: include_bytes!("../samples/ezq/order_marketplace_confirmed.json"),
        parse: |body| black_box(ezq::Event::parse(body)).is_ok(),
        others: &[],
    }
}

const FLOOR: &str = "serde_json_ignored_any";
const VALUE: &str = "serde_json_value";
const CRATE: &str = "commerce_webhooks";
const PLAIN_DERIVE: &str = "plain_derive_mirror";
const BORROWED: &str = "commerce_webhooks_borrowed";

/// Ratio targets: the crate's time over the floor's, and `Value`'s time over the crate's.
const MAX_OVER_FLOOR: f64 = 4.0;
const MIN_UNDER_VALUE: f64 = 2.0;
/// The borrowed view's time over the floor's.
const MAX_BORROWED_OVER_FLOOR: f64 = 2.2;

fn bench(criterion: &mut Criterion, case: &Case) {
    let parse = case.parse;
    assert!(
        parse(case.body),
        "{}: the crate refuses the sample",
        case.name
    );
    assert!(
        serde_json::from_slice::<serde_json::Value>(case.body).is_ok(),
        "{}: the sample is not JSON",
        case.name
    );

    let mut group = criterion.benchmark_group(case.name);
    group.throughput(Throughput::Bytes(case.body.len() as u64));
    group.bench_function(FLOOR, |b| {
        b.iter(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(case.body)).ok())
    });
    group.bench_function(VALUE, |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(case.body)).ok())
    });
    group.bench_function(CRATE, |b| b.iter(|| parse(black_box(case.body))));
    for &(id, other) in case.others {
        assert!(other(case.body), "{}: {id} refuses the sample", case.name);
        group.bench_function(id, |b| b.iter(|| other(black_box(case.body))));
    }
    group.finish();
}

/// Where criterion writes, set explicitly so the report reads from the same place.
fn output_directory() -> PathBuf {
    commerce_webhooks_benches::criterion_dir()
}

/// The mean time in nanoseconds criterion estimated in this run, if it measured one.
fn mean_nanos(dir: &Path, group: &str, id: &str, started: SystemTime) -> Option<f64> {
    let path = dir.join(group).join(id).join("new/estimates.json");
    let fresh = std::fs::metadata(&path).ok()?.modified().ok()? >= started;
    if !fresh {
        return None;
    }
    let estimates: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    estimates["mean"]["point_estimate"].as_f64()
}

/// A parser under measurement; returns whether the body parsed.
type Parser<'a> = &'a dyn Fn(&[u8]) -> bool;

/// The best time per parse, in nanoseconds, of each of `parsers`, measured in alternating
/// batches so that a busy machine slows them alike: the figure to trust on shared hardware.
fn interleaved_best(body: &[u8], parsers: &[Parser<'_>]) -> Vec<f64> {
    const ROUNDS: usize = 200;
    const BATCH: u32 = 500;
    let mut best = vec![f64::MAX; parsers.len()];
    for _ in 0..ROUNDS {
        for (parse, best) in parsers.iter().zip(&mut best) {
            let start = Instant::now();
            for _ in 0..BATCH {
                black_box(parse(black_box(body)));
            }
            *best = best.min(start.elapsed().as_nanos() as f64 / f64::from(BATCH));
        }
    }
    best
}

fn print_ratios(label: &str, [floor, value, ours]: [f64; 3]) {
    let over_floor = ours / floor;
    let under_value = value / ours;
    let verdict = |ok: bool| if ok { "ok" } else { "MISSED" };
    println!(
        "  {label}: floor {floor:.0} ns, Value {value:.0} ns, commerce_webhooks {ours:.0} ns: \
         {over_floor:.2}× the floor (target ≤ {MAX_OVER_FLOOR}×: {}), {under_value:.2}× faster \
         than Value (target ≥ {MIN_UNDER_VALUE}×: {})",
        verdict(over_floor <= MAX_OVER_FLOOR),
        verdict(under_value >= MIN_UNDER_VALUE)
    );
}

fn report(dir: &Path, case: &Case, started: SystemTime) {
    let means = [FLOOR, VALUE, CRATE].map(|id| mean_nanos(dir, case.name, id, started));
    let [Some(floor), Some(value), Some(ours)] = means else {
        println!("{}: no fresh estimates (not a measuring run)", case.name);
        return;
    };
    println!("{} ({} bytes)", case.name, case.body.len());
    print_ratios("criterion means", [floor, value, ours]);
    let floor = |body: &[u8]| serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok();
    let value = |body: &[u8]| serde_json::from_slice::<serde_json::Value>(body).is_ok();
    let mut parsers: Vec<Parser<'_>> = vec![&floor, &value, &case.parse];
    parsers.extend(case.others.iter().map(|(_, other)| other as Parser<'_>));
    let best = interleaved_best(case.body, &parsers);
    print_ratios("interleaved best", [best[0], best[1], best[2]]);
    for (&(id, _), &time) in case.others.iter().zip(&best[3..]) {
        let over_floor = time / best[0];
        let target = match id {
            BORROWED => format!(
                " (target ≤ {MAX_BORROWED_OVER_FLOOR}×: {})",
                if over_floor <= MAX_BORROWED_OVER_FLOOR {
                    "ok"
                } else {
                    "MISSED"
                }
            ),
            _ => String::new(),
        };
        println!(
            "  {id}: {time:.0} ns, {over_floor:.2}× the floor{target}, {:.2}× faster than \
             Value; commerce_webhooks takes {:.2}× its time",
            best[1] / time,
            best[2] / time
        );
    }
}

fn main() {
    let started = SystemTime::now();
    let dir = output_directory();
    let mut criterion = Criterion::default()
        .output_directory(&dir)
        .configure_from_args();
    let cases: Vec<Case> = CASES.iter().map(|case| case()).collect();
    for case in &cases {
        bench(&mut criterion, case);
    }
    criterion.final_summary();
    println!();
    for case in &cases {
        report(&dir, case, started);
    }
}
