//! Why the article is what it is: every block with its features and the decision taken on it,
//! and what the prune stage removed. For people tuning rules and for bug reports.

use crate::dom::{Document, NodeId};
use crate::select::Decision;
use crate::{Config, Error};

/// One block as the selector saw it.
#[derive(Clone, Debug)]
pub struct BlockReport {
    pub decision: String,
    pub kind: String,
    pub chars: usize,
    pub link_density: f64,
    /// The block's element as a short CSS-like path (`div.content > p`).
    pub path: String,
    pub text: String,
}

/// The whole account of one page.
#[derive(Clone, Debug)]
pub struct Explanation {
    pub container: Option<String>,
    pub removed: Vec<(String, String, usize)>,
    pub blocks: Vec<BlockReport>,
}

/// Runs the pipeline on a page and reports each stage's decisions.
pub fn explain(html: &[u8], config: &Config) -> Result<Explanation, Error> {
    let decoded = crate::decode::decode(html, config.content_type.as_deref());
    let limits = crate::dom::ParseLimits {
        max_nodes: config.max_nodes,
    };
    let mut doc = crate::dom::parse(&decoded.text, &limits)
        .map_err(|e| Error::limit("max_nodes", e.limit))?;
    let meta = crate::metadata::extract(&doc, config.url.as_deref());
    let discussion = crate::pagetype::is_discussion(&doc);
    let pruned = crate::prune::prune(&mut doc, discussion);
    let removed = pruned
        .removed
        .iter()
        .map(|&(id, reason)| {
            let chars = crate::textutil::word_chars(&doc.text_content(id));
            (path(&doc, id), format!("{reason:?}"), chars)
        })
        .collect();
    let seg = crate::segment::segment(&doc);
    let sel = crate::select::select(&doc, &seg, &meta);
    let blocks = seg
        .blocks
        .iter()
        .zip(&sel.decisions)
        .map(|(b, d)| BlockReport {
            decision: match d {
                Decision::Kept => "kept".to_owned(),
                other => format!("{other:?}"),
            },
            kind: format!("{:?}", b.kind),
            chars: b.chars,
            link_density: b.link_density(),
            path: path(&doc, b.node),
            text: b.text.clone(),
        })
        .collect();
    Ok(Explanation {
        container: sel.container.map(|c| path(&doc, c)),
        removed,
        blocks,
    })
}

/// A short path: the element and up to three ancestors, each with its tag, id and classes.
fn path(doc: &Document, id: NodeId) -> String {
    let mut parts: Vec<String> = std::iter::once(id)
        .chain(doc.ancestors(id))
        .take(4)
        .filter_map(|n| doc.element(n))
        .map(|el| {
            let mut s = el.name.to_string();
            if let Some(i) = el.attr("id") {
                s.push('#');
                s.push_str(i);
            }
            for c in el.attr("class").unwrap_or("").split_whitespace().take(3) {
                s.push('.');
                s.push_str(c);
            }
            s
        })
        .collect();
    parts.reverse();
    parts.join(" > ")
}
