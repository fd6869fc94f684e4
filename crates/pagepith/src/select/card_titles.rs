//! Takes back the linked titles of a listing's teaser cards inside the prose container.
//!
//! A news index or a blog's front page is a run of cards: a linked headline, sometimes a
//! short linked line (a category, a byline), then the teaser's own description. The prose
//! container holds the descriptions, and the link-density rule drops each headline. What
//! tells a card's title from a menu entry or a related link is the description right below
//! it, in a template the page repeats: a menu's links are followed by more links.

use std::collections::HashMap;

use super::Decision;
use crate::dom::{Document, Tag};
use crate::segment::{BlockKind, Segmentation};

/// A pattern rather than a pair: the same count as the fallback's repeated linked items.
const MIN_REPEATED_TITLES: usize = 3;

/// A card's title is a few words: the fallback's bound for a linked item
/// (`Tuning::min_linked_item_chars`, balanced).
const MIN_TITLE_CHARS: usize = 20;

/// Unlinked letters below the title that make a description (a sentence) rather than a
/// label or a date. Chosen as a short sentence; not tuned.
const MIN_DESCRIPTION_CHARS: usize = 40;

/// A linked line between the title and its description shorter than this is the card's
/// category or byline (a few words); a longer one is another item. Chosen as a few words;
/// not tuned.
const MAX_BETWEEN_CHARS: usize = 30;

/// Keeps linked headings of the container that head a kept description, when 3+ of them
/// share their element and class. Runs after the teaser-tail rule, so the cards of a related
/// list after the article, whose descriptions that rule dropped, keep their titles dropped.
///
/// Measured on both dev sets, on top of the `aria-hidden` and heading-button rules: wcxb-dev
/// F1 0.85944 -> 0.86013 (R 0.8921 -> 0.8932; listing 0.6862 -> 0.6913, article 0.9519 ->
/// 0.9523, collection 0.6538 -> 0.6554), `with` found 4952 -> 4961, `without` leaked 259 ->
/// 259; scrapinghub 0.97669 -> 0.97680. Taking any linked block with a description below
/// (not only headings) gave wcxb-dev +0.0009 alone but cost scrapinghub 0.0005: linked
/// paragraphs over text are related headlines inside articles as often as titles.
pub fn keep(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let n = seg.blocks.len();
    let titles: Vec<bool> = (0..n)
        .map(|i| {
            let b = &seg.blocks[i];
            if decisions[i] != Decision::LinkHeavy
                || !matches!(b.kind, BlockKind::Heading(_))
                || b.chars < MIN_TITLE_CHARS
            {
                return false;
            }
            let mut next = i + 1;
            if next < n
                && decisions[next] == Decision::LinkHeavy
                && seg.blocks[next].chars < MAX_BETWEEN_CHARS
            {
                next += 1;
            }
            next < n
                && decisions[next] == Decision::Kept
                && seg.blocks[next].kind == BlockKind::Paragraph
                && seg.blocks[next].chars - seg.blocks[next].link_chars >= MIN_DESCRIPTION_CHARS
        })
        .collect();
    let kind = |i: usize| {
        let node = seg.blocks[i].node;
        (doc.tag(node), doc.attr(node, "class").unwrap_or(""))
    };
    let mut kinds: HashMap<(Option<Tag>, &str), usize> = HashMap::new();
    for i in (0..n).filter(|&i| titles[i]) {
        *kinds.entry(kind(i)).or_insert(0) += 1;
    }
    for i in (0..n).filter(|&i| titles[i]) {
        if kinds[&kind(i)] >= MIN_REPEATED_TITLES {
            decisions[i] = Decision::Kept;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text;

    const INTRO: &str = "<p>Stories from our newsroom on the city's schools, its budget and the \
        people who run them, updated every weekday morning by the desk.</p>";

    fn card(n: u32) -> String {
        format!(
            "<div class='card'><h3 class='card-title'><a href='/s{n}'>Headline of the story \
             number {n}</a></h3><p class='card-text'>A description of story {n}, telling \
             readers what the reporting found and why it matters to them.</p></div>"
        )
    }

    /// Guards the rule: linked titles of repeated cards with descriptions stay, a lone linked
    /// heading over text (a single teaser) goes.
    #[test]
    fn repeated_card_titles_over_descriptions_stay() {
        let page = format!(
            "<html><body><div id='main'><h1>City news</h1>{INTRO}{}{}{}{}\
             <h3 class='promo'><a href='/x'>A lone promoted headline here</a></h3>\
             <p>The closing note of the page, a sentence long enough to count.</p>\
             </div></body></html>",
            card(1),
            card(2),
            card(3),
            card(4)
        );
        let text = extracted_text(&page);
        assert!(text.contains("Headline of the story number 2"), "{text}");
        assert!(!text.contains("A lone promoted headline"), "{text}");
    }
}
