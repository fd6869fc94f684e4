//! The core of the main region: the element that holds nearly all of its kept text.
//!
//! The main-region fallback keeps everything the block filter lets through, so text below
//! the content that no tag or class names — a forum's sign-in box under a thread, lists of
//! similar threads, a product's stock-alert and returns panels, read-next teasers — stays in. Such
//! text sits in its own subtree after the content's: walking down from `<body>` while one
//! child holds nearly all of the region's kept letters finds the content's element, and the
//! kept blocks after it are the page's, not the content's. Blocks before it are left alone:
//! dropping them too cost wcxb-dev 0.0010 and 67 `with` snippets (scrapinghub gained
//! 0.0007). Structural only: no words, any language.

use crate::dom::{Document, NodeId, Tag};
use crate::segment::{BlockKind, Segmentation};

use super::Decision;

/// Share of the region's kept letters a child must hold for the walk to go down into it.
/// Measured on both dev sets (marked and unmarked regions, blocks after the core dropped):
/// 0.8 / 0.85 / 0.9 / 0.95 gave wcxb-dev F1 0.85848 / 0.85878 / 0.85866 / 0.85827 (main
/// 0.85784); 0.85 and 0.8 cost collection and documentation pages (a last card or section
/// outside the core), so 0.9, the best value that lowers no page type. Scrapinghub 0.97669
/// at each.
pub(super) const CORE_SHARE: f64 = 0.9;

/// [`CORE_SHARE`] on a page of the product kind (`pagetype`): the product's own section
/// (title, price, description, specifications) holds the larger part of the region, and the
/// sections after it — buyers' questions, "customers also viewed" cards, delivery and returns
/// panels, a brand's story, footnotes — are each smaller but together often more than the
/// tenth the general share leaves. Half is the majority line: at most one child holds it.
/// Measured on both dev sets after the review rule (`shop`): 0.8 / 0.7 / 0.6 / 0.5 / 0.4 / 0.3
/// gave product F1 0.6012 / 0.6051 / 0.6171 / 0.6228 / 0.6243 / 0.6213 (0.9: 0.5998); on the
/// whole of wcxb-dev 0.6 / 0.5 / 0.4 gave 0.86263 / 0.86281 / 0.86237 (0.86180 before;
/// at 0.4 service pages typed product lost 0.0025), scrapinghub 0.97761 at each (no page of
/// it is typed product). Going down into the child that holds the headline instead of the
/// largest one gave product 0.6160 at 0.5.
pub(super) const PRODUCT_CORE_SHARE: f64 = 0.5;

/// [`CORE_SHARE`] on a page of the forum kind (`pagetype`): the posts hold most of a thread's
/// region, and what follows them (a list of similar threads, a "log in to reply" band, the
/// forum's rules) is often more than the tenth the general share leaves, though less than a
/// fifth. Measured on both dev sets after the forum11 prune rules (wcxb-dev F1 0.87259):
/// 0.85 / 0.8 / 0.75 / 0.7 / 0.5 gave 0.87272 / 0.87273 / 0.87271 / 0.87248 / 0.87224 (forum
/// 0.81762 -> 0.81927 / 0.81936 / 0.81916 / 0.81632 / 0.81340; at 0.8 three threads up by
/// 0.03-0.11 page F1, none down; below 0.75 a thread's last posts leave), scrapinghub 0.97839
/// at each. The same on service pages (undated ones included) at 0.7 gave 0.87272 (service
/// 0.84530, listing 0.71319, collection 0.68989; 10 pages up, 8 down) but cut the cards
/// below a landing page's intro that the choice stage sends to the region to keep
/// (`choice.rs` tests): not kept.
pub(super) const FORUM_CORE_SHARE: f64 = 0.8;

/// Kept blocks (headings left out) the core must hold. One long paragraph can hold 90 % of a
/// short text by itself, and a closing line after it is the text's own: a core is a container
/// of blocks, not one of them. Seen on a forum post with the rule tried in the prose container
/// too; in the fallback alone it moved wcxb-dev 0.85866 -> 0.85867, scrapinghub unchanged.
const MIN_CORE_BLOCKS: u16 = 2;

