//! Loading gold datasets, their HTML pages, and prediction files.
//!
//! A dataset folder holds `ground-truth.json` (`{id: {"articleBody", "url", ...}}`)
//! and `html/<id>.html.gz` (or `.html`). Prediction files use the same
//! ground-truth format, optionally wrapped as `{"version": ..., "output": {...}}`.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::EvalError;

/// One extractor output for one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prediction {
    /// The article body text.
    pub text: String,
    /// The headline, if the extractor found one.
    pub title: Option<String>,
    /// Author names, in the extractor's order.
    pub authors: Vec<String>,
    /// Publication date as the extractor gave it (ISO-like, e.g. `2025-09-04T10:00:00+02:00`).
    pub date: Option<String>,
}

/// One gold page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldPage {
    /// The id: key in `ground-truth.json` and stem of the HTML file.
    pub id: String,
    /// The gold article body.
    pub body: String,
    /// The page's address, when the gold gives one.
    pub url: Option<String>,
    /// Page kind (WCXB: article, forum, product, ...); `None` on Scrapinghub.
    pub page_type: Option<String>,
    /// Gold headline (WCXB).
    pub title: Option<String>,
    /// Gold author line (WCXB); a list in the JSON is joined with ", ".
    pub author: Option<String>,
    /// Gold publication date (`publish_date`), ISO-like.
    pub date: Option<String>,
    /// Snippets that must appear in the output.
    pub with: Vec<String>,
    /// Boilerplate snippets that must not appear in the output.
    pub without: Vec<String>,
    /// `html/<id>.html.gz`, or `html/<id>.html` when only that exists.
    pub html_path: PathBuf,
}

/// A gold dataset: its pages in sorted id order.
#[derive(Debug, Clone)]
pub struct Dataset {
    dir: PathBuf,
    pages: Vec<GoldPage>,
}

impl Dataset {
    /// Loads `dir/ground-truth.json` and locates each page's HTML file.
    ///
    /// HTML files are not read here (see [`read_html`]); a missing one only
    /// shows up as an error for that page.
    pub fn load(dir: &Path) -> Result<Dataset, EvalError> {
        if !dir.is_dir() {
            return Err(EvalError::MissingDir(dir.to_path_buf()));
        }
        let gt_path = dir.join("ground-truth.json");
        let root = read_json(&gt_path)?;
        let Value::Object(entries) = root else {
            return Err(format_error(&gt_path, "top level is not a JSON object"));
        };
        let html_dir = dir.join("html");
        // BTreeMap gives the sorted id order regardless of the JSON key order.
        let sorted: BTreeMap<String, Value> = entries.into_iter().collect();
        let mut pages = Vec::with_capacity(sorted.len());
        for (id, value) in sorted {
            let Value::Object(obj) = value else {
                return Err(format_error(
                    &gt_path,
                    &format!("entry {id:?} is not an object"),
                ));
            };
            let html_path = html_file(&html_dir, &id);
            pages.push(GoldPage {
                body: string_field(&obj, &["articleBody"]).unwrap_or_default(),
                url: string_field(&obj, &["url"]),
                page_type: string_field(&obj, &["page_type"]),
                title: string_field(&obj, &["title"]),
                author: author_field(&obj).map(|a| a.join(", ")),
                date: string_field(&obj, &["publish_date", "date"]),
                with: string_list(&obj, "with"),
                without: string_list(&obj, "without"),
                html_path,
                id,
            });
        }
        Ok(Dataset {
            dir: dir.to_path_buf(),
            pages,
        })
    }

    /// A dataset built from pages in memory (for tests or subsets); sorts them by id.
    pub fn from_pages(dir: PathBuf, mut pages: Vec<GoldPage>) -> Dataset {
        pages.sort_by(|a, b| a.id.cmp(&b.id));
        Dataset { dir, pages }
    }

    /// The pages, sorted by id.
    pub fn pages(&self) -> &[GoldPage] {
        &self.pages
    }

    /// The page with this id, if any.
    pub fn page(&self, id: &str) -> Option<&GoldPage> {
        self.pages
            .binary_search_by(|p| p.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.pages[i])
    }

