//! Who said what: the direct quotations of an article's body and their speakers.
//!
//! Runs only when asked for ([`Config::with_quotes`](crate::Config::with_quotes)), after the
//! body is assembled, on the same paragraphs plain text gives — so HTML and text input read
//! alike. Four steps, one module each:
//!
//! 1. `marks`: quotation spans by their marks (“ ” " " « » „ “ 「 」 『 』, nested singles,
//!    quotations that run over several paragraphs).
//! 2. `tokens`: each paragraph as words, punctuation and one token per quotation, in sentences.
//! 3. `attribute`: the reporting verb or phrase and the speaker phrase, by the patterns of
//!    news copy (“Q,” X said / X said, “Q” / X said that … “Q” / According to X, “Q” …),
//!    reading the word lists of `lexicon` and the phrases of `phrase`.
//! 4. `resolve`: the speaker phrase as an entity — a pronoun is the person last spoken of, a
//!    surname or a role ("the minister") the fuller mention before it.
//!
//! Then what is not a quotation is dropped: a title or name in quotation marks (after "the
//! song", "a film called", "the so-called"; or capitalized like a title with no verb of saying
//! near), and scare quotes (fewer than [`MIN_WORDS`] words with no verb of saying). A quotation
//! with no cue of its own continues the speaker quoted just before it in the same paragraph,
//! or in the paragraph before when it is a paragraph by itself — the convention of news
//! copy. Anything else keeps `speaker: None`: the rules do not guess.
//!
//! English only, for the speakers: other languages' quotations are found and kept with no
//! speaker.

mod attribute;
mod lexicon;
mod marks;
mod phrase;
mod resolve;
mod tokens;

use serde::Serialize;

use crate::article::Block;
use attribute::Attribution;
use marks::Span;
use resolve::Resolution;
use tokens::{Frame, Kind};

/// Quotations shorter than this, in words, with no cue are scare quotes ("the “experts”") or
/// names, not someone's words. Three-word slogans and titles are common; four-word quotations
/// without a verb of saying are mostly sentences someone said.
pub const MIN_WORDS: usize = 4;

/// One direct quotation of the article's body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quoted words, without the marks; a quotation over several paragraphs has them
    /// joined by a blank line, without the opening mark each one repeats.
    pub text: String,
    /// Who said it: the fullest name the article gives ("Sergei Lavrov"), or the first
    /// description of an unnamed speaker ("one official"). `None` when the rules cannot tell.
    pub speaker: Option<String>,
    /// The speaker as written where the quotation is attributed ("Lavrov", "the official",
    /// "she").
    pub speaker_mention: Option<String>,
    /// The reporting verb or phrase, lower case: "said", "told", "described … as",
    /// "responded … by saying", "according to", "in a statement". `None` for a quotation
    /// that continues the speaker of the one before.
    pub cue: Option<String>,
    /// The paragraph it starts in: an index into the body's paragraphs as plain text gives
    /// them ([`Article::text`](crate::Article::text), blocks separated by a blank line).
    pub paragraph: usize,
    /// Where the quoted words start and end (end exclusive), in characters (Unicode scalar
    /// values, as Python counts them), counted from the start of that paragraph in the body
    /// text. For a quotation within one paragraph, `text` is exactly that slice of it; one
    /// that runs on has its end past the paragraph (the paragraph breaks count two
    /// characters each).
    pub start: usize,
    pub end: usize,
}

/// The quotations of a body, paragraphs as [`crate::render::text`] separates them.
pub(crate) fn from_body(body: &[Block]) -> Vec<Quote> {
    let parts = crate::render::text_parts(body);
    // Code and tables keep their index but are not read: quotation marks in them are data.
    let paragraphs: Vec<&str> = parts
        .iter()
        .map(|(text, prose)| if *prose { text.as_str() } else { "" })
        .collect();
    find(&paragraphs)
}

