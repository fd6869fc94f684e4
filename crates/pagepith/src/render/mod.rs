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

/// The sections that may follow the body in text and Markdown output: the quotations
/// (`Config::with_quotes`) and the comments (`Config::with_comments`), each when asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sections {
    pub quotes: bool,
    pub comments: bool,
}

/// The text output: the body's text, then the quotations under a `Quotes:` line and the
/// comments under a `Comments:` line, each when asked for and not empty. The body comes
/// rendered so that a caller can also judge its emptiness without rendering it twice. Shared
/// by the command line and the Python binding, so the two cannot drift apart.
pub fn text_with_sections(body_text: String, article: &crate::Article, asked: Sections) -> String {
    let mut out = body_text;
    if asked.quotes && !article.quotes.is_empty() {
        out = format!("{out}\n\n{}", quotes_text(&article.quotes));
    }
    if asked.comments {
        let comments = text(&article.comments);
        if !comments.is_empty() {
            out = format!("{out}\n\nComments:\n\n{comments}");
        }
    }
    out
}

/// The Markdown output: the body's Markdown, then a `## Quotes` and a `## Comments` section,
/// each when asked for and not empty.
pub fn markdown_with_sections(
    body_markdown: String,
    article: &crate::Article,
    asked: Sections,
) -> String {
    let mut out = body_markdown;
    if asked.quotes && !article.quotes.is_empty() {
        out = format!("{out}\n{}", quotes_markdown(&article.quotes));
    }
    if asked.comments && !article.comments.is_empty() {
        out = format!(
            "{out}\n## Comments\n\n{}\n",
            markdown_blocks(&article.comments)
        );
    }
    out
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

    /// Guards the sections after the body: quotations before comments, each only when asked
    /// for and not empty, and the body untouched when nothing is asked.
    #[test]
    fn sections_follow_the_body_in_order_and_only_when_asked() {
        let article = crate::Article {
            comments: vec![crate::Block::paragraph("A reader wrote in.")],
            quotes: vec![crate::Quote {
                text: "We will build it.".into(),
                speaker: Some("Ana Ruiz".into()),
                speaker_mention: None,
                cue: Some("said".into()),
                paragraph: 0,
                start: 1,
                end: 18,
            }],
            ..Default::default()
        };
        let both = Sections {
            quotes: true,
            comments: true,
        };
        let text = text_with_sections("Body.".into(), &article, both);
        assert_eq!(
            text,
            "Body.\n\nQuotes:\n\n“We will build it.” — Ana Ruiz (said)\n\nComments:\n\nA reader wrote in."
        );
        let md = markdown_with_sections("Body.\n".into(), &article, both);
        let quotes_at = md.find("## Quotes").expect("a quotes section");
        let comments_at = md.find("## Comments").expect("a comments section");
        assert!(md.starts_with("Body.\n") && quotes_at < comments_at, "{md}");
        let none = Sections::default();
        assert_eq!(text_with_sections("Body.".into(), &article, none), "Body.");
        assert_eq!(
            markdown_with_sections("Body.\n".into(), &article, none),
            "Body.\n"
        );
        let empty = crate::Article::default();
        assert_eq!(text_with_sections("Body.".into(), &empty, both), "Body.");
    }
}
