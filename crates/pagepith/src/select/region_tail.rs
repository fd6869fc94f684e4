//! The end of a listing's region, where the tail's links are kept items.
//!
//! In the main-region fallback the repeated-items rule keeps linked blocks of one template as
//! a listing's items; the same rule keeps the "related searches", "similar threads" or "more
//! products" cards that follow the page's content, so the teaser-tail rule ([`super::trailing`])
//! sees kept text there and no link-heavy run. Here the tail's letters are weighed by what
//! they are, linked or not, whatever their decision: after the region's last long run of
//! unlinked text, a tail that starts with a link block and is mostly links is not the content.
//! A structural test that holds in any language.

use super::Decision;
use crate::dom::{Document, NodeId};
use crate::segment::{BlockKind, Segmentation};

/// Unlinked letters of a kept block that make it the content's own text. Longer than the
/// teaser-tail rule's 200 (which counts links too): a listing's cards hold descriptions of a
/// few hundred letters, and the content's end is the last block longer than any card.
/// Measured in a block-level replay of both dev sets at 250 / 300 / 400 / 500: wcxb-dev F1
/// +0.0001 / +0.0007 / +0.0008 / +0.0007, scrapinghub +0.0003 / +0.0003 / +0.0003 / +0.0002
/// (listing 0.6643 -> 0.6570 / 0.6637 / 0.6644 / 0.6644).
const SOLID_UNLINKED_CHARS: usize = 400;

/// A kept block with more than this share of link letters starts the tail like a dropped
/// link-heavy one: it is a linked item the repeated-items rule took back. The same half as
/// the block filter's link-density line, so a block counts as a link on either path.
const LINK_BLOCK_DENSITY: f64 = 0.5;

/// Marks as [`Decision::TeaserTail`] the kept blocks after the first link block that follows
/// the last solid one, when the tail holds at least as many link letters as unlinked kept
/// ones. Measured in the replay with the link share at 0.75 / 1.0 / 1.5 (solid at 300):
/// wcxb-dev F1 +0.0004 / +0.0007 / +0.0007, scrapinghub +0.0003 / +0.0003 / +0.0000; 1.0,
/// as for the teaser tail. Blocks of the last solid block's own element and class stay.
pub fn drop_linked_item_tail(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let blocks = &seg.blocks;
    let Some(last_solid) = blocks.iter().zip(decisions.iter()).rposition(|(b, &d)| {
        d == Decision::Kept
            && !matches!(b.kind, BlockKind::Heading(_))
            && b.chars - b.link_chars >= SOLID_UNLINKED_CHARS
    }) else {
        return;
    };
    let is_link_block = |i: usize| match decisions[i] {
        Decision::LinkHeavy => true,
        Decision::Kept => blocks[i].link_density() > LINK_BLOCK_DENSITY,
        _ => false,
    };
    let Some(first_link) = (last_solid + 1..blocks.len()).find(|&i| is_link_block(i)) else {
        return;
    };
    let (mut linked, mut unlinked) = (0usize, 0usize);
    for (b, &d) in blocks[first_link..].iter().zip(&decisions[first_link..]) {
        match d {
            Decision::LinkHeavy => linked += b.chars,
            Decision::Kept => {
                linked += b.link_chars;
                unlinked += b.chars - b.link_chars;
            }
            _ => {}
        }
    }
    if linked < unlinked {
        return;
    }
    // A kept block of the solid block's own template (a thread's last, short reply after its
    // author line) continues the content; the tail's teasers are built otherwise. Measured on
    // both dev sets: wcxb-dev F1 0.88492 -> 0.88493 (forum 0.82932 -> 0.82948; two pages
    // change, +0.018 and −0.001), `with` by words 5,701 -> 5,702, `without` leaked 200
    // unchanged; scrapinghub 0.98106 unchanged.
    let solid = blocks[last_solid].node;
    for (i, d) in decisions.iter_mut().enumerate().skip(first_link + 1) {
        if *d == Decision::Kept && !same_template(doc, solid, blocks[i].node) {
            *d = Decision::TeaserTail;
        }
    }
}

/// Whether `a` and `b` are elements of one tag and one non-empty class attribute.
fn same_template(doc: &Document, a: NodeId, b: NodeId) -> bool {
    doc.tag(a) == doc.tag(b)
        && doc
            .attr(a, "class")
            .is_some_and(|c| !c.trim().is_empty() && doc.attr(b, "class") == Some(c))
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text as text_of;

    /// Guards the template exemption: after a thread's long post and the next post's author
    /// links, a short reply in the posts' own element and class stays, while a teaser blurb
    /// in another element goes.
    #[test]
    fn a_short_reply_of_the_posts_template_stays() {
        use super::{drop_linked_item_tail, Decision};
        use crate::dom::{parse, ParseLimits};
        let post = INTRO.trim_start_matches("<p>").trim_end_matches("</p>");
        let links: String = (1..=6)
            .map(|n| format!("<div class=who><a href=/u{n}>A member's profile name {n}</a></div>"))
            .collect();
        let html = format!(
            "<body><div class=post>{post}</div>{links}<div class=post>Same here, thanks.</div>\
             <div class=blurb>More threads like this</div></body>"
        );
        let doc = parse(&html, &ParseLimits::default()).unwrap();
        let seg = crate::segment::segment(&doc);
        let mut decisions = crate::select::kept_but_link_heavy(&seg);
        drop_linked_item_tail(&doc, &seg, &mut decisions);
        for (b, d) in seg.blocks.iter().zip(&decisions) {
            let want = match b.text.trim() {
                "More threads like this" => Decision::TeaserTail,
                _ if b.link_density() > 0.5 => Decision::LinkHeavy,
                _ => Decision::Kept,
            };
            assert_eq!(*d, want, "{}", b.text);
        }
    }

    const INTRO: &str = "<p>Our guide compares the trail shoes we tested over the whole \
        season on rock, mud and snow, with notes on grip, weight, comfort on long days and how \
        each pair held up after three hundred kilometres of running. We ran every pair on the \
        same loops in the same weeks, weighed them on the same scale, and asked twelve runners \
        of different sizes to wear them for a week each before they told us what they thought \
        of the fit, the cushioning and the laces, which matter more than most reviews \
        admit. Prices are the ones we paid in the shops.</p>";

    /// Guards the rule: linked cards after the region's content, kept as a listing's items,
    /// leave the body with what follows them; the content and the cards before them stay.
    #[test]
    fn linked_items_after_the_content_are_dropped() {
        let item = |n: u32| {
            format!("<li class=rel><a href=/s{n}>Related search about shoes number {n}</a></li>")
        };
        let items: String = (1..=5).map(item).collect();
        // Cards too short to vote for a container, and the prose in a wrapper of its own: the
        // prose container holds a small part of the marked region's text, and the region
        // fallback runs.
        let cards: String = (1..=20)
            .map(|n| {
                format!("<div class=card><h3>Pair {n}</h3><div>Light and fast {n}</div></div>")
            })
            .collect();
        let page = format!(
            "<body><main><h1>Trail shoes</h1><div><div>{INTRO}</div></div><div>{cards}</div>\
             <ul>{items}</ul><div>Our pick of the week</div></main></body>"
        );
        let text = text_of(&page);
        assert!(text.contains("three hundred kilometres"), "{text}");
        assert!(text.contains("Light and fast 20"), "{text}");
        assert!(!text.contains("number 3"), "{text}");
        assert!(!text.contains("Our pick of the week"), "{text}");
    }
}
