//! pagepith finds the article inside a web page: its headline, authors, dates, captions and body,
//! leaving out menus, share bars, cookie and newsletter boxes, comments and "related" lists.
//!
//! ```
//! let html = br#"<html><head><title>Rain in Spain | Daily News</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/world">World</a></nav>
//!   <article><h1>Rain in Spain</h1>
//!     <p>The rain in Spain stays mainly in the plain, forecasters said on Monday, as a wet
//!        spring continued across the country's central plateau.</p>
//!     <p>Farmers welcomed the showers after two dry years, though some roads were flooded
//!        and schools in three towns closed early.</p>
//!   </article>
//!   <footer>(c) Daily News</footer></body></html>"#;
//! let article = pagepith::extract(html, &pagepith::Config::default()).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Rain in Spain"));
//! assert!(article.text().starts_with("The rain in Spain"));
//! assert!(!article.text().contains("Home"));
//! ```
//!
//! The page flows through one stage after another and never back: [`decode`] (bytes to UTF-8),
//! [`dom`] (parse into an arena tree), `metadata` (facts from the head and the headline area),
//! `prune` (drop furniture), `segment` (blocks with features), `select` (which blocks are the
//! article) and `render` (text, Markdown, JSON).
//!
//! Pages that arrive already flattened to text, one block a line (crawl WET records, scraped
//! corpora), go through [`extract_text`] instead, which reads the same [`Article`] from the
//! lines alone; [`flatten`] turns an HTML page into such text.

#![forbid(unsafe_code)]

mod article;
mod assemble;
mod config;
pub mod decode;
pub mod dom;
mod error;
mod explain;
mod flatten;
mod metadata;
mod pagetype;
mod prune;
pub mod render;
mod segment;
mod select;
mod text;
mod textutil;

pub use article::{Article, Block, ListItem, TableRow};
pub use config::Config;
pub use error::{Error, ErrorKind};
pub use explain::{explain, BlockReport, Explanation};
pub use flatten::{flatten, flatten_str};
pub use text::{extract_text, looks_like_html};

/// Extracts the article from a page's bytes; the charset is detected here.
pub fn extract(html: &[u8], config: &Config) -> Result<Article, Error> {
    if html.len() > config.max_input_bytes {
        return Err(Error::limit("max_input_bytes", html.len()));
    }
    let decoded = decode::decode(html, config.content_type.as_deref());
    extract_str(&decoded.text, config)
}

/// Extracts the article from a page already decoded to UTF-8.
pub fn extract_str(html: &str, config: &Config) -> Result<Article, Error> {
    let run = run_stages(html, config)?;
    Ok(assemble::build_article(
        &run.doc,
        &run.segmentation,
        &run.selection,
        run.meta,
    ))
}

/// Every stage's output for one page: what `extract` assembles and `explain` reports.
pub(crate) struct StageOutputs {
    pub doc: dom::Document,
    pub meta: metadata::Metadata,
    pub pruned: prune::PruneLog,
    pub segmentation: segment::Segmentation,
    pub selection: select::Selection,
}

/// Runs the stages in order on decoded text; the one place that knows their sequence.
pub(crate) fn run_stages(html: &str, config: &Config) -> Result<StageOutputs, Error> {
    if html.len() > config.max_input_bytes {
        return Err(Error::limit("max_input_bytes", html.len()));
    }
    let limits = dom::ParseLimits {
        max_nodes: config.max_nodes,
    };
    let mut doc = dom::parse(html, &limits).map_err(|e| Error::limit("max_nodes", e.limit))?;
    let meta = metadata::extract(&doc, config.url.as_deref());
    let discussion = pagetype::is_discussion(&doc);
    let pruned = prune::prune(&mut doc, discussion);
    let segmentation = segment::segment(&doc);
    let selection = select::select(&doc, &segmentation, &meta);
    Ok(StageOutputs {
        doc,
        meta,
        pruned,
        segmentation,
        selection,
    })
}