/// Marks as [`Decision::AfterCore`] the region's kept blocks after the last block inside its
/// core, the deepest element holding `share` of the region's kept letters ([`CORE_SHARE`], or
/// [`PRODUCT_CORE_SHARE`] on a product page). Letters are counted linked or not: a listing's
/// items are links, and counting only unlinked text made a listing's intro line the core and
/// dropped every item after it (wcxb-dev 0.85785 with unlinked letters, listing 0.6773 ->
/// 0.6704). Headings are not counted: they title text, they do not weigh as much. Runs on the
/// region fallback only: one ancestor walk per kept block and one vector of the page's nodes.
/// A core that is a long list of cards drops nothing ([`is_long_card_list`]), except on a
/// `forum` thread.
pub(super) fn drop_after_core(
    doc: &Document,
    seg: &Segmentation,
    decisions: &mut [Decision],
    share: f64,
    forum: bool,
) {
    let Some(body) = doc.body() else {
        return;
    };
    let mut held = vec![0u32; doc.len()];
    // Kept blocks below each node, so that the walk stops above a single block.
    let mut blocks = vec![0u16; doc.len()];
    let mut total = 0u32;
    for (b, _) in seg.blocks.iter().zip(decisions.iter()).filter(|(b, d)| {
        **d == Decision::Kept && !matches!(b.kind, BlockKind::Heading(_)) && b.chars > 0
    }) {
        let letters = u32::try_from(b.chars).unwrap_or(u32::MAX);
        total = total.saturating_add(letters);
        for a in std::iter::once(b.node).chain(doc.ancestors(b.node)) {
            held[a.index()] = held[a.index()].saturating_add(letters);
            blocks[a.index()] = blocks[a.index()].saturating_add(1);
        }
    }
    if total == 0 {
        return;
    }
    let mut core = body;
    while let Some(child) = doc
        .children(core)
        .max_by_key(|c| held[c.index()])
        .filter(|c| {
            f64::from(held[c.index()]) >= share * f64::from(total)
                && blocks[c.index()] >= MIN_CORE_BLOCKS
        })
    {
        if is_repeated_card(doc, core, child, &held) {
            break;
        }
        core = child;
    }
    if core == body || (!forum && is_long_card_list(doc, core, &held)) {
        return;
    }
    let Some(last_inside) = seg.blocks.iter().rposition(|b| doc.is_within(b.node, core)) else {
        return;
    };
    super::relabel_kept(&mut decisions[last_inside + 1..], Decision::AfterCore);
}

/// Whether `child` of `parent` is one of a run of same-template siblings that hold kept
/// text: another child of `parent` with the same tag and the same non-empty `class` attribute
/// holds kept letters too, or, for table rows, cells and list items (repeated by their
/// nature), another such row, cell or item does. A product's description sections, a game's
/// text panels, a spec table's rows are such runs. The core walk stops above such a child: one
/// card holding most of the region (a spec table's long row, the longest of a product's
/// sections) is not the content's element, and its siblings (the next rows, the section with
/// the warranty and returns lines, the panel with a rating line) belong to the same content.
/// Siblings without kept letters do not count: empty wrappers of the same template stopped the
/// walk at `<body>` and kept a shop's whole page. Measured on both dev sets (a build without
/// LTO whose base matched the release build): 2 / 3 / 4 / 6 same-tag-and-class siblings
/// holding text, unclassed ones included, gave wcxb-dev 0.88489 / 0.88494 / 0.88488 / 0.88480
/// (main 0.88480), `with` by words 5,702 / 5,700 / 5,699 / 5,699 (main 5,699); counting empty
/// siblings too, 2 / 3 / 4 gave 0.88420 / 0.88449 / 0.88472 (product −0.011 / −0.006 /
/// −0.0025); asking the twins to hold a tenth of the child's letters gave 0.88493 and 5,700.
/// Two, with a class asked for (unclassed `<div>`s are any page's wrappers, not a template)
/// except on rows and items: 0.88494, `with` 5,701; cells too: 0.88494, `with` 5,702, listing
/// −0.0003 and article −0.00003 the only types down, kept. Scrapinghub 0.98106 at each.
fn is_repeated_card(doc: &Document, parent: NodeId, child: NodeId, held: &[u32]) -> bool {
    let (tag, class) = (doc.tag(child), doc.attr(child, "class"));
    let classed = class.is_some_and(|c| !c.trim().is_empty());
    if !classed && !matches!(tag, Some(Tag::Tr | Tag::Td | Tag::Li)) {
        return false;
    }
    doc.children(parent).any(|s| {
        s != child && held[s.index()] > 0 && doc.tag(s) == tag && doc.attr(s, "class") == class
    })
}

