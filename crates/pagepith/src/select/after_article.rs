//! Boxes set after the article's own `<article>` element.
//!
//! When the prose container sits inside an `<article>`, that element is the page's own mark
//! of where the story ends. Templates put their support appeals, staff lists, newsletter
//! pitches and teaser rows after it, in wrappers that share the story's layout classes, so
//! the container's continuation rules (siblings that go on with it, parts of its own kind)
//! can take them in. Kept text outside that `<article>` and after its end is one of those
//! boxes. Markup semantics, so it holds in any language.

use super::Decision;
use crate::dom::{Document, NodeId};
use crate::segment::Segmentation;

/// Marks as [`Decision::AfterArticle`] the kept blocks after the end of the `<article>` that
/// holds the container's root, outside it, when that `<article>` holds most of the kept text.
pub fn drop_after_article(
    doc: &Document,
    seg: &Segmentation,
    root: Option<NodeId>,
    posts: &[NodeId],
    decisions: &mut [Decision],
) {
    let Some(root) = root else {
        return;
    };
    let Some(home) = super::other_posts::nearest_article(doc, root) else {
        return;
    };
    let inside = |n: NodeId| doc.is_within(n, home);
    let Some(last_inside) = seg.blocks.iter().rposition(|b| inside(b.node)) else {
        return;
    };
    let (mut home_chars, mut after_chars) = (0usize, 0usize);
    for (i, (b, &d)) in seg.blocks.iter().zip(decisions.iter()).enumerate() {
        if d != Decision::Kept {
            continue;
        }
        if i <= last_inside {
            if inside(b.node) {
                home_chars += b.chars;
            }
        } else if !super::same_kind::inside(doc, posts, b.node) {
            after_chars += b.chars;
        }
    }
    // The `<article>` must be the story, not a header box: its kept text outweighs what
    // follows it. A guard, not a tuned threshold: without it no page of either eval set
    // scored differently.
    if after_chars == 0 || home_chars <= after_chars {
        return;
    }
    // The other posts of a numbered thread (`sibling_posts::numbered_roots`) are the page's
    // content, not boxes after it: each sits in an `<article>` of its own after the chosen one.
    for (b, d) in seg.blocks[last_inside + 1..]
        .iter()
        .zip(decisions[last_inside + 1..].iter_mut())
    {
        if *d == Decision::Kept && !super::same_kind::inside(doc, posts, b.node) {
            *d = Decision::AfterArticle;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text as text_of;

    const STORY: &str = "<p>The library on the hill reopened this week after two years of \
        repairs to its roof, its stairs and the reading room, where the old oak tables came \
        back polished and the lamps were rewired for the first time since they were hung.</p>\
        <p>Readers queued before the doors opened, and the staff handed out tea in the hall \
        while the mayor spoke about the town's first lending list, kept in a ledger that now \
        sits in a glass case beside the entrance for anyone to read.</p>\
        <p>The reading room will stay open late on Thursdays through the winter, and the \
        children's corner moves upstairs to the old map room, which has the best light in \
        the building and a window seat long enough for a whole class.</p>";

    /// Guards the rule: a notice set after the story's `<article>`, a sibling the container's
    /// continuation would take in, is left out, and the story stays whole.
    #[test]
    fn drops_a_box_after_the_article() {
        let page = format!(
            "<html><body><div><article><h1>The library reopens</h1>{STORY}</article>\
             <p>This story was first printed in an earlier edition of the weekly paper and some \
             details in it may have changed since then.</p></div></body></html>"
        );
        let text = text_of(&page);
        assert!(text.contains("glass case beside the entrance"), "{text}");
        assert!(!text.contains("earlier edition"), "{text}");
    }
}
