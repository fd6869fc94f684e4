//! The facts around the body: the headline the body follows, the byline and dateline between
//! them (or just after the body), photo captions, and the site's name from the footer.

use std::ops::Range;

use super::kind::Kind;
use super::line::Line;
use crate::metadata::date;

/// How far above the body the headline may sit, in lines: past a dek, a byline, a date, a
/// caption and a share bar, but not up into the site's header.
const TITLE_REACH: usize = 10;
/// Headline size in words: a label of one or two words is a section name.
const TITLE_WORDS: Range<usize> = 3..31;
/// How far from the headline (before it) or the body (after it) a byline or date may sit.
const META_REACH: usize = 3;
/// Longest dateline read at the start of the first paragraph ("WASHINGTON, Nov. 14, 2017
/// (Reuters) —"), in bytes.
const DATELINE_BYTES: usize = 80;

/// What was found around the body; indices are line numbers.
#[derive(Debug, Default)]
pub struct Header {
    pub title: Option<usize>,
    pub authors: Vec<String>,
    pub byline: Option<usize>,
    pub date: Option<String>,
    pub date_line: Option<usize>,
    pub captions: Vec<usize>,
}

/// Finds the facts around `body`, a non-empty range of `lines`.
pub fn find(lines: &[Line], kinds: &[Kind], body: &Range<usize>, now: i64) -> Header {
    let mut h = Header {
        title: title(lines, kinds, body.start),
        ..Header::default()
    };
    // The zone between headline and body, then the first lines of the body, then just
    // before the headline, then just after the body: where bylines and dates sit, nearest
    // first.
    let top = h
        .title
        .map_or(body.start.saturating_sub(META_REACH), |t| t + 1);
    let mut zones: Vec<usize> = (top..body.start).collect();
    zones.extend(body.start..(body.start + META_REACH).min(body.end));
    if let Some(t) = h.title {
        zones.extend((t.saturating_sub(META_REACH)..t).rev());
    }
    zones.extend(body.end..(body.end + META_REACH).min(lines.len()));
    for &i in &zones {
        if let Kind::Byline(names) = &kinds[i] {
            h.authors = names.clone();
            h.byline = Some(i);
            break;
        }
    }
    // The byline's own date first: it is the article's by construction.
    let mut date_spots: Vec<usize> = h.byline.into_iter().collect();
    date_spots.extend(zones.iter().copied().filter(|&i| kinds[i] == Kind::Date));
    for i in date_spots {
        if let Some(d) = date::normalize(&lines[i].text, now) {
            h.date = Some(d);
            h.date_line = Some(i);
            break;
        }
    }
    if h.date.is_none() {
        h.date = body
            .clone()
            .find(|&i| kinds[i] == Kind::Prose)
            .and_then(|i| dateline(&lines[i].text, now));
    }
    let from = h.title.unwrap_or(body.start);
    h.captions = (from..body.end)
        .filter(|&i| kinds[i] == Kind::Credit)
        .collect();
    h
}

/// The headline: of the lines above the body that read like one — a few words, not a
/// sentence ending in a full stop, not furniture, a byline, a date or a caption — the one
/// with the most words, less a word and a half for each line between it and the body (a
/// headline is long; the author's role or a section label nearer the body is short).
fn title(lines: &[Line], kinds: &[Kind], body_start: usize) -> Option<usize> {
    let from = body_start.saturating_sub(TITLE_REACH);
    let score = |i: usize| lines[i].words.min(20) as f64 - 1.5 * (body_start - 1 - i) as f64;
    (from..body_start)
        .filter(|&i| is_headline_shaped(&lines[i], &kinds[i]))
        .max_by(|&a, &b| score(a).total_cmp(&score(b)).then(a.cmp(&b)))
}

fn is_headline_shaped(l: &Line, kind: &Kind) -> bool {
    let first_word = l
        .text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    *kind == Kind::Short
        && TITLE_WORDS.contains(&l.words)
        && !l.text.ends_with('.')
        && !looks_like_path(&l.text)
        // "By Ask the Doctors": a lead-in the byline check could not read as names.
        && !matches!(first_word.as_str(), "by" | "von" | "par" | "por" | "door" | "di")
        // Titles start with a letter, digit or quote, capitalised where the script has case.
        && l.text.chars().next().is_some_and(|c| {
            (c.is_alphanumeric() && !c.is_lowercase()) || matches!(c, '"' | '“' | '‘' | '«' | '\'')
        })
}

