//! The fast parse path: pagepith's own tokenizer and tree builder, filling the same
//! [`Document`] arena as the html5ever path.
//!
//! Why a second parser: html5ever's tokenizer and tree builder were ~73% of single-thread
//! extraction time (callgrind, see BENCHMARKS.md "Speed"). This path reads the page as one
//! `&str`, borrows names and text from it, and implements the tree construction rules that
//! change a page's text and block structure (see `modes/mod.rs` for what is kept and left out).
//! html5ever stays the reference: `Config::with_parser(Parser::Html5ever)`, and the
//! differential example `parser_diff` compares the two on whole datasets.

mod charref;
mod modes;
mod tokenizer;
mod tree;

use super::{Document, LimitExceeded, ParseLimits};

/// Parses a whole HTML document held in memory, without recursion, within `limits`.
/// The parse is linear in the input and runs in one go (about 0.1 s for a 64 MiB page), so the
/// deadline is left to the caller's check after it.
pub fn parse(html: &str, limits: &ParseLimits) -> Result<Document, LimitExceeded> {
    // NUL is never page text; html5ever's path removes it before tokenizing (dom/nul.rs), and
    // so does this one, or a NUL in raw text (`<xmp>`, `<textarea>`) would become U+FFFD here
    // and nothing there (found by the `parsers` fuzz target).
    let html = &*super::nul::strip_nuls(html);
    let mut builder = modes::Builder::new(
        limits.max_nodes,
        limits.max_depth as usize,
        expected_nodes(html),
    );
    // The page's text is at most its length, but for the few references that decode longer
    // than they are written: one reservation, where growing by doubling would copy the text
    // buffer ~20 times for a large page.
    builder.tree.doc.reserve_text(html.len());
    let mut doc = build(html, builder, limits)?;
    super::noscript::expand(&mut doc, limits, parse_fragment)?;
    Ok(doc)
}

/// Parses the text of a `<noscript>` as its content with scripting off: the root `<html>` of
/// the returned document holds what was parsed (dom/noscript.rs grafts it into the page).
fn parse_fragment(html: &str, limits: &ParseLimits) -> Result<Document, LimitExceeded> {
    let builder = modes::Builder::new_fragment(
        limits.max_nodes,
        limits.max_depth as usize,
        expected_nodes(html),
    );
    build(html, builder, limits)
}

/// Each `<` opens at most one element and the text after it, so twice the count of `<` (found
/// at memchr speed) bounds the node count. The bound, not the count itself: pages with more
/// nodes than `<` are common, and growing the arena by doubling there copied it 87 times a pass
/// over scrapinghub (17 M instructions, 1.5 % of extraction; callgrind). Capped so that a page
/// of bare `<` cannot reserve memory it never fills: 256 Ki nodes is four times the largest dev
/// page; a larger tree grows the arena as usual.
fn expected_nodes(html: &str) -> usize {
    (2 * memchr::memchr_iter(b'<', html.as_bytes()).count() + 8).min(256 * 1024)
}

/// Tokenizes `html` into `builder` and hands over the tree, or the node limit it ran into.
fn build(
    html: &str,
    mut builder: modes::Builder,
    limits: &ParseLimits,
) -> Result<Document, LimitExceeded> {
    tokenizer::Tokenizer::new(html).run(&mut builder);
    if builder.tree.over_limit() {
        return Err(LimitExceeded {
            limit: "max_nodes",
            value: limits.max_nodes,
        });
    }
    builder.finish();
    Ok(builder.tree.doc)
}

#[cfg(test)]
mod tests;
