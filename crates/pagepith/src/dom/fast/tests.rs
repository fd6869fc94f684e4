//! The fast parser checked against html5ever, the reference: each snippet shows one structure
//! the tree builder must get right, and the random tag soup checks the combinations.

use super::parse;
use crate::dom::{self, Document, Edge, ParseLimits, Tag};

/// The tree as element names and texts in document order (attributes aside).
fn shape(doc: &Document) -> String {
    let mut out = String::new();
    for edge in doc.traverse(Document::ROOT) {
        match edge {
            Edge::Open(n) => {
                if let Some(e) = doc.element(n) {
                    out.push('<');
                    out.push_str(&e.name);
                    out.push('>');
                } else if let Some(t) = doc.text(n) {
                    out.push_str(&format!("{t:?}"));
                }
            }
            Edge::Close(n) => {
                if doc.element(n).is_some() {
                    out.push_str("</>");
                }
            }
        }
    }
    out
}

fn both(html: &str) -> (String, String) {
    let limits = ParseLimits::default();
    let reference = dom::parse(html, &limits).expect("html5ever parses");
    let fast = parse(html, &limits).expect("fast parser parses");
    (shape(&reference), shape(&fast))
}

fn assert_same_tree(html: &str) {
    let (reference, fast) = both(html);
    assert_eq!(fast, reference, "trees differ for {html:?}");
}

#[test]
fn implied_html_head_and_body() {
    assert_same_tree("hello");
    assert_same_tree("<title>T</title><meta charset=utf-8><p>x");
    assert_same_tree("<!DOCTYPE html><html><head></head><body></body></html>");
    assert_same_tree("");
    assert_same_tree("<head><link rel=x></head>  <script>1</script><p>a</p>");
}

#[test]
fn head_content_after_head_and_noscript_in_head() {
    assert_same_tree("<head></head><meta name=a><body>x");
    assert_same_tree("<head><noscript><img src=a></noscript><title>t</title></head><p>b");
    assert_same_tree("<head><noscript><link rel=s></noscript></head><p>b");
    // After `</head>` a noscript is not head content: it opens the body.
    assert_same_tree("<!></head><noscript>a<nav>p");
    assert_same_tree("<head></head><noscript><link rel=s></noscript><p>b");
    assert_same_tree("<head></head> <noscript>a</noscript>b");
}

/// The text under `<body>`, tags left out.
fn body_text(html: &str) -> String {
    let doc = parse(html, &ParseLimits::default()).expect("fast parser parses");
    doc.body().map(|b| doc.text_content(b)).unwrap_or_default()
}

// Guards the browser's reading of `<noscript>` (scripting on, dom/noscript.rs): it ends at its
// end tag whatever it holds, so a tracking pixel's `<iframe … />` (the slash is ignored, the
// iframe's raw text never closed) no longer swallows the page after it.
#[test]
fn noscript_ends_at_its_end_tag_even_around_an_unclosed_iframe() {
    let html = r#"<body><noscript><iframe src="https://t.example/ns.html" height="0" /></noscript>
        <main><h1>Title</h1><p>The article.</p></main></body>"#;
    assert_same_tree(html);
    assert!(
        body_text(html).contains("The article."),
        "{}",
        body_text(html)
    );
    let doc = parse(html, &ParseLimits::default()).unwrap();
    let iframe = doc
        .find_tag(Document::ROOT, Tag::Iframe)
        .expect("the iframe is kept");
    assert_eq!(doc.text_content(iframe), "");
    assert_eq!(doc.tag(doc.parent(iframe).unwrap()), Some(Tag::Noscript));
}

