//! Author names: cleaning raw author strings into a list of names, and telling which elements
//! look like a visible byline.
//!
//! Cleaning strips "By", "Posted by" and similar lead-ins, cuts off dates, times and "Updated …"
//! tails, splits "A, B and C" and "A & B", and drops e-mails, URLs, job titles ("Staff Writer")
//! and share-button text. Generic names ("Staff", "Admin") are reported as such so the caller can
//! keep them only when nothing better turns up. It does not decide which source wins, and it does
//! not look names up anywhere: a name is whatever text survives the cleaning.

use super::{date, fold};
use crate::textutil::collapse_whitespace;
use byline_words::{
    CUT_WORDS, GENERIC, JUNK_WORDS, LOWER_PREFIXES, NOT_AUTHOR_LEADS, PREFIXES, ROLE_HEADS,
    ROLE_WORDS,
};

#[path = "byline_words.rs"]
mod byline_words;

/// Longest raw byline cleaned: longer text is an author bio or a paragraph, not a byline.
const MAX_BYLINE_CHARS: usize = 300;
/// Names longer than this (in words) are sentences; five covers "Maria de la Cruz Fernández".
const MAX_NAME_WORDS: usize = 5;
const MAX_NAME_CHARS: usize = 60;
/// At most this many authors per page: more is a list of contributors or a hostile page.
pub const MAX_AUTHORS: usize = 20;

/// Names found in one source, split by whether they are generic.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    pub real: Vec<String>,
    pub generic: Vec<String>,
}

impl Names {
    /// Cleans each raw string and gathers the names, deduplicated case-insensitively.
    /// `visible` applies the stricter rules for text read off the page rather than from a
    /// field meant to hold a name.
    pub fn from_raw<'a>(raws: impl IntoIterator<Item = &'a str>, visible: bool) -> Names {
        let mut names = Names::default();
        for raw in raws {
            for name in clean(raw, visible) {
                names.add(name);
            }
        }
        names
    }

    fn add(&mut self, name: String) {
        let seen = |v: &Vec<String>| v.iter().any(|n| n.to_lowercase() == name.to_lowercase());
        if seen(&self.real) || seen(&self.generic) || self.real.len() >= MAX_AUTHORS {
            return;
        }
        if is_generic(&name) {
            self.generic.push(name);
        } else {
            self.real.push(name);
        }
    }

    /// Moves a name that merely repeats the site's name ("The Daily News" as author of a
    /// Daily News article) to the generic list.
    pub fn demote(&mut self, sitename: &str) {
        let site = fold(sitename);
        if site.is_empty() {
            return;
        }
        let (keep, demoted): (Vec<String>, Vec<String>) =
            self.real.drain(..).partition(|n| fold(n) != site);
        self.real = keep;
        self.generic.extend(demoted);
    }
}

impl Names {
    /// Moves names shaped like account handles — one word of lower-case letters with a `.` or
    /// `_` inside ("andrew.keaveney") — to the generic list.
    pub fn demote_handles(&mut self) {
        let handle = |n: &String| {
            !n.contains(' ')
                && n.contains(['.', '_'])
                && !n.chars().any(char::is_uppercase)
                && n.trim_matches(['.', '_']).contains(['.', '_'])
        };
        let (demoted, keep): (Vec<String>, Vec<String>) = self.real.drain(..).partition(handle);
        self.real = keep;
        self.generic.extend(demoted);
    }
}

/// Whether a name stands for no one in particular ("Staff", "Admin"), or for a group or an
/// outlet: no person's name begins with "The" ("The Harbour Courier", "The Fieldnote Team").
pub fn is_generic(name: &str) -> bool {
    let lower = name.to_lowercase();
    GENERIC.contains(&lower.as_str()) || lower.starts_with("the ")
}

