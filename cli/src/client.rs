//! The HTTP client of `send`, `trigger` and `listen --forward-to`: ureq, with rustls for the
//! partners' HTTPS endpoints. It posts the body bytes as given, adds no header of its own
//! besides `Host` and `Content-Length`, follows no redirect (a provider does not), and reports a
//! failure to reach the endpoint as a [`NetError`].

use std::fmt;
use std::time::{Duration, Instant};

use ureq::config::AutoHeaderValue;
use ureq::http::{self, HeaderName, HeaderValue};

/// The longest answer read, in bytes; a provider reads no further either.
pub const MAX_ANSWER_LEN: u64 = 1 << 20;

/// A request to send.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// `POST`, or what the forwarded request used.
    pub method: String,
    /// The whole URL, query included (Spark Pay's token travels there).
    pub url: String,
    /// Sent in this order; `Host`, `Content-Length` and hop-by-hop headers are the client's.
    pub headers: Vec<(String, Vec<u8>)>,
    /// Sent byte for byte.
    pub body: Vec<u8>,
}

/// What the endpoint answered, and how long it took from the first byte sent to the last byte
/// of the answer read.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    /// Names lowercase, as the client reads them.
    pub headers: Vec<(String, Vec<u8>)>,
    /// At most [`MAX_ANSWER_LEN`] bytes.
    pub body: Vec<u8>,
    pub elapsed: Duration,
}

/// Why no answer came back. Its text names the URL without its query, which may hold a token.
#[derive(Debug)]
pub enum NetError {
    /// The URL cannot be used.
    BadUrl { url: String, reason: String },
    /// No answer within the timeout.
    Timeout { url: String, timeout: Duration },
    /// The TLS handshake or certificate check failed.
    Tls { url: String, reason: String },
    /// Anything else on the way: refused, unreachable, reset, unknown host.
    Unreachable { url: String, reason: String },
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NetError::BadUrl { url, reason } => write!(f, "the URL {url} cannot be used: {reason}"),
            NetError::Timeout { url, timeout } => write!(
                f,
                "no answer from {url} within {} s (--timeout sets the limit)",
                timeout.as_secs_f64()
            ),
            NetError::Tls { url, reason } => write!(f, "TLS failed with {url}: {reason}"),
            NetError::Unreachable { url, reason } => write!(f, "cannot reach {url}: {reason}"),
        }
    }
}

/// The URL as it may be printed: without its query and fragment, which may hold a token.
pub fn shown_url(url: &str) -> String {
    match url.find(['?', '#']) {
        Some(at) => format!("{}?…", url.get(..at).unwrap_or(url)),
        None => url.to_owned(),
    }
}

/// Headers that describe one connection, not the message: a client or proxy sets its own.
pub fn is_hop_by_hop(name: &str) -> bool {
    [
        "connection",
        "keep-alive",
        "proxy-connection",
        "transfer-encoding",
        "te",
        "trailer",
        "upgrade",
        "expect",
        "host",
        "content-length",
    ]
    .iter()
    .any(|hop| name.eq_ignore_ascii_case(hop))
}

/// An HTTP client with one timeout for the whole exchange.
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    timeout: Duration,
}

impl Client {
    /// A client that gives up on an exchange after `timeout`.
    pub fn new(timeout: Duration) -> Client {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(AutoHeaderValue::None)
            .accept(AutoHeaderValue::None)
            .accept_encoding(AutoHeaderValue::None)
            .build()
            .new_agent();
        Client { agent, timeout }
    }

    /// Sends `outgoing` and reads the answer, up to [`MAX_ANSWER_LEN`] bytes of it.
    ///
    /// # Errors
    /// A [`NetError`] when no complete answer came back.
    pub fn send(&self, outgoing: &Outgoing) -> Result<Answer, NetError> {
        let shown = shown_url(&outgoing.url);
        let bad_url = |reason: String| NetError::BadUrl {
            url: shown.clone(),
            reason,
        };
        let mut builder = http::Request::builder()
            .method(outgoing.method.as_str())
            .uri(outgoing.url.as_str());
        for (name, value) in &outgoing.headers {
            if is_hop_by_hop(name) {
                continue;
            }
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| bad_url(format!("`{name}` is not a header name")))?;
            let value = HeaderValue::from_bytes(value)
                .map_err(|_| bad_url(format!("the value of `{name}` is not a header value")))?;
            builder = builder.header(name, value);
        }
        let request = builder
            .body(outgoing.body.as_slice())
            .map_err(|error| bad_url(error.to_string()))?;
        let started = Instant::now();
        let mut response = self
            .agent
            .run(request)
            .map_err(|error| self.net_error(&shown, error))?;
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER_LEN)
            .read_to_vec()
            .map_err(|error| self.net_error(&shown, error))?;
        let elapsed = started.elapsed();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
            .collect();
        Ok(Answer {
            status: response.status().as_u16(),
            headers,
            body,
            elapsed,
        })
    }

    fn net_error(&self, url: &str, error: ureq::Error) -> NetError {
        let url = url.to_owned();
        match error {
            ureq::Error::Timeout(_) => NetError::Timeout {
                url,
                timeout: self.timeout,
            },
            ureq::Error::BadUri(reason) => NetError::BadUrl { url, reason },
            ureq::Error::Http(error) => NetError::BadUrl {
                url,
                reason: error.to_string(),
            },
            ureq::Error::Tls(reason) => NetError::Tls {
                url,
                reason: reason.to_owned(),
            },
            ureq::Error::Rustls(error) => NetError::Tls {
                url,
                reason: error.to_string(),
            },
            ureq::Error::Io(error)
                if error
                    .get_ref()
                    .is_some_and(|inner| inner.is::<rustls::Error>()) =>
            {
                NetError::Tls {
                    url,
                    reason: error.to_string(),
                }
            }
            ureq::Error::Io(error) if error.kind() == std::io::ErrorKind::TimedOut => {
                NetError::Timeout {
                    url,
                    timeout: self.timeout,
                }
            }
            ureq::Error::Io(error) => NetError::Unreachable {
                url,
                reason: error.to_string(),
            },
            ureq::Error::HostNotFound => NetError::Unreachable {
                url,
                reason: "the host name is not known".to_owned(),
            },
            ureq::Error::ConnectionFailed => NetError::Unreachable {
                url,
                reason: "the connection failed".to_owned(),
            },
            ureq::Error::BodyExceedsLimit(limit) => NetError::Unreachable {
                url,
                reason: format!("the answer is longer than {limit} bytes"),
            },
            other => NetError::Unreachable {
                url,
                reason: other.to_string(),
            },
        }
    }
}
