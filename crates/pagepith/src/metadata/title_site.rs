//! A `<title>`'s site-name part: the part that matches the known site name, or else a short
//! part beside a long one, split off so that the headline is left and the caller may use the
//! site part as the site's name.

use super::fold;
use super::title::SEPARATORS;
use super::title_compare::words;
use crate::textutil::collapse_whitespace;

/// Splits the site name off a `<title>`: the part that matches `sitename`, or else a short part
/// beside a long one. Returns the headline and the site part, if one was removed.
pub fn strip_site(title: &str, sitename: Option<&str>) -> (String, Option<String>) {
    // "| Bolts & Gears Monthly": a template that left the headline out.
    let title = collapse_whitespace(title);
    let title = title
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | '»' | '·' | ':')
        })
        .to_owned();
    if let Some((head, site)) = split_known(&title, sitename) {
        // "Headline | Section | Site": once the site is off, a short trailing section goes too.
        let head = match split_short_suffix(&head, &[" | "]) {
            Some((h, _)) => h,
            None => head,
        };
        return (head, Some(site));
    }
    match split_short_suffix(&title, SEPARATORS).or_else(|| split_short_prefix(&title)) {
        Some((head, site)) => (head, Some(site)),
        None => (title, None),
    }
}

/// The title without the part naming `sitename`, when a part does.
pub(super) fn strip_known_site(title: &str, sitename: Option<&str>) -> Option<String> {
    split_known(&collapse_whitespace(title), sitename).map(|(h, _)| h)
}

fn split_known(title: &str, sitename: Option<&str>) -> Option<(String, String)> {
    let site = fold(sitename?);
    if site.is_empty() {
        return None;
    }
    let matches = |part: &str| {
        let p = fold(part);
        !p.is_empty() && (p == site || p.contains(&site) || (p.len() >= 3 && site.contains(&p)))
    };
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if matches(tail) && !head.trim().is_empty() {
                return Some((head.trim().to_owned(), tail.trim().to_owned()));
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if matches(head) && !tail.trim().is_empty() {
                return Some((tail.trim().to_owned(), head.trim().to_owned()));
            }
        }
    }
    None
}

/// A title is "long" enough to stand alone as a headline.
fn is_long(s: &str) -> bool {
    words(s).len() >= 3 || s.chars().count() >= 20
}

/// "Long headline - Short Site": drops a part of at most four words after a long one.
fn split_short_suffix(title: &str, seps: &[&str]) -> Option<(String, String)> {
    seps.iter().find_map(|sep| {
        let (head, tail) = title.rsplit_once(sep)?;
        let (head, tail) = (head.trim(), tail.trim());
        let tail_words = tail.split_whitespace().count();
        (is_long(head)
            && tail_words <= 4
            && tail_words < head.split_whitespace().count()
            && !tail.is_empty())
        .then(|| (head.to_owned(), tail.to_owned()))
    })
}

/// "Site | Long headline": only with separators that never occur inside headlines, since a
/// dash often does ("Brexit - what happens next").
fn split_short_prefix(title: &str) -> Option<(String, String)> {
    [" | ", " :: ", " » "].iter().find_map(|sep| {
        let (head, tail) = title.split_once(sep)?;
        let (head, tail) = (head.trim(), tail.trim());
        // Two words at most ("BBC News | …"): a longer head is as often the headline
        // ("Wiring - Overview | Bureau of Workplace Safety and Inspection").
        let head_words = head.split_whitespace().count();
        (is_long(tail)
            && (1..=2).contains(&head_words)
            && head_words * 2 <= tail.split_whitespace().count())
        .then(|| (tail.to_owned(), head.to_owned()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_site_suffix_is_stripped_by_name_or_by_length() {
        assert_eq!(
            strip_site("Rain in Spain | Daily News", Some("Daily News")).0,
            "Rain in Spain"
        );
        assert_eq!(
            strip_site("Daily News » Rain in Spain", Some("Daily News")).0,
            "Rain in Spain"
        );
        assert_eq!(
            strip_site("Rain in Spain - World | The Daily News", Some("Daily News")).0,
            "Rain in Spain - World"
        );
        assert_eq!(
            strip_site("Rain in Spain | World | dailynews.com", Some("Daily News")).0,
            "Rain in Spain"
        );
        let (t, site) = strip_site("Rain in Spain stays mainly - Daily News", None);
        assert_eq!(
            (t.as_str(), site.as_deref()),
            ("Rain in Spain stays mainly", Some("Daily News"))
        );
        assert_eq!(
            strip_site("Brexit - what happens next", None).0,
            "Brexit - what happens next"
        );
        assert_eq!(
            strip_site(
                "Wiring - Overview | Bureau of Workplace Safety and Inspection",
                None
            )
            .0,
            "Wiring - Overview | Bureau of Workplace Safety and Inspection"
        );
        assert_eq!(
            strip_site("BBC News | Rain in Spain and Portugal", None).0,
            "Rain in Spain and Portugal"
        );
        assert_eq!(
            strip_site("| Bolts & Gears Monthly", None).0,
            "Bolts & Gears Monthly"
        );
    }
}
