//! The headline a reader sees, and the element that shows it.
//!
//! Candidates are the page's `<h1>`s, `og:title`/`twitter:title`, the JSON-LD and microdata
//! headline, Dublin Core's title and `<title>`. The `<h1>` wins when it is similar to one of the
//! others (a logo `<h1>` matches none of them); otherwise the structured titles win, and
//! `<title>` comes last with its site-name part removed. The module also splits that site name
//! off, which the caller may use as the site's name. It does not read the body beyond headings.

use super::fold;
use super::meta::bounded_text;
use super::scan::Heading;
use super::title_clean::{
    host_label, is_headline_text, same_words_better_case, strip_host_suffix, strip_label,
    strip_permalink, without_trailing_note,
};
use super::title_compare::{held_whole, similar};
use super::title_name::pads_name;
use super::title_site::{strip_known_site, strip_site};
use crate::dom::{Document, NodeId};
use crate::textutil::collapse_whitespace;

/// Longest heading text considered a headline; longer `<h1>`s wrap whole teasers.
const MAX_HEADLINE_BYTES: usize = 600;

/// Separators between a headline and a site name in `<title>`, most specific first.
pub(super) const SEPARATORS: &[&str] = &[" | ", " :: ", " » ", " — ", " – ", " - ", " · ", " • "];

/// The title candidates other than headings, whitespace already collapsed.
#[derive(Clone, Debug, Default)]
pub struct Sources<'a> {
    /// `og:title`, else `twitter:title`.
    pub og: Option<&'a str>,
    pub jsonld: Option<&'a str>,
    pub microdata: Option<&'a str>,
    /// `DC.title` and kin.
    pub dc: Option<&'a str>,
    /// `<title>`.
    pub html: Option<&'a str>,
    /// The page's host name, which a logo `<h1>` often spells ("example.org").
    pub host: Option<&'a str>,
    /// Whether the page declares itself an article (JSON-LD type, `og:type`, a publication
    /// date): only then is an `<h1>` unlike every other title still taken as the headline.
    pub article: bool,
}

/// The chosen title and what was learnt choosing it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choice {
    pub title: Option<String>,
    /// The heading whose text is the title.
    pub headline: Option<NodeId>,
    /// Document position of the headline, or of the page's main `<h1>` when the title came
    /// from elsewhere: bylines and datelines are looked for near it.
    pub anchor: Option<u32>,
    /// The site-name part split off `<title>`.
    pub site: Option<String>,
    /// Where the title came from: `h1`, `meta:og:title`, `json-ld:headline`, `title`….
    pub source: &'static str,
}

/// Picks the title. `sitename` is the site's name when the page states it.
pub fn choose(
    doc: &Document,
    headings: &[Heading],
    src: &Sources,
    sitename: Option<&str>,
) -> Choice {
    let mut choice = choose_text(doc, headings, src, sitename);
    choice.title = choice
        .title
        .map(|t| cut_at_pipe(&t))
        .map(|t| cut_at_path(&t))
        .map(|t| cut_at_title_dash(t, src.html))
        .map(without_invisible);
    choice
}

/// Characters that never show: a soft hyphen (shown only where a line breaks inside the
/// word: "Water&shy;proof"), a zero-width space, a word joiner and a stray byte-order mark.
/// A reader sees the title without them. Joiners (U+200C, U+200D) stay: they shape Persian
/// and Indic words and emoji. wcxb-dev: title +1, no loss (the one page with such a char).
const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

/// The title without [`INVISIBLE`] chars; handed back as it came when it has none.
fn without_invisible(title: String) -> String {
    if title.contains(INVISIBLE) {
        title.replace(INVISIBLE, "")
    } else {
        title
    }
}

/// Dashes that join a headline to a subtitle, a section or a site in `<title>`.
const DASHES: [&str; 3] = [" - ", " – ", " — "];

/// The title cut to the first part of a `<title>` written "Headline - Subtitle - Site" (two
/// dashes or more), when the title opens with that part and a dash: the `<title>` sets the
/// part after it apart as its own piece (a subtitle, a forum's or product line's name), so
/// a heading that runs on past the dash ("Beekeeping Starter Tools – Hive Inspection
/// Log") carries that piece too. A first part of one word (a module's or a
/// section's name: "csvkit — Tools for tabular data …") keeps the whole, as at a bar.
/// Measured on wcxb-dev over every page whose title opens so: +5 −1 (the loss a heading's
/// own exclamation, "Trail Shoes Tested – Our Picks!").
fn cut_at_title_dash(title: String, html: Option<&str>) -> String {
    let cut = || {
        let html = html?;
        let dashes: usize = DASHES.iter().map(|d| html.matches(d).count()).sum();
        let first = DASHES.iter().filter_map(|d| html.find(d)).min()?;
        let head = html[..first].trim();
        let rest = title.strip_prefix(head)?;
        (dashes >= 2
            && head.split_whitespace().count() >= 2
            && DASHES.iter().any(|d| rest.starts_with(d)))
        .then(|| head.to_owned())
    };
    // NOTE: the title is handed back as it came when not cut: no copy on most pages.
    let head = cut();
    head.unwrap_or(title)
}

