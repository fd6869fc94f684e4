//! Which stage lost the text an extractor missed, and which block let in the text it leaked.
//!
//! The extractor describes each page as labelled segments in reading order: every piece of
//! text it saw, with the rule that removed it (`prune:FurnitureClass(Related)`,
//! `select:LinkHeavy`) or, for kept text, why it was kept (`kept:container:Paragraph`). This
//! module knows nothing of those labels: it finds each missed gold shingle, each leaked
//! predicted shingle and each failed snippet in the labelled text and charges its label.
//! Summed over a dataset, the table says which rule costs most recall and which kind of kept
//! block costs most precision, in the metric's own units.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde::Serialize;

use crate::checks::{contains_snippet_words, word_text};
use crate::dataset::GoldPage;
use crate::metric::{shingles, tokens, SHINGLE_LEN};

/// Missed text found nowhere in the page's segments: in a script, an attribute, a part the
/// parser put elsewhere, or spelled differently from the page.
pub const NOT_IN_PAGE: &str = "absent:not in any block";
/// Missed text that a kept block holds: lost between selection and output (assembly).
pub const KEPT_NOT_OUTPUT: &str = "absent:kept but not output";
/// Missed text that crosses a gold line break, with each line's side held by a kept block and
/// output, but not next to each other: we output a block between them (or another order), so
/// the text is not lost, only split; the block between is charged for its leak.
pub const LINES_APART: &str = "absent:lines output but apart";
/// Leaked text that no kept block holds alone: a shingle joining two kept blocks across
/// dropped text, or text the renderer added.
pub const JOINED: &str = "kept:joined across blocks";

/// One piece of a page's text as the extractor saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Whether the extractor kept it.
    pub kept: bool,
    /// The rule that dropped it, or why it was kept.
    pub label: String,
    pub text: String,
}

/// A page's segments as one token stream, each token knowing its segment.
struct PageText<'a> {
    segments: &'a [Segment],
    toks: Vec<&'a str>,
    owner: Vec<usize>,
    /// Where each shingle of the stream starts, every occurrence.
    by_shingle: HashMap<Vec<&'a str>, Vec<usize>>,
    /// Where each token of the stream stands, for parts shorter than a shingle.
    by_token: HashMap<&'a str, Vec<usize>>,
}

impl<'a> PageText<'a> {
    fn new(segments: &'a [Segment]) -> PageText<'a> {
        // One token stream over all segments, so shingles across a boundary are found too.
        let mut toks: Vec<&str> = Vec::new();
        let mut owner: Vec<usize> = Vec::new();
        for (i, s) in segments.iter().enumerate() {
            let t = tokens(&s.text);
            owner.extend(std::iter::repeat_n(i, t.len()));
            toks.extend(t);
        }
        let by_token = token_index(&toks);
        let mut page = PageText {
            segments,
            toks,
            owner,
            by_shingle: HashMap::new(),
            by_token,
        };
        let mut by_shingle: HashMap<Vec<&str>, Vec<usize>> = HashMap::new();
        for (start, sh) in shingles(&page.toks).enumerate() {
            by_shingle.entry(sh.to_vec()).or_default().push(start);
        }
        page.by_shingle = by_shingle;
        page
    }

    /// The segment charged for tokens `start..start + len`: the first one with the wanted
    /// `kept` state, else the first one.
    fn charged(&self, start: usize, len: usize, kept: bool) -> usize {
        let span = &self.owner[start..start + len];
        span.iter()
            .copied()
            .find(|&i| self.segments[i].kept == kept)
            .unwrap_or(span[0])
    }

    /// The segment charged for a shingle of the stream: for a miss, the first dropped
    /// segment of its first occurrence that touches one; for a leak, the first kept one.
    fn shingle_cause(&self, shingle: &[&str], kept: bool) -> Option<&'a Segment> {
        let starts = self.by_shingle.get(shingle)?;
        self.cause_at(starts, shingle.len(), kept)
    }

