//! Records out of a byte stream, resuming after damage.
//!
//! The reader keeps no more than one record's block and a small window of input in memory.
//! When a record cannot be read, it is reported as a [`Fault`] and the reader searches for the
//! next line that starts with `WARC/1.` (after a damaged gzip member: in the next good member).

use std::collections::VecDeque;
use std::io::Read;

use memchr::memmem;

use crate::record::{Fault, FaultKind, Record};
use crate::source::{Gzip, Plain, Source, SourceError};

/// Decompressed bytes asked of the source per refill.
const CHUNK: usize = 64 << 10;

/// Longest header accepted. Real headers are under 2 KB; a "header" past 64 KiB is a block
/// read as a header after a damaged length, and stopping early keeps memory flat.
const MAX_HEADER_BYTES: usize = 64 << 10;

/// Default largest block: the `pagepith` default input limit (64 MiB). Common Crawl truncates
/// payloads at 1 MiB, so only damaged or unusual archives come near it.
const DEFAULT_MAX_BLOCK: u64 = 64 << 20;

const VERSION: &[u8] = b"WARC/1.";

/// How the archive's bytes are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    None,
    /// One gzip member per record (as Common Crawl writes), or one for the whole file.
    Gzip,
}

enum Input<R> {
    Plain(Plain<R>),
    Gzip(Box<Gzip<R>>),
}

impl<R: Read> Input<R> {
    fn source(&mut self) -> &mut dyn Source {
        match self {
            Input::Plain(s) => s,
            Input::Gzip(s) => s.as_mut(),
        }
    }

    fn source_ref(&self) -> &dyn Source {
        match self {
            Input::Plain(s) => s,
            Input::Gzip(s) => s.as_ref(),
        }
    }
}

/// Reads records one after another; an iterator of `Result<Record, Fault>`.
pub struct Reader<R> {
    input: Input<R>,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    /// Decompressed position of `buf[0]`.
    base: u64,
    eof: bool,
    /// An I/O error ended reading.
    stopped: bool,
    /// Looking for the next record after a fault.
    resync: bool,
    /// The next byte starts a line (the input just began, or a damaged member was skipped).
    line_start: bool,
    max_block: u64,
    /// Faults found while resynchronising, reported before the next record.
    pending: VecDeque<Fault>,
}

/// A source failure while inside a record, or a fault of the record itself.
enum Stop {
    Source(SourceError),
    Fault(FaultKind, String),
}

impl From<SourceError> for Stop {
    fn from(e: SourceError) -> Self {
        Stop::Source(e)
    }
}

impl<R: Read> Reader<R> {
    pub fn new(inner: R, compression: Compression) -> Self {
        let input = match compression {
            Compression::None => Input::Plain(Plain::new(inner)),
            Compression::Gzip => Input::Gzip(Box::new(Gzip::new(inner))),
        };
        Reader {
            input,
            buf: Vec::new(),
            pos: 0,
            end: 0,
            base: 0,
            eof: false,
            stopped: false,
            resync: false,
            line_start: true,
            max_block: DEFAULT_MAX_BLOCK,
            pending: VecDeque::new(),
        }
    }

    /// Largest block read; larger records are skipped and reported as [`FaultKind::TooLarge`].
    pub fn with_max_block(mut self, bytes: u64) -> Self {
        self.max_block = bytes;
        self
    }

    /// How far into the file (compressed bytes) reading has got; for progress reports.
    pub fn file_position(&self) -> u64 {
        self.input.source_ref().file_position()
    }

    /// Makes `n` bytes available at `pos`; false when the input ends first.
    fn fill(&mut self, n: usize) -> Result<bool, SourceError> {
        while self.end - self.pos < n {
            if self.eof {
                return Ok(false);
            }
            if self.pos > 0 {
                self.buf.copy_within(self.pos..self.end, 0);
                self.base += self.pos as u64;
                self.end -= self.pos;
                self.pos = 0;
            }
            if self.buf.len() < self.end + CHUNK {
                self.buf.resize(self.end + CHUNK, 0);
            }
            let end = self.end;
            match self.input.source().read(&mut self.buf[end..])? {
                0 => self.eof = true,
                k => self.end += k,
            }
        }
        Ok(true)
    }

    fn available(&self) -> &[u8] {
        &self.buf[self.pos..self.end]
    }

    /// After a damaged member: what is buffered belongs to it; the next byte starts a member.
    fn drop_damaged(&mut self) {
        self.pos = self.end;
        self.resync = true;
        self.line_start = true;
    }

    /// Moves to the start of the next `WARC/1.` line; false at the end of the input.
    fn seek_version(&mut self) -> Result<bool, SourceError> {
        if self.line_start && self.fill(VERSION.len())? && self.available().starts_with(VERSION) {
            return Ok(true);
        }
        self.line_start = false;
        let needle = b"\nWARC/1.";
        loop {
            if !self.fill(needle.len())? {
                self.pos = self.end;
                return Ok(false);
            }
            match memmem::find(self.available(), needle) {
                Some(i) => {
                    self.pos += i + 1;
                    return Ok(true);
                }
                None => {
                    // Keep a needle's length minus one: it may straddle two refills.
                    self.pos = self.end - (needle.len() - 1);
                    if !self.fill(needle.len())? {
                        self.pos = self.end;
                        return Ok(false);
                    }
                }
            }
        }
    }

