//! Date and byline shapes as pages write them, in English and other languages, read from a
//! whole page the way the stage sees them (near the headline, in a dateline or a byline).

use super::*;
use crate::dom::{parse, ParseLimits};

/// 2024-05-31T12:00:00Z: the reference time relative dates count back from.
const NOW: i64 = 1_717_156_800;

fn page(header: &str) -> Metadata {
    let html = format!(
        "<html><body><article><h1>Rain in Spain</h1>{header}\
         <p>The first paragraph of the article body, long enough to be the body.</p>\
         </article></body></html>"
    );
    let doc = parse(&html, &ParseLimits::default()).unwrap();
    extract_at(&doc, None, NOW)
}

fn dateline(text: &str) -> Option<String> {
    page(&format!(r#"<p class="date">{text}</p>"#)).date
}

#[test]
fn english_date_shapes() {
    let d = dateline;
    assert_eq!(
        d("November 14, 2017 3:38 pm").as_deref(),
        Some("2017-11-14T15:38:00")
    );
    assert_eq!(d("Published Nov. 14, 2017").as_deref(), Some("2017-11-14"));
    assert_eq!(d("14 November 2017").as_deref(), Some("2017-11-14"));
    assert_eq!(
        d("2017-11-14T15:38:00-05:00").as_deref(),
        Some("2017-11-14T15:38:00-05:00")
    );
    assert_eq!(d("3 days ago").as_deref(), Some("2024-05-28"));
}

#[test]
fn german_date_shapes() {
    let d = dateline;
    assert_eq!(
        d("Veröffentlicht am 14. November 2017").as_deref(),
        Some("2017-11-14")
    );
    assert_eq!(
        d("14.11.2017, 15:38 Uhr").as_deref(),
        Some("2017-11-14T15:38:00")
    );
    assert_eq!(d("vor 3 Tagen").as_deref(), Some("2024-05-28"));
}

#[test]
fn french_and_spanish_date_shapes() {
    let d = dateline;
    assert_eq!(
        d("Publié le 14 novembre 2017 à 15:38").as_deref(),
        Some("2017-11-14T15:38:00")
    );
    assert_eq!(d("il y a 3 jours").as_deref(), Some("2024-05-28"));
    assert_eq!(
        d("Publicado el 14 de noviembre de 2017").as_deref(),
        Some("2017-11-14")
    );
    assert_eq!(d("hace 3 días").as_deref(), Some("2024-05-28"));
}

#[test]
fn chinese_japanese_and_korean_date_shapes() {
    let d = dateline;
    assert_eq!(
        d("2017年11月14日 15:38").as_deref(),
        Some("2017-11-14T15:38:00")
    );
    assert_eq!(d("2017년 11월 14일").as_deref(), Some("2017-11-14"));
}

#[test]
fn future_and_pre_web_dates_are_refused() {
    assert_eq!(dateline("December 1, 2099"), None);
    assert_eq!(dateline("March 3, 1970"), None);
}

#[test]
fn published_and_updated_in_one_line_are_kept_apart() {
    let m = page(r#"<p class="meta">Published 14.11.2017 · Updated 15.11.2017</p>"#);
    assert_eq!(m.date.as_deref(), Some("2017-11-14"));
    assert_eq!(m.date_modified.as_deref(), Some("2017-11-15"));
}

fn byline(text: &str) -> Vec<String> {
    page(&format!(r#"<p class="byline">{text}</p>"#)).authors
}

#[test]
fn english_byline_shapes() {
    assert_eq!(byline("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
    assert_eq!(
        byline("By Ann Lee, Bo Chan and Cy Diaz"),
        ["Ann Lee", "Bo Chan", "Cy Diaz"]
    );
    assert_eq!(byline("By Jane Doe, Staff Writer"), ["Jane Doe"]);
    assert_eq!(byline("By Jane Doe | Updated 3 min ago"), ["Jane Doe"]);
    assert_eq!(byline("Posted by jane@example.com"), Vec::<String>::new());
}

#[test]
fn german_french_and_spanish_byline_shapes() {
    assert_eq!(
        byline("von Anna Schmidt und Peter Müller"),
        ["Anna Schmidt", "Peter Müller"]
    );
    assert_eq!(
        byline("Par Marie Dupont et Jean Martin"),
        ["Marie Dupont", "Jean Martin"]
    );
    assert_eq!(
        byline("Por Ana García y Luis Pérez"),
        ["Ana García", "Luis Pérez"]
    );
}

#[test]
fn staff_is_kept_only_when_no_one_else_is_named() {
    assert_eq!(byline("By Staff"), ["Staff"]);
    let m = page(r#"<p class="byline">By Staff</p><p class="author">By Jane Doe</p>"#);
    assert_eq!(m.authors, ["Jane Doe"]);
}

/// The seed's trap: a site banner shows the day the page was captured above the headline;
/// the article's own date sits under the byline.
#[test]
fn banner_date_above_the_headline_is_not_the_article_date() {
    let html = r#"<html><body>
        <div class="top-bar"><span class="date">Thursday, May 30, 2024</span>
        <a href="/">Home</a> <a href="/news">News</a></div>
        <header class="masthead"><a href="/">The Daily Example</a></header>
        <article><h1>Rain in Spain falls mainly on the plain</h1>
        <p class="byline">By Jane Doe</p><p class="dateline">March 3, 2024</p>
        <p>The first paragraph of the article body, long enough to be the body.</p>
        </article></body></html>"#;
    let doc = parse(html, &ParseLimits::default()).unwrap();
    let m = extract_at(&doc, None, NOW);
    assert_eq!(m.date.as_deref(), Some("2024-03-03"));
    assert_eq!(m.authors, ["Jane Doe"]);
    assert_eq!(
        m.title.as_deref(),
        Some("Rain in Spain falls mainly on the plain")
    );
}

#[test]
fn forum_thread_author_is_the_first_posters_user_name() {
    let m = page(
        r#"<div class="post"><a class="username" href="/u/1">b.scherer</a><p>Question?</p></div>
        <div class="post"><a class="username" href="/u/2">helper</a><p>Answer.</p></div>"#,
    );
    assert_eq!(m.authors, ["b.scherer"]);
    assert_eq!(m.provenance.authors.as_deref(), Some("thread:username"));
    // One user-name box alone (a login widget) names no author.
    let m = page(r#"<div class="login"><span class="username">guest</span></div>"#);
    assert!(m.authors.is_empty());
}

// Guards two byline shapes: a dot operator between a name and a role, and a microformats
// author whose user name is lower-case.
#[test]
fn dot_separated_role_and_microformats_user_name() {
    assert_eq!(byline("Chris Lee ⋅ Editor-in-Chief ⋅"), ["Chris Lee"]);
    let m = page(r#"<p><a class="u-author h-card" href="/~scvalex">scvalex</a></p>"#);
    assert_eq!(m.authors, ["scvalex"]);
    assert_eq!(m.provenance.authors.as_deref(), Some("microformats:author"));
}

// Guards what a byline carries beside a full name: one-word category links, an avatar's
// initials and a role are not authors; "The …" is an outlet or a team, kept only when no
// person is named; "Full Bio" is a profile link.
#[test]
fn byline_extras_beside_a_full_name_are_not_authors() {
    assert_eq!(
        byline("Joakim Edin, Research, Development"),
        ["Joakim Edin"]
    );
    assert_eq!(byline("CM, Craig McCarthy"), ["Craig McCarthy"]);
    assert_eq!(byline("Ilse & Oriana"), ["Ilse", "Oriana"]);
    assert_eq!(byline("The Fieldnote Team"), ["The Fieldnote Team"]);
    assert_eq!(byline("Jane Doe, The Daily Example"), ["Jane Doe"]);
    assert_eq!(byline("Full Bio"), Vec::<String>::new());
    assert_eq!(byline("Reviewed by Margaret James"), Vec::<String>::new());
}

// Guards template leftovers where a name goes: a "Post" label is kept only when no one else
// is named, and an unfilled template key is no name at all.
#[test]
fn template_labels_and_keys_are_not_names() {
    assert_eq!(byline("Post"), ["Post"]);
    let m = page(r#"<p class="byline">Post</p><p class="author">By Jane Doe</p>"#);
    assert_eq!(m.authors, ["Jane Doe"]);
    assert_eq!(byline("page.head.extra.author"), Vec::<String>::new());
    assert_eq!(byline("{{author}}"), Vec::<String>::new());
}

// Guards the post's own `<aside>`: a blog template that sets the date and author in an
// `<aside>` inside `<article>` is read, while a sidebar `<aside>` outside it stays furniture.
#[test]
fn aside_inside_the_article_holds_its_date_and_author() {
    let got = |html: &str| {
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let m = extract_at(&doc, None, NOW);
        (m.date, m.authors)
    };
    let (date, authors) = got(
        r#"<html><body><article><aside><time datetime="2021-06-06">June 6, 2021</time>
        <span class="author">Von Lisa Ellis</span></aside><h1>Regen in Spanien</h1>
        <p>Der erste Absatz des Artikels, lang genug, um der Text zu sein.</p></article></body></html>"#,
    );
    assert_eq!(date.as_deref(), Some("2021-06-06"));
    assert_eq!(authors, vec!["Lisa Ellis".to_owned()]);
    let (date, _) = got(
        r#"<html><body><aside><time datetime="2021-06-06">June 6, 2021</time></aside>
        <article><h1>Rain in Spain</h1><p>The first paragraph of the article body.</p></article>
        </body></html>"#,
    );
    assert_eq!(date, None);
}

// Guards the byline's sibling date: a date in the element after the byline is read even when
// a long hero keeps the byline away from the headline (a French date here).
#[test]
fn date_in_the_element_after_a_distant_byline() {
    let hero: String = (0..200).map(|i| format!("<span>{i}</span>")).collect();
    let html = format!(
        "<html><body><article><h1>Pluie en Espagne</h1><div>{hero}</div>\
         <div><p>Written by <a href=\"/a\">Anne Lee</a></p><p>8 avril 2024</p></div>\
         <p>Le premier paragraphe de l'article, assez long pour en être le corps.</p>\
         </article></body></html>"
    );
    let doc = parse(&html, &ParseLimits::default()).unwrap();
    let m = extract_at(&doc, None, NOW);
    assert_eq!(m.date.as_deref(), Some("2024-04-08"));
}

/// A page whose header shows no date and whose only date is `line`, set far below the
/// headline (past the windows where unlabelled date text counts).
fn far_below(line: &str) -> Option<String> {
    let filler = "<p>More of the article body goes here.</p>".repeat(120);
    page(&format!("{filler}<p>{line}</p>")).date
}

#[test]
fn labelled_date_far_below_the_headline_dates_the_page() {
    // Guards the last-resort reading of "Posted on …"/"Last updated: …" anywhere in the article.
    assert_eq!(
        far_below("Posted on May 9, 2022").as_deref(),
        Some("2022-05-09")
    );
    assert_eq!(
        far_below("Last updated: November 13, 2023").as_deref(),
        Some("2023-11-13")
    );
    assert_eq!(
        far_below("Veröffentlicht am 14. November 2017").as_deref(),
        Some("2017-11-14")
    );
    assert_eq!(
        far_below("Publié le 14 novembre 2017").as_deref(),
        Some("2017-11-14")
    );
    assert_eq!(
        far_below("Pubblicato il 14 novembre 2017").as_deref(),
        Some("2017-11-14")
    );
    assert_eq!(
        far_below("发布时间：2017年11月14日").as_deref(),
        Some("2017-11-14")
    );
    // Unlabelled, it is as likely a related story's date: not taken.
    assert_eq!(far_below("April 13, 2023").as_deref(), None);
}

#[test]
fn a_published_label_beats_an_updated_label_far_below() {
    // Guards the order: the labelled publication date first, the labelled update only without it.
    let filler = "<p>More of the article body goes here.</p>".repeat(120);
    let m = page(&format!(
        "{filler}<p>Actualizado: 20 de noviembre de 2017</p><p>Publicado: 14 de noviembre de 2017</p>"
    ));
    assert_eq!(m.date.as_deref(), Some("2017-11-14"));
}

#[test]
fn a_date_written_before_its_update_label_is_the_publication() {
    // Guards reading "<date> (last modified: <date>)" far below the headline as the first date.
    let cases = [
        (
            "2018-05-14, 10:02 AM (modified on 2021-08-30, 08:15 PM by Kai)",
            "2018-05-14",
        ),
        (
            "14. November 2017, aktualisiert am 20. November 2017",
            "2017-11-14",
        ),
        (
            "14 novembre 2017 — mis à jour le 20 novembre 2017",
            "2017-11-14",
        ),
        (
            "14 de noviembre de 2017 (actualizado el 20 de noviembre de 2017)",
            "2017-11-14",
        ),
    ];
    for (line, want) in cases {
        assert_eq!(
            far_below(line).as_deref().map(|d| &d[..10]),
            Some(want),
            "{line}"
        );
    }
    // The update alone still dates the page by it.
    assert_eq!(
        far_below("Last modified: 2022-01-05").as_deref(),
        Some("2022-01-05")
    );
}

#[test]
fn a_headline_set_in_a_minor_element_anchors_its_date() {
    // Guards the header found around the title's text when no `<h1>`/`<h2>` shows it.
    let dated = |tag: &str, date: &str| {
        let filler = "<p>Another teaser text of the site.</p>".repeat(60);
        let html = format!(
            r#"<html><head><title>Harbour Lights Return | Coast Daily</title></head><body>
            {filler}<{tag}>Harbour Lights Return</{tag}><div>{date}</div>
            <p>The story begins here.</p></body></html>"#
        );
        let doc = parse(&html, &ParseLimits::default()).unwrap();
        extract_at(&doc, None, NOW).date
    };
    assert_eq!(dated("h4", "March 3, 2022").as_deref(), Some("2022-03-03"));
    assert_eq!(dated("p", "3. März 2022").as_deref(), Some("2022-03-03"));
    assert_eq!(dated("h5", "3 mars 2022").as_deref(), Some("2022-03-03"));
    assert_eq!(
        dated("p", "3 de marzo de 2022").as_deref(),
        Some("2022-03-03")
    );
}

#[test]
fn a_role_beside_a_name_is_not_another_author() {
    // Guards the job-title head nouns: a role set beside the name is dropped, in English,
    // German, French, Spanish and Italian, and kept when it is all the byline names.
    assert_eq!(
        byline("By Brett Cruz, Digital Security Expert"),
        ["Brett Cruz"]
    );
    assert_eq!(
        byline("Von Anna Schmidt, Leitende Redakteurin"),
        ["Anna Schmidt"]
    );
    assert_eq!(
        byline("Par Marie Dupont, Journaliste Sportive"),
        ["Marie Dupont"]
    );
    assert_eq!(
        byline("Por Ana García, Periodista Deportiva"),
        ["Ana García"]
    );
    assert_eq!(
        byline("Di Marco Rossi, Giornalista Sportivo"),
        ["Marco Rossi"]
    );
    assert_eq!(byline("By Bayline Contributor"), ["Bayline Contributor"]);
}

/// A date set loose beside the post's text in one element, too long to read whole.
fn loose(date: &str) -> Option<String> {
    let text = "<p>The post's text runs on well past a dateline's length. </p>".repeat(6);
    page(&format!("<div>{date} {text}</div>")).date
}

#[test]
fn a_date_loose_beside_a_long_text_is_read() {
    // Guards reading the element's own date text when its whole text is too long.
    assert_eq!(loose("20 December 2023").as_deref(), Some("2023-12-20"));
    assert_eq!(loose("20. Dezember 2023").as_deref(), Some("2023-12-20"));
    assert_eq!(loose("20 décembre 2023").as_deref(), Some("2023-12-20"));
    assert_eq!(
        loose("20 de diciembre de 2023").as_deref(),
        Some("2023-12-20")
    );
}

/// A post whose header line above the `<h1>` shows `line`, followed by a short body and a
/// "more posts" list whose dated items stand within the window below the headline.
fn header_above_with_more_posts(line: &str) -> Option<String> {
    let body = "<p>More of the article body goes here.</p>".repeat(30);
    let html = format!(
        r#"<html><body><article><div class="infos"><span>{line}</span> • <span>8 min</span></div>
        <h1>Keep Your Queue Workers Simple</h1>{body}
        <div class="more"><p class="listing-date">November 25, 2025</p><h3>Another post</h3></div>
        </article></body></html>"#
    );
    let doc = parse(&html, &ParseLimits::default()).unwrap();
    extract_at(&doc, None, 1_767_000_000).date
}

#[test]
fn the_header_line_date_beats_a_dated_list_further_down() {
    // Guards the header-line step: without it the listing's marked date won.
    let d = header_above_with_more_posts;
    assert_eq!(d("March 4, 2025").as_deref(), Some("2025-03-04"));
    assert_eq!(d("4. März 2025").as_deref(), Some("2025-03-04"));
    assert_eq!(d("4 mars 2025").as_deref(), Some("2025-03-04"));
    assert_eq!(d("4 de marzo de 2025").as_deref(), Some("2025-03-04"));
    assert_eq!(d("2025年3月4日").as_deref(), Some("2025-03-04"));
}

#[test]
fn a_version_number_in_the_headline_is_no_header_date() {
    // Guards the headline's own text being left out of its header line.
    let html = r#"<html><head><script type="application/ld+json">
        {"@type":"DiscussionForumPosting","datePublished":"2023-09-08T16:20:11Z"}</script></head>
        <body><main><h1>2023.7.2 -> 2023.8.1 upgrade: sync never finishes</h1>
        <p>The first post of the thread, long enough to be the body.</p></main></body></html>"#;
    let doc = parse(html, &ParseLimits::default()).unwrap();
    let m = extract_at(&doc, None, NOW);
    assert_eq!(m.date.as_deref(), Some("2023-09-08T16:20:11Z"));
}

#[test]
fn a_date_in_a_data_table_is_no_dateline() {
    // Guards against a table's dated row, earlier than the structured date, replacing it as
    // a first publication shown by the headline.
    let html = r#"<html><head><script type="application/ld+json">
        {"@type":"Article","datePublished":"2024-02-12T23:21:00+00:00"}</script></head>
        <body><article><h1>The hottest markets</h1><table>
        <tr><th>Date</th><th>Change</th></tr><tr><td>1/1/2013</td><td>+13.1%</td></tr>
        <tr><td>2/1/2013</td><td>+12.5%</td></tr></table>
        <p>The first paragraph of the article body, long enough to be the body.</p>
        </article></body></html>"#;
    let doc = parse(html, &ParseLimits::default()).unwrap();
    let m = extract_at(&doc, None, NOW);
    assert_eq!(m.date.as_deref(), Some("2024-02-12T23:21:00Z"));
}

#[test]
fn a_custom_elements_timestamp_dates_the_page() {
    // Guards the scan taking a custom element's timestamp attribute as a `<time>`: the text
    // shown ("3 hr. ago", "vor 3 Std.", "il y a 3 h") is the script's rendering of it.
    for shown in ["3 hr. ago", "vor 3 Std.", "il y a 3 h", "hace 3 h"] {
        let m = page(&format!(
            r#"<div class="meta"><x-timeago ts="2024-05-30T09:47:05+0000">{shown}</x-timeago></div>"#
        ));
        assert_eq!(m.date.as_deref(), Some("2024-05-30T09:47:05Z"), "{shown}");
    }
}

#[test]
fn an_earlier_pubdate_time_beats_a_restamped_structured_date() {
    // Guards `<time pubdate>` far below the headline, earlier than JSON-LD's datePublished,
    // being taken as the first publication; a later one leaves the structured date alone.
    let page_with = |pubdate: &str| {
        let html = format!(
            r#"<html><head><script type="application/ld+json">
            {{"@type":"Article","datePublished":"2025-11-27T16:42:09-05:00"}}</script></head>
            <body><article><h1>Free accounting tools</h1>
            <p>The first paragraph of the article body, long enough to be the body.</p>
            {}<div>Published <time pubdate datetime="{pubdate}">x</time></div>
            </article></body></html>"#,
            "<p>More of the article body goes here.</p>".repeat(300)
        );
        let doc = parse(&html, &ParseLimits::default()).unwrap();
        extract_at(&doc, None, 1_767_000_000).date
    };
    assert_eq!(page_with("2025-08-13").as_deref(), Some("2025-08-13"));
    assert_eq!(
        page_with("2025-11-30").as_deref(),
        Some("2025-11-27T16:42:09-05:00")
    );
}

/// A post whose header shows only `header` and whose list of posts further down shows the
/// same post dated `listed`.
fn ambiguous_with_listing(header: &str, listed: &str) -> Option<String> {
    let html = format!(
        r#"<html><body><article><h1>Pixel-perfect UI</h1><p class="date">{header}</p>
        <p>The first paragraph of the article body, long enough to be the body.</p>{body}
        </article><div class="recent"><h4>Pixel-perfect UI</h4><p>{listed}</p></div>
        </body></html>"#,
        body = "<p>More of the article body goes here.</p>".repeat(300)
    );
    let doc = parse(&html, &ParseLimits::default()).unwrap();
    extract_at(&doc, None, 1_767_000_000).date
}

#[test]
fn an_ambiguous_numeric_date_is_read_the_way_another_date_names_it() {
    // Guards the last resort for "04-03-2025": the reading the page names elsewhere wins.
    let d = ambiguous_with_listing;
    assert_eq!(
        d("04-03-2025", "April 3, 2025").as_deref(),
        Some("2025-04-03")
    );
    assert_eq!(
        d("03/04/2025", "3. April 2025").as_deref(),
        Some("2025-04-03")
    );
    assert_eq!(
        d("03-04-2025", "3 avril 2025").as_deref(),
        Some("2025-04-03")
    );
    assert_eq!(
        d("04/03/2025", "3 de abril de 2025").as_deref(),
        Some("2025-04-03")
    );
    // Named by no other date: still refused.
    assert_eq!(d("04-03-2025", "Part one of the series"), None);
}

#[test]
fn a_byline_that_opens_with_the_date_names_who_follows_it() {
    // Guards reading past a leading date with no separator before the name.
    let b = |date: &str, name: &str| {
        byline(&format!(
            r#"<span class="d">{date}</span><span class="n">{name}</span>"#
        ))
    };
    assert_eq!(
        b("Dec 17, 2025", "Marta L. Ferreiro"),
        ["Marta L. Ferreiro"]
    );
    assert_eq!(b("17. Dezember 2025", "Anna Weber"), ["Anna Weber"]);
    assert_eq!(b("17 décembre 2025", "Jean Dupont"), ["Jean Dupont"]);
    assert_eq!(b("17 de diciembre de 2025", "Lucía Pérez"), ["Lucía Pérez"]);
    // A date alone names no one.
    assert!(b("Dec 17, 2025", "").is_empty());
}

#[test]
fn month_only_dateline_dates_the_page_to_the_month() {
    // Guards reading a header that gives only a month, in four languages, after every source
    // that names a day.
    assert_eq!(dateline("August 1997").as_deref(), Some("1997-08"));
    assert_eq!(dateline("août 1997").as_deref(), Some("1997-08"));
    assert_eq!(dateline("agosto de 1997").as_deref(), Some("1997-08"));
    assert_eq!(dateline("1997年8月").as_deref(), Some("1997-08"));
    // A day anywhere near the headline wins over the month.
    let both = page(r#"<p class="date">August 1997</p><p class="date">12 August 1997</p>"#);
    assert_eq!(both.date.as_deref(), Some("1997-08-12"));
}

#[test]
fn labelled_month_in_a_sidebar_fact_box_dates_the_page() {
    // Guards the fact box's "Date" label (any of the listed languages) reaching into furniture,
    // and a bare month in a sidebar archive list staying no date.
    let with_aside = |aside: &str| {
        let html = format!(
            "<html><body><aside>{aside}</aside><article><h1>Rain in Spain</h1>\
             <p>The first paragraph of the article body, long enough to be the body.</p>\
             </article></body></html>"
        );
        let doc = parse(&html, &ParseLimits::default()).unwrap();
        extract_at(&doc, None, NOW).date
    };
    let boxed = |label: &str| with_aside(&format!("<div><h6>{label}</h6><p>May 1998</p></div>"));
    assert_eq!(boxed("Date").as_deref(), Some("1998-05"));
    assert_eq!(boxed("Datum:").as_deref(), Some("1998-05"));
    assert_eq!(boxed("Fecha").as_deref(), Some("1998-05"));
    assert_eq!(boxed("发布日期").as_deref(), Some("1998-05"));
    assert_eq!(boxed("Topics"), None);
    let archive = r#"<ul><li><a href="/1998/05/">May 1998</a></li><li><a href="/1998/04/">April 1998</a></li></ul>"#;
    assert_eq!(with_aside(archive), None);
}