/// The quotations of a text given paragraph by paragraph, with their speakers.
///
/// ```
/// let quotes = pagepith::quotes::find(&[
///     "Health Minister Ana Ruiz visited the ward on Monday.",
///     "“The staff are exhausted,” she said. “They need help now.”",
/// ]);
/// assert_eq!(quotes.len(), 2);
/// assert_eq!(quotes[0].speaker.as_deref(), Some("Ana Ruiz"));
/// assert_eq!(quotes[0].cue.as_deref(), Some("said"));
/// assert_eq!(quotes[1].speaker.as_deref(), Some("Ana Ruiz"));
/// assert_eq!((quotes[1].paragraph, quotes[1].start), (1, 38));
/// ```
pub fn find(paragraphs: &[&str]) -> Vec<Quote> {
    let spans = marks::scan(paragraphs);
    let Some(last) = spans.iter().map(Span::last_paragraph).max() else {
        return Vec::new();
    };
    // Nothing after the last quotation can be its speaker's antecedent.
    let frames: Vec<Frame> = paragraphs[..=last]
        .iter()
        .enumerate()
        .map(|(p, text)| Frame::new(p, text, &spans))
        .collect();
    let attributions = attribute::attribute(&frames, &spans);
    let speakers: Vec<_> = attributions
        .iter()
        .flatten()
        .filter_map(|a| a.speaker.clone())
        .collect();
    let resolution = Resolution::new(&frames, &speakers);
    let kept: Vec<bool> = spans
        .iter()
        .enumerate()
        .map(|(id, span)| is_quotation(span, id, attributions[id].as_ref(), &frames, paragraphs))
        .collect();
    let mut quotes: Vec<(usize, Quote, Option<usize>)> = Vec::new();
    let mut counter = CharCounter::new(paragraphs);
    for (id, span) in spans.iter().enumerate() {
        if !kept[id] {
            continue;
        }
        let a = attributions[id].as_ref();
        let (speaker, mention, entity) = match a.and_then(|a| a.speaker.as_ref()) {
            Some((p, phrase)) => {
                let f = &frames[*p];
                let entity = resolution.entity_at(*p, phrase.head);
                (
                    entity.map(|e| resolution.entities[e].display.clone()),
                    Some(phrase.text(f).to_owned()),
                    entity,
                )
            }
            None => (None, None, None),
        };
        let mut quote = Quote {
            text: span.text(paragraphs),
            speaker,
            speaker_mention: mention,
            cue: a.map(|a| a.cue.clone()),
            paragraph: span.first_paragraph(),
            start: 0,
            end: 0,
        };
        (quote.start, quote.end) = counter.offsets(span);
        if a.is_none() {
            if let Some((_, before, e)) = continued(span, id, &quotes, &spans, &frames, &resolution)
            {
                quote.speaker.clone_from(&before.speaker);
                quote.speaker_mention.clone_from(&before.speaker_mention);
                quotes.push((id, quote, e));
                continue;
            }
        }
        quotes.push((id, quote, entity));
    }
    quotes.into_iter().map(|(_, q, _)| q).collect()
}

/// Whether a span of quoted words is someone's words: not a title or name, not a scare quote.
fn is_quotation(
    span: &Span,
    id: usize,
    attribution: Option<&Attribution>,
    frames: &[Frame],
    paragraphs: &[&str],
) -> bool {
    let text = span.text(paragraphs);
    let words = word_count(&text);
    let f = &frames[span.first_paragraph()];
    let Some(q) = f.quote_token(id) else {
        return false;
    };
    // "the song “Yellow”", "a film called “Rain”", "the so-called “reform”".
    let mut prev = q.checked_sub(1);
    if prev.is_some_and(|p| f.tokens[p].is_punct(',')) {
        prev = prev.and_then(|p| p.checked_sub(1));
    }
    if let Some(p) = prev.filter(|&p| f.tokens[p].is_word()) {
        let w = f.lower(p);
        if lexicon::names_what_follows(w) {
            let always = matches!(
                w,
                "titled"
                    | "entitled"
                    | "called"
                    | "named"
                    | "dubbed"
                    | "nicknamed"
                    | "so-called"
                    | "word"
                    | "words"
                    | "term"
                    | "phrase"
                    | "expression"
            );
            if always || title_case(&text) || words < MIN_WORDS {
                return false;
            }
        }
    }
    if cjk_title(&paragraphs[span.first_paragraph()][..span.open]) {
        return false;
    }
    if attribution.is_some() || cjk_cue(&paragraphs[span.last_paragraph()][span.close..]) {
        return true;
    }
    words >= MIN_WORDS && !title_case(&text)
}

/// The quotation a cue-less one continues, when the convention of news copy says it does:
/// the last attributed quotation before it in the same paragraph with no other speaker
/// named between; or, for a paragraph that is a quotation and nothing else, the last
/// attributed quotation of the paragraph before.
fn continued<'q>(
    span: &Span,
    id: usize,
    quotes: &'q [(usize, Quote, Option<usize>)],
    spans: &[Span],
    frames: &[Frame],
    resolution: &Resolution,
) -> Option<(usize, &'q Quote, Option<usize>)> {
    let p = span.first_paragraph();
    let (prev_id, prev, entity) = quotes.last().map(|(i, q, e)| (*i, q, *e))?;
    prev.speaker.as_ref()?;
    let prev_end = spans[prev_id].last_paragraph();
    let f = &frames[p];
    let q = f.quote_token(id)?;
    let from = if prev_end == p {
        f.quote_token(prev_id)? + 1
    } else if prev_end + 1 == p && alone(f, q) {
        // Nothing may follow the attribution in the paragraph before but its own words.
        let fp = &frames[prev_end];
        let after = fp.quote_token(prev_id)? + 1;
        if others_named(fp, prev_end, after, fp.len(), entity, resolution) {
            return None;
        }
        0
    } else {
        return None;
    };
    if others_named(f, p, from, q, entity, resolution) {
        return None;
    }
    Some((prev_id, prev, entity))
}

