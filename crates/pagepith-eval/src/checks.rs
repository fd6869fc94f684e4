//! Per-page checks beyond the body metric: required/forbidden snippets and
//! metadata (title, author, date) matching.

use std::collections::BTreeSet;

/// Collapses every run of white space (Unicode `White_Space`, so also NBSP) to
/// one space and trims the ends.
pub fn collapse_ws(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Copying whole non-space runs is much faster than pushing char by char
    // or joining `split_whitespace`, and this runs over every predicted text.
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `snippet` occurs in `text` (already whitespace-collapsed), both
/// compared whitespace-collapsed and case-sensitively. An empty snippet is
/// trivially present.
pub fn contains_snippet(collapsed_text: &str, snippet: &str) -> bool {
    // memmem is SIMD-accelerated; there are ~10 snippets per page.
    memchr::memmem::find(collapsed_text.as_bytes(), collapse_ws(snippet).as_bytes()).is_some()
}

/// The text's words (the body metric's `\w+` tokens) joined by single spaces: the form
/// [`contains_snippet_words`] searches.
pub fn word_text(text: &str) -> String {
    crate::metric::tokens(text).join(" ")
}

/// Whether `snippet`'s words occur in a row in `words` (a [`word_text`]). The gold snippets
/// were written by hand and spell some text otherwise than the page does (straight for curly
/// quotes, a `- ` list mark, a space before punctuation); comparing words, as the body metric
/// does, sees past that. Like the character match, a snippet may start or end inside a word.
/// A snippet without words is present.
pub fn contains_snippet_words(words: &str, snippet: &str) -> bool {
    memchr::memmem::find(words.as_bytes(), word_text(snippet).as_bytes()).is_some()
}

/// Titles match when equal after trimming and collapsing white space.
pub fn title_matches(gold: &str, pred: Option<&str>) -> bool {
    pred.is_some_and(|p| collapse_ws(p) == collapse_ws(gold))
}

/// Authors match when they are the same set of words, ignoring case, order,
/// punctuation and the word "and" ("Ann Lee and Bo Chan" = "Bo Chan, Ann Lee").
pub fn author_matches(gold: &str, pred: &[String]) -> bool {
    let gold_words = author_words(gold);
    !gold_words.is_empty() && gold_words == author_words(&pred.join(" "))
}

/// The lower-cased words of an author string, without "and".
pub fn author_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| w != "and")
        .collect()
}

/// Dates match when they name the same calendar day. Only the leading
/// `YYYY-MM-DD` (also `/` or `.` separated) is read, so times and zones are
/// ignored. A gold date given only as `YYYY-MM` or `YYYY` is compared at that
/// precision.
pub fn date_matches(gold: &str, pred: Option<&str>) -> bool {
    let (Some(g), Some(p)) = (parse_date(gold), pred.and_then(parse_date)) else {
        return false;
    };
    g.iter().zip(p.iter()).all(|(a, b)| a == b) && p.len() >= g.len()
}

/// Year, then month and day when present, from the start of an ISO-like date.
pub fn parse_date(text: &str) -> Option<Vec<u32>> {
    let text = text.trim();
    let mut parts = Vec::with_capacity(3);
    let mut rest = text;
    for (i, max_len) in [4usize, 2, 2].into_iter().enumerate() {
        if i > 0 {
            match rest.strip_prefix(['-', '/', '.']) {
                Some(r) => rest = r,
                None => break,
            }
        }
        let len = rest.bytes().take_while(u8::is_ascii_digit).count();
        // Year must be exactly 4 digits; month/day 1 or 2.
        if len == 0 || len > max_len || (i == 0 && len != 4) {
            break;
        }
        parts.push(rest[..len].parse().ok()?);
        rest = &rest[len..];
    }
    let valid = match parts.as_slice() {
        [_] => true,
        [_, m] => (1..=12).contains(m),
        [_, m, d] => (1..=12).contains(m) && (1..=31).contains(d),
        _ => false,
    };
    valid.then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_ignore_whitespace_but_not_case() {
        let text = collapse_ws("Hello\n\n  big   world. Bye");
        assert!(contains_snippet(&text, "big\tworld."));
        assert!(!contains_snippet(&text, "Big world"));
        assert!(contains_snippet(&text, " Hello big "));
        assert_eq!(collapse_ws(" a\u{a0}\u{2003}b\t\x0bc\r\n\x0cd "), "a b c d");
        let s = "x\u{a0}y\n z \u{3000}ü";
        assert_eq!(
            collapse_ws(s),
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    /// Guards the word match: punctuation, quote style and list marks do not
    /// count, while a missing or reordered word, or another letter case, does.
    #[test]
    fn snippets_by_words_ignore_punctuation_not_words() {
        let text = "- It isn\u{2019}t a \u{201c}magic\u{201d} bullet , experts said.";
        let tokens = word_text(text);
        assert!(contains_snippet_words(
            &tokens,
            "It isn't a \"magic\" bullet, experts"
        ));
        assert!(contains_snippet_words(&tokens, "bullet, experts said"));
        assert!(!contains_snippet_words(&tokens, "bullet experts say"));
        assert!(!contains_snippet_words(&tokens, "experts bullet"));
        assert!(!contains_snippet_words(&tokens, "It Isn't"));
        assert!(contains_snippet_words(&tokens, " -- "));
        // A snippet cut inside a word, as the character match allows.
        assert!(contains_snippet_words(&tokens, "ullet, experts sa"));
    }

    #[test]
    fn titles_compare_collapsed() {
        assert!(title_matches("A  title\n", Some(" A title")));
        assert!(!title_matches("A title", Some("a title")));
        assert!(!title_matches("A title", None));
    }

    #[test]
    fn authors_compare_as_word_sets() {
        let p = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(author_matches(
            "Ann Lee and Bo Chan",
            &p(&["Bo Chan", "ann lee"])
        ));
        assert!(author_matches(
            "Priya Ramaswamy, Olek Brandt, and Sofie Lund",
            &p(&["Sofie Lund", "Olek Brandt", "Priya Ramaswamy"])
        ));
        assert!(author_matches("Ilse & Oriana", &p(&["Ilse", "Oriana"])));
        assert!(!author_matches("Ann Lee", &p(&["Ann"])));
        assert!(!author_matches("Ann Lee", &[]));
        assert!(!author_matches(" , ", &p(&[","])));
    }

    #[test]
    fn dates_compare_calendar_day() {
        assert!(date_matches(
            "2025-09-04",
            Some("2025-09-04T10:00:00+02:00")
        ));
        assert!(date_matches("2025-09-04T23:59:00Z", Some("2025/9/4")));
        assert!(!date_matches("2025-09-04", Some("2025-09-05")));
        assert!(!date_matches("2025-09-04", Some("2025-09")));
        assert!(date_matches("2003-11", Some("2003-11-20")));
        assert!(!date_matches("2025-09-04", Some("September 4, 2025")));
        assert!(!date_matches("2025-09-04", None));
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("20250904"), None);
    }
}
