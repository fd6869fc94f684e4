//! Facts from JSON-LD (`<script type="application/ld+json">`, schema.org vocabulary).
//!
//! Pages mix several blocks, `@graph` lists, top-level arrays and `@id` references; the article
//! is the node whose `@type` is an article type (`NewsArticle`, `BlogPosting`, `Report`…), with
//! the `WebPage` node as a fallback for fields the article lacks. Authors and publishers are read
//! from nested objects, arrays and `@id` references (one level of reference, as schema.org
//! generators emit them).
//!
//! It returns raw strings: names, dates and URLs are cleaned by the caller. Work is bounded:
//! blocks over 2 MB are skipped, the walk is an explicit stack capped at 100,000 values, the
//! field readers recurse at most two calls deep, and serde_json refuses nesting deeper than 128
//! (its own parser and `Value`'s drop are recursive), so no input can overflow the stack.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::textutil::collapse_whitespace;

/// Larger blocks are data dumps (product catalogues, app state), not page metadata.
const MAX_BLOCK_BYTES: usize = 2 * 1024 * 1024;
/// Values visited across all blocks; a news page's JSON-LD has a few hundred.
const MAX_VALUES: usize = 100_000;
/// Blocks read per page; pages with more are generated junk.
const MAX_BLOCKS: usize = 64;
/// Authors, sections and keywords kept from one field.
const MAX_LIST: usize = 50;

/// What the JSON-LD says about the page; every field is raw text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JsonLd {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    /// Authors typed `Organization` (or a subtype): the outlet, not a writer; used only when
    /// nothing names a person.
    pub org_authors: Vec<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub date_created: Option<String>,
    pub publisher: Option<String>,
    pub website_name: Option<String>,
    pub image: Option<String>,
    pub description: Option<String>,
    pub sections: Vec<String>,
    pub keywords: Vec<String>,
    pub language: Option<String>,
    /// Whether a node of an article type (`Article`, `BlogPosting`…) describes the page.
    pub is_article: bool,
    /// The nodes' `@type`s in document order, deduplicated: what the page says it is.
    pub types: Vec<String>,
}

type Obj = Map<String, Value>;

/// Distinct `@type`s kept: a page declares a handful; the cap bounds a hostile one.
const MAX_TYPES: usize = 32;

/// Reads every block and picks the facts about the page's main article.
pub fn extract<S: AsRef<str>>(blocks: &[S]) -> JsonLd {
    let values: Vec<Value> = blocks
        .iter()
        .take(MAX_BLOCKS)
        .filter(|b| b.as_ref().len() <= MAX_BLOCK_BYTES)
        .flat_map(|b| parse_block(b.as_ref()))
        .collect();
    let graph = Graph::build(&values);
    graph.facts()
}

/// The values in one block. Tolerates what pages get wrong most: HTML comment or CDATA wrappers,
/// raw newlines inside strings, several objects back to back, a trailing `;`.
fn parse_block(text: &str) -> Vec<Value> {
    let t = text.trim().trim_start_matches('\u{feff}');
    let t = t.strip_prefix("<!--").unwrap_or(t);
    let t = t.strip_suffix("-->").unwrap_or(t).trim();
    let t = t
        .strip_prefix("//<![CDATA[")
        .or_else(|| t.strip_prefix("<![CDATA["))
        .unwrap_or(t);
    let t = t
        .strip_suffix("//]]>")
        .or_else(|| t.strip_suffix("]]>"))
        .unwrap_or(t);
    let values = parse_stream(t);
    if !values.is_empty() {
        return values;
    }
    // Control characters are invalid inside JSON strings and mere white space outside them, so
    // turning them into spaces rescues blocks that put raw line breaks in descriptions.
    if t.bytes().any(|b| b < 0x20) {
        let cleaned: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        return parse_stream(&cleaned);
    }
    values
}

