//! Tests of the prune pass: pages run through [`super::prune`], and what stays of them. The
//! tests of how class and id names are read are in `names`.
use super::*;
use crate::dom::{parse, ParseLimits};

const BODY: &str = "<p>The council approved the budget after a long debate about schools, \
    roads and the new library that residents have asked for since the old one closed.</p>";

mod names;

/// Guards the spoken copy: a sale price shown in `aria-hidden` digits keeps its
/// screen-reader sentence, while a screen-reader label with no `aria-hidden` text before
/// it (an icon's name), one after an `aria-hidden` icon without text, and a filter
/// choice's spoken count inside a `<label>` stay out.
#[test]
fn a_spoken_copy_of_an_aria_hidden_value_stays() {
    let text = pruned_text(&format!(
        "<main>{BODY}<div class=card><h3>Garden chair</h3><span class=price>\
         <del aria-hidden=true>$40</del> <span class=sr-only>Was 40 dollars.</span>\
         <ins aria-hidden=true>$25</ins><span class=sr-only>Now 25 dollars.</span>\
         </span></div><a href=/s><span class=sr-only>Open the search</span></a>\
         <button><i aria-hidden=true class=icon></i><span class=sr-only>Close the menu\
         </span></button><label><input type=checkbox><span aria-hidden=true>Chairs (4)\
         </span><span class=visually-hidden>Chairs, 4 items</span></label></main>"
    ));
    assert!(text.contains("Was 40 dollars."), "{text}");
    assert!(text.contains("Now 25 dollars."), "{text}");
    for gone in ["$40", "Open the search", "Close the menu", "Chairs"] {
        assert!(!text.contains(gone), "{gone} kept: {text}");
    }
}

/// Guards the "read more" rule: the hidden full text after its visible excerpt is kept
/// and the excerpt goes, while a hidden block that opens like its visible sibling but is
/// barely longer (another version of it) stays out.
#[test]
fn a_hidden_full_text_replaces_its_excerpt() {
    let text = pruned_text(&format!(
            "<body>{BODY}<p><span class=short>Our evening classes teach adults to paint with              oils in ten…</span><span style='display:none'>Our evening classes teach adults              to paint with oils in ten weekly lessons, from mixing colours to finishing a              landscape of their own choosing.</span></p><div class=plan>Basic plan for small              teams at nine a month</div><div class=plan hidden>Basic plan for small teams at              ninety a year</div></body>"
        ));
    assert!(text.contains("from mixing colours"), "{text}");
    assert!(!text.contains("in ten…"), "{text}");
    assert!(text.contains("nine a month"), "{text}");
    assert!(!text.contains("ninety a year"), "{text}");
}

/// Guards the `visibility:hidden` rule: a slider's wrapper hidden only by that inline
/// style until its script runs keeps its slides' text, while a short hidden copy of the
/// headline and a box also hidden by `display:none` stay out.
#[test]
fn a_slider_hidden_by_visibility_keeps_its_text() {
    let text = pruned_text(&format!(
        "<body><div style='visibility:hidden;z-index:-1'>Town opens its new library</div>\
         {BODY}<div class=slider style='visibility: hidden; padding:0'><div class=slide>\
         <p>The reading room seats eighty people under a glass roof that lets in the \
         morning light.</p></div><div class=slide><p>Children have their own floor, with \
         a story corner and shelves low enough for small hands to reach.</p></div>\
         <div class=slide><p>Upstairs, quiet desks face the river and every one has a \
         lamp and a socket.</p></div></div>\
         <div style='display:none;visibility:hidden'><p>Subscribe to our weekly letter \
         to hear about every event in the library before anyone else does, for free.\
         </p></div></body>"
    ));
    assert!(text.contains("glass roof"), "{text}");
    assert!(text.contains("story corner"), "{text}");
    assert!(!text.contains("Town opens"), "{text}");
    assert!(!text.contains("Subscribe"), "{text}");
}

