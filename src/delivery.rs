//! [`Delivery`]: an authentic request kept as a record that any worker can parse again, and
//! [`DeliverySeal`], which lets a worker tell a record the receiver wrote from one written by
//! anyone else who can write to the queue.

use std::borrow::Cow;
use std::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::error::Credential;
use crate::observe::Trace;
use crate::scheme::{hex_lower, hex_matches, Keyring};
use crate::{ConfigError, Secret, VerifyError};

/// One delivery as it was received, with everything a parse needs, for every provider: what a
/// receiver that verifies at the edge puts on a queue for a worker, keeps as a dead letter to
/// parse again after an upgrade, or replays.
///
/// It holds the provider's name, the event name where it travels outside the body (Kinguin's
/// `X-Event-Name`, the event type in Spark Pay's path), the body byte for byte, when it
/// arrived, and its idempotency key. Never the secret, the signature or the token. Build one
/// from a verified request with [`Provider::delivery`](crate::Provider::delivery) (the
/// extractors' `Received` hands one out), and parse it with
/// [`Provider::parse_delivery`](crate::Provider::parse_delivery), which refuses a record of
/// another provider.
///
/// # What a record promises
///
/// That the request was authentic when it was received: only build one after verifying. It
/// carries no proof of that: whoever can write to where records are kept can write one that
/// parses. Where others can write to the queue, seal each record with a key of the receiver's
/// own ([`DeliverySeal`]) and open it in the worker.
///
/// # Its JSON form
///
/// ```json
/// {"provider": "Kinguin", "event": "order.status", "received_at": "2026-12-04T15:00:00Z",
///  "key": "sha256:…", "body": "{\"orderId\":\"PHS84FJAG5U\", …}"}
/// ```
///
/// - `provider`: [`Provider::NAME`](crate::Provider::NAME).
/// - `event`: the event name outside the body, or `null` (LeaseCloud, Montly and EZQ name the
///   event in the body; Kinguin's dashboard test sends none).
/// - `received_at`: RFC 3339, in UTC.
/// - `key`: see [`Delivery::key`].
/// - `body`: the body as text when it is UTF-8 (every provider's JSON is); otherwise
///   `body_base64` holds it in standard base64 instead. Either way the bytes come back exactly.
///
/// ```
/// use commerce_webhooks::{kinguin, Delivery, Provider, Request, Secret};
///
/// let secret = Secret::new("kinguin-secret")?;
/// let hook = kinguin::Webhook::new(secret.clone());
/// let headers = kinguin::Webhook::sign_headers(&secret, "order.status");
/// let body = br#"{"orderId":"PHS84FJAG5U","status":"canceled","updatedAt":"2020-10-16T11:24:08Z"}"#;
/// let request = Request::new(&headers, body);
/// let event = hook.verify_request(&request)?;
///
/// // At the edge: the record, as JSON on a queue.
/// let delivery = kinguin::Webhook::delivery(&request, time::OffsetDateTime::now_utc());
/// let queued = serde_json::to_string(&delivery)?;
/// assert!(!queued.contains("kinguin-secret"));
///
/// // In a worker: the same event.
/// let delivery: Delivery = serde_json::from_str(&queued)?;
/// assert_eq!(kinguin::Webhook::parse_delivery(&delivery)?, event);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Delivery {
    provider: Cow<'static, str>,
    event: Option<String>,
    body: Vec<u8>,
    received_at: OffsetDateTime,
    key: String,
    /// The span the extractor opened for this delivery, for the guard to continue; not part
    /// of the record.
    trace: Trace,
}

impl PartialEq for Delivery {
    /// The records' fields; where each was seen is not one of them.
    fn eq(&self, other: &Self) -> bool {
        (
            &self.provider,
            &self.event,
            &self.body,
            self.received_at,
            &self.key,
        ) == (
            &other.provider,
            &other.event,
            &other.body,
            other.received_at,
            &other.key,
        )
    }
}

impl Eq for Delivery {}

impl Delivery {
    /// A record of `body` received at `received_at` for `provider`, whose event is named
    /// `event` outside the body and whose event id, when the body has one, is `id`.
    pub(crate) fn new(
        provider: &'static str,
        event: Option<&str>,
        body: &[u8],
        received_at: OffsetDateTime,
        id: Option<&str>,
    ) -> Self {
        Delivery {
            provider: Cow::Borrowed(provider),
            event: event.map(str::to_owned),
            body: body.to_vec(),
            received_at: received_at.to_offset(time::UtcOffset::UTC),
            key: delivery_key(id, event, body),
            trace: Trace::default(),
        }
    }

    /// The record, continuing the span `trace` (the extractor's).
    #[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
    pub(crate) fn traced(mut self, trace: Trace) -> Self {
        trace.key(&self.key);
        self.trace = trace;
        self
    }

    /// The span this delivery was seen in, for the guard to continue, or a new one for a
    /// record that comes from storage.
    pub(crate) fn trace(&self) -> Trace {
        match self.trace.is_some() {
            true => self.trace.clone(),
            false => Trace::for_record(&self.provider, self.event.as_deref(), &self.key),
        }
    }

