//! One walk over the whole page that collects everything the metadata stage may read: meta and
//! link tags, JSON-LD scripts, microdata, headings, `<time>` elements, and byline- or
//! dateline-like elements, each with its place in document order and whether it sits in the
//! article or in furniture (nav, aside, page footer, comments).
//!
//! It decides nothing: choosing among the candidates is the other modules' work. Collecting in
//! one pass keeps the stage linear in the page's size (pages have ~5,000–60,000 nodes), and each
//! list is capped so that a hostile page cannot make it grow without bound.

use super::meta::{MetaTags, Microdata};
use super::{byline, date, stamp};
use crate::dom::{Document, Edge, Element, NodeData, NodeId, Tag};
// NOTE: the class-word tests below run on every word that passes `may_hint`; see there.
use crate::textutil::contains_short;

/// Candidates kept per list: a real page has a few; the cap bounds later work.
const MAX_SPOTS: usize = 100;
/// Distinct microdata types kept: a page declares a handful; the cap bounds a hostile one.
const MAX_ITEMTYPES: usize = 16;
/// JSON-LD blocks kept; `jsonld` reads at most this many anyway.
const MAX_JSONLD: usize = 64;

/// Where an element sits on the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ctx {
    /// Inside `<article>`, `<main>` or `role=main`.
    pub in_article: bool,
    /// Inside `<nav>`, `<aside>`, a footer outside the article, or a comment section.
    pub furniture: bool,
}

/// A candidate element.
#[derive(Clone, Copy, Debug)]
pub struct Spot {
    pub node: NodeId,
    /// Rank in document order, counting every node opened (text included); only differences
    /// between spots mean anything.
    pub pos: u32,
    pub ctx: Ctx,
}

/// An `<h1>` or `<h2>`.
#[derive(Clone, Copy, Debug)]
pub struct Heading {
    pub spot: Spot,
    pub level: u8,
}

/// Everything the walk found.
#[derive(Debug, Default)]
pub struct Scan {
    /// `<html lang>`.
    pub lang: Option<String>,
    /// The first `<title>` outside SVG.
    pub title: Option<NodeId>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
    /// `<link rel=image_src href>`.
    pub image_src: Option<String>,
    pub meta: MetaTags,
    pub microdata: Microdata,
    /// `<script type="application/ld+json">` elements.
    pub jsonld: Vec<NodeId>,
    pub headings: Vec<Heading>,
    pub times: Vec<Spot>,
    /// Elements marked as bylines, and parents of text that starts with "By".
    pub bylines: Vec<Spot>,
    /// Elements whose class or id speaks of a date.
    pub datelines: Vec<Spot>,
    /// Elements a forum engine marks as a poster's user name (`username`, `bigusername`).
    pub usernames: Vec<Spot>,
    /// Parents of short text nodes holding a year: unmarked datelines (`<p>April 8, 2024</p>`).
    pub date_texts: Vec<Spot>,
    /// Whether the page has an `<article>` or `<main>`.
    pub has_article: bool,
    /// Schema.org types of `itemtype` attributes (the last part of the URL), in document order.
    pub itemtypes: Vec<String>,
    /// `<img>` elements outside furniture: the lead image's candidates when no meta tag names one.
    pub images: Vec<Spot>,
}

/// Walks the page once.
pub fn scan(doc: &Document) -> Scan {
    let mut s = Scan::default();
    // NOTE: entries are pushed only for elements that change the context and popped when the
    // walk leaves them, so the top is always the context of the current node.
    let mut ctx_stack: Vec<(NodeId, Ctx)> = Vec::new();
    let mut pos: u32 = 0;
    let mut walk = doc.traverse(Document::ROOT);
    while let Some(edge) = walk.next() {
        let id = match edge {
            Edge::Open(id) => id,
            Edge::Close(id) => {
                if ctx_stack.last().is_some_and(|&(n, _)| n == id) {
                    ctx_stack.pop();
                }
                continue;
            }
        };
        pos = pos.saturating_add(1);
        let ctx = ctx_stack.last().map_or_else(Ctx::default, |&(_, c)| c);
        match &doc.node(id).data {
            NodeData::Element(el) => {
                // NOTE: inside furniture the class and id words change nothing (the context
                // stays furniture, and bylines and datelines are taken outside it only), so
                // they are not read there: their filter was the walk's main cost.
                let attrs = Attrs::read(el, !ctx.furniture);
                let inner = context_of(el, &attrs, ctx);
                if inner != ctx {
                    ctx_stack.push((id, inner));
                }
                let spot = Spot {
                    node: id,
                    pos,
                    ctx: inner,
                };
                if s.element(el, &attrs, spot) {
                    walk.skip_children(id);
                }
            }
            NodeData::Text(_) if !ctx.furniture => {
                let t = doc.text(id).unwrap_or_default();
                // White space between tags (most text nodes) opens no byline and holds no
                // year; the tests below would each trim it away char by char first.
                if t.bytes().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                let Some(mut parent) = doc.parent(id) else {
                    continue;
                };
                // "<h3>Author</h3><p>Lisa Ellis</p>": a label alone in its element names the
                // person in the next one, so the byline is the pair's parent.
                let alone =
                    doc.node(id).prev_sibling.is_none() && doc.node(id).next_sibling.is_none();
                if alone && byline::is_byline_label(t) {
                    parent = doc.parent(parent).unwrap_or(parent);
                }
                let spot = Spot {
                    node: parent,
                    pos,
                    ctx,
                };
                if byline::opens_byline(t) {
                    push(&mut s.bylines, spot);
                } else if date::has_year(t) {
                    push(&mut s.date_texts, spot);
                }
            }
            _ => {}
        }
    }
    s
}

