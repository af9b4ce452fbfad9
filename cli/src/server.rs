//! The HTTP/1.1 server of `listen`. It reads each request itself, so that the bytes it saves
//! and verifies are exactly those that arrived: httparse only splits the head, and the head and
//! body are kept as read. A thread serves each connection, requests one after another.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The longest request head read, in bytes.
const MAX_HEAD_LEN: usize = 64 * 1024;
/// The longest body read, in bytes: four times the library extractors' default limit.
pub const MAX_BODY_LEN: usize = 1 << 20;
/// The most headers one request may have.
const MAX_HEADERS: usize = 128;
/// The most connections served at once; more are answered 503.
const MAX_CONNECTIONS: usize = 64;
/// How long a connection may stay silent.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// One request as it arrived.
#[derive(Debug)]
pub struct Incoming {
    /// The head and the body, byte for byte as read: what a capture holds.
    pub raw: Vec<u8>,
    /// Where the body starts in `raw`.
    pub body_start: usize,
    /// As the request line has it.
    pub method: String,
    /// The request target: path and query.
    pub target: String,
    /// Names as sent; values as bytes, as sent.
    pub headers: Vec<(String, Vec<u8>)>,
}

impl Incoming {
    /// The body bytes as they arrived.
    pub fn body(&self) -> &[u8] {
        self.raw.get(self.body_start..).unwrap_or_default()
    }

    /// The target's path, without the query.
    pub fn path(&self) -> &str {
        self.target
            .split_once('?')
            .map_or(self.target.as_str(), |(path, _)| path)
    }

    /// The target's query, without its `?`.
    pub fn query(&self) -> Option<&str> {
        self.target.split_once('?').map(|(_, query)| query)
    }
}

/// An answer to write back.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// The HTTP status.
    pub status: u16,
    /// Without `Content-Length` or `Connection`, which the server writes.
    pub headers: Vec<(String, Vec<u8>)>,
    /// Written after the head, with its `Content-Length`.
    pub body: Vec<u8>,
}

impl Outgoing {
    /// `status` with a short plain-text reason as the body.
    pub fn text(status: u16, reason: &str) -> Outgoing {
        Outgoing {
            status,
            headers: vec![(
                "Content-Type".to_owned(),
                b"text/plain; charset=utf-8".to_vec(),
            )],
            body: reason.as_bytes().to_vec(),
        }
    }
}

/// What serves each request.
pub type Handler = Arc<dyn Fn(Incoming) -> Outgoing + Send + Sync>;

/// Serves `listener` until the process ends.
pub fn serve(listener: TcpListener, handler: Handler) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else {
            continue;
        };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let _ = write_response(
                &mut stream,
                &Outgoing::text(503, "too many connections at once"),
                true,
            );
            continue;
        }
        let handler = Arc::clone(&handler);
        let open = Arc::clone(&open);
        std::thread::spawn(move || {
            let _ = serve_connection(stream, &handler);
            open.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// A request that cannot be read, answered with `status` and the connection closed.
struct Refusal {
    status: u16,
    reason: &'static str,
}

fn serve_connection(mut stream: TcpStream, handler: &Handler) -> io::Result<()> {
    // Each answer goes out in one write; without this, Nagle's algorithm holds it back until
    // the client acknowledges, which costs a delayed ACK (40 ms) per request.
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
    stream.set_write_timeout(Some(IDLE_TIMEOUT))?;
    let mut buffer = Vec::new();
    loop {
        let request = match read_request(&mut stream, &mut buffer) {
            Ok(Some(request)) => request,
            Ok(None) => return Ok(()),
            Err(Ok(refusal)) => {
                return write_response(
                    &mut stream,
                    &Outgoing::text(refusal.status, refusal.reason),
                    true,
                );
            }
            Err(Err(error)) => return Err(error),
        };
        let close = wants_close(&request);
        let answer = handler(request);
        write_response(&mut stream, &answer, close)?;
        if close {
            return Ok(());
        }
    }
}

/// Whether the client asked to close the connection after this request.
fn wants_close(request: &Incoming) -> bool {
    let connection = header(&request.headers, "connection")
        .map(|value| String::from_utf8_lossy(value).to_ascii_lowercase());
    match connection.as_deref() {
        Some(value) if value.contains("close") => true,
        Some(value) if value.contains("keep-alive") => false,
        _ => head_is_http10(&request.raw),
    }
}

/// Whether the request line says HTTP/1.0, whose connections close unless kept alive.
fn head_is_http10(raw: &[u8]) -> bool {
    crate::capture::lines(raw)
        .find(|line| !line.trim_ascii().is_empty())
        .is_some_and(|line| line.trim_ascii_end().ends_with(b"HTTP/1.0"))
}

fn header<'a>(headers: &'a [(String, Vec<u8>)], name: &str) -> Option<&'a [u8]> {
    headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_slice())
}