// Guards noscript's content as page text: parsed as markup with scripting off (lazy images,
// forum threads served to readers without scripts), references decoded, and whatever it
// leaves open (formatting, a paragraph, a table) closed with it.
#[test]
fn noscript_content_is_parsed_as_markup_and_closed_with_it() {
    assert_same_tree("<noscript><p>a &amp; <b>b</p></noscript>c");
    assert_eq!(
        body_text("<body><noscript><p>a &amp; <b>b</p></noscript>c"),
        "a & bc"
    );
    // Before the body a noscript is head content, as in a browser.
    assert_eq!(body_text("<noscript><p>a</p></noscript>c"), "c");
    assert_same_tree("<noscript><b>x</noscript>y<p>z");
    assert_same_tree("<noscript><table><tr><td>a</table>b</noscript>c");
    assert_same_tree("<noscript><table><tr><td>a</noscript>b");
    assert_same_tree("<noscript><body class=x><p>a</body></html>b<head></noscript>c");
    assert_same_tree("<noscript><noscript>a</noscript>b</noscript>c");
    assert_same_tree("<noscript><title>t<div>d</noscript>e");
    assert_same_tree("<noscript><template><td>x</template>y</noscript>z");
    assert_same_tree("<table><noscript><tr><td>x</noscript><tr><td>y</table>");
    assert_same_tree("<p>a<noscript><svg><noscript>s</noscript></svg></noscript>b");
    assert_same_tree("<noscript><img src=a alt=pic></noscript>");
    assert_same_tree("<noscript></noscript>x<noscript>");
    assert_same_tree("<noscript>a<plaintext>b</noscript>c");
}

#[test]
fn implied_end_tags_for_paragraphs_lists_and_definitions() {
    assert_same_tree("<p>one<p>two<div>three</div>four");
    assert_same_tree("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>");
    assert_same_tree("<dl><dt>a<dd>b<dt>c<dd>d</dl>");
    assert_same_tree("<p>x</p></p><h1>a<h2>b</h1>c");
    assert_same_tree("<p><h1>heading closes p</h1>");
}

#[test]
fn void_and_raw_text_elements() {
    assert_same_tree("<p>a<br>b<img src=x>c<hr>d<input>e<wbr>f");
    assert_same_tree("<script>if (a < b && c) { x = '</p>' }</script><p>t");
    assert_same_tree("<style>p > a { }</style><textarea>\n<b>not bold</b>&amp;</textarea>");
    assert_same_tree("<title>a &amp; <b>b</b></title>");
    assert_same_tree("<script><!-- document.write('<script></script>') --></script>after");
    assert_same_tree("<pre>\nfirst line\nsecond</pre><pre>\n\nkept</pre>");
    assert_same_tree("<textarea></textarea>\nnext");
    assert_same_tree("<plaintext><p>all text</p>");
    assert_same_tree("<iframe><p>raw</p></iframe>x<noembed><b></noembed>y");
}

#[test]
fn tables_with_implied_rows_and_foster_parenting() {
    assert_same_tree("<table><tr><td>a<td>b<tr><td>c</table>");
    assert_same_tree("<table>stray<tr><td>cell</td></tr>after</table>");
    assert_same_tree("<table><div>fostered</div><tr><td>x</table>");
    assert_same_tree("<table><caption>c</caption><colgroup><col></colgroup><thead><tr><th>h</thead><tbody><tr><td>d</table>");
    assert_same_tree("<table><tr><td><table><tr><td>inner</table>outer</td></tr></table>");
    assert_same_tree("<td>stray cell</td><tr>stray row");
    assert_same_tree("<table><tr><td>a</table><p>b");
    assert_same_tree("<p><table><tr><td>in p</table>");
    assert_same_tree("<!DOCTYPE html><p><table><tr><td>not in p</table>");
    assert_same_tree("<table><tr><td>x<table>nested-start</table>");
    assert_same_tree("<table><b>bold<tr><td>c</td></tr></b></table>");
}

#[test]
fn misnested_formatting_is_repaired() {
    assert_same_tree("<p><b>bold<i>both</b>italic</i></p>");
    assert_same_tree("<b>1<p>2</b>3</p>");
    assert_same_tree("<a href=1>one<a href=2>two</a>");
    assert_same_tree("<b><p>x<b><p>y<b><p>z<b><b><b><b>deep");
    assert_same_tree("<p><b><i><u>text<p>more</b>rest");
    assert_same_tree("<a><div><p>block in link</a>after</p>");
    assert_same_tree("<font color=red><div>x</font>y</div>");
    assert_same_tree("<nobr>a<nobr>b</nobr>");
}

