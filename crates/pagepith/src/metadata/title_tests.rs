//! Tests of the title choice as a whole: candidates in, the chosen title, headline and
//! site part out.

use super::*;
use crate::dom::{parse, ParseLimits};
use crate::metadata::scan::scan;

fn choose_in(html: &str, src: &Sources, site: Option<&str>) -> (Choice, Document) {
    let doc = parse(html, &ParseLimits::default()).unwrap();
    let s = scan(&doc);
    (choose(&doc, &s.headings, src, site), doc)
}

#[test]
fn invisible_chars_leave_the_title() {
    // Guards dropping soft hyphens and zero-width spaces a page sets inside words, in
    // any language; a zero-width joiner (Persian, emoji) stays.
    for (h1, want) in [
        ("Garden Water\u{ad}ing Guide", "Garden Watering Guide"),
        (
            "Gartenbe\u{ad}wässerung im Sommer",
            "Gartenbewässerung im Sommer",
        ),
        (
            "Arrosage\u{200b} du jardin en été",
            "Arrosage du jardin en été",
        ),
        (
            "می\u{200c}خواهم باغ را آب بدهم",
            "می\u{200c}خواهم باغ را آب بدهم",
        ),
    ] {
        let page = format!("<html><body><main><h1>{h1}</h1></main></body></html>");
        let src = Sources {
            article: true,
            ..Sources::default()
        };
        assert_eq!(choose_in(&page, &src, None).0.title.as_deref(), Some(want));
    }
}

#[test]
fn an_h1_the_title_holds_whole_beats_one_that_only_opens_it() {
    // Guards a Q&A page: the question's `<h1>` over an answer's `<h1>` that repeats the tag
    // `<title>` opens with, whatever the language.
    for (tag, question) in [
        ("Kettles", "How do I descale an old kettle?"),
        ("Wasserkocher", "Wie entkalke ich einen alten Wasserkocher?"),
        ("Bouilloires", "Comment détartrer une vieille bouilloire ?"),
    ] {
        let page = format!(
            "<html><body><h1>{question}</h1><main><p>Question text.</p><h1>{tag}</h1>\
             <p>An answer.</p></main></body></html>"
        );
        let html = format!("{tag} - {question} - Home Q&A");
        let src = Sources {
            og: Some(question),
            html: Some(&html),
            ..Sources::default()
        };
        assert_eq!(
            choose_in(&page, &src, None).0.title.as_deref(),
            Some(question),
            "{tag}"
        );
    }
}

#[test]
fn an_aggregators_source_and_score_after_the_headline_are_dropped() {
    // Guards dropping "(host) score" after an `<h1>` that opens with another title, in any
    // language; a year or a word added stays.
    let pick = |h1: &str, html: &str| {
        let page = format!("<html><body><h1>{h1}</h1><p>comments</p></body></html>");
        let src = Sources {
            html: Some(html),
            ..Sources::default()
        };
        choose_in(&page, &src, None).0.title
    };
    for (h1, html) in [
        (
            "Tiny Lamps Light Old Barns (example.com) 87",
            "Tiny Lamps Light Old Barns | Board",
        ),
        (
            "Kleine Lampen im Stall (beispiel.de) 12",
            "Kleine Lampen im Stall | Board",
        ),
        (
            "Petites lampes à la ferme (exemple.fr)",
            "Petites lampes à la ferme | Board",
        ),
        (
            "Lámparas en el granero (ejemplo.es) 5",
            "Lámparas en el granero | Board",
        ),
    ] {
        let want = html.split(" | ").next();
        assert_eq!(pick(h1, html).as_deref(), want, "{h1}");
    }
    assert_eq!(
        pick(
            "Tiny Lamps Light Old Barns 2024",
            "Tiny Lamps Light Old Barns | Board"
        )
        .as_deref(),
        Some("Tiny Lamps Light Old Barns 2024")
    );
    assert_eq!(
        pick(
            "Tiny Lamps Light Old Barns (a field report)",
            "Tiny Lamps Light Old Barns | Board"
        )
        .as_deref(),
        Some("Tiny Lamps Light Old Barns (a field report)")
    );
}

