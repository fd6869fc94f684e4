//! Class names that recur on a page: a component's parts, repeated per item.

use std::cell::OnceCell;

use crate::dom::{Document, NodeId};

/// The `class` attribute of every element of a page, read on the first question (pages whose
/// header, footer and sidebar words match nothing never ask), so that whether a class recurs
/// is a count over a list. Counting every class into a hash map up front, which this replaced,
/// cost 30 M instructions a scrapinghub pass (std's SipHash before it 57 M): a page asks about
/// four classes on average (611 questions on 145 pages) but has ~1,700 classed elements, so
/// hashing each of them cost more than comparing the few asked ones against all of them,
/// which is mostly a length compare (callgrind).
pub struct ClassCounts<'a> {
    doc: &'a Document,
    order: &'a [NodeId],
    classes: OnceCell<Vec<&'a str>>,
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
    pub fn of(doc: &'a Document, order: &'a [NodeId]) -> ClassCounts<'a> {
        ClassCounts {
            doc,
            order,
            classes: OnceCell::new(),
        }
    }

    /// Whether the element's class recurs on the page.
    pub fn repeated(&self, id: NodeId) -> bool {
        let Some(class) = self.doc.attr(id, "class") else {
            return false;
        };
        let class = trim(class);
        let classes = self.classes.get_or_init(|| {
            self.order
                .iter()
                .filter_map(|&n| self.doc.attr(n, "class"))
                .map(trim)
                .collect()
        });
        classes
            .iter()
            .filter(|&&c| c == class)
            .take(MIN_REPEATS)
            .count()
            >= MIN_REPEATS
    }
}

/// `str::trim`, without decoding the first and last chars when they are visible ASCII (nearly
/// every class attribute): the list holds every classed element's class (~66,000 trims a
/// scrapinghub pass; callgrind).
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

#[cfg(test)]
mod tests {
    use crate::Config;

    // Guards that the quick trim trims exactly as `str::trim` does.
    #[test]
    fn quick_trim_agrees_with_str_trim() {
        for s in [
            "",
            "a",
            " a",
            "a ",
            "\u{a0}card\u{a0}",
            "card-header",
            "\tx y\n",
            "é",
            " é ",
        ] {
            assert_eq!(super::trim(s), s.trim(), "{s:?}");
        }
    }

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
