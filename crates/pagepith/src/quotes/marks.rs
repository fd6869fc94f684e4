//! Finds quotations by their marks: “ ” and " ", « » and » «, „ “, 「 」 and 『 』, with single
//! marks (‘ ’, ' ', ‚ ‘, ‹ ›) nested inside. Only the outermost quotation is a span; what is
//! quoted inside it stays part of its words.
//!
//! A quotation left open at the end of a paragraph goes on in the next one when that paragraph
//! opens with the same mark again (the convention for a quotation of several paragraphs) or
//! closes it before opening another; otherwise the mark was a stray and is dropped.
//!
//! Straight marks are the same character for opening and closing: one opens after a space or
//! a bracket and before a letter, and closes after a letter. An apostrophe is not a closing
//! single mark: `’` before a letter ("don’t") is always an apostrophe.

use std::ops::Range;

/// Marks open at once, outer and nested; deeper openings are read as plain characters, so a
/// storm of marks costs no more than text.
const MAX_NESTING: usize = 8;

/// Paragraphs one quotation may cover. Past this an opening mark was a stray that happened to
/// meet a pattern, not a speech.
const MAX_PARAGRAPHS: usize = 12;

/// One quotation: its words, paragraph by paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// For each paragraph it covers, in order: the paragraph and the byte range of the quoted
    /// words in it (marks and the white space inside them left out).
    pub pieces: Vec<(usize, Range<usize>)>,
    /// Byte offset of the opening mark in the first paragraph.
    pub open: usize,
    /// Byte offset just past the closing mark in the last paragraph.
    pub close: usize,
    /// The opening mark.
    pub mark: char,
}

impl Span {
    pub fn first_paragraph(&self) -> usize {
        self.pieces[0].0
    }

    pub fn last_paragraph(&self) -> usize {
        self.pieces[self.pieces.len() - 1].0
    }

