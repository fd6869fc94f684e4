//! The article's quotations as a section after the body: one line each, the words and who
//! said them (`Article::quotes`, filled with `Config::with_quotes`).

use crate::Quote;

/// One quotation as a line: “words” — speaker (cue). Paragraph breaks inside the words become
/// spaces; a quotation with no speaker says so.
fn line(q: &Quote) -> String {
    let words = crate::textutil::collapse_whitespace(&q.text);
    let who = q.speaker.as_deref().unwrap_or("unattributed");
    match &q.cue {
        Some(cue) => format!("“{words}” — {who} ({cue})"),
        None => format!("“{words}” — {who}"),
    }
}

/// The quotations as a Markdown section: a level-2 heading and a list. Empty without any.
pub fn quotes_markdown(quotes: &[Quote]) -> String {
    if quotes.is_empty() {
        return String::new();
    }
    let items: Vec<String> = quotes.iter().map(|q| format!("- {}", line(q))).collect();
    format!("## Quotes\n\n{}\n", items.join("\n"))
}

/// The quotations as plain text: a `Quotes:` line, then one a line. Empty without any.
pub fn quotes_text(quotes: &[Quote]) -> String {
    if quotes.is_empty() {
        return String::new();
    }
    let lines: Vec<String> = quotes.iter().map(line).collect();
    format!("Quotes:\n\n{}", lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the quotations section of Markdown and text output.
    #[test]
    fn a_line_each_with_speaker_and_cue() {
        let quotes = vec![
            Quote {
                text: "One.\n\nTwo,".into(),
                speaker: Some("Jane Ortiz".into()),
                speaker_mention: Some("she".into()),
                cue: Some("said".into()),
                paragraph: 0,
                start: 1,
                end: 11,
            },
            Quote {
                text: "Get inside.".into(),
                speaker: None,
                speaker_mention: None,
                cue: None,
                paragraph: 2,
                start: 1,
                end: 12,
            },
        ];
        assert_eq!(
            quotes_markdown(&quotes),
            "## Quotes\n\n- “One. Two,” — Jane Ortiz (said)\n- “Get inside.” — unattributed\n"
        );
        assert!(quotes_text(&quotes).starts_with("Quotes:\n\n“One. Two,”"));
        assert_eq!(quotes_markdown(&[]), "");
    }
}
