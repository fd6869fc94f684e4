//! Takes back the linked parts of a listing's items that the link-density rule dropped and
//! the repeated-items rules did not reach.
//!
//! The main-region fallback keeps a linked block as an item when 3+ linked blocks of 20+
//! letters share its element and class; the prose container keeps linked card titles over a
//! description of 40+ letters (`card_titles`). What falls through:
//!
//! - a featured card's title: the first card or two of an index set larger, in the same
//!   template with a size modifier in its class (`teaser-name teaser-name--xl` beside the
//!   grid's `teaser-name`) or one heading level up (`h3.teaser-name` over the grid's
//!   `h5.teaser-name`), so it is alone of its element and class ([`keep_featured_titles`]);
//! - short titles (a repository's `owner / name`, a product's two-word name, a listicle's
//!   numbered linked section headings) over their card's own unlinked text
//!   ([`keep_short_titles`]);
//! - the linked fields of cards built as list items whose other lines are kept (a product's
//!   linked name and rating in an `<li>` card beside its kept price; [`keep_card_entries`]);
//! - on an index page, tiles that are one link around an image and a short name (category
//!   tiles; [`keep_image_tiles`]).
//!
//! What tells each from a menu or a related-links box is the template around it: a menu's
//! entries are followed by more links, not by their own kept text, and sit in lists none of
//! whose entries are kept.

use std::collections::HashMap;

use super::Decision;
use crate::dom::{Document, NodeId, Tag};
use crate::segment::{BlockKind, Segmentation, TextBlock};

/// A pattern rather than a pair: the same count as the fallback's repeated linked items.
pub(super) const MIN_REPEATED: usize = 3;

/// A featured card's title is a few words: the fallback's bound for a linked item
/// (`Tuning::min_linked_item_chars`, balanced), so a short menu heading never counts.
const MIN_TITLE_CHARS: usize = 20;

/// Share of a title's letters inside links: past the fallback's item line
/// (`Tuning::min_item_link_density`, balanced), so a half-linked teaser is no title here.
const MIN_TITLE_LINK_DENSITY: f64 = 0.5;

fn linked_heading(b: &TextBlock) -> bool {
    matches!(b.kind, BlockKind::Heading(_)) && b.link_density() > MIN_TITLE_LINK_DENSITY
}

/// The element and class of a block: the template slot it fills.
fn kind<'d>(doc: &'d Document, b: &TextBlock) -> (Option<Tag>, &'d str) {
    (doc.tag(b.node), doc.attr(b.node, "class").unwrap_or(""))
}

/// The outermost `<a>` holding `node` (or `node` itself).
fn outer_link(doc: &Document, node: NodeId) -> Option<NodeId> {
    std::iter::once(node)
        .chain(doc.ancestors(node))
        .filter(|&a| doc.tag(a) == Some(Tag::A))
        .last()
}

/// Keeps the link-heavy headings of 20+ letters before the last kept one, when 3+ linked
/// headings of 20+ letters are kept: the page is a run of linked headlines, and one of
/// another class or level before or among them is a featured card's. After the last kept
/// title, linked headings are a footer's or a rail's and stay dropped.
///
/// Measured on both dev sets (release build without LTO, byte-identical output): in the
/// fallback, after its tail rules, wcxb-dev F1 0.87795 -> 0.87804 (listing 0.72198 ->
/// 0.72308), `with` 5,593 -> 5,597 by words, `without` leaked unchanged, scrapinghub 0.98093
/// unchanged; before the tail rules the same but forum +0.00004 and article −0.00001. In the
/// prose container too (after `card_titles`): wcxb-dev +0.00006, one more `with` snippet.
pub fn keep_featured_titles(seg: &Segmentation, decisions: &mut [Decision]) {
    let title = |b: &TextBlock| linked_heading(b) && b.chars >= MIN_TITLE_CHARS;
    let mut count = 0;
    let mut last = 0;
    for (i, (b, d)) in seg.blocks.iter().zip(decisions.iter()).enumerate() {
        if *d == Decision::Kept && title(b) {
            count += 1;
            last = i;
        }
    }
    if count < MIN_REPEATED {
        return;
    }
    for (b, d) in seg.blocks[..last].iter().zip(&mut decisions[..last]) {
        if *d == Decision::LinkHeavy && title(b) {
            *d = Decision::Kept;
        }
    }
}