/// Cleans one raw author string into names. Structured sources (`visible == false`) may write
/// "Last, First" (Dublin Core, citation metadata); those are turned around.
pub fn clean(raw: &str, visible: bool) -> Vec<String> {
    let raw = collapse_whitespace(raw);
    if raw.chars().count() > MAX_BYLINE_CHARS {
        return Vec::new();
    }
    if !visible {
        if let Some(names) = last_first(&raw) {
            return names;
        }
    }
    // Bylines pack several facts between bars and bullets ("By Jane | Nov 14 | 3 min read"):
    // the names are in the first part that yields any.
    for part in raw.split(['|', '•', '·', '⋅', '∙', '»', '\n']) {
        let lower = part.trim_start().to_lowercase();
        if NOT_AUTHOR_LEADS.iter().any(|l| lower.starts_with(l)) {
            continue;
        }
        let mut names = clean_part(part, visible);
        if names.is_empty() {
            if let Some(rest) = after_leading_date(part) {
                names = clean_part(rest, visible);
            }
        }
        // A visible byline that names someone in full also carries one-word links and labels
        // beside the name: category links ("Research"), an avatar's initials ("CM"), a role
        // ("Gardener"). With a full name present, one word alone is not another author.
        if visible && names.iter().any(|n| n.contains(' ')) {
            names.retain(|n| n.contains(' '));
        }
        // Likewise a role set beside a name ("Brett Cruz, Digital Security Expert"): words
        // ending in a job's head noun are not another author when someone is named. Alone they
        // stay, the way "Staff" does ("Bayline Contributor"). wcxb-dev: +2 −0; dropping them
        // everywhere lost the two pages whose only author is such a role.
        if names.iter().any(|n| !is_role(n)) {
            names.retain(|n| !is_role(n));
        }
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// Whether a name piece is a role: two words or more, a job's head noun at one end (last in
/// English and German, "Security Expert"; first in Romance languages, "Periodista Deportiva").
fn is_role(piece: &str) -> bool {
    let words: Vec<String> = piece.split_whitespace().map(str::to_lowercase).collect();
    let head = |w: Option<&String>| w.is_some_and(|w| ROLE_HEADS.contains(&w.as_str()));
    words.len() >= 2 && (head(words.last()) || head(words.first()))
}

/// "Doe, Jane" and "Doe, Jane; Lee, Ann": each entry one comma, a one-word surname before it
/// and one or two given names after.
fn last_first(raw: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for entry in raw.split(';') {
        let (last, first) = entry.split_once(',')?;
        let (last, first) = (last.trim(), first.trim());
        let first_words = first.split_whitespace().count();
        let plain = |s: &str| {
            s.chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '\''))
        };
        if last.contains(' ') || !(1..=2).contains(&first_words) || !plain(last) || !plain(first) {
            return None;
        }
        if is_generic(first)
            || first
                .split_whitespace()
                .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
        {
            return None;
        }
        out.push(format!("{first} {last}"));
    }
    Some(out)
}

fn clean_part(part: &str, visible: bool) -> Vec<String> {
    // E-mail addresses, handles and links sit beside names ("Jane Doe jane@example.com"); they
    // go before splitting, since a URL's slashes would split it into name-like pieces.
    let kept: Vec<&str> = part
        .split_whitespace()
        .filter(|w| !w.contains('@') && !looks_like_url(w))
        .collect();
    let kept = kept.join(" ");
    let mut s = strip_prefixes(&kept);
    if let Some((cut, at_digit)) = cut_position(s) {
        s = &s[..cut];
        if at_digit {
            s = drop_dangling_date_words(s);
        }
    }
    let mut out = Vec::new();
    for piece in split_names(s) {
        if let Some(name) = clean_name(piece, visible) {
            out.push(name);
        }
    }
    out
}

/// The text after a date that opens `part` ("Dec 17, 2025 Marta L. Ferreiro", "17. Dezember 2025
/// Anna Weber"): a header line that sets the date before the name without a separator. The
/// date ends at its year, within the first five words; `None` when no year comes that early
/// or nothing follows it. Tried only when the part as written names no one; wcxb-dev: author
/// +1, no loss.
fn after_leading_date(part: &str) -> Option<&str> {
    let mut words = part.split_whitespace();
    let first = words.next()?;
    let opens_with_date = first.starts_with(|c: char| c.is_ascii_digit())
        || date::month_number(&first.trim_matches(is_edge_junk).to_lowercase()).is_some();
    if !opens_with_date {
        return None;
    }
    let year = part.split_whitespace().take(5).find(|w| {
        let digits = w.trim_matches(|c: char| !c.is_ascii_digit());
        digits.len() == 4 && w.trim_matches(is_edge_junk).len() <= 5
    })?;
    // NOTE: `year` is a slice of `part`, so its end is an offset into `part`.
    let end = year.as_ptr() as usize - part.as_ptr() as usize + year.len();
    let rest = part[end..].trim_start_matches(|c: char| is_edge_junk(c) || c.is_whitespace());
    (!rest.is_empty()).then_some(rest)
}

