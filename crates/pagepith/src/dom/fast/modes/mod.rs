//! Tree construction: the spec's insertion modes, as far as they change what a page says.
//!
//! Kept: implied html/head/body, head content moved to the head, implied end tags (p, li, dt,
//! dd, option, rows and cells), void elements, the text states of script/style/title/textarea,
//! tables (implied tbody/tr, foster parenting of text and stray elements, cells and captions),
//! select (parsed as body content, as html5ever 0.40 does), misnested formatting (reconstruction
//! and the adoption agency algorithm), forms, SVG and MathML islands, stray table tags outside
//! tables, a template's content parsed in the mode its first start tag chooses (body content, or
//! table parts; the prune stage drops templates whole), `<noscript>` as raw text (scripting on;
//! dom/noscript.rs parses that text as a fragment with scripting off, this builder's other
//! setting). Left out: parse errors, frameset mode switching, and the exact quirks list (a
//! prefix list).

mod body;
mod table;

use super::tokenizer::{Attr, Doctype, Flow, TextState, Token, TokenSink};
use super::tree::{Ns, Place, Scope, Tree};
use crate::dom::{Document, NodeData, NodeId, Tag};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Initial,
    BeforeHtml,
    BeforeHead,
    InHead,
    InHeadNoscript,
    AfterHead,
    InBody,
    InTable,
    InCaption,
    InColumnGroup,
    InTableBody,
    InRow,
    InCell,
}

/// A start tag as the modes see it.
#[derive(Clone, Copy)]
struct Start<'t, 'a> {
    name: &'t str,
    tag: Tag,
    attrs: &'t [Attr<'a>],
    self_closing: bool,
}

impl Start<'_, '_> {
    fn is(&self, name: &str) -> bool {
        self.name == name
    }
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name == name)
            .map(|a| &*a.value)
    }
}

