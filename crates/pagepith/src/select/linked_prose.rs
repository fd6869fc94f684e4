//! Takes back sentences that are link-dense but still prose.
//!
//! The link-density rule drops a block with more than half its letters in links: a menu, a
//! "read more" line, a related headline. A news roundup or a politics story that links every
//! name and every source has whole paragraphs above that line, and they are the article. What
//! tells them apart is length and the unlinked words between the links: a link list's entries
//! are short or linked from end to end.

use super::Decision;
use crate::segment::{BlockKind, Segmentation, TextBlock};

/// A paragraph with at least this many letters is a sentence or more, longer than a menu
/// entry or a linked headline. Measured 60 / 80 / 100 / 120 / 150 (with the density below at
/// 0.9 or 0.8): scrapinghub F1 0.9633 / 0.9641 / 0.9640 / 0.9639 / 0.9630, wcxb-dev 0.8404 /
/// 0.8404 / 0.8403 / 0.8402 / 0.8400; below 100 documentation starts to lose (0.9087 ->
/// 0.9059 at 60), so 100.
const MIN_PROSE_CHARS: usize = 100;

/// Below this share of linked letters some of the paragraph's own words stand between its
/// links. Measured 0.7 / 0.8 / 0.85 / 0.9 / any: scrapinghub F1 0.9644 / 0.9640 / 0.9639 /
/// 0.9636 / 0.9627, wcxb-dev 0.8401 / 0.8403 / 0.8403 / 0.8403 / 0.8401 (listings 0.6304 at
/// 0.7, 0.6315 at 0.8); 0.8 is the best for both sets together.
const MAX_PROSE_LINK_DENSITY: f64 = 0.8;

/// Keeps the paragraphs the link-density rule dropped that are of sentence length and not
/// linked through: prose that links many of its names.
pub fn keep_linked_prose(seg: &Segmentation, decisions: &mut [Decision]) {
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d == Decision::LinkHeavy
            && b.kind == BlockKind::Paragraph
            && b.chars >= MIN_PROSE_CHARS
            && b.link_density() < MAX_PROSE_LINK_DENSITY
        {
            *d = Decision::Kept;
        }
    }
}

/// Unlinked letters a linked sentence needs of its own: a few words ("For details, see"),
/// more than a bullet or an arrow beside a link. Measured on both dev sets (with the
/// sentence-end and neighbour tests, the lead rule at 50 letters, list items left out): 10 /
/// 20 letters gave wcxb-dev F1 0.87239 -> 0.87253 / 0.87248, scrapinghub 0.97969 -> 0.97974
/// / 0.97979; 10 found two more `with` snippets.
const MIN_OWN_CHARS: usize = 10;

/// Keeps a link-heavy sentence that stands between two kept blocks of the container: a
/// cross-reference written as a sentence ("For the full rules, see the members' handbook."),
/// a line naming where a product is sold. It ends like a sentence and has words of its own,
/// where a menu entry or a linked headline has neither; and text goes on after it, where the
/// related links at an article's end are followed by more links. Measured on both dev sets:
/// wcxb-dev F1 0.87265 -> 0.87282 (documentation 0.9229 -> 0.9237, article +0.0002), `with`
/// 5040 -> 5044, `without` leaked unchanged; scrapinghub 0.97955 -> 0.97960. List items
/// left out: 0.87253 against 0.87256 with them (lead rule at 50 letters).
pub fn keep_inner_linked_sentences(seg: &Segmentation, decisions: &mut [Decision]) {
    let n = seg.blocks.len();
    // NOTE: decided on the decisions as they were, so a run of linked lines does not take
    // itself back one neighbour at a time.
    let picked: Vec<usize> = (1..n.saturating_sub(1))
        .filter(|&i| {
            let b = &seg.blocks[i];
            decisions[i] == Decision::LinkHeavy
                && decisions[i - 1] == Decision::Kept
                && decisions[i + 1] == Decision::Kept
                && b.kind == BlockKind::Paragraph
                && ends_a_sentence(&b.text)
                && (b.chars - b.link_chars >= MIN_OWN_CHARS
                    || (b.text.split_whitespace().count() >= MIN_LINKED_SENTENCE_WORDS
                        && b.text.trim_end().ends_with(['.', '。'])))
        })
        .collect();
    for i in picked {
        decisions[i] = Decision::Kept;
    }
}

/// Words that make a wholly linked line a sentence rather than a headline or a button ("The
/// whole kit is sold at the club's shop."), ending with a full stop. Chosen as a short
/// sentence; with the colon below: wcxb-dev F1 0.87292 -> 0.87295, `with` 5045 -> 5048,
/// scrapinghub 0.98007 unchanged. Any sentence end (a question, a colon) instead of the full
/// stop: 0.87294, one more `without` snippet leaked.
const MIN_LINKED_SENTENCE_WORDS: usize = 6;

/// Whether `text` ends with a full stop, a question or an exclamation mark (Latin or CJK),
/// or a colon: the lead-in of a list ("The benefits include:").
fn ends_a_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', '。', '！', '？', '：'])
}

