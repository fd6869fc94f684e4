//! Builds a [`Document`] with html5ever's spec-compliant tree builder.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TokenSink, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, ns, QualName, TokenizerResult};
use typed_arena::Arena;

use super::attrs;
use super::depth::{DepthGate, Frontier};
use super::nul;
use super::{Attribute, Document, Element, NodeData, NodeId, Tag};
use crate::budget::Deadline;

/// Bounds on what one page may build.
#[derive(Clone, Debug)]
pub struct ParseLimits {
    /// Most nodes one page may create; past it parsing stops building and reports an error.
    pub max_nodes: usize,
    /// Deepest element nesting built; deeper start tags are dropped and their content kept
    /// (see the `depth` module).
    pub max_depth: u32,
    /// When parsing must give up; checked between input pieces.
    pub deadline: Option<Deadline>,
}

impl Default for ParseLimits {
    fn default() -> Self {
        // NOTE: the largest dev page builds ~60,000 nodes; 4 million bounds memory near 400 MB.
        ParseLimits {
            max_nodes: 4_000_000,
            max_depth: DEFAULT_MAX_DEPTH,
            deadline: None,
        }
    }
}

/// The deepest of the 1,539 pages of both eval sets nests 56 elements (median 19), measured with
/// an HTML5 parser; 256 leaves 4.5 times that. The cap is also the most elements the tree
/// builder scans per start tag once a page is that deep, so lower is faster on hostile pages.
/// libxml2 caps at 256 as well.
pub const DEFAULT_MAX_DEPTH: u32 = 256;

/// Parsing stopped at a [`ParseLimits`] bound; names it as `Config` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitExceeded {
    /// `"max_nodes"` or `"time_budget_ms"`.
    pub limit: &'static str,
    /// The value reached: nodes created, or milliseconds spent.
    pub value: usize,
}

/// Input is fed to the parser in pieces of this size so that a page over the node limit or out
/// of time is stopped within one piece of it: memory stays within the limit plus what 64 KiB can
/// build, and time within what 64 KiB costs (milliseconds, with nesting capped).
const FEED_CHUNK: usize = 64 * 1024;

/// Parses a whole HTML document held in memory as UTF-8.
pub fn parse(html: &str, limits: &ParseLimits) -> Result<Document, LimitExceeded> {
    let created = Rc::new(Cell::new(1usize));
    let frontier = Frontier::default();
    let names = Arena::new();
    let sink = Sink::new(Rc::clone(&created), Rc::clone(&frontier), &names);
    // Scripting on, as in the browser a reader uses: `<noscript>` is raw text up to its end
    // tag, and dom/noscript.rs then parses that text (see there why).
    let tree_opts = TreeBuilderOpts {
        scripting_enabled: true,
        ..TreeBuilderOpts::default()
    };
    let builder = TreeBuilder::new(sink, tree_opts);
    let gate = DepthGate::new(builder, frontier, limits.max_depth);
    let tokenizer = Tokenizer::new(gate, TokenizerOpts::default());
    let html = nul::strip_nuls(html);
    let html = attrs::cap_attributes(&html, attrs::MAX_ATTRIBUTES);
    feed(&tokenizer, &html, limits, &created)?;
    let mut doc = tokenizer.sink.inner.sink.finish();
    super::noscript::expand(&mut doc, limits, parse_fragment)?;
    Ok(doc)
}

