//! Facts about the page — headline, authors, dates, site, language, description, image,
//! categories and tags — read from structured data, meta tags and the visible headline area.
//!
//! Runs on the whole parsed page, before pruning, because much of it lives in `<head>`, in
//! `<script type="application/ld+json">` and in page headers. One walk (`scan`) collects every
//! candidate; this module then picks each field from its sources in priority order: JSON-LD
//! (`jsonld`), meta tags and microdata (`meta`), headings (`title`), and bylines, `<time>`s and
//! datelines near the headline (`byline`, `date`). It does not touch the body's extraction,
//! beyond naming the headline element so the body can leave it out.

mod anchor;
mod authors;
pub(crate) mod byline;
pub(crate) mod date;
mod date_labels;
mod dates;
mod jsonld;
mod meta;
mod near;
mod relative;
mod scan;
mod stamp;
mod title;
mod title_clean;
mod title_compare;
mod title_name;
mod title_site;
pub(crate) mod url;

use crate::dom::{Document, NodeId};
use crate::pagetype::PageType;
use crate::textutil::collapse_whitespace;
use meta::{bounded_text, itemprop_value};
use near::Near;
use scan::{Scan, Spot};

/// What the metadata stage found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`, or with time and offset when the page gives them;
    /// `YYYY-MM` when it gives only a month).
    pub date: Option<String>,
    /// Last modification date, same form; never used as the publication date.
    pub date_modified: Option<String>,
    pub sitename: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    /// What kind of page this is; the provenance says which signal decided it.
    pub page_type: PageType,
    /// The visible headline element (usually the `<h1>`), which the body must not repeat.
    pub headline: Option<NodeId>,
    /// Where each field came from.
    pub provenance: Provenance,
}

/// Where each metadata field came from: `"json-ld:datePublished"`, `"meta:og:title"`, `"h1"`,
/// `"byline"`, `"url"`, `"detected"`… `None` when the field is empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Provenance {
    pub title: Option<String>,
    pub authors: Option<String>,
    pub date: Option<String>,
    pub date_modified: Option<String>,
    pub sitename: Option<String>,
    pub language: Option<String>,
    pub image: Option<String>,
    /// The signal that decided the page type: `"json-ld:Product"`, `"url:/forum/"`, `"dated"`….
    pub page_type: Option<String>,
}

/// Categories and tags kept, and the longest one: longer lists and items are spam.
const MAX_TERMS: usize = 50;
const MAX_TERM_CHARS: usize = 100;

/// Reads the page's metadata. `url` is the page's address when the caller knows it; `now`,
/// in Unix seconds, when the page was fetched (default: the clock); `earliest`, in Unix
/// seconds, the earliest date taken for a date (default: [`date::DEFAULT_EARLIEST`]).
pub fn extract(
    doc: &Document,
    url: Option<&str>,
    now: Option<i64>,
    earliest: Option<i64>,
) -> Metadata {
    let window = date::Window {
        now: now.unwrap_or_else(date::now_secs),
        earliest: earliest.unwrap_or(date::DEFAULT_EARLIEST),
    };
    extract_at(doc, url, window)
}

