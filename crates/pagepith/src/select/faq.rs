//! A questions-and-answers section set beside the article's container.
//!
//! Article templates often close the story with its own FAQ: a box of question headings, each
//! followed by its answer, which the template keeps in a widget of its own outside the element
//! holding the body (a CMS collection list, an accordion module). The prose container does not
//! reach it, yet the gold standards keep it as the article's text. Told apart by structure and
//! punctuation only: three or more unlinked headings that end with a question mark, each
//! followed at once by unlinked text, under one element that does not hold the container. A
//! call to action phrased as a question ("Ready to start?") stands alone or in pairs, and a
//! list of other questions' pages is linked: neither makes such a run.

use crate::dom::{Document, NodeId, Tag};
use crate::segment::{BlockKind, Segmentation, TextBlock};

use super::Decision;

/// Question headings a run needs. Measured on wcxb-dev with `explain`: of the pages with
/// question headings followed by unlinked text outside the container, the three with 3+ such
/// questions (3, 5 and 8) had every answer in their gold; the seven with two had none (calls to
/// action and teaser questions).
const MIN_QUESTIONS: usize = 3;

/// Above this share of linked letters an answer is a link line, not an answer; the bound of a
/// container's sibling paragraph (`lead.rs`), not tuned.
const MAX_ANSWER_LINK_DENSITY: f64 = 0.25;

/// Whether a block is a question heading: a heading without links whose text ends with a
/// question mark (Latin, full-width or Arabic).
fn is_question(b: &TextBlock) -> bool {
    matches!(b.kind, BlockKind::Heading(_))
        && b.link_chars == 0
        && b.text.trim_end().ends_with(['?', '\u{ff1f}', '\u{061f}'])
}

/// Whether a block can be an answer's text: a paragraph (or list item) with few links.
fn is_answer(b: &TextBlock) -> bool {
    b.kind == BlockKind::Paragraph && b.link_density() <= MAX_ANSWER_LINK_DENSITY
}

/// The nearest element holding both `a` and `b`.
fn common_ancestor(doc: &Document, a: NodeId, b: NodeId) -> Option<NodeId> {
    std::iter::once(a)
        .chain(doc.ancestors(a))
        .find(|&n| doc.is_within(b, n))
}

