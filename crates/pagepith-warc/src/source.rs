//! Where record bytes come from: the file as is, or its gzip members one after another.
//!
//! A source hands out decompressed bytes and says where each gzip member began, so a record can
//! be reported at the offset a Common Crawl index gives for it. A damaged member is reported
//! once ([`SourceError::Damaged`]); the next read continues with the next good member.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

use crate::marked::MarkedReader;

const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

pub(crate) enum SourceError {
    /// The input could not be read at all (I/O); reading stops.
    Io(io::Error),
    /// A gzip member starting at `offset` is damaged; the bytes after this error come from the
    /// next good member.
    Damaged { offset: u64, message: String },
}

/// Decompressed bytes of a file, with the file offsets of the members they came from.
pub(crate) trait Source {
    /// Reads decompressed bytes; `Ok(0)` at the end.
    fn read(&mut self, out: &mut [u8]) -> Result<usize, SourceError>;
    /// File offset of the member holding decompressed byte `pos` (the byte itself for plain
    /// files). Positions before the last call to [`Source::forget_before`] are unknown.
    fn file_offset(&self, pos: u64) -> u64;
    /// The caller will not ask about positions before `pos` again.
    fn forget_before(&mut self, pos: u64);
    /// How far into the file reading has got (for progress).
    fn file_position(&self) -> u64;
}

pub(crate) struct Plain<R> {
    inner: R,
    pos: u64,
}

impl<R: Read> Plain<R> {
    pub(crate) fn new(inner: R) -> Self {
        Plain { inner, pos: 0 }
    }
}

impl<R: Read> Source for Plain<R> {
    fn read(&mut self, out: &mut [u8]) -> Result<usize, SourceError> {
        loop {
            match self.inner.read(out) {
                Ok(n) => {
                    self.pos += n as u64;
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(SourceError::Io(e)),
            }
        }
    }

    fn file_offset(&self, pos: u64) -> u64 {
        pos
    }

    fn forget_before(&mut self, _pos: u64) {}

    fn file_position(&self) -> u64 {
        self.pos
    }
}

/// Gzip members in a row: one per record (Common Crawl) or one for the whole file.
pub(crate) struct Gzip<R> {
    /// The member being decoded; `idle` holds the reader between members.
    decoder: Option<GzDecoder<MarkedReader<R>>>,
    idle: Option<MarkedReader<R>>,
    member_start: u64,
    /// Bytes the current member has produced.
    produced: u64,
    /// Decompressed bytes handed out so far.
    total_out: u64,
    /// (decompressed position, file offset) where each member still of interest began.
    members: VecDeque<(u64, u64)>,
    /// After damage: looking for the next member. Candidates that fail before producing a byte
    /// are chance matches of the magic inside compressed data and are passed over silently.
    searching: bool,
}

impl<R: Read> Gzip<R> {
    pub(crate) fn new(inner: R) -> Self {
        Gzip {
            decoder: None,
            idle: Some(MarkedReader::new(inner)),
            member_start: 0,
            produced: 0,
            total_out: 0,
            members: VecDeque::new(),
            searching: false,
        }
    }

    /// Positions the reader at the next gzip magic; false at the end of the input.
    fn find_magic(r: &mut MarkedReader<R>) -> io::Result<bool> {
        loop {
            let avail = r.fill_at_least(GZIP_MAGIC.len())?;
            if avail.len() < GZIP_MAGIC.len() {
                let n = avail.len();
                r.consume(n);
                return Ok(false);
            }
            match memchr::memmem::find(avail, &GZIP_MAGIC) {
                Some(i) => {
                    r.consume(i);
                    return Ok(true);
                }
                // Keep the last bytes: the magic may straddle two refills.
                None => {
                    let n = avail.len() - (GZIP_MAGIC.len() - 1);
                    r.consume(n);
                }
            }
        }
    }

    /// Starts decoding the next member; false at the end of the input.
    fn start_member(&mut self) -> Result<bool, SourceError> {
        let mut r = self.idle.take().expect("a reader between members");
        let at_magic = if self.searching {
            Self::find_magic(&mut r).map_err(SourceError::Io)?
        } else {
            let head = r.fill_at_least(GZIP_MAGIC.len()).map_err(SourceError::Io)?;
            if head.is_empty() {
                self.idle = Some(r);
                return Ok(false);
            }
            if !head.starts_with(&GZIP_MAGIC) {
                let offset = r.position();
                r.consume(1);
                self.idle = Some(r);
                self.searching = true;
                return Err(SourceError::Damaged {
                    offset,
                    message: "bytes that are not a gzip member where one should start".into(),
                });
            }
            true
        };
        if !at_magic {
            self.idle = Some(r);
            return Ok(false);
        }
        self.member_start = r.position();
        self.produced = 0;
        r.set_mark();
        self.members.push_back((self.total_out, self.member_start));
        self.decoder = Some(GzDecoder::new(r));
        Ok(true)
    }

    fn end_member(&mut self) -> MarkedReader<R> {
        let mut r = self
            .decoder
            .take()
            .expect("a member being decoded")
            .into_inner();
        r.clear_mark();
        r
    }
}

impl<R: Read> Source for Gzip<R> {
    fn read(&mut self, out: &mut [u8]) -> Result<usize, SourceError> {
        loop {
            if self.decoder.is_none() && !self.start_member()? {
                return Ok(0);
            }
            let decoder = self.decoder.as_mut().expect("a member being decoded");
            match decoder.read(out) {
                Ok(0) => {
                    let r = self.end_member();
                    self.idle = Some(r);
                    self.searching = false;
                }
                Ok(n) => {
                    self.produced += n as u64;
                    self.total_out += n as u64;
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let mut r = self.decoder.take().expect("a member").into_inner();
                    if !r.rewind_past_mark() {
                        // Too far past the member's start to go back (a whole-file member):
                        // look for the next member from here.
                        r.consume(1);
                    }
                    self.idle = Some(r);
                    let silent = self.searching && self.produced == 0;
                    self.searching = true;
                    if !silent {
                        let message = match e.kind() {
                            io::ErrorKind::UnexpectedEof => {
                                format!("gzip member is truncated ({e})")
                            }
                            _ => format!("gzip member is damaged ({e})"),
                        };
                        return Err(SourceError::Damaged {
                            offset: self.member_start,
                            message,
                        });
                    }
                }
            }
        }
    }

    fn file_offset(&self, pos: u64) -> u64 {
        self.members
            .iter()
            .rev()
            .find(|(start, _)| *start <= pos)
            .map_or(0, |&(_, offset)| offset)
    }

    fn forget_before(&mut self, pos: u64) {
        // Keep the member holding `pos`: drop a front entry only when the next one also starts
        // at or before `pos`.
        while self.members.len() > 1 && self.members[1].0 <= pos {
            self.members.pop_front();
        }
    }

    fn file_position(&self) -> u64 {
        match (&self.decoder, &self.idle) {
            (Some(d), _) => d.get_ref().position(),
            (None, Some(r)) => r.position(),
            (None, None) => 0,
        }
    }
}
