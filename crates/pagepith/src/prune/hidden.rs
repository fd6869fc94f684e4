//! Reads whether an element is hidden from the reader: the `hidden` attribute, `aria-hidden`,
//! an inline `display:none` or `visibility:hidden`, a screen-reader-only class, and the few
//! ways of hiding that still leave the text on screen or spoken. Decides nothing about
//! furniture: the prune pass ([`super::prune`]) asks these readers and keeps its exceptions.

use super::structure::previous_elements;
use crate::dom::{Document, NodeId, Tag};

pub(crate) fn is_hidden(el: &crate::dom::Element) -> bool {
    hidden_by(el, true, true)
}

/// [`is_hidden`] of a node: false for text.
pub(crate) fn is_hidden_node(doc: &Document, id: NodeId) -> bool {
    doc.element(id).is_some_and(is_hidden)
}

/// Whether `aria-hidden` is all that hides the element: it takes the element away from
/// screen readers, not from the screen. Pages set it on what sighted readers see twice (a
/// card's image link repeating its title link) and on a carousel's slides other than the
/// current one, which a reader scrolls to.
pub(super) fn hidden_from_assistive_tech_only(el: &crate::dom::Element) -> bool {
    el.attr("aria-hidden").is_some_and(|v| v.trim() == "true") && !hidden_by(el, false, true)
}

/// Whether a screen-reader-only element (hidden by a class such as `sr-only`, not by
/// `hidden`, `aria-hidden` or an inline style) speaks for the visible text right before it,
/// which `aria-hidden` takes away from screen readers: a struck-out price shown as digits and
/// spoken as "was 30 dollars", an abbreviation spoken in full. The pair is one value told
/// twice; with the `aria-hidden` copy removed, the spoken one is all that is left of it.
/// Not inside a `<label>`: a form choice's spoken name (a filter's option with its count) is
/// a control's, as its visible copy is.
pub(super) fn is_spoken_copy(doc: &Document, id: NodeId) -> bool {
    let Some(el) = doc.element(id) else {
        return false;
    };
    let by_markup = el.attrs.iter().any(|a| match a.name() {
        "hidden" => true,
        "aria-hidden" => a.value().trim() == "true",
        "style" => {
            squeezed_contains(a.value(), "display:none")
                || squeezed_contains(a.value(), "visibility:hidden")
        }
        _ => false,
    });
    if by_markup {
        return false;
    }
    if doc
        .ancestors(id)
        .take(3)
        .any(|a| doc.tag(a) == Some(Tag::Label))
    {
        return false;
    }
    previous_elements(doc, id).next().is_some_and(|p| {
        doc.element(p).is_some_and(hidden_from_assistive_tech_only)
            && doc
                .descendants(p)
                .filter_map(|n| doc.text(n))
                .any(|t| t.chars().any(char::is_alphanumeric))
    })
}

/// Whether an inline `visibility:hidden` is all that hides the element. Unlike
/// `display:none` it keeps the element's box on the page: slider and carousel scripts set it
/// on their wrapper until they have laid out the slides, so the page does not jump.
pub(super) fn hidden_by_visibility_only(el: &crate::dom::Element) -> bool {
    is_hidden(el) && !hidden_by(el, true, false)
}

/// [`is_hidden`], reading `aria-hidden` only when `aria` is set and an inline
/// `visibility:hidden` only when `visibility` is.
fn hidden_by(el: &crate::dom::Element, aria: bool, visibility: bool) -> bool {
    // NOTE: this runs on every element, so it reads the attributes in one pass and compares
    // without building lower-cased copies (those allocations were half its cost).
    let (mut class, mut style, mut aria_hidden) = (None, None, None);
    for attr in &el.attrs {
        match attr.name() {
            "hidden" => return true,
            "aria-hidden" => _ = aria_hidden.get_or_insert(attr.value()),
            "style" => _ = style.get_or_insert(attr.value()),
            "class" => _ = class.get_or_insert(attr.value()),
            _ => {}
        }
    }
    if aria && aria_hidden.is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if let Some(style) = style {
        if squeezed_contains(style, "display:none")
            || (visibility && squeezed_contains(style, "visibility:hidden"))
        {
            return true;
        }
    }
    // Whole classes only: `field-label-hidden` hides a label, `hidden-xs` hides on phones.
    class.unwrap_or("").split_ascii_whitespace().any(|class| {
        // NOTE: every word below starts with h, i, s or v: a class whose first letter or digit
        // is another (most classes) is none of them, and is not copied. (`| 0x20` lower-cases
        // ASCII letters and leaves digits as they are.)
        let first = class.bytes().find(u8::is_ascii_alphanumeric);
        if !matches!(first.map(|c| c | 0x20), Some(b'h' | b'i' | b's' | b'v')) {
            return false;
        }
        // A class's letters and digits, lower-cased: `sr-only` is `sronly`. The longest word
        // below has 16; a longer class matches none of them.
        let mut joined = [0u8; 17];
        let mut n = 0;
        for c in class.bytes().filter(u8::is_ascii_alphanumeric) {
            if n == joined.len() {
                return false;
            }
            joined[n] = c.to_ascii_lowercase();
            n += 1;
        }
        matches!(
            &joined[..n],
            b"hidden"
                | b"hide"
                | b"invisible"
                | b"sronly"
                | b"visuallyhidden"
                | b"screenreadertext"
        )
    })
}

/// Whether `style`, without its white space and with ASCII letters lower-cased, contains
/// `pattern` (lower-case ASCII, no white space): `display: NONE` holds `display:none`.
fn squeezed_contains(style: &str, pattern: &str) -> bool {
    let mut chars = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase());
    let mut rest = pattern.chars();
    let Some(first) = rest.next() else {
        return true;
    };
    while let Some(c) = chars.next() {
        if c == first && chars.clone().take(pattern.len() - 1).eq(rest.clone()) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse, ParseLimits};

    #[test]
    fn hidden_checks_read_styles_and_classes_as_before() {
        let hidden = |attrs: &str| {
            let doc = parse(&format!("<div {attrs}>x</div>"), &ParseLimits::default()).unwrap();
            let id = doc.find_tag(Document::ROOT, Tag::Div).unwrap();
            is_hidden(doc.element(id).unwrap())
        };
        for yes in [
            "hidden",
            "aria-hidden=' true '",
            "style='color:red; DISPLAY : NONE'",
            "style='visibility:\u{a0}hidden'",
            "style='d display:none'",
            "class='a SR-only'",
            "class='visually-hidden'",
            "class='screen-reader-text b'",
            "class='x _Hide'",
            "class='in-visible'",
        ] {
            assert!(hidden(yes), "{yes}");
        }
        for no in [
            "aria-hidden=false",
            "style='display:block'",
            "style='display:non'",
            "style='displaynone'",
            "class='hidden-xs'",
            "class='field-label-hidden'",
            "class='screenreadertextscreenreadertext'",
            "",
        ] {
            assert!(!hidden(no), "{no}");
        }
    }
}
