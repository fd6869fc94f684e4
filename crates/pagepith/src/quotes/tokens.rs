//! A paragraph as the attribution rules read it: words and punctuation outside the quotations,
//! each quotation one token, cut into sentences. What is inside a quotation is the speaker's,
//! not the writer's: its names are no antecedents and its full stops end no sentence.

use std::collections::HashMap;

use super::lexicon;
use super::marks::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// A quotation (the index of its span), or the part of one that lies in this paragraph.
    Quote {
        id: usize,
        /// Its opening mark is in this paragraph.
        opens: bool,
        /// Its closing mark is in this paragraph.
        closes: bool,
        /// Its words here end like a sentence (`.`, `!`, `?`, `…`).
        terminal: bool,
    },
}

#[derive(Clone, Debug)]
pub struct Token {
    pub kind: Kind,
    /// Byte range in the paragraph.
    pub start: usize,
    pub end: usize,
    /// Lower case (words only; empty otherwise).
    pub lower: String,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote { id, .. } => Some(id),
            _ => None,
        }
    }
}

/// One paragraph, tokenized.
pub struct Frame<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// First token of each sentence, ascending; the first is 0.
    pub sentences: Vec<usize>,
    /// The token of each quotation in this paragraph, by the quotation's index.
    quotes: HashMap<usize, usize>,
}

impl<'a> Frame<'a> {
    /// The paragraph `p` with the pieces of `spans` that lie in it as single tokens.
    // NOTE: spans come in reading order and do not overlap, so those touching paragraph `p`
    // are one run of them, found by bisection.
    pub fn new(p: usize, text: &'a str, spans: &[Span]) -> Frame<'a> {
        let mut regions: Vec<(usize, usize, Kind)> = Vec::new();
        let from = spans.partition_point(|s| s.last_paragraph() < p);
        for (id, span) in spans.iter().enumerate().skip(from) {
            let (first, last) = (span.first_paragraph(), span.last_paragraph());
            if first > p {
                break;
            }
            let Some((_, words)) = span.pieces.iter().find(|(q, _)| *q == p) else {
                continue;
            };
            let start = if p == first { span.open } else { 0 };
            let end = if p == last { span.close } else { text.len() };
            let terminal = text[words.clone()]
                .trim_end_matches(['’', '\'', '”', '"', ')'])
                .ends_with(['.', '!', '?', '…']);
            regions.push((
                start,
                end,
                Kind::Quote {
                    id,
                    opens: p == first,
                    closes: p == last,
                    terminal,
                },
            ));
        }
        let mut tokens = Vec::new();
        let mut at = 0;
        for (start, end, kind) in regions {
            if start < at {
                continue;
            }
            words(text, at, start, &mut tokens);
            tokens.push(Token {
                kind,
                start,
                end,
                lower: String::new(),
            });
            at = end;
        }
        words(text, at, text.len(), &mut tokens);
        let sentences = sentences(&tokens, text);
        let quotes = tokens
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.quote().map(|id| (id, i)))
            .collect();
        Frame {
            text,
            tokens,
            sentences,
            quotes,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token's text as written.
    pub fn text_of(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].start..self.tokens[i].end]
    }

    /// The token's lower-case text ("" for punctuation and quotations).
    pub fn lower(&self, i: usize) -> &str {
        &self.tokens[i].lower
    }

    /// Whether token `i` is a word beginning with a capital letter.
    pub fn capitalized(&self, i: usize) -> bool {
        self.tokens[i].is_word()
            && self
                .text_of(i)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// The text from token `a` to token `b` (exclusive), as written.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        if a >= b {
            return "";
        }
        &self.text[self.tokens[a].start..self.tokens[b - 1].end]
    }

    /// The sentence holding token `i`: its first token and the first token after it.
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        let k = self.sentences.partition_point(|&s| s <= i).max(1) - 1;
        let end = self
            .sentences
            .get(k + 1)
            .copied()
            .unwrap_or(self.tokens.len());
        (self.sentences[k], end)
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_index(&self, i: usize) -> usize {
        self.sentences.partition_point(|&s| s <= i).max(1) - 1
    }

    /// The token of quotation `id` in this paragraph.
    pub fn quote_token(&self, id: usize) -> Option<usize> {
        self.quotes.get(&id).copied()
    }
}

