//! `commerce-webhooks`: test a webhook endpoint for LeaseCloud, Montly, EZQ Venture, Kinguin and
//! Spark Pay with the deliveries the providers document, signed as they sign them, and judged as
//! they judge the answers; watch and verify what arrives; sign bodies; explain captures.
//!
//! Built on the `commerce-webhooks` library's signers, verifiers, page samples and reply types.

mod capture;
mod client;
mod deliver;
mod inspect;
mod listen;
mod provider;
mod secrets;
mod server;
mod set_field;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use commerce_webhooks::sparkpay::EventType;
use commerce_webhooks::Secret;
use time::OffsetDateTime;

use crate::capture::RawRequest;
use crate::client::Client;
use crate::deliver::{shown_answer, shown_duration};
use crate::provider::{ProviderName, PROVIDER_ARGS};
use crate::secrets::SecretSource;

const AFTER_HELP: &str = "\
Providers: leasecloud, montly, ezq, kinguin, sparkpay. Event names are the provider's own
(order.created, product.update, OrderPlaced).

Exit status: 0 when the provider would count every delivery delivered, 1 when an answer would
make it retry (or fail a Spark Pay reply), 2 for a usage or network error.

First steps:
  export LEASECLOUD_SECRET=whsec_…
  commerce-webhooks trigger leasecloud https://shop.example/webhooks/leasecloud --secret-env LEASECLOUD_SECRET
  commerce-webhooks listen leasecloud --port 4000 --secret-env LEASECLOUD_SECRET --forward-to http://127.0.0.1:3000/webhooks/leasecloud";

/// Test a webhook endpoint with the deliveries LeaseCloud, Montly, EZQ Venture, Kinguin and
/// Spark Pay send, and see what arrives.
#[derive(Debug, Parser)]
#[command(name = "commerce-webhooks", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Send one signed delivery and judge the answer as the provider would.
    ///
    /// The body is a page sample (--event), a file (--body) or a captured request (--request),
    /// signed now and posted byte for byte. Spark Pay is posted to <URL>/<EventType>?token=….
    Send(SendArgs),
    /// Send every page sample of a provider in turn, then print a table of the verdicts.
    ///
    /// Spark Pay: each of its 30 event types is posted to <URL>/<EventType>?token=<secret>, one
    /// URL per event type, the way its subscriptions are registered.
    Trigger(TriggerArgs),
    /// Receive deliveries on 127.0.0.1, verify each, and answer as the provider expects.
    ///
    /// Prints one line per delivery (event, id, idempotency key, verdict and the reason for a
    /// refusal), never a secret, token or signature. A refused request is answered 401 and not
    /// forwarded.
    Listen(ListenArgs),
    /// Print the headers the provider would send with a body, as `Name: value` lines.
    ///
    /// The lines carry the signature; Kinguin's carry the secret itself, which is what Kinguin
    /// sends. With --curl and --secret-env, Kinguin's secret and Spark Pay's token are written
    /// as the variable, so the command holds no secret.
    Sign(SignArgs),
    /// Explain a captured request: what verifies, what fails, and why.
    ///
    /// Without arguments, inspects a built-in sample whose body gained a trailing newline.
    /// When no signature matches, the report tries the body as it may have been before
    /// something on the way changed it: a trailing newline or CRLF, line endings, surrounding
    /// whitespace, bytes past Content-Length, JSON laid out again with its keys in order.
    /// When the request is authentic as received and its body parses, the report ends with the
    /// body's unknown fields: one line per JSON path the typed event does not read
    /// (`data.items[].warranty`), or a line saying there are none.
    #[command(after_help = INSPECT_EXAMPLES)]
    Inspect(InspectArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

const INSPECT_EXAMPLES: &str = "\
Examples:
  commerce-webhooks inspect leasecloud --secret-env LEASECLOUD_SECRET --request capture.http --now 1700000042
  commerce-webhooks inspect ezq --secret-file ezq-secrets.txt --headers headers.txt --body body.json
  commerce-webhooks inspect sparkpay --secret-env SPARKPAY_TOKEN --request capture.http";

/// Where the secrets come from. Both repeat; secrets are taken in the order given, newest
/// first.
#[derive(Debug, Args)]
struct SecretArgs {
    /// The secret (Spark Pay: the URL token) is the value of the environment variable VAR.
    #[arg(long = "secret-env", value_name = "VAR")]
    secret_env: Vec<String>,
    /// One secret per non-empty line of FILE; several lines are a key rotation, newest first.
    #[arg(long = "secret-file", value_name = "FILE")]
    secret_file: Vec<PathBuf>,
    /// Refused: a secret on the command line stays in the shell's history and shows in `ps`.
    #[arg(long = "secret", value_name = "VALUE", hide = true)]
    secret: Option<String>,
}

#[derive(Debug, Args)]
struct SendArgs {
    /// leasecloud, montly, ezq, kinguin or sparkpay.
    provider: String,
    /// The endpoint, http:// or https://.
    url: String,
    /// Send the page sample of this event (the provider's own name; an unknown one lists them).
    #[arg(long, value_name = "NAME")]
    event: Option<String>,
    /// Send this file's bytes as the body (Kinguin and Spark Pay: with --event to name it).
    #[arg(long, value_name = "FILE", conflicts_with = "request")]
    body: Option<PathBuf>,
    /// Send a captured request again (as `listen --save` writes it), signed now.
    #[arg(long, value_name = "CAPTURE")]
    request: Option<PathBuf>,
    /// Change a value of the body before signing: `data.orderId=43`, `data.items[0].quantity=2`.
    /// VALUE is JSON when it reads as JSON, else a string. Repeats.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    set: Vec<String>,
    #[command(flatten)]
    secrets: SecretArgs,
    #[command(flatten)]
    output: DeliveryOutput,
}

#[derive(Debug, Args)]
struct TriggerArgs {
    /// leasecloud, montly, ezq, kinguin or sparkpay.
    provider: String,
    /// The endpoint, http:// or https:// (Spark Pay: the URL that the event types are under).
    url: String,
    /// Send only the samples of this event; repeats.
    #[arg(long, value_name = "NAME")]
    only: Vec<String>,
    #[command(flatten)]
    secrets: SecretArgs,
    #[command(flatten)]
    output: DeliveryOutput,
}

#[derive(Debug, Args)]
struct DeliveryOutput {
    /// Print one JSON object per delivery instead of text.
    #[arg(long)]
    json: bool,
    /// Seconds to wait for each answer.
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = parse_timeout)]
    timeout: Duration,
}

