//! Decides which blocks are the article.
//!
//! 1. [`container`]: score every element by the prose below it (Readability's idea: each
//!    paragraph credits its parent fully and its further ancestors less) and pick the element
//!    that best holds the article, with the siblings that continue it.
//! 2. [`filter`]: inside that, drop blocks that are furniture after all (link lists, the
//!    headline repeated, captions — those go to their own field).
//! 3. Fallback: when the result is poor — much shorter than the page's prose — try the whole
//!    pruned page's prose instead and keep the better, as trafilatura falls back on other
//!    algorithms.

mod container;
mod filter;

use crate::dom::{Document, NodeId};
use crate::metadata::Metadata;
use crate::segment::Segmentation;

/// Why a block was kept or dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Kept,
    OutsideContainer,
    Headline,
    Caption,
    LinkHeavy,
    Furniture,
}

/// The selection: one decision per block, in block order.
#[derive(Clone, Debug)]
pub struct Selection {
    pub decisions: Vec<Decision>,
    /// The element chosen as the article's container, if one was.
    pub container: Option<NodeId>,
}

impl Selection {
    pub fn kept(&self) -> impl Iterator<Item = usize> + '_ {
        self.decisions
            .iter()
            .enumerate()
            .filter(|(_, d)| **d == Decision::Kept)
            .map(|(i, _)| i)
    }
}

/// Selects the article's blocks.
pub fn select(doc: &Document, seg: &Segmentation, meta: &Metadata) -> Selection {
    let chosen = container::choose(doc, seg);
    let mut decisions: Vec<Decision> = seg
        .blocks
        .iter()
        .map(|b| {
            if chosen.contains(doc, b.node) {
                Decision::Kept
            } else {
                Decision::OutsideContainer
            }
        })
        .collect();
    filter::apply(doc, seg, meta, &mut decisions);

    let kept_chars: usize = kept_chars(seg, &decisions);
    let fallback = filter::page_prose(doc, seg, meta);
    let fallback_chars = kept_chars_of(seg, &fallback);
    // NOTE: the container path is preferred; the page's prose wins only when the container
    // holds under a quarter of it, which is when the scorer latched onto a fragment.
    if (kept_chars as f64) < 0.25 * fallback_chars as f64 {
        return Selection {
            decisions: fallback,
            container: None,
        };
    }
    Selection {
        decisions,
        container: chosen.root(),
    }
}

fn kept_chars(seg: &Segmentation, decisions: &[Decision]) -> usize {
    kept_chars_of(seg, decisions)
}

fn kept_chars_of(seg: &Segmentation, decisions: &[Decision]) -> usize {
    seg.blocks
        .iter()
        .zip(decisions)
        .filter(|(_, d)| **d == Decision::Kept)
        .map(|(b, _)| b.chars)
        .sum()
}
