//! The reading side: inputs become batches of jobs, archives record by record.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use pagepith_warc::page;

use super::job::Job;
use crate::inputs::Input;

/// Most bytes of input gathered into one batch. At most four batches are held (see `run`), so
/// queued input stays under 16 MiB however large the archive; the rest of the peak is the
/// DOM of the largest pages being extracted (peak RSS on a 1 GB WARC: BENCHMARKS.md, "Crawl
/// scale"). 8 MiB batches measured 183 MB peak RSS on the dev-page WARC with two threads.
const BATCH_BYTES: usize = 4 << 20;

/// Turns inputs into batches of jobs, archives record by record, and hands each batch to
/// `sink` (the channel to the workers, or the extraction itself when there is one thread).
pub(super) fn read_inputs(
    inputs: Vec<Input>,
    sink: &mut dyn FnMut(Vec<Job>) -> bool,
    batch_pages: usize,
    bytes_done: &AtomicU64,
) {
    let mut batch = Batch::new(sink, batch_pages);
    let mut finished_bytes = 0u64;
    for input in inputs {
        let ok = match &input {
            Input::Stdin => read_stdin(&mut batch, bytes_done),
            Input::File(path) => {
                let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                let ok = read_file(path, &mut batch, finished_bytes, bytes_done);
                finished_bytes += size;
                bytes_done.store(finished_bytes, Ordering::Relaxed);
                ok
            }
        };
        if !ok {
            return; // The pipeline was shut down.
        }
    }
    batch.flush();
}

/// Jobs gathered until a batch is full by count or bytes.
struct Batch<'a> {
    /// Takes each full batch; false when the pipeline has shut down.
    sink: &'a mut dyn FnMut(Vec<Job>) -> bool,
    jobs: Vec<Job>,
    bytes: usize,
    max_pages: usize,
}

impl<'a> Batch<'a> {
    fn new(sink: &'a mut dyn FnMut(Vec<Job>) -> bool, max_pages: usize) -> Self {
        Batch {
            sink,
            jobs: Vec::new(),
            bytes: 0,
            max_pages,
        }
    }

    /// Adds a job; false when the pipeline has shut down.
    fn push(&mut self, job: Job, bytes: usize) -> bool {
        self.jobs.push(job);
        self.bytes += bytes;
        if self.jobs.len() >= self.max_pages || self.bytes >= BATCH_BYTES {
            return self.flush();
        }
        true
    }

    fn flush(&mut self) -> bool {
        self.bytes = 0;
        if self.jobs.is_empty() {
            return true;
        }
        (self.sink)(std::mem::take(&mut self.jobs))
    }
}

fn read_file(path: &Path, batch: &mut Batch<'_>, base: u64, bytes_done: &AtomicU64) -> bool {
    let name = path.display().to_string();
    let sniffed = File::open(path).and_then(page::sniff_reader);
    match sniffed {
        Ok((Some(compression), reader)) => {
            read_archive(&name, reader, compression, batch, base, bytes_done)
        }
        // Pages, and files that cannot be opened: the worker reads them and reports errors.
        Ok((None, _)) | Err(_) => batch.push(Job::Page(Input::File(path.to_path_buf())), 0),
    }
}

fn read_stdin(batch: &mut Batch<'_>, bytes_done: &AtomicU64) -> bool {
    let name = "-".to_owned();
    match page::sniff_reader(io::stdin().lock()) {
        Ok((Some(compression), reader)) => {
            read_archive(&name, reader, compression, batch, 0, bytes_done)
        }
        Ok((None, mut reader)) => {
            let mut bytes = Vec::new();
            match reader.read_to_end(&mut bytes) {
                Ok(_) => {
                    let len = bytes.len();
                    batch.push(Job::PageBytes { name, bytes }, len)
                }
                Err(e) => batch.push(
                    Job::Unreadable {
                        name,
                        message: format!("reading stdin: {e}"),
                    },
                    0,
                ),
            }
        }
        Err(e) => batch.push(
            Job::Unreadable {
                name,
                message: format!("reading stdin: {e}"),
            },
            0,
        ),
    }
}

fn read_archive<R: Read>(
    name: &str,
    inner: R,
    compression: pagepith_warc::Compression,
    batch: &mut Batch<'_>,
    base: u64,
    bytes_done: &AtomicU64,
) -> bool {
    let source: Arc<str> = Arc::from(name);
    let mut reader = pagepith_warc::Reader::new(inner, compression);
    while let Some(item) = reader.next() {
        let (job, bytes) = match item {
            Ok(record) => {
                let len = record.block.len();
                let job = Job::Record {
                    name: format!("{name}@{}", record.offset),
                    source: source.clone(),
                    record,
                };
                (job, len)
            }
            Err(fault) => {
                let job = Job::Fault {
                    name: name.to_owned(),
                    kind: fault.kind.name(),
                    message: fault.to_string(),
                };
                (job, 0)
            }
        };
        if !batch.push(job, bytes) {
            return false;
        }
        bytes_done.store(base + reader.file_position(), Ordering::Relaxed);
    }
    true
}
