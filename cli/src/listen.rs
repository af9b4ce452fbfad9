//! `listen`: receives deliveries on 127.0.0.1, verifies each with the library, prints one line
//! per delivery, answers as the provider expects or relays the answer of `--forward-to`, and
//! saves each request byte for byte with `--save`.

use std::fmt::Debug;
use std::fs::OpenOptions;
use std::io::Write as _;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use commerce_webhooks::{
    ezq, kinguin, leasecloud, montly, sparkpay, Error, Reply, Request, Secret, WebhookEvent,
};
use serde::Serialize;

use crate::client::{self, Client, Outgoing};
use crate::deliver::{shown_answer, shown_duration};
use crate::provider::{Hook, ProviderName};
use crate::server::{self, Incoming};

/// How `listen` runs.
pub struct Options {
    /// On 127.0.0.1; 0 for any free port.
    pub port: u16,
    /// Where authentic requests are passed on.
    pub forward_to: Option<String>,
    /// Where each request is saved, byte for byte.
    pub save: Option<PathBuf>,
    /// Print each verified event whole.
    pub verbose: bool,
    /// One JSON object per delivery instead of a line of text.
    pub json: bool,
    /// What forwards.
    pub client: Client,
}

/// Listens until the process is stopped.
///
/// # Errors
/// A message when the secrets are refused, the folder cannot be made, or the port cannot be
/// bound (in use, or not allowed).
pub fn run(provider: ProviderName, secrets: Vec<Secret>, options: Options) -> Result<(), String> {
    match provider {
        ProviderName::LeaseCloud => run_with::<leasecloud::Webhook>(provider, secrets, options),
        ProviderName::Montly => run_with::<montly::Webhook>(provider, secrets, options),
        ProviderName::Ezq => run_with::<ezq::Webhook>(provider, secrets, options),
        ProviderName::Kinguin => run_with::<kinguin::Webhook>(provider, secrets, options),
        ProviderName::SparkPay => run_with::<sparkpay::Webhook>(provider, secrets, options),
    }
}

fn run_with<W>(provider: ProviderName, secrets: Vec<Secret>, options: Options) -> Result<(), String>
where
    W: Hook,
    W::Event: Debug,
{
    let hook = W::with_secrets(secrets).map_err(|error| error.to_string())?;
    if let Some(folder) = &options.save {
        std::fs::create_dir_all(folder)
            .map_err(|error| format!("--save {}: {error}", folder.display()))?;
    }
    let listener = TcpListener::bind(("127.0.0.1", options.port))
        .map_err(|error| format!("cannot listen on 127.0.0.1:{}: {error}", options.port))?;
    let address = listener
        .local_addr()
        .map_err(|error| format!("cannot listen on 127.0.0.1:{}: {error}", options.port))?;
    let mut ready = format!(
        "listening on http://{address} for {} deliveries",
        provider.name()
    );
    if let Some(target) = &options.forward_to {
        ready.push_str(&format!(", forwarding to {}", client::shown_url(target)));
    }
    if let Some(folder) = &options.save {
        ready.push_str(&format!(", saving to {}", folder.display()));
    }
    eprintln!("{ready} (Ctrl-C stops)");
    let listen = Arc::new(Listen {
        provider,
        hook,
        options,
        count: AtomicU64::new(0),
        output: Mutex::new(()),
    });
    server::serve(listener, Arc::new(move |incoming| listen.handle(incoming)));
    Ok(())
}

struct Listen<W> {
    provider: ProviderName,
    hook: W,
    options: Options,
    count: AtomicU64,
    /// Held while a delivery's lines are printed, so deliveries do not interleave.
    output: Mutex<()>,
}

/// What became of one delivery, as `--json` prints it.
#[derive(Debug, Default, Serialize)]
struct Line {
    delivery: u64,
    provider: &'static str,
    method: String,
    path: String,
    event: Option<String>,
    id: Option<String>,
    key: Option<String>,
    /// `verified`, `refused` or `unparsed` (authentic, but the body does not parse).
    verdict: &'static str,
    reason: Option<String>,
    status: u16,
    forwarded: bool,
    elapsed_ms: Option<u128>,
    saved: Option<String>,
}