    /// The segment charged for a run of `n` tokens found at `starts` (see `shingle_cause`).
    fn cause_at(&self, starts: &[usize], n: usize, kept: bool) -> Option<&'a Segment> {
        if starts.is_empty() {
            return None;
        }
        let mut charged = starts
            .iter()
            .map(|&s| &self.segments[self.charged(s, n, kept)]);
        Some(
            charged
                .find(|s| s.kept == kept)
                .unwrap_or(&self.segments[self.owner[starts[0]]]),
        )
    }

    /// Why a missed shingle is missing.
    fn missed_cause(&self, shingle: &[&str]) -> &'a str {
        match self.shingle_cause(shingle, false) {
            None => NOT_IN_PAGE,
            Some(s) if s.kept => KEPT_NOT_OUTPUT,
            Some(s) => s.label.as_str(),
        }
    }

    /// Why a missed shingle that crosses gold line breaks and that the page does not hold as a
    /// whole is missing, judged by its parts: each line's side, widened to a shingle inside the
    /// line (or the whole line when it is shorter) so that a one-word side is not found in
    /// every block. A side not in the output that a dropped block holds was lost with it; a
    /// side found nowhere leaves the shingle absent; sides all output mean the text was only
    /// split apart.
    fn parts_cause(&self, gold: &GoldLines, pos: usize, len: usize, output: &Output) -> &'a str {
        let parts = gold.parts(pos, len);
        if parts.is_empty() {
            return NOT_IN_PAGE;
        }
        let mut missing = false;
        let mut kept_not_output = false;
        for part in parts {
            // A side we output is not the lost one, however many dropped blocks also hold
            // its words (a one-word line is in many).
            if output.holds(part) {
                continue;
            }
            let starts = self.find(part);
            match self.cause_at(&starts, part.len(), false) {
                None => missing = true,
                Some(s) if !s.kept => return s.label.as_str(),
                Some(_) => kept_not_output = true,
            }
        }
        if missing {
            NOT_IN_PAGE
        } else if kept_not_output {
            KEPT_NOT_OUTPUT
        } else {
            LINES_APART
        }
    }

    /// Every start of `part` in the stream.
    fn find(&self, part: &[&str]) -> Vec<usize> {
        if part.len() == SHINGLE_LEN {
            return self.by_shingle.get(part).cloned().unwrap_or_default();
        }
        find_in(&self.toks, &self.by_token, part)
    }

    /// Which kept block let a leaked shingle in.
    fn leak_cause(&self, shingle: &[&str]) -> &'a str {
        match self.shingle_cause(shingle, true) {
            Some(s) if s.kept => s.label.as_str(),
            _ => JOINED,
        }
    }

    /// A snippet's cause: where its words stand in the page. A missing snippet is charged to
    /// the dropped segment, among its occurrences', with the least text: the block the
    /// snippet most nearly is. A page's head (its `<title>`) and its scripts' data hold
    /// copies of the headline and the description inside far longer text; charged to the
    /// first occurrence, a headline dropped in the body read as lost with the head. A leaked
    /// snippet is charged to the first kept segment of an occurrence.
    fn snippet_cause(&self, snippet: &str, leaked: bool) -> &'a str {
        let words = tokens(snippet);
        let n = words.len();
        if n == 0 || n > self.toks.len() {
            return NOT_IN_PAGE;
        }
        let mut found = false;
        let mut best: Option<&Segment> = None;
        for start in 0..=self.toks.len() - n {
            if self.toks[start..start + n] != *words {
                continue;
            }
            found = true;
            let seg = &self.segments[self.charged(start, n, leaked)];
            if seg.kept != leaked {
                continue;
            }
            if leaked {
                return seg.label.as_str();
            }
            if best.is_none_or(|b| seg.text.len() < b.text.len()) {
                best = Some(seg);
            }
        }
        if let Some(seg) = best {
            return seg.label.as_str();
        }
        match (found, leaked) {
            (false, false) => self.split_snippet_cause(snippet),
            (false, true) => NOT_IN_PAGE,
            (true, false) => KEPT_NOT_OUTPUT,
            (true, true) => JOINED,
        }
    }

    /// A missed snippet the page never holds whole: its lines may stand in separate blocks
    /// (a card's title and price), or the gold may have joined them in another order. Each
    /// line's first shingle (or the whole line when shorter) is looked up on its own, and the
    /// snippet is charged, as a whole snippet is, to the dropped block with the least text
    /// among all the lines' occurrences (not the page's head or script data that also hold
    /// them). Lines of one or two words are skipped: a lone "Price" is in many blocks and
    /// would charge the wrong rule. Measured on wcxb-dev at db02e10: 30 of the 106 `with`
    /// misses charged to no block had a dropped line this way.
    fn split_snippet_cause(&self, snippet: &str) -> &'a str {
        let mut best: Option<&Segment> = None;
        for line in snippet.lines() {
            let words = tokens(line);
            if words.len() < 3 {
                continue;
            }
            let part = &words[..words.len().min(SHINGLE_LEN)];
            for start in self.find(part) {
                let seg = &self.segments[self.charged(start, part.len(), false)];
                if !seg.kept && best.is_none_or(|b| seg.text.len() < b.text.len()) {
                    best = Some(seg);
                }
            }
        }
        best.map_or(NOT_IN_PAGE, |s| s.label.as_str())
    }
}

