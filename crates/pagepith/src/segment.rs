//! Cuts the pruned tree into text blocks — a run of inline content between two block-level
//! boundaries, as a browser would lay it out — each with the features the later stages use:
//! its text, how much of it is link text, what kind of block it is and where it sits (in a
//! list, a table, a quotation, a caption).
//!
//! It also totals text and link text per node, so that any subtree's density is one lookup.

use crate::article::Link;
use crate::dom::{Document, Edge, NodeId, Tag};
use crate::textutil::word_chars;

/// What kind of text a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    /// Preformatted text (`<pre>`): white space kept.
    Code,
    /// A figure or table caption.
    Caption,
}

/// Where a list item sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListPlace {
    pub list: NodeId,
    pub item: NodeId,
    pub ordered: bool,
}

/// Where a table cell sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellPlace {
    pub table: NodeId,
    pub row: NodeId,
    pub cell: NodeId,
    pub header: bool,
}

/// A block of text and its features.
#[derive(Clone, Debug)]
pub struct TextBlock {
    /// The nearest block-level element holding the text.
    pub node: NodeId,
    pub text: String,
    /// Letters and digits in `text`.
    pub chars: usize,
    /// Letters and digits inside links.
    pub link_chars: usize,
    pub kind: BlockKind,
    pub list: Option<ListPlace>,
    pub cell: Option<CellPlace>,
    /// The outermost `<blockquote>` holding the block.
    pub quote: Option<NodeId>,
    /// The `<figure>` holding the block.
    pub figure: Option<NodeId>,
    /// Link spans in `text` with their raw `href`; gathered only by [`segment_keeping_links`].
    pub links: Vec<Link>,
}