#[test]
fn a_heading_running_past_the_titles_first_dash_part_is_cut_there() {
    // Guards the cut at a `<title>`'s first dash part: "Headline - Subtitle - Site".
    let cut = |t: &str, html: Option<&str>| cut_at_title_dash(t.to_owned(), html);
    let html = Some("Beekeeping Starter Tools - Hive Inspection Log - Greenfield Notes");
    assert_eq!(
        cut("Beekeeping Starter Tools – Hive Inspection Log", html),
        "Beekeeping Starter Tools"
    );
    let html = Some("Tipps für den ersten Japanbesuch – Japan-Forum – Reiseportal");
    assert_eq!(
        cut("Tipps für den ersten Japanbesuch – Japan-Forum", html),
        "Tipps für den ersten Japanbesuch"
    );
    let html = Some("Conseils pour un premier voyage — Forum Japon — Voyages");
    assert_eq!(
        cut("Conseils pour un premier voyage — Forum Japon", html),
        "Conseils pour un premier voyage"
    );
    let html = Some("Consejos para viajar - Foro de Japón - Viajes");
    assert_eq!(
        cut("Consejos para viajar - Foro de Japón", html),
        "Consejos para viajar"
    );
    // One dash in `<title>`, a one-word first part, or a heading that stops at the part:
    // left whole.
    let one = Some("Trail Shoes Tested – Our Picks!");
    assert_eq!(
        cut("Trail Shoes Tested – Our Picks!", one),
        "Trail Shoes Tested – Our Picks!"
    );
    let module = Some("csvkit — Tools for tabular data — Toolkit docs");
    assert_eq!(
        cut("csvkit — Tools for tabular data", module),
        "csvkit — Tools for tabular data"
    );
    assert_eq!(
        cut(
            "Beekeeping Starter Tools",
            Some("Beekeeping Starter Tools - A - B")
        ),
        "Beekeeping Starter Tools"
    );
}

#[test]
fn h1_is_preferred_when_similar_to_title_and_is_the_headline() {
    let (c, doc) = choose_in(
        "<header><h1>Daily News</h1></header><article><h1>Rain in  Spain</h1><p>x</p></article>",
        &Sources {
            html: Some("Rain in Spain | Daily News"),
            ..Sources::default()
        },
        None,
    );
    assert_eq!(c.title.as_deref(), Some("Rain in Spain"));
    assert_eq!(doc.text_content(c.headline.unwrap()), "Rain in  Spain");
    assert_eq!(c.site.as_deref(), Some("Daily News"));
}

#[test]
fn title_split_follows_the_h1_when_it_names_one_side() {
    // Length alone would take "News" for the site; the `<h1>` says it is the headline.
    let (c, _) = choose_in(
        "<main><h1>News</h1></main>",
        &Sources {
            html: Some("News | Regional Tutoring Support Network"),
            ..Sources::default()
        },
        None,
    );
    assert_eq!(c.title.as_deref(), Some("News"));
    assert_eq!(c.site.as_deref(), Some("Regional Tutoring Support Network"));
    assert!(c.headline.is_some());
}

#[test]
fn og_title_wins_over_unrelated_h1_and_finds_its_heading() {
    let (c, doc) = choose_in(
        "<h1>Welcome</h1><div><h2>Rain in Spain</h2></div>",
        &Sources {
            og: Some("Rain in Spain"),
            html: Some("Home"),
            ..Sources::default()
        },
        None,
    );
    assert_eq!(c.title.as_deref(), Some("Rain in Spain"));
    assert_eq!(doc.text_content(c.headline.unwrap()), "Rain in Spain");
}