/// Children of the same tag and non-empty class holding kept text that make a core a long
/// list of cards, and the share of the core's kept letters they must hold together.
/// Measured on both dev sets, the core rule then dropping nothing (forums left out: a
/// thread's posts are such a list, and what follows them is the forum's): 3 / 5 / 6 / 8 / 12
/// cards at half of the letters gave wcxb-dev 0.88483 / 0.88489 / – / 0.88498 / – and at four
/// fifths – / 0.88495 / 0.88502 / 0.88500 / 0.88501, `without` leaked 210 / 207 / 207 / 204 /
/// 203 (the repeated-card stop alone: 0.88494, 203); 12 at nine tenths 0.88499. Six and
/// eight leak 4 and 1 snippets more than twelve for 0.00001 of F1. Fewer cards
/// let a story's paragraphs or a shop's sections count as a list. Widening the core to the
/// list's parent instead of keeping all gave 0.88488 / 0.88492 (3 / 5 cards), no snippet more.
/// Scrapinghub 0.98106 at each.
const MIN_LIST_CARDS: usize = 12;
const LIST_CARDS_SHARE: f64 = 0.8;

/// Whether `core` is a long list of cards ([`MIN_LIST_CARDS`] classed same-template children
/// holding [`LIST_CARDS_SHARE`] of its kept letters): a listing's items or a video playlist.
/// What follows such a list in the region is more of the listing (a teaser headline, the next
/// cards in another template), not a footer: the core rule keeps it.
fn is_long_card_list(doc: &Document, core: NodeId, held: &[u32]) -> bool {
    let run = |k: NodeId| {
        let (tag, class) = (doc.tag(k), doc.attr(k, "class"));
        doc.children(core)
            .filter(|&s| held[s.index()] > 0 && doc.tag(s) == tag && doc.attr(s, "class") == class)
            .fold((0usize, 0u32), |(n, h), s| {
                (n + 1, h.saturating_add(held[s.index()]))
            })
    };
    doc.children(core)
        .filter(|&k| {
            held[k.index()] > 0 && doc.attr(k, "class").is_some_and(|c| !c.trim().is_empty())
        })
        .map(run)
        .any(|(n, h)| {
            n >= MIN_LIST_CARDS && f64::from(h) >= LIST_CARDS_SHARE * f64::from(held[core.index()])
        })
}

/// Takes back the cells of key/value tables (rows with a header cell: "Weight | 2 kg") that
/// the core rule dropped: a product's specifications, which shops often set in a tab or a
/// section after the product's main block. Run on product pages after [`drop_after_core`].
/// Measured on both dev sets: wcxb-dev F1 0.86290 -> 0.86296 (product 0.6230 -> 0.6234; 5
/// pages changed, 3 up by up to 0.17, 2 down where the gold leaves a spec table out), no type
/// down, `without` leaked 221 unchanged, scrapinghub unchanged. Every table's cells, headed or
/// not, gave 0.86290 (product 0.6222: size charts and comparison grids); definition lists
/// (`<dt>`/`<dd>`) too changed nothing.
pub(super) fn keep_spec_tables(seg: &Segmentation, decisions: &mut [Decision]) {
    let headed: Vec<crate::dom::NodeId> = seg
        .blocks
        .iter()
        .zip(decisions.iter())
        .filter(|(_, d)| **d == Decision::AfterCore)
        .filter_map(|(b, _)| b.cell.filter(|c| c.header).map(|c| c.table))
        .collect();
    if headed.is_empty() {
        return;
    }
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d == Decision::AfterCore && b.cell.is_some_and(|c| headed.contains(&c.table)) {
            *d = Decision::Kept;
        }
    }
}

