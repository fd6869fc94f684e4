//! Tests of the prune pass: pages run through [`super::prune`], and what stays of them.
use super::*;
use crate::dom::{parse, ParseLimits};

const BODY: &str = "<p>The council approved the budget after a long debate about schools, \
    roads and the new library that residents have asked for since the old one closed.</p>";

/// Guards reading a box by its class before its id: a description box whose id names
/// comments (an anchor for an in-page link) stays, while a box whose class names only a
/// layout wrapper (`content`) and whose id names comments is still a comment section.
#[test]
fn a_content_class_outweighs_a_comment_id() {
    let text = pruned_text(&format!(
        "<div class='main'>{BODY}</div>\
         <div id='press-comments' class='panel-description'><p>Critics praised the \
         quiet ending.</p></div>\
         <section id='comments' class='page-content'><p>Great post, thanks!</p></section>"
    ));
    assert!(text.contains("quiet ending"), "{text}");
    assert!(!text.contains("Great post"), "{text}");
}

/// Guards the class words in other languages: a German comment list, a Spanish ad slot, a
/// French share bar and an Italian "related" box go like their English namesakes, while a
/// body whose class is its own language's word for the article stays.
#[test]
fn furniture_named_in_other_languages_is_removed() {
    let text = pruned_text(&format!(
        "<div class='artikel-inhalt'>{BODY}</div>\
         <section id='kommentare'><p>Erster! Toller Beitrag, danke.</p></section>\
         <div class='bloque-publicidad'>Compre ahora</div>\
         <div class='barre-partage'><a href=/f>Facebook</a></div>\
         <aside class='articoli-correlati'><a href=/a>Altro articolo</a></aside>"
    ));
    assert!(text.contains("the new library"), "{text}");
    for furniture in [
        "Toller Beitrag",
        "Compre ahora",
        "Facebook",
        "Altro articolo",
    ] {
        assert!(!text.contains(furniture), "{furniture} kept: {text}");
    }
}

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

/// Guards the `editorial` reading: a box of the publisher's blurbs named as editorial
/// reviews stays, while buyers' reviews and an editorial box named by another furniture
/// word (comments) go.
#[test]
fn editorial_reviews_are_the_items_own_text() {
    let text = pruned_text(&format!(
        "<main>{BODY}<div id=editorialReviews><h2>From the publisher</h2><p>A warm and \
         careful history of the town's harbour, told through its boats.</p></div>\
         <div class='editorial-review'><p>Praised by every critic who read it.</p></div>\
         <div id=customerReviews><p>Arrived late, but the book is fine.</p></div>\
         <div class='editorial-comments'><p>First! Love this one.</p></div></main>"
    ));
    assert!(text.contains("told through its boats"), "{text}");
    assert!(text.contains("every critic"), "{text}");
    assert!(!text.contains("Arrived late"), "{text}");
    assert!(!text.contains("Love this one"), "{text}");
}

