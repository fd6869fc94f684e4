//! One configuration for every entry point; the CLI and bindings map their options onto it.

use std::time::Duration;

/// How to extract. Build with [`Config::default`] and the `with_*` methods.
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) url: Option<String>,
    pub(crate) content_type: Option<String>,
    pub(crate) max_input_bytes: usize,
    pub(crate) max_nodes: usize,
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

    /// Deepest element nesting built. Deeper start tags are dropped and what they hold is kept
    /// at this depth, so a deeper page still yields its text; it is a bound on work, not an error.
    pub fn with_max_depth(mut self, depth: u32) -> Self {
        self.max_depth = depth;
        self
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
