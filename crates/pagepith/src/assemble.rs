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

pub fn build_article(
    doc: &Document,
    seg: &Segmentation,
    sel: &Selection,
    meta: Metadata,
) -> Article {
    let mut body = Vec::new();
    let mut captions = Vec::new();
    let mut builder = Builder::default();
    for (b, d) in seg.blocks.iter().zip(&sel.decisions) {
        match d {
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
        captions,
        body,
        provenance,
    }
}

/// The group being built: a list, table or quotation grows while blocks continue it.
#[derive(Default)]
enum Group {
    #[default]
    None,
    List {
        list: NodeId,
        ordered: bool,
        items: Vec<(NodeId, ListItem)>,
    },
    Table {
        table: NodeId,
        rows: Vec<(NodeId, TableRow, Option<NodeId>)>,
    },
    Quote {
        quote: NodeId,
        blocks: Vec<Block>,
    },
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
            if !matches!(self.group, Group::List { list, .. } if list == place.list) {
                self.finish(body);
                self.group = Group::List {
                    list: place.list,
                    ordered: place.ordered,
                    items: Vec::new(),
                };
            }
            if let Group::List { items, .. } = &mut self.group {
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
            Group::List { ordered, items, .. } => body.push(Block::List {
                ordered,
                items: items.into_iter().map(|(_, i)| i).collect(),
            }),
            Group::Table { rows, .. } => body.push(Block::Table {
                rows: rows.into_iter().map(|(_, r, _)| r).collect(),
            }),
            Group::Quote { blocks, .. } => body.push(Block::Quote { blocks }),
        }
    }
}
