//! The writing side: results in input order, counted.

use std::io::{self, Write};
use std::sync::mpsc::Receiver;

use anyhow::{bail, Context, Result};

use super::job::{Done, Outcome};
use super::Settings;
use crate::summary::{Counts, Progress};
use crate::Format;

/// The writing thread: results in input order, counted; errors reported as they come.
pub(super) fn write_results(
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
