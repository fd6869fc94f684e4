//! Meta tags — OpenGraph, Twitter cards, Dublin Core, `<meta name=…>` — and schema.org
//! microdata (`itemprop`), with the keys each metadata field is read from, in priority order.
//!
//! Both are filled element by element during the metadata stage's single walk (see `scan`) and
//! answer look-ups afterwards. They do not clean values beyond trimming: names go through
//! `byline`, dates through `date`, URLs through `url`.

use crate::dom::{Document, Edge, Element, NodeId, Tag};
use crate::textutil::collapse_whitespace;

/// At most this many meta tags are kept: real pages have a few dozen, hundreds are spam.
const MAX_META: usize = 1_000;
/// At most this many microdata authors.
const MAX_ITEMPROP_AUTHORS: usize = 20;

/// Published-date keys, most specific first. `date` and the Dublin Core forms come after the
/// OpenGraph article keys because sites fill them with crawl or copyright dates more often.
pub const PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "published_time",
    "article.published",
    "datepublished",
    "publish-date",
    "publish_date",
    "publishdate",
    "published",
    "published-date",
    "published_date",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "article_date_original",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "date",
];

/// Whether a meta key not in [`PUBLISHED`] still names the publication date: a site's own
/// prefix on the usual words (`w-published-date`, `article-publish-time`, `x:pubdate`). The
/// publisher's name (`article:publisher`) and revision dates are not.
pub fn is_custom_published_key(key: &str) -> bool {
    let names_publishing =
        (key.contains("publish") && !key.contains("publisher")) || key.contains("pubdate");
    let names_time = key.contains("date") || key.contains("time") || key.ends_with("published");
    let revision = ["modif", "updat", "last", "expir", "unpublish"]
        .iter()
        .any(|w| key.contains(w));
    names_publishing && names_time && !revision
}

/// Whether a meta key not in [`PUBLISHED`] is a namespace's plain date (`ms.date`,
/// `cludo:date`, as `sailthru.date` and `dc.date` are): a documentation or search platform's
/// field for the page's date. Read after the named publication keys. wcxb-dev: date +1 (a
/// docs page that shows only its last revision), no loss; every such key on the set agreed
/// with the gold (3 pages).
pub fn is_namespaced_date_key(key: &str) -> bool {
    key.strip_suffix("date")
        .and_then(|k| k.strip_suffix(['.', ':']))
        .is_some_and(|ns| !ns.is_empty() && !ns.contains(['.', ':']))
}

/// Modified-date keys: never read as the published date.
pub const MODIFIED: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "article:modified",
    "og:updated_time",
    "modified_time",
    "article.updated",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
];

/// Creation-date keys: read as the published date only when nothing else gives one.
pub const CREATED: &[&str] = &["dcterms.created", "dc.date.created"];

/// Author keys. `article:author` is often a profile URL; `byline::clean` drops URLs.
pub const AUTHOR: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "citation_author",
];

pub const TITLE: &[&str] = &["og:title", "twitter:title"];
pub const DC_TITLE: &[&str] = &["dc.title", "dcterms.title", "citation_title"];
pub const SITE_NAME: &[&str] = &["og:site_name"];
pub const OG_TYPE: &[&str] = &["og:type"];
pub const APP_NAME: &[&str] = &[
    "application-name",
    "apple-mobile-web-app-title",
    "dc.publisher",
];
pub const DESCRIPTION: &[&str] = &["og:description", "description", "twitter:description"];
pub const DC_DESCRIPTION: &[&str] = &["dc.description", "dcterms.description", "dcterms.abstract"];
pub const IMAGE: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
];
pub const URL: &[&str] = &["og:url", "twitter:url"];
pub const LANGUAGE: &[&str] = &[
    "content-language",
    "language",
    "dc.language",
    "dcterms.language",
];
pub const SECTION: &[&str] = &["article:section", "og:article:section"];
pub const TAG: &[&str] = &["article:tag", "og:article:tag"];
pub const KEYWORDS: &[&str] = &["keywords", "news_keywords"];

