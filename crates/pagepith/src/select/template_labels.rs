//! The fixed words of a repeated item template: a card's "Add to basket" or "Zoom in" button, a
//! "Staff pick" badge on some cards, a spec label ("Width:") before each value.
//!
//! A listing's cards share one template, and the template's own words are the same in every
//! card, while a card's content (its title, price, description) differs from card to card.
//! The region fallback keeps every short unlinked block of the cards; here a short block whose
//! element and class recur 3+ times among the kept blocks, every time with the same text, is
//! read as the template's wording and dropped. A structural test that holds in any language.

use std::collections::HashMap;

use super::Decision;
use crate::dom::{Document, Tag};
use crate::segment::{Segmentation, TextBlock};

/// A pattern rather than a pair: the count the other repeated-item rules use.
const MIN_REPEATS: usize = 3;

/// Letters and digits of a block that can be a template's wording: a button's, a badge's or a
/// label's few words, up to a short line ("Free delivery on orders over 50 euros"). Measured
/// in the region fallback on both dev sets at 15 / 25 / 40 / 60 / no limit: wcxb-dev F1
/// 0.86327 / 0.86323 / 0.86341 / 0.86362 / 0.86366 (from 0.86245; collection 0.6707 /
/// 0.6714 / 0.6717 / 0.6717 / 0.6708), scrapinghub 0.97753 at each; 60 keeps the rule to
/// short lines for the same gain.
const MAX_LABEL_CHARS: usize = 60;

/// Marks as [`Decision::RepeatedLabel`] the kept blocks of at most [`MAX_LABEL_CHARS`]
/// letters whose element and class recur on 3+ kept blocks that all hold the same text.
pub fn drop_template_labels(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let kind = |b: &TextBlock| (doc.tag(b.node), doc.attr(b.node, "class").unwrap_or(""));
    // Per kind: how many kept blocks, and the text they share (None once two differ or one is
    // long). Texts are compared trimmed, as the blocks hold them: no copy per block.
    let mut kinds: HashMap<Kind, (usize, Option<&str>)> = HashMap::new();
    for (b, _) in seg
        .blocks
        .iter()
        .zip(decisions.iter())
        .filter(|(_, d)| **d == Decision::Kept)
    {
        let text = b.text.trim();
        let entry = kinds.entry(kind(b)).or_insert((0, Some(text)));
        entry.0 += 1;
        if entry.1 != Some(text) || b.chars > MAX_LABEL_CHARS {
            entry.1 = None;
        }
    }
    let is_label = |b: &TextBlock| {
        kinds
            .get(&kind(b))
            .is_some_and(|&(n, text)| n >= MIN_REPEATS && text.is_some())
    };
    // A template's fixed words sit among its varying fields: when the repeated text is half or
    // more of what the page keeps (a page of one line said over and over), it is the page's
    // text, not a template's, and stays. (A guard for such pages, not a measured threshold: on
    // both dev sets the labels dropped are never near half of a page's kept letters.)
    super::relabel_kept_minority(seg, decisions, 0.5, is_label, Decision::RepeatedLabel);
}

/// A block's element and class: what the blocks of one template share.
type Kind<'a> = (Option<Tag>, &'a str);

#[cfg(test)]
mod tests {
    use crate::select::extracted_text as text_of;

    /// Guards the rule: a button every card repeats in one element and class goes, while the
    /// cards' titles and prices, which differ from card to card, stay; a badge class whose
    /// texts differ ("Winner", "Finalist") is content and stays too.
    #[test]
    fn a_templates_fixed_words_go_and_its_fields_stay() {
        let cards: String = ["Oak desk", "Pine shelf", "Birch chair", "Elm table"]
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let badge = if i % 2 == 0 { "Winner" } else { "Finalist" };
                format!(
                    "<div class=card><h3 class=name>{name}</h3><div class=badge>{badge}</div>\
                     <div class=price>{i}49 euros</div><div class=cta>Add to basket</div></div>"
                )
            })
            .collect();
        let page = format!("<html><body><h1>Furniture</h1>{cards}</body></html>");
        let text = text_of(&page);
        assert!(text.contains("Birch chair"), "{text}");
        assert!(text.contains("249 euros"), "{text}");
        assert!(text.contains("Finalist"), "{text}");
        assert!(!text.contains("Add to basket"), "{text}");
    }

    /// Guards the share test: a page that is one short line repeated keeps it, since nothing
    /// else is there for it to be the template of.
    #[test]
    fn a_page_of_one_repeated_line_keeps_it() {
        let page = format!(
            "<html><body>{}</body></html>",
            "<p>sibling line</p>".repeat(50)
        );
        assert!(text_of(&page).contains("sibling line"));
    }
}