impl TextBlock {
    /// Share of the block's text that is link text.
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// The blocks of a page and per-node totals.
#[derive(Clone, Debug, Default)]
pub struct Segmentation {
    pub blocks: Vec<TextBlock>,
    /// Letters and digits below each node (indexed by `NodeId::index`).
    pub node_chars: Vec<u32>,
    /// Letters and digits inside links below each node.
    pub node_link_chars: Vec<u32>,
}

impl Segmentation {
    pub fn link_density(&self, id: NodeId) -> f64 {
        let total = self.node_chars[id.index()];
        if total == 0 {
            0.0
        } else {
            self.node_link_chars[id.index()] as f64 / total as f64
        }
    }
}

/// Context open while walking: what the current text sits inside.
#[derive(Default)]
struct Context {
    links: u32,
    pre: u32,
    lists: Vec<(NodeId, bool)>,
    items: Vec<NodeId>,
    tables: Vec<NodeId>,
    rows: Vec<NodeId>,
    cells: Vec<(NodeId, bool)>,
    quotes: Vec<NodeId>,
    figures: Vec<NodeId>,
    captions: u32,
    /// One entry per open `<figcaption>`/`<caption>`: whether it counts in `captions` (a
    /// quote's attribution does not; see [`is_attribution`]).
    caption_kinds: Vec<bool>,
    headings: Vec<u8>,
    /// Open block-level elements, innermost last.
    blocks: Vec<NodeId>,
}

/// Splits the tree below the root into blocks.
pub fn segment(doc: &Document) -> Segmentation {
    segment_with(doc, false)
}

/// As [`segment`], also recording where each link sits in its block's text (for output that
/// keeps links; extraction alone needs only link densities, and skips the cost).
pub fn segment_keeping_links(doc: &Document) -> Segmentation {
    segment_with(doc, true)
}

fn segment_with(doc: &Document, keep_links: bool) -> Segmentation {
    let root = doc.body().unwrap_or(Document::ROOT);
    let mut seg = Segmentation {
        blocks: Vec::new(),
        node_chars: vec![0; doc.len()],
        node_link_chars: vec![0; doc.len()],
    };
    walk(doc, root, &mut seg, keep_links);
    total_per_node(doc, &mut seg);
    seg
}

/// The blocks below `root` alone, without per-node totals: for a subtree read on its own
/// (a removed comment section).
pub fn blocks_under(doc: &Document, root: NodeId) -> Vec<TextBlock> {
    let mut seg = Segmentation::default();
    walk(doc, root, &mut seg, false);
    seg.blocks
}

fn walk(doc: &Document, root: NodeId, seg: &mut Segmentation, keep_links: bool) {
    let mut ctx = Context::default();
    let mut pending = Pending::default();
    // An inline root (a removed `<span class="comments">`) still holds its loose text; a block
    // root is opened by the walk itself.
    if doc.tag(root).is_some_and(|t| !t.is_block()) {
        ctx.blocks.push(root);
    }
    for edge in doc.traverse(root) {
        match edge {
            Edge::Open(id) => {
                if let Some(text) = doc.text(id) {
                    pending.push(text, ctx.links > 0, ctx.pre > 0);
                    continue;
                }
                let Some(tag) = doc.tag(id) else { continue };
                if tag == Tag::Br {
                    pending.line_break();
                    continue;
                }
                if tag.is_block() {
                    flush(&mut pending, &ctx, seg);
                    ctx.blocks.push(id);
                } else if ctx.pre == 0 {
                    match styled_apart(doc, id, tag) {
                        StyledGap::Always => pending.space = true,
                        StyledGap::AtWordStart(join) => pending.gap = Some(join),
                        StyledGap::None => {}
                    }
                }
                // Only the outermost link counts: nested anchors are invalid and parsers split
                // them anyway.
                if keep_links && tag == Tag::A && ctx.links == 0 {
                    if let Some(href) = doc.attr(id, "href") {
                        pending.open_link(href);
                    }
                }
                open(&mut ctx, id, doc, tag);
            }
            Edge::Close(id) => {
                let Some(tag) = doc.tag(id) else { continue };
                if tag.is_block() {
                    flush(&mut pending, &ctx, seg);
                    ctx.blocks.pop();
                }
                close(&mut ctx, tag);
                if tag == Tag::A && ctx.links == 0 {
                    pending.close_link();
                }
                if ctx.pre == 0 && text_follows(doc, id, tag) {
                    pending.gap = Some(Join::Text);
                }
            }
        }
    }
    flush(&mut pending, &ctx, seg);
}

/// Two inline elements side by side with no text between them: a card's name beside its date,
/// a tag list, a price beside a badge. A browser often shows them apart (margins, flex gaps)
/// though no space separates them in the markup, so their words must not run together. Two
/// links are always two things; other pairs are parted where the second does not continue a
/// word (see [`Pending::part_styled`]). An inline element right after text is parted the same
/// way, unless the join cuts one token (see [`Pending::one_token`]). A `<sup>` is a mark set
/// after its word (see [`Join::Mark`]); `<sub>` attaches to its word and never parts it.
fn styled_apart(doc: &Document, id: NodeId, tag: Tag) -> StyledGap {
    if tag == Tag::Sup {
        return StyledGap::AtWordStart(Join::Mark);
    }
    if tag == Tag::Sub {
        return StyledGap::None;
    }
    // Comments (`<!--[-->` of script frameworks) may stand between the two.
    let mut prev = doc.node(id).prev_sibling;
    while let Some(p) = prev {
        if doc.text(p).is_some() {
            return StyledGap::AtWordStart(Join::Text);
        }
        if let Some(prev_tag) = doc.tag(p) {
            return if prev_tag.is_block() || matches!(prev_tag, Tag::Br | Tag::Sup | Tag::Sub) {
                StyledGap::None
            } else if tag == Tag::A && prev_tag == Tag::A {
                StyledGap::Always
            } else {
                StyledGap::AtWordStart(Join::Elements)
            };
        }
        prev = doc.node(p).prev_sibling;
    }
    StyledGap::None
}

/// Whether text follows the inline element `id` that just closed, with nothing but comments
/// between (`<b>Label</b>Text`): the text's first character then decides whether the two part.
/// A `<sup>`/`<sub>` mark's close never parts what follows (not measured: kept as before).
fn text_follows(doc: &Document, id: NodeId, tag: Tag) -> bool {
    if tag.is_block() || matches!(tag, Tag::Br | Tag::Sup | Tag::Sub) {
        return false;
    }
    let mut next = doc.node(id).next_sibling;
    while let Some(n) = next {
        if doc.text(n).is_some() {
            return true;
        }
        if doc.tag(n).is_some() {
            return false;
        }
        next = doc.node(n).next_sibling;
    }
    false
}

fn open(ctx: &mut Context, id: NodeId, doc: &Document, tag: Tag) {
    match tag {
        Tag::A => ctx.links += 1,
        Tag::Pre => ctx.pre += 1,
        Tag::Ul | Tag::Menu => ctx.lists.push((id, false)),
        Tag::Ol => ctx.lists.push((id, true)),
        Tag::Li => ctx.items.push(id),
        Tag::Table => ctx.tables.push(id),
        Tag::Tr => ctx.rows.push(id),
        Tag::Td => ctx.cells.push((id, false)),
        Tag::Th => ctx.cells.push((id, true)),
        Tag::Blockquote => ctx.quotes.push(id),
        Tag::Figure => ctx.figures.push(id),
        Tag::Figcaption | Tag::Caption => {
            let caption = !is_attribution(doc, id);
            ctx.caption_kinds.push(caption);
            ctx.captions += u32::from(caption);
        }
        _ => {
            if let Some(level) = tag.heading_level() {
                ctx.headings.push(level);
            }
        }
    }
}

/// Whether `id` is a `<figcaption>` that names who said the `<blockquote>` of its `<figure>`:
/// the HTML standard's markup for a quotation with its source (`<figure><blockquote>…
/// </blockquote><figcaption>Name, role</figcaption></figure>`). It is the quote's
/// attribution, read with the quote (a testimonial's author, a pull quote's speaker), not a
/// picture's caption. Measured on both dev sets: wcxb-dev F1 0.87795 -> 0.87800 (service
/// 0.84923 -> 0.84954, no type down), `with` found 5,593 -> 5,594 by words, `without` leaked
/// 193 unchanged; scrapinghub 0.98093 unchanged (no page there has the markup; 8 wcxb-dev
/// pages do).
fn is_attribution(doc: &Document, id: NodeId) -> bool {
    if doc.tag(id) != Some(Tag::Figcaption) {
        return false;
    }
    doc.parent(id)
        .filter(|&f| doc.tag(f) == Some(Tag::Figure))
        .is_some_and(|f| doc.children(f).any(|c| doc.tag(c) == Some(Tag::Blockquote)))
}

fn close(ctx: &mut Context, tag: Tag) {
    match tag {
        Tag::A => ctx.links = ctx.links.saturating_sub(1),
        Tag::Pre => ctx.pre = ctx.pre.saturating_sub(1),
        Tag::Ul | Tag::Menu | Tag::Ol => drop(ctx.lists.pop()),
        Tag::Li => drop(ctx.items.pop()),
        Tag::Table => drop(ctx.tables.pop()),
        Tag::Tr => drop(ctx.rows.pop()),
        Tag::Td | Tag::Th => drop(ctx.cells.pop()),
        Tag::Blockquote => drop(ctx.quotes.pop()),
        Tag::Figure => drop(ctx.figures.pop()),
        Tag::Figcaption | Tag::Caption => {
            if ctx.caption_kinds.pop().unwrap_or(true) {
                ctx.captions = ctx.captions.saturating_sub(1);
            }
        }
        _ => {
            if tag.heading_level().is_some() {
                ctx.headings.pop();
            }
        }
    }
}

/// How an inline element is parted from what stands right before it.
enum StyledGap {
    None,
    Always,
    /// Only when its text does not continue a word (see [`Pending::part_styled`]).
    AtWordStart(Join),
}

/// What meets at a junction parted by the word-start test, which decides how strict it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    /// Two inline elements side by side: parted by the word-start test alone.
    Elements,
    /// Text and an inline element directly beside it, either way round (`<b>Label</b>Text`,
    /// `Text<span>Word</span>`): parted by the word-start test unless the join cuts one token
    /// (see [`Pending::one_token`]).
    Text,
    /// A `<sup>` after a word: a note's number or a trademark sign after a word of three letters
    /// or more is a token of its own; after a digit or a shorter word (`m²`, `10⁶`, `1ˢᵗ`) it
    /// is an exponent or an ending and stays joined.
    Mark,
}