/// Guards the outline rule: a manual's subsection whose id spells its heading
/// ("sharing") stays, while a comment section whose id spells its heading ("comments"),
/// not nested in a section of the text, goes.
#[test]
fn an_outline_section_named_by_its_heading_stays() {
    let text = pruned_text(&format!(
        "<body><section id=guide><h2>Guide</h2>{BODY}<section id=sharing><h3>Sharing \
         <a href=#sharing>¶</a></h3><p>A folder is shared with a colleague from its \
         settings page.</p></section></section><section id=comments><h2>Comments\
         </h2><p>Great guide, thanks for writing it.</p></section></body>"
    ));
    assert!(text.contains("shared with a colleague"), "{text}");
    assert!(!text.contains("Great guide"), "{text}");
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

/// Guards the paragraph exception of the navigation words: a tab panel named for the
/// tabs that holds a paragraph stays, while a menu of links and short labels goes.
#[test]
fn a_navigation_named_panel_with_a_paragraph_stays_a_menu_goes() {
    let text = pruned_text(&format!(
        "<body>{BODY}<div class=menu><a href=/a>Plans</a><a href=/b>Pricing</a>\
         <span>New this week</span></div><div class=product-tabs><div class=tab-panel>\
         <h3>Care</h3><p>Wipe the frame with a damp cloth and dry it at once; keep the \
         cushions out of direct sun so that their colour lasts.</p></div></div></body>"
    ));
    assert!(text.contains("Wipe the frame"), "{text}");
    assert!(!text.contains("New this week"), "{text}");
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

/// Guards the main-content exception of the header word: inside `<main>` a section's
/// header box with its lead line stays, while the same class outside the main content (a
/// masthead's strap line), a header box of menu links inside it and a short label go.
#[test]
fn a_header_named_box_inside_the_main_content_stays() {
    let lead = "<div class=range-header><h2>Walking boots</h2><p>Waterproof boots for \
        hills and moors, resoled for free in the first year.</p></div>";
    let text = pruned_text(&format!("<body><main>{lead}{BODY}</main></body>"));
    assert!(text.contains("resoled for free"), "{text}");
    let text = pruned_text(&format!("<body>{lead}<main>{BODY}</main></body>"));
    assert!(!text.contains("resoled for free"), "{text}");
    let text = pruned_text(&format!(
        "<body><main><div class=shop-header><a href=/a>Boots and shoes for walking</a> \
         <a href=/b>Socks and laces for every boot</a></div>\
         <div class=results-header>12 results</div>{BODY}</main></body>"
    ));
    assert!(!text.contains("Socks and laces"), "{text}");
    assert!(!text.contains("12 results"), "{text}");
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

/// Guards the `<aside>` among paragraphs: a note set between the story's paragraphs stays,
/// a sidebar column beside the story's wrapper goes, and so do a short linked box and a
/// box whose class names furniture (a newsletter pitch) among the paragraphs.
#[test]
fn an_aside_among_the_paragraphs_stays_a_sidebar_goes() {
    let note = "<aside><h3>Did you know?</h3><p>The first public library in the town opened \
        in a room above the fire station and lent out forty books.</p></aside>";
    let text = pruned_text(&format!("<body><div>{BODY}{note}{BODY}</div></body>"));
    assert!(text.contains("above the fire station"), "{text}");
    let text = pruned_text(&format!("<body><div>{BODY}{BODY}</div>{note}</body>"));
    assert!(!text.contains("above the fire station"), "{text}");
    let text = pruned_text(&format!(
        "<body><div>{BODY}<aside><a href=/a>Read more about the council and its budget \
         plans</a></aside>{BODY}</div></body>"
    ));
    assert!(!text.contains("budget plans"), "{text}");
    let signup = note.replace("<aside>", "<aside class=newsletter-signup>");
    let text = pruned_text(&format!("<body><div>{BODY}{signup}{BODY}</div></body>"));
    assert!(!text.contains("above the fire station"), "{text}");
}

/// Guards the weak words' link bound: a `sidebar`-named wrapper of long prose that links a
/// third of its words (a description pointing to its care and size pages) stays, one that
/// is mostly links goes.
#[test]
fn a_weak_named_wrapper_of_linked_prose_stays_a_link_list_goes() {
    // A third of the sentence's letters are in its two links.
    let sentence = "The jacket is cut from a waxed cotton that sheds light rain, \
        lined with a soft check flannel, and closed with brass snaps down the front; \
        see <a href=/care>the care guide for waxed cotton jackets</a> and \
        <a href=/size>the size chart for men and women</a> first. ";
    let body = BODY.repeat(10);
    let prose = pruned_text(&format!(
        "<div class=details-sidebar>{}</div>{body}",
        sentence.repeat(6)
    ));
    assert!(prose.contains("brass snaps"), "{prose}");
    let links: String = (0..30)
        .map(|i| format!("<a href=/c/{i}>Another category of goods number {i}</a> "))
        .collect();
    let list = pruned_text(&format!(
        "<div class=details-sidebar>{}{links}</div>{body}",
        sentence.repeat(6)
    ));
    assert!(!list.contains("brass snaps"), "{list}");
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

/// Guards the own-offers switch: a hero banner holding the page's pitch is an advert on
/// an editorial page and the page's own content on a service page; an `ad` word stays
/// furniture on both.
#[test]
fn banners_are_content_on_a_business_own_page() {
    let html = format!(
        "<body><section class=\"hero-banner\"><h1>Gardens planted and kept all year</h1>\
         </section>{BODY}<div class=\"ad-slot\"><p>Cheap flights to the sun</p></div></body>"
    );
    let text_with = |own_offers| {
        let mut doc = parse(&html, &ParseLimits::default()).unwrap();
        let page = PageKind {
            own_offers,
            ..PageKind::default()
        };
        prune(&mut doc, page, true);
        crate::textutil::collapse_whitespace(&doc.text_content(Document::ROOT))
    };
    let editorial = text_with(false);
    assert!(!editorial.contains("Gardens planted"), "{editorial}");
    let own = text_with(true);
    assert!(own.contains("Gardens planted"), "{own}");
    assert!(!own.contains("Cheap flights"), "{own}");
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
fn navigation_share_bar_and_newsletter_box_go() {
    let html = format!(
        "<nav><a href=/>Home</a></nav><div class='share-buttons'>Share on X</div>\
         <div id=newsletter-signup>Get our newsletter</div>{BODY}\
         <div class='cookie-consent'>We use cookies</div><footer>© 2024</footer>"
    );
    let text = pruned_text(&html);
    for furniture in ["Home", "Share on X", "newsletter", "cookies", "© 2024"] {
        assert!(!text.contains(furniture), "{furniture} leaked: {text}");
    }
    assert!(text.contains("The council approved"));
}

#[test]
fn comment_section_goes() {
    let html = format!(
        "<article>{BODY}</article><section id=comments><h3>3 comments</h3>\
         <p>Great post!</p></section>"
    );
    assert!(!pruned_text(&html).contains("Great post"));
}

#[test]
fn wrapper_named_like_furniture_is_kept_when_it_holds_the_prose() {
    let html =
        format!("<div class='content-sidebar-wrap'>{BODY}{BODY}</div><div class=sidebar>Ads</div>");
    let text = pruned_text(&html);
    assert!(text.contains("The council approved"));
    assert!(!text.contains("Ads"));
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

// Guards Adobe AEM pages: every component's class starts with `cmp-` (`cmp-container`,
// `cmp-text`), which is not a consent box; a real one still says so.
#[test]
fn aem_component_classes_are_not_consent_boxes() {
    let html = format!(
        r#"<body><div class="cmp-container"><div class="cmp-text">{BODY}</div></div>
            <div id="cookie-consent" class="cmp-container"><p>We use cookies to improve your
            experience and to measure traffic to this site.</p></div></body>"#
    );
    let text = pruned_text(&html);
    assert!(text.contains("The council approved the budget"), "{text}");
    assert!(!text.contains("We use cookies"), "{text}");
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

// Guards the banner title box: `banner` followed by a title box's word (`banner-text`)
// names a page's own intro, while a plain `banner` and a `promo banner-text` box go.
#[test]
fn a_banner_text_part_stays_a_banner_goes() {
    let html = format!(
        r#"<body><div class="banner-text"><p>Hand-thrown mugs and bowls, glazed in small batches in our studio.</p></div>
            <div class="banner"><p>Half price on every winter coat this week.</p></div>
            <div class="promo banner-text"><p>Join the club and save ten percent.</p></div>{BODY}</body>"#
    );
    let text = pruned_text(&html);
    assert!(text.contains("Hand-thrown mugs"), "{text}");
    assert!(!text.contains("winter coat"), "{text}");
    assert!(!text.contains("save ten percent"), "{text}");
}

// Guards the hero banner: a banner box holding the page's `<h1>` and its own title part
// (`hero-banner__content`, read through the BEM element) stays, while a call-to-action
// banner with the same parts but no `<h1>` and a banner holding the `<h1>` without such a
// part go.
#[test]
fn a_banner_around_the_headline_and_its_title_part_stays() {
    let hero = format!(
        r#"<body><main><section class="hero-banner"><div class="hero-banner__content"><h1>Garden Notes</h1>
            <p>Seasonal advice for small gardens, written by two allotment keepers.</p></div>
            <div class="hero-banner__image"><img src="a.jpg" alt=""></div></section>{BODY}
            <section class="cta-banner"><div class="cta-banner__content"><h2>Need a hand with the hedges?</h2>
            <p>Book a visit from our team this spring.</p></div></section></main></body>"#
    );
    let text = pruned_text(&hero);
    assert!(text.contains("Seasonal advice for small gardens"), "{text}");
    assert!(!text.contains("Book a visit"), "{text}");
    let plain = format!(
        r#"<body><main><div class="banner"><h1>Garden Notes</h1><p>Seasonal advice for small gardens, written by two allotment keepers.</p></div>{BODY}</main></body>"#
    );
    let text = pruned_text(&plain);
    assert!(!text.contains("Seasonal advice"), "{text}");
    assert!(text.contains("The council approved"), "{text}");
}

// Guards the sidebar word around the headline: inside `<main>` a box holding the `<h1>`
// and named with a sidebar word stays, while a real sidebar beside the headline goes.
#[test]
fn a_sidebar_word_around_the_headline_names_no_sidebar() {
    let html = format!(
        r#"<body><main><section class="hero js-stop-sidebar"><h1>Tax advice for small firms</h1>
            <p>Plain answers on payroll, returns and deadlines from our advisers.</p></section>
            <div class="sidebar"><p>Popular: our opening hours and office map.</p></div>{BODY}</main></body>"#
    );
    let text = pruned_text(&html);
    assert!(text.contains("Plain answers on payroll"), "{text}");
    assert!(!text.contains("opening hours"), "{text}");
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

// Guards the negated names: a name that hides its furniture word (`hide-inline-ad`,
// `hide-for-print`, `hideAd`) names no furniture, while the element's other names, a word
// that only starts like `hide` and a plain `no-comments` notice still do.
#[test]
fn a_name_that_hides_its_furniture_word_names_nothing() {
    let html = format!(
        r#"<body><div class="story hide-inline-ad">{BODY}</div>
            <div class="layout hide-for-print">{BODY}</div>
            <div class="main hide_sidebar">{BODY}</div>
            <div class="hideAd">{BODY}</div>
            <div class="hide-ad sidebar"><p>Archives by month and the tag cloud.</p></div>
            <div class="hideous-ad"><p>Buy the new phone today.</p></div>
            <p class="no-comments">There are no comments yet.</p></body>"#
    );
    let text = pruned_text(&html);
    assert_eq!(
        text.matches("The council approved the budget").count(),
        4,
        "{text}"
    );
    assert!(!text.contains("Archives by month"), "{text}");
    assert!(!text.contains("Buy the new phone"), "{text}");
    assert!(!text.contains("no comments yet"), "{text}");
}

// Guards carried words: a word after `with` or `has` (`card-title--with-reviews`,
// `layout--has-sidebar`) names what the element holds, not what it is, while the name's
// other words (`sidebar-with-ads`) and a plain `reviews` still name furniture.
#[test]
fn a_word_after_with_or_has_names_nothing() {
    let html = format!(
        r#"<body><div class="card-title--with-reviews">{BODY}</div>
            <div class="layout has-sidebar">{BODY}</div>
            <div class="sidebar-with-ads"><p>Archives by month and the tag cloud.</p></div>
            <div class="reviews"><p>Great kettle, five stars from me.</p></div></body>"#
    );
    let text = pruned_text(&html);
    assert_eq!(
        text.matches("The council approved the budget").count(),
        2,
        "{text}"
    );
    assert!(!text.contains("Archives by month"), "{text}");
    assert!(!text.contains("Great kettle"), "{text}");
}

// Guards the card-field reading of comment words: a review blurb repeated in each tile of a
// grid (each tile with its own title link) stays, while a story's comment section (one box,
// its comments list items) still goes.
#[test]
fn a_comment_named_field_of_repeated_cards_stays() {
    let tile = |name: &str| {
        format!(
            r#"<li class="tile"><a href="/kettles/{name}">{name} kettle</a>
                <div class="reviews-box"><p>Our testers liked how quietly the {name} kettle
                boils a full jug.</p></div></li>"#
        )
    };
    let html = format!(
        r#"<body>{BODY}{BODY}{BODY}{BODY}<ul>{}{}{}</ul>
            <div class="comments"><ul><li class="comment"><p>I bought one last spring and it
            still works well.</p></li></ul></div></body>"#,
        tile("steel"),
        tile("glass"),
        tile("copper")
    );
    let text = pruned_text(&html);
    assert!(
        text.contains("Our testers liked how quietly the glass"),
        "{text}"
    );
    assert!(!text.contains("I bought one last spring"), "{text}");
}

// Guards the `and` reading: the word after `and` in a name is a part the box holds (a
// map box that also lists related offices), while the word before it names the box
// (`comments-and-ratings` stays comments) and a part named on its own still goes.
#[test]
fn a_word_after_and_names_nothing() {
    let html = format!(
        r#"<body><div>{BODY}{BODY}</div><div id="finder-and-related"><p>Type a town name to
            see the offices that serve it.</p><div class="related"><p>More from the archive of
            offices.</p></div></div>
            <div class="comments-and-ratings"><p>Great kettle, five stars from me.</p></div></body>"#
    );
    let text = pruned_text(&html);
    assert!(text.contains("Type a town name"), "{text}");
    assert!(text.contains("The council approved the budget"), "{text}");
    assert!(!text.contains("More from the archive"), "{text}");
    assert!(!text.contains("Great kettle"), "{text}");
}

// Guards page builders' blocks: `widget` inside a name (`elementor-widget-text-editor`)
// is a building block of the article, at the start of one (`widget widget_text`) a
// sidebar's.
#[test]
fn widget_names_a_sidebar_only_at_the_start_of_a_name() {
    let html = format!(
        r#"<body><div class="elementor-widget elementor-widget-text-editor">{BODY}</div>
            <div class="elementor-widget">{BODY}</div><div>{BODY}{BODY}</div>
            <div class="widget widget_text"><p>Archives by month and the tag cloud.</p></div>
            <div id="widget-3"><p>Recent posts from the blog.</p></div></body>"#
    );
    let text = pruned_text(&html);
    assert_eq!(
        text.matches("The council approved the budget").count(),
        4,
        "{text}"
    );
    assert!(!text.contains("Archives by month"), "{text}");
    assert!(!text.contains("Recent posts"), "{text}");
}

// Guards page builders' widgets in the main content: a `widget` box of prose inside
// `<main>` (outside any `<article>`) is one of the page's blocks and stays, while a
// story's widget area inside its `<article>` (a newsletter appeal) and a sidebar's
// widget outside the main content go.
#[test]
fn a_widget_of_prose_in_the_main_content_stays() {
    let html = format!(
        r#"<body><main><div class="widget widget_editor"><p>Our crew repaints porches, decks and fences every spring, and each written quote includes the primer, the brushes and a second coat.</p></div>{BODY}{BODY}
            <article>{BODY}{BODY}<section class="widget widget_block"><p>Our weekly letter brings every new story to your inbox on Friday mornings, and you can leave it whenever you like.</p></section></article></main>
            <div class="widget widget_text"><p>Archives by month, the tag cloud and a list of every post written for the blog since it began.</p></div></body>"#
    );
    let text = pruned_text(&html);
    assert!(text.contains("repaints porches"), "{text}");
    assert!(!text.contains("weekly letter"), "{text}");
    assert!(!text.contains("Archives by month"), "{text}");
}

// Guards the `<aside>` named as a title's part: `<aside class="sub-heading">` under a
// heading is the heading's line and stays; a plain `<aside>` and one whose class also
// names a sidebar go.
#[test]
fn an_aside_named_as_a_subtitle_stays() {
    let html = format!(
        r#"<body><h2>Plans for every team</h2><aside class="sub-heading"><p>Start free and add seats as the team grows.</p></aside>
            <aside><p>Popular this week: ten photos of the harbour.</p></aside>
            <aside class="sidebar-heading"><p>More from the archive.</p></aside>{BODY}</body>"#
    );
    let text = pruned_text(&html);
    assert!(text.contains("add seats"), "{text}");
    assert!(!text.contains("Popular this week"), "{text}");
    assert!(!text.contains("from the archive"), "{text}");
}

// Guards `role=banner` inside the main content: a section's hero box set with the banner
// role inside `<main>` stays, the site's masthead with that role outside it goes.
#[test]
fn a_banner_role_inside_the_main_content_stays() {
    let html = format!(
        r#"<body><div role="banner"><p>Gadget Store: home, deals, help</p></div>
            <main><section><div role="banner"><h2>Built to last</h2><p>A steel frame that shrugs off drops and knocks.</p></div></section>{BODY}</main></body>"#
    );
    let text = pruned_text(&html);
    assert!(text.contains("steel frame"), "{text}");
    assert!(!text.contains("Gadget Store"), "{text}");
}

// Guards CSS modules' part names: `QuoteList_footer__x1Y2z` is the footer of a quotes
// block and stays, while a component named for the footer (`SiteFooter_root__a1b2c`) and a
// plain `site-footer` go.
#[test]
fn a_css_module_part_named_footer_stays() {
    let html = format!(
        r#"<body>{BODY}<div class="QuoteList_footer__x1Y2z"><p>Trusted by nine hundred bakeries</p></div>
            <div class="SiteFooter_root__a1b2c"><p>Copyright and legal notes</p></div>
            <div class="site-footer"><p>Contact the office</p></div></body>"#
    );
    let text = pruned_text(&html);
    assert!(text.contains("nine hundred bakeries"), "{text}");
    assert!(!text.contains("Copyright"), "{text}");
    assert!(!text.contains("Contact the office"), "{text}");
}

/// Guards the one-tab widget rule: a `tabs`-named widget whose tab list has a single tab
/// shows its panel always (a product's details under one "About" tab) and stays, while a
/// widget of two tabs, and a `menu`-named box inside the one-tab panel, stay navigation.
#[test]
fn a_tab_widget_of_one_tab_stays() {
    let one = "<div class='item-tabs'><div role='tablist' class='tabs-list'>\
        <div role='tab'>About the lamp</div></div><div class='tabs-content'>\
        <div role='tabpanel' class='tabs-panel'><div class='tabs-cell'>\
        <p>Shade material: linen</p><p>Stock code: 4471</p>\
        <div class='menu'><a href='/a'>Lamps</a> <a href='/b'>Lighting</a></div>\
        </div></div></div></div>";
    let two = "<div class='spec-tabs'><div role='tablist'><div role='tab'>Care</div>\
        <div role='tab'>Shipping</div></div><div role='tabpanel'>\
        <p>Dust with a dry cloth</p></div><div role='tabpanel'><p>Ships in two days</p>\
        </div></div>";
    let text = pruned_text(&format!("<body>{BODY}{one}{two}</body>"));
    assert!(text.contains("Shade material: linen"), "{text}");
    assert!(text.contains("Stock code: 4471"), "{text}");
    assert!(!text.contains("Lighting"), "{text}");
    assert!(!text.contains("Dust with a dry cloth"), "{text}");
    assert!(!text.contains("Ships in two days"), "{text}");
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
