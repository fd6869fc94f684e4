//! Renderings of an article: plain text and Markdown. Each works from the structured
//! [`Block`]s only, so a new format never touches extraction.

mod markdown;
mod text;

pub use markdown::{markdown, markdown_blocks};
pub use text::text;