enum Tok<'t, 'a> {
    Start(Start<'t, 'a>),
    End(&'t str, Tag),
    Text(&'t str),
    Comment,
}

/// The start tags the spec hands to the "in head" rules from after the head and from a
/// template that has not chosen its mode yet: base, basefont, bgsound, link, meta, noframes,
/// script, style, template, title (not noscript: after the head it opens the body).
fn is_head_content(st: &Start<'_, '_>) -> bool {
    match st.tag {
        Tag::Base | Tag::Link | Tag::Meta | Tag::Script | Tag::Style | Tag::Template => true,
        Tag::Title => true,
        Tag::Other => matches!(st.name, "basefont" | "bgsound" | "noframes"),
        _ => false,
    }
}

/// What a mode did with a token.
enum Step {
    Done,
    /// Switch the tokenizer to a text state (after a raw-text element was opened).
    Text(TextState),
    /// The mode changed: hand the same token to the new mode.
    Again,
}

pub(super) struct Builder {
    pub tree: Tree,
    mode: Mode,
    /// The mode to return to after a raw-text element's end tag.
    original: Mode,
    /// Inside a raw-text element: its text goes to it and its end tag closes it.
    text_owner: Option<(NodeId, bool)>,
    head: Option<NodeId>,
    form: Option<NodeId>,
    quirks: bool,
    /// Drop one leading newline from the next text (after `<pre>`, `<listing>`, `<textarea>`).
    skip_lf: bool,
    /// The last text in table context was shown before the table and only ignored doctypes
    /// came since. html5ever drops a stray doctype before its table-text mode sees it, so text
    /// on both sides of one is one run to it, foster-parented whole, white space included.
    table_text_fostered: bool,
    /// The spec's template insertion modes, one per open template: `None` until the template
    /// sees its first start tag (the spec's "in template" mode, run here as body mode), then
    /// the mode that tag chose: a table mode for a caption, column, row section, row or cell,
    /// body mode for anything else.
    template_modes: Vec<(NodeId, Option<Mode>)>,
    /// The spec's scripting flag. On for a page, as in the browser a reader uses: `<noscript>`
    /// is raw text that ends at its own end tag (dom/noscript.rs then parses that text). Off
    /// for that text, parsed as a fragment: what a reader without scripts is shown.
    scripting: bool,
    /// Parsing a fragment (a noscript's text) below a root `<html>` that stands for the
    /// context element: no head, no body, and the root resets the mode to "in body".
    fragment: bool,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn leading_ws(s: &str) -> usize {
    s.bytes().take_while(|&b| is_ws(b)).count()
}

/// Start tags that leave foreign content (SVG/MathML) and return to HTML.
fn breaks_out_of_foreign(st: &Start<'_, '_>) -> bool {
    matches!(
        st.name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    ) || (st.name == "font"
        && (st.attr("color").is_some() || st.attr("face").is_some() || st.attr("size").is_some()))
}

/// Public identifiers that put a page in quirks mode (by prefix, lower case). The spec's list
/// is longer but every entry in it starts with one of these.
const QUIRKS_PREFIXES: &[&str] = &[
    "+//silmaril//",
    "-//advasoft ltd//",
    "-//as//",
    "-//ietf//",
    "-//metrius//",
    "-//microsoft//",
    "-//netscape comm. corp.//",
    "-//o'reilly and associates//",
    "-//softquad",
    "-//spyglass//",
    "-//sq//",
    "-//sun microsystems corp.//",
    "-//w3c//dtd html 3",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html",
];

fn is_quirks(d: &Doctype<'_>) -> bool {
    if d.force_quirks || d.name != "html" {
        return true;
    }
    let public = d.public_id.map(str::to_ascii_lowercase);
    let system = d.system_id.map(str::to_ascii_lowercase);
    let Some(p) = public else {
        return system.as_deref()
            == Some("http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd");
    };
    if p == "-//w3o//dtd w3 html strict 3.0//en//"
        || p == "-/w3c/dtd html 4.0 transitional/en"
        || p == "html"
    {
        return true;
    }
    if QUIRKS_PREFIXES.iter().any(|q| p.starts_with(q)) {
        return true;
    }
    system.is_none()
        && (p.starts_with("-//w3c//dtd html 4.01 frameset//")
            || p.starts_with("-//w3c//dtd html 4.01 transitional//"))
}

impl TokenSink for Builder {
    fn token(&mut self, token: Token<'_, '_>) -> Flow {
        let tok = match token {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => Tok::Start(Start {
                name,
                tag: Tag::from_name(name),
                attrs,
                self_closing,
            }),
            Token::End { name } => Tok::End(name, Tag::from_name(name)),
            Token::Text(t) => Tok::Text(t),
            Token::Comment => Tok::Comment,
            Token::Doctype(d) => {
                if self.mode == Mode::Initial {
                    self.quirks = is_quirks(&d);
                    self.tree.insert_other(Place::Append(Document::ROOT));
                    self.mode = Mode::BeforeHtml;
                }
                return self.flow(Step::Done);
            }
        };
        if !matches!(tok, Tok::Text(_)) {
            self.table_text_fostered = false;
        }
        let step = self.dispatch(&tok);
        self.flow(step)
    }

    fn cdata_allowed(&self) -> bool {
        self.tree.current().is_some_and(|o| o.ns != Ns::Html)
    }
}

impl Builder {
    pub fn new(max_nodes: usize, max_depth: usize, expected_nodes: usize) -> Builder {
        Builder {
            tree: Tree::new(max_nodes, max_depth, expected_nodes),
            mode: Mode::Initial,
            original: Mode::InBody,
            text_owner: None,
            head: None,
            form: None,
            quirks: false,
            skip_lf: false,
            table_text_fostered: false,
            template_modes: Vec::new(),
            scripting: true,
            fragment: false,
        }
    }

    /// A builder for the content of one element (`noscript`) with scripting off: the spec's
    /// fragment parsing with that context, whose mode is "in body".
    pub fn new_fragment(max_nodes: usize, max_depth: usize, expected_nodes: usize) -> Builder {
        let mut b = Builder::new(max_nodes, max_depth, expected_nodes);
        b.scripting = false;
        b.fragment = true;
        b.create_html(&[]);
        b.head = None;
        b.mode = Mode::InBody;
        b.original = Mode::InBody;
        b
    }

    fn flow(&self, step: Step) -> Flow {
        if self.tree.over_limit() {
            return Flow::Stop;
        }
        match step {
            Step::Text(state) => Flow::Switch(state),
            _ => Flow::Continue,
        }
    }

    /// At the end of input: the html, head and body elements exist as they would after any
    /// page, even one with no body content.
    pub fn finish(&mut self) {
        if let Some((_, opened)) = self.text_owner.take() {
            // A raw-text element cut off by the end of the page is closed like its end tag would.
            if opened {
                self.tree.pop();
            }
            self.mode = self.original;
        }
        loop {
            match self.mode {
                Mode::Initial => {
                    self.quirks = true;
                    self.mode = Mode::BeforeHtml;
                }
                Mode::BeforeHtml => self.create_html(&[]),
                Mode::BeforeHead => self.insert_head(&[]),
                Mode::InHead | Mode::InHeadNoscript => {
                    self.tree.pop();
                    self.mode = if self.mode == Mode::InHead {
                        Mode::AfterHead
                    } else {
                        Mode::InHead
                    };
                }
                Mode::AfterHead => {
                    self.tree.insert(Tag::Body, "body", &[], Ns::Html);
                    self.mode = Mode::InBody;
                }
                _ => return,
            }
        }
    }

    fn dispatch(&mut self, tok: &Tok<'_, '_>) -> Step {
        if !matches!(tok, Tok::Text(_)) {
            // The newline after `<pre>` or `<textarea>` is dropped only from the very next token.
            self.skip_lf = false;
        }
        if let Some((owner, opened)) = self.text_owner {
            // NOTE: the tokenizer sends only text and then the end tag while in a text state.
            match tok {
                Tok::Text(t) => {
                    let t = self.strip_lf(t);
                    if !t.is_empty() {
                        self.tree.insert_text_at(Place::Append(owner), t);
                    }
                }
                _ => {
                    if opened {
                        self.tree.pop();
                    }
                    self.text_owner = None;
                    self.mode = self.original;
                }
            }
            return Step::Done;
        }
        if let Tok::Text(t) = tok {
            return self.text(t);
        }
        if let Tok::Start(st) = tok {
            // Past the depth cap a start tag is dropped, as html5ever's gate does (dom/depth.rs):
            // what it holds flows into the deepest open element, and no node is spent on an
            // element that could not nest anyway (a million nested `<div>`s would otherwise
            // each become a node).
            if self.tree.stack.len() >= self.tree.max_depth
                && !crate::dom::depth::ADMITTED_PAST_DEPTH.contains(&st.name)
            {
                return Step::Done;
            }
        }
        for _ in 0..16 {
            let step = if self.foreign_applies(tok) {
                self.foreign(tok)
            } else {
                self.by_mode(tok)
            };
            match step {
                Step::Again => continue,
                s => return s,
            }
        }
        // NOTE: every reprocessing changes the mode towards the body; 16 rounds are never used up.
        Step::Done
    }

    fn strip_lf<'t>(&mut self, t: &'t str) -> &'t str {
        if std::mem::take(&mut self.skip_lf) {
            t.strip_prefix('\n').unwrap_or(t)
        } else {
            t
        }
    }

    /// Whether the token is handled by the foreign-content rules (inside SVG or MathML).
    fn foreign_applies(&self, tok: &Tok<'_, '_>) -> bool {
        let Some(cur) = self.tree.current() else {
            return false;
        };
        match cur.ns {
            Ns::Html => false,
            Ns::MathMl => {
                let name = self.tree.name(cur.id);
                let text_point = matches!(name, "mi" | "mo" | "mn" | "ms" | "mtext");
                match tok {
                    Tok::Start(st) if text_point && !matches!(st.name, "mglyph" | "malignmark") => {
                        false
                    }
                    Tok::Text(_) if text_point => false,
                    Tok::Start(st) if name == "annotation-xml" && st.is("svg") => false,
                    Tok::Start(_) | Tok::Text(_) if name == "annotation-xml" => {
                        let enc = self
                            .tree
                            .doc
                            .attr(cur.id, "encoding")
                            .map(str::to_ascii_lowercase);
                        !matches!(enc.as_deref(), Some("text/html" | "application/xhtml+xml"))
                    }
                    _ => true,
                }
            }
            Ns::Svg => {
                let point = matches!(self.tree.name(cur.id), "foreignObject" | "desc" | "title");
                !(point && matches!(tok, Tok::Start(_) | Tok::Text(_)))
            }
        }
    }

    fn foreign(&mut self, tok: &Tok<'_, '_>) -> Step {
        match tok {
            Tok::Text(t) => {
                self.tree.insert_text(t);
                Step::Done
            }
            Tok::Comment => {
                self.tree.insert_other(self.tree.appropriate_place(None));
                Step::Done
            }
            Tok::Start(st) if breaks_out_of_foreign(st) => {
                while let Some(cur) = self.tree.current() {
                    if cur.ns == Ns::Html || self.is_integration_point(cur.id, cur.ns) {
                        break;
                    }
                    self.tree.pop();
                }
                self.by_mode(tok)
            }
            Tok::Start(st) => {
                let ns = self.tree.current().map_or(Ns::Html, |o| o.ns);
                let (_, opened) = self.tree.insert(st.tag, st.name, st.attrs, ns);
                if st.self_closing && opened {
                    self.tree.pop();
                }
                Step::Done
            }
            Tok::End(name, _) if matches!(*name, "br" | "p") => {
                // `</br>` and `</p>` leave foreign content like the breakout start tags.
                while let Some(cur) = self.tree.current() {
                    if cur.ns == Ns::Html || self.is_integration_point(cur.id, cur.ns) {
                        break;
                    }
                    self.tree.pop();
                }
                self.by_mode(tok)
            }
            Tok::End(name, _) => {
                let mut i = self.tree.stack.len();
                while i > 1 {
                    i -= 1;
                    let o = self.tree.stack[i];
                    if o.ns == Ns::Html {
                        return self.by_mode(tok);
                    }
                    if self.tree.name(o.id).eq_ignore_ascii_case(name) {
                        self.tree.stack.truncate(i);
                        return Step::Done;
                    }
                }
                Step::Done
            }
        }
    }

    fn is_integration_point(&self, id: NodeId, ns: Ns) -> bool {
        let name = self.tree.name(id);
        match ns {
            Ns::Svg => matches!(name, "foreignObject" | "desc" | "title"),
            Ns::MathMl => {
                matches!(name, "mi" | "mo" | "mn" | "ms" | "mtext")
                    || (name == "annotation-xml"
                        && matches!(
                            self.tree
                                .doc
                                .attr(id, "encoding")
                                .map(str::to_ascii_lowercase)
                                .as_deref(),
                            Some("text/html" | "application/xhtml+xml")
                        ))
            }
            Ns::Html => false,
        }
    }

    fn by_mode(&mut self, tok: &Tok<'_, '_>) -> Step {
        match self.mode {
            Mode::Initial => {
                self.quirks = true;
                self.mode = Mode::BeforeHtml;
                Step::Again
            }
            Mode::BeforeHtml => self.before_html(tok),
            Mode::BeforeHead => self.before_head(tok),
            Mode::InHead => self.in_head(tok),
            Mode::InHeadNoscript => self.in_head_noscript(tok),
            Mode::AfterHead => self.after_head(tok),
            Mode::InBody if self.in_template_mode() => self.in_template(tok),
            Mode::InBody => self.in_body(tok),
            Mode::InTable => self.in_table(tok),
            Mode::InCaption => self.in_caption(tok),
            Mode::InColumnGroup => self.in_column_group(tok),
            Mode::InTableBody => self.in_table_body(tok),
            Mode::InRow => self.in_row(tok),
            Mode::InCell => self.in_cell(tok),
        }
    }

    /// Character tokens: whitespace is handled apart in the modes before the body.
    fn text(&mut self, t: &str) -> Step {
        let mut t = self.strip_lf(t);
        for _ in 0..16 {
            if t.is_empty() {
                return Step::Done;
            }
            if self.foreign_applies(&Tok::Text(t)) {
                self.tree.insert_text(t);
                return Step::Done;
            }
            let ws = leading_ws(t);
            match self.mode {
                Mode::Initial | Mode::BeforeHtml | Mode::BeforeHead => {
                    t = &t[ws..];
                    if t.is_empty() {
                        return Step::Done;
                    }
                    let _ = self.by_mode(&Tok::Text(t));
                }
                Mode::InHead | Mode::InHeadNoscript | Mode::AfterHead | Mode::InColumnGroup => {
                    if ws > 0 {
                        self.tree.insert_text(&t[..ws]);
                        t = &t[ws..];
                        continue;
                    }
                    let _ = self.by_mode(&Tok::Text(t));
                }
                Mode::InBody | Mode::InCaption | Mode::InCell => {
                    self.tree.reconstruct_formatting();
                    self.tree.insert_text(t);
                    return Step::Done;
                }
                Mode::InTable | Mode::InTableBody | Mode::InRow => {
                    let tableish = self.tree.current().is_some_and(|o| {
                        o.ns == Ns::Html
                            && matches!(
                                o.tag,
                                Tag::Table
                                    | Tag::Tbody
                                    | Tag::Template
                                    | Tag::Tfoot
                                    | Tag::Thead
                                    | Tag::Tr
                            )
                    });
                    if tableish && ws == t.len() && !self.table_text_fostered {
                        self.tree.insert_text(t);
                    } else {
                        // Text inside a table but outside its cells is shown before the table.
                        self.tree.foster = true;
                        self.tree.reconstruct_formatting();
                        self.tree.insert_text(t);
                        self.tree.foster = false;
                        self.table_text_fostered = true;
                    }
                    return Step::Done;
                }
            }
        }
        Step::Done
    }

    fn create_html(&mut self, attrs: &[Attr<'_>]) {
        let (id, tag) = self.tree.create(Tag::Html, "html", attrs, Ns::Html);
        self.tree.link(Place::Append(Document::ROOT), id);
        self.tree.stack.push(self.tree.open(id, tag, Ns::Html));
        self.mode = Mode::BeforeHead;
    }

    fn insert_head(&mut self, attrs: &[Attr<'_>]) {
        let (id, _) = self.tree.insert(Tag::Head, "head", attrs, Ns::Html);
        self.head = Some(id);
        self.mode = Mode::InHead;
    }

    fn before_html(&mut self, tok: &Tok<'_, '_>) -> Step {
        match tok {
            Tok::Comment => {
                self.tree.insert_other(Place::Append(Document::ROOT));
                Step::Done
            }
            Tok::Start(st) if st.tag == Tag::Html => {
                self.create_html(st.attrs);
                Step::Done
            }
            Tok::End(_, t) if !matches!(t, Tag::Head | Tag::Body | Tag::Html | Tag::Br) => {
                Step::Done
            }
            _ => {
                self.create_html(&[]);
                Step::Again
            }
        }
    }

    fn before_head(&mut self, tok: &Tok<'_, '_>) -> Step {
        match tok {
            Tok::Comment => {
                self.comment();
                Step::Done
            }
            Tok::Start(st) if st.tag == Tag::Html => self.in_body(tok),
            Tok::Start(st) if st.tag == Tag::Head => {
                self.insert_head(st.attrs);
                Step::Done
            }
            Tok::End(_, t) if !matches!(t, Tag::Head | Tag::Body | Tag::Html | Tag::Br) => {
                Step::Done
            }
            _ => {
                self.insert_head(&[]);
                Step::Again
            }
        }
    }

    fn comment(&mut self) {
        let place = self.tree.appropriate_place(None);
        self.tree.insert_other(place);
    }

    /// Opens an element whose content the tokenizer reads in a text state.
    fn text_element(&mut self, st: &Start<'_, '_>, state: TextState) -> Step {
        let (id, opened) = self.tree.insert(st.tag, st.name, st.attrs, Ns::Html);
        self.text_owner = Some((id, opened));
        self.original = self.mode;
        Step::Text(state)
    }

    fn in_head(&mut self, tok: &Tok<'_, '_>) -> Step {
        match tok {
            Tok::Comment => {
                self.comment();
                Step::Done
            }
            Tok::Start(st) => match st.tag {
                Tag::Html => self.in_body(tok),
                Tag::Base | Tag::Link | Tag::Meta => {
                    self.tree.insert_void(st.tag, st.name, st.attrs, Ns::Html);
                    Step::Done
                }
                Tag::Other if matches!(st.name, "basefont" | "bgsound") => {
                    self.tree.insert_void(st.tag, st.name, st.attrs, Ns::Html);
                    Step::Done
                }
                Tag::Title => self.text_element(st, TextState::RcData),
                Tag::Style => self.text_element(st, TextState::RawText),
                Tag::Other if st.is("noframes") => self.text_element(st, TextState::RawText),
                Tag::Noscript if self.scripting => self.text_element(st, TextState::RawText),
                Tag::Noscript => {
                    // Scripting off (a noscript's own text, parsed as a fragment): its content
                    // is markup.
                    self.tree.insert(st.tag, st.name, st.attrs, Ns::Html);
                    self.mode = Mode::InHeadNoscript;
                    Step::Done
                }
                Tag::Script => self.text_element(st, TextState::ScriptData),
                Tag::Template => {
                    let (id, opened) = self.tree.insert(st.tag, st.name, st.attrs, Ns::Html);
                    if opened {
                        self.template_modes.push((id, None));
                    }
                    self.tree.afe.push(None);
                    self.mode = Mode::InBody;
                    Step::Done
                }
                Tag::Head => Step::Done,
                _ => self.leave_head(),
            },
            Tok::End(name, tag) => match tag {
                Tag::Head => {
                    self.tree.pop();
                    self.mode = Mode::AfterHead;
                    Step::Done
                }
                Tag::Template => self.end_template(),
                Tag::Body | Tag::Html | Tag::Br => self.leave_head(),
                _ => {
                    let _ = name;
                    Step::Done
                }
            },
            Tok::Text(_) => self.leave_head(),
        }
    }

    fn leave_head(&mut self) -> Step {
        self.tree.pop();
        self.mode = Mode::AfterHead;
        Step::Again
    }

    fn end_template(&mut self) -> Step {
        if !self
            .tree
            .stack
            .iter()
            .any(|o| o.ns == Ns::Html && o.tag == Tag::Template)
        {
            return Step::Done;
        }
        self.tree.generate_implied_end(None);
        self.tree.pop_until_tag(Tag::Template, "template");
        self.tree.clear_afe_to_marker();
        let stack = &self.tree.stack;
        self.template_modes
            .retain(|(id, _)| stack.iter().any(|o| o.id == *id));
        self.reset_mode();
        Step::Done
    }

    /// Where in `template_modes` the current node is, if it is an open template.
    fn current_template(&self) -> Option<usize> {
        if self.template_modes.is_empty() {
            return None;
        }
        let cur = self
            .tree
            .current()
            .filter(|o| o.ns == Ns::Html && o.tag == Tag::Template)?
            .id;
        self.template_modes.iter().rposition(|(id, _)| *id == cur)
    }

    /// The spec's "in template" mode: a template that has seen no start tag yet. Only head
    /// content (closed at once or read as text) can be inside it, so it is the current node.
    fn in_template_mode(&self) -> bool {
        self.current_template()
            .is_some_and(|i| self.template_modes[i].1.is_none())
    }

    /// A template's first start tag decides how its content is parsed: a table part is parsed
    /// in the table mode it belongs to (so a `<tbody>` is an element and text after it is
    /// foster-parented into the template), anything else as body content.
    fn in_template(&mut self, tok: &Tok<'_, '_>) -> Step {
        let st = match tok {
            Tok::Start(st) => st,
            // End tags other than the template's own are ignored in this mode.
            Tok::End(_, tag) if *tag != Tag::Template => return Step::Done,
            _ => return self.in_body(tok),
        };
        if is_head_content(st) {
            return self.in_head(tok);
        }
        let mode = match st.tag {
            Tag::Caption | Tag::Colgroup | Tag::Tbody | Tag::Tfoot | Tag::Thead => Mode::InTable,
            Tag::Col => Mode::InColumnGroup,
            Tag::Tr => Mode::InTableBody,
            Tag::Td | Tag::Th => Mode::InRow,
            _ => Mode::InBody,
        };
        if let Some(i) = self.current_template() {
            self.template_modes[i].1 = Some(mode);
        }
        self.mode = mode;
        if mode == Mode::InBody {
            return self.in_body(tok);
        }
        Step::Again
    }

    fn in_head_noscript(&mut self, tok: &Tok<'_, '_>) -> Step {
        match tok {
            Tok::Start(st) if st.tag == Tag::Html => self.in_body(tok),
            Tok::End(_, Tag::Noscript) => {
                self.tree.pop();
                self.mode = Mode::InHead;
                Step::Done
            }
            Tok::Comment => self.in_head(tok),
            Tok::Start(st)
                if matches!(st.tag, Tag::Link | Tag::Meta | Tag::Style)
                    || matches!(st.name, "basefont" | "bgsound" | "noframes") =>
            {
                self.in_head(tok)
            }
            Tok::Start(st) if matches!(st.tag, Tag::Head | Tag::Noscript) => Step::Done,
            Tok::End(_, t) if *t != Tag::Br => Step::Done,
            _ => {
                self.tree.pop();
                self.mode = Mode::InHead;
                Step::Again
            }
        }
    }

    fn after_head(&mut self, tok: &Tok<'_, '_>) -> Step {
        match tok {
            Tok::Comment => {
                self.comment();
                Step::Done
            }
            Tok::Start(st) => match st.tag {
                Tag::Html => self.in_body(tok),
                Tag::Body => {
                    self.tree.insert(st.tag, st.name, st.attrs, Ns::Html);
                    self.mode = Mode::InBody;
                    Step::Done
                }
                _ if is_head_content(st) => self.in_head_again(tok),
                Tag::Head => Step::Done,
                _ => self.start_body(),
            },
            Tok::End(_, Tag::Template) => self.in_head(tok),
            Tok::End(_, Tag::Body | Tag::Html | Tag::Br) => self.start_body(),
            Tok::End(..) => Step::Done,
            Tok::Text(_) => self.start_body(),
        }
    }

    /// Head content after `</head>` goes back into the head.
    fn in_head_again(&mut self, tok: &Tok<'_, '_>) -> Step {
        let Some(head) = self.head else {
            return self.in_head(tok);
        };
        self.tree
            .stack
            .push(self.tree.open(head, Tag::Head, Ns::Html));
        let step = self.in_head(tok);
        if let Some(i) = self.tree.stack.iter().rposition(|o| o.id == head) {
            self.tree.stack.remove(i);
        }
        if self.mode == Mode::InHead {
            // Only a template changes the mode here; the head is not reopened.
            self.mode = Mode::AfterHead;
        }
        step
    }

    fn start_body(&mut self) -> Step {
        self.tree.insert(Tag::Body, "body", &[], Ns::Html);
        self.mode = Mode::InBody;
        Step::Again
    }

    /// Adds attributes a repeated `<html>`/`<body>` tag brings, keeping existing values.
    fn merge_attrs(&mut self, id: NodeId, attrs: &[Attr<'_>]) {
        if let NodeData::Element(e) = &mut self.tree.doc.node_mut(id).data {
            for a in attrs {
                if e.attr(&a.name).is_none() {
                    e.attrs.push(crate::dom::Attribute::new(&a.name, &a.value));
                }
            }
        }
    }
}

/// Text never reaches these handlers: [`Builder::text`] takes every character token.
fn unreachable_text() -> Step {
    Step::Done
}
