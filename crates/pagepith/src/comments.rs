//! The page's comments, for callers who ask for them (`Config::with_comments`): read from the
//! comment sections the prune stage removed, so they can never leak into the body.

use crate::article::Block;
use crate::dom::Document;
use crate::prune::{FurnitureKind, PruneLog, PruneReason};
use crate::segment::blocks_under;

/// A comment block mostly made of links is the thread's furniture (reply, permalink, pagination,
/// "load more"), not what a commenter wrote; the same line as the body's link-list rule.
const MAX_LINK_DENSITY: f64 = 0.5;

/// The comments' text blocks in page order, one paragraph a block.
pub fn extract(doc: &mut Document, pruned: &PruneLog) -> Vec<Block> {
    let mut roots: Vec<_> = pruned
        .removed
        .iter()
        .filter(|(_, reason)| *reason == PruneReason::FurnitureClass(FurnitureKind::Comments))
        .map(|&(id, _)| id)
        .collect();
    roots.sort();
    let mut blocks = Vec::new();
    for root in roots {
        crate::prune::prune_within(doc, root);
        blocks.extend(
            blocks_under(doc, root)
                .into_iter()
                .filter(|b| b.link_density() <= MAX_LINK_DENSITY)
                .map(|b| Block::paragraph(b.text)),
        );
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comments_of(html: &str) -> Vec<String> {
        let config = crate::Config::default().with_comments(true);
        let article = crate::extract_str(html, &config).unwrap();
        assert!(
            !article.text().contains("Great piece"),
            "comments leaked into the body"
        );
        article
            .comments
            .iter()
            .map(|b| match b {
                Block::Paragraph { text, .. } => text.clone(),
                other => panic!("unexpected block {other:?}"),
            })
            .collect()
    }

    /// Guards `--comments`: the posts come out in order, without the reply form, the reply
    /// links or the section's script, and the body stays free of them.
    #[test]
    fn comment_posts_are_read_without_their_furniture() {
        let body = "<p>The story itself runs long enough to be the article, with several clauses, \
            commas, and a full stop at the end of each sentence.</p>"
            .repeat(4);
        let html = format!(
            "<article>{body}</article>\
             <section id=comments><h3>2 comments</h3>\
             <div class=comment><p>Great piece, thank you for writing it.</p>\
               <a href=#r1>Reply</a></div>\
             <div class=comment><p>I disagree with the second point entirely.</p>\
               <a href=#r2>Reply</a></div>\
             <form class=comment-form><textarea>Leave a reply</textarea></form>\
             <script>var x = 1;</script></section>"
        );
        assert_eq!(
            comments_of(&html),
            [
                "2 comments",
                "Great piece, thank you for writing it.",
                "I disagree with the second point entirely."
            ]
        );
    }

    /// Without the option, comments cost nothing and the field stays empty.
    #[test]
    fn comments_are_not_read_unless_asked() {
        let html = "<article><p>A long enough paragraph of the story, with commas, clauses, \
            and more words than a menu would have.</p></article>\
            <div class=comments><p>Great piece.</p></div>";
        let article = crate::extract_str(html, &crate::Config::default()).unwrap();
        assert!(article.comments.is_empty());
    }
}
