//! What each line is on its own: prose, a short line, furniture, debris, a photo credit, a
//! date line or a byline. Position and neighbours are weighed later (`region`, `header`).

use super::lexicon::{BYLINE_LEAD, COMMENT_MARKS, CREDIT};
use super::line::{lower_tokens, Line};
use crate::metadata::{byline, date};

/// Longest line read as a byline or date line, in words: "By Jane Doe and John Roe | Nov. 14,
/// 2017 3:38 pm ET | Updated 5:02 pm" is 16; past 20 a line is a sentence.
const MAX_BYLINE_WORDS: usize = 20;
/// Longest caption, in words: captions run to two or three sentences.
const MAX_CAPTION_WORDS: usize = 60;
/// Shortest prose line, in words, when it ends like a sentence; a sentence of seven words or
/// fewer is as often a teaser or a button as a paragraph.
const MIN_PROSE_WORDS: usize = 8;
/// Lines this long are prose even without a final stop (quotes cut by the crawler, CJK text
/// without a final mark), unless they read like a row of links.
const LONG_LINE_WORDS: usize = 20;
/// Up to this many words a line may be furniture by its phrases; the share of its words that
/// furniture phrases cover must reach a third (`Share On Facebook` yes, `Next steps for the
/// Fed` no).
const MAX_FURNITURE_WORDS: usize = 12;
const FURNITURE_COVER: f64 = 1.0 / 3.0;

/// The kind of one line.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// Running text: long, or a sentence.
    Prose,
    /// Anything short that is none of the others: headings, labels, list items.
    Short,
    /// Site furniture by its phrases: share, subscribe, comments, legal notices.
    Furniture,
    /// Stray fragments: a lone count, a symbol, a plugin's shortcode.
    Debris,
    /// A photo caption or credit.
    Credit,
    /// A line that is mostly a date.
    Date,
    /// A byline, with the names it gives.
    Byline(Vec<String>),
    /// A heading or count that opens the comment section: the article is over.
    CommentsStart,
}

/// Classifies one line.
pub fn kind(line: &Line) -> Kind {
    let letters = line.text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || has_shortcode(&line.text) || is_counter(line) {
        return Kind::Debris;
    }
    if line.words <= MAX_FURNITURE_WORDS && opens_comments(line) {
        return Kind::CommentsStart;
    }
    if line.legal || (line.words <= MAX_FURNITURE_WORDS && line.furniture_share >= FURNITURE_COVER)
    {
        return Kind::Furniture;
    }
    let lower = line.text.to_lowercase();
    if line.words <= MAX_CAPTION_WORDS && CREDIT.iter().any(|m| contains_word(&lower, m)) {
        return Kind::Credit;
    }
    if line.words <= MAX_BYLINE_WORDS {
        if let Some(names) = byline_names(&line.text) {
            return Kind::Byline(names);
        }
        if is_date_line(line) {
            return Kind::Date;
        }
    }
    let prose_shape = (line.sentence_end && line.words >= MIN_PROSE_WORDS)
        || (line.words >= LONG_LINE_WORDS && !reads_like_links(line));
    if prose_shape && !line.truncated && has_function_words(line) {
        return Kind::Prose;
    }
    Kind::Short
}

/// Running text is a tenth or more function words (in the listed languages) or punctuated
/// like sentences (in any language); a row of tags or names run together is neither.
fn has_function_words(line: &Line) -> bool {
    // A tenth: prose in the listed languages runs at 0.3 to 0.5, tag clouds and name lists at
    // 0 to 0.05. One mark per 25 words: prose in any language has a comma or stop at least
    // that often, a tag cloud has none.
    line.unspaced || line.function_share >= 0.1 || line.punctuation * 25 >= line.words
}

