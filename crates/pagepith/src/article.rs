//! The extracted article: its facts and its body as structure.

use serde::Serialize;

/// One block of the article body.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Block {
    Heading {
        level: u8,
        text: String,
        /// Link spans in `text`; filled only with [`Config::with_links`](crate::Config::with_links).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
    },
    Paragraph {
        text: String,
        /// Link spans in `text`; filled only with [`Config::with_links`](crate::Config::with_links).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
    },
    List {
        ordered: bool,
        items: Vec<ListItem>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Table {
        rows: Vec<TableRow>,
    },
    Code {
        text: String,
    },
    Figure {
        src: Option<String>,
        caption: Option<String>,
    },
}

/// One item of a list: its own text and any blocks nested in it (sub-lists, paragraphs).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListItem {
    pub text: String,
    pub children: Vec<Block>,
    /// Link spans in `text`; filled only with [`Config::with_links`](crate::Config::with_links).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// A link inside a block's text: the anchor is `text[start..end]` (byte offsets into the UTF-8
/// text, always on character boundaries).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    pub start: usize,
    pub end: usize,
    /// The target, made absolute against the page's URL when it is relative and a URL is known.
    pub href: String,
}

impl Block {
    /// A paragraph without links.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph {
            text: text.into(),
            links: Vec::new(),
        }
    }

    /// A heading without links.
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            level,
            text: text.into(),
            links: Vec::new(),
        }
    }
}

impl ListItem {
    /// An item without links.
    pub fn new(text: impl Into<String>, children: Vec<Block>) -> ListItem {
        ListItem {
            text: text.into(),
            children,
            links: Vec::new(),
        }
    }
}

/// One row of a table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableRow {
    pub cells: Vec<String>,
    /// Whether the row is made of header cells (`<th>`, or inside `<thead>`).
    pub header: bool,
}

/// What pagepith found on a page.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    /// The page's canonical URL, else the URL it was given.
    pub url: Option<String>,
    /// The headline, without the site-name suffix of `<title>`.
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// Publication date, ISO 8601.
    pub date: Option<String>,
    /// Last modification date, ISO 8601.
    pub date_modified: Option<String>,
    pub sitename: Option<String>,
    /// BCP 47 language tag as the page declares it, else detected from the body text.
    pub language: Option<String>,
    pub description: Option<String>,
    /// URL of the lead image.
    pub image: Option<String>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    /// What kind of page this is (`provenance.page_type` says which signal decided it).
    pub page_type: crate::PageType,
    /// Captions of the article's figures.
    pub captions: Vec<String>,
    /// The body as structure.
    pub body: Vec<Block>,
    /// The page's comments, one paragraph a block; empty unless `Config::with_comments`.
    pub comments: Vec<Block>,
    /// The body's direct quotations with their speakers; empty unless `Config::with_quotes`.
    pub quotes: Vec<crate::Quote>,
    /// Where each metadata field came from.
    pub provenance: crate::Provenance,
}

impl Article {
    /// The body as plain text: one block a paragraph, paragraphs separated by a blank line.
    pub fn text(&self) -> String {
        crate::render::text(&self.body)
    }

    /// The comments as plain text, paragraphs separated by a blank line.
    pub fn comments_text(&self) -> String {
        crate::render::text(&self.comments)
    }

    /// The body as Markdown (CommonMark with GFM tables).
    pub fn markdown(&self) -> String {
        crate::render::markdown(self)
    }

    /// The article as a clean HTML fragment (allow-listed elements, no scripts, styles,
    /// handlers or unsafe URLs): see [`render::html`](crate::render::html).
    pub fn html(&self) -> String {
        crate::render::html(self)
    }

    /// The body's links in reading order, as (anchor text, target); empty unless
    /// [`Config::with_links`](crate::Config::with_links).
    pub fn links(&self) -> Vec<(&str, &str)> {
        enum Next<'a> {
            Block(&'a Block),
            Item(&'a ListItem),
        }
        let mut out = Vec::new();
        // Lists nest (a few levels, capped by assembly): an explicit stack keeps the walk flat.
        // Entries are pushed in reverse so that they pop in reading order.
        let mut stack: Vec<Next> = self.body.iter().rev().map(Next::Block).collect();
        while let Some(next) = stack.pop() {
            let (text, links) = match next {
                Next::Block(Block::Paragraph { text, links })
                | Next::Block(Block::Heading { text, links, .. }) => (text, links),
                Next::Block(Block::List { items, .. }) => {
                    stack.extend(items.iter().rev().map(Next::Item));
                    continue;
                }
                Next::Block(Block::Quote { blocks }) => {
                    stack.extend(blocks.iter().rev().map(Next::Block));
                    continue;
                }
                Next::Block(_) => continue,
                Next::Item(item) => {
                    stack.extend(item.children.iter().rev().map(Next::Block));
                    (&item.text, &item.links)
                }
            };
            out.extend(
                links
                    .iter()
                    .filter_map(|l| Some((text.get(l.start..l.end)?, l.href.as_str()))),
            );
        }
        out
    }

    /// Whether no body text was found.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }
}
