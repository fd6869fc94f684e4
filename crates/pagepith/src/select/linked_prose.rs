//! Takes back sentences that are link-dense but still prose.
//!
//! The link-density rule drops a block with more than half its letters in links: a menu, a
//! "read more" line, a related headline. A news roundup or a politics story that links every
//! name and every source has whole paragraphs above that line, and they are the article. What
//! tells them apart is length and the unlinked words between the links: a link list's entries
//! are short or linked from end to end.

use super::Decision;
use crate::segment::{BlockKind, Segmentation};

/// A paragraph with at least this many letters is a sentence or more, longer than a menu
/// entry or a linked headline. Measured 60 / 80 / 100 / 120 / 150 (with the density below at
/// 0.9 or 0.8): scrapinghub F1 0.9633 / 0.9641 / 0.9640 / 0.9639 / 0.9630, wcxb-dev 0.8404 /
/// 0.8404 / 0.8403 / 0.8402 / 0.8400; below 100 documentation starts to lose (0.9087 ->
/// 0.9059 at 60), so 100.
const MIN_PROSE_CHARS: usize = 100;

/// Below this share of linked letters some of the paragraph's own words stand between its
/// links. Measured 0.7 / 0.8 / 0.85 / 0.9 / any: scrapinghub F1 0.9644 / 0.9640 / 0.9639 /
/// 0.9636 / 0.9627, wcxb-dev 0.8401 / 0.8403 / 0.8403 / 0.8403 / 0.8401 (listings 0.6304 at
/// 0.7, 0.6315 at 0.8); 0.8 is the best for both sets together.
const MAX_PROSE_LINK_DENSITY: f64 = 0.8;

/// Keeps the paragraphs the link-density rule dropped that are of sentence length and not
/// linked through: prose that links many of its names.
pub fn keep_linked_prose(seg: &Segmentation, decisions: &mut [Decision]) {
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d == Decision::LinkHeavy
            && b.kind == BlockKind::Paragraph
            && b.chars >= MIN_PROSE_CHARS
            && b.link_density() < MAX_PROSE_LINK_DENSITY
        {
            *d = Decision::Kept;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Config;

    const PROSE: &str =
        "<p>The committee met on Tuesday to discuss the budget, the schools and the \
        roads, and it agreed to meet again after the summer recess.</p>";

    /// Guards the rule: a long paragraph whose names are links stays in the article, while a
    /// short fully linked line (a related headline) is still dropped.
    #[test]
    fn a_sentence_that_links_its_names_is_kept() {
        let linked = "<p><a href=/a>Senator Jane Doe</a> and <a href=/b>Representative John \
            Roe</a> said the <a href=/c>Infrastructure Investment Act</a> would pass before \
            <a href=/d>the August recess</a>.</p>";
        let page = format!(
            "<article><h1>Budget</h1>{PROSE}{linked}{PROSE}<p><a href=/x>Read more: the \
             budget in ten charts</a></p></article>"
        );
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(
            text.contains("Senator Jane Doe and Representative"),
            "{text}"
        );
        assert!(!text.contains("ten charts"), "{text}");
    }
}
