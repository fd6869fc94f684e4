//! Boxes a page shows only on hover or click: popovers and tooltips ("Free returns within 30
//! days — see the terms", "Our picks are chosen by our editors", a delivery estimate's
//! explanation, a badge's meaning). A page ships their text in the document, hidden by its
//! style sheet until a control opens them, so the prune stage's hidden test cannot see it.
//!
//! The box is named for what it is: a class or id word `popover` or `tooltip`
//! (`ui-popover`, `shipping-estimate-popover`, `badge-tooltip`). The element that opens it
//! (`popover-trigger`, `tooltip-toggle`) is a visible control, not the box, and is left
//! alone. Runs in the main-region fallback only, where nothing else names such boxes: the
//! region keeps everything the block filter lets through, while the prose container's
//! paragraphs are rarely set in one.

use super::Decision;
use crate::dom::{Document, NodeId};
use crate::segment::Segmentation;

/// Words that name a box shown on demand, read inside a class or id name in any case
/// (`ui-popover`, `popoverContent`, `badgeTooltip`). Not `modal`, `popup`, `dialog` or
/// `overlay`: those are the prune stage's page-chrome words already, taken back there when
/// they hold prose (a product's details sheet).
const BOX_WORDS: [&[u8]; 2] = [b"popover", b"tooltip"];

/// Words that make a name the control that opens the box (`tooltipTrigger`,
/// `popover-toggle`), not the box.
const TRIGGER_WORDS: [&[u8]; 5] = [b"trigger", b"toggle", b"button", b"btn", b"link"];

/// Letters under which a named element is a box rather than a wrapper of the page's text: an
/// explanation of a few sentences. Measured on both dev sets (region fallback, every page
/// type): 300 / 600 / 1,000 / 2,000 / 5,000 letters gave wcxb-dev F1 0.88895 / 0.88895 /
/// 0.88895 / 0.88895 / 0.88842 (main 0.88872); 300 keeps one `with` snippet more and leaks
/// more (0.888946 against 0.888953), from 5,000 a product page and a collection whose
/// content sits inside an unclosed popover or under a theme's class lost everything.
/// 1,000 is the middle of the plateau. Scrapinghub 0.98108 at each.
const MAX_BOX_LETTERS: usize = 1000;

/// Whether `haystack` holds `needle`, ASCII case ignored.
fn holds(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Whether one class or id name names a popover or a tooltip box. A script hook (`js-…`)
/// names what a script does to the element (`js-dataTooltip` on a table whose cells show
/// tooltips), and a utility framework's group name (`group/tooltip`) marks the element that
/// holds both a control and its box: neither is the box. Both seen on the rule's first
/// form (class words, no size cap): a listing's table and a service page's linked terms
/// lost (wcxb-dev 0.88787 with every guard off).
fn names_box(name: &str) -> bool {
    let b = name.as_bytes();
    if b.len() > 2 && b[..2].eq_ignore_ascii_case(b"js") && !b[2].is_ascii_alphabetic() {
        return false;
    }
    !name.contains('/')
        && BOX_WORDS.iter().any(|w| holds(b, w))
        && !TRIGGER_WORDS.iter().any(|w| holds(b, w))
}

/// Whether `node` is a popover or a tooltip box: a class or id name says so ([`names_box`])
/// and it holds fewer than [`MAX_BOX_LETTERS`] letters, as an explanation does — a name on a
/// wrapper of the page's content (a theme's `body` class, an unclosed box that swallowed the
/// page) names no box.
fn is_hover_box(doc: &Document, seg: &Segmentation, node: NodeId) -> bool {
    let Some(el) = doc.element(node) else {
        return false;
    };
    let named = el
        .attr("class")
        .into_iter()
        .flat_map(str::split_ascii_whitespace)
        .chain(el.attr("id"))
        .any(names_box);
    named && (seg.node_chars[node.index()] as usize) < MAX_BOX_LETTERS
}

/// Marks as [`Decision::HoverBox`] the kept blocks inside an element named as a popover or a
/// tooltip ([`is_hover_box`]). One walk up from each kept block, stopping at the first
/// ancestor already judged: `judged` remembers each node's answer, so every element is read
/// once per page.
pub(super) fn drop_hover_boxes(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    // 0 unknown, 1 inside no box, 2 inside a box: one byte per node, allocated once per page
    // that takes the region fallback.
    let mut judged = vec![0u8; doc.len()];
    let mut path: Vec<NodeId> = Vec::new();
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d != Decision::Kept {
            continue;
        }
        path.clear();
        let mut answer = 1u8;
        for a in std::iter::once(b.node).chain(doc.ancestors(b.node)) {
            match judged[a.index()] {
                0 => {}
                known => {
                    answer = known;
                    break;
                }
            }
            path.push(a);
            if is_hover_box(doc, seg, a) {
                answer = 2;
                break;
            }
        }
        for a in &path {
            judged[a.index()] = answer;
        }
        if answer == 2 {
            *d = Decision::HoverBox;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{drop_hover_boxes, Decision};
    use crate::dom::{parse, ParseLimits};
    use crate::segment::segment;

    /// Block texts that [`drop_hover_boxes`] marks, with every block kept before it.
    fn dropped(html: &str) -> Vec<String> {
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let seg = segment(&doc);
        let mut decisions = vec![Decision::Kept; seg.blocks.len()];
        drop_hover_boxes(&doc, &seg, &mut decisions);
        seg.blocks
            .iter()
            .zip(&decisions)
            .filter(|(_, d)| **d == Decision::HoverBox)
            .map(|(b, _)| b.text.trim().to_string())
            .collect()
    }

    /// Guards the rule: the text of a popover and of a tooltip (nested a few levels below the
    /// named box) goes; the description beside them stays.
    #[test]
    fn popover_and_tooltip_text_goes() {
        let html = "<body><h1>Walnut tray</h1>\
            <p>A serving tray turned from one piece of walnut, oiled by hand.</p>\
            <div class='delivery'>Arrives in 3 days\
              <div class='ui-popover'><div><p>Delivery dates are estimates from the \
              maker's location and the carrier's usual times.</p></div></div></div>\
            <div class='badgeTooltip'>Makers with this badge reply within a day.</div>\
            </body>";
        let gone = dropped(html);
        assert_eq!(gone.len(), 2, "{gone:?}");
        assert!(gone[0].starts_with("Delivery dates"));
        assert!(gone[1].starts_with("Makers with"));
    }

    /// Guards the names that are not boxes: a script hook (`js-`) on a table whose cells show
    /// tooltips, a utility framework's group name (`group/tooltip`) on the control and its
    /// box together, and a named element holding a page's worth of text (a theme's class on
    /// the wrapper of everything).
    #[test]
    fn hooks_groups_and_wrappers_are_not_boxes() {
        let long = "The tray is turned from one piece of walnut and oiled by hand. ".repeat(40);
        let html = format!(
            "<body><table class='js-dataTooltip'><tr><td>Walnut</td><td>12 in</td></tr></table>\
             <div class='inline-flex group/tooltip'>Oiled by hand</div>\
             <div class='has-tooltips'><p>{long}</p></div></body>"
        );
        assert!(dropped(&html).is_empty());
    }

    /// Guards the trigger exemption: the visible control that opens a popover
    /// (`popover-trigger`) is not the box, and a block with no named ancestor stays.
    #[test]
    fn triggers_and_plain_blocks_stay() {
        let html = "<body><p>A serving tray turned from one piece of walnut.</p>\
            <div class='popover-trigger'>Free returns for 30 days</div></body>";
        assert!(dropped(html).is_empty());
    }
}
