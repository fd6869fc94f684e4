//! Headings over nothing but dropped links.
//!
//! In the main-region fallback the whole region's blocks pass the block rules, so a footer's
//! or a menu's column titles ("Get to know us", "Support", "Categories") stay while the links
//! under them go as link-heavy. A heading whose section, up to the next kept block, holds only
//! link-heavy blocks titles a link list and heads nothing in the body: the structural test
//! holds in any language. Headings over a listing's kept items are not touched.

use super::Decision;
use crate::dom::{Document, NodeId};
use crate::segment::{BlockKind, Segmentation, TextBlock};

/// Dropped links that make a link list rather than one stray link (a heading over a single
/// "see all" link). Measured 1 / 2 / 3 on the region fallback: wcxb-dev F1 0.8488 / 0.8502 /
/// 0.8502 (from 0.8502; listing .638 -> .622 at 1), `without` leaked 235 / 244 / 246 of
/// 5,223 (from 251), scrapinghub 0.9700 at each. 2 is the smallest that is a list.
const MIN_LINKS: usize = 2;

/// Letters from which a heading is a sentence set in a heading's type (a hero's tagline, a
/// section's lead line), not a title over a section: it says something by itself, so it
/// stays even where nothing kept follows it. Used by this rule and by
/// [`super::filter::drop_trailing_heading`]. Measured on both dev sets: 40 / 50 / 60 / 80 /
/// 100 / 150 letters gave wcxb-dev F1 0.87806 / 0.87803 / 0.87803 / 0.87800 / 0.87799 /
/// 0.87797 (from 0.87795; service 0.84923 -> 0.84982 at 60), `with` snippets by words +4 /
/// +4 / +3 / +2 / +2 / +1, `without` leaked +1 at 40 and 50, none from 60; scrapinghub
/// 0.98093 at each. 60 is the shortest that leaks nothing.
pub(super) const MIN_STATEMENT_HEADING_CHARS: usize = 60;

/// Whether `b` is a heading of [`MIN_STATEMENT_HEADING_CHARS`] or more.
pub(super) fn is_statement_heading(b: &crate::segment::TextBlock) -> bool {
    matches!(b.kind, BlockKind::Heading(_)) && b.chars >= MIN_STATEMENT_HEADING_CHARS
}

/// Marks as [`Decision::EmptySection`] each kept heading followed, up to the next kept block,
/// by [`MIN_LINKS`] or more link-heavy blocks and nothing kept.
pub fn drop_link_list_titles(seg: &Segmentation, decisions: &mut [Decision]) {
    for i in 0..seg.blocks.len() {
        if decisions[i] != Decision::Kept || !matches!(seg.blocks[i].kind, BlockKind::Heading(_)) {
            continue;
        }
        let mut links = 0;
        for d in &decisions[i + 1..] {
            match d {
                Decision::LinkHeavy => links += 1,
                Decision::Kept | Decision::TeaserTail => break,
                _ => {}
            }
        }
        if links >= MIN_LINKS && !is_statement_heading(&seg.blocks[i]) {
            decisions[i] = Decision::EmptySection;
        }
    }
}

/// Where a block sits among its section's siblings: the parent of its list when it is a list
/// item, else its own parent.
fn sibling_parent(doc: &Document, b: &TextBlock) -> Option<NodeId> {
    match b.list {
        Some(place) => doc.parent(place.list),
        None => doc.parent(b.node),
    }
}

/// Whether `x` and `y` are items of one list.
fn same_list(x: &TextBlock, y: &TextBlock) -> bool {
    matches!((x.list, y.list), (Some(p), Some(q)) if p.list == q.list)
}

