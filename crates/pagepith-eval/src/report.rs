//! Scoring a whole dataset ([`evaluate`]) and presenting the result ([`Report`]):
//! overall and per-page-type body scores, snippet rates, metadata rates and the
//! worst pages.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use rayon::prelude::*;
use serde::Serialize;

use crate::checks::{
    author_matches, collapse_ws, contains_snippet, contains_snippet_words, date_matches,
    title_matches, word_text,
};
use crate::dataset::{Dataset, GoldPage, Prediction};
use crate::metric::{self, usize_f64, PageCounts, Scores};

/// How many pages [`Report::worst`] lists.
pub const WORST_COUNT: usize = 10;

/// The scores of one extractor on one dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Pages in the dataset.
    pub pages: usize,
    /// Pages with no prediction at all (scored as empty output).
    pub missing: usize,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub accuracy: f64,
    /// Body scores per `page_type` (empty when the dataset has no page types).
    pub per_page_type: BTreeMap<String, TypeScores>,
    /// Present when the dataset has `with`/`without` snippets.
    pub snippets: Option<SnippetScores>,
    /// Present when the dataset has gold title, author or date.
    pub metadata: Option<MetadataScores>,
    /// The [`WORST_COUNT`] pages with the lowest page F1, worst first.
    pub worst: Vec<WorstPage>,
    /// Every page's scores, in id order. Not serialised (it is large);
    /// serialise it separately when wanted.
    #[serde(skip)]
    pub per_page: Vec<PageScore>,
}

/// Body scores of one page type.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TypeScores {
    pub pages: usize,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub accuracy: f64,
}

impl From<Scores> for TypeScores {
    fn from(s: Scores) -> Self {
        TypeScores {
            pages: s.pages,
            f1: s.f1,
            precision: s.precision,
            recall: s.recall,
            accuracy: s.accuracy,
        }
    }
}

/// Snippet checks over all pages. A rate is 0 when its total is 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SnippetScores {
    pub with_total: usize,
    pub with_found: usize,
    /// Share of `with` snippets found in the output (higher is better).
    pub with_found_rate: f64,
    pub without_total: usize,
    pub without_leaked: usize,
    /// Share of `without` snippets present in the output (lower is better).
    pub without_leaked_rate: f64,
    /// The same two checks by words (the body metric's tokens) rather than
    /// characters, so that the gold's own spelling of quotes, list marks and
    /// spacing does not count: `with` found, `without` leaked, and their rates.
    pub with_found_words: usize,
    pub with_found_words_rate: f64,
    pub without_leaked_words: usize,
    pub without_leaked_words_rate: f64,
}

/// Metadata rates; each is present when some page has that gold field.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MetadataScores {
    pub title: Option<Rate>,
    pub author: Option<Rate>,
    pub date: Option<Rate>,
}

/// `correct` out of `pages` (the pages having that gold field).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rate {
    pub pages: usize,
    pub correct: usize,
    pub rate: f64,
}

/// One of the worst pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorstPage {
    pub id: String,
    /// Page F1 (see [`PageCounts::f1`]).
    pub f1: f64,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub url: Option<String>,
}

/// One page's body scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageScore {
    pub id: String,
    pub page_type: Option<String>,
    /// `None` when the page does not count towards precision (empty output).
    pub precision: Option<f64>,
    /// `None` when the page does not count towards recall (empty gold).
    pub recall: Option<f64>,
    /// Page F1 (see [`PageCounts::f1`]).
    pub f1: f64,
    pub exact: bool,
}

impl Report {
    /// The dataset F1 (of mean precision and mean recall).
    pub fn f1(&self) -> f64 {
        self.f1
    }

    /// A human-readable summary table.
    pub fn render_text(&self) -> String {
        let mut s = String::new();
        // Writing to a String cannot fail; the results are ignored for brevity.
        let _ = writeln!(
            s,
            "{:<16} {:>5}  {:>5}  {:>5}  {:>5}  {:>8}",
            "", "pages", "F1", "P", "R", "accuracy"
        );
        let row = |s: &mut String, name: &str, t: &TypeScores| {
            let _ = writeln!(
                s,
                "{:<16} {:>5}  {:.3}  {:.3}  {:.3}  {:>8.3}",
                name, t.pages, t.f1, t.precision, t.recall, t.accuracy
            );
        };
        let overall = TypeScores {
            pages: self.pages,
            f1: self.f1,
            precision: self.precision,
            recall: self.recall,
            accuracy: self.accuracy,
        };
        row(&mut s, "all", &overall);
        for (name, t) in &self.per_page_type {
            row(&mut s, name, t);
        }
        if self.missing > 0 {
            let _ = writeln!(
                s,
                "({} pages had no prediction; scored as empty)",
                self.missing
            );
        }
        if let Some(sn) = &self.snippets {
            let _ = writeln!(
                s,
                "\nsnippets: with found {:.3} ({}/{}), without leaked {:.3} ({}/{})",
                sn.with_found_rate,
                sn.with_found,
                sn.with_total,
                sn.without_leaked_rate,
                sn.without_leaked,
                sn.without_total
            );
            let _ = writeln!(
                s,
                "snippets by words: with found {:.3} ({}/{}), without leaked {:.3} ({}/{})",
                sn.with_found_words_rate,
                sn.with_found_words,
                sn.with_total,
                sn.without_leaked_words_rate,
                sn.without_leaked_words,
                sn.without_total
            );
        }
        if let Some(m) = &self.metadata {
            let _ = writeln!(s, "\nmetadata:");
            for (name, rate) in [
                ("title", &m.title),
                ("author", &m.author),
                ("date", &m.date),
            ] {
                if let Some(r) = rate {
                    let _ = writeln!(s, "  {name:<7} {:.3} ({}/{})", r.rate, r.correct, r.pages);
                }
            }
        }
        if !self.worst.is_empty() {
            let _ = writeln!(s, "\nworst pages (page F1, P, R):");
            let opt = |v: Option<f64>| v.map_or_else(|| "  -  ".to_owned(), |v| format!("{v:.3}"));
            for w in &self.worst {
                let _ = writeln!(
                    s,
                    "  {:.3}  {}  {}  {}  {}",
                    w.f1,
                    opt(w.precision),
                    opt(w.recall),
                    w.id,
                    w.url.as_deref().unwrap_or("")
                );
            }
        }
        s
    }
}

