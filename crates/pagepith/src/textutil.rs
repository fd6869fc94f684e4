//! Small text helpers shared by the stages.

/// Collapses every run of white space (including no-break spaces) to one space and trims.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Number of characters that are letters or digits: the text's weight, whatever the script.
pub fn word_chars(s: &str) -> usize {
    // Most page text is ASCII: a byte scan is several times faster than decoding chars, and
    // this runs on every text node of every page.
    if s.is_ascii() {
        return s.bytes().filter(u8::is_ascii_alphanumeric).count();
    }
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_handles_nbsp_and_edges() {
        assert_eq!(collapse_whitespace("  a\u{a0}\u{a0}b \n c  "), "a b c");
        assert_eq!(collapse_whitespace(" \t "), "");
    }

    #[test]
    fn word_chars_counts_any_script() {
        assert_eq!(word_chars("日本語, ok!"), 5);
    }
}
