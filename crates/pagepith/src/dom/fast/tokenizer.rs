//! An HTML tokenizer over a whole page held as `&str`, following the WHATWG tokenizer states
//! that change what a page says: tags and attributes (quoted, unquoted, duplicated), character
//! references, comments (`--!>`, `<!-->`), doctypes, CDATA in foreign content, and the text
//! states a start tag switches to (RCDATA, RAWTEXT, script data with its escapes, PLAINTEXT).
//!
//! It does not report parse errors and does not stream: the page is in memory, so text and
//! names are borrowed slices of it unless a reference, a capital letter or a CR forces a copy.
//! The tree builder drives it through [`TokenSink`], choosing the text state after each start
//! tag as the spec's tree construction does.

use std::borrow::Cow;

use memchr::memmem;

use super::charref;

/// An attribute of a start tag, its name lower-cased and its value decoded.
pub(super) struct Attr<'a> {
    pub name: Cow<'a, str>,
    pub value: Cow<'a, str>,
}

/// A doctype's parts, enough to choose the quirks mode.
pub(super) struct Doctype<'a> {
    pub name: Cow<'a, str>,
    pub public_id: Option<&'a str>,
    pub system_id: Option<&'a str>,
    /// The spec's force-quirks flag: set by a malformed doctype (no name, no closing `>`, an
    /// identifier without quotes or cut off by `>`, junk after the name or the public id).
    pub force_quirks: bool,
}

pub(super) enum Token<'t, 'a> {
    Start {
        name: &'t str,
        attrs: &'t [Attr<'a>],
        self_closing: bool,
    },
    End {
        name: &'t str,
    },
    /// A run of text, references decoded, newlines normalised to `\n`.
    Text(&'t str),
    Comment,
    Doctype(Doctype<'a>),
}

/// How the text after a start tag is read, as the tree builder decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TextState {
    Data,
    /// `title`, `textarea`: references decoded, no tags.
    RcData,
    /// `style`, `xmp`, `iframe`, `noembed`, `noframes`: no references, no tags.
    RawText,
    /// `script`: raw text with the `<!--` … `<script>` escapes.
    ScriptData,
    /// `plaintext`: the rest of the page is text.
    PlainText,
}

/// What the tree builder tells the tokenizer after each token.
pub(super) enum Flow {
    Continue,
    /// Read the text after this start tag in another state.
    Switch(TextState),
    /// A limit was reached: stop reading.
    Stop,
}

pub(super) trait TokenSink {
    fn token(&mut self, token: Token<'_, '_>) -> Flow;
    /// Whether the current node is foreign (SVG, MathML), where `<![CDATA[` opens text.
    fn cdata_allowed(&self) -> bool;
}

pub(super) struct Tokenizer<'a> {
    input: &'a str,
    pos: usize,
    attrs: Vec<Attr<'a>>,
    /// The start tag whose text is read in a text state: its end tag ends that text.
    text_owner: String,
    /// Whether the page holds a CR or NUL anywhere; most do not, and then no text needs
    /// newline normalisation (one scan of the page instead of one per text and value).
    needs_normalizing: bool,
}

const fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// The bytes that end an attribute name after its first: white space, `/`, `>` and `=`.
static ENDS_ATTRIBUTE_NAME: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = is_space(c as u8) || matches!(c as u8, b'/' | b'>' | b'=');
        c += 1;
    }
    t
};

