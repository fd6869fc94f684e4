//! Inputs the fuzzers found (fuzz/README.md), reduced by hand to the structure that mattered;
//! each test names its target and what went wrong.

use pagepith::{Config, Parser};

fn text_with(html: &[u8], parser: Parser) -> String {
    pagepith::extract(html, &Config::default().with_parser(parser))
        .expect("extracts")
        .text()
}

/// The fast parser's text for `html`, after checking that html5ever gives the same.
fn text_both_agree_on(html: &str) -> String {
    let fast = text_with(html.as_bytes(), Parser::Fast);
    assert_eq!(
        fast,
        text_with(html.as_bytes(), Parser::Html5ever),
        "{html:?}"
    );
    fast
}

/// `parsers` target, 2026-11-27: NUL bytes inside raw text (`<xmp>` swallowing the rest of
/// the page) became U+FFFD with the fast parser and vanished with html5ever, whose NULs are
/// stripped before tokenizing. Both now strip them; the text must be identical and NUL-free.
#[test]
fn nuls_in_raw_text_are_dropped_by_both_parsers() {
    for raw in ["xmp", "textarea", "title", "plaintext"] {
        let html = format!(
            "<html><body><article><p>The whole chair went back together in one go, held with a \
             rope</p><{raw}>tied with a rope\0\0\0 tourniquet and a stick\0, long enough to \
             reach across the seat of the old chair.</{raw}></article></body></html>"
        );
        let fast = text_both_agree_on(&html);
        assert!(!fast.contains(['\0', '\u{FFFD}']), "<{raw}>: {fast:?}");
    }
}

/// `parsers` target, 2026-11-27: a page whose input ends in `</` (cut off mid end tag). The
/// spec makes those two characters text; the fast parser dropped them.
#[test]
fn an_end_tag_cut_off_by_the_end_of_input_is_text_in_both_parsers() {
    let html = "<html><body><article><p>The lido opens at seven, and by five past there is \
                already a small crowd on the poolside, stamping their feet.</p><p>I am 0x600.</";
    let fast = text_both_agree_on(html);
    assert!(fast.ends_with("0x600.</"), "{fast:?}");
}

/// `parsers` target, 2026-11-27 (fourth finding): a stray doctype inside table text. html5ever
/// ignores it before its table-text mode, so the white space after it is foster-parented with
/// the word before it; the fast parser kept that white space inside the table and joined the
/// words ("eV" against "e V").
#[test]
fn a_stray_doctype_inside_table_text_does_not_join_words() {
    for html in [
        "<table>word<!DOCTYPE>\n<h2>Next</h2>",
        "<table>word<!DOCTYPE html>\n<b>Next</b></table>",
    ] {
        text_both_agree_on(html);
    }
}

/// `parsers` target, 2026-11-27 (fifth finding, reduced from
/// `crash-afbf6167393fbd9ba9e87d6af8a4f4baf726c565`): a `<noscript>` after `</head>`. The
/// spec's after-head mode sends only base, basefont, bgsound, link, meta, noframes, script,
/// style, template and title back into the head; a noscript opens the body and, with scripting
/// off, is an ordinary element there. The fast parser put it in the head's noscript mode
/// instead, where the first text closed it and popped one element too many ("a" then "p"
/// against html5ever's "a").
#[test]
fn a_noscript_after_the_head_opens_the_body_in_both_parsers() {
    for html in [
        "<!></head><noscript>a<nav>p",
        "<head></head><noscript>a<nav>p</nav></noscript><p>b",
        "<html><head><title>T</title></head><noscript><p>Turn on scripts to see the \
         comments.</p></noscript><article><p>The ferry leaves at nine and the crossing takes \
         an hour, longer when the wind is from the west.</p></article></html>",
    ] {
        text_both_agree_on(html);
    }
}

/// `parsers` target, 2026-11-27 (sixth finding, reduced from
/// `crash-7a06797750fc462eb43a71f9f5902061786266dd`): a template whose first start tag is a
/// table part. The spec's "in template" mode parses the content in that part's table mode, so
/// `<tbody>` is an element and text after it is foster-parented into the template; the fast
/// parser read every template's content as body content, ignored the `<tbody>` and joined the
/// text around it ("o1 l>" against html5ever's "o1", "l>").
#[test]
fn a_table_part_opening_a_template_is_parsed_as_in_a_table_by_both_parsers() {
    for html in [
        // The fuzzer's input, minimised: what is around the template keeps it in the text.
        "Juj<div class=\"comment-et\">I$l zp></div> <div class=reply\">a></div>\n\
         <li id=\"comment\">\n o1<template> <tbody>l>\n",
        "o1<template> <tbody>l>",
        "<p>Before</p><template> <tr><td>one</td></tr>two</template><p>After</p>",
    ] {
        text_both_agree_on(html);
    }
}

/// `extract` target, 2026-11-28: a list directly inside a list item, with no item of its own
/// (`<li><a>…</a><ul><a>…</a></ul>`), on a listing page. Its blocks sit in the outer item,
/// which `select::linked_items::keep_card_entries` had already counted under the outer list,
/// so the inner list had no counts and looking them up panicked ("no entry found for key").
/// Found from `crash-f86c3d7e2b2ac1eebac113f124d8ba0d92a53825` (1,239 bytes: the
/// `listing-in-main` fixture cut inside its first card and followed by a product page's
/// `<ul role="tablist">` holding loose links).
#[test]
fn a_list_inside_a_card_item_without_items_of_its_own_does_not_panic() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/listing-in-main/page.html"
    );
    let page = std::fs::read_to_string(fixture).expect("fixture");
    let card = r#"<li><a href="/r/1">Red lentil and cumin soup</a>"#;
    assert!(page.contains(card));
    let html = page.replacen(
        card,
        &format!(r#"{card}<ul><a href="/tag/lentils">More lentil soups</a></ul>"#),
        1,
    );
    for parser in [Parser::Fast, Parser::Html5ever] {
        let text = text_with(html.as_bytes(), parser);
        assert!(
            text.contains("Leek and potato soup"),
            "{parser:?}: {text:?}"
        );
    }
}
