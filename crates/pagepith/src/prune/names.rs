//! Reads the parts of one class or id name (`page-header__intro`, `QuoteList_footer__x1Y2z`)
//! beyond its single words ([`super::class_words`]): whether a furniture word names only a part
//! of a box, a CSS module's part, or comes first. Allocates, so it is asked only of the few
//! elements a furniture word removes.

use super::class_words::{find_class_word, word_kind, LOWER_OR_DIGIT, NAME_BYTE, SEPARATOR, UPPER};

/// Words that, right after `header` in one class name, name the header's running text: the
/// element is the words of a title box, not a masthead. Not the words of a news standfirst
/// (`dek`, `lede`, `standfirst`), which scrapinghub's gold leaves out, and not `content`,
/// which names a masthead's inner wrapper as often (of the dev sets' elements removed as
/// page chrome with `header` before one of these words, 544 of 702 shingles were in the
/// gold; before `content` 103 of 950).
/// Words that, after `banner` in one class name, name a title box's parts (see the rule in
/// [`prune`](super::prune)): generic words for a hero box and its text, chosen as
/// `HEADER_TEXT_WORDS` were.
pub(super) const BANNER_TITLE_WORDS: [&[u8]; 8] = [
    b"hero",
    b"text",
    b"intro",
    b"heading",
    b"title",
    b"description",
    b"copy",
    b"content",
];

/// Class words that name an `<aside>` as the line under a heading (see the rule in
/// [`prune`](super::prune)): generic words for a subtitle. Not `lead` (lead forms) nor
/// `standfirst` or `dek` (a news story's standfirst, which scrapinghub's gold leaves out).
pub(super) const ASIDE_TITLE_WORDS: [&[u8]; 6] = [
    b"heading",
    b"subheading",
    b"subhead",
    b"subtitle",
    b"tagline",
    b"intro",
];

pub(super) const HEADER_TEXT_WORDS: [&[u8]; 10] = [
    b"text",
    b"copy",
    b"description",
    b"desc",
    b"phrase",
    b"intro",
    b"subtext",
    b"tagline",
    b"subtitle",
    b"blurb",
];

/// The lower-cased pieces of one class name, split as [`find_class_word`] splits them (at
/// anything not alphanumeric and at camelCase humps, after a BEM block's `__` is cut off).
/// Allocates: asked only of the few elements a furniture word removes.
fn name_pieces(name: &str) -> Vec<Vec<u8>> {
    let name = match name.as_bytes().windows(2).position(|w| w == b"__") {
        Some(end) => &name[..end],
        None => name,
    };
    let mut pieces: Vec<Vec<u8>> = Vec::new();
    let mut piece = Vec::new();
    let mut prev_lower = false;
    for c in name.bytes() {
        let kind = NAME_BYTE[usize::from(c)];
        let hump = kind == UPPER && prev_lower;
        prev_lower = kind == LOWER_OR_DIGIT;
        if (hump || kind == SEPARATOR) && !piece.is_empty() {
            pieces.push(std::mem::take(&mut piece));
        }
        if kind != SEPARATOR {
            piece.push(c | 0x20);
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// Whether the furniture words of `el`'s class and id are only `head` followed by one of
/// `parts` in the same name (`header-text`): the word then names the element's place inside a
/// box, not the box. Any other furniture word (`modal header-text`), or `head` alone, and it is
/// not. A BEM element's words count as the name's (`page-header__intro`).
pub(super) fn names_only_part_of(
    el: &crate::dom::Element,
    own_offers: bool,
    head: &[u8],
    parts: &[&[u8]],
) -> bool {
    let class = el.attr("class").unwrap_or("");
    let id = el.attr("id").unwrap_or("");
    let mut found = false;
    for name in class.split_ascii_whitespace().chain(std::iter::once(id)) {
        let mut pieces = name_pieces(name);
        // A BEM element (`hero-banner__content`, `page-header__intro`) is read on after its
        // block: its word names the block's part as `banner-content` does. A CSS module's
        // build hash (`Banner__x1Y2z`) appended so is never one of `parts`.
        if let Some(end) = name.find("__") {
            pieces.extend(name_pieces(&name[end + 2..]));
        }
        let mut i = 0;
        while i < pieces.len() {
            if pieces[i] == head
                && pieces
                    .get(i + 1)
                    .is_some_and(|p| parts.contains(&p.as_slice()))
            {
                found = true;
                i += 2;
                continue;
            }
            if word_kind(el, &pieces[i], own_offers).is_some() {
                return false;
            }
            i += 1;
        }
        if pieces.len() > 1 && word_kind(el, &pieces.concat(), own_offers).is_some() {
            return false;
        }
    }
    found
}

/// Whether every class name of `el` that names furniture is a CSS module's part name
/// (`QuoteList_footer__x1Y2z`: component `QuoteList`, its part `footer`, a build hash) whose
/// component names nothing: the word names a part of that component, not the page's chrome.
/// The id must name nothing either.
pub(super) fn names_module_part(el: &crate::dom::Element, own_offers: bool) -> bool {
    let names_furniture = |name: &str| {
        name_pieces(name)
            .iter()
            .any(|p| word_kind(el, p, own_offers).is_some())
    };
    if el.attr("id").is_some_and(names_furniture) {
        return false;
    }
    let mut found = false;
    for name in el.attr("class").unwrap_or("").split_ascii_whitespace() {
        if !names_furniture(name) {
            continue;
        }
        let Some(end) = name.find("__") else {
            return false;
        };
        let Some((component, part)) = name[..end].split_once('_') else {
            return false;
        };
        if component.is_empty() || part.is_empty() || names_furniture(component) {
            return false;
        }
        found = true;
    }
    found
}

/// Whether the first furniture word of `el`'s class or id is `word` (`section-header hidden`
/// names a header; `modal-header` names a modal). Asked only of elements a furniture word
/// removes.
pub(super) fn first_word_is(el: &crate::dom::Element, own_offers: bool, word: &[u8]) -> bool {
    find_class_word(el, true, |w| {
        word_kind(el, w, own_offers).map(|_| w == word)
    }) == Some(true)
}