/// Takes back a section of bare links that the body's own sections enclose: a run of
/// link-heavy list items, perhaps under headings [`drop_link_list_titles`] dropped, between
/// two kept blocks, where the lists, the headings and both kept neighbours are children of
/// one element (a wiki's or a docs page's "further reading" section between its other
/// sections, a guide's list of linked titles under its own heading). The run must read as a
/// section: it holds a heading, or the kept block before it is one; with `continued_lists`,
/// the kept block before it may also be an earlier item of the same list (a list whose
/// entries are linked to different degrees). A related-stories box sits in a wrapper of its
/// own or at the body's end, with no kept block of the body's element after it; a bare list
/// of related headlines right after a paragraph is no section (scrapinghub's gold leaves
/// those out).
///
/// A run may also be one paragraph of links (no list) right under a kept heading that ends
/// with a colon (`is_lead_in_heading`): a row of downloads under "Download the guides:".
/// Measured on both dev sets: wcxb-dev F1 0.88566 -> 0.88568, `with` by words +1, `without`
/// leaked unchanged, two pages up and none down; scrapinghub unchanged. Under any kept
/// heading (no colon test) it was `with` +2 but one leak and six pages down (a map link under
/// each venue, a shop's "check price" rows, a "buy poster" button).
///
/// Measured on both dev sets (release build, each path's last rules): without the section
/// test, container path scrapinghub F1 0.98106 -> 0.98085 (two news stories' inline
/// "related" lists after a paragraph), region path listing 0.73898 -> 0.73654 and 4 more
/// `without` snippets leaked, both rejected. With it, both paths: wcxb-dev 0.88454 -> 0.88460,
/// `with` by words 5,689 -> 5,693, `without` leaked 200 -> 201, scrapinghub unchanged. The
/// continued list in the container path too: wcxb-dev 0.88467 (article +0.00014, listing
/// +0.00044, forum −0.00045: a thread whose posts are list items with linked user names),
/// `with` +1, one leak; in the region path as well it cost listings (0.73654: job cards'
/// linked tags), so there it stays off. See BENCHMARKS.md (session 13, linked13).
pub fn keep_inner_link_sections(
    doc: &Document,
    seg: &Segmentation,
    decisions: &mut [Decision],
    continued_lists: bool,
) {
    let n = seg.blocks.len();
    let mut i = 1;
    while i + 1 < n {
        // NOTE: a run starts right after a kept block and is taken only when a kept block
        // closes it, so the loop never reads past the kept blocks it has just set.
        if decisions[i - 1] != Decision::Kept
            || !matches!(decisions[i], Decision::LinkHeavy | Decision::EmptySection)
        {
            i += 1;
            continue;
        }
        let Some(parent) = sibling_parent(doc, &seg.blocks[i - 1]) else {
            i += 1;
            continue;
        };
        // The run: dropped headings and link-heavy items of lists, all under `parent`.
        let start = i;
        let mut j = i;
        let (mut headings, mut items) = (0, 0);
        while j < n {
            let b = &seg.blocks[j];
            if decisions[j] == Decision::EmptySection
                && matches!(b.kind, BlockKind::Heading(_))
                && doc.parent(b.node) == Some(parent)
            {
                headings += 1;
            } else if decisions[j] == Decision::LinkHeavy
                && sibling_parent(doc, b) == Some(parent)
                // An item of a list, or a row of links (one paragraph) right under a heading
                // that announces it.
                && (b.list.is_some()
                    || (j == start
                        && b.kind == BlockKind::Paragraph
                        && is_lead_in_heading(&seg.blocks[start - 1])))
            {
                items += 1;
            } else {
                break;
            }
            j += 1;
        }
        let before = &seg.blocks[start - 1];
        let section = headings > 0
            || matches!(before.kind, BlockKind::Heading(_))
            || (continued_lists && same_list(before, &seg.blocks[start]));
        let enclosed = section
            && items > 0
            && j < n
            && decisions[j] == Decision::Kept
            && sibling_parent(doc, &seg.blocks[j]) == Some(parent);
        if enclosed {
            for d in &mut decisions[start..j] {
                *d = Decision::Kept;
            }
        }
        i = j.max(start + 1);
    }
}

