//! Clean HTML: the article as an `<article>` fragment, safe to embed in another page.
//!
//! The output is built from the structured [`Block`]s, never copied from the page, so only the
//! elements below can appear, and only three attributes: `src` and `alt` on `<img>`, and `href`
//! on `<a>` (only with `Config::with_links`); both URLs go through [`safe_url`]. There are no
//! scripts, event handlers, styles, classes or `javascript:`/`data:` URLs to let through; all
//! text is escaped, and control characters are dropped. Allowed elements: `article h1–h6 p ul ol
//! li a blockquote table tr th td pre code figure img figcaption`.

use crate::article::{Article, Block, Link, TableRow};

/// The article as an HTML fragment: the headline as `<h1>`, then the body.
pub fn html(article: &Article) -> String {
    let mut out = String::from("<article>\n");
    if let Some(title) = &article.title {
        out.push_str("<h1>");
        escape_into(title, &mut out);
        out.push_str("</h1>\n");
    }
    for block in &article.body {
        block_into(block, &mut out);
    }
    out.push_str("</article>\n");
    out
}

fn block_into(block: &Block, out: &mut String) {
    match block {
        Block::Heading { level, text, links } => {
            // The headline is the h1; body headings start at h2.
            let level = (*level).clamp(2, 6);
            out.push_str(&format!("<h{level}>"));
            linked_text_into(text, links, out);
            out.push_str(&format!("</h{level}>\n"));
        }
        Block::Paragraph { text, links } => {
            out.push_str("<p>");
            linked_text_into(text, links, out);
            out.push_str("</p>\n");
        }
        Block::Code { text } => {
            out.push_str("<pre><code>");
            escape_into(text, out);
            out.push_str("</code></pre>\n");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>\n"));
            for item in items {
                out.push_str("<li>");
                linked_text_into(&item.text, &item.links, out);
                out.push_str("</li>\n");
            }
            out.push_str(&format!("</{tag}>\n"));
        }
        Block::Table { rows } => table_into(rows, out),
        // NOTE: quotations hold only leaf blocks (assemble never nests them), so this
        // recursion is one level deep whatever the input.
        Block::Quote { blocks } => {
            out.push_str("<blockquote>\n");
            for b in blocks {
                block_into(b, out);
            }
            out.push_str("</blockquote>\n");
        }
        Block::Figure { src, caption } => {
            out.push_str("<figure>");
            if let Some(src) = src.as_deref().and_then(safe_url) {
                out.push_str("<img src=\"");
                escape_into(&src, out);
                out.push_str("\" alt=\"");
                escape_into(caption.as_deref().unwrap_or(""), out);
                out.push_str("\">");
            }
            if let Some(caption) = caption {
                out.push_str("<figcaption>");
                escape_into(caption, out);
                out.push_str("</figcaption>");
            }
            out.push_str("</figure>\n");
        }
    }
}

fn table_into(rows: &[TableRow], out: &mut String) {
    out.push_str("<table>\n");
    for row in rows {
        let cell = if row.header { "th" } else { "td" };
        out.push_str("<tr>");
        for c in &row.cells {
            out.push_str(&format!("<{cell}>"));
            escape_into(c, out);
            out.push_str(&format!("</{cell}>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// Text with its links as `<a href>`; a target that is not safe to follow leaves its anchor as
/// plain text.
fn linked_text_into(text: &str, links: &[Link], out: &mut String) {
    for (run, href) in super::link_runs(text, links) {
        match href.and_then(safe_url) {
            Some(href) => {
                out.push_str("<a href=\"");
                escape_into(&href, out);
                out.push_str("\">");
                escape_into(run, out);
                out.push_str("</a>");
            }
            None => escape_into(run, out),
        }
    }
}

/// Escapes text for element content and double-quoted attribute values alike, and drops control
/// characters (line breaks excepted), which no reader needs and some parsers trip over.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push('\n'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// The URL if it is safe to load: `http:`, `https:` or relative. Browsers ignore tabs, line
/// breaks and leading control characters and spaces inside a scheme (`jav&#9;ascript:` runs
/// script), so the scheme is read with those removed, and the URL is returned without them.
pub(crate) fn safe_url(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    // A scheme is letters, digits, `+`, `-` and `.` before the first `:`, with no `/`, `?` or
    // `#` before it; anything else is a relative reference.
    let scheme_end = cleaned.find([':', '/', '?', '#']);
    let has_scheme = scheme_end.is_some_and(|i| cleaned[i..].starts_with(':'));
    if has_scheme {
        let scheme = cleaned[..scheme_end.unwrap_or(0)].to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return None;
        }
    }
    Some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_in_content_and_attributes() {
        let article = Article {
            title: Some("\"><script>alert(1)</script>".into()),
            body: vec![Block::Figure {
                src: Some("https://example.org/a.jpg?x=1&y=\"2\"".into()),
                caption: Some("\" onerror=\"alert(1)".into()),
            }],
            ..Article::default()
        };
        assert_eq!(
            html(&article),
            "<article>\n<h1>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>\n\
             <figure><img src=\"https://example.org/a.jpg?x=1&amp;y=&quot;2&quot;\" \
             alt=\"&quot; onerror=&quot;alert(1)\"><figcaption>&quot; onerror=&quot;alert(1)\
             </figcaption></figure>\n</article>\n"
        );
    }

    #[test]
    fn only_http_https_and_relative_urls_pass() {
        for ok in [
            "https://a.org/x.png",
            "HTTP://a.org/",
            "/img/x.png",
            "x.png",
            "//cdn.org/x",
        ] {
            assert!(safe_url(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "jav\tascript:alert(1)",
            "java\nscript:alert(1)",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }
}
