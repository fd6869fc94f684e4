//! The per-page guard and the exceptions. A page's failure is an exception naming the page; a
//! panic (a bug) is caught here rather than reaching Python as pyo3's `PanicException`, which
//! derives from `BaseException` and so would escape a batch's `except Exception`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    pagepith,
    Error,
    PyException,
    "A page pagepith could not extract; the message names the page and why."
);
create_exception!(
    pagepith,
    LimitExceeded,
    Error,
    "The page exceeds a limit (input size, nodes, time budget); the message names the limit."
);
create_exception!(
    pagepith,
    InternalError,
    Error,
    "A bug in pagepith while extracting this page (a caught panic); please report the page."
);
create_exception!(
    pagepith,
    WarcError,
    Error,
    "A WARC record that could not be read (damaged, or a response that is not HTTP)."
);

/// Why one page failed, told without the GIL so it can be built on any thread.
#[derive(Debug)]
pub enum Failure {
    Extraction(String),
    Limit(String),
    Panic(String),
    Warc(String),
}

impl Failure {
    pub fn message(&self) -> &str {
        match self {
            Failure::Extraction(m) | Failure::Limit(m) | Failure::Panic(m) | Failure::Warc(m) => m,
        }
    }

    pub fn into_pyerr(self) -> PyErr {
        match self {
            Failure::Extraction(m) => Error::new_err(m),
            Failure::Limit(m) => LimitExceeded::new_err(m),
            Failure::Panic(m) => InternalError::new_err(m),
            Failure::Warc(m) => WarcError::new_err(m),
        }
    }
}

/// Runs one page's extraction, catching a panic; the caller holds no Python state.
pub fn catch<T>(name: &str, f: impl FnOnce() -> Result<T, pagepith::Error>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(match e.kind() {
            pagepith::ErrorKind::LimitExceeded { .. } => Failure::Limit(format!("{name}: {e}")),
            _ => Failure::Extraction(format!("{name}: {e}")),
        }),
        Err(_) => Err(Failure::Panic(format!(
            "internal error (panic) while extracting {name}; please report this page"
        ))),
    }
}

/// [`catch`] with the GIL released, so other Python threads run while the page is extracted.
pub fn extract<T: Send>(
    py: Python<'_>,
    name: &str,
    f: impl FnOnce() -> Result<T, pagepith::Error> + Send,
) -> PyResult<T> {
    py.detach(|| catch(name, f)).map_err(Failure::into_pyerr)
}
