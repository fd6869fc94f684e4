//! Other posts shown inside the article's container.
//!
//! `<article>` marks a self-contained composition: a post, a story, a card of another post. When
//! the page's headline sits in one `<article>`, kept text inside a series of other `<article>`
//! elements — neither inside the headline's nor around it — is other posts: a block of other
//! posts whose teasers are full paragraphs, a feed of older posts below a blog entry.
//! Markup semantics, so it holds in any language.

use super::Decision;
use crate::dom::{Document, NodeId, Tag};
use crate::segment::Segmentation;

/// Other `<article>` elements holding kept text that make a series of posts rather than one
/// odd wrapper (a page that put its headline and its body in two `<article>`s of their own):
/// the smallest number that is a series.
const MIN_OTHER_POSTS: usize = 2;

/// Marks as [`Decision::OtherPost`] the kept blocks inside `<article>` elements that neither
/// hold nor sit inside the headline's `<article>`, when there are at least
/// [`MIN_OTHER_POSTS`] of them and the headline's holds more kept text than any one of them.
pub fn drop_other_posts(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let Some(headline) = seg
        .blocks
        .iter()
        .zip(decisions.iter())
        .find(|(_, &d)| d == Decision::Headline)
        .map(|(b, _)| b.node)
    else {
        return;
    };
    let Some(home) = nearest_article(doc, headline) else {
        return;
    };
    // The kept blocks' nearest `<article>`, in block order: the headline's own (or one
    // around or inside it) as `None`, another post's as `Some`.
    let mut home_chars = 0usize;
    let others: Vec<(usize, NodeId)> = seg
        .blocks
        .iter()
        .zip(decisions.iter())
        .enumerate()
        .filter(|(_, (_, &d))| d == Decision::Kept)
        .filter_map(|(i, (b, _))| {
            let art = nearest_article(doc, b.node)?;
            let other = !doc.is_within(art, home) && !doc.is_within(home, art);
            if !other {
                home_chars += b.chars;
            }
            other.then_some((i, art))
        })
        .collect();
    // Each other post's kept letters, by post.
    let mut posts: Vec<(NodeId, usize)> = Vec::new();
    for &(i, art) in &others {
        match posts.iter_mut().find(|(a, _)| *a == art) {
            Some((_, n)) => *n += seg.blocks[i].chars,
            None => posts.push((art, seg.blocks[i].chars)),
        }
    }
    // The headline's post must be the page's main one: on a listing whose title sits in an
    // `<article>` of its own, the items are the content and hold more than the title's box.
    let largest = posts.iter().map(|&(_, n)| n).max().unwrap_or(0);
    if posts.len() < MIN_OTHER_POSTS || home_chars <= largest {
        return;
    }
    for (i, _) in others {
        decisions[i] = Decision::OtherPost;
    }
}

/// The nearest `<article>` at or above `id`.
pub(super) fn nearest_article(doc: &Document, id: NodeId) -> Option<NodeId> {
    std::iter::once(id)
        .chain(doc.ancestors(id))
        .find(|&a| doc.tag(a) == Some(Tag::Article))
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text as text_of;

    const STORY: &str = "<p>The river rose two metres overnight and the ferry to the island \
        stopped at dawn, leaving the market traders on the wrong bank with their stalls, their \
        vans and a great deal of fruit that would not keep until the water went down again. The \
        harbour master said the crossing would open once the current slowed, which the weather \
        office expected by the weekend if the rain in the hills stopped as forecast.</p>";

    fn teaser(n: u32) -> String {
        format!(
            "<article class=post><p>Older entry {n}: the village choir met in the barn again this \
             spring and sang the songs the founders wrote, with a new tenor from the valley and \
             a conductor who walked over the pass every week to rehearse them.</p></article>"
        )
    }

    /// Guards the rule: teaser posts in `<article>`s of their own after the headline's
    /// `<article>` leave the body; the story stays.
    #[test]
    fn posts_beside_the_headlines_article_are_dropped() {
        let teasers: String = (1..=3).map(teaser).collect();
        let page = format!(
            "<body><div id=primary><article class=entry><h1>Ferry stops as river rises</h1>\
             {STORY}</article><section><h3>More from the valley desk</h3>{teasers}</section></div></body>"
        );
        let text = text_of(&page);
        assert!(text.contains("harbour master"), "{text}");
        assert!(!text.contains("Older entry"), "{text}");
    }

    /// Guards the series test: one other `<article>` (a part of the story wrapped apart from
    /// it) is kept.
    #[test]
    fn a_single_other_article_stays() {
        let page = format!(
            "<body><div id=primary><article class=entry><h1>Ferry stops as river rises</h1>\
             {STORY}</article>{}</div></body>",
            teaser(1)
        );
        let text = text_of(&page);
        assert!(text.contains("harbour master"), "{text}");
        assert!(text.contains("Older entry 1"), "{text}");
    }

    /// Guards the main-post test: a listing whose title has an `<article>` of its own keeps
    /// its items, each a post longer than the title's box.
    #[test]
    fn a_listings_items_stay() {
        let items: String = (1..=4).map(teaser).collect();
        let page = format!(
            "<body><div id=primary><article class=full><h1>Newest notes from the shore</h1></article>\
             {items}</div></body>"
        );
        let text = text_of(&page);
        assert!(text.contains("Older entry 3"), "{text}");
    }
}
