//! The purchase box of a product page: the product's own price and the short lines set around
//! it ("Save 15 %", "pay in three instalments", "Ships tomorrow", "Low stock").
//!
//! On a page selling one thing the description and the specifications are the content; the
//! figure to pay and the widget built around it are the shop's. A price line (as
//! [`super::price_cards`] reads one: a number with a currency sign and few letters) that sits in
//! no repeated card is the product's own: other products' prices sit in cards, and a category's
//! prices in the grid that is its content. The lines beside it that are shorter than a phrase
//! belong to the same box: instalment plans, savings, stock and delivery notes. Structural and
//! language-neutral: a currency sign, block order and letter counts. Runs on pages of the product
//! kind only, in the main-region fallback.

use super::price_cards::{card_of, is_price_line};
use super::Decision;
use crate::dom::Document;
use crate::segment::{BlockKind, Segmentation};

/// Letters (and digits) under which a kept block beside the price is a line of the purchase
/// box rather than the description: a label or a note, not a phrase. Measured on both dev sets
/// (on top of the price rule, with three lines each way): 12 / 15 / 20 letters gave wcxb-dev F1
/// 0.87233 / 0.87234 / 0.87236 (product 0.63656 / 0.63675 / 0.63725); a replay of the rule on
/// the saved blocks put 25 and 30 letters below 20 (one product page's gold keeps its
/// 25-letter stock and delivery lines: product −0.0009 and −0.0020 against 20).
const MAX_BOX_LINE_LETTERS: usize = 20;

/// Kept blocks taken on each side of the price: a box holds a few lines (a former price, a
/// saving, an instalment plan), and the walk stops earlier at a heading or a longer block.
/// Measured with 20 letters: two lines each way gave wcxb-dev F1 0.87234 (product 0.63689),
/// three 0.87236 (0.63725); the replay gave four no more than three.
const MAX_BOX_LINES: usize = 3;

/// Marks as [`Decision::BuyBox`] the product's own price lines (price lines outside any
/// repeated card) and up to [`MAX_BOX_LINES`] short kept blocks on each side of each.
///
/// Measured on both dev sets, region fallback of product pages, before the card rule (so that
/// the box does not weigh in the cards' share): the price lines alone moved wcxb-dev F1
/// 0.87163 -> 0.87197 (product 0.62378 -> 0.62992, collection 0.69073 -> 0.69096; `with`
/// found 5011 -> 5010, `without` leaked 205 -> 204); the lines beside them, on top of the price
/// and review rules, 0.87227 -> 0.87236 (product 0.63526 -> 0.63725; `with` 5010 -> 5009,
/// leaked 204 -> 203). Scrapinghub 0.97839 throughout (no page of it is typed product). On
/// typed product pages 297 of the 322 kept price lines were not in the gold; on category
/// pages about half are, page by page all or none, so the rule stays on product pages.
pub(super) fn drop_buy_box(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    // One list per product page that takes the fallback, of its own price lines only.
    let mut prices: Vec<usize> = Vec::new();
    for (i, (b, d)) in seg.blocks.iter().zip(decisions.iter_mut()).enumerate() {
        if *d == Decision::Kept && is_price_line(&b.text) && card_of(doc, b.node).is_none() {
            *d = Decision::BuyBox;
            prices.push(i);
        }
    }
    for &price in &prices {
        mark_box_lines(seg, decisions, price + 1..decisions.len());
        mark_box_lines(seg, decisions, (0..price).rev());
    }
}

/// Walks `order` (block indices going away from a price line) over the kept blocks, marking
/// short ones until [`MAX_BOX_LINES`] are marked or a heading or a longer block ends the box.
fn mark_box_lines(
    seg: &Segmentation,
    decisions: &mut [Decision],
    order: impl Iterator<Item = usize>,
) {
    let mut marked = 0;
    for i in order {
        if decisions[i] != Decision::Kept {
            continue;
        }
        let b = &seg.blocks[i];
        if b.chars >= MAX_BOX_LINE_LETTERS || matches!(b.kind, BlockKind::Heading(_)) {
            return;
        }
        decisions[i] = Decision::BuyBox;
        marked += 1;
        if marked == MAX_BOX_LINES {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{drop_buy_box, Decision};
    use crate::dom::{parse, ParseLimits};
    use crate::segment::segment;

    /// Decisions of [`drop_buy_box`] on `html` with every block kept, by block text.
    fn boxed(html: &str) -> Vec<(String, bool)> {
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let seg = segment(&doc);
        let mut decisions = vec![Decision::Kept; seg.blocks.len()];
        drop_buy_box(&doc, &seg, &mut decisions);
        seg.blocks
            .iter()
            .zip(&decisions)
            .map(|(b, d)| (b.text.trim().to_string(), *d == Decision::BuyBox))
            .collect()
    }

    const ABOUT: &str = "<p>A folding chair of oiled beech with a woven seat of paper cord, \
        made in a small workshop by the river; it folds flat and hangs on a hook.</p>";

    /// Guards the rule: the product's own price and the short lines beside it (a saving, an
    /// instalment plan, a stock note) go; the description after them and the name stay.
    #[test]
    fn own_price_and_its_short_lines_go() {
        let html = format!(
            "<body><h1>Garden chair</h1><div class=buy><div>$120.00</div><div>Save $30</div>\
             <div>or 4 payments</div><div>In stock</div></div>{ABOUT}</body>"
        );
        for (text, boxed) in boxed(&html) {
            let want = !(text.contains("Garden") || text.contains("beech"));
            assert_eq!(boxed, want, "{text}");
        }
    }

    /// Guards the walk's ends: a heading stops it, and so does a line of 20+ letters, so a
    /// short specification after the description's heading stays.
    #[test]
    fn the_box_ends_at_a_heading_or_a_longer_line() {
        let html = "<body><div>Was $150.00</div><div>$120.00</div><h2>Details</h2>\
            <div>Beech</div><div>Ships within two working days</div><div>Oak</div></body>";
        for (text, boxed) in boxed(html) {
            assert_eq!(boxed, text.contains('$'), "{text}");
        }
    }

    /// Guards the cards exemption: prices inside a repeated template (a category's grid, other
    /// products' cards) are not the product's own and start no box.
    #[test]
    fn prices_in_repeated_cards_are_not_the_own_price() {
        let cards: String = (1..=4)
            .map(|n| format!("<div class=card><h3>Stool {n}</h3><div>${n}9.00</div></div>"))
            .collect();
        let html = format!("<body>{ABOUT}<div>{cards}</div></body>");
        assert!(boxed(&html).iter().all(|(_, boxed)| !boxed));
    }
}
