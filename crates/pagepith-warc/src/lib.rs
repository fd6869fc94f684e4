//! Streaming reader for WARC files (`.warc`, `.warc.gz`) and their WET text variant, built to
//! read on past damage.
//!
//! Common Crawl publishes tens of thousands of 1 GB archives with one gzip member per record.
//! Somewhere in that many files a member is truncated, a header is garbled, or a record is
//! shorter or longer than its `Content-Length`. This reader reports each such record as a
//! [`Fault`] (with its file offset and why) and carries on with the next record: it looks for
//! the next good gzip member, then for the next line starting `WARC/1.`. Memory stays flat: one
//! record's block plus a bounded input window.
//!
//! It parses no HTML. [`http::parse_response`] splits a `response` record's block into status,
//! headers and payload; [`page::page_of`] decides which records hold a page to extract (by
//! record type, HTTP status and media type), for the command line and the Python binding alike.
//!
//! ```
//! use pagepith_warc::{Compression, Reader};
//!
//! let warc = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
//!              Content-Length: 39\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>Hello, world.</p>\r\n\r\n";
//! let mut reader = Reader::new(&warc[..], Compression::None);
//! let record = reader.next().unwrap().unwrap();
//! assert_eq!(record.warc_type(), Some("response"));
//! let http = pagepith_warc::http::parse_response(&record.block, 1 << 20).unwrap();
//! assert_eq!(http.status, 200);
//! assert!(reader.next().is_none());
//! ```
//!
//! # Why not an existing crate
//!
//! Looked at on crates.io before writing this (November 2026):
//! - `warc` 0.4 (the most used): parses headers with nom and reads `.warc.gz` through one
//!   whole-stream gzip decoder, so it cannot say which member a record came from, and a
//!   decoding or parse error ends the iteration: the rest of the file is lost. It also brings
//!   nom, chrono, uuid 0.8 and libflate next to the flate2 the workspace already uses.
//! - `rust_warc` 1.x: small and fast, but works on a plain `BufRead` (no gzip members or
//!   offsets) and stops at the first malformed record.
//! - `warcat` 0.3: a command-line tool first; offsets and push decoding are there, but it pulls
//!   in brotli, zstd and an HTTP codec stack, and does not resynchronise after damage.
//! - `fastwarc` (the resiliparse project) is C++ with Python bindings, not a Rust crate.
//!
//! None resumes after a damaged member or a wrong `Content-Length`, which is the job here, and
//! the reader itself is a few hundred lines on flate2 and memchr.

#![forbid(unsafe_code)]

pub mod http;
mod marked;
pub mod page;
mod reader;
mod record;
mod source;

pub use reader::{sniff, Compression, Reader};
pub use record::{Fault, FaultKind, Record};
