//! Elements whose class words name furniture, but which are the page's own content: the
//! prune stage ([`crate::prune`]) asks these before it removes a class-named element.
//!
//! - Inside `<pre>` or `<code>` the class words are a syntax highlighter's token kinds
//!   (`hljs-comment`, `token comment`, `hljs-meta`), and the text is part of the code.
//! - A comment word beside a forum word (`discussion-board-item`, `forum-reply`) names a
//!   forum's post, not a comment section under an article.
//! - A comment word is, holds or sits in a testimonial-named element: a business's own
//!   clients' quotes (`testimonials-reviews`, a `review-card` inside a `testimonial-slider`).
//! - On a business's own page, a comment-named section holding two or more quotations
//!   (`<blockquote>`, `<q>`, `quote-wrap`): its clients' testimonials.
//! - A comment-named element that a table of contents of the page links to (a list of three
//!   or more same-page links, `<li><a href="#id">`) is one of the page's own sections: a
//!   ranking's profile boxes named `reviews`.
//!
//! - A comment-named field repeated in each card of a grid (a product tile's review blurb)
//!   is the card's text.
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

/// Unlinked letters a comment-named card field needs to be the card's text: a sentence, not a
/// "12 reviews" count or a star label. Not tuned (the one field the rule finds holds 100+).
pub(crate) const CARD_FIELD_MIN_PROSE: usize = 40;

/// Levels above a comment-named field searched for its card: a tile's blurb sits one to three
/// wrappers under the tile (`tile > reviews-box > inner > text`). Not tuned; 4 (as the
/// testimonial climb) took a shop's whole reviews tab inside a repeated pane.
const CARD_LEVELS_UP: usize = 3;

/// Whether the comment-named element `id` is a field of a repeated card: climbing up to
/// [`CARD_LEVELS_UP`] levels, past wrappers that are comment-named too (the field's own
/// boxes) and none named by another furniture word, the first wrapper whose class recurs on
/// the page (a card of a grid) holds a link outside `id` (the card's title). Asked only of
/// comment-named elements whose class recurs; the card's subtree is walked once.
pub(crate) fn is_card_field(
    doc: &Document,
    classes: &crate::repeated_class::ClassCounts<'_>,
    id: NodeId,
    own_offers: bool,
) -> bool {
    for a in doc.ancestors(id).take(CARD_LEVELS_UP) {
        let Some(el) = doc.element(a) else {
            return false;
        };
        match crate::prune::class_furniture(el, true, own_offers) {
            Some(crate::prune::FurnitureKind::Comments) => continue,
            Some(_) => return false,
            None => {}
        }
        if classes.repeated(a) {
            return doc
                .descendants(a)
                .any(|n| doc.tag(n) == Some(Tag::A) && !doc.is_within(n, id));
        }
    }
    false
}

/// Quotations a section needs to be a set of testimonials: one quote can be an article's
/// pull quote or a reader quoting the story; a set of client quotes has a card each. Not tuned.
const MIN_QUOTES: usize = 2;

/// Whether `id` holds [`MIN_QUOTES`] or more quotations: `<blockquote>`, `<q>`, or an element
/// whose class names a quote (`quote-wrap`, `client-quote`). Asked only of comment-named
/// elements on a business's own page.
pub(crate) fn holds_quotes(doc: &Document, id: NodeId) -> bool {
    doc.descendants(id)
        .filter(|&d| {
            doc.element(d).is_some_and(|el| {
                matches!(el.tag, Tag::Blockquote | Tag::Q)
                    || crate::prune::find_class_word(el, false, |w| {
                        matches!(w, b"quote" | b"quotes").then_some(())
                    })
                    .is_some()
            })
        })
        .nth(MIN_QUOTES - 1)
        .is_some()
}

/// Same-page links a list needs to be a table of contents: a byline's list holds one or two
/// (`#comments`, `#respond`), a ranking's index one per entry. Not tuned (the one page of the
/// dev sets it changes has five).
const TOC_MIN_LINKS: usize = 3;

/// The same-page targets of the page's tables of contents: the fragments of `<a href="#…">`
/// that are a `<li>`'s children, in lists holding [`TOC_MIN_LINKS`] or more of them, each with
/// its list. Built once per page, when a comment-named element with an id is met.
pub(crate) struct TocTargets<'a> {
    targets: Vec<(NodeId, &'a str)>,
}

