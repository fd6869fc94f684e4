//! Small text helpers shared by the stages.

/// Collapses every run of white space (including no-break spaces) to one space and trims.
pub fn collapse_whitespace(s: &str) -> String {
    // NOTE: runs of ASCII other than white space (most of any text) are copied whole; other
    // chars are decoded and tested one by one. Char by char this cost ~11 M instructions a
    // scrapinghub pass (the metadata stage's texts; callgrind). The output is the same.
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i].is_ascii() && !is_ascii_space(b[i]) {
            i += 1;
        }
        let c = if i > start {
            None
        } else {
            // NOTE: `i` only ever advances by whole chars (ASCII bytes or a decoded char), so
            // it is a char boundary here.
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            if c.is_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            Some(c)
        };
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            Some(c) => out.push(c),
            None => out.push_str(&s[start..i]),
        }
    }
    out
}

/// The ASCII chars `char::is_whitespace` accepts: tab, line feed, vertical tab, form feed,
/// carriage return and space.
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// Number of characters that are letters or digits: the text's weight, whatever the script.
pub fn word_chars(s: &str) -> usize {
    // This runs on every text node and every block of every page (8.8% of extraction
    // instructions when it decoded every char of non-ASCII text and looked each up in the
    // Unicode tables). ASCII bytes are counted in a branch-free pass the compiler vectorises;
    // other chars are decoded only at their lead bytes and looked up in a cached bitmap.
    let b = s.as_bytes();
    // NOTE: the same pass ORs the bytes together, so that a text without a byte from 0x80 up
    // (ASCII) is known as such without reading it again.
    let mut ascii = 0;
    let mut high = 0u8;
    for chunk in b.chunks(255) {
        // NOTE: `| 0x20` lower-cases ASCII letters and maps no other byte to one; a chunk of
        // 255 cannot overflow the u8 count.
        let (n, h) = chunk.iter().fold((0u8, 0u8), |(n, h), &c| {
            let alnum = ((c | 0x20).wrapping_sub(b'a') < 26) | (c.wrapping_sub(b'0') < 10);
            (n + u8::from(alnum), h | c)
        });
        ascii += usize::from(n);
        high |= h;
    }
    if high < 0x80 {
        return ascii;
    }
    let mut other = 0;
    ALNUM.with_borrow_mut(|cache| {
        for (i, &c) in b.iter().enumerate() {
            // NOTE: bytes from 0xC0 up start a multi-byte char, so `i` is a char boundary.
            if c >= 0xC0 {
                if let Some(ch) = s[i..].chars().next() {
                    other += usize::from(cache.is_alphanumeric(ch));
                }
            }
        }
    });
    ascii + other
}

/// Whether `needle` occurs in `hay`, for a short `hay` (a class word): `str::contains` builds a
/// two-way searcher for every call (~250 instructions before it reads a byte), which on a word
/// of ten or twenty bytes costs far more than comparing at each position where the first byte
/// matches. The metadata walk's class-word tests made ~15 such calls per word (callgrind).
pub fn contains_short(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    h.len() >= n.len()
        && h[..=h.len() - n.len()]
            .iter()
            .enumerate()
            .any(|(i, &c)| c == first && h[i + 1..i + n.len()] == *rest)
}

thread_local! {
    static ALNUM: std::cell::RefCell<AlnumCache> = std::cell::RefCell::new(AlnumCache::default());
}

/// `char::is_alphanumeric` for the Basic Multilingual Plane as a bitmap, each block of 64 chars
/// filled from the Unicode tables the first time one of them is asked about: the tables' lookup
/// costs ~40 instructions a char, the bitmap a few, and a page touches a few blocks only.
struct AlnumCache {
    bits: Vec<u64>,
    /// One bit per block of `bits`: whether it has been filled.
    filled: Vec<u64>,
}

impl Default for AlnumCache {
    fn default() -> AlnumCache {
        AlnumCache {
            bits: vec![0; 0x1_0000 / 64],
            filled: vec![0; 0x1_0000 / 64 / 64],
        }
    }
}