/// Words and punctuation of `text[from..to]`, appended to `out`.
fn words(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let s = &text[from..to];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                kind: Kind::Punct(c),
                start: from + at,
                end: from + at + c.len_utf8(),
                lower: String::new(),
            });
            k += 1;
            continue;
        }
        // A word: letters and digits, joined by an apostrophe, hyphen, dot or ampersand when
        // a letter follows ("don’t", "U.S", "AT&T").
        let mut j = k + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let joins =
                "'’-.&".contains(c) && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
            if c.is_alphanumeric() || joins {
                j += 1;
            } else {
                break;
            }
        }
        // A possessive's trailing apostrophe ("the Smiths’ house").
        if j < chars.len() && "'’".contains(chars[j].1) && chars[j - 1].1 == 's' {
            let after = chars.get(j + 1).map(|n| n.1);
            if after.is_none_or(|c| !c.is_alphanumeric()) {
                j += 1;
            }
        }
        let mut end = if j < chars.len() { chars[j].0 } else { s.len() };
        // The dot of an abbreviation or an initial belongs to the word.
        if j < chars.len() && chars[j].1 == '.' {
            let word = &s[at..end];
            let initial = word.chars().count() == 1 && c.is_uppercase();
            if initial || word.contains('.') || lexicon::is_abbreviation(&word.to_lowercase()) {
                end += 1;
            }
        }
        let word = &s[at..end];
        out.push(Token {
            kind: Kind::Word,
            start: from + at,
            end: from + end,
            lower: word.to_lowercase(),
        });
        while k < chars.len() && chars[k].0 < end {
            k += 1;
        }
    }
}

/// The first token of each sentence. A sentence ends at `.`, `!`, `?` or `…`, or at a
/// quotation whose words end so, when what follows opens a sentence (a capital, a digit,
/// another quotation, or nothing). "“We won!” she said" is one sentence.
fn sentences(tokens: &[Token], text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    for i in 0..tokens.len() {
        let ends = match tokens[i].kind {
            Kind::Punct(c) => matches!(c, '.' | '!' | '?' | '…'),
            Kind::Quote {
                closes, terminal, ..
            } => closes && terminal,
            Kind::Word => false,
        };
        if !ends {
            continue;
        }
        // Closing brackets and further marks stay with the sentence they end.
        let mut j = i + 1;
        while j < tokens.len()
            && matches!(tokens[j].kind, Kind::Punct(c) if matches!(c, ')' | ']' | '.' | '!' | '?' | '…'))
        {
            j += 1;
        }
        let opens = match tokens.get(j) {
            None => false,
            Some(t) => match t.kind {
                Kind::Quote { .. } => true,
                Kind::Word => text[t.start..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
                Kind::Punct(c) => matches!(c, '(' | '[' | '‘' | '\''),
            },
        };
        if opens && starts.last() != Some(&j) {
            starts.push(j);
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks;

    fn frame(text: &str) -> (Vec<String>, Vec<usize>) {
        let spans = marks::scan(&[text]);
        let f = Frame::new(0, text, &spans);
        let toks = (0..f.len())
            .map(|i| match f.tokens[i].kind {
                Kind::Quote { .. } => "Q".to_owned(),
                _ => f.text_of(i).to_owned(),
            })
            .collect();
        (toks, f.sentences)
    }

    /// Guards the frame: one token per quotation, abbreviations kept, sentences cut after quotations.
    #[test]
    fn quotations_are_single_tokens_and_sentences_follow_them() {
        let (toks, sents) = frame(
            "“We won. It was hard,” Mr. Ortiz said. “Next year too.” Then U.S. officials left.",
        );
        assert_eq!(
            toks,
            [
                "Q",
                "Mr.",
                "Ortiz",
                "said",
                ".",
                "Q",
                "Then",
                "U.S.",
                "officials",
                "left",
                "."
            ]
        );
        assert_eq!(sents, [0, 5, 6]);
    }

    /// Guards words: possessives and contractions are not split at their apostrophe.
    #[test]
    fn possessives_and_contractions_are_one_word() {
        let (toks, _) = frame("Netanyahu’s warning and the Smiths’ house don't move.");
        assert_eq!(
            toks,
            [
                "Netanyahu’s",
                "warning",
                "and",
                "the",
                "Smiths’",
                "house",
                "don't",
                "move",
                "."
            ]
        );
    }
}
