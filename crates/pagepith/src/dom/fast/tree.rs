//! The tree side of the fast parser: the document arena, the stack of open elements, the list
//! of active formatting elements and the insertion primitives the spec's modes are written in
//! (appropriate place with foster parenting, scopes, implied end tags, reconstruction and the
//! adoption agency algorithm). The modes themselves are in `modes/`.

use super::tokenizer::Attr;
use crate::dom::names::element_name;
use crate::dom::{Attribute, Document, Element, NodeData, NodeId, Tag};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ns {
    Html,
    Svg,
    MathMl,
}

/// An element on the stack of open elements.
#[derive(Clone, Copy, Debug)]
pub(super) struct Open {
    pub id: NodeId,
    pub tag: Tag,
    pub ns: Ns,
    /// The scopes this element bounds, as [`Scope::bit`]s. Decided once when it is opened
    /// ([`Tree::open`]): scope checks walk the stack on most tags, and deciding at every step
    /// (name lookups included) was 1.5 % of extraction instructions (callgrind).
    scopes: u8,
}

/// Where a new node goes.
#[derive(Clone, Copy)]
pub(super) enum Place {
    Append(NodeId),
    Before(NodeId),
}

/// Which elements bound a "has an element in scope" check.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    Default,
    ListItem,
    Button,
    Table,
}

impl Scope {
    fn bit(self) -> u8 {
        1 << self as u8
    }
}

pub(super) struct Tree {
    pub doc: Document,
    pub stack: Vec<Open>,
    /// Active formatting elements; `None` is a marker.
    pub afe: Vec<Option<NodeId>>,
    /// Whether insertion into table elements is redirected before the table.
    pub foster: bool,
    pub max_nodes: usize,
    pub max_depth: usize,
}

/// Tags whose end tag is implied by a following tag.
fn implied_end(tag: Tag, name: &str) -> bool {
    matches!(
        tag,
        Tag::Dd | Tag::Dt | Tag::Li | Tag::Optgroup | Tag::Option | Tag::P | Tag::Rp | Tag::Rt
    ) || (tag == Tag::Other && matches!(name, "rb" | "rtc"))
}

/// The spec's "special" category for HTML elements.
pub(super) fn is_special_html(tag: Tag, name: &str) -> bool {
    match tag {
        Tag::Address
        | Tag::Article
        | Tag::Aside
        | Tag::Base
        | Tag::Blockquote
        | Tag::Body
        | Tag::Br
        | Tag::Button
        | Tag::Caption
        | Tag::Center
        | Tag::Col
        | Tag::Colgroup
        | Tag::Dd
        | Tag::Details
        | Tag::Div
        | Tag::Dl
        | Tag::Dt
        | Tag::Embed
        | Tag::Fieldset
        | Tag::Figcaption
        | Tag::Figure
        | Tag::Footer
        | Tag::Form
        | Tag::Frame
        | Tag::Frameset
        | Tag::H1
        | Tag::H2
        | Tag::H3
        | Tag::H4
        | Tag::H5
        | Tag::H6
        | Tag::Head
        | Tag::Header
        | Tag::Hgroup
        | Tag::Hr
        | Tag::Html
        | Tag::Iframe
        | Tag::Img
        | Tag::Input
        | Tag::Li
        | Tag::Link
        | Tag::Main
        | Tag::Menu
        | Tag::Meta
        | Tag::Nav
        | Tag::Noscript
        | Tag::Object
        | Tag::Ol
        | Tag::P
        | Tag::Param
        | Tag::Pre
        | Tag::Script
        | Tag::Search
        | Tag::Section
        | Tag::Select
        | Tag::Source
        | Tag::Style
        | Tag::Summary
        | Tag::Table
        | Tag::Tbody
        | Tag::Td
        | Tag::Template
        | Tag::Textarea
        | Tag::Tfoot
        | Tag::Th
        | Tag::Thead
        | Tag::Title
        | Tag::Tr
        | Tag::Track
        | Tag::Ul
        | Tag::Wbr => true,
        Tag::Other => matches!(
            name,
            "applet"
                | "area"
                | "basefont"
                | "bgsound"
                | "dir"
                | "keygen"
                | "listing"
                | "marquee"
                | "noembed"
                | "noframes"
                | "plaintext"
                | "xmp"
        ),
        _ => false,
    }
}

