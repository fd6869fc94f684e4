//! Takes back the article's opening box: a summary, a definition or an intro set between the
//! headline and the chosen container.
//!
//! Templates often write an article's first lines in their own wrapper before the body's
//! (a "key points" box, an "at a glance" summary, a definition, two or three intro
//! paragraphs above the first section), and the container, scored by the prose below it,
//! is the body's wrapper alone. A single line under the headline is a standfirst, which
//! gold standards keep on some sites and leave out on others; a run of three paragraphs,
//! or one under its own heading, is the article's text. Structure and length only, so it
//! holds in any language.

use super::Decision;
use crate::dom::Document;
use crate::metadata::Metadata;
use crate::segment::{BlockKind, Segmentation, TextBlock};

/// Letters a lead paragraph needs: a sentence, longer than a byline or a label. Measured on
/// both dev sets with three blocks asked for (below): 40 / 50 / 60 / 80 letters gave wcxb-dev
/// F1 0.87203 / 0.87179 / 0.87179 / 0.87185 (from 0.87163) and scrapinghub 0.97824 / 0.97839
/// / 0.97839 / 0.97839 (from 0.97839). At 40 two news pages' "published / updated" date
/// lines join a run (scrapinghub −0.00015, inside the 0.0002 bar) and three more `with`
/// snippets are found; with the other rules of this session, 40 against 50: wcxb-dev 0.87282
/// against 0.87256, scrapinghub 0.97960 against 0.97974.
const MIN_LEAD_CHARS: usize = 40;

/// Above this share of linked letters a block is a related link or a byline's profile link.
/// The bound a container's sibling paragraph uses; not tuned.
const MAX_LEAD_LINK_DENSITY: f64 = 0.25;

/// Lead paragraphs that make a run rather than a standfirst, unless a heading titles them.
/// Measured on both dev sets: any one paragraph (80 letters) cost scrapinghub 0.97839 ->
/// 0.97665 (its gold leaves every standfirst out) for wcxb-dev +0.0002; at 40 letters two
/// gave 0.97723 / 0.87202, three 0.97824 / 0.87203. (Keeping only paragraphs nearer the
/// container than the headline, by their common ancestors, kept scrapinghub's standfirsts
/// out as well but found few of wcxb-dev's: 0.97807 / 0.87170.)
const MIN_LEAD_RUN: usize = 3;

/// Keeps the opening box of an article whose container starts after it: between the
/// headline and the first kept block, the unlinked paragraphs of sentence length, when there
/// are [`MIN_LEAD_RUN`] of them or an unlinked heading stands before the first. On a page not
/// typed article one paragraph is enough (see [`keep_region_lead`]). On the prose container's
/// path (`root` is its element).
pub fn keep_lead(
    doc: &Document,
    seg: &Segmentation,
    meta: &Metadata,
    root: Option<crate::dom::NodeId>,
    decisions: &mut [Decision],
) {
    if root.is_some() {
        keep(doc, seg, meta, decisions);
    }
}

/// [`keep_lead`] in the main-region fallback, where the headline's box stands before the
/// region too. On a page not typed article (a category, a course list, a landing page) the
/// paragraph under the `<h1>` is the page's own intro, where a news story's lone line there is
/// a standfirst that gold standards leave out (snip11 measured one paragraph on every page:
/// scrapinghub −0.0017). Measured on both dev sets, container and region paths together (on
/// the three prune rules of chrome12): wcxb-dev F1 0.87844 -> 0.87851 (collection .70802 ->
/// .70847, listing .72229 -> .72260, article .95855 -> .95860, service .85004 -> .84999,
/// documentation .92440 -> .92434), `with` 5,605 -> 5,608 by words, `without` leaked 196
/// unchanged; scrapinghub 0.98096 unchanged. The container path alone: 0.87845, `with` 5,606.
pub fn keep_region_lead(
    doc: &Document,
    seg: &Segmentation,
    meta: &Metadata,
    decisions: &mut [Decision],
) {
    keep(doc, seg, meta, decisions);
}

