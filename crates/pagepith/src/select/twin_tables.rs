//! One table drawn as two.
//!
//! A wide table that must scroll sideways is often set as two `<table>`s side by side under
//! one wrapper: a narrow fixed column of row names (each a link to its own page) and a
//! scrolling table of the figures. Each row of the one is the same row of the other, so both
//! share a row count. The figures pass the block rules; the names are link-heavy and go, and
//! the figures are left without the rows' names. A table of names beside a kept table with
//! the same rows is the same table.

use super::Decision;
use crate::dom::{Document, NodeId, Tag};
use crate::segment::Segmentation;

/// Levels above a table of names at which its twin may sit under the shared wrapper (the
/// fixed column and the scrolling part each sit in a box of their own or two). Not tuned:
/// the layouts seen wrap each table once or twice.
const MAX_WRAPPER_LEVELS: usize = 3;

/// Rows a table needs for the count to say anything: two tables of one or two rows share a
/// count by chance. Not tuned: a standings or results table has more.
const MIN_ROWS: usize = 3;

/// Rows of `table`: its `<tr>` elements, not those of a table inside it.
fn rows(doc: &Document, table: NodeId) -> usize {
    doc.descendants(table)
        .filter(|&n| {
            doc.tag(n) == Some(Tag::Tr)
                && doc.ancestors(n).find(|&a| doc.tag(a) == Some(Tag::Table)) == Some(table)
        })
        .count()
}

/// A table's cells as the rules above left them.
struct TableCells {
    table: NodeId,
    kept: usize,
    /// Kept cells outside the header rows.
    kept_body: usize,
    linked: usize,
}

/// Takes back the link-heavy body cells of a table whose twin (another table under a
/// wrapper at most [`MAX_WRAPPER_LEVELS`] above it, with the same number of rows, at least
/// [`MIN_ROWS`]) has at least one kept cell per row. One pass over the blocks gathers each
/// table's counts; rows are counted only for the pairs that could be twins.
///
/// Measured on both dev sets (release build, among the last rules of both paths): wcxb-dev F1
/// 0.88642 -> 0.88641 (listing 0.74905 -> 0.74897; one page, a standings page whose gold
/// names teams the names column holds), `with` by words 5,735 -> 5,737, `without` leaked
/// unchanged; scrapinghub unchanged. Without the names-only test (a table with kept cells of
/// its own may be the names side too) a comparison table's button in every row
/// came back (a second page −0.0009). See BENCHMARKS.md (session 14, linked14).
pub fn keep_twin_table_names(doc: &Document, seg: &Segmentation, decisions: &mut [Decision]) {
    let mut tables: Vec<TableCells> = Vec::new();
    for (b, d) in seg.blocks.iter().zip(decisions.iter()) {
        let Some(c) = b.cell else { continue };
        let at = match tables.iter().rposition(|t| t.table == c.table) {
            Some(at) => at,
            None => {
                tables.push(TableCells {
                    table: c.table,
                    kept: 0,
                    kept_body: 0,
                    linked: 0,
                });
                tables.len() - 1
            }
        };
        match d {
            Decision::Kept => {
                tables[at].kept += 1;
                tables[at].kept_body += usize::from(!c.header);
            }
            Decision::LinkHeavy if !c.header => tables[at].linked += 1,
            _ => {}
        }
    }
    let mut named: Vec<NodeId> = Vec::new();
    // A column of names only: a table with figures of its own kept is a whole table whose
    // linked cells (a button in every row) its own rules judged.
    for names in tables
        .iter()
        .filter(|t| t.linked >= MIN_ROWS && t.kept_body == 0)
    {
        let count = rows(doc, names.table);
        if count < MIN_ROWS {
            continue;
        }
        let wrappers = || doc.ancestors(names.table).take(MAX_WRAPPER_LEVELS);
        let twin = tables.iter().any(|t| {
            t.table != names.table
                && t.kept >= count
                && wrappers().any(|w| doc.is_within(t.table, w))
                && rows(doc, t.table) == count
        });
        if twin {
            named.push(names.table);
        }
    }
    if named.is_empty() {
        return;
    }
    for (b, d) in seg.blocks.iter().zip(decisions.iter_mut()) {
        if *d == Decision::LinkHeavy
            && b.cell
                .is_some_and(|c| !c.header && named.contains(&c.table))
        {
            *d = Decision::Kept;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::select::extracted_text;

    /// Rows of a results table split in two: the linked names, and the figures.
    fn split_table(rows: usize, figure_rows: usize) -> String {
        let names: String = (1..=rows)
            .map(|n| format!("<tr><td><a href=/club{n}>Riverside Rovers number {n}</a></td></tr>"))
            .collect();
        let figures: String = (1..=figure_rows)
            .map(|n| format!("<tr><td>{n}</td><td>{}</td><td>{}</td></tr>", 30 - n, n + 4))
            .collect();
        format!(
            "<div class=results><div class=fixed><table><thead><tr><th>Club</th></tr></thead>\
             <tbody>{names}</tbody></table></div><div class=scroll><table><thead><tr><th>Pos</th>\
             <th>Won</th><th>Lost</th></tr></thead><tbody>{figures}</tbody></table></div></div>"
        )
    }

    const PROSE: &str = "<p>The season closed on Saturday with the last round of matches, and \
        the table below gives the final standings of every club in the division.</p>";

    /// Guards the rule: the linked names of a table set as a fixed column beside the table
    /// of its figures (same rows) stay with the figures.
    #[test]
    fn names_beside_their_figures_are_kept() {
        let page = format!(
            "<article><h1>Final standings</h1>{PROSE}{}{PROSE}</article>",
            split_table(6, 6)
        );
        let text = extracted_text(&page);
        assert!(text.contains("Riverside Rovers number 4"), "{text}");
    }

    /// Guards the row test: a table of links beside a table with other rows is not its
    /// twin (a list of other pages set as a table next to a table of figures).
    #[test]
    fn names_beside_a_table_of_other_rows_stay_dropped() {
        let page = format!(
            "<article><h1>Final standings</h1>{PROSE}{}{PROSE}</article>",
            split_table(6, 4)
        );
        let text = extracted_text(&page);
        assert!(!text.contains("Riverside Rovers number 4"), "{text}");
    }
}