impl Tree {
    /// `expected_nodes` sizes the arena up front: growing it by doubling was ~9% of parse
    /// instructions (reallocation and copying, callgrind on scrapinghub).
    pub fn new(max_nodes: usize, max_depth: usize, expected_nodes: usize) -> Tree {
        Tree {
            doc: Document::with_capacity(expected_nodes.min(max_nodes) + 1, 0),
            stack: Vec::new(),
            afe: Vec::new(),
            foster: false,
            max_nodes,
            max_depth,
        }
    }

    pub fn over_limit(&self) -> bool {
        self.doc.len() > self.max_nodes
    }

    /// The name of an element node as the parser stored it.
    pub fn name(&self, id: NodeId) -> &str {
        self.doc.element(id).map_or("", |e| &e.name)
    }

    pub fn current(&self) -> Option<Open> {
        self.stack.last().copied()
    }

    pub fn current_is(&self, tag: Tag) -> bool {
        self.current()
            .is_some_and(|o| o.ns == Ns::Html && o.tag == tag)
    }

    /// Whether an open element matches a tag token (by name for tags outside [`Tag`]).
    pub fn matches(&self, o: Open, tag: Tag, name: &str) -> bool {
        o.ns == Ns::Html && o.tag == tag && (tag != Tag::Other || self.name(o.id) == name)
    }

    pub fn is_special(&self, o: Open) -> bool {
        match o.ns {
            Ns::Html => is_special_html(o.tag, self.name(o.id)),
            Ns::MathMl => matches!(
                self.name(o.id),
                "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"
            ),
            Ns::Svg => matches!(self.name(o.id), "foreignObject" | "desc" | "title"),
        }
    }

    /// The stack entry of an element being opened, with the scopes it bounds.
    pub fn open(&self, id: NodeId, tag: Tag, ns: Ns) -> Open {
        let mut o = Open {
            id,
            tag,
            ns,
            scopes: 0,
        };
        o.scopes = self.scopes_of(o);
        o
    }

    /// The scopes `o` bounds, as [`Scope::bit`]s.
    fn scopes_of(&self, o: Open) -> u8 {
        let all_but_table = Scope::Default.bit() | Scope::ListItem.bit() | Scope::Button.bit();
        if o.ns != Ns::Html {
            // The integration points (html5ever leaves MathML annotation-xml out, and so do we).
            let point = self.is_special(o) && self.name(o.id) != "annotation-xml";
            return if point { all_but_table } else { 0 };
        }
        // `select` bounds the default scope since the customizable-select change to the spec,
        // which html5ever 0.40 follows.
        let default = matches!(
            o.tag,
            Tag::Caption
                | Tag::Html
                | Tag::Table
                | Tag::Td
                | Tag::Th
                | Tag::Object
                | Tag::Select
                | Tag::Template
        ) || (o.tag == Tag::Other && matches!(self.name(o.id), "applet" | "marquee"));
        let mut bits = 0;
        if default {
            bits |= all_but_table;
        }
        if matches!(o.tag, Tag::Ol | Tag::Ul) {
            bits |= Scope::ListItem.bit();
        }
        if o.tag == Tag::Button {
            bits |= Scope::Button.bit();
        }
        if matches!(o.tag, Tag::Html | Tag::Table | Tag::Template) {
            bits |= Scope::Table.bit();
        }
        bits
    }

    fn bounds(o: Open, scope: Scope) -> bool {
        o.scopes & scope.bit() != 0
    }

    /// Whether an element matching `pred` is open within `scope`.
    pub fn in_scope_by(&self, scope: Scope, pred: impl Fn(&Tree, Open) -> bool) -> bool {
        for &o in self.stack.iter().rev() {
            if pred(self, o) {
                return true;
            }
            if Self::bounds(o, scope) {
                return false;
            }
        }
        false
    }

    pub fn in_scope(&self, scope: Scope, tag: Tag, name: &str) -> bool {
        self.in_scope_by(scope, |t, o| t.matches(o, tag, name))
    }

    pub fn in_scope_node(&self, scope: Scope, id: NodeId) -> bool {
        self.in_scope_by(scope, |_, o| o.id == id)
    }

