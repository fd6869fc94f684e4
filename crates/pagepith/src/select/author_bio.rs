//! The author's box set below the story.
//!
//! Article templates close with a box about the writer: the name on a line of its own
//! (often a link to the author's page), then "Jane is a reporter who covers …". The box sits
//! inside the story's wrapper, so the container keeps it, yet it is not the article. The
//! page's own metadata names the author (schema.org, `<meta name=author>`, the byline); a
//! short line that is mostly that full name, in the second half of the kept text, opens
//! such a box, and the smallest element holding it and the kept text after it is the box.
//! The signals are the page's own name for its author and the box's place, so the rule
//! holds in any language. What it does not do: drop a biography with no name line of its
//! own (a paragraph that opens with the name is, as often, a story about that person).
//! A second, narrower rule takes the story's last kept block when it is a short line holding
//! the author's full name: a closing credit or contact line.

use super::Decision;
use crate::dom::{Document, NodeId};
use crate::metadata::Metadata;
use crate::segment::Segmentation;

/// The name line must sit in the kept text's second half: a byline under the headline, or a
/// story that names its own writer, sits anywhere, an author box at the end. Measured on
/// both dev sets: 0.3, 0.5 and 0.7 of the kept letters gave the same scores (wcxb-dev
/// 0.87738 each, container path; scrapinghub unchanged); the middle is kept as the plain
/// reading of "below the story".
const TAIL_SHARE: f64 = 0.5;

/// Longest name line, in letters: the writer's name, perhaps with a role or a label ("Jane
/// Doe, Staff Writer", "About Jane Doe"). Set by hand, not tuned; the line must also be at
/// least half name (see `drop_author_box`).
const MAX_NAME_LINE_CHARS: usize = 60;

/// Most kept letters in an author box: a bio of a few paragraphs. A recipe card that names
/// its author on a line of its own holds more (one wcxb-dev page lost 0.39 of its recall
/// without the cap). Measured at 800 and 3,000 letters as well: the same scores on both
/// sets; 1,500 is between the bios seen (150 to 900 letters) and the recipe card.
const MAX_BOX_CHARS: usize = 1_500;

/// Name lines tried per page. Measured on wcxb-dev: stopping at the first name line lost
/// five pages' boxes (0.87754 -> 0.87750), three tries still three (0.87753); 8 finds
/// every box that unbounded tries found.
const MAX_TRIES: usize = 8;

/// Letters and digits in `s`, counted as the blocks count them.
fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Marks as [`Decision::AuthorBio`] the kept blocks of an author box: the smallest element
/// that holds a short line naming one of the page's authors (kept or not: the name is often
/// a link the link-density rule dropped) in the second half of the kept text and the kept
/// block right after it, when that element holds neither the first kept block nor half of
/// the kept letters.
pub fn drop_author_box(
    doc: &Document,
    seg: &Segmentation,
    meta: &Metadata,
    decisions: &mut [Decision],
) {
    let names: Vec<&str> = meta
        .authors
        .iter()
        .map(|a| a.trim())
        .filter(|a| a.split_whitespace().nth(1).is_some())
        .collect();
    if names.is_empty() {
        return;
    }
    let Some(first_kept) = decisions.iter().position(|d| *d == Decision::Kept) else {
        return;
    };
    let total = super::kept_chars_of(seg, decisions);
    // Name lines in the second half of the kept text, in order; each whose box passes the
    // tests below opens an author box (a page with two writers has two). A bounded number
    // of tries keeps the rule to a few walks of the blocks on any page. Guards on the line (each measured on wcxb-dev): a list
    // entry is a teaser's or a reference's credit ("Some Title - Jane Doe"; one page lost
    // 0.018 recall without it); a line the repeated-label rule dropped is a forum post's
    // author pane, and the "box" then is the post (one thread lost 0.37 recall); a line
    // at least half name is a name line, not a sentence that names her.
    let mut before = 0usize;
    let mut tries = 0;
    for (i, b) in seg.blocks.iter().enumerate() {
        let in_tail = before as f64 >= TAIL_SHARE * total as f64;
        if decisions[i] == Decision::Kept {
            before += b.chars;
        }
        if !in_tail
            || b.chars > MAX_NAME_LINE_CHARS
            || b.list.is_some()
            || decisions[i] == Decision::RepeatedLabel
            || !names
                .iter()
                .any(|n| b.text.contains(n) && 2 * letters(n) >= b.chars)
        {
            continue;
        }
        if let Some(boxed) = author_box(doc, seg, decisions, i, first_kept, total) {
            for (x, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
                if *d == Decision::Kept && doc.is_within(x.node, boxed) {
                    *d = Decision::AuthorBio;
                }
            }
        }
        tries += 1;
        if tries == MAX_TRIES {
            return;
        }
    }
}

