//! Other products' cards on a product page: "customers also viewed", "similar items",
//! "complete the look" carousels.
//!
//! Each card is an item of a repeated template (3+ siblings of one element and class) that
//! holds a price line and more (a name, a rating, a delivery cost). The product's own price
//! stands alone in its buy box, not in a repeated item, so its section stays. Structural and
//! language-neutral: a price is a number with a currency sign (three-letter codes read model
//! numbers as prices, see [`drop_price_cards`]), the item a repeated element. Runs on pages of
//! the product kind only: on a shop's category or a listing the cards are the content.

use super::Decision;
use crate::dom::{Document, NodeId};
use crate::segment::Segmentation;

/// How far above a price line its card may start: a card nests its price a few wrappers deep
/// (card > body > price row > price). Six levels reach every card seen on the dev sets'
/// product pages without climbing into the carousel's own wrappers, which are not repeated.
const MAX_CARD_DEPTH: usize = 6;

/// Items of one element and class under one parent that make a repeated template: a pattern
/// rather than a pair, as elsewhere (`repeated_class`, `linked_fields`).
const MIN_ITEMS: usize = 3;

/// Letters a price line may hold besides its amount: room for a unit or a short word
/// around the amount ("per month", "delivery"), not for a sentence.
const MAX_PRICE_LETTERS: usize = 10;

/// Share of the kept letters the cards may hold: beyond it they are the page's content (two
/// listings the page types call products lost most of their recall without this guard,
/// wcxb-dev 0.86263 against 0.86290 with it). Shares 0.3, 0.5 and 0.7 gave the same output on
/// both dev sets, 0.9 let those listings fall again: the majority line.
const MAX_CARD_SHARE: f64 = 0.5;

/// Marks as [`Decision::OtherProduct`] the kept blocks inside cards of other products.
/// Measured on both dev sets in the main-region fallback of product pages, before the core
/// rule: wcxb-dev F1 0.86281 -> 0.86290 (product 0.6228 -> 0.6230, collection 0.6545 ->
/// 0.6562, service 0.8283 -> 0.8280), `without` leaked 221 unchanged, scrapinghub unchanged.
/// After the core rule instead 0.86285 (collection 0.6555); in the prose container's path
/// too, no page changed. A three-letter currency code (`EUR 12.00`) as a price marker took
/// spec tables' model numbers (`PX7 3300`) for prices: product 0.6230 -> 0.6173.
pub(super) fn drop_price_cards(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let mut cards: Vec<NodeId> = Vec::new();
    for (b, _) in seg
        .blocks
        .iter()
        .zip(decisions.iter())
        .filter(|(b, d)| **d == Decision::Kept && is_price_line(&b.text))
    {
        let card = card_of(doc, b.node);
        // A card holds more than its price: a bare list of prices (a quantity table) is the
        // product's own.
        if let Some(card) =
            card.filter(|c| seg.node_chars[c.index()] as usize > b.chars && !cards.contains(c))
        {
            cards.push(card);
        }
    }
    if cards.is_empty() {
        return;
    }
    // Cards that hold most of the kept text are the page's content: a shop's category or a
    // listing the page types call a product.
    super::relabel_kept_minority(
        seg,
        decisions,
        MAX_CARD_SHARE,
        |b| cards.iter().any(|&c| doc.is_within(b.node, c)),
        Decision::OtherProduct,
    );
}

/// The repeated item (a card) that holds the block at `node`, within [`MAX_CARD_DEPTH`] levels.
pub(super) fn card_of(doc: &Document, node: NodeId) -> Option<NodeId> {
    std::iter::once(node)
        .chain(doc.ancestors(node))
        .take(MAX_CARD_DEPTH)
        .find(|&a| is_repeated_item(doc, a))
}

/// Whether `text` is a price line: a number with a currency sign, and few other letters.
pub(super) fn is_price_line(text: &str) -> bool {
    let text = text.trim();
    if text.len() > 40 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    text.chars().any(is_currency_sign)
        && text.chars().filter(|c| c.is_alphabetic()).count() <= MAX_PRICE_LETTERS
}