#[derive(Debug, Args)]
struct ListenArgs {
    /// leasecloud, montly, ezq, kinguin or sparkpay.
    provider: String,
    /// The port on 127.0.0.1 (0 for any free one; the line on stderr says which).
    #[arg(long)]
    port: u16,
    /// Pass each authentic request on unchanged (every header but Host and the connection's,
    /// the body byte for byte) and relay the answer. Spark Pay: to <URL>/<EventType>?<query>.
    #[arg(long = "forward-to", value_name = "URL")]
    forward_to: Option<String>,
    /// Save each request byte for byte into DIR, as `inspect` and `send --request` read it.
    /// A capture holds what arrived, Kinguin's secret header included: keep it private.
    #[arg(long, value_name = "DIR")]
    save: Option<PathBuf>,
    /// Print each verified event whole, as the library types it.
    #[arg(short, long)]
    verbose: bool,
    #[command(flatten)]
    secrets: SecretArgs,
    #[command(flatten)]
    output: DeliveryOutput,
}

#[derive(Debug, Args)]
struct SignArgs {
    /// leasecloud, montly, ezq, kinguin or sparkpay.
    provider: String,
    /// The body to sign, as sent.
    #[arg(long, value_name = "FILE")]
    body: PathBuf,
    /// The event: Kinguin's X-Event-Name; Spark Pay's event type (for --curl).
    #[arg(long, value_name = "NAME")]
    event: Option<String>,
    /// Print a ready curl command posting the body to URL instead.
    #[arg(long, value_name = "URL")]
    curl: Option<String>,
    #[command(flatten)]
    secrets: SecretArgs,
}

#[derive(Debug, Args)]
struct InspectArgs {
    /// leasecloud, montly, ezq, kinguin or sparkpay.
    provider: Option<String>,
    /// A raw HTTP/1.x request as captured: request line, header lines, a blank line (CRLF or
    /// LF), then the body bytes; the request line gives the path and query (Spark Pay's event
    /// type and token).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["body", "headers", "url"])]
    request: Option<PathBuf>,
    /// `Name: value` lines as logged.
    #[arg(long, value_name = "FILE")]
    headers: Option<PathBuf>,
    /// The body bytes as received.
    #[arg(long, value_name = "FILE")]
    body: Option<PathBuf>,
    /// The path and query called (needed for Spark Pay).
    #[arg(long, value_name = "PATH?QUERY")]
    url: Option<String>,
    /// Judge the signature's timestamp at this time, not by the clock.
    #[arg(long, value_name = "UNIX_SECONDS", allow_hyphen_values = true)]
    now: Option<i64>,
    #[command(flatten)]
    secrets: SecretArgs,
}

