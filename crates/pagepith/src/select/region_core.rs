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

use crate::dom::Document;
use crate::segment::{BlockKind, Segmentation};

use super::Decision;

/// Share of the region's kept letters a child must hold for the walk to go down into it.
/// Measured on both dev sets (marked and unmarked regions, blocks after the core dropped):
/// 0.8 / 0.85 / 0.9 / 0.95 gave wcxb-dev F1 0.85848 / 0.85878 / 0.85866 / 0.85827 (main
/// 0.85784); 0.85 and 0.8 cost collection and documentation pages (a last card or section
/// outside the core), so 0.9, the best value that lowers no page type. Scrapinghub 0.97669
/// at each.
const CORE_SHARE: f64 = 0.9;

/// Kept blocks (headings left out) the core must hold. One long paragraph can hold 90 % of a
/// short text by itself, and a closing line after it is the text's own: a core is a container
/// of blocks, not one of them. Seen on a forum post with the rule tried in the prose container
/// too; in the fallback alone it moved wcxb-dev 0.85866 -> 0.85867, scrapinghub unchanged.
const MIN_CORE_BLOCKS: u16 = 2;

/// Marks as [`Decision::AfterCore`] the region's kept blocks after the last block inside its
/// core. Letters are counted linked or not: a listing's items are links, and counting only
/// unlinked text made a listing's intro line the core and dropped every item after it
/// (wcxb-dev 0.85785 with unlinked letters, listing 0.6773 -> 0.6704). Headings are not
/// counted: they title text, they do not weigh as much. Runs on the region fallback only:
/// one ancestor walk per kept block and one vector of the page's nodes.
pub(super) fn drop_after_core(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
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
            f64::from(held[c.index()]) >= CORE_SHARE * f64::from(total)
                && blocks[c.index()] >= MIN_CORE_BLOCKS
        })
    {
        core = child;
    }
    if core == body {
        return;
    }
    let Some(last_inside) = seg.blocks.iter().rposition(|b| doc.is_within(b.node, core)) else {
        return;
    };
    super::relabel_kept(&mut decisions[last_inside + 1..], Decision::AfterCore);
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text;

    use super::{drop_after_core, Decision};
    use crate::dom::{parse, ParseLimits};
    use crate::segment::segment;

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
        drop_after_core(&doc, &seg, &mut decisions);
        assert!(
            decisions.iter().all(|d| *d == Decision::Kept),
            "{decisions:?}"
        );
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
}
