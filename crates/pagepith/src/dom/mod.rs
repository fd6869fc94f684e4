//! The page as an arena tree: nodes live in one `Vec` and point at each other by [`NodeId`], so
//! there are no reference cycles and every walk is an iterative loop over ids.
//!
//! The tree is pagepith's own type, filled by whichever parser runs (html5ever today, see
//! [`parse`]); nothing downstream knows which parser built it. Stages that remove furniture do not
//! unlink nodes: they mark them [`Document::detach`]ed, which keeps ids stable for diagnostics.

mod attrs;
pub(crate) mod depth;
mod fast;
mod names;
mod node_map;
mod noscript;
mod nul;
mod sink;
mod streamed;
mod tag;

use std::borrow::Cow;

pub(crate) use attrs::MAX_ATTRIBUTES;
pub use node_map::NodeMap;
pub use sink::{parse, LimitExceeded, ParseLimits, DEFAULT_MAX_DEPTH};
pub use tag::Tag;

/// Which parser builds the [`Document`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Parser {
    /// pagepith's own tokenizer and tree builder (module `fast`): the tree construction rules
    /// that matter for extraction, several times faster than html5ever. The default since the
    /// differential check (`examples/parser_diff.rs`) found the extracted text, title, authors
    /// and date identical to html5ever's on all 1,539 scrapinghub and wcxb-dev pages.
    #[default]
    Fast,
    /// html5ever's spec-complete parser: the reference the fast path is checked against.
    Html5ever,
}

/// Parses with the chosen parser; both fill the same arena and honour the same limits. Parts
/// of the page streamed after its shell are then put where a browser shows them (`streamed`).
pub fn parse_with(
    html: &str,
    limits: &ParseLimits,
    parser: Parser,
) -> Result<Document, LimitExceeded> {
    let mut doc = match parser {
        Parser::Fast => fast::parse(html, limits)?,
        Parser::Html5ever => parse(html, limits)?,
    };
    // NOTE: streamed parts go to `<template>`s; a page without one (most) is spared the walk.
    // Looked for in the node arena: searching the page's bytes for "<template" cost 15 M
    // instructions a scrapinghub pass (callgrind), the arena is a fraction of their size.
    if doc
        .nodes
        .iter()
        .any(|n| matches!(&n.data, NodeData::Element(e) if e.tag == Tag::Template))
    {
        streamed::reveal(&mut doc);
    }
    // Text double-encoded by an earlier save and then written as character references
    // (`&acirc;&euro;&trade;` for `’`) shows only now that the parser has decoded them; the
    // repair in `decode` read the raw characters. The same bar, over the tree's text.
    // NOTE: the text buffer, not the page: a byte scan of a fraction of its size (an `&` scan of
    // the page before the parse cost 9 to 28 M instructions a scrapinghub pass; callgrind).
    if crate::mojibake::is_damaged(&doc.text) {
        doc.read_back_mojibake();
    }
    Ok(doc)
}

/// Index of a node in its [`Document`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub(crate) u32);

impl NodeId {
    /// The node's position in its document's node arena, in creation order (not document order).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One attribute, its name lower-cased by the parser.
#[derive(Clone, Debug)]
pub struct Attribute {
    // NOTE: the name and the value share one allocation (the name first): a page has more
    // attributes than nodes, and two boxes cost ~220,000 more allocations and frees on one
    // scrapinghub pass than this.
    text: Box<str>,
    name_len: usize,
}

impl Attribute {
    #[inline]
    pub(crate) fn new(name: &str, value: &str) -> Attribute {
        let mut text = String::with_capacity(name.len() + value.len());
        text.push_str(name);
        text.push_str(value);
        Attribute {
            text: text.into_boxed_str(),
            name_len: name.len(),
        }
    }

    /// The name, lower-cased by the parser.
    pub fn name(&self) -> &str {
        &self.text[..self.name_len]
    }

    pub fn value(&self) -> &str {
        &self.text[self.name_len..]
    }

    /// Whether the name is `name`: compares lengths first and bytes without slicing the
    /// `str` (which checks a char boundary), as every attribute lookup does this.
    #[inline]
    fn is_named(&self, name: &str) -> bool {
        self.name_len == name.len() && self.text.as_bytes().starts_with(name.as_bytes())
    }
}

/// An element's name and attributes.
#[derive(Clone, Debug)]
pub struct Element {
    pub tag: Tag,
    /// The local name as written, lower-cased; useful only for [`Tag::Other`]. Borrowed (no
    /// allocation) for every [`Tag`], owned for the others.
    pub name: Cow<'static, str>,
    pub attrs: Vec<Attribute>,
}

impl Element {
    /// The value of an attribute, if present.
    // NOTE: inlined (with `Document::attr`): callers pass a constant name, whose length and
    // bytes the compiler then compares without calling `memcmp`; out of line, the call and
    // its saved registers were most of a lookup's ~47 instructions (callgrind).
    #[inline]
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.is_named(name))
            .map(Attribute::value)
    }
}