/// The title before its first ` / ` when two or more ` / ` follow it: "Topic / Board / Forum"
/// is a breadcrumb read from the page up to the site (forum engines such as FluxBB write
/// `<title>` so), and its first step is the page's own name. One ` / ` alone is kept: it is as
/// likely a headline's "either / or". wcxb-dev: +2, no loss.
fn cut_at_path(title: &str) -> String {
    let mut steps = title.split(" / ");
    match (steps.next(), steps.count()) {
        (Some(head), n) if n >= 2 && head.split_whitespace().count() >= 2 => head.trim().to_owned(),
        _ => title.to_owned(),
    }
}

/// The title before its first ` | `, when that part has two words or more: a vertical bar sets
/// a tagline, a section or a site apart ("Best Moving Firms in Leeds 2024 | Top 12
/// Companies", "What do readers ask about Zig? | Zig Notes") and is not written inside a
/// headline. A one-word first part is a brand before its tagline ("CalmLine | Professional
/// Counselling …") and keeps the whole. Chosen on wcxb-dev, where among titles we returned with a
/// bar the gold was the first part 18 times and the whole 5 (4 with a first part of two words
/// or more); the other separators (" - ", " – ", ":") split as often as not and are left alone.
fn cut_at_pipe(title: &str) -> String {
    match title.split_once(" | ") {
        Some((head, _)) if head.split_whitespace().count() >= 2 => head.trim().to_owned(),
        _ => title.to_owned(),
    }
}

