//! `<noscript>` read as a browser with scripting on reads it, its content still kept.
//!
//! Both parsers run with the scripting flag on, like the browser a reader uses: a noscript's
//! content is raw text that ends at the first `</noscript>`. With scripting off it would be
//! markup, and one raw-text element left open inside it (the `<iframe … />` of a tag manager's
//! tracking pixel: HTML ignores that self-closing slash) would swallow the rest of the page as
//! the iframe's text. The content itself is still wanted: lazy-loaded images, and whole forum
//! threads served to readers without scripts. So each noscript's text is then parsed as that
//! element's content with scripting off (the spec's fragment parsing), and whatever it leaves
//! open ends with the noscript.

use super::{Document, LimitExceeded, NodeData, NodeId, ParseLimits, Tag};

/// A fragment parser: the noscript's text in, a document whose root `<html>` holds its nodes.
pub(super) type FragmentParser = fn(&str, &ParseLimits) -> Result<Document, LimitExceeded>;

/// Replaces the raw text of every `<noscript>` in `doc` with that text parsed by
/// `parse_fragment` (the parser that built `doc`, so that the two parsers stay independent).
/// The fragments share the page's limits: the nodes left, and the depth below the noscript.
pub(super) fn expand(
    doc: &mut Document,
    limits: &ParseLimits,
    parse_fragment: FragmentParser,
) -> Result<(), LimitExceeded> {
    // NOTE: a scan of the node arena, not a tree walk: the walk and its list of every node
    // cost 15 M instructions a scrapinghub pass (1.4 %), the scan 8.6 M with the grafts. The arena
    // holds nodes a parser detached too, so a noscript must still hang from the root.
    let raw: Vec<(NodeId, NodeId)> = (0..doc.len())
        .map(|i| NodeId(i as u32))
        .filter(|&n| {
            doc.tag(n) == Some(Tag::Noscript) && doc.ancestors(n).last() == Some(Document::ROOT)
        })
        .filter_map(|n| {
            let text = doc.node(n).first_child?;
            let only_text = doc.text(text).is_some() && doc.node(text).next_sibling.is_none();
            only_text.then_some((n, text))
        })
        .collect();
    for (noscript, text) in raw {
        let depth = doc.ancestors(noscript).count();
        let sub = ParseLimits {
            max_nodes: limits.max_nodes.saturating_sub(doc.len()),
            max_depth: (limits.max_depth as usize).saturating_sub(depth).max(1) as u32,
            deadline: limits.deadline,
        };
        let fragment = parse_fragment(doc.text(text).unwrap_or_default(), &sub)?;
        doc.detach(text);
        graft(doc, noscript, fragment);
    }
    Ok(())
}

/// Moves the children of the fragment's root `<html>` under `parent`, in order.
fn graft(doc: &mut Document, parent: NodeId, mut fragment: Document) {
    let Some(root) = fragment
        .children(Document::ROOT)
        .find(|&n| fragment.tag(n) == Some(Tag::Html))
    else {
        return;
    };
    // NOTE: pre-order puts every parent before its children, and appending in that order
    // keeps the siblings' order.
    let order: Vec<NodeId> = fragment.descendants(root).skip(1).collect();
    let mut moved: Vec<Option<NodeId>> = vec![None; fragment.len()];
    moved[root.index()] = Some(parent);
    for n in order {
        // A text node is a range of its own document's text buffer: copy the text over.
        let id = match fragment.text(n) {
            Some(text) => doc.push_text(text),
            None => doc.push(std::mem::replace(
                &mut fragment.node_mut(n).data,
                NodeData::Other,
            )),
        };
        moved[n.index()] = Some(id);
        if let Some(p) = fragment.parent(n).and_then(|p| moved[p.index()]) {
            doc.append_child(p, id);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::dom::{parse_with, Document, ParseLimits, Parser, Tag};

    /// Guards the graft of text: a fragment's text nodes point into the fragment's own text
    /// buffer, so grafting them must copy the text, or they read the page's text at the
    /// fragment's offsets (other words, or a panic inside a multi-byte character).
    #[test]
    fn noscript_text_is_its_own_after_the_graft() {
        let html = "<p>Page text before it, with a curly ’ quote.</p>\
                    <noscript><p>Only without scripts</p></noscript>";
        for parser in [Parser::Fast, Parser::Html5ever] {
            let doc = parse_with(html, &ParseLimits::default(), parser).unwrap();
            let noscript = doc
                .descendants(Document::ROOT)
                .find(|&n| doc.tag(n) == Some(Tag::Noscript))
                .unwrap();
            let text: String = doc
                .descendants(noscript)
                .filter_map(|n| doc.text(n))
                .collect();
            assert_eq!(text, "Only without scripts", "{parser:?}");
        }
    }
}
