//! Elements whose class words name furniture, but which are the page's own content: the
//! prune stage ([`crate::prune`]) asks these before it removes a class-named element.
//!
//! - Inside `<pre>` or `<code>` the class words are a syntax highlighter's token kinds
//!   (`hljs-comment`, `token comment`, `hljs-meta`), and the text is part of the code.
//! - A comment word beside a forum word (`discussion-board-item`, `forum-reply`) names a
//!   forum's post, not a comment section under an article.
//! - A comment word is, holds or sits in a testimonial-named element: a business's own
//!   clients' quotes (`testimonials-reviews`, a `review-card` inside a `testimonial-slider`).
//!
//! It does not decide what a comment section is: that is the class words'
//! ([`crate::prune::class_furniture`]).

use crate::dom::{Document, NodeId, Tag};

/// Whether `id` lies inside a `<pre>` or a `<code>`, where class words name the highlighter's
/// token kinds. Asked only of class-named elements (one climb to the root each).
pub(crate) fn inside_code(doc: &Document, id: NodeId) -> bool {
    doc.ancestors(id)
        .any(|a| matches!(doc.tag(a), Some(Tag::Pre | Tag::Code)))
}

/// Whether the element's class or id holds a forum word (`board`, `forum`, `topic`). Not
/// `thread` or `post`: an article's comment section is a `comment-thread`, its list
/// `post-comments`. Asked only of elements that carry a comment word.
pub(crate) fn names_forum(el: &crate::dom::Element) -> bool {
    crate::prune::find_class_word(el, true, |w| {
        matches!(w, b"forum" | b"forums" | b"board" | b"topic").then_some(())
    })
    .is_some()
}

/// Whether the element's class or id holds a testimonial word.
fn names_testimonial(el: &crate::dom::Element) -> bool {
    crate::prune::find_class_word(el, true, |w| {
        matches!(w, b"testimonial" | b"testimonials").then_some(())
    })
    .is_some()
}

/// Levels above a comment-named element searched for a testimonial-named wrapper: a card of
/// a slider sits two to four levels under the slider (`section > track > slide > card`). Not
/// tuned (the walk down, through the whole element, is unbounded by nature).
const TESTIMONIAL_LEVELS_UP: usize = 4;

/// Whether the comment-named element `id` is, holds or sits (up to
/// [`TESTIMONIAL_LEVELS_UP`] levels) in a testimonial-named element.
pub(crate) fn near_testimonial(doc: &Document, id: NodeId) -> bool {
    let named = |n: NodeId| doc.element(n).is_some_and(names_testimonial);
    doc.ancestors(id).take(TESTIMONIAL_LEVELS_UP).any(named) || doc.descendants(id).any(named)
}

#[cfg(test)]
mod tests {
    use crate::dom::{parse, Document, ParseLimits};
    use crate::prune::{prune, PageKind};

    fn pruned_text(html: &str) -> String {
        let mut doc = parse(html, &ParseLimits::default()).unwrap();
        prune(&mut doc, PageKind::default(), true);
        crate::textutil::collapse_whitespace(&doc.text_content(Document::ROOT))
    }

    const BODY: &str = "<p>The orchard society met on Tuesday to plan the spring grafting day, \
        the seed swap and a walk along the river path for new members.</p>";

    /// Guards the code rule: a highlighter's comment token inside `<pre><code>` stays with the
    /// code, while a comment section beside it still goes.
    #[test]
    fn code_comments_stay_in_the_code() {
        let text = pruned_text(&format!(
            "<div class='entry'>{BODY}<pre><code>let total = 0; \
             <span class='hljs-comment'>// count the pears first</span></code></pre></div>\
             <div class='comments'><p>Great plan, see you there!</p></div>"
        ));
        assert!(text.contains("count the pears first"), "{text}");
        assert!(!text.contains("see you there"), "{text}");
    }

    /// Guards the forum words: replies named `DiscussionBoard-item` are a forum's posts and
    /// stay, while an article's `comment-list` (no forum word) goes.
    #[test]
    fn comment_words_beside_forum_words_name_posts() {
        let text = pruned_text(&format!(
            "<div class='thread'>{BODY}<ul>\
             <li class='DiscussionBoard-item'>Bring a ladder for the tall trees.</li>\
             <li class='DiscussionBoard-item'>I can lend two pairs of shears.</li></ul></div>"
        ));
        assert!(text.contains("lend two pairs of shears"), "{text}");
        let text = pruned_text(&format!(
            "<article>{BODY}</article>\
             <ol class='comment-list'><li>Lovely photos of the blossom.</li></ol>"
        ));
        assert!(!text.contains("Lovely photos"), "{text}");
    }

    /// Guards the testimonial test in its three places: a review card inside a testimonial
    /// slider, a reviews section holding one, and an element named both; a plain `reviews`
    /// section still goes.
    #[test]
    fn testimonials_named_as_reviews_stay() {
        let text = pruned_text(&format!(
            "<main>{BODY}\
             <section class='testimonial-slider'><div class='slide'>\
             <div class='review-card'>“They fixed our roof in a day.” — Ana</div></div></section>\
             <div id='kunden-reviews'><div class='testimonial'>“Fair prices.” — Ben</div></div>\
             <div class='testimonials-reviews'>“Friendly crew.” — Cy</div>\
             <div class='reviews'><p>Shipping took three weeks, two stars.</p></div></main>"
        ));
        for own in ["roof in a day", "Fair prices", "Friendly crew"] {
            assert!(text.contains(own), "{own} lost: {text}");
        }
        assert!(!text.contains("three weeks"), "{text}");
    }
}