/// Each token's position in `toks`.
fn token_index<'a>(toks: &[&'a str]) -> HashMap<&'a str, Vec<usize>> {
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, &t) in toks.iter().enumerate() {
        index.entry(t).or_default().push(i);
    }
    index
}

/// Every start of `part` in `toks`, through the index of its first token.
fn find_in(toks: &[&str], by_token: &HashMap<&str, Vec<usize>>, part: &[&str]) -> Vec<usize> {
    let Some(first) = part.first().and_then(|t| by_token.get(t)) else {
        return Vec::new();
    };
    first
        .iter()
        .copied()
        .filter(|&s| toks.get(s..s + part.len()) == Some(part))
        .collect()
}

/// The prediction's tokens, to tell a part that is output from one that is only kept.
struct Output<'a> {
    toks: &'a [&'a str],
    by_token: HashMap<&'a str, Vec<usize>>,
    /// Each token's line, as in `GoldLines`.
    line: Vec<(usize, usize)>,
}

impl<'a> Output<'a> {
    fn new(text: &str, toks: &'a [&'a str]) -> Output<'a> {
        Output {
            toks,
            by_token: token_index(toks),
            line: line_bounds(text, toks.len()),
        }
    }

    /// Whether we output `part`. A part shorter than a shingle is a whole short gold line; its
    /// words alone (a name, a date) are often somewhere in the output, so it counts only at
    /// the edge of an output line, where a line of its own would stand.
    fn holds(&self, part: &[&str]) -> bool {
        find_in(self.toks, &self.by_token, part)
            .into_iter()
            .any(|s| {
                part.len() >= SHINGLE_LEN || {
                    let (ls, le) = self.line[s];
                    s == ls || s + part.len() == le
                }
            })
    }
}

/// Each token's line of `text` as the `[start, end)` token range of that line; one line for
/// all if the lines' tokens are not the text's (`\n` is no word character, so they are).
fn line_bounds(text: &str, n_toks: usize) -> Vec<(usize, usize)> {
    let mut line = Vec::with_capacity(n_toks);
    for l in text.split('\n') {
        let n = tokens(l).len();
        let start = line.len();
        line.extend(std::iter::repeat_n((start, start + n), n));
    }
    if line.len() != n_toks {
        line = vec![(0, n_toks); n_toks];
    }
    line
}

/// The gold's tokens grouped by line: a shingle that crosses a line break joins text the page
/// may hold in separate blocks, each kept or dropped on its own.
struct GoldLines<'a> {
    toks: &'a [&'a str],
    /// Each token's line, as the `[start, end)` token range of that line.
    line: Vec<(usize, usize)>,
}

impl<'a> GoldLines<'a> {
    fn new(body: &str, toks: &'a [&'a str]) -> GoldLines<'a> {
        GoldLines {
            toks,
            line: line_bounds(body, toks.len()),
        }
    }

    /// The parts of the shingle at `pos..pos + len`, one per gold line it touches, each
    /// widened to the line's shingle holding it (or the whole line when shorter); none when
    /// the shingle lies in one line.
    fn parts(&self, pos: usize, len: usize) -> Vec<&'a [&'a str]> {
        let end = pos + len;
        let mut parts = Vec::new();
        let mut i = pos;
        while i < end {
            let (ls, le) = self.line[i];
            let start = if le - ls <= SHINGLE_LEN {
                ls
            } else {
                i.min(le - SHINGLE_LEN)
            };
            parts.push(&self.toks[start..le.min(start + SHINGLE_LEN)]);
            i = le;
        }
        if parts.len() < 2 {
            parts.clear();
        }
        parts
    }
}

