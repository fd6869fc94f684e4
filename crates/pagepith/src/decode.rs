//! Bytes to UTF-8, deciding the charset as a browser would: byte-order mark, then the HTTP
//! `Content-Type`, then `<meta charset>` in the head, then sniffing. Invalid bytes become U+FFFD;
//! decoding never fails.
//!
//! It does not parse HTML: the `<meta>` prescan is a byte search over the first few kilobytes.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Where the charset came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharsetSource {
    ByteOrderMark,
    ContentType,
    MetaTag,
    /// The bytes are valid UTF-8 (overrides a declared single-byte charset: see [`decode`]).
    ValidUtf8,
    Sniffed,
}

/// A decoded page; valid UTF-8 input is borrowed, not copied.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub source: CharsetSource,
}

/// How far into the page a `<meta charset>` is looked for. Browsers stop at 1,024 bytes, but
/// many real pages put the tag after long inline scripts; 16 KiB finds those at no real cost.
const META_PRESCAN_BYTES: usize = 16 * 1024;

/// Decodes a page's bytes. `content_type` is the HTTP header when known. Text that an earlier
/// save double-encoded (UTF-8 read as Windows-1252 and written as UTF-8 again) is read back
/// (the private `mojibake` module).
pub fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Decoded<'a> {
    let decoded = decode_charset(bytes, content_type);
    Decoded {
        text: crate::mojibake::repair(decoded.text),
        ..decoded
    }
}

fn decode_charset<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Decoded<'a> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom_len..], encoding, CharsetSource::ByteOrderMark);
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        return finish(bytes, encoding, CharsetSource::Sniffed);
    }
    let declared = content_type
        .and_then(charset_from_content_type)
        .map(|e| (e, CharsetSource::ContentType))
        .or_else(|| meta_charset(bytes).map(|e| (e, CharsetSource::MetaTag)));
    // One validation both answers "is it valid UTF-8" and, when UTF-8 wins, gives the text
    // (borrowed): std's `from_utf8` here and encoding_rs's own check in `finish` validated
    // every UTF-8 page twice (std's check alone was 1.7 % of extraction instructions).
    let as_utf8 = UTF_8.decode_without_bom_handling_and_without_replacement(bytes);
    let valid_utf8 = as_utf8.is_some();
    if let Some((encoding, source)) = declared {
        // A page labelled with a single-byte charset whose bytes are valid UTF-8 with non-ASCII
        // text is, in practice, UTF-8 mislabelled: legacy text almost never forms valid UTF-8
        // sequences by chance. ASCII-only pages decode the same either way.
        let overridable = encoding.is_single_byte() || encoding == UTF_8;
        if !(overridable && valid_utf8) {
            return finish(bytes, encoding, source);
        }
    }
    if let Some(text) = as_utf8 {
        return Decoded {
            text,
            encoding: UTF_8,
            source: CharsetSource::ValidUtf8,
        };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    finish(bytes, encoding, CharsetSource::Sniffed)
}

fn finish<'a>(bytes: &'a [u8], encoding: &'static Encoding, source: CharsetSource) -> Decoded<'a> {
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text,
        encoding: encoding.output_encoding(),
        source,
    }
}

/// The charset parameter of a `Content-Type` value.
/// UTF-16 without a byte-order mark. Markup is mostly ASCII, which UTF-16 writes as the byte
/// and a NUL, so such a page has a NUL in every other byte; as UTF-8 it is valid and would be
/// read as text with the tags in it. Other encodings put NULs nowhere in real pages.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    // A few kilobytes settle it; the markup at the start of a page is almost all ASCII.
    let head = &bytes[..bytes.len().min(4096) & !1];
    let (mut le, mut be) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        match (pair[0], pair[1]) {
            (a, 0) if a != 0 => le += 1,
            (0, b) if b != 0 => be += 1,
            _ => {}
        }
    }
    let pairs = head.len() / 2;
    // Half the pairs with one NUL is far beyond chance (real 8-bit pages have none) while
    // leaving room for non-ASCII text between the tags; 8 pairs keep tiny inputs out of it.
    let clear = |hits: usize, other: usize| pairs >= 8 && hits * 2 >= pairs && other * 20 < hits;
    if clear(le, be) {
        Some(UTF_16LE)
    } else if clear(be, le) {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn charset_from_content_type(content_type: &str) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    label_to_encoding(rest.as_bytes())
}

