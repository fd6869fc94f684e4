//! Quotations and their speakers (`Config::with_quotes`), on two sets:
//!
//! - the seed page (`../shared/seed`, found as `tests/seed.rs` finds it): its eight quotations
//!   with the speakers `expected.json` lists. A speaker matches when the name pagepith gives
//!   contains the expected speaker's key word, as the seed's README says ("Lavrov";
//!   "official"); texts are compared with white space collapsed.
//! - the hand-written news paragraphs of `tests/quotes/cases.toml` (see `score.rs` for the
//!   format and the measures): speaker precision and recall, and quotation recall and
//!   precision, must stay above the floors below. `cargo run -p pagepith --example
//!   quote_score` prints the same numbers.

use std::fs;

use serde_json::Value;

#[path = "quotes/score.rs"]
mod score;

#[path = "common/seed.rs"]
mod common_seed;
use common_seed::{collapse, seed_dir, SEED_PAGE};

/// The key word of an expected speaker: its last word ("Sergei Lavrov" → "Lavrov", "State
/// Department official" → "official").
fn key_word(speaker: &str) -> &str {
    speaker.split_whitespace().last().unwrap_or(speaker)
}

/// Guards the acceptance test: the seed's eight quotations and speakers.
#[test]
fn seed_gives_its_eight_quotes_with_their_speakers() {
    let dir = seed_dir();
    let expected: Value = serde_json::from_str(
        &fs::read_to_string(dir.join("expected.json")).expect("expected.json is readable"),
    )
    .expect("expected.json is JSON");
    let text = fs::read_to_string(dir.join(SEED_PAGE)).expect("the seed page is readable");
    let config = pagepith::Config::default().with_quotes(true);
    let article = pagepith::extract_text(&text, &config).unwrap();
    let got: Vec<(String, Option<String>)> = article
        .quotes
        .iter()
        .map(|q| (collapse(&q.text), q.speaker.clone()))
        .collect();
    let want: Vec<(String, String)> = expected["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| {
            (
                collapse(q["text"].as_str().expect("text")),
                q["speaker"].as_str().expect("speaker").to_owned(),
            )
        })
        .collect();
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for ((text, speaker), (want_text, want_speaker)) in got.iter().zip(&want) {
        assert_eq!(text, want_text);
        let key = key_word(want_speaker);
        assert!(
            speaker.as_deref().is_some_and(|s| s.contains(key)),
            "{text:?}: speaker {speaker:?}, expected one containing {key:?}"
        );
    }
    // The body text it was read from is the text path's: offsets point into it.
    let paragraphs: Vec<String> = article.text().split("\n\n").map(str::to_owned).collect();
    for q in &article.quotes {
        let chars: Vec<char> = paragraphs[q.paragraph].chars().collect();
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
    }
}

/// Floors on the hand-written cases (`tests/quotes/*.toml`, development and held-out sets
/// together): the bar, speaker precision 0.90 and recall 0.80; and quotations found.
const MIN_SPEAKER_PRECISION: f64 = 0.90;
const MIN_SPEAKER_RECALL: f64 = 0.80;
const MIN_QUOTE_RECALL: f64 = 0.95;
const MIN_QUOTE_PRECISION: f64 = 0.90;
/// Fewer cases than this means the files were not all read.
const MIN_CASES: usize = 60;

/// Guards the precision and recall floors on the hand-written cases.
#[test]
fn hand_written_cases_meet_the_floors() {
    let mut all = score::Cases { case: Vec::new() };
    for name in score::FILES {
        all.case.extend(score::load(&score::dir().join(name)).case);
    }
    let mut ids: Vec<&str> = all.case.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.case.len(), "case ids repeat");
    assert!(all.case.len() >= MIN_CASES, "only {} cases", all.case.len());
    let s = score::score(&all);
    let report = format!("{}{}", s.report("all cases"), s.misses.join("\n"));
    assert!(s.speaker_precision() >= MIN_SPEAKER_PRECISION, "{report}");
    assert!(s.speaker_recall() >= MIN_SPEAKER_RECALL, "{report}");
    assert!(s.quote_recall() >= MIN_QUOTE_RECALL, "{report}");
    assert!(s.quote_precision() >= MIN_QUOTE_PRECISION, "{report}");
}
