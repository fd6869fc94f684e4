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
    /// Each metadata field found: its name, value and source (`"json-ld:datePublished"`).
    pub metadata: Vec<(String, String, String)>,
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
            let chars = crate::textutil::word_chars(&doc.text_content(id));
            (path(&doc, id), format!("{reason:?}"), chars)
        })
        .collect();
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
    let p = &meta.provenance;
    let authors = (!meta.authors.is_empty()).then(|| meta.authors.join("; "));
    let metadata = [
        ("title", &meta.title, &p.title),
        ("authors", &authors, &p.authors),
        ("date", &meta.date, &p.date),
        ("date_modified", &meta.date_modified, &p.date_modified),
        ("sitename", &meta.sitename, &p.sitename),
        ("language", &meta.language, &p.language),
        ("image", &meta.image, &p.image),
    ]
    .into_iter()
    .filter_map(|(name, value, source)| {
        let value = value.as_ref()?;
        let source = source.clone().unwrap_or_default();
        Some((name.to_owned(), value.clone(), source))
    })
    .collect();
    Ok(Explanation {
        metadata,
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
            .any(|(path, reason, _)| path.ends_with("div.share") && reason.contains("Share")));
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