/// Guards the summary exception of the page-chrome words: on a page without an `<h1>`, a
/// title box named as a header that holds the page's stated description stays, while a
/// masthead that does not hold it goes, and so does the same box when the page has an
/// `<h1>` elsewhere (a news header's standfirst).
#[test]
fn a_header_holding_the_pages_summary_stays_on_a_page_without_h1() {
    let summary = "Build a lighthouse on a rocky island, keep its lamp burning through \
        the storms and guide the fishing boats home before the tide turns.";
    let page = |h1: &str| {
        format!(
            "<body><div class=site-header><a href=/>Home</a><a href=/shop>Shop</a>\
             <span>Sign in to save your wish list</span></div>\
             <div class=game-header><div class=name>Harbour Light</div>\
             <div class=blurb>{summary}</div></div>{h1}{BODY}</body>"
        )
    };
    let pruned = |html: &str| {
        let mut doc = parse(html, &ParseLimits::default()).unwrap();
        let kind = PageKind {
            summary: Some(summary),
            ..PageKind::default()
        };
        prune(&mut doc, kind, true);
        crate::textutil::collapse_whitespace(&doc.text_content(Document::ROOT))
    };
    let text = pruned(&page(""));
    assert!(text.contains("Build a lighthouse"), "{text}");
    assert!(text.contains("Harbour Light"), "{text}");
    assert!(!text.contains("Sign in to save"), "{text}");
    let text = pruned(&page("<h1>Harbour Light</h1>"));
    assert!(!text.contains("Build a lighthouse"), "{text}");
    // Without a stated summary the box is chrome as before.
    let text = pruned_text(&page(""));
    assert!(!text.contains("Build a lighthouse"), "{text}");
}

/// Guards the headline exception of the header and navigation words: a category page's
/// header with its title and intro stays, and a title block named for navigation, while
/// a site's masthead of menu links goes even when it holds the logo's `<h1>`. And a data
/// table named for its sticky header row stays, and a heading or a paragraph named for
/// its place in a header.
#[test]
fn a_header_holding_the_headline_stays() {
    let text = pruned_text(&format!(
        "<body><div class=category-header><h1>Garden tools</h1><p>Spades, forks and \
         shears for every size of plot, chosen for how long they last.</p></div>{BODY}\
         </body>"
    ));
    assert!(text.contains("for how long they last"), "{text}");
    let text = pruned_text(&format!(
        "<body><div class=nav><h1>Oak desk</h1><p>A writing desk of solid oak with two \
         drawers and a leather top.</p></div>{BODY}</body>"
    ));
    assert!(text.contains("two drawers"), "{text}");
    let text = pruned_text(&format!(
        "<body>{BODY}<table class=\"data sticky-header\"><tr><th>Year</th><th>Winner</th>\
         </tr><tr><td>1921</td><td>Ada Lowe</td></tr></table></body>"
    ));
    assert!(text.contains("Ada Lowe"), "{text}");
    let text = pruned_text(&format!(
        "<body><h2 class=section-header>Opening hours</h2><p class=header-text>Open daily \
         from nine until six.</p>{BODY}</body>"
    ));
    assert!(text.contains("Opening hours"), "{text}");
    assert!(text.contains("from nine until six"), "{text}");
    let text = pruned_text(&format!(
        "<body><div class=site-header><h1>Town News</h1><a href=/a>Home</a> \
         <a href=/b>Local politics</a> <a href=/c>Sport and weather</a></div>{BODY}</body>"
    ));
    assert!(!text.contains("Local politics"), "{text}");
    assert!(text.contains("new library"), "{text}");
}