/// Where a text node's text is held; read it with [`Document::text`].
#[derive(Clone, Debug)]
pub struct Text(TextRepr);

// NOTE: text nodes are the most numerous allocations of a parse (151,000 of 639,000 on one
// scrapinghub pass, callgrind): the text of a document is appended to one buffer it owns, and a
// node holds its range there. A node that grows after other text was written behind it (text
// joined to a foster-parented or earlier node) moves to a string of its own, once: moving it
// to the buffer's end again at every join would copy it each time, quadratic on a hostile page.
#[derive(Clone, Debug)]
enum TextRepr {
    /// `Document::text[start..end]`.
    Shared {
        start: usize,
        end: usize,
    },
    Own(String),
}

/// What a node is.
#[derive(Clone, Debug)]
pub enum NodeData {
    Document,
    Element(Element),
    Text(Text),
    /// Comments, doctypes and processing instructions: kept so that ids stay dense, never read.
    Other,
}

/// A node and its links to its neighbours.
#[derive(Clone, Debug)]
pub struct Node {
    pub data: NodeData,
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev_sibling: Option<NodeId>,
    pub next_sibling: Option<NodeId>,
}

impl Node {
    fn new(data: NodeData) -> Node {
        Node {
            data,
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
        }
    }
}

/// A parsed page.
#[derive(Clone, Debug)]
pub struct Document {
    nodes: Vec<Node>,
    /// The text of the text nodes (see [`Text`]).
    text: String,
}

impl Document {
    /// The document node, root of the tree.
    pub const ROOT: NodeId = NodeId(0);

    /// Number of nodes ever created, detached ones included.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the document holds only its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id.index()].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag of an element node, `None` for other nodes.
    pub fn tag(&self, id: NodeId) -> Option<Tag> {
        self.element(id).map(|e| e.tag)
    }

