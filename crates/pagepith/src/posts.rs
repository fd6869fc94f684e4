//! The parts of a discussion, for the prune stage: which elements are counts (votes, likes,
//! replies) and which comments hang under a question or an answer, both from schema.org
//! microdata (`itemprop`, `itemtype`: forum and Q&A engines mark their posts up so that search
//! engines can read them).
//!
//! The prune stage asks; this module removes nothing itself.

use crate::dom::{Document, Element, NodeId};

/// Schema.org properties whose value is a number about a post, not its text: a vote count
/// beside a question, "3 Likes" under a reply, "12 answers".
const COUNT_PROPERTIES: [&str; 6] = [
    "upvoteCount",
    "downvoteCount",
    "commentCount",
    "answerCount",
    "interactionStatistic",
    "userInteractionCount",
];

/// Whether the element carries a schema.org count (see [`COUNT_PROPERTIES`]): its text is a
/// number and a word, never what someone wrote.
pub fn is_count(el: &Element) -> bool {
    el.attr("itemprop").is_some_and(|props| {
        props
            .split_ascii_whitespace()
            .any(|p| COUNT_PROPERTIES.contains(&p))
    })
}

/// Whether `id` sits inside a schema.org `Question` or `Answer`: a comment section there is
/// the readers' remarks on one post of a Q&A page, not one of its answers.
pub fn inside_question_or_answer(doc: &Document, id: NodeId) -> bool {
    doc.ancestors(id).any(|a| {
        doc.attr(a, "itemtype").is_some_and(|t| {
            let t = t.trim_end_matches('/');
            t.ends_with("/Question") || t.ends_with("/Answer")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse, ParseLimits, Tag};

    const OPENING: &str = "My bread comes out dense every time, although I follow the recipe \
        to the gram, let the dough rise for two hours in a warm room and bake it at the \
        temperature the book gives. What am I missing? The flour is fresh, the yeast is new and \
        the oven thermometer agrees with the dial. Any idea is welcome.";

    fn first(html: &str, tag: Tag) -> (Document, NodeId) {
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let id = doc.find_tag(Document::ROOT, tag).unwrap();
        (doc, id)
    }

    /// Guards the count properties: a vote count is one, the post's text is not.
    #[test]
    fn vote_and_like_counts_are_counts() {
        let (doc, id) = first("<span itemprop='upvoteCount'>42</span>", Tag::Span);
        assert!(is_count(doc.element(id).unwrap()));
        let (doc, id) = first("<div itemprop='text'>I tried it.</div>", Tag::Div);
        assert!(!is_count(doc.element(id).unwrap()));
    }

    /// Guards the Q&A rules end to end: on a page declared a Q&A, the answers stay, the
    /// remarks under an answer and the vote counts go.
    #[test]
    fn a_qa_page_keeps_its_answers_without_comments_or_votes() {
        let answer = |n: u32| {
            format!(
                "<div itemscope itemtype='https://schema.org/Answer'>\
                 <span itemprop='upvoteCount'>{n}7</span>\
                 <div itemprop='text'><p>Answer {n}: loosen the screw under the hinge half a \
                 turn, then close the door slowly and tighten it again while it is shut, so \
                 the frame settles where the latch meets the plate.</p></div>\
                 <ul class='comments'><li class='comment'>Remark {n}: worked for me, \
                 thanks a lot for the tip.</li></ul></div>"
            )
        };
        let page = format!(
            "<html><body><div itemscope itemtype='https://schema.org/QAPage'>\
             <div itemscope itemtype='https://schema.org/Question'><h1>Door will not latch</h1>\
             <p>{OPENING}</p></div>{}{}{}</div></body></html>",
            answer(1),
            answer(2),
            answer(3)
        );
        let text = crate::extract_str(&page, &crate::Config::default())
            .unwrap()
            .text();
        assert!(text.contains("Answer 2"), "{text}");
        assert!(!text.contains("Remark 2"), "{text}");
        assert!(!text.contains("27"), "{text}");
    }

    /// Guards the scope test: a comment under an answer is inside it, a thread's reply is not.
    #[test]
    fn comments_under_an_answer_are_inside_it() {
        let (doc, id) = first(
            "<div itemscope itemtype='https://schema.org/Answer'><p>Use a wrench.</p>\
             <ul class='comments'><li>Thanks!</li></ul></div>",
            Tag::Ul,
        );
        assert!(inside_question_or_answer(&doc, id));
        let (doc, id) = first(
            "<div itemscope itemtype='https://schema.org/DiscussionForumPosting'>\
             <ul class='comments'><li>Same here.</li></ul></div>",
            Tag::Ul,
        );
        assert!(!inside_question_or_answer(&doc, id));
    }
}