/// Guards the text-part exception of the header word: a title box's description named
/// `range-header_description` (or `headerTagline`) stays anywhere on the page, while a
/// plain `site-header` strap line and a `modal header-text` box go.
#[test]
fn a_header_text_part_stays_a_header_goes() {
    let intro = "Hand-thrown mugs and bowls, fired twice and safe in the dishwasher.";
    for class in ["range-header_description", "shopHeaderTagline"] {
        let text = pruned_text(&format!(
            "<body><div class={class}>{intro}</div>{BODY}</body>"
        ));
        assert!(text.contains("fired twice"), "{class}: {text}");
    }
    for class in ["site-header", "\"modal header-text\""] {
        let text = pruned_text(&format!(
            "<body><div class={class}>{intro}</div>{BODY}</body>"
        ));
        assert!(!text.contains("fired twice"), "{class}: {text}");
    }
}

/// Guards the embed exception of the share words: a social network's post set into the
/// story stays, a share bar or a "share / embed" panel goes.
#[test]
fn a_social_embed_is_kept_and_share_bars_are_not() {
    let post = "<blockquote>Rain again on the coast road this morning, drive slowly.</blockquote>";
    let text = pruned_text(&format!(
        "<div class='social-media-embed'>{post}</div>\
         <div class='social-links'><a href=/f>Follow us</a></div>\
         <div class='share-embed-panel'><a href=/e>Copy the embed code</a></div>{BODY}"
    ));
    assert!(text.contains("drive slowly"), "{text}");
    assert!(!text.contains("Follow us"), "{text}");
    assert!(!text.contains("embed code"), "{text}");
    assert!(text.contains("the new library"), "{text}");
}

/// Guards the repeated navigation class: panels that share a `tabs` class are content
/// (each a service's description), while a single element named a menu goes.
#[test]
fn repeated_tab_panels_stay_and_a_menu_goes() {
    let panel = |n: usize| {
        format!(
            "<div class=\"services-tabs\"><p>Service {n}: we prune, feed and water the \
             trees of your garden every season.</p></div>"
        )
    };
    let text = pruned_text(&format!(
        "<body><div class=menu><a href=/a>Home</a></div>{BODY}{}{}{}</body>",
        panel(1),
        panel(2),
        panel(3)
    ));
    assert!(text.contains("Service 3: we prune"), "{text}");
    assert!(!text.contains("Home"), "{text}");
}

/// Guards the disclosure buttons: an accordion's question set in a button (not in a
/// heading) stays with its answer, while a short toggle ("Menu") goes.
#[test]
fn an_accordion_question_button_stays() {
    let text = pruned_text(&format!(
        "<body><button aria-expanded=false>Menu</button>{BODY}<div class=faq>\
         <button aria-expanded=true aria-controls=a1>How often do you visit?</button>\
         <div id=a1><p>Once a month from spring to autumn.</p></div></div></body>"
    ));
    assert!(text.contains("How often do you visit?"), "{text}");
    assert!(text.contains("Once a month"), "{text}");
    assert!(!text.contains("Menu"), "{text}");
}

/// Guards the disclaimer word: an offer's fine print under the text goes.
#[test]
fn a_disclaimer_box_is_removed() {
    let text = pruned_text(&format!(
        "<body>{BODY}<div class=\"offer-disclaimer\"><p>Prices shown are examples only \
         and may change without notice.</p></div></body>"
    ));
    assert!(text.contains("council approved"), "{text}");
    assert!(!text.contains("Prices shown"), "{text}");
}

/// Guards the entry-form rule: a contact form's heading, labels and consent line go with
/// the form, while the page's prose stays.
#[test]
fn a_short_form_with_fields_is_removed() {
    let text = pruned_text(&format!(
        "<body>{BODY}<form><h3>Ask for a quote</h3><label>Your e-mail</label>\
         <input type=email name=mail><p>We answer within two working days.</p>\
         <button>Send</button></form></body>"
    ));
    assert!(text.contains("council approved"), "{text}");
    assert!(!text.contains("Ask for a quote"), "{text}");
    assert!(!text.contains("two working days"), "{text}");
}

