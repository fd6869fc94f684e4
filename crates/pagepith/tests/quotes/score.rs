//! Scores [`pagepith::quotes::find`] on the hand-written cases of `tests/quotes/*.toml`:
//! shared by `tests/quotes.rs` (which asserts floors) and `examples/quote_score.rs` (which
//! prints the numbers BENCHMARKS.md quotes).
//!
//! A case is a few news paragraphs (blank-line separated) and every direct quotation a careful
//! reader finds in them, with its speaker when the text says who it is:
//!
//! ```toml
//! [[case]]
//! id = "after-full-name"            # unique
//! pattern = "“Q,” X said."          # what the case shows
//! lang = "en"                       # default; speakers are scored on English cases only
//! text = """
//! “We have never seen the river this high in March,” Alan Breck said.
//! """
//! [[case.quote]]
//! text = "We have never seen the river this high in March,"   # between the marks, trimmed
//! speaker = "Alan Breck"            # omitted: the text does not say who
//! ```
//!
//! Matching: a found quotation matches an expected one when their texts are equal after white
//! space is collapsed. A speaker is correct when it equals the expected one ignoring case,
//! white space and a leading "the", "a" or "an".
//!
//! - quotation recall = expected quotations found / expected quotations
//! - quotation precision = found quotations that match an expected one / found quotations
//!   (a title or scare quote reported as a quotation counts against it)
//! - speaker precision = correct speakers / found quotations given a speaker (English cases;
//!   a speaker given to a quotation that is not expected, or expected without a speaker,
//!   counts as wrong)
//! - speaker recall = correct speakers / expected quotations with a speaker (English cases)

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cases {
    pub case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub pattern: String,
    #[serde(default = "english")]
    pub lang: String,
    pub text: String,
    #[serde(default)]
    pub quote: Vec<Expected>,
}

fn english() -> String {
    "en".to_owned()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub text: String,
    pub speaker: Option<String>,
}

/// Counts over a set of cases.
#[derive(Debug, Default, Clone)]
pub struct Score {
    pub cases: usize,
    pub expected: usize,
    pub found: usize,
    pub matched: usize,
    pub expected_speakers: usize,
    pub given_speakers: usize,
    pub correct_speakers: usize,
    /// One line per miss, for the report.
    pub misses: Vec<String>,
}

impl Score {
    pub fn quote_recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }
    pub fn quote_precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }
    pub fn speaker_precision(&self) -> f64 {
        ratio(self.correct_speakers, self.given_speakers)
    }
    pub fn speaker_recall(&self) -> f64 {
        ratio(self.correct_speakers, self.expected_speakers)
    }

    pub fn report(&self, name: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{name}: {} cases, {} expected quotations ({} with a speaker)",
            self.cases, self.expected, self.expected_speakers
        );
        let _ = writeln!(
            s,
            "  quotations: recall {:.3} ({}/{}), precision {:.3} ({}/{})",
            self.quote_recall(),
            self.matched,
            self.expected,
            self.quote_precision(),
            self.matched,
            self.found
        );
        let _ = writeln!(
            s,
            "  speakers:   recall {:.3} ({}/{}), precision {:.3} ({}/{})",
            self.speaker_recall(),
            self.correct_speakers,
            self.expected_speakers,
            self.speaker_precision(),
            self.correct_speakers,
            self.given_speakers
        );
        s
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A speaker as compared: lower case, white space collapsed, no leading article.
fn speaker_key(s: &str) -> String {
    let s = collapse(s).to_lowercase();
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = s.strip_prefix(article) {
            return rest.to_owned();
        }
    }
    s
}

/// The cases of one file.
pub fn load(path: &Path) -> Cases {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The case files, in the order they are reported: the development set (written with the
/// rules, looked at while fixing them) and the held-out set (written after, never tuned on).
pub const FILES: [&str; 2] = ["cases.toml", "heldout.toml"];

/// The folder of the case files.
pub fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/quotes")
}

/// Runs every case and counts.
pub fn score(cases: &Cases) -> Score {
    let mut s = Score::default();
    for case in &cases.case {
        s.cases += 1;
        let paragraphs: Vec<&str> = case
            .text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let found = pagepith::quotes::find(&paragraphs);
        let english = case.lang == "en";
        s.expected += case.quote.len();
        s.found += found.len();
        if english {
            s.expected_speakers += case.quote.iter().filter(|q| q.speaker.is_some()).count();
            s.given_speakers += found.iter().filter(|q| q.speaker.is_some()).count();
        }
        let mut used = vec![false; found.len()];
        for want in &case.quote {
            let hit = found
                .iter()
                .enumerate()
                .find(|(k, q)| !used[*k] && collapse(&q.text) == collapse(&want.text));
            let Some((k, got)) = hit else {
                s.misses
                    .push(format!("{}: quotation not found: {:?}", case.id, want.text));
                continue;
            };
            used[k] = true;
            s.matched += 1;
            if !english {
                continue;
            }
            match (&want.speaker, &got.speaker) {
                (Some(w), Some(g)) if speaker_key(w) == speaker_key(g) => s.correct_speakers += 1,
                (w, g) if w.is_some() || g.is_some() => s.misses.push(format!(
                    "{}: {:?}: speaker {:?} (as written {:?}, cue {:?}), expected {:?}",
                    case.id, want.text, g, got.speaker_mention, got.cue, w
                )),
                _ => {}
            }
        }
        for (k, got) in found.iter().enumerate() {
            if !used[k] {
                s.misses.push(format!(
                    "{}: not a quotation: {:?} (speaker {:?})",
                    case.id, got.text, got.speaker
                ));
            }
        }
    }
    s
}
