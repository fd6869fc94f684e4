//! One line of a flattened page and what can still be measured on it: its size, how it ends,
//! how much of it is capitalised, digits or function words, and which furniture phrases it
//! holds. Nothing here looks at other lines; `classify` does.

use std::sync::OnceLock;

use super::lexicon::{FUNCTION_WORDS, FURNITURE, LEGAL};
use crate::textutil::collapse_whitespace;

/// Longest line whose words are matched against the phrase lists: past this a line is prose
/// or data, and the cap bounds work on hostile input (a megabyte on one line).
const MAX_MATCHED_WORDS: usize = 60;

/// Words of a line looked at for function words: a sample that size gives the share to a
/// percent, and bounds the work on a megabyte-long line.
const MAX_SAMPLED_WORDS: usize = 400;

/// A line with its features.
#[derive(Clone, Debug)]
pub struct Line {
    /// The text, white space collapsed.
    pub text: String,
    /// Words: white-space separated tokens, plus one per two CJK characters (scripts written
    /// without spaces carry roughly a word in two characters).
    pub words: usize,
    /// Whether the line ends like a sentence (., !, ?, …, 。, ！, ？ before any closing quotes).
    pub sentence_end: bool,
    /// Share of alphabetic words written with a capital first letter.
    pub capitalised: f64,
    /// Share of words that are function words of the line's likeliest language.
    pub function_share: f64,
    /// That language, when function words point to one.
    pub language: Option<&'static str>,
    /// Share of letters and digits that are digits.
    pub digit_share: f64,
    /// Share of words covered by furniture phrases (0 on lines too long to be furniture).
    pub furniture_share: f64,
    /// Whether the line holds legal or consent boilerplate.
    pub legal: bool,
    /// Whether the line ends in an ellipsis ("…", "...", "[…]"): a teaser cut short.
    pub truncated: bool,
    /// Commas, stops, colons and semicolons: prose has one every line or so, in any language.
    pub punctuation: usize,
    /// Whether the line is mostly in a script written without spaces (CJK).
    pub unspaced: bool,
}

impl Line {
    pub fn new(raw: &str) -> Line {
        let text = collapse_whitespace(raw);
        let tokens: Vec<String> = lower_tokens(&text);
        let mut cjk = 0usize;
        let mut letters = 0usize;
        let mut digits = 0usize;
        for c in text.chars() {
            if is_cjk(c) {
                cjk += 1;
            }
            if c.is_ascii_digit() {
                digits += 1;
            } else if c.is_alphanumeric() {
                letters += 1;
            }
        }
        let spaced = text
            .split_whitespace()
            .filter(|w| !w.chars().all(is_cjk))
            .count();
        let words = spaced + cjk / 2;
        let alphabetic: Vec<&str> = text
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .collect();
        let capitalised = if alphabetic.is_empty() {
            0.0
        } else {
            let caps = alphabetic
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count();
            caps as f64 / alphabetic.len() as f64
        };
        // The first few hundred words tell the language and the share as well as all would.
        let (language, function_share) =
            function_words(&tokens[..tokens.len().min(MAX_SAMPLED_WORDS)]);
        let matched = &tokens[..tokens.len().min(MAX_MATCHED_WORDS)];
        let furniture_share = if tokens.is_empty() || tokens.len() > MAX_MATCHED_WORDS {
            0.0
        } else {
            covered(matched, phrases(&FURNITURE_TOKENS, FURNITURE)) as f64 / tokens.len() as f64
        };
        let legal = covered(matched, phrases(&LEGAL_TOKENS, LEGAL)) > 0;
        Line {
            sentence_end: ends_sentence(&text),
            words,
            capitalised,
            function_share,
            language,
            digit_share: if letters + digits == 0 {
                0.0
            } else {
                digits as f64 / (letters + digits) as f64
            },
            furniture_share,
            legal,
            truncated: is_truncated(&text),
            unspaced: cjk / 2 > spaced,
            punctuation: text
                .chars()
                .filter(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '、' | '，' | '。'))
                .count(),
            text,
        }
    }

    /// Whether the line is empty of text.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Lower-case word tokens: runs of letters, digits, apostrophes and hyphens.
pub fn lower_tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|t| t.trim_matches(|c| c == '\'' || c == '’' || c == '-'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

static FURNITURE_TOKENS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
static LEGAL_TOKENS: OnceLock<Vec<Vec<String>>> = OnceLock::new();

/// A phrase list split into tokens once, not once per line.
fn phrases<'a>(cell: &'a OnceLock<Vec<Vec<String>>>, list: &[&str]) -> &'a [Vec<String>] {
    cell.get_or_init(|| list.iter().map(|p| lower_tokens(p)).collect())
}

/// How many tokens are covered by some phrase (each phrase matched as a whole sequence of
/// tokens).
pub fn covered(tokens: &[String], phrases: &[Vec<String>]) -> usize {
    let mut hit = vec![false; tokens.len()];
    for words in phrases {
        if words.is_empty() || words.len() > tokens.len() {
            continue;
        }
        for start in 0..=tokens.len() - words.len() {
            if tokens[start..start + words.len()]
                .iter()
                .zip(words.iter())
                .all(|(t, w)| t == w)
            {
                hit[start..start + words.len()].fill(true);
            }
        }
    }
    hit.iter().filter(|&&h| h).count()
}

/// The language whose function words cover the most tokens, and that share.
fn function_words(tokens: &[String]) -> (Option<&'static str>, f64) {
    if tokens.is_empty() {
        return (None, 0.0);
    }
    let mut best: (Option<&'static str>, usize) = (None, 0);
    for (lang, words) in FUNCTION_WORDS {
        let n = tokens
            .iter()
            .filter(|t| words.contains(&t.as_str()))
            .count();
        if n > best.1 {
            best = (Some(lang), n);
        }
    }
    (best.0, best.1 as f64 / tokens.len() as f64)
}

fn is_truncated(text: &str) -> bool {
    let t = text.trim_end_matches([']', ')', ' ']);
    t.ends_with('…') || t.ends_with("...")
}

fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』') || c.is_whitespace()
    });
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Han, kana and Hangul: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_has_function_words_and_a_sentence_end() {
        let l = Line::new("The council said on Tuesday that it would not raise the tax this year.");
        assert!(l.sentence_end);
        assert_eq!(l.language, Some("en"));
        assert!(l.function_share > 0.3, "{}", l.function_share);
        assert_eq!(l.furniture_share, 0.0);
    }

    #[test]
    fn sentence_end_looks_through_closing_quotes() {
        assert!(Line::new("He called it “legitimate.”").sentence_end);
        assert!(!Line::new("A Headline Without a Stop").sentence_end);
    }

    #[test]
    fn share_bars_are_mostly_furniture_phrases() {
        let l = Line::new("Share this Story: Share On Facebook Share On Twitter");
        assert!(l.furniture_share > 0.8, "{}", l.furniture_share);
        let heading = Line::new("Next steps for the central bank");
        assert!(heading.furniture_share < 0.34);
    }

    #[test]
    fn legal_boilerplate_is_found_on_long_lines_too() {
        let l = Line::new(
            "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of \
             Service apply.",
        );
        assert!(l.legal);
    }

    #[test]
    fn german_prose_is_recognised_and_cjk_counts_words() {
        let l = Line::new("Die Stadt hat am Montag die neue Brücke für den Verkehr freigegeben.");
        assert_eq!(l.language, Some("de"));
        let ja = Line::new("東京都は月曜日、新しい橋を開通させたと発表した。");
        assert!(ja.words >= 10, "{}", ja.words);
        assert!(ja.sentence_end);
    }
}
