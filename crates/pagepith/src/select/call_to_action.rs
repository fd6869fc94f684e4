//! Call-to-action boxes inside the story's container: a short pitch around a link styled as a
//! button ("Start your free trial", "Get the guide", "Book a call"). The template sets them
//! between or after the story's paragraphs; the button's own line is dropped as link-heavy,
//! but the pitch beside it is plain text and stays without this rule.
//!
//! The box is the largest element of at most [`MAX_BOX_CHARS`] letters among the button
//! line's own element and the three above it, inside the container. It must hold kept text of its own (a bare
//! button row is already gone) and no heading of levels 1–3: a section the story titles is
//! the story's, even when it ends with a button.

use super::Decision;
use crate::dom::{Document, NodeId, Tag};
use crate::segment::{BlockKind, Segmentation};

/// Longest button line, in letters: a button says a few words ("Download the report").
/// A longer link-heavy line is a list of links or a linked teaser, not a button. 20 and 50
/// letters gave less on wcxb-dev than 30 (container15's table in BENCHMARKS.md).
const MAX_BUTTON_CHARS: usize = 30;

/// Largest box, in letters: a pitch is a sentence or two and its button. Measured on both
/// dev sets (container15, the rule off on forums): 250 / 400 / 600 letters gave wcxb-dev F1
/// 0.88889 / 0.88890 / less, scrapinghub 0.98156 / 0.98167 / 0.98167; at 800, before the
/// heading and forum guards, listicles' product cards went with their buy buttons (0.88709).
const MAX_BOX_CHARS: u32 = 400;

/// How many levels above the button's line the box may lie: the button's wrapper, the
/// pitch's column, the box. Two and four gave less on wcxb-dev (container15). The line's own
/// element counts too, for a button set straight in the pitch's box (wcxb-dev +0.00001).
const MAX_BOX_LEVELS: usize = 3;

/// Least kept text in the box, in letters, for it to be a pitch rather than a button row.
/// 60 and 100 gave less on wcxb-dev (container15).
const MIN_PITCH_CHARS: usize = 30;

/// Whether the element `id` is styled as a button: a class word `btn`, `button` or `cta`.
fn styled_as_button(doc: &Document, id: NodeId) -> bool {
    doc.element(id).is_some_and(|el| {
        crate::prune::find_class_word(el, false, |w| {
            matches!(w, b"btn" | b"button" | b"cta").then_some(())
        })
        .is_some()
    })
}

/// The blocks `range` inside `bx`: the run of blocks around block `at` (which lies in `bx`)
/// whose nodes are inside it. Blocks follow document order, so an element's blocks are one
/// run.
fn blocks_within(
    doc: &Document,
    seg: &Segmentation,
    bx: NodeId,
    at: usize,
) -> std::ops::Range<usize> {
    let inside = |j: usize| doc.is_within(seg.blocks[j].node, bx);
    let mut start = at;
    while start > 0 && inside(start - 1) {
        start -= 1;
    }
    let mut end = at + 1;
    while end < seg.blocks.len() && inside(end) {
        end += 1;
    }
    start..end
}

/// The box around the button line at block `at`, when it is a pitch: see the module doc.
fn pitch_box(
    doc: &Document,
    seg: &Segmentation,
    root: NodeId,
    at: usize,
    decisions: &[Decision],
) -> Option<std::ops::Range<usize>> {
    let line = &seg.blocks[at];
    if decisions[at] != Decision::LinkHeavy
        || line.chars > MAX_BUTTON_CHARS
        || !doc.is_within(line.node, root)
    {
        return None;
    }
    doc.descendants(line.node)
        .find(|&n| doc.tag(n) == Some(Tag::A) && styled_as_button(doc, n))?;
    let bx = std::iter::once(line.node)
        .chain(doc.ancestors(line.node))
        .take(MAX_BOX_LEVELS + 1)
        .take_while(|&a| a != root && seg.node_chars[a.index()] <= MAX_BOX_CHARS)
        .last()?;
    let range = blocks_within(doc, seg, bx, at);
    let titled = range
        .clone()
        .any(|j| matches!(seg.blocks[j].kind, BlockKind::Heading(level) if level <= 3));
    let pitch: usize = range
        .clone()
        .filter(|&j| decisions[j] == Decision::Kept)
        .map(|j| seg.blocks[j].chars)
        .sum();
    (!titled && pitch >= MIN_PITCH_CHARS).then_some(range)
}

/// Marks as [`Decision::CallToAction`] the kept blocks of every pitch box in the container
/// at `root` ([`pitch_box`]). Boxes are found on the decisions as they stand, then marked,
/// so one box's marking does not change whether the next is a pitch.
pub(super) fn drop_pitch_boxes(
    doc: &Document,
    seg: &Segmentation,
    root: Option<NodeId>,
    decisions: &mut [Decision],
) {
    let Some(root) = root else { return };
    let boxes: Vec<std::ops::Range<usize>> = (0..seg.blocks.len())
        .filter_map(|at| pitch_box(doc, seg, root, at, decisions))
        .collect();
    for j in boxes.into_iter().flatten() {
        if decisions[j] == Decision::Kept {
            decisions[j] = Decision::CallToAction;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text;

    fn page(body: &str) -> String {
        format!(
            "<html><body><main><article><h1>Reading tide tables</h1>\
             <p>Harbour pilots read the tables twice a day, once for the morning and once for \
             the evening tide, and they mark every change on the chart room's board.</p>\
             {body}\
             <p>The tables repeat on a cycle of nearly nineteen years, which is why old almanacs \
             are kept in the office long after their year is over and done.</p>\
             </article></main></body></html>"
        )
    }

    /// Guards the rule itself: a short pitch beside a button-styled link, set between the
    /// story's paragraphs, leaves the text.
    #[test]
    fn a_pitch_beside_a_button_leaves_the_story() {
        let html = page(
            "<div class='promo'><p>Plan every crossing with our pocket almanac.</p>\
             <a class='btn btn-primary' href='/almanac'>Order it now</a></div>",
        );
        let text = extracted_text(&html);
        assert!(text.contains("nineteen years"), "{text}");
        assert!(!text.contains("pocket almanac"), "{text}");
    }

    /// Guards the heading test: a section the story titles stays even when it ends with a
    /// button.
    #[test]
    fn a_titled_section_with_a_button_stays() {
        let html = page(
            "<section><h2>Where to find them</h2><p>Every harbour office prints its own.</p>\
             <a class='button' href='/offices'>See offices</a></section>",
        );
        let text = extracted_text(&html);
        assert!(text.contains("prints its own"), "{text}");
    }

    /// Guards the button test: a short linked line that is not styled as a button (a plain
    /// "read more" link) leaves the paragraph beside it alone.
    #[test]
    fn a_plain_link_is_no_button() {
        let html = page(
            "<div><p>Pilots also log the wind speed at each turn of the tide.</p>\
             <a href='/wind'>Wind logs</a></div>",
        );
        let text = extracted_text(&html);
        assert!(text.contains("wind speed"), "{text}");
    }

    /// Guards the size cap: a long box around a button is a part of the story, not a pitch.
    #[test]
    fn a_long_box_is_no_pitch() {
        let long = "The board also lists the height of each tide in metres, the time of slack \
                    water, the moon's phase and the wind forecast for the next twelve hours, \
                    which the pilots copy by hand into their own notebooks before each shift. "
            .repeat(3);
        let html = page(&format!(
            "<div><p>{long}</p><a class='btn' href='/board'>The board</a></div>"
        ));
        let text = extracted_text(&html);
        assert!(text.contains("slack water"), "{text}");
    }
}
