//! The writing side: results in the order given (input order, see `mod.rs`), counted.

use std::io::{self, Write};

use anyhow::{Context, Result};

use super::job::{Done, Outcome};
use super::Settings;
use crate::summary::Counts;
use crate::Format;

/// Writes results in the order given, counts them, and reports errors as they come.
pub(super) struct Writer<'a> {
    out: Box<dyn Write + Send>,
    #[cfg(feature = "parquet")]
    parquet: Option<crate::parquet_out::ParquetSink>,
    settings: &'a Settings,
    counts: Counts,
    first: bool,
}

impl<'a> Writer<'a> {
    pub(super) fn new(out: Box<dyn Write + Send>, settings: &'a Settings) -> Result<Self> {
        #[cfg(feature = "parquet")]
        let (out, parquet) = if settings.format == Format::Parquet {
            let sink = crate::parquet_out::ParquetSink::new(out)?;
            (Box::new(io::sink()) as Box<dyn Write + Send>, Some(sink))
        } else {
            (out, None)
        };
        Ok(Writer {
            out,
            #[cfg(feature = "parquet")]
            parquet,
            settings,
            counts: Counts::default(),
            first: true,
        })
    }

    /// What has been written and skipped so far.
    pub(super) fn counts(&self) -> &Counts {
        &self.counts
    }

    pub(super) fn write_done(&mut self, done: Done) -> Result<()> {
        let counts = &mut self.counts;
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
                if let Some(sink) = self.parquet.as_mut() {
                    return sink.push(&rendered);
                }
                write_one(
                    &mut self.out,
                    &done.name,
                    &rendered,
                    self.settings.format,
                    self.settings.many,
                    self.first,
                )
                .context("cannot write output")?;
                self.first = false;
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
        Ok(())
    }

    /// Closes the output (the JSON array, the Parquet footer) and returns the counts.
    pub(super) fn finish(mut self) -> Result<Counts> {
        #[cfg(feature = "parquet")]
        if let Some(sink) = self.parquet.take() {
            sink.finish()?;
        }
        if self.settings.format == Format::Json && self.settings.many {
            let close = if self.first { "[]" } else { "\n]" };
            writeln!(self.out, "{close}")?;
        }
        self.out.flush().context("cannot write output")?;
        Ok(self.counts)
    }
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
