//! Links to other threads of the same forum, on a thread's page: the "similar threads",
//! "latest topics" and "more in this board" lists that forum engines set beside or below the
//! posts. A thread's address has one shape on a given forum (`/t/<slug>/<id>`,
//! `/showthread.php?t=<id>`), so a kept line that is nothing but a link to another address of
//! that shape names another thread; the posts themselves are prose, not such links.
//!
//! Runs on pages the page-type stage calls forums only, in the main-region fallback after the
//! core rule: on a listing, links of the page's own shape are its items. Measured on both dev
//! sets: wcxb-dev F1 0.87273 -> 0.87280 (forum 0.81936 -> 0.82023: five threads up by
//! 0.001-0.07 page F1, none down; `without` leaked 205 -> 204), scrapinghub 0.97839
//! unchanged (no page of it is typed a forum). In the prose container's path as well it
//! changed no page.

use super::Decision;
use crate::dom::{Document, NodeId, Tag};
use crate::segment::Segmentation;

/// Link density from which a block is a link and nothing else (a title in a list). Measured
/// on both dev sets at 0.7 / 0.9 / 1.0: wcxb-dev 0.87282 / 0.87280 / 0.87280 (0.7 takes one
/// more title with its reply count; noise-level, and a post's line that only half links
/// could go), scrapinghub unchanged.
const MIN_LINK_DENSITY: f64 = 0.9;

/// Letters a linked line needs to be a thread's title rather than a pager's "2" or "Next".
/// Measured at 5 / 10 / 20: wcxb-dev 0.87280 / 0.87280 / 0.87279.
const MIN_TITLE_LETTERS: usize = 10;

/// Lines linking to other threads the page must hold before any is dropped: a list, not one
/// post pointing to an earlier thread (the prune stage's count for a repeated structure).
/// Measured at 2 / 3 / 5: wcxb-dev 0.87280 / 0.87280 / 0.87279.
const MIN_OTHER_THREADS: usize = 3;

/// Host and path (query kept, fragment dropped) of an absolute URL, or `None` and the path of
/// a root-relative one; `None` for anything else (a relative or a script link).
fn host_and_path(url: &str) -> Option<(Option<&str>, &str)> {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    if let Some((_, rest)) = url.split_once("://") {
        let (host, path) = rest.find('/').map_or((rest, "/"), |i| rest.split_at(i));
        return Some((Some(host.trim_start_matches("www.")), path));
    }
    url.starts_with('/')
        .then_some((None, url))
        .filter(|_| !url.starts_with("//"))
}

/// The shape of a path: its part before the query, its first segment and its number of
/// segments.
fn shape(path: &str) -> (&str, &str, usize) {
    let bare = path.split('?').next().unwrap_or(path);
    let mut segs = bare.split('/').filter(|s| !s.is_empty());
    let first = segs.next().unwrap_or("");
    (bare, first, usize::from(!first.is_empty()) + segs.count())
}

/// The `href` of the link that makes up `node`'s text: the first `<a>` inside it, or the one
/// it sits in.
fn link_of(doc: &Document, node: NodeId) -> Option<&str> {
    std::iter::once(node)
        .chain(doc.descendants(node))
        .chain(doc.ancestors(node).take(3))
        .find(|&n| doc.tag(n) == Some(Tag::A))
        .and_then(|a| doc.attr(a, "href"))
}

/// Marks as [`Decision::OtherThread`] the kept blocks that are one link to another address of
/// the page's own shape (same host; the same path with another query, or the same first
/// segment and number of segments), when the page holds [`MIN_OTHER_THREADS`] of them.
pub(super) fn drop_other_threads(
    doc: &Document,
    seg: &Segmentation,
    decisions: &mut [Decision],
    page_url: Option<&str>,
) {
    let Some((Some(host), page_path)) = page_url.and_then(host_and_path) else {
        return;
    };
    let (page_bare, page_first, page_segments) = shape(page_path);
    if page_first.is_empty() {
        return;
    }
    let other_thread = |href: &str| {
        let Some((link_host, path)) = host_and_path(href) else {
            return false;
        };
        if link_host.is_some_and(|h| h != host) || path == page_path {
            return false;
        }
        let (bare, first, segments) = shape(path);
        bare == page_bare || (first == page_first && segments == page_segments)
    };
    // One vector per forum page that takes the region, of the few lines that qualify.
    let picked: Vec<usize> = (0..seg.blocks.len())
        .filter(|&i| {
            let b = &seg.blocks[i];
            decisions[i] == Decision::Kept
                && b.chars >= MIN_TITLE_LETTERS
                && b.link_density() >= MIN_LINK_DENSITY
                && link_of(doc, b.node).is_some_and(other_thread)
        })
        .collect();
    if picked.len() < MIN_OTHER_THREADS {
        return;
    }
    for i in picked {
        decisions[i] = Decision::OtherThread;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse, ParseLimits};
    use crate::segment::segment;

    const POST: &str = "<p>My sourdough starter smells of nail varnish after two days in \
        the fridge; is it dead, or only hungry? I feed it flour and water once a day.</p>";

    fn decisions(html: &str, url: &str) -> Vec<(String, Decision)> {
        let doc = parse(html, &ParseLimits::default()).unwrap();
        let seg = segment(&doc);
        let mut d = vec![Decision::Kept; seg.blocks.len()];
        drop_other_threads(&doc, &seg, &mut d, Some(url));
        seg.blocks.iter().map(|b| b.text.clone()).zip(d).collect()
    }

    fn list(hrefs: &[&str]) -> String {
        hrefs
            .iter()
            .map(|h| format!("<li><a href='{h}'>A thread titled {h}</a></li>"))
            .collect()
    }

    /// Guards the rule: links to other threads of the page's shape (a query id, or a slug and
    /// id path) leave, the post stays.
    #[test]
    fn links_to_other_threads_leave_a_thread() {
        for (url, hrefs) in [
            (
                "https://forum.example.org/showthread.php?t=100",
                [
                    "/showthread.php?t=7",
                    "/showthread.php?t=8",
                    "/showthread.php?t=9",
                ],
            ),
            (
                "https://example.org/t/starter-smells/100",
                [
                    "/t/rye-flour/7",
                    "/t/oven-spring/8",
                    "https://example.org/t/crumb/9",
                ],
            ),
        ] {
            let page = format!("<main>{POST}<ul>{}</ul></main>", list(&hrefs));
            for (text, d) in decisions(&page, url) {
                let want = if text.contains("thread titled") {
                    Decision::OtherThread
                } else {
                    Decision::Kept
                };
                assert_eq!(d, want, "{url}: {text}");
            }
        }
    }

    /// Guards the limits: links of another shape (the forum's index, a user's profile),
    /// to another host, or fewer than three stay.
    #[test]
    fn other_links_and_single_links_stay() {
        let url = "https://example.org/t/starter-smells/100";
        let cases: [&[&str]; 3] = [
            &["/u/someone", "/c/baking", "/latest"],
            &[
                "https://elsewhere.net/t/a/1",
                "https://elsewhere.net/t/b/2",
                "https://elsewhere.net/t/c/3",
            ],
            &["/t/rye-flour/7", "/t/oven-spring/8"],
        ];
        for hrefs in cases {
            let page = format!("<main>{POST}<ul>{}</ul></main>", list(hrefs));
            assert!(
                decisions(&page, url)
                    .iter()
                    .all(|(_, d)| *d == Decision::Kept),
                "{hrefs:?}"
            );
        }
    }
}
