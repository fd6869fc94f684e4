//! Builds a [`Document`] with html5ever's spec-compliant tree builder.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, parse_document, ParseOpts, QualName};
use typed_arena::Arena;

use super::{Attribute, Document, Element, NodeData, NodeId, Tag};

/// Bounds on what one page may build.
#[derive(Clone, Debug)]
pub struct ParseLimits {
    /// Most nodes one page may create; past it parsing stops building and reports an error.
    pub max_nodes: usize,
    /// Deepest nesting of open elements the fast parser builds; deeper elements become
    /// children of the element at this depth, so no text is lost.
    pub max_depth: u32,
}

impl Default for ParseLimits {
    fn default() -> Self {
        // NOTE: the largest dev page builds ~60,000 nodes; 4 million bounds memory near 400 MB.
        ParseLimits {
            max_nodes: 4_000_000,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }
}

/// Default for [`ParseLimits::max_depth`]: the deepest of the 1,539 scrapinghub and wcxb-dev
/// pages nests 57 elements (measured with the `parser_diff` example); 256 leaves 4.5 times that,
/// so real pages never meet it, while a hostile page's tree stays shallow for every walk.
/// (The same name, type and value as the html5ever depth cap of the hostile-input work.)
pub const DEFAULT_MAX_DEPTH: u32 = 256;

/// The tree could not be built within [`ParseLimits`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeLimitExceeded {
    pub limit: usize,
}

/// Input is fed to the parser in pieces of this size so that a page over the node limit is
/// stopped within one piece of it: memory stays within the limit plus what 64 KiB can build.
const FEED_CHUNK: usize = 64 * 1024;

/// Parses a whole HTML document held in memory as UTF-8.
pub fn parse(html: &str, limits: &ParseLimits) -> Result<Document, NodeLimitExceeded> {
    let created = Rc::new(Cell::new(1usize));
    let names = Arena::new();
    let sink = Sink::new(Rc::clone(&created), &names);
    let mut opts = ParseOpts::default();
    // A crawler runs no scripts, so `<noscript>` content is what it is shown: parse it as
    // markup (some sites serve their whole text to crawlers there).
    opts.tree_builder.scripting_enabled = false;
    let mut parser = parse_document(sink, opts);
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(FEED_CHUNK);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        parser.process(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        if created.get() > limits.max_nodes {
            return Err(NodeLimitExceeded {
                limit: limits.max_nodes,
            });
        }
    }
    let doc = parser.finish();
    if created.get() > limits.max_nodes {
        return Err(NodeLimitExceeded {
            limit: limits.max_nodes,
        });
    }
    Ok(doc)
}

struct Sink<'a> {
    doc: RefCell<Document>,
    /// Element names as the parser gave them, answered by `elem_name`. They live in an arena
    /// outside the tree's `RefCell` so that the tree builder can hold a name while it mutates
    /// the tree, and so that a lookup costs no clone (the builder asks on every scope check:
    /// cloning names was ~5% of parse time in a callgrind profile).
    names_arena: &'a Arena<QualName>,
    names: RefCell<Vec<Option<&'a QualName>>>,
    /// Answered for a node that is not an element, which the tree builder never asks about.
    fallback_name: &'a QualName,
    /// Nodes created so far, read by [`parse`] between input pieces.
    created: Rc<Cell<usize>>,
}

impl<'a> Sink<'a> {
    fn new(created: Rc<Cell<usize>>, names_arena: &'a Arena<QualName>) -> Sink<'a> {
        let mut doc = Document { nodes: Vec::new() };
        doc.nodes.push(super::Node::new(NodeData::Document));
        Sink {
            doc: RefCell::new(doc),
            names_arena,
            names: RefCell::new(vec![None]),
            fallback_name: names_arena.alloc(QualName::new(None, ns!(html), local_name!("span"))),
            created,
        }
    }

    fn new_node(&self, data: NodeData, name: Option<QualName>) -> NodeId {
        let mut doc = self.doc.borrow_mut();
        let name: Option<&'a QualName> = name.map(|n| &*self.names_arena.alloc(n));
        self.names.borrow_mut().push(name);
        self.created.set(doc.nodes.len() + 1);
        doc.push(data)
    }

    fn append_node(doc: &mut Document, parent: NodeId, child: NodeId) {
        let last = doc.nodes[parent.index()].last_child;
        {
            let c = doc.node_mut(child);
            c.parent = Some(parent);
            c.prev_sibling = last;
            c.next_sibling = None;
        }
        match last {
            Some(l) => doc.node_mut(l).next_sibling = Some(child),
            None => doc.node_mut(parent).first_child = Some(child),
        }
        doc.node_mut(parent).last_child = Some(child);
    }

    fn insert_before(doc: &mut Document, sibling: NodeId, child: NodeId) {
        let (parent, prev) = {
            let s = doc.node(sibling);
            (s.parent, s.prev_sibling)
        };
        {
            let c = doc.node_mut(child);
            c.parent = parent;
            c.prev_sibling = prev;
            c.next_sibling = Some(sibling);
        }
        doc.node_mut(sibling).prev_sibling = Some(child);
        match prev {
            Some(p) => doc.node_mut(p).next_sibling = Some(child),
            None => {
                if let Some(par) = parent {
                    doc.node_mut(par).first_child = Some(child);
                }
            }
        }
    }

    fn text_node(&self, text: &str) -> NodeId {
        self.new_node(NodeData::Text(text.to_owned()), None)
    }
}

impl<'a> TreeSink for Sink<'a> {
    type Handle = NodeId;
    type Output = Document;
    type ElemName<'b>
        = &'b QualName
    where
        Self: 'b;

