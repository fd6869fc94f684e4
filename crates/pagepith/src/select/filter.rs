//! Block-level decisions inside the chosen container.

use std::collections::HashMap;

use super::tuning::Tuning;
use super::Decision;
use crate::dom::{Document, NodeId, Tag};
use crate::metadata::Metadata;
use crate::pagetype::PageType;
use crate::segment::{BlockKind, Segmentation, TextBlock};
use crate::textutil::{collapse_whitespace, is_identifier_text};

/// Applies the block rules to blocks still marked kept.
pub fn apply(
    doc: &Document,
    seg: &Segmentation,
    meta: &Metadata,
    tuning: &Tuning,
    decisions: &mut [Decision],
) {
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d != Decision::Kept {
            continue;
        }
        *d = judge(doc, b, meta, tuning);
    }
}

fn judge(doc: &Document, b: &TextBlock, meta: &Metadata, tuning: &Tuning) -> Decision {
    if b.kind == BlockKind::Caption {
        return Decision::Caption;
    }
    if is_headline(doc, b, meta) {
        return Decision::Headline;
    }
    if b.cell.is_some() && !tuning.tables {
        return Decision::TableOmitted;
    }
    if b.link_density() > tuning.max_link_density && !fragment_sentence(doc, b) {
        return Decision::LinkHeavy;
    }
    if b.chars < MAX_COPYRIGHT_CHARS && b.text.contains('©') {
        return Decision::Copyright;
    }
    // A run of UUIDs printed as text is a script's or a template's state (a component
    // registry serialised into the markup, a tracking placeholder's keys), not words for a
    // reader. Code blocks are left alone: a sample of a request or a log shows identifiers
    // on purpose. Measured on both dev sets (see [`is_identifier_text`] for the bounds):
    // wcxb-dev F1 0.88975 -> 0.89002 (service 0.85886 -> 0.86050, product 0.66665 ->
    // 0.66791; four pages up, none down), `with` and `without` unchanged; scrapinghub
    // 0.98166 unchanged (no page of it prints a UUID as text).
    if b.kind != BlockKind::Code && is_identifier_text(&b.text) {
        return Decision::Identifiers;
    }
    Decision::Kept
}

/// Whether a link-heavy block is a sentence linked to a place on the same page, outside any
/// list: a summary line pointing down to its section ("Most buyers rate it well: 90% of 1,200
/// reviews are positive."), which is text, where a menu leads to other pages. A table of
/// contents is a list, or its entries are titles, which do not end with a full stop.
/// Measured on both dev sets with the prune rule that keeps such rows under comment names
/// (`crate::own_content::only_fragment_links`): wcxb-dev F1 0.88285 -> 0.88296, `with`
/// 5,665 -> 5,673 by words, `without` leaked 200 unchanged, scrapinghub 0.98085 unchanged.
/// Any same-page line outside a list: 0.88271 (documentation 0.92538 -> 0.92406, listing
/// 0.72947 -> 0.72782, 5 leaks more; scrapinghub 0.98083); ending with `.`, `!` or `?`:
/// 0.88292 (a finance article's table of contents of questions kept). Without the prune
/// rule: 0.88285, no snippet more.
fn fragment_sentence(doc: &Document, b: &TextBlock) -> bool {
    b.list.is_none() && b.text.trim_end().ends_with('.') && in_fragment_link(doc, b.node)
}

/// Whether the block's links all lead to places on the same page: the block sits in such a
/// link, or every link it holds is one.
fn in_fragment_link(doc: &Document, node: crate::dom::NodeId) -> bool {
    use crate::own_content::is_fragment_link;
    if doc
        .ancestors(node)
        .take(FRAGMENT_LINK_LEVELS)
        .any(|a| is_fragment_link(doc, a))
    {
        return true;
    }
    let mut links = doc
        .descendants(node)
        .filter(|&a| doc.tag(a) == Some(Tag::A))
        .peekable();
    links.peek().is_some() && links.all(|a| is_fragment_link(doc, a))
}

/// Levels above a block searched for the link it sits in: a row's link wraps a label and a
/// summary box, two or three levels up. Not tuned.
const FRAGMENT_LINK_LEVELS: usize = 3;

