//! The three signing schemes, provider-agnostic.

use std::error::Error;

use commerce_webhooks::scheme::{body_hmac, shared_secret, timestamped};
use commerce_webhooks::Secret;
use time::OffsetDateTime;

pub fn run() -> Result<(), Box<dyn Error>> {
    println!("== signing schemes");
    let body = br#"{"id":"evt:demo","type":"order.signed","data":{"orderId":42}}"#;

    let now = OffsetDateTime::now_utc();
    let header = timestamped::sign(&Secret::new("whsec_demo")?, now.unix_timestamp(), body);
    let verifier = timestamped::Verifier::with_secrets(
        "Montly-Signature",
        [Secret::new("whsec_new")?, Secret::new("whsec_demo")?],
    )?;
    let verified = verifier.verify_at(&[("Montly-Signature", header.as_str())], body, now)?;
    println!(
        "timestamped: {header:.40}… verified with secret #{} (signed at t={})",
        verified.secret_index, verified.timestamp
    );
    let tampered = verifier.verify_at(&[("Montly-Signature", header.as_str())], b"{}", now);
    println!("timestamped, tampered body: {}", describe(tampered));

    let signature = body_hmac::sign(&Secret::new("ezq_demo")?, body);
    let verifier = body_hmac::Verifier::new("x-signature", Secret::new("ezq_demo")?);
    let verified = verifier.verify(&[("X-Signature", signature.as_str())], body)?;
    println!(
        "body HMAC:   {signature:.24}… verified with secret #{}",
        verified.secret_index
    );

    let verifier = shared_secret::Verifier::new("X-Event-Secret", Secret::new("kinguin_demo")?);
    verifier.verify(&[("X-Event-Secret", "kinguin_demo")])?;
    println!("shared secret: accepted");
    let wrong = verifier.verify(&[("X-Event-Secret", "kinguin_guess")]);
    println!("shared secret, wrong value: {}", describe(wrong));
    Ok(())
}

fn describe<T, E: std::fmt::Display>(outcome: Result<T, E>) -> String {
    match outcome {
        Ok(_) => "accepted".to_owned(),
        Err(error) => format!("refused: {error}"),
    }
}
