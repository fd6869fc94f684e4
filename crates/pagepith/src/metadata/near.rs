//! The headline area: the window of nodes around the headline where bylines and dates are
//! looked for first, nearest first, page furniture left out.

use super::scan::{Scan, Spot};
use crate::dom::{Document, NodeId};

/// Nodes before the headline where a byline or date may sit (kickers, category labels).
const NEAR_BEFORE: u32 = 100;
/// Nodes after the headline where a byline or date may sit: room for a standfirst, a hero image
/// and a share bar, not for the body, where related stories carry their own bylines and dates
/// (bylines alone are also looked for anywhere in the article, after everything else).
const NEAR_AFTER: u32 = 500;
/// Nodes around the headline where unmarked date text counts: a header's worth (the date line
/// of a typical article header sits within 10–60 nodes of its `<h1>`).
const NEAR_TEXT: u32 = 150;
/// Nodes either side of the headline that make its header line: a date, a separator, a
/// reading time and an author link or two. On wcxb-dev 20 gained 5 dates, 40 and 80 gained 7
/// (no loss at any of them); the smaller of the two equal reaches is kept.
const HEADER_REACH: u32 = 40;

/// Candidates in the headline area, nearest first.
pub(super) struct Near {
    anchor: Option<u32>,
    /// The headline element at `anchor`, when it is a heading.
    headline: Option<NodeId>,
    /// Without an anchor, candidates must be in the article, when the page marks one.
    need_article: bool,
}

impl Near {
    pub(super) fn new(scan: &Scan, anchor: Option<u32>) -> Near {
        let headline = anchor.and_then(|a| {
            scan.headings
                .iter()
                .find(|h| h.spot.pos == a)
                .map(|h| h.spot.node)
        });
        Near {
            anchor,
            headline,
            need_article: scan.has_article,
        }
    }

    /// The spots of `list` in the headline area: those after the headline in document order,
    /// then those just before it, nearest first. Furniture never counts.
    pub(super) fn filter<'s>(&self, list: &'s [Spot]) -> Vec<&'s Spot> {
        let usable = list.iter().filter(|s| !s.ctx.furniture);
        match self.anchor {
            Some(a) => {
                let mut after: Vec<&Spot> = usable
                    .clone()
                    .filter(|s| s.pos >= a && s.pos - a <= NEAR_AFTER)
                    .collect();
                let before = usable.filter(|s| s.pos < a && a - s.pos <= NEAR_BEFORE);
                let mut before: Vec<&Spot> = before.collect();
                before.reverse();
                after.extend(before);
                after
            }
            None => usable
                .filter(|s| s.ctx.in_article || !self.need_article)
                .collect(),
        }
    }

    /// Whether `spot` is in the headline's own header line, [`HEADER_REACH`] nodes either
    /// side of it ("March 4, 2025 • 6 min read" over the `<h1>`), the headline excepted.
    pub(super) fn in_header(&self, doc: &Document, spot: &Spot) -> bool {
        self.anchor
            .is_some_and(|a| spot.pos.abs_diff(a) <= HEADER_REACH)
            && !self.in_headline(doc, spot)
    }

    /// Whether `spot` is the headline or inside it.
    pub(super) fn in_headline(&self, doc: &Document, spot: &Spot) -> bool {
        self.headline
            .is_some_and(|h| spot.node == h || doc.ancestors(spot.node).any(|n| n == h))
    }

    /// Like [`Near::filter`] in a narrower window, and only when there is a headline: for
    /// unmarked text, which further down is as likely a related story's date.
    pub(super) fn filter_tight<'s>(&self, list: &'s [Spot]) -> Vec<&'s Spot> {
        let Some(a) = self.anchor else {
            return Vec::new();
        };
        self.filter(list)
            .into_iter()
            .filter(|s| s.pos.abs_diff(a) <= NEAR_TEXT)
            .collect()
    }
}
