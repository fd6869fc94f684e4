//! Takes back the linked field of a repeated item: a ranking's product name, a table row's
//! linked title, a card's linked author between its kept rank and score.
//!
//! The link-density rule drops a fully linked short block, and the fallback takes a linked
//! block back only when it is long enough to be an item's title. A short linked name that
//! sits between two kept blocks of its own item, in a template the page repeats, is a field
//! of that item: a menu's links stand next to other links, not between kept text.

use std::collections::HashMap;

use super::Decision;
use crate::dom::{Document, Tag};
use crate::segment::Segmentation;

/// A pattern rather than a pair: the same count as the fallback's repeated linked items.
const MIN_REPEATED_FIELDS: usize = 3;

/// Keeps link-heavy blocks whose neighbours on both sides are kept, when 3+ such blocks with
/// distinct texts share their element and class. Used in the main-region fallback only (the
/// listings, collections and service pages); measured on both dev sets, with the same-kind
/// parts rule on: wcxb-dev F1 0.8503 -> 0.8523 (R +0.003, listing 0.637 -> 0.659, collection
/// 0.615 -> 0.620, product 0.588 -> 0.587), scrapinghub unchanged, `without` leaked 254 ->
/// 258. Without the distinct-text condition `without` leaked 269 (buttons: "Add to cart",
/// "Learn more", "Reply With Quote"); applied inside the prose container as well, wcxb-dev
/// 0.8542 but scrapinghub 0.9649 -> 0.9646 — there a linked line between paragraphs is a
/// related headline as often as a field. Also requiring every text of the kind to be distinct
/// (a button slot with one odd label out) leaked 2 fewer but cost wcxb-dev 0.0005 (listing
/// 0.659 -> 0.653).
pub fn keep(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let n = seg.blocks.len();
    let sandwiched = |i: usize, d: &[Decision]| {
        d[i] == Decision::LinkHeavy
            && i > 0
            && i + 1 < n
            && d[i - 1] == Decision::Kept
            && d[i + 1] == Decision::Kept
    };
    let kind = |i: usize| {
        let node = seg.blocks[i].node;
        (doc.tag(node), doc.attr(node, "class").unwrap_or(""))
    };
    // A field names its own item, so its text differs from item to item; a call to action
    // ("Learn more", "Add to cart", "Reply") repeats the same words in every one.
    let mut texts: HashMap<(Option<Tag>, &str, &str), usize> = HashMap::new();
    for i in 0..n {
        if sandwiched(i, decisions) {
            let (t, c) = kind(i);
            *texts.entry((t, c, seg.blocks[i].text.trim())).or_insert(0) += 1;
        }
    }
    let distinct = |i: usize| {
        let (t, c) = kind(i);
        texts[&(t, c, seg.blocks[i].text.trim())] == 1
    };
    let mut kinds: HashMap<(Option<Tag>, &str), usize> = HashMap::new();
    for i in 0..n {
        if sandwiched(i, decisions) && distinct(i) {
            *kinds.entry(kind(i)).or_insert(0) += 1;
        }
    }
    let keep: Vec<usize> = (0..n)
        .filter(|&i| {
            sandwiched(i, decisions) && distinct(i) && kinds[&kind(i)] >= MIN_REPEATED_FIELDS
        })
        .collect();
    for i in keep {
        decisions[i] = Decision::Kept;
    }
}

#[cfg(test)]
mod tests {
    use crate::Config;

    /// Guards the rule: a ranking's short linked names, each between its kept rank and score,
    /// stay in a listing, while the "Learn more" button every row repeats is still dropped.
    #[test]
    fn a_rankings_linked_names_are_kept_and_its_buttons_dropped() {
        let names = [
            "Alpha Widget",
            "Beta Gadget",
            "Gamma Tool",
            "Delta Kit",
            "Epsilon Box",
        ];
        let rows: String = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                format!(
                    "<div class=row><div class=rank>{}.</div><div class=name><a href=/p{i}>\
                     {name}</a></div><div class=score>9.{i} points</div><div class=cta>\
                     <a href=/p{i}/more>Learn more</a></div></div>",
                    i + 1
                )
            })
            .collect();
        let page = format!("<html><body><h1>Top widgets</h1>{rows}</body></html>");
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        for name in names {
            assert!(text.contains(name), "{name} missing: {text}");
        }
        assert!(!text.contains("Learn more"), "{text}");
    }
}
