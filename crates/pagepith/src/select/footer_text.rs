//! The page footer's text in the main region: not a measure of how much the article is.
//!
//! The prune stage keeps a footer named by its class when it holds most of the page's prose
//! (its guard against misnamed wrappers), which happens on a short story above a footer with
//! a long imprint or contact notice. Weighed in the region's text, that notice makes the
//! story's container look like a fragment, and the whole page — headline lists and footer
//! columns included — is kept instead.

use crate::dom::{Document, NodeId};
use crate::segment::Segmentation;

use super::Decision;

/// Letters of the region's kept blocks after the container's last kept block that sit inside
/// an element named a footer which does not hold the container: a footer around the article
/// (`shell-with-footer` on a page wrapper) or a post's own footer is not the page's. With
/// `unlinked`, their unlinked letters (as the region's unlinked text counts them); else all
/// their letters, bare link-list items left out (as the region's total does). Asked only when
/// the container already looks like a fragment (a few pages of a set), so the ancestor walks
/// cost nothing elsewhere.
pub(super) fn chars_after(
    doc: &Document,
    seg: &Segmentation,
    container: &[Decision],
    root: Option<NodeId>,
    region: &[Decision],
    unlinked: bool,
) -> usize {
    let Some(last) = container.iter().rposition(|d| *d == Decision::Kept) else {
        return 0;
    };
    let holds_container = |n: NodeId| root.is_some_and(|r| doc.is_within(r, n));
    seg.blocks
        .iter()
        .zip(region)
        .skip(last + 1)
        .filter(|(b, d)| {
            **d == Decision::Kept && (unlinked || b.list.is_none() || b.link_density() < 1.0)
        })
        .filter(|(b, _)| {
            std::iter::once(b.node)
                .chain(doc.ancestors(b.node))
                .filter(|&n| doc.element(n).is_some_and(crate::prune::names_footer))
                .any(|n| !holds_container(n))
        })
        .map(|(b, _)| {
            if unlinked {
                b.chars - b.link_chars
            } else {
                b.chars
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text as text_of;

    /// A short news story (typed an article), a column of linked headlines, and a footer
    /// whose long contact notice holds most of the page's prose (so the prune stage keeps it).
    fn page() -> String {
        let headlines: String = (1..=10)
            .map(|n| {
                format!(
                    "<div class=line><a href=/n/{n}>Council weighs a new bridge plan, part {n}</a>\
                     </div>"
                )
            })
            .collect();
        let columns: String = (1..=30)
            .map(|n| format!("<div class=item><a href=/s/{n}>Section number {n}</a></div>"))
            .collect();
        format!(
            "<head><meta property=og:type content=article></head>\
             <body><div class=top><h1>Lighthouse keeper retires after forty years</h1>\
             <div class=story><p>The keeper of the cliff lamp climbed the tower for the \
             last time on Sunday, polished the lens and passed the brass keys to the harbour \
             board, which will run the lamp from the town.</p><p>Neighbours gathered on the \
             rocks below with lanterns of their own, and the ferry sounded its horn twice as it \
             passed the point on its evening crossing.</p></div>\
             <div class=wire>{headlines}</div></div>\
             <div class=lower-footer-shell>{columns}<div class=notice>The reader desk answers \
             questions about deliveries, renewals and missing copies on weekdays from eight in \
             the morning until six in the evening, and on the first Saturday of each month \
             from nine until noon. Calls from abroad are answered in the same hours of the \
             local day. Letters may be sent to the desk at the harbour office, and parcels are \
             taken at the side gate. The desk does not take orders for back issues, which are \
             sold at the archive on the square, open on Tuesdays and Thursdays. Complaints \
             about the carriers go to the regional office.</div></div></body>"
        )
    }

    /// Guards the rule: a footer's long notice does not make a short story's container a
    /// fragment, so the headline list and the footer stay out.
    #[test]
    fn a_kept_footer_does_not_outweigh_a_short_story() {
        let text = text_of(&page());
        assert!(text.contains("brass keys"), "{text}");
        assert!(!text.contains("reader desk"), "{text}");
        assert!(!text.contains("bridge plan"), "{text}");
    }
}
