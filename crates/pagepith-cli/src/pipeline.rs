//! The extraction pipeline of `pagepith extract`: a reading thread, extraction on the worker
//! pool, a writing thread; results come out in input order and memory in flight is bounded.
//!
//! ```text
//! reader thread --batches--> main thread --spawns each batch on the pool--> writer thread
//!   (pages, archive records)     (at most IN_FLIGHT batches extracting)      (in order)
//! ```
//!
//! Archives stream through record by record, so a 1 GB WARC needs no more memory than a few
//! batches of pages.

use std::fs::File;
use std::io::{self, Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::thread;

use anyhow::{anyhow, bail, Context, Result};
use rayon::prelude::*;

use pagepith::Record;
use pagepith_warc::page::{self, Skip, WarcFields};

use crate::input_kind::{self, InputKind};
use crate::inputs::Input;
use crate::summary::{Counts, Progress};
use crate::Format;

/// Most bytes of input gathered into one batch. At most four batches are held (see `run`), so
/// queued input stays under 16 MiB however large the archive; the rest of the peak is the
/// DOM of the largest pages being extracted (peak RSS on a 1 GB WARC: BENCHMARKS.md, "Crawl
/// scale"). 8 MiB batches measured 183 MB peak RSS on the dev-page WARC with two threads.
const BATCH_BYTES: usize = 4 << 20;

/// Pages per batch for each worker thread: enough that a slow page does not leave the other
/// workers idle at the end of a batch, few enough to keep batches small.
const PAGES_PER_WORKER: usize = 32;

/// Batches extracting at once: while the last pages of one finish, workers start the next.
const IN_FLIGHT: usize = 2;

/// One thing read, to be extracted or accounted for.
pub enum Job {
    /// A page file; the worker reads it (reading in parallel is part of the speed).
    Page(Input),
    /// A page already read (stdin).
    PageBytes { name: String, bytes: Vec<u8> },
    /// A record of an archive.
    Record {
        name: String,
        source: Arc<str>,
        record: pagepith_warc::Record,
    },
    /// A record that could not be read.
    Fault {
        name: String,
        kind: &'static str,
        message: String,
    },
    /// An input that could not be opened or read.
    Unreadable { name: String, message: String },
}

enum Outcome {
    Written {
        rendered: String,
        empty: bool,
    },
    Skipped(Skip),
    Failed {
        reason: &'static str,
        message: String,
    },
}

struct Done {
    name: String,
    outcome: Outcome,
}

pub struct Settings {
    pub format: Format,
    pub many: bool,
    pub threads: usize,
    pub render: Render,
}

/// How each page is read and written, beyond the library's Config.
#[derive(Clone, Copy, Debug)]
pub struct Render {
    pub format: Format,
    /// Add the `*_source` fields to JSON.
    pub provenance: bool,
    /// Add the comments (JSON field, or a section after the body).
    pub comments: bool,
    /// Add the quotations (JSON field, or a section after the body).
    pub quotes: bool,
    /// Whether page files and stdin are HTML or text.
    pub input: InputKind,
}

impl Render {
    /// The sections text and Markdown output add after the body.
    fn sections(&self) -> pagepith::render::Sections {
        pagepith::render::Sections {
            quotes: self.quotes,
            comments: self.comments,
        }
    }
}

/// Runs the pipeline over `inputs`, writing to `out`; returns the counts of the run.
pub fn run(
    inputs: Vec<Input>,
    config: pagepith::Config,
    settings: Settings,
    out: Box<dyn Write + Send>,
    progress: &Progress,
) -> Result<Counts> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.threads)
        .build()
        .context("cannot start worker threads")?;
    let workers = pool.current_num_threads();
    let config = Arc::new(config);
    let render = settings.render;

    // One batch queued behind the one being extracted, one being filled: with IN_FLIGHT
    // extracting, at most four batches of input are held at once.
    let (batch_tx, batch_rx) = sync_channel::<Vec<Job>>(1);
    // The writer waits on one batch; the channel holds the others in flight.
    let (result_tx, result_rx) = sync_channel::<Receiver<Vec<Done>>>(IN_FLIGHT - 1);
    let bytes_done = progress.bytes_done.clone();
    let batch_pages = PAGES_PER_WORKER * workers;
    let reader = thread::Builder::new()
        .name("pagepith-read".into())
        .spawn(move || read_inputs(inputs, &batch_tx, batch_pages, &bytes_done))
        .context("cannot start the reading thread")?;

    let result = thread::scope(|scope| -> Result<Counts> {
        let writer = scope.spawn(|| write_results(result_rx, out, &settings, progress));
        for batch in batch_rx.iter() {
            let (tx, rx) = sync_channel(1);
            // NOTE: queue the receiver before spawning: the send blocks while IN_FLIGHT
            // batches are unwritten, which is what bounds the batches in memory.
            if result_tx.send(rx).is_err() {
                break; // The writer stopped (an output error); it reports why.
            }
            let config = config.clone();
            pool.spawn(move || {
                let done: Vec<Done> = batch
                    .into_par_iter()
                    .map(|job| run_job(job, &config, render))
                    .collect();
                let _ = tx.send(done);
            });
        }
        drop(result_tx);
        drop(batch_rx);
        writer
            .join()
            .map_err(|_| anyhow!("the writing thread panicked"))?
    });
    reader
        .join()
        .map_err(|_| anyhow!("the reading thread panicked"))?;
    result
}