/// Guards the field test: a form of buttons alone (a vote, an "add to list") is not a form
/// to fill in, and its text is left to the other rules.
#[test]
fn a_form_without_fields_stays() {
    let text = pruned_text(
        "<body><form><input type=hidden name=id value=7>\
         <p>Was this answer useful to you?</p><button>Yes</button></form></body>",
    );
    assert!(text.contains("answer useful"), "{text}");
}

/// Guards the size limit: a page that sits whole inside one form (a server form around
/// the body, a listing's filters around its results) keeps its text.
#[test]
fn a_long_form_is_a_wrapper_and_stays() {
    let text = pruned_text(&format!(
        "<body><form><input type=text name=q>{}</form></body>",
        BODY.repeat(12)
    ));
    assert!(text.contains("council approved"), "{text}");
}

/// Guards the forum-post furniture words: the poster's card, the reactions bar and the
/// signature under a post go, the post's text stays.
#[test]
fn a_posts_card_reactions_and_signature_are_furniture() {
    let text = pruned_text(&format!(
        "<div class='post'><div class='user-info'>Walrus42 Senior member</div>\
         <div class='post-text'>{BODY}</div><div class='reactions'>Like Laugh</div>\
         <div class='signature'>Sent from my garden shed</div></div>"
    ));
    assert!(text.contains("council approved"), "{text}");
    for gone in ["Walrus42", "Laugh", "garden shed"] {
        assert!(!text.contains(gone), "{gone}: {text}");
    }
}

/// Guards that a buyer's review box goes on a product page only: on any other page the
/// same class names a review site's article or a service's client quotes.
#[test]
fn reviews_are_furniture_on_product_pages_only() {
    let page = "<body><div class='product-description'><p>A folding chair of oiled beech \
        with a woven seat that takes a grown person's weight and folds flat for the \
        cupboard.</p></div><div class='customer-review'><p>Sturdy and light, we take it \
        to the lake every summer.</p></div></body>";
    let pruned = |product| {
        let mut doc = parse(page, &ParseLimits::default()).unwrap();
        let kind = PageKind {
            product,
            ..PageKind::default()
        };
        prune(&mut doc, kind, true);
        crate::textutil::collapse_whitespace(&doc.text_content(Document::ROOT))
    };
    assert!(!pruned(true).contains("Sturdy and light"));
    assert!(pruned(true).contains("oiled beech"));
    assert!(pruned(false).contains("Sturdy and light"));
}

/// Guards the titled-note rule: on a product page an empty reviews box's invitation under
/// its heading stays, while a lone buyer's review without a heading and repeated review
/// items still go.
#[test]
fn a_titled_note_of_a_product_reviews_tab_stays() {
    let pruned = |html: &str| {
        let mut doc = parse(html, &ParseLimits::default()).unwrap();
        let kind = PageKind {
            product: true,
            ..PageKind::default()
        };
        prune(&mut doc, kind, true);
        crate::textutil::collapse_whitespace(&doc.text_content(Document::ROOT))
    };
    let item = "<div class='review-item'><p>Sturdy and light, we take it to the lake \
        every summer and back.</p></div>";
    let page = format!(
        "<body>{BODY}<div class='reviews-tab'><h3>Your view of this chair</h3>\
         <p class='no-review-note'>Nobody has rated this chair so far; after your order \
         we send you a short form.</p></div>{item}{item}{item}</body>"
    );
    let text = pruned(&page);
    assert!(text.contains("Nobody has rated"), "{text}");
    assert!(!text.contains("Sturdy and light"), "{text}");
    let lone = format!("<body>{BODY}{item}</body>");
    assert!(!pruned(&lone).contains("Sturdy and light"));
}

