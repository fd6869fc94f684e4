//! Markdown (CommonMark, GFM tables): the headline as a level-1 heading, then the body.

use crate::article::{Article, Block};

/// Blocks alone, without a headline (the comments, say).
pub fn markdown_blocks(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| render_block(b, ""))
        .collect::<Vec<_>>()
        .join("\n\n")
}

pub fn markdown(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(title) = &article.title {
        parts.push(format!("# {}", heading_text(title, &[])));
    }
    for block in &article.body {
        parts.push(render_block(block, ""));
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn render_block(block: &Block, prefix: &str) -> String {
    let body = match block {
        Block::Heading { level, text, links } => {
            format!(
                "{} {}",
                "#".repeat((*level).clamp(1, 6) as usize),
                heading_text(text, links)
            )
        }
        Block::Paragraph { text, links } => inline(text, links)
            .lines()
            .map(escape_line)
            .collect::<Vec<_>>()
            .join("  \n"),
        Block::Code { text } => {
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            format!("{fence}\n{text}\n{fence}")
        }
        Block::List { ordered, items } => list(*ordered, items),
        Block::Table { rows } => table(rows),
        // NOTE: quotations hold only leaf blocks, so this recursion is one level deep.
        Block::Quote { blocks } => blocks
            .iter()
            .map(|b| render_block(b, ""))
            .collect::<Vec<_>>()
            .join("\n\n")
            .lines()
            .map(|l| {
                if l.is_empty() {
                    ">".to_owned()
                } else {
                    format!("> {l}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Figure { src, caption } => {
            let alt = caption
                .as_deref()
                .map(|c| inline(&c.replace(['[', ']'], ""), &[]).replace('\n', " "))
                .unwrap_or_default();
            // An image link to `javascript:` or `data:` would run in a Markdown viewer, and a
            // bracket or space would end the link early.
            let src = src.as_deref().and_then(super::html::safe_url);
            match src {
                Some(src) => format!("![{alt}]({})", destination(&src)),
                None => format!("*{alt}*"),
            }
        }
    };
    if prefix.is_empty() {
        body
    } else {
        body.lines()
            .map(|l| format!("{prefix}{l}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A list; an item's nested blocks are indented under its text by the marker's width, as
/// CommonMark requires for them to belong to the item.
// NOTE: recursion follows list nesting, which assembly caps at a few levels.
fn list(ordered: bool, items: &[crate::article::ListItem]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let marker = if ordered {
                format!("{}.", i + 1)
            } else {
                "-".to_owned()
            };
            let indent = " ".repeat(marker.len() + 1);
            let mut text = inline(&item.text, &item.links)
                .lines()
                .map(escape_line)
                .collect::<Vec<_>>()
                .join(&format!("\n{indent}"));
            for child in &item.children {
                text.push('\n');
                text.push_str(&render_block(child, &indent));
            }
            format!("{marker} {text}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn table(rows: &[crate::article::TableRow]) -> String {
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let cell = |s: &str| inline(s, &[]).replace('|', "\\|").replace('\n', " ");
    let line = |cells: &[String]| {
        let mut cols: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        cols.resize(width, String::new());
        format!("| {} |", cols.join(" | "))
    };
    let mut out = Vec::with_capacity(rows.len() + 1);
    // GFM needs a header row: the first row serves, marked or not.
    out.push(line(&rows[0].cells));
    out.push(format!("|{}", " --- |".repeat(width)));
    for r in &rows[1..] {
        out.push(line(&r.cells));
    }
    out.join("\n")
}

/// A link or image target as written inside `(…)`: bare when it is plain, else between angle
/// brackets, which allow spaces and parentheses (a bracket or space would otherwise end the
/// link early). Angle brackets and line breaks, which nothing can escape there, are removed.
fn destination(url: &str) -> String {
    let url: String = url
        .chars()
        .filter(|c| !matches!(c, '<' | '>' | '\n' | '\r'))
        .collect();
    if url.contains([' ', '(', ')', '\\']) {
        format!("<{url}>")
    } else {
        url
    }
}

/// Heading content on one line. Line-start syntax means nothing after the `#`s, so only
/// inline markup is escaped, and a trailing run of `#` after a space, which CommonMark would
/// read as a closing sequence and drop.
fn heading_text(text: &str, links: &[crate::article::Link]) -> String {
    let mut out = inline(text, links).replace('\n', " ");
    let body = out.trim_end_matches('#');
    if body.len() < out.len() && (body.is_empty() || body.ends_with([' ', '\t'])) {
        out.insert(body.len(), '\\');
    }
    out
}

/// Text as Markdown inline content: each link written as `[anchor](target)`, with brackets in
/// the anchor escaped so that it cannot close early, and what would open raw HTML (`<` before
/// a letter, `/`, `!` or `?`) escaped everywhere, so that a page quoting `<script>` or
/// `<img onerror=…>` as text cannot become live markup in a Markdown viewer.
fn inline(text: &str, links: &[crate::article::Link]) -> String {
    let mut out = String::with_capacity(text.len() + links.len() * 40);
    for (run, href) in super::link_runs(text, links) {
        match href.and_then(super::safe_url) {
            Some(href) => {
                out.push('[');
                escape_inline_into(run, true, &mut out);
                out.push_str("](");
                out.push_str(&destination(&href));
                out.push(')');
            }
            None => escape_inline_into(run, false, &mut out),
        }
    }
    out
}

fn escape_inline_into(text: &str, anchor: bool, out: &mut String) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let opens_html = c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'));
        if opens_html || (anchor && matches!(c, '[' | ']' | '\\')) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Escapes what would otherwise start block syntax at the beginning of a line: an ATX heading
/// (`#` to `######` then a space), a quotation, a list item (`-`, `+`, `*` or `1.`/`1)` then a
/// space), a code fence, or a line of `-`, `=`, `*` or `_` alone (a thematic break, or a
/// setext underline that would turn the line before it into a heading). Only these: an
/// escape elsewhere (`\#1`, `1\.` in a heading) would show as a stray backslash in viewers
/// and plain-text consumers alike.
fn escape_line(line: &str) -> String {
    let trimmed = line.trim_start();
    if let Some(digits) = ordered_marker(trimmed) {
        // A backslash before a digit is literal in CommonMark; the delimiter is what escapes.
        return format!("{}\\{}", &trimmed[..digits], &trimmed[digits..]);
    }
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    let atx = (1..=6).contains(&hashes) && ends_marker(&trimmed[hashes..]);
    let bullet = trimmed.starts_with(['-', '+', '*']) && ends_marker(&trimmed[1..]);
    let fence = trimmed.starts_with("```") || trimmed.starts_with("~~~");
    let rule = !trimmed.is_empty()
        && trimmed
            .chars()
            .all(|c| matches!(c, '-' | '=' | '*' | '_' | ' ' | '\t'));
    if atx || bullet || fence || rule || trimmed.starts_with('>') {
        format!("\\{trimmed}")
    } else {
        trimmed.to_owned()
    }
}

/// Whether what follows a marker lets it act as one: the end of the line or white space.
fn ends_marker(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with([' ', '\t'])
}

/// The length of the digits of an ordered-list marker starting `s` (`1.` or `1)`, up to nine
/// digits, then a space or the end of the line).
fn ordered_marker(s: &str) -> Option<usize> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    ((1..=9).contains(&digits)
        && s[digits..].starts_with(['.', ')'])
        && ends_marker(&s[digits + 1..]))
    .then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ListItem, TableRow};

    #[test]
    fn renders_headings_lists_tables_quotes_and_code() {
        let article = Article {
            title: Some("Title".into()),
            body: vec![
                Block::heading(2, "Part"),
                Block::List {
                    ordered: true,
                    items: vec![ListItem::new("first", vec![])],
                },
                Block::Table {
                    rows: vec![
                        TableRow {
                            cells: vec!["a".into(), "b|c".into()],
                            header: true,
                        },
                        TableRow {
                            cells: vec!["1".into()],
                            header: false,
                        },
                    ],
                },
                Block::Quote {
                    blocks: vec![Block::paragraph("Said.")],
                },
                Block::Code {
                    text: "x = 1".into(),
                },
            ],
            ..Article::default()
        };
        let md = markdown(&article);
        assert_eq!(
            md,
            "# Title\n\n## Part\n\n1. first\n\n| a | b\\|c |\n| --- | --- |\n| 1 |  |\n\n> Said.\n\n```\nx = 1\n```\n"
        );
    }

    #[test]
    fn text_that_looks_like_syntax_is_escaped() {
        assert_eq!(escape_line("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line("1. not a list"), "1\\. not a list");
        assert_eq!(escape_line("2) nor this"), "2\\) nor this");
        assert_eq!(escape_line("---"), "\\---");
        assert_eq!(escape_line("```rust"), "\\```rust");
        assert_eq!(escape_line("plain"), "plain");
    }

    /// Guards against stray escapes: text that only looks like syntax to a careless eye
    /// (`#1`, a hashtag, `1.5 million`, `-3 degrees`, a heading that starts with a number) is
    /// left as written, since a backslash there shows in every viewer.
    #[test]
    fn text_that_is_not_syntax_is_not_escaped() {
        for plain in ["#1 pick", "#SOTD", "1.5 million", "-3 degrees", "C# and F#"] {
            assert_eq!(escape_line(plain), plain);
        }
        assert_eq!(heading_text("1. Make a budget", &[]), "1. Make a budget");
        assert_eq!(heading_text("We are #1", &[]), "We are #1");
        assert_eq!(heading_text("Top ten #", &[]), "Top ten \\#");
    }

    /// Guards Markdown viewers: markup quoted as text in a page stays text.
    #[test]
    fn html_in_text_is_escaped() {
        assert_eq!(
            inline("use <script> or <img onerror=x> but 1 < 2", &[]),
            "use \\<script> or \\<img onerror=x> but 1 < 2"
        );
    }

    /// Guards `--links` in Markdown: anchors become `[text](target)`, brackets in the anchor
    /// cannot close it early, and a target with spaces or parentheses is bracketed.
    #[test]
    fn links_are_written_inline_and_escaped() {
        use crate::article::Link;
        let link = |start, end, href: &str| Link {
            start,
            end,
            href: href.into(),
        };
        let text = "read [this] and the (old) notes";
        let block = Block::Paragraph {
            text: text.into(),
            links: vec![
                link(5, 11, "https://a.example/x"),
                link(20, 31, "https://a.example/old (notes)"),
            ],
        };
        assert_eq!(
            render_block(&block, ""),
            "read [\\[this\\]](https://a.example/x) and the [(old) notes](<https://a.example/old (notes)>)"
        );
        // An unsafe target leaves its anchor as plain text.
        let block = Block::Paragraph {
            text: "click me".into(),
            links: vec![link(0, 5, "javascript:alert(1)")],
        };
        assert_eq!(render_block(&block, ""), "click me");
    }
}
