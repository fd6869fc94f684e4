//! Renderings of an article: plain text, Markdown and clean HTML. Each works from the structured
//! [`Block`](crate::Block)s only, so a new format never touches extraction.

mod html;
mod markdown;
mod quotes;
mod text;

pub use html::html;
pub(crate) use html::safe_url;
pub use markdown::{markdown, markdown_blocks};
pub use quotes::{quotes_markdown, quotes_text};
pub use text::text;
pub(crate) use text::text_parts;

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

use crate::article::Link;

/// `text` cut into runs, each with the target of the link it is the anchor of, if any. Links
/// that overlap an earlier one or fall off character boundaries are read as plain text: the
/// output never fails on a malformed span.
pub(crate) fn link_runs<'a>(text: &'a str, links: &'a [Link]) -> Vec<(&'a str, Option<&'a str>)> {
    let mut runs = Vec::with_capacity(links.len() * 2 + 1);
    let mut at = 0;
    for link in links {
        let (Some(before), Some(anchor)) =
            (text.get(at..link.start), text.get(link.start..link.end))
        else {
            continue;
        };
        if anchor.is_empty() {
            continue;
        }
        if !before.is_empty() {
            runs.push((before, None));
        }
        runs.push((anchor, Some(link.href.as_str())));
        at = link.end;
    }
    if at < text.len() {
        runs.push((&text[at..], None));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(start: usize, end: usize) -> Link {
        Link {
            start,
            end,
            href: "https://example.org/".into(),
        }
    }

    /// Guards the run cutter: text between and after links is kept, and overlapping or
    /// out-of-range spans degrade to plain text instead of panicking or dropping words.
    #[test]
    fn runs_cover_the_text_and_skip_bad_spans() {
        let text = "see the docs and the faq";
        let links = [link(8, 12), link(10, 14), link(21, 24), link(30, 40)];
        let runs = link_runs(text, &links);
        let joined: String = runs.iter().map(|(t, _)| *t).collect();
        assert_eq!(joined, text);
        let anchors: Vec<&str> = runs.iter().filter(|r| r.1.is_some()).map(|r| r.0).collect();
        assert_eq!(anchors, ["docs", "faq"]);
        // A span that cuts a multi-byte character is ignored.
        assert_eq!(link_runs("héllo", &[link(1, 2)]), [("héllo", None)]);
    }
}