/// Whether `b` is a heading that ends with a colon: it announces what follows ("Download
/// the guides:"), so the row of links right under it is what it titles.
fn is_lead_in_heading(b: &TextBlock) -> bool {
    matches!(b.kind, BlockKind::Heading(_)) && b.text.trim_end().ends_with([':', '\u{ff1a}'])
}

/// Entries an index's lists hold at the least: more than a section's reading list. Measured
/// on both dev sets (with the letters test below at twice the kept text): 5 / 20 / 50 entries
/// changed the same one wcxb-dev page; with the letters test off, 3 entries changed four more
/// (one −0.015 page F1), 20 none. 20 is a count no reading list or menu column reaches.
const MIN_INDEX_ENTRIES: usize = 20;

/// How many times the region's kept letters the index's entries must hold: the page is its
/// lists, and the kept text only their introduction. Measured 0 / 1 / 2 with 20 entries: the
/// same page each; 2 is the stricter.
const MIN_INDEX_SHARE: usize = 2;

/// Takes back an index page's lists in the main-region fallback: link-heavy list items (and
/// the headings dropped over them) within two levels of the parent of the region's first
/// kept paragraph of 100+ unlinked letters (its introduction), when they number
/// [`MIN_INDEX_ENTRIES`] or more and hold [`MIN_INDEX_SHARE`] times the region's kept letters.
/// A list of entries each one link long under letter or topic headings ("an index of
/// notable bridges") is the page's content; a menu or a related-links rail sits elsewhere
/// than beside the introduction, and a reading list beside it is short.
///
/// Measured on both dev sets (release build, the region path's last rule): wcxb-dev F1
/// 0.88482 -> 0.88512 (listing 0.73979 -> 0.74377; one page, an index of languages under
/// letter headings, up 0.83 page F1), `with` by words 5,695 -> 5,699, `without` leaked
/// unchanged; scrapinghub unchanged. Also run in the container path (after
/// [`keep_inner_link_sections`]): the same figures on both sets.
pub fn keep_index_lists(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let intro = seg.blocks.iter().zip(decisions.iter()).find(|(b, d)| {
        **d == Decision::Kept
            && b.kind == BlockKind::Paragraph
            && b.list.is_none()
            && b.chars - b.link_chars >= MIN_INTRO_CHARS
    });
    let Some(p) = intro.and_then(|(b, _)| doc.parent(b.node)) else {
        return;
    };
    // The lists sit in the introduction's parent or one wrapper down (a multi-column box).
    let near = |n: NodeId| {
        let up = doc.parent(n);
        up == Some(p) || up.and_then(|x| doc.parent(x)) == Some(p)
    };
    let entry = |b: &TextBlock, d: Decision| {
        matches!(d, Decision::LinkHeavy | Decision::TeaserTail)
            && b.list.is_some_and(|l| near(l.list))
    };
    let kept = super::kept_chars_of(seg, decisions);
    let (mut count, mut letters) = (0, 0);
    for (b, d) in seg.blocks.iter().zip(decisions.iter()) {
        if entry(b, *d) {
            count += 1;
            letters += b.chars;
        }
    }
    if count < MIN_INDEX_ENTRIES || letters < MIN_INDEX_SHARE * kept {
        return;
    }
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if entry(b, *d) || (*d == Decision::EmptySection && near(b.node)) {
            *d = Decision::Kept;
        }
    }
}

/// Unlinked letters of an introduction: a sentence or two, as `linked_prose`'s prose bound.
const MIN_INTRO_CHARS: usize = 100;

/// Letters of a button's label: a few words ("Start now", "Book a call"). The bound of
/// link12's button rows (session 12), not varied here.
const MAX_BUTTON_CHARS: usize = 20;