    /// The quoted words, paragraphs joined by a blank line.
    pub fn text(&self, paragraphs: &[&str]) -> String {
        self.pieces
            .iter()
            .map(|(p, r)| &paragraphs[*p][r.clone()])
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// How a mark nests: quotations open with double marks (and the CJK brackets); single marks
/// only quote inside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Double,
    Single,
}

/// The closing marks of an opening one, and its level.
fn pair(open: char) -> Option<(&'static [char], Level)> {
    Some(match open {
        '“' => (&['”'], Level::Double),
        '„' => (&['“', '”'], Level::Double),
        '«' => (&['»'], Level::Double),
        '»' => (&['«', '»'], Level::Double),
        '「' => (&['」'], Level::Double),
        '『' => (&['』'], Level::Double),
        '"' => (&['"'], Level::Double),
        '‘' => (&['’'], Level::Single),
        '‚' => (&['‘', '’'], Level::Single),
        '‹' => (&['›'], Level::Single),
        '\'' => (&['\''], Level::Single),
        _ => return None,
    })
}

/// A mark that is open: which one, and where.
#[derive(Clone, Copy, Debug)]
struct Open {
    mark: char,
    /// Byte offset of the mark.
    at: usize,
    level: Level,
}

/// A quotation carried from one paragraph into the next.
struct Carried {
    mark: char,
    open: usize,
    pieces: Vec<(usize, Range<usize>)>,
}

/// Every outermost quotation in the paragraphs, in reading order.
pub fn scan(paragraphs: &[&str]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut carried: Option<Carried> = None;
    for (p, text) in paragraphs.iter().enumerate() {
        let mut stack: Vec<Open> = Vec::new();
        // Where the current outer quotation's words start in this paragraph.
        let mut words_from = 0;
        let mut skip_to = 0;
        if let Some(c) = carried.take() {
            match continues(text, c.mark) {
                Some(from) if c.pieces.len() < MAX_PARAGRAPHS => {
                    stack.push(Open {
                        mark: c.mark,
                        at: 0,
                        level: Level::Double,
                    });
                    words_from = from;
                    skip_to = from;
                    carried = Some(c);
                }
                _ => {}
            }
        }
        // Most paragraphs hold no mark at all: one pass over the bytes says so.
        if stack.is_empty() && !text.chars().any(|c| pair(c).is_some()) {
            continue;
        }
        let mut prev: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((at, ch)) = chars.next() {
            let next = chars.peek().map(|&(_, c)| c);
            let before = prev.replace(ch);
            let prev = before;
            if at < skip_to {
                continue;
            }
            if let Some(depth) = closes(&stack, ch, prev, next) {
                let outer = stack[0];
                stack.truncate(depth);
                if depth == 0 {
                    let words = trim(text, words_from..at);
                    let (mut pieces, open, mark) = match carried.take() {
                        Some(c) => (c.pieces, c.open, c.mark),
                        None => (Vec::new(), outer.at, outer.mark),
                    };
                    pieces.push((p, words));
                    if pieces.iter().any(|(_, r)| !r.is_empty()) {
                        spans.push(Span {
                            pieces,
                            open,
                            close: at + ch.len_utf8(),
                            mark,
                        });
                    }
                }
                continue;
            }
            if let Some(level) = opens(&stack, ch, prev, next) {
                if stack.len() == 1 && stack[0].mark == ch && ch != '"' && carried.is_none() {
                    // The same mark again while one is open: the first was a stray (a
                    // quotation never closed); the quotation starts here.
                    stack.clear();
                }
                if stack.is_empty() {
                    words_from = at + ch.len_utf8();
                }
                if stack.len() < MAX_NESTING {
                    stack.push(Open {
                        mark: ch,
                        at,
                        level,
                    });
                }
            }
        }
        // Still open at the end of the paragraph: the outer quotation may go on in the next.
        if let Some(outer) = stack.first() {
            let words = trim(text, words_from..text.len());
            carried = Some(match carried.take() {
                Some(mut c) => {
                    c.pieces.push((p, words));
                    c
                }
                None => Carried {
                    mark: outer.mark,
                    open: outer.at,
                    pieces: vec![(p, words)],
                },
            });
        }
    }
    spans
}

/// Where a quotation carried over from the paragraph before goes on in this one: after the
/// repeated opening mark, or from the start when the paragraph closes it before opening
/// anything. `None`: the quotation does not go on (its opening mark was a stray).
fn continues(text: &str, mark: char) -> Option<usize> {
    let start = text.len() - text.trim_start().len();
    let first = text[start..].chars().next()?;
    if first == mark {
        return Some(start + first.len_utf8());
    }
    let (closers, _) = pair(mark)?;
    for ch in text.chars() {
        if closers.contains(&ch) {
            return Some(0);
        }
        if pair(ch).is_some_and(|(_, level)| level == Level::Double) {
            return None;
        }
    }
    None
}

/// Whether `ch` closes one of the open marks: the depth the stack returns to.
fn closes(stack: &[Open], ch: char, prev: Option<char>, next: Option<char>) -> Option<usize> {
    let top = stack.last()?;
    if top.level == Level::Single {
        let (closers, _) = pair(top.mark)?;
        // A closing single mark is followed by no letter: before one it is an apostrophe.
        if closers.contains(&ch)
            && !next.is_some_and(char::is_alphanumeric)
            && (ch != '\'' || prev.is_some_and(|c| !c.is_whitespace()))
        {
            return Some(stack.len() - 1);
        }
    }
    // A double mark closes the innermost double quotation it belongs to; single marks left
    // open inside it were apostrophes.
    for (depth, open) in stack.iter().enumerate().rev() {
        if open.level != Level::Double {
            continue;
        }
        let (closers, _) = pair(open.mark)?;
        if closers.contains(&ch) {
            if ch == '"' && prev.is_none_or(char::is_whitespace) {
                return None;
            }
            return Some(depth);
        }
    }
    None
}

/// Whether `ch` opens a quotation here, and at which level.
fn opens(stack: &[Open], ch: char, prev: Option<char>, next: Option<char>) -> Option<Level> {
    let (_, level) = pair(ch)?;
    let after_space = prev.is_none_or(|c| c.is_whitespace() || "([{/—–-".contains(c))
        || prev.and_then(pair).is_some();
    let before_text = next.is_some_and(|c| !c.is_whitespace());
    match ch {
        '"' => (after_space && before_text).then_some(level),
        // German and Swedish »…«: opening only before a word.
        '»' => before_text.then_some(level),
        _ if level == Level::Single => {
            let inside = !stack.is_empty();
            let ok = match ch {
                '\'' => after_space && next.is_some_and(char::is_alphanumeric),
                _ => before_text && !prev.is_some_and(char::is_alphanumeric),
            };
            (inside && ok).then_some(level)
        }
        _ => Some(level),
    }
}

/// The range without the white space at either end (no-break spaces inside « » included).
fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - trail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(paragraphs: &[&str]) -> Vec<String> {
        scan(paragraphs)
            .iter()
            .map(|s| s.text(paragraphs))
            .collect()
    }

