//! One delivery as the provider makes it: signed with the library's signers, posted byte for
//! byte, and its answer judged as the provider judges it. Shared by `send`, `trigger` and
//! `sign`.

use std::time::Duration;

use commerce_webhooks::montly::OrderId;
use commerce_webhooks::scheme::timestamped::{self, SignatureHeader};
use commerce_webhooks::sparkpay::{EventType, REPLY_DEADLINE};
use commerce_webhooks::{ezq, kinguin, leasecloud, montly, sparkpay, Secret};
use serde::Serialize;

use crate::client::{shown_url, Answer, Client, NetError, Outgoing};
use crate::provider::{sparkpay_reply_check, ProviderName};

/// What the provider checks in the answer before it counts the delivery delivered.
#[derive(Debug, Clone)]
enum Expectation {
    /// LeaseCloud: 200 and an acknowledgement of this event (and its order, if it has one).
    Acknowledgement {
        id: Option<String>,
        order_id: Option<OrderId>,
    },
    /// Montly and EZQ: 200 and nothing else.
    Exactly200,
    /// Kinguin: any 2xx, with an empty body.
    EmptyTwoHundred,
    /// Spark Pay: 2xx, and for the types that wait for one, their reply within 3 s.
    SparkPay(EventType),
}

/// A delivery ready to send.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// Who sends it.
    pub provider: ProviderName,
    /// The provider's name for the event (as the body, header or URL gives it).
    pub event: String,
    /// The provider's event id, where it sends one.
    pub id: Option<String>,
    /// The request, signed.
    pub outgoing: Outgoing,
    expectation: Expectation,
}

/// Whether the provider would count a delivery delivered, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    /// Whether the provider counts it delivered.
    pub delivered: bool,
    /// Why, in the provider's terms.
    pub reason: String,
}

/// One delivery and what came of it, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub provider: &'static str,
    pub event: &'a str,
    pub id: Option<&'a str>,
    /// Without the query, which holds Spark Pay's token.
    pub url: String,
    pub status: u16,
    pub elapsed_ms: u128,
    /// The answer's body as text (lossy), at most [`SHOWN_ANSWER_LEN`] bytes of it.
    pub answer: String,
    pub delivered: bool,
    pub verdict: &'a str,
}

/// How much of an answer is printed.
pub const SHOWN_ANSWER_LEN: usize = 600;

/// The headers `provider` sends with `body`, signed at `unix_seconds` with `secrets`: with
/// several secrets (a rotation), LeaseCloud and Montly sign with each, the others with the
/// first. `event` is Kinguin's `X-Event-Name`.
///
/// # Errors
/// A message when Kinguin's event name is missing.
pub fn signed_headers(
    provider: ProviderName,
    secrets: &[Secret],
    event: Option<&str>,
    body: &[u8],
    unix_seconds: i64,
) -> Result<Vec<(String, String)>, String> {
    let Some(newest) = secrets.first() else {
        return Err("no secret to sign with".to_owned());
    };
    let mut headers = vec![("Content-Type".to_owned(), "application/json".to_owned())];
    let provider_headers: Vec<(&'static str, String)> = match provider {
        ProviderName::LeaseCloud => {
            let [mut signature, version] =
                leasecloud::Webhook::sign_headers(newest, unix_seconds, body);
            add_rotated(&mut signature, secrets, unix_seconds, body);
            vec![signature, version]
        }
        ProviderName::Montly => {
            let [mut signature, version] =
                montly::Webhook::sign_headers(newest, unix_seconds, body);
            add_rotated(&mut signature, secrets, unix_seconds, body);
            vec![signature, version]
        }
        ProviderName::Ezq => ezq::Webhook::sign_headers(newest, body).to_vec(),
        ProviderName::Kinguin => {
            let event =
                event.ok_or("Kinguin names the event in X-Event-Name: give --event NAME")?;
            kinguin::Webhook::sign_headers(newest, event).to_vec()
        }
        ProviderName::SparkPay => Vec::new(),
    };
    headers.extend(
        provider_headers
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value)),
    );
    Ok(headers)
}