/// Parses the text of a `<noscript>` as its content with scripting off (the spec's fragment
/// parsing with that context): the root `<html>` of the returned document holds what was
/// parsed (dom/noscript.rs grafts it into the page).
fn parse_fragment(html: &str, limits: &ParseLimits) -> Result<Document, LimitExceeded> {
    let created = Rc::new(Cell::new(1usize));
    let frontier = Frontier::default();
    let names = Arena::new();
    let sink = Sink::new(Rc::clone(&created), Rc::clone(&frontier), &names);
    let context = sink.create_element(
        QualName::new(None, ns!(html), local_name!("noscript")),
        Vec::new(),
        ElementFlags::default(),
    );
    let tree_opts = TreeBuilderOpts {
        scripting_enabled: false,
        ..TreeBuilderOpts::default()
    };
    let builder = TreeBuilder::new_for_fragment(sink, context, None, tree_opts);
    let tokenizer_opts = TokenizerOpts {
        initial_state: Some(builder.tokenizer_state_for_context_elem(false)),
        ..TokenizerOpts::default()
    };
    let gate = DepthGate::new(builder, frontier, limits.max_depth);
    let tokenizer = Tokenizer::new(gate, tokenizer_opts);
    feed(&tokenizer, html, limits, &created)?;
    Ok(tokenizer.sink.inner.sink.finish())
}

/// Runs the tokenizer over `html` in pieces, stopping at the node limit or the deadline.
fn feed<S: TokenSink>(
    tokenizer: &Tokenizer<S>,
    html: &str,
    limits: &ParseLimits,
    created: &Cell<usize>,
) -> Result<(), LimitExceeded> {
    let over_nodes = || {
        (created.get() > limits.max_nodes).then(|| LimitExceeded {
            limit: "max_nodes",
            value: created.get(),
        })
    };
    let queue = BufferQueue::default();
    let mut rest: &str = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(FEED_CHUNK);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        queue.push_back(StrTendril::from_slice(&rest[..cut]));
        // NOTE: the tokenizer pauses after each `</script>` for the caller to run it; none is
        // run, so looping until `Done` is what html5ever's own driver does.
        while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
        rest = &rest[cut..];
        if let Some(err) = over_nodes() {
            return Err(err);
        }
        if let Some(d) = limits.deadline.filter(Deadline::expired) {
            return Err(LimitExceeded {
                limit: "time_budget_ms",
                value: d.elapsed_ms(),
            });
        }
    }
    tokenizer.end();
    match over_nodes() {
        Some(err) => Err(err),
        None => Ok(()),
    }
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
    /// Each node's depth below the document as last inserted. A node moved with its parent
    /// (adoption agency, `reparent_children`) keeps a stale value: the depths only steer the
    /// [`DepthGate`], which needs a bound, not an exact figure.
    depths: RefCell<Vec<u32>>,
    /// Depth of the last insertion point, read by the [`DepthGate`].
    frontier: Frontier,
}

