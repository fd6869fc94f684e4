//! The element that shows the title when no `<h1>` or `<h2>` does: a theme that sets its
//! headline in an `<h4>`, a page builder that sets it in a styled `<p>`. Bylines and dates
//! are looked for around it, as around a heading.

use super::fold;
use super::scan::opaque;
use crate::dom::{Document, Edge, NodeData, Tag};

/// The document position (numbered as [`super::scan::scan`] numbers them) of the first text
/// outside navigation, sidebars and footers that reads as `title`, ignoring case, spaces and
/// punctuation. Walks the page once; called only when no heading shows the title.
pub fn title_text_position(doc: &Document, title: &str) -> Option<u32> {
    let want = fold(title);
    if want.is_empty() {
        return None;
    }
    // NOTE: a text as long as the title give or take its punctuation and spacing; the length
    // test spares folding the page's other texts.
    let (min, max) = (want.len() / 2, title.len() * 2 + 16);
    let mut pos: u32 = 0;
    let mut walk = doc.traverse(Document::ROOT);
    while let Some(edge) = walk.next() {
        let Edge::Open(id) = edge else { continue };
        pos = pos.saturating_add(1);
        match &doc.node(id).data {
            NodeData::Element(el) if opaque(el.tag) => walk.skip_children(id),
            NodeData::Text(_) => {
                let t = doc.text(id).unwrap_or_default().trim();
                if (min..=max).contains(&t.len())
                    && fold(t) == want
                    && !doc
                        .ancestors(id)
                        .any(|a| matches!(doc.tag(a), Some(Tag::Nav | Tag::Aside | Tag::Footer)))
                {
                    return Some(pos);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse, ParseLimits};

    // Guards that the walk numbers nodes as the scan does, so positions compare across them.
    #[test]
    fn positions_agree_with_the_scan() {
        let doc = parse(
            r#"<html><head><title>x</title><script>var a = "<p>1999</p>";</script></head>
            <body><nav><p>Sleeping Otters 2021</p></nav><template><p>Sleeping Otters 2021</p></template>
            <div><p>Sleeping Otters 2021</p></div></body></html>"#,
            &ParseLimits::default(),
        )
        .unwrap();
        let scan = super::super::scan::scan(&doc);
        let last = scan.date_texts.last().map(|s| s.pos);
        assert_eq!(title_text_position(&doc, "Sleeping otters 2021"), last);
    }

    // Guards that navigation and a text unlike the title are not taken for the headline.
    #[test]
    fn only_the_title_outside_navigation_counts() {
        let doc = parse(
            "<nav><a>Sleeping Otters</a></nav><p>Sleeping Otters, and more</p>",
            &ParseLimits::default(),
        )
        .unwrap();
        assert_eq!(title_text_position(&doc, "Sleeping Otters"), None);
    }
}