/// Guards that reviews stay out on a product page even when they are most of its prose
/// (three long reviews under a two-line description), while comment-named posts that are
/// most of a page come back as before.
#[test]
fn reviews_stay_out_when_they_are_most_of_a_product_page() {
    let review = "<div class='customer-review'><p>We bought two of these for the balcony \
        and after a whole summer of rain and sun the wood still looks new, the seat has \
        not sagged, and the hinges fold as smoothly as on the first day we used them \
        outside.</p></div>";
    let page = format!(
        "<body><div class='product-description'><p>A folding chair of oiled beech.</p>\
         </div>{}</body>",
        review.repeat(3)
    );
    let pruned = |product| {
        let mut doc = parse(&page, &ParseLimits::default()).unwrap();
        let kind = PageKind {
            product,
            ..PageKind::default()
        };
        prune(&mut doc, kind, true);
        crate::textutil::collapse_whitespace(&doc.text_content(Document::ROOT))
    };
    assert!(!pruned(true).contains("balcony"), "{}", pruned(true));
    assert!(pruned(true).contains("oiled beech"));
    let thread = page.replace("customer-review", "comment");
    assert!(pruned_text(&thread).contains("balcony"));
}

/// Guards the page-footer rule: a `<footer>` of long footnotes that holds most of the
/// prose goes and the short cards above it stay; a page wrapped whole in a `<footer>` (its
/// headline inside) is still looked into.
#[test]
fn a_long_page_footer_goes_a_footer_wrapping_the_page_stays() {
    let notes = "<p>Offer valid for new customers in selected regions only, subject to \
        credit approval and the terms of the plan; prices shown include taxes where the \
        law requires it and exclude delivery, which is charged at checkout.</p>"
        .repeat(3);
    let cards = "<div class=card><h3>Oak stool</h3><p>Three legs.</p></div>\
        <div class=card><h3>Ash stool</h3><p>Four legs.</p></div>";
    let text = pruned_text(&format!(
        "<body><main>{cards}</main><footer>{notes}</footer></body>"
    ));
    assert!(text.contains("Three legs"), "{text}");
    assert!(!text.contains("selected regions"), "{text}");
    let wrapped = pruned_text(&format!(
        "<body><footer><h1>Stools</h1>{cards}{notes}</footer></body>"
    ));
    assert!(wrapped.contains("selected regions"), "{wrapped}");
}

#[test]
fn scripts_styles_and_hidden_elements_go() {
    let html = format!(
        "<script>var x=1</script><style>p{{}}</style><div hidden>h</div>\
         <div style='display: none'>n</div><span class=sr-only>s</span>{BODY}"
    );
    let text = pruned_text(&html);
    assert!(text.starts_with("The council"), "{text}");
    assert!(!text.contains("var x"));
}

/// Guards the `aria-hidden` rule: carousel slides (one class, many times) and a card's
/// second link stay, while an `aria-hidden` box of its own and a slide also hidden by
/// style go.
#[test]
fn aria_hidden_slides_and_links_stay_other_aria_hidden_boxes_go() {
    let slide = |n: u32, extra: &str| {
        format!("<li class='slide' aria-hidden='true'{extra}>Slide number {n} text</li>")
    };
    let html = format!(
        "<ul>{}{}{}{}</ul>{BODY}<a href='/s' aria-hidden='true' tabindex='-1'>Story title \
         again</a><div aria-hidden='true'>Decorative box</div>",
        slide(1, ""),
        slide(2, ""),
        slide(3, ""),
        slide(4, " style='display:none'"),
    );
    let text = pruned_text(&html);
    assert!(text.contains("Slide number 3 text"), "{text}");
    assert!(text.contains("Story title again"), "{text}");
    assert!(!text.contains("Slide number 4"), "{text}");
    assert!(!text.contains("Decorative box"), "{text}");
}

/// Guards the accordion pattern: a question written as a button inside its heading stays,
/// while a form's button beside the text goes.
#[test]
fn a_button_that_is_a_headings_text_stays() {
    let html = format!(
        "<h3><button aria-expanded='false'>Can I return a gift?</button></h3>{BODY}\
         <form><button>Send the form</button></form>"
    );
    let text = pruned_text(&html);
    assert!(text.starts_with("Can I return a gift?"), "{text}");
    assert!(!text.contains("Send the form"), "{text}");
}