    pub fn pop(&mut self) -> Option<Open> {
        self.stack.pop()
    }

    /// Pops until an element matching `pred` has been popped.
    pub fn pop_until(&mut self, pred: impl Fn(&Tree, Open) -> bool) {
        while let Some(o) = self.stack.pop() {
            if pred(self, o) {
                break;
            }
        }
    }

    pub fn pop_until_tag(&mut self, tag: Tag, name: &str) {
        self.pop_until(|t, o| t.matches(o, tag, name));
    }

    /// Pops elements whose end tag is implied, except those matching `except`.
    pub fn generate_implied_end(&mut self, except: Option<(Tag, &str)>) {
        while let Some(o) = self.current() {
            if o.ns != Ns::Html || !implied_end(o.tag, self.name(o.id)) {
                break;
            }
            if let Some((tag, name)) = except {
                if self.matches(o, tag, name) {
                    break;
                }
            }
            self.stack.pop();
        }
    }

    /// Closes an open `p` in button scope, as block start tags do.
    pub fn close_p(&mut self) {
        if self.in_scope(Scope::Button, Tag::P, "p") {
            self.generate_implied_end(Some((Tag::P, "p")));
            self.pop_until_tag(Tag::P, "p");
        }
    }

    /// Where a node goes when inserted at the current node (or `target`), with the table
    /// foster-parenting redirection when it is on.
    pub fn appropriate_place(&self, target: Option<NodeId>) -> Place {
        let target = match target.or(self.current().map(|o| o.id)) {
            Some(t) => t,
            None => return Place::Append(Document::ROOT),
        };
        let tableish = matches!(
            self.doc.tag(target),
            Some(Tag::Table | Tag::Tbody | Tag::Tfoot | Tag::Thead | Tag::Tr)
        );
        if !(self.foster && tableish) {
            return Place::Append(target);
        }
        let table = self
            .stack
            .iter()
            .rposition(|o| o.ns == Ns::Html && o.tag == Tag::Table);
        let template = self
            .stack
            .iter()
            .rposition(|o| o.ns == Ns::Html && o.tag == Tag::Template);
        match (table, template) {
            (_, Some(tp)) if table.is_none_or(|tb| tp > tb) => Place::Append(self.stack[tp].id),
            (None, _) => Place::Append(self.stack[0].id),
            (Some(tb), _) => {
                let table_id = self.stack[tb].id;
                if self.doc.parent(table_id).is_some() {
                    Place::Before(table_id)
                } else {
                    Place::Append(self.stack[tb - 1].id)
                }
            }
        }
    }

    /// Moves `child` (with its subtree) to `place`.
    pub fn link(&mut self, place: Place, child: NodeId) {
        self.doc.detach(child);
        self.attach(place, child);
    }

    /// Links a node just created, which has no parent or siblings to detach it from (the
    /// detach in [`Tree::link`] was 0.9 % of extraction instructions, nearly all for new nodes).
    fn attach(&mut self, place: Place, child: NodeId) {
        debug_assert!(self.doc.parent(child).is_none());
        match place {
            Place::Append(parent) => self.doc.append_child(parent, child),
            Place::Before(sibling) => self.doc.insert_before(sibling, child),
        }
    }

    /// Inserts text at `place`, joining a text node that is already there.
    pub fn insert_text_at(&mut self, place: Place, text: &str) {
        let neighbour = match place {
            Place::Append(parent) => self.doc.node(parent).last_child,
            Place::Before(sibling) => self.doc.node(sibling).prev_sibling,
        };
        if neighbour.is_some_and(|n| self.doc.append_text(n, text)) {
            return;
        }
        let id = self.doc.push_text(text);
        self.attach(place, id);
    }

    pub fn insert_text(&mut self, text: &str) {
        let place = self.appropriate_place(None);
        self.insert_text_at(place, text);
    }

    pub fn insert_other(&mut self, place: Place) {
        let id = self.doc.push(NodeData::Other);
        self.attach(place, id);
    }