/// Unlinked letters the first paragraph after a product page's core needs to be taken back
/// by [`keep_prose_after_core`]. Measured on both dev sets: 100 / 200 / 400 gave the same
/// three pages changed at 100 and 200 plus two more at 100 (a shop's answer line, page F1
/// 0.76 -> 0.72; another +0.01), none at 400; 200 gave wcxb-dev 0.88666 -> 0.88673, `with`
/// by words +1; scrapinghub unchanged at each.
const MIN_PROSE_AFTER_CORE: usize = 200;

/// Takes back, on a product page, the first paragraph the core rule dropped when it is plain
/// prose: no links, not a list entry, [`MIN_PROSE_AFTER_CORE`] letters or more, with the
/// headings right before it. The product share ([`PRODUCT_CORE_SHARE`]) ends the core at the
/// product's own section, and the panels after it (delivery, returns, questions, cards) are
/// short lines and links; a long sentence paragraph there is the seller's own text about the
/// product or the business (a service typed as a product: "we have served the valley for
/// twenty years …"). Only the first: what follows it is the page's. Run after
/// [`drop_after_core`]; one scan of the decisions. The same on pages of other kinds (share
/// 0.9) found no snippet and cost service pages (0.85578 -> 0.85540).
pub(super) fn keep_prose_after_core(seg: &Segmentation, decisions: &mut [Decision]) {
    let Some(first) = decisions.iter().position(|&d| d == Decision::AfterCore) else {
        return;
    };
    let Some(i) = (first..decisions.len()).find(|&i| {
        decisions[i] == Decision::AfterCore && !matches!(seg.blocks[i].kind, BlockKind::Heading(_))
    }) else {
        return;
    };
    let b = &seg.blocks[i];
    if b.kind != BlockKind::Paragraph
        || b.link_chars > 0
        || b.list.is_some()
        || b.chars < MIN_PROSE_AFTER_CORE
    {
        return;
    }
    decisions[i] = Decision::Kept;
    for j in (first..i).rev() {
        if decisions[j] != Decision::AfterCore
            || !matches!(seg.blocks[j].kind, BlockKind::Heading(_))
        {
            break;
        }
        decisions[j] = Decision::Kept;
    }
}

/// Takes back the blocks the core rule dropped that lie in a lone tab panel: an element with
/// `role="tabpanel"` that is the only panel among its parent's children. A product's single
/// "item details" tab set after its main block is always on view (there is no other tab to
/// switch to) and holds the product's own lines: the seller's terms, the item's number, its
/// condition notes. A panel among several (description, reviews, questions, shipping) is a
/// tab set whose other panels the gold mostly leaves out. Run on product pages after
/// [`drop_after_core`]; one ancestor walk per dropped block, and a scan of one parent's
/// children where a panel is found. Measured on both dev sets: every tab panel gave wcxb-dev
/// 0.88642 -> 0.88648 (product 0.65225 -> 0.65195: two shops' multi-tab descriptions down by
/// 0.12 and 0.16 page F1), a lone panel 0.88666 (product 0.65533), `with` by words 5,735 ->
/// 5,740 either way, no leak; counting the `role="tab"` items instead found no lone tab (a tab
/// list is pruned as navigation before this stage). Scrapinghub unchanged at each.
pub(super) fn keep_tab_panels(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let is_panel = |n: NodeId| {
        doc.attr(n, "role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("tabpanel"))
    };
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d != Decision::AfterCore {
            continue;
        }
        let Some(panel) = doc.ancestors(b.node).find(|&a| is_panel(a)) else {
            continue;
        };
        let lone = doc
            .parent(panel)
            .is_some_and(|p| doc.children(p).filter(|&n| is_panel(n)).count() == 1);
        if lone {
            *d = Decision::Kept;
        }
    }
}

/// Letters a prose band after the region needs to be kept by [`keep_prose_after`]: an essay,
/// not a notice. Measured on both dev sets: 400 / 800 / 1000 / 1500 / 3000 letters gave
/// wcxb-dev 0.88433 / 0.88433 / 0.88435 / 0.88435 / 0.88435 (800 and under keep a listing's
/// shorter band its gold leaves out, listing −0.0002); scrapinghub unchanged at each.
const MIN_PROSE_AFTER: usize = 1000;