impl<'a> Sink<'a> {
    fn new(
        created: Rc<Cell<usize>>,
        frontier: Frontier,
        names_arena: &'a Arena<QualName>,
    ) -> Sink<'a> {
        let doc = Document::with_capacity(0, 0);
        Sink {
            doc: RefCell::new(doc),
            names_arena,
            names: RefCell::new(vec![None]),
            fallback_name: names_arena.alloc(QualName::new(None, ns!(html), local_name!("span"))),
            created,
            depths: RefCell::new(vec![0]),
            frontier,
        }
    }

    /// Records that `child` now sits at `depth`; an element becomes the insertion point (the
    /// tree builder puts what follows inside it), other nodes leave it at their parent.
    fn placed(&self, doc: &Document, child: NodeId, depth: u32) {
        self.depths.borrow_mut()[child.index()] = depth;
        let is_element = matches!(doc.node(child).data, NodeData::Element(_));
        self.frontier.set(if is_element {
            depth
        } else {
            depth.saturating_sub(1)
        });
    }

    fn depth(&self, id: NodeId) -> u32 {
        self.depths.borrow()[id.index()]
    }

    fn new_node(&self, data: NodeData, name: Option<QualName>) -> NodeId {
        let name: Option<&'a QualName> = name.map(|n| &*self.names_arena.alloc(n));
        self.noted();
        self.names.borrow_mut().push(name);
        self.doc.borrow_mut().push(data)
    }

    fn text_node(&self, text: &str) -> NodeId {
        self.noted();
        self.names.borrow_mut().push(None);
        self.doc.borrow_mut().push_text(text)
    }

    /// Counts a node about to be created and gives it a depth.
    fn noted(&self) {
        self.created.set(self.doc.borrow().nodes.len() + 1);
        self.depths.borrow_mut().push(0);
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
        let tag = if name.ns == ns!(html) {
            Tag::from_name(local)
        } else {
            Tag::Other
        };
        let element = Element {
            tag,
            name: super::names::element_name(tag, local),
            attrs: attrs
                .into_iter()
                .map(|a| Attribute::new(&a.name.local, &a.value))
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
                let last = doc.node(*parent).last_child;
                if last.is_some_and(|l| doc.append_text(l, &text)) {
                    self.frontier.set(self.depth(*parent));
                    return;
                }
                drop(doc);
                self.text_node(&text)
            }
        };
        let mut doc = self.doc.borrow_mut();
        doc.detach(child);
        doc.append_child(*parent, child);
        self.placed(&doc, child, self.depth(*parent).saturating_add(1));
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
        self.doc.borrow_mut().append_child(Document::ROOT, id);
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
                let prev = doc.node(*sibling).prev_sibling;
                if prev.is_some_and(|p| doc.append_text(p, &text)) {
                    self.frontier.set(self.depth(*sibling).saturating_sub(1));
                    return;
                }
                drop(doc);
                self.text_node(&text)
            }
        };
        let mut doc = self.doc.borrow_mut();
        doc.detach(child);
        doc.insert_before(*sibling, child);
        self.placed(&doc, child, self.depth(*sibling));
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<html5ever::Attribute>) {
        let mut doc = self.doc.borrow_mut();
        if let NodeData::Element(e) = &mut doc.node_mut(*target).data {
            for a in attrs {
                if e.attr(&a.name.local).is_none() {
                    e.attrs.push(Attribute::new(&a.name.local, &a.value));
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
        let depth = self.depth(*new_parent).saturating_add(1);
        while let Some(child) = next {
            next = doc.node(child).next_sibling;
            doc.detach(child);
            doc.append_child(*new_parent, child);
            self.depths.borrow_mut()[child.index()] = depth;
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
        assert_eq!(err.limit, "max_nodes");
        assert!(err.value > 100);
    }

    fn max_depth(d: &Document) -> usize {
        d.descendants(Document::ROOT)
            .map(|n| d.ancestors(n).count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn nesting_past_the_cap_is_flattened_and_keeps_its_text() {
        let html = "<div>".repeat(500) + "deep<p>para</p>" + &"</div>".repeat(500) + "<p>after</p>";
        let limits = ParseLimits {
            max_depth: 50,
            ..ParseLimits::default()
        };
        let d = parse(&html, &limits).unwrap();
        assert!(max_depth(&d) <= 52, "depth {}", max_depth(&d));
        assert_eq!(d.text_content(Document::ROOT), "deepparaafter");
    }

    #[test]
    fn scripts_and_images_past_the_cap_stay_elements() {
        // Dropping a deep `<script>` start tag would turn its code into page text.
        let html = "<div>".repeat(100) + "<script>var x = 1;</script><img alt=pic>text";
        let limits = ParseLimits {
            max_depth: 10,
            ..ParseLimits::default()
        };
        let d = parse(&html, &limits).unwrap();
        assert!(d.find_tag(Document::ROOT, Tag::Script).is_some());
        assert!(d.find_tag(Document::ROOT, Tag::Img).is_some());
        let script = d.find_tag(Document::ROOT, Tag::Script).unwrap();
        assert_eq!(d.text_content(script), "var x = 1;");
    }

    #[test]
    fn expired_deadline_stops_parsing_with_the_time_limit() {
        let limits = ParseLimits {
            deadline: Some(Deadline::after(std::time::Duration::ZERO)),
            ..ParseLimits::default()
        };
        std::thread::sleep(std::time::Duration::from_millis(2));
        let err = parse("<p>x</p>", &limits).unwrap_err();
        assert_eq!(err.limit, "time_budget_ms");
    }
}
