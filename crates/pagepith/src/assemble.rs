//! Turns the selected blocks into the article's structure: consecutive list items become a
//! list, cells a table, quoted paragraphs a quotation; captions go to their own field.

use crate::article::{Article, Block, ListItem, TableRow};
use crate::dom::{Document, NodeId, Tag};
use crate::metadata::Metadata;
use crate::segment::{BlockKind, Segmentation, TextBlock};
use crate::select::{Decision, Selection};

/// A cell longer than this is a layout table's column, not data: its text is read as
/// paragraphs. Real data cells hold a value or a short phrase.
const MAX_DATA_CELL_CHARS: usize = 200;

/// Paragraphs shorter than this may repeat legitimately ("Yes.", a refrain): only longer ones
/// are dropped as repeats. About one sentence.
const MIN_DEDUPLICATED_CHARS: usize = 60;

pub fn build_article(
    doc: &Document,
    seg: &Segmentation,
    sel: &Selection,
    meta: Metadata,
) -> Article {
    let mut body = Vec::new();
    let mut captions = Vec::new();
    let mut builder = Builder::default();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (b, d) in seg.blocks.iter().zip(&sel.decisions) {
        match d {
            // A long paragraph met a second time is the page repeating itself (a teaser of the
            // lead, a pull quote, a block for another screen size), not new text.
            Decision::Kept
                if b.chars >= MIN_DEDUPLICATED_CHARS
                    && b.kind == BlockKind::Paragraph
                    && b.list.is_none()
                    && b.cell.is_none()
                    && !seen.insert(b.text.as_str()) => {}
            Decision::Kept => builder.add(doc, b, &mut body),
            Decision::Caption => {
                builder.finish(&mut body);
                if !captions.contains(&b.text) {
                    captions.push(b.text.clone());
                    // The figure stays in the structure (Markdown shows it); plain text leaves
                    // figures out, as the body text of a news page does.
                    let src = b
                        .figure
                        .and_then(|f| doc.find_tag(f, Tag::Img))
                        .and_then(|img| doc.attr(img, "src"))
                        .map(str::to_owned);
                    body.push(Block::Figure {
                        src,
                        caption: Some(b.text.clone()),
                    });
                }
            }
            _ => {}
        }
    }
    builder.finish(&mut body);
    let mut provenance = meta.provenance;
    let language = meta.language.or_else(|| {
        let found = crate::langdetect::detect(&crate::render::text(&body));
        if found.is_some() {
            provenance.language = Some("detected".to_owned());
        }
        found
    });
    Article {
        url: meta.url,
        title: meta.title,
        authors: meta.authors,
        date: meta.date,
        date_modified: meta.date_modified,
        sitename: meta.sitename,
        language,
        description: meta.description,
        image: meta.image,
        categories: meta.categories,
        tags: meta.tags,
        page_type: meta.page_type,
        captions,
        body,
        comments: Vec::new(),
        provenance,
    }
}

/// The group being built: a list, table or quotation grows while blocks continue it.
#[derive(Default)]
enum Group {
    #[default]
    None,
    /// Open lists, outermost first: each deeper one is nested in the last item of the one
    /// before it.
    List(Vec<OpenList>),
    Table {
        table: NodeId,
        rows: Vec<(NodeId, TableRow, Option<NodeId>)>,
    },
    Quote {
        quote: NodeId,
        blocks: Vec<Block>,
    },
}

/// A list being built and the items read so far.
struct OpenList {
    list: NodeId,
    ordered: bool,
    items: Vec<(NodeId, ListItem)>,
}

impl OpenList {
    fn into_block(self) -> Block {
        Block::List {
            ordered: self.ordered,
            items: self.items.into_iter().map(|(_, i)| i).collect(),
        }
    }
}

/// Lists nested deeper than this are read as items of the deepest level: real documents rarely
/// pass three or four levels, and the cap keeps rendering's walk over them shallow whatever the
/// input's nesting.
const MAX_LIST_DEPTH: usize = 6;

/// Closes the innermost open list into the last item of the list holding it.
fn fold_innermost(lists: &mut Vec<OpenList>) {
    if lists.len() < 2 {
        return;
    }
    let inner = lists.pop().expect("two lists open");
    if let Some((_, item)) = lists.last_mut().and_then(|l| l.items.last_mut()) {
        item.children.push(inner.into_block());
    }
}

#[derive(Default)]
struct Builder {
    group: Group,
}

