//! Pages inside WARC archives: which records are pages, and what the extractor is told about
//! them (URL, HTTP charset). Shared by the command line and the Python binding, so both skip
//! the same records for the same reasons.
//!
//! Whether a payload is HTML is decided by its declared media type, or by its first bytes when
//! none is declared; the HTML itself is never parsed here.

use std::io::{BufRead, BufReader, Read};

use crate::http::parse_response;
use crate::{Compression, Record};

/// Largest payload after HTTP decoding: the library's default input limit, so a page the
/// extractor would refuse is not inflated first.
pub const MAX_PAYLOAD: usize = 64 << 20;

/// Bytes looked at to tell an archive from a page: a gzip header and the start of its first
/// deflate block decode from far less; 64 KiB is what one read of a file gives anyway.
pub const SNIFF_BYTES: usize = 64 << 10;

/// Why a record is not extracted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    /// `request`, `metadata`, `warcinfo`, `revisit`…: not a page.
    OtherRecord,
    /// A response whose payload is not HTML (images, PDF, JSON, …).
    NonHtml,
    /// A response other than 2xx (redirects, errors): no article to find.
    HttpStatus,
    /// A response block that is not a readable HTTP message.
    BadHttp,
}

impl Skip {
    pub fn name(self) -> &'static str {
        match self {
            Skip::OtherRecord => "other-record",
            Skip::NonHtml => "non-html",
            Skip::HttpStatus => "http-status",
            Skip::BadHttp => "bad-http",
        }
    }

    /// Whether skipping loses something the user asked for (and so makes the exit code
    /// non-zero). A crawl is full of request records, images and redirects: skipping those is
    /// the job, not a loss.
    pub fn loses_work(self) -> bool {
        matches!(self, Skip::BadHttp)
    }
}

/// What a page read from an archive keeps of its WARC record.
#[derive(Clone, Debug, Default)]
pub struct WarcFields {
    pub record_id: Option<String>,
    pub target_uri: Option<String>,
    pub date: Option<String>,
}

/// A page found in a record: the bytes to extract and what is known about them.
pub struct ArchivePage {
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    pub warc: WarcFields,
    /// A page already flattened to text (a WET `conversion` record): read by the text path.
    pub is_text: bool,
}

/// Decides what a record is: an HTML page to extract, or a reason to skip it.
pub fn page_of(record: Record) -> Result<ArchivePage, Skip> {
    let warc = WarcFields {
        record_id: record.record_id().map(str::to_owned),
        target_uri: record.target_uri().map(str::to_owned),
        date: record.date().map(str::to_owned),
    };
    match record.warc_type().map(str::to_ascii_lowercase).as_deref() {
        Some("response") => {
            let http = parse_response(&record.block, MAX_PAYLOAD).map_err(|_| Skip::BadHttp)?;
            if !(200..300).contains(&http.status) {
                return Err(Skip::HttpStatus);
            }
            if !is_html(http.media_type().as_deref(), &http.body) {
                return Err(Skip::NonHtml);
            }
            Ok(ArchivePage {
                content_type: http.content_type().map(str::to_owned),
                body: http.body.into_owned(),
                warc,
                is_text: false,
            })
        }
        // A stored file (wget, browser captures): the record's own type says what it is.
        Some("resource") => {
            let media = record.content_type().map(|c| {
                c.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            });
            if !is_html(media.as_deref(), &record.block) {
                return Err(Skip::NonHtml);
            }
            Ok(ArchivePage {
                content_type: record.content_type().map(str::to_owned),
                body: record.block,
                warc,
                is_text: false,
            })
        }
        // Common Crawl's WET files: the page flattened to text (UTF-8), one block a line.
        Some("conversion") => Ok(ArchivePage {
            content_type: Some("text/plain; charset=utf-8".to_owned()),
            body: record.block,
            warc,
            is_text: true,
        }),
        _ => Err(Skip::OtherRecord),
    }
}

/// HTML by its declared media type; when none is declared, by the first bytes as a browser
/// would sniff them.
fn is_html(media: Option<&str>, body: &[u8]) -> bool {
    match media {
        Some("text/html" | "application/xhtml+xml") => true,
        Some("") | None => looks_like_html(body),
        Some(_) => false,
    }
}

fn looks_like_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(1024)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = String::from_utf8_lossy(&head[start..]).to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<!--"]
        .iter()
        .any(|tag| head.starts_with(tag))
}

/// Reads the first bytes of an input and says whether it is an archive, keeping them.
pub fn sniff_reader<R: Read>(inner: R) -> std::io::Result<(Option<Compression>, BufReader<R>)> {
    let mut reader = BufReader::with_capacity(SNIFF_BYTES, inner);
    let prefix = reader.fill_buf()?;
    Ok((crate::sniff(prefix), reader))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(warc_type: &str, block: &[u8]) -> Record {
        Record {
            offset: 0,
            version: "WARC/1.0".into(),
            headers: vec![
                ("WARC-Type".into(), warc_type.into()),
                ("WARC-Target-URI".into(), "https://example.org/a".into()),
            ],
            block: block.to_vec(),
        }
    }

    #[test]
    fn html_responses_become_pages_with_their_charset_and_url() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<p>x";
        let page = page_of(record("response", block)).unwrap();
        assert_eq!(page.body, b"<p>x");
        assert_eq!(
            page.content_type.as_deref(),
            Some("text/html; charset=windows-1252")
        );
        assert_eq!(
            page.warc.target_uri.as_deref(),
            Some("https://example.org/a")
        );
    }

    #[test]
    fn records_that_are_not_html_pages_are_skipped_with_their_reason() {
        let cases: [(&str, &[u8], Skip); 4] = [
            ("request", b"GET / HTTP/1.1\r\n\r\n", Skip::OtherRecord),
            (
                "response",
                b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
                Skip::NonHtml,
            ),
            (
                "response",
                b"HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n",
                Skip::HttpStatus,
            ),
            ("response", b"\x00\x01 not http", Skip::BadHttp),
        ];
        for (warc_type, block, reason) in cases {
            assert_eq!(
                page_of(record(warc_type, block)).err(),
                Some(reason),
                "{warc_type}"
            );
        }
    }

    /// WET records are pages already flattened to text: they go to the text path.
    #[test]
    fn wet_conversion_records_are_text_pages() {
        let page = page_of(record("conversion", b"Plain text of a page.")).unwrap();
        assert!(page.is_text);
        assert_eq!(page.body, b"Plain text of a page.");
    }

    #[test]
    fn an_undeclared_payload_is_html_when_it_starts_like_html() {
        let block = b"HTTP/1.1 200 OK\r\n\r\n  <!DOCTYPE html><p>x";
        assert!(page_of(record("response", block)).is_ok());
        let block = b"HTTP/1.1 200 OK\r\n\r\n{\"json\": true}";
        assert_eq!(
            page_of(record("response", block)).err(),
            Some(Skip::NonHtml)
        );
    }
}