/// Shingles of `a` left over after matching each against one occurrence in `b`, in order,
/// with their positions in `a`.
fn unmatched<'t>(a: &'t [&'t str], b: &[&str]) -> Vec<(usize, &'t [&'t str])> {
    let mut available: HashMap<&[&str], usize> = HashMap::new();
    for s in shingles(b) {
        *available.entry(s).or_default() += 1;
    }
    shingles(a)
        .enumerate()
        .filter(|(_, s)| match available.get_mut(s) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// The causes of a page's missed (or leaked) shingles, in text order. A shingle the page
/// does not hold as such (it joins two blocks that are not neighbours on the page, with text
/// removed or added between them) takes the cause of the nearest shingle of its run of
/// consecutive misses that the page does hold: it was lost (or let in) with it.
///
/// Text split apart (`LINES_APART`) was not lost, so it is no cause to lend a neighbour.
fn run_causes<'a>(
    shingles: &[(usize, &[&str])],
    cause: impl Fn(usize, &[&str]) -> &'a str,
    unknown: &str,
) -> Vec<&'a str> {
    let mut causes: Vec<&str> = shingles.iter().map(|&(pos, sh)| cause(pos, sh)).collect();
    let mut run_start = 0;
    for i in 1..=shingles.len() {
        if i < shingles.len() && shingles[i].0 == shingles[i - 1].0 + 1 {
            continue;
        }
        let run = run_start..i;
        run_start = i;
        let known: Vec<usize> = run
            .clone()
            .filter(|&j| causes[j] != unknown && causes[j] != LINES_APART)
            .collect();
        for j in run {
            if causes[j] == unknown {
                if let Some(&nearest) = known.iter().min_by_key(|&&k| k.abs_diff(j)) {
                    causes[j] = causes[nearest];
                }
            }
        }
    }
    causes
}

/// One page's losses by cause.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PageBlame {
    pub id: String,
    /// Missed gold shingles per cause.
    pub missed: BTreeMap<String, usize>,
    /// Leaked predicted shingles per cause.
    pub leaked: BTreeMap<String, usize>,
    /// Shingles of gold matched, gold missed, predicted leaked (the metric's raw counts).
    pub tp: usize,
    pub fn_: usize,
    pub fp: usize,
    /// `with` snippets not found: (cause, snippet).
    pub with_missed: Vec<(String, String)>,
    /// `without` snippets leaked: (cause, snippet).
    pub without_leaked: Vec<(String, String)>,
    /// Whether the output was empty.
    pub empty: bool,
}

/// Blames one page's misses and leaks on the segments' labels.
pub fn blame_page(gold: &GoldPage, pred: &str, segments: &[Segment]) -> PageBlame {
    let page = PageText::new(segments);
    let gold_toks = tokens(&gold.body);
    let pred_toks = tokens(pred);
    let missed = unmatched(&gold_toks, &pred_toks);
    let leaked = unmatched(&pred_toks, &gold_toks);
    let gold_count = shingles(&gold_toks).count();
    let mut blame = PageBlame {
        id: gold.id.clone(),
        tp: gold_count - missed.len(),
        fn_: missed.len(),
        fp: leaked.len(),
        empty: pred_toks.is_empty(),
        ..PageBlame::default()
    };
    let lines = GoldLines::new(&gold.body, &gold_toks);
    let output = Output::new(pred, &pred_toks);
    let missed_cause = |pos: usize, sh: &[&str]| match page.missed_cause(sh) {
        NOT_IN_PAGE => page.parts_cause(&lines, pos, sh.len(), &output),
        cause => cause,
    };
    for cause in run_causes(&missed, missed_cause, NOT_IN_PAGE) {
        *blame.missed.entry(cause.to_owned()).or_default() += 1;
    }
    for cause in run_causes(&leaked, |_, sh| page.leak_cause(sh), JOINED) {
        *blame.leaked.entry(cause.to_owned()).or_default() += 1;
    }
    // Snippets are matched by words, as the body metric reads text: matched by characters,
    // a snippet the gold spells with straight quotes where the page has curly ones would be
    // charged to no rule ("kept but not output") and hide the misses a rule causes.
    let words = word_text(pred);
    for snippet in &gold.with {
        if !contains_snippet_words(&words, snippet) {
            blame.with_missed.push((
                page.snippet_cause(snippet, false).to_owned(),
                snippet.clone(),
            ));
        }
    }
    for snippet in &gold.without {
        if !snippet.trim().is_empty() && contains_snippet_words(&words, snippet) {
            blame.without_leaked.push((
                page.snippet_cause(snippet, true).to_owned(),
                snippet.clone(),
            ));
        }
    }
    blame
}