/// The reading thread: turns inputs into batches of jobs, archives record by record.
fn read_inputs(
    inputs: Vec<Input>,
    tx: &SyncSender<Vec<Job>>,
    batch_pages: usize,
    bytes_done: &AtomicU64,
) {
    let mut batch = Batch::new(tx, batch_pages);
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
    tx: &'a SyncSender<Vec<Job>>,
    jobs: Vec<Job>,
    bytes: usize,
    max_pages: usize,
}

impl<'a> Batch<'a> {
    fn new(tx: &'a SyncSender<Vec<Job>>, max_pages: usize) -> Self {
        Batch {
            tx,
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
        self.tx.send(std::mem::take(&mut self.jobs)).is_ok()
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

/// Extracts and renders one job on a worker. A panic (a bug) fails this page only.
fn run_job(job: Job, base: &pagepith::Config, render: Render) -> Done {
    let (name, outcome) = match job {
        Job::Page(input) => {
            let name = input.name();
            let outcome = match input.read() {
                Ok(bytes) => {
                    let as_text = input_kind::is_text(render.input, &input, &bytes);
                    extract(&bytes, base, render, as_text, &name, &name, None)
                }
                Err(e) => Outcome::Failed {
                    reason: "read",
                    message: format!("{e:#}"),
                },
            };
            (name, outcome)
        }
        Job::PageBytes { name, bytes } => {
            let as_text = input_kind::is_text(render.input, &Input::Stdin, &bytes);
            let outcome = extract(&bytes, base, render, as_text, &name, &name, None);
            (name, outcome)
        }
        Job::Record {
            name,
            source,
            record,
        } => {
            let outcome = match page::page_of(record) {
                Ok(page) => {
                    let mut config = base.clone();
                    if let Some(uri) = &page.warc.target_uri {
                        config = config.with_url(uri.clone());
                    }
                    if let Some(ct) = &page.content_type {
                        config = config.with_content_type(ct.clone());
                    }
                    extract(
                        &page.body,
                        &config,
                        render,
                        page.is_text,
                        &source,
                        &name,
                        Some(&page.warc),
                    )
                }
                Err(skip) => Outcome::Skipped(skip),
            };
            (name, outcome)
        }
        Job::Fault {
            name,
            kind,
            message,
        } => (
            name,
            Outcome::Failed {
                reason: kind,
                message,
            },
        ),
        Job::Unreadable { name, message } => (
            name,
            Outcome::Failed {
                reason: "read",
                message,
            },
        ),
    };
    Done { name, outcome }
}

fn extract(
    bytes: &[u8],
    config: &pagepith::Config,
    render: Render,
    as_text: bool,
    source: &str,
    name: &str,
    warc: Option<&WarcFields>,
) -> Outcome {
    // The outer Result is rendering (JSON), the inner one extraction: a page over a limit is
    // told apart from other failures in the summary.
    let rendered = catch_unwind(AssertUnwindSafe(
        || -> Result<Result<(String, bool), pagepith::Error>> {
            let extracted = if as_text {
                let decoded = pagepith::decode::decode(bytes, config.content_type());
                pagepith::extract_text(&decoded.text, config)
            } else {
                pagepith::extract(bytes, config)
            };
            let article = match extracted {
                Ok(article) => article,
                Err(e) => return Ok(Err(e)),
            };
            let format = render.format;
            let record = || {
                let r = Record::new(source, &article, render.comments, render.provenance)
                    .with_requested(&article, config);
                match warc {
                    Some(w) => r.with_warc(
                        w.record_id.as_deref(),
                        w.target_uri.as_deref(),
                        w.date.as_deref(),
                    ),
                    None => r,
                }
            };
            // Each format renders the body text once; emptiness is read off that.
            let (rendered, empty) = match format {
                Format::Text => {
                    let text = article.text();
                    let empty = text.trim().is_empty();
                    (
                        pagepith::render::text_with_sections(text, &article, render.sections()),
                        empty,
                    )
                }
                Format::Markdown => (
                    pagepith::render::markdown_with_sections(
                        article.markdown(),
                        &article,
                        render.sections(),
                    ),
                    article.is_empty(),
                ),
                // Parquet rows are read back from the JSON record (see parquet_out.rs).
                Format::Html => (article.html(), article.is_empty()),
                Format::Json | Format::Jsonl | Format::Parquet => {
                    let r = record();
                    let empty = r.text.trim().is_empty();
                    let json = if format == Format::Json {
                        serde_json::to_string_pretty(&r)?
                    } else {
                        serde_json::to_string(&r)?
                    };
                    (json, empty)
                }
            };
            Ok(Ok((rendered, empty)))
        },
    ));
    match rendered {
        Ok(Ok(Ok((rendered, empty)))) => Outcome::Written { rendered, empty },
        Ok(Ok(Err(e))) => Outcome::Failed {
            reason: match e.kind() {
                pagepith::ErrorKind::LimitExceeded { .. } => "over-limit",
                _ => "extraction",
            },
            message: e.to_string(),
        },
        Ok(Err(e)) => Outcome::Failed {
            reason: "extraction",
            message: format!("{e:#}"),
        },
        Err(_) => Outcome::Failed {
            reason: "extraction",
            message: format!(
                "internal error (panic) while extracting {name}; please report this page"
            ),
        },
    }
}

/// The writing thread: results in input order, counted; errors reported as they come.
fn write_results(
    batches: Receiver<Receiver<Vec<Done>>>,
    out: Box<dyn Write + Send>,
    settings: &Settings,
    progress: &Progress,
) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut first = true;
    #[cfg(not(feature = "parquet"))]
    let mut out = out;
    #[cfg(feature = "parquet")]
    let (mut out, mut parquet) = if settings.format == Format::Parquet {
        let sink = crate::parquet_out::ParquetSink::new(out)?;
        (Box::new(io::sink()) as Box<dyn Write + Send>, Some(sink))
    } else {
        (out, None)
    };
    for batch in batches.iter() {
        let Ok(results) = batch.recv() else {
            bail!("a worker stopped without a result");
        };
        for done in results {
            counts.read += 1;
            match done.outcome {
                Outcome::Written { rendered, empty } => {
                    counts.html += 1;
                    if empty {
                        counts.empty += 1;
                    } else {
                        counts.extracted += 1;
                    }
                    #[cfg(feature = "parquet")]
                    if let Some(sink) = parquet.as_mut() {
                        sink.push(&rendered)?;
                        continue;
                    }
                    write_one(
                        &mut out,
                        &done.name,
                        &rendered,
                        settings.format,
                        settings.many,
                        first,
                    )
                    .context("cannot write output")?;
                    first = false;
                }
                Outcome::Skipped(skip) => {
                    *counts.skipped.entry(skip).or_default() += 1;
                    if skip.loses_work() {
                        eprintln!("pagepith: {}: skipped ({})", done.name, skip.name());
                    }
                }
                Outcome::Failed { reason, message } => {
                    if matches!(reason, "extraction" | "over-limit") {
                        counts.html += 1;
                    }
                    *counts.failed.entry(reason).or_default() += 1;
                    eprintln!("pagepith: {}: {message}", done.name);
                }
            }
        }
        progress.update(&counts);
    }
    #[cfg(feature = "parquet")]
    if let Some(sink) = parquet {
        sink.finish()?;
    }
    if settings.format == Format::Json && settings.many {
        writeln!(out, "{}", if first { "[]" } else { "\n]" })?;
    }
    out.flush().context("cannot write output")?;
    Ok(counts)
}

fn write_one(
    out: &mut dyn Write,
    name: &str,
    rendered: &str,
    format: Format,
    many: bool,
    first: bool,
) -> io::Result<()> {
    match format {
        Format::Jsonl => writeln!(out, "{rendered}")?,
        Format::Json if many => {
            let sep = if first { "[\n" } else { ",\n" };
            write!(out, "{sep}{rendered}")?
        }
        Format::Json => writeln!(out, "{rendered}")?,
        // Parquet rows never reach here (the sink takes them).
        Format::Parquet => {}
        Format::Html => {
            if many {
                // A comment names each page's source; `--` and `>` could end it early.
                let label = name.replace("--", "- -").replace('>', "");
                writeln!(out, "<!-- {label} -->")?;
            }
            write!(out, "{rendered}")?
        }
        Format::Text | Format::Markdown => {
            if many {
                if !first {
                    writeln!(out)?;
                }
                writeln!(out, "==> {name} <==")?;
            }
            writeln!(out, "{}", rendered.trim_end())?
        }
    }
    Ok(())
}
