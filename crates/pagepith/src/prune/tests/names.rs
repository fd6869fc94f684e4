//! Tests of the prune pass that guard how class and id names are read: which words name
//! furniture, which name nothing, and the boxes a furniture name does not remove.
use super::*;

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