/// Titles of one element and class that make a card grid in the main-region fallback: a
/// pair of product tiles is a grid there, since the region holds no prose for a related
/// pair to hang from. Measured on both dev sets (on linked14's two rules): 2 in the fallback
/// only, wcxb-dev F1 0.88652 -> 0.88685 (collection 0.74487 -> 0.74945, forum +0.00037;
/// 9 pages up, 5 down by at most 0.004), `with` by words +2, `without` leaked unchanged,
/// scrapinghub unchanged; 2 in the prose container as well, scrapinghub 0.98106 -> 0.98089
/// (its news stories' pairs), so the prose container keeps [`MIN_REPEATED`].
pub(super) const MIN_REGION_TITLES: usize = 2;

/// Keeps link-heavy headings of any length whose next block (past at most one short linked
/// line, a card's category or byline) is kept and holds no link, when `min_titles` or more
/// such headings share their element and class ([`MIN_REPEATED`] in the prose container,
/// [`MIN_REGION_TITLES`] in the fallback): each heads its own card's text, where a menu's
/// headings head more links.
///
/// Measured on both dev sets: in the fallback, after its tail rules, wcxb-dev F1 0.87804 ->
/// 0.87816 (listing 0.72308 -> 0.72470, documentation +0.0004, forum −0.00016), `with`
/// 5,597 -> 5,599 by words, `without` leaked unchanged; in the prose container as well
/// (with the featured titles there), 0.87948 -> 0.88007 (article 0.95858 -> 0.95935, listing
/// +0.0014, documentation +0.0005; 38 pages up, 2 down), `with` 5,607 -> 5,611, leaked
/// unchanged. Scrapinghub 0.98093 unchanged in both: its related headlines inside articles
/// are followed by more headlines, not by text of their own.
pub fn keep_short_titles(
    doc: &Document,
    seg: &Segmentation,
    decisions: &mut [Decision],
    min_titles: usize,
) {
    let n = seg.blocks.len();
    let titled = |i: usize| {
        if decisions[i] != Decision::LinkHeavy || !linked_heading(&seg.blocks[i]) {
            return false;
        }
        let mut next = i + 1;
        if next < n
            && decisions[next] == Decision::LinkHeavy
            && seg.blocks[next].chars < MIN_TITLE_CHARS
        {
            next += 1;
        }
        next < n && decisions[next] == Decision::Kept && seg.blocks[next].link_chars == 0
    };
    let titles: Vec<usize> = (0..n).filter(|&i| titled(i)).collect();
    if titles.len() < min_titles {
        return;
    }
    let mut kinds: HashMap<(Option<Tag>, &str), usize> = HashMap::new();
    for &i in &titles {
        *kinds.entry(kind(doc, &seg.blocks[i])).or_insert(0) += 1;
    }
    for i in titles {
        if kinds[&kind(doc, &seg.blocks[i])] >= min_titles {
            decisions[i] = Decision::Kept;
        }
    }
}