/// The encoding a label names, cut at the first byte that cannot belong to a label. A page that
/// declares UTF-16 in its own bytes cannot be UTF-16 (the tag was readable as ASCII), so the
/// HTML standard reads it as UTF-8.
fn label_to_encoding(label: &[u8]) -> Option<&'static Encoding> {
    let label = label
        .strip_prefix(b"\"")
        .or_else(|| label.strip_prefix(b"'"))
        .unwrap_or(label);
    let end = label
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(label.len());
    let encoding = Encoding::for_label(&label[..end])?;
    Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else {
        encoding
    })
}

/// Finds `<meta charset=…>` or `<meta http-equiv=content-type content="…charset=…">` near the
/// start of the page.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(META_PRESCAN_BYTES)].to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(&head[from..], b"<meta") {
        let start = from + pos + 5;
        let end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(at) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[at + 7..];
            let rest = trim_ascii_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                if let Some(encoding) = label_to_encoding(trim_ascii_start(rest)) {
                    // Legacy pages often say "iso-8859-1" and mean windows-1252; encoding_rs
                    // already maps the label that way, as browsers do.
                    return Some(encoding);
                }
            }
        }
        from = end.max(start);
    }
    None
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_everything() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=windows-1252>café".as_bytes());
        let d = decode(&bytes, Some("text/html; charset=iso-8859-2"));
        assert_eq!(d.source, CharsetSource::ByteOrderMark);
        assert!(d.text.ends_with("café"));
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "<p>héllo</p>".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).text, "<p>héllo</p>");
    }

    #[test]
    fn content_type_charset_is_used_for_legacy_bytes() {
        // "é" in ISO-8859-2 and Windows-1252 is 0xE9; "ł" in ISO-8859-2 is 0xB3.
        let d = decode(
            b"<p>\xb3\xf3d\xbc</p>",
            Some("text/html; charset=ISO-8859-2"),
        );
        assert_eq!(d.source, CharsetSource::ContentType);
        assert_eq!(d.text, "<p>łódź</p>");
    }

    #[test]
    fn meta_charset_is_found_after_a_long_script() {
        let mut page = b"<html><head><script>".to_vec();
        page.extend(std::iter::repeat_n(b'x', 3000));
        page.extend_from_slice(
            b"</script><meta charset=\"windows-1251\"></head><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>",
        );
        let d = decode(&page, None);
        assert_eq!(d.source, CharsetSource::MetaTag);
        assert!(d.text.ends_with("<p>Привет</p>"));
    }

    #[test]
    fn http_equiv_content_type_is_understood() {
        let page = b"<meta http-equiv='Content-Type' content='text/html; charset=koi8-r'><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
        assert!(decode(page, None).text.ends_with("<p>Привет</p>"));
    }

    #[test]
    fn utf8_page_mislabelled_as_latin1_is_read_as_utf8() {
        let page = "<meta charset=iso-8859-1><p>naïve café</p>".as_bytes();
        let d = decode(page, None);
        assert_eq!(d.source, CharsetSource::ValidUtf8);
        assert!(d.text.ends_with("naïve café</p>"));
    }

    #[test]
    fn undeclared_legacy_bytes_are_sniffed() {
        let page = b"<p>Le caf\xe9 est tr\xe8s bon, et la cr\xe8me br\xfbl\xe9e aussi. \xc0 bient\xf4t.</p>";
        let d = decode(page, None);
        assert_eq!(d.source, CharsetSource::Sniffed);
        assert!(d.text.contains("café est très bon"));
    }

    #[test]
    fn utf16_without_bom_is_sniffed_in_both_byte_orders() {
        let page = "<html><body><p>Plain words here.</p></body></html>";
        let le: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = page.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le, None).text, page);
        assert_eq!(decode(&be, None).text, page);
        // A page of NULs is not UTF-16: no pair has exactly one NUL.
        assert_eq!(sniff_utf16(&[0; 100]), None);
    }

    #[test]
    fn invalid_bytes_become_replacement_characters() {
        let d = decode(b"<meta charset=utf-8><p>ok\xff\xfe\xfdok</p>", None);
        assert!(d.text.contains("ok\u{FFFD}"));
    }
}
