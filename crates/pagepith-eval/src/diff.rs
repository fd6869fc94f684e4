//! A shingle-level diff of one page, to see *what* an extractor missed or added.
//!
//! It uses the same shingles as the metric, so the number of shingles behind
//! `missed` and `extra` is exactly the page's raw false negatives and false
//! positives.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::metric::{shingles, tokens, SHINGLE_LEN};

/// Text present on one side only, as runs of tokens joined by single spaces.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Runs of the gold text whose shingles the prediction lacks (false negatives).
    pub missed: Vec<String>,
    /// Runs of the prediction whose shingles the gold text lacks (false positives).
    pub extra: Vec<String>,
}

impl Diff {
    /// One line per run, `- ` for missed and `+ ` for extra text.
    pub fn render_text(&self) -> String {
        let mut s = String::new();
        for run in &self.missed {
            let _ = writeln!(s, "- {run}");
        }
        for run in &self.extra {
            let _ = writeln!(s, "+ {run}");
        }
        s
    }
}

/// Diffs gold and predicted texts by shingles: each maximal run of consecutive
/// unmatched shingles becomes one entry, spelled as the tokens it covers.
pub fn diff(gold: &str, pred: &str) -> Diff {
    let gold = tokens(gold);
    let pred = tokens(pred);
    Diff {
        missed: unmatched_runs(&gold, &pred),
        extra: unmatched_runs(&pred, &gold),
    }
}

/// Runs of `a`'s shingles not matched in `b`, counting multiplicity: with a
/// shingle twice in `a` and once in `b`, its first occurrence in `a` is matched
/// and the second is reported.
fn unmatched_runs(a: &[&str], b: &[&str]) -> Vec<String> {
    let mut available: HashMap<&[&str], usize> = HashMap::new();
    for s in shingles(b) {
        *available.entry(s).or_default() += 1;
    }
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    let mut push = |from: usize, to_shingle: usize| {
        // Shingle i covers tokens i..i+SHINGLE_LEN (all tokens for a short text).
        let end = (to_shingle + SHINGLE_LEN).min(a.len());
        runs.push(a[from..end].join(" "));
    };
    let mut count = 0;
    for (i, s) in shingles(a).enumerate() {
        count = i + 1;
        let matched = match available.get_mut(s) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        };
        match (matched, start) {
            (false, None) => start = Some(i),
            (true, Some(from)) => {
                push(from, i - 1);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        push(from, count - 1);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metric::raw_counts;

    #[test]
    fn reports_missing_and_extra_runs() {
        let d = diff("a b c d e f g h", "Menu a b c d e x");
        // pred shingles: Menu-a-b-c | a-b-c-d b-c-d-e | c-d-e-x
        assert_eq!(d.extra, ["Menu a b c", "c d e x"]);
        // gold: abcd bcde | cdef defg efgh
        assert_eq!(d.missed, ["c d e f g h"]);
    }

    #[test]
    fn identical_and_empty() {
        assert_eq!(diff("x y z w v", "x y, z w v"), Diff::default());
        let d = diff("one two", "");
        assert_eq!(
            (d.missed.as_slice(), d.extra.len()),
            (&["one two".to_owned()][..], 0)
        );
        assert_eq!(diff("", "").render_text(), "");
    }

    #[test]
    fn counts_multiplicity_like_the_metric() {
        let gold = "a b c d a b c d";
        let pred = "a b c d";
        let d = diff(gold, pred);
        // abcd matched once; bcda cdab dabc abcd are missing -> one run.
        assert_eq!(d.missed, ["b c d a b c d"]);
        assert_eq!(raw_counts(&tokens(gold), &tokens(pred)).2, 4);
        assert!(d.extra.is_empty());
        assert_eq!(d.render_text(), "- b c d a b c d\n");
    }
}