impl<'a> TocTargets<'a> {
    pub(crate) fn of(doc: &'a Document, order: &[NodeId]) -> Self {
        let mut targets: Vec<(NodeId, &'a str)> = order
            .iter()
            .filter(|&&a| doc.tag(a) == Some(Tag::A))
            .filter_map(|&a| {
                let fragment = doc.attr(a, "href")?.trim().strip_prefix('#')?;
                let item = doc.parent(a).filter(|&p| doc.tag(p) == Some(Tag::Li))?;
                Some((doc.parent(item)?, fragment))
            })
            .filter(|(_, fragment)| !fragment.is_empty())
            .collect();
        // NOTE: a stable sort keeps each list's links together and in order; lists with fewer
        // than TOC_MIN_LINKS links then drop out as short runs.
        targets.sort_by_key(|&(list, _)| list);
        let mut kept = Vec::with_capacity(targets.len());
        for run in targets.chunk_by(|a, b| a.0 == b.0) {
            if run.len() >= TOC_MIN_LINKS {
                kept.extend_from_slice(run);
            }
        }
        Self { targets: kept }
    }

    /// Whether a table of contents outside `id` links to `id`'s own id.
    pub(crate) fn lead_to(&self, doc: &Document, id: NodeId) -> bool {
        let Some(own) = doc.attr(id, "id").map(str::trim).filter(|s| !s.is_empty()) else {
            return false;
        };
        self.targets
            .iter()
            .any(|&(list, fragment)| fragment == own && !doc.is_within(list, id))
    }
}

/// Whether `a` is a link to a place on the same page (`<a href="#section">`; a bare `#` is a
/// script's button, not a place).
pub(crate) fn is_fragment_link(doc: &Document, a: NodeId) -> bool {
    doc.tag(a) == Some(Tag::A)
        && doc
            .attr(a, "href")
            .and_then(|h| h.trim().strip_prefix('#'))
            .is_some_and(|f| !f.is_empty())
}

/// Whether every visible word under `id` sits inside a link to a place on the same page, and
/// there is such a link: a summary row pointing down to its section (a rating line linked to
/// the reviews below), not the section itself.
pub(crate) fn only_fragment_links(doc: &Document, id: NodeId) -> bool {
    if is_fragment_link(doc, id) {
        return doc
            .descendants(id)
            .any(|t| doc.text(t).is_some_and(|s| !s.trim().is_empty()));
    }
    let mut any = false;
    for t in doc.descendants(id) {
        let Some(text) = doc.text(t) else { continue };
        if text.trim().is_empty() {
            continue;
        }
        let linked = doc
            .ancestors(t)
            .take_while(|&a| a != id)
            .any(|a| is_fragment_link(doc, a));
        if !linked {
            return false;
        }
        any = true;
    }
    any
}

/// Letters (linked or not) a related-named box needs before it can be the page's content: a
/// grid of several cards, not a "see also" line. Not tuned.
pub(crate) const CONTENT_GRID_MIN_LETTERS: usize = 200;

/// Letters (linked or not) that may come before a related-named box inside the page's
/// content wrapper when the box is the content: a title, a breadcrumb trail and a results
/// count.
const CONTENT_GRID_MAX_BEFORE: usize = 150;

/// Levels climbed from a related-named box to the page's content wrapper. Not tuned: a bound
/// on the walk (the rule's page has the wrapper two levels up).
const CONTENT_GRID_LEVELS_UP: usize = 6;

/// Whether the related-named element `id` is the list the page's content wrapper is for: it
/// is mostly links (a grid of cards, each a link), and climbing at most
/// [`CONTENT_GRID_LEVELS_UP`] levels to the first `<main>`, `<article>`, `role=main` or
/// content-named element (`entry-content`, `#site-content`), what comes before it on the way
/// holds fewer than [`CONTENT_GRID_MAX_BEFORE`] letters. A category page whose product grid a
/// theme calls `related-product` has only its title and trail before the grid; a story's
/// related box comes after the story, or outside the content wrapper. `prose` and `linked`:
/// unlinked and linked letters per node. Asked only of related-named elements.
pub(crate) fn is_wrappers_first_part(
    doc: &Document,
    prose: &[usize],
    linked: &[usize],
    id: NodeId,
) -> bool {
    let letters = |n: NodeId| prose[n.index()] + linked[n.index()];
    if letters(id) < CONTENT_GRID_MIN_LETTERS || linked[id.index()] < prose[id.index()] {
        return false;
    }
    let mut before = 0;
    let mut child = id;
    for a in doc.ancestors(id).take(CONTENT_GRID_LEVELS_UP) {
        let mut s = doc.node(child).prev_sibling;
        while let Some(n) = s {
            before += letters(n);
            s = doc.node(n).prev_sibling;
        }
        if before >= CONTENT_GRID_MAX_BEFORE {
            return false;
        }
        let Some(el) = doc.element(a) else {
            return false;
        };
        if matches!(el.tag, Tag::Body | Tag::Html) {
            return false;
        }
        if matches!(el.tag, Tag::Main | Tag::Article)
            || el.attr("role") == Some("main")
            || crate::prune::find_class_word(el, true, |w| (w == b"content").then_some(()))
                .is_some()
        {
            return true;
        }
        child = a;
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::dom::{parse, Document, ParseLimits};
    use crate::prune::{prune, pruned_text, PageKind};

    const BODY: &str = "<p>The orchard society met on Tuesday to plan the spring grafting day, \
        the seed swap and a walk along the river path for new members.</p>";

    /// Guards the summary-row rule: a comment-named row whose words all sit in a link to a
    /// place on the same page stays (it points down to the reviews), while a comment section
    /// with words of its own, or a row linking to another page, still goes.
    #[test]
    fn rows_linking_down_to_their_section_stay() {
        let text = pruned_text(&format!(
            "<div class='entry'>{BODY}</div>\
             <div class='buyer-reviews'><a class='reviews-row' href='#all-reviews'>\
             <span>Mostly good:</span> <span>80% of 310 buyers liked it.</span></a></div>\
             <div class='reviews-row'><a href='/elsewhere'>Read 12 more opinions.</a></div>\
             <div class='comments' id='all-reviews'><p>Sturdy and light, \
             <a href='#top'>back up</a></p></div>"
        ));
        assert!(text.contains("80% of 310 buyers"), "{text}");
        assert!(!text.contains("more opinions"), "{text}");
        assert!(!text.contains("Sturdy and light"), "{text}");
    }

    /// Guards the content-grid rule: a related-named grid of linked cards that comes first in
    /// the page's content wrapper, after only a title and a trail, is the page's list; the
    /// same box after a story's text, or a related box of prose, still goes.
    #[test]
    fn a_related_grid_first_in_the_content_wrapper_stays() {
        let cards: String = [
            "Green kettle",
            "Blue kettle",
            "Steel kettle",
            "Glass kettle",
            "Black kettle",
            "White kettle",
        ]
        .iter()
        .map(|t| {
            format!(
                "<div class='card'><a href='/p/{t}'><h3>{t} with a two litre jug \
                     and a locking lid</h3><span class='price'>$ 49.00</span></a></div>"
            )
        })
        .collect();
        let grid = format!("<section class='related-products'>{cards}</section>");
        let page = format!(
            "<div class='page-content'><h1>Kettles</h1><ul><li>Home</li><li>Kettles</li></ul>\
             {grid}</div>"
        );
        assert!(pruned_text(&page).contains("Glass kettle"), "{page}");
        let story = format!("<div class='entry-content'>{BODY}{BODY}{grid}</div>");
        assert!(!pruned_text(&story).contains("Glass kettle"), "{story}");
        let links = "<a href='/m/1'>Read the minutes of the first meeting</a>\
            <a href='/m/2'>Read the minutes of the second meeting</a>\
            <a href='/m/3'>Read the minutes of the third meeting</a>";
        let prose = format!(
            "<div class='page-content'><h1>Kettles</h1>\
             <div class='related-stories'>{BODY}<p>Minutes follow below.</p>{links}</div></div>\
             <div>{BODY}{BODY}{BODY}</div>"
        );
        assert!(!pruned_text(&prose).contains("Minutes follow"), "{prose}");
    }

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

    /// Guards the quotation test: on a business's own page a reviews section of quoted
    /// cards stays; the same section on a page of no kind (an article) goes.
    #[test]
    fn quoted_reviews_on_a_business_page_stay() {
        let html = format!(
            "<main>{BODY}<div class='reviews-section'>\
             <div class='card'><div class='quote-wrap'>“They came on time.”</div>Dee</div>\
             <div class='card'><div class='quote-wrap'>“Clean and quick.”</div>Eli</div>\
             </div></main>"
        );
        let own_page = PageKind {
            own_offers: true,
            ..PageKind::default()
        };
        let mut doc = parse(&html, &ParseLimits::default()).unwrap();
        prune(&mut doc, own_page, true);
        let text = doc.text_content(Document::ROOT);
        assert!(text.contains("came on time"), "{text}");
        assert!(!pruned_text(&html).contains("came on time"));
    }

    /// Guards the table-of-contents test: boxes named `reviews` that a list of three same-page
    /// links points to stay, while a comment section linked from a byline's count goes.
    #[test]
    fn sections_a_table_of_contents_links_to_stay() {
        let text = pruned_text(&format!(
            "<article><p class='byline'><a href='#comments'>2 comments</a></p>{BODY}\
             <ol><li><a href='#shop-a'>Shop A</a></li><li><a href='#shop-b'>Shop B</a></li>\
             <li><a href='#shop-c'>Shop C</a></li></ol>\
             <div id='shop-a' class='profile reviews'>Shop A grafts on the day you call.</div>\
             <div id='shop-b' class='profile reviews'>Shop B sells rootstock by post.</div>\
             </article><div id='comments' class='comments'>Thanks for the list!</div>"
        ));
        assert!(text.contains("grafts on the day"), "{text}");
        assert!(text.contains("rootstock by post"), "{text}");
        assert!(!text.contains("Thanks for the list"), "{text}");
    }
}
