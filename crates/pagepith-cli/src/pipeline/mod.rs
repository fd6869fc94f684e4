//! The extraction pipeline of `pagepith extract`: `-j N` runs N threads, each in turn taking
//! the next job from the reader, extracting it, and writing whatever results are next in input
//! order; results come out in input order and memory in flight is bounded.
//!
//! ```text
//! worker 1:  [take]  extract ........  [put]  [take]  extract ..  [put] ...
//! worker 2:        [take]  extract ..  [put]        [take]  extract ....  [put] ...
//!            take: the reader, under a lock (gunzip, WARC parsing), hands out job n
//!            put:  result n joins the finished ones; those next in order are written
//! ```
//!
//! There is no reading or writing thread: two threads keep exactly two cores busy, and the
//! record a worker inflates is extracted and freed on that worker (BENCHMARKS.md, "Two threads
//! (session 7)"). With `-j 1` the calling thread is the only worker.
//!
//! Archives stream through record by record, so a 1 GB WARC needs no more memory than the
//! pages being extracted and the results waiting for a slower page before them.

mod job;
mod read;
mod write;

use std::collections::VecDeque;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread;

use anyhow::{anyhow, Context, Result};

use crate::input_kind::InputKind;
use crate::inputs::Input;
use crate::summary::{Counts, Progress};
use crate::Format;

use job::{run_job, Done, Job};
use read::Feed;
use write::Writer;

/// Jobs a worker may take ahead of the oldest unwritten one, per worker: a page that takes
/// as long as this many average pages does not leave the other workers idle, and the results
/// held meanwhile are small (rendered output, not input). 32 is the batch size per worker the
/// pipeline used before it (session 6), which kept both cores busy on the dev WARC.
const AHEAD_PER_WORKER: u64 = 32;

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
///
/// `-j 1` runs on the calling thread alone: a crawl job that runs one pagepith per core
/// (Spark, datatrove, a batch scheduler) must not find a second thread competing with the
/// next job for its neighbour's core.
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
    let shared = Shared {
        feed: Mutex::new(Taking {
            feed: Feed::new(inputs, progress.bytes_done.clone()),
            next: 0,
        }),
        ready: Mutex::new(None),
        read_ahead: threads > 1,
        out: Mutex::new(Ordered {
            writer: Writer::new(out, &settings)?,
            next: 0,
            finished: VecDeque::new(),
            failure: None,
        }),
        room: Condvar::new(),
        stop: AtomicBool::new(false),
        ahead: AHEAD_PER_WORKER * threads as u64,
    };
    let render = settings.render;
    let work = || work(&shared, &config, render, progress);
    thread::scope(|scope| -> Result<()> {
        let mut workers = Vec::with_capacity(threads - 1);
        for n in 1..threads {
            let spawned = thread::Builder::new()
                .name(format!("pagepith-{n}"))
                .spawn_scoped(scope, work);
            match spawned {
                Ok(worker) => workers.push(worker),
                Err(e) => {
                    shared.stop();
                    return Err(e).context("cannot start worker threads");
                }
            }
        }
        // The calling thread is a worker too; a panic outside extraction (which catches its
        // own) is reported like one on a spawned worker.
        let calling = catch_unwind(AssertUnwindSafe(work));
        for worker in workers {
            worker
                .join()
                .map_err(|_| anyhow!("a worker thread panicked"))?;
        }
        calling.map_err(|_| anyhow!("a worker thread panicked"))
    })?;
    let ordered = shared
        .out
        .into_inner()
        .map_err(|_| anyhow!("a worker thread panicked while writing"))?;
    match ordered.failure {
        Some(e) => Err(e),
        None => ordered.writer.finish(),
    }
}

/// What the workers share.
struct Shared<'a> {
    feed: Mutex<Taking>,
    /// A job read ahead by the last worker at the reader.
    ready: Mutex<Option<(u64, Job)>>,
    /// Whether to read ahead: only when another worker may take the job.
    read_ahead: bool,
    out: Mutex<Ordered<'a>>,
    /// Signalled when results are written (room to take more jobs) or the run stops.
    room: Condvar,
    /// Set, under the `out` lock, when output failed or a worker panicked.
    stop: AtomicBool,
    /// Most jobs taken ahead of the oldest unwritten one.
    ahead: u64,
}

/// The reader and the number of the next job it hands out.
struct Taking {
    feed: Feed,
    next: u64,
}

/// The writer and the results finished out of order.
struct Ordered<'a> {
    writer: Writer<'a>,
    /// Number of the next result to write.
    next: u64,
    /// `finished[i]` is result `next + i`, once done.
    finished: VecDeque<Option<Done>>,
    failure: Option<anyhow::Error>,
}