/// Currency signs: the dollar, cent, pound, generic and yen signs of Latin-1 and the Unicode
/// block of currency symbols (euro, rupee, won, rouble, lira, shekel…).
fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '¢' | '£' | '¤' | '¥' | '\u{20A0}'..='\u{20CF}')
}

/// Whether `id` is one of 3+ siblings of the same element and class.
fn is_repeated_item(doc: &Document, id: NodeId) -> bool {
    let Some(class) = doc.attr(id, "class").filter(|c| !c.trim().is_empty()) else {
        return false;
    };
    let Some(parent) = doc.parent(id) else {
        return false;
    };
    let tag = doc.tag(id);
    doc.children(parent)
        .filter(|&s| doc.tag(s) == tag && doc.attr(s, "class") == Some(class))
        .take(MIN_ITEMS)
        .count()
        >= MIN_ITEMS
}

#[cfg(test)]
mod tests {
    use super::{drop_price_cards, is_price_line, Decision};
    use crate::dom::{parse, ParseLimits};
    use crate::segment::segment;

    /// Guards what reads as a price: a sign or a code with an amount, few words around it.
    #[test]
    fn price_lines() {
        for yes in ["$6.49", "+ $14.20 delivery", "12,50 €", "₹ 1,299"] {
            assert!(is_price_line(yes), "{yes}");
        }
        for no in [
            "Free delivery on orders over $50 to most of the country",
            "Size 10",
            "EUR",
            "PX7 3300",
            "$",
        ] {
            assert!(!is_price_line(no), "{no}");
        }
    }

    /// Guards the rule: the repeated cards of other products, each with a name and a price,
    /// leave; the product's own price (alone in its buy box) and its description stay.
    #[test]
    fn other_products_cards_leave() {
        let about = "<p>A folding chair of oiled beech with a woven seat of paper cord, made \
            in a small workshop by the river. It folds flat to four centimetres and hangs on a \
            hook, and the seat takes a grown person's weight for years of garden dinners.</p>";
        let cards: String = (1..=4)
            .map(|n| {
                format!(
                    "<div class=card><div class=body><h3>Stool number {n} in ash</h3>\
                     <div class=price>${n}9.00</div></div></div>"
                )
            })
            .collect();
        let html = format!(
            "<body><div><h1>Garden chair</h1><div class=buy>$120.00</div>{about}</div>\
             <div class=row>{cards}</div></body>"
        );
        let doc = parse(&html, &ParseLimits::default()).unwrap();
        let seg = segment(&doc);
        let mut decisions = vec![Decision::Kept; seg.blocks.len()];
        drop_price_cards(&doc, &seg, &mut decisions);
        for (b, d) in seg.blocks.iter().zip(&decisions) {
            let card = b.text.contains("Stool") || b.text.ends_with("9.00");
            let want = if card {
                Decision::OtherProduct
            } else {
                Decision::Kept
            };
            assert_eq!(*d, want, "{}", b.text);
        }
    }

    /// Guards the share: cards that hold most of the kept text are the page's content (a
    /// category page typed as a product), and stay.
    #[test]
    fn cards_holding_most_of_the_text_stay() {
        let cards: String = (1..=4)
            .map(|n| {
                format!("<div class=card><h3>Stool number {n} in ash</h3><div>${n}9.00</div></div>")
            })
            .collect();
        let html = format!("<body><h1>Stools</h1><p>Four stools.</p><div>{cards}</div></body>");
        let doc = parse(&html, &ParseLimits::default()).unwrap();
        let seg = segment(&doc);
        let mut decisions = vec![Decision::Kept; seg.blocks.len()];
        drop_price_cards(&doc, &seg, &mut decisions);
        assert!(
            decisions.iter().all(|d| *d == Decision::Kept),
            "{decisions:?}"
        );
    }
}