/// One cause's total over a dataset.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BlameRow {
    pub cause: String,
    /// Gold shingles missed because of it, and on how many pages.
    pub missed: usize,
    pub missed_pages: usize,
    /// Recall it costs: its share of each page's gold shingles, averaged over the pages that
    /// count for recall (so the rows add up to 1 − recall, as the metric normalises pages).
    pub recall_loss: f64,
    pub leaked: usize,
    pub leaked_pages: usize,
    /// Precision it costs, the same way over the pages that count for precision.
    pub precision_loss: f64,
    pub with_missed: usize,
    pub without_leaked: usize,
    /// The pages it costs most (recall and precision loss together), worst first.
    pub worst_pages: Vec<String>,
}

/// The dataset's blame table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BlameReport {
    pub pages: usize,
    /// Pages with empty output (their whole gold is charged to what removed it).
    pub empty_pages: usize,
    pub rows: Vec<BlameRow>,
    /// Every page's blame, in dataset order.
    pub per_page: Vec<PageBlame>,
}

/// How many pages a row names.
const WORST_PAGES: usize = 5;

/// Sums page blames into one row per cause, the costliest first.
pub fn aggregate(pages: Vec<PageBlame>) -> BlameReport {
    let recall_pages = pages.iter().filter(|p| p.tp + p.fn_ > 0).count().max(1);
    let precision_pages = pages.iter().filter(|p| p.tp + p.fp > 0).count().max(1);
    let mut rows: BTreeMap<&str, BlameRow> = BTreeMap::new();
    let per_page = &pages;
    let mut costs: BTreeMap<&str, Vec<(f64, &str)>> = BTreeMap::new();
    for p in per_page {
        let mut page_cost: BTreeMap<&str, f64> = BTreeMap::new();
        for (cause, &n) in &p.missed {
            let row = rows.entry(cause).or_default();
            let loss = n as f64 / (p.tp + p.fn_) as f64;
            row.missed += n;
            row.missed_pages += 1;
            row.recall_loss += loss / recall_pages as f64;
            *page_cost.entry(cause).or_default() += loss;
        }
        for (cause, &n) in &p.leaked {
            let row = rows.entry(cause).or_default();
            let loss = n as f64 / (p.tp + p.fp) as f64;
            row.leaked += n;
            row.leaked_pages += 1;
            row.precision_loss += loss / precision_pages as f64;
            *page_cost.entry(cause).or_default() += loss;
        }
        for (cause, _) in &p.with_missed {
            rows.entry(cause).or_default().with_missed += 1;
        }
        for (cause, _) in &p.without_leaked {
            rows.entry(cause).or_default().without_leaked += 1;
        }
        for (cause, cost) in page_cost {
            costs.entry(cause).or_default().push((cost, &p.id));
        }
    }
    let mut rows: Vec<BlameRow> = rows
        .into_iter()
        .map(|(cause, mut row)| {
            row.cause = cause.to_owned();
            if let Some(mut c) = costs.remove(cause) {
                c.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
                row.worst_pages = c
                    .into_iter()
                    .take(WORST_PAGES)
                    .map(|(_, id)| id.to_owned())
                    .collect();
            }
            row
        })
        .collect();
    rows.sort_by(|a, b| {
        (b.recall_loss + b.precision_loss)
            .total_cmp(&(a.recall_loss + a.precision_loss))
            .then_with(|| a.cause.cmp(&b.cause))
    });
    BlameReport {
        pages: pages.len(),
        empty_pages: pages.iter().filter(|p| p.empty).count(),
        rows,
        per_page: pages,
    }
}