impl Scan {
    /// Records what one element offers; returns whether its children can be skipped.
    fn element(&mut self, el: &Element, attrs: &Attrs, spot: Spot) -> bool {
        let id = spot.node;
        if let Some(p) = attrs.itemprop {
            self.microdata.push(id, p, spot.ctx.furniture);
        }
        if let Some(t) = attrs.itemtype {
            let name = crate::pagetype::schema_type_name(t);
            if !name.is_empty()
                && self.itemtypes.len() < MAX_ITEMTYPES
                && !self.itemtypes.iter().any(|k| k == name)
            {
                self.itemtypes.push(name.to_owned());
            }
        }
        match el.tag {
            Tag::Html if self.lang.is_none() => {
                self.lang = el
                    .attr("lang")
                    .or_else(|| el.attr("xml:lang"))
                    .map(str::to_owned);
            }
            Tag::Title => {
                self.title.get_or_insert(id);
                return true;
            }
            Tag::Meta => self.meta.push(el),
            Tag::Link => {
                let rel = el.attr("rel").unwrap_or("");
                let has = |want: &str| rel.split_whitespace().any(|r| r.eq_ignore_ascii_case(want));
                let href = || el.attr("href").map(str::to_owned);
                if self.canonical.is_none() && has("canonical") {
                    self.canonical = href();
                } else if self.image_src.is_none() && has("image_src") {
                    self.image_src = href();
                }
            }
            Tag::Script => {
                let ty = el.attr("type").unwrap_or("");
                // NOTE: compared in place, not lower-cased into a new string per script.
                let ld_json = ty
                    .as_bytes()
                    .windows(7)
                    .any(|w| w.eq_ignore_ascii_case(b"ld+json"));
                if ld_json && self.jsonld.len() < MAX_JSONLD {
                    self.jsonld.push(id);
                }
                return true;
            }
            tag if opaque(tag) => return true,
            Tag::H1 | Tag::H2 if self.headings.len() < MAX_SPOTS * 2 => {
                let level = if el.tag == Tag::H1 { 1 } else { 2 };
                self.headings.push(Heading { spot, level });
            }
            Tag::Time => push(&mut self.times, spot),
            // A custom element's timestamp attribute is its `<time datetime>` (see `stamp`).
            Tag::Other if stamp::attr_of(el).is_some() => push(&mut self.times, spot),
            Tag::Img if !spot.ctx.furniture => push(&mut self.images, spot),
            Tag::Article | Tag::Main => self.has_article = true,
            _ => {}
        }
        if !spot.ctx.furniture {
            let rel_author = attrs.rel.is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("author"))
            });
            if attrs.words.username {
                push(&mut self.usernames, spot);
            }
            if rel_author || attrs.words.byline {
                push(&mut self.bylines, spot);
            } else if el.tag != Tag::Time && attrs.words.dateline {
                push(&mut self.datelines, spot);
            }
        }
        false
    }
}

/// Elements whose content is never page text: their children are not walked (nor numbered).
/// SVG even has its own `<title>` elements. (`<noscript>` is page text, parsed as markup by
/// dom/noscript.rs: forum engines put their whole thread there.)
pub fn opaque(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Title
            | Tag::Script
            | Tag::Style
            | Tag::Template
            | Tag::Svg
            | Tag::Math
            | Tag::Select
            | Tag::Textarea
            | Tag::Iframe
    )
}