    /// Guards the mark pairs of English, French, German and Japanese quotations.
    #[test]
    fn curly_straight_and_other_languages_marks() {
        assert_eq!(texts(&["“We won,” she said."]), ["We won,"]);
        assert_eq!(
            texts(&[r#"He said "no" and "never again.""#]),
            ["no", "never again."]
        );
        assert_eq!(
            texts(&["« Nous sommes prêts », a-t-il dit."]),
            ["Nous sommes prêts"]
        );
        assert_eq!(
            texts(&["„Wir schaffen das“, sagte sie. »Ja«"]),
            ["Wir schaffen das", "Ja"]
        );
        assert_eq!(
            texts(&["首相は「『強い日本』を目指す」と述べた。"]),
            ["『強い日本』を目指す"]
        );
    }

    /// Guards nesting: inner quotations and apostrophes neither end nor split the outer one.
    #[test]
    fn nested_single_marks_and_apostrophes_stay_inside() {
        assert_eq!(
            texts(&["“He told me ‘you’re fired,’ and I laughed,” Ann said."]),
            ["He told me ‘you’re fired,’ and I laughed,"]
        );
        assert_eq!(
            texts(&[r#""I don't 'get' it," he said."#]),
            ["I don't 'get' it,"]
        );
        // An apostrophe left open inside does not keep the quotation open.
        assert_eq!(texts(&["“Rock ’n’ roll, ’80s style,” he said."]).len(), 1);
    }

    /// Guards quotations over paragraphs, and strays that must not swallow the text after them.
    #[test]
    fn quotations_span_paragraphs_when_the_mark_repeats() {
        let paragraphs = [
            "She said: “The first part.",
            "“The second part,” she added.",
            "Then “a stray mark and nothing after",
            "A paragraph with “its own quotation.”",
        ];
        let spans = scan(&paragraphs);
        assert_eq!(spans.len(), 2);
        assert_eq!(
            spans[0].text(&paragraphs),
            "The first part.\n\nThe second part,"
        );
        assert_eq!(spans[0].pieces.len(), 2);
        assert_eq!(spans[1].text(&paragraphs), "its own quotation.");
    }

    /// Guards a stray opening mark: the quotation starts at the next one.
    #[test]
    fn a_repeated_opening_mark_restarts_the_quotation() {
        assert_eq!(
            texts(&["A stray “ mark, then “the real words,” he said."]),
            ["the real words,"]
        );
    }

    /// Guards straight marks used as inches and lone closing marks.
    #[test]
    fn inches_and_stray_closers_are_not_quotations() {
        assert!(texts(&[r#"He is 6'2" tall and ” odd."#]).is_empty());
    }

    /// Guards hostile input: a flood of marks is bounded work and finds nothing.
    #[test]
    fn mark_storms_stay_cheap() {
        let storm = "“‘„«「『".repeat(50_000);
        assert!(texts(&[&storm]).is_empty());
    }
}
