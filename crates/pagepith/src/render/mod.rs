//! Renderings of an article: plain text, Markdown and clean HTML. Each works from the structured
//! [`Block`](crate::Block)s only, so a new format never touches extraction.

mod html;
mod markdown;
mod quotes;
mod text;

pub use html::html;
pub use markdown::{markdown, markdown_blocks};
pub use quotes::{quotes_markdown, quotes_text};
pub use text::text;
pub(crate) use text::text_parts;
