//! [`Subscription`]: the webhook resource a partner registers at `/api/v1/webhooks`.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::EventType;
use crate::de::lenient as l;
use crate::de::string_enum;
use crate::ConfigError;

string_enum! {
    /// What the store does when the webhook fails (an error status, or no reply within the
    /// [`REPLY_DEADLINE`](crate::sparkpay::REPLY_DEADLINE)).
    pub enum FailureType {
        /// Carry on as if there were no webhook: Spark Pay's default.
        Ignore = "Ignore",
        /// Show the user an error message.
        Error = "Error",
        /// Call the subscription's [`fallback_url`](Subscription::fallback_url) instead.
        Fallback = "Fallback",
    }
}

impl Default for FailureType {
    /// [`FailureType::Ignore`], as the page says.
    fn default() -> Self {
        FailureType::Ignore
    }
}

string_enum! {
    /// How long Spark Pay caches the reply to a webhook.
    pub enum CacheLength {
        /// Five minutes.
        Short = "Short",
        /// Thirty minutes.
        Long = "Long",
        /// No caching: every event calls the URL.
        NoCache = "NoCache",
    }
}

impl Default for CacheLength {
    /// [`CacheLength::NoCache`]: the page names no default, and a reply that is never cached is
    /// never stale.
    fn default() -> Self {
        CacheLength::NoCache
    }
}

impl CacheLength {
    /// How long a reply is cached: 5 minutes, 30 minutes, or zero; `None` for a value this
    /// crate does not know.
    pub fn duration(&self) -> Option<Duration> {
        match self {
            CacheLength::Short => Some(Duration::from_secs(5 * 60)),
            CacheLength::Long => Some(Duration::from_secs(30 * 60)),
            CacheLength::NoCache => Some(Duration::ZERO),
            CacheLength::Other(_) => None,
        }
    }
}

/// A webhook subscription: which event a store sends to which URL, and what happens when that
/// URL fails. POST it as JSON to `/api/v1/webhooks` (or manage it in the store's admin, from
/// version 2020.3); Spark Pay sends the same fields back.
///
/// Register one subscription per event type, each with its own URL, and put the secret token
/// that [`Webhook`](crate::sparkpay::Webhook) checks in the URL's query: Spark Pay signs nothing,
/// so the token is what proves a request comes from the store. Use `https://` URLs only, so
/// the token never travels in clear text; [`validate`](Subscription::validate) insists on it.
///
/// `Debug` hides the query of both URLs, where the token is.
///
/// ```
/// use commerce_webhooks::sparkpay::{CacheLength, EventType, FailureType, Subscription};
///
/// let subscription = Subscription::new(
///     EventType::GetTax,
///     "https://hooks.example.com/sparkpay/GetTax?token=sp_tok_2f9c1e7a",
///     1,
/// )
/// .fallback("https://backup.example.com/sparkpay/GetTax?token=sp_tok_2f9c1e7a")
/// .cache_length(CacheLength::Short);
/// subscription.validate()?;
/// assert_eq!(subscription.failure_type, FailureType::Fallback);
///
/// let json = serde_json::to_value(&subscription).unwrap();
/// assert_eq!(json["event_type"], "GetTax");
/// assert_eq!(json["cache_length"], "Short");
/// assert!(!format!("{subscription:?}").contains("sp_tok"));
/// # Ok::<(), commerce_webhooks::ConfigError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Subscription {
    /// The subscription's id, once Spark Pay has created it (the page's field list does not
    /// show it; it is sent only when set).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "l::opt_i64"
    )]
    pub id: Option<i64>,
    /// The event sent to [`url`](Subscription::url).
    pub event_type: EventType,
    /// Where Spark Pay sends the event.
    pub url: String,
    /// What happens when the URL fails (Spark Pay's default, [`FailureType::Ignore`], when
    /// absent).
    #[serde(default)]
    pub failure_type: FailureType,
    /// The store whose events are sent.
    #[serde(deserialize_with = "l::i64")]
    pub store_id: i64,
    /// How long Spark Pay caches the reply ([`CacheLength::NoCache`] when absent).
    #[serde(default)]
    pub cache_length: CacheLength,
    /// Called when [`url`](Subscription::url) fails and the failure type is
    /// [`FailureType::Fallback`]; omitted when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_url: Option<String>,
}