impl Builder {
    fn add(&mut self, doc: &Document, b: &TextBlock, body: &mut Vec<Block>) {
        if let Some(cell) = b
            .cell
            .filter(|c| c.cell == b.node && b.chars <= MAX_DATA_CELL_CHARS)
        {
            if !matches!(self.group, Group::Table { table, .. } if table == cell.table) {
                self.finish(body);
                self.group = Group::Table {
                    table: cell.table,
                    rows: Vec::new(),
                };
            }
            if let Group::Table { rows, .. } = &mut self.group {
                let header = cell.header
                    || doc
                        .ancestors(cell.row)
                        .take(2)
                        .any(|a| doc.tag(a) == Some(Tag::Thead));
                match rows.last_mut() {
                    Some((row, r, last_cell)) if *row == cell.row => {
                        if *last_cell == Some(cell.cell) {
                            let last = r
                                .cells
                                .last_mut()
                                .expect("a row with a last cell has cells");
                            last.push(' ');
                            last.push_str(&b.text);
                        } else {
                            r.cells.push(b.text.clone());
                            *last_cell = Some(cell.cell);
                        }
                        r.header &= header;
                    }
                    _ => rows.push((
                        cell.row,
                        TableRow {
                            cells: vec![b.text.clone()],
                            header,
                        },
                        Some(cell.cell),
                    )),
                }
            }
            return;
        }
        if let Some(place) = b
            .list
            .filter(|_| !matches!(b.kind, BlockKind::Heading(_) | BlockKind::Code))
        {
            let level = match &mut self.group {
                Group::List(lists) => {
                    if let Some(k) = lists.iter().position(|l| l.list == place.list) {
                        // A later item of an open list: the lists nested after it are done.
                        while lists.len() > k + 1 {
                            fold_innermost(lists);
                        }
                        Some(k)
                    } else {
                        // A list inside one of the open items (the deepest first) nests there.
                        let holder = (0..lists.len()).rev().find(|&k| {
                            lists[k].items.last().is_some_and(|&(item, _)| {
                                doc.ancestors(place.list).any(|a| a == item)
                            })
                        });
                        match holder {
                            Some(k) => {
                                while lists.len() > k + 1 {
                                    fold_innermost(lists);
                                }
                                if lists.len() < MAX_LIST_DEPTH {
                                    lists.push(OpenList {
                                        list: place.list,
                                        ordered: place.ordered,
                                        items: Vec::new(),
                                    });
                                }
                                Some(lists.len() - 1)
                            }
                            None => None,
                        }
                    }
                }
                _ => None,
            };
            if level.is_none() {
                self.finish(body);
                self.group = Group::List(vec![OpenList {
                    list: place.list,
                    ordered: place.ordered,
                    items: Vec::new(),
                }]);
            }
            if let Group::List(lists) = &mut self.group {
                let items = &mut lists
                    .last_mut()
                    .expect("a list group has an open list")
                    .items;
                match items.last_mut() {
                    Some((item, it)) if *item == place.item => {
                        it.text.push('\n');
                        it.text.push_str(&b.text);
                    }
                    _ => items.push((
                        place.item,
                        ListItem {
                            text: b.text.clone(),
                            children: Vec::new(),
                        },
                    )),
                }
            }
            return;
        }
        let block = match b.kind {
            BlockKind::Heading(level) => Block::Heading {
                level,
                text: b.text.clone(),
            },
            BlockKind::Code => Block::Code {
                text: b.text.clone(),
            },
            _ => Block::Paragraph {
                text: b.text.clone(),
            },
        };
        if let Some(q) = b.quote {
            if !matches!(self.group, Group::Quote { quote, .. } if quote == q) {
                self.finish(body);
                self.group = Group::Quote {
                    quote: q,
                    blocks: Vec::new(),
                };
            }
            if let Group::Quote { blocks, .. } = &mut self.group {
                blocks.push(block);
            }
            return;
        }
        self.finish(body);
        body.push(block);
    }

    fn finish(&mut self, body: &mut Vec<Block>) {
        match std::mem::take(&mut self.group) {
            Group::None => {}
            Group::List(mut lists) => {
                while lists.len() > 1 {
                    fold_innermost(&mut lists);
                }
                if let Some(outer) = lists.pop() {
                    body.push(outer.into_block());
                }
            }
            Group::Table { rows, .. } => body.push(Block::Table {
                rows: rows.into_iter().map(|(_, r, _)| r).collect(),
            }),
            Group::Quote { blocks, .. } => body.push(Block::Quote { blocks }),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::article::{Block, ListItem};

    fn body_of(html: &str) -> Vec<Block> {
        crate::extract_str(html, &crate::Config::default())
            .unwrap()
            .body
    }

    fn item(text: &str, children: Vec<Block>) -> ListItem {
        ListItem {
            text: text.into(),
            children,
        }
    }

    /// Guards nested lists: a list inside an item stays inside it, and the outer list goes on
    /// after the inner one ends.
    #[test]
    fn nested_lists_stay_nested() {
        let html = "<article><p>Steps to follow, in the order given, for a working install of \
            the tool on any machine.</p><ol><li>Download the archive<ul><li>the stable build\
            </li><li>or the nightly build</li></ul></li><li>Unpack it</li></ol></article>";
        let body = body_of(html);
        let expected = Block::List {
            ordered: true,
            items: vec![
                item(
                    "Download the archive",
                    vec![Block::List {
                        ordered: false,
                        items: vec![
                            item("the stable build", vec![]),
                            item("or the nightly build", vec![]),
                        ],
                    }],
                ),
                item("Unpack it", vec![]),
            ],
        };
        assert_eq!(body.get(1), Some(&expected), "{body:#?}");
    }

    /// Guards the depth cap: lists nested past it are read as items of the deepest level, so
    /// rendering walks a bounded depth whatever the page's nesting.
    #[test]
    fn list_nesting_is_capped() {
        let depth = super::MAX_LIST_DEPTH + 4;
        let mut html = String::from(
            "<article><p>A paragraph long enough to make this the article, with commas, \
             clauses, and a full stop.</p>",
        );
        for i in 0..depth {
            html.push_str(&format!("<ul><li>level {i}"));
        }
        html.push_str(&"</li></ul>".repeat(depth));
        let body = body_of(&html);
        let mut levels = 0;
        let mut current = body.get(1);
        while let Some(Block::List { items, .. }) = current {
            levels += 1;
            current = items.last().and_then(|i| i.children.first());
        }
        assert_eq!(levels, super::MAX_LIST_DEPTH);
        let text = crate::render::text(&body);
        for i in 0..depth {
            assert!(text.contains(&format!("level {i}")), "lost level {i}");
        }
    }
}