/// Per-page results gathered before aggregation.
struct PageResult {
    counts: PageCounts,
    with_found: usize,
    without_leaked: usize,
    with_found_words: usize,
    without_leaked_words: usize,
    title: Option<bool>,
    author: Option<bool>,
    date: Option<bool>,
}

/// Scores `predictions` against the dataset. A page without a prediction is
/// scored as an empty output; predictions for unknown ids are ignored.
pub fn evaluate(dataset: &Dataset, predictions: &HashMap<String, Prediction>) -> Report {
    let empty = Prediction::default();
    let pages = dataset.pages();
    // Pages are independent; tokenising is the bulk of the work.
    let results: Vec<PageResult> = pages
        .par_iter()
        .map(|g| score_page(g, predictions.get(&g.id).unwrap_or(&empty)))
        .collect();

    let overall = metric::aggregate(results.iter().map(|r| &r.counts));
    let per_page_type = per_type(pages, &results);
    let per_page: Vec<PageScore> = pages
        .iter()
        .zip(&results)
        .map(|(g, r)| PageScore {
            id: g.id.clone(),
            page_type: g.page_type.clone(),
            precision: r.counts.precision,
            recall: r.counts.recall,
            f1: r.counts.f1(),
            exact: r.counts.exact,
        })
        .collect();

    let mut ranked: Vec<(&GoldPage, &PageScore)> = pages.iter().zip(&per_page).collect();
    // Stable sort keeps id order among equal F1s, so the list is deterministic.
    ranked.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1));
    let worst = ranked
        .into_iter()
        .take(WORST_COUNT)
        .map(|(g, p)| WorstPage {
            id: g.id.clone(),
            f1: p.f1,
            precision: p.precision,
            recall: p.recall,
            url: g.url.clone(),
        })
        .collect();

    Report {
        pages: pages.len(),
        missing: pages
            .iter()
            .filter(|g| !predictions.contains_key(&g.id))
            .count(),
        f1: overall.f1,
        precision: overall.precision,
        recall: overall.recall,
        accuracy: overall.accuracy,
        per_page_type,
        snippets: snippet_scores(pages, &results),
        metadata: metadata_scores(&results),
        worst,
        per_page,
    }
}

fn score_page(gold: &GoldPage, pred: &Prediction) -> PageResult {
    let counts = metric::page_counts(&gold.body, &pred.text);
    let needs_text = !gold.with.is_empty() || !gold.without.is_empty();
    let text = if needs_text {
        collapse_ws(&pred.text)
    } else {
        String::new()
    };
    let words = if needs_text {
        word_text(&pred.text)
    } else {
        String::new()
    };
    let count = |snippets: &[String], present: &dyn Fn(&str) -> bool| {
        snippets.iter().filter(|s| present(s)).count()
    };
    PageResult {
        counts,
        with_found: count(&gold.with, &|s| contains_snippet(&text, s)),
        without_leaked: count(&gold.without, &|s| contains_snippet(&text, s)),
        with_found_words: count(&gold.with, &|s| contains_snippet_words(&words, s)),
        without_leaked_words: count(&gold.without, &|s| contains_snippet_words(&words, s)),
        title: present(&gold.title).map(|t| title_matches(t, pred.title.as_deref())),
        author: present(&gold.author).map(|a| author_matches(a, &pred.authors)),
        date: present(&gold.date).map(|d| date_matches(d, pred.date.as_deref())),
    }
}

/// A gold field counts only when it has non-blank text.
fn present(field: &Option<String>) -> Option<&str> {
    field.as_deref().filter(|s| !s.trim().is_empty())
}