/// Appends to a timestamped signature header a `v1` for each secret after the first, as
/// LeaseCloud and Montly sign during a key rotation.
fn add_rotated(
    header: &mut (&'static str, String),
    secrets: &[Secret],
    unix_seconds: i64,
    body: &[u8],
) {
    for secret in secrets.iter().skip(1) {
        let value = timestamped::sign(secret, unix_seconds, body);
        if let Ok(parsed) = SignatureHeader::parse(header.0, value.as_bytes()) {
            for signature in parsed.signatures() {
                header.1.push_str(",v1=");
                header.1.push_str(&String::from_utf8_lossy(signature));
            }
        }
    }
}

/// Spark Pay's URL for `event_type` under `url`: `{url}/{EventType}?token=…`, after any query
/// `url` already has.
pub fn sparkpay_url(url: &str, event_type: EventType, token: &Secret) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let token = sparkpay::Webhook::sign_query(token);
    let query = match query.filter(|query| !query.is_empty()) {
        Some(query) => format!("{query}&{token}"),
        None => token,
    };
    format!("{}/{event_type}?{query}", base.trim_end_matches('/'))
}

/// What identifies a delivery, read from its body, header or URL.
struct Identity {
    event: String,
    id: Option<String>,
    expectation: Expectation,
}

fn identify(provider: ProviderName, event: Option<&str>, body: &[u8]) -> Result<Identity, String> {
    let unread = |error: commerce_webhooks::ParseError| Identity {
        event: error
            .event
            .clone()
            .unwrap_or_else(|| "(no event name)".to_owned()),
        id: error.id.clone(),
        expectation: Expectation::Exactly200,
    };
    Ok(match provider {
        ProviderName::LeaseCloud => match leasecloud::Event::parse(body) {
            Ok(parsed) => Identity {
                event: parsed.name().to_owned(),
                id: Some(parsed.id.clone()),
                expectation: Expectation::Acknowledgement {
                    id: Some(parsed.id.clone()),
                    order_id: parsed.order_id().cloned(),
                },
            },
            Err(error) => {
                let id = error.id.clone();
                Identity {
                    expectation: Expectation::Acknowledgement { id, order_id: None },
                    ..unread(error)
                }
            }
        },
        ProviderName::Montly => match montly::Event::parse(body) {
            Ok(parsed) => Identity {
                event: parsed.name().to_owned(),
                id: Some(parsed.id.clone()),
                expectation: Expectation::Exactly200,
            },
            Err(error) => unread(error),
        },
        ProviderName::Ezq => match ezq::Event::parse(body) {
            Ok(parsed) => Identity {
                event: parsed.name().to_owned(),
                id: None,
                expectation: Expectation::Exactly200,
            },
            Err(error) => unread(error),
        },
        ProviderName::Kinguin => Identity {
            event: event
                .ok_or("Kinguin names the event in X-Event-Name: give --event NAME")?
                .to_owned(),
            id: None,
            expectation: Expectation::EmptyTwoHundred,
        },
        ProviderName::SparkPay => {
            let name =
                event.ok_or("Spark Pay names the event by its URL: give --event EVENT_TYPE")?;
            let event_type: EventType = name.parse().map_err(|error| format!("{error}"))?;
            Identity {
                event: event_type.as_str().to_owned(),
                id: None,
                expectation: Expectation::SparkPay(event_type),
            }
        }
    })
}

/// A delivery of `body` to `url`, signed now. `event` names it for Kinguin and Spark Pay (the
/// others read it from the body); `kept_headers` are sent before the signed ones, less any the
/// signing replaces (a capture's).
///
/// # Errors
/// A message when the event cannot be named.
pub fn build(
    provider: ProviderName,
    secrets: &[Secret],
    url: &str,
    event: Option<&str>,
    body: Vec<u8>,
    kept_headers: Vec<(String, Vec<u8>)>,
) -> Result<Delivery, String> {
    let identity = identify(provider, event, &body)?;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let signed = signed_headers(provider, secrets, Some(&identity.event), &body, now)?;
    let mut headers: Vec<(String, Vec<u8>)> = kept_headers
        .into_iter()
        .filter(|(name, _)| {
            !signed
                .iter()
                .any(|(signed, _)| signed.eq_ignore_ascii_case(name))
        })
        .collect();
    headers.extend(
        signed
            .into_iter()
            .map(|(name, value)| (name, value.into_bytes())),
    );
    let url = match (&identity.expectation, secrets.first()) {
        (Expectation::SparkPay(event_type), Some(token)) => sparkpay_url(url, *event_type, token),
        _ => url.to_owned(),
    };
    Ok(Delivery {
        provider,
        event: identity.event,
        id: identity.id,
        outgoing: Outgoing {
            method: "POST".to_owned(),
            url,
            headers,
            body,
        },
        expectation: identity.expectation,
    })
}

impl Delivery {
    /// Sends the delivery and judges the answer.
    ///
    /// # Errors
    /// A [`NetError`] when no answer came back.
    pub fn send(&self, client: &Client) -> Result<(Answer, Verdict), NetError> {
        let answer = client.send(&self.outgoing)?;
        let verdict = self.judge(&answer);
        Ok((answer, verdict))
    }

