//! Cleaning a title candidate's text: a label or permalink mark inside the `<h1>`, a host
//! or source note after the headline, a heading in capitals that the titles spell better, and
//! whether a heading's text reads as a headline at all.

use super::fold;
use super::meta::bounded_text;
use super::title::SEPARATORS;
use crate::dom::{Document, NodeId, Tag};
use crate::textutil::collapse_whitespace;

/// Class words of the elements forums and blogs set before a headline inside its `<h1>`: a
/// thread's prefix ("Tips/Techniques"), a category badge, arXiv's "Title:" descriptor.
const LABEL_CLASSES: &[&str] = &[
    "label",
    "prefix",
    "badge",
    "descriptor",
    "kicker",
    "eyebrow",
];

/// The heading's text without a label it opens with: a `<time>`, an element whose class names
/// a label, or a short lead-in of its own text node ending with a colon ("Thread:",
/// "<strong>Blog:</strong>").
/// The label is marked up apart from the headline, so this reads structure, not wording.
/// `None` when there is no label, or too little would be left (two words).
pub(super) fn strip_label<'t>(doc: &Document, h1: NodeId, text: &'t str) -> Option<&'t str> {
    // The first node with text, looked for among a handful of descendants (`<h1><a><time>`).
    let first = doc
        .descendants(h1)
        .skip(1)
        .take(12)
        .find(|&n| match doc.text(n) {
            Some(t) => !t.trim().is_empty(),
            None => doc.element(n).is_some_and(|e| {
                e.tag == Tag::Time
                    || e.attr("class").is_some_and(|c| {
                        c.split_whitespace().any(|w| {
                            let w = w.to_ascii_lowercase();
                            LABEL_CLASSES.iter().any(|l| w.contains(l))
                        })
                    })
            }),
        })?;
    let label = match doc.text(first) {
        // A lead-in as text of its own: a colon closes it, and it is short.
        Some(t) => {
            let t = t.trim();
            (t.ends_with(':') && t.split_whitespace().count() <= 3).then(|| t.to_owned())?
        }
        // A `<time>` or a label element (found above): short, or it is not a label.
        None => {
            let t = bounded_text(doc, first, 200)?;
            (t.split_whitespace().count() <= 5).then_some(t)?
        }
    };
    let rest = text.strip_prefix(label.as_str())?;
    let rest = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '|' | '·' | '\u{a0}')
    });
    (rest.split_whitespace().count() >= 2).then_some(rest)
}

/// A heading without the permalink mark documentation generators append ("Quickstart¶").
pub(super) fn strip_permalink(t: &str) -> &str {
    t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '¶' | '§' | '#' | '🔗'))
}

/// The name part of a host: the label before the top-level domain ("www.wral.com" → "wral",
/// "blog.tern-lang.org" → "tern-lang"). Country domains with a second level ("bbc.co.uk") give
/// "co", which matches no site part and so does no harm.
pub(super) fn host_label(host: &str) -> Option<&str> {
    let mut labels = host.rsplit('.');
    labels.next()?;
    labels.next().filter(|l| l.len() >= 3)
}

/// The title without a last part that names the host ("… | iFixit" on ifixit.com).
pub(super) fn strip_host_suffix(title: &str, host_name: Option<&str>) -> Option<String> {
    let site = fold(host_name?);
    let title = collapse_whitespace(title);
    SEPARATORS.iter().find_map(|sep| {
        let (head, tail) = title.rsplit_once(sep)?;
        let tail = fold(tail);
        let names_host = !tail.is_empty() && (tail.contains(&site) || site.contains(&tail));
        (names_host && !head.trim().is_empty()).then(|| head.trim().to_owned())
    })
}

/// Another title that the `<h1>` opens with, when all the `<h1>` adds is a link aggregator's
/// note of the source and score ("… Light Old Barns (example.com) 87"): no headline carries
/// one. A word, a year or a bare number added keeps the `<h1>`: those are the page's own
/// wording. wcxb-dev: title +2, no loss (with emoji and other symbols counted as a note too,
/// a documentation theme's permalink glyph that the gold keeps was lost and nothing gained).
pub(super) fn without_trailing_note(h1: &str, refs: &[&str]) -> Option<String> {
    // NOTE: a note ends with ")" or a digit; the test spares the search on most pages. The
    // references are whitespace-collapsed already (see `Sources`).
    if !h1.ends_with(|c: char| c == ')' || c.is_ascii_digit()) {
        return None;
    }
    refs.iter()
        .find(|r| {
            r.split_whitespace().count() >= 2 && h1.strip_prefix(**r).is_some_and(is_source_note)
        })
        .map(|r| (*r).to_owned())
}

/// Whether `rest` is a parenthesised host name ("(example.com)"), optionally followed by a
/// number (the score).
fn is_source_note(rest: &str) -> bool {
    let Some((host, after)) = rest
        .trim()
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
    else {
        return false;
    };
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && after.trim().chars().all(|c| c.is_ascii_digit())
}

/// Another title with the same words as an `<h1>` in capitals, in their written letter case:
/// capitals are styling ("NOTES FOR REMOTE TEAMS"). A sentence-case `<h1>` stays as it is,
/// since the page chose it over a title-cased `<title>` (on wcxb-dev the gold follows the
/// `<h1>` in such pairs as often as not).
pub(super) fn same_words_better_case(h1: &str, refs: &[&str]) -> Option<String> {
    let upper = |s: &str| s.chars().filter(|c| c.is_uppercase()).count();
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = |s: &str| upper(s) == letters(s);
    if !all_caps(h1) {
        return None;
    }
    refs.iter()
        .map(|r| collapse_whitespace(r))
        .find(|r| r.to_lowercase() == h1.to_lowercase() && !all_caps(r))
}

/// Whether an `<h1>` that matches no other title can still be the headline: not the host's
/// name (a logo) and not a one-word label ("Menu", "Search").
pub(super) fn is_headline_text(text: &str, host: Option<&str>) -> bool {
    let f = fold(text);
    if f.is_empty() {
        return false;
    }
    let host_like = host.is_some_and(|h| {
        let h = h.trim_start_matches("www.");
        let name = h.split('.').next().unwrap_or(h);
        f == fold(h) || f == fold(name)
    });
    !host_like && !is_label(text)
}

/// Headings that name a page region rather than a story.
fn is_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "menu",
        "search",
        "navigation",
        "main menu",
        "home",
        "blog",
        "our blog",
    ];
    let t = collapse_whitespace(text).to_lowercase();
    LABELS.contains(&t.as_str())
}