#[test]
fn h1_in_capitals_takes_the_titles_letter_case_and_loses_its_permalink_mark() {
    let html = "<h1>NOTES FOR REMOTE TEAMS¶</h1>";
    let src = Sources {
        html: Some("Notes for Remote Teams | Example"),
        ..Sources::default()
    };
    let (c, _) = choose_in(html, &src, None);
    assert_eq!(c.title.as_deref(), Some("Notes for Remote Teams"));
}

#[test]
fn site_suffix_named_like_the_host_is_stripped_from_og_title_and_h1() {
    let src = Sources {
        og: Some("Quality Parts for DIY Repair | iFixit"),
        host: Some("www.ifixit.com"),
        ..Sources::default()
    };
    let (c, _) = choose_in("<p>x</p>", &src, None);
    assert_eq!(c.title.as_deref(), Some("Quality Parts for DIY Repair"));
    let src = Sources {
        og: Some("Ferry timetable news | KQRB"),
        host: Some("www.wral.com"),
        ..Sources::default()
    };
    let (c, _) = choose_in("<h1>Ferry timetable news | KQRB</h1>", &src, None);
    assert_eq!(c.title.as_deref(), Some("Ferry timetable news"));
}

// Guards the labels forums and blogs set inside the `<h1>` before the headline: a thread
// prefix, a `<time>`, a "Thread:" lead-in; a headline merely wrapped in spans keeps its words.
#[test]
fn label_opening_the_h1_is_not_part_of_the_headline() {
    let title = |h1: &str| {
        let html = format!("<article>{h1}<p>x</p></article>");
        let (c, _) = choose_in(
            &html,
            &Sources {
                article: true,
                ..Sources::default()
            },
            None,
        );
        c.title
    };
    let want = Some("Rain in Spain falls".to_owned());
    assert_eq!(
        title(r#"<h1><span class="label">News</span><span>&nbsp;</span>Rain in Spain falls</h1>"#),
        want
    );
    assert_eq!(
        title(
            r#"<h1><a href="/x"><time datetime="2025-12-18">Dec 18 2025</time> Rain in Spain falls</a></h1>"#
        ),
        want
    );
    assert_eq!(
        title("<h1>Thread: <span>Rain in Spain falls</span></h1>"),
        want
    );
    assert_eq!(
        title("<h1><strong>Blog:</strong> Rain in Spain falls</h1>"),
        want
    );
    assert_eq!(
        title("<h1><span>Rain</span> in Spain falls</h1>").as_deref(),
        Some("Rain in Spain falls")
    );
    assert_eq!(
        title("<h1>Update: Rain in Spain falls</h1>").as_deref(),
        Some("Update: Rain in Spain falls")
    );
}

// Guards the cut at a vertical bar: a tagline or section after it goes, in any language, from
// any source (here the `<h1>` itself); a one-word brand before it keeps the whole.
#[test]
fn part_after_a_vertical_bar_is_not_the_headline() {
    let title = |h1: &str, og: &str| {
        let html = format!("<article><h1>{h1}</h1><p>x</p></article>");
        let src = Sources {
            og: Some(og),
            article: true,
            ..Sources::default()
        };
        choose_in(&html, &src, None).0.title
    };
    assert_eq!(
        title("Rain in Spain | Opinion", "Rain in Spain | Opinion").as_deref(),
        Some("Rain in Spain")
    );
    assert_eq!(
        title("Plancha au gaz de ville | +80 modèles", "x").as_deref(),
        Some("Plancha au gaz de ville")
    );
    assert_eq!(
        title(
            "Acme | Rain gear for every storm",
            "Acme | Rain gear for every storm"
        )
        .as_deref(),
        Some("Acme | Rain gear for every storm")
    );
}

// Guards the sectioning `<h1>`s: a post whose sections are `<h1>`s takes og:title, while
// one unrelated `<h1>` on an article is still its headline.
#[test]
fn many_unrelated_h1s_are_sections_not_the_headline() {
    let src = Sources {
        og: Some("Puzzle Calendar 2024 week 3"),
        article: true,
        ..Sources::default()
    };
    let html = "<article><h1>Day 7</h1><p>a</p><h1>Day 8</h1><p>b</p><h1>Day 9</h1></article>";
    let (c, _) = choose_in(html, &src, None);
    assert_eq!(c.title.as_deref(), Some("Puzzle Calendar 2024 week 3"));
    let (c, _) = choose_in("<article><h1>Day 7</h1><p>a</p></article>", &src, None);
    assert_eq!(c.title.as_deref(), Some("Day 7"));
}

// Guards the blog-name `<h1>`: `<title>` = blog name + og:title, the `<h1>` the blog name.
#[test]
fn h1_that_with_og_title_makes_up_the_title_is_the_site() {
    let html = "<header><h1>Lumen Notes Blog</h1></header><main><p>x</p></main>";
    let src = Sources {
        og: Some("Quiet experiments with tiny vision models"),
        html: Some("Lumen Notes Blog: Quiet experiments with tiny vision models"),
        ..Sources::default()
    };
    let (c, _) = choose_in(html, &src, None);
    assert_eq!(
        c.title.as_deref(),
        Some("Quiet experiments with tiny vision models")
    );
    // og:title is the site's name: the `<h1>` is the headline.
    let html = "<header><h1>Which mower suits which lawn?</h1></header>";
    let src = Sources {
        og: Some("Robomow"),
        html: Some("Which mower suits which lawn? | Robomow"),
        ..Sources::default()
    };
    let (c, _) = choose_in(html, &src, Some("Robomow"));
    assert_eq!(c.title.as_deref(), Some("Which mower suits which lawn?"));
}

// Guards the header `<h1>` naming the book or forum while the page's own heading is the
// first `<h2>` in `<main>`: `<title>` is split at the part that `<h2>` shows.
#[test]
fn title_part_shown_by_an_h2_in_main_beats_a_header_h1() {
    let html = "<header><h1>The Ferrous Handbook</h1></header>\
                <main><h2>What Is Borrowing?</h2><p>x</p></main>";
    let src = Sources {
        html: Some("What is Borrowing? - The Ferrous Handbook"),
        ..Sources::default()
    };
    let (c, _) = choose_in(html, &src, None);
    assert_eq!(c.title.as_deref(), Some("What is Borrowing?"));
    let html = "<div><h1>forum.example.org</h1></div>\
                <main><h2>Discuter de la version 7.1</h2><p>x</p></main>";
    let src = Sources {
        html: Some("Discuter de la version 7.1 - forum.example.org"),
        ..Sources::default()
    };
    let (c, _) = choose_in(html, &src, None);
    assert_eq!(c.title.as_deref(), Some("Discuter de la version 7.1"));
}

#[test]
fn a_bullet_sets_the_known_site_apart_and_a_breadcrumb_title_keeps_its_first_step() {
    // Guards " • " as a site separator and the " / " path cut of a forum's `<title>`.
    let src = Sources {
        og: Some("A short guide to make • Tove Lindqvist"),
        html: Some("A short guide to make • Tove Lindqvist"),
        ..Sources::default()
    };
    let (c, _) = choose_in("<body><p>x</p></body>", &src, Some("Tove Lindqvist"));
    assert_eq!(c.title.as_deref(), Some("A short guide to make"));
    let src = Sources {
        html: Some("What happened with the ISO in 2024 / Discussion / Example Forums"),
        ..Sources::default()
    };
    let (c, _) = choose_in("<body><p>x</p></body>", &src, None);
    assert_eq!(
        c.title.as_deref(),
        Some("What happened with the ISO in 2024")
    );
    // One slash is part of the headline ("either / or").
    let src = Sources {
        html: Some("Input / Output in Rust"),
        ..Sources::default()
    };
    let (c, _) = choose_in("<body><p>x</p></body>", &src, None);
    assert_eq!(c.title.as_deref(), Some("Input / Output in Rust"));
}
