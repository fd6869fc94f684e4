//! Caps the attributes of one tag before the tokenizer sees them.
//!
//! html5ever's tokenizer checks each new attribute against all earlier ones of its tag, so a tag
//! with N attributes costs N²: measured on the release build, 25,000 attributes took 1.0 s and
//! 100,000 took 15.5 s. Real tags carry a few dozen. This pass drops every attribute after the
//! first [`MAX_ATTRIBUTES`] of a tag, which bounds that check, and borrows the input untouched
//! when no tag is over (every real page).
//!
//! The scan follows the tokenizer's tag states (names, `=`, quoted and unquoted values) only as
//! far as it needs to find where attributes start and where the tag ends. It does not know about
//! comments or raw-text elements, so markup-like text inside them is scanned as a tag too; that
//! text is dropped later anyway, and only a "tag" with more than the cap is ever changed.

use std::borrow::Cow;

/// Attributes kept per tag. Real tags carry a few dozen (React and analytics markup adds
/// `data-*` ones); 1,024 keeps any plausible one whole while bounding the tokenizer's duplicate
/// check to about a microsecond per attribute.
pub(crate) const MAX_ATTRIBUTES: usize = 1024;

/// The input with each tag's attributes beyond `max` removed.
pub(super) fn cap_attributes(html: &str, max: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    // Byte ranges to drop, in order: from the first attribute over the cap to the tag's end.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let open = i + off;
        let name_start = open + 1 + usize::from(bytes.get(open + 1) == Some(&b'/'));
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = open + 1;
            continue;
        }
        let tag = scan_tag(bytes, name_start, max);
        if let Some(cut_from) = tag.cut_from {
            cuts.push((cut_from, tag.end));
        }
        i = tag.end.max(open + 1);
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in cuts {
        // NOTE: every cut starts and ends next to an ASCII delimiter, so on char boundaries.
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

struct ScannedTag {
    /// Index of the `>` that ends the tag, or the input's length.
    end: usize,
    /// Where the first attribute over the cap starts, if the tag has one.
    cut_from: Option<usize>,
}

/// Scans a tag from its name to its closing `>`, counting attributes.
fn scan_tag(b: &[u8], name_start: usize, max: usize) -> ScannedTag {
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut i = name_start;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let mut count = 0;
    let mut cut_from = None;
    loop {
        // Before an attribute name: white space and stray slashes.
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            return ScannedTag { end: i, cut_from };
        }
        count += 1;
        if count == max + 1 {
            cut_from = Some(i);
        }
        // The name; the tokenizer lets it start with `=`.
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            continue;
        }
        i += 1;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                i = match memchr::memchr(q, &b[i + 1..]) {
                    Some(off) => i + 1 + off + 1,
                    None => b.len(),
                };
            }
            _ => {
                while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                    i += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_under_the_cap_are_borrowed_untouched() {
        let html = r#"<div class="a b" id=x data-y='1>2' hidden><p>t</p></div a=1>"#;
        assert!(matches!(cap_attributes(html, 4), Cow::Borrowed(_)));
    }

    #[test]
    fn attributes_over_the_cap_are_dropped_up_to_the_tag_end() {
        let html = r#"<p>x</p><div a=1 b="2 > 3" c='4' d e=5>text</div>"#;
        assert_eq!(
            cap_attributes(html, 3),
            r#"<p>x</p><div a=1 b="2 > 3" c='4' >text</div>"#
        );
    }

    #[test]
    fn unterminated_tag_or_quote_runs_to_the_end_without_panicking() {
        assert_eq!(cap_attributes("<a b c d=\"open", 2), "<a b c ");
        assert_eq!(cap_attributes("<a b c d", 2), "<a b c ");
        assert!(matches!(cap_attributes("< <", 0), Cow::Borrowed(_)));
        assert!(matches!(cap_attributes("x<", 0), Cow::Borrowed(_)));
    }

    #[test]
    fn multibyte_text_around_cut_tags_stays_valid() {
        let html = "é<b ü=ö ä=1 ß>ñ</b>";
        assert_eq!(cap_attributes(html, 1), "é<b ü=ö >ñ</b>");
    }
}
