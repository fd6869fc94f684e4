//! Resolves the command line's inputs to a list of pages and reads them.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use flate2::read::MultiGzDecoder;

/// One page to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The name given in output and errors: the path as given, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// The page's bytes, gunzipped when the file ends in `.gz`.
    pub fn read(&self) -> Result<Vec<u8>> {
        let mut bytes = Vec::new();
        match self {
            Input::Stdin => {
                io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .context("reading stdin")?;
            }
            Input::File(path) => {
                let file = fs::File::open(path)
                    .with_context(|| format!("cannot open {}", path.display()))?;
                if is_gz(path) {
                    MultiGzDecoder::new(file)
                        .read_to_end(&mut bytes)
                        .with_context(|| format!("{} is not valid gzip", path.display()))?;
                } else {
                    io::BufReader::new(file)
                        .read_to_end(&mut bytes)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                }
            }
        }
        Ok(bytes)
    }
}

fn is_gz(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// Extensions of HTML pages, found when walking a directory.
pub const HTML_EXTENSIONS: &[&str] = &[".html", ".htm", ".xhtml", ".warc", ".wet"];
/// Extensions of HTML pages and pages flattened to text (`extract --input text`).
pub const TEXT_EXTENSIONS: &[&str] = &[".html", ".htm", ".xhtml", ".warc", ".wet", ".txt"];

/// Whether a file's name ends in one of `extensions`, looking through `.gz`.
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    extensions.iter().any(|ext| name.ends_with(ext))
}

/// The paths listed in a file, one per line (blank lines and `#` comments ignored), as used
/// for a crawl's `warc.paths`. Relative paths are taken from the current directory.
pub fn read_list(list: &Path) -> Result<Vec<PathBuf>> {
    let text = fs::read_to_string(list)
        .with_context(|| format!("cannot read the input list {}", list.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(PathBuf::from)
        .collect())
}

/// Expands the arguments: files as given, directories to their pages (sorted, recursively),
/// nothing or `-` to stdin. An unreadable directory is an error for that argument only.
pub fn resolve(args: &[PathBuf]) -> (Vec<Input>, Vec<(String, anyhow::Error)>) {
    resolve_with(args, HTML_EXTENSIONS)
}

/// [`resolve`], taking from directories the files whose names end in one of `extensions`.
pub fn resolve_with(
    args: &[PathBuf],
    extensions: &[&str],
) -> (Vec<Input>, Vec<(String, anyhow::Error)>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    if args.is_empty() {
        inputs.push(Input::Stdin);
    }
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if arg.is_dir() {
            match walk_dir(arg, extensions) {
                Ok(mut files) => {
                    files.sort();
                    inputs.extend(files.into_iter().map(Input::File));
                }
                Err(e) => errors.push((arg.display().to_string(), e)),
            }
        } else {
            inputs.push(Input::File(arg.clone()));
        }
    }
    (inputs, errors)
}

/// Every page file below `dir`, iteratively (directory depth is the user's, not bounded).
fn walk_dir(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries = fs::read_dir(&d).with_context(|| format!("cannot list {}", d.display()))?;
        for entry in entries {
            let path = entry
                .with_context(|| format!("cannot list {}", d.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if has_extension(&path, extensions) {
                files.push(path);
            }
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_extensions_are_recognised_case_insensitively_and_through_gz() {
        for name in [
            "a.html",
            "b.HTM",
            "c.xhtml",
            "d.html.gz",
            "e.warc.gz",
            "f.wet",
        ] {
            assert!(has_extension(Path::new(name), HTML_EXTENSIONS), "{name}");
        }
        for name in ["e.txt", "f.gz", "g.json"] {
            assert!(!has_extension(Path::new(name), HTML_EXTENSIONS), "{name}");
        }
    }

    #[test]
    fn text_pages_are_taken_from_directories_only_when_asked() {
        assert!(has_extension(Path::new("seed.txt"), TEXT_EXTENSIONS));
        assert!(has_extension(Path::new("page.html"), TEXT_EXTENSIONS));
        assert!(!has_extension(Path::new("seed.txt"), HTML_EXTENSIONS));
    }

    #[test]
    fn input_lists_skip_blank_lines_and_comments() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("paths.txt");
        fs::write(&list, "# crawl\na.warc.gz\n\n  b.warc  \n").unwrap();
        let got = read_list(&list).unwrap();
        assert_eq!(
            got,
            vec![PathBuf::from("a.warc.gz"), PathBuf::from("b.warc")]
        );
    }

    #[test]
    fn no_arguments_means_stdin() {
        assert_eq!(resolve(&[]).0, vec![Input::Stdin]);
    }
}