    fn finish(self) -> Document {
        self.doc.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        Document::ROOT
    }

    fn elem_name<'b>(&'b self, target: &'b NodeId) -> &'b QualName {
        // NOTE: the tree builder asks only for elements' names; should it ever ask for another
        // node, a harmless name beats a panic.
        let name = self.names.borrow().get(target.index()).copied().flatten();
        name.unwrap_or(self.fallback_name)
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<html5ever::Attribute>,
        _: ElementFlags,
    ) -> NodeId {
        let local: &str = &name.local;
        let element = Element {
            tag: if name.ns == ns!(html) {
                Tag::from_name(local)
            } else {
                Tag::Other
            },
            name: local.into(),
            attrs: attrs
                .into_iter()
                .map(|a| Attribute {
                    name: (&*a.name.local).into(),
                    value: (&*a.value).into(),
                })
                .collect(),
        };
        self.new_node(NodeData::Element(element), Some(name))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.new_node(NodeData::Other, None)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.new_node(NodeData::Other, None)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let child = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(text) => {
                let mut doc = self.doc.borrow_mut();
                if let Some(last) = doc.node(*parent).last_child {
                    if let NodeData::Text(t) = &mut doc.node_mut(last).data {
                        t.push_str(&text);
                        return;
                    }
                }
                drop(doc);
                self.text_node(&text)
            }
        };
        let mut doc = self.doc.borrow_mut();
        doc.detach(child);
        Self::append_node(&mut doc, *parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.doc.borrow().parent(*element).is_some();
        if has_parent {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
        let id = self.new_node(NodeData::Other, None);
        Self::append_node(&mut self.doc.borrow_mut(), Document::ROOT, id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // Template contents are inert and never page text: the template element itself holds
        // them, and the prune stage drops templates whole.
        *target
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let child = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(text) => {
                let mut doc = self.doc.borrow_mut();
                if let Some(prev) = doc.node(*sibling).prev_sibling {
                    if let NodeData::Text(t) = &mut doc.node_mut(prev).data {
                        t.push_str(&text);
                        return;
                    }
                }
                drop(doc);
                self.text_node(&text)
            }
        };
        let mut doc = self.doc.borrow_mut();
        doc.detach(child);
        Self::insert_before(&mut doc, *sibling, child);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<html5ever::Attribute>) {
        let mut doc = self.doc.borrow_mut();
        if let NodeData::Element(e) = &mut doc.node_mut(*target).data {
            for a in attrs {
                if e.attr(&a.name.local).is_none() {
                    e.attrs.push(Attribute {
                        name: (&*a.name.local).into(),
                        value: (&*a.value).into(),
                    });
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.doc.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut doc = self.doc.borrow_mut();
        let mut next = doc.node(*node).first_child;
        while let Some(child) = next {
            next = doc.node(child).next_sibling;
            doc.detach(child);
            Self::append_node(&mut doc, *new_parent, child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misnested_formatting_is_repaired_like_a_browser() {
        // The adoption agency algorithm moves nodes between parents: the tree must stay linked.
        let d = parse(
            "<p><b>bold<i>both</b>italic</i></p>",
            &ParseLimits::default(),
        )
        .unwrap();
        assert_eq!(d.text_content(Document::ROOT), "boldbothitalic");
    }

    #[test]
    fn table_foster_parenting_keeps_text() {
        let d = parse(
            "<table>stray<tr><td>cell</td></tr></table>",
            &ParseLimits::default(),
        )
        .unwrap();
        assert_eq!(d.text_content(Document::ROOT), "straycell");
    }

    #[test]
    fn node_limit_is_an_error_not_a_panic() {
        let html = "<p>x</p>".repeat(100_000);
        let limits = ParseLimits {
            max_nodes: 100,
            ..ParseLimits::default()
        };
        let err = parse(&html, &limits).unwrap_err();
        assert_eq!(err.limit, 100);
    }
}