/// "34 responses to …", "Leave a Reply", "Comments (3)": a comment word on a line that is
/// furniture or carries a count. A count of zero opens nothing, and a comment link on a
/// byline ("by Jane Doe · 3 Comments") belongs to the header.
fn opens_comments(line: &Line) -> bool {
    let tokens = lower_tokens(&line.text);
    let has_mark = tokens.iter().any(|t| COMMENT_MARKS.contains(&t.as_str()));
    let zero = tokens.iter().any(|t| t == "0" || t == "no");
    has_mark
        && !zero
        && (line.furniture_share >= FURNITURE_COVER || line.digit_share > 0.0)
        && !tokens.iter().take(3).any(|t| t == "by")
}

/// "12 comments", "3 min", "1.2k": a few words, mostly digits.
fn is_counter(line: &Line) -> bool {
    // Half digits on a line of up to three words: counts and scores, never a sentence; a
    // short date ("May 5, 2023") has as many digits and is kept for the date.
    line.words <= 3 && line.digit_share >= 0.5 && date::parse(&line.text).is_none()
}

/// Many capitalised words and few function words: a row of menu items or tags run together.
fn reads_like_links(line: &Line) -> bool {
    // A third or more capitalised with under a tenth function words: prose in the listed
    // languages has a third or more function words and few capitals.
    line.language.is_some() && line.capitalised > 0.6 && line.function_share < 0.1
}

/// A date with at most four other words around it ("Published", "Updated", a weekday).
fn is_date_line(line: &Line) -> bool {
    line.words <= 10 && date::parse(&line.text).is_some()
}

/// `[contact-form-7 404 "Not Found"]`: a bracket opening on a lower-case identifier, the
/// output of a plugin that failed to render.
fn has_shortcode(text: &str) -> bool {
    let mut rest = text;
    while let Some(i) = rest.find('[') {
        rest = &rest[i + 1..];
        let ident: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_')
            .collect();
        let after = rest[ident.len()..].chars().next();
        if ident.len() >= 3
            && (ident.contains('-') || ident.contains('_'))
            && matches!(after, Some(' ' | ']'))
        {
            return true;
        }
    }
    false
}

/// Whether `needle` occurs in `hay` starting at a word boundary (both lower case).
pub fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before_ok = hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[i + needle.len()..].chars().next();
        let after_ok = needle.ends_with(|c: char| !c.is_alphanumeric())
            || after.is_none_or(|c| !c.is_alphanumeric());
        before_ok && after_ok
    })
}

/// The names of a byline: a lead-in ("by", "von", "par"…) followed by capitalised names, or
/// "NAME | DATE" — two to four capitalised words before a separator and a date.
pub fn byline_names(text: &str) -> Option<Vec<String>> {
    let lower = text.to_lowercase();
    if CREDIT.iter().any(|m| contains_word(&lower, m)) {
        return None;
    }
    for lead in BYLINE_LEAD {
        let Some(at) = find_lead(text, &lower, lead) else {
            continue;
        };
        // The lead-in sits near the start: "avatar by Ben Cohen", not "hit by a car".
        if lower_tokens(&text[..at]).len() > 3 {
            continue;
        }
        let rest = &text[at + lead.len()..];
        let names = names_in(cut_at_separator(rest));
        if !names.is_empty() {
            return Some(names);
        }
    }
    let head = cut_at_separator(text);
    if head.len() < text.len() && date::parse(&text[head.len()..]).is_some() {
        let names = names_in(head);
        if !names.is_empty() {
            return Some(names);
        }
    }
    None
}

