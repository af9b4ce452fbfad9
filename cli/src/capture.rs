//! The capture format: a raw HTTP/1.x request as it arrived (the request line, header lines, a
//! blank line, then the body bytes), which `listen --save` writes byte for byte and `inspect`
//! and `send --request` read; and `Name: value` header lines as a framework logs them.

/// A request read from a capture, and what reading it found odd.
#[derive(Debug, Default)]
pub struct RawRequest {
    /// The request line's method, when the capture had one.
    pub method: Option<String>,
    /// The path called, e.g. `/hooks/sparkpay/GetTax`.
    pub path: Option<String>,
    /// The query string, without its `?`.
    pub query: Option<String>,
    /// The headers in the order received, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body bytes exactly as they follow the blank line.
    pub body: Vec<u8>,
    /// Whether a blank line ended the head, so that the capture holds a body (maybe empty).
    pub has_body: bool,
    /// What reading the capture found odd, for a report; they name lines by number and
    /// headers by name, never by content (a header value may be a secret).
    pub notes: Vec<String>,
}

impl RawRequest {
    /// Reads a raw HTTP/1.x request: request line, header lines, a blank line, the body.
    pub fn from_capture(raw: &[u8]) -> RawRequest {
        let mut request = RawRequest::default();
        request.read_request(raw);
        request
    }

    /// Reads `Name: value` lines as a framework logs them; blank lines are skipped.
    pub fn read_headers(&mut self, text: &[u8]) {
        let lines: Vec<(usize, &[u8])> = lines(text)
            .enumerate()
            .map(|(index, line)| (index + 1, line))
            .filter(|(_, line)| !line.is_empty())
            .collect();
        self.read_header_lines(&lines, "the headers file");
    }

    fn read_request(&mut self, raw: &[u8]) {
        let mut rest = raw;
        let mut line_number = 0;
        let mut request_line = None;
        let mut header_lines = Vec::new();
        let mut body = None;
        while !rest.is_empty() {
            let (line, after) = match rest.iter().position(|&byte| byte == b'\n') {
                Some(end) => (
                    rest.get(..end).unwrap_or_default(),
                    rest.get(end + 1..).unwrap_or_default(),
                ),
                None => (rest, &[][..]),
            };
            line_number += 1;
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            rest = after;
            if request_line.is_none() {
                // Servers skip blank lines before the request line; so does this.
                if !line.is_empty() {
                    request_line = Some((line_number, line));
                }
            } else if line.is_empty() {
                body = Some(after);
                break;
            } else {
                header_lines.push((line_number, line));
            }
        }
        match request_line {
            Some((number, line)) => self.read_request_line(number, line, &mut header_lines),
            None => self.notes.push("the request file is empty".to_owned()),
        }
        self.read_header_lines(&header_lines, "the request");
        match body {
            Some(body) => {
                self.body = body.to_vec();
                self.has_body = true;
            }
            None if request_line.is_some() => self.notes.push(
                "no blank line ends the request's headers: the capture stops inside them, so \
                 it holds no body"
                    .to_owned(),
            ),
            None => {}
        }
    }

    /// Takes the path and query from `--url`: a path with its query, or a whole URL.
    pub fn set_url(&mut self, url: &str) {
        let (path, query) = split_target(url);
        self.path = Some(path);
        self.query = query;
    }

    fn read_request_line<'a>(
        &mut self,
        number: usize,
        line: &'a [u8],
        header_lines: &mut Vec<(usize, &'a [u8])>,
    ) {
        let text = String::from_utf8_lossy(line);
        let parts: Vec<&str> = text.split_ascii_whitespace().collect();
        match parts.as_slice() {
            [method, target, version] if version.starts_with("HTTP/") => {
                self.method = Some((*method).to_owned());
                self.set_url(target);
                if !version.starts_with("HTTP/1.") {
                    self.notes.push(format!(
                        "line {number}, the request line, is not HTTP/1.x: read as if it were"
                    ));
                }
            }
            [method, target] if target.starts_with('/') => {
                self.method = Some((*method).to_owned());
                self.set_url(target);
                self.notes.push(format!(
                    "line {number}, the request line, has no HTTP version: read as HTTP/1.x"
                ));
            }
            _ if split_once_byte(line, b':').is_some_and(|(name, _)| {
                !name.is_empty() && name.iter().all(u8::is_ascii_graphic)
            }) =>
            {
                // A header where the request line should be: a log without its first line.
                self.notes.push(format!(
                    "line {number} is not a request line (`POST /path?query HTTP/1.1`) but looks \
                     like a header: read as one, so the capture gives no path or query"
                ));
                header_lines.insert(0, (number, line));
            }
            _ => self.notes.push(format!(
                "line {number} is not a request line (`POST /path?query HTTP/1.1`): the \
                 capture gives no path or query"
            )),
        }
    }

    fn read_header_lines(&mut self, lines: &[(usize, &[u8])], source: &str) {
        // Whether the line before was kept as a header, so a fold continues that one only.
        let mut previous_kept = false;
        for &(number, line) in lines {
            // A line's text may carry a secret (Kinguin sends it as a header value), so notes
            // name lines by number and headers by name, never by content.
            if line
                .first()
                .is_some_and(|&byte| byte == b' ' || byte == b'\t')
            {
                let continuation = String::from_utf8_lossy(line.trim_ascii()).into_owned();
                match self.headers.last_mut().filter(|_| previous_kept) {
                    Some((name, value)) => {
                        value.push(' ');
                        value.push_str(&continuation);
                        self.notes.push(format!(
                            "line {number} of {source} starts with whitespace: an obs-fold \
                             continuing `{name}`, which HTTP/1.1 deprecates and many servers \
                             refuse; joined to it with a space"
                        ));
                    }
                    None => self.notes.push(format!(
                        "line {number} of {source} starts with whitespace but the line before \
                         is not a header: ignored"
                    )),
                }
                continue;
            }
            previous_kept = false;
            let Some((name, value)) = split_once_byte(line, b':') else {
                self.notes.push(format!(
                    "line {number} of {source} has no `:`, so it is not a header: ignored"
                ));
                continue;
            };
            if name.is_empty() || name.iter().any(|byte| !byte.is_ascii_graphic()) {
                self.notes.push(format!(
                    "line {number} of {source}: the header name before `:` is empty or has \
                     spaces or control characters in it: ignored"
                ));
                continue;
            }
            self.headers.push((
                String::from_utf8_lossy(name).into_owned(),
                String::from_utf8_lossy(value.trim_ascii()).into_owned(),
            ));
            previous_kept = true;
        }
    }
}

/// Lines without their `\n` or `\r\n`.
pub fn lines(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    text.split(|&byte| byte == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
}

pub fn split_once_byte(bytes: &[u8], separator: u8) -> Option<(&[u8], &[u8])> {
    let at = bytes.iter().position(|&byte| byte == separator)?;
    Some((bytes.get(..at)?, bytes.get(at + 1..)?))
}

/// A request target's path and query: `/path?query`, or a whole URL.
fn split_target(target: &str) -> (String, Option<String>) {
    let target = target.split_once('#').map_or(target, |(target, _)| target);
    let target = match target.split_once("://") {
        Some((_, rest)) => rest
            .find('/')
            .map_or("/", |at| rest.get(at..).unwrap_or("/")),
        None => target,
    };
    match target.split_once('?') {
        Some((path, query)) => (path.to_owned(), Some(query.to_owned())),
        None => (target.to_owned(), None),
    }
}
