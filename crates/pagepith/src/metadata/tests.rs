//! Whole-stage tests: small hand-written pages through [`super::extract_at`].

use super::*;
use crate::dom::{parse, ParseLimits};

/// 2024-06-01T00:00:00Z: a fixed "now" so the tests do not depend on the clock.
const NOW: i64 = 1_717_200_000;

fn meta_of(html: &str) -> (Metadata, Document) {
    let doc = parse(html, &ParseLimits::default()).unwrap();
    (
        extract_at(&doc, Some("https://example.com/news/rain.html"), NOW),
        doc,
    )
}

fn meta(html: &str) -> Metadata {
    meta_of(html).0
}

#[test]
fn jsonld_graph_with_id_author_references_fills_every_field() {
    let m = meta(
        r#"<html><head><title>Rain in Spain | Example News</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","@id":"https://example.com/#site","name":"Example News","inLanguage":"en-GB"},
          {"@type":"WebPage","@id":"https://example.com/news/rain.html","description":"Page text"},
          {"@type":"NewsArticle","headline":"Rain in Spain","author":{"@id":"https://example.com/#jane"},
           "publisher":{"@id":"https://example.com/#org"},"datePublished":"2017-11-14T15:38:00+01:00",
           "dateModified":"2017-11-15T09:00:00Z","articleSection":"Weather","keywords":["rain","Spain"],
           "image":{"@type":"ImageObject","url":"https://example.com/rain.jpg"}},
          {"@type":"Person","@id":"https://example.com/#jane","name":"By Jane Doe"},
          {"@type":"Organization","@id":"https://example.com/#org","name":"Example Media"}]}</script>
        </head><body><h1>Rain in Spain</h1></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Rain in Spain"));
    assert_eq!(m.authors, ["Jane Doe"]);
    assert_eq!(m.date.as_deref(), Some("2017-11-14T15:38:00+01:00"));
    assert_eq!(m.date_modified.as_deref(), Some("2017-11-15T09:00:00Z"));
    assert_eq!(m.sitename.as_deref(), Some("Example Media"));
    assert_eq!(m.description.as_deref(), Some("Page text"));
    assert_eq!(m.image.as_deref(), Some("https://example.com/rain.jpg"));
    assert_eq!(m.categories, ["Weather"]);
    assert_eq!(m.tags, ["rain", "Spain"]);
    assert_eq!(m.url.as_deref(), Some("https://example.com/news/rain.html"));
    assert!(m.headline.is_some());
}

#[test]
fn a_jsonld_block_in_a_meta_content_is_read() {
    // Guards JSON-LD that a head manager wrote, entity-escaped, into `<meta content>`.
    let m = meta(
        r#"<html><head><meta name="head:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,
        &quot;headline&quot;:&quot;Tidal Kites Explained&quot;,&quot;datePublished&quot;:&quot;2021-03-09T08:00:00-05:00&quot;}">
        </head><body><p>body</p></body></html>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2021-03-09T08:00:00-05:00"));
    assert_eq!(m.provenance.date.as_deref(), Some("json-ld:datePublished"));
}

#[test]
fn jsonld_top_level_array_with_nested_author_array() {
    let m = meta(
        r#"<script type="application/ld+json">[
          {"@type":"Organization","name":"Org","author":"Nobody"},
          {"@type":"BlogPosting","headline":"Post","datePublished":"2020-02-03",
           "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Park"}]}]</script>
        <p>body</p>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Post"));
    assert_eq!(m.authors, ["Ann Lee", "Bo Park"]);
    assert_eq!(m.date.as_deref(), Some("2020-02-03"));
}