#[test]
fn header_inside_the_article_is_kept_but_page_header_goes() {
    let html = format!(
        "<header>Site logo</header><article><header><p>Lead para</p></header>{BODY}</article>"
    );
    let text = pruned_text(&html);
    assert!(!text.contains("Site logo"));
    assert!(text.contains("Lead para"));
}

// Guards noscript notices: a browser runs scripts and shows no noscript, so a short one
// ("enable JavaScript") goes; a long one is the page served without scripts and stays.
#[test]
fn noscript_notices_go_and_noscript_pages_stay() {
    let notice = format!(
            "<body><noscript><p>Please enable JavaScript to view this site.</p></noscript>{BODY}</body>"
        );
    let text = pruned_text(&notice);
    assert!(!text.contains("enable JavaScript"), "{text}");
    assert!(text.contains("The council approved"), "{text}");
    let thread = format!("<body><noscript>{}</noscript></body>", BODY.repeat(12));
    assert!(pruned_text(&thread).contains("The council approved"));
}

// Guards inline drawings: an `<svg>`'s style rules and icon title and a `<math>` formula
// are not text, while the paragraphs around them stay.
#[test]
fn inline_svg_and_math_are_not_text() {
    let html = format!(
        r#"<body><main>{BODY}<div class="shape"><svg viewBox="0 0 10 10"><style>.leaf{{fill:#0a0;}}</style><title>Leaf icon</title><path d="M0,1z"/></svg></div>
            <p><math><mi>x</mi><mo>=</mo><mn>42</mn></math></p></main></body>"#
    );
    let text = pruned_text(&html);
    assert!(!text.contains("fill"), "{text}");
    assert!(!text.contains("Leaf icon"), "{text}");
    assert!(!text.contains("42"), "{text}");
    assert!(text.contains("The council approved"), "{text}");
}

/// Guards the controls words: a listing's facet panel and sort menu go, while a filterable
/// list's entries, whose class says they pass the filter, stay when they hold prose.
#[test]
fn facet_and_sort_panels_go_but_filtered_entries_with_prose_stay() {
    let html = format!(
        "<body><div class='facet-panel'><h3>Colour</h3><label>Red (12)</label>\
         <label>Blue (7)</label></div><div class='sortBy'>Order: newest</div>\
         <div class='entry filter-match'><h4>How do refunds work?</h4>{BODY}</div>\
         <div>{BODY}{BODY}</div></body>"
    );
    let text = pruned_text(&html);
    assert!(!text.contains("Red (12)"), "{text}");
    assert!(!text.contains("Order: newest"), "{text}");
    // The entry holds a third of the page's prose: only the paragraph test keeps it.
    assert!(text.contains("How do refunds work?"), "{text}");
}

/// Guards the footnote rule: a raised mark linking to a note on the same page goes, whether
/// the link is inside the `<sup>` or around it, while an exponent, a trademark sign, a mark
/// whose link goes nowhere (`#`) and raised words stay.
#[test]
fn footnote_marks_go_and_other_raised_text_stays() {
    let html = format!(
        "<body><main>{BODY}<p>Rents rose by a third<sup class=fn><a href='#note-1'>1</a>\
         </sup>. The plot is 40 m<sup>2</sup> and the brand Acme<sup>®</sup> leads.\
         <a class=ref href='#note-2'><sup>[2]</sup></a> Prices fell<sup><a href=#>7</a></sup>\
         and<sup><a href='#note-3'>see the note</a></sup> then.</p></main></body>"
    );
    let text = pruned_text(&html);
    assert!(text.contains("a third. The plot"), "{text}");
    assert!(!text.contains("[2]"), "{text}");
    for stays in ["m2", "Acme®", "fell7", "see the note"] {
        assert!(text.contains(stays), "{stays} gone: {text}");
    }
}
