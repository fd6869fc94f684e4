//! Class names that recur on a page: a component's parts, repeated per item.

use std::collections::HashMap;

use crate::dom::{Document, NodeId};

/// How many elements of a page carry each whole `class` attribute.
pub struct ClassCounts<'a> {
    counts: HashMap<&'a str, usize>,
}

/// A class on this many elements is an item template's part (a card's header, a price's
/// footer), not the page's one header or footer. Three, as the prune stage's other repeated
/// structures: a pattern rather than a pair. Measured with the page-chrome and sidebar words
/// (see `prune`): wcxb-dev F1 0.8434 -> 0.8453 (collection 0.604 -> 0.611, service 0.800 ->
/// 0.804, product 0.591 -> 0.597, forum 0.766 -> 0.765), `without` leaked 229 -> 247 of
/// 5,223; scrapinghub unchanged. Adding the navigation, advert and post-meta words lifted
/// wcxb-dev to 0.8457 but cost scrapinghub 0.0007 and forums 0.005: rejected.
const MIN_REPEATS: usize = 3;

impl<'a> ClassCounts<'a> {
    pub fn of(doc: &'a Document, order: &[NodeId]) -> ClassCounts<'a> {
        let mut counts = HashMap::new();
        for &id in order {
            if let Some(c) = doc.attr(id, "class") {
                *counts.entry(c.trim()).or_insert(0) += 1;
            }
        }
        ClassCounts { counts }
    }

    /// Whether the element's class recurs on the page.
    pub fn repeated(&self, doc: &Document, id: NodeId) -> bool {
        doc.attr(id, "class")
            .and_then(|c| self.counts.get(c.trim()))
            .is_some_and(|&n| n >= MIN_REPEATS)
    }
}

#[cfg(test)]
mod tests {
    use crate::Config;

    /// Guards the rule: the headers of repeated cards are the items' names and stay, while
    /// the page's one header goes.
    #[test]
    fn repeated_card_headers_are_kept() {
        let card = |name: &str| {
            format!(
                "<div class=card><div class=card-header>{name} trail running shoe</div>\
                 <p>A light shoe with a firm grip for wet rock, roots and long days out, in \
                 four colours and every size.</p></div>"
            )
        };
        let page = format!(
            "<div class=site-header>Shop logo and account links</div><main><h1>Shoes</h1>{}{}{}\
             </main>",
            card("Alpine"),
            card("Borealis"),
            card("Cascade")
        );
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("Borealis trail running shoe"), "{text}");
        assert!(!text.contains("Shop logo"), "{text}");
    }
}
