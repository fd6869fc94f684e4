//! On a page that declares a discussion, the other posts of a thread whose container is one
//! post.
//!
//! The container scoring picks the element with the most prose; on a thread whose opening
//! post is long that is the opening post's body alone, and the replies, built from the same
//! template, are left outside. The template is in the markup: the chosen body sits in an
//! element whose siblings share its tag and class and each hold a body of the chosen body's
//! own tag and class. Only on pages that declare a discussion (schema.org `QAPage`,
//! `DiscussionForumPosting`…): session 10 widened the container of every page our page
//! typing calls a forum to the repeated siblings' parent and lost the question or the opening
//! post on 11 threads; here the bodies join the container's parts and nothing else moves.
use crate::dom::{Document, NodeId};

/// How far above the chosen body the post's own wrapper may sit: a body, its message box, the
/// post, the post's list item (a thread engine's usual nesting). Not tuned: the rule fired on
/// two pages of the dev sets.
const MAX_CLIMB: usize = 4;

/// How many other posts of the chosen post's template make a thread: a question and two
/// answers, or an opening post and two replies. Not tuned (as above).
const MIN_SIBLINGS: usize = 2;

/// The bodies of the chosen post's siblings: elements of the body's tag and class inside the
/// siblings (same tag and class) of the nearest wrapper that has such siblings. Empty when the
/// chosen element has no class or no wrapper within [`MAX_CLIMB`] has such siblings.
// NOTE: a climb of at most `MAX_CLIMB` parents and one walk of the siblings' subtrees: no
// recursion, and the walk runs only on pages that declare a discussion.
pub fn roots(doc: &Document, root: Option<NodeId>) -> Vec<NodeId> {
    let Some((root, tag, class)) = super::classed_root(doc, root) else {
        return Vec::new();
    };
    let mut post = root;
    for _ in 0..MAX_CLIMB {
        let Some(parent) = doc.parent(post) else {
            return Vec::new();
        };
        let post_tag = doc.tag(post);
        let post_class = doc.attr(post, "class").filter(|c| !c.trim().is_empty());
        if post_class.is_some() {
            let siblings: Vec<NodeId> = doc
                .children(parent)
                .filter(|&c| {
                    c != post && doc.tag(c) == post_tag && doc.attr(c, "class") == post_class
                })
                .collect();
            if siblings.len() >= MIN_SIBLINGS {
                let bodies: Vec<NodeId> = siblings
                    .iter()
                    .flat_map(|&s| doc.descendants(s))
                    .filter(|&n| doc.tag(n) == Some(tag) && doc.attr(n, "class") == Some(class))
                    .collect();
                return bodies;
            }
        }
        post = parent;
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use crate::Config;

    fn thread(schema: &str) -> String {
        let post = |who: &str, text: &str| {
            format!("<li class=post><div class=author>{who}</div><div class=body>{text}</div></li>")
        };
        let opening = "<p>Our allotment shed keeps flooding every spring when the snow melts, \
            and the water comes in under the door and along the back wall.</p><p>We have tried \
            a gravel trench and a new sill, but the floor is still wet for weeks after each \
            thaw, and the tools on the lowest shelf have started to rust.</p><p>What else \
            could we do before the seedlings go in? The plot slopes towards the shed.</p>";
        format!(
            "<html><head>{schema}</head><body><h1>Wet shed floor</h1><ul class=posts>{}{}{}\
             </ul></body></html>",
            post("ann", opening),
            post(
                "bo",
                "<p>Raise the shed on blocks so that the air can move under it.</p>"
            ),
            post(
                "cy",
                "<p>A gutter on the uphill side took the water away from ours.</p>"
            ),
        )
    }

    /// Guards the rule: on a page that declares a discussion, the replies built from the
    /// chosen post's template join it; on a page that declares nothing they stay outside as
    /// before.
    #[test]
    fn replies_of_the_chosen_posts_template_join_on_a_declared_thread() {
        let schema = "<script type=application/ld+json>{\"@type\": \"DiscussionForumPosting\"}\
            </script>";
        let text = crate::extract(thread(schema).as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("allotment shed"), "{text}");
        assert!(text.contains("Raise the shed on blocks"), "{text}");
        assert!(text.contains("A gutter on the uphill side"), "{text}");
        let text = crate::extract(thread("").as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("allotment shed"), "{text}");
        assert!(!text.contains("Raise the shed on blocks"), "{text}");
    }
}
