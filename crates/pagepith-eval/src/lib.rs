//! Scores article-extraction output against gold datasets.
//!
//! - [`Dataset::load`] reads a gold folder (`ground-truth.json` + `html/`).
//! - [`load_predictions`] reads an extractor's saved output, or
//!   [`run_extractor`] produces it by running an extraction function on every page.
//! - [`evaluate`] scores predictions with the benchmark's shingle metric
//!   ([`metric`]) plus snippet and metadata checks, giving a [`Report`].
//! - [`diff()`] shows the text an extractor missed or added on one page.
//! - [`blame`] charges each page's misses and leaks to the rules the extractor names.
//!
//! The crate deliberately does not depend on the extractor itself, so it can
//! score any tool's output.
#![forbid(unsafe_code)]

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use rayon::prelude::*;

pub mod blame;
pub mod checks;
pub mod dataset;
pub mod diff;
pub mod metric;
pub mod report;

pub use dataset::{load_predictions, read_html, save_predictions, Dataset, GoldPage, Prediction};
pub use diff::{diff, Diff};
pub use report::{
    evaluate, MetadataScores, PageScore, Rate, Report, SnippetScores, TypeScores, WorstPage,
};

/// Errors reading datasets and prediction files.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("dataset folder {0} does not exist")]
    MissingDir(PathBuf),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid JSON in {path}: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("unexpected format in {path}: {message}")]
    Format { path: PathBuf, message: String },
    #[error("cannot start a thread pool: {0}")]
    ThreadPool(String),
}

/// Runs `extract(html, url)` on every page of the dataset on a pool of
/// `threads` threads (0 = one per CPU).
///
/// Returns the predictions by page id, and `(id, error)` pairs sorted by id for
/// pages that could not be read, whose extraction returned an error, or whose
/// extraction panicked (each page runs under `catch_unwind`, so one panic does
/// not stop the run; the panic hook still prints the panic to stderr). Failed
/// pages have no prediction, so [`evaluate`] scores them as empty output.
/// If the thread pool cannot be built, every page is reported as failed.
pub fn run_extractor<F>(
    dataset: &Dataset,
    threads: usize,
    extract: F,
) -> (HashMap<String, Prediction>, Vec<(String, String)>)
where
    F: Fn(&[u8], Option<&str>) -> Result<Prediction, String> + Sync,
{
    run_pages(dataset, threads, extract)
}

/// As [`run_extractor`], for any per-page result (a prediction with diagnostics beside it).
pub fn run_pages<T, F>(
    dataset: &Dataset,
    threads: usize,
    extract: F,
) -> (HashMap<String, T>, Vec<(String, String)>)
where
    T: Send,
    F: Fn(&[u8], Option<&str>) -> Result<T, String> + Sync,
{
    let run_page = |page: &GoldPage| -> (String, Result<T, String>) {
        let result = match read_html(page) {
            Err(e) => Err(e.to_string()),
            Ok(html) => catch_unwind(AssertUnwindSafe(|| extract(&html, page.url.as_deref())))
                .unwrap_or_else(|payload| Err(format!("panic: {}", panic_message(&*payload)))),
        };
        (page.id.clone(), result)
    };
    let results: Vec<(String, Result<T, String>)> =
        match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool.install(|| dataset.pages().par_iter().map(run_page).collect()),
            Err(e) => {
                let msg = EvalError::ThreadPool(e.to_string()).to_string();
                let ids = dataset.pages().iter().map(|p| p.id.clone());
                ids.map(|id| (id, Err(msg.clone()))).collect()
            }
        };
    let mut predictions = HashMap::with_capacity(results.len());
    let mut errors = Vec::new();
    // `results` follows the dataset's sorted page order, so errors are sorted too.
    for (id, result) in results {
        match result {
            Ok(p) => {
                predictions.insert(id, p);
            }
            Err(e) => errors.push((id, e)),
        }
    }
    (predictions, errors)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-string panic payload".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_extractor_reports_errors_and_panics_per_page() {
        let dir = std::env::temp_dir().join(format!("pagepith-eval-run-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("html")).unwrap();
        std::fs::write(
            dir.join("ground-truth.json"),
            r#"{"ok": {"articleBody": "x", "url": "http://ok"}, "boom": {"articleBody": "y"},
                "bad": {"articleBody": "z"}, "gone": {"articleBody": "w"}}"#,
        )
        .unwrap();
        for id in ["ok", "boom", "bad"] {
            std::fs::write(dir.join(format!("html/{id}.html")), id).unwrap();
        }
        let ds = Dataset::load(&dir).unwrap();
        let (preds, errors) = run_extractor(&ds, 2, |html, url| match html {
            b"boom" => panic!("exploded"),
            b"bad" => Err("no article".to_owned()),
            _ => Ok(Prediction {
                text: format!("{} {}", String::from_utf8_lossy(html), url.unwrap_or("-")),
                ..Prediction::default()
            }),
        });
        assert_eq!(preds.len(), 1);
        assert_eq!(preds["ok"].text, "ok http://ok");
        let ids: Vec<_> = errors.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["bad", "boom", "gone"]);
        assert_eq!(errors[0].1, "no article");
        assert_eq!(errors[1].1, "panic: exploded");
        assert!(errors[2].1.contains("cannot read"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