fn keep(doc: &Document, seg: &Segmentation, meta: &Metadata, decisions: &mut [Decision]) {
    let Some(first) = decisions.iter().position(|&d| d == Decision::Kept) else {
        return;
    };
    let Some(headline) = seg.blocks[..first]
        .iter()
        .rposition(|b| super::filter::is_headline(doc, b, meta))
    else {
        return;
    };
    let is_lead = |i: usize| {
        let b = &seg.blocks[i];
        decisions[i] == Decision::OutsideContainer
            && b.kind == BlockKind::Paragraph
            && b.chars >= MIN_LEAD_CHARS
            && b.link_density() <= MAX_LEAD_LINK_DENSITY
            && b.figure.is_none()
            && !super::caption_class::is_named_caption(doc, b.node)
    };
    let Some(start) = (headline + 1..first).find(|&i| is_lead(i)) else {
        return;
    };
    let titled = seg.blocks[headline + 1..start].iter().any(plain_heading);
    let count = (start..first).filter(|&i| is_lead(i)).count();
    let min_run = if meta.page_type == crate::pagetype::PageType::Article {
        MIN_LEAD_RUN
    } else {
        1
    };
    if count < min_run && !titled {
        return;
    }
    let picked: Vec<usize> = (start..first).filter(|&i| is_lead(i)).collect();
    for i in picked {
        decisions[i] = Decision::Kept;
    }
}

/// A heading without links: a box's own title ("Key points"), not a linked teaser.
fn plain_heading(b: &TextBlock) -> bool {
    matches!(b.kind, BlockKind::Heading(_)) && b.link_chars == 0
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text as text_of;

    const BODY: &str = "<p>The ferry across the bay stopped running in the spring, when the \
        last of its two boats failed an inspection of its hull and its engines, and the town \
        has argued ever since about who should pay for a new one.</p>\
        <p>The council says the harbour board owns the route; the board says the council \
        promised the money in a vote that nobody can find in the minutes, and the islanders \
        wait on the pier for a water taxi that comes twice a day.</p>\
        <p>A public meeting is set for the end of the month in the school hall, where both \
        sides have agreed to show their papers and answer questions from anyone who comes, \
        for as long as the questions last.</p>";

    fn page(lead: &str) -> String {
        format!(
            "<html><body><div class=page><h1>The ferry that stopped</h1>\
             <div class=intro>{lead}</div><div class=body>{BODY}{BODY}</div></div>\
             </body></html>"
        )
    }

    /// Guards the rule: a summary box under its own heading, set between the headline and
    /// the body's wrapper, is part of the article.
    #[test]
    fn a_titled_summary_before_the_body_is_kept() {
        let text = text_of(&page(
            "<h2>In short</h2><p>The island's only ferry has not sailed since spring and \
             nobody agrees who should replace it.</p>",
        ));
        assert!(
            text.contains("nobody agrees who should replace it"),
            "{text}"
        );
        assert!(text.contains("for as long as the questions last"), "{text}");
    }

    /// Guards the run: three intro paragraphs without a heading are kept.
    #[test]
    fn a_run_of_intro_paragraphs_is_kept() {
        let text = text_of(&page(
            "<p>Every summer the island doubles in size as visitors arrive by boat.</p>\
             <p>This year there is no boat, and the cafes on the quay have stayed shut.</p>\
             <p>Here is how the crossing was lost, and what it would take to bring it back.</p>",
        ));
        assert!(text.contains("visitors arrive by boat"), "{text}");
        assert!(
            text.contains("what it would take to bring it back"),
            "{text}"
        );
    }

    /// Guards the limit: on a dated story a lone standfirst under the headline stays out, as
    /// most news gold standards leave it.
    #[test]
    fn a_lone_standfirst_stays_out() {
        let text = text_of(
            &page(
                "<p>The island's only ferry has not sailed since spring and nobody agrees who \
             should replace it.</p>",
            )
            .replace(
                "<body>",
                "<head><meta property=\"og:type\" content=\"article\">\
             <meta property=\"article:published_time\" content=\"2024-05-02\"></head><body>",
            ),
        );
        assert!(
            !text.contains("nobody agrees who should replace it"),
            "{text}"
        );
        assert!(text.contains("for as long as the questions last"), "{text}");
    }

    /// Guards the page-type exception: on an undated page (not typed article) the one intro
    /// paragraph under the `<h1>` is the page's own text, in the container path and in the
    /// region fallback.
    #[test]
    fn a_lone_intro_stays_on_a_page_not_typed_article() {
        let text = text_of(&page(
            "<p>The island's only ferry has not sailed since spring and nobody agrees who \
             should replace it.</p>",
        ));
        assert!(
            text.contains("nobody agrees who should replace it"),
            "{text}"
        );
        let cards: String = (1..=4)
            .map(|n| {
                format!(
                    "<div class=card><h3><a href=/t{n}>Harbour tour number {n}</a></h3>\
                     <a href=/t{n}>A morning on the water with the harbour pilot</a></div>"
                )
            })
            .collect();
        let text = text_of(&format!(
            "<html><body><div class=top><h1>Boat trips</h1><p>Every crossing we run from the \
             quay, with times, prices and what to bring.</p></div><div class=grid>{cards}\
             </div></body></html>"
        ));
        assert!(text.contains("what to bring"), "{text}");
    }
}
