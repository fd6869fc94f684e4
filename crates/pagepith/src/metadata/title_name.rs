//! A short `<h1>` that names the page the SEO titles describe with more words.
//!
//! Shops, section fronts and service pages head their content with the page's name alone
//! ("Rain Jackets", "Astronomy", "Walking poles") while `og:title` and `<title>` pad that
//! name with selling words ("Rain Jackets for Hiking, Cycling & Sailing", "Astronomy News:
//! Comets, Rockets …"). The two are not similar by [`super::title_compare::similar`]'s measure (the heading is
//! too short a part of the long title), so without this test the padded title wins; a reader
//! takes the heading over the content as the page's title.

use super::title_compare::words;
use crate::dom::{Document, NodeId, Tag};

/// Most words a page name has here: longer headings are slogans or headlines, which
/// [`super::title`]'s similarity already compares. Three takes "Folding Chairs" and "Design &
/// Illustration" (the `&` is no word); wcxb-dev's gains are all of one to three words, and
/// the `<h1>`s of four or five words it would add there are the gold once and a book's or
/// site's name three times.
const MAX_NAME_WORDS: usize = 3;

/// How far up a link around the `<h1>` is looked for: a logo's or a breadcrumb's `<a>` sits
/// right around its text.
const LINK_REACH: usize = 3;

/// Whether `<h1>` `h1` with text `text` is the page's name that one of `refs` (the other
/// titles) pads: of at most [`MAX_NAME_WORDS`] words, every one of them among that title's
/// words, and not a link. A linked `<h1>` is a logo going home or a breadcrumb step ("Lumen
/// Forum" over a thread, "Backpacks" over a bag), whose words a longer title repeats for
/// another reason. Words are compared ignoring case and order ("Walking poles" in "Light
/// Adjustable Walking Poles"), in any script.
pub fn pads_name(doc: &Document, h1: NodeId, text: &str, refs: &[&str]) -> bool {
    let name = words(text);
    if name.is_empty() || name.len() > MAX_NAME_WORDS {
        return false;
    }
    let padded = refs.iter().any(|r| {
        let long = words(r);
        long.len() > name.len() && name.iter().all(|w| long.contains(w))
    });
    padded && !is_linked(doc, h1)
}

/// Whether the heading is inside a link or holds one.
fn is_linked(doc: &Document, h1: NodeId) -> bool {
    let is_a = |n: NodeId| doc.element(n).is_some_and(|e| e.tag == Tag::A);
    doc.ancestors(h1).take(LINK_REACH).any(is_a) || doc.descendants(h1).skip(1).any(is_a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse, ParseLimits};

    fn first_h1(html: &str) -> (Document, NodeId) {
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let h1 = doc
            .descendants(Document::ROOT)
            .find(|&n| doc.element(n).is_some_and(|e| e.tag == Tag::H1))
            .expect("an h1");
        (doc, h1)
    }

    // Guards the rule's core: a short name whose words the padded title holds, in any order.
    #[test]
    fn short_name_padded_by_the_title() {
        let (doc, h1) = first_h1("<main><h1>Trail Lanterns</h1></main>");
        let refs = ["Lanterns for the Trail, Tent & Porch | Shop"];
        assert!(pads_name(&doc, h1, "Trail Lanterns", &refs));
    }

    // Guards language neutrality: words of other scripts and accented letters count the same.
    #[test]
    fn names_in_other_languages() {
        let (doc, h1) = first_h1("<h1>Chaussures de randonnée</h1>");
        let refs = ["Chaussures de randonnée homme et femme – Livraison offerte"];
        assert!(pads_name(&doc, h1, "Chaussures de randonnée", &refs));
        let (doc, h1) = first_h1("<h1>Küchenmesser</h1>");
        let refs = ["Küchenmesser online kaufen | Große Auswahl"];
        assert!(pads_name(&doc, h1, "Küchenmesser", &refs));
    }

    // Guards the limits: a word the title lacks, a longer heading, or an equal title.
    #[test]
    fn not_a_padded_name() {
        let (doc, h1) = first_h1("<h1>Rain Boots</h1>");
        assert!(!pads_name(
            &doc,
            h1,
            "Rain Boots",
            &["Waterproof Garden Boots"]
        ));
        assert!(!pads_name(&doc, h1, "Rain Boots", &["Rain Boots"]));
        let long = "Our quiet rain boots";
        assert!(!pads_name(
            &doc,
            h1,
            long,
            &["Our quiet rain boots for every puddle"]
        ));
    }

    // Guards the link test: a logo or breadcrumb heading is no page name.
    #[test]
    fn linked_heading_is_not_a_name() {
        let refs = ["What changed in the Lumen Forum rules this year"];
        let (doc, h1) = first_h1(r#"<h1><a href="/">Lumen Forum</a></h1>"#);
        assert!(!pads_name(&doc, h1, "Lumen Forum", &refs));
        let (doc, h1) = first_h1(r#"<ol><li><a href="/x"><h1>Lumen Forum</h1></a></li></ol>"#);
        assert!(!pads_name(&doc, h1, "Lumen Forum", &refs));
    }

    // Guards the hook in `title::choose`: on a page not declared an article the short `<h1>`
    // beats the padded og:title, in several languages; a linked one does not.
    #[test]
    fn choose_takes_the_name_over_the_padded_title() {
        use crate::metadata::scan::scan;
        use crate::metadata::title::{choose, Sources};
        for (name, og) in [
            (
                "Trail Lanterns",
                "Trail Lanterns for Tent, Porch & Garden Parties",
            ),
            (
                "Lanternes",
                "Lanternes de camping et de jardin pour la nuit",
            ),
            (
                "Linternas frontales",
                "Comprar linternas frontales baratas para montaña y noche",
            ),
        ] {
            for (page, want) in [
                (format!("<main><h1>{name}</h1><p>Items.</p></main>"), name),
                (
                    format!("<main><h1><a href=\"/\">{name}</a></h1></main>"),
                    og,
                ),
            ] {
                let doc = parse(&page, &ParseLimits::default()).unwrap();
                let src = Sources {
                    og: Some(og),
                    ..Sources::default()
                };
                let got = choose(&doc, &scan(&doc).headings, &src, None).title;
                assert_eq!(got.as_deref(), Some(want), "{page}");
            }
        }
    }
}
