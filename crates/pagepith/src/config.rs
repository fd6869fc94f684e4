//! One configuration for every entry point; the CLI and bindings map their options onto it.

use std::time::Duration;

/// Which way to lean when a block could be either article or furniture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Favor {
    /// The best F1: as much of the article as possible with as little furniture as possible.
    #[default]
    Balanced,
    /// Less text, cleaner: for corpora where a stray menu line costs more than a lost paragraph.
    Precision,
    /// More text, noisier: for search indexes and recall-critical uses.
    Recall,
}

/// How to extract. Build with [`Config::default`] and the `with_*` methods.
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) url: Option<String>,
    pub(crate) content_type: Option<String>,
    pub(crate) max_input_bytes: usize,
    pub(crate) max_nodes: usize,
    pub(crate) favor: Favor,
    pub(crate) comments: bool,
    pub(crate) tables: bool,
    pub(crate) links: bool,
    pub(crate) quotes: bool,
    pub(crate) parser: crate::dom::Parser,
    pub(crate) reference_time: Option<i64>,
    pub(crate) earliest_date: Option<i64>,
    pub(crate) max_depth: u32,
    pub(crate) time_budget: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            url: None,
            content_type: None,
            // 64 MiB: ~300× the median dev page; larger inputs are almost always not articles
            // (data dumps, logs) and cost seconds each.
            max_input_bytes: 64 << 20,
            // Far above any real page (the largest dev page builds ~60,000 nodes); bounds memory.
            max_nodes: 4_000_000,
            favor: Favor::Balanced,
            comments: false,
            tables: true,
            links: false,
            quotes: false,
            parser: crate::dom::Parser::default(),
            reference_time: None,
            earliest_date: None,
            max_depth: crate::dom::DEFAULT_MAX_DEPTH,
            time_budget: DEFAULT_TIME_BUDGET,
        }
    }
}

impl Config {
    /// The page's URL, when known: the fallback for `url`, and the base for relative links.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// The HTTP `Content-Type` header, when known: its charset outranks the page's own.
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// Largest input accepted, in bytes.
    pub fn with_max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// Most DOM nodes one page may build.
    pub fn with_max_nodes(mut self, nodes: usize) -> Self {
        self.max_nodes = nodes;
        self
    }

    /// Lean towards precision or recall (default: balanced).
    pub fn with_favor(mut self, favor: Favor) -> Self {
        self.favor = favor;
        self
    }

    /// Extract the page's comments into [`Article::comments`](crate::Article::comments); they
    /// never go into the body.
    pub fn with_comments(mut self, comments: bool) -> Self {
        self.comments = comments;
        self
    }

    /// Keep tables in the body (default: yes).
    pub fn with_tables(mut self, tables: bool) -> Self {
        self.tables = tables;
        self
    }

    /// Keep link targets: Markdown shows `[text](href)`, HTML `<a href>`, and
    /// [`Article::links`](crate::Article::links) lists them (default: no; finding where links
    /// sit costs a little, which bulk extraction skips).
    pub fn with_links(mut self, links: bool) -> Self {
        self.links = links;
        self
    }

    /// Whether link targets are kept.
    pub fn links(&self) -> bool {
        self.links
    }

    /// Find the body's direct quotations and their speakers into
    /// [`Article::quotes`](crate::Article::quotes) (default: no). Off, extraction does none of
    /// that work.
    pub fn with_quotes(mut self, quotes: bool) -> Self {
        self.quotes = quotes;
        self
    }

    /// Whether quotations are found.
    pub fn quotes(&self) -> bool {
        self.quotes
    }

    /// Whether comments are extracted.
    pub fn comments(&self) -> bool {
        self.comments
    }

    /// Deepest element nesting built. Deeper start tags are dropped and what they hold is kept
    /// at this depth, so a deeper page still yields its text; it is a bound on work, not an error.
    pub fn with_max_depth(mut self, depth: u32) -> Self {
        self.max_depth = depth;
        self
    }

    /// Which parser builds the tree; see [`crate::dom::Parser`].
    pub fn with_parser(mut self, parser: crate::dom::Parser) -> Self {
        self.parser = parser;
        self
    }

    /// When the page was fetched, in Unix seconds [default: now]: dates later than this are
    /// refused, and relative dates ("3 days ago") are counted back from it.
    pub fn with_reference_time(mut self, unix_secs: i64) -> Self {
        self.reference_time = Some(unix_secs);
        self
    }

    /// The earliest date, in Unix seconds, taken for a page's date [default: 1990-01-01]:
    /// earlier ones are founding years and placeholders on most of the web, but real dates in an
    /// archive of older documents. (Unmarked date text in the body is looked for from 1990 on.)
    pub fn with_earliest_date(mut self, unix_secs: i64) -> Self {
        self.earliest_date = Some(unix_secs);
        self
    }

    /// The HTTP `Content-Type` given with [`Config::with_content_type`].
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// Wall-clock time one page may take before extraction stops with
    /// [`ErrorKind::LimitExceeded`](crate::ErrorKind::LimitExceeded) (`time_budget_ms`). Checked
    /// between pieces of work, so it is overrun by at most one piece (milliseconds).
    /// `Duration::MAX` turns it off.
    pub fn with_time_budget(mut self, budget: Duration) -> Self {
        self.time_budget = budget;
        self
    }

    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
}

/// Per-page time budget by default. The slowest of the 1,539 eval pages takes well under a second;
/// 60 MB of real pages concatenated into one (near the 64 MiB input cap) took 6.2 s on the
/// release build on a busy 2-core machine. 30 s leaves five times that for slower or busier
/// machines, and still ends a hang long before a crawl notices it.
const DEFAULT_TIME_BUDGET: Duration = Duration::from_secs(30);
