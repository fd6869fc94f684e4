//! Character references (`&amp;`, `&#233;`, `&#x2014;`) decoded as the HTML tokenizer does,
//! including the legacy names that may omit their `;` and the attribute-value exception.
//!
//! The name table is html5ever's own (`markup5ever::data::NAMED_ENTITIES`), so both parse paths
//! agree on every one of the 2,231 names without a second copy of the table.

use std::borrow::Cow;

use markup5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// Longest entity name in the table, `;` included (`&CounterClockwiseContourIntegral;`).
const MAX_NAME: usize = 32;

/// Decodes every character reference in `s`; borrows when there is none.
pub(super) fn decode(s: &str, in_attribute: bool) -> Cow<'_, str> {
    let Some(first) = memchr::memchr(b'&', s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut rest = &s[first..];
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after, in_attribute) {
            Some((chars, used)) => {
                out.push_str(chars.as_str());
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Up to two characters a reference stands for.
struct Chars {
    buf: [u8; 8],
    len: usize,
}

impl Chars {
    fn new(a: char, b: Option<char>) -> Chars {
        let mut buf = [0u8; 8];
        let mut len = a.encode_utf8(&mut buf).len();
        if let Some(b) = b {
            len += b.encode_utf8(&mut buf[len..]).len();
        }
        Chars { buf, len }
    }

    fn as_str(&self) -> &str {
        // NOTE: filled only by `char::encode_utf8`, so always valid UTF-8.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("\u{FFFD}")
    }
}

/// The reference starting just after an `&`: its characters and the bytes it used.
fn reference(after: &str, in_attribute: bool) -> Option<(Chars, usize)> {
    let b = after.as_bytes();
    match b.first()? {
        b'#' => numeric(after),
        c if c.is_ascii_alphanumeric() => named(after, in_attribute),
        _ => None,
    }
}

fn numeric(after: &str) -> Option<(Chars, usize)> {
    let b = after.as_bytes();
    let (hex, start) = match b.get(1) {
        Some(b'x' | b'X') => (true, 2),
        _ => (false, 1),
    };
    let digits = b[start..]
        .iter()
        .take_while(|c| {
            if hex {
                c.is_ascii_hexdigit()
            } else {
                c.is_ascii_digit()
            }
        })
        .count();
    if digits == 0 {
        return None;
    }
    let mut value: u32 = 0;
    for &c in &b[start..start + digits] {
        let d = (c as char).to_digit(16).unwrap_or(0);
        // Saturate: anything past U+10FFFF is replaced below, however long the digits run.
        value = value
            .saturating_mul(if hex { 16 } else { 10 })
            .saturating_add(d);
    }
    let mut used = start + digits;
    if b.get(used) == Some(&b';') {
        used += 1;
    }
    let c = match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => C1_REPLACEMENTS[(value - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{FFFD}')),
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    };
    Some((Chars::new(c, None), used))
}

/// The commonest references (`&amp;` in every URL of an attribute), with their `;`: read
/// without the table, whose lookup hashes each prefix (`a`, `am`, `amp`, `amp;`). With the
/// `;` each is the longest name the table matches, so the result is the table's.
const COMMON: [(&[u8], char); 5] = [
    (b"amp;", '&'),
    (b"quot;", '"'),
    (b"lt;", '<'),
    (b"gt;", '>'),
    (b"nbsp;", '\u{A0}'),
];

fn named(after: &str, in_attribute: bool) -> Option<(Chars, usize)> {
    let b = after.as_bytes();
    if let Some(&(name, c)) = COMMON.iter().find(|(name, _)| b.starts_with(name)) {
        return Some((Chars::new(c, None), name.len()));
    }
    let mut best: Option<(u32, u32, usize)> = None;
    let mut len = 0;
    // Grow the candidate one character at a time while the table still knows it as a prefix.
    while len < b.len() && len < MAX_NAME {
        let c = b[len];
        if !(c.is_ascii_alphanumeric() || c == b';') {
            break;
        }
        len += 1;
        match NAMED_ENTITIES.get(&after[..len]) {
            Some(&(c1, c2)) => {
                if c1 != 0 {
                    best = Some((c1, c2, len));
                }
            }
            None => break,
        }
        if c == b';' {
            break;
        }
    }
    let (c1, c2, used) = best?;
    if in_attribute && b[used - 1] != b';' {
        // `href="?a=1&copy=2"` keeps its text: a legacy name without `;` is not decoded in an
        // attribute when a name character or `=` follows.
        if let Some(&next) = b.get(used) {
            if next == b'=' || next.is_ascii_alphanumeric() {
                return None;
            }
        }
    }
    let a = char::from_u32(c1)?;
    let b2 = if c2 != 0 { char::from_u32(c2) } else { None };
    Some((Chars::new(a, b2), used))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_numeric_and_legacy_references_decode() {
        assert_eq!(decode("a &amp; b", false), "a & b");
        assert_eq!(decode("&#233;&#xE9;&#X2014;", false), "éé—");
        assert_eq!(decode("&copy 2024", false), "© 2024");
        assert_eq!(decode("&notit;", false), "¬it;");
    }

    #[test]
    fn invalid_references_stay_as_text() {
        assert_eq!(
            decode("AT&T & co &#; &nosuch;", false),
            "AT&T & co &#; &nosuch;"
        );
        assert_eq!(decode("&#0;&#x110000;&#150;", false), "\u{FFFD}\u{FFFD}–");
    }

    #[test]
    fn attribute_values_keep_query_strings() {
        assert_eq!(decode("?a=1&copy=2&amp;x", true), "?a=1&copy=2&x");
        assert_eq!(decode("?a=1&copy 2", true), "?a=1© 2");
    }

    #[test]
    fn common_references_read_as_the_table_has_them() {
        // Guards the shortcut past the table: each must give the table's own character.
        for (name, c) in super::COMMON {
            let name = std::str::from_utf8(name).unwrap();
            let (c1, c2) = super::NAMED_ENTITIES.get(name).copied().unwrap();
            assert_eq!((char::from_u32(c1), c2), (Some(c), 0), "{name}");
            assert_eq!(decode(&format!("x&{name}y"), true), format!("x{c}y"));
        }
    }

    #[test]
    fn text_without_references_is_borrowed() {
        assert!(matches!(
            decode("plain", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
