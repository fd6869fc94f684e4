//! Reads where an element stands in the page's structure: inside the marked main content, after
//! which siblings, beside the body's paragraphs, as a subsection of a document's outline, as the
//! page's own footer, holding the page's stated summary. Each reader answers a question the
//! prune pass ([`super::prune`]) asks before it removes a furniture-named element.

use super::class_furniture;
use crate::dom::{Document, NodeId, Tag};

pub(super) fn inside_main_content(doc: &Document, id: NodeId) -> bool {
    doc.ancestors(id).any(|a| {
        matches!(doc.tag(a), Some(Tag::Article | Tag::Main))
            || matches!(doc.attr(a, "role"), Some("main" | "article"))
    })
}

/// The element siblings before `id`, nearest first.
pub(super) fn previous_elements(doc: &Document, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    std::iter::successors(doc.node(id).prev_sibling, move |&n| {
        doc.node(n).prev_sibling
    })
    .filter(move |&n| doc.element(n).is_some())
}

/// Whether the `<aside>` `id` is a note among the body's paragraphs: no class or id word of it
/// names furniture, and its parent has a `<p>` child of [`MIN_CONTROL_PARAGRAPH`] unlinked
/// letters or more.
pub(super) fn is_note_among_paragraphs(
    doc: &Document,
    prose: &[usize],
    id: NodeId,
    own_offers: bool,
) -> bool {
    if doc
        .element(id)
        .is_none_or(|el| class_furniture(el, true, own_offers).is_some())
    {
        return false;
    }
    doc.parent(id).is_some_and(|parent| {
        doc.children(parent)
            .any(|n| doc.tag(n) == Some(Tag::P) && prose[n.index()] >= MIN_CONTROL_PARAGRAPH)
    })
}

/// Unlinked letters of a `<p>` that make it prose rather than a control's label: a sentence.
/// Measured on both dev sets (the controls words with and without this guard): wcxb-dev F1
/// 0.86175 / 0.86199 (service 0.82744 -> 0.82903: a filterable FAQ kept), scrapinghub 0.97753
/// both. The navigation words and the `<aside>` among paragraphs reuse it (not tuned apart).
pub(super) const MIN_CONTROL_PARAGRAPH: usize = 80;

/// Whether `id` holds a `<p>` of at least [`MIN_CONTROL_PARAGRAPH`] unlinked letters.
pub(super) fn holds_a_paragraph(doc: &Document, prose: &[usize], id: NodeId) -> bool {
    doc.descendants(id)
        .any(|n| doc.tag(n) == Some(Tag::P) && prose[n.index()] >= MIN_CONTROL_PARAGRAPH)
}

/// Letters and digits of the page's summary that must appear in a box for it to hold the
/// summary: a sentence's worth, enough that a chance match is impossible, short enough that a
/// site's summary cut off with an ellipsis still matches. Not tuned (the rule fires on few
/// pages; 60 is the first of the summary's sentences on most).
const SUMMARY_PREFIX: usize = 60;

/// Whether the text under `id` holds the first [`SUMMARY_PREFIX`] letters and digits of
/// `summary` (both lowercased, everything else skipped). Runs only for the few page-chrome
/// boxes of a page without an `<h1>`.
pub(super) fn holds_summary(doc: &Document, id: NodeId, summary: &str) -> bool {
    let key: Vec<char> = summary
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .take(SUMMARY_PREFIX)
        .collect();
    if key.len() < SUMMARY_PREFIX {
        return false;
    }
    let mut text: Vec<char> = Vec::new();
    for n in doc.descendants(id) {
        if let Some(t) = doc.text(n) {
            text.extend(
                t.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase),
            );
        }
    }
    text.windows(key.len()).any(|w| w == key.as_slice())
}

/// Unlinked letters from which a `<footer>` holding most of a page's prose is still the
/// page's footer. A page whose only prose is a footer's address line has no content of its own
/// (a site map of link lists); the footer's line was its output and stays so, where removing it
/// would hand the page's link lists to the region fallback (the `no-article` fixture). Measured
/// on both dev sets at 0 / 100 / 200 / 500 letters: wcxb-dev F1 0.87585 / 0.87484 / 0.87484 /
/// 0.87417 (from 0.87236; at 0 three script-rendered product pages with no gold text, whose
/// only text is a short footer, gave none; at 500 a listing and a service page lost), `with`
/// found 5016 and `without` leaked 200 at each, scrapinghub 0.97839 at each.
const PAGE_FOOTER_MIN_PROSE: usize = 200;

