//! Hidden panels that follow their control: an accordion's or a disclosure's body.
//!
//! A FAQ's answers, a product's folded "Description" and "Details", a "show more" body are in
//! the page's HTML, hidden until their header is clicked; the header sits right before the
//! panel. [`crate::reveal`] finds panels that a control names with `aria-controls`; many
//! widgets name an inner element instead, or nothing at all. What they share is the markup's
//! shape, in any language: a visible control element immediately followed by the hidden
//! panel, either marked as a disclosure control (`aria-expanded`, `aria-controls`) or
//! repeated as a pair of classes (question, answer) the page uses for every entry.

use crate::dom::{Document, NodeId};
use crate::repeated_class::ClassCounts;

/// Whether the hidden element `id` is the panel its preceding sibling opens.
///
/// Measured on both dev sets, on top of the `aria-controls` panels (`reveal`): the control
/// markup alone gave wcxb-dev F1 0.8523 -> 0.8525 (product 0.587 -> 0.589, `without` leaked
/// unchanged); the repeated pair alone 0.8533 (listing 0.659 -> 0.666, collection 0.620 ->
/// 0.624, product 0.587 -> 0.585, 2 more leaked: a hidden "Add to cart", a hidden "Get
/// started"); both 0.8534 (R 0.8803 -> 0.8839, product 0.587), leaked 258 -> 260 of 5,223;
/// scrapinghub unchanged at 0.9652 in each.
pub fn is_panel(doc: &Document, classes: &ClassCounts, id: NodeId) -> bool {
    let Some(control) = previous_element(doc, id) else {
        return false;
    };
    let Some(el) = doc.element(control) else {
        return false;
    };
    if crate::prune::is_hidden(el) {
        return false;
    }
    let disclosure = el.attr("aria-expanded").is_some() || el.attr("aria-controls").is_some();
    // The control's own markup says it opens something; or the page repeats the pair — a
    // question class and an answer class, each on 3+ elements (`ClassCounts`' pattern).
    disclosure || (classes.repeated(id) && classes.repeated(control))
}

/// Letters and digits a "read more" control holds at most: a prompt ("Read more", "Show the
/// full text"), not a section's header. Chosen by reading the prompts on the dev sets (under
/// 20 letters), with room for longer languages; not tuned.
const MAX_TOGGLE_LETTERS: usize = 40;

/// Element levels below the sibling after a hidden text that are looked at for its control:
/// widgets wrap the control in a row or two of single-child layout boxes
/// (`<div class=row><a aria-expanded=false>Read more</a></div>`).
const TOGGLE_WRAPPER_LEVELS: usize = 3;

/// Whether the hidden element `id` is the continuation that the "read more" control right
/// after it opens: the visible part of a text, then its hidden rest, then the control (a
/// publisher's blurbs cut after a paragraph, an excerpt under them). [`is_panel`] reads the
/// other order, a header before its panel. The control is the next element sibling, or that
/// sibling's only element child (a few levels down), marked as a disclosure control
/// (`aria-expanded` or `aria-controls`), visible, and short: a prompt of at most
/// [`MAX_TOGGLE_LETTERS`] letters and digits.
pub fn is_panel_before_toggle(doc: &Document, id: NodeId) -> bool {
    let mut n = doc.node(id).next_sibling;
    while let Some(s) = n {
        if doc.element(s).is_some() {
            break;
        }
        n = doc.node(s).next_sibling;
    }
    let Some(mut control) = n else {
        return false;
    };
    for _ in 0..TOGGLE_WRAPPER_LEVELS {
        let Some(el) = doc.element(control) else {
            return false;
        };
        if crate::prune::is_hidden(el) {
            return false;
        }
        if el.attr("aria-expanded").is_some() || el.attr("aria-controls").is_some() {
            return doc
                .descendants(control)
                .filter_map(|t| doc.text(t))
                .flat_map(str::chars)
                .filter(|c| c.is_alphanumeric())
                .nth(MAX_TOGGLE_LETTERS)
                .is_none();
        }
        let mut kids = doc.children(control).filter(|&k| doc.element(k).is_some());
        match (kids.next(), kids.next()) {
            (Some(k), None) => control = k,
            _ => return false,
        }
    }
    false
}

fn previous_element(doc: &Document, id: NodeId) -> Option<NodeId> {
    let mut n = doc.node(id).prev_sibling;
    while let Some(p) = n {
        if doc.element(p).is_some() {
            return Some(p);
        }
        n = doc.node(p).prev_sibling;
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::Config;

    const INTRO: &str = "<p>Answers to the questions our readers ask most often about the \
        courses, the certificates and the fees, collected by the support team over the \
        years and kept up to date with every change.</p>";

    /// Guards the panel before its control: the hidden rest of a text followed by a "read
    /// more" control (wrapped in a row) is kept, while a hidden list of links before a menu
    /// toggle (no prose) and a hidden text followed by a plain link stay out.
    #[test]
    fn a_hidden_rest_before_its_read_more_control_is_kept() {
        let rest = "The second chapter follows the keeper through a winter of storms, when \
            the lamp failed twice and the supply boat could not land for six weeks, and the \
            families on the island shared what flour and oil they had left between them. In \
            the spring the keeper wrote to the harbour office for a second lamp and a radio.";
        let page = format!(
            "<html><body><main><h1>The lighthouse keeper</h1>{INTRO}<div class=blurb><p>A \
             quiet novel about a lighthouse and the people who kept it.</p></div><div \
             style='display:none'><p>{rest}</p></div><div class=row><a href='#' \
             aria-expanded=false role=button>Read more</a></div><ul hidden><li><a href=/a>\
             Shop</a></li><li><a href=/b>Stories</a></li></ul><button aria-expanded=false>Menu\
             </button><p>Published in spring.</p><div style='display:none'><p>A draft kept by \
             the editor for a later edition, with notes on the keeper's letters and the \
             maps of the coast drawn by his daughter over many long and careful years.</p>\
             </div><a href=/next>Next book</a></main></body></html>"
        );
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("winter of storms"), "{text}");
        assert!(!text.contains("Stories"), "{text}");
        assert!(!text.contains("later edition"), "{text}");
    }

    /// Guards both kinds of panel: answers hidden after their questions (a repeated pair of
    /// classes) and a folded section after a button marked `aria-expanded` are kept, while
    /// a hidden element after nothing of the kind (a loading notice) stays out.
    #[test]
    fn hidden_panels_after_their_headers_are_kept() {
        let faq: String = ["fees", "dates", "exams"]
            .iter()
            .map(|t| {
                format!(
                    "<div class=faq-q>What about the {t}?</div><div class=faq-a \
                     style='display:none'>The {t} are listed on each course page and \
                     confirmed by email.</div>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><main><h1>Questions</h1>{INTRO}{faq}<button aria-expanded=false>\
             More</button><div style='display:none'><div id=inner>The refund policy gives \
             you thirty days.</div></div><p>Contact us for anything else.</p><div \
             style='display:none'>Loading the next page now</div></main></body></html>"
        );
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("The exams are listed"), "{text}");
        assert!(text.contains("refund policy"), "{text}");
        assert!(!text.contains("Loading the next page"), "{text}");
    }
}