/// [`extract`] with the dates' window given, so that tests do not depend on the clock.
fn extract_at(doc: &Document, page_url: Option<&str>, window: impl Into<date::Window>) -> Metadata {
    let now = window.into();
    let scan = scan::scan(doc);
    let m = &scan.meta;
    // A head manager may write the JSON-LD block into a `<meta name="script:ld+json"
    // content="{…}">` instead of a `<script>`: the same block, entity-escaped in an attribute.
    // wcxb-dev: date +1 and, the page now declaring an article, its `<h1>` title +1; no loss.
    let in_meta = m
        .matching(|k| k.ends_with("ld+json"))
        .map(|(_, v)| v.to_owned());
    let blocks: Vec<String> = scan
        .jsonld
        .iter()
        .map(|&id| doc.text_content(id))
        .chain(in_meta)
        .collect();
    let ld = jsonld::extract(&blocks);

    let url = scan
        .canonical
        .as_deref()
        .and_then(|h| url::resolve(h, page_url))
        .or_else(|| m.first(meta::URL).and_then(|h| url::resolve(h, page_url)))
        .or_else(|| page_url.map(str::to_owned));
    let base = url.as_deref().or(page_url);

    let sitename = first_sourced([
        (m.first(meta::SITE_NAME), "meta:og:site_name"),
        (ld.publisher.as_deref(), "json-ld:publisher"),
        (ld.website_name.as_deref(), "json-ld:WebSite"),
        (m.first(meta::APP_NAME), "meta:application-name"),
    ]);
    let html_title = scan.title.and_then(|t| bounded_text(doc, t, 2_000));
    let micro_headline = scan
        .microdata
        .headline
        .and_then(|h| itemprop_value(doc, h, 600));
    let og_title = first_text([m.first(meta::TITLE)]);
    let dc_title = first_text([m.first(meta::DC_TITLE)]);
    let host = base.and_then(url::host);
    let choice = title::choose(
        doc,
        &scan.headings,
        &title::Sources {
            og: og_title.as_deref(),
            jsonld: ld.headline.as_deref(),
            microdata: micro_headline.as_deref(),
            dc: dc_title.as_deref(),
            html: html_title.as_deref(),
            host,
            article: ld.is_article
                || m.first(meta::OG_TYPE)
                    .is_some_and(|t| t.eq_ignore_ascii_case("article"))
                || ld.date_published.is_some()
                || m.first(meta::PUBLISHED).is_some(),
        },
        sitename.as_ref().map(|(s, _)| s.as_str()),
    );
    // The host is the site's name of last resort ("www.example.org" → "example.org").
    let sitename = sitename
        .or_else(|| choice.site.clone().map(from("title-suffix")))
        .or_else(|| {
            host.map(|h| h.trim_start_matches("www.").to_owned())
                .map(from("host"))
        });
    // Without a heading that shows the title, the text that does anchors the header: a
    // theme's `<h4>` headline, a page builder's styled `<p>`. wcxb-dev: date +2, no loss
    // (title and author unchanged).
    let anchor = choice.anchor.or_else(|| {
        choice
            .title
            .as_deref()
            .and_then(|t| anchor::title_text_position(doc, t))
    });
    let near = Near::new(&scan, anchor);

    let (date, date_modified) = dates::dates(doc, &scan, &ld, &near, page_url, now);
    let (authors, authors_source) = authors::authors(
        doc,
        &scan,
        &ld,
        &near,
        sitename.as_ref().map(|(s, _)| s.as_str()),
    );
    let image = m
        .first(meta::IMAGE)
        .and_then(|i| url::resolve(i, base))
        .map(from("meta:og:image"))
        .or_else(|| {
            ld.image
                .as_deref()
                .and_then(|i| url::resolve(i, base))
                .map(from("json-ld:image"))
        })
        .or_else(|| {
            scan.image_src
                .as_deref()
                .and_then(|i| url::resolve(i, base))
                .map(from("link:image_src"))
        })
        .or_else(|| {
            lead_figure(doc, &scan, choice.anchor)
                .and_then(|i| url::resolve(i, base))
                .map(from("figure"))
        });
    let (page_type, page_type_source) = crate::pagetype::classify(&crate::pagetype::Signals {
        jsonld_types: &ld.types,
        microdata_types: &scan.itemtypes,
        og_type: m.first(meta::OG_TYPE),
        path: page_url.or(url.as_deref()).and_then(url::path),
        host,
        dated: date.is_some(),
    });
    let language = language(&scan, &ld);
    let (sitename, sitename_source) = split(sitename);
    let (date, date_source) = split(date);
    let (date_modified, date_modified_source) = split(date_modified);
    let (image, image_source) = split(image);
    let (language, language_source) = split(language);
    Metadata {
        provenance: Provenance {
            title: choice.title.as_ref().map(|_| choice.source.to_owned()),
            authors: authors_source,
            date: date_source,
            date_modified: date_modified_source,
            sitename: sitename_source,
            language: language_source,
            image: image_source,
            page_type: Some(page_type_source),
        },
        page_type,
        authors,
        date,
        date_modified,
        language,
        description: first_text([
            m.first(meta::DESCRIPTION),
            ld.description.as_deref(),
            m.first(meta::DC_DESCRIPTION),
        ]),
        image,
        categories: terms(
            m.all_of_first(meta::SECTION)
                .into_iter()
                .chain(ld.sections.iter().map(String::as_str)),
        ),
        tags: tags(&scan, &ld),
        title: choice.title,
        headline: choice.headline,
        url,
        sitename,
    }
}

/// Declared width (CSS pixels) from which an image counts as a lead figure: article photos are
/// set 600–1200 wide, while logos, avatars and icons stay under 200; 300 sits between.
const MIN_FIGURE_WIDTH: u32 = 300;

/// The first large image after the headline (else the first in the article, else the first on
/// the page): a declared width of [`MIN_FIGURE_WIDTH`] or more, or an image in a `<figure>`
/// that declares no smaller one, whose address does not name a logo. Returns its address as
/// written: the lazy-loading `data-src` first, since `src` then holds a placeholder.
fn lead_figure<'d>(doc: &'d Document, scan: &Scan, anchor: Option<u32>) -> Option<&'d str> {
    let large = |s: &&Spot| {
        let width = doc.attr(s.node, "width").and_then(|w| {
            let digits: String = w.trim().chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u32>().ok()
        });
        match width {
            Some(w) => w >= MIN_FIGURE_WIDTH,
            // Three levels: `<figure><a><picture><img>` is as deep as real pages go.
            None => doc.ancestors(s.node).take(3).any(|a| {
                doc.element(a)
                    .is_some_and(|e| e.tag == crate::dom::Tag::Figure)
            }),
        }
    };
    let src = |s: &Spot| {
        let usable = |v: &&str| {
            let v = v.trim().to_ascii_lowercase();
            !v.is_empty() && !v.starts_with("data:") && !v.ends_with(".svg") && !v.contains("logo")
        };
        ["data-src", "data-lazy-src", "src"]
            .into_iter()
            .find_map(|a| doc.attr(s.node, a).filter(usable))
    };
    let images: Vec<&Spot> = scan.images.iter().filter(large).collect();
    let after = |s: &&&Spot| anchor.is_some_and(|a| s.pos >= a);
    images
        .iter()
        .filter(after)
        .chain(images.iter().filter(|s| s.ctx.in_article))
        .chain(images.iter())
        .find_map(|s| src(s))
}

