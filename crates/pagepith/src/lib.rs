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

#![forbid(unsafe_code)]

mod article;
mod assemble;
mod budget;
mod config;
pub mod decode;
pub mod dom;
mod error;
mod explain;
mod metadata;
mod pagetype;
mod prune;
pub mod render;
mod segment;
mod select;
mod textutil;

pub use article::{Article, Block, ListItem, TableRow};
pub use budget::Deadline;
pub use config::Config;
pub use error::{Error, ErrorKind};
pub use explain::{explain, BlockReport, Explanation};

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
    let deadline = Deadline::after(config.time_budget);
    // The parse checks the clock between input pieces; the later stages are each linear in the
    // tree (whose depth the parse caps), so checking between them bounds the overrun by one
    // stage of one page.
    let in_time = || {
        if deadline.expired() {
            Err(Error::limit("time_budget_ms", deadline.elapsed_ms()))
        } else {
            Ok(())
        }
    };
    let limits = dom::ParseLimits {
        max_nodes: config.max_nodes,
        max_depth: config.max_depth,
        deadline: Some(deadline),
    };
    let mut doc = dom::parse(html, &limits).map_err(|e| Error::limit(e.limit, e.value))?;
    in_time()?;
    let meta = metadata::extract(&doc, config.url.as_deref());
    in_time()?;
    let discussion = pagetype::is_discussion(&doc);
    let pruned = prune::prune(&mut doc, discussion);
    in_time()?;
    let segmentation = segment::segment(&doc);
    in_time()?;
    let selection = select::select(&doc, &segmentation, &meta);
    in_time()?;
    Ok(StageOutputs {
        doc,
        meta,
        pruned,
        segmentation,
        selection,
    })
}
