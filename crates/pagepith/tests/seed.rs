//! The seed page: the page this project started from, flattened to text, must give back
//! everything its `expected.json` lists (title, authors, date, sitename, captions, text), and
//! none of its furniture lines may show up in any field.
//!
//! The seed lives outside the repository, in `../shared/seed`; `common/seed.rs` finds it, and a
//! missing seed fails the test.

use std::fs;

use serde_json::Value;

#[path = "common/seed.rs"]
mod common_seed;
use common_seed::{collapse, seed_dir, SEED_PAGE};

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|s| collapse(s.as_str().expect("a string")))
        .collect()
}

struct Seed {
    expected: Value,
    article: pagepith::Article,
}

fn seed() -> Seed {
    let dir = seed_dir();
    let expected: Value = serde_json::from_str(
        &fs::read_to_string(dir.join("expected.json")).expect("expected.json is readable"),
    )
    .expect("expected.json is JSON");
    let text = fs::read_to_string(dir.join(SEED_PAGE)).expect("the seed page is readable");
    let article = pagepith::extract_text(&text, &pagepith::Config::default()).unwrap();
    Seed { expected, article }
}

#[test]
fn seed_metadata_matches_expected() {
    let Seed { expected, article } = seed();
    let field = |k: &str| collapse(expected[k].as_str().expect(k));
    assert_eq!(article.title.as_deref().map(collapse), Some(field("title")));
    assert_eq!(
        article
            .authors
            .iter()
            .map(|a| collapse(a))
            .collect::<Vec<_>>(),
        strings(&expected["authors"])
    );
    // The page's own date with its local time, never the capture-day banner.
    assert_eq!(article.date.as_deref(), Some(field("date").as_str()));
    assert_eq!(
        article.sitename.as_deref().map(collapse),
        Some(field("sitename"))
    );
    assert_eq!(
        article
            .captions
            .iter()
            .map(|c| collapse(c))
            .collect::<Vec<_>>(),
        strings(&expected["captions"])
    );
}

#[test]
fn seed_body_matches_expected_paragraph_for_paragraph() {
    let Seed { expected, article } = seed();
    let want: Vec<String> = expected["text"]
        .as_str()
        .expect("text")
        .split("\n\n")
        .map(collapse)
        .collect();
    let got: Vec<String> = article.text().split("\n\n").map(collapse).collect();
    assert_eq!(got, want);
}

#[test]
fn seed_dropped_lines_appear_in_no_field() {
    let Seed { expected, article } = seed();
    let mut fields: Vec<String> = vec![];
    fields.extend(article.title.iter().cloned());
    fields.extend(article.authors.iter().cloned());
    fields.extend(article.date.iter().cloned());
    fields.extend(article.sitename.iter().cloned());
    fields.extend(article.captions.iter().cloned());
    fields.extend(article.text().split("\n\n").map(str::to_owned));
    let fields: Vec<String> = fields.iter().map(|f| collapse(f)).collect();
    for dropped in strings(&expected["dropped_lines"]) {
        // A fragment without letters (a lone comment count) is checked as a whole field:
        // its digits occur inside dates and paragraphs legitimately.
        let letters = dropped.chars().filter(|c| c.is_alphabetic()).count();
        let leaked = fields
            .iter()
            .any(|f| *f == dropped || (letters >= 2 && f.contains(&dropped)));
        assert!(!leaked, "dropped line {dropped:?} appears in the output");
    }
}
