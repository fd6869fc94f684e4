//! Short text inside a `<figure>` that is not its caption element.
//!
//! A `<figure>` holds one unit of media; `<figcaption>` is its caption, and segmentation makes
//! that a caption already. The other short lines a template writes inside the figure — a
//! photo credit in a `<div>`, a gallery's picture counter, an overlay's title — belong to the
//! picture, not to the prose around it. A quotation set as a figure (`<figure><blockquote>`,
//! a pull quote) is text and stays. Markup semantics, in any language.

use super::Decision;
use crate::dom::{Document, Tag};
use crate::segment::{BlockKind, Segmentation};

/// Letters and digits under which a line inside a figure is the picture's: a credit names a
/// photographer and an agency, a counter or a title is a few words. Measured (an earlier
/// form of the rule, without the listing and direct-text exceptions) at 60 / 100 / 150
/// letters: scrapinghub F1 0.97422 / 0.97433 / 0.97433, wcxb-dev 0.85495 / 0.85495 / 0.85494.
const MAX_FIGURE_LINE_CHARS: usize = 100;

/// Turns kept short paragraphs nested inside a `<figure>`, outside any `<blockquote>` and
/// table, into captions. Text set directly in the `<figure>` stands where a `<figcaption>`
/// would and is left to the caption rules; a figure holding `<pre>` is a code listing
/// (the line naming its source file), not a picture.
pub fn mark_figure_lines(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d == Decision::Kept
            && b.kind == BlockKind::Paragraph
            && b.figure.is_some()
            && b.quote.is_none()
            && b.cell.is_none()
            && b.chars < MAX_FIGURE_LINE_CHARS
            && b.figure
                .is_some_and(|f| f != b.node && doc.find_tag(f, Tag::Pre).is_none())
        {
            *d = Decision::Caption;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text as text_of;

    const PROSE: &str = "<p>The council voted on Tuesday to close the old bridge for repairs, \
        and the work, which will take a year, starts in the spring after the last frost.</p>";

    /// Guards the rule: a credit line in a `<div>` inside a picture's `<figure>` leaves the
    /// body; the prose around it stays.
    #[test]
    fn a_credit_inside_a_figure_leaves_the_body() {
        let page = format!(
            "<article><h1>Bridge</h1>{PROSE}<figure><img src=a.jpg><div>Ann Example / \
             Weekly Post</div></figure>{PROSE}</article>"
        );
        let text = text_of(&page);
        assert!(text.contains("close the old bridge"), "{text}");
        assert!(!text.contains("Ann Example"), "{text}");
    }

    /// Guards the exceptions: a pull quote set as a figure and a code listing's file name
    /// stay in the body.
    #[test]
    fn quotes_and_listings_in_figures_stay() {
        let page = format!(
            "<article><h1>Bridge</h1>{PROSE}<figure><blockquote><p>We will reopen it by \
             winter.</p></blockquote></figure><figure><div>File: bridge.rs</div><pre>fn \
             main() {{}}</pre></figure>{PROSE}</article>"
        );
        let text = text_of(&page);
        assert!(text.contains("reopen it by winter"), "{text}");
        assert!(text.contains("File: bridge.rs"), "{text}");
    }
}