    /// Creates an element node, not yet linked. `tag` is the token's (`Tag::from_name(name)`,
    /// which the modes already looked up), used for HTML elements only.
    pub fn create(&mut self, tag: Tag, name: &str, attrs: &[Attr<'_>], ns: Ns) -> (NodeId, Tag) {
        debug_assert!(ns != Ns::Html || tag == Tag::from_name(name));
        let tag = match ns {
            Ns::Html => tag,
            // html5ever's sink gives foreign elements no tag; keep the two paths alike.
            _ => Tag::Other,
        };
        let name = match ns {
            Ns::Svg => svg_name(name),
            _ => name,
        };
        let element = Element {
            tag,
            name: element_name(tag, name),
            attrs: attrs
                .iter()
                .map(|a| Attribute::new(&a.name, &a.value))
                .collect(),
        };
        (self.doc.push(NodeData::Element(element)), tag)
    }

    /// Inserts an element at the appropriate place and opens it. Past `max_depth` the element
    /// is inserted but not opened, so what follows flows into the deepest open element: the
    /// text is kept and the depth stays bounded.
    pub fn insert(&mut self, tag: Tag, name: &str, attrs: &[Attr<'_>], ns: Ns) -> (NodeId, bool) {
        let (id, tag) = self.create(tag, name, attrs, ns);
        let place = self.appropriate_place(None);
        self.attach(place, id);
        let opened = self.stack.len() < self.max_depth;
        if opened {
            self.stack.push(self.open(id, tag, ns));
        }
        (id, opened)
    }

    /// Inserts an element that is never opened (void elements).
    pub fn insert_void(&mut self, tag: Tag, name: &str, attrs: &[Attr<'_>], ns: Ns) -> NodeId {
        let (id, _) = self.create(tag, name, attrs, ns);
        let place = self.appropriate_place(None);
        self.attach(place, id);
        id
    }

    /// A fresh element like `id` (same name and attributes), not linked.
    fn clone_element(&mut self, id: NodeId) -> NodeId {
        let data = self.doc.node(id).data.clone();
        self.doc.push(data)
    }

    fn open_of(&self, id: NodeId) -> Open {
        self.open(id, self.doc.tag(id).unwrap_or(Tag::Other), Ns::Html)
    }

    fn stack_index(&self, id: NodeId) -> Option<usize> {
        self.stack.iter().rposition(|o| o.id == id)
    }

    fn same_element(&self, a: NodeId, b: NodeId) -> bool {
        match (self.doc.element(a), self.doc.element(b)) {
            (Some(x), Some(y)) => {
                x.name == y.name
                    && x.attrs.len() == y.attrs.len()
                    && x.attrs.iter().all(|p| y.attr(p.name()) == Some(p.value()))
            }
            _ => false,
        }
    }

    /// Adds a formatting element, keeping at most three equal ones after the last marker.
    pub fn push_formatting(&mut self, id: NodeId) {
        let mut equal = Vec::new();
        for (i, e) in self.afe.iter().enumerate().rev() {
            match e {
                None => break,
                Some(x) if self.same_element(*x, id) => equal.push(i),
                _ => {}
            }
        }
        if equal.len() >= 3 {
            if let Some(&earliest) = equal.last() {
                self.afe.remove(earliest);
            }
        }
        self.afe.push(Some(id));
    }

    pub fn clear_afe_to_marker(&mut self) {
        while let Some(e) = self.afe.pop() {
            if e.is_none() {
                break;
            }
        }
    }

    /// Reopens formatting elements that were closed implicitly, so that `<b>a<p>b` stays bold.
    pub fn reconstruct_formatting(&mut self) {
        let Some(&Some(last)) = self.afe.last() else {
            return;
        };
        if self.stack_index(last).is_some() {
            return;
        }
        let mut i = self.afe.len() - 1;
        while i > 0 {
            match self.afe[i - 1] {
                Some(id) if self.stack_index(id).is_none() => i -= 1,
                _ => break,
            }
        }
        for j in i..self.afe.len() {
            let Some(old) = self.afe[j] else { continue };
            let new = self.clone_element(old);
            let place = self.appropriate_place(None);
            self.attach(place, new);
            if self.stack.len() < self.max_depth {
                self.stack.push(self.open_of(new));
            }
            self.afe[j] = Some(new);
        }
    }

    /// The adoption agency algorithm for an end tag of a formatting element; false when the
    /// caller should treat the tag as "any other end tag".
    pub fn adoption_agency(&mut self, tag: Tag, name: &str) -> bool {
        if let Some(cur) = self.current() {
            if self.matches(cur, tag, name) && !self.afe.contains(&Some(cur.id)) {
                self.stack.pop();
                return true;
            }
        }
        // Bounded as the spec bounds it: 8 outer and 3 inner rounds keep pathological
        // nesting linear.
        for _ in 0..8 {
            let mut fe_pos = None;
            for (i, e) in self.afe.iter().enumerate().rev() {
                match e {
                    None => break,
                    Some(id) if self.name(*id) == name => {
                        fe_pos = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            let Some(fe_pos) = fe_pos else {
                return false;
            };
            let Some(fe) = self.afe[fe_pos] else {
                return false;
            };
            let Some(fe_stack) = self.stack_index(fe) else {
                self.afe.remove(fe_pos);
                return true;
            };
            if !self.in_scope_node(Scope::Default, fe) {
                return true;
            }
            let furthest =
                (fe_stack + 1..self.stack.len()).find(|&i| self.is_special(self.stack[i]));
            let Some(fb_index) = furthest else {
                self.stack.truncate(fe_stack);
                self.afe.remove(fe_pos);
                return true;
            };
            let furthest_block = self.stack[fb_index].id;
            let common_ancestor = self.stack[fe_stack - 1].id;
            let mut bookmark = fe_pos;
            let mut node_index = fb_index;
            let mut last_node = furthest_block;
            let mut inner = 0;
            loop {
                inner += 1;
                node_index -= 1;
                let node = self.stack[node_index].id;
                if node == fe {
                    break;
                }
                let afe_pos = self.afe.iter().position(|e| *e == Some(node));
                if inner > 3 {
                    if let Some(p) = afe_pos {
                        self.afe.remove(p);
                        if p < bookmark {
                            bookmark -= 1;
                        }
                        self.stack.remove(node_index);
                        continue;
                    }
                }
                let Some(afe_pos) = self.afe.iter().position(|e| *e == Some(node)) else {
                    self.stack.remove(node_index);
                    continue;
                };
                let new = self.clone_element(node);
                self.afe[afe_pos] = Some(new);
                self.stack[node_index] = self.open_of(new);
                if last_node == furthest_block {
                    bookmark = afe_pos + 1;
                }
                self.link(Place::Append(new), last_node);
                last_node = new;
            }
            let place = self.appropriate_place(Some(common_ancestor));
            self.link(place, last_node);
            let new = self.clone_element(fe);
            let mut child = self.doc.node(furthest_block).first_child;
            while let Some(c) = child {
                child = self.doc.node(c).next_sibling;
                self.link(Place::Append(new), c);
            }
            self.link(Place::Append(furthest_block), new);
            if let Some(p) = self.afe.iter().position(|e| *e == Some(fe)) {
                self.afe.remove(p);
                if p < bookmark {
                    bookmark -= 1;
                }
            }
            self.afe.insert(bookmark.min(self.afe.len()), Some(new));
            if let Some(p) = self.stack_index(fe) {
                self.stack.remove(p);
            }
            if let Some(fb) = self.stack_index(furthest_block) {
                self.stack.insert(fb + 1, self.open_of(new));
            }
        }
        true
    }
}

/// SVG element names in the camel case the spec restores (the tokenizer lower-cases them).
fn svg_name(name: &str) -> &str {
    const NAMES: &[&str] = &[
        "altGlyph",
        "altGlyphDef",
        "altGlyphItem",
        "animateColor",
        "animateMotion",
        "animateTransform",
        "clipPath",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feConvolveMatrix",
        "feDiffuseLighting",
        "feDisplacementMap",
        "feDistantLight",
        "feDropShadow",
        "feFlood",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "feGaussianBlur",
        "feImage",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feOffset",
        "fePointLight",
        "feSpecularLighting",
        "feSpotLight",
        "feTile",
        "feTurbulence",
        "foreignObject",
        "glyphRef",
        "linearGradient",
        "radialGradient",
        "textPath",
    ];
    NAMES
        .iter()
        .find(|n| n.eq_ignore_ascii_case(name))
        .copied()
        .unwrap_or(name)
}
