//! One configuration for every entry point; the CLI and bindings map their options onto it.

/// How to extract. Build with [`Config::default`] and the `with_*` methods.
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) url: Option<String>,
    pub(crate) content_type: Option<String>,
    pub(crate) max_input_bytes: usize,
    pub(crate) max_nodes: usize,
    pub(crate) reference_time: Option<i64>,
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
            reference_time: None,
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

    /// When the page was fetched, in Unix seconds [default: now]: dates later than this are
    /// refused, and relative dates ("3 days ago") are counted back from it.
    pub fn with_reference_time(mut self, unix_secs: i64) -> Self {
        self.reference_time = Some(unix_secs);
        self
    }

    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
}
