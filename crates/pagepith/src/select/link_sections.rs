//! Headings over nothing but dropped links.
//!
//! In the main-region fallback the whole region's blocks pass the block rules, so a footer's
//! or a menu's column titles ("Get to know us", "Support", "Categories") stay while the links
//! under them go as link-heavy. A heading whose section, up to the next kept block, holds only
//! link-heavy blocks titles a link list and heads nothing in the body: the structural test
//! holds in any language. Headings over a listing's kept items are not touched.

use super::Decision;
use crate::segment::{BlockKind, Segmentation};

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

#[cfg(test)]
mod tests {
    use crate::Config;

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
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
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
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("Our tutors are working designers"), "{text}");
        assert!(!text.contains("Know the company"), "{text}");
    }
}