/// A value and its source as two options.
fn split(v: Option<Sourced>) -> (Option<String>, Option<String>) {
    match v {
        Some((v, s)) => (Some(v), Some(s)),
        None => (None, None),
    }
}

/// The first candidate that is not blank, whitespace collapsed, with its source.
fn first_sourced<'a>(
    candidates: impl IntoIterator<Item = (Option<&'a str>, &'static str)>,
) -> Option<Sourced> {
    candidates.into_iter().find_map(|(v, source)| {
        let v = collapse_whitespace(v?);
        (!v.is_empty()).then(|| (v, source.to_owned()))
    })
}

/// Lower-case letters and digits only: "The Daily-News" and "the daily news" fold alike.
fn fold(s: &str) -> String {
    // NOTE: this runs on the title and every heading it is compared with (~1,800 calls and
    // 14 M instructions a scrapinghub pass through `char::to_lowercase`'s iterator and a
    // growing `String`); ASCII chars, most of any heading, take a direct path with the same
    // result, and the output is sized once.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

// Guards that `fold`'s ASCII path folds exactly as the char-by-char definition does.
#[test]
fn fold_agrees_with_lowercasing_every_alphanumeric_char() {
    for s in [
        "The Daily-News",
        "",
        "  ",
        "İstanbul ÇAĞ",
        "Ünïcödé 日本語 ΣΑΣ",
        "a1-B2_c3",
        "ǅ ﬁ ẞ",
    ] {
        let slow: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        assert_eq!(fold(s), slow, "{s:?}");
    }
}

/// The first candidate that is not blank, whitespace collapsed.
fn first_text<'a>(candidates: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    candidates
        .into_iter()
        .flatten()
        .map(collapse_whitespace)
        .find(|s| !s.is_empty())
}

/// A value and where it came from (`"json-ld:datePublished"`, `"time-element"`…).
type Sourced = (String, String);

/// Tags a found value with its source.
fn from(source: &'static str) -> impl Fn(String) -> Sourced {
    move |v| (v, source.to_owned())
}

/// `<html lang>`, else the content-language meta, else JSON-LD `inLanguage`, with the source.
fn language(scan: &Scan, ld: &jsonld::JsonLd) -> Option<Sourced> {
    [
        (scan.lang.as_deref(), "html-lang"),
        (scan.meta.first(meta::LANGUAGE), "meta:content-language"),
        (ld.language.as_deref(), "json-ld:inLanguage"),
    ]
    .into_iter()
    .find_map(|(v, source)| clean_language(v?).map(from(source)))
}

/// A language tag, with `_` turned into `-` ("en_US" → "en-US"); the first of a list
/// ("en, fr"). Anything that is not shaped like a BCP 47 tag (a template placeholder, a
/// language's name) is refused.
fn clean_language(raw: &str) -> Option<String> {
    let tag = raw.split([',', ';']).next()?.trim().replace('_', "-");
    let primary = tag.split('-').next()?;
    let ok = (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && tag.len() <= 35
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then_some(tag)
}

/// `article:tag` and JSON-LD keywords; the keywords meta only when neither has any, since
/// sites fill it with the same SEO words on every page.
fn tags(scan: &Scan, ld: &jsonld::JsonLd) -> Vec<String> {
    let tags = terms(
        scan.meta
            .all_of_first(meta::TAG)
            .into_iter()
            .chain(ld.keywords.iter().map(String::as_str)),
    );
    if !tags.is_empty() {
        return tags;
    }
    let keywords = scan.meta.first(meta::KEYWORDS).unwrap_or("");
    terms(keywords.split([',', ';']))
}

/// Deduplicated (case-insensitively), trimmed, capped list of terms.
fn terms<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // NOTE: each kept term lower-cased once, beside it: lower-casing both sides of every
    // comparison made two strings per pair (~20,000 a scrapinghub pass; callgrind).
    let mut seen: Vec<String> = Vec::new();
    for item in items {
        let t = collapse_whitespace(item);
        if t.is_empty() || t.chars().count() > MAX_TERM_CHARS {
            continue;
        }
        let lower = t.to_lowercase();
        if !seen.contains(&lower) {
            out.push(t);
            seen.push(lower);
        }
        if out.len() >= MAX_TERMS {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_shapes;