impl AlnumCache {
    fn is_alphanumeric(&mut self, c: char) -> bool {
        let code = c as usize;
        if code >= 0x1_0000 {
            return c.is_alphanumeric();
        }
        let block = code / 64;
        if self.filled[block / 64] & (1 << (block % 64)) == 0 {
            self.filled[block / 64] |= 1 << (block % 64);
            let first = block * 64;
            self.bits[block] = (0..64u32)
                .filter(|&i| char::from_u32(first as u32 + i).is_some_and(char::is_alphanumeric))
                .fold(0, |bits, i| bits | 1 << i);
        }
        self.bits[block] & (1 << (code % 64)) != 0
    }
}

/// UUIDs a block must hold to read as identifiers: one UUID is a reference quoted in a
/// sentence or a command ("the key 123e4567-…"), two or more making most of the text are a
/// list of them. Measured on both dev sets (with [`MIN_IDENTIFIER_SHARE`], before the
/// code-block exemption of `select::filter`): 1 / 2 / 3 gave wcxb-dev F1 0.89001 / 0.89002 /
/// 0.88982 (at 1 a forum answer and a documentation page lost lines their gold keeps, −0.005
/// and −0.007 page F1; at 3 a service page's serialised component list, two UUIDs a line,
/// stayed); scrapinghub 0.98166 at each.
const MIN_IDENTIFIERS: usize = 2;

/// Share of a block's letters and digits that must sit inside its UUIDs: most of the text.
/// Measured on both dev sets with two UUIDs: 0.3 / 0.5 gave wcxb-dev F1 0.890019 / 0.890020
/// (0.3 also took a line of a documentation page's gold, documentation 0.92916 -> 0.92914);
/// the majority line, so that prose quoting two identifiers stays.
const MIN_IDENTIFIER_SHARE: f64 = 0.5;

/// Letters and digits in one UUID (its 36 bytes less four hyphens).
const UUID_ALNUM: usize = 32;

/// Bytes in one UUID, and the offset of its first hyphen.
const UUID_LEN: usize = 36;
const UUID_FIRST_HYPHEN: usize = 8;

/// Whether `text` is made of machine identifiers: [`MIN_IDENTIFIERS`] UUIDs or more, holding
/// [`MIN_IDENTIFIER_SHARE`] of its letters and digits or more. Runs on every kept block, so
/// only the places a UUID can start are tried: eight bytes before each hyphen (`memchr`),
/// left to right, the next try after the end of the last UUID found.
pub fn is_identifier_text(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() < MIN_IDENTIFIERS * UUID_LEN {
        return false;
    }
    let (mut ids, mut earliest) = (0usize, 0usize);
    for hyphen in memchr::memchr_iter(b'-', b) {
        let Some(start) = hyphen.checked_sub(UUID_FIRST_HYPHEN) else {
            continue;
        };
        if start >= earliest && b.get(start..start + UUID_LEN).is_some_and(is_uuid) {
            ids += 1;
            earliest = start + UUID_LEN;
        }
    }
    ids >= MIN_IDENTIFIERS
        && (ids * UUID_ALNUM) as f64 >= MIN_IDENTIFIER_SHARE * word_chars(text) as f64
}