fn push(list: &mut Vec<Spot>, spot: Spot) {
    if list.len() < MAX_SPOTS {
        list.push(spot);
    }
}

/// The attributes the walk reads, found in one pass over the element's attributes (it runs on
/// every element, and `Element::attr` is a linear search each time).
#[derive(Default)]
struct Attrs<'a> {
    itemprop: Option<&'a str>,
    itemtype: Option<&'a str>,
    rel: Option<&'a str>,
    role: Option<&'a str>,
    words: Words,
}

/// What the class and id words say.
#[derive(Default)]
struct Words {
    comment: bool,
    byline: bool,
    dateline: bool,
    username: bool,
}

impl<'a> Attrs<'a> {
    /// The attributes of `el`; its class and id words only when `words` is asked for.
    fn read(el: &'a Element, words: bool) -> Attrs<'a> {
        let mut a = Attrs::default();
        for attr in &el.attrs {
            match attr.name() {
                "class" | "id" if words && may_hint(attr.value()) => {
                    for word in attr.value().split_whitespace().filter(|w| may_hint(w)) {
                        with_lowercase(word, |t| {
                            a.words.comment |= is_comment_word(t);
                            a.words.byline |= byline::is_byline_word(t);
                            a.words.dateline |= is_dateline_word(t);
                            a.words.username |= contains_short(t, "username") || t == "poster";
                        });
                    }
                }
                "itemprop" => a.itemprop = Some(attr.value()),
                "itemtype" => a.itemtype = Some(attr.value()),
                "rel" => a.rel = Some(attr.value()),
                "role" => a.role = Some(attr.value()),
                _ => {}
            }
        }
        a
    }
}

/// The context inside `el`, given the context around it.
fn context_of(el: &Element, attrs: &Attrs, mut ctx: Ctx) -> Ctx {
    match el.tag {
        Tag::Article | Tag::Main => ctx.in_article = true,
        Tag::Nav => ctx.furniture = true,
        // An `<aside>` inside `<article>` may be the post's own date and author box (a blog
        // template's `<article><aside><time>`); the page's asides are sidebars.
        Tag::Aside if !ctx.in_article => ctx.furniture = true,
        // A footer inside the article may carry its byline; the page's footer is furniture.
        Tag::Footer if !ctx.in_article => ctx.furniture = true,
        Tag::Html | Tag::Body => return ctx,
        _ => {}
    }
    match attrs.role {
        Some("main") => ctx.in_article = true,
        Some("navigation" | "complementary" | "contentinfo") => ctx.furniture = true,
        _ => {}
    }
    if attrs.words.comment {
        ctx.furniture = true;
    }
    // A hidden `<main>` or `<article>` is a template's second copy of the post (for print or
    // a script to show later), not what the reader sees: its `<h1>` must not become the
    // headline the byline and date are looked for around. Only these two tags: hiding every
    // hidden element lost as much as it gained on wcxb-dev (screen-reader labels, collapsed
    // headers); with the two tags, +1 author +1 date, no loss.
    if matches!(el.tag, Tag::Article | Tag::Main) && crate::prune::is_hidden(el) {
        ctx.furniture = true;
    }
    ctx
}

/// A quick filter before the word tests: whether `s` (a class or id word, or a whole attribute
/// value) holds, in any letter case, one of the words they look for. Each test is true only for
/// a word holding one of these, so a word without any is skipped; keep the list in step with
/// `is_comment_word`, `byline::is_byline_word`, `is_dateline_word` and the username test.
/// Most class values hold none, and the tests' substring searches were the walk's main cost
/// (a filter on two-letter starts still let 50,000 words through on scrapinghub, ~2,800
/// instructions each; callgrind).
fn may_hint(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter()
        .enumerate()
        .any(|(i, &c)| HINT_START[usize::from(c)] && hint_at(&b[i..]))
}

/// The bytes a hint starts with, in either case: a table lookup per byte is most of the filter.
static HINT_START: [bool; 256] = {
    let mut t = [false; 256];
    let starts = b"abcdptuwABCDPTUW";
    let mut i = 0;
    while i < starts.len() {
        t[starts[i] as usize] = true;
        i += 1;
    }
    t
};

/// Whether `b` starts with a hint, in any letter case.
fn hint_at(b: &[u8]) -> bool {
    let Some(&second) = b.get(1) else {
        return false;
    };
    // NOTE: `| 0x20` lower-cases ASCII letters and maps no other byte to one.
    let hints: &[&[u8]] = match [b[0] | 0x20, second | 0x20] {
        [b'a', b'u'] => &[b"author", b"autor", b"auteur"],
        [b'b', b'y'] => &[b"byline"],
        [b'c', b'o'] => &[b"comment"],
        [b'd', b'a'] => &[b"date"],
        [b'd', b'i'] => &[b"disqus"],
        [b'p', b'o'] => &[b"posted-on", b"poster"],
        [b'p', b'u'] => &[b"publish"],
        [b't', b'i'] => &[b"timestamp"],
        [b'u', b's'] => &[b"username"],
        [b'w', b'r'] => &[b"writer"],
        _ => return false,
    };
    hints
        .iter()
        .any(|h| b.get(..h.len()).is_some_and(|r| r.eq_ignore_ascii_case(h)))
}

/// Calls `f` on `word` lower-cased (ASCII), without allocating for words of usual length.
fn with_lowercase(word: &str, f: impl FnOnce(&str)) {
    let mut buf = [0u8; 64];
    match buf.get_mut(..word.len()) {
        Some(b) => {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            // NOTE: ASCII lower-casing keeps UTF-8 valid, so this never fails.
            if let Ok(t) = std::str::from_utf8(b) {
                f(t);
            }
        }
        None => f(&word.to_ascii_lowercase()),
    }
}

/// Comment sections: `comments`, `comment-list`, `disqus_thread`; not `comment-count` links,
/// which sit in bylines.
fn is_comment_word(t: &str) -> bool {
    (t.starts_with("comment") || t.ends_with("comments") || contains_short(t, "disqus"))
        && !contains_short(t, "count")
        && !contains_short(t, "link")
        && !contains_short(t, "button")
}

/// Class or id words that mark a visible date: `date`, `publish`, `timestamp`, `dateline`;
/// not "updated" (a modification date) or words that merely contain "date" (`validate`).
fn is_dateline_word(t: &str) -> bool {
    let has = |x: &str| contains_short(t, x);
    (has("date") || has("publish") || has("timestamp") || has("posted-on"))
        && !["update", "valid", "candid", "mandat", "picker"]
            .iter()
            .any(|x| has(x))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse, ParseLimits};