/// The box that the name line `line` opens: the smallest element holding it and the next
/// kept block, when that element is not the story: it holds neither the first kept block
/// nor half the kept letters (a short post whose writer signs it at the end keeps its
/// text), and no more than a bio's letters.
fn author_box(
    doc: &Document,
    seg: &Segmentation,
    decisions: &[Decision],
    line: usize,
    first_kept: usize,
    total: usize,
) -> Option<NodeId> {
    let next = (line + 1..seg.blocks.len()).find(|&j| decisions[j] == Decision::Kept)?;
    let target = seg.blocks[next].node;
    let boxed = doc
        .ancestors(seg.blocks[line].node)
        .find(|&a| doc.is_within(target, a))?;
    if doc.is_within(seg.blocks[first_kept].node, boxed) {
        return None;
    }
    let inside: usize = seg
        .blocks
        .iter()
        .zip(decisions)
        .filter(|(x, d)| **d == Decision::Kept && doc.is_within(x.node, boxed))
        .map(|(x, _)| x.chars)
        .sum();
    (2 * inside < total && inside <= MAX_BOX_CHARS).then_some(boxed)
}

/// Longest closing credit line, in characters: "Reporting by Jane Doe; editing by John
/// Roe", "Jane Doe contributed to this report", "Write to Jane Doe at …". Measured on both
/// dev sets: 150 / 250 / 400 characters gave scrapinghub 0.98057 -> 0.98093 / 0.98083 /
/// 0.98083 and wcxb-dev 0.87754 -> 0.87756 / 0.87755 / 0.87760; past 150 a closing
/// paragraph of the story that names its writer goes too (two news pages lost recall).
const MAX_CREDIT_CHARS: usize = 150;

/// Marks as [`Decision::AuthorBio`] the last kept block when it is a short line that holds
/// the full name of one of the page's authors: the story's closing credit or contact line,
/// which news gold standards leave out with the byline.
pub fn drop_closing_credit(seg: &Segmentation, meta: &Metadata, decisions: &mut [Decision]) {
    let Some(last) = decisions.iter().rposition(|d| *d == Decision::Kept) else {
        return;
    };
    let b = &seg.blocks[last];
    if b.text.chars().count() >= MAX_CREDIT_CHARS {
        return;
    }
    let named = meta
        .authors
        .iter()
        .map(|a| a.trim())
        .any(|a| a.split_whitespace().nth(1).is_some() && b.text.contains(a));
    if named {
        decisions[last] = Decision::AuthorBio;
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text as text_of;

    const STORY: &str = "<p>The night market on the old bridge opened again this spring after \
        three winters of repairs, with forty stalls of noodles, lanterns and second-hand \
        books where the tram stop used to be.</p>\
        <p>Traders pay a small fee to the district for the pitch and the light, and the \
        council says the fees cover the cleaning crews that sweep the bridge at dawn before \
        the first trams come through.</p>\
        <p>Regulars say the crowds are larger than before the repairs, and on warm evenings \
        the queue for the dumpling stall at the far end reaches back across half the \
        bridge.</p>";

    fn page(after: &str) -> String {
        format!(
            "<html><head><meta name=author content=\"Mara Linden\"></head><body>\
             <div class=page><h1>The market on the bridge is back</h1>\
             <div class=post>{STORY}{STORY}{after}</div></div></body></html>"
        )
    }

    /// Guards the rule: a box below the story that opens with the author's name (a link to
    /// her page) and holds her biography leaves with its name line.
    #[test]
    fn the_author_box_below_the_story_leaves() {
        let text = text_of(&page(
            "<div class=writer><div class=name><a href=/people/mara>Mara Linden</a></div>\
             <div class=about><p>Mara writes about city life and the people who keep its \
             streets busy, and has covered the old town's markets for ten years.</p></div>\
             </div>",
        ));
        assert!(!text.contains("has covered the old town"), "{text}");
        assert!(text.contains("back across half the bridge"), "{text}");
    }

    /// Guards the share test: a signature at the end of a post whose box is the whole post
    /// takes nothing away.
    #[test]
    fn a_signed_post_keeps_its_text() {
        let text = text_of(&format!(
            "<html><head><meta name=author content=\"Mara Linden\"></head><body>\
             <div class=page><h1>The market on the bridge is back</h1>\
             <div class=post>{STORY}<p>Mara Linden</p><p>Write to me with your own market \
             stories; I read every letter that comes in and answer most of them.</p></div>\
             </div></body></html>"
        ));
        assert!(text.contains("answer most of them"), "{text}");
        assert!(text.contains("back across half the bridge"), "{text}");
    }

    /// Guards the credit rule: a closing line that names the author leaves, the story's
    /// last paragraph stays.
    #[test]
    fn a_closing_credit_line_leaves() {
        // Dated, so that the page is typed an article.
        let dated = page("<p>Additional reporting by Mara Linden in the old town.</p>").replace(
            "<head>",
            "<head><meta property=article:published_time content=2024-06-07>",
        );
        let text = text_of(&dated);
        assert!(!text.contains("Additional reporting"), "{text}");
        assert!(text.contains("back across half the bridge"), "{text}");
    }

    /// Guards the size cap: a card below the story that names the author on a line of its
    /// own but holds more than a biography (a recipe with its steps) is content.
    #[test]
    fn a_long_card_naming_the_author_stays() {
        let step = "<p>Stir the broth slowly over a low flame until the noodles soften and \
            the spring onions turn bright green, then taste it and add salt.</p>";
        let card = format!(
            "<div class=card><h2>Bridge noodles</h2><div class=by>By Mara Linden</div>\
             {}</div>",
            step.repeat(12)
        );
        let text = text_of(&page(&card));
        assert!(text.contains("Stir the broth slowly"), "{text}");
    }
}