/// A block shorter than this (letters and digits) holding `©` is a copyright notice — a
/// footer line the prune stage missed, a widget's credit — not the article's prose, in any
/// language. Captions, where photo credits carry the sign, are decided before. Measured in a
/// block-level replay of both dev sets at 80 / 150 / 300: scrapinghub F1 +0.0003 / +0.0004 /
/// +0.0004, wcxb-dev +0.0000 / +0.0000 / +0.0001, `without` leaked 4 fewer each; 150 keeps
/// clear of a paragraph that quotes a copyright line.
const MAX_COPYRIGHT_CHARS: usize = 150;

pub(super) fn is_headline(_doc: &Document, b: &TextBlock, meta: &Metadata) -> bool {
    if meta.headline == Some(b.node) {
        return true;
    }
    if let (BlockKind::Heading(_), Some(title)) = (b.kind, &meta.title) {
        return collapse_whitespace(&b.text) == *title;
    }
    false
}

/// The fallback: every block of the page's main region — `<main>` or `role=main` when the page
/// marks one that holds a good part of its text, else the whole pruned body — that passes the
/// block rules. Link-heavy blocks are kept when they are long enough to be an item's title or
/// description rather than a menu entry. Also says whether the page marked the region.
pub fn main_region(
    doc: &Document,
    seg: &Segmentation,
    meta: &Metadata,
    tuning: &Tuning,
) -> (Vec<Decision>, bool) {
    let body_chars = doc.body().map_or(0, |b| seg.node_chars[b.index()]) as f64;
    let region = doc
        .body()
        .into_iter()
        .flat_map(|b| doc.descendants(b))
        .find(|&n| {
            (doc.tag(n) == Some(Tag::Main) || doc.attr(n, "role") == Some("main"))
                && seg.node_chars[n.index()] as f64 >= 0.3 * body_chars
        });
    let mut decisions: Vec<Decision> = seg
        .blocks
        .iter()
        .map(|b| {
            if let Some(r) = region {
                if !doc.is_within(b.node, r) {
                    return Decision::OutsideContainer;
                }
            }
            judge(doc, b, meta, tuning)
        })
        .collect();
    // A listing's linked items share one template: the same element and class, many times
    // over. A linked block alone of its kind is a button or a stray link ("Request a demo",
    // "Privacy Policy", "Talk to an expert") and stays dropped.
    let item_kind = |b: &TextBlock| (doc.tag(b.node), doc.attr(b.node, "class").unwrap_or(""));
    let candidate = |b: &TextBlock, d: Decision| {
        d == Decision::LinkHeavy
            && b.chars >= tuning.min_linked_item_chars
            && b.link_density() > tuning.min_item_link_density
    };
    let mut kinds: HashMap<(Option<Tag>, &str), usize> = HashMap::new();
    for (b, &d) in seg.blocks.iter().zip(&decisions) {
        if candidate(b, d) {
            *kinds.entry(item_kind(b)).or_insert(0) += 1;
        }
    }
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if candidate(b, *d) && kinds[&item_kind(b)] >= MIN_REPEATED_ITEMS {
            *d = Decision::Kept;
        }
    }
    // On a page that says it is an index (schema.org `ItemList`, `CollectionPage`, a
    // catalogue's URL words: `pagetype`), list entries join too: there the lists are the
    // content (wcxb-dev 0.86362 -> 0.86386, listing 0.6992 -> 0.7008, collection 0.6717 ->
    // 0.6735, no other type moves; scrapinghub unchanged; `without` leaked 227 -> 228).
    let index_page = matches!(meta.page_type, PageType::Listing | PageType::Collection);
    // The same template's shorter entries are items too: a card's linked title of a few words
    // ("Tidepools"), its linked author or rating, in the element and class that 3+ longer titles
    // of the page share. Bare list entries (`<li><a>`) stay dropped: a footer's link columns
    // hold a few long entries among short ones in one class. Measured on both dev sets:
    // wcxb-dev F1 0.86155 -> 0.86202 (listing 0.6923 -> 0.6949, service 0.8289 -> 0.8308,
    // documentation 0.9214 -> 0.9221, forum 0.7797 -> 0.7794), `without` leaked 231 -> 238,
    // scrapinghub 0.97761 unchanged; with list entries too, wcxb-dev 0.86295 (listing 0.7026:
    // an index page's lists) but scrapinghub 0.97613 (footer link columns kept).
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d == Decision::LinkHeavy
            && (b.list.is_none() || index_page)
            && kinds
                .get(&item_kind(b))
                .is_some_and(|&n| n >= MIN_REPEATED_ITEMS)
        {
            *d = Decision::Kept;
        }
    }
    // A card wrapped whole in one link (title, date, company, tags) splits into several
    // blocks; only its title is long enough to count as an item, so the card's other fields
    // are taken back with it: every linked block inside the same `<a>` as a kept item is
    // part of that item. (A structural rule, no threshold: a menu's links each sit in their
    // own `<a>`, so nothing else joins them.)
    let link_of = |n| {
        std::iter::once(n)
            .chain(doc.ancestors(n))
            .find(|&a| doc.tag(a) == Some(Tag::A))
    };
    let cards: std::collections::HashSet<_> = seg
        .blocks
        .iter()
        .zip(&decisions)
        .filter(|(b, &d)| d == Decision::Kept && b.link_chars > 0)
        .filter_map(|(b, _)| link_of(b.node))
        .collect();
    if !cards.is_empty() {
        for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
            if *d == Decision::LinkHeavy && link_of(b.node).is_some_and(|a| cards.contains(&a)) {
                *d = Decision::Kept;
            }
        }
    }
    (decisions, region.is_some())
}

