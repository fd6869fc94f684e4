//! Renderings of an article: plain text, Markdown and clean HTML. Each works from the structured
//! [`Block`](crate::Block)s only, so a new format never touches extraction.

mod html;
mod markdown;
mod text;

pub use html::html;
pub use markdown::{markdown, markdown_blocks};
pub use text::text;

/// The text output when comments are asked for: the body's text, then the comments under a
/// `Comments:` line when there are any. Shared by the command line and the Python binding.
pub fn text_with_comments(body_text: String, comments: &[crate::Block]) -> String {
    let comments = text(comments);
    if comments.is_empty() {
        body_text
    } else {
        format!("{body_text}\n\nComments:\n\n{comments}")
    }
}

/// The Markdown output when comments are asked for: the body's Markdown, then a `## Comments`
/// section when there are any.
pub fn markdown_with_comments(body_markdown: String, comments: &[crate::Block]) -> String {
    if comments.is_empty() {
        body_markdown
    } else {
        format!(
            "{body_markdown}\n## Comments\n\n{}\n",
            markdown_blocks(comments)
        )
    }
}