/// Keeps the link-heavy blocks inside the items of a list (`<ul>`, `<ol>`) when 3+ of its
/// items, and at least half of them, hold a kept block: the list is a grid of cards, and a
/// card's linked name or rating is part of it. A text that recurs among these blocks is a
/// button every card repeats ("Compare", "Add to basket") and stays dropped. Runs
/// last in the fallback, after the tail rules, so a related-links list they dropped does not
/// count as kept.
///
/// Measured on both dev sets: wcxb-dev F1 0.87816 -> 0.87869 (collection 0.70458 ->
/// 0.70985, listing +0.0015, service +0.0002, product +0.0002, forum −0.00015: a forum's
/// posts in `<li>` lose a little to their user panes), `with` 5,599 -> 5,602 by words,
/// `without` leaked 193 -> 194; scrapinghub unchanged. Before the tail rules scrapinghub fell
/// 0.98093 -> 0.98077 (a "more stories" list at an article's end came back whole). Counting
/// list blocks instead of items, and without the repeated-text test: 0.87862 but 5 more
/// leaked (buttons in every card). Only bare entries (`<li><a>`) of mostly kept lists:
/// 0.87810, no `with` snippet found.
pub fn keep_card_entries(seg: &Segmentation, decisions: &mut [Decision]) {
    if !seg
        .blocks
        .iter()
        .zip(decisions.iter())
        .any(|(b, d)| *d == Decision::LinkHeavy && b.list.is_some())
    {
        return;
    }
    // Per item: its list and whether it holds a kept block; per text: how often it stands in
    // a dropped linked block of a list.
    let mut items: HashMap<NodeId, (NodeId, bool)> = HashMap::new();
    let mut texts: HashMap<&str, usize> = HashMap::new();
    for (b, d) in seg.blocks.iter().zip(decisions.iter()) {
        if let Some(place) = b.list {
            let item = items.entry(place.item).or_insert((place.list, false));
            item.1 |= *d == Decision::Kept;
            if *d == Decision::LinkHeavy {
                *texts.entry(b.text.trim()).or_insert(0) += 1;
            }
        }
    }
    let mut lists: HashMap<NodeId, (usize, usize)> = HashMap::new();
    for &(list, kept) in items.values() {
        let counts = lists.entry(list).or_insert((0, 0));
        counts.0 += usize::from(kept);
        counts.1 += 1;
    }
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        let Some(place) = b.list.filter(|_| *d == Decision::LinkHeavy) else {
            continue;
        };
        // A list directly inside an item with no item of its own (`<li><a>…</a><ul><a>…</a>
        // </ul>`) has its blocks under the outer item, which was counted with the outer
        // list: such a list has no counts, and its blocks stay as they are.
        let Some(&(kept, total)) = lists.get(&place.list) else {
            continue;
        };
        if kept >= MIN_REPEATED && 2 * kept >= total && texts.get(b.text.trim()) == Some(&1) {
            *d = Decision::Kept;
        }
    }
}