impl BlameReport {
    /// The table, costliest cause first; `R-loss` and `P-loss` in points of the metric.
    pub fn render_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{} pages, {} with empty output",
            self.pages, self.empty_pages
        );
        let _ = writeln!(
            s,
            "{:<44} {:>7} {:>8} {:>5} {:>7} {:>8} {:>5} {:>5} {:>5}  worst pages",
            "cause", "R-loss", "missed", "pages", "P-loss", "leaked", "pages", "with", "w/out"
        );
        for r in &self.rows {
            let _ = writeln!(
                s,
                "{:<44} {:>7.4} {:>8} {:>5} {:>7.4} {:>8} {:>5} {:>5} {:>5}  {}",
                r.cause,
                r.recall_loss,
                r.missed,
                r.missed_pages,
                r.precision_loss,
                r.leaked,
                r.leaked_pages,
                r.with_missed,
                r.without_leaked,
                r.worst_pages.join(" ")
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(kept: bool, label: &str, text: &str) -> Segment {
        Segment {
            kept,
            label: label.to_owned(),
            text: text.to_owned(),
        }
    }

    fn gold(body: &str, with: &[&str], without: &[&str]) -> GoldPage {
        GoldPage {
            id: "p".to_owned(),
            body: body.to_owned(),
            url: None,
            page_type: None,
            title: None,
            author: None,
            date: None,
            with: with.iter().map(|s| (*s).to_owned()).collect(),
            without: without.iter().map(|s| (*s).to_owned()).collect(),
            html_path: std::path::PathBuf::new(),
        }
    }

    /// Guards the attribution: a missed paragraph is charged to the rule that dropped it, a
    /// leaked one to the kept block holding it, and snippets follow their text.
    #[test]
    fn misses_and_leaks_are_charged_to_their_segments() {
        let segments = [
            seg(false, "prune:nav", "Home News Sport Weather"),
            seg(true, "kept:p", "one two three four five six"),
            seg(false, "select:LinkHeavy", "seven eight nine ten eleven"),
            seg(true, "kept:li", "buy our great new product today"),
        ];
        let page = gold(
            "lost script json word one two three four five six\nseven eight nine ten eleven",
            &["seven eight nine", "one two"],
            &["great new product", "Home News"],
        );
        let pred = "one two three four five six\nbuy our great new product today";
        let b = blame_page(&page, pred, &segments);
        // Gold shingles across "six|seven" and inside the dropped block: 5 of them; the
        // four reaching into "lost script json word" are in no block.
        assert_eq!(b.missed["select:LinkHeavy"], 5);
        assert_eq!(b.missed[NOT_IN_PAGE], 4);
        // The shingles running from "four five six" into "buy" join two kept blocks across
        // the dropped one: no block holds them, and they leaked with the block they run into.
        assert_eq!(b.leaked["kept:li"], 6);
        assert!(!b.leaked.contains_key(JOINED));
        assert_eq!(b.with_missed[0].0, "select:LinkHeavy");
        assert_eq!(b.with_missed.len(), 1);
        assert_eq!(b.without_leaked[0].0, "kept:li");
        assert_eq!(b.without_leaked.len(), 1);
        assert_eq!((b.tp, b.fn_, b.fp), (3, 9, 6));

        let report = aggregate(vec![b]);
        // Costliest first: the leaking list item (6 of 9 predicted shingles), then the rule.
        assert_eq!(report.rows[0].cause, "kept:li");
        assert!((report.rows[0].precision_loss - 6.0 / 9.0).abs() < 1e-9);
        let rule = &report.rows[1];
        assert_eq!(rule.cause, "select:LinkHeavy");
        assert!((rule.recall_loss - 5.0 / 12.0).abs() < 1e-9);
        assert_eq!(rule.worst_pages, ["p"]);
        assert!(report.render_text().contains("select:LinkHeavy"));
    }

    /// Guards the split-snippet fallback: a snippet whose lines the page holds in separate
    /// blocks, one kept and one dropped, is charged to the rule that dropped its line (not to
    /// the longer script data that also holds it), while a one-word line found in a dropped
    /// menu charges nothing.
    #[test]
    fn a_split_snippet_is_charged_to_its_dropped_line() {
        let segments = [
            seg(
                false,
                "prune:script",
                "var offer = now only twelve euros each and more",
            ),
            seg(true, "kept:p", "Garden chair in oiled teak wood"),
            seg(false, "prune:nav", "Price Home Shop"),
            seg(false, "select:BuyBox", "now only twelve euros each"),
        ];
        let page = gold(
            "Garden chair in oiled teak wood",
            &[
                "Garden chair in oiled teak wood\nnow only twelve euros",
                "Price\nsold out today",
            ],
            &[],
        );
        let b = blame_page(&page, "Garden chair in oiled teak wood", &segments);
        assert_eq!(b.with_missed.len(), 2);
        assert_eq!(b.with_missed[0].0, "select:BuyBox");
        assert_eq!(b.with_missed[1].0, NOT_IN_PAGE);
    }

    /// Guards the snippet charge: a missed snippet found both inside a long dropped segment
    /// (a page's head, its title and scripts) and as a dropped block of its own is charged to
    /// the block's rule.
    #[test]
    fn a_missed_snippet_is_charged_to_its_own_block_not_the_head() {
        let segments = [
            seg(
                false,
                "prune:head",
                "Garden tools for small plots | Shop name var config = on",
            ),
            seg(true, "kept:p", "Rakes and hoes in three sizes"),
            seg(false, "select:Headline", "Garden tools for small plots"),
        ];
        let b = blame_page(
            &gold(
                "Garden tools for small plots\nRakes and hoes in three sizes",
                &["Garden tools for small plots"],
                &[],
            ),
            "Rakes and hoes in three sizes",
            &segments,
        );
        assert_eq!(b.with_missed[0].0, "select:Headline");
    }

    /// Guards the run rule: gold text the page never holds, next to a dropped block and
    /// missed with it, is charged to that block's rule rather than to "absent".
    #[test]
    fn a_gold_only_join_is_charged_with_its_run() {
        let segments = [
            seg(true, "kept:p", "a b c d e f"),
            seg(false, "select:X", "g h i j"),
        ];
        let b = blame_page(
            &gold("a b c d e f g h i j k l", &[], &[]),
            "a b c d e f",
            &segments,
        );
        assert_eq!(b.missed["select:X"], 6);
        assert!(!b.missed.contains_key(NOT_IN_PAGE));
    }

    /// Guards the kept-but-lost case: text a kept block holds and the output lacks is blamed
    /// on assembly, not on a removal rule.
    #[test]
    fn kept_text_missing_from_the_output_is_blamed_on_assembly() {
        let segments = [seg(true, "kept:p", "alpha beta gamma delta")];
        let b = blame_page(&gold("alpha beta gamma delta", &[], &[]), "", &segments);
        assert_eq!(b.missed[KEPT_NOT_OUTPUT], 1);
        assert!(b.empty);
    }

    /// Guards the blame by parts: the shingles crossing a short gold line (too short for a
    /// shingle of its own) that the page holds elsewhere, in a dropped block, are charged to
    /// the rule that dropped it rather than to "absent".
    #[test]
    fn a_dropped_short_line_is_charged_to_its_rule() {
        let segments = [
            seg(true, "kept:p", "red fox runs far away"),
            seg(true, "kept:p", "then blue birds sing loud"),
            seg(false, "prune:nav", "menu"),
            seg(false, "prune:PostMeta", "Tuesday"),
        ];
        let b = blame_page(
            &gold(
                "red fox runs far away\nTuesday\nthen blue birds sing loud",
                &[],
                &[],
            ),
            "red fox runs far away\nthen blue birds sing loud",
            &segments,
        );
        // The four shingles touching "Tuesday" all cross a line break.
        assert_eq!(b.fn_, 4);
        assert_eq!(b.missed["prune:PostMeta"], 4);
        assert_eq!(b.missed.len(), 1);
    }

    /// Guards the reordered-text row: shingles crossing a gold line break whose two sides are
    /// both output, with a block in between, are told apart from lost text.
    #[test]
    fn lines_output_apart_are_not_absent() {
        let segments = [
            seg(true, "kept:p", "red fox runs far away"),
            seg(true, "kept:card", "buy this lamp"),
            seg(true, "kept:p", "then blue birds sing loud"),
        ];
        let pred = "red fox runs far away\nbuy this lamp\nthen blue birds sing loud";
        let b = blame_page(
            &gold("red fox runs far away\nthen blue birds sing loud", &[], &[]),
            pred,
            &segments,
        );
        assert_eq!(b.fn_, 3);
        assert_eq!(b.missed[LINES_APART], 3);
        assert_eq!(b.missed.len(), 1);
    }

    /// Guards the absent row's meaning: a crossing shingle with a side found nowhere stays
    /// "absent" even when its other side is output, rather than counting as split apart.
    #[test]
    fn a_side_found_nowhere_stays_absent() {
        let segments = [
            seg(true, "kept:p", "red fox runs far away"),
            seg(true, "kept:p", "then blue birds sing loud"),
        ];
        let b = blame_page(
            &gold(
                "red fox runs far away\nZanzibar\nthen blue birds sing loud",
                &[],
                &[],
            ),
            "red fox runs far away\nthen blue birds sing loud",
            &segments,
        );
        assert_eq!(b.fn_, 4);
        assert_eq!(b.missed[NOT_IN_PAGE], 4);
        assert_eq!(b.missed.len(), 1);
    }
}