/// Breadcrumbs and menus run together: "News › World › Europe", "Home | About | Contact".
fn looks_like_path(text: &str) -> bool {
    text.matches(['›', '»', '>', '|', '/', '•', '·']).count() >= 2
}

/// The date of a newswire dateline opening the first paragraph: "CITY, Date (Agency) — text".
fn dateline(text: &str, now: i64) -> Option<String> {
    let mut end = text.len().min(DATELINE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let cut = ["—", "–", " - ", "(", ":"]
        .iter()
        .filter_map(|m| head.find(m))
        .min()?;
    date::normalize(&head[..cut], now)
}

/// The site's name as the page prints it: a line that is a bare domain ("Example.com"), else
/// the holder of a copyright notice ("© 2024 Example News. All rights reserved.").
pub fn sitename(lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .find_map(|l| domain_name(&l.text))
        .or_else(|| lines.iter().rev().find_map(|l| copyright_holder(&l.text)))
}

fn domain_name(text: &str) -> Option<String> {
    let host = text.trim_end_matches('/');
    let host = host
        .strip_prefix("https://")
        .or_else(|| host.strip_prefix("http://"))
        .unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    let labels: Vec<&str> = host.split('.').collect();
    let valid = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels.last().is_some_and(|tld| {
            (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
        });
    if !valid {
        return None;
    }
    // The registrable name: the label before the suffix, skipping second-level suffixes
    // such as `co.uk` and `com.au`.
    let mut name = labels[labels.len() - 2];
    if labels.len() >= 3
        && matches!(
            name.to_ascii_lowercase().as_str(),
            "co" | "com" | "org" | "net" | "ac" | "gov"
        )
    {
        name = labels[labels.len() - 3];
    }
    Some(name.to_owned())
}

fn copyright_holder(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let start = ["©", "(c)", "copyright"]
        .iter()
        .filter_map(|m| lower.find(m).map(|i| i + m.len()))
        .min()?;
    let rest = text.get(start..)?;
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | ',' | '©')
    });
    let end = rest
        .find(['.', '|', ',', '·', '•'])
        .unwrap_or(rest.len())
        .min(rest.to_lowercase().find("all rights").unwrap_or(usize::MAX));
    let name = rest.get(..end)?.trim();
    let words = name.split_whitespace().count();
    ((1..=5).contains(&words) && name.chars().next().is_some_and(char::is_uppercase))
        .then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_and_copyright_lines_name_the_site() {
        assert_eq!(domain_name("Example.com").as_deref(), Some("Example"));
        assert_eq!(
            domain_name("www.daily-news.co.uk").as_deref(),
            Some("daily-news")
        );
        assert_eq!(domain_name("Read this."), None);
        assert_eq!(
            copyright_holder("© 2024 Harbour Gazette. All rights reserved.").as_deref(),
            Some("Harbour Gazette")
        );
        assert_eq!(copyright_holder("No notice here"), None);
    }

    #[test]
    fn newswire_datelines_give_the_date() {
        let now = date::now_secs();
        assert_eq!(
            dateline(
                "OSLO, March 4, 2024 (Nordwire) — The fjord froze early.",
                now
            )
            .as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            dateline("The fjord froze early this year, said everyone.", now),
            None
        );
    }

    #[test]
    fn the_headline_beats_a_short_label_nearer_the_body() {
        let text = "Ten Free Accounting Tools for Small Businesses\nJessica Elliott, Contributor\n\
                    By Ask the Doctors\nThe first tool on the list is a spreadsheet, which most \
                    owners already have and rarely use to its full extent.";
        let lines: Vec<Line> = text.lines().map(Line::new).collect();
        let kinds: Vec<Kind> = lines.iter().map(super::super::kind::kind).collect();
        assert_eq!(title(&lines, &kinds, 3), Some(0));
    }

    #[test]
    fn breadcrumbs_are_paths() {
        assert!(looks_like_path("News › World › Europe"));
        assert!(!looks_like_path("Rain in Spain"));
    }
}
