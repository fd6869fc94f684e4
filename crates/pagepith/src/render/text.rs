//! Plain text: one block a paragraph, separated by blank lines; list items and table rows one
//! a line. Captions and figures are not body text.

use crate::article::Block;

pub fn text(body: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(body.len());
    for block in body {
        push_block(block, &mut parts);
    }
    parts.join("\n\n")
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

fn push_block(block: &Block, parts: &mut Vec<String>) {
    match block {
        Block::Heading { text, .. } | Block::Paragraph { text, .. } | Block::Code { text } => {
            parts.push(text.clone())
        }
        Block::List { items, .. } => {
            let mut lines = Vec::new();
            list_lines(items, &mut lines);
            parts.push(lines.join("\n"));
        }
        Block::Table { rows } => parts.push(
            rows.iter()
                .map(|r| r.cells.join(" | "))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
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