/// Linked blocks of one element and class that make a listing's items. Measured in the
/// main-region fallback, requiring 2 / 3 of them (against none, where any linked block of
/// 20+ letters was an item): `without` snippets leaked 294 -> 267 / 261 of 5,223 (a
/// block-level replay of both dev sets), wcxb-dev F1 flat, scrapinghub +0.0004; three is
/// the smallest number that is a pattern rather than a pair of buttons.
const MIN_REPEATED_ITEMS: usize = 3;

/// Prose after a link list, in letters, that makes the list part of the body: two solid
/// paragraphs. Measured 300 / 600: scrapinghub F1 0.960 / 0.960 (R +0.002 / +0.001),
/// wcxb-dev 0.837 / 0.837 with documentation 0.902 -> 0.906 / 0.905 and no type down.
const MIN_PROSE_AFTER_LIST: usize = 300;

/// Takes back link-list items of the container that the body's own prose follows: a list of
/// links between paragraphs (a wiki's "see also" inside a section, a docs page's prerequisites)
/// is part of the text, while related-article lists sit at the body's end.
pub fn keep_inner_link_lists(seg: &Segmentation, decisions: &mut [Decision]) {
    // Unlinked letters of kept blocks from each block to the end, backwards.
    let mut after = vec![0usize; seg.blocks.len() + 1];
    for i in (0..seg.blocks.len()).rev() {
        let b = &seg.blocks[i];
        let own = if decisions[i] == Decision::Kept && b.list.is_none() {
            b.chars - b.link_chars
        } else {
            0
        };
        after[i] = after[i + 1] + own;
    }
    for (i, b) in seg.blocks.iter().enumerate() {
        if decisions[i] == Decision::LinkHeavy
            && b.list.is_some()
            && after[i + 1] >= MIN_PROSE_AFTER_LIST
        {
            decisions[i] = Decision::Kept;
        }
    }
}

/// How often a definition term's text must recur on the page to be a template's label.
/// Measured in a block-level replay of both dev sets, together with the repeated-items rule:
/// `without` snippets leaked 261 -> 253 of 5,223, wcxb-dev F1 +0.0005 (forum +0.004),
/// scrapinghub unchanged. Three, as for repeated items: a pattern rather than a pair.
const MIN_REPEATED_LABELS: usize = 3;

/// Drops the label/value pairs of a per-post template: a forum's user pane ("Joined",
/// "Messages", "Reaction score") lists the same terms under every post, while a product's
/// or a glossary's definition list names each term once.
pub fn drop_repeated_labels(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let is = |i: usize, tag: Tag| doc.tag(seg.blocks[i].node) == Some(tag);
    let mut terms: HashMap<String, usize> = HashMap::new();
    for (i, b) in seg.blocks.iter().enumerate() {
        if is(i, Tag::Dt) {
            *terms.entry(collapse_whitespace(&b.text)).or_insert(0) += 1;
        }
    }
    if !terms.values().any(|&n| n >= MIN_REPEATED_LABELS) {
        return;
    }
    // The parent of the last dropped term: its value (the next `<dd>` beside it) goes too.
    let mut label_parent = None;
    for i in 0..seg.blocks.len() {
        let parent = doc.parent(seg.blocks[i].node);
        let label = is(i, Tag::Dt)
            && terms[&collapse_whitespace(&seg.blocks[i].text)] >= MIN_REPEATED_LABELS;
        let value = is(i, Tag::Dd) && label_parent.is_some() && label_parent == parent;
        if (label || value) && decisions[i] == Decision::Kept {
            decisions[i] = Decision::RepeatedLabel;
        }
        label_parent = if label { parent } else { None };
    }
}

