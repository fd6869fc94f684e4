//! The keyword arguments of `extract`, `extract_text` and `iter_warc`, mapped onto one
//! [`pagepith::Config`] here and nowhere else, and the rendering of an article as asked.

use std::time::Duration;

use pagepith::{Article, Config, Favor, Record};
use pagepith_warc::page::WarcFields;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// What each page is returned as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// The record as a dict: the keys of the CLI's JSON.
    Dict,
    /// The same record as one line of JSON.
    Json,
    Text,
    Markdown,
    /// The article as a clean HTML fragment (allow-listed tags and attributes).
    Html,
}

/// One call's options.
#[derive(Clone, Debug)]
pub struct Options {
    pub config: Config,
    pub output: Output,
    pub comments: bool,
    pub quotes: bool,
    pub provenance: bool,
}

impl Options {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
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
    ) -> PyResult<Options> {
        let output = match output {
            "dict" => Output::Dict,
            "json" => Output::Json,
            "text" => Output::Text,
            "markdown" => Output::Markdown,
            "html" => Output::Html,
            other => {
                return Err(PyValueError::new_err(format!(
                "output={other:?}: expected \"dict\", \"json\", \"text\", \"markdown\" or \"html\""
            )))
            }
        };
        let favor = match favor {
            "balanced" => Favor::Balanced,
            "precision" => Favor::Precision,
            "recall" => Favor::Recall,
            other => {
                return Err(PyValueError::new_err(format!(
                    "favor={other:?}: expected \"balanced\", \"precision\" or \"recall\""
                )))
            }
        };
        let mut config = Config::default()
            .with_favor(favor)
            .with_comments(comments)
            .with_tables(tables)
            .with_links(links)
            .with_quotes(quotes);
        if let Some(url) = url {
            config = config.with_url(url);
        }
        if let Some(ct) = content_type {
            config = config.with_content_type(ct);
        }
        if let Some(secs) = time_budget {
            let budget = Duration::try_from_secs_f64(secs).map_err(|_| {
                PyValueError::new_err(format!(
                    "time_budget={secs}: expected a non-negative number of seconds"
                ))
            })?;
            config = config.with_time_budget(budget);
        }
        Ok(Options {
            config,
            output,
            comments,
            quotes,
            provenance,
        })
    }

    fn sections(&self) -> pagepith::render::Sections {
        pagepith::render::Sections {
            quotes: self.quotes,
            comments: self.comments,
        }
    }

    /// The record's `source`: the URL when given (Python pages have no file name).
    pub fn source(&self) -> &str {
        self.config.url().unwrap_or("")
    }

    /// How errors name a page given as a value.
    pub fn input_name(&self, len: usize) -> String {
        match self.config.url() {
            Some(url) => url.to_owned(),
            None => format!("the page given ({len} bytes)"),
        }
    }

    /// The article as the caller asked for it.
    pub fn render<'py>(
        &self,
        py: Python<'py>,
        article: &Article,
        source: &str,
        warc: Option<&WarcFields>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let record = || {
            let r = Record::new(source, article, self.comments, self.provenance)
                .with_requested(article, &self.config);
            match warc {
                Some(w) => r.with_warc(
                    w.record_id.as_deref(),
                    w.target_uri.as_deref(),
                    w.date.as_deref(),
                ),
                None => r,
            }
        };
        let text = match self.output {
            Output::Dict => return Ok(pythonize::pythonize(py, &record())?),
            Output::Json => serde_json::to_string(&record())
                .map_err(|e| PyValueError::new_err(e.to_string()))?,
            Output::Text => {
                pagepith::render::text_with_sections(article.text(), article, self.sections())
            }
            Output::Markdown => pagepith::render::markdown_with_sections(
                article.markdown(),
                article,
                self.sections(),
            ),
            Output::Html => article.html(),
        };
        Ok(PyString::new(py, &text).into_any())
    }
}