fn choose_text(
    doc: &Document,
    headings: &[Heading],
    src: &Sources,
    sitename: Option<&str>,
) -> Choice {
    let h1s: Vec<(&Heading, String)> = headings
        .iter()
        .filter(|h| h.level == 1)
        .filter_map(|h| bounded_text(doc, h.spot.node, MAX_HEADLINE_BYTES).map(|t| (h, t)))
        .map(|(h, t)| {
            let t = strip_permalink(&t);
            (h, strip_label(doc, h.spot.node, t).unwrap_or(t).to_owned())
        })
        .filter(|(_, t)| !t.is_empty())
        .collect();
    // The first `<h2>` inside the article, outside furniture.
    let h2s: Vec<String> = headings
        .iter()
        .filter(|h| h.level == 2 && h.spot.ctx.in_article && !h.spot.ctx.furniture)
        .take(1)
        .filter_map(|h| bounded_text(doc, h.spot.node, MAX_HEADLINE_BYTES))
        .map(|t| strip_permalink(&t).to_owned())
        .collect();
    let host_name = src.host.and_then(host_label);
    let (html, site) = match src.html {
        Some(t) => {
            let (title, site) = split_by_heading(t, &h1s, &h2s, sitename)
                .unwrap_or_else(|| strip_site(t, sitename));
            (Some(title), site)
        }
        None => (None, None),
    };
    // og:title often repeats the site suffix too, but is stripped only when the site is known:
    // its parts are otherwise meant ("Brexit - what happens next").
    // The host's name counts as a known site at the end ("… | iFixit" on ifixit.com); at the
    // start it is the brand of a landing page's name ("CalmLine | Professional Counselling").
    let og = src.og.map(|t| {
        strip_known_site(t, sitename)
            .or_else(|| strip_host_suffix(t, host_name))
            .unwrap_or_else(|| t.to_owned())
    });
    let refs: Vec<&str> = [
        og.as_deref(),
        src.jsonld,
        src.microdata,
        src.dc,
        html.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|r| !r.is_empty())
    .collect();

    // A heading that is only the site's name is the logo. The name guessed from `<title>` is
    // less sure, so it rules out only headings outside the article.
    let stated = sitename.map(fold).unwrap_or_default();
    let guessed = site.as_deref().map(fold).unwrap_or_default();
    let h1s: Vec<(&Heading, String)> = h1s
        .into_iter()
        .filter(|(h, t)| {
            let f = fold(t);
            !(f == stated || (f == guessed && !h.spot.ctx.in_article))
        })
        .collect();
    // `<title>` made of og:title and an `<h1>` outside the article ("Lumen Notes Blog: Quiet
    // experiments with tiny vision models") names the site with that `<h1>`: it is the
    // blog's or book's name, not the headline, though `<title>` contains it. Unless og:title is
    // the site's name itself ("Robomow"): then the `<h1>` is the rest. wcxb-dev: +1, no loss.
    let composed = |h: &Heading, t: &str| {
        let (Some(html), Some(og)) = (src.html, src.og) else {
            return false;
        };
        let (fh, fo, ft) = (fold(t), fold(og), fold(html));
        !h.spot.ctx.in_article
            && !fh.is_empty()
            && !fo.is_empty()
            && fh != fo
            && Some(fo.as_str()) != sitename.map(fold).as_deref()
            && (ft == format!("{fh}{fo}") || ft == format!("{fo}{fh}"))
    };
    let h1s: Vec<(&Heading, String)> = h1s.into_iter().filter(|(h, t)| !composed(h, t)).collect();
    let similar_h1s: Vec<&(&Heading, String)> = h1s
        .iter()
        .filter(|(_, t)| refs.iter().any(|r| similar(t, r)))
        .collect();
    // A shown `<h1>` before one in hidden or furniture markup, then one that another title
    // holds whole before one that only opens it (a Q&A page's `<title>` "tag - Question -
    // Site" opens with a tag an answer's `<h1>` repeats), then one in the article.
    // wcxb-dev: title +2, date +1 (the header found by the right `<h1>`), no loss.
    let similar_h1 = match similar_h1s.as_slice() {
        // NOTE: the titles are folded only when there is a choice to make (most pages have
        // one similar `<h1>`): folding every candidate cost 2,700 allocations a scrapinghub pass.
        [] | [_] => similar_h1s.first().copied(),
        _ => {
            let folded: Vec<String> = refs.iter().map(|r| fold(r)).collect();
            similar_h1s.into_iter().min_by_key(|(h, t)| {
                (
                    h.spot.ctx.furniture,
                    !held_whole(&folded, t),
                    !h.spot.ctx.in_article,
                )
            })
        }
    };
    let main_h1 = similar_h1.or_else(|| {
        h1s.iter()
            .filter(|(h, _)| !h.spot.ctx.furniture)
            .min_by_key(|(h, _)| !h.spot.ctx.in_article)
    });

    let mut choice = Choice {
        anchor: main_h1.map(|(h, _)| h.spot.pos),
        site,
        ..Choice::default()
    };
    let h1_title = |t: &str| {
        let t = strip_known_site(t, sitename)
            .or_else(|| strip_host_suffix(t, host_name))
            .unwrap_or_else(|| t.to_owned());
        let t = without_trailing_note(&t, &refs).unwrap_or(t);
        same_words_better_case(&t, &refs).unwrap_or(t)
    };
    if let Some((h, t)) = similar_h1 {
        choice.source = "h1";
        choice.title = Some(h1_title(t));
        choice.headline = Some(h.spot.node);
        return choice;
    }
    // An article's headline is its `<h1>`, even when the SEO titles (og:title, `<title>`) word
    // the story differently. On other pages (services, shops, listings) an unrelated `<h1>` is
    // a slogan ("From first sketch to finished product") and the page's name is its title: on
    // wcxb-dev such `<h1>`s are the gold title on 54 of 94 article pages and 42 of 137 others.
    // Three `<h1>`s or more, none of them like any other title, are the sections of the text
    // ("Day 7", "Day 8", …; a blog engine's post headings), not its headline. Three: two are
    // still a logo and a headline. On wcxb-dev: +3 −1 (the loss a magazine whose teaser cards are
    // `<h1>`s too).
    let sectioning = h1s.iter().filter(|(h, _)| !h.spot.ctx.furniture).count() >= 3;
    let headline_h1 =
        main_h1.filter(|(_, t)| src.article && !sectioning && is_headline_text(t, src.host));
    if let Some((h, t)) = headline_h1 {
        choice.source = "h1";
        choice.title = Some(h1_title(t));
        choice.headline = Some(h.spot.node);
        return choice;
    }
    // A short `<h1>` naming the page that the other titles pad with more words, on any page:
    // see `title_name`. wcxb-dev: title +12 −6 (gains on collection, article, listing,
    // product and service pages; the losses short names, a category, a tag or a place, where
    // the gold is the whole og:title or `<title>`).
    let name_h1 = main_h1.filter(|(h, t)| {
        !sectioning && is_headline_text(t, src.host) && pads_name(doc, h.spot.node, t, &refs)
    });
    if let Some((h, t)) = name_h1 {
        choice.source = "h1";
        choice.title = Some(t.clone());
        choice.headline = Some(h.spot.node);
        return choice;
    }
    let structured = [
        (og.as_deref(), "meta:og:title"),
        (src.jsonld, "json-ld:headline"),
        (src.microdata, "microdata:headline"),
        (src.dc, "meta:dc.title"),
    ]
    .into_iter()
    .find_map(|(t, source)| t.filter(|t| !t.is_empty()).map(|t| (t.to_owned(), source)));
    let fallback = match main_h1 {
        // An `<h1>` inside the article beats an unrelated `<title>` ("Home - Daily News").
        Some((_, t)) if main_h1.is_some_and(|(h, _)| h.spot.ctx.in_article) || html.is_none() => {
            Some((t.clone(), "h1"))
        }
        _ => html.clone().filter(|t| !t.is_empty()).map(|t| (t, "title")),
    };
    if let Some((title, source)) = structured.or(fallback) {
        choice.title = Some(title);
        choice.source = source;
    }
    if let Some(title) = &choice.title {
        let want = fold(title);
        let found = headings.iter().filter(|h| !h.spot.ctx.furniture).find(|h| {
            bounded_text(doc, h.spot.node, MAX_HEADLINE_BYTES).is_some_and(|t| fold(&t) == want)
        });
        if let Some(h) = found {
            choice.headline = Some(h.spot.node);
            choice.anchor = Some(h.spot.pos);
        }
    }
    choice
}