/// Keeps the first band of plain prose after the region's last kept block: a run of headings
/// and paragraphs under one parent, outside the region, with no links, list items or table
/// cells, two paragraphs or more and [`MIN_PROSE_AFTER`] letters or more — a listing's or a
/// shop category's text about its subject set below its grid. Footers and link bands have
/// links or short lines; a run with any linked line is left (allowing links up to a tenth of a
/// line's letters, or list items, found nothing more). Measured on both dev sets: wcxb-dev
/// 0.88389 -> 0.88435 (collection 0.73528 -> 0.74213), `with` by words 5,681 -> 5,685, no leak;
/// scrapinghub unchanged. Blocks the after-core rule dropped are not taken: that variant
/// found no snippet more and cost product −0.0004.
pub fn keep_prose_after(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let Some(last) = decisions.iter().rposition(|&d| d == Decision::Kept) else {
        return;
    };
    let Some(start) =
        (last + 1..seg.blocks.len()).find(|&i| decisions[i] == Decision::OutsideContainer)
    else {
        return;
    };
    let parent = doc.parent(seg.blocks[start].node);
    let (mut end, mut letters, mut paragraphs) = (start, 0, 0);
    while let Some(b) = seg.blocks.get(end) {
        if decisions[end] != Decision::OutsideContainer || doc.parent(b.node) != parent {
            break;
        }
        if b.link_chars > 0 || b.list.is_some() || b.cell.is_some() {
            return;
        }
        match b.kind {
            BlockKind::Paragraph => paragraphs += 1,
            BlockKind::Heading(_) => {}
            _ => return,
        }
        letters += b.chars;
        end += 1;
    }
    if paragraphs >= 2 && letters >= MIN_PROSE_AFTER {
        decisions[start..end].fill(Decision::Kept);
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text;

    use super::{
        drop_after_core, keep_prose_after, keep_prose_after_core, keep_spec_tables,
        keep_tab_panels, Decision, CORE_SHARE,
    };
    use crate::dom::{parse, ParseLimits};
    use crate::segment::segment;

    /// The decisions the core rule leaves on the test pages built around a chair's core: its
    /// two lines kept ("A chair.", "Of beech."), every other block dropped after it.
    fn chair_core_decisions(seg: &crate::segment::Segmentation) -> Vec<Decision> {
        seg.blocks
            .iter()
            .map(|b| {
                if b.text.contains("chair") || b.text.contains("beech") {
                    Decision::Kept
                } else {
                    Decision::AfterCore
                }
            })
            .collect()
    }

    // Guards the two-block floor: a paragraph holding 90 % of the kept letters alone is not a
    // core, so the short closing line after it stays.
    #[test]
    fn one_long_block_is_not_a_core() {
        let long = "We crossed the lake at dawn and the water was flat as glass all the way to \
                    the far shore, where the old boathouse still stands by the pier. "
            .repeat(4);
        let html = format!(
            "<body><div><div><p>Hello all.</p><p>{long}</p><p>Who else went?</p></div></div>\
             </body>"
        );
        let doc = parse(&html, &ParseLimits::default()).unwrap();
        let seg = segment(&doc);
        let mut decisions = vec![Decision::Kept; seg.blocks.len()];
        drop_after_core(&doc, &seg, &mut decisions, CORE_SHARE, false);
        assert!(
            decisions.iter().all(|d| *d == Decision::Kept),
            "{decisions:?}"
        );
    }

    // Guards the product share: on a page typed product (JSON-LD `Product`) the section after
    // the product's own, holding a third of the region (cards of other products), leaves;
    // the same page without the type keeps it (the general share wants nine tenths).
    #[test]
    fn product_page_core_is_the_larger_half() {
        let about = "<p>A folding chair of oiled beech with a woven seat of paper cord, made \
            in a small workshop by the river. It folds flat to four centimetres and hangs on a \
            hook, and the seat takes a grown person's weight for years of garden dinners.</p>\
            <p>Beech from managed forests, linseed oil finish, brass hinges that do not rust \
            in the rain, and a seat you can weave again when it wears after many summers.</p>";
        let cards: String = (1..=4)
            .map(|n| {
                format!(
                    "<div class=card><h3>Stool number {n} in ash</h3><p>Three legs, a round \
                     seat, oiled ash, stacks by {n}</p></div>"
                )
            })
            .collect();
        let page = |kind: &str| {
            format!(
                "<html><head><script type='application/ld+json'>{{\"@type\":\"{kind}\"}}\
                 </script></head><body><main><div><h1>Garden chair</h1><div>{about}</div>\
                 </div><div><h2>Also in the shop</h2>{cards}</div></main></body></html>"
            )
        };
        let product = extracted_text(&page("Product"));
        assert!(product.contains("brass hinges"), "{product}");
        assert!(!product.contains("stacks by 4"), "{product}");
        let other = extracted_text(&page("WebPage"));
        assert!(other.contains("stacks by 4"), "{other}");
    }

    // Guards the forum share: a band after the posts holding about a sixth of the region (a
    // "similar threads" box) leaves a thread, and stays on an article (the general share
    // wants nine tenths).
    #[test]
    fn forum_core_leaves_out_a_sixth() {
        let own = "<p>The boiler in the cellar clicks three times and then stops, every \
            morning since the frost. The pilot light is on, the pressure reads one and a half \
            bar and the radiators upstairs stay cold until noon.</p><p>We bled them all on \
            Sunday, cleaned the filter and checked the thermostat's batteries, and the \
            clicking is still there at six.</p>";
        let band = "<div><h2>More like this</h2><p>Radiators cold at the top only</p>\
            <p>Thermostat loses its settings overnight</p></div>";
        let page = |kind: &str| {
            format!(
                "<html><head><script type='application/ld+json'>{{\"@type\":\"{kind}\"}}\
                 </script></head><body><main><div><h1>Boiler clicks</h1><div>{own}</div>\
                 </div>{band}</main></body></html>"
            )
        };
        let thread = extracted_text(&page("DiscussionForumPosting"));
        assert!(thread.contains("still there at six"), "{thread}");
        assert!(!thread.contains("loses its settings"), "{thread}");
        let article = extracted_text(&page("NewsArticle"));
        assert!(article.contains("loses its settings"), "{article}");
    }

    // Guards the repeated-card stop: the walk does not go into one of two same-template
    // sections that both hold text, even when the first holds nine tenths of the region, so
    // the second section's closing line stays; a sibling of another tag does not stop it.
    #[test]
    fn walk_stops_above_a_repeated_card() {
        let long = "The kettle boils a litre in three minutes on any hob, gas or induction, \
                    and its handle stays cool because the steel is doubled where you hold it. "
            .repeat(3);
        let sections = |second: &str| {
            format!(
                "<body><div><div class=part><p>{long}</p><p>{long}</p></div>\
                 <{second} class=part><p>Guaranteed for ten years.</p></{second}></div></body>"
            )
        };
        let decide = |html: &str| {
            let doc = parse(html, &ParseLimits::default()).unwrap();
            let seg = segment(&doc);
            let mut decisions = vec![Decision::Kept; seg.blocks.len()];
            drop_after_core(&doc, &seg, &mut decisions, CORE_SHARE, false);
            let last = seg
                .blocks
                .iter()
                .rposition(|b| b.text.contains("ten years"));
            decisions[last.unwrap()]
        };
        assert_eq!(decide(&sections("div")), Decision::Kept);
        // Another template (a `<section>`): the first part is the core, the line is after it.
        assert_eq!(decide(&sections("section")), Decision::AfterCore);
    }

    // Guards the card-list core: after a list of twelve same-class cards holding nearly all
    // of the region, the teaser under it stays (a listing's next part); on a forum thread
    // (the posts are such a list) it leaves.
    #[test]
    fn long_card_list_core_keeps_what_follows() {
        let cards: String = (1..=12)
            .map(|n| {
                format!(
                    "<div class=clip><h3>Clip {n}: the harbour at night</h3><p>Boats come in \
                     under the lamps and the crews tie up before the rain, part {n}.</p></div>"
                )
            })
            .collect();
        let html = format!(
            "<body><div><div class=list>{cards}</div><div class=more><h3>Next up</h3>\
             <p>Fog on the pier</p></div></div></body>"
        );
        let doc = parse(&html, &ParseLimits::default()).unwrap();
        let seg = segment(&doc);
        let teaser = seg.blocks.iter().rposition(|b| b.text.contains("Fog"));
        for (forum, want) in [(false, Decision::Kept), (true, Decision::AfterCore)] {
            let mut decisions = vec![Decision::Kept; seg.blocks.len()];
            drop_after_core(&doc, &seg, &mut decisions, CORE_SHARE, forum);
            assert_eq!(decisions[teaser.unwrap()], want, "forum {forum}");
        }
    }

    // Guards the table rule: cells of a table with header cells after the core come back;
    // other blocks after the core stay dropped.
    #[test]
    fn spec_table_after_the_core_comes_back() {
        let html = "<body><div><p>A chair.</p><p>Of beech.</p></div><p>Ships soon.</p>\
            <table><tr><th>Weight</th><td>4 kg</td></tr></table></body>";
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let seg = segment(&doc);
        let mut decisions = chair_core_decisions(&seg);
        keep_spec_tables(&seg, &mut decisions);
        for (b, d) in seg.blocks.iter().zip(&decisions) {
            let want = if b.text.contains("Ships") {
                Decision::AfterCore
            } else {
                Decision::Kept
            };
            assert_eq!(*d, want, "{}", b.text);
        }
    }

    // Guards the prose-after-core rule: the first paragraph the core rule dropped comes
    // back with its heading when it is 200+ unlinked letters; the lines after it, and a short
    // first line (a delivery note), stay dropped.
    #[test]
    fn long_prose_right_after_the_core_comes_back() {
        let prose = "We have built garden furniture by the river for twenty years, from the \
            first folding stool to the long tables of the village fair, and every piece is \
            made to order in our own workshop from wood we choose ourselves at the sawmill. \
            Send us a drawing and we will make it.";
        for (first, want) in [
            (prose, Decision::Kept),
            ("Ships in two days.", Decision::AfterCore),
        ] {
            let html = format!(
                "<body><div><p>A chair.</p><p>Of beech.</p></div><h2>About us</h2>\
                 <p>{first}</p><p>Sign up for our letter.</p></body>"
            );
            let doc = parse(&html, &ParseLimits::default()).unwrap();
            let seg = segment(&doc);
            let mut decisions = chair_core_decisions(&seg);
            keep_prose_after_core(&seg, &mut decisions);
            for (b, d) in seg.blocks.iter().zip(&decisions) {
                let expected = if b.text.contains("chair") || b.text.contains("beech") {
                    Decision::Kept
                } else if b.text.contains("About us") || b.text.contains(&first[..10]) {
                    want
                } else {
                    Decision::AfterCore
                };
                assert_eq!(*d, expected, "{}", b.text);
            }
        }
    }

    // Guards the tab-panel rule: lines the core rule dropped inside a lone `role="tabpanel"`
    // (a product's one "item details" tab) come back; the same lines in one panel of a set
    // of two (description and reviews tabs) and a line outside any panel stay dropped.
    #[test]
    fn lone_tab_panel_after_the_core_comes_back() {
        let page = |panels: &str| {
            format!(
                "<body><div><p>A lamp.</p><p>Of brass.</p></div><p>Ships soon.</p>\
                 <div><div role=tabpanel><p>Item code: 1234</p></div>{panels}</div></body>"
            )
        };
        for (extra, want) in [
            ("", Decision::Kept),
            (
                "<div role=tabpanel><p>Five stars, bright.</p></div>",
                Decision::AfterCore,
            ),
        ] {
            let html = page(extra);
            let doc = parse(&html, &ParseLimits::default()).unwrap();
            let seg = segment(&doc);
            let mut decisions: Vec<Decision> = seg
                .blocks
                .iter()
                .map(|b| {
                    if b.text.contains("lamp") || b.text.contains("brass") {
                        Decision::Kept
                    } else {
                        Decision::AfterCore
                    }
                })
                .collect();
            keep_tab_panels(&doc, &seg, &mut decisions);
            for (b, d) in seg.blocks.iter().zip(&decisions) {
                let expected = if b.text.contains("Item code") {
                    want
                } else if b.text.contains("lamp") || b.text.contains("brass") {
                    Decision::Kept
                } else {
                    Decision::AfterCore
                };
                assert_eq!(*d, expected, "{} with {extra:?}", b.text);
            }
        }
    }

    // Guards the rule: an unmarked band after the content's own subtree (an address line
    // with no footer tag or class) leaves the region fallback's output; the content stays.
    #[test]
    fn drops_unmarked_band_after_the_content() {
        let intro = "<p>Our guide compares the ferries we rode over the whole season on calm \
            and rough water, with notes on speed, comfort, the cafe on board and how each boat \
            held up in the spring floods. We rode every boat on the same routes in the same \
            weeks and asked twelve travellers to ride them for a week each before they told us \
            what they thought.</p>";
        // Short cards beside the intro's own wrapper: the prose container holds a small part
        // of the marked region's text, and the region fallback runs.
        let cards: String = (1..=20)
            .map(|n| format!("<div class=card><h3>Boat {n}</h3><div>Slow and wide {n}</div></div>"))
            .collect();
        let page = format!(
            "<body><main><div class=wrap><h1>Canal ferries</h1><div><div>{intro}</div></div>\
             <div>{cards}</div></div><div>Harbour Office, 12 Quay Lane, open daily</div>\
             </main></body>"
        );
        let text = extracted_text(&page);
        assert!(text.contains("spring floods"), "{text}");
        assert!(text.contains("Slow and wide 20"), "{text}");
        assert!(!text.contains("Quay Lane"), "{text}");
    }
    /// A region's grid of cards (kept), then a band after it, every block of the band marked
    /// outside the region as the region path leaves it; returns the band's decisions after
    /// `keep_prose_after`.
    fn band_after_grid(band: &str) -> Vec<Decision> {
        let cards: String = (1..=4)
            .map(|n| format!("<li><h3>Teapot number {n}</h3><p>Glazed clay, {n}00 ml</p></li>"))
            .collect();
        let html = format!(
            "<body><main><h1>Teapots</h1><ul>{cards}</ul></main><div><section>{band}</section>\
             </div></body>"
        );
        let doc = parse(&html, &ParseLimits::default()).unwrap();
        let seg = segment(&doc);
        let grid = 1 + 2 * 4;
        let mut decisions: Vec<Decision> = (0..seg.blocks.len())
            .map(|i| {
                if i < grid {
                    Decision::Kept
                } else {
                    Decision::OutsideContainer
                }
            })
            .collect();
        keep_prose_after(&doc, &seg, &mut decisions);
        decisions[grid..].to_vec()
    }

    const ABOUT: &str = "Clay teapots keep the heat of the water longer than glass or steel \
        ones, and an unglazed inside slowly takes on the taste of the tea you brew most often, \
        which is why many people keep one pot for green tea and another for black. ";

    // Guards the rule: headings and unlinked paragraphs of essay length below a listing's
    // grid (a category's text) are the page's content and come back.
    #[test]
    fn prose_band_after_the_grid_is_kept() {
        let band = format!(
            "<h2>About clay teapots</h2><p>{}</p><p>{}</p>",
            ABOUT.repeat(3),
            ABOUT.repeat(3)
        );
        let decisions = band_after_grid(&band);
        assert!(
            decisions.iter().all(|d| *d == Decision::Kept),
            "{decisions:?}"
        );
    }

    // Guards the limits: a band with a linked line (a footer's or a promo's), or a short one
    // (a notice), stays out.
    #[test]
    fn linked_or_short_band_after_the_grid_stays_out() {
        let linked = format!(
            "<h2>About clay teapots</h2><p>{}</p><p>{} <a href=/care>Care guide</a></p>",
            ABOUT.repeat(3),
            ABOUT.repeat(3)
        );
        let short = format!("<h2>About us</h2><p>{ABOUT}</p><p>{ABOUT}</p>");
        for band in [linked, short] {
            let decisions = band_after_grid(&band);
            assert!(
                decisions.iter().all(|d| *d == Decision::OutsideContainer),
                "{decisions:?}"
            );
        }
    }
}
