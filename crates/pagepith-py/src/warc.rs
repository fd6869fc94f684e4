//! `iter_warc`: the pages of a WARC or WET file, one dict each, read as a stream. Which records
//! are pages is `pagepith_warc::page`'s rule, the same as the CLI's.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use pagepith::Article;
use pagepith_warc::page::{self, WarcFields};
use pagepith_warc::Reader;
use pyo3::exceptions::{PyRuntimeWarning, PyValueError};
use pyo3::prelude::*;

use crate::guard::{self, Failure};
use crate::options::Options;

/// What to do with a page that fails (over a limit, a damaged record, a caught panic).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OnError {
    /// Raise from `next()`; the iterator stays usable, so `except` and go on works.
    Raise,
    /// Issue a `RuntimeWarning` naming the record and go on.
    Warn,
    Skip,
}

/// The iterator `iter_warc` returns.
#[pyclass(module = "pagepith")]
pub struct WarcPages {
    /// The archive's path as given: every page's `source`, and the start of its name in errors.
    source: String,
    /// `None` once the archive has been read to its end.
    reader: Option<Reader<BufReader<File>>>,
    opts: Options,
    on_error: OnError,
}

/// One step of the iteration, taken without the GIL.
enum Step {
    Page(Box<Article>, WarcFields),
    Failed(Failure),
    End,
}

/// The pages of a WARC or WET file (plain or gzip), one record dict each, in file order.
///
/// HTML responses (2xx) and resources are extracted as HTML, WET ``conversion`` records as
/// text; other records (requests, metadata, images, redirects) are skipped, as
/// ``pagepith extract`` skips them. Each dict adds ``warc_record_id``, ``warc_target_uri``
/// and ``warc_date``; ``source`` is the path. The file is streamed: memory holds one record.
///
/// errors: what a page that fails does (a damaged record, a page over a limit, a caught
///     panic): ``"raise"`` raises from ``next()`` naming the record (``path@offset``), and the
///     iterator goes on with the next record when called again; ``"warn"`` issues a
///     ``RuntimeWarning`` and goes on; ``"skip"`` goes on silently.
#[pyfunction]
#[pyo3(signature = (path, *, errors="raise", favor="balanced", comments=false, tables=true,
    links=false, quotes=false, provenance=false, time_budget=None))]
#[allow(clippy::too_many_arguments)]
pub fn iter_warc(
    path: PathBuf,
    errors: &str,
    favor: &str,
    comments: bool,
    tables: bool,
    links: bool,
    quotes: bool,
    provenance: bool,
    time_budget: Option<f64>,
) -> PyResult<WarcPages> {
    let on_error = match errors {
        "raise" => OnError::Raise,
        "warn" => OnError::Warn,
        "skip" => OnError::Skip,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors={other:?}: expected \"raise\", \"warn\" or \"skip\""
            )))
        }
    };
    let opts = Options::new(
        None,
        "dict",
        favor,
        comments,
        tables,
        links,
        quotes,
        provenance,
        None,
        time_budget,
    )?;
    let (compression, reader) = page::sniff_reader(File::open(&path)?)?;
    // A file that is not an archive is read as an uncompressed one: it has no records, and
    // the reader reports what it found instead.
    let compression = compression.unwrap_or(pagepith_warc::Compression::None);
    Ok(WarcPages {
        source: path.display().to_string(),
        reader: Some(Reader::new(reader, compression)),
        opts,
        on_error,
    })
}

#[pymethods]
impl WarcPages {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(mut slf: PyRefMut<'py, Self>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let py = slf.py();
        let this = &mut *slf;
        loop {
            let step = py.detach(|| this.step());
            match step {
                Step::Page(article, warc) => {
                    return this
                        .opts
                        .render(py, &article, &this.source, Some(&warc))
                        .map(Some)
                }
                Step::Failed(failure) => match this.on_error {
                    OnError::Raise => return Err(failure.into_pyerr()),
                    OnError::Warn => {
                        let message = std::ffi::CString::new(failure.message().replace('\0', ""))
                            .unwrap_or_default();
                        PyErr::warn(py, &py.get_type::<PyRuntimeWarning>(), &message, 1)?;
                    }
                    OnError::Skip => {}
                },
                Step::End => return Ok(None),
            }
        }
    }
}

impl WarcPages {
    /// Reads records until one is a page (extracted) or fails, or the archive ends.
    fn step(&mut self) -> Step {
        let Some(reader) = self.reader.as_mut() else {
            return Step::End;
        };
        loop {
            let record = match reader.next() {
                None => {
                    self.reader = None;
                    return Step::End;
                }
                Some(Err(fault)) => {
                    let message = format!("{}: {fault}", self.source);
                    return Step::Failed(Failure::Warc(message));
                }
                Some(Ok(record)) => record,
            };
            let name = format!("{}@{}", self.source, record.offset);
            let page = match page::page_of(record) {
                Ok(page) => page,
                Err(skip) if skip.loses_work() => {
                    let message = format!("{name}: skipped ({})", skip.name());
                    return Step::Failed(Failure::Warc(message));
                }
                // Requests, metadata, images, redirects: not pages, nothing lost.
                Err(_) => continue,
            };
            let mut config = self.opts.config.clone();
            if let Some(uri) = &page.warc.target_uri {
                config = config.with_url(uri.clone());
            }
            if let Some(ct) = &page.content_type {
                config = config.with_content_type(ct.clone());
            }
            let extracted = guard::catch(&name, || {
                if page.is_text {
                    let decoded = pagepith::decode::decode(&page.body, config.content_type());
                    pagepith::extract_text(&decoded.text, &config)
                } else {
                    pagepith::extract(&page.body, &config)
                }
            });
            return match extracted {
                Ok(article) => Step::Page(Box::new(article), page.warc),
                Err(failure) => Step::Failed(failure),
            };
        }
    }
}