    // NOTE: inlined, as every stage reads text through it (467,000 calls a scrapinghub pass).
    #[inline]
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id.index()].data {
            NodeData::Text(Text(TextRepr::Shared { start, end })) => Some(&self.text[*start..*end]),
            NodeData::Text(Text(TextRepr::Own(t))) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id).and_then(|e| e.attr(name))
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].parent
    }

    /// The children of a node, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            doc: self,
            next: self.nodes[id.index()].first_child,
        }
    }

    /// Whether `id` is `ancestor` or lies below it.
    pub fn is_within(&self, id: NodeId, ancestor: NodeId) -> bool {
        id == ancestor || self.ancestors(id).any(|a| a == ancestor)
    }

    /// The node's ancestors, nearest first, excluding the node itself.
    pub fn ancestors(&self, id: NodeId) -> Ancestors<'_> {
        Ancestors {
            doc: self,
            next: self.parent(id),
        }
    }

    /// The node and all its descendants in document order (pre-order), without recursion.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            doc: self,
            root: id,
            next: Some(id),
        }
    }

    /// Pre-order walk that also reports when each element is left, for renderers that need to
    /// close what they open.
    pub fn traverse(&self, id: NodeId) -> Traverse<'_> {
        Traverse {
            doc: self,
            root: id,
            next: Some(Edge::Open(id)),
        }
    }

    /// The first element in document order below `id` (inclusive) with this tag.
    pub fn find_tag(&self, id: NodeId, tag: Tag) -> Option<NodeId> {
        self.descendants(id).find(|&n| self.tag(n) == Some(tag))
    }

    /// All text below a node, concatenated as it appears in the source.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for n in self.descendants(id) {
            if let Some(t) = self.text(n) {
                out.push_str(t);
            }
        }
        out
    }

    /// Links a detached `child` as the last child of `parent` (both tree builders use it).
    pub(crate) fn append_child(&mut self, parent: NodeId, child: NodeId) {
        let last = self.nodes[parent.index()].last_child;
        let c = &mut self.nodes[child.index()];
        c.parent = Some(parent);
        c.prev_sibling = last;
        c.next_sibling = None;
        match last {
            Some(l) => self.nodes[l.index()].next_sibling = Some(child),
            None => self.nodes[parent.index()].first_child = Some(child),
        }
        self.nodes[parent.index()].last_child = Some(child);
    }

    /// Links a detached `child` just before `sibling`, under the same parent.
    pub(crate) fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        let (parent, prev) = {
            let s = &self.nodes[sibling.index()];
            (s.parent, s.prev_sibling)
        };
        let c = &mut self.nodes[child.index()];
        c.parent = parent;
        c.prev_sibling = prev;
        c.next_sibling = Some(sibling);
        self.nodes[sibling.index()].prev_sibling = Some(child);
        match prev {
            Some(p) => self.nodes[p.index()].next_sibling = Some(child),
            None => {
                if let Some(par) = parent {
                    self.nodes[par.index()].first_child = Some(child);
                }
            }
        }
    }

    /// Removes a node from its parent's children; the node keeps its subtree and its id.
    pub fn detach(&mut self, id: NodeId) {
        let node = &self.nodes[id.index()];
        let (parent, prev, next) = (node.parent, node.prev_sibling, node.next_sibling);
        match prev {
            Some(p) => self.nodes[p.index()].next_sibling = next,
            None => {
                if let Some(par) = parent {
                    self.nodes[par.index()].first_child = next;
                }
            }
        }
        match next {
            Some(n) => self.nodes[n.index()].prev_sibling = prev,
            None => {
                if let Some(par) = parent {
                    self.nodes[par.index()].last_child = prev;
                }
            }
        }
        let node = &mut self.nodes[id.index()];
        node.parent = None;
        node.prev_sibling = None;
        node.next_sibling = None;
    }

    /// Whether `id` is still attached below the root.
    pub fn is_attached(&self, id: NodeId) -> bool {
        id == Self::ROOT || self.ancestors(id).last() == Some(Self::ROOT)
    }

    /// The `<html>` element's `<body>`, if the page has one.
    pub fn body(&self) -> Option<NodeId> {
        let html = self
            .children(Self::ROOT)
            .find(|&n| self.tag(n) == Some(Tag::Html))?;
        self.children(html)
            .find(|&n| self.tag(n) == Some(Tag::Body))
    }

    /// The `<head>` element, if the page has one.
    pub fn head(&self) -> Option<NodeId> {
        let html = self
            .children(Self::ROOT)
            .find(|&n| self.tag(n) == Some(Tag::Html))?;
        self.children(html)
            .find(|&n| self.tag(n) == Some(Tag::Head))
    }

    pub(crate) fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.index()]
    }

    /// An empty document: the root node only, with room for `nodes` nodes and `text` bytes of
    /// text, so that the parse does not grow them by doubling.
    pub(crate) fn with_capacity(nodes: usize, text: usize) -> Document {
        let mut doc = Document {
            nodes: Vec::with_capacity(nodes),
            text: String::with_capacity(text),
        };
        doc.push(NodeData::Document);
        doc
    }

    /// Reads back the double-encoded sequences of every text node that holds one.
    fn read_back_mojibake(&mut self) {
        for i in 0..self.nodes.len() {
            let NodeData::Text(text) = &self.nodes[i].data else {
                continue;
            };
            let content = match &text.0 {
                TextRepr::Shared { start, end } => &self.text[*start..*end],
                TextRepr::Own(t) => t.as_str(),
            };
            if crate::mojibake::has_sequence(content) {
                let repaired = crate::mojibake::read_back(content);
                self.nodes[i].data = NodeData::Text(Text(TextRepr::Own(repaired)));
            }
        }
    }

    /// Makes room for `bytes` more bytes of text.
    pub(crate) fn reserve_text(&mut self, bytes: usize) {
        self.text.reserve(bytes);
    }

    /// Creates a text node, not yet linked.
    pub(crate) fn push_text(&mut self, text: &str) -> NodeId {
        let start = self.text.len();
        self.text.push_str(text);
        self.push(NodeData::Text(Text(TextRepr::Shared {
            start,
            end: self.text.len(),
        })))
    }

    /// Appends `more` to the text node `id`; false when `id` is not a text node.
    pub(crate) fn append_text(&mut self, id: NodeId, more: &str) -> bool {
        let buffer_end = self.text.len();
        let NodeData::Text(Text(repr)) = &mut self.nodes[id.index()].data else {
            return false;
        };
        match repr {
            TextRepr::Shared { end, .. } if *end == buffer_end => {
                self.text.push_str(more);
                *end = self.text.len();
            }
            TextRepr::Shared { start, end } => {
                let old = &self.text[*start..*end];
                let mut own = String::with_capacity(old.len() + more.len());
                own.push_str(old);
                own.push_str(more);
                *repr = TextRepr::Own(own);
            }
            TextRepr::Own(own) => own.push_str(more),
        }
        true
    }

    pub(crate) fn push(&mut self, data: NodeData) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node::new(data));
        id
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    doc: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.doc.node(id).next_sibling;
        Some(id)
    }
}

/// Iterator over a node's ancestors.
pub struct Ancestors<'a> {
    doc: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Ancestors<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.doc.parent(id);
        Some(id)
    }
}