fn parse_stream(t: &str) -> Vec<Value> {
    serde_json::Deserializer::from_str(t)
        .into_iter::<Value>()
        .map_while(Result::ok)
        .collect()
}

/// The schema.org nodes found in all blocks.
struct Graph<'a> {
    /// Objects with a `@type`, with how deeply they are nested in other nodes (`@graph`
    /// members count as top level).
    nodes: Vec<(&'a Obj, u32)>,
    /// Objects that define an `@id` (and say more than the id), for resolving references.
    ids: HashMap<&'a str, &'a Obj>,
}

impl<'a> Graph<'a> {
    fn build(values: &'a [Value]) -> Graph<'a> {
        let mut g = Graph {
            nodes: Vec::new(),
            ids: HashMap::new(),
        };
        let mut stack: Vec<(&Value, u32)> = values.iter().rev().map(|v| (v, 0)).collect();
        let mut visited = 0usize;
        while let Some((v, depth)) = stack.pop() {
            visited += 1;
            if visited > MAX_VALUES {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.iter().rev().map(|i| (i, depth))),
                Value::Object(o) => {
                    let typed = o.contains_key("@type");
                    if typed {
                        g.nodes.push((o, depth));
                    }
                    if let Some(id) = o.get("@id").and_then(Value::as_str) {
                        // The fullest object under an id is its definition; the others are
                        // references, some of which repeat the `@type`.
                        let slot = g.ids.entry(id).or_insert(o);
                        if o.len() > slot.len() {
                            *slot = o;
                        }
                    }
                    // Reverse so that the stack pops members in document order.
                    for (k, child) in o.iter().collect::<Vec<_>>().into_iter().rev() {
                        if matches!(child, Value::Array(_) | Value::Object(_)) {
                            let d = if k == "@graph" || !typed {
                                depth
                            } else {
                                depth + 1
                            };
                            stack.push((child, d));
                        }
                    }
                }
                _ => {}
            }
        }
        g
    }

    /// The node a reference (`{"@id": …}`, perhaps with a `@type`) points at, or the object
    /// itself when it is not a reference.
    fn deref(&self, o: &'a Obj) -> &'a Obj {
        let is_ref = o.keys().all(|k| k == "@id" || k == "@type");
        match o.get("@id").and_then(Value::as_str) {
            Some(id) if is_ref => self.ids.get(id).copied().unwrap_or(o),
            _ => o,
        }
    }

    fn first_of(&self, pred: impl Fn(&str) -> bool) -> Option<&'a Obj> {
        let best = self
            .nodes
            .iter()
            .filter(|(o, _)| types(o).any(&pred))
            .min_by_key(|(_, depth)| *depth)?;
        Some(best.0)
    }

