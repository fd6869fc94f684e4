//! Timestamps that custom elements carry in an attribute: a front-end framework's
//! `<story-timeago ts="2025-06-21T14:05:09+0000">`, `<relative-time datetime=…>`, a post
//! element's `created-timestamp`, shown to the reader as "5 hr. ago" by a script. The page's
//! text then holds no date; the attribute is the `<time datetime>` of those pages.
//!
//! Only custom elements (a hyphen in the name, as the HTML standard requires of them) are
//! looked at, and only attributes whose name says timestamp: the test runs on elements the
//! scan would otherwise skip, and is a name comparison per attribute.

use super::relative::civil_from_days;
use crate::dom::{Element, Tag};

/// The timestamp attribute's value of a custom element, if it has one.
pub fn attr_of(el: &Element) -> Option<&str> {
    if el.tag != Tag::Other || !el.name.contains('-') {
        return None;
    }
    el.attrs
        .iter()
        .find(|a| is_stamp_name(a.name()))
        .map(|a| a.value().trim())
        .filter(|v| !v.is_empty())
}

/// `ts`, `datetime`, `timestamp` and names ending in one (`created-timestamp`, `data-ts`).
fn is_stamp_name(name: &str) -> bool {
    ["ts", "datetime", "timestamp"].iter().any(|w| {
        name.strip_suffix(w)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(['-', '_']))
    })
}

/// The value as date text: ISO text as it is, Unix seconds (10 digits) or milliseconds (13
/// digits) as an ISO UTC timestamp. Other digit runs are no time a page was written at.
pub fn value(raw: &str) -> Option<String> {
    if !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Some(raw.to_owned());
    }
    let n: i64 = raw.parse().ok()?;
    let secs = match raw.len() {
        10 => n,
        13 => n / 1_000,
        _ => return None,
    };
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        t / 3_600,
        t % 3_600 / 60,
        t % 60
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse, Document, ParseLimits};

    fn first_custom_stamp(html: &str) -> Option<String> {
        let doc = parse(html, &ParseLimits::default()).unwrap();
        doc.descendants(Document::ROOT)
            .filter_map(|n| doc.element(n))
            .find_map(attr_of)
            .and_then(value)
    }

    #[test]
    fn custom_elements_timestamp_attributes_are_read() {
        // Guards the attribute names and the epoch forms a script-rendered date comes in.
        let f = first_custom_stamp;
        assert_eq!(
            f(r#"<story-timeago ts="2025-06-21T14:05:09.318000+0000">5 hr. ago</story-timeago>"#)
                .as_deref(),
            Some("2025-06-21T14:05:09.318000+0000")
        );
        assert_eq!(
            f(r#"<x-post created-timestamp="1750514709">"#).as_deref(),
            Some("2025-06-21T14:05:09Z")
        );
        assert_eq!(
            f(r#"<x-post data-ts="1750514709000">"#).as_deref(),
            Some("2025-06-21T14:05:09Z")
        );
        assert_eq!(
            f(r#"<relative-time datetime="2024-05-01T10:00:00Z">vor 3 Tagen</relative-time>"#)
                .as_deref(),
            Some("2024-05-01T10:00:00Z")
        );
    }

    #[test]
    fn plain_elements_and_other_attributes_are_not_stamps() {
        // Guards the narrowing to custom elements and timestamp-named attributes.
        let f = first_custom_stamp;
        assert_eq!(f(r#"<div ts="2026-03-03">x</div>"#), None);
        assert_eq!(f(r#"<x-card counts="2026">x</x-card>"#), None);
        assert_eq!(f(r#"<x-card data-ts="12345">x</x-card>"#), None);
    }
}
