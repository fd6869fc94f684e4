//! What the reader hands the workers, and what a worker makes of it.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use anyhow::Result;

use pagepith::Record;
use pagepith_warc::page::{self, Skip, WarcFields};

use super::Render;
use crate::input_kind;
use crate::inputs::Input;
use crate::Format;

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

pub(super) enum Outcome {
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

pub(super) struct Done {
    pub(super) name: String,
    pub(super) outcome: Outcome,
}

/// Extracts and renders one job on a worker. A panic (a bug) fails this page only.
pub(super) fn run_job(job: Job, base: &pagepith::Config, render: Render) -> Done {
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