    /// The folder the dataset was loaded from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Prefers the gzipped file, as the shipped datasets use it.
fn html_file(html_dir: &Path, id: &str) -> PathBuf {
    let gz = html_dir.join(format!("{id}.html.gz"));
    if gz.exists() {
        return gz;
    }
    let plain = html_dir.join(format!("{id}.html"));
    if plain.exists() {
        plain
    } else {
        gz
    }
}

/// Reads a page's HTML bytes, gunzipping when the file is gzip data.
///
/// The bytes are returned undecoded: charset detection is the extractor's job.
pub fn read_html(page: &GoldPage) -> Result<Vec<u8>, EvalError> {
    let path = &page.html_path;
    let raw = fs::read(path).map_err(|e| io_error(path, e))?;
    // Sniff the gzip magic rather than trusting the extension.
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::with_capacity(raw.len() * 4);
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .map_err(|e| io_error(path, e))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

/// Loads predictions in ground-truth format, wrapped in `{"output": ...}` or not.
///
/// Per page: `articleBody` → text, `title`, `author` (string or list of strings),
/// `date` or `publish_date`. Missing or null fields are fine; a bare string value
/// is taken as the text.
pub fn load_predictions(path: &Path) -> Result<HashMap<String, Prediction>, EvalError> {
    let root = read_json(path)?;
    let Value::Object(mut top) = root else {
        return Err(format_error(path, "top level is not a JSON object"));
    };
    // Wrapped form: an "output" object that is not itself a page record.
    if let Some(Value::Object(inner)) = top.get("output") {
        if !inner.contains_key("articleBody") {
            let Some(Value::Object(inner)) = top.remove("output") else {
                unreachable!("checked above")
            };
            top = inner;
        }
    }
    let mut out = HashMap::with_capacity(top.len());
    for (id, value) in top {
        let pred = match value {
            Value::Object(obj) => Prediction {
                text: string_field(&obj, &["articleBody", "text"]).unwrap_or_default(),
                title: string_field(&obj, &["title"]),
                authors: author_field(&obj).unwrap_or_default(),
                date: string_field(&obj, &["date", "publish_date"]),
            },
            Value::String(text) => Prediction {
                text,
                ..Prediction::default()
            },
            Value::Null => Prediction::default(),
            _ => {
                return Err(format_error(
                    path,
                    &format!("entry {id:?} is not an object"),
                ))
            }
        };
        out.insert(id, pred);
    }
    Ok(out)
}

/// Writes predictions in the format [`load_predictions`] reads (unwrapped,
/// sorted by id), so a run can be saved and scored or compared later.
pub fn save_predictions(
    path: &Path,
    predictions: &HashMap<String, Prediction>,
) -> Result<(), EvalError> {
    let sorted: BTreeMap<&String, &Prediction> = predictions.iter().collect();
    let mut top = Map::new();
    for (id, p) in sorted {
        let mut obj = Map::new();
        obj.insert("articleBody".into(), Value::String(p.text.clone()));
        if let Some(t) = &p.title {
            obj.insert("title".into(), Value::String(t.clone()));
        }
        if !p.authors.is_empty() {
            let list = p.authors.iter().cloned().map(Value::String).collect();
            obj.insert("author".into(), Value::Array(list));
        }
        if let Some(d) = &p.date {
            obj.insert("date".into(), Value::String(d.clone()));
        }
        top.insert(id.clone(), Value::Object(obj));
    }
    let text = serde_json::to_string_pretty(&Value::Object(top)).map_err(|e| EvalError::Json {
        path: path.to_path_buf(),
        source: e,
    })?;
    fs::write(path, text).map_err(|e| io_error(path, e))
}

fn read_json(path: &Path) -> Result<Value, EvalError> {
    let bytes = fs::read(path).map_err(|e| io_error(path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| EvalError::Json {
        path: path.to_path_buf(),
        source: e,
    })
}

/// First of `keys` holding a string; null, absent or non-string values are `None`.
fn string_field(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| obj.get(*k).and_then(Value::as_str))
        .map(str::to_owned)
}

/// `author` as a string or a list of strings; empty names are dropped.
fn author_field(obj: &Map<String, Value>) -> Option<Vec<String>> {
    let names: Vec<String> = match obj.get("author").or_else(|| obj.get("authors"))? {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => return None,
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.trim().is_empty()).collect();
    (!names.is_empty()).then_some(names)
}

fn string_list(obj: &Map<String, Value>, key: &str) -> Vec<String> {
    match obj.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn io_error(path: &Path, source: std::io::Error) -> EvalError {
    EvalError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn format_error(path: &Path, message: &str) -> EvalError {
    EvalError::Format {
        path: path.to_path_buf(),
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pagepith-eval-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("html")).unwrap();
        dir
    }

    #[test]
    fn loads_wrapped_and_plain_predictions() {
        let dir = temp_dir("preds");
        let wrapped = dir.join("w.json");
        fs::write(
            &wrapped,
            r#"{"version": "1", "output": {"b": {"articleBody": "x", "author": ["A", "B"]},
                "a": {"articleBody": null, "title": "T", "publish_date": "2025-01-02"}}}"#,
        )
        .unwrap();
        let p = load_predictions(&wrapped).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p["b"].authors, ["A", "B"]);
        assert_eq!(p["a"].text, "");
        assert_eq!(p["a"].title.as_deref(), Some("T"));
        assert_eq!(p["a"].date.as_deref(), Some("2025-01-02"));

        let plain = dir.join("p.json");
        fs::write(
            &plain,
            r#"{"output": {"articleBody": "page named output"}, "z": {"author": "Q"}}"#,
        )
        .unwrap();
        let p = load_predictions(&plain).unwrap();
        assert_eq!(p["output"].text, "page named output");
        assert_eq!(p["z"].authors, ["Q"]);

        save_predictions(&plain, &p).unwrap();
        assert_eq!(load_predictions(&plain).unwrap(), p);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn loads_dataset_sorted_and_reads_html() {
        let dir = temp_dir("ds");
        fs::write(
            dir.join("ground-truth.json"),
            r#"{"b": {"articleBody": "B", "url": "u", "author": null, "with": ["w"]},
                "a": {"articleBody": "A", "page_type": "forum", "publish_date": "2020-01-01"}}"#,
        )
        .unwrap();
        fs::write(dir.join("html/a.html"), b"<p>a</p>").unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>b</p>").unwrap();
        fs::write(dir.join("html/b.html.gz"), gz.finish().unwrap()).unwrap();

        let ds = Dataset::load(&dir).unwrap();
        let ids: Vec<_> = ds.pages().iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        let a = ds.page("a").unwrap();
        assert_eq!(a.page_type.as_deref(), Some("forum"));
        assert_eq!(a.date.as_deref(), Some("2020-01-01"));
        assert_eq!(read_html(a).unwrap(), b"<p>a</p>");
        let b = ds.page("b").unwrap();
        assert_eq!(
            (b.author.as_deref(), b.with.as_slice()),
            (None, &["w".to_owned()][..])
        );
        assert_eq!(read_html(b).unwrap(), b"<p>b</p>");
        fs::remove_dir_all(&dir).unwrap();
        assert!(matches!(Dataset::load(&dir), Err(EvalError::MissingDir(_))));
    }
}