/// One worker: take a job, extract it, put the result; until the input ends or the run stops.
fn work(shared: &Shared<'_>, config: &pagepith::Config, render: Render, progress: &Progress) {
    let _stop_on_panic = StopOnPanic(shared);
    while let Some((n, job)) = shared.take() {
        let done = run_job(job, config, render);
        if !shared.put(n, done, progress) {
            break;
        }
    }
}

impl Shared<'_> {
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Stops the run: no worker takes another job, a waiting one wakes.
    fn stop(&self) {
        let _out = lock(&self.out);
        self.stop.store(true, Ordering::Relaxed);
        self.room.notify_all();
    }

    /// The next job and its number: the one read ahead if any, else read now. Whoever holds
    /// the reader leaves a job read ahead, so a worker that finishes while another is reading
    /// need not wait for it.
    fn take(&self) -> Option<(u64, Job)> {
        // NOTE: a `let` of its own, so the slot's lock is released before `read_ahead` takes it.
        let read_ahead = lock(&self.ready).take();
        if let Some(job) = read_ahead {
            if let Ok(mut taking) = self.feed.try_lock() {
                self.read_ahead(&mut taking);
            }
            return Some(job);
        }
        let mut taking = lock(&self.feed);
        // Filled while this worker waited for the reader. A `let` of its own, so the slot is
        // not locked while this worker reads.
        let filled = lock(&self.ready).take();
        let job = match filled {
            Some(job) => job,
            None => self.read(&mut taking, true)?,
        };
        self.read_ahead(&mut taking);
        Some(job)
    }

    /// Reads a job into the empty read-ahead slot, when there is room without waiting.
    fn read_ahead(&self, taking: &mut Taking) {
        if !self.read_ahead || lock(&self.ready).is_some() {
            return;
        }
        // NOTE: never wait for room here: this worker holds a job whose result may be the one
        // the room waits for.
        if let Some(job) = self.read(taking, false) {
            *lock(&self.ready) = Some(job);
        }
    }

    /// The next job from the reader, once it is within `ahead` of the oldest unwritten one
    /// (`wait`), or None at once when it is not.
    fn read(&self, taking: &mut Taking, wait: bool) -> Option<(u64, Job)> {
        let n = taking.next;
        {
            // NOTE: the wait holds the feed lock, so at most one worker waits here; the others
            // finish their jobs, and the one that writes result `n - ahead` wakes it.
            let mut out = lock(&self.out);
            while n >= out.next + self.ahead && !self.stopped() {
                if !wait {
                    return None;
                }
                out = self.room.wait(out).unwrap_or_else(|e| e.into_inner());
            }
        }
        if self.stopped() {
            return None;
        }
        let job = taking.feed.next_job()?;
        taking.next += 1;
        Some((n, job))
    }

    /// Files result `n` and writes the results now next in order; false when the run stops.
    fn put(&self, n: u64, done: Done, progress: &Progress) -> bool {
        let mut out = lock(&self.out);
        if self.stopped() {
            return false;
        }
        match out.file(n, done, progress) {
            Ok(false) => true,
            Ok(true) => {
                self.room.notify_all();
                true
            }
            Err(e) => {
                out.failure = Some(e);
                self.stop.store(true, Ordering::Relaxed);
                self.room.notify_all();
                false
            }
        }
    }
}

impl Ordered<'_> {
    /// Files result `n`; writes every result now next in order. True when any was written.
    fn file(&mut self, n: u64, done: Done, progress: &Progress) -> Result<bool> {
        let i = usize::try_from(n - self.next).context("result numbers out of range")?;
        if self.finished.len() <= i {
            self.finished.resize_with(i + 1, || None);
        }
        self.finished[i] = Some(done);
        let mut wrote = false;
        while let Some(Some(_)) = self.finished.front() {
            if let Some(Some(done)) = self.finished.pop_front() {
                self.next += 1;
                self.writer.write_done(done)?;
                wrote = true;
            }
        }
        if wrote {
            progress.update(self.writer.counts());
        }
        Ok(wrote)
    }
}

/// A worker that panics (a bug outside extraction, which catches its own) stops the run, so
/// no other worker waits for its result forever.
struct StopOnPanic<'a, 'b>(&'a Shared<'b>);

impl Drop for StopOnPanic<'_, '_> {
    fn drop(&mut self) {
        if thread::panicking() {
            self.0.stop();
        }
    }
}

/// A lock whose holder panicked is still usable: the run is stopping (see `StopOnPanic`).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