/// After a cut before "14, 2017": drops the month or weekday the date began with ("Jane Doe on
/// Nov.", "Summer Swann-June") and the word that introduced it ("on", "at").
fn drop_dangling_date_words(s: &str) -> &str {
    let is_date_word = |w: &str| {
        let w = w.trim_matches(is_edge_junk).to_lowercase();
        date::month_number(&w).is_some() || date::is_weekday(&w)
    };
    let mut s = s.trim_end_matches(is_edge_junk);
    let last_start = s.rfind([' ', '-']).map_or(0, |i| i + 1);
    if last_start > 0 && is_date_word(&s[last_start..]) {
        s = s[..last_start].trim_end_matches(is_edge_junk);
    }
    if let Some((head, last)) = s.rsplit_once(' ') {
        if matches!(
            last.to_lowercase().as_str(),
            "on" | "at" | "am" | "le" | "el" | "den"
        ) {
            s = head;
        }
    }
    s
}

/// Where the names end: at the first number (a date or time: a digit starting a word, so that
/// "paulb203" keeps its digits) or at a word like "Updated". The flag tells a cut at a number.
fn cut_position(s: &str) -> Option<(usize, bool)> {
    let lower = s.to_ascii_lowercase();
    let bytes = s.as_bytes();
    let digit = (0..bytes.len())
        .find(|&i| bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()));
    let word = CUT_WORDS.iter().filter_map(|w| find_word(&lower, w)).min();
    match (digit, word) {
        (Some(d), Some(w)) if w < d => Some((w, false)),
        (Some(d), _) => Some((d, true)),
        (None, w) => w.map(|w| (w, false)),
    }
}

/// Byte offset of `word` in `hay` where it stands as a whole word.
fn find_word(hay: &str, word: &str) -> Option<usize> {
    let bytes = hay.as_bytes();
    let mut from = 0;
    while let Some(i) = hay[from..].find(word).map(|i| i + from) {
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let end = i + word.len();
        let after_ok = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if before_ok && after_ok {
            return Some(i);
        }
        from = i + 1;
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// Removes lead-ins such as "By", "Posted by:", "Written by" (repeatedly: "By: Posted by").
fn strip_prefixes(mut s: &str) -> &str {
    let all = PREFIXES
        .iter()
        .map(|p| (p, false))
        .chain(LOWER_PREFIXES.iter().map(|p| (p, true)));
    'again: loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—'));
        for (p, exact) in all.clone() {
            let Some(head) = s.get(..p.len()) else {
                continue;
            };
            if !head.eq_ignore_ascii_case(p) {
                continue;
            }
            let rest = &s[p.len()..];
            // Capitalised, "Von"/"Di" is a lead-in only before a whole name of its own
            // ("Von Anna Schmidt"), not the start of one ("Von Trier").
            if exact && head != *p && rest.split_whitespace().count() < 2 {
                continue;
            }
            // "By" must be a word of its own: "Byron Smith" keeps its name.
            let ends_word = p.ends_with(':')
                || rest.is_empty()
                || rest.starts_with(|c: char| c.is_whitespace() || c == ':');
            if ends_word {
                s = rest;
                continue 'again;
            }
        }
        return s;
    }
}

/// Splits "A, B and C", "A & B", "A; B", "A und B", "A et B", "A y B", "A/B".
fn split_names(s: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    for piece in s.split([',', ';', '&', '/', '+']) {
        let mut rest = piece;
        loop {
            let lower = rest.to_ascii_lowercase();
            let sep = [" and ", " und ", " et ", " y ", " e "]
                .iter()
                .filter_map(|w| lower.find(w).map(|i| (i, w.len())))
                .min();
            match sep {
                Some((i, len)) => {
                    pieces.push(&rest[..i]);
                    rest = &rest[i + len..];
                }
                None => {
                    pieces.push(rest);
                    break;
                }
            }
        }
    }
    pieces
}

fn is_edge_junk(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ':'
                | ';'
                | '-'
                | '–'
                | '—'
                | '|'
                | '['
                | ']'
                | '"'
                | '\''
                | '“'
                | '”'
                | '‘'
                | '’'
                | '«'
                | '»'
                | '*'
                | '·'
                | '•'
                | '⋅'
                | '∙'
                | '('
                | ')'
        )
}