#[test]
fn opengraph_and_article_meta_tags() {
    let m = meta(
        r#"<head><meta property="og:title" content="Rain in Spain">
        <meta property="og:site_name" content="Daily News">
        <meta property="og:image" content="/img/rain.jpg">
        <meta property="og:description" content="Wet  spring.">
        <meta property="og:url" content="https://example.com/rain">
        <meta property="article:published_time" content="2017-11-14T15:38:00+02:00">
        <meta property="article:modified_time" content="2017-11-15T10:00:00+02:00">
        <meta property="article:author" content="https://www.facebook.com/dailynews">
        <meta name="author" content="Jane Doe">
        <meta property="article:section" content="World">
        <meta property="article:tag" content="rain"><meta property="article:tag" content="Spain">
        <meta name="keywords" content="news, weather"></head><body><p>x</p></body>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Rain in Spain"));
    assert_eq!(m.sitename.as_deref(), Some("Daily News"));
    assert_eq!(m.image.as_deref(), Some("https://example.com/img/rain.jpg"));
    assert_eq!(m.description.as_deref(), Some("Wet spring."));
    assert_eq!(m.url.as_deref(), Some("https://example.com/rain"));
    assert_eq!(m.date.as_deref(), Some("2017-11-14T15:38:00+02:00"));
    assert_eq!(
        m.date_modified.as_deref(),
        Some("2017-11-15T10:00:00+02:00")
    );
    assert_eq!(m.authors, ["Jane Doe"]);
    assert_eq!(m.categories, ["World"]);
    assert_eq!(m.tags, ["rain", "Spain"]);
}

#[test]
fn dublin_core_title_creator_and_date() {
    let m = meta(
        r#"<head><meta name="DC.title" content="Annual Report 2016">
        <meta name="DC.creator" content="Smith, Jane; Lee, Ann">
        <meta name="DCTERMS.issued" content="2017-03-01"><meta name="dc.language" content="de"></head>
        <body><p>x</p></body>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Annual Report 2016"));
    assert_eq!(m.date.as_deref(), Some("2017-03-01"));
    assert_eq!(m.language.as_deref(), Some("de"));
    assert!(!m.authors.is_empty());
}

#[test]
fn microdata_headline_author_and_dates() {
    let m = meta(
        r#"<div itemscope itemtype="https://schema.org/Article">
          <h2 itemprop="headline">Rain  in Spain</h2>
          <span itemprop="author" itemscope itemtype="https://schema.org/Person">
            <a itemprop="url" href="/jane"><span itemprop="name">Jane Doe</span></a></span>
          <meta itemprop="datePublished" content="2017-11-14">
          <time itemprop="dateModified" datetime="2017-11-16T08:00">Nov 16</time>
          <p>Body text.</p></div>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Rain in Spain"));
    assert!(m.headline.is_some());
    assert_eq!(m.authors, ["Jane Doe"]);
    assert_eq!(m.date.as_deref(), Some("2017-11-14"));
    assert_eq!(m.date_modified.as_deref(), Some("2017-11-16T08:00:00"));
}

#[test]
fn time_datetime_near_headline_is_the_date_and_nav_times_are_not() {
    let m = meta(
        r#"<nav><time datetime="2024-01-01">today</time></nav>
        <article><h1>Rain in Spain</h1><div class="meta">
        <time class="updated" datetime="2017-11-15">Updated Nov 15</time>
        <time datetime="2017-11-14T15:38:00Z">Nov 14</time></div><p>Body.</p></article>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2017-11-14T15:38:00Z"));
    assert_eq!(m.date_modified.as_deref(), Some("2017-11-15"));
}

#[test]
fn time_with_pubdate_attribute_wins_over_nearer_times() {
    let m = meta(
        r#"<article><h1>T</h1><time datetime="2017-11-20">x</time>
        <footer><time pubdate datetime="2017-11-14">y</time></footer></article>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2017-11-14"));
}

#[test]
fn title_site_suffix_is_removed_and_h1_preferred() {
    let (m, doc) = meta_of(
        r#"<head><title>Rain in Spain stays mainly in the plain | Daily News</title></head><body>
        <header><h1><a href="/">Daily News</a></h1></header>
        <main><h1>Rain in Spain stays mainly in the plain</h1><p>x</p></main></body>"#,
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Rain in Spain stays mainly in the plain")
    );
    assert_eq!(m.sitename.as_deref(), Some("Daily News"));
    let h = m.headline.unwrap();
    assert_eq!(
        doc.text_content(h),
        "Rain in Spain stays mainly in the plain"
    );
    assert!(doc
        .ancestors(h)
        .any(|a| doc.tag(a) == Some(crate::dom::Tag::Main)));
}

#[test]
fn title_without_h1_falls_back_to_stripped_title_tag() {
    let m = meta("<title>Rain in Spain – Daily News</title><p>x</p>");
    assert_eq!(m.title.as_deref(), Some("Rain in Spain"));
    assert_eq!(m.sitename.as_deref(), Some("Daily News"));
    assert_eq!(m.headline, None);
}

#[test]
fn visible_byline_by_jane_doe_and_john_smith() {
    let m = meta(
        r#"<article><h1>Rain</h1><p>By <a href="/a/jane" rel="author">Jane Doe</a> and
        <a href="/a/john">John Smith</a></p><p>Body text here.</p>
        <div class="comment"><span class="author">Troll</span></div></article>"#,
    );
    assert_eq!(m.authors, ["Jane Doe", "John Smith"]);
}

#[test]
fn label_element_names_the_author_in_the_next_one() {
    let m = meta(
        r#"<article><h1>Rain</h1><div class="content-item"><h3>Author</h3><p>  Lisa D. Ellis</p></div>
        <p>Body.</p></article>"#,
    );
    assert_eq!(m.authors, ["Lisa D. Ellis"]);
}

#[test]
fn signature_at_the_end_of_the_article_is_read_when_nothing_else_is() {
    let mut body = String::new();
    for i in 0..300 {
        body.push_str(&format!("<p>Paragraph {i} of the article body.</p>"));
    }
    let m = meta(&format!(
        "<article><h1>Rain</h1>{body}<p>Written by<!-- --> <a href=/a>Tomas Reyes and Ada Whitlock</a></p></article>"
    ));
    assert_eq!(m.authors, ["Tomas Reyes", "Ada Whitlock"]);
}

#[test]
fn byline_class_with_staff_and_update_junk_keeps_staff_only_as_last_resort() {
    let m = meta(
        r#"<article><h1>Rain</h1><div class="byline">By STAFF | Updated 3 min ago</div>
        <p>Body.</p></article>"#,
    );
    assert_eq!(m.authors, ["STAFF"]);
    // "3 min ago" is the only date: counted back from the reference time, as a last resort.
    assert_eq!(m.date.as_deref(), Some("2024-05-31"));
    assert_eq!(m.provenance.date.as_deref(), Some("relative"));
    let m = meta(
        r#"<head><meta name="author" content="Admin"></head><body><article><h1>Rain</h1>
        <div class="byline">By Jane Doe | Updated 3 min ago</div></article></body>"#,
    );
    assert_eq!(m.authors, ["Jane Doe"]);
}

#[test]
fn visible_dateline_is_read_when_nothing_structured_exists() {
    let m = meta(
        r#"<article><h1>Rain</h1><p class="byline">By Jane Doe</p>
        <span class="post-date">Published Nov. 14, 2017 3:38 pm, updated Nov. 15</span><p>x</p></article>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2017-11-14T15:38:00"));
}

#[test]
fn unmarked_date_text_under_the_headline_is_the_last_resort() {
    let m = meta(
        r#"<article><h1>Rain</h1><div><div>Last updated:</div><div>Dec 12, 2025</div></div>
        <p>Written by <a href="/a/jane">Jane Doe</a></p><p>April 8, 2024</p>
        <p>A long first paragraph of the body text, which is not a date at all.</p></article>"#,
    );
    assert_eq!(m.authors, ["Jane Doe"]);
    assert_eq!(m.date.as_deref(), Some("2024-04-08"));
}

#[test]
fn visible_last_modified_line_is_the_modified_date_and_the_date_of_last_resort() {
    let m = meta(
        r#"<article><h1>Rain</h1><p class="date-last-modify">Last Modified: June 14, 2021</p>
        <p>Body.</p></article>"#,
    );
    assert_eq!(m.date_modified.as_deref(), Some("2021-06-14"));
    // The page's only date dates it; the source says it is an update, not a publication.
    assert_eq!(m.date.as_deref(), Some("2021-06-14"));
    assert_eq!(m.provenance.date.as_deref(), Some("dateline:updated"));
}

#[test]
fn future_published_date_is_rejected_for_the_next_source() {
    let m = meta(
        r#"<head><meta property="article:published_time" content="2999-01-01T00:00:00Z">
        <meta name="date" content="2017-11-14"></head><body><p>x</p></body>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2017-11-14"));
}

#[test]
fn modified_date_is_not_taken_as_published_when_a_publication_date_exists() {
    let m = meta(
        r#"<head><meta property="article:modified_time" content="2017-11-15">
        <script type="application/ld+json">{"@type":"Article","dateModified":"2017-11-16"}</script>
        </head><body><article><h1>T</h1><p>Posted <time datetime="2017-11-10">Nov 10</time></p>
        <p>Updated <time datetime="2017-11-17">Nov 17</time></p></article></body>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2017-11-10"));
    assert_eq!(m.date_modified.as_deref(), Some("2017-11-16"));
    // With no publication date anywhere, the modification date is the only date there is.
    let m = meta(
        r#"<head><meta property="article:modified_time" content="2017-11-15"></head>
        <body><article><h1>T</h1><p>x</p></article></body>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2017-11-15"));
    assert_eq!(
        m.provenance.date.as_deref(),
        Some("meta:article:modified_time")
    );
    let m = meta(
        r#"<head><meta property="article:published_time" content="2017-11-01">
        <meta property="article:modified_time" content="2017-11-15"></head><body><article>
        <h1>T</h1><p>Updated <time datetime="2017-11-15">Nov 15</time></p></article></body>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2017-11-01"));
    assert_eq!(
        m.provenance.date.as_deref(),
        Some("meta:article:published_time")
    );
}

#[test]
fn jsonld_date_beats_meta_and_created_is_last_resort() {
    let m = meta(
        r#"<meta name="date" content="2017-01-01">
        <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2017-11-14"}</script>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2017-11-14"));
    let m = meta(
        r#"<script type="application/ld+json">{"@type":"Article","dateCreated":"2016-05-05"}</script>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2016-05-05"));
}

#[test]
fn canonical_url_resolves_and_language_falls_back() {
    let m = meta(
        r#"<html><head><link rel="canonical" href="/news/rain"><meta http-equiv="content-language"
        content="fr_FR, en"></head><body></body></html>"#,
    );
    assert_eq!(m.url.as_deref(), Some("https://example.com/news/rain"));
    assert_eq!(m.language.as_deref(), Some("fr-FR"));
    let m = meta(r#"<html lang="{{lang}}"><link rel="canonical" href="javascript:x"></html>"#);
    assert_eq!(m.url.as_deref(), Some("https://example.com/news/rain.html"));
    assert_eq!(m.language, None);
    let m = meta(r#"<html lang="pt-BR"><p>x</p></html>"#);
    assert_eq!(m.language.as_deref(), Some("pt-BR"));
}

#[test]
fn keywords_meta_only_when_no_tags() {
    let m = meta(r#"<meta name="keywords" content="rain, Spain,  , rain"><p>x</p>"#);
    assert_eq!(m.tags, ["rain", "Spain"]);
}

#[test]
fn empty_page_gives_empty_metadata_with_given_url() {
    let m = meta("");
    assert_eq!(
        m,
        Metadata {
            url: Some("https://example.com/news/rain.html".into()),
            // The host is the site's name of last resort.
            sitename: Some("example.com".into()),
            provenance: Provenance {
                sitename: Some("host".into()),
                // Only the URL's path says anything: "/news/rain.html" is a story.
                page_type: Some("url:/news/".into()),
                ..Provenance::default()
            },
            ..Metadata::default()
        }
    );
}

/// Kept shallow because html5ever's tree builder is slow on deep nesting (20,000 levels take
/// ~100 s in a debug build); the stage itself has no recursion to overflow.
#[test]
fn deep_nesting_stays_iterative_and_bounded() {
    let depth = 3_000;
    let html = "<div class='author'>".repeat(depth) + "By Jane Doe" + &"</div>".repeat(depth);
    let m = meta(&html);
    assert!(m.authors.is_empty() || m.authors == ["Jane Doe"]);
}

#[test]
fn url_day_corrects_a_utc_timestamp_that_crossed_midnight() {
    let html = r#"<head><meta property="article:published_time" content="2017-11-15T02:41:00Z">
        </head><body><article><h1>Rain</h1><p>x</p></article></body>"#;
    let doc = parse(html, &ParseLimits::default()).unwrap();
    let m = extract_at(&doc, Some("https://example.com/2017/11/14/rain/"), NOW);
    assert_eq!(m.date.as_deref(), Some("2017-11-14"));
    assert_eq!(m.provenance.date.as_deref(), Some("url"));
    // Days apart, the structured date stands: the URL may name an older first version.
    let m = extract_at(&doc, Some("https://example.com/2017/11/10/rain/"), NOW);
    assert_eq!(m.date.as_deref(), Some("2017-11-15T02:41:00Z"));
}

#[test]
fn url_path_date_is_read_when_the_page_has_no_other() {
    let doc = parse(
        "<article><h1>Rain</h1><p>x</p></article>",
        &ParseLimits::default(),
    )
    .unwrap();
    let m = extract_at(
        &doc,
        Some("https://blog.example.org/2023/12/19/rain.html"),
        NOW,
    );
    assert_eq!(m.date.as_deref(), Some("2023-12-19"));
    // NOW is 2024-05-31: a URL naming a later day is in the future and refused.
    let m = extract_at(
        &doc,
        Some("https://blog.example.org/2099/12/19/rain.html"),
        NOW,
    );
    assert_eq!(m.date, None);
}

// Guards the lead image of last resort: the first large figure after the headline, not a logo,
// an icon or a lazy loader's placeholder.
#[test]
fn lead_image_falls_back_to_the_first_large_figure() {
    let m = meta(
        r#"<html><body><header><img src="/logo.png" width="600"></header>
        <article><img src="/icon.png" width="32"><h1>Rain in Spain</h1>
        <img src="/blank.gif" data-src="/rain.jpg" width="800">
        <figure><img src="/later.jpg"></figure><p>Body text.</p></article></body></html>"#,
    );
    assert_eq!(m.image.as_deref(), Some("https://example.com/rain.jpg"));
    assert_eq!(m.provenance.image.as_deref(), Some("figure"));
    // An og:image still wins.
    let m = meta(
        r#"<html><head><meta property="og:image" content="https://example.com/og.jpg"></head>
        <body><h1>Rain</h1><figure><img src="/f.jpg"></figure></body></html>"#,
    );
    assert_eq!(m.provenance.image.as_deref(), Some("meta:og:image"));
}

// Guards the configurable earliest date: a 1985 date is refused by default and kept when the
// window opens earlier.
#[test]
fn earliest_date_is_configurable() {
    let html = r#"<html><head><meta property="article:published_time" content="1985-03-02"></head>
        <body><h1>Rain</h1></body></html>"#;
    let doc = parse(html, &ParseLimits::default()).unwrap();
    assert_eq!(extract_at(&doc, None, NOW).date, None);
    let window = date::Window {
        now: NOW,
        earliest: -86_400 * 365 * 20,
    };
    assert_eq!(
        extract_at(&doc, None, window).date.as_deref(),
        Some("1985-03-02")
    );
}

// Guards the page type and the signal that decided it, as the stage reports them.
#[test]
fn page_type_comes_with_its_signal() {
    let m = meta(
        r#"<html><head><script type="application/ld+json">{"@type":"Product","name":"Sock"}</script>
        </head><body><h1>Sock</h1></body></html>"#,
    );
    assert_eq!(m.page_type, PageType::Product);
    assert_eq!(m.provenance.page_type.as_deref(), Some("json-ld:Product"));
    let m = meta(
        r#"<html><body><div itemscope itemtype="https://schema.org/DiscussionForumPosting">
        <h1>Help</h1></div></body></html>"#,
    );
    assert_eq!(m.page_type, PageType::Forum);
    assert_eq!(
        m.provenance.page_type.as_deref(),
        Some("microdata:DiscussionForumPosting")
    );
}

// Guards reading `<noscript>` as markup (dom/noscript.rs): forum engines (Discourse) serve the
// whole thread, with its microdata, inside it.
#[test]
fn microdata_inside_noscript_names_the_author() {
    let m = meta(
        r#"<html><body><noscript><div itemscope itemtype="http://schema.org/DiscussionForumPosting">
        <h1>Topic</h1><span itemprop="author" itemscope itemtype="http://schema.org/Person">
        <span itemprop="name">PaulWBryant</span></span><p>First post.</p></div></noscript></body></html>"#,
    );
    assert_eq!(m.authors, ["PaulWBryant"]);
}

// Guards account handles in structured fields: a JSON-LD author that is a CMS login yields to
// the visible byline, and is still the answer when the page names no one else.
#[test]
fn jsonld_login_yields_to_the_visible_byline() {
    let page = |byline: &str| {
        meta(&format!(
            r#"<html><head><script type="application/ld+json">
            {{"@type":"Article","headline":"Rain","author":{{"@type":"Person","name":"andrew.keaveney"}}}}
            </script></head><body><article><h1>Rain</h1>{byline}<p>Body.</p></article></body></html>"#
        ))
    };
    assert_eq!(
        page(r#"<p class="byline">By Noreen Castellane</p>"#).authors,
        ["Noreen Castellane"]
    );
    assert_eq!(page("").authors, ["andrew.keaveney"]);
}

// Guards the byline class words: an `author-info` line holding a name is a byline.
#[test]
fn author_info_line_is_a_byline() {
    let m = meta(
        r#"<html><body><article><h1>Rain</h1><div class="post-author-info">North Quay Dental Care</div>
        <p>Body.</p></article></body></html>"#,
    );
    assert_eq!(m.authors, ["North Quay Dental Care"]);
}

#[test]
fn a_hidden_copy_of_the_article_does_not_anchor_the_headline() {
    // Guards that a hidden `<main>` (a template's second copy of the post) is not where the
    // byline and date are looked for: the shown headline is.
    // The body between the two copies puts the shown byline beyond the hidden headline's reach.
    let body = "<p>The first paragraph of the article body, long enough to be the body.</p>";
    let m = meta(&format!(
        r#"<html><head><title>Rain in Spain</title></head><body><div class="post"><h1>Rain in Spain</h1>
        <div><a class="post-author-info" href="/authors/ann-lee">Ann Lee</a>
        <div>March 17, 2024</div></div>{}</div>
        <main class="hide"><article><h1>Rain in Spain</h1>{body}</article></main></body></html>"#,
        body.repeat(200)
    ));
    assert_eq!(m.authors, ["Ann Lee"]);
    assert_eq!(m.date.as_deref(), Some("2024-03-17"));
}

#[test]
fn a_site_prefixed_published_meta_key_dates_the_page() {
    // Guards the custom publish-date meta keys (`w-published-date`), and that revision and
    // publisher keys are not read as one.
    let m = meta(
        r#"<head><meta name="W-Published-Date" content="2024-03-05T06:03:43Z">
        <meta name="w-last-published-date" content="2024-05-01"></head><p>body</p>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2024-03-05T06:03:43Z"));
    assert_eq!(m.provenance.date.as_deref(), Some("meta:custom-published"));
    let m = meta(
        r#"<head><meta name="x-publish-updated-date" content="2024-05-01">
        <meta name="site-publisher-time" content="2024-05-02"></head><p>body</p>"#,
    );
    assert_eq!(m.provenance.date.as_deref(), None);
}

#[test]
fn a_namespaced_date_meta_key_dates_the_page_over_a_shown_update() {
    // Guards `ms.date`-like keys (a namespace's plain date) beating a shown "Updated" date,
    // and that deeper or unnamespaced keys are not read as one.
    let m = meta(
        r#"<head><meta name="docs.date" content="2024-03-05T00:00:00Z"></head>
        <body><article><h1>Queues</h1><p>Updated <time datetime="2024-03-25">Mar 25</time></p>
        <p>The body of the page.</p></article></body>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2024-03-05T00:00:00Z"));
    assert_eq!(m.provenance.date.as_deref(), Some("meta:namespaced-date"));
    for key in ["x:y:date", "update", ".date", "mandate"] {
        assert!(!meta::is_namespaced_date_key(key), "{key}");
    }
}

#[test]
fn a_comments_microdata_date_is_not_the_pages() {
    // Guards skipping microdata dates in a comment section: the question's own date wins.
    let m = meta(
        r#"<html><body><div itemscope itemtype="https://schema.org/Question">
        <h1 itemprop="name">How do I descale a kettle?</h1>
        <span>Asked</span> <time itemprop="dateCreated" datetime="2012-04-03 21:10:00Z">long ago</time>
        <p>The question's text, long enough to be read as the body of it.</p>
        <ul class="comments"><li itemprop="comment" itemscope itemtype="https://schema.org/Comment">
        <div itemprop="datePublished">2012-04-04 01:30:35 +00:00</div><span>Try vinegar.</span>
        </li></ul></div></body></html>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2012-04-03T21:10:00Z"));
}

/// A page with a structured publication date and `shown` under its headline.
fn restamped(shown: &str) -> Metadata {
    meta(&format!(
        r#"<head><script type="application/ld+json">{{"@type":"BlogPosting",
        "datePublished":"2024-03-12T10:00:00Z"}}</script></head><body><article><h1>Rain</h1>
        <p class="date">{shown}</p><p>The first paragraph of the body, long enough.</p>
        </article></body>"#
    ))
}

#[test]
fn an_earlier_shown_date_is_the_first_publication_of_a_restamped_post() {
    // Guards the rule that a shown date over a day before `datePublished` wins, in any language.
    for (shown, day) in [
        ("November 2, 2022", "2022-11-02"),
        ("2. November 2022", "2022-11-02"),
        ("2 novembre 2022", "2022-11-02"),
        ("2 de noviembre de 2022", "2022-11-02"),
        ("2022年11月2日", "2022-11-02"),
    ] {
        let m = restamped(shown);
        assert_eq!(m.date.as_deref(), Some(day), "{shown}");
        assert_eq!(m.provenance.date.as_deref(), Some("dateline"), "{shown}");
    }
    // A later shown date is as likely an update, and a day earlier a time zone: both keep the
    // structured date.
    for shown in ["May 1, 2024", "March 11, 2024"] {
        let m = restamped(shown);
        assert_eq!(m.date.as_deref(), Some("2024-03-12T10:00:00Z"), "{shown}");
    }
}

#[test]
fn a_shown_day_before_a_late_stamp_in_every_zone_is_the_first_publication() {
    // Guards that a day only one day before `datePublished` wins when no time zone puts the
    // stamp on the shown day (four languages), and that a stamp without an offset, or one
    // early enough to be the shown day somewhere, keeps the structured date.
    let page = |stamp: &str, shown: &str| {
        meta(&format!(
            r#"<head><script type="application/ld+json">{{"@type":"BlogPosting",
            "datePublished":"{stamp}"}}</script></head><body><article><h1>Rain</h1>
            <p class="date">{shown}</p><p>The first paragraph of the body, long enough.</p>
            </article></body>"#
        ))
        .date
    };
    for shown in [
        "March 11, 2024",
        "11. März 2024",
        "11 mars 2024",
        "2024年3月11日",
    ] {
        assert_eq!(
            page("2024-03-12T22:30:00Z", shown).as_deref(),
            Some("2024-03-11"),
            "{shown}"
        );
    }
    assert_eq!(
        page("2024-03-13T01:30:00+02:00", "March 11, 2024").as_deref(),
        Some("2024-03-11")
    );
    assert_eq!(
        page("2024-03-12T22:30:00", "March 11, 2024").as_deref(),
        Some("2024-03-12T22:30:00")
    );
    assert_eq!(
        page("2024-03-12T11:30:00Z", "March 11, 2024").as_deref(),
        Some("2024-03-12T11:30:00Z")
    );
}

#[test]
fn an_earlier_shown_date_does_not_replace_a_structured_day_the_header_shows_too() {
    // Guards that a header showing the structured day keeps it over an earlier `<time>` beside
    // it (a preprint's, a series' first part), in four languages; labelled "Updated" it does not.
    let page = |header: &str| {
        restamped(&format!(
            r#"{header} · <time datetime="2022-11-02">2022-11-02</time>"#
        ))
    };
    for header in [
        "Published on March 12, 2024",
        "Veröffentlicht am 12. März 2024",
        "Publié le 12 mars 2024",
        "Publicado el 12 de marzo de 2024",
    ] {
        assert_eq!(
            page(header).date.as_deref(),
            Some("2024-03-12T10:00:00Z"),
            "{header}"
        );
    }
    assert_eq!(
        page("Updated March 12, 2024").date.as_deref(),
        Some("2022-11-02")
    );
}

#[test]
fn a_publication_date_labelled_in_the_article_beats_an_unlabelled_one_by_the_headline() {
    // Guards the labelled date winning when no structured date exists, in four languages.
    for (label, day) in [
        (
            "This article was originally published on 26 Sep 2019 and updated since.",
            "2019-09-26",
        ),
        (
            "Veröffentlicht am 3. März 2020, seither ergänzt.",
            "2020-03-03",
        ),
        (
            "Article publié le 5 mai 2021 et mis à jour depuis.",
            "2021-05-05",
        ),
        (
            "Publicado el 7 de junio de 2018 y actualizado.",
            "2018-06-07",
        ),
    ] {
        let m = meta(&format!(
            r#"<article><h1>Rain</h1><p class="date">30 Sep 2022, 11:07am</p>
            <p>The first paragraph of the body, long enough to be read as the body.</p>
            <p>{label}</p></article>"#
        ));
        assert_eq!(m.date.as_deref(), Some(day), "{label}");
    }
    // A structured date keeps its place.
    let m = meta(
        r#"<head><meta property="article:published_time" content="2022-09-30"></head>
        <article><h1>Rain</h1><p class="date">30 Sep 2022</p>
        <p>This article was originally published on 26 Sep 2019.</p></article>"#,
    );
    assert_eq!(m.date.as_deref(), Some("2022-09-30"));
}
