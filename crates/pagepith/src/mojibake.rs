//! Text that was UTF-8 read as Windows-1252 (or Latin-1) and saved again as UTF-8: `isnâ€™t`
//! for `isn’t`, `Ã©` for `é`, `â` plus two C1 controls for a dash. The page's bytes are valid
//! UTF-8, so the charset rules cannot see it; the damage is in the characters. Each run of
//! characters that the legacy charset writes as one high byte is turned back into those bytes,
//! and the UTF-8 sequences they form are read again. The same damage written as character
//! references (`&acirc;&euro;&trade;`) is read back in the tree's text after the parse.
//!
//! Legitimate text forms such a sequence only by a rare accident (a capital with an accent
//! right before a curly quote: `É”` reads as a valid two-byte sequence), so a page is repaired
//! only when it holds several of them: a double-encoded page holds one for every curly quote,
//! dash and accented letter it has.

use std::borrow::Cow;

/// How many repairable sequences make a page double-encoded. A double-encoded page shows one
/// per apostrophe or accented letter (the three dev-set pages found had 14 to 300); an accident
/// of legitimate text is one or two. (No dev page with a legitimate sequence was found: the
/// bar guards unseen pages, not a measured one.)
const MIN_SEQUENCES: usize = 3;

/// The text with double-encoded UTF-8 read back, or the text itself when the page shows fewer
/// than [`MIN_SEQUENCES`] such sequences.
pub fn repair(text: Cow<'_, str>) -> Cow<'_, str> {
    if !is_damaged(&text) {
        return text;
    }
    Cow::Owned(read_back(&text))
}

/// Whether `text` shows enough damaged sequences ([`MIN_SEQUENCES`]) to be read back. The
/// parse asks it again of the tree's text (`dom::parse_with`): damage written as character
/// references (`&acirc;&euro;&trade;` for `’`) shows only once the parser has decoded them.
pub fn is_damaged(text: &str) -> bool {
    count_sequences(text, MIN_SEQUENCES) >= MIN_SEQUENCES
}

/// Whether `text` holds at least one damaged sequence: the parts of a damaged page that need
/// reading back.
pub fn has_sequence(text: &str) -> bool {
    count_sequences(text, 1) > 0
}

/// `text` with every damaged sequence read back, however few.
pub fn read_back(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| legacy_byte(c).is_some()) {
        out.push_str(&rest[..start]);
        let run_len: usize = rest[start..]
            .chars()
            .take_while(|&c| legacy_byte(c).is_some())
            .map(char::len_utf8)
            .sum();
        repair_run(&rest[start..start + run_len], &mut out);
        rest = &rest[start + run_len..];
    }
    out.push_str(rest);
    out
}

