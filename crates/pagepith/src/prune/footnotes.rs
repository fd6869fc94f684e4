//! Recognises a footnote reference: the small raised number (`¹`, `[2]`, `*`) an author sets
//! after a word to point to a note further down the page. It is a link, not a word of the
//! sentence: left in, it glues onto the word before it ("results2") or splits the sentence.

use crate::dom::{Document, NodeId, Tag};

/// A reference mark has at most this many characters besides white space ("[12]", "3,4",
/// "a"). Longer raised text is a word in its own right (a trademark line, an exponent's
/// expression). Set by reading the dev sets' linked `<sup>`s: the marks the gold leaves out
/// are one to four characters (a bracketed number of two digits).
const MARK_MAX_CHARS: usize = 6;

/// Whether `id` is a footnote reference: a `<sup>` whose whole text is a short mark made of
/// digits, letters, brackets, commas, dashes or the note symbols `*†‡§`, that links to a part
/// of the same page (`<sup><a href="#fn2">2</a></sup>`, or `<a href="#note-2"><sup>[2]</sup>
/// </a>` with nothing else in the link). A raised mark without a same-page link (an
/// exponent, `m<sup>2</sup>`, a trademark `<sup>®</sup>`, an ordinal's "st") stays: the gold
/// keeps unlinked marks about as often as it drops them.
pub(super) fn is_footnote_mark(doc: &Document, id: NodeId) -> bool {
    if doc.tag(id) != Some(Tag::Sup) {
        return false;
    }
    let mut chars = 0;
    let mut links_here = false;
    for n in doc.descendants(id) {
        if let Some(text) = doc.text(n) {
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                chars += 1;
                if chars > MARK_MAX_CHARS || !is_mark_char(c) {
                    return false;
                }
            }
        } else if doc.tag(n) == Some(Tag::A) && links_within_page(doc, n) {
            links_here = true;
        }
    }
    chars > 0 && (links_here || in_mark_link(doc, id, chars))
}

fn is_mark_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '[' | ']' | '(' | ')' | ',' | '-' | '–' | '*' | '†' | '‡' | '§'
        )
}

/// Whether the `<a>` at `id` points to a named place on the same page (`#fn2`); a bare `#`
/// is a script's button, not a note.
fn links_within_page(doc: &Document, id: NodeId) -> bool {
    doc.attr(id, "href").is_some_and(|h| {
        h.trim()
            .strip_prefix('#')
            .is_some_and(|rest| !rest.is_empty())
    })
}

/// Whether the `<sup>` at `id` (with `chars` characters) sits in a same-page link, at most two
/// levels up, that holds nothing but it (`<a href="#note-2"><sup>[2]</sup></a>`).
fn in_mark_link(doc: &Document, id: NodeId, chars: usize) -> bool {
    let Some(link) = doc
        .ancestors(id)
        .take(2)
        .find(|&a| doc.tag(a) == Some(Tag::A))
    else {
        return false;
    };
    if !links_within_page(doc, link) {
        return false;
    }
    let mut link_chars = 0;
    for n in doc.descendants(link) {
        if let Some(text) = doc.text(n) {
            link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
            if link_chars > chars {
                return false;
            }
        }
    }
    true
}