    /// Skips the blank lines writers leave between records; false at the end of the input.
    fn skip_blank_lines(&mut self) -> Result<bool, SourceError> {
        loop {
            if !self.fill(1)? {
                return Ok(false);
            }
            match self.available()[0] {
                b'\r' | b'\n' => self.pos += 1,
                _ => return Ok(true),
            }
        }
    }

    /// The next line without its line ending; `None` when the input ends first.
    fn read_line(&mut self, header_bytes: &mut usize) -> Result<Option<String>, Stop> {
        let mut searched = 0;
        loop {
            if let Some(i) = memchr::memchr(b'\n', &self.available()[searched..]) {
                let len = searched + i;
                let mut line = &self.available()[..len];
                if line.last() == Some(&b'\r') {
                    line = &line[..line.len() - 1];
                }
                let line = String::from_utf8_lossy(line).into_owned();
                self.pos += len + 1;
                *header_bytes += len + 1;
                return Ok(Some(line));
            }
            searched = self.end - self.pos;
            if *header_bytes + searched > MAX_HEADER_BYTES {
                return Err(Stop::Fault(
                    FaultKind::BadHeader,
                    format!("header longer than {MAX_HEADER_BYTES} bytes"),
                ));
            }
            if !self.fill(searched + 1)? {
                return Ok(None);
            }
        }
    }

