//! One WARC record: its named fields and its block, and the faults that stop a record from
//! being read.

use std::fmt;

/// A WARC record as read: header fields in file order and the whole block (for a `response`,
/// the HTTP status line, headers and payload; for a WET `conversion`, the text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// Where the record starts in the file: the offset of its gzip member in a `.warc.gz`
    /// (what a Common Crawl index gives), else of its first byte.
    pub offset: u64,
    /// The version line, e.g. `WARC/1.0`.
    pub version: String,
    /// Header fields in file order, names as written (compare them without case).
    pub headers: Vec<(String, String)>,
    pub block: Vec<u8>,
}

impl Record {
    /// The first field of this name, compared without case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `WARC-Type`, e.g. `response`, `request`, `metadata`, `warcinfo`, `conversion`.
    pub fn warc_type(&self) -> Option<&str> {
        self.header("WARC-Type")
    }

    pub fn record_id(&self) -> Option<&str> {
        self.header("WARC-Record-ID")
    }

    /// `WARC-Target-URI` without the angle brackets some WARC/1.0 writers put around it.
    pub fn target_uri(&self) -> Option<&str> {
        self.header("WARC-Target-URI").map(|u| {
            u.strip_prefix('<')
                .and_then(|u| u.strip_suffix('>'))
                .unwrap_or(u)
        })
    }

    pub fn date(&self) -> Option<&str> {
        self.header("WARC-Date")
    }

    /// The record's `Content-Type`, e.g. `application/http; msgtype=response`.
    pub fn content_type(&self) -> Option<&str> {
        self.header("Content-Type")
    }
}

/// Why a record could not be read. Reading goes on with the next record.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FaultKind {
    /// A gzip member is truncated or corrupt; the records it held are lost.
    Compression,
    /// The bytes where a record should start are not a WARC header.
    BadHeader,
    /// The block does not end where `Content-Length` says (the record is shorter or longer).
    LengthMismatch,
    /// The input ends inside the record.
    Truncated,
    /// The block is larger than the reader's limit; it was skipped unread.
    TooLarge,
    /// The input could not be read (an I/O error); reading stops.
    Io,
}

impl FaultKind {
    /// A short stable name for counts and logs.
    pub fn name(&self) -> &'static str {
        match self {
            FaultKind::Compression => "compression",
            FaultKind::BadHeader => "bad-header",
            FaultKind::LengthMismatch => "length-mismatch",
            FaultKind::Truncated => "truncated",
            FaultKind::TooLarge => "too-large",
            FaultKind::Io => "io",
        }
    }
}

/// A record that could not be read, with where it was and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// File offset of the record (see [`Record::offset`]), or of the damaged gzip member.
    pub offset: u64,
    pub kind: FaultKind,
    pub message: String,
    /// The record's `WARC-Record-ID`, when its header was read.
    pub record_id: Option<String>,
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record at offset {}", self.offset)?;
        if let Some(id) = &self.record_id {
            write!(f, " ({id})")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Fault {}