#[test]
fn forms_selects_and_buttons() {
    assert_same_tree("<form><form><input></form>after</form>tail");
    assert_same_tree("<select><option>a<option>b<optgroup><option>c</select>x");
    assert_same_tree("<select><div>kept</div><option>a</select>");
    assert_same_tree("<select><option>a<input>after");
    assert_same_tree("<button>a<button>b</button>");
    assert_same_tree("<div><form><p>in form</div>out");
}

#[test]
fn foreign_content_islands() {
    assert_same_tree("<svg><title>t</title><foreignObject><p>html</p></foreignObject></svg>x");
    assert_same_tree("<svg><path/><g><p>breaks out</g></svg>");
    assert_same_tree("<math><mi>x</mi><mtext><b>t</b></mtext></math>");
    assert_same_tree("<svg><![CDATA[a<b]]></svg><p><![CDATA[bogus]]>");
    assert_same_tree("<svg><feColorMatrix/><clipPath></clipPath></svg>");
}

#[test]
fn tokenizer_edge_cases() {
    assert_same_tree("<p>a < b and c<d</p>");
    assert_same_tree("<p title='x' title=y class=a>dup</p>");
    assert_same_tree("<!-- c --><!--> x <!---> y <!-- a --!> z");
    assert_same_tree("<? pi ?>text</ >more<//x>end</>");
    assert_same_tree("<div\n class = \"a\"\tid=b/>text");
    assert_same_tree("<p>&amp;&lt;&copy&notit;&#x41;&#65;&#0;&#150;&bogus;</p>");
    assert_same_tree("<a href=\"?a=1&copy=2\">q</a>");
    assert_same_tree("line\r\nbreak\rhere&#13;kept");
    assert_same_tree("<p>cut off <b");
    assert_same_tree("<p>cut <a href='unterminated");
    assert_same_tree("<P CLASS=x><DIV>Upper</DIV>");
}

#[test]
fn templates_keep_their_content_under_them() {
    assert_same_tree("<template><p>tpl</p></template><p>after");
    assert_same_tree("<head><template><meta></template></head><p>x");
}

#[test]
fn a_templates_first_start_tag_chooses_how_its_content_is_parsed() {
    assert_same_tree("o1<template> <tbody>l>");
    assert_same_tree("<template><tr><td>a</td></tr></template><p>b");
    assert_same_tree("<template><td>a</td><td>b</td></template>after");
    assert_same_tree("<template><col><col>x</template>y");
    assert_same_tree("<template><caption>c</caption>t</template>");
    assert_same_tree("<table><template><tr><td>x</template></table>");
    assert_same_tree("<template><div>d</div><td>x</td></template>");
    assert_same_tree("<template></p>x</template>");
    assert_same_tree("<template><template><tr><td>i</template><td>o</template>");
    assert_same_tree("<template><script>1</script><tr><td>a</template>b");
    assert_same_tree("<template><thead><tr><th>h</thead>t<tbody></template>z");
}

#[test]
fn depth_cap_keeps_text_and_bounds_nesting() {
    let depth = 5_000;
    let html = "<div>".repeat(depth) + "deep" + &"</div>".repeat(depth) + "after";
    let limits = ParseLimits {
        max_depth: 100,
        ..ParseLimits::default()
    };
    let doc = parse(&html, &limits).unwrap();
    assert_eq!(doc.text_content(Document::ROOT), "deepafter");
    let mut d = 0usize;
    let mut max = 0usize;
    for e in doc.traverse(Document::ROOT) {
        match e {
            Edge::Open(_) => {
                d += 1;
                max = max.max(d);
            }
            Edge::Close(_) => d -= 1,
        }
    }
    // The document node, and children of the deepest open element one level below the cap.
    assert!(max <= 102, "nesting {max} beyond the cap");
}