/// Whether `b` (36 bytes) is a UUID: hex groups of 8, 4, 4, 4 and 12 joined by hyphens.
fn is_uuid(b: &[u8]) -> bool {
    b.iter().enumerate().all(|(i, &c)| {
        if matches!(i, 8 | 13 | 18 | 23) {
            c == b'-'
        } else {
            c.is_ascii_hexdigit()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards what reads as machine identifiers: a run of UUIDs (a template's serialised
    /// state) does; a sentence quoting one, or two inside longer prose, does not, and neither
    /// does text with hyphens but no UUID.
    #[test]
    fn identifier_text() {
        let a = "0f3c2b1a-9d8e-4f7a-b6c5-d4e3f2a1b0c9";
        let b = "7A6B5C4D-3E2F-4A1B-8C9D-0E1F2A3B4C5D";
        assert!(is_identifier_text(&format!("{a} {b}")));
        assert!(is_identifier_text(&format!("S {a} G {b}p {a}")));
        assert!(!is_identifier_text(&format!(
            "Send the key {a} with the form."
        )));
        assert!(!is_identifier_text(&format!(
            "The old record {a} was merged into {b} last spring, after the two teams \
             found that both described the same warehouse on the harbour road."
        )));
        assert!(!is_identifier_text(
            "A well-known, long-standing, up-to-date guide"
        ));
        assert!(!is_identifier_text(
            "0f3c2b1a-9d8e-4f7a-b6c5-d4e3f2a1b0cX and more"
        ));
    }

    #[test]
    fn collapse_handles_nbsp_and_edges() {
        assert_eq!(collapse_whitespace("  a\u{a0}\u{a0}b \n c  "), "a b c");
        assert_eq!(collapse_whitespace(" \t "), "");
    }

    // Guards that the run-copying collapse writes what collapsing char by char writes.
    #[test]
    fn collapse_agrees_with_the_char_by_char_definition() {
        fn by_chars(s: &str) -> String {
            let mut out = String::new();
            let mut pending_space = false;
            for c in s.chars() {
                if c.is_whitespace() {
                    pending_space = !out.is_empty();
                } else {
                    if pending_space {
                        out.push(' ');
                        pending_space = false;
                    }
                    out.push(c);
                }
            }
            out
        }
        for s in [
            "",
            " ",
            "a",
            "  lead and trail  ",
            "a\u{b}b\u{c}c\rd\te\nf",
            "x\u{1c}y\u{1f} \u{7f}z",
            "\u{a0}nbsp\u{a0}\u{a0}é ü\u{2003}日本\u{3000}語\u{85}",
            "tail\u{a0}",
        ] {
            assert_eq!(collapse_whitespace(s), by_chars(s), "{s:?}");
        }
    }

    // Guards that the short-haystack search answers as `str::contains` does, edges included.
    #[test]
    fn contains_short_agrees_with_contains() {
        let hays = [
            "",
            "a",
            "date",
            "entry-date",
            "posted-on",
            "dated",
            "ddate",
            "ünï-date",
            "xx",
        ];
        let needles = [
            "",
            "a",
            "date",
            "ate",
            "posted-on",
            "ï",
            "dd",
            "xxx",
            "entry-date!",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(contains_short(h, n), h.contains(n), "{h:?} {n:?}");
            }
        }
    }

    #[test]
    fn word_chars_counts_any_script() {
        assert_eq!(word_chars("日本語, ok!"), 5);
    }

    #[test]
    fn ascii_counts_match_char_tests_and_long_texts_do_not_overflow() {
        for b in 0..128u8 {
            let c = char::from(b);
            assert_eq!(
                word_chars(&c.to_string()),
                usize::from(c.is_alphanumeric()),
                "{b}"
            );
        }
        assert_eq!(word_chars(&"a1 ".repeat(1000)), 2000);
    }

    #[test]
    fn the_bitmap_agrees_with_the_unicode_tables() {
        for code in (0..0x1_0000u32).chain([0x1_0000, 0x2_0000, 0x1_F600, 0x1_D400, 0x10_FFFF]) {
            if let Some(c) = char::from_u32(code) {
                let cached = ALNUM.with_borrow_mut(|cache| cache.is_alphanumeric(c));
                assert_eq!(cached, c.is_alphanumeric(), "U+{code:04X}");
            }
        }
        let mixed = "Ünïcödé — 日本語 𝐀𝟏 ½ Ⅻ ٣, \u{301}e! @[`{ 0189 AZaz \u{7f}";
        assert_eq!(
            word_chars(mixed),
            mixed.chars().filter(|c| c.is_alphanumeric()).count()
        );
    }
}
