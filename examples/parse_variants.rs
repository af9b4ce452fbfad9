//! What one parse of LeaseCloud's `order.created` costs in instructions and mispredicted
//! branches, counted by cachegrind: not an example to copy, but what
//! `benches/cachegrind/run.sh` runs.
//!
//! A timed loop over one body flatters a parser: the processor learns every branch of it. A
//! server parses a different order each time, between the kernel's and hyper's work. So this
//! parses [`VARIANTS`] different bodies in turn, LeaseCloud's page sample with other names,
//! e-mail addresses, companies, cities, product names, amounts and one or two lines, every
//! member in the page's order. Cachegrind counts instructions exactly and simulates branch
//! prediction, so the figures repeat from run to run, which no timing on a shared machine
//! does.
//!
//! ```sh
//! benches/cachegrind/run.sh        # builds this, runs every mode under cachegrind
//! ```
//!
//! By hand: `parse_variants MODE`, where MODE is `none` (only the loop, whose cost the script
//! subtracts), `view` (`leasecloud::EventView::parse_borrowed`), `owned`
//! (`leasecloud::Event::parse`) or `floor` (serde_json scanning the same JSON into
//! `serde::de::IgnoredAny`).

use std::hint::black_box;
use std::process::ExitCode;

use commerce_webhooks::leasecloud;

#[path = "support/json_text.rs"]
mod json_text;

/// LeaseCloud's `order.created` page sample.
const ORDER_CREATED: &str = include_str!("../samples/leasecloud/order_created.json");

/// How many different bodies are parsed in turn.
const VARIANTS: usize = 512;

/// How many parses each mode runs.
const PARSES: usize = 20_000;

/// The texts of the sample replaced by a random word in each variant (each of them occurs
/// once in it).
const VARIED_TEXTS: [&str; 13] = [
    "Ora",
    "Roob",
    "Myrtice70@yahoo.com",
    "Langosh, Kautzer and Ullrich",
    "1532 Edna Spring",
    "East Guidofort",
    "Brigitte",
    "Wunsch",
    "Jon60@gmail.com",
    "Volkman - Goodwin",
    "South Aileenfurt",
    "Towels",
    "NOPE",
];

/// A xorshift generator: the same variants on every run, with no dependency.
struct Random(u64);

impl Random {
    /// A number below `bound`.
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }

    /// A lower-case word of 2 to 29 letters.
    fn word(&mut self) -> String {
        let len = 2 + self.below(28);
        (0..len)
            .map(|_| char::from(b'a' + u8::try_from(self.below(26)).expect("below 26")))
            .collect()
    }

    /// An amount of 1 to 6 digits.
    fn amount(&mut self) -> u64 {
        let digits = 1 + self.below(6);
        self.below(10_u64.pow(u32::try_from(digits).expect("at most 6")))
    }
}

/// The sample, compacted, in [`VARIANTS`] versions.
fn variants() -> Vec<Vec<u8>> {
    let sample = json_text::compact(ORDER_CREATED);
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    (0..VARIANTS)
        .map(|_| {
            let mut body = sample.clone();
            for text in VARIED_TEXTS {
                let word = random.word();
                body = body.replacen(&format!("\"{text}\""), &format!("\"{word}\""), 1);
            }
            for amount in [
                "\"totalAmount\":23323",
                "\"totalAmount\":8400",
                "\"VAT\":32",
            ] {
                let name = amount.split(':').next().expect("a member");
                let replaced = format!("{name}:{}", random.amount());
                body = body.replacen(amount, &replaced, 1);
            }
            if random.below(2) == 0 {
                // One line only: the second line (from its comma to its brace) removed.
                let start = body.find(",{\"name\"").expect("a second line");
                let len = json_text::value_len(&body[start + 1..]);
                body.replace_range(start..start + 1 + len, "");
            }
            body.into_bytes()
        })
        .collect()
}

fn main() -> ExitCode {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let parse: fn(&[u8]) -> bool = match mode.as_str() {
        "none" => |body| !black_box(body).is_empty(),
        "view" => |body| leasecloud::EventView::parse_borrowed(black_box(body)).is_ok(),
        "owned" => |body| leasecloud::Event::parse(black_box(body)).is_ok(),
        "floor" => |body| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(body)).is_ok(),
        _ => {
            eprintln!("usage: parse_variants none|view|owned|floor");
            return ExitCode::FAILURE;
        }
    };
    let bodies = variants();
    // Every variant is a valid order: a parse that failed early would count too little.
    for body in &bodies {
        let event = leasecloud::Event::parse(body).expect("a variant parses");
        assert!(matches!(event.kind, leasecloud::EventKind::OrderCreated(_)));
    }
    let parsed = (0..PARSES)
        .filter(|&at| black_box(parse(&bodies[at % VARIANTS])))
        .count();
    println!("{mode}: {parsed} of {PARSES} parses over {VARIANTS} bodies succeeded");
    ExitCode::SUCCESS
}