/// Keeps link-heavy blocks whose link also holds an image (`<img>`, `<picture>`), when 3+ of
/// them share their element and class: the tiles of an index page (a category's picture
/// and name). For pages that declare themselves an index (`PageType::Listing` or
/// `Collection`) only; called before the fallback's tail rules, which then weigh the tiles
/// as kept text.
///
/// Measured on both dev sets: on index pages, wcxb-dev F1 0.87869 -> 0.87948 (collection
/// 0.70985 -> 0.72301: two category pages with no output before), `with` 5,602 -> 5,607 by
/// words, `without` leaked 194 -> 196; scrapinghub unchanged. On every page type: 0.87934
/// (service −0.0004: a tool's gallery of users' projects; product −0.0003) and one more leak;
/// on every page type after the tail rules: 0.87921 (product −0.0018).
pub fn keep_image_tiles(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    // NOTE: the blocks of one link are consecutive, so its image is looked for once.
    let mut last: Option<(NodeId, bool)> = None;
    let mut tiles = Vec::new();
    for (i, b) in seg.blocks.iter().enumerate() {
        if decisions[i] != Decision::LinkHeavy {
            continue;
        }
        let Some(link) = outer_link(doc, b.node) else {
            continue;
        };
        let pictured = match last {
            Some((l, p)) if l == link => p,
            _ => {
                let p = doc
                    .descendants(link)
                    .any(|n| matches!(doc.tag(n), Some(Tag::Img | Tag::Picture)));
                last = Some((link, p));
                p
            }
        };
        if pictured {
            tiles.push(i);
        }
    }
    if tiles.len() < MIN_REPEATED {
        return;
    }
    let mut kinds: HashMap<(Option<Tag>, &str), usize> = HashMap::new();
    for &i in &tiles {
        *kinds.entry(kind(doc, &seg.blocks[i])).or_insert(0) += 1;
    }
    for i in tiles {
        if kinds[&kind(doc, &seg.blocks[i])] >= MIN_REPEATED {
            decisions[i] = Decision::Kept;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text;

    fn page(body: &str) -> String {
        format!("<html><body>{body}</body></html>")
    }

    /// Guards the featured-title rule: a first headline set in a larger class than the grid's
    /// stays with the grid's headlines, while a linked heading after the last of them (a
    /// footer's promotion) is still dropped.
    #[test]
    fn a_featured_cards_title_joins_the_grids_titles() {
        let grid: String = (1..=4)
            .map(|i| {
                format!(
                    "<div class=card><h2 class=title><a href=/s{i}>Harbour report number {i} \
                     from the quay</a></h2></div>"
                )
            })
            .collect();
        let text = extracted_text(&page(&format!(
            "<h1>Harbour news</h1><div class='card big'><h2 class='title large'><a href=/f>The \
             storm that closed the harbour for a week</a></h2></div>{grid}<h3 class=promo><a \
             href=/n>Sign up for the weekly harbour letter</a></h3>"
        )));
        assert!(text.contains("Harbour report number 3"), "{text}");
        assert!(text.contains("The storm that closed the harbour"), "{text}");
        assert!(!text.contains("weekly harbour letter"), "{text}");
    }

    /// Guards the short-title rule: linked titles of a few letters, each over its card's own
    /// unlinked text, are kept; a menu's linked heading over more links is not.
    #[test]
    fn short_card_titles_over_their_own_text_are_kept() {
        let names = ["Tidepools", "Moss", "Kelp", "Terns"];
        let cards: String = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "<div class=card><h3 class=name><a href=/g{i}>{n}</a></h3><p class=about>A \
                     field guide of forty pages to the northern coast, volume {i}.</p></div>"
                )
            })
            .collect();
        let text = extracted_text(&page(&format!(
            "<h1>Field guides</h1>{cards}<div class=more><h3 class=name><a href=/shop>Shop</a>\
             </h3><ul><li><a href=/a>Gift cards</a></li><li><a href=/b>Delivery</a></li></ul>\
             </div>"
        )));
        assert!(text.contains("Tidepools"), "{text}");
        assert!(text.contains("Terns"), "{text}");
        assert!(!text.contains("Shop"), "{text}");
    }

    /// Guards the fallback's bound for short titles: a pair of product tiles (no prose, so
    /// the page fallback runs), each a linked name over its own kept option and price, keeps
    /// both names.
    #[test]
    fn a_pair_of_tiles_keeps_its_titles() {
        let cards: String = ["Lantern", "Kettle"]
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "<div class=tile><h3 class=name><a href=/p{i}>{n}</a></h3><span \
                     class=opt>Steel</span><span class=price>£4{i}</span></div>"
                )
            })
            .collect();
        let text = extracted_text(&page(&format!("<h1>Camp kitchen</h1>{cards}")));
        assert!(text.contains("Lantern"), "{text}");
        assert!(text.contains("Kettle"), "{text}");
    }

    /// Guards the card-entry rule: in a list of cards whose prices are kept, each card's short
    /// linked name is kept too; the button every card repeats and a list of links none of
    /// whose entries is kept stay dropped.
    #[test]
    fn linked_names_of_list_cards_are_kept_and_repeated_buttons_dropped() {
        let names = ["Blue kettle", "Oak tray", "Tin mug", "Linen cloth"];
        let cards: String = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "<li class=item><div class=name><a href=/p{i}>{n}</a></div><div \
                     class=price>{i}4.00 euros</div><div class=buy><a href=/b{i}>Add to \
                     basket</a></div></li>"
                )
            })
            .collect();
        let text = extracted_text(&page(&format!(
            "<h1>Kitchen</h1><ul class=grid>{cards}</ul><ul class=links><li><a href=/x>About \
             us</a></li><li><a href=/y>Contact</a></li><li><a href=/z>Careers</a></li></ul>"
        )));
        assert!(text.contains("Oak tray"), "{text}");
        assert!(text.contains("34.00 euros"), "{text}");
        assert!(!text.contains("Add to basket"), "{text}");
        assert!(!text.contains("Careers"), "{text}");
    }

    /// Guards the tile rule: on a page that declares itself a collection, category tiles (one
    /// link around a picture and a name) are kept; links without a picture are not.
    #[test]
    fn picture_tiles_of_an_index_page_are_kept() {
        let tiles: String = ["Kettles", "Trays", "Mugs", "Cloths"]
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "<div class=tile><a href=/c{i}><img src=/c{i}.jpg alt=''><div \
                     class=tile-name>{n}</div></a></div>"
                )
            })
            .collect();
        let text = extracted_text(&format!(
            "<html><head><script type='application/ld+json'>{{\"@type\": \
             \"CollectionPage\"}}</script></head><body><h1>Kitchen</h1>{tiles}<div \
             class=links><div class=tile-name><a href=/x>About us</a></div><div \
             class=tile-name><a href=/y>Contact</a></div><div class=tile-name><a \
             href=/z>Careers</a></div></div></body></html>"
        ));
        assert!(text.contains("Kettles"), "{text}");
        assert!(text.contains("Cloths"), "{text}");
        assert!(!text.contains("Careers"), "{text}");
    }
}
