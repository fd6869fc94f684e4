//! The second question of the container-vs-region choice: on a page that is not an article,
//! is the prose container the whole content or one part of it?
//!
//! The share test in [`super::select`] asks whether the container holds most of the region's
//! text. On an article that is enough: the story is one run of prose and what lies around it
//! is furniture. A page of another kind (a service's offer, a product, a listing, a shop's
//! category, a manual — as the page-type stage reads it from structured data, the URL and
//! the absence of a date) is made of several parts, and its best prose run is often just
//! one of them: the intro above the cards, one product tab, one section of a service page.
//! There the container stands for the page only when it is sectioned like a document (it
//! keeps a heading of its own) and the region keeps no other solid prose outside it.

use super::Decision;
use crate::metadata::Metadata;
use crate::pagetype::PageType;
use crate::segment::{BlockKind, Segmentation};

/// Unlinked letters that make a block solid prose: a paragraph, not a label or a card's
/// field. The teaser-tail rule's solid block size; on wcxb-dev 150 / 200 / 300 gave F1
/// 0.85842 / 0.85832 / 0.85817 with 265 / 263 / 262 `without` snippets leaked (scrapinghub
/// unchanged; measured with the heading test applied to undated pages too): 200 kept, the
/// middle of a flat range.
const SOLID_CHARS: usize = 200;

