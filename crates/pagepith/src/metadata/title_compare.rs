//! Whether two titles name the same story, compared as folded text and as word sets: the
//! tests by which the title choice matches a heading with the structured titles.

use super::fold;
use crate::textutil::collapse_whitespace;

/// Whether one of the `folded` titles holds heading `t` whole, ignoring case and
/// punctuation, with `t` of three words or more (a shorter one is as likely a section's or a
/// tag's name).
pub(super) fn held_whole(folded: &[String], t: &str) -> bool {
    if words(t).len() < 3 {
        return false;
    }
    let t = fold(t);
    folded.iter().any(|r| r.contains(t.as_str()))
}

/// Whether two titles name the same story: equal, one containing the other (when the shorter
/// is substantial), or sharing most of their words.
pub fn similar(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa.is_empty() || fb.is_empty() {
        return false;
    }
    if fa == fb {
        return true;
    }
    let ((short, short_raw), (long, _)) = if fa.len() <= fb.len() {
        ((&fa, a), (&fb, b))
    } else {
        ((&fb, b), (&fa, a))
    };
    // Three words, or half the other title, is enough to rule out a section name or a logo
    // matching by accident ("News" in "World News Today").
    let substantial =
        words(short_raw).len() >= 3 || short.chars().count() * 2 >= long.chars().count();
    if substantial && long.contains(short.as_str()) {
        return true;
    }
    if opens_with_name(short_raw, if fa.len() <= fb.len() { b } else { a }) {
        return true;
    }
    let (wa, wb) = (words(a), words(b));
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    let most = wa.len().max(wb.len());
    // 60%: tolerates an edited word or two in a ten-word headline, not a different story.
    most >= 2 && shared * 5 >= most * 3
}

/// Whether `long` is `short` followed by a separator and more words: "Rain Jackets" and "Rain
/// Jackets: Shop Jackets for Rain & Trekking". The SEO title extends the page's name, which a
/// short `<h1>` shows alone (a shop's category, a product, a documentation page); the
/// separator right after it rules out a word that merely starts a longer name ("Science" and
/// "Science News").
fn opens_with_name(short: &str, long: &str) -> bool {
    let (short, long) = (collapse_whitespace(short), collapse_whitespace(long));
    let (short, long) = (short.trim(), long.trim());
    if short.is_empty() || short.len() >= long.len() {
        return false;
    }
    let Some(head) = long.get(..short.len()) else {
        return false;
    };
    if !head.eq_ignore_ascii_case(short) && head.to_lowercase() != short.to_lowercase() {
        return false;
    }
    let rest = &long[short.len()..];
    [":", " |", " -", " –", " —", " ·", " •", " /"]
        .iter()
        .any(|sep| rest.starts_with(sep))
}

/// Lower-case words of letters and digits, deduplicated.
pub(super) fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn h1_shorter_than_og_title_with_subtitle_is_still_similar() {
        assert!(similar(
            "Rain in Spain",
            "Rain in Spain: forecasters warn of floods on the plateau"
        ));
        assert!(similar(
            "Rain in Spain stays in the plain",
            "Rain in Spain stays mainly in the plain"
        ));
        assert!(!similar("News", "World News Today"));
        // A short page name the SEO title extends after a separator, in any language.
        assert!(similar(
            "Rain Jackets",
            "Rain Jackets: Shop Jackets for Rain & Trekking"
        ));
        assert!(similar(
            "Wanderschuhe",
            "Wanderschuhe – jetzt günstig kaufen"
        ));
        assert!(!similar("Science", "Science News: Health, Space"));
        assert!(!similar("Weather", "Rain in Spain"));
    }
}