/// Byte offset of a lead-in as a whole word; "von" and "di" only in lower case.
fn find_lead(text: &str, lower: &str, lead: &str) -> Option<usize> {
    lower.match_indices(lead).map(|(i, _)| i).find(|&i| {
        // NOTE: lower-casing can change byte lengths; the offset is only trusted when the
        // original text has the same bytes there.
        let Some(orig) = text.get(i..i + lead.len()) else {
            return false;
        };
        if !orig.eq_ignore_ascii_case(lead) && orig.to_lowercase() != lead {
            return false;
        }
        // Capitalised, these begin surnames ("Von Trier", "Di Maria"), except at the start of
        // a line, where "Von Max Mustermann" is a byline; the names check after it decides.
        if matches!(lead, "von" | "di" | "av" | "af") && orig != lead && i > 0 {
            return false;
        }
        let before_ok = lower[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = lower[i + lead.len()..].chars().next();
        before_ok && (lead.ends_with(':') || after.is_some_and(char::is_whitespace))
    })
}

/// The text before the first separator that ends a list of names: a bar, bullet, dash,
/// a digit (a date or time) or an "Updated" cut.
fn cut_at_separator(s: &str) -> &str {
    let mut end = s.len();
    for sep in [" | ", " • ", " · ", " — ", " – ", " - ", "|", "•", "·"] {
        if let Some(i) = s.find(sep) {
            end = end.min(i);
        }
    }
    if let Some(i) = s.find(|c: char| c.is_ascii_digit()) {
        end = end.min(i);
    }
    // "Jane Doe on November 19": the names end where the date's preposition begins.
    for word in [" on ", " at ", " am ", " le ", " el ", " il "] {
        if let Some(i) = s.find(word) {
            end = end.min(i);
        }
    }
    &s[..end]
}

/// Names in a byline fragment, each two to five capitalised words, cleaned by the HTML path's
/// byline cleaner; none when any part is not a name.
fn names_in(fragment: &str) -> Vec<String> {
    let cleaned = byline::clean(fragment.trim(), true);
    let all_names = !cleaned.is_empty()
        && cleaned.iter().all(|n| {
            let words: Vec<&str> = n.split_whitespace().collect();
            (2..=5).contains(&words.len())
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || matches!(*w, "de" | "da" | "van" | "von" | "der" | "la" | "le" | "di")
                })
        });
    if all_names {
        cleaned
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(text: &str) -> Kind {
        kind(&Line::new(text))
    }

    #[test]
    fn stray_counts_symbols_and_shortcodes_are_debris() {
        assert_eq!(k("0"), Kind::Debris);
        assert_eq!(k("× [contact-form-7 404 \"Not Found\"]"), Kind::Debris);
        assert_eq!(k("→"), Kind::Debris);
        assert_ne!(
            k("See [1] for the figures, the ministry said on Monday night."),
            Kind::Debris
        );
    }

    #[test]
    fn bylines_with_a_lead_in_or_a_date_after_a_bar() {
        assert_eq!(
            k("avatar by Ben Cohen"),
            Kind::Byline(vec!["Ben Cohen".into()])
        );
        assert_eq!(
            k("By Anna Berg and Tom Lee | March 3, 2024"),
            Kind::Byline(vec!["Anna Berg".into(), "Tom Lee".into()])
        );
        assert_eq!(
            k("Maria Rossi | 12 marzo 2024"),
            Kind::Byline(vec!["Maria Rossi".into()])
        );
        assert_eq!(
            k("von Max Mustermann"),
            Kind::Byline(vec!["Max Mustermann".into()])
        );
        // Capitalised "Von" begins a surname, and "by" deep in a sentence is no byline.
        assert_ne!(
            k("Von Trier speaks"),
            Kind::Byline(vec!["Trier Speaks".into()])
        );
        assert!(!matches!(
            k("The bridge was closed by the city after the storm on Monday."),
            Kind::Byline(_)
        ));
    }

    #[test]
    fn photo_credits_are_captions_not_bylines() {
        assert_eq!(k("The minister in Geneva. Photo: File."), Kind::Credit);
        assert_eq!(k("Photo by Jane Doe"), Kind::Credit);
    }

    #[test]
    fn dates_furniture_and_prose() {
        assert_eq!(k("November 14, 2017 3:38 pm"), Kind::Date);
        assert_eq!(k("Subscribe"), Kind::Furniture);
        assert_eq!(k("Let your voice be heard!"), Kind::Furniture);
        assert_eq!(k("Join the Algemeiner"), Kind::Furniture);
        assert_eq!(
            k("The council voted on Tuesday to keep the old bridge open for another year."),
            Kind::Prose
        );
        assert_eq!(k("A Headline About the Bridge"), Kind::Short);
    }
}