    #[test]
    fn the_hint_filter_lets_through_every_word_a_test_accepts() {
        let accepted = [
            "comments",
            "comment-list",
            "disqus_thread",
            "Byline",
            "post-author",
            "writer",
            "autor",
            "auteur",
            "entry-DATE",
            "publish",
            "timestamp",
            "posted-on",
            "bigusername",
            "poster",
        ];
        for word in accepted {
            let t = word.to_ascii_lowercase();
            let any = is_comment_word(&t)
                || byline::is_byline_word(&t)
                || is_dateline_word(&t)
                || t.contains("username")
                || t == "poster";
            assert!(any, "{word} no longer accepted by a test: update this list");
            assert!(may_hint(word), "{word}");
            assert!(may_hint(&format!("col-4 {word} x")), "{word}");
        }
        for word in [
            "container",
            "col-md-4",
            "position",
            "nav",
            "",
            "autho",
            "dat",
        ] {
            assert!(!may_hint(word), "{word}");
        }
    }

    #[test]
    fn one_walk_collects_head_and_body_candidates_with_context() {
        let doc = parse(
            r#"<html lang="en"><head><title>T</title><link rel="canonical" href="/a">
               <meta property="og:title" content="OG"><script type="application/ld+json">{}</script>
               </head><body><nav><span class="author">Nav Person</span></nav>
               <article><h1>Head</h1><p class="byline">By Jane</p><time datetime="2017-11-14">x</time>
               <div class="comments"><span class="author">Commenter</span></div></article>
               <svg><title>icon</title></svg></body></html>"#,
            &ParseLimits::default(),
        )
        .unwrap();
        let s = scan(&doc);
        assert_eq!(s.lang.as_deref(), Some("en"));
        assert_eq!(s.canonical.as_deref(), Some("/a"));
        assert_eq!(doc.text_content(s.title.unwrap()), "T");
        assert_eq!(s.meta.first(&["og:title"]), Some("OG"));
        assert_eq!(s.jsonld.len(), 1);
        assert_eq!(s.headings.len(), 1);
        assert!(s.headings[0].spot.ctx.in_article);
        assert_eq!(s.times.len(), 1);
        // The nav and comment authors are furniture; the byline element and its "By" text are
        // both recorded.
        assert!(s.bylines.iter().all(|b| !b.ctx.furniture));
        assert!(s
            .bylines
            .iter()
            .all(|b| doc.text_content(b.node) == "By Jane"));
        assert!(s.has_article);
        assert_eq!(s.date_texts.len(), 0);
    }
}