/// The page's `<meta>` tags, keyed by `property`, `name` or `http-equiv` (lower-cased).
#[derive(Clone, Debug, Default)]
pub struct MetaTags {
    entries: Vec<(String, String)>,
}

impl MetaTags {
    /// Records a `<meta>` element. `itemprop` metas belong to [`Microdata`].
    pub fn push(&mut self, el: &Element) {
        let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            return;
        };
        for attr in ["property", "name", "http-equiv"] {
            let Some(keys) = el.attr(attr) else { continue };
            // RDFa allows several properties in one attribute ("og:title twitter:title").
            for key in keys.split_whitespace() {
                if self.entries.len() >= MAX_META {
                    return;
                }
                self.entries
                    .push((key.to_ascii_lowercase(), content.to_owned()));
            }
        }
    }

    /// The first value under the first of `keys` that has one.
    pub fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.values(k).next())
    }

    /// Every value under `key`, in document order.
    pub fn all(&self, key: &str) -> Vec<&str> {
        self.values(key).collect()
    }

    /// Every value under the first of `keys` that has any.
    pub fn all_of_first(&self, keys: &[&str]) -> Vec<&str> {
        keys.iter()
            .map(|k| self.all(k))
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }

    /// Every key and value whose key passes `pred`, in document order.
    pub fn matching<'s>(
        &'s self,
        pred: impl Fn(&str) -> bool + 's,
    ) -> impl Iterator<Item = (&'s str, &'s str)> + 's {
        self.entries
            .iter()
            .filter(move |(k, _)| pred(k))
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    fn values<'s>(&'s self, key: &str) -> impl Iterator<Item = &'s str> + 's {
        let key = key.to_owned();
        self.entries
            .iter()
            .filter(move |(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Elements carrying the schema.org properties the metadata stage reads.
#[derive(Clone, Debug, Default)]
pub struct Microdata {
    pub headline: Option<NodeId>,
    pub authors: Vec<NodeId>,
    pub published: Option<NodeId>,
    pub modified: Option<NodeId>,
    pub created: Option<NodeId>,
}

impl Microdata {
    /// Records an element with an `itemprop` attribute; the first of each property wins.
    /// `furniture`: the element sits in a comment section, navigation, a sidebar or the page
    /// footer, where a date is a comment's or another item's (a Q&A page marks every
    /// comment's `datePublished`, ahead of its answers' and after its question's
    /// `dateCreated`), so its dates are not recorded. wcxb-dev: date +1, no loss (two Q&A
    /// pages lost their comment's date; one now has its question's).
    pub fn push(&mut self, id: NodeId, itemprop: &str, furniture: bool) {
        for prop in itemprop.split_whitespace() {
            let slot = match prop.to_ascii_lowercase().as_str() {
                "headline" => &mut self.headline,
                "datepublished" | "datemodified" | "datecreated" if furniture => continue,
                "datepublished" => &mut self.published,
                "datemodified" => &mut self.modified,
                "datecreated" => &mut self.created,
                "author" | "creator" => {
                    if self.authors.len() < MAX_ITEMPROP_AUTHORS {
                        self.authors.push(id);
                    }
                    continue;
                }
                _ => continue,
            };
            slot.get_or_insert(id);
        }
    }
}

/// The value of a microdata property: `content`, `datetime` or `href`-less text, whitespace
/// collapsed; `None` when empty or longer than `max_bytes`.
pub fn itemprop_value(doc: &Document, id: NodeId, max_bytes: usize) -> Option<String> {
    let el = doc.element(id)?;
    if let Some(v) = el.attr("content").or_else(|| el.attr("datetime")) {
        let v = collapse_whitespace(v);
        return (!v.is_empty() && v.len() <= max_bytes).then_some(v);
    }
    if el.tag == Tag::Meta || el.tag == Tag::Link {
        return None;
    }
    bounded_words(doc, id, max_bytes)
}

/// The name of a microdata author: its own `content`, the `itemprop=name` inside it (a nested
/// Person or Organization), or its text.
pub fn itemprop_author(doc: &Document, id: NodeId) -> Option<String> {
    let el = doc.element(id)?;
    if let Some(v) = el.attr("content") {
        return Some(collapse_whitespace(v)).filter(|v| !v.is_empty());
    }
    // NOTE: bounded like every walk here; a real author element has a handful of nodes.
    let name = doc.descendants(id).skip(1).take(500).find(|&n| {
        doc.attr(n, "itemprop")
            .is_some_and(|p| p.split_whitespace().any(|t| t.eq_ignore_ascii_case("name")))
    });
    itemprop_value(doc, name.unwrap_or(id), 300)
}

/// The element's text as a browser lays it out — a space between blocks and at `<br>` — with
/// whitespace collapsed; `None` when empty, or when the text (or the subtree) is too large to be
/// a headline, byline or dateline.
pub fn bounded_text(doc: &Document, id: NodeId, max_bytes: usize) -> Option<String> {
    bounded(doc, id, max_bytes, false)
}

/// Like [`bounded_text`], with a space at every element boundary: bylines and datelines set
/// their parts in separate inline elements that CSS spaces apart
/// (`<span>Jane Doe</span><span>Published</span>`).
pub fn bounded_words(doc: &Document, id: NodeId, max_bytes: usize) -> Option<String> {
    bounded(doc, id, max_bytes, true)
}

/// A byline's text, with a comma between sibling elements that nothing but space separates:
/// a name and a role set side by side (`<span>Jane Doe</span> <span>Tech Reporter</span>`)
/// are two facts, which `byline::clean` then tells apart.
pub fn byline_text(doc: &Document, id: NodeId, max_bytes: usize) -> Option<String> {
    let max_steps = 400 + max_bytes * 8;
    let mut out = String::new();
    let mut pending = "";
    // Whether the last thing seen was the end of an element, with only space since.
    let mut after_element = false;
    let mut walk = doc.traverse(id);
    let mut steps = 0usize;
    while let Some(edge) = walk.next() {
        steps += 1;
        if steps > max_steps {
            return None;
        }
        match edge {
            Edge::Open(n) => {
                if let Some(t) = doc.text(n) {
                    if t.trim().is_empty() {
                        pending = if pending.is_empty() { " " } else { pending };
                        continue;
                    }
                    if !out.is_empty() {
                        out.push_str(pending);
                    }
                    pending = "";
                    after_element = false;
                    out.push_str(t);
                    if out.len() > max_bytes * 2 {
                        return None;
                    }
                    continue;
                }
                let Some(tag) = doc.tag(n) else { continue };
                if n != id && tag.is_non_content() {
                    walk.skip_children(n);
                    continue;
                }
                pending = if after_element { ", " } else { " " };
            }
            Edge::Close(n) => {
                if doc.tag(n).is_some() {
                    after_element = true;
                    if pending.is_empty() {
                        pending = " ";
                    }
                }
            }
        }
    }
    let out = collapse_whitespace(&out);
    (!out.is_empty() && out.len() <= max_bytes).then_some(out)
}

fn bounded(doc: &Document, id: NodeId, max_bytes: usize, every_element: bool) -> Option<String> {
    // Subtrees of empty wrappers can be large without text; cap the steps taken too.
    let max_steps = 400 + max_bytes * 8;
    let mut out = String::new();
    let mut pending_space = false;
    let mut walk = doc.traverse(id);
    let mut steps = 0usize;
    while let Some(edge) = walk.next() {
        steps += 1;
        if steps > max_steps {
            return None;
        }
        let (Edge::Open(n) | Edge::Close(n)) = edge;
        if let Some(t) = doc.text(n).filter(|_| matches!(edge, Edge::Open(_))) {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(t);
            if out.len() > max_bytes * 2 {
                return None;
            }
            continue;
        }
        let Some(tag) = doc.tag(n) else { continue };
        // The root itself may be one (`<title>`); its content is what was asked for.
        if matches!(edge, Edge::Open(_)) && n != id && tag.is_non_content() {
            walk.skip_children(n);
            continue;
        }
        if every_element || tag.is_block() || tag == Tag::Br {
            pending_space = true;
        }
    }
    let out = collapse_whitespace(&out);
    (!out.is_empty() && out.len() <= max_bytes).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse, ParseLimits};

    fn metas(html: &str) -> MetaTags {
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let mut m = MetaTags::default();
        for n in doc.descendants(Document::ROOT) {
            if let Some(el) = doc.element(n).filter(|e| e.tag == Tag::Meta) {
                m.push(el);
            }
        }
        m
    }

    #[test]
    fn opengraph_and_name_keys_are_case_insensitive_and_ordered() {
        let m = metas(
            r#"<meta property="og:title" content=" Rain ">
               <meta name="DC.Title" content="DC rain">
               <meta property="article:tag" content="weather"><meta property="article:tag" content="spain">
               <meta name="description" content="">"#,
        );
        assert_eq!(m.first(TITLE), Some("Rain"));
        assert_eq!(m.first(DC_TITLE), Some("DC rain"));
        assert_eq!(m.all_of_first(TAG), ["weather", "spain"]);
        assert_eq!(m.first(DESCRIPTION), None);
    }

    #[test]
    fn microdata_author_reads_nested_name() {
        let doc = parse(
            r#"<div itemprop="author" itemscope><img alt=""><span itemprop="name"> Jane  Doe </span>
               <span itemprop="jobTitle">Reporter</span></div>"#,
            &ParseLimits::default(),
        )
        .unwrap();
        let author = doc
            .descendants(Document::ROOT)
            .find(|&n| doc.attr(n, "itemprop") == Some("author"))
            .unwrap();
        assert_eq!(itemprop_author(&doc, author).as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn byline_text_separates_side_by_side_elements_only() {
        let doc = parse(
            "<p id=a>By <a>Jane Doe</a> and <a>John Roe</a></p>\
             <p id=b><span>Harry Lee</span> <span>Tech Reporter</span></p>",
            &ParseLimits::default(),
        )
        .unwrap();
        let p = |i: usize| {
            doc.descendants(Document::ROOT)
                .filter(|&n| doc.tag(n) == Some(Tag::P))
                .nth(i)
                .unwrap()
        };
        assert_eq!(
            byline_text(&doc, p(0), 300).as_deref(),
            Some("By Jane Doe and John Roe")
        );
        assert_eq!(
            byline_text(&doc, p(1), 300).as_deref(),
            Some("Harry Lee, Tech Reporter")
        );
    }

    #[test]
    fn bounded_text_refuses_long_subtrees() {
        let doc = parse(
            &format!("<p>{}</p>", "word ".repeat(100)),
            &ParseLimits::default(),
        )
        .unwrap();
        let p = doc.find_tag(Document::ROOT, Tag::P).unwrap();
        assert_eq!(bounded_text(&doc, p, 50), None);
        assert!(bounded_text(&doc, p, 1_000).is_some());
    }

    #[test]
    fn bounded_text_spaces_blocks_and_words_spaces_every_element() {
        let doc = parse(
            "<h1>Data<br>Analytics<div>Agency</div><b>X</b>y</h1><p><span>Jane</span><span>Doe</span></p>",
            &ParseLimits::default(),
        )
        .unwrap();
        let h1 = doc.find_tag(Document::ROOT, Tag::H1).unwrap();
        assert_eq!(
            bounded_text(&doc, h1, 100).as_deref(),
            Some("Data Analytics Agency Xy")
        );
        let p = doc.find_tag(Document::ROOT, Tag::P).unwrap();
        assert_eq!(bounded_words(&doc, p, 100).as_deref(), Some("Jane Doe"));
    }
}
