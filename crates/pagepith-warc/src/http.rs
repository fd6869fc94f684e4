//! The HTTP message inside a `response` record: status, headers, and the payload as the server
//! meant it (chunked transfer coding removed, gzip/deflate content coding undone).
//!
//! Common Crawl stores payloads already decoded and renames the original headers
//! (`X-Crawler-Transfer-Encoding`), so both steps are usually no-ops; other crawlers (wget,
//! warcio's capture) keep the bytes as sent.

use std::borrow::Cow;
use std::io::Read;

/// Most header bytes read before giving up on a message: far above real responses (a few KB)
/// and small enough that a binary block mistaken for headers is rejected quickly.
const MAX_HEADER_BYTES: usize = 256 << 10;

/// A parsed HTTP response.
#[derive(Debug)]
pub struct Response<'a> {
    pub status: u16,
    /// Header fields in order, names as sent (compare them without case).
    pub headers: Vec<(String, String)>,
    /// The payload after transfer and content decoding.
    pub body: Cow<'a, [u8]>,
}

/// Why a response block could not be read as HTTP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpError(pub String);

impl std::fmt::Display for HttpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for HttpError {}

impl Response<'_> {
    /// The first field of this name, compared without case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The `Content-Type` header, e.g. `text/html; charset=utf-8`.
    pub fn content_type(&self) -> Option<&str> {
        self.header("Content-Type")
    }

    /// The media type alone, lower-cased: `text/html` for `text/html; charset=utf-8`.
    pub fn media_type(&self) -> Option<String> {
        self.content_type().map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
    }
}

/// Parses the HTTP response held in a `response` record's block, with `limit` the most bytes
/// the decoded payload may take.
pub fn parse_response(block: &[u8], limit: usize) -> Result<Response<'_>, HttpError> {
    let head_end = memchr::memmem::find(&block[..block.len().min(MAX_HEADER_BYTES)], b"\n\r\n")
        .map(|i| (i, i + 3))
        .or_else(|| {
            memchr::memmem::find(&block[..block.len().min(MAX_HEADER_BYTES)], b"\n\n")
                .map(|i| (i, i + 2))
        });
    let (head_len, body_start) = match head_end {
        Some(e) => e,
        // Headers with no payload at all still tell the status and type.
        None if block.len() < MAX_HEADER_BYTES => (block.len(), block.len()),
        None => return Err(HttpError("no end to the HTTP headers".into())),
    };
    let head = String::from_utf8_lossy(&block[..head_len]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.split_whitespace();
    let status = match (parts.next(), parts.next().map(str::parse::<u16>)) {
        (Some(v), Some(Ok(code))) if v.starts_with("HTTP/") => code,
        _ => {
            let shown: String = status_line.chars().take(40).collect();
            return Err(HttpError(format!("not an HTTP status line: {shown:?}")));
        }
    };
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    let mut response = Response {
        status,
        headers,
        body: Cow::Borrowed(&block[body_start..]),
    };
    let has = |r: &Response<'_>, name: &str, token: &str| {
        r.header(name)
            .is_some_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
    };
    if has(&response, "Transfer-Encoding", "chunked") {
        response.body = Cow::Owned(dechunk(&response.body, limit)?);
    }
    if has(&response, "Content-Encoding", "gzip") || has(&response, "Content-Encoding", "x-gzip") {
        let decoded = inflate(flate2::read::MultiGzDecoder::new(&response.body[..]), limit)?;
        response.body = Cow::Owned(decoded);
    } else if has(&response, "Content-Encoding", "deflate") {
        // "deflate" is zlib-wrapped by the standard and raw by many servers: try both.
        let body = &response.body[..];
        let decoded = inflate(flate2::read::ZlibDecoder::new(body), limit)
            .or_else(|_| inflate(flate2::read::DeflateDecoder::new(body), limit))?;
        response.body = Cow::Owned(decoded);
    } else if let Some(coding) = response.header("Content-Encoding") {
        let coding = coding.trim();
        if !coding.is_empty() && !coding.eq_ignore_ascii_case("identity") {
            return Err(HttpError(format!(
                "unsupported Content-Encoding {coding:?}"
            )));
        }
    }
    Ok(response)
}

fn inflate(mut decoder: impl Read, limit: usize) -> Result<Vec<u8>, HttpError> {
    let mut out = Vec::new();
    // Read one byte past the limit to tell "exactly at" from "over".
    (&mut decoder)
        .take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| HttpError(format!("cannot decode the compressed payload: {e}")))?;
    if out.len() > limit {
        return Err(HttpError(format!(
            "decoded payload is over the {limit} byte limit"
        )));
    }
    Ok(out)
}

/// Removes chunked transfer coding. A payload cut short (common: crawlers truncate) keeps what
/// arrived.
fn dechunk(body: &[u8], limit: usize) -> Result<Vec<u8>, HttpError> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Some(eol) = memchr::memchr(b'\n', rest) {
        let size_line = String::from_utf8_lossy(&rest[..eol]);
        let size_text = size_line.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            // Not chunked after all (a mislabelled payload): keep it as it is.
            if out.is_empty() {
                return Ok(body.to_vec());
            }
            break;
        };
        rest = &rest[eol + 1..];
        if size == 0 {
            break;
        }
        let take = size.min(rest.len());
        if out.len() + take > limit {
            return Err(HttpError(format!(
                "chunked payload is over the {limit} byte limit"
            )));
        }
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        let crlf = rest
            .iter()
            .take(2)
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        rest = &rest[crlf..];
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_headers_and_body_are_split_at_the_blank_line() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\
                      X-Long: a\r\n b\r\n\r\n<html>hi</html>";
        let r = parse_response(block, 1 << 20).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.content_type(), Some("text/html; charset=ISO-8859-1"));
        assert_eq!(r.media_type().as_deref(), Some("text/html"));
        assert_eq!(r.header("x-long"), Some("a b"));
        assert_eq!(&r.body[..], b"<html>hi</html>");
    }

    #[test]
    fn chunked_payloads_are_joined_and_a_cut_last_chunk_is_kept() {
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
                      5\r\nhello\r\n7;ext=1\r\n world!\r\n3\r\nab";
        let r = parse_response(block, 1 << 20).unwrap();
        assert_eq!(&r.body[..], b"hello world!ab");
    }

    #[test]
    fn gzip_content_coding_is_undone_and_bounded_by_the_limit() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&[b'a'; 5000]).unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(enc.finish().unwrap());
        assert_eq!(parse_response(&block, 5000).unwrap().body.len(), 5000);
        assert!(parse_response(&block, 4999).is_err());
    }

    #[test]
    fn a_block_that_is_not_http_is_an_error_not_a_panic() {
        assert!(parse_response(b"\x00\x01binary", 100).is_err());
        assert!(parse_response(b"", 100).is_err());
        assert!(parse_response(b"HTTP/1.1 abc\r\n\r\n", 100).is_err());
    }

    #[test]
    fn headers_without_a_body_still_give_status_and_type() {
        let r = parse_response(b"HTTP/1.0 404 Not Found\r\nContent-Type: text/html", 100).unwrap();
        assert_eq!(r.status, 404);
        assert!(r.body.is_empty());
    }
}
