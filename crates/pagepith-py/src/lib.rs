//! Python bindings for pagepith: the `pagepith._pagepith` extension module, which the `pagepith`
//! package (python/pagepith) re-exports. This crate converts arguments and results and maps
//! errors; extraction and WARC reading are the library crates' own.
//!
//! Every page is extracted with the GIL released and inside the per-page guard (`guard.rs`), so
//! a panic (a bug, which must never happen) becomes a Python exception naming the page, and a
//! batch goes on.

mod guard;
mod options;
mod warc;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use options::Options;

// The DOM allocates a node, a name and a string per element. Measured from Python on the
// scrapinghub pages (bench/python_speed.py): see BENCHMARKS.md, "From Python". Only Rust's
// allocations go through it; the interpreter keeps its own.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A page as Python gives it: bytes (charset detected here) or str (already decoded).
#[derive(FromPyObject)]
enum Page<'py> {
    Bytes(Bound<'py, PyBytes>),
    Str(Bound<'py, PyString>),
}

/// Extracts the article from an HTML page.
///
/// html: the page as bytes (the charset is detected: BOM, ``content_type``, ``<meta>``,
///     sniffing) or as an already decoded str.
/// url: the page's URL: the ``url`` field when the page names no canonical one, and the base
///     of relative links.
/// output: ``"dict"`` (the record, with the keys of ``pagepith extract --format json``),
///     ``"json"`` (that record as one line of JSON), ``"text"``, ``"markdown"`` or ``"html"``
///     (a clean fragment: allow-listed tags, no scripts, handlers or unsafe URLs).
/// favor: lean towards ``"precision"`` or ``"recall"`` instead of the best F1.
/// comments: also extract the page's comments (a ``comments`` key, or a section after the
///     body); they never go into the body.
/// tables: keep tables in the body. links: keep link targets (Markdown shows them).
/// quotes: find the body's direct quotations and who said them (a ``quotes`` key, or a
///     section after the body).
/// provenance: add ``title_source``, ``date_source``... naming where each field came from.
/// content_type: the HTTP ``Content-Type``, whose charset outranks the page's own.
/// time_budget: seconds one page may take (default 30) before ``LimitExceeded``.
///
/// Never returns None: a page without an article gives an empty text. Raises
/// ``LimitExceeded`` for a page over a limit and ``InternalError`` for a bug (the message
/// names the page), so a loop over many pages can catch ``pagepith.Error`` and go on.
#[pyfunction]
#[pyo3(signature = (html, url=None, *, output="dict", favor="balanced", comments=false,
    tables=true, links=false, quotes=false, provenance=false, content_type=None, time_budget=None))]
#[allow(clippy::too_many_arguments)]
fn extract<'py>(
    py: Python<'py>,
    html: Page<'py>,
    url: Option<String>,
    output: &str,
    favor: &str,
    comments: bool,
    tables: bool,
    links: bool,
    quotes: bool,
    provenance: bool,
    content_type: Option<String>,
    time_budget: Option<f64>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = Options::new(
        url,
        output,
        favor,
        comments,
        tables,
        links,
        quotes,
        provenance,
        content_type,
        time_budget,
    )?;
    let config = &opts.config;
    let article = match &html {
        Page::Bytes(bytes) => {
            let bytes = bytes.as_bytes();
            let name = opts.input_name(bytes.len());
            guard::extract(py, &name, || pagepith::extract(bytes, config))?
        }
        Page::Str(text) => {
            let text = text.to_cow()?;
            let name = opts.input_name(text.len());
            guard::extract(py, &name, || pagepith::extract_str(&text, config))?
        }
    };
    opts.render(py, &article, opts.source(), None)
}

/// Extracts the article from a page already flattened to text, one block a line (a
/// Common Crawl WET record, a scraped corpus): headline, byline, date and body from the lines
/// alone. Arguments and results as for ``extract``.
#[pyfunction]
#[pyo3(signature = (text, url=None, *, output="dict", favor="balanced", comments=false,
    tables=true, links=false, quotes=false, provenance=false, content_type=None, time_budget=None))]
#[allow(clippy::too_many_arguments)]
fn extract_text<'py>(
    py: Python<'py>,
    text: Page<'py>,
    url: Option<String>,
    output: &str,
    favor: &str,
    comments: bool,
    tables: bool,
    links: bool,
    quotes: bool,
    provenance: bool,
    content_type: Option<String>,
    time_budget: Option<f64>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = Options::new(
        url,
        output,
        favor,
        comments,
        tables,
        links,
        quotes,
        provenance,
        content_type,
        time_budget,
    )?;
    let config = &opts.config;
    let article = match &text {
        Page::Bytes(bytes) => {
            let bytes = bytes.as_bytes();
            let name = opts.input_name(bytes.len());
            guard::extract(py, &name, || {
                let decoded = pagepith::decode::decode(bytes, config.content_type());
                pagepith::extract_text(&decoded.text, config)
            })?
        }
        Page::Str(text) => {
            let text = text.to_cow()?;
            let name = opts.input_name(text.len());
            guard::extract(py, &name, || pagepith::extract_text(&text, config))?
        }
    };
    opts.render(py, &article, opts.source(), None)
}

/// Runs a panicking "extraction" through the per-page guard: how the tests check that a panic
/// becomes `pagepith.InternalError` naming the input, since no real page may panic.
#[pyfunction]
fn _panic_in_guard(py: Python<'_>, name: &str) -> PyResult<()> {
    guard::extract(py, name, || -> Result<(), pagepith::Error> {
        panic!("a deliberate panic, to test the per-page guard")
    })
}

#[pymodule]
fn _pagepith(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_text, m)?)?;
    m.add_function(wrap_pyfunction!(warc::iter_warc, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_in_guard, m)?)?;
    m.add_class::<warc::WarcPages>()?;
    m.add("Error", py.get_type::<guard::Error>())?;
    m.add("LimitExceeded", py.get_type::<guard::LimitExceeded>())?;
    m.add("InternalError", py.get_type::<guard::InternalError>())?;
    m.add("WarcError", py.get_type::<guard::WarcError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
