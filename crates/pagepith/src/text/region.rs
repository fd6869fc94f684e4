//! Where the body lies: the run of lines with the most prose in it, net of the furniture
//! inside it. Each line scores by its kind and size; the body is the stretch whose scores sum
//! highest (Kadane's maximum subarray), so a short heading or a caption between paragraphs
//! stays in, while a share bar and a comment heading after the last paragraph cut it off.

use std::ops::Range;

use super::kind::Kind;
use super::line::Line;

/// What a line costs or brings, in words of prose. Furniture costs about one short
/// paragraph. Chosen on the flattened dev sets (`pagepith eval --as-text`, BENCHMARKS.md
/// "Text input"): 4 / 6 / 9 / 12 gave scrapinghub 0.909 / 0.911 / 0.914 / 0.907; 9 kept
/// wcxb-dev at 0.776 (6: 0.775).
const FURNITURE_COST: f64 = 9.0;
/// Short lines (headings, list items, labels) cost a little: a few in a row between
/// paragraphs are crossed, a menu of twenty is not. 1 / 1.5 / 2.5 gave scrapinghub 0.907 /
/// 0.911 / 0.913, but 2.5 cost wcxb-dev 0.018 (its listings and forums are short lines).
const SHORT_COST: f64 = 1.5;
/// Bylines, dates, credits and debris cost like short lines: they sit inside articles.
const META_COST: f64 = 1.5;
/// A short line that ends like a sentence ("He declined to comment.") is weak evidence of
/// prose rather than a cost.
const SHORT_SENTENCE_GAIN: f64 = 1.0;

/// The k-th line of an unbroken run of costly lines costs k times its own cost, up to this
/// factor: one heading or caption between paragraphs is cheap to cross, a menu of forty
/// links is not, whatever teasers sit among them (2 / 4 / 8 gave scrapinghub 0.904 / 0.911 /
/// 0.910).
const RUN_FACTOR_CAP: f64 = 4.0;
/// The least a stretch before a comment section's opening must be worth (about three short
/// paragraphs) to be the article; less, and the opener was a link in the article's header.
const ARTICLE_BEFORE_COMMENTS: f64 = 60.0;

/// What a prose line right under a byline or date line (nothing but short lines between) is
/// worth on top of its words: the body follows the article's header, teasers and footers
/// rarely do. About one paragraph, so it decides between near equals only (10 / 25 / 50 gave
/// scrapinghub 0.905 / 0.911 / 0.912).
const ANCHOR_BONUS: f64 = 25.0;
/// How many lines above a prose line its byline or date may sit.
const ANCHOR_REACH: usize = 4;

/// The score of one line on its own.
pub fn score(line: &Line, kind: &Kind) -> f64 {
    match kind {
        Kind::Prose => line.words as f64,
        Kind::Short if line.sentence_end && line.words >= 4 => SHORT_SENTENCE_GAIN,
        Kind::Short => -SHORT_COST,
        // A date line inside running text stamps a comment or a teaser; the article's own
        // date sits above the body, where costs do not matter.
        Kind::Furniture | Kind::Date | Kind::CommentsStart => -FURNITURE_COST,
        Kind::Debris | Kind::Credit | Kind::Byline(_) => -META_COST,
    }
}

/// The body: the best run of lines, cut where a comment section opens.
pub fn body(lines: &[Line], kinds: &[Kind]) -> Range<usize> {
    let mut scores: Vec<f64> = lines.iter().zip(kinds).map(|(l, k)| score(l, k)).collect();
    for i in 0..kinds.len() {
        if kinds[i] == Kind::Prose && follows_header(kinds, i) {
            scores[i] += ANCHOR_BONUS;
        }
    }
    let mut run = 0.0;
    for s in &mut scores {
        if *s < 0.0 {
            run = (run + 1.0_f64).min(RUN_FACTOR_CAP);
            *s *= run;
        } else {
            run = 0.0;
        }
    }
    let mut run = best_run(&scores);
    // A comment section's opening inside the run splits it: the part before is the article
    // unless it is too small to be one (then the opener was a link in the header). Comments
    // are prose too, and a long thread must not win over the article above it.
    while let Some(b) = (run.start + 1..run.end).find(|&i| kinds[i] == Kind::CommentsStart) {
        let before = offset(best_run(&scores[run.start..b]), run.start);
        let after = offset(best_run(&scores[b + 1..run.end]), b + 1);
        let value = |r: &Range<usize>| scores[r.clone()].iter().sum::<f64>();
        run = if value(&before) >= ARTICLE_BEFORE_COMMENTS {
            before
        } else {
            after
        };
    }
    run
}

fn offset(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

/// Whether a byline or date line sits above line `i` with only short lines between.
fn follows_header(kinds: &[Kind], i: usize) -> bool {
    kinds[i.saturating_sub(ANCHOR_REACH)..i]
        .iter()
        .rev()
        .take_while(|k| !matches!(k, Kind::Prose))
        .any(|k| matches!(k, Kind::Byline(_) | Kind::Date))
}

/// The stretch of lines with the highest total score; empty when no line scores above zero.
pub fn best_run(scores: &[f64]) -> Range<usize> {
    let mut best = (0.0, 0..0);
    let mut start = 0;
    let mut sum = 0.0;
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            start = i;
            sum = 0.0;
        }
        sum += s;
        if sum > best.0 {
            best = (sum, start..i + 1);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_run_crosses_small_gaps_and_stops_at_large_ones() {
        let scores = [-6.0, -1.5, 30.0, -1.5, 25.0, -6.0, -6.0, -6.0, 12.0, -1.5];
        assert_eq!(best_run(&scores), 2..5);
    }

    #[test]
    fn comments_after_the_article_stay_out_even_when_longer() {
        let mut text = String::from("Headline Of The Story\n");
        let para = "The council voted on Tuesday to keep the old bridge open for another year.";
        for _ in 0..5 {
            text.push_str(&format!("{para}\n"));
        }
        text.push_str("34 responses to the story\n");
        for _ in 0..8 {
            text.push_str(&format!("reader says:\n{para} {para}\n"));
        }
        let lines: Vec<Line> = text.lines().map(Line::new).collect();
        let kinds: Vec<Kind> = lines.iter().map(super::super::kind::kind).collect();
        assert_eq!(body(&lines, &kinds), 1..6);
    }

    #[test]
    fn a_long_menu_is_not_crossed_for_a_teaser() {
        let mut scores = vec![20.0];
        scores.extend([-1.5; 12]);
        scores.push(15.0);
        assert_eq!(best_run(&scores), 0..1);
    }

    #[test]
    fn a_page_without_prose_has_no_run() {
        assert_eq!(best_run(&[-1.5, -6.0]), 0..0);
        assert_eq!(best_run(&[]), 0..0);
    }
}
