//! The linked fields of cards that are not list items.
//!
//! A listing or a front page repeats one card template: a box (`<article>`, `<div>`) per
//! item, holding a linked title, a linked byline or category, and text of its own (a
//! summary, a date, a price). The title and the byline are link-heavy and the link rule drops
//! them; `linked_items::keep_card_entries` takes them back when the cards are `<li>`s and
//! `keep_short_titles` when the title is a heading, but a title set as a linked `<header>` or
//! `<div>`, or a byline line after the summary, falls through both.
//!
//! A dropped linked block is a card's field when its card — its nearest ancestor (within
//! [`MAX_CARD_LEVELS`]) that also holds a kept block — is one of three or more such cards of
//! one element and class under one parent, or its card's parent is ([`keep_card_fields`]). A
//! menu's or a rail's entries sit in boxes none of whose blocks are kept, so they have no
//! card; a button every card repeats is left out by its text.

use std::collections::HashMap;

use super::Decision;
use crate::dom::{Document, NodeId, Tag};
use crate::segment::Segmentation;

/// Levels above a linked block at which its card may sit. Not tuned on its own: measured at
/// 2 / 3 / 4 / 6 (both paths, fields followed by kept text) wcxb-dev F1 moved by 0.00002 at most;
/// a card's title sits in one to three boxes of its own (`<article><header><h2><a>`).
const MAX_CARD_LEVELS: usize = 4;

/// Levels below the card at which its kept block may sit. Measured at 3 / 6 / 10 (same run
/// as above): 3 lost a forum's and a docs page's fields, 10 changed nothing more.
const MAX_KEPT_LEVELS: usize = 6;

/// Cards of one template: the count of the fallback's repeated linked items
/// (`linked_items::MIN_REPEATED`). Measured at 2 and 4: wcxb-dev F1 within 0.00001.
const MIN_CARDS: usize = 3;

/// Words that every field of one slot opens with (a word shared in part counts), from
/// which the slot is a button's or an offer's wording ("Read the full review of …",
/// "Buy it now at …"), not a title or a byline (whose shared opening is one word, "By", when
/// the cards have more than one author). Measured on wcxb-dev (prose container): closing
/// fields on every page type without the test F1 0.88886 (buying guides' buttons come back),
/// no closing fields 0.88887, closing fields off articles with the test (2 words) 0.88896.
const MIN_TEMPLATE_WORDS: usize = 2;

/// Whether `id` is `ancestor` or lies at most `levels` below it.
fn within(doc: &Document, id: NodeId, ancestor: NodeId, levels: usize) -> bool {
    id == ancestor || doc.ancestors(id).take(levels).any(|a| a == ancestor)
}

/// A template: the card's parent, element and class (a slot leaves the parent out).
type Key<'d> = (Option<NodeId>, Option<Tag>, &'d str);

fn key_of(doc: &Document, card: NodeId) -> Key<'_> {
    (
        doc.parent(card),
        doc.tag(card),
        doc.attr(card, "class").unwrap_or(""),
    )
}

/// The element and class of a field's block: its slot in the card, wherever the card is.
fn slot_of<'d>(doc: &'d Document, block: usize, seg: &Segmentation) -> Key<'d> {
    let node = seg.blocks[block].node;
    (None, doc.tag(node), doc.attr(node, "class").unwrap_or(""))
}

