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
