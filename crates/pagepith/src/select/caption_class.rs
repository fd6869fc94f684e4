//! Captions that the markup names but does not tag.
//!
//! `<figcaption>` and `<caption>` make a block a caption in segmentation. Many templates write
//! a photo's caption and credit in plain `<div>`s or `<p>`s named for the job instead
//! (`wp-caption-text`, `caption-full`, `image-caption`), often twice (a slideshow's inline
//! caption and its overlay copy). Class names are the template author's vocabulary, written
//! in English whatever the page's language, as with the class words the prune stage reads.

use super::Decision;
use crate::dom::{Document, NodeId};
use crate::segment::Segmentation;

/// Turns kept blocks that the markup names captions into captions. Applied to the prose
/// container's blocks only: in the main-region fallback (listings, product grids) Bootstrap's
/// `.caption` and its kin hold each card's text, and there the rule cost wcxb-dev 0.8499 ->
/// 0.8484 (collection 0.615 -> 0.608, listing 0.637 -> 0.630).
pub fn mark_named_captions(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d == Decision::Kept && is_named_caption(doc, b.node) {
            *d = Decision::Caption;
        }
    }
}

/// How many elements, from the block's own upwards, may carry the name. A caption's name sits
/// on its own element or its wrapper (`div.caption > div.caption-full`, `div.captionlink >
/// p.open`); further up a class like `has-caption` names a whole article section. Measured
/// 1 / 3 / 5 levels: scrapinghub F1 0.9677 / 0.9684 / 0.9684 (from 0.9643), wcxb-dev 0.8499
/// at each (from 0.8497); 3 is the smallest that reaches the wrapper's name.
const MAX_LEVELS: usize = 3;

/// Whether the block at `node` sits in an element whose class names it a caption.
pub fn is_named_caption(doc: &Document, node: NodeId) -> bool {
    std::iter::once(node)
        .chain(doc.ancestors(node))
        .take(MAX_LEVELS)
        .any(|n| doc.attr(n, "class").is_some_and(names_caption))
}

/// Whether a class holds `caption` anywhere (`wp-caption-text`, `imageCaption`) or `credit`
/// as a whole word (`photo-credit`, `image__credit`): a photo's credit line, which templates
/// set apart from its caption; whole, so `credits` (a film's cast list) is not one. The credit
/// word measured on both dev sets: scrapinghub F1 0.97344 -> 0.97380, wcxb-dev unchanged
/// (0.85496).
fn names_caption(class: &str) -> bool {
    const CAPTION: &[u8] = b"caption";
    const CREDIT: &[u8] = b"credit";
    let bytes = class.as_bytes();
    let is_word_char = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    // NOTE: runs on every kept block's element and two ancestors; testing the first letter
    // before the words keeps it to about one comparison per byte of the class.
    (0..bytes.len()).any(|i| {
        if bytes[i] | 0x20 != b'c' {
            return false;
        }
        let rest = &bytes[i..];
        let starts = |w: &[u8]| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w);
        starts(CAPTION)
            || (starts(CREDIT)
                && (i == 0 || !is_word_char(i - 1))
                && !is_word_char(i + CREDIT.len()))
    })
}

#[cfg(test)]
mod tests {
    use crate::Config;

    const PROSE: &str = "<p>The council voted on Tuesday to close the old bridge for repairs, \
        and the work, which will take a year, starts in the spring after the last frost.</p>";

    /// Guards the rule: a caption in a plain `<div>` named `caption` leaves the body for the
    /// captions field, while the prose around it stays.
    #[test]
    fn a_div_named_caption_is_a_caption() {
        let page = format!(
            "<article><h1>Bridge</h1>{PROSE}<div class=\"wp-caption\"><img src=a.jpg>\
             <p class=\"wp-caption-text\">The old bridge seen from the east bank at dawn \
             last week.</p></div>{PROSE}</article>"
        );
        let article = crate::extract(page.as_bytes(), &Config::default()).unwrap();
        let text = article.text();
        assert!(text.contains("close the old bridge"), "{text}");
        assert!(!text.contains("east bank"), "{text}");
        assert!(article.captions.iter().any(|c| c.contains("east bank")));
    }

    /// Guards the level limit: a class far above the block (a section that has captions
    /// somewhere) does not make its prose a caption.
    #[test]
    fn a_distant_class_does_not_make_prose_a_caption() {
        let page = format!(
            "<article><h1>Bridge</h1><div class=\"has-captions\"><section><div>\
             {PROSE}</div></section></div></article>"
        );
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("close the old bridge"), "{text}");
    }

    /// Guards the credit word: a photo credit in a `<div>` named `credit` leaves the body.
    #[test]
    fn a_div_named_credit_is_a_caption() {
        let page = format!(
            "<article><h1>Bridge</h1>{PROSE}<div class=\"media\"><img src=a.jpg>\
             <div class=\"image-credit\">Photo: Ann Example for the Weekly Post</div></div>\
             {PROSE}</article>"
        );
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("close the old bridge"), "{text}");
        assert!(!text.contains("Ann Example"), "{text}");
    }
}