/// One candidate name, or `None` when the piece is not a name.
fn clean_name(piece: &str, visible: bool) -> Option<String> {
    let mut s = strip_prefixes(piece.trim_matches(is_edge_junk)).trim_matches(is_edge_junk);
    // "Jean-Marc Vidal (LinuxBoards)": a parenthesis that closes one in the name goes back on.
    let closed;
    if s.contains('(') && !s.ends_with(')') && piece.trim_end().ends_with(')') {
        closed = format!("{s})");
        s = &closed;
    }
    if s.is_empty() || s.chars().count() > MAX_NAME_CHARS || !s.chars().any(char::is_alphabetic) {
        return None;
    }
    // A template key left unfilled ("page.head.extra.author", "{{author}}") names no one.
    if s.contains("{{") || (!s.contains(' ') && s.matches('.').count() >= 2 && s.len() > 12) {
        return None;
    }
    let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    if words.len() > MAX_NAME_WORDS {
        return None;
    }
    let lower = words.join(" ");
    if date::is_weekday(&lower) || date::month_number(&lower).is_some() {
        return None;
    }
    if !is_generic(&lower) {
        if words.iter().all(|w| ROLE_WORDS.contains(&w.as_str())) {
            return None;
        }
        if words.iter().any(|w| JUNK_WORDS.contains(&w.as_str())) {
            return None;
        }
    }
    if visible && !looks_like_a_name(s) {
        return None;
    }
    Some(s.to_owned())
}

/// Visible names are written with capitals (or in a script without case): every word starts
/// with one, except name particles ("Ludwig van Beethoven"). "the end of the year" after a
/// sentence-initial "By", or "Get in touch" in an author box, is not a name.
fn looks_like_a_name(s: &str) -> bool {
    let capital = |w: &str| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_none_or(|c| c.is_uppercase() || !c.is_lowercase())
    };
    let mut words = s.split_whitespace();
    words.next().is_some_and(capital) && words.all(|w| capital(w) || PARTICLES.contains(&w))
}

/// Lower-case words inside names.
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "do", "dos", "du", "la", "le", "van", "von", "der", "den",
    "ter", "bin", "al", "el", "y", "e",
];

fn looks_like_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("www.")
        || lower.contains("://")
        || (!lower.contains(' ') && lower.contains('/') && lower.contains('.'))
        || [".com", ".org", ".net", ".html"]
            .iter()
            .any(|t| lower.ends_with(t))
}

/// Class and id words that look like "author" but mark photos, bios, job titles, boxes around
/// more than the name, and comment authors.
const BYLINE_EXCLUDED: &[&str] = &[
    "comment", "avatar", "image", "img", "photo", "pic", "bio", "desc", "about", "social",
    "follow", "twitter", "mail", "more", "thumb", "title", "job", "role", "position", "wrapper",
    "box", "card", "details",
];

/// Whether a class or id word (lower-cased) marks a byline: `byline`, `author`, `writer`, but
/// not author photos, bios, boxes, comment authors or `authorization`.
pub fn is_byline_word(t: &str) -> bool {
    // "autor" (German, Spanish, Portuguese, Polish; Italian "autore") and French "auteur".
    // NOTE: `contains_short`, not `str::contains`: see there (this runs on class words).
    let has = |x: &str| crate::textutil::contains_short(t, x);
    (has("byline") || has("author") || has("writer") || has("autor") || has("auteur"))
        && !BYLINE_EXCLUDED.iter().any(|x| has(x))
        && !has("authori")
}

/// Whether a text node opens a visible byline ("By", "By Jane Doe", "Posted by …").
pub fn opens_byline(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 150 {
        return false;
    }
    if is_byline_label(t) {
        return true;
    }
    let after = |p: &str| {
        t.get(..p.len())
            .filter(|h| h.eq_ignore_ascii_case(p))
            .map(|_| &t[p.len()..])
    };
    // A lower-case "by" opens a byline only before a capital: "by Jane Doe", not "by the way".
    let by_name = after("by ").is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()));
    by_name
        || t.starts_with("By ")
        || t.starts_with("BY ")
        || after("posted by ").is_some()
        || after("written by ").is_some()
}

/// Whether a text is only a byline label ("By", "Written by:", "Author"), with the name in the
/// next element.
pub fn is_byline_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim_end();
    [
        "by",
        "posted by",
        "written by",
        "author",
        "authors",
        "words by",
    ]
    .iter()
    .any(|l| t.eq_ignore_ascii_case(l))
}

#[cfg(test)]
#[path = "byline_tests.rs"]
mod tests;