fn per_type(pages: &[GoldPage], results: &[PageResult]) -> BTreeMap<String, TypeScores> {
    let mut groups: BTreeMap<&str, Vec<&PageCounts>> = BTreeMap::new();
    for (g, r) in pages.iter().zip(results) {
        if let Some(t) = &g.page_type {
            groups.entry(t).or_default().push(&r.counts);
        }
    }
    groups
        .into_iter()
        .map(|(t, counts)| (t.to_owned(), metric::aggregate(counts).into()))
        .collect()
}

fn snippet_scores(pages: &[GoldPage], results: &[PageResult]) -> Option<SnippetScores> {
    let with_total: usize = pages.iter().map(|g| g.with.len()).sum();
    let without_total: usize = pages.iter().map(|g| g.without.len()).sum();
    if with_total + without_total == 0 {
        return None;
    }
    let with_found = results.iter().map(|r| r.with_found).sum();
    let without_leaked = results.iter().map(|r| r.without_leaked).sum();
    let with_found_words = results.iter().map(|r| r.with_found_words).sum();
    let without_leaked_words = results.iter().map(|r| r.without_leaked_words).sum();
    Some(SnippetScores {
        with_found_words,
        with_found_words_rate: ratio(with_found_words, with_total),
        without_leaked_words,
        without_leaked_words_rate: ratio(without_leaked_words, without_total),
        with_total,
        with_found,
        with_found_rate: ratio(with_found, with_total),
        without_total,
        without_leaked,
        without_leaked_rate: ratio(without_leaked, without_total),
    })
}

fn metadata_scores(results: &[PageResult]) -> Option<MetadataScores> {
    let rate = |field: fn(&PageResult) -> Option<bool>| {
        let checked: Vec<bool> = results.iter().filter_map(field).collect();
        let correct = checked.iter().filter(|ok| **ok).count();
        (!checked.is_empty()).then(|| Rate {
            pages: checked.len(),
            correct,
            rate: ratio(correct, checked.len()),
        })
    };
    let m = MetadataScores {
        title: rate(|r| r.title),
        author: rate(|r| r.author),
        date: rate(|r| r.date),
    };
    (m.title.is_some() || m.author.is_some() || m.date.is_some()).then_some(m)
}

fn ratio(n: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        usize_f64(n) / usize_f64(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn page(id: &str, body: &str) -> GoldPage {
        GoldPage {
            id: id.into(),
            body: body.into(),
            url: None,
            page_type: None,
            title: None,
            author: None,
            date: None,
            with: vec![],
            without: vec![],
            html_path: PathBuf::new(),
        }
    }

    #[test]
    fn evaluates_snippets_metadata_types_and_worst() {
        let mut a = page("a", "one two three four five");
        a.page_type = Some("article".into());
        a.title = Some("Title  A".into());
        a.author = Some("Ann Lee".into());
        a.date = Some("2025-09-04".into());
        // "three, four" is spelt otherwise than the output: found by words only.
        a.with = vec!["two  three".into(), "six".into(), "three, four".into()];
        a.without = vec!["Menu".into()];
        let mut b = page("b", "alpha beta gamma delta");
        b.page_type = Some("forum".into());
        b.title = Some("B".into());
        let ds = Dataset::from_pages(PathBuf::new(), vec![a, b]);
        let preds = HashMap::from([(
            "a".to_owned(),
            Prediction {
                text: "Menu\none two three four five".into(),
                title: Some("Title A".into()),
                authors: vec!["Lee, Ann".into()],
                date: Some("2025-09-04T10:00:00+02:00".into()),
            },
        )]);
        let r = evaluate(&ds, &preds);
        assert_eq!((r.pages, r.missing), (2, 1));
        assert_eq!(r.per_page_type["forum"].recall, 0.0);
        assert_eq!(r.per_page_type["article"].recall, 1.0);
        let sn = r.snippets.unwrap();
        assert_eq!((sn.with_found, sn.with_total, sn.without_leaked), (1, 3, 1));
        assert_eq!((sn.with_found_words, sn.without_leaked_words), (2, 1));
        assert_eq!(sn.with_found_words_rate, 2.0 / 3.0);
        let m = r.metadata.unwrap();
        assert_eq!(m.title.unwrap().correct, 1);
        assert_eq!(m.title.unwrap().pages, 2);
        assert_eq!(m.author.unwrap().rate, 1.0);
        assert_eq!(m.date.unwrap().rate, 1.0);
        assert_eq!(r.worst[0].id, "b");
        assert_eq!(r.per_page.len(), 2);
        let text = r.render_text();
        assert!(text.contains("forum") && text.contains("snippets") && text.contains("author"));
        let json = serde_json::to_value(&r).unwrap();
        assert!(json.get("per_page").is_none() && json.get("f1").is_some());
    }

    #[test]
    fn no_snippets_or_metadata_sections_without_gold() {
        let ds = Dataset::from_pages(PathBuf::new(), vec![page("a", "x y")]);
        let r = evaluate(&ds, &HashMap::new());
        assert!(r.snippets.is_none() && r.metadata.is_none() && r.per_page_type.is_empty());
        assert_eq!(r.f1(), 0.0);
    }
}