/// Pre-order iterator over a subtree.
pub struct Descendants<'a> {
    doc: &'a Document,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        let node = self.doc.node(id);
        self.next = node.first_child.or_else(|| {
            // Climb until a node with a next sibling, never above the subtree's root.
            let mut cur = id;
            loop {
                if cur == self.root {
                    return None;
                }
                let n = self.doc.node(cur);
                if let Some(s) = n.next_sibling {
                    return Some(s);
                }
                cur = n.parent?;
            }
        });
        Some(id)
    }
}

impl Descendants<'_> {
    /// Skips the subtree of the node last returned: the walk resumes after it.
    pub fn skip_subtree(&mut self, last: NodeId) {
        let mut cur = last;
        self.next = loop {
            if cur == self.root {
                break None;
            }
            let n = self.doc.node(cur);
            if let Some(s) = n.next_sibling {
                break Some(s);
            }
            match n.parent {
                Some(p) => cur = p,
                None => break None,
            }
        };
    }
}

/// A step of [`Document::traverse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Open(NodeId),
    Close(NodeId),
}

/// Pre-/post-order walk over a subtree.
pub struct Traverse<'a> {
    doc: &'a Document,
    root: NodeId,
    next: Option<Edge>,
}

impl Iterator for Traverse<'_> {
    type Item = Edge;
    fn next(&mut self) -> Option<Edge> {
        let edge = self.next?;
        self.next = match edge {
            Edge::Open(id) => match self.doc.node(id).first_child {
                Some(c) => Some(Edge::Open(c)),
                None => Some(Edge::Close(id)),
            },
            Edge::Close(id) => {
                if id == self.root {
                    None
                } else {
                    let n = self.doc.node(id);
                    match (n.next_sibling, n.parent) {
                        (Some(s), _) => Some(Edge::Open(s)),
                        (None, Some(p)) => Some(Edge::Close(p)),
                        (None, None) => None,
                    }
                }
            }
        };
        Some(edge)
    }
}

impl Traverse<'_> {
    /// Skips the children of the element just opened: the next step is its close.
    pub fn skip_children(&mut self, opened: NodeId) {
        self.next = Some(Edge::Close(opened));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(html: &str) -> Document {
        parse(html, &ParseLimits::default()).unwrap()
    }

    #[test]
    fn descendants_walk_in_document_order_and_stay_in_subtree() {
        let d = doc("<div id=a><p>one</p><p>two<b>three</b></p></div><p>four</p>");
        let a = d
            .descendants(Document::ROOT)
            .find(|&n| d.attr(n, "id") == Some("a"))
            .unwrap();
        assert_eq!(d.text_content(a), "onetwothree");
    }

    #[test]
    fn detach_removes_subtree_from_walks() {
        let mut d = doc("<p>keep</p><aside>drop</aside><p>also</p>");
        let aside = d.find_tag(Document::ROOT, Tag::Aside).unwrap();
        d.detach(aside);
        assert_eq!(d.text_content(d.body().unwrap()), "keepalso");
        assert!(!d.is_attached(aside));
    }

    #[test]
    fn text_joined_after_later_text_keeps_both() {
        // Guards the text buffer: "b" is fostered onto "a" after the cell's "x" was written
        // behind it, so the node cannot just grow at the buffer's end.
        let html = "<table>a<tr><td>x</td></tr>b<tr><td>y</td></tr>c</table>";
        for parser in [Parser::Fast, Parser::Html5ever] {
            let d = parse_with(html, &ParseLimits::default(), parser).unwrap();
            let body = d.body().unwrap();
            assert_eq!(d.text_content(body), "abcxy", "{parser:?}");
            let cell = d.find_tag(body, Tag::Td).unwrap();
            assert_eq!(d.text_content(cell), "x", "{parser:?}");
        }
    }

    #[test]
    fn traverse_closes_every_opened_element() {
        let d = doc("<ul><li>a</li><li>b</li></ul>");
        let ul = d.find_tag(Document::ROOT, Tag::Ul).unwrap();
        let edges: Vec<Edge> = d.traverse(ul).collect();
        let opens = edges.iter().filter(|e| matches!(e, Edge::Open(_))).count();
        let closes = edges.iter().filter(|e| matches!(e, Edge::Close(_))).count();
        assert_eq!(opens, closes);
        assert_eq!(edges.first(), Some(&Edge::Open(ul)));
        assert_eq!(edges.last(), Some(&Edge::Close(ul)));
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        // Deeper than a recursive walk over this tree would comfortably go; html5ever itself is
        // quadratic in depth
        // (its scope checks scan the open-element stack), which the hostile-input work bounds.
        let depth = 3_000;
        let html = "<div>".repeat(depth) + "deep" + &"</div>".repeat(depth);
        let d = doc(&html);
        assert_eq!(d.text_content(Document::ROOT), "deep");
        assert_eq!(d.traverse(Document::ROOT).count() % 2, 0);
    }
}
