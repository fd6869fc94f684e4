//! The extraction options shared by `extract`, `explain` and `eval`, and their mapping onto
//! [`pagepith::Config`].

use clap::ValueEnum;

/// Which way to lean on blocks that could be article or furniture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum FavorArg {
    #[default]
    Balanced,
    Precision,
    Recall,
}

#[derive(clap::Args, Debug, Clone, Default)]
pub struct ExtractionOptions {
    /// Lean towards precision (less furniture) or recall (less lost text).
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    pub favor: FavorArg,
    /// Extract the page's comments into a separate `comments` field (never into `text`).
    #[arg(long)]
    pub comments: bool,
    /// Leave tables out of the body.
    #[arg(long)]
    pub no_tables: bool,
    /// Keep link targets: `[text](href)` in Markdown, `<a href>` in HTML, a `links` list in JSON.
    #[arg(long)]
    pub links: bool,
    /// Find the body's direct quotations and who said them: a `quotes` field (JSON), a
    /// section after the body (text, Markdown), a list after the blocks (explain).
    #[arg(long)]
    pub quotes: bool,
    /// Parser that builds the tree [default: the library's default].
    #[arg(long, value_enum)]
    pub parser: Option<crate::ParserArg>,
}

impl ExtractionOptions {
    pub fn config(&self) -> pagepith::Config {
        let favor = match self.favor {
            FavorArg::Balanced => pagepith::Favor::Balanced,
            FavorArg::Precision => pagepith::Favor::Precision,
            FavorArg::Recall => pagepith::Favor::Recall,
        };
        let config = crate::ParserArg::apply(self.parser, pagepith::Config::default());
        config
            .with_favor(favor)
            .with_comments(self.comments)
            .with_tables(!self.no_tables)
            .with_links(self.links)
            .with_quotes(self.quotes)
    }
}
