//! Why the article is what it is: every block with its features and the decision taken on it,
//! and what the prune stage removed. For people tuning rules and for bug reports.

use crate::dom::{Document, NodeId};
use crate::select::Decision;
use crate::{Config, Error};

/// One block as the selector saw it.
#[derive(Clone, Debug)]
pub struct BlockReport {
    /// Position in the page: blocks and removed subtrees sort by it into reading order.
    pub order: u32,
    pub decision: String,
    pub kind: String,
    pub chars: usize,
    pub link_density: f64,
    /// The block's element as a short CSS-like path (`div.content > p`).
    pub path: String,
    pub text: String,
}

/// A subtree the prune stage removed before blocks were cut.
#[derive(Clone, Debug)]
pub struct RemovedReport {
    /// Position in the page, comparable with [`BlockReport::order`].
    pub order: u32,
    pub reason: String,
    /// Letters and digits in the subtree.
    pub chars: usize,
    pub path: String,
    /// The subtree's text, white space collapsed.
    pub text: String,
}

/// One metadata field as found, with the rule or source that gave it.
#[derive(Clone, Debug)]
pub struct MetadataReport {
    pub field: &'static str,
    pub value: String,
    /// Where the value came from (`json-ld:datePublished`), when the stage records it.
    pub source: Option<String>,
}

/// The whole account of one page.
#[derive(Clone, Debug)]
pub struct Explanation {
    pub container: Option<String>,
    pub removed: Vec<RemovedReport>,
    pub blocks: Vec<BlockReport>,
    pub metadata: Vec<MetadataReport>,
}

/// Runs the pipeline on a page and reports each stage's decisions.
pub fn explain(html: &[u8], config: &Config) -> Result<Explanation, Error> {
    if html.len() > config.max_input_bytes {
        return Err(Error::limit("max_input_bytes", html.len()));
    }
    let decoded = crate::decode::decode(html, config.content_type.as_deref());
    let crate::StageOutputs {
        doc,
        meta,
        pruned,
        segmentation: seg,
        selection: sel,
        ..
    } = crate::run_stages(&decoded.text, config)?;
    let removed = pruned
        .removed
        .iter()
        .map(|&(id, reason)| {
            // Block by block, so that words of two blocks (`<span>Tools</span><p>Shop…`)
            // stay apart as on screen; a script or style has no blocks, only its raw text.
            let blocks: Vec<String> = crate::segment::blocks_under(&doc, id)
                .into_iter()
                .map(|b| b.text)
                .collect();
            let text = if blocks.is_empty() {
                crate::textutil::collapse_whitespace(&doc.text_content(id))
            } else {
                crate::textutil::collapse_whitespace(&blocks.join(" "))
            };
            RemovedReport {
                // NOTE: node ids are given in parse order, which is source order except where
                // the parser moves a node (foster-parented table content): close enough for a
                // report read by people.
                order: id.index() as u32,
                reason: format!("{reason:?}"),
                chars: crate::textutil::word_chars(&text),
                path: path(&doc, id),
                text,
            }
        })
        .collect();
    let blocks = seg
        .blocks
        .iter()
        .zip(&sel.decisions)
        .map(|(b, d)| BlockReport {
            order: b.node.index() as u32,
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
        metadata: metadata_report(&meta),
    })
}

fn metadata_report(meta: &crate::metadata::Metadata) -> Vec<MetadataReport> {
    let p = &meta.provenance;
    let join = |values: &[String]| (!values.is_empty()).then(|| values.join("; "));
    let fields = [
        ("title", meta.title.clone(), p.title.clone()),
        ("authors", join(&meta.authors), p.authors.clone()),
        ("date", meta.date.clone(), p.date.clone()),
        (
            "date_modified",
            meta.date_modified.clone(),
            p.date_modified.clone(),
        ),
        ("sitename", meta.sitename.clone(), p.sitename.clone()),
        ("language", meta.language.clone(), p.language.clone()),
        ("image", meta.image.clone(), p.image.clone()),
        (
            "page_type",
            Some(meta.page_type.as_str().to_owned()),
            p.page_type.clone(),
        ),
        ("url", meta.url.clone(), None),
        ("description", meta.description.clone(), None),
        ("categories", join(&meta.categories), None),
        ("tags", join(&meta.tags), None),
    ];
    fields
        .into_iter()
        .filter_map(|(field, value, source)| {
            Some(MetadataReport {
                field,
                value: value?,
                source,
            })
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explanation_names_the_container_kept_blocks_and_removed_furniture() {
        let page =
            b"<nav><a href=/>Home</a> <a href=/a>About</a></nav><div class=share>Share</div>\
            <article><p>The first paragraph of the story is long enough to be prose, with commas, \
            clauses, and a full stop.</p><p>The second paragraph carries on in the same way for \
            a while longer.</p></article>";
        let report = explain(page, &Config::default()).unwrap();
        assert_eq!(report.container.as_deref(), Some("html > body > article"));
        assert!(report
            .removed
            .iter()
            .any(|r| r.path.ends_with("div.share") && r.reason.contains("Share")));
        let kept: Vec<&str> = report
            .blocks
            .iter()
            .filter(|b| b.decision == "kept")
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(kept.len(), 2);
        assert!(kept[0].starts_with("The first paragraph"));
    }
}