/// Whether `id` is a `<footer>` that is the page's, not a wrapper misusing the tag: it holds
/// no `<h1>`, `<main>` or `<article>` (a page wrapped whole in a footer holds its headline) and
/// at least [`PAGE_FOOTER_MIN_PROSE`] of unlinked letters (`prose`). Asked only of elements
/// that hold most of the page's prose.
///
/// Such a footer was kept as the page's body before. Measured on both dev sets: wcxb-dev F1
/// 0.87236 -> 0.87484 (collection 0.69099 -> 0.70199, listing 0.70593 -> 0.71399, service
/// 0.84496 -> 0.84765, product 0.63725 -> 0.63845, article 0.95533 -> 0.95674; 7 pages
/// changed, none worse: two pages with no gold text, whose only prose was a long footer, now
/// give none; on two category pages, a listing, a product and an article the footer's legal
/// notes or link columns had been taken for the body), `with` found 5009 -> 5016, `without`
/// leaked 203 -> 200; scrapinghub 0.97839 unchanged. The same with or without the
/// `<h1>`/`<main>`/`<article>` guard on both sets (kept for pages beyond them); `<nav>`,
/// `<aside>` and `<header>` treated likewise gave 0.87577 against 0.87585 without the
/// letter floor (article 0.95603, 7 `with` snippets fewer).
pub(super) fn is_page_footer(doc: &Document, id: NodeId, prose: usize) -> bool {
    doc.tag(id) == Some(Tag::Footer)
        && prose >= PAGE_FOOTER_MIN_PROSE
        && !doc
            .descendants(id)
            .any(|n| matches!(doc.tag(n), Some(Tag::H1 | Tag::Main | Tag::Article)))
}

/// Whether `id` is a subsection of a document's outline: a `<section>` inside a `<section>`
/// whose id spells its own heading (`<section id="sharing"><h3>Sharing</h3>`), as Sphinx,
/// MkDocs and most documentation generators write them. Such an id is an anchor made from
/// the section's title, so its words say what the text is about ("sharing", "comments",
/// "reviews"), not what the element is. A page's comment section is never nested in a
/// section of the text's outline: it follows the article (a lone `<section id="comments">`
/// under `<h2>Comments</h2>` stays furniture; on wcxb-dev the ids that spell their heading and
/// name furniture outside a nested section are all real comment and related boxes).
/// Measured on both dev sets: wcxb-dev F1 0.87795 -> 0.87798 (documentation 0.92436 ->
/// 0.92476: two manuals' subsections, one on a consent-box word, one on a comments word), `with` found
/// 5,593 -> 5,594 by words, `without` leaked 193 unchanged; scrapinghub 0.98093 unchanged.
/// NOTE: the tag tests come first; the heading is read only for nested sections with an id.
pub(super) fn is_outline_section(doc: &Document, id: NodeId) -> bool {
    if doc.tag(id) != Some(Tag::Section)
        || doc.parent(id).and_then(|p| doc.tag(p)) != Some(Tag::Section)
    {
        return false;
    }
    let Some(anchor) = doc.attr(id, "id").filter(|v| !v.is_empty()) else {
        return false;
    };
    let Some(heading) = doc
        .children(id)
        .find(|&c| doc.element(c).is_some())
        .filter(|&c| doc.tag(c).is_some_and(|t| t.heading_level().is_some()))
    else {
        return false;
    };
    spells(doc, heading, anchor)
}

/// Whether the letters and digits of the text under `heading`, lower-cased, are those of
/// `anchor`, in order and all of them (`Saving Drafts` and `saving-drafts`; a heading's
/// `¶` permalink has none). A slug that adds a counter or cuts the title short is not
/// matched: those are left to the many-word test of [`find_class_word`](super::find_class_word).
fn spells(doc: &Document, heading: NodeId, anchor: &str) -> bool {
    let mut want = anchor
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let mut matched = 0usize;
    for text in doc.descendants(heading).filter_map(|n| doc.text(n)) {
        for c in text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
        {
            if want.next() != Some(c) {
                return false;
            }
            matched += 1;
        }
    }
    matched > 0 && want.next().is_none()
}
