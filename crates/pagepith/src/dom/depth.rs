//! Caps how deeply the tree nests, in front of html5ever's tree builder.
//!
//! The tree builder checks element scope by scanning its stack of open elements, so every start
//! tag costs time in proportion to the nesting depth, and a page of N nested `<div>`s costs N²:
//! measured on the release build, 16,000 levels took 2.2 s and 32,000 took 8.5 s, so a million
//! would take hours. Past the cap, start tags are dropped before the tree builder sees them. What
//! they held (text, void elements such as `<img>`, scripts) still arrives and is attached to the
//! deepest element allowed, so the page keeps its text and every later walk stays linear. This
//! flattens instead of failing, as browsers do (Blink stops nesting at 512 levels).
//!
//! The depth compared is the depth in pagepith's own tree of the last place the tree builder
//! inserted into ([`Frontier`]): the tree builder's stack is private, and the two agree except
//! after misnested markup, where an end tag closes elements without telling the sink; the next
//! insertion puts the frontier right again.

use std::cell::Cell;
use std::rc::Rc;

use html5ever::tokenizer::{TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::LocalName;

/// Depth of the last insertion point, written by the sink and read by [`DepthGate`].
pub(super) type Frontier = Rc<Cell<u32>>;

/// A token sink that drops start tags which would nest deeper than `max_depth`.
pub(super) struct DepthGate<S> {
    pub(super) inner: S,
    frontier: Frontier,
    max_depth: u32,
}

impl<S> DepthGate<S> {
    pub(super) fn new(inner: S, frontier: Frontier, max_depth: u32) -> DepthGate<S> {
        DepthGate {
            inner,
            frontier,
            max_depth,
        }
    }
}

impl<S: TokenSink> TokenSink for DepthGate<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token {
            if tag.kind == TagKind::StartTag
                && self.frontier.get() >= self.max_depth
                && !always_admitted(&tag.name)
            {
                return TokenSinkResult::Continue;
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Elements admitted at any depth (the list and its reasons: [`ADMITTED_PAST_DEPTH`]).
fn always_admitted(name: &LocalName) -> bool {
    ADMITTED_PAST_DEPTH.contains(&&**name)
}

/// Elements admitted past the depth cap, by both tree builders. Void elements never stay open,
/// so they cannot deepen the tree, and images carry captions. Raw-text elements close at their
/// own end tag and switch the tokenizer: dropping `<script>` or `<style>` would turn code into
/// page text, and dropping `<noscript>` would parse its content unbounded (dom/noscript.rs).
pub(crate) const ADMITTED_PAST_DEPTH: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes",
    "noscript",
];
