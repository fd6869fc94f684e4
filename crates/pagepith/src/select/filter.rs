//! Block-level decisions inside the chosen container.

use super::Decision;
use crate::dom::{Document, Tag};
use crate::metadata::Metadata;
use crate::segment::{BlockKind, Segmentation, TextBlock};
use crate::textutil::collapse_whitespace;

/// Link-heavy blocks are menus and tag lists; a block more than half links is dropped
/// (Readability uses 0.5 for the same purpose).
const MAX_LINK_DENSITY: f64 = 0.5;

/// Applies the block rules to blocks still marked kept.
pub fn apply(doc: &Document, seg: &Segmentation, meta: &Metadata, decisions: &mut [Decision]) {
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d != Decision::Kept {
            continue;
        }
        *d = judge(doc, b, meta);
    }
}

fn judge(doc: &Document, b: &TextBlock, meta: &Metadata) -> Decision {
    if b.kind == BlockKind::Caption {
        return Decision::Caption;
    }
    if is_headline(doc, b, meta) {
        return Decision::Headline;
    }
    if b.link_density() > MAX_LINK_DENSITY {
        return Decision::LinkHeavy;
    }
    Decision::Kept
}

fn is_headline(_doc: &Document, b: &TextBlock, meta: &Metadata) -> bool {
    if meta.headline == Some(b.node) {
        return true;
    }
    if let (BlockKind::Heading(_), Some(title)) = (b.kind, &meta.title) {
        return collapse_whitespace(&b.text) == *title;
    }
    false
}

/// The fallback: every block of the page's main region — `<main>` or `role=main` when the page
/// marks one that holds a good part of its text, else the whole pruned body — that passes the
/// block rules. Link-heavy blocks are kept when they are long enough to be an item's title or
/// description rather than a menu entry.
pub fn main_region(doc: &Document, seg: &Segmentation, meta: &Metadata) -> Vec<Decision> {
    let body_chars = doc.body().map_or(0, |b| seg.node_chars[b.index()]) as f64;
    let region = doc
        .body()
        .into_iter()
        .flat_map(|b| doc.descendants(b))
        .find(|&n| {
            (doc.tag(n) == Some(Tag::Main) || doc.attr(n, "role") == Some("main"))
                && seg.node_chars[n.index()] as f64 >= 0.3 * body_chars
        });
    seg.blocks
        .iter()
        .map(|b| {
            if let Some(r) = region {
                if b.node != r && !doc.ancestors(b.node).any(|a| a == r) {
                    return Decision::OutsideContainer;
                }
            }
            match judge(doc, b, meta) {
                Decision::LinkHeavy if b.chars >= MIN_LINKED_ITEM_CHARS => Decision::Kept,
                d => d,
            }
        })
        .collect()
}

/// Linked text at least this long reads as an item (a product name, a thread title), shorter
/// linked text as a menu entry ("Home", "About us").
const MIN_LINKED_ITEM_CHARS: usize = 20;