/// When one side of a separator in `<title>` is the text of an `<h1>` and the other side is not,
/// the first is the headline and the second the site's name (or "Section | Site"): a sure
/// split, so it comes before the guesses of [`strip_site`].
fn split_by_heading(
    title: &str,
    h1s: &[(&Heading, String)],
    h2s: &[String],
    sitename: Option<&str>,
) -> Option<(String, Option<String>)> {
    let title = collapse_whitespace(title);
    let site = sitename.map(fold);
    let heads: Vec<String> = h1s
        .iter()
        .filter(|(h, _)| !h.spot.ctx.furniture)
        .map(|(_, t)| fold(t))
        .filter(|f| !f.is_empty() && site.as_ref() != Some(f))
        .collect();
    if heads.is_empty() {
        return None;
    }
    let is_head = |p: &str| heads.contains(&fold(p));
    // The part an `<h2>` inside the article shows, when the other part is only an `<h1>`
    // outside it: the `<h1>` is a book's or site's name in the page header (documentation
    // generators and forum engines set the page's own heading as an `<h2>` in `<main>`).
    // wcxb-dev: +5, no loss.
    let in_article: Vec<String> = h2s.iter().map(|t| fold(t)).collect();
    let outside: Vec<String> = h1s
        .iter()
        .filter(|(h, _)| !h.spot.ctx.in_article)
        .map(|(_, t)| fold(t))
        .collect();
    if !in_article.is_empty() && h1s.iter().all(|(h, _)| !h.spot.ctx.in_article) {
        for sep in SEPARATORS {
            if let Some((a, b)) = title.split_once(sep) {
                let (fa, fb) = (fold(a), fold(b));
                if in_article.contains(&fa) && outside.contains(&fb) {
                    return Some((a.trim().to_owned(), Some(b.trim().to_owned())));
                }
                if in_article.contains(&fb) && outside.contains(&fa) {
                    return Some((b.trim().to_owned(), Some(a.trim().to_owned())));
                }
            }
        }
    }
    for sep in SEPARATORS {
        if let Some((a, b)) = title.rsplit_once(sep) {
            if is_head(a) && !is_head(b) {
                return Some((a.trim().to_owned(), Some(b.trim().to_owned())));
            }
        }
        if let Some((a, b)) = title.split_once(sep) {
            match (is_head(a), is_head(b)) {
                // "Headline | Section | Site": the site is the last part.
                (true, false) => {
                    let site = b.rsplit(sep).next().unwrap_or(b);
                    return Some((a.trim().to_owned(), Some(site.trim().to_owned())));
                }
                (false, true) => return Some((b.trim().to_owned(), Some(a.trim().to_owned()))),
                _ => {}
            }
        }
    }
    None
}

#[cfg(test)]
#[path = "title_tests.rs"]
mod tests;