/// A dropped linked block with a card.
struct Field<'d> {
    block: usize,
    /// Its card and the card's parent, each read as one of a template's cards: a card's
    /// inner box (`<li class=item><div class=body>`) is one per card, the repeated box is
    /// its parent.
    cards: [(NodeId, Key<'d>); 2],
    /// The card holds a kept block after it: the field heads or sits inside the card's text
    /// (a title, a byline over the summary), where a button closes it.
    inner: bool,
}

/// Keeps link-heavy blocks that are fields of a repeated card (see the module docs): those
/// with kept text of their card after them on every page, and with `closing` also those
/// that close their card (a byline or a date line after the summary), unless all the fields
/// of the template open with the same [`MIN_TEMPLATE_WORDS`] words. `closing` is for pages
/// not typed article: a buying guide's product cards close with buttons and offers whose
/// wording varies with the product ("Buy it at <shop>") and that the gold leaves out.
///
/// Runs last in the prose container path, after the tail rules, so a related-stories grid
/// they dropped holds no kept block. Measured on both dev sets: wcxb-dev F1 0.88872 ->
/// 0.88896 (collection +0.0012, listing +0.0014, documentation +0.0002, article +0.0001),
/// `with` by words unchanged, `without` leaked 204 -> 205; scrapinghub 0.98108 -> 0.98107.
/// See BENCHMARKS.md (session 15, linkheavy15) for the variants.
pub fn keep_card_fields(
    doc: &Document,
    seg: &Segmentation,
    decisions: &mut [Decision],
    closing: bool,
) {
    if !decisions.contains(&Decision::LinkHeavy) || !decisions.contains(&Decision::Kept) {
        return;
    }
    let n = seg.blocks.len();
    // NOTE: a subtree's blocks are consecutive, so an element that holds the block `i` and a
    // kept block holds the nearest kept block before `i` or the nearest after it.
    let mut next_kept = vec![None; n];
    let mut next = None;
    for i in (0..n).rev() {
        next_kept[i] = next;
        if decisions[i] == Decision::Kept {
            next = Some(i);
        }
    }
    let holds = |a: NodeId, k: Option<usize>| {
        k.is_some_and(|k| within(doc, seg.blocks[k].node, a, MAX_KEPT_LEVELS))
    };
    let mut fields: Vec<Field<'_>> = Vec::new();
    let mut prev = None;
    for i in 0..n {
        if decisions[i] == Decision::Kept {
            prev = Some(i);
            continue;
        }
        if decisions[i] != Decision::LinkHeavy || seg.blocks[i].chars == 0 {
            continue;
        }
        let node = seg.blocks[i].node;
        let Some(card) = std::iter::once(node)
            .chain(doc.ancestors(node))
            .take(MAX_CARD_LEVELS + 1)
            .find(|&a| holds(a, prev) || holds(a, next_kept[i]))
        else {
            continue;
        };
        let inner = holds(card, next_kept[i]);
        if !inner && !closing {
            continue;
        }
        let Some(outer) = doc.parent(card) else {
            continue;
        };
        fields.push(Field {
            block: i,
            cards: [(card, key_of(doc, card)), (outer, key_of(doc, outer))],
            inner,
        });
    }
    if fields.len() < MIN_CARDS {
        return;
    }
    // Per text: how many fields hold it; per template: its last card and how many cards it
    // has (a card's fields are consecutive, so each card is counted once); per slot (a
    // template's field of one element and class): the opening its fields share.
    let mut texts: HashMap<&str, usize> = HashMap::new();
    let mut templates: HashMap<Key<'_>, (NodeId, usize)> = HashMap::new();
    let mut openings: HashMap<(Key<'_>, Key<'_>), &str> = HashMap::new();
    for f in &fields {
        let text = seg.blocks[f.block].text.trim();
        *texts.entry(text).or_insert(0) += 1;
        let slot = slot_of(doc, f.block, seg);
        for &(card, key) in &f.cards {
            let t = templates.entry(key).or_insert((card, 0));
            if t.1 == 0 || t.0 != card {
                *t = (card, t.1 + 1);
            }
            let opening = openings.entry((key, slot)).or_insert(text);
            let shared = opening
                .char_indices()
                .zip(text.chars())
                .find(|((_, a), b)| a != b)
                .map_or(opening.len().min(text.len()), |((at, _), _)| at);
            *opening = &opening[..shared];
        }
    }
    for f in &fields {
        if texts[seg.blocks[f.block].text.trim()] != 1 {
            continue;
        }
        let slot = slot_of(doc, f.block, seg);
        let card_field = f.cards.iter().any(|&(_, key)| {
            templates[&key].1 >= MIN_CARDS
                && (f.inner
                    || openings[&(key, slot)].split_whitespace().count() < MIN_TEMPLATE_WORDS)
        });
        if card_field {
            decisions[f.block] = Decision::Kept;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text;

    const INTRO: &str = "<p>Notes from the allotment society on its plots, its shed and the \
        people who keep them, written up every week by the members on duty.</p>";

    /// A card built as an `<article>`: a title that is a link in a `<header>` (no heading),
    /// its own summary, and a closing line of `closing`.
    fn card(n: u32, closing: &str) -> String {
        format!(
            "<article class='entry'><header><a href='/n{n}'>Report {n} on the state of the \
             plots</a></header><p>The summary of report {n}, telling members what was sown, \
             what failed and what comes next on the plots.</p>{closing}</article>"
        )
    }

    fn page(cards: &str) -> String {
        format!(
            "<html><body><div id='main'><h1>Society notes</h1>{INTRO}{cards}</div><div \
             class='links'><div><a href='/a'>About the society</a></div><div><a \
             href='/b'>Plot waiting list</a></div><div><a href='/c'>Contact the \
             secretary</a></div></div></body></html>"
        )
    }

    /// Guards the rule: the linked titles of repeated `<article>` cards (set in a `<header>`,
    /// not a heading) stay with their summaries; a box of links none of whose entries is kept
    /// has no card and stays dropped.
    #[test]
    fn linked_titles_of_repeated_cards_are_kept() {
        let cards: String = (1..=4).map(|n| card(n, "")).collect();
        let text = extracted_text(&page(&cards));
        assert!(
            text.contains("Report 2 on the state of the plots"),
            "{text}"
        );
        assert!(text.contains("The summary of report 3"), "{text}");
        assert!(!text.contains("Plot waiting list"), "{text}");
    }

    /// Guards the closing fields: a linked byline after each card's summary stays when the
    /// bylines differ past their first word, while a button whose wording every card repeats
    /// around the item's name ("Order the seeds of …") is left out, and so is a link whose
    /// text every card repeats.
    #[test]
    fn closing_bylines_are_kept_and_templated_buttons_left_out() {
        let writers = ["Ada Moss", "Ben Reed", "Cleo Vine", "Dan Ash"];
        let bylined: String = (1..=4)
            .map(|n| {
                let w = writers[n as usize - 1];
                card(
                    n,
                    &format!("<div class='by'>By <a href='/w{n}'>{w}</a></div>"),
                )
            })
            .collect();
        let text = extracted_text(&page(&bylined));
        assert!(text.contains("Cleo Vine"), "{text}");
        let buttons: String = (1..=4)
            .map(|n| {
                card(
                    n,
                    &format!(
                        "<div class='buy'><a href='/s{n}'>Order the seeds of plot {n}</a></div>\
                         <div class='more'><a href='/m'>Read more</a></div>"
                    ),
                )
            })
            .collect();
        let text = extracted_text(&page(&buttons));
        assert!(
            text.contains("Report 2 on the state of the plots"),
            "{text}"
        );
        assert!(!text.contains("Order the seeds"), "{text}");
        assert!(!text.contains("Read more"), "{text}");
    }
}
