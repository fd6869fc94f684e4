//! Furniture of a product page: the parts of a shop's page about one thing for sale that are
//! not its description or specifications.
//!
//! Runs only on pages the metadata stage typed as a product (`pagetype`): on a product page the
//! description and the specifications are the content, while the buyers' reviews and ratings
//! under them are other people's posts, as comments are under a story. On other
//! pages the same words name content (a review site's article, a service's client quotes), so
//! they are not general furniture words.

use crate::dom::Element;
use crate::prune::find_class_word;

/// Whether the element is one buyer's review, a list of them, or a rating box: a class or id
/// word (`review`, `product-reviews`, `rating-summary`),
/// or schema.org microdata naming a review (`itemprop="review"`, `itemtype=".../Review"`).
///
/// Measured on both dev sets (BENCHMARKS.md, "Product pages (session 10, product10)"):
/// wcxb-dev F1 0.86155 -> 0.86180 (product 0.5942 -> 0.5998, listing 0.6923 -> 0.6956,
/// service 0.8289 -> 0.8274: a service page that declares a `Product` for its star rating
/// and whose gold keeps its clients' review cards), `without` leaked 231 unchanged;
/// scrapinghub 0.97761 unchanged. With `testimonial` too the wcxb-dev F1 was 0.86153 (product
/// pages whose gold keeps a testimonial slider; service 0.8269); with Q&A words (`questions`,
/// `answers`, `qa`) 0.86116 (two product pages whose description sits in an FAQ box).
pub(crate) fn is_review_part(el: &Element) -> bool {
    if el.attr("itemprop").is_some_and(|p| {
        p.split_ascii_whitespace()
            .any(|w| w.eq_ignore_ascii_case("review") || w.eq_ignore_ascii_case("reviews"))
    }) {
        return true;
    }
    if el
        .attr("itemtype")
        .is_some_and(|t| crate::pagetype::schema_type_name(t).eq_ignore_ascii_case("review"))
    {
        return true;
    }
    let review = |word: &[u8]| is_review_word(word).then_some(());
    find_class_word(el, true, review).is_some()
        // The class is read before the id, as for comment words
        // (`crate::prune::class_furniture`): `class="app-description" id="press-reviews"`.
        && !(find_class_word(el, false, review).is_none()
            && crate::prune::class_names_content(el))
}

/// Class and id words of reviews and ratings (lower-cased).
fn is_review_word(word: &[u8]) -> bool {
    matches!(word, b"review" | b"reviews" | b"rating" | b"ratings")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse, Document, ParseLimits, Tag};

    fn review_part(html: &str) -> bool {
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let id = doc.find_tag(Document::ROOT, Tag::Div).unwrap();
        is_review_part(doc.element(id).unwrap())
    }

    /// Guards the words and the microdata that mark a buyer's review, and that a description,
    /// a specification box or a testimonial (often a shop's content) is not one.
    #[test]
    fn reviews_and_ratings_by_class_or_microdata() {
        for yes in [
            "<div class='product-reviews'>x</div>",
            "<div class='customer-review__body'>x</div>",
            "<div id='ratingSummary'>x</div>",
            "<div itemprop='review'>x</div>",
            "<div itemscope itemtype='https://schema.org/Review'>x</div>",
        ] {
            assert!(review_part(yes), "{yes}");
        }
        for no in [
            "<div class='product-description'>x</div>",
            "<div class='specs'>x</div>",
            "<div class='reviewed-by'>x</div>",
            "<div class='testimonial-slider'>x</div>",
            "<div itemprop='description'>x</div>",
            "<div itemscope itemtype='https://schema.org/Product'>x</div>",
            // Only the id names reviews and the class names a description: an anchor.
            "<div id='press-reviews' class='item-description'>x</div>",
        ] {
            assert!(!review_part(no), "{no}");
        }
        // The class's own review word still counts beside a description word.
        assert!(review_part(
            "<div id='x' class='review-description'>x</div>"
        ));
    }
}
