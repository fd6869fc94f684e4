//! Turns an HTML page into the text a crawler keeps of it: every visible block on its own line,
//! in document order, nothing chosen or dropped beyond what a browser would not show.
//!
//! This is the input [`crate::extract_text`] reads (Common Crawl's WET files, scraped corpora),
//! so it is also how the text path is measured on HTML gold sets. It does no extraction: menus,
//! footers and comments stay.

use crate::decode;
use crate::dom::{self, Document, Edge, Tag};
use crate::{Config, Error};

/// Flattens a page's bytes (charset detected as for [`crate::extract`]) to one block a line.
pub fn flatten(html: &[u8], config: &Config) -> Result<String, Error> {
    if html.len() > config.max_input_bytes {
        return Err(Error::limit("max_input_bytes", html.len()));
    }
    let decoded = decode::decode(html, config.content_type.as_deref());
    flatten_str(&decoded.text, config)
}

/// Flattens a page already decoded to UTF-8.
pub fn flatten_str(html: &str, config: &Config) -> Result<String, Error> {
    if html.len() > config.max_input_bytes {
        return Err(Error::limit("max_input_bytes", html.len()));
    }
    let limits = dom::ParseLimits {
        max_nodes: config.max_nodes,
        max_depth: config.max_depth,
        deadline: Some(crate::Deadline::after(config.time_budget)),
    };
    let doc = dom::parse_with(html, &limits, config.parser)
        .map_err(|e| Error::limit(e.limit, e.value))?;
    Ok(lines(&doc).join("\n"))
}

/// The visible blocks of the body, one string each, white space collapsed.
fn lines(doc: &Document) -> Vec<String> {
    let root = doc.body().unwrap_or(Document::ROOT);
    let mut out = Vec::new();
    let mut line = Line::default();
    let mut walk = doc.traverse(root);
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(id) => {
                if let Some(text) = doc.text(id) {
                    line.push(text);
                    continue;
                }
                let Some(tag) = doc.tag(id) else { continue };
                let hidden = doc.element(id).is_some_and(crate::prune::is_hidden);
                if tag.is_non_content() || hidden {
                    walk.skip_children(id);
                    continue;
                }
                // A line break ends a line too: a crawler writes `<br>`-separated lines apart.
                if tag.is_block() || tag == Tag::Br {
                    line.end(&mut out);
                }
            }
            Edge::Close(id) => {
                if doc.tag(id).is_some_and(Tag::is_block) {
                    line.end(&mut out);
                }
            }
        }
    }
    line.end(&mut out);
    out
}

/// The text gathered since the last block boundary.
#[derive(Default)]
struct Line {
    text: String,
    space: bool,
}

impl Line {
    fn push(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.text.is_empty() {
                    self.text.push(' ');
                }
                self.space = false;
                self.text.push(c);
            }
        }
    }

    fn end(&mut self, out: &mut Vec<String>) {
        if !self.text.is_empty() {
            out.push(std::mem::take(&mut self.text));
        }
        self.space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(html: &str) -> String {
        flatten_str(html, &Config::default()).unwrap()
    }

    #[test]
    fn each_block_is_one_line_and_inline_text_joins() {
        let html = "<div><h1>Head <em>line</em></h1><p>One <a href=x>two</a>\n three.</p>\
                    <ul><li>a</li><li>b</li></ul></div>";
        assert_eq!(flat(html), "Head line\nOne two three.\na\nb");
    }

    #[test]
    fn scripts_styles_and_hidden_blocks_are_not_visible_text() {
        let html = "<p>seen</p><script>var x=1;</script><style>p{}</style>\
                    <div hidden>gone</div><p style='display: none'>gone too</p><p>also</p>";
        assert_eq!(flat(html), "seen\nalso");
    }

    #[test]
    fn line_breaks_split_lines_and_nothing_is_extracted() {
        let html = "<nav>Home</nav><p>first<br>second</p><footer>(c) Site</footer>";
        assert_eq!(flat(html), "Home\nfirst\nsecond\n(c) Site");
    }

    #[test]
    fn oversized_input_is_a_limit_error() {
        let config = Config::default().with_max_input_bytes(10);
        assert!(flatten(b"<p>far more than ten bytes</p>", &config).is_err());
    }
}
