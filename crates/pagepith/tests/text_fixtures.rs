//! Runs every hand-written text page in `tests/text-fixtures/` through `extract_text`: pages
//! flattened to text in the layouts the text path must read (a blog, a newswire dateline, a
//! byline after the body, a German page, a page without a headline, the seed's shape).
//!
//! Each fixture is a folder holding `page.txt` and `expect.toml`:
//!
//! ```toml
//! description = "..."        # required: the layout the fixture shows
//! [expect]
//! title = "..."              # exact
//! no_title = true            # no line may be taken for the headline
//! authors = ["..."]          # exact list, in order
//! date = "2024-03-05"        # the date must start with this
//! sitename = "..."           # exact
//! language = "..."           # exact
//! captions = ["..."]         # exact list, in order
//! must_contain = ["..."]     # substrings of text()
//! must_not_contain = ["..."] # substrings that must not be in text()
//! ```
//!
//! Every failure of every fixture is collected and reported in one panic.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Fewer folders than this means the fixtures were not found, not that all passed.
const MIN_FIXTURES: usize = 6;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    description: String,
    #[serde(default)]
    expect: Expect,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    title: Option<String>,
    #[serde(default)]
    no_title: bool,
    authors: Option<Vec<String>>,
    date: Option<String>,
    sitename: Option<String>,
    language: Option<String>,
    captions: Option<Vec<String>>,
    #[serde(default)]
    must_contain: Vec<String>,
    #[serde(default)]
    must_not_contain: Vec<String>,
}

fn folders() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/text-fixtures");
    let mut folders: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("fixture folder entry").path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    folders
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs one fixture; returns what failed, one line each.
fn check(folder: &Path) -> Vec<String> {
    let read = |name: &str| fs::read_to_string(folder.join(name)).map_err(|e| e.to_string());
    let fixture: Fixture =
        match read("expect.toml").and_then(|s| toml::from_str(&s).map_err(|e| e.to_string())) {
            Ok(f) => f,
            Err(e) => return vec![format!("expect.toml: {e}")],
        };
    let page = match read("page.txt") {
        Ok(p) => p,
        Err(e) => return vec![format!("page.txt: {e}")],
    };
    let article = match pagepith::extract_text(&page, &pagepith::Config::default()) {
        Ok(a) => a,
        Err(e) => return vec![format!("extract_text failed: {e}")],
    };
    let exp = &fixture.expect;
    let mut failures = Vec::new();
    if fixture.description.trim().is_empty() {
        failures.push("description is empty".to_owned());
    }
    let mut exact = |name: &str, want: &Option<String>, got: &Option<String>| {
        if want.is_some() && want != got {
            failures.push(format!("{name}: expected {want:?}, got {got:?}"));
        }
    };
    exact("title", &exp.title, &article.title);
    exact("sitename", &exp.sitename, &article.sitename);
    exact("language", &exp.language, &article.language);
    if exp.no_title && article.title.is_some() {
        failures.push(format!("title: expected none, got {:?}", article.title));
    }
    if exp.authors.as_ref().is_some_and(|a| *a != article.authors) {
        failures.push(format!(
            "authors: expected {:?}, got {:?}",
            exp.authors, article.authors
        ));
    }
    if exp
        .captions
        .as_ref()
        .is_some_and(|c| *c != article.captions)
    {
        failures.push(format!(
            "captions: expected {:?}, got {:?}",
            exp.captions, article.captions
        ));
    }
    if let Some(want) = &exp.date {
        if !article
            .date
            .as_deref()
            .is_some_and(|d| d.starts_with(want.as_str()))
        {
            failures.push(format!("date: expected {want:?}…, got {:?}", article.date));
        }
    }
    let text = collapse(&article.text());
    for want in &exp.must_contain {
        if !text.contains(&collapse(want)) {
            failures.push(format!("text is missing {want:?}"));
        }
    }
    for unwanted in &exp.must_not_contain {
        if text.contains(&collapse(unwanted)) {
            failures.push(format!("text holds {unwanted:?}"));
        }
    }
    failures
}

#[test]
fn text_fixtures_give_their_expected_articles() {
    let folders = folders();
    assert!(
        folders.len() >= MIN_FIXTURES,
        "found {} text fixtures, expected at least {MIN_FIXTURES}",
        folders.len()
    );
    let mut report = String::new();
    for folder in &folders {
        for failure in check(folder) {
            report.push_str(&format!("{}: {failure}\n", folder.display()));
        }
    }
    assert!(report.is_empty(), "text fixtures failed:\n{report}");
}