/// Text gathered since the last block boundary.
#[derive(Default)]
struct Pending {
    text: String,
    link_chars: usize,
    pre: bool,
    /// Whether the text ends in collapsible white space not yet written.
    space: bool,
    /// Whether an inline element has opened right after another or after text, or text follows
    /// an inline element: the next character decides whether the two are parted (see
    /// [`Pending::part_styled`]).
    gap: Option<Join>,
    /// Links closed in this text.
    links: Vec<Link>,
    /// The link being read: its `href` and where its text starts, set at its first visible
    /// character (white space before it belongs outside the anchor).
    open_link: Option<(String, Option<usize>)>,
}

/// A byte that is a char of its own, neither white space nor a control character: `!` to `~`.
#[inline]
fn is_printable_ascii(b: u8) -> bool {
    (b'!'..=b'~').contains(&b)
}

impl Pending {
    fn push(&mut self, text: &str, in_link: bool, in_pre: bool) {
        if in_link {
            self.link_chars += word_chars(text);
        }
        if let Some(join) = self.gap {
            self.part_styled(join, text);
        }
        let before = self.text.len();
        // NOTE: text output promises no control characters but line breaks (a NUL or an escape
        // sequence in a page must not reach a terminal or a downstream parser), so they are
        // dropped here, where all body text enters.
        if in_pre {
            self.pre = true;
            for c in text.chars() {
                match c {
                    '\n' => self.text.push('\n'),
                    // Tabs indent code: four spaces keep the indentation readable.
                    '\t' => self.text.push_str("    "),
                    c if c.is_control() => {}
                    c => self.text.push(c),
                }
            }
            self.space = false;
            self.mark_link_start(before);
            return;
        }
        // NOTE: runs of printable ASCII other than the space (most of any page's text) are
        // copied whole; only the bytes around them are looked at one char at a time. Pushing
        // every char alone (decoding it, testing it twice, re-encoding it) cost ~25 M
        // instructions a scrapinghub pass (callgrind). The output is the same char for char.
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if is_printable_ascii(b[i]) {
                let start = i;
                while i < b.len() && is_printable_ascii(b[i]) {
                    i += 1;
                }
                self.break_word();
                self.text.push_str(&text[start..i]);
                continue;
            }
            // NOTE: `i` only ever advances by whole chars, so it is a char boundary here.
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            if c.is_whitespace() {
                self.space = true;
            } else if !c.is_control() {
                self.break_word();
                self.text.push(c);
            }
        }
        self.mark_link_start(before);
    }

    /// Writes the space that collapsed white space left before the next word, unless the word
    /// opens the text or a line.
    #[inline]
    fn break_word(&mut self) {
        if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        self.space = false;
    }

    /// Parts two elements side by side when the join does not look like one word cut in two:
    /// the next one opens with a capital (a name beside a date, "NEW" beside "NEW") or a digit
    /// (a label beside a count, a year beside a running time), not with a small letter (a word
    /// split into per-letter spans for an animation, "1" and "st"). Scripts without case
    /// never part.
    // NOTE: measured on both dev sets (wcxb-dev / scrapinghub; unparted 0.86155 / 0.97761):
    // links only 0.86198 / 0.97764; pairs that both carry a class, parted always 0.86291 (3
    // fewer exact pages: the small-letter joins, "Le"+"arn", "child"+"ren"), before a capital
    // or a digit after a letter 0.86260, before a capital or any digit 0.86292 / 0.97766;
    // either element classed 0.86301 / 0.97772; any pair, as here, 0.86308 / 0.97772 (one
    // more exact page). Every adjacent pair parted always: 0.86295, 27 fewer `with` snippets.
    //
    // Text beside an element (`Join::Text`, `Join::Mark`), measured on both dev sets (wcxb-dev
    // / scrapinghub; main 7f362c8 0.88975 / 0.98166): element then text 0.88983 / 0.98166,
    // text then element 0.88985 / 0.98188, both 0.88993 / 0.98188 with 9 of 29 changed pages
    // down (tokens cut in two: see `one_token`); with its guards 0.88992, and `<sup>` marks
    // after a word of three letters or more 0.88999 / 0.98188. The same guards on two elements
    // side by side (`Join::Elements`): 0.88955 (listing −0.0046: a year beside a running time,
    // a count beside a count), so they stay unguarded there.
    fn part_styled(&mut self, join: Join, text: &str) {
        let Some(next) = text.chars().find(|c| !c.is_whitespace()) else {
            return;
        };
        self.gap = None;
        let Some(prev) = self.text.chars().next_back() else {
            return;
        };
        if !(prev.is_alphanumeric() && (next.is_uppercase() || next.is_numeric())) {
            return;
        }
        let whole = match join {
            Join::Elements => false,
            Join::Text => self.one_token(prev, next, text),
            Join::Mark => self.short_word_before() || self.one_token(prev, next, text),
        };
        if !whole {
            self.space = true;
        }
    }

    /// Whether a tag boundary between text and an element falls inside one token, which a
    /// browser shows whole: we do not know the style sheet, so we assume an inline element
    /// beside text renders flush against it, and that the page shows two words there only when
    /// the letters say so (a small letter before a capital or a digit, a word of capitals
    /// before a capitalised word). Kept whole: digits on both sides (a long number split into
    /// groups of spans), a digit before a piece of one to three letters only (an ordinal's
    /// ending `3<span>RD</span>`, a unit), and a capital on both sides where either run is a
    /// single capital and the piece after is not a capitalised word (an acronym's last letter
    /// styled apart, a drop cap: `UF<b>O</b>`, `<span>S</span>PRING`). Two runs of two capitals
    /// or more part (an acronym beside an acronym: `CPU<span>RAM</span>`).
    // NOTE: the three guards, measured on wcxb-dev against parting without them (0.88993): they
    // take back the 4 pages the parting cut a token on (an ordinal, a 16-digit number, an
    // acronym, sizes before a country code) at no cost; guarding every pair of capitals
    // (not only single ones) cost 0.00002 (two acronyms side by side glued again). The limit
    // of three letters is an ordinal ending's length (`st`, `ème`), not tuned.
    fn one_token(&self, prev: char, next: char, text: &str) -> bool {
        let piece = text.trim_start();
        if prev.is_numeric() {
            return next.is_numeric()
                || (next.is_alphabetic()
                    && piece.trim_end().chars().nth(3).is_none()
                    && piece.trim_end().chars().all(char::is_alphabetic));
        }
        if prev.is_uppercase() && next.is_uppercase() {
            if piece.chars().nth(1).is_some_and(char::is_lowercase) {
                return false;
            }
            let before = self
                .text
                .chars()
                .rev()
                .take(2)
                .take_while(|c| c.is_uppercase());
            let after = piece.chars().take(2).take_while(|c| c.is_uppercase());
            return before.count() < 2 || after.count() < 2;
        }
        false
    }

    /// Whether the word before a `<sup>` has fewer than three letters (none after a digit): a
    /// unit before its exponent (`m`, `km`), a number before its power. Three is the shortest
    /// word a note mark follows that is not a unit symbol (chosen by that reading, not tuned).
    fn short_word_before(&self) -> bool {
        self.text
            .chars()
            .rev()
            .take(3)
            .take_while(|c| c.is_alphabetic())
            .count()
            < 3
    }

    fn open_link(&mut self, href: &str) {
        self.open_link = Some((href.to_owned(), None));
    }

    /// Sets the open link's start at the first character written since `before`, if it has
    /// none yet: the separating space pushed before a word is not part of the anchor.
    fn mark_link_start(&mut self, before: usize) {
        if let Some((_, start @ None)) = &mut self.open_link {
            if self.text.len() > before {
                let skipped = self.text[before..].len() - self.text[before..].trim_start().len();
                if before + skipped < self.text.len() {
                    *start = Some(before + skipped);
                }
            }
        }
    }

    fn close_link(&mut self) {
        if let Some((href, Some(start))) = self.open_link.take() {
            let end = self.text.trim_end().len();
            if end > start {
                self.links.push(Link { start, end, href });
            }
        }
    }

    fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.space = false;
        self.gap = None;
    }
}

