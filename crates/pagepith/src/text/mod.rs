//! Pages that arrive already flattened to text, one block a line: Common Crawl's WET
//! records, scraped corpora, archives, pasted pages (the seed page of this project is one).
//!
//! With the markup gone, what is left is each line's shape. `line` measures it (length, final
//! punctuation, capitals, digits, function words of several languages, furniture phrases of
//! many), `kind` names what a line is on its own (prose, short, furniture, debris, caption,
//! date, byline), `region` finds the run of lines that is the body, and `header` reads the
//! headline, byline, date and captions around it. The result is the same [`Article`] the HTML
//! path gives. Nothing here is tuned to one site's strings: only to the shapes any page has.

mod header;
mod kind;
mod lexicon;
mod line;
mod region;

use std::collections::HashMap;

use crate::article::{Article, Block};
use crate::metadata::date;
use crate::{Config, Error};
use kind::Kind;
use line::Line;

/// How many bytes of the start of a document `looks_like_html` reads: a page's first
/// markup sits well within its first kilobytes.
const SNIFF_BYTES: usize = 4096;
/// Tags in the sniffed start that make a document markup: three rules out text that merely
/// mentions a tag (`use <b> for bold`) or an emoticon (`<3`).
const SNIFF_TAGS: usize = 3;

/// Extracts the article from a page flattened to text, one block a line.
pub fn extract_text(text: &str, config: &Config) -> Result<Article, Error> {
    extract_text_at(text, config, date::now_secs())
}

/// [`extract_text`] with the clock given, so tests do not depend on today.
fn extract_text_at(text: &str, config: &Config, now: i64) -> Result<Article, Error> {
    if text.len() > config.max_input_bytes {
        return Err(Error::limit("max_input_bytes", text.len()));
    }
    let lines: Vec<Line> = text
        .lines()
        .map(Line::new)
        .filter(|l| !l.is_blank())
        .collect();
    let kinds: Vec<Kind> = lines.iter().map(kind::kind).collect();
    let body = region::body(&lines, &kinds);
    let mut article = Article {
        url: config.url().map(str::to_owned),
        sitename: header::sitename(&lines),
        ..Article::default()
    };
    if body.is_empty() {
        return Ok(article);
    }
    let h = header::find(&lines, &kinds, &body, now);
    let title = h.title.map(|i| lines[i].text.clone());
    let mut language_words: HashMap<&'static str, usize> = HashMap::new();
    for i in body.clone() {
        let l = &lines[i];
        let dropped = Some(i) == h.title
            || Some(i) == h.byline
            || Some(i) == h.date_line
            || title.as_deref() == Some(l.text.as_str());
        if dropped || !matches!(kinds[i], Kind::Prose | Kind::Short) {
            continue;
        }
        if let Some(lang) = l.language {
            *language_words.entry(lang).or_default() += l.words;
        }
        article.body.push(block(l, &kinds[i]));
    }
    article.title = title;
    article.authors = h.authors;
    article.date = h.date;
    article.captions = h.captions.iter().map(|&i| lines[i].text.clone()).collect();
    article.language = language_words
        .into_iter()
        .max_by_key(|&(lang, n)| (n, lang))
        .map(|(lang, _)| lang.to_owned());
    if config.quotes() {
        article.quotes = crate::quotes::from_body(&article.body);
    }
    Ok(article)
}

/// A body line as a block: a short line that does not end like a sentence or a lead-in
/// (`:`) is a subheading; the rest are paragraphs.
fn block(line: &Line, kind: &Kind) -> Block {
    let lead_in = line.text.ends_with([':', ',', ';']);
    if *kind == Kind::Short && !line.sentence_end && !lead_in {
        Block::heading(2, line.text.clone())
    } else {
        Block::paragraph(line.text.clone())
    }
}

/// Whether a document is markup rather than text: it opens with a doctype or `<html>`, or
/// its first kilobytes hold several tags.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with("<!doctype") || start.starts_with("<html") || start.starts_with("<?xml") {
        return true;
    }
    let tags = head
        .match_indices('<')
        .filter(|(i, _)| {
            let next = head[i + 1..].chars().next();
            next.is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
                && head[i + 1..].contains('>')
        })
        .count();
    tags >= SNIFF_TAGS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_told_from_text() {
        assert!(looks_like_html(
            b"<!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html(b"\n<div><p>one</p></div>"));
        assert!(!looks_like_html(
            b"Plain text\nwith a line that says I <3 tea.\n"
        ));
        assert!(!looks_like_html("Überschrift\n\nText.".as_bytes()));
    }

    #[test]
    fn oversized_text_is_a_limit_error() {
        let config = Config::default().with_max_input_bytes(4);
        assert!(extract_text("longer than four", &config).is_err());
    }

    #[test]
    fn hostile_lines_neither_panic_nor_crawl() {
        // One huge line, bracket storms, case folding that changes byte lengths, and
        // thousands of lines: bad input must give a result, quickly.
        let mut text = "word, ".repeat(200_000);
        text.push('\n');
        text.push_str(&"[a-b [x_y ".repeat(20_000));
        text.push('\n');
        for _ in 0..5_000 {
            text.push_str("İSTANBUL by İLKER Ä | 1.1.2024\n×\n");
        }
        let start = std::time::Instant::now();
        let a = extract_text(&text, &Config::default()).unwrap();
        assert!(!a.is_empty());
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }

    #[test]
    fn text_without_prose_gives_an_empty_article() {
        let a = extract_text("Home\nAbout\nContact\n", &Config::default()).unwrap();
        assert!(a.is_empty());
        assert_eq!(a.title, None);
    }
}