/// Keeps a line that is a link written out as a web address ("https://example.org/report",
/// perhaps after a footnote number) when it stands between two kept blocks: a citation or a
/// source note inside the text. Navigation names its targets and never shows their
/// addresses, so the form itself says the line is the author's. Measured on both dev sets
/// (after every other rule of each path): container path alone, scrapinghub F1 0.98085 ->
/// 0.98106 (acc .4365 -> .4420), wcxb-dev unchanged; region path alone wcxb-dev 0.88274 ->
/// 0.88276 (`with` +1 by words), scrapinghub unchanged; both, the sum, `without` leaked
/// unchanged. Anywhere in either path, without the neighbour test (in `keep_linked_prose`,
/// before the container is weighed): scrapinghub 0.98119 but wcxb-dev 0.88263 (service
/// 0.85289 -> 0.85219, `with` −1), rejected.
pub fn keep_inner_urls(seg: &Segmentation, decisions: &mut [Decision]) {
    for i in 1..seg.blocks.len().saturating_sub(1) {
        if decisions[i] == Decision::LinkHeavy
            && decisions[i - 1] == Decision::Kept
            && decisions[i + 1] == Decision::Kept
            && seg.blocks[i].kind == BlockKind::Paragraph
            && is_written_address(&seg.blocks[i])
        {
            decisions[i] = Decision::Kept;
        }
    }
}

/// Whether the block is one linked web address, perhaps after a footnote number ("8.",
/// "[3]"): one word once the number is cut, starting with a scheme or `www.`, mostly linked.
fn is_written_address(b: &TextBlock) -> bool {
    let t = b
        .text
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ' ' | '[' | ']'));
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
        && b.link_chars * 2 > b.chars
}

#[cfg(test)]
mod tests {
    use crate::Config;

    const PROSE: &str =
        "<p>The committee met on Tuesday to discuss the budget, the schools and the \
        roads, and it agreed to meet again after the summer recess.</p>";

    /// Guards the rule: a long paragraph whose names are links stays in the article, while a
    /// short fully linked line (a related headline) is still dropped.
    #[test]
    fn a_sentence_that_links_its_names_is_kept() {
        let linked = "<p><a href=/a>Senator Jane Doe</a> and <a href=/b>Representative John \
            Roe</a> said the <a href=/c>Infrastructure Investment Act</a> would pass before \
            <a href=/d>the August recess</a>.</p>";
        let page = format!(
            "<article><h1>Budget</h1>{PROSE}{linked}{PROSE}<p><a href=/x>Read more: the \
             budget in ten charts</a></p></article>"
        );
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(
            text.contains("Senator Jane Doe and Representative"),
            "{text}"
        );
        assert!(!text.contains("ten charts"), "{text}");
    }

    /// Guards the inner-sentence rule: a cross-reference sentence that is mostly a link, and a
    /// wholly linked sentence of six words, between two paragraphs, stay; a linked line after
    /// the last paragraph still goes.
    #[test]
    fn a_linked_sentence_inside_the_text_is_kept() {
        let page = format!(
            "<article><h1>Budget</h1>{PROSE}{PROSE}<p>For the figures, see <a href=/t>the \
             council's published budget tables</a>.</p>{PROSE}<p><a href=/r>The full tables are \
             in the annual report.</a></p>{PROSE}<p><a href=/x>Budget in ten charts</a> and \
             more.</p></article>"
        );
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("For the figures, see"), "{text}");
        assert!(text.contains("in the annual report"), "{text}");
        assert!(!text.contains("ten charts"), "{text}");
    }

    /// Guards the address rule: a footnote line that is one linked web address between two
    /// paragraphs stays; a menu entry naming its target between the same paragraphs goes.
    #[test]
    fn a_written_address_inside_the_text_is_kept() {
        let page = format!(
            "<article><h1>Budget</h1>{PROSE}{PROSE}<p>3. <a href=/t>https://council.example.org/\
             budget/tables-2024</a></p>{PROSE}<p><a href=/m>Council budget tables</a></p>\
             {PROSE}</article>"
        );
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("council.example.org"), "{text}");
        assert!(!text.contains("Council budget tables"), "{text}");
    }

    /// Guards the inner-sentence rule in the main-region fallback: on a listing whose items
    /// are all links (no prose container), a mostly linked sentence between two kept items
    /// stays.
    #[test]
    fn a_linked_sentence_between_listing_items_is_kept() {
        let cards: String = (1..=6)
            .map(|n| {
                format!(
                    "<div class=card><a class=t href=/p{n}>A long product name number {n} in \
                     the range</a></div>"
                )
            })
            .collect();
        let page = format!(
            "<body><div class=grid><h1>Standing desks</h1>{cards}<p>Prices include tax; see \
             <a href=/ship>the full shipping, delivery and returns terms for every order</a>.\
             </p>{cards}</div></body>"
        );
        let text = crate::extract(page.as_bytes(), &Config::default())
            .unwrap()
            .text();
        assert!(text.contains("Prices include tax; see the full"), "{text}");
    }
}
