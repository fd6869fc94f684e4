//! A buffered reader that can go back to a marked position: after a damaged gzip member, the
//! search for the next member starts one byte after the damaged one began, not wherever the
//! decompressor happened to stop (it may have read far into the next member as garbage).

use std::io::{self, BufRead, Read};

/// Bytes asked of the underlying reader per refill.
const CHUNK: usize = 64 << 10;

/// Most bytes kept behind a mark. Common Crawl members are a few KB to ~1 MB (payloads are
/// truncated at 1 MiB); 8 MiB covers any per-record member and bounds memory when the whole
/// file is one member, where going back is dropped and the search resumes where decoding
/// stopped.
pub(crate) const MARK_CAP: usize = 8 << 20;

pub(crate) struct MarkedReader<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    /// File offset of `buf[0]`.
    base: u64,
    mark: Option<usize>,
    eof: bool,
}

impl<R: Read> MarkedReader<R> {
    pub(crate) fn new(inner: R) -> Self {
        MarkedReader {
            inner,
            buf: Vec::new(),
            pos: 0,
            end: 0,
            base: 0,
            mark: None,
            eof: false,
        }
    }

    /// File offset of the next byte to be read.
    pub(crate) fn position(&self) -> u64 {
        self.base + self.pos as u64
    }

    pub(crate) fn set_mark(&mut self) {
        self.mark = Some(self.pos);
    }

    pub(crate) fn clear_mark(&mut self) {
        self.mark = None;
    }

    /// Goes back to one byte after the mark; false when the mark was given up (see [`MARK_CAP`]).
    pub(crate) fn rewind_past_mark(&mut self) -> bool {
        match self.mark.take() {
            Some(m) => {
                self.pos = m + 1;
                true
            }
            None => false,
        }
    }

    /// Makes at least `n` bytes available unless the input ends first; returns what is there.
    pub(crate) fn fill_at_least(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.end - self.pos < n && !self.eof {
            self.refill()?;
        }
        Ok(&self.buf[self.pos..self.end])
    }

    fn refill(&mut self) -> io::Result<()> {
        let keep_from = match self.mark {
            Some(m) if self.end - m < MARK_CAP => m,
            _ => {
                self.mark = None;
                self.pos
            }
        };
        if keep_from > 0 {
            self.buf.copy_within(keep_from..self.end, 0);
            self.base += keep_from as u64;
            self.pos -= keep_from;
            self.end -= keep_from;
            self.mark = self.mark.map(|m| m - keep_from);
        }
        if self.buf.len() < self.end + CHUNK {
            self.buf.resize(self.end + CHUNK, 0);
        }
        loop {
            match self.inner.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(n) => {
                    self.end += n;
                    return Ok(());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

impl<R: Read> Read for MarkedReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for MarkedReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.fill_at_least(1)
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out at most `step` bytes per read, like a pipe.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(out.len()).min(self.data.len());
            out[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn rewinding_returns_to_one_byte_past_the_mark_across_refills() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut r = MarkedReader::new(Trickle {
            data: &data,
            step: 1000,
        });
        r.fill_buf().unwrap();
        r.consume(10);
        r.consume(7);
        r.set_mark();
        let mut sink = vec![0; 150_000];
        r.read_exact(&mut sink).unwrap();
        assert!(r.rewind_past_mark());
        assert_eq!(r.position(), 18);
        assert_eq!(r.fill_buf().unwrap()[0], data[18]);
    }

    #[test]
    fn positions_count_every_byte_consumed() {
        let data = vec![7u8; 300_000];
        let mut r = MarkedReader::new(&data[..]);
        let mut total = 0;
        loop {
            let n = r.fill_buf().unwrap().len().min(12_345);
            if n == 0 {
                break;
            }
            r.consume(n);
            total += n;
            assert_eq!(r.position(), total as u64);
        }
        assert_eq!(total, data.len());
    }
}
