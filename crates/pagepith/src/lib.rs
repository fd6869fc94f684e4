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
//!
//! With [`Config::with_quotes`], either path also reads the body's direct quotations and who
//! said them into [`Article::quotes`] (see [`quotes`]).

#![forbid(unsafe_code)]

mod accordion;
mod article;
mod assemble;
mod budget;
mod comments;
mod config;
pub mod decode;
pub mod dom;
mod error;
mod explain;
mod flatten;
mod langdetect;
mod metadata;
mod mojibake;
mod own_content;
mod pagetype;
mod posts;
mod prune;
pub mod quotes;
mod record;
pub mod render;
mod repeated_class;
mod reveal;
mod segment;
mod select;
mod shop;
mod text;
mod textutil;

pub use article::{Article, Block, Link, ListItem, TableRow};
pub use budget::Deadline;
pub use config::{Config, Favor};
pub use dom::Parser;
pub use error::{Error, ErrorKind};
pub use explain::{explain, BlockReport, Explanation, MetadataReport, RemovedReport};
pub use flatten::{flatten, flatten_str};
pub use metadata::Provenance;
pub use pagetype::PageType;
pub use quotes::Quote;
pub use record::{Record, Sources};
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
    let mut article =
        assemble::build_article(&run.doc, &run.segmentation, &run.selection, run.meta);
    article.comments = run.comments;
    if config.quotes {
        article.quotes = quotes::from_body(&article.body);
    }
    Ok(article)
}

/// An extraction with fewer letters than this found no article (a sentence or two).
const MIN_ARTICLE_CHARS: usize = 200;
/// ...and when class rules had removed at least this much prose (a few paragraphs), the retry
/// without them is worth a second parse.
const MIN_RETRY_PROSE: usize = 1000;

/// Every stage's output for one page: what `extract` assembles and `explain` reports.
pub(crate) struct StageOutputs {
    pub doc: dom::Document,
    pub meta: metadata::Metadata,
    pub pruned: prune::PruneLog,
    pub segmentation: segment::Segmentation,
    pub selection: select::Selection,
    /// The comments, when the config asks for them.
    pub comments: Vec<Block>,
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
    let parse = || {
        dom::parse_with(html, &limits, config.parser).map_err(|e| Error::limit(e.limit, e.value))
    };
    let mut doc = parse()?;
    in_time()?;
    let meta = metadata::extract(
        &doc,
        config.url.as_deref(),
        config.reference_time,
        config.earliest_date,
    );
    in_time()?;
    // A page of the forum kind (its schema types or its URL's path: `/thread/`, `/comments/`)
    // has posts as its content even without a discussion's schema.org markup (wcxb-dev F1
    // 0.86013 -> 0.86064, forum 0.7703 -> 0.7768, scrapinghub 0.97680 unchanged).
    // Read before the prune stage removes the page's scripts (its JSON-LD): the selection
    // widens a thread's container only on pages that declare a discussion.
    let declared_discussion = pagetype::is_discussion(&doc);
    let discussion = declared_discussion || meta.page_type == pagetype::PageType::Forum;
    let tuning = select::Tuning::from_config(config);
    // A service page (stated, or undated and of no other kind) is the business's own: its
    // banners and promotions are its content (`prune::class_furniture`). A page of the
    // product kind: its buyers' reviews are furniture like a story's comments (wcxb-dev F1
    // 0.86155 -> 0.86180, product 0.5942 -> 0.5998; scrapinghub unchanged).
    let page_kind = prune::PageKind {
        summary: meta.description.as_deref(),
        discussion,
        own_offers: meta.page_type == pagetype::PageType::Service,
        product: meta.page_type == pagetype::PageType::Product,
        // Stated: by schema.org types or `og:type`; a URL word, a host word or a date only
        // guesses (see `pagetype::classify`).
        stated_kind: meta.provenance.page_type.as_deref().is_some_and(|s| {
            ["json-ld:", "microdata:", "og:type:"]
                .iter()
                .any(|p| s.starts_with(p))
        }),
    };
    let mut pruned = prune::prune(&mut doc, page_kind, true);
    in_time()?;
    let mut comments = if config.comments {
        comments::extract(&mut doc, &pruned)
    } else {
        Vec::new()
    };
    let segment = if config.links {
        segment::segment_keeping_links
    } else {
        segment::segment
    };
    let mut segmentation = segment(&doc);
    in_time()?;
    let mut selection = select::select(&doc, &segmentation, &meta, &tuning, declared_discussion);
    in_time()?;
    if selection.kept_chars(&segmentation) < MIN_ARTICLE_CHARS
        && pruned.class_removed_prose() >= MIN_RETRY_PROSE
    {
        // Class names removed the prose and left next to nothing: they misled us (a review
        // site whose articles are all `class="reviews"`). Read the page again trusting only
        // what its markup says. Rare, so the second parse costs little overall.
        let mut retry = parse()?;
        let retry_pruned = prune::prune(&mut retry, page_kind, false);
        let retry_seg = segment(&retry);
        let retry_sel = select::select(&retry, &retry_seg, &meta, &tuning, declared_discussion);
        in_time()?;
        if retry_sel.kept_chars(&retry_seg) > selection.kept_chars(&segmentation) {
            // The metadata's headline node id is the same in both parses: one parser, one input.
            doc = retry;
            pruned = retry_pruned;
            segmentation = retry_seg;
            selection = retry_sel;
            comments.clear();
        }
    }
    Ok(StageOutputs {
        doc,
        meta,
        pruned,
        segmentation,
        selection,
        comments,
    })
}