/// Drops a heading that the body ends on: it titled a section whose text was dropped (a
/// "Related reads" or "You may also like" list, a contact form, reviews), so it heads nothing.
/// Measured in a block-level replay of both dev sets: wcxb-dev F1 +0.0004 (product +0.009),
/// scrapinghub +0.0001, `without` leaked 253 -> 241. Dropping every trailing heading in turn
/// (a heading over short blocks, repeatedly) leaked less but lost listings (-0.005 to -0.014):
/// only the last one goes.
pub fn drop_trailing_heading(seg: &Segmentation, decisions: &mut [Decision]) {
    if let Some(last) = decisions.iter().rposition(|&d| d == Decision::Kept) {
        let b = &seg.blocks[last];
        // A heading long enough to be a statement is not a title over missing text.
        if matches!(b.kind, BlockKind::Heading(_)) && !super::link_sections::is_statement_heading(b)
        {
            decisions[last] = Decision::EmptySection;
        }
    }
}

/// Unlinked letters from which a paragraph above the headline is the page's own prose rather
/// than a masthead's line. Measured on both dev sets (region fallback, unmarked regions):
/// 100 / 150 / 200 / 300 / 500 letters gave wcxb-dev F1 0.88457 / 0.88492 / 0.88492 /
/// 0.88492 / 0.88480 (from 0.88480; `with` snippets by words 5,701 at 100–300, 5,699 at
/// 500; at 100 article −0.0005 and three `without` snippets leak), scrapinghub 0.98106 at
/// each. Without the list-entry guard a forum's site notices (a `<ul>` of announcements
/// above the thread title) kept the notices (forum −0.0010 at 300). 200 is the middle of the
/// plateau.
const MIN_PROSE_ABOVE_HEADLINE: usize = 200;

/// In the fallback over the whole pruned body (the page marks no main region), drops what
/// comes before the headline: the masthead, menus, breadcrumbs and promotions the prune
/// stage did not recognise; the article starts at its headline. A marked region is already
/// cut to the content, and text above its headline there (a kicker, a listing's intro) tends
/// to be content. Measured in a block-level replay of both dev sets: scrapinghub F1 +0.0017,
/// wcxb-dev +0.0001, `without` leaked 241 -> 234; applied to marked regions too, wcxb-dev
/// -0.0013 (forum, listing and product down).
///
/// A kept paragraph of [`MIN_PROSE_ABOVE_HEADLINE`] unlinked letters above the headline, not a
/// list entry, says the chosen headline is not where the text starts (a landing page whose
/// `<h1>` or section title comes after its hero's lead paragraphs): then nothing goes.
pub fn drop_above_headline(seg: &Segmentation, decisions: &mut [Decision]) {
    if let Some(headline) = decisions.iter().position(|&d| d == Decision::Headline) {
        let prose_above = decisions[..headline]
            .iter()
            .zip(&seg.blocks)
            .any(|(&d, b)| {
                d == Decision::Kept
                    && b.kind == BlockKind::Paragraph
                    && b.list.is_none()
                    && b.chars.saturating_sub(b.link_chars) >= MIN_PROSE_ABOVE_HEADLINE
            });
        if prose_above {
            return;
        }
        for d in &mut decisions[..headline] {
            if *d == Decision::Kept {
                *d = Decision::AboveHeadline;
            }
        }
    }
}

/// Levels above a block searched for its `<dl>`: a field sits in a `<dt>` or `<dd>`, at most a
/// few wrappers below (dd > div > field). Bounded so the walk stays short on deep pages.
const MAX_DL_DEPTH: usize = 4;

/// Kept unlinked letters per link-heavy letter a `<dl>` needs for its linked fields to count
/// as entries' fields, as a fraction (3 / 2). Measured on both dev sets: 0.5 / 1 / 1.5 / 2
/// gave wcxb-dev F1 0.88641 / 0.88641 / 0.88642 / 0.88623 (1 and below take back one forum
/// page's link column, forum 0.82892 -> 0.82890; 2 leaves a list of papers whose linked
/// identifiers and authors weigh more than half its titles); scrapinghub 0.98106 at each.
const MIN_DL_TEXT_RATIO: (usize, usize) = (3, 2);

