//! A tour of the crate: signs a sample for every scheme and provider, verifies it, and prints
//! what came out. Runs with no set-up: `cargo run --example demo`.

use std::error::Error;

mod ezq;
mod kinguin;
mod leasecloud;
mod montly;
mod one_shape;
mod schemes;
mod sparkpay;

fn main() -> Result<(), Box<dyn Error>> {
    schemes::run()?;
    leasecloud::run()?;
    montly::run()?;
    ezq::run()?;
    kinguin::run()?;
    sparkpay::run()?;
    one_shape::run()?;
    Ok(())
}
