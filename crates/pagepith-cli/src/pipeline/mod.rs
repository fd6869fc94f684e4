//! The extraction pipeline of `pagepith extract`: a reading thread, extraction on the worker
//! pool, a writing thread; results come out in input order and memory in flight is bounded.
//!
//! ```text
//! reader thread --batches--> main thread --spawns each batch on the pool--> writer thread
//!   (pages, archive records)     (at most IN_FLIGHT batches extracting)      (in order)
//! ```
//!
//! With one thread (`-j 1`, or a one-core machine) the same reader, jobs and writer run in turn
//! on the calling thread.
//!
//! Archives stream through record by record, so a 1 GB WARC needs no more memory than a few
//! batches of pages.

mod job;
mod read;
mod write;

use std::io::Write;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::thread;

use anyhow::{anyhow, Context, Result};
use rayon::prelude::*;

use crate::input_kind::InputKind;
use crate::inputs::Input;
use crate::summary::{Counts, Progress};
use crate::Format;

use job::{run_job, Done, Job};

/// Pages per batch for each worker thread: enough that a slow page does not leave the other
/// workers idle at the end of a batch, few enough to keep batches small.
const PAGES_PER_WORKER: usize = 32;

/// Batches extracting at once: while the last pages of one finish, workers start the next.
const IN_FLIGHT: usize = 2;

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
    let threads = match settings.threads {
        0 => thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    if threads == 1 {
        run_sequential(inputs, &config, &settings, out, progress)
    } else {
        run_parallel(inputs, config, settings, threads, out, progress)
    }
}

/// One thread reads, extracts and writes in turn. `-j 1` means one core's worth of work: a
/// crawl job that runs one pagepith per core (Spark, datatrove, a batch scheduler) must not
/// find a reading thread competing with the next job for its neighbour's core.
fn run_sequential(
    inputs: Vec<Input>,
    config: &pagepith::Config,
    settings: &Settings,
    out: Box<dyn Write + Send>,
    progress: &Progress,
) -> Result<Counts> {
    let render = settings.render;
    let mut writer = write::Writer::new(out, settings)?;
    let mut failure = None;
    let mut extract_and_write = |batch: Vec<Job>| {
        let done = batch
            .into_iter()
            .map(|job| run_job(job, config, render))
            .collect();
        match writer.write_batch(done, progress) {
            Ok(()) => true,
            Err(e) => {
                failure = Some(e);
                false
            }
        }
    };
    read::read_inputs(
        inputs,
        &mut extract_and_write,
        PAGES_PER_WORKER,
        &progress.bytes_done,
    );
    match failure {
        Some(e) => Err(e),
        None => writer.finish(),
    }
}

/// A reading thread, `threads` extraction workers and a writing thread.
fn run_parallel(
    inputs: Vec<Input>,
    config: pagepith::Config,
    settings: Settings,
    threads: usize,
    out: Box<dyn Write + Send>,
    progress: &Progress,
) -> Result<Counts> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
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
        .spawn(move || {
            let mut send = |batch| batch_tx.send(batch).is_ok();
            read::read_inputs(inputs, &mut send, batch_pages, &bytes_done)
        })
        .context("cannot start the reading thread")?;

    let result = thread::scope(|scope| -> Result<Counts> {
        let writer = scope.spawn(|| write::write_results(result_rx, out, &settings, progress));
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