    /// Reads the header fields up to the blank line that ends them.
    fn read_header(&mut self) -> Result<(String, Vec<(String, String)>), Stop> {
        let mut header_bytes = 0;
        let truncated = || Stop::Fault(FaultKind::Truncated, "input ends in the header".into());
        let version = self.read_line(&mut header_bytes)?.ok_or_else(truncated)?;
        if !version.starts_with("WARC/1.") {
            let shown: String = version.chars().take(40).collect();
            return Err(Stop::Fault(
                FaultKind::BadHeader,
                format!("expected a WARC/1.x version line, found {shown:?}"),
            ));
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            let line = self.read_line(&mut header_bytes)?.ok_or_else(truncated)?;
            if line.is_empty() {
                return Ok((version, headers));
            }
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = headers.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                    continue;
                }
            }
            match line.split_once(':') {
                Some((name, value)) if !name.trim().is_empty() => {
                    headers.push((name.trim().to_owned(), value.trim().to_owned()));
                }
                _ => {
                    let shown: String = line.chars().take(40).collect();
                    return Err(Stop::Fault(
                        FaultKind::BadHeader,
                        format!("header line without a name: {shown:?}"),
                    ));
                }
            }
        }
    }

    /// Reads (or, past the limit, skips) `len` bytes of block.
    fn read_block(&mut self, len: u64) -> Result<Option<Vec<u8>>, Stop> {
        let keep = len <= self.max_block;
        let mut block = Vec::new();
        if keep {
            block.reserve_exact(len as usize);
        }
        let mut left = len;
        while left > 0 {
            if !self.fill(1)? {
                return Err(Stop::Fault(
                    FaultKind::Truncated,
                    format!(
                        "input ends {} bytes into a block of {len} bytes",
                        len - left
                    ),
                ));
            }
            let take = (self.end - self.pos).min(usize::try_from(left).unwrap_or(usize::MAX));
            if keep {
                block.extend_from_slice(&self.buf[self.pos..self.pos + take]);
            }
            self.pos += take;
            left -= take as u64;
        }
        Ok(keep.then_some(block))
    }

    /// Whether the record ends as it should: `\r\n\r\n`, or the end of the input.
    fn trailer_ok(&mut self) -> Result<bool, SourceError> {
        self.fill(4)?;
        let avail = self.available();
        if avail.starts_with(b"\r\n\r\n") {
            self.pos += 4;
            return Ok(true);
        }
        // Lenient at the very end: some writers drop the last record's trailer.
        Ok(self.eof && avail.iter().all(|b| matches!(b, b'\r' | b'\n')))
    }

    /// Puts a block back in front of the input, so the search for the next record can find a
    /// record that starts inside it (the block was shorter than its Content-Length said).
    fn push_back(&mut self, block: Vec<u8>) {
        let block_start = self.base + self.pos as u64 - block.len() as u64;
        let mut buf = block;
        buf.extend_from_slice(&self.buf[self.pos..self.end]);
        self.end = buf.len();
        self.buf = buf;
        self.pos = 0;
        self.base = block_start;
    }

    fn read_record(&mut self, offset: u64, id: &mut Option<String>) -> Result<Record, Stop> {
        let (version, headers) = self.read_header()?;
        let header = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        *id = header("WARC-Record-ID").map(str::to_owned);
        let len: u64 = match header("Content-Length").map(|v| v.parse()) {
            Some(Ok(len)) => len,
            Some(Err(_)) => {
                return Err(Stop::Fault(
                    FaultKind::BadHeader,
                    "Content-Length is not a number".into(),
                ))
            }
            None => {
                return Err(Stop::Fault(
                    FaultKind::BadHeader,
                    "no Content-Length".into(),
                ))
            }
        };
        let block = self.read_block(len)?;
        if !self.trailer_ok()? {
            let block = block.unwrap_or_default();
            let shorter = memmem::find(&block, b"\nWARC/1.").is_some();
            self.push_back(block);
            let how = if shorter { "shorter" } else { "longer" };
            return Err(Stop::Fault(
                FaultKind::LengthMismatch,
                format!("the block is {how} than its Content-Length of {len} bytes"),
            ));
        }
        match block {
            Some(block) => Ok(Record {
                offset,
                version,
                headers,
                block,
            }),
            None => Err(Stop::Fault(
                FaultKind::TooLarge,
                format!(
                    "block of {len} bytes is over the {} byte limit; skipped",
                    self.max_block
                ),
            )),
        }
    }

    /// Turns a source failure into a fault; `inside` is the record being read, if any.
    fn source_fault(&mut self, e: SourceError, inside: Option<(u64, Option<String>)>) -> Fault {
        match e {
            SourceError::Damaged { offset, message } => {
                self.drop_damaged();
                let (offset, record_id) = inside.unwrap_or((offset, None));
                Fault {
                    offset,
                    kind: FaultKind::Compression,
                    message,
                    record_id,
                }
            }
            SourceError::Io(e) => {
                self.stopped = true;
                Fault {
                    offset: self.input.source_ref().file_position(),
                    kind: FaultKind::Io,
                    message: format!("cannot read the archive: {e}"),
                    record_id: None,
                }
            }
        }
    }

    /// Finds the next record right after a record fault. A damaged gzip member often shows
    /// first as a garbled header or a wrong length (the decoder runs on into the next member's
    /// bytes before it fails); when the damage turns out to be in the faulty record's own
    /// member, the fault is reported once, as what it is.
    fn resync_after(&mut self, fault: &mut Fault) {
        loop {
            match self.seek_version() {
                Ok(_) => {
                    self.resync = false;
                    return;
                }
                Err(SourceError::Damaged { offset, message }) => {
                    self.drop_damaged();
                    if offset == fault.offset && fault.kind != FaultKind::Compression {
                        fault.kind = FaultKind::Compression;
                        fault.message = message;
                    } else {
                        self.pending.push_back(Fault {
                            offset,
                            kind: FaultKind::Compression,
                            message,
                            record_id: None,
                        });
                    }
                }
                Err(e) => {
                    let f = self.source_fault(e, None);
                    self.pending.push_back(f);
                    return;
                }
            }
        }
    }

    fn next_item(&mut self) -> Option<Result<Record, Fault>> {
        if let Some(fault) = self.pending.pop_front() {
            return Some(Err(fault));
        }
        if self.stopped {
            return None;
        }
        if self.resync {
            match self.seek_version() {
                Ok(true) => self.resync = false,
                Ok(false) => return None,
                Err(e) => return Some(Err(self.source_fault(e, None))),
            }
        }
        match self.skip_blank_lines() {
            Ok(true) => {}
            Ok(false) => return None,
            Err(e) => return Some(Err(self.source_fault(e, None))),
        }
        self.line_start = false;
        let start = self.base + self.pos as u64;
        let source = self.input.source();
        source.forget_before(start);
        let offset = source.file_offset(start);
        let mut id = None;
        match self.read_record(offset, &mut id) {
            Ok(record) => Some(Ok(record)),
            Err(Stop::Source(e)) => Some(Err(self.source_fault(e, Some((offset, id))))),
            Err(Stop::Fault(kind, message)) => {
                let mut fault = Fault {
                    offset,
                    kind,
                    message,
                    record_id: id,
                };
                // A skipped oversized block ended where it should: the next record follows.
                if fault.kind != FaultKind::TooLarge {
                    self.resync_after(&mut fault);
                }
                Some(Err(fault))
            }
        }
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<Record, Fault>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_item()
    }
}

/// How a file's first bytes say it is stored, if they are an archive: `WARC/1.` at the start,
/// or a gzip member whose decompressed start is `WARC/1.`. `prefix` should hold a few KB of
/// the file (enough for the first member's header and first deflate block).
pub fn sniff(prefix: &[u8]) -> Option<Compression> {
    if prefix.starts_with(VERSION) {
        return Some(Compression::None);
    }
    if prefix.starts_with(&[0x1f, 0x8b]) {
        let mut head = [0u8; VERSION.len()];
        let mut decoder = flate2::bufread::GzDecoder::new(prefix);
        let mut got = 0;
        while got < head.len() {
            match decoder.read(&mut head[got..]) {
                Ok(0) | Err(_) => break,
                Ok(n) => got += n,
            }
        }
        if got == head.len() && head == VERSION {
            return Some(Compression::Gzip);
        }
    }
    None
}