/// The byte Windows-1252 writes for `c` when it is 0x80 or above; the C1 controls stand for
/// their own byte (Latin-1's reading, and the five bytes Windows-1252 leaves undefined).
fn legacy_byte(c: char) -> Option<u8> {
    let byte = match c {
        '\u{80}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    };
    Some(byte)
}

/// The length of the UTF-8 sequence a lead byte opens (2 to 4), if it is one.
fn sequence_len(lead: u8) -> Option<usize> {
    match lead {
        0xc2..=0xdf => Some(2),
        0xe0..=0xef => Some(3),
        0xf0..=0xf4 => Some(4),
        _ => None,
    }
}

/// Writes a run of legacy-byte characters, each complete UTF-8 sequence its bytes form read
/// back as the one character it encodes, the rest as they were.
fn repair_run(run: &str, out: &mut String) {
    let chars: Vec<char> = run.chars().collect();
    let bytes: Vec<u8> = chars.iter().filter_map(|&c| legacy_byte(c)).collect();
    let mut i = 0;
    while i < chars.len() {
        if let Some(c) = decoded_at(&bytes, i) {
            out.push(c);
            i += c.len_utf8();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
}

/// The character whose UTF-8 sequence starts at `bytes[i]`, if a complete one does.
fn decoded_at(bytes: &[u8], i: usize) -> Option<char> {
    let len = sequence_len(bytes[i])?;
    let seq = bytes.get(i..i + len)?;
    std::str::from_utf8(seq).ok()?.chars().next()
}

/// How many repairable sequences the text holds, counting no further than `enough`.
// NOTE: a byte scan for the lead characters' own UTF-8 (0xC3 0x82–0xB4: `Â` to `ô`) keeps the
// test cheap on pages without any; accented Latin text passes through it and is checked char
// by char only there.
fn count_sequences(text: &str, enough: usize) -> usize {
    let bytes = text.as_bytes();
    let mut found = 0;
    for at in memchr::memchr_iter(0xc3, bytes) {
        if !matches!(bytes.get(at + 1), Some(0x82..=0xb4)) {
            continue;
        }
        // `at` starts a char: 0xC3 is a lead byte, never inside another char's sequence.
        let run: Vec<u8> = text[at..].chars().take(4).map_while(legacy_byte).collect();
        if decoded_at(&run, 0).is_some() {
            found += 1;
            if found >= enough {
                break;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> String {
        repair(Cow::Borrowed(s)).into_owned()
    }

    /// Guards the Windows-1252 reading: curly quotes, dashes and accented letters come back.
    #[test]
    fn double_encoded_windows_1252_is_read_back() {
        let page = "It isnâ€™t late. â€œYesâ€\u{9d} â€” the cafÃ© said. DÃ©jÃ\u{a0} vu.";
        assert_eq!(
            fixed(page),
            "It isn’t late. “Yes” — the café said. Déjà vu."
        );
    }

    /// Guards the Latin-1 reading, where the continuation bytes are C1 controls.
    #[test]
    fn double_encoded_latin_1_is_read_back() {
        let page = "a guide\u{e2}\u{80}\u{99}s tools \u{e2}\u{80}\u{94} and the caf\u{c3}\u{a9}, na\u{c3}\u{af}ve";
        assert_eq!(fixed(page), "a guide’s tools — and the café, naïve");
    }

    /// Guards legitimate text: accented words, guillemets, and one accidental sequence (a
    /// capital with an accent before a curly quote) on a page without others stay as they are.
    #[test]
    fn legitimate_text_is_untouched() {
        for page in [
            "« Ça va », dit-il au café. Naïveté, déjà, Ñandú, Ærø.",
            "He shouted “CAFÉ” twice; ¿qué? ¡Sí! 25 °C, 3 × 4, Straße.",
            "Ein Äpfel, ein Öl, ein Übermaß: 50 € – nicht 60 €.",
        ] {
            assert_eq!(fixed(page), page);
        }
    }

    /// Guards the parts of a damaged page: a text node with one sequence is read back (the
    /// bar is the page's), one without any is left alone.
    #[test]
    fn parts_of_a_damaged_page_are_read_back_one_by_one() {
        assert!(is_damaged("isnâ€™t, donâ€™t, wonâ€™t"));
        assert!(has_sequence("one isnâ€™t"));
        assert_eq!(read_back("one isnâ€™t"), "one isn’t");
        assert!(!has_sequence("café, naïve, déjà"));
    }

    fn parsed_text(html: &str, parser: crate::dom::Parser) -> String {
        let limits = crate::dom::ParseLimits::default();
        let doc = crate::dom::parse_with(html, &limits, parser).unwrap();
        crate::textutil::collapse_whitespace(&doc.text_content(crate::dom::Document::ROOT))
    }

    /// Guards the damage written as references: an editor that saved the misread characters
    /// as `&acirc;&euro;&trade;` hides them from the repair of the raw text; both parsers'
    /// trees read them back, under the same bar.
    #[test]
    fn double_encoded_references_are_read_back_after_the_parse() {
        use crate::dom::Parser;
        let page =
            "<p>It isn&acirc;&euro;&trade;t late. &acirc;&euro;&oelig;Yes&acirc;&euro;&#157; \
                    &#226;&#128;&#148; the caf&Atilde;&copy; said.</p>";
        let legit = "<p>Fish &amp; chips, &eacute;t&eacute; &agrave; l&apos;&acirc;ge, \
                     informa&ccedil;&atilde;o, and one isn&acirc;&euro;&trade;t.</p>";
        for parser in [Parser::Fast, Parser::Html5ever] {
            assert_eq!(
                parsed_text(page, parser),
                "It isn’t late. “Yes” — the café said."
            );
            assert_eq!(
                parsed_text(legit, parser),
                "Fish & chips, été à l'âge, informação, and one isnâ€™t."
            );
        }
    }

    /// Guards the bar: repair needs several sequences, and a short run that forms no
    /// complete sequence (a lone `Ã` at the end) is left as it was.
    #[test]
    fn a_page_needs_several_sequences() {
        assert_eq!(fixed("One isnâ€™t enough."), "One isnâ€™t enough.");
        let page = "isnâ€™t, donâ€™t, wonâ€™t, and a lone Ã";
        assert_eq!(fixed(page), "isn’t, don’t, won’t, and a lone Ã");
    }
}