impl Subscription {
    /// A subscription of the store `store_id` to `event_type` at `url`, with Spark Pay's
    /// default failure type ([`FailureType::Ignore`]) and no caching.
    pub fn new(event_type: EventType, url: impl Into<String>, store_id: i64) -> Self {
        Subscription {
            id: None,
            event_type,
            url: url.into(),
            failure_type: FailureType::default(),
            store_id,
            cache_length: CacheLength::default(),
            fallback_url: None,
        }
    }

    /// Sets what happens on failure. For [`FailureType::Fallback`], prefer
    /// [`fallback`](Subscription::fallback), which sets the URL too.
    pub fn failure_type(mut self, failure_type: FailureType) -> Self {
        self.failure_type = failure_type;
        self
    }

    /// On failure, call `url` instead.
    pub fn fallback(mut self, url: impl Into<String>) -> Self {
        self.failure_type = FailureType::Fallback;
        self.fallback_url = Some(url.into());
        self
    }

    /// Sets how long replies are cached.
    pub fn cache_length(mut self, cache_length: CacheLength) -> Self {
        self.cache_length = cache_length;
        self
    }

    /// Checks the subscription before it is sent to Spark Pay.
    ///
    /// # Errors
    /// [`ConfigError::Invalid`] when the URL (or the fallback URL) is not `https://`, when the
    /// failure type is [`FailureType::Fallback`] without a fallback URL, when the store id is
    /// not positive, or when the failure type or cache length is not one Spark Pay documents.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if !is_https(&self.url) {
            return Err(ConfigError::Invalid(
                "the subscription `url` must be an https:// URL: the token in it must not \
                 travel in clear text",
            ));
        }
        if self.store_id <= 0 {
            return Err(ConfigError::Invalid(
                "the subscription `store_id` must be a store's id (1 or more)",
            ));
        }
        match (&self.failure_type, &self.fallback_url) {
            (FailureType::Fallback, None) => {
                return Err(ConfigError::Invalid(
                    "a subscription whose `failure_type` is Fallback needs a `fallback_url`",
                ))
            }
            (FailureType::Other(_), _) => {
                return Err(ConfigError::Invalid(
                    "the subscription `failure_type` must be Ignore, Error or Fallback",
                ))
            }
            _ => {}
        }
        if let Some(fallback) = &self.fallback_url {
            if !is_https(fallback) {
                return Err(ConfigError::Invalid(
                    "the subscription `fallback_url` must be an https:// URL",
                ));
            }
        }
        if let CacheLength::Other(_) = self.cache_length {
            return Err(ConfigError::Invalid(
                "the subscription `cache_length` must be Short, Long or NoCache",
            ));
        }
        Ok(())
    }
}

/// `https://` followed by at least a host.
fn is_https(url: &str) -> bool {
    url.get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
        && url.len() > 8
        && !url.contains(char::is_whitespace)
}

/// The URL without its query and fragment, which may hold a token.
struct Redacted<'a>(&'a str);

impl fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.find(['?', '#']) {
            Some(cut) => write!(
                f,
                "\"{}?[redacted]\"",
                self.0.get(..cut).unwrap_or_default()
            ),
            None => write!(f, "{:?}", self.0),
        }
    }
}

impl fmt::Debug for Subscription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Subscription")
            .field("id", &self.id)
            .field("event_type", &self.event_type)
            .field("url", &Redacted(&self.url))
            .field("failure_type", &self.failure_type)
            .field("store_id", &self.store_id)
            .field("cache_length", &self.cache_length)
            .field("fallback_url", &self.fallback_url.as_deref().map(Redacted))
            .finish()
    }
}
