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
use crate::dom::{Document, NodeId, Tag};

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

/// How far above the chosen body a numbered post wrapper may sit on a page that declares no
/// discussion: a thread engine's body, message box, cells and post (eight levels cover the
/// table layouts of older engines). Measured on both dev sets (see `select`).
const MAX_NUMBERED_CLIMB: usize = 8;

/// How many other numbered posts make a thread on a page that declares none: an opening post
/// and one reply. Measured on both dev sets: 1 and 2 scored the same except one two-post
/// thread that only 1 reaches (wcxb-dev `with` by words +1).
const MIN_NUMBERED_POSTS: usize = 1;

/// The trailing-number form of an element id: the part before the digits, when the id ends in
/// at least one digit and something precedes them (`post-12` -> `post-`).
fn numbered_prefix(id: &str) -> Option<&str> {
    let prefix = id.trim_end_matches(|c: char| c.is_ascii_digit());
    (prefix.len() < id.len() && !prefix.is_empty()).then_some(prefix)
}

/// On a page that declares no discussion: the bodies of the other posts when the chosen body
/// is, or sits in, an element whose id is numbered (`post-12`) and other elements of the same
/// tag in the page repeat that id with other numbers. A thread engine numbers its posts; an
/// article's related teasers rarely repeat the body's own numbered template down to its
/// body. Each other post's body is the element reached from it by the chosen body's own path
/// (tag and class at each level), so a post's author box and signature stay out. The other
/// posts are looked for in the whole page, not among the wrapper's siblings: older engines
/// wrap each post in layout boxes of its own (siblings only: one two-post thread fewer,
/// wcxb-dev forum 0.82892 vs 0.82886).
// NOTE: a climb of at most `MAX_NUMBERED_CLIMB` parents, one walk of the page only when a
// numbered wrapper is found (every numbered wrapper of the climb is matched in that one walk)
// and one level-by-level walk down the path: no recursion.
pub fn numbered_roots(doc: &Document, root: Option<NodeId>) -> Vec<NodeId> {
    let (Some(root), Some(body)) = (root, doc.body()) else {
        return Vec::new();
    };
    // The numbered wrappers from the body up: (element, tag, id prefix).
    let wrappers: Vec<(NodeId, Option<Tag>, &str)> = std::iter::once(root)
        .chain(doc.ancestors(root))
        .take(MAX_NUMBERED_CLIMB + 1)
        .filter_map(|n| {
            let prefix = numbered_prefix(doc.attr(n, "id")?)?;
            Some((n, doc.tag(n), prefix))
        })
        .collect();
    if wrappers.is_empty() {
        return Vec::new();
    }
    // Every other element of the page that repeats one of them, with the wrapper's index.
    let repeats: Vec<(usize, NodeId)> = doc
        .descendants(body)
        .filter_map(|c| {
            let prefix = numbered_prefix(doc.attr(c, "id")?)?;
            let at = wrappers
                .iter()
                .position(|&(w, tag, p)| w != c && p == prefix && tag == doc.tag(c))?;
            Some((at, c))
        })
        .collect();
    // The nearest wrapper that has enough repeats.
    for (at, &(post, _, _)) in wrappers.iter().enumerate() {
        let others: Vec<NodeId> = repeats
            .iter()
            .filter(|&&(i, _)| i == at)
            .map(|&(_, c)| c)
            .collect();
        if others.len() >= MIN_NUMBERED_POSTS {
            return follow_path(doc, root, post, others);
        }
    }
    Vec::new()
}

/// The elements reached from each of `starts` by the path from `post` down to `root`: at each
/// level the children with that level's tag and class.
fn follow_path(doc: &Document, root: NodeId, post: NodeId, starts: Vec<NodeId>) -> Vec<NodeId> {
    let mut path: Vec<NodeId> = std::iter::once(root)
        .chain(doc.ancestors(root))
        .take_while(|&a| a != post)
        .collect();
    path.reverse();
    let mut current = starts;
    for step in path {
        let (tag, class) = (doc.tag(step), doc.attr(step, "class"));
        current = current
            .iter()
            .flat_map(|&c| doc.children(c))
            .filter(|&c| doc.tag(c) == tag && doc.attr(c, "class") == class)
            .collect();
        if current.is_empty() {
            break;
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use crate::Config;

    /// An opening post long enough to be the container alone.
    const OPENING: &str = "<p>Our allotment shed keeps flooding every spring when the snow \
        melts, and the water comes in under the door and along the back wall.</p><p>We have \
        tried a gravel trench and a new sill, but the floor is still wet for weeks after each \
        thaw, and the tools on the lowest shelf have started to rust.</p><p>What else could we \
        do before the seedlings go in? The plot slopes towards the shed.</p>";

    fn thread(schema: &str) -> String {
        let post = |who: &str, text: &str| {
            format!("<li class=post><div class=author>{who}</div><div class=body>{text}</div></li>")
        };
        format!(
            "<html><head>{schema}</head><body><h1>Wet shed floor</h1><ul class=posts>{}{}{}\
             </ul></body></html>",
            post("ann", OPENING),
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

    /// A thread whose posts carry numbered ids, with the opening post long enough to be the
    /// container alone. `wrap` puts each post in layout boxes of its own, as older engines do;
    /// `tag` is the post's element (an `<article>` per post is common).
    fn numbered_thread(wrap: bool, tag: &str) -> String {
        let post = |n: u32, who: &str, text: &str| {
            let inner = format!(
                "<{tag} id=post{n} class=post><div class=author>{who}</div>\
                 <div class=message>{text}</div></{tag}>"
            );
            if wrap {
                format!("<div class=page><div>{inner}</div></div>")
            } else {
                inner
            }
        };
        format!(
            "<html><body><h1>Wet shed floor</h1><div id=posts>{}{}</div>\
             <div id=footer1><p>Copyright notice of the garden club.</p></div></body></html>",
            post(101, "ann", OPENING),
            post(
                102,
                "bo",
                "<p>Raise the shed on blocks so that the air can move under it.</p>"
            ),
        )
    }

    /// Guards the numbered rule: on a page that declares nothing, a reply whose post repeats
    /// the chosen post's numbered id joins it, also when each post sits in wrappers of its
    /// own, and when each post is an `<article>` (the after-article rule leaves the replies);
    /// the reply's author box (off the body's path) stays out.
    #[test]
    fn replies_of_a_numbered_template_join_on_an_undeclared_thread() {
        for (wrap, tag) in [(false, "div"), (true, "div"), (false, "article")] {
            let page = numbered_thread(wrap, tag);
            let text = crate::extract(page.as_bytes(), &Config::default())
                .unwrap()
                .text();
            assert!(text.contains("allotment shed"), "{text}");
            assert!(text.contains("Raise the shed on blocks"), "{text}");
            assert!(!text.contains("bo\n"), "{text}");
        }
    }

    /// Guards the repeat test: a numbered id that nothing else repeats adds nothing.
    #[test]
    fn a_lone_numbered_wrapper_adds_nothing() {
        assert_eq!(super::numbered_prefix("post-12"), Some("post-"));
        assert_eq!(super::numbered_prefix("12"), None);
        assert_eq!(super::numbered_prefix("post"), None);
        let page = numbered_thread(false, "div").replace("id=post102", "id=reply");
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(!text.contains("Raise the shed on blocks"), "{text}");
    }
}