    /// The provider's name, as [`Provider::NAME`](crate::Provider::NAME) gives it.
    pub fn provider(&self) -> &str {
        &self.provider
    }

    /// The event name where it travels outside the body: Kinguin's `X-Event-Name`, the last
    /// segment of Spark Pay's path. `None` for the providers that name the event in the body,
    /// and for a Kinguin request without a name (the dashboard's test).
    pub fn event(&self) -> Option<&str> {
        self.event.as_deref()
    }

    /// The body, exactly as received.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// When the request arrived (in UTC).
    pub fn received_at(&self) -> OffsetDateTime {
        self.received_at
    }

    /// The key to handle this delivery once on: the provider's event id where the body carries
    /// a usable one (LeaseCloud, Montly), the same as the event's
    /// [`idempotency_key`](crate::WebhookEvent::idempotency_key); otherwise `sha256:` and the
    /// hex of a SHA-256 over the event name outside the body and the body as received. A
    /// digest of the bytes covers all of the content, fields this crate does not read
    /// included, so two deliveries that differ in anything get different keys, and a retry
    /// (the same bytes again) gets the same key. It never holds body text, so it can be
    /// logged. At most [`MAX_IDEMPOTENCY_KEY_LEN`](crate::MAX_IDEMPOTENCY_KEY_LEN) bytes.
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl fmt::Debug for Delivery {
    /// The body's length, not its text: it can hold personal data.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Delivery")
            .field("provider", &self.provider)
            .field("event", &self.event)
            .field("body_len", &self.body.len())
            .field("received_at", &self.received_at)
            .field("key", &self.key)
            .finish()
    }
}

/// [`Delivery::key`] of a body.
fn delivery_key(id: Option<&str>, event: Option<&str>, body: &[u8]) -> String {
    if let Some(id) = id.filter(|id| crate::key::is_usable_id(id)) {
        return crate::key::bounded_key(Cow::Borrowed(id)).into_owned();
    }
    let mut digest = Sha256::new();
    // The name's length first, so that no name and body can pass for another pair.
    let name = event.unwrap_or_default().as_bytes();
    digest.update((name.len() as u64).to_be_bytes());
    digest.update(name);
    digest.update(body);
    format!("sha256:{}", hex::encode(digest.finalize()))
}

const FIELDS: &[&str] = &[
    "provider",
    "event",
    "received_at",
    "key",
    "body",
    "body_base64",
];

impl Serialize for Delivery {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut record = serializer.serialize_struct("Delivery", 5)?;
        record.serialize_field("provider", &self.provider)?;
        record.serialize_field("event", &self.event)?;
        let received_at = self
            .received_at
            .format(&time::format_description::well_known::Rfc3339)
            .map_err(serde::ser::Error::custom)?;
        record.serialize_field("received_at", &received_at)?;
        record.serialize_field("key", &self.key)?;
        match std::str::from_utf8(&self.body) {
            Ok(text) => record.serialize_field("body", text)?,
            Err(_) => record.serialize_field("body_base64", &BASE64.encode(&self.body))?,
        }
        record.end()
    }
}

impl<'de> Deserialize<'de> for Delivery {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Delivery", FIELDS, DeliveryVisitor)
    }
}

struct DeliveryVisitor;

impl<'de> Visitor<'de> for DeliveryVisitor {
    type Value = Delivery;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a delivery record")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Delivery, A::Error> {
        let mut provider: Option<String> = None;
        let mut event: Option<Option<String>> = None;
        let mut received_at: Option<String> = None;
        let mut key: Option<String> = None;
        let mut body: Option<Vec<u8>> = None;
        while let Some(field) = map.next_key::<Cow<'de, str>>()? {
            match field.as_ref() {
                "provider" => set(&mut provider, "provider", map.next_value()?)?,
                "event" => set(&mut event, "event", map.next_value()?)?,
                "received_at" => set(&mut received_at, "received_at", map.next_value()?)?,
                "key" => set(&mut key, "key", map.next_value()?)?,
                "body" => set(&mut body, "body", map.next_value::<String>()?.into_bytes())?,
                "body_base64" => {
                    let text = map.next_value::<Cow<'de, str>>()?;
                    let bytes = BASE64
                        .decode(text.as_bytes())
                        .map_err(|_| de::Error::custom("`body_base64` is not standard base64"))?;
                    set(&mut body, "body", bytes)?;
                }
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let received_at = received_at.ok_or_else(|| de::Error::missing_field("received_at"))?;
        let received_at =
            OffsetDateTime::parse(&received_at, &time::format_description::well_known::Rfc3339)
                .map_err(|_| de::Error::custom("`received_at` is not an RFC 3339 date-time"))?;
        Ok(Delivery {
            provider: Cow::Owned(provider.ok_or_else(|| de::Error::missing_field("provider"))?),
            event: event.flatten(),
            body: body.ok_or_else(|| de::Error::missing_field("body"))?,
            received_at: received_at.to_offset(time::UtcOffset::UTC),
            key: key.ok_or_else(|| de::Error::missing_field("key"))?,
            trace: Trace::default(),
        })
    }
}

