//! Runs every hand-made fixture page in `tests/fixtures/` (at the repository root; the CLI and
//! Python tests read the same folders).
//!
//! Each fixture is a folder holding `page.html` and `expect.toml`:
//!
//! ```toml
//! # what this fixture shows (one line)
//! description = "..."                                  # required: what the expectations guard
//! content_type = "text/html; charset=windows-1252"     # optional, passed to Config
//! url = "https://example.org/a"                        # optional, passed to Config
//! [expect]
//! title = "..."              # exact
//! authors = ["..."]          # exact list, in order
//! date = "2024-03-05"        # the date must start with this
//! sitename = "..."           # exact
//! language = "..."           # exact
//! captions = ["..."]         # each must be one of the captions
//! must_contain = ["..."]     # substrings of text()
//! must_not_contain = ["..."] # substrings that must not be in text()
//! max_text_chars = 200       # text() is at most this many characters
//! ```
//!
//! Substring and caption checks compare with runs of whitespace collapsed to one space, so they
//! test the words and their order, not the line wrapping. Every failure of every fixture is
//! collected and reported in one panic. `PAGEPITH_FIXTURE=name` runs only the fixtures whose
//! folder name contains `name`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Fewer folders than this means the fixtures were not found, not that all passed.
const MIN_FIXTURES: usize = 10;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    description: String,
    content_type: Option<String>,
    url: Option<String>,
    #[serde(default)]
    expect: Expect,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    title: Option<String>,
    authors: Option<Vec<String>>,
    date: Option<String>,
    sitename: Option<String>,
    language: Option<String>,
    #[serde(default)]
    captions: Vec<String>,
    #[serde(default)]
    must_contain: Vec<String>,
    #[serde(default)]
    must_not_contain: Vec<String>,
    max_text_chars: Option<usize>,
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Every fixture folder, sorted by name.
fn fixture_folders(dir: &Path) -> Vec<PathBuf> {
    let entries = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read fixtures folder {}: {e}", dir.display()));
    let mut folders: Vec<PathBuf> = entries
        .map(|e| e.expect("fixtures folder entry").path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    folders
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters of `s`, with an ellipsis when cut.
fn excerpt(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).collect();
    if s.chars().count() > max {
        out.push('…');
    }
    out
}

/// The text around the first occurrence of `needle` in `haystack`.
fn context(haystack: &str, needle: &str) -> String {
    let Some(at) = haystack.find(needle) else {
        return String::new();
    };
    let before: String = {
        let chars: Vec<char> = haystack[..at].chars().collect();
        chars[chars.len().saturating_sub(60)..].iter().collect()
    };
    let after: String = haystack[at + needle.len()..].chars().take(60).collect();
    format!("…{before}[[{needle}]]{after}…")
}

/// Runs one fixture; returns what failed, one line each (empty when it passed).
fn check_fixture(folder: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    let expect_path = folder.join("expect.toml");
    let fixture: Fixture = match fs::read_to_string(&expect_path)
        .map_err(|e| e.to_string())
        .and_then(|s| toml::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(f) => f,
        Err(e) => return vec![format!("cannot read {}: {e}", expect_path.display())],
    };
    if fixture.description.trim().is_empty() {
        failures.push("expect.toml: description is empty".to_string());
    }
    let html = match fs::read(folder.join("page.html")) {
        Ok(b) => b,
        Err(e) => return vec![format!("cannot read page.html: {e}")],
    };

    let mut config = pagepith::Config::default();
    if let Some(ct) = &fixture.content_type {
        config = config.with_content_type(ct.clone());
    }
    if let Some(url) = &fixture.url {
        config = config.with_url(url.clone());
    }
    let article = match pagepith::extract(&html, &config) {
        Ok(a) => a,
        Err(e) => return vec![format!("extract failed: {e}")],
    };
    let exp = &fixture.expect;

    let mut check_exact = |field: &str, expected: &Option<String>, actual: &Option<String>| {
        if let Some(want) = expected {
            if actual.as_deref() != Some(want.as_str()) {
                failures.push(format!("{field}: expected {want:?}, got {actual:?}"));
            }
        }
    };
    check_exact("title", &exp.title, &article.title);
    check_exact("sitename", &exp.sitename, &article.sitename);
    check_exact("language", &exp.language, &article.language);

    if let Some(want) = &exp.authors {
        if &article.authors != want {
            failures.push(format!(
                "authors: expected {want:?}, got {:?}",
                article.authors
            ));
        }
    }
    if let Some(want) = &exp.date {
        if !article
            .date
            .as_deref()
            .is_some_and(|d| d.starts_with(want.as_str()))
        {
            failures.push(format!(
                "date: expected to start with {want:?}, got {:?}",
                article.date
            ));
        }
    }
    let captions: Vec<String> = article.captions.iter().map(|c| collapse_ws(c)).collect();
    for want in &exp.captions {
        if !captions.contains(&collapse_ws(want)) {
            failures.push(format!(
                "captions: missing {want:?}, got {:?}",
                article.captions
            ));
        }
    }

    let raw_text = article.text();
    let text = collapse_ws(&raw_text);
    let mut text_failed = false;
    for want in &exp.must_contain {
        if !text.contains(&collapse_ws(want)) {
            failures.push(format!("must_contain: missing {want:?}"));
            text_failed = true;
        }
    }
    for unwanted in &exp.must_not_contain {
        let unwanted = collapse_ws(unwanted);
        if text.contains(&unwanted) {
            failures.push(format!(
                "must_not_contain: found {unwanted:?} in {}",
                context(&text, &unwanted)
            ));
            text_failed = true;
        }
    }
    if let Some(max) = exp.max_text_chars {
        let n = raw_text.trim().chars().count();
        if n > max {
            failures.push(format!(
                "max_text_chars: text() has {n} characters, limit {max}"
            ));
            text_failed = true;
        }
    }
    if text_failed {
        failures.push(format!(
            "text() ({} chars, {} blocks) begins: {:?}",
            raw_text.chars().count(),
            article.body.len(),
            excerpt(&raw_text, 500)
        ));
    }
    if !failures.is_empty() {
        failures.insert(0, format!("guards: {}", fixture.description.trim()));
    }
    failures
}

#[test]
fn fixtures() {
    let dir = fixtures_dir();
    let folders = fixture_folders(&dir);
    assert!(
        folders.len() >= MIN_FIXTURES,
        "found {} fixture folders in {}, expected at least {MIN_FIXTURES}",
        folders.len(),
        dir.display()
    );
    let filter = std::env::var("PAGEPITH_FIXTURE").ok();

    let mut report = String::new();
    let (mut run, mut failed) = (0, 0);
    for folder in &folders {
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        run += 1;
        let failures = check_fixture(folder);
        if failures.is_empty() {
            println!("ok      {name}");
            continue;
        }
        println!("FAILED  {name}");
        failed += 1;
        let _ = writeln!(report, "\n== {name}");
        for f in failures {
            let _ = writeln!(report, "   - {f}");
        }
    }
    assert!(run > 0, "PAGEPITH_FIXTURE={filter:?} matched no fixture");
    if failed > 0 {
        panic!("{failed} of {run} fixtures failed:\n{report}");
    }
}
