//! Plain text: one block a paragraph, separated by blank lines; list items and table rows one
//! a line. Captions and figures are not body text.

use crate::article::Block;

pub fn text(body: &[Block]) -> String {
    let parts = text_parts(body);
    let mut out = String::with_capacity(parts.iter().map(|(p, _)| p.len() + 2).sum());
    for (i, (part, _)) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(part);
    }
    out
}

/// The paragraphs `text` joins with a blank line, each with whether it is prose (not code or a
/// table): what the quotation finder reads, paragraph by paragraph.
pub fn text_parts(body: &[Block]) -> Vec<(String, bool)> {
    let mut parts = Vec::with_capacity(body.len());
    for block in body {
        push_block(block, &mut parts);
    }
    parts
}

/// Each item a line, nested lists' items after their parent's.
// NOTE: recursion follows list nesting, which assembly caps at a few levels.
fn list_lines<'a>(items: &'a [crate::article::ListItem], lines: &mut Vec<&'a str>) {
    for item in items {
        lines.push(&item.text);
        for child in &item.children {
            match child {
                Block::List { items, .. } => list_lines(items, lines),
                Block::Paragraph { text, .. }
                | Block::Heading { text, .. }
                | Block::Code { text } => lines.push(text),
                _ => {}
            }
        }
    }
}

fn push_block(block: &Block, parts: &mut Vec<(String, bool)>) {
    match block {
        Block::Heading { text, .. } | Block::Paragraph { text, .. } => {
            parts.push((text.clone(), true))
        }
        Block::Code { text } => parts.push((text.clone(), false)),
        Block::List { items, .. } => {
            let mut lines = Vec::new();
            list_lines(items, &mut lines);
            parts.push((lines.join("\n"), true));
        }
        Block::Table { rows } => parts.push((
            rows.iter()
                .map(|r| r.cells.join(" | "))
                .collect::<Vec<_>>()
                .join("\n"),
            false,
        )),
        // NOTE: quotations hold only leaf blocks (assemble never nests them), so this
        // recursion is one level deep whatever the input.
        Block::Quote { blocks } => {
            for b in blocks {
                push_block(b, parts);
            }
        }
        Block::Figure { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ListItem, TableRow};

    #[test]
    fn blocks_are_separated_by_blank_lines_and_items_by_newlines() {
        let body = vec![
            Block::paragraph("One."),
            Block::List {
                ordered: false,
                items: vec![ListItem::new("a", vec![]), ListItem::new("b", vec![])],
            },
            Block::Table {
                rows: vec![TableRow {
                    cells: vec!["k".into(), "v".into()],
                    header: false,
                }],
            },
            Block::Figure {
                src: None,
                caption: Some("not body".into()),
            },
        ];
        assert_eq!(text(&body), "One.\n\na\nb\n\nk | v");
    }
}