/// Keeps the question-and-answer runs outside the container (`root`): [`MIN_QUESTIONS`] or
/// more question headings, each followed at once by answer text, with no kept block between
/// them, under one element that is not the page's body and does not hold the container. The
/// questions and the answer text (blocks with few links) inside that element come back, and
/// the box's title: the unlinked heading right before the first question, or before one
/// unlinked intro paragraph there ("Common questions" / "Here is what readers ask us.").
/// Measured on both dev sets: wcxb-dev F1 0.88454 -> 0.88467 (article 0.96018 -> 0.96045,
/// three pages up, none down), `with` by words 5,689 -> 5,691, `without` leaked 200
/// unchanged; scrapinghub 0.98106 unchanged (no page fires). The title alone added two exact
/// pages (accuracy 0.1510 -> 0.1524). Answers the other "outside" rules had dropped (after the
/// article, a teaser tail, an author box) taken too changed no page, so only blocks outside
/// the container are read.
pub fn keep_faq(
    doc: &Document,
    seg: &Segmentation,
    root: Option<NodeId>,
    decisions: &mut [Decision],
) {
    let Some(root) = root else {
        return;
    };
    let blocks = &seg.blocks;
    let outside = |d: Decision| d == Decision::OutsideContainer;
    let question_at = |i: usize, decisions: &[Decision]| {
        outside(decisions[i]) && is_question(&blocks[i]) && blocks.get(i + 1).is_some_and(is_answer)
    };
    let mut i = 0;
    while i < blocks.len() {
        if !question_at(i, decisions) {
            i += 1;
            continue;
        }
        // The run: questions up to the next kept block.
        let (first, mut last, mut count) = (i, i, 1);
        let mut j = i + 1;
        while j < blocks.len() && decisions[j] != Decision::Kept {
            if question_at(j, decisions) {
                last = j;
                count += 1;
            }
            j += 1;
        }
        i = j;
        if count < MIN_QUESTIONS {
            continue;
        }
        let Some(section) = common_ancestor(doc, blocks[first].node, blocks[last].node) else {
            continue;
        };
        if matches!(doc.tag(section), None | Some(Tag::Body | Tag::Html))
            || doc.is_within(root, section)
        {
            continue;
        }
        for (b, d) in blocks[first..j].iter().zip(&mut decisions[first..j]) {
            if outside(*d) && doc.is_within(b.node, section) && (is_answer(b) || is_question(b)) {
                *d = Decision::Kept;
            }
        }
        // The box's title, with at most one intro paragraph between it and the questions.
        let mut top = first;
        let plain = |b: &TextBlock| b.link_chars == 0;
        if top >= 2
            && outside(decisions[top - 1])
            && blocks[top - 1].kind == BlockKind::Paragraph
            && plain(&blocks[top - 1])
            && matches!(blocks[top - 2].kind, BlockKind::Heading(_))
        {
            top -= 1;
        }
        if top >= 1
            && outside(decisions[top - 1])
            && matches!(blocks[top - 1].kind, BlockKind::Heading(_))
            && plain(&blocks[top - 1])
        {
            decisions[top - 1..first].fill(Decision::Kept);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text;

    /// A story whose template sets its questions in a box after the body's element.
    fn story_with(questions: &[&str]) -> String {
        let answers = [
            "Most ponds need this once a season, more often where leaves fall in the water.",
            "They eat some of it, but they also feed it: their waste is what the algae live on.",
            "It is, as long as it has not run off a roof treated against moss or lichen.",
        ];
        let items: String = questions
            .iter()
            .zip(answers)
            .map(|(q, a)| {
                format!("<div class=\"item\"><h3>{q}</h3><div class=\"answer\">{a}</div></div>")
            })
            .collect();
        format!(
            "<html><body><div class=\"page\"><article><h1>How to keep a garden pond clear</h1>\
             <div class=\"body\"><p>Still water turns green within weeks when sunlight and \
             spare nutrients meet, and a few plants that shade the surface slow that down a \
             great deal over the summer.</p><p>Blanket weed grows fastest in shallow corners, \
             so a deeper edge and a little moving water keep it thin, and a net pulled along \
             the bottom each spring takes out the rest.</p><p>A pump that turns the water over \
             once every two hours is enough for most ponds in a small garden, and a filter of \
             sponge and gravel behind it holds what the pump lifts.</p><p>Barley straw in a \
             mesh bag does little by itself, yet many keepers swear by it; what it surely does \
             is give the water something to settle on while the plants grow in.</p></div>\
             </article><div class=\"qa-box\"><h2>Questions</h2>{items}</div></div>\
             </body></html>"
        )
    }

    /// Guards the rule: three question headings with their answers beside the container are
    /// the story's own questions box, and its title comes with them.
    #[test]
    fn questions_beside_the_container_are_kept() {
        let text = extracted_text(&story_with(&[
            "How often should the filter be cleaned?",
            "Do fish help keep algae down?",
            "Is rain water safe for a pond?",
        ]));
        assert!(text.contains("Do fish help keep algae down?"), "{text}");
        assert!(
            text.contains("their waste is what the algae live on"),
            "{text}"
        );
        assert!(text.contains("Questions"), "{text}");
    }

    /// Guards the count: two questions are a call to action's pair, not a questions box.
    #[test]
    fn two_questions_stay_out() {
        let text = extracted_text(&story_with(&[
            "Ready to build your own pond?",
            "Want a quote for the work?",
        ]));
        assert!(!text.contains("Want a quote"), "{text}");
    }

    /// Guards the answer test: questions that are headings of linked teasers are a list of
    /// other pages, not answered questions.
    #[test]
    fn linked_answers_stay_out() {
        let page = story_with(&[
            "How often should the filter be cleaned?",
            "Do fish help keep algae down?",
            "Is rain water safe for a pond?",
        ])
        .replace(
            "<div class=\"answer\">",
            "<div class=\"answer\"><a href=\"/more\">",
        )
        .replace("</div></div>", "</a></div></div>");
        let text = extracted_text(&page);
        assert!(!text.contains("Do fish help"), "{text}");
    }
}