/// Bands that must close with the same button for it to be the template's own. Measured on
/// both dev sets (service pages, the region path's last rule): 3 / 5 / 6 / 8 / 12 bands gave
/// wcxb-dev F1 0.88563 / 0.88568 / 0.88569 / 0.88573 / 0.88571 (from 0.88566; service
/// 0.85406 -> 0.85406 / 0.85432 / 0.85440 / 0.85469 / 0.85451), `with` by words +5 at each,
/// `without` leaked unchanged, scrapinghub unchanged. Below 8 more service pages' card
/// buttons ("view", "add") came back, which their gold leaves out; 8 is the best.
const MIN_BUTTON_BANDS: usize = 8;

/// Whether `a` is `b` or one of its ancestors up to three levels up (a button's label sits
/// in a `<div>` or `<span>` inside its `<a>`, inside the band's box).
fn holds_within(doc: &Document, a: NodeId, b: NodeId) -> bool {
    let mut n = Some(b);
    for _ in 0..4 {
        match n {
            Some(x) if x == a => return true,
            Some(x) => n = doc.parent(x),
            None => return false,
        }
    }
    false
}

/// Takes back the buttons of a page's bands when the bands of one template each close with
/// the same linked label: short link-heavy blocks outside lists, right after a kept block
/// whose parent holds them (the band's text and its button in one box), whose text repeats in
/// [`MIN_BUTTON_BANDS`] or more such places ("Start now" under each of a product tour's
/// panels). A button under one band is the site's furniture as often as not, and link12's
/// per-block test lost 30+ service pages; a label that closes every band of the page is part
/// of how the page presents each of them. One small map per page with candidates.
///
/// Measured on both dev sets (service pages, the region path's last rule, on main without
/// the lead-in heading rule): wcxb-dev F1 0.88566 -> 0.88573 (service 0.85406 -> 0.85469;
/// three pages up, three down by 0.004 to 0.018 page F1), `with` by words 5,717 -> 5,722,
/// `without` leaked unchanged; scrapinghub unchanged. See BENCHMARKS.md (session 13,
/// links13b).
pub fn keep_band_buttons(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let candidate = |i: usize, decisions: &[Decision]| {
        let b = &seg.blocks[i];
        i > 0
            && decisions[i] == Decision::LinkHeavy
            && b.list.is_none()
            && b.chars <= MAX_BUTTON_CHARS
            && decisions[i - 1] == Decision::Kept
            && doc
                .parent(seg.blocks[i - 1].node)
                .is_some_and(|p| holds_within(doc, p, b.node))
    };
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for i in 0..seg.blocks.len() {
        if candidate(i, decisions) {
            *counts.entry(seg.blocks[i].text.trim()).or_insert(0) += 1;
        }
    }
    if !counts.values().any(|&c| c >= MIN_BUTTON_BANDS) {
        return;
    }
    // NOTE: backwards, so that a button set kept here never makes the block after it read as
    // following a kept block (two buttons side by side stay as the first pass saw them).
    for i in (0..seg.blocks.len()).rev() {
        if candidate(i, decisions)
            && counts
                .get(seg.blocks[i].text.trim())
                .is_some_and(|&c| c >= MIN_BUTTON_BANDS)
        {
            decisions[i] = Decision::Kept;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{keep_band_buttons, Decision};
    use crate::dom::{parse, ParseLimits};
    use crate::segment::segment;

    /// One item of a listing: a card whose whole text is its product's link.
    fn card(n: u32) -> String {
        format!(
            "<div class=card><a class=item href=/p{n}>A long product name number {n} \
             in the range</a></div>"
        )
    }

    /// Guards the rule: in a listing (region fallback) a link column's title over its links
    /// leaves the body, while the title over the listing's kept items stays.
    #[test]
    fn a_heading_over_dropped_links_only_is_dropped() {
        // No prose: the region fallback runs. The link column sits between kept items, so the
        // rule that drops a heading the body ends on does not reach it.
        let page = format!(
            "<body><h2>Standing desks for the office</h2>{}{}\
             <h3>Know the company</h3><div><a href=/a>About</a></div>\
             <div><a href=/c>Contact</a></div><div><a href=/j>Jobs</a></div>{}{}</body>",
            card(1),
            card(2),
            card(3),
            card(4)
        );
        let text = crate::select::extracted_text(&page);
        assert!(text.contains("product name number 2"), "{text}");
        assert!(text.contains("Standing desks"), "{text}");
        assert!(!text.contains("Know the company"), "{text}");
    }

    /// Guards the statement heading: a sentence set as a heading over a few dropped links (a
    /// hero's tagline above its buttons) stays, while a short column title over links goes.
    #[test]
    fn a_heading_that_is_a_sentence_stays_over_dropped_links() {
        let page = format!(
            "<body><h2>Standing desks for the office</h2>{}{}\
             <h3>Our tutors are working designers, writers and engineers who teach evenings \
             and weekends</h3><div><a href=/a>Meet them</a></div><div><a href=/b>Book a \
             class</a></div><h3>Know the company</h3><div><a href=/c>About</a></div>\
             <div><a href=/d>Contact</a></div>{}{}</body>",
            card(1),
            card(2),
            card(3),
            card(4)
        );
        let text = crate::select::extracted_text(&page);
        assert!(text.contains("Our tutors are working designers"), "{text}");
        assert!(!text.contains("Know the company"), "{text}");
    }

    /// Prose for the body around the sections below: long enough to make the container.
    const PROSE: &str = "<p>The planner keeps a table of costs for each way it can read the \
        rows, and it picks the cheapest once the statistics are fresh enough to trust.</p>\
        <p>Most slow queries come from stale statistics, missing indexes or settings that \
        were tuned for a much smaller machine than the one the server now runs on.</p>";

    /// Guards the rule: a section of bare links under its own heading, between two of the
    /// body's sections, is part of the body, while a bare list of related headlines right
    /// after a paragraph, with no heading, stays out. Little prose follows either list, so
    /// `keep_inner_link_lists` (a list with two paragraphs after it) takes neither.
    #[test]
    fn a_link_section_between_sections_is_kept() {
        let page = format!(
            "<body><article><h1>Tuning the database</h1>{PROSE}\
             <h2>Hardware and storage</h2><ul><li><a href=/w/disks>Disk layouts</a></li>\
             <li><a href=/w/writes>Safe writes on cheap disks</a></li></ul>\
             <h2>Maintenance</h2><p>Vacuum the busiest tables every night.</p>\
             <ul><li><a href=/news/1>Markets fall on rate worries</a></li>\
             <li><a href=/news/2>A new stadium for the city</a></li></ul>\
             <p>Check the logs once a week.</p></article></body>"
        );
        let text = crate::select::extracted_text(&page);
        assert!(text.contains("Safe writes on cheap disks"), "{text}");
        assert!(text.contains("Check the logs"), "{text}");
        assert!(!text.contains("Markets fall"), "{text}");
    }

    /// Guards the enclosing test: the same section at the body's end, with nothing of the
    /// body after it, is a related-links box and stays out.
    #[test]
    fn a_link_section_at_the_end_stays_out() {
        let page = format!(
            "<body><article><h1>Tuning the database</h1>{PROSE}\
             <h2>Read next</h2><ul><li><a href=/w/disks>Disk layouts</a></li>\
             <li><a href=/w/writes>Safe writes on cheap disks</a></li></ul></article></body>"
        );
        let text = crate::select::extracted_text(&page);
        assert!(!text.contains("Safe writes on cheap disks"), "{text}");
    }

    /// Guards the index rule: a page that is an introduction and lists of one-link entries
    /// under letter headings (each list in a column box) keeps its entries.
    #[test]
    fn an_index_page_keeps_its_lists() {
        let mut lists = String::new();
        for h in ["A", "B", "C"] {
            lists.push_str(&format!(
                "<div class=heading><h2>{h}</h2><span><a href=/edit>edit</a></span></div>\
                 <div class=cols><ul>"
            ));
            for n in 1..=12 {
                lists.push_str(&format!(
                    "<li><a href=/w/{h}{n}>{h} maker number {n} of the list</a></li>"
                ));
            }
            lists.push_str("</ul></div>");
        }
        let page = format!(
            "<body><div class=content><h1>List of desk makers</h1><p>This is an index of desk \
             makers that are notable, in current or past business. Makers that sold only \
             through other brands are left out of it.</p>{lists}</div></body>"
        );
        let text = crate::select::extracted_text(&page);
        assert!(text.contains("B maker number 5 of"), "{text}");
        assert!(text.contains("C maker number 12 of"), "{text}");
    }

    /// Guards the lead-in heading: one paragraph of links under a heading that ends with a
    /// colon, between two of the body's paragraphs, is part of the body; the same row under a
    /// heading without the colon stays out.
    #[test]
    fn a_row_of_links_under_a_colon_heading_is_kept() {
        let page = |heading: &str| {
            format!(
                "<body><article><h1>Tuning the database</h1>{PROSE}<h3>{heading}</h3>\
                 <p><a href=/f/a.pdf>Planner handbook (pdf)</a> <a href=/f/b.pdf>Index \
                 sheet (pdf)</a></p><p>Check the logs once a week and keep the notes.</p>\
                 </article></body>"
            )
        };
        let text = |html: String| crate::select::extracted_text(&html);
        let with_colon = text(page("Download the guides:"));
        assert!(with_colon.contains("Planner handbook"), "{with_colon}");
        let without = text(page("Other guides"));
        assert!(!without.contains("Planner handbook"), "{without}");
    }

    /// The decisions of `html`'s blocks after `keep_band_buttons`, every block kept but the
    /// link-heavy ones.
    fn band_buttons(html: &str) -> Vec<(String, Decision)> {
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let seg = segment(&doc);
        let mut decisions = crate::select::kept_but_link_heavy(&seg);
        keep_band_buttons(&doc, &seg, &mut decisions);
        seg.blocks
            .iter()
            .map(|b| b.text.clone())
            .zip(decisions)
            .collect()
    }

    /// Guards the rule: the same button closing each of eight bands comes back; a button
    /// that closes only a few bands (a footer's "contact us") stays dropped.
    #[test]
    fn a_button_closing_every_band_is_kept() {
        let bands: String = (1..=8)
            .map(|n| {
                format!(
                    "<section><div class=band><h3>Feature number {n}</h3><p>What the \
                     feature number {n} does for a team.</p><a class=button href=/start>\
                     <span>Start now</span></a></div></section>"
                )
            })
            .collect();
        let html = format!(
            "<body>{bands}<div class=foot><p>Questions about plans?</p>\
             <a href=/c><span>Contact us</span></a></div></body>"
        );
        for (text, d) in band_buttons(&html) {
            let want = if text == "Contact us" {
                Decision::LinkHeavy
            } else {
                Decision::Kept
            };
            assert_eq!(d, want, "{text}");
        }
    }

    /// Guards the count: a button under three bands only is a card's furniture, not the
    /// template's, and stays dropped.
    #[test]
    fn a_button_under_a_few_bands_stays_dropped() {
        let bands: String = (1..=3)
            .map(|n| {
                format!(
                    "<div class=band><h3>Plan number {n}</h3><p>What the plan number {n} \
                     gives a team.</p><a href=/buy><span>Choose</span></a></div>"
                )
            })
            .collect();
        let html = format!("<body>{bands}</body>");
        for (text, d) in band_buttons(&html) {
            if text == "Choose" {
                assert_eq!(d, Decision::LinkHeavy);
            }
        }
    }
}