/// Lower-cases ASCII letters, borrowing when there are none to change.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Newlines as the input stream preprocessor leaves them (`\r\n` and `\r` become `\n`), and NUL
/// removed (data text) or replaced by U+FFFD (everywhere else).
fn normalize(text: Cow<'_, str>, drop_nul: bool) -> Cow<'_, str> {
    if memchr::memchr2(b'\r', b'\0', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\0' if drop_nul => {}
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Decodes character references after newline normalisation, so that `&#13;` stays a CR.
fn decode_refs(text: Cow<'_, str>, in_attribute: bool) -> Cow<'_, str> {
    if memchr::memchr(b'&', text.as_bytes()).is_none() {
        return text;
    }
    Cow::Owned(charref::decode(&text, in_attribute).into_owned())
}

/// Whether `input[at..]` starts with `word` in any letter case.
fn starts_with_ci(input: &[u8], at: usize, word: &[u8]) -> bool {
    input
        .get(at..at + word.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(word))
}

impl<'a> Tokenizer<'a> {
    pub(super) fn new(input: &'a str) -> Tokenizer<'a> {
        // A leading BOM is not content (the decoder strips it from bytes, not from `&str` input).
        let pos = if input.starts_with('\u{FEFF}') { 3 } else { 0 };
        Tokenizer {
            input,
            pos,
            attrs: Vec::new(),
            text_owner: String::new(),
            needs_normalizing: memchr::memchr2(b'\r', b'\0', input.as_bytes()).is_some(),
        }
    }

    /// Reads the whole input, handing each token to `sink`.
    pub(super) fn run(&mut self, sink: &mut impl TokenSink) {
        let bytes = self.input.as_bytes();
        let mut text_start = self.pos;
        let mut search = self.pos;
        // Whether the text since `text_start` holds a `&`: the scan for `<` notes it, so that
        // text without references is not searched a second time (most text has none).
        let mut refs = false;
        loop {
            let Some(off) = memchr::memchr2(b'<', b'&', &bytes[search..]) else {
                self.emit_text(sink, text_start, bytes.len(), TextState::Data, refs);
                return;
            };
            let lt = search + off;
            if bytes[lt] == b'&' {
                refs = true;
                search = lt + 1;
                continue;
            }
            let next = bytes.get(lt + 1).copied();
            let markup = match next {
                Some(c) if c.is_ascii_alphabetic() => true,
                Some(b'/' | b'!' | b'?') => true,
                _ => false,
            };
            if !markup {
                search = lt + 1;
                continue;
            }
            if !self.emit_text(sink, text_start, lt, TextState::Data, refs) {
                return;
            }
            let flow = match next {
                Some(b'!') => self.markup_declaration(sink, lt),
                Some(b'?') => self.bogus_comment(sink, lt + 1),
                Some(b'/') => self.end_tag(sink, lt),
                _ => self.start_tag(sink, lt),
            };
            match flow {
                Flow::Continue => {}
                Flow::Stop => return,
                Flow::Switch(state) => {
                    if !self.text_element(sink, state) {
                        return;
                    }
                }
            }
            if self.pos >= bytes.len() {
                return;
            }
            text_start = self.pos;
            search = self.pos;
            refs = false;
        }
    }

    /// Emits `input[from..to]` as text; false when the sink asked to stop. `refs` false says
    /// the text holds no `&`, so no reference needs decoding.
    fn emit_text(
        &mut self,
        sink: &mut impl TokenSink,
        from: usize,
        to: usize,
        state: TextState,
        refs: bool,
    ) -> bool {
        if from >= to {
            return true;
        }
        let raw = Cow::Borrowed(&self.input[from..to]);
        let raw = if self.needs_normalizing {
            normalize(raw, state == TextState::Data)
        } else {
            raw
        };
        let text = match state {
            TextState::Data | TextState::RcData if refs => decode_refs(raw, false),
            _ => raw,
        };
        if text.is_empty() {
            return true;
        }
        !matches!(sink.token(Token::Text(&text)), Flow::Stop)
    }

    /// The content of `script`, `style`, `title`… up to its end tag, which is then read as a tag.
    fn text_element(&mut self, sink: &mut impl TokenSink, state: TextState) -> bool {
        let bytes = self.input.as_bytes();
        let start = self.pos;
        if state == TextState::Data {
            return true;
        }
        if state == TextState::PlainText {
            self.pos = bytes.len();
            return self.emit_text(sink, start, bytes.len(), state, true);
        }
        let end = match state {
            TextState::ScriptData => self.script_end(start),
            _ => self.appropriate_end(start, self.text_owner.as_bytes()),
        };
        match end {
            Some(lt) => {
                if !self.emit_text(sink, start, lt, state, true) {
                    return false;
                }
                !matches!(self.end_tag(sink, lt), Flow::Stop)
            }
            None => {
                self.pos = bytes.len();
                self.emit_text(sink, start, bytes.len(), state, true)
            }
        }
    }

    /// Whether `input[lt..]` is `</name` followed by a character that ends a tag name.
    fn is_end_of(&self, lt: usize, name: &[u8]) -> bool {
        let b = self.input.as_bytes();
        b.get(lt + 1) == Some(&b'/')
            && starts_with_ci(b, lt + 2, name)
            && b.get(lt + 2 + name.len())
                .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
    }

    /// The `<` of the first `</name` end tag at or after `from`.
    fn appropriate_end(&self, from: usize, name: &[u8]) -> Option<usize> {
        let b = self.input.as_bytes();
        let mut at = from;
        while let Some(off) = memmem::find(&b[at..], b"</") {
            let lt = at + off;
            if self.is_end_of(lt, name) {
                return Some(lt);
            }
            at = lt + 2;
        }
        None
    }

    /// The `<` of the `</script` that ends script data, stepping over the escaped
    /// (`<!--` … `-->`) and double-escaped (`<!-- <script>` … `</script>`) sections.
    fn script_end(&self, from: usize) -> Option<usize> {
        #[derive(PartialEq)]
        enum S {
            Plain,
            Escaped,
            DoubleEscaped,
        }
        let b = self.input.as_bytes();
        let mut s = S::Plain;
        let mut i = from;
        while i < b.len() {
            // Dashes matter only inside an escaped section (its `-->`); most scripts have none,
            // and stopping at every `-` of their code was 84,000 searches a scrapinghub pass.
            let off = if s == S::Plain {
                memchr::memchr(b'<', &b[i..])?
            } else {
                memchr::memchr2(b'<', b'-', &b[i..])?
            };
            i += off;
            if b[i] == b'-' {
                if s != S::Plain && b[i..].starts_with(b"-->") {
                    s = S::Plain;
                    i += 3;
                } else {
                    i += 1;
                }
                continue;
            }
            match s {
                S::Plain => {
                    if self.is_end_of(i, b"script") {
                        return Some(i);
                    }
                    if b[i..].starts_with(b"<!--") {
                        s = S::Escaped;
                        // The dashes of `<!--` may also close it (`<!-->`).
                        i += 2;
                        continue;
                    }
                }
                S::Escaped => {
                    if self.is_end_of(i, b"script") {
                        return Some(i);
                    }
                    if starts_with_ci(b, i + 1, b"script")
                        && b.get(i + 7)
                            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
                    {
                        s = S::DoubleEscaped;
                        i += 7;
                        continue;
                    }
                }
                S::DoubleEscaped => {
                    if self.is_end_of(i, b"script") {
                        s = S::Escaped;
                        i += 8;
                        continue;
                    }
                }
            }
            i += 1;
        }
        None
    }

    /// `<!--`, `<!DOCTYPE`, `<![CDATA[`, or a bogus comment.
    fn markup_declaration(&mut self, sink: &mut impl TokenSink, lt: usize) -> Flow {
        let b = self.input.as_bytes();
        if b[lt..].starts_with(b"<!--") {
            let body = lt + 4;
            let end = if b[body..].starts_with(b">") {
                body + 1
            } else if b[body..].starts_with(b"->") {
                body + 2
            } else {
                let mut at = body;
                loop {
                    match memmem::find(&b[at..], b"--") {
                        None => break b.len(),
                        Some(off) => {
                            let d = at + off;
                            if b[d + 2..].starts_with(b">") {
                                break d + 3;
                            }
                            if b[d + 2..].starts_with(b"!>") {
                                break d + 4;
                            }
                            at = d + 1;
                        }
                    }
                }
            };
            self.pos = end;
            return sink.token(Token::Comment);
        }
        if starts_with_ci(b, lt + 2, b"doctype") {
            return self.doctype(sink, lt + 9);
        }
        if b[lt..].starts_with(b"<![CDATA[") && sink.cdata_allowed() {
            let start = lt + 9;
            let end = memmem::find(&b[start..], b"]]>").map_or(b.len(), |o| start + o);
            self.pos = (end + 3).min(b.len());
            let text = normalize(Cow::Borrowed(&self.input[start..end]), false);
            if text.is_empty() {
                return Flow::Continue;
            }
            return sink.token(Token::Text(&text));
        }
        self.bogus_comment(sink, lt + 2)
    }

    fn bogus_comment(&mut self, sink: &mut impl TokenSink, from: usize) -> Flow {
        let b = self.input.as_bytes();
        self.pos = memchr::memchr(b'>', &b[from..]).map_or(b.len(), |o| from + o + 1);
        sink.token(Token::Comment)
    }

    fn doctype(&mut self, sink: &mut impl TokenSink, from: usize) -> Flow {
        let b = self.input.as_bytes();
        let found_end = memchr::memchr(b'>', &b[from..]).map(|o| from + o);
        let end = found_end.unwrap_or(b.len());
        self.pos = (end + 1).min(b.len());
        let inner = &self.input[from..end];
        let inner = inner.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let name_end = inner
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(inner.len());
        let name = lower(&inner[..name_end]);
        let rest = inner[name_end..].trim_start_matches(|c: char| c.is_ascii_whitespace());
        let mut force_quirks = found_end.is_none() || name.is_empty();
        let (public_id, system_id) = if starts_with_ci(rest.as_bytes(), 0, b"public") {
            let (p, after) = quoted(&rest[6..]);
            let after = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
            // After the public id only a system id (quoted) or the end may follow.
            let (s, _) = quoted(after);
            force_quirks |= p.is_none_or(|q| !q.closed)
                || (!after.is_empty() && s.is_none())
                || s.is_some_and(|q| !q.closed);
            (p.map(|q| q.text), s.map(|q| q.text))
        } else if starts_with_ci(rest.as_bytes(), 0, b"system") {
            let (s, _) = quoted(&rest[6..]);
            force_quirks |= s.is_none_or(|q| !q.closed);
            (None, s.map(|q| q.text))
        } else {
            force_quirks |= !rest.is_empty();
            (None, None)
        };
        sink.token(Token::Doctype(Doctype {
            name,
            public_id,
            system_id,
            force_quirks,
        }))
    }

    fn start_tag(&mut self, sink: &mut impl TokenSink, lt: usize) -> Flow {
        let b = self.input.as_bytes();
        let name_start = lt + 1;
        let mut i = name_start;
        while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let name = lower(&self.input[name_start..i]);
        self.attrs.clear();
        let Some((end, self_closing)) = self.attributes(i, true) else {
            // A tag cut off by the end of the page is dropped, as the spec's EOF-in-tag states do.
            self.pos = b.len();
            return Flow::Continue;
        };
        self.pos = end;
        let attrs = std::mem::take(&mut self.attrs);
        let flow = sink.token(Token::Start {
            name: &name,
            attrs: &attrs,
            self_closing,
        });
        self.attrs = attrs;
        if let Flow::Switch(_) = flow {
            self.text_owner.clear();
            self.text_owner.push_str(&name);
        }
        flow
    }

    fn end_tag(&mut self, sink: &mut impl TokenSink, lt: usize) -> Flow {
        let b = self.input.as_bytes();
        let name_start = lt + 2;
        match b.get(name_start) {
            Some(c) if c.is_ascii_alphabetic() => {}
            Some(b'>') => {
                self.pos = name_start + 1;
                return Flow::Continue;
            }
            None => {
                // `</` ending the input is text, as the spec's end-tag-open state at EOF has
                // it (found by the `parsers` fuzz target: html5ever kept it, this path did not).
                self.pos = b.len();
                return if self.emit_text(sink, lt, b.len(), TextState::Data, true) {
                    Flow::Continue
                } else {
                    Flow::Stop
                };
            }
            Some(_) => return self.bogus_comment(sink, name_start),
        }
        let mut i = name_start;
        while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let name = lower(&self.input[name_start..i]);
        let Some((end, _)) = self.attributes(i, false) else {
            self.pos = b.len();
            return Flow::Continue;
        };
        self.pos = end;
        sink.token(Token::End { name: &name })
    }

    /// An attribute value, normalised and, when it holds a `&` (`refs`), decoded.
    // NOTE: inlined: its call was most of its 5.7 M instructions a scrapinghub pass (220,000
    // values, nearly all without a reference; callgrind).
    #[inline]
    fn value(&self, raw: &'a str, refs: bool) -> Cow<'a, str> {
        let raw = Cow::Borrowed(raw);
        let raw = if self.needs_normalizing {
            normalize(raw, false)
        } else {
            raw
        };
        if refs {
            decode_refs(raw, true)
        } else {
            raw
        }
    }

    /// Reads attributes from `i` to the tag's `>`: the position after it and whether the tag
    /// closed with `/>`; `None` when the page ends inside the tag. Attributes are kept in
    /// `self.attrs` only when `keep` (end tags' attributes are read and dropped).
    fn attributes(&mut self, mut i: usize, keep: bool) -> Option<(usize, bool)> {
        let input = self.input;
        let b = input.as_bytes();
        loop {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match b.get(i)? {
                b'>' => return Some((i + 1, false)),
                b'/' => {
                    if b.get(i + 1) == Some(&b'>') {
                        return Some((i + 2, true));
                    }
                    i += 1;
                    continue;
                }
                _ => {}
            }
            // An attribute name: a leading `=` belongs to it.
            let name_start = i;
            // NOTE: one table lookup per byte, and capitals noted on the way, so that the name
            // is not read again to lower-case it (a page has ~2,500 attributes; callgrind).
            let mut upper = b[i].is_ascii_uppercase();
            i += 1;
            while let Some(&c) = b.get(i) {
                if ENDS_ATTRIBUTE_NAME[usize::from(c)] {
                    break;
                }
                upper |= c.is_ascii_uppercase();
                i += 1;
            }
            let name = &input[name_start..i];
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let mut value: Cow<'a, str> = Cow::Borrowed("");
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                match *b.get(i)? {
                    q @ (b'"' | b'\'') => {
                        let start = i + 1;
                        // One search finds the closing quote or a `&` before it, so that values
                        // without references (most) are read once.
                        let stop = start + memchr::memchr2(q, b'&', &b[start..])?;
                        let refs = b[stop] == b'&';
                        let end = if refs {
                            stop + memchr::memchr(q, &b[stop..])?
                        } else {
                            stop
                        };
                        value = self.value(&input[start..end], refs);
                        i = end + 1;
                    }
                    b'>' => {}
                    _ => {
                        let start = i;
                        let mut refs = false;
                        while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                            refs |= b[i] == b'&';
                            i += 1;
                        }
                        value = self.value(&input[start..i], refs);
                    }
                }
            }
            // Past the cap, attributes are read and dropped: the duplicate check below is
            // linear per attribute, so an uncapped tag of 100,000 costs seconds (the html5ever
            // path caps the same way in `dom/attrs.rs`).
            if keep && self.attrs.len() < crate::dom::MAX_ATTRIBUTES {
                let name = if upper {
                    Cow::Owned(name.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(name)
                };
                // The first of duplicated attributes wins.
                if !self.attrs.iter().any(|a| a.name == name) {
                    self.attrs.push(Attr { name, value });
                }
            }
        }
    }
}

/// A quoted string at the start of `s` (after spaces): its content and what follows it.
/// A quoted doctype identifier: its text, and whether its closing quote was found (an
/// identifier cut off by the doctype's `>` forces quirks mode).
#[derive(Clone, Copy)]
struct Quoted<'a> {
    text: &'a str,
    closed: bool,
}

fn quoted(s: &str) -> (Option<Quoted<'_>>, &str) {
    let s = s.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let Some(q) = s.chars().next().filter(|c| *c == '"' || *c == '\'') else {
        return (None, s);
    };
    let body = &s[1..];
    match body.find(q) {
        Some(end) => (
            Some(Quoted {
                text: &body[..end],
                closed: true,
            }),
            &body[end + 1..],
        ),
        None => (
            Some(Quoted {
                text: body,
                closed: false,
            }),
            "",
        ),
    }
}
