//! The reading side: inputs become jobs one at a time, archives record by record.
//!
//! The feed is pulled: whichever worker needs work takes the next job (see `mod.rs`), so the
//! record a worker reads is inflated, extracted and freed on that worker's thread.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use pagepith_warc::page;

use super::job::Job;
use crate::inputs::Input;

/// An archive being read record by record.
struct Archive {
    name: String,
    source: Arc<str>,
    reader: pagepith_warc::Reader<BufReader<Box<dyn Read + Send>>>,
    /// Input bytes of the files before this one, for the progress bar.
    base: u64,
}

/// The inputs, turned into jobs in input order.
pub(super) struct Feed {
    inputs: std::vec::IntoIter<Input>,
    archive: Option<Archive>,
    /// Size of the files read to the end, for the progress bar.
    finished_bytes: u64,
    bytes_done: Arc<AtomicU64>,
}

impl Feed {
    pub(super) fn new(inputs: Vec<Input>, bytes_done: Arc<AtomicU64>) -> Feed {
        Feed {
            inputs: inputs.into_iter(),
            archive: None,
            finished_bytes: 0,
            bytes_done,
        }
    }

    /// The next job in input order; None when every input has been read.
    pub(super) fn next_job(&mut self) -> Option<Job> {
        loop {
            if let Some(archive) = &mut self.archive {
                match next_record(archive) {
                    Some(job) => {
                        let at = archive.base + archive.reader.file_position();
                        self.bytes_done.store(at, Ordering::Relaxed);
                        return Some(job);
                    }
                    None => {
                        self.archive = None;
                        self.bytes_done
                            .store(self.finished_bytes, Ordering::Relaxed);
                    }
                }
            }
            let input = self.inputs.next()?;
            match input {
                Input::Stdin => {
                    if let Some(job) = self.open_stdin() {
                        return Some(job);
                    }
                }
                Input::File(path) => {
                    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                    let base = self.finished_bytes;
                    self.finished_bytes += size;
                    let name = path.display().to_string();
                    let sniffed = File::open(&path)
                        .map(|f| Box::new(f) as Box<dyn Read + Send>)
                        .and_then(page::sniff_reader);
                    match sniffed {
                        Ok((Some(compression), reader)) => {
                            self.archive = Some(Archive::new(name, reader, compression, base));
                        }
                        // Pages, and files that cannot be opened: the worker reads them and
                        // reports errors.
                        Ok((None, _)) | Err(_) => {
                            self.bytes_done
                                .store(self.finished_bytes, Ordering::Relaxed);
                            return Some(Job::Page(Input::File(path)));
                        }
                    }
                }
            }
        }
    }

    /// Stdin as a page (the job returned) or as an archive (read on by `next_job`).
    fn open_stdin(&mut self) -> Option<Job> {
        let name = "-".to_owned();
        let stdin: Box<dyn Read + Send> = Box::new(io::stdin());
        match page::sniff_reader(stdin) {
            Ok((Some(compression), reader)) => {
                self.archive = Some(Archive::new(name, reader, compression, 0));
                None
            }
            Ok((None, mut reader)) => {
                let mut bytes = Vec::new();
                Some(match reader.read_to_end(&mut bytes) {
                    Ok(_) => Job::PageBytes { name, bytes },
                    Err(e) => Job::Unreadable {
                        name,
                        message: format!("reading stdin: {e}"),
                    },
                })
            }
            Err(e) => Some(Job::Unreadable {
                name,
                message: format!("reading stdin: {e}"),
            }),
        }
    }
}

impl Archive {
    fn new(
        name: String,
        reader: BufReader<Box<dyn Read + Send>>,
        compression: pagepith_warc::Compression,
        base: u64,
    ) -> Archive {
        Archive {
            source: Arc::from(name.as_str()),
            name,
            reader: pagepith_warc::Reader::new(reader, compression),
            base,
        }
    }
}

fn next_record(archive: &mut Archive) -> Option<Job> {
    Some(match archive.reader.next()? {
        Ok(record) => Job::Record {
            name: format!("{}@{}", archive.name, record.offset),
            source: archive.source.clone(),
            record,
        },
        Err(fault) => Job::Fault {
            name: archive.name.clone(),
            kind: fault.kind.name(),
            message: fault.to_string(),
        },
    })
}
