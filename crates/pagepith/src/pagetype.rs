//! Signals about what kind of page this is, read before anything is removed.
//!
//! Only standard, site-independent markup counts: schema.org types declared in JSON-LD or
//! microdata. A page that declares itself a discussion (`DiscussionForumPosting`, `QAPage`)
//! has posts and answers as its content, so the comment rules must not remove them.

use crate::dom::{Document, Tag};

/// Schema.org types that make the page's replies its content.
const DISCUSSION_TYPES: [&str; 2] = ["DiscussionForumPosting", "QAPage"];

/// Whether the page declares itself a forum thread or a question-and-answer page.
pub fn is_discussion(doc: &Document) -> bool {
    doc.descendants(Document::ROOT).any(|n| {
        let Some(el) = doc.element(n) else {
            return false;
        };
        if let Some(itemtype) = el.attr("itemtype") {
            if DISCUSSION_TYPES.iter().any(|t| itemtype.contains(t)) {
                return true;
            }
        }
        el.tag == Tag::Script
            && el
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            && doc.children(n).filter_map(|c| doc.text(c)).any(|json| {
                DISCUSSION_TYPES
                    .iter()
                    .any(|t| json.contains(&format!("\"{t}\"")))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse, ParseLimits};

    fn doc(html: &str) -> Document {
        parse(html, &ParseLimits::default()).unwrap()
    }

    #[test]
    fn json_ld_and_microdata_declare_discussions() {
        assert!(is_discussion(&doc(
            r#"<script type="application/ld+json">{"@type":"DiscussionForumPosting"}</script>"#
        )));
        assert!(is_discussion(&doc(
            r#"<div itemscope itemtype="https://schema.org/QAPage"></div>"#
        )));
    }

    #[test]
    fn an_article_with_comment_markup_is_not_a_discussion() {
        assert!(!is_discussion(&doc(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","comment":{"@type":"Comment"}}</script>"#
        )));
    }
}