impl<W> Listen<W>
where
    W: Hook,
    W::Event: Debug,
{
    fn handle(&self, incoming: Incoming) -> server::Outgoing {
        let delivery = self.count.fetch_add(1, Ordering::SeqCst) + 1;
        let mut line = Line {
            delivery,
            provider: self.provider.name(),
            method: incoming.method.clone(),
            path: incoming.path().to_owned(),
            ..Line::default()
        };
        line.saved = self.save(delivery, &incoming.raw);
        let headers = &incoming.headers;
        let body = incoming.body();
        let mut request = Request::new(headers, body).path(incoming.path());
        if let Some(query) = incoming.query() {
            request = request.query(query);
        }
        let mut detail = None;
        let answer = match self.hook.verify_request(&request) {
            Ok(event) => {
                line.event = Some(event.name().to_owned());
                line.id = event.id().map(str::to_owned);
                line.key = Some(event.idempotency_key().into_owned());
                line.verdict = "verified";
                if self.options.verbose {
                    detail = Some(format!("{event:#?}"));
                }
                self.answer(&incoming, &mut line, || W::answer(&event))
            }
            Err(Error::Parse(error)) => {
                line.event = error.event.clone();
                line.id = error.id.clone();
                line.verdict = "unparsed";
                line.reason = Some(format!("authentic, but the body does not parse: {error}"));
                self.answer(&incoming, &mut line, || W::unparsed_reply(&error))
            }
            Err(Error::Verify(error)) => {
                line.verdict = "refused";
                line.reason = Some(error.to_string());
                line.status = 401;
                server::Outgoing::text(401, &error.to_string())
            }
            Err(other) => {
                line.verdict = "refused";
                line.reason = Some(other.to_string());
                line.status = 400;
                server::Outgoing::text(400, &other.to_string())
            }
        };
        self.print(&line, detail.as_deref(), &answer);
        answer
    }

    /// The answer for an authentic request: the receiver's, with `--forward-to`, else what the
    /// provider expects.
    fn answer(
        &self,
        incoming: &Incoming,
        line: &mut Line,
        expected: impl FnOnce() -> Reply,
    ) -> server::Outgoing {
        let Some(target) = &self.options.forward_to else {
            let reply = expected();
            line.status = reply.status_code();
            let mut headers = Vec::new();
            if reply.json_body().is_some() {
                headers.push(("Content-Type".to_owned(), b"application/json".to_vec()));
            }
            return server::Outgoing {
                status: reply.status_code(),
                headers,
                body: reply.into_body(),
            };
        };
        let url = match (self.provider, incoming.query()) {
            // Spark Pay's event type and token travel in the URL: the receiver needs both.
            (ProviderName::SparkPay, query) => {
                let event_type = incoming.path().rsplit('/').next().unwrap_or_default();
                let mut url = format!("{}/{event_type}", target.trim_end_matches('/'));
                if let Some(query) = query {
                    url.push('?');
                    url.push_str(query);
                }
                url
            }
            _ => target.clone(),
        };
        let outgoing = Outgoing {
            method: incoming.method.clone(),
            url,
            headers: incoming.headers.clone(),
            body: incoming.body().to_vec(),
        };
        line.forwarded = true;
        match self.options.client.send(&outgoing) {
            Ok(answer) => {
                line.status = answer.status;
                line.elapsed_ms = Some(answer.elapsed.as_millis());
                server::Outgoing {
                    status: answer.status,
                    headers: answer.headers,
                    body: answer.body,
                }
            }
            Err(error) => {
                line.status = 502;
                line.reason = Some(format!("forwarding failed: {error}"));
                server::Outgoing::text(502, &format!("forwarding failed: {error}"))
            }
        }
    }

    /// Saves the request as it arrived; the file's name, or `None` without `--save` (a failure
    /// is printed and the delivery goes on).
    fn save(&self, delivery: u64, raw: &[u8]) -> Option<String> {
        let folder = self.options.save.as_ref()?;
        let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
        let provider = match self.provider {
            ProviderName::LeaseCloud => "leasecloud",
            ProviderName::Montly => "montly",
            ProviderName::Ezq => "ezq",
            ProviderName::Kinguin => "kinguin",
            ProviderName::SparkPay => "sparkpay",
        };
        for attempt in 0..100 {
            let suffix = if attempt == 0 {
                String::new()
            } else {
                format!("-{attempt}")
            };
            let path = folder.join(format!("{stamp}-{provider}-{delivery:04}{suffix}.http"));
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    return match file.write_all(raw) {
                        Ok(()) => Some(path.display().to_string()),
                        Err(error) => {
                            eprintln!("cannot save {}: {error}", path.display());
                            None
                        }
                    };
                }
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(error) => {
                    eprintln!("cannot save into {}: {error}", folder.display());
                    return None;
                }
            }
        }
        None
    }

    fn print(&self, line: &Line, detail: Option<&str>, answer: &server::Outgoing) {
        let _guard = self.output.lock();
        let mut out = std::io::stdout().lock();
        if self.options.json {
            if let Ok(text) = serde_json::to_string(line) {
                let _ = writeln!(out, "{text}");
            }
        } else {
            let mark = match line.verdict {
                "verified" => "✓",
                "unparsed" => "⚠",
                _ => "✗",
            };
            let mut text = format!(
                "#{} {} {} {}",
                line.delivery,
                line.method,
                line.path,
                line.event.as_deref().unwrap_or("-"),
            );
            if let Some(id) = &line.id {
                text.push_str(&format!(" id={id}"));
            }
            if let Some(key) = &line.key {
                text.push_str(&format!(" key={key}"));
            }
            text.push_str(&format!(" {mark} {}", line.verdict));
            if let Some(reason) = &line.reason {
                text.push_str(&format!(": {reason}"));
            }
            text.push_str(&format!(" → {}", line.status));
            let mut notes = Vec::new();
            if line.forwarded {
                notes.push("forwarded".to_owned());
            }
            if let Some(ms) = line.elapsed_ms {
                let ms = u64::try_from(ms).unwrap_or(u64::MAX);
                notes.push(shown_duration(std::time::Duration::from_millis(ms)));
            }
            if !notes.is_empty() {
                text.push_str(&format!(" ({})", notes.join(", ")));
            }
            if !answer.body.is_empty() && line.verdict != "refused" {
                text.push_str(&format!(" {}", shown_answer(&answer.body)));
            }
            if let Some(saved) = &line.saved {
                text.push_str(&format!(" saved {saved}"));
            }
            let _ = writeln!(out, "{text}");
            if let Some(detail) = detail {
                let _ = writeln!(out, "{detail}");
            }
        }
        let _ = out.flush();
    }
}