/// Takes back link-heavy fields of a definition list whose entries are mostly kept text: a
/// list of papers or records (`<dt>` a linked identifier, `<dd>` a title, linked authors, a
/// note) holds its entries' linked fields beside their prose, while a footer's link columns
/// written as a `<dl>` (a heading term over linked entries) hold mostly links. The list's
/// kept unlinked letters must reach [`MIN_DL_TEXT_RATIO`] times its link-heavy blocks' letters.
/// Runs last in both paths (after the container is weighed, so no choice moves). Measured on
/// both dev sets: wcxb-dev F1 0.88618 -> 0.88642 (documentation 0.92635 -> 0.92698, listing
/// 0.74654 -> 0.74905, product 0.65207 -> 0.65225), `with` found by words 5,733 -> 5,735,
/// `without` leaked 205 unchanged, scrapinghub 0.98106 unchanged; in the container path only
/// 0.88640 (product unchanged).
pub fn keep_definition_fields(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let dl_of = |b: &TextBlock| {
        std::iter::once(b.node)
            .chain(doc.ancestors(b.node))
            .take(MAX_DL_DEPTH + 1)
            .find(|&a| doc.tag(a) == Some(Tag::Dl))
    };
    // (list, kept unlinked letters, link-heavy letters), one entry per list met.
    let mut lists: Vec<(NodeId, usize, usize)> = Vec::new();
    for (b, &d) in seg.blocks.iter().zip(decisions.iter()) {
        if !matches!(d, Decision::Kept | Decision::LinkHeavy) {
            continue;
        }
        let Some(dl) = dl_of(b) else { continue };
        let i = match lists.iter().position(|e| e.0 == dl) {
            Some(i) => i,
            None => {
                lists.push((dl, 0, 0));
                lists.len() - 1
            }
        };
        if d == Decision::Kept {
            lists[i].1 += b.chars - b.link_chars;
        } else {
            lists[i].2 += b.chars;
        }
    }
    let (num, den) = MIN_DL_TEXT_RATIO;
    let textual = |e: &(NodeId, usize, usize)| e.2 > 0 && e.1 * den >= e.2 * num;
    if !lists.iter().any(textual) {
        return;
    }
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d == Decision::LinkHeavy
            && dl_of(b).is_some_and(|dl| lists.iter().any(|e| e.0 == dl && textual(e)))
        {
            *d = Decision::Kept;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text as text_of;

    /// Decisions of [`super::drop_above_headline`] on `html`, every block kept and the `<h1>`
    /// as the headline, by block text: whether the block was dropped.
    fn above_headline(html: &str) -> Vec<(String, bool)> {
        use super::{drop_above_headline, Decision};
        use crate::dom::{parse, ParseLimits, Tag};
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let seg = crate::segment::segment(&doc);
        let mut decisions: Vec<Decision> = seg
            .blocks
            .iter()
            .map(|b| match doc.tag(b.node) {
                Some(Tag::H1) => Decision::Headline,
                _ => Decision::Kept,
            })
            .collect();
        drop_above_headline(&seg, &mut decisions);
        seg.blocks
            .iter()
            .zip(&decisions)
            .map(|(b, d)| (b.text.trim().to_string(), *d == Decision::AboveHeadline))
            .collect()
    }

    /// Decisions of [`super::keep_definition_fields`] on `html`, every block with links
    /// link-heavy and the rest kept, by block text: whether the block ends kept.
    fn definition_fields(html: &str) -> Vec<(String, bool)> {
        use super::{keep_definition_fields, Decision};
        use crate::dom::{parse, ParseLimits};
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let seg = crate::segment::segment(&doc);
        let mut decisions: Vec<Decision> = seg
            .blocks
            .iter()
            .map(|b| {
                if b.link_chars > 0 {
                    Decision::LinkHeavy
                } else {
                    Decision::Kept
                }
            })
            .collect();
        keep_definition_fields(&doc, &seg, &mut decisions);
        seg.blocks
            .iter()
            .zip(&decisions)
            .map(|(b, d)| (b.text.trim().to_string(), *d == Decision::Kept))
            .collect()
    }

    /// Guards the rule: a list of records whose `<dd>` holds each record's title and note
    /// keeps the linked identifier in its `<dt>` and the linked authors in its `<dd>`; a
    /// footer's link columns written as a `<dl>` (short terms over linked entries) stay
    /// dropped.
    #[test]
    fn linked_fields_of_a_textual_definition_list_stay() {
        let entry = |n: u32| {
            format!(
                "<dt><a href=\"/r/{n}\">[{n}] rec:{n}</a></dt><dd><div>Title: Counting \
                 otters along a cold river in winter, volume {n}</div><div><a href=\"/a\">A. \
                 Reed</a>, <a href=\"/b\">B. Moss</a></div><div>Notes: twelve pages, four \
                 figures and a map of the banks</div></dd>"
            )
        };
        let html = format!("<body><dl>{}{}{}</dl></body>", entry(1), entry(2), entry(3));
        let out = definition_fields(&html);
        assert!(out.iter().all(|(_, kept)| *kept), "{out:?}");

        let footer = "<body><dl><dt>Shop</dt><dd><a href=\"/a\">Gift cards and vouchers</a>\
            </dd><dd><a href=\"/b\">Delivery and returns</a></dd><dt>Help</dt><dd><a \
            href=\"/c\">Contact the team</a></dd><dd><a href=\"/d\">Questions asked \
            often</a></dd></dl></body>";
        let out = definition_fields(footer);
        for (t, kept) in &out {
            assert_eq!(*kept, t == "Shop" || t == "Help", "{out:?}");
        }
    }

    /// A paragraph of some 200 letters (and digits), invented.
    const HERO: &str = "We build small wooden boats by hand in a shed by the harbour, from \
        larch and oak we fell ourselves, and we teach anyone who wants to learn how to plane a \
        plank, steam a rib and caulk a seam over twelve weekends each winter, with tea and \
        soup at noon for all of us.";

    /// Guards the rule: a masthead's short lines and a site notice set as a list entry (even
    /// a long one) above the headline go; the headline and the text after it stay.
    #[test]
    fn short_lines_and_notices_above_the_headline_go() {
        let html = format!(
            "<body><div>Boatyard</div><div>Opening hours and directions</div>\
             <ul><li>{HERO}</li></ul><h1>Courses</h1><p>{HERO}</p></body>"
        );
        let dropped: Vec<bool> = above_headline(&html).iter().map(|(_, d)| *d).collect();
        // Boatyard, opening hours, the notice, the headline, the body.
        assert_eq!(dropped, [true, true, true, false, false]);
    }

    /// Guards the prose exemption: a hero's lead paragraph of 200+ unlinked letters above the
    /// chosen headline (a landing page whose title comes after its introduction) means the
    /// text starts above it, and nothing goes.
    #[test]
    fn prose_above_the_headline_keeps_everything() {
        let html =
            format!("<body><div>Boatyard</div><p>{HERO}</p><h1>Courses</h1><p>{HERO}</p></body>");
        assert!(above_headline(&html).iter().all(|(_, dropped)| !dropped));
    }

    /// Guards the short-entries rule: in a grid whose linked titles share one element and
    /// class, a title of a few words stays with the longer ones, while a footer's short
    /// linked list entries stay dropped.
    #[test]
    fn short_linked_titles_of_a_repeated_template_are_kept() {
        let titles = [
            "The lighthouse keeper's long winter",
            "Tidepools",
            "A field guide to northern mosses",
            "Letters from the salt marsh coast",
        ];
        let cards: String = titles
            .iter()
            .enumerate()
            .map(|(i, t)| {
                format!(
                    "<div class=card><div class=title><a href=/b{i}>{t}</a></div>\
                     <div class=price>{i}9.00 euros</div></div>"
                )
            })
            .collect();
        let footer: String = ["About", "Contact", "Careers and open positions at the shop"]
            .iter()
            .map(|t| format!("<li class=foot><a href=/x>{t}</a></li>"))
            .collect();
        let page = format!("<html><body><h1>New books</h1>{cards}<ul>{footer}</ul></body></html>");
        let text = text_of(&page);
        assert!(text.contains("lighthouse keeper"), "{text}");
        assert!(text.contains("Tidepools"), "{text}");
        assert!(!text.contains("Contact"), "{text}");
    }

    /// Guards the identifier rule: a block of UUIDs a template left in the page goes, while
    /// the story around it and a code sample printing the same identifiers stay.
    #[test]
    fn a_block_of_identifiers_goes_and_code_stays() {
        let prose = "<p>The ferry leaves the north pier at seven and reaches the island an \
            hour later, when the market on the square is only just opening its stalls.</p>";
        let ids = "0f3c2b1a-9d8e-4f7a-b6c5-d4e3f2a1b0c9 7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d \
            1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
        let page = format!(
            "<html><body><article><h1>Island day</h1>{prose}<div>x {ids}</div>{prose}\
             <pre>curl /api/ferries/{ids}</pre>{prose}</article></body></html>"
        );
        let text = text_of(&page);
        assert!(text.contains("market on the square"), "{text}");
        assert!(text.contains("curl /api/ferries/"), "{text}");
        assert!(!text.contains("x 0f3c2b1a"), "{text}");
    }

    /// Guards the same-page sentence rule: a fully linked line outside any list that points
    /// to a place on the same page and ends like a sentence is text; a table of contents (a
    /// list of such links) and a same-page link that is a title, not a sentence, stay
    /// link-heavy.
    #[test]
    fn a_sentence_linked_to_its_own_section_is_kept() {
        let prose = "<p>The kettle boils a litre in three minutes and keeps it warm for an hour \
            without a sound, which is what most buyers wanted from it.</p>";
        let page = format!(
            "<html><body><h1>Quiet kettle</h1>{prose}\
             <div class=row><a href='#opinions'><span>Buyers:</span> \
             <span>Most of 420 buyers would buy it again.</span></a></div>{prose}\
             <ul><li><a href='#specs'>Specifications</a></li><li><a href='#care'>Care</a></li>\
             <li><a href='#opinions'>Opinions</a></li></ul>\
             <div><a href='#top'>Back to the top</a></div>{prose}</body></html>"
        );
        let text = text_of(&page);
        assert!(text.contains("would buy it again"), "{text}");
        assert!(!text.contains("Specifications"), "{text}");
        assert!(!text.contains("Back to the top"), "{text}");
    }

    /// Guards the modes' order on listing items: in the main region, entries that link a
    /// little under half of their letters are kept by balanced's link line; precision's
    /// stricter line makes them link-heavy, and three of a kind must not then come back as a
    /// listing's items, or precision would keep text that balanced's tail rules drop.
    #[test]
    fn precision_does_not_turn_half_linked_entries_into_items() {
        let entries: String = (0..4)
            .map(|i| {
                format!(
                    "<li class=more><a href=/s{i}>Harbour story number {i}</a> told by the \
                     people who live there</li>"
                )
            })
            .collect();
        let page = format!("<html><body><h1>Harbour news</h1><ul>{entries}</ul></body></html>");
        let doc = crate::dom::parse(&page, &crate::dom::ParseLimits::default()).unwrap();
        let seg = crate::segment::segment(&doc);
        let meta = crate::metadata::Metadata::default();
        let region = |favor| {
            let tuning = super::Tuning::from_config(&crate::Config::default().with_favor(favor));
            let (decisions, _) = super::main_region(&doc, &seg, &meta, &tuning);
            seg.blocks
                .iter()
                .zip(decisions)
                .filter(|(b, d)| b.text.contains("told by") && *d == super::Decision::Kept)
                .count()
        };
        assert_eq!(region(crate::Favor::Balanced), 4);
        assert_eq!(region(crate::Favor::Precision), 0);
    }

    /// Guards the index-page case: on a page that declares itself a list of items, the short
    /// entries of a linked list whose longer entries are items stay with them.
    #[test]
    fn short_list_entries_of_an_index_page_are_kept() {
        let names = [
            "Lighthouses of the northern coast and islands",
            "Moss",
            "Salt marsh birds through the seasons",
            "Tide tables and how to read them well",
        ];
        let entries: String = names
            .iter()
            .enumerate()
            .map(|(i, t)| format!("<li class=entry><a href=/p{i}>{t}</a></li>"))
            .collect();
        let page = format!(
            "<html><head><script type='application/ld+json'>{{\"@type\": \"ItemList\"}}\
             </script></head><body><h1>Guides</h1><ul>{entries}</ul></body></html>"
        );
        let text = text_of(&page);
        assert!(text.contains("Salt marsh birds"), "{text}");
        assert!(text.contains("Moss"), "{text}");
    }
}