/// A failure to report: one line, and the exit status.
struct Failure {
    status: u8,
    message: String,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            status: 2,
            message: message.into(),
        }
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::usage(message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Failure {
        Failure::usage(message)
    }
}

fn main() -> ExitCode {
    let matches = match Cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(error) => return clap_failure(&error),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => return clap_failure(&error),
    };
    let sub_matches = matches.subcommand().map(|(_, sub)| sub);
    match run(cli.command, sub_matches) {
        Ok(code) => code,
        Err(failure) => {
            let _ = std::io::stdout().flush();
            // One line: a message that spans several is joined.
            eprintln!("error: {}", failure.message.replace('\n', " "));
            ExitCode::from(failure.status)
        }
    }
}

/// Prints a command-line error as one line, never repeating a value that may be a secret.
fn clap_failure(error: &clap::Error) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    let message = match (error.kind(), error.get(ContextKind::InvalidArg)) {
        (ErrorKind::UnknownArgument, Some(ContextValue::String(arg))) if arg.starts_with('-') => {
            // Only the part before any `=`: what follows may be a secret.
            let name = arg.split('=').next().unwrap_or_default();
            let suggestion = match error.get(ContextKind::SuggestedArg) {
                Some(ContextValue::String(suggested)) => format!(" (did you mean {suggested}?)"),
                _ => String::new(),
            };
            format!("unknown option {name}{suggestion}")
        }
        (ErrorKind::MissingRequiredArgument, Some(ContextValue::Strings(missing))) => {
            format!("missing {}", missing.join(", "))
        }
        (ErrorKind::UnknownArgument, _) => "an unexpected value was given (not repeated here, \
                                            in case it is a secret): each value goes after its \
                                            option"
            .to_owned(),
        _ => {
            let rendered = error.to_string();
            let first = rendered
                .lines()
                .find(|line| !line.trim().is_empty())
                .unwrap_or("invalid arguments");
            first.strip_prefix("error: ").unwrap_or(first).to_owned()
        }
    };
    eprintln!("error: {message} (--help for usage)");
    ExitCode::from(2)
}

fn parse_timeout(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .parse()
        .map_err(|_| "a number of seconds, e.g. 10 or 0.5".to_owned())?;
    if !(seconds.is_finite() && seconds > 0.0 && seconds <= 86_400.0) {
        return Err("between 0 and 86400 seconds".to_owned());
    }
    Ok(Duration::from_secs_f64(seconds))
}