/// Whether the container, although it holds enough of the region's text, is only a part of
/// a page that is not an article, so that the region is the better answer.
///
/// Chosen by a study of both dev sets (BENCHMARKS.md, "Container or region (session 8)"):
/// each page was extracted both ways and scored, and small rules over per-page features were
/// compared by 5-fold cross-validation; this one held its gain out of sample on wcxb-dev and
/// changes nothing on scrapinghub (its pages are all typed as articles).
pub(super) fn container_is_part(
    seg: &Segmentation,
    meta: &Metadata,
    container: &[Decision],
    region: &[Decision],
) -> bool {
    // A forum thread's posts all vote for their common parent, so its container is the
    // thread, not a part: with forums included wcxb-dev forum F1 fell 0.7703 -> 0.7676 and
    // 4 more `without` snippets leaked (page chrome around the thread).
    if matches!(meta.page_type, PageType::Article | PageType::Forum) {
        return false;
    }
    let mut sectioned = false;
    for (b, (c, r)) in seg.blocks.iter().zip(container.iter().zip(region)) {
        if *c == Decision::Kept {
            sectioned |= matches!(b.kind, BlockKind::Heading(_));
        } else if *r == Decision::Kept && b.chars - b.link_chars >= SOLID_CHARS {
            // Solid prose the container left out: the page has another part.
            return true;
        }
    }
    // Without headings the container is one run of prose; that makes it a part only when
    // the page says what it is (structured data, `og:type`, the URL, the host). An undated
    // page's type is the page-type stage's last guess and too weak to overrule the share
    // test: applied to undated pages too, wcxb-dev gained 0.0007 more (0.85764 -> 0.85831)
    // but undated articles of plain markup (a table layout, a blog post, a page of links)
    // took their footers and counters with the region.
    let guessed = meta.provenance.page_type.as_deref() == Some("undated");
    !sectioned && !guessed
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text as text_of;

    /// A long unsectioned paragraph, commas and all, so that it wins the container vote.
    const INTRO: &str = "<p>Our workshop repairs bicycles of every kind, from old steel \
        tourers, folding commuters and cargo bikes to carbon racers, electric mountain bikes and \
        children's first bikes, and we keep parts for most of them in stock, so that a wheel, a \
        chain, a brake or a gear cable is usually fixed on the day you bring it in. We also build \
        wheels by hand, fit saddles and handlebars to the rider, service suspension forks and \
        hubs, and check every bike we touch on the same list before it leaves, whatever the job \
        was. Ask us for a quote at the counter, by phone or by mail, and we will tell you what \
        it costs before we start, with no surprise at the end.</p>";

    /// Structured data naming the page a service: a type the page states, not a guess.
    const SERVICE: &str = "<script type=\"application/ld+json\">\
        {\"@type\": \"Service\", \"name\": \"Bench jobs\"}</script>";

    /// Cards below the intro: a linked name and a short description each.
    fn cards() -> String {
        let kinds = ["brakes", "wheels", "gears", "chains", "forks", "saddles"];
        kinds
            .iter()
            .map(|k| {
                format!(
                    "<li class=card><h3><a href=/{k}>Bench job on {k}</a></h3>\
                     <p>Adjusted, cleaned and tested {k} for daily riding.</p></li>"
                )
            })
            .collect()
    }

    /// A page in a marked `<main>` whose prose container is an intro without headings (85 %
    /// of the region's unlinked text) above cards; `head` says what the page is.
    fn intro_and_cards(head: &str) -> String {
        format!(
            "<html><head>{head}</head><body><header><a href=/>Front desk</a></header><main>\
             <div class=top><div class=lead>{INTRO}{INTRO}{INTRO}</div></div>\
             <ul class=cards>{}</ul></main><footer><a href=/c>Write to the bench</a></footer>\
             </body></html>",
            cards()
        )
    }

    /// Guards the rule's main case: on a page typed a service page by its structured data,
    /// an intro without headings yields to the marked region although it holds enough of its
    /// text for the share test, so the cards' descriptions stay.
    #[test]
    fn unsectioned_intro_of_a_service_page_yields_to_the_region() {
        let text = text_of(&intro_and_cards(SERVICE));
        assert!(text.contains("Our workshop repairs"), "{text}");
        assert!(text.contains("tested wheels for daily riding"), "{text}");
    }

    /// Guards the undated exemption: the same page without structured data is typed a
    /// service page only by the lack of a date, and keeps its container.
    #[test]
    fn an_undated_page_keeps_its_unsectioned_container() {
        let text = text_of(&intro_and_cards(""));
        assert!(text.contains("Our workshop repairs"), "{text}");
        assert!(!text.contains("tested wheels for daily riding"), "{text}");
    }

    /// Guards the article exemption: a dated page (typed an article) keeps its container
    /// although a column beside it holds solid prose of its own.
    #[test]
    fn an_article_keeps_its_container_beside_a_prose_column() {
        let column = "<p>The writer of this column has covered cycling for many years, \
            rode across three continents on a loaded touring bike, and now teaches a weekly \
            evening class on keeping an old bike on the road for as little money as possible, \
            which is why readers send so many questions about rust.</p>";
        let page = format!(
            "<html><head><meta property=\"article:published_time\" \
             content=\"2024-05-14T08:00:00Z\"></head><body>\
             <div class=story><div class=text>{INTRO}{INTRO}</div></div>\
             <div class=column><div class=bio>{column}</div></div></body></html>"
        );
        let text = text_of(&page);
        assert!(text.contains("Our workshop repairs"), "{text}");
        assert!(!text.contains("evening class"), "{text}");
    }

    /// A service page in a marked `<main>`: a container of three titled sections, and
    /// beside it (not a sibling the container takes in) a part holding `aside`.
    fn sectioned_page(aside: &str) -> String {
        // Each section's text its own: the region drops texts repeated on the page.
        let section = |h: &str| format!("<h2>{h}</h2>{}", INTRO.replace("Our", h));
        format!(
            "<html><head>{SERVICE}</head><body><main><div class=doc><div class=inner>{}{}{}</div></div>\
             <div class=notice><div>{aside}</div></div></main></body></html>",
            section("Hours at the bench"),
            section("What a fix costs us"),
            section("How long our parts last")
        )
    }

    /// Guards the heading arm: a container with headings of its own and no solid prose
    /// beside it stays the answer, so a short note elsewhere in `<main>` stays out.
    #[test]
    fn a_sectioned_container_with_no_prose_beside_it_stays() {
        let text = text_of(&sectioned_page(
            "<p>Page kept up to date by the shop team each spring.</p>",
        ));
        assert!(text.contains("How long our parts last"), "{text}");
        assert!(!text.contains("kept up to date by the shop team"), "{text}");
    }

    /// Guards the solid-prose arm, the coin toss of a marked `<main>`: the container holds
    /// 88 % of the region's unlinked text (enough for the share test), but a solid paragraph
    /// (over 200 letters) outside it says the page has another part, and the region wins.
    #[test]
    fn solid_prose_beside_a_sectioned_container_brings_the_region() {
        let text = text_of(&sectioned_page(
            "<p>Members of the riders' club get a free check of brakes and gears twice a \
             year, a tenth off every part we fit, and a loan bike for the days their own \
             bike stays with us, which makes joining worth it after a single repair, as \
             most of our members tell us when they come back.</p>",
        ));
        assert!(text.contains("How long our parts last"), "{text}");
        assert!(text.contains("a loan bike for the days"), "{text}");
    }
}
