//! The page's authors: the first source that names someone — JSON-LD, the author meta keys,
//! microdata, microformats, then the visible bylines near the headline and in the article.
//! Telling a person's name from a generic one is `byline`'s job, not this module's.

use super::byline::Names;
use super::jsonld;
use super::meta::{self, bounded_words, byline_text, itemprop_author};
use super::near::Near;
use super::scan::Scan;
use crate::dom::{Document, NodeId};

/// Authors from the first source that names someone: JSON-LD, then each author meta key,
/// microdata, and visible bylines. Generic names ("Staff") are kept only if no source has more.
/// Returns the names and their source.
pub(super) fn authors(
    doc: &Document,
    scan: &Scan,
    ld: &jsonld::JsonLd,
    near: &Near,
    sitename: Option<&str>,
) -> (Vec<String>, Option<String>) {
    let mut fallback: (Vec<String>, Option<String>) = (Vec::new(), None);
    let mut take = |mut names: Names, source: String| {
        if let Some(site) = sitename {
            names.demote(site);
        }
        // A CMS field holding a login ("andrew.keaveney") or a template key
        // ("page.head.extra.author") names an account, not the byline a reader sees; a forum's
        // user names come from the visible sources, which keep them.
        if source.starts_with("json-ld") || source.starts_with("meta:") {
            names.demote_handles();
        }
        if names.real.is_empty() {
            if fallback.0.is_empty() && !names.generic.is_empty() {
                fallback = (names.generic, Some(source));
            }
            None
        } else {
            Some((names.real, Some(source)))
        }
    };
    if let Some(found) = take(
        Names::from_raw(ld.authors.iter().map(String::as_str), false),
        "json-ld:author".to_owned(),
    ) {
        return found;
    }
    for key in meta::AUTHOR {
        if let Some(found) = take(
            Names::from_raw(scan.meta.all(key), false),
            format!("meta:{key}"),
        ) {
            return found;
        }
    }
    // A thread marks the author of every post: the page's author is the first post's, so only
    // authors of the first item (the nearest `itemscope` around the first author) count.
    let owner = |id: NodeId| {
        doc.ancestors(id)
            .find(|&a| doc.attr(a, "itemscope").is_some())
    };
    let first_owner = scan.microdata.authors.first().and_then(|&id| owner(id));
    let micro: Vec<String> = scan
        .microdata
        .authors
        .iter()
        .filter(|&&id| owner(id) == first_owner)
        .filter_map(|&id| itemprop_author(doc, id))
        .collect();
    if let Some(found) = take(
        Names::from_raw(micro.iter().map(String::as_str), false),
        "microdata:author".to_owned(),
    ) {
        return found;
    }
    // Near the headline first; then anywhere in the article, since some pages sign at the end.
    let anywhere = scan
        .bylines
        .iter()
        .filter(|s| s.ctx.in_article && !s.ctx.furniture);
    for spot in near.filter(&scan.bylines).into_iter().chain(anywhere) {
        let Some(text) = byline_text(doc, spot.node, 300) else {
            continue;
        };
        // A microformats author (`p-author h-card`) is a field meant to hold a name, which may
        // be a lower-case user name ("scvalex"): read it like structured data.
        let (visible, source) = if is_microformat_author(doc, spot.node) {
            (false, "microformats:author")
        } else {
            (true, "byline")
        };
        if let Some(found) = take(Names::from_raw([text.as_str()], visible), source.to_owned()) {
            return found;
        }
    }
    // A thread shows each post's user name in an element the forum engine marks; the first is
    // the thread's author. Several of them are needed, so that one "username" box (a login
    // widget) is not taken for an author.
    if scan.usernames.len() >= 2 {
        if let Some(text) = bounded_words(doc, scan.usernames[0].node, 100) {
            // Read like a structured name: user names are often lower-case ("b.scherer"),
            // which a visible byline's name never is.
            let names = Names::from_raw([text.as_str()], false);
            if let Some(first) = names.real.into_iter().next() {
                return (vec![first], Some("thread:username".to_owned()));
            }
        }
    }
    // An organisation as author is the outlet: it is the answer only when no person is named.
    let orgs = Names::from_raw(ld.org_authors.iter().map(String::as_str), false);
    if !orgs.real.is_empty() && fallback.0.is_empty() {
        return (orgs.real, Some("json-ld:author:organization".to_owned()));
    }
    fallback
}

/// Whether the element is a microformats2 author: `p-author` or `u-author`, or an `h-card`
/// inside one.
fn is_microformat_author(doc: &Document, id: NodeId) -> bool {
    let marks = |n: NodeId| {
        doc.attr(n, "class").is_some_and(|c| {
            c.split_whitespace()
                .any(|w| w == "p-author" || w == "u-author")
        })
    };
    marks(id) || doc.parent(id).is_some_and(marks)
}