    /// The URL as it may be printed.
    pub fn shown_url(&self) -> String {
        shown_url(&self.outgoing.url)
    }

    /// Whether the provider would count `answer` as delivered.
    pub fn judge(&self, answer: &Answer) -> Verdict {
        let provider = self.provider.name();
        let status = answer.status;
        let retry = |reason: String| Verdict {
            delivered: false,
            reason,
        };
        let ok = |reason: String| Verdict {
            delivered: true,
            reason,
        };
        match &self.expectation {
            Expectation::Acknowledgement { id, order_id } => {
                if status != 200 {
                    return retry(format!(
                        "{provider} calls again: it needs 200 with an acknowledgement, not {status}"
                    ));
                }
                let ack: leasecloud::Acknowledgement = match serde_json::from_slice(&answer.body) {
                    Ok(ack) => ack,
                    Err(error) => {
                        return retry(format!(
                            "{provider} calls again: the 200's body is not an acknowledgement \
                             {{\"id\", \"orderId\"}} ({error})"
                        ))
                    }
                };
                if let Some(id) = id {
                    if &ack.id != id {
                        return retry(format!(
                            "{provider} calls again: the acknowledgement names event `{}`, not \
                             `{id}`",
                            ack.id
                        ));
                    }
                }
                match (order_id, &ack.order_id) {
                    (Some(expected), Some(got)) if expected != got => retry(format!(
                        "{provider} calls again: the acknowledgement names order `{got}`, not \
                         `{expected}`"
                    )),
                    (Some(expected), None) => retry(format!(
                        "{provider} calls again: the acknowledgement names no order (`orderId` \
                         {expected})"
                    )),
                    _ => ok("acknowledged: 200 naming this event and its order".to_owned()),
                }
            }
            Expectation::Exactly200 if status == 200 => ok("200".to_owned()),
            Expectation::Exactly200 => retry(format!(
                "{provider} counts only 200 as delivered, and sends it again after {status}"
            )),
            Expectation::EmptyTwoHundred if !(200..300).contains(&status) => retry(format!(
                "{provider} sends it again after {status}: it needs a 2xx (204 recommended)"
            )),
            Expectation::EmptyTwoHundred if !answer.body.is_empty() => retry(format!(
                "{provider} needs a 2xx with an empty body; this one has {} bytes",
                answer.body.len()
            )),
            Expectation::EmptyTwoHundred => ok(format!("{status} with an empty body")),
            Expectation::SparkPay(event_type) => {
                if !(200..300).contains(&status) {
                    return retry(format!("{provider} counts {status} as a failure"));
                }
                match sparkpay_reply_check(*event_type, &answer.body) {
                    None => ok(format!("{status}: a notification needs no reply")),
                    Some(Err(reason)) => retry(format!("{provider} counts it failed: {reason}")),
                    Some(Ok(())) if answer.elapsed > REPLY_DEADLINE => retry(format!(
                        "{provider} waits {} s for a reply; this one took {}",
                        REPLY_DEADLINE.as_secs(),
                        shown_duration(answer.elapsed)
                    )),
                    Some(Ok(())) => ok(format!("a {event_type} reply within 3 s")),
                }
            }
        }
    }

    /// The `--json` report of this delivery's `answer`.
    pub fn report<'a>(&'a self, answer: &Answer, verdict: &'a Verdict) -> Report<'a> {
        Report {
            provider: self.provider.name(),
            event: &self.event,
            id: self.id.as_deref(),
            url: self.shown_url(),
            status: answer.status,
            elapsed_ms: answer.elapsed.as_millis(),
            answer: shown_answer(&answer.body),
            delivered: verdict.delivered,
            verdict: &verdict.reason,
        }
    }
}

/// An answer's body as printable text, cut at [`SHOWN_ANSWER_LEN`] bytes.
pub fn shown_answer(body: &[u8]) -> String {
    let cut = body.get(..SHOWN_ANSWER_LEN).unwrap_or(body);
    let mut text: String = String::from_utf8_lossy(cut)
        .chars()
        .map(|c| if c.is_control() && c != '\n' { '·' } else { c })
        .collect();
    if cut.len() < body.len() {
        text.push_str(&format!("… ({} bytes)", body.len()));
    }
    text
}

/// A duration as a person reads it: milliseconds under 10 s, else seconds with one decimal.
pub fn shown_duration(duration: Duration) -> String {
    if duration < Duration::from_secs(10) {
        format!("{} ms", duration.as_millis())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}