    fn facts(&self) -> JsonLd {
        let article = self.first_of(is_article_type);
        let page = self.first_of(is_page_type);
        let website = self.first_of(|t| t == "WebSite");
        // Pages without an article node still describe their main work somewhere (a Recipe, a
        // Review): the shallowest node with a headline stands in for it.
        // A `QAPage` or forum page names its question or first post as its `mainEntity`.
        let entity = page
            .and_then(|p| p.get("mainEntity"))
            .and_then(|v| match v {
                Value::Array(items) => items.first(),
                v => Some(v),
            })
            .and_then(Value::as_object)
            .map(|o| self.deref(o));
        let main = article.or(entity).or_else(|| {
            self.nodes
                .iter()
                .filter(|(o, _)| o.contains_key("headline"))
                .min_by_key(|(_, d)| *d)
                .map(|(o, _)| *o)
        });
        let sources: Vec<&Obj> = [main, page].into_iter().flatten().collect();
        let field = |key: &str| sources.iter().find_map(|o| o.get(key));
        let text_of = |key: &str| field(key).and_then(text);

        let mut ld = JsonLd {
            headline: main
                .and_then(|o| o.get("headline").or_else(|| o.get("name")))
                .and_then(text),
            date_published: text_of("datePublished"),
            date_modified: text_of("dateModified"),
            date_created: text_of("dateCreated"),
            description: text_of("description"),
            is_article: article.is_some(),
            ..JsonLd::default()
        };
        for t in self.nodes.iter().flat_map(|(o, _)| types(o)) {
            if ld.types.len() >= MAX_TYPES {
                break;
            }
            if !ld.types.iter().any(|k| k == t) {
                ld.types.push(t.to_owned());
            }
        }
        if let Some(v) = field("author").or_else(|| field("creator")) {
            self.names(v, &mut ld.authors, &mut ld.org_authors);
        }
        ld.publisher = [main, page, website]
            .into_iter()
            .flatten()
            .find_map(|o| o.get("publisher").and_then(|p| self.name(p)));
        ld.website_name = website.and_then(|w| w.get("name")).and_then(text);
        ld.image = field("image")
            .and_then(|v| self.image(v))
            .or_else(|| text_of("thumbnailUrl"));
        if let Some(v) = field("articleSection") {
            strings(v, false, &mut ld.sections);
        }
        if let Some(v) = field("keywords") {
            strings(v, true, &mut ld.keywords);
        }
        ld.language = field("inLanguage").and_then(|v| match v {
            Value::Object(o) => o.get("alternateName").and_then(text),
            v => text(v),
        });
        ld
    }

    /// A person's or organisation's name from a string, an object or a reference.
    fn name(&self, v: &'a Value) -> Option<String> {
        match v {
            Value::String(_) => text(v),
            Value::Object(o) => {
                let o = self.deref(o);
                if let Some(n) = o.get("name").and_then(text) {
                    return Some(n);
                }
                let part = |k| o.get(k).and_then(text);
                match (part("givenName"), part("familyName")) {
                    (Some(g), Some(f)) => Some(format!("{g} {f}")),
                    (g, f) => g.or(f),
                }
            }
            // NOTE: one level only: items that are arrays are skipped, so the recursion is two
            // calls deep whatever the input (serde_json would allow 128 levels).
            Value::Array(items) => items
                .iter()
                .filter(|i| !i.is_array())
                .find_map(|i| self.name(i)),
            _ => None,
        }
    }

    /// Every name in an author field: one, or an array (arrays nested one level are flattened,
    /// since some generators wrap the list twice).
    fn names(&self, v: &'a Value, out: &mut Vec<String>, orgs: &mut Vec<String>) {
        let items: Vec<&Value> = match v {
            Value::Array(a) => a
                .iter()
                .flat_map(|i| match i {
                    Value::Array(inner) => inner.iter().collect(),
                    other => vec![other],
                })
                .collect(),
            other => vec![other],
        };
        for item in items.into_iter().take(MAX_LIST) {
            let is_org = match item {
                Value::Object(o) => types(self.deref(o)).any(is_organization_type),
                _ => false,
            };
            let list = if is_org { &mut *orgs } else { &mut *out };
            if let Some(n) = self.name(item).filter(|n| !list.contains(n)) {
                list.push(n);
            }
        }
    }

    /// An image URL from a string, an `ImageObject` (`url` or `contentUrl`), a reference, or the
    /// first of an array.
    fn image(&self, v: &'a Value) -> Option<String> {
        match v {
            Value::String(_) => text(v),
            Value::Object(o) => {
                let o = self.deref(o);
                o.get("url")
                    .or_else(|| o.get("contentUrl"))
                    .and_then(|u| match u {
                        Value::Array(a) => a.first().and_then(text),
                        u => text(u),
                    })
            }
            Value::Array(items) => items.iter().find_map(|i| match i {
                Value::Array(_) => None,
                i => self.image(i),
            }),
            _ => None,
        }
    }
}

/// The `@type`s of a node, without a `http://schema.org/` or `schema:` prefix.
fn types(o: &Obj) -> impl Iterator<Item = &str> {
    let list: Vec<&str> = match o.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    list.into_iter()
        .map(|t| t.rsplit(['/', ':', '#']).next().unwrap_or(t))
}

