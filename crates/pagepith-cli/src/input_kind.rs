//! Whether an input is HTML or a page already flattened to text (`--input`).

use std::path::Path;

use clap::ValueEnum;

use crate::inputs::Input;

/// What `extract` reads its inputs as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// `.txt` files are text, `.html`/`.htm`/`.xhtml` are HTML; anything else (stdin too) is
    /// decided from its content.
    #[default]
    Auto,
    Html,
    /// A page flattened to text, one block a line.
    Text,
}

/// Whether to read this input as text.
pub fn is_text(kind: InputKind, input: &Input, bytes: &[u8]) -> bool {
    match kind {
        InputKind::Text => true,
        InputKind::Html => false,
        InputKind::Auto => match input {
            Input::File(path) => match extension(path).as_deref() {
                Some("txt") => true,
                Some("html" | "htm" | "xhtml") => false,
                _ => !pagepith::looks_like_html(bytes),
            },
            Input::Stdin => !pagepith::looks_like_html(bytes),
        },
    }
}

/// The extension that tells the kind, looking through `.gz`.
fn extension(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    Some(name.rsplit_once('.')?.1.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn file(name: &str) -> Input {
        Input::File(PathBuf::from(name))
    }

    #[test]
    fn extensions_decide_before_content() {
        assert!(is_text(
            InputKind::Auto,
            &file("a.txt"),
            b"<html><p>x</p></html>"
        ));
        assert!(is_text(InputKind::Auto, &file("a.TXT.gz"), b""));
        assert!(!is_text(InputKind::Auto, &file("a.html"), b"plain words"));
    }

    #[test]
    fn content_decides_for_stdin_and_unknown_extensions() {
        assert!(is_text(
            InputKind::Auto,
            &Input::Stdin,
            b"A headline\nA paragraph.\n"
        ));
        assert!(!is_text(
            InputKind::Auto,
            &file("page.warc"),
            b"<!doctype html><p>x"
        ));
    }

    #[test]
    fn a_forced_kind_wins() {
        assert!(!is_text(InputKind::Html, &file("a.txt"), b"plain"));
        assert!(is_text(InputKind::Text, &file("a.html"), b"<p>x</p>"));
    }
}