/// Guards memory on deep pages: start tags past the cap are dropped, not kept as childless
/// nodes, so a page of nested `<div>`s costs nodes for the cap's depth only; images past the
/// cap still arrive.
#[test]
fn start_tags_past_the_depth_cap_spend_no_nodes() {
    let depth = 50_000;
    let html = "<div>".repeat(depth) + "<img src=a.png>deep" + &"</div>".repeat(depth);
    let limits = ParseLimits {
        max_depth: 100,
        ..ParseLimits::default()
    };
    let doc = parse(&html, &limits).unwrap();
    assert!(doc.len() < 200, "{} nodes for a 100-deep cap", doc.len());
    assert!(doc.find_tag(Document::ROOT, Tag::Img).is_some());
    assert_eq!(doc.text_content(Document::ROOT), "deep");
}

#[test]
fn node_limit_is_an_error_not_a_panic() {
    let html = "<p>x</p>".repeat(100_000);
    let limits = ParseLimits {
        max_nodes: 100,
        ..ParseLimits::default()
    };
    assert_eq!(parse(&html, &limits).unwrap_err().limit, "max_nodes");
}

/// A small deterministic generator (xorshift), so a failing case can be replayed by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Tag soup from the elements whose rules interact most: blocks, lists, tables, formatting,
/// forms, raw text and foreign content, opened and closed in random order.
fn soup(rng: &mut Rng) -> String {
    const TAGS: &[&str] = &[
        "p", "div", "li", "ul", "dd", "dt", "dl", "table", "tr", "td", "th", "tbody", "caption",
        "b", "i", "a", "em", "font", "span", "h1", "h2", "form", "select", "option", "button",
        "pre", "br", "img", "hr", "svg", "math", "title", "section", "article", "nobr", "col",
        "colgroup", "textarea", "head", "body", "html", "input", "object", "noscript", "iframe",
    ];
    const TEXT: &[&str] = &["x", " ", "word ", "\n", "&amp;", "a<b", "  y  "];
    let mut out = String::new();
    let n = 5 + rng.next() % 30;
    for _ in 0..n {
        match rng.next() % 5 {
            0 | 1 => {
                out.push('<');
                out.push_str(rng.pick(TAGS));
                if rng.next() % 4 == 0 {
                    out.push_str(" class=c");
                }
                out.push('>');
            }
            2 => {
                out.push_str("</");
                out.push_str(rng.pick(TAGS));
                out.push('>');
            }
            _ => out.push_str(rng.pick(TEXT)),
        }
    }
    out
}

#[test]
fn random_tag_soup_builds_the_same_tree_as_html5ever() {
    let mut failures = Vec::new();
    for seed in 1..=3_000u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let html = soup(&mut rng);
        let (reference, fast) = both(&html);
        if reference != fast {
            failures.push(format!(
                "seed {seed}: {html:?}\n  html5ever {reference}\n  fast      {fast}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 3000 soups differ; first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(12)].join("\n")
    );
}

/// Guards quirks mode from malformed doctypes (found by the `parsers` fuzz target: junk after
/// the public id set html5ever's force-quirks flag, not ours, so `<table>` closed a `<p>` in one
/// tree only). Each doctype is followed by markup whose tree depends on the mode.
#[test]
fn malformed_doctypes_force_quirks_as_html5ever_does() {
    for doctype in [
        r#"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 T"2">"#,
        r#"<!DOCTYPE html PUBLIC>"#,
        r#"<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" junk>"#,
        r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"x"#,
        r#"<!DOCTYPE html SYSTEM>"#,
        r#"<!DOCTYPE html SYSTEM "about:legacy-compat">"#,
        r#"<!DOCTYPE html something>"#,
        r#"<!DOCTYPE>"#,
        r#"<!DOCTYPE html>"#,
        r#"<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">"#,
    ] {
        assert_same_tree(&format!("{doctype}<p>before<table>inside</table>after"));
    }
}