/// Fills `slot` once; a field given twice is an error, as anywhere in the crate.
fn set<T, E: de::Error>(slot: &mut Option<T>, name: &'static str, value: T) -> Result<(), E> {
    match slot {
        Some(_) => Err(E::duplicate_field(name)),
        None => {
            *slot = Some(value);
            Ok(())
        }
    }
}

/// The name a broken seal is reported under, in [`VerifyError`]s.
const SEAL: &str = "seal";

/// Seals [`Delivery`] records with a key of the receiver's own, and opens them: for a queue or
/// a store that others can write to, where a record alone proves nothing.
///
/// The seal is an HMAC-SHA256, with the crate's verifier, over every field of the record (not
/// over its JSON text, so a queue that re-formats JSON does not break it). Several keys can be
/// accepted while one is rotated: records are sealed with the first.
///
/// ```
/// use commerce_webhooks::{ezq, DeliverySeal, Provider, Request, Secret, SealedDelivery};
///
/// let seal = DeliverySeal::new(Secret::new("the receiver's own sealing key")?);
///
/// # let secret = Secret::new("ezq_secret")?;
/// # let body = br#"{"event":"order.refunded","data":{"slugId":"7-abc"}}"#;
/// # let headers = ezq::Webhook::sign_headers(&secret, body);
/// # let request = Request::new(&headers, body);
/// // At the edge, after verifying:
/// let sealed = seal.seal(ezq::Webhook::delivery(&request, time::OffsetDateTime::now_utc()));
/// let queued = serde_json::to_vec(&sealed)?;
///
/// // In the worker: a record changed on the way is refused.
/// let sealed: SealedDelivery = serde_json::from_slice(&queued)?;
/// let event = ezq::Webhook::parse_delivery(seal.open(&sealed)?)?;
/// assert_eq!(event.name(), "order.refunded");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct DeliverySeal {
    keyring: Keyring,
}

/// A [`Delivery`] with its seal, as [`DeliverySeal::seal`] writes it; its JSON form is
/// `{"delivery": {…}, "seal": "<64 hex digits>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedDelivery {
    /// The record.
    pub delivery: Delivery,
    /// The HMAC-SHA256 of the record under the receiver's key, in lower-case hex.
    pub seal: String,
}

impl DeliverySeal {
    /// Seals and opens with one key.
    pub fn new(key: Secret) -> Self {
        DeliverySeal {
            keyring: Keyring::one(SEAL, Credential::Signature, key),
        }
    }

    /// Seals with the first of `keys` and opens what any of them sealed: for a rotation.
    ///
    /// # Errors
    /// [`ConfigError::NoSecrets`] or [`ConfigError::TooManySecrets`] outside one to
    /// [`MAX_SECRETS`](crate::MAX_SECRETS) keys.
    pub fn with_keys(keys: impl IntoIterator<Item = Secret>) -> Result<Self, ConfigError> {
        Ok(DeliverySeal {
            keyring: Keyring::many(SEAL, Credential::Signature, keys)?,
        })
    }

    /// `delivery` with its seal.
    pub fn seal(&self, delivery: Delivery) -> SealedDelivery {
        let (fields, body) = sealed_fields(&delivery);
        // A keyring always has a newest key; without one the seal would be empty, which no
        // key opens.
        let seal = self.keyring.newest().map_or_else(String::new, |key| {
            String::from_utf8_lossy(&hex_lower(&key.tag([&fields, body]))).into_owned()
        });
        SealedDelivery { delivery, seal }
    }

    /// The record, when its seal is one of this seal's keys' over its fields as they are.
    ///
    /// # Errors
    /// [`VerifyError::SignatureMismatch`] (naming `seal`) when the record or its seal changed
    /// since it was sealed, or was sealed with another key; [`VerifyError::HeaderTooLarge`]
    /// for a seal longer than any.
    pub fn open<'s>(&self, sealed: &'s SealedDelivery) -> Result<&'s Delivery, VerifyError> {
        let seal = self.keyring.bounded(sealed.seal.as_bytes())?;
        let (fields, body) = sealed_fields(&sealed.delivery);
        self.keyring
            .position(|key| hex_matches(&hex_lower(&key.tag([&fields, body])), seal))?;
        Ok(&sealed.delivery)
    }
}

/// What a seal covers, as the two parts of an HMAC: every field but the body, each after its
/// length, then the body's length; and the body. No two records share an input.
fn sealed_fields(delivery: &Delivery) -> (Vec<u8>, &[u8]) {
    let mut fields = Vec::with_capacity(64 + delivery.key.len());
    let mut field = |bytes: &[u8]| {
        fields.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
        fields.extend_from_slice(bytes);
    };
    field(delivery.provider.as_bytes());
    match &delivery.event {
        Some(event) => field(event.as_bytes()),
        // Apart from every name, the empty one included.
        None => field(&[0xff]),
    }
    field(&delivery.received_at.unix_timestamp_nanos().to_be_bytes());
    field(delivery.key.as_bytes());
    field(&(delivery.body.len() as u64).to_be_bytes());
    (fields, &delivery.body)
}