fn flush(pending: &mut Pending, ctx: &Context, seg: &mut Segmentation) {
    // A link that spans a block boundary (a card whose `<a>` wraps a heading and a summary)
    // ends with this block and goes on in the next.
    let carried = pending.open_link.as_ref().map(|(href, _)| href.clone());
    pending.close_link();
    let mut p = std::mem::take(pending);
    if let Some(href) = carried {
        pending.open_link(&href);
    }
    let raw = p.text.as_str();
    let trimmed = if p.pre {
        raw.trim_matches('\n').trim_end()
    } else {
        raw.trim()
    };
    // Offsets into the trimmed text: shifted by what the trim removed in front (`trimmed` is a
    // slice of `raw`), and cut to what it left.
    let lead = trimmed.as_ptr() as usize - raw.as_ptr() as usize;
    let links: Vec<Link> = std::mem::take(&mut p.links)
        .into_iter()
        .filter_map(|l| {
            let start = l.start.checked_sub(lead)?;
            let end = (l.end - lead).min(trimmed.len());
            (end > start).then_some(Link { start, end, ..l })
        })
        .collect();
    let text = trimmed.to_owned();
    // The block's text is copied out at its own size and the buffer goes back to `pending`
    // for the next block: each block growing a string from empty cost ~34,000 reallocations
    // and 6.6 M instructions a scrapinghub pass (callgrind).
    let mut buffer = std::mem::take(&mut p.text);
    buffer.clear();
    pending.text = buffer;
    let chars = word_chars(&text);
    if chars == 0 {
        return;
    }
    let Some(&node) = ctx.blocks.last() else {
        return;
    };
    let kind = if p.pre {
        BlockKind::Code
    } else if ctx.captions > 0 {
        BlockKind::Caption
    } else if let Some(&level) = ctx.headings.last() {
        BlockKind::Heading(level)
    } else {
        BlockKind::Paragraph
    };
    let list = match (ctx.lists.last(), ctx.items.last()) {
        (Some(&(list, ordered)), Some(&item)) => Some(ListPlace {
            list,
            item,
            ordered,
        }),
        _ => None,
    };
    let cell = match (ctx.tables.last(), ctx.rows.last(), ctx.cells.last()) {
        (Some(&table), Some(&row), Some(&(cell, header))) => Some(CellPlace {
            table,
            row,
            cell,
            header,
        }),
        _ => None,
    };
    seg.blocks.push(TextBlock {
        node,
        link_chars: p.link_chars.min(chars),
        text,
        chars,
        kind,
        list,
        cell,
        quote: ctx.quotes.first().copied(),
        figure: ctx.figures.last().copied(),
        links,
    });
}