fn run(command: Command, matches: Option<&ArgMatches>) -> Result<ExitCode, Failure> {
    let sources = matches.map(secret_sources).unwrap_or_default();
    match command {
        Command::Send(args) => send(args, &sources),
        Command::Trigger(args) => trigger(args, &sources),
        Command::Listen(args) => listen(args, &sources),
        Command::Sign(args) => sign(args, &sources),
        Command::Inspect(args) => inspect(args, &sources),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "commerce-webhooks",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The `--secret-env` and `--secret-file` of a command, in the order given across both.
fn secret_sources(matches: &ArgMatches) -> Vec<SecretSource> {
    let mut sources: Vec<(usize, SecretSource)> = Vec::new();
    // `completions` has no secret arguments: clap panics on a question about an unknown one.
    if let Ok(Some(values)) = matches.try_get_many::<String>("secret_env") {
        if let Some(indices) = matches.indices_of("secret_env") {
            sources.extend(indices.zip(values.map(|var| SecretSource::Env(var.clone()))));
        }
    }
    if let Ok(Some(values)) = matches.try_get_many::<PathBuf>("secret_file") {
        if let Some(indices) = matches.indices_of("secret_file") {
            sources.extend(indices.zip(values.map(|path| SecretSource::File(path.clone()))));
        }
    }
    sources.sort_by_key(|(index, _)| *index);
    sources.into_iter().map(|(_, source)| source).collect()
}

/// The secrets, once `--secret` is refused.
fn load_secrets(args: &SecretArgs, sources: &[SecretSource]) -> Result<Vec<Secret>, Failure> {
    if args.secret.is_some() {
        return Err(Failure::usage(
            "--secret is not accepted: a secret on the command line stays in the shell's \
             history and shows in `ps`. Use --secret-env VAR (the secret in an environment \
             variable) or --secret-file FILE (one secret per line)",
        ));
    }
    Ok(secrets::load(sources)?)
}

fn read_file(option: &str, path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path)
        .map_err(|error| Failure::usage(format!("{option} {}: {error}", path.display())))
}

/// `body` with each `--set` applied.
fn apply_sets(body: Vec<u8>, sets: &[String]) -> Result<Vec<u8>, Failure> {
    if sets.is_empty() {
        return Ok(body);
    }
    let mut text = String::from_utf8(body)
        .map_err(|_| Failure::usage("--set: the body is not UTF-8 text, so not JSON"))?;
    for set in sets {
        text = set_field::apply(&text, set)?;
    }
    Ok(text.into_bytes())
}

fn send(args: SendArgs, sources: &[SecretSource]) -> Result<ExitCode, Failure> {
    let provider = ProviderName::from_arg(&args.provider)?;
    let secrets = load_secrets(&args.secrets, sources)?;
    let delivery =
        match (&args.event, &args.body, &args.request) {
            (Some(event), None, None) => {
                let sample = provider.sample(event)?;
                let body = apply_sets(sample.body.as_bytes().to_vec(), &args.set)?;
                deliver::build(provider, &secrets, &args.url, Some(event), body, Vec::new())?
            }
            (event, Some(path), None) => {
                if event.is_some()
                    && !matches!(provider, ProviderName::Kinguin | ProviderName::SparkPay)
                {
                    return Err(Failure::usage(format!(
                        "with --body, {} reads the event from the body: leave out --event",
                        provider.name()
                    )));
                }
                let body = apply_sets(read_file("--body", path)?, &args.set)?;
                deliver::build(
                    provider,
                    &secrets,
                    &args.url,
                    event.as_deref(),
                    body,
                    Vec::new(),
                )?
            }
            (event, None, Some(path)) => {
                let captured = read_capture(path)?;
                let event = event
                    .clone()
                    .or_else(|| captured_event(provider, &captured));
                let kept = captured
                    .headers
                    .iter()
                    .filter(|(name, _)| !client::is_hop_by_hop(name))
                    .map(|(name, value)| (name.clone(), value.clone().into_bytes()))
                    .collect();
                let body = apply_sets(captured.body, &args.set)?;
                deliver::build(provider, &secrets, &args.url, event.as_deref(), body, kept)?
            }
            (None, None, None) => return Err(Failure::usage(
                "say what to send: --event NAME (a page sample), --body FILE or --request CAPTURE",
            )),
            (Some(_), _, Some(_)) | (_, Some(_), Some(_)) => {
                return Err(Failure::usage("--request holds the body: leave out --body"))
            }
        };
    let client = Client::new(args.output.timeout);
    if !args.output.json {
        let id = delivery
            .id
            .as_deref()
            .map(|id| format!(" ({id})"))
            .unwrap_or_default();
        println!(
            "{} {}{id} → POST {}",
            provider.name(),
            delivery.event,
            delivery.shown_url()
        );
    }
    let (answer, verdict) = delivery
        .send(&client)
        .map_err(|error| Failure::usage(error.to_string()))?;
    if args.output.json {
        print_json(&delivery.report(&answer, &verdict));
    } else {
        let shown = shown_answer(&answer.body);
        let separator = if shown.is_empty() { "" } else { ": " };
        println!(
            "← {} in {}{separator}{shown}",
            answer.status,
            shown_duration(answer.elapsed)
        );
        let mark = if verdict.delivered {
            "✓ delivered"
        } else {
            "✗ not delivered"
        };
        println!("{mark}: {}", verdict.reason);
    }
    Ok(exit_for(verdict.delivered))
}

fn exit_for(delivered: bool) -> ExitCode {
    if delivered {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn print_json(value: &impl serde::Serialize) {
    if let Ok(text) = serde_json::to_string(value) {
        println!("{text}");
    }
}

fn read_capture(path: &Path) -> Result<RawRequest, Failure> {
    let raw = read_file("--request", path)?;
    let request = RawRequest::from_capture(&raw);
    if request.method.is_none() || !request.has_body {
        return Err(Failure::usage(format!(
            "--request {}: not a capture (a request line such as `POST /path HTTP/1.1`, header \
             lines, a blank line, then the body)",
            path.display()
        )));
    }
    Ok(request)
}

/// The event a capture names outside its body: Kinguin's header, Spark Pay's path.
fn captured_event(provider: ProviderName, captured: &RawRequest) -> Option<String> {
    match provider {
        ProviderName::Kinguin => captured
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(commerce_webhooks::kinguin::NAME_HEADER))
            .map(|(_, value)| value.clone()),
        ProviderName::SparkPay => captured
            .path
            .as_deref()
            .and_then(|path| path.trim_end_matches('/').rsplit('/').next())
            .map(str::to_owned),
        _ => None,
    }
}

fn trigger(args: TriggerArgs, sources: &[SecretSource]) -> Result<ExitCode, Failure> {
    let provider = ProviderName::from_arg(&args.provider)?;
    let secrets = load_secrets(&args.secrets, sources)?;
    for name in &args.only {
        provider.sample(name)?;
    }
    let samples: Vec<_> = provider
        .samples()
        .iter()
        .filter(|sample| args.only.is_empty() || args.only.iter().any(|only| only == sample.event))
        .collect();
    let client = Client::new(args.output.timeout);
    let mut rows = Vec::new();
    for (index, sample) in samples.iter().enumerate() {
        let delivery = deliver::build(
            provider,
            &secrets,
            &args.url,
            Some(sample.event),
            sample.body.as_bytes().to_vec(),
            Vec::new(),
        )?;
        let progress = format!("[{}/{}] {}", index + 1, samples.len(), delivery.event);
        let (answer, verdict) = delivery
            .send(&client)
            .map_err(|error| Failure::usage(format!("{progress}: {error}")))?;
        if args.output.json {
            print_json(&delivery.report(&answer, &verdict));
        } else {
            let mark = if verdict.delivered { "✓" } else { "✗" };
            println!(
                "{progress} → {} in {} {mark} {}",
                answer.status,
                shown_duration(answer.elapsed),
                verdict.reason
            );
        }
        rows.push((delivery.event, answer.status, answer.elapsed, verdict));
    }
    let delivered = rows.iter().filter(|row| row.3.delivered).count();
    if !args.output.json {
        print_table(provider, &client::shown_url(&args.url), &rows);
        println!(
            "{delivered} of {} delivered as {} counts it",
            rows.len(),
            provider.name()
        );
    }
    Ok(exit_for(delivered == rows.len()))
}

fn print_table(
    provider: ProviderName,
    url: &str,
    rows: &[(String, u16, Duration, deliver::Verdict)],
) {
    let width = rows
        .iter()
        .map(|row| row.0.chars().count())
        .chain([5])
        .max()
        .unwrap_or(5);
    println!();
    println!("{} → {url}", provider.name());
    println!(
        "{:<width$}  {:>6}  {:>8}  VERDICT",
        "EVENT", "STATUS", "TIME"
    );
    for (event, status, elapsed, verdict) in rows {
        let mark = if verdict.delivered {
            "✓ delivered".to_owned()
        } else {
            format!("✗ not delivered: {}", verdict.reason)
        };
        println!(
            "{event:<width$}  {status:>6}  {:>8}  {mark}",
            shown_duration(*elapsed)
        );
    }
}

fn listen(args: ListenArgs, sources: &[SecretSource]) -> Result<ExitCode, Failure> {
    let provider = ProviderName::from_arg(&args.provider)?;
    let secrets = load_secrets(&args.secrets, sources)?;
    let options = listen::Options {
        port: args.port,
        forward_to: args.forward_to,
        save: args.save,
        verbose: args.verbose,
        json: args.output.json,
        client: Client::new(args.output.timeout),
    };
    listen::run(provider, secrets, options)?;
    Ok(ExitCode::SUCCESS)
}

fn sign(args: SignArgs, sources: &[SecretSource]) -> Result<ExitCode, Failure> {
    let provider = ProviderName::from_arg(&args.provider)?;
    let secrets = load_secrets(&args.secrets, sources)?;
    let body = read_file("--body", &args.body)?;
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let headers = deliver::signed_headers(provider, &secrets, args.event.as_deref(), &body, now)?;
    // With the secret in a variable, a curl command can name the variable rather than hold the
    // secret: Kinguin sends its secret as a header, Spark Pay its token in the URL.
    let variable = match sources.first() {
        Some(SecretSource::Env(var)) => Some(var.as_str()),
        _ => None,
    };
    let Some(url) = &args.curl else {
        for (name, value) in &headers {
            println!("{name}: {value}");
        }
        if provider == ProviderName::SparkPay {
            eprintln!(
                "Spark Pay signs nothing: it is authenticated by the token in the URL it calls, \
                 <URL>/<EventType>?token=… (--curl URL --event EVENT_TYPE prints it)"
            );
        }
        return Ok(ExitCode::SUCCESS);
    };
    let token_var = variable.filter(|_| provider == ProviderName::SparkPay);
    let url = match provider {
        ProviderName::SparkPay => {
            let name = args
                .event
                .as_deref()
                .ok_or("Spark Pay names the event by its URL: give --event EVENT_TYPE")?;
            let event_type: EventType = name.parse().map_err(|error| format!("{error}"))?;
            let token = secrets.first().ok_or("no secret")?;
            let signed = deliver::sparkpay_url(url, event_type, token);
            // The variable can stand for the token only when the URL holds it as it is.
            match token_var {
                Some(var)
                    if commerce_webhooks::sparkpay::Webhook::sign_query(token).len()
                        == "token=".len() + token.len() =>
                {
                    let cut = signed.len() - token.len();
                    format!("{}${{{var}}}", signed.get(..cut).unwrap_or(&signed))
                }
                _ => signed,
            }
        }
        _ => url.clone(),
    };
    let mut command = format!(
        "curl -sS -X POST {}",
        shell_quote(&url, token_var.is_some())
    );
    for (name, value) in &headers {
        let line = match variable {
            Some(var) if name.eq_ignore_ascii_case(commerce_webhooks::kinguin::SECRET_HEADER) => {
                shell_quote(&format!("{name}: ${{{var}}}"), true)
            }
            _ => shell_quote(&format!("{name}: {value}"), false),
        };
        command.push_str(&format!(" \\\n  -H {line}"));
    }
    let file = args.body.display().to_string();
    command.push_str(&format!(
        " \\\n  --data-binary {}",
        shell_quote(&format!("@{file}"), false)
    ));
    println!("{command}");
    Ok(ExitCode::SUCCESS)
}

/// `text` as one shell word: in single quotes, or in double quotes when it names a variable to
/// expand (then `"`, `\`, `` ` `` are escaped; `$` is left for the variable).
fn shell_quote(text: &str, expand: bool) -> String {
    if expand {
        let escaped: String = text
            .chars()
            .flat_map(|c| match c {
                '"' | '\\' | '`' => vec!['\\', c],
                _ => vec![c],
            })
            .collect();
        format!("\"{escaped}\"")
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

fn inspect(args: InspectArgs, sources: &[SecretSource]) -> Result<ExitCode, Failure> {
    let nothing_given = args.provider.is_none()
        && sources.is_empty()
        && args.secrets.secret.is_none()
        && args.request.is_none()
        && args.headers.is_none()
        && args.body.is_none()
        && args.url.is_none()
        && args.now.is_none();
    if nothing_given {
        let capture = inspect::sample().map_err(|error| Failure::usage(error.to_string()))?;
        println!("No arguments: inspecting a built-in sample (--help for usage).\n");
        print!("{}", inspect::inspect(&capture));
        return Ok(ExitCode::SUCCESS);
    }
    let provider =
        ProviderName::from_arg(args.provider.as_deref().ok_or_else(|| {
            format!("name a provider first: {PROVIDER_ARGS} (--help for usage)")
        })?)?;
    let secrets = load_secrets(&args.secrets, sources)?;
    let request = match (&args.request, &args.body) {
        (Some(path), _) => RawRequest::from_capture(&read_file("--request", path)?),
        (None, Some(body)) => {
            let mut request = RawRequest::default();
            if let Some(headers) = &args.headers {
                request.read_headers(&read_file("--headers", headers)?);
            }
            if let Some(url) = &args.url {
                request.set_url(url);
            }
            request.body = read_file("--body", body)?;
            request
        }
        (None, None) => {
            return Err(Failure::usage(
                "give the request: --request FILE, or --body FILE with --headers FILE",
            ))
        }
    };
    let now = args
        .now
        .map(OffsetDateTime::from_unix_timestamp)
        .transpose()
        .map_err(|error| Failure::usage(format!("--now: {error}")))?;
    let capture = inspect::Capture {
        provider,
        secrets,
        request,
        now,
    };
    print!("{}", inspect::inspect(&capture));
    Ok(ExitCode::SUCCESS)
}
