//! The end of the article inside its container.
//!
//! The chosen container often holds more than the article: after its last paragraph come the
//! "related", "top stories" or "more from" teasers the template sets below every story — a
//! linked headline, a one-line blurb, another headline. The link-density rule drops the linked
//! headlines but keeps the unlinked blurbs between them. What marks the article's end is
//! structural and holds in any language: the last solid block, then a link-heavy one. Nothing
//! kept after that point is longer than a blurb (else it would be the last solid block).
//! The same holds for the main-region fallback, where the tail is a footer's or a rail's.

use super::Decision;
use crate::segment::{BlockKind, Segmentation};

/// A kept block this long (letters and digits) is the article's own text, not a teaser's
/// blurb. Measured 120 / 150 / 200 / 250 (with the link share below at 1.0): scrapinghub F1
/// 0.9693 / — / 0.9695 / 0.9694, wcxb-dev 0.8500 at each (from 0.9684 / 0.8499 with the
/// caption rule alone); 150 cost scrapinghub recall without the share test.
const SOLID_CHARS: usize = 200;

/// The tail must hold at least as many letters in link-heavy blocks as in kept ones: a run of
/// teasers is mostly links, while an article that goes on after a "read more" line is mostly
/// its own text. Measured without the test / 0.5 / 1.0 / 2.0: scrapinghub F1 0.9666 / 0.9701
/// / 0.9695 / 0.9691 (from 0.9687, before the caption rule moved ahead of the region choice),
/// wcxb-dev 0.8477 / 0.8499 / 0.8500 / 0.8495; without it documentation fell 0.910 -> 0.901.
/// 1.0 is the only value that helps both sets.
const MIN_TAIL_LINK_SHARE: f64 = 1.0;

/// Drops the kept blocks after the first link-heavy block that follows the last solid one,
/// when that tail is mostly links; entries of the last solid block's own list stay.
pub fn drop_teaser_tail(seg: &Segmentation, decisions: &mut [Decision]) {
    let Some(last_solid) = seg
        .blocks
        .iter()
        .zip(decisions.iter())
        .rposition(|(b, &d)| {
            d == Decision::Kept
                && !matches!(b.kind, BlockKind::Heading(_))
                && b.chars >= SOLID_CHARS
        })
    else {
        return;
    };
    let Some(first_link) = decisions[last_solid + 1..]
        .iter()
        .position(|&d| d == Decision::LinkHeavy)
        .map(|i| i + last_solid + 1)
    else {
        return;
    };
    let (mut linked, mut kept) = (0usize, 0usize);
    for (b, &d) in seg.blocks[first_link..]
        .iter()
        .zip(&decisions[first_link..])
    {
        match d {
            Decision::LinkHeavy => linked += b.chars,
            Decision::Kept => kept += b.chars,
            _ => {}
        }
    }
    if (linked as f64) < MIN_TAIL_LINK_SHARE * kept as f64 {
        return;
    }
    // When the last solid block is a list entry, the later entries of the same list (a
    // resource list's last, short entry after a link-heavy one) continue it: teasers come in a
    // list of their own. Measured on both dev sets: wcxb-dev F1 0.88493 -> 0.88495 (article
    // 0.96049 -> 0.96053), `with` by words 5,702 -> 5,703, `without` leaked 200 unchanged;
    // scrapinghub 0.98106 unchanged.
    let solid_list = seg.blocks[last_solid].list.map(|l| l.list);
    for (i, d) in decisions.iter_mut().enumerate().skip(first_link + 1) {
        let same_list = solid_list.is_some() && seg.blocks[i].list.map(|l| l.list) == solid_list;
        if *d == Decision::Kept && !same_list {
            *d = Decision::TeaserTail;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text as text_of;

    /// Guards the list exemption: in a resource list whose long entry is the last solid
    /// block, a later short entry after a link-heavy one stays, while a blurb after the list
    /// goes.
    #[test]
    fn later_entries_of_the_solid_blocks_list_stay() {
        use super::{drop_teaser_tail, Decision};
        use crate::dom::{parse, ParseLimits};
        let long = PROSE.trim_start_matches("<p>").trim_end_matches("</p>");
        let html = format!(
            "<body><ul><li>{long}</li><li><a href=/a>A long linked entry about the old \
             bridge and the ferry timetable</a></li><li>Ferry times, winter.</li></ul>\
             <div>Most read today</div></body>"
        );
        let doc = parse(&html, &ParseLimits::default()).unwrap();
        let seg = crate::segment::segment(&doc);
        let mut decisions = crate::select::kept_but_link_heavy(&seg);
        drop_teaser_tail(&seg, &mut decisions);
        let tail: Vec<&str> = seg
            .blocks
            .iter()
            .zip(&decisions)
            .filter(|(_, d)| **d == Decision::TeaserTail)
            .map(|(b, _)| b.text.trim())
            .collect();
        assert_eq!(tail, ["Most read today"]);
    }

    const PROSE: &str = "<p>The council voted on Tuesday to close the old bridge for repairs, \
        and the work, which will take a year, starts in the spring after the last frost has \
        gone. Traffic will use the ferry and the northern ring road until the bridge reopens, \
        the council said.</p>";

    /// Guards the rule: the blurbs between linked teaser headlines after the story's last
    /// paragraph leave the body; the story stays.
    #[test]
    fn blurbs_between_teaser_links_after_the_story_are_dropped() {
        let teaser = |n: u32| {
            format!(
                "<div><a href=/s{n}>Another story about the harbour number {n} today</a></div>\
                 <div>A short blurb on story {n}, for readers.</div>"
            )
        };
        let page = format!(
            "<body><div><h1>Bridge</h1>{PROSE}{PROSE}<div>{}{}{}</div></div></body>",
            teaser(1),
            teaser(2),
            teaser(3)
        );
        let text = text_of(&page);
        assert!(text.contains("close the old bridge"), "{text}");
        assert!(!text.contains("short blurb"), "{text}");
    }

    /// Guards the link share: text that goes on after a "read more" link and outweighs it is
    /// still the article's.
    #[test]
    fn text_that_outweighs_a_link_after_the_story_is_kept() {
        let page = format!(
            "<body><div><h1>Bridge</h1>{PROSE}<div><a href=/more>Read more about the bridge \
             works</a></div><p>The ferry runs every hour.</p><p>Tickets cost two euros on \
             board for adults.</p></div></body>"
        );
        let text = text_of(&page);
        assert!(text.contains("ferry runs every hour"), "{text}");
        assert!(text.contains("two euros"), "{text}");
    }
}