/// Totals block text per node: each block counts for its node and every ancestor.
fn total_per_node(doc: &Document, seg: &mut Segmentation) {
    for b in &seg.blocks {
        seg.node_chars[b.node.index()] += b.chars as u32;
        seg.node_link_chars[b.node.index()] += b.link_chars as u32;
    }
    // Reverse pre-order: children are final before their parent adds them.
    let order: Vec<NodeId> = doc.descendants(Document::ROOT).collect();
    for &id in order.iter().rev() {
        if let Some(parent) = doc.parent(id) {
            seg.node_chars[parent.index()] += seg.node_chars[id.index()];
            seg.node_link_chars[parent.index()] += seg.node_link_chars[id.index()];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse, ParseLimits};

    fn blocks(html: &str) -> Vec<TextBlock> {
        segment(&parse(html, &ParseLimits::default()).unwrap()).blocks
    }

    /// Guards the run-copying `Pending::push`: it writes what pushing char by char (white space
    /// collapsed, controls dropped) wrote, for ASCII, Unicode spaces and controls alike.
    #[test]
    fn pushed_text_collapses_space_and_drops_controls_char_by_char() {
        fn by_chars(pieces: &[&str]) -> String {
            let (mut out, mut space) = (String::new(), false);
            for c in pieces.iter().flat_map(|p| p.chars()) {
                if c.is_whitespace() {
                    space = true;
                } else if !c.is_control() {
                    if space && !out.is_empty() && !out.ends_with('\n') {
                        out.push(' ');
                    }
                    space = false;
                    out.push(c);
                }
            }
            out
        }
        let pieces = [
            "  Hello,\t\x0Bworld!\u{0}\x1b[31m ",
            "caf\u{e9}\u{a0}\u{a0}na\u{ef}ve\u{85}x\u{9c}y\u{3000}\u{65e5}\u{672c}",
            "\u{7f}~ ",
            "",
            " end\r\n",
        ];
        let mut p = Pending::default();
        for piece in pieces {
            p.push(piece, false, false);
        }
        assert_eq!(p.text, by_chars(&pieces));
        assert_eq!(
            p.text,
            "Hello, world![31m caf\u{e9} na\u{ef}ve xy \u{65e5}\u{672c}~ end"
        );
    }

    #[test]
    fn inline_markup_stays_in_one_block_and_blocks_split() {
        let b = blocks("<div>Intro <b>bold</b> text<p>Para <a href=#>link</a>.</p>tail</div>");
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Intro bold text", "Para link.", "tail"]);
        assert_eq!(b[1].link_chars, 4);
    }

    fn first_text(html: &str) -> String {
        blocks(html).remove(0).text
    }

    /// Guards the parting of text from an inline element directly beside it where the letters
    /// show two words: a bold label before its text, a word before a styled name, a price
    /// before its currency's code.
    #[test]
    fn text_and_an_element_beside_it_part_at_a_word_start() {
        assert_eq!(
            first_text("<p><b>Weight</b>Light enough to carry</p>"),
            "Weight Light enough to carry"
        );
        assert_eq!(
            first_text("<p>Made by<span>Acme</span> in town</p>"),
            "Made by Acme in town"
        );
        assert_eq!(first_text("<p>Rooms<span>3</span></p>"), "Rooms 3");
        assert_eq!(first_text("<p><i>Price</i>12 coins</p>"), "Price 12 coins");
        // Two acronyms side by side are two words.
        assert_eq!(
            first_text("<p>Check the CPU<b>RAM</b></p>"),
            "Check the CPU RAM"
        );
    }

    /// Guards against cutting one token where a tag stands inside it: a word in two styles, a
    /// long number in groups of spans, an ordinal's ending, an acronym's letter styled apart, a
    /// drop cap, and kana after a Latin name (kana have no case, so they never part).
    #[test]
    fn text_beside_an_element_keeps_a_token_whole() {
        assert_eq!(first_text("<p>Pre<b>view</b> now</p>"), "Preview now");
        assert_eq!(first_text("<p>4417<span>1234</span></p>"), "44171234");
        assert_eq!(
            first_text("<p>The 3<span>RD</span> round</p>"),
            "The 3RD round"
        );
        assert_eq!(
            first_text("<p>The UF<span>O</span> team</p>"),
            "The UFO team"
        );
        assert_eq!(
            first_text(r#"<p><span class="drop">S</span>PRING came</p>"#),
            "SPRING came"
        );
        assert_eq!(
            first_text("<p><b>Acme</b>\u{3053}\u{308c}</p>"),
            "Acme\u{3053}\u{308c}"
        );
    }

    /// Guards the `<sup>` rule: a note's number or a trademark sign after a word stands apart;
    /// an exponent after a unit or a number, and an ordinal's ending, stay joined.
    #[test]
    fn a_superscript_mark_after_a_word_is_its_own_token() {
        assert_eq!(
            first_text("<p>Faster<sup>2</sup> than before</p>"),
            "Faster 2 than before"
        );
        assert_eq!(
            first_text("<p>Brandname<sup>TM</sup> tools</p>"),
            "Brandname TM tools"
        );
        assert_eq!(
            first_text("<p>40 m<sup>2</sup> of floor</p>"),
            "40 m2 of floor"
        );
        assert_eq!(first_text("<p>10<sup>6</sup> cells</p>"), "106 cells");
        assert_eq!(first_text("<p>the 2<sup>nd</sup> day</p>"), "the 2nd day");
    }

    /// Guards the parting of inline elements side by side with no space in the markup: a
    /// card's name and date, a tag list of links, a label and its count.
    #[test]
    fn elements_styled_apart_do_not_run_together() {
        assert_eq!(
            first_text(r#"<p><span class="who">Ann Lee</span><span class="when">Mar 6</span></p>"#),
            "Ann Lee Mar 6"
        );
        assert_eq!(
            first_text(r#"<p><a href="/t/1">hiking</a><a href="/t/2">camping</a></p>"#),
            "hiking camping"
        );
        assert_eq!(
            first_text(r#"<p><span class="label">Reviews</span><span class="n">12</span></p>"#),
            "Reviews 12"
        );
        assert_eq!(
            first_text("<p><span><span>Ann Lee</span></span><span>Mar 6</span></p>"),
            "Ann Lee Mar 6"
        );
        // Comments of script frameworks between the two change nothing.
        assert_eq!(
            first_text(r#"<p><span class="a">Tents</span><!--[--><span class="b">NEW</span></p>"#),
            "Tents NEW"
        );
    }

    /// Guards against cutting words: a word split into styled spans for an animation, an
    /// ordinal's suffix, a unit's exponent, a word in two styles and text between elements.
    #[test]
    fn elements_that_continue_a_word_stay_joined() {
        assert_eq!(
            first_text(r#"<p><span class="ch">Le</span><span class="ch">arn</span> more</p>"#),
            "Learn more"
        );
        assert_eq!(
            first_text(r#"<p><span class="d">1</span><sup class="o">st</sup> place</p>"#),
            "1st place"
        );
        assert_eq!(
            first_text(r#"<p><span class="v">40 m</span><sup class="e">2</sup></p>"#),
            "40 m2"
        );
        assert_eq!(first_text("<p><b>Pre</b><i>view</i></p>"), "Preview");
        assert_eq!(
            first_text(r#"<p><span class="a">Ann</span>-<span class="b">Lee</span></p>"#),
            "Ann-Lee"
        );
        // Inside code every character is the author's.
        assert_eq!(
            first_text(r#"<pre><span class="n">Foo</span><span class="n">Bar</span></pre>"#),
            "FooBar"
        );
    }

    #[test]
    fn list_items_table_cells_and_headings_know_their_place() {
        let b = blocks(
            "<h2>Title</h2><ol><li>one</li><li>two</li></ol>\
             <table><tr><th>k</th><td>v</td></tr></table>",
        );
        assert_eq!(b[0].kind, BlockKind::Heading(2));
        assert!(b[1].list.unwrap().ordered);
        assert_ne!(b[1].list.unwrap().item, b[2].list.unwrap().item);
        assert!(b[3].cell.unwrap().header);
        assert!(!b[4].cell.unwrap().header);
    }

    #[test]
    fn pre_keeps_white_space_and_br_breaks_lines() {
        let b = blocks("<pre>fn main() {\n    go();\n}</pre><p>line one<br>line two</p>");
        assert_eq!(b[0].kind, BlockKind::Code);
        assert_eq!(b[0].text, "fn main() {\n    go();\n}");
        assert_eq!(b[1].text, "line one\nline two");
    }

    #[test]
    fn captions_are_marked() {
        let b = blocks("<figure><img src=a.jpg><figcaption>A cat.</figcaption></figure>");
        assert_eq!(b[0].kind, BlockKind::Caption);
        assert!(b[0].figure.is_some());
    }

    /// Guards the attribution rule: a `<figcaption>` beside a `<blockquote>` in its `<figure>`
    /// is read as a paragraph (who said the quote), while a picture's `<figcaption>` stays a
    /// caption.
    #[test]
    fn a_quote_figure_caption_is_its_attribution() {
        let b = blocks(
            "<figure><blockquote>The new bridge halved my commute.</blockquote>\
             <figcaption>Dana Reyes, nurse</figcaption></figure>\
             <figure><img src=a.jpg><figcaption>The bridge at dusk.</figcaption></figure>",
        );
        assert_eq!(b[1].text, "Dana Reyes, nurse");
        assert_eq!(b[1].kind, BlockKind::Paragraph);
        assert_eq!(b[2].kind, BlockKind::Caption);
    }

    #[test]
    fn node_totals_sum_descendant_blocks() {
        let doc = parse(
            "<div id=d><p>abc <a>de</a></p><p>fg</p></div>",
            &ParseLimits::default(),
        )
        .unwrap();
        let seg = segment(&doc);
        let d = doc
            .descendants(Document::ROOT)
            .find(|&n| doc.attr(n, "id") == Some("d"))
            .unwrap();
        assert_eq!(seg.node_chars[d.index()], 7);
        assert_eq!(seg.node_link_chars[d.index()], 2);
    }

    fn linked_blocks(html: &str) -> Vec<TextBlock> {
        segment_keeping_links(&parse(html, &ParseLimits::default()).unwrap()).blocks
    }

    fn anchors(b: &TextBlock) -> Vec<(&str, &str)> {
        b.links
            .iter()
            .map(|l| (&b.text[l.start..l.end], l.href.as_str()))
            .collect()
    }

    /// Guards link spans: they cover the anchor's visible text only (not the space before it),
    /// across inline markup and line breaks, in the trimmed text the block keeps.
    #[test]
    fn link_spans_cover_their_anchor_text() {
        let b = linked_blocks(
            "<p>  Read <a href=a.html> the <b>full</b> report</a>, or <a href=b.html>this<br>\
             one</a></p><p><a href=c.html>Starts</a> a block.</p>",
        );
        assert_eq!(
            anchors(&b[0]),
            [("the full report", "a.html"), ("this\none", "b.html")]
        );
        assert_eq!(anchors(&b[1]), [("Starts", "c.html")]);
    }

    /// Guards a link that wraps blocks (a card: heading and summary inside one `<a>`): each
    /// block gets its own span with the same target; an empty anchor (an image) gets none.
    #[test]
    fn a_link_around_blocks_is_split_per_block() {
        let b = linked_blocks(
            "<a href=card.html><h3>Card title</h3><p>Card summary.</p></a>\
             <p><a href=img.html><img src=x.png></a>Caption text</p>",
        );
        assert_eq!(anchors(&b[0]), [("Card title", "card.html")]);
        assert_eq!(anchors(&b[1]), [("Card summary.", "card.html")]);
        assert!(b[2].links.is_empty(), "{:?}", b[2].links);
    }

    /// Guards the default path: without asking for links, none are recorded.
    #[test]
    fn plain_segmentation_records_no_links() {
        assert!(blocks("<p>a <a href=x>b</a></p>")[0].links.is_empty());
    }
}
