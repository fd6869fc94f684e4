//! Takes back article parts that the page holds in elements of the container's own kind.
//!
//! A page template often splits one article over two wrappers of the same element and class:
//! a summary or lead above the photo and the body below it, a page builder's text columns
//! between its image rows. The container scoring picks the one with more prose, and the
//! other, the same kind of element holding the same kind of text, is left outside. What ties
//! them is the markup itself — the template gave both the class it gives article text — not
//! any word in the class.

use crate::dom::{Document, NodeId};
use crate::segment::Segmentation;

/// Unlinked letters an element of the container's kind needs to be an article part rather
/// than a short wrapper (a caption box, a button row, a form's note). Measured 80 / 150 /
/// 300 / 500 (with the linked-fields rule on): scrapinghub F1 0.9649 / 0.9649 / 0.9652 /
/// 0.9652, wcxb-dev 0.8524 / 0.8523 / 0.8523 / 0.8523 (recall falling slowly from 0.8807 to
/// 0.8800); 300 — two solid paragraphs — is where scrapinghub stops gaining.
const MIN_PART_PROSE: u32 = 300;

/// Above this share of link letters the element is a list of links, not text: the bound the
/// container itself climbs to a parent under, so a part is held to what the container may
/// hold (not tuned apart).
const MAX_PART_LINK_DENSITY: f64 = super::container::CLIMB_MAX_LINK_DENSITY;

/// A kind the page uses more often than this is an item template (cards, teasers, comments),
/// whose other instances are other items rather than parts of the one article. Measured 2 /
/// 3 / 6: wcxb-dev F1 0.8520 / 0.8523 / 0.8524, scrapinghub 0.9649 each (at a 150-letter
/// part); 3 allows a lead, a body and a closing part while any real repetition stays out.
const MAX_PARTS: usize = 3;

/// Elements of the same tag and class as the container's root that hold prose, outside it and
/// not around it.
pub fn roots(doc: &Document, seg: &Segmentation, root: Option<NodeId>) -> Vec<NodeId> {
    let Some((root, tag, class)) = super::classed_root(doc, root) else {
        return Vec::new();
    };
    let Some(body) = doc.body() else {
        return Vec::new();
    };
    let mut same = Vec::new();
    let mut parts = Vec::new();
    for n in doc.descendants(body) {
        if n == root || doc.tag(n) != Some(tag) || doc.attr(n, "class") != Some(class) {
            continue;
        }
        same.push(n);
        if same.len() > MAX_PARTS {
            return Vec::new();
        }
        let chars = seg.node_chars[n.index()];
        let prose = chars - seg.node_link_chars[n.index()];
        if prose < MIN_PART_PROSE || seg.link_density(n) > MAX_PART_LINK_DENSITY {
            continue;
        }
        if doc.ancestors(n).any(|a| a == root) || doc.ancestors(root).any(|a| a == n) {
            continue;
        }
        parts.push(n);
    }
    parts
}

/// Whether `node` lies inside one of `roots`.
pub fn inside(doc: &Document, roots: &[NodeId], node: NodeId) -> bool {
    !roots.is_empty() && (roots.contains(&node) || doc.ancestors(node).any(|a| roots.contains(&a)))
}

#[cfg(test)]
mod tests {
    use crate::Config;

    const PARAGRAPH: &str = "<p>The council voted on Tuesday to fund the new library, the two \
        schools and the road repairs, and the mayor said the work would start after the \
        summer, once the last of the contracts has been signed by the county.</p>";

    /// Guards the rule: a lead held in its own wrapper of the body's kind, above the photo
    /// and away from the body's wrapper, is part of the article.
    #[test]
    fn a_lead_in_a_wrapper_of_the_bodys_kind_is_kept() {
        let lead = "<p>Our reporters spent a year following the money behind the plan, from \
            the first closed meeting to the final public vote, and this is what they found in \
            the records, the emails and the interviews with everyone involved in the deal.</p>\
            <p>It is a story about a town, its budget and the people who decide how it is \
            spent, told through the documents, minutes and letters that the town itself had to \
            release.</p>";
        let page = format!(
            "<html><body><h1>The library vote</h1><div class=summary><div class=story>{lead}\
             </div></div><figure><img src=a.jpg></figure><div class=wrap><div class=story>\
             {PARAGRAPH}{PARAGRAPH}{PARAGRAPH}{PARAGRAPH}{PARAGRAPH}</div></div></body></html>"
        );
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("Our reporters spent a year"), "{text}");
        assert!(text.contains("The council voted"), "{text}");
    }
}