/// Whether a paragraph holds nothing but the quotation at token `q` (and punctuation).
fn alone(f: &Frame, q: usize) -> bool {
    f.tokens
        .iter()
        .enumerate()
        .all(|(i, t)| i == q || matches!(t.kind, Kind::Punct(_)))
}

/// Whether tokens `a..b` of paragraph `p` name someone other than `entity`: a person, or a
/// body that speaks ("outside the court" names no one who could be talking).
fn others_named(
    f: &Frame,
    p: usize,
    a: usize,
    b: usize,
    entity: Option<usize>,
    resolution: &Resolution,
) -> bool {
    (a..b.min(f.len())).any(|t| {
        resolution.mention(p, t).is_some_and(|m| {
            m.entity
                .is_some_and(|e| resolution.entities[e].person || m.speaker)
                && m.entity != entity
        })
    })
}

/// Character offsets of byte positions, counted forward from the last position asked: spans
/// come in reading order, so a paragraph of many quotations is counted once, not once each.
struct CharCounter<'a> {
    paragraphs: &'a [&'a str],
    /// Paragraph, byte offset and the characters before it, of the last position counted.
    at: (usize, usize, usize),
}

impl<'a> CharCounter<'a> {
    fn new(paragraphs: &'a [&'a str]) -> CharCounter<'a> {
        CharCounter {
            paragraphs,
            at: (0, 0, 0),
        }
    }

    /// Characters before byte `byte` of paragraph `p`.
    fn chars(&mut self, p: usize, byte: usize) -> usize {
        let (q, b, n) = self.at;
        let n = if q == p && b <= byte {
            n + self.paragraphs[p][b..byte].chars().count()
        } else {
            self.paragraphs[p][..byte].chars().count()
        };
        self.at = (p, byte, n);
        n
    }

    /// `start` and `end` of a span, in characters from the start of its first paragraph, the
    /// paragraphs joined by a blank line.
    fn offsets(&mut self, span: &Span) -> (usize, usize) {
        let (first, r0) = &span.pieces[0];
        let (last, rl) = &span.pieces[span.pieces.len() - 1];
        let start = self.chars(*first, r0.start);
        let before_last: usize = (*first..*last)
            .map(|p| self.paragraphs[p].chars().count() + 2)
            .sum();
        (start, before_last + self.chars(*last, rl.end))
    }
}

/// Words of a text; in scripts written without spaces (Chinese, Japanese), every two letters
/// count as one.
fn word_count(text: &str) -> usize {
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    let spaced = text
        .split(|c: char| c.is_whitespace() || is_cjk(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    spaced + cjk.div_ceil(2)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// Whether every word that a title would capitalize is capitalized ("Gone with the Wind",
/// "Yes We Can"), with at least one such word.
fn title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    capital(first)
        && words
            .iter()
            .skip(1)
            .filter(|w| !lexicon::is_minor_word(&w.to_lowercase()))
            .all(|w| capital(w))
        && words.len() >= 2
        || words.len() == 1 && capital(first) && !text.ends_with(['.', '!', '?', ','])
}

/// Japanese words that put a title in brackets before it: 映画「…」 (film), 曲 (song), 小説
/// (novel), 番組 (programme), アルバム (album), 作品 (work), 本 (book), 題 (title).
fn cjk_title(before: &str) -> bool {
    let before = before.trim_end();
    [
        "映画",
        "曲",
        "歌",
        "小説",
        "番組",
        "アルバム",
        "作品",
        "本",
        "題",
        "ドラマ",
        "書籍",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

/// The Japanese quoting particle and verb after a closing bracket: 「…」と述べた (said), と
/// 語った (told), と話した (said), と説明した (explained), と強調した (stressed).
fn cjk_cue(after: &str) -> bool {
    let after = after.trim_start_matches(['、', ',', ' ']);
    after.starts_with('と')
        && [
            "述べ",
            "語っ",
            "話し",
            "言っ",
            "説明",
            "強調",
            "明らか",
            "発表",
            "指摘",
            "訴え",
            "答え",
        ]
        .iter()
        .any(|v| after['と'.len_utf8()..].starts_with(v))
}

#[cfg(test)]
mod tests;
