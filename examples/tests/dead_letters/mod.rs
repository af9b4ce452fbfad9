//! The receiver examples' dead letters, as both examples' tests check them.

use commerce_webhooks::{ezq, kinguin, leasecloud, montly, sparkpay, Delivery, Error};

use crate::common::Kept;
use crate::receiver::{self, DeadLetter, DeadLetters};

/// What the receiver kept, for `common::check_dead_letters`, each record having been read
/// back by the example's worker first.
pub fn kept(dead_letters: &DeadLetters) -> Vec<Kept> {
    dead_letters
        .0
        .lock()
        .unwrap()
        .iter()
        .map(|letter| {
            check_record(letter);
            let DeadLetter {
                provider, unparsed, ..
            } = letter;
            (
                *provider,
                unparsed.id.clone(),
                unparsed.name.clone(),
                unparsed.body.to_vec(),
            )
        })
        .collect()
}

/// A dead letter's record, read back by the example's worker, fails as the parse at the edge
/// failed: same provider, same bytes, same event id and name.
fn check_record(letter: &DeadLetter) {
    let DeadLetter {
        provider,
        unparsed,
        record,
    } = letter;
    let delivery: Delivery = serde_json::from_str(record).unwrap();
    assert_eq!(delivery.provider(), *provider);
    assert_eq!(delivery.body(), &unparsed.body[..], "{record}");
    let parsed = match *provider {
        "LeaseCloud" => receiver::work::<leasecloud::Webhook>(record).map(drop),
        "Montly" => receiver::work::<montly::Webhook>(record).map(drop),
        "EZQ" => receiver::work::<ezq::Webhook>(record).map(drop),
        "Kinguin" => receiver::work::<kinguin::Webhook>(record).map(drop),
        "Spark Pay" => receiver::work::<sparkpay::Webhook>(record).map(drop),
        other => panic!("a dead letter of an unknown provider: {other}"),
    };
    let Err(Error::Parse(error)) = parsed else {
        panic!("{provider}: the record parsed, or failed otherwise: {parsed:?}");
    };
    assert_eq!(error.provider, unparsed.error.provider, "{record}");
    assert_eq!(error.id, unparsed.id, "{record}");
    assert_eq!(error.event, unparsed.name, "{record}");
    assert_eq!(error.path, unparsed.error.path, "{record}");
}
