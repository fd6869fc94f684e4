//! Block-level decisions inside the chosen container.

use super::Decision;
use crate::dom::Document;
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

/// The fallback: every block of the pruned page that passes the block rules and reads as
/// prose (long enough to be a sentence, or a heading or list item among such blocks).
pub fn page_prose(doc: &Document, seg: &Segmentation, meta: &Metadata) -> Vec<Decision> {
    seg.blocks
        .iter()
        .map(|b| match judge(doc, b, meta) {
            Decision::Kept if b.chars < 40 && b.kind == BlockKind::Paragraph => Decision::Furniture,
            d => d,
        })
        .collect()
}