/// Article types: schema.org's `Article` subtypes all end in "Article" (`NewsArticle`,
/// `ReportageNewsArticle`…) or "Posting" (`BlogPosting`, `LiveBlogPosting`…), plus `Report`.
fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("Posting") || t == "Report"
}

/// `Organization` and the subtypes pages use for outlets and businesses.
fn is_organization_type(t: &str) -> bool {
    t == "Organization"
        || t.ends_with("Organization")
        || t == "Corporation"
        || t == "LocalBusiness"
        || t == "MedicalClinic"
        || t == "Hospital"
}

/// `WebPage` and its subtypes (`ItemPage`, `AboutPage`, `CollectionPage`…).
fn is_page_type(t: &str) -> bool {
    t.ends_with("Page")
}

/// A string value, or `@value` of a value object, or the first of an array; collapsed, and
/// `None` when empty.
fn text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o.get("@value")?.as_str()?,
        // NOTE: one level only: items that are arrays are skipped, so this never recurses deeper.
        Value::Array(a) => return a.iter().filter(|i| !i.is_array()).find_map(text),
        _ => return None,
    };
    let s = collapse_whitespace(&decode_entities(s));
    (!s.is_empty()).then_some(s)
}

/// Decodes the HTML character references that generators leave in JSON-LD strings
/// ("Maps, Tiles &#x26; GIS", "Rock &amp; Roll"); unknown ones stay as written.
fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest[1..].find(';').filter(|&j| j <= 10).and_then(|j| {
            let name = &rest[1..=j];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, j + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// Strings from a string or an array; `split_commas` for `keywords`, which sites write either way.
fn strings(v: &Value, split_commas: bool, out: &mut Vec<String>) {
    let items: Vec<&str> = match v {
        Value::String(s) => vec![s],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    for item in items {
        let parts: Vec<&str> = if split_commas {
            item.split(',').collect()
        } else {
            vec![item]
        };
        for p in parts {
            let p = collapse_whitespace(p);
            if !p.is_empty() && out.len() < MAX_LIST && !out.contains(&p) {
                out.push(p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(blocks: &[&str]) -> JsonLd {
        extract(blocks)
    }

    #[test]
    fn graph_with_id_author_references_resolves_names() {
        let j = ld(&[r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"https://e.com/#site","name":"Example News",
             "publisher":{"@id":"https://e.com/#org"}},
            {"@type":"Organization","@id":"https://e.com/#org","name":"Example Media"},
            {"@type":"WebPage","@id":"https://e.com/a#page","name":"Rain | Example News",
             "datePublished":"2017-11-13"},
            {"@type":["Article","NewsArticle"],"headline":"Rain in Spain",
             "author":[{"@id":"https://e.com/#jane"},{"@id":"https://e.com/#john"}],
             "publisher":{"@id":"https://e.com/#org"},
             "datePublished":"2017-11-14T15:38:00+01:00","dateModified":"2017-11-15",
             "image":{"@id":"https://e.com/#img"},"keywords":"rain, spain"},
            {"@type":"Person","@id":"https://e.com/#jane","name":"Jane Doe"},
            {"@type":"Person","@id":"https://e.com/#john","givenName":"John","familyName":"Smith"},
            {"@type":"ImageObject","@id":"https://e.com/#img","url":"https://e.com/rain.jpg"}
        ]}"#]);
        assert_eq!(j.headline.as_deref(), Some("Rain in Spain"));
        assert_eq!(j.authors, ["Jane Doe", "John Smith"]);
        assert_eq!(j.publisher.as_deref(), Some("Example Media"));
        assert_eq!(j.website_name.as_deref(), Some("Example News"));
        assert_eq!(
            j.date_published.as_deref(),
            Some("2017-11-14T15:38:00+01:00")
        );
        assert_eq!(j.date_modified.as_deref(), Some("2017-11-15"));
        assert_eq!(j.image.as_deref(), Some("https://e.com/rain.jpg"));
        assert_eq!(j.keywords, ["rain", "spain"]);
    }

    #[test]
    fn top_level_array_prefers_the_article_over_webpage_and_org() {
        let j = ld(&[r#"[
            {"@type":"Organization","name":"Org","description":"org text"},
            {"@type":"WebPage","name":"Page title","description":"page text"},
            {"@type":"BlogPosting","headline":"Post title","articleSection":["Travel","Food"]}
        ]"#]);
        assert_eq!(j.headline.as_deref(), Some("Post title"));
        assert_eq!(j.description.as_deref(), Some("page text"));
        assert_eq!(j.sections, ["Travel", "Food"]);
    }

    #[test]
    fn nested_author_objects_arrays_and_strings() {
        let j = ld(&[r#"{"@type":"NewsArticle","headline":"H",
            "author":[{"@type":"Person","name":"Ann Lee"},"Bo Park",[{"name":"Cy Diaz"}]],
            "publisher":{"@type":"Organization","name":"Daily","logo":{"@type":"ImageObject","url":"x"}},
            "image":["https://e.com/1.jpg","https://e.com/2.jpg"]}"#]);
        assert_eq!(j.authors, ["Ann Lee", "Bo Park", "Cy Diaz"]);
        assert_eq!(j.publisher.as_deref(), Some("Daily"));
        assert_eq!(j.image.as_deref(), Some("https://e.com/1.jpg"));
    }

    #[test]
    fn related_articles_nested_deeper_do_not_win() {
        let j = ld(&[r#"{"@type":"NewsArticle","headline":"Main",
            "hasPart":{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","headline":"Other"}]}}"#]);
        assert_eq!(j.headline.as_deref(), Some("Main"));
        let j = ld(&[
            r#"{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","headline":"Related"}]}"#,
            r#"{"@type":"NewsArticle","headline":"Main"}"#,
        ]);
        assert_eq!(j.headline.as_deref(), Some("Main"));
    }

    #[test]
    fn qa_page_main_entity_gives_the_question_author_not_the_answerers() {
        let j = ld(&[
            r#"{"@type":"QAPage","mainEntity":{"@type":"Question","name":"Q?",
            "datePublished":"2023-02-17T06:41:22Z","author":{"@type":"Person","name":"asker"},
            "suggestedAnswer":[{"@type":"Answer","author":{"@type":"Person","name":"helper"}}]}}"#,
        ]);
        assert_eq!(j.authors, ["asker"]);
        assert_eq!(j.date_published.as_deref(), Some("2023-02-17T06:41:22Z"));
    }

    #[test]
    fn organization_authors_are_kept_apart_from_people() {
        let j = ld(&[
            r#"{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ann Lee"},
            {"@type":"NewsMediaOrganization","name":"The Daily"}]}"#,
        ]);
        assert_eq!(j.authors, ["Ann Lee"]);
        assert_eq!(j.org_authors, ["The Daily"]);
    }

    #[test]
    fn html_entities_in_strings_are_decoded() {
        let j = ld(&[
            r#"{"@type":"Article","headline":"SQL &#x26; AI &amp; more &#8217; &bogus; & x"}"#,
        ]);
        assert_eq!(
            j.headline.as_deref(),
            Some("SQL & AI & more \u{2019} &bogus; & x")
        );
    }

    #[test]
    fn broken_blocks_are_rescued_or_skipped() {
        let j = ld(&[
            "not json",
            "<!-- {\"@type\":\"Article\",\"headline\":\"Two\nlines\"} -->",
        ]);
        assert_eq!(j.headline.as_deref(), Some("Two lines"));
        let deep = "[".repeat(10_000);
        assert_eq!(ld(&[deep.as_str()]), JsonLd::default());
    }
}