/// Reads one request from the stream, starting with what `buffer` already holds (the rest of
/// a previous read). `Ok(None)` when the client closed the connection between requests.
fn read_request(
    stream: &mut TcpStream,
    buffer: &mut Vec<u8>,
) -> Result<Option<Incoming>, Result<Refusal, io::Error>> {
    let head_len = loop {
        if let Some(end) = head_end(buffer) {
            break end;
        }
        // What cannot begin an HTTP/1.x head (a TLS handshake sent to this plain port, say)
        // is refused at once rather than waited on until the client gives up.
        if !buffer.trim_ascii_start().is_empty() {
            let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
            if let Err(error) = httparse::Request::new(&mut slots).parse(buffer) {
                if error != httparse::Error::TooManyHeaders {
                    return Err(Ok(Refusal {
                        status: 400,
                        reason: "this is not an HTTP/1.x request (HTTPS to a plain http:// port?)",
                    }));
                }
            }
        }
        if buffer.len() > MAX_HEAD_LEN {
            return Err(Ok(Refusal {
                status: 431,
                reason: "the request head is longer than 64 KiB",
            }));
        }
        let mut chunk = [0u8; 8192];
        let read = stream.read(&mut chunk).map_err(Err)?;
        if read == 0 {
            return if buffer.iter().all(u8::is_ascii_whitespace) {
                Ok(None)
            } else {
                Err(Err(io::ErrorKind::UnexpectedEof.into()))
            };
        }
        buffer.extend_from_slice(chunk.get(..read).unwrap_or_default());
    };
    let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut slots);
    let bad = |reason| {
        Err(Ok(Refusal {
            status: 400,
            reason,
        }))
    };
    match parsed.parse(buffer.get(..head_len).unwrap_or_default()) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => {
            return Err(Ok(Refusal {
                status: 431,
                reason: "the request has more than 128 headers",
            }))
        }
        _ => return bad("the request head is not HTTP/1.x"),
    }
    let method = parsed.method.unwrap_or_default().to_owned();
    let target = parsed.path.unwrap_or_default().to_owned();
    let headers: Vec<(String, Vec<u8>)> = parsed
        .headers
        .iter()
        .map(|header| (header.name.to_owned(), header.value.to_vec()))
        .collect();
    if header(&headers, "transfer-encoding").is_some() {
        return Err(Ok(Refusal {
            status: 411,
            reason: "send the body with a Content-Length: a chunked body is not read here",
        }));
    }
    let lengths: Vec<&[u8]> = headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .map(|(_, value)| value.as_slice())
        .collect();
    let body_len = match lengths.as_slice() {
        [] => 0,
        [value] => match std::str::from_utf8(value)
            .ok()
            .and_then(|text| text.trim().parse::<usize>().ok())
        {
            Some(len) => len,
            None => return bad("Content-Length is not a number"),
        },
        _ => return bad("Content-Length appears more than once"),
    };
    if body_len > MAX_BODY_LEN {
        return Err(Ok(Refusal {
            status: 413,
            reason: "the body is longer than 1 MiB",
        }));
    }
    if header(&headers, "expect").is_some_and(|value| value.eq_ignore_ascii_case(b"100-continue")) {
        stream
            .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
            .map_err(Err)?;
    }
    let total = head_len + body_len;
    while buffer.len() < total {
        let mut chunk = vec![0u8; (total - buffer.len()).min(64 * 1024)];
        let read = stream.read(&mut chunk).map_err(Err)?;
        if read == 0 {
            return Err(Err(io::ErrorKind::UnexpectedEof.into()));
        }
        buffer.extend_from_slice(chunk.get(..read).unwrap_or_default());
    }
    let rest = buffer.split_off(total);
    let raw = std::mem::replace(buffer, rest);
    Ok(Some(Incoming {
        raw,
        body_start: head_len,
        method,
        target,
        headers,
    }))
}

/// The length of the head (through its blank line) when `buffer` holds all of it. Blank lines
/// before the request line are part of the head, as servers skip them.
fn head_end(buffer: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(offset) = buffer.get(at..)?.iter().position(|&byte| byte == b'\n') {
        let line_end = at + offset + 1;
        let line = buffer.get(at..line_end)?;
        let before_request_line = buffer.get(..at)?.iter().all(u8::is_ascii_whitespace);
        if (line == b"\r\n" || line == b"\n") && !before_request_line {
            return Some(line_end);
        }
        at = line_end;
    }
    None
}

fn write_response(stream: &mut TcpStream, answer: &Outgoing, close: bool) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        answer.status,
        reason_phrase(answer.status)
    )
    .into_bytes();
    for (name, value) in &answer.headers {
        if crate::client::is_hop_by_hop(name) {
            continue;
        }
        head.extend_from_slice(name.as_bytes());
        head.extend_from_slice(b": ");
        head.extend_from_slice(value);
        head.extend_from_slice(b"\r\n");
    }
    // A 204 or 304 has no body, and so no Content-Length.
    if !matches!(answer.status, 204 | 304) {
        head.extend_from_slice(format!("Content-Length: {}\r\n", answer.body.len()).as_bytes());
    }
    let connection = if close { "close" } else { "keep-alive" };
    head.extend_from_slice(format!("Connection: {connection}\r\n\r\n").as_bytes());
    if !matches!(answer.status, 204 | 304) {
        head.extend_from_slice(&answer.body);
    }
    stream.write_all(&head)?;
    stream.flush()
}

fn reason_phrase(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        411 => "Length Required",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "",
    }
}
