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
    },
    Paragraph {
        text: String,
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

    /// Whether no body text was found.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }
}
