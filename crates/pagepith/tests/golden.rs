//! Golden-file tests of the Markdown and text renderings: every folder of `tests/golden/` (at
//! the repository root) holds a hand-written `page.html` and the exact `expected.md` and
//! `expected.txt` it must give. They guard the output's shape — headings, nested lists, GFM
//! tables, quotations, code blocks, figures, escapes, no repeated paragraphs — which substring
//! checks cannot. A folder with `expected-links.md` is also rendered with link targets kept.
//! `PAGEPITH_BLESS=1` rewrites the expected files from the current output.

use std::fs;
use std::path::{Path, PathBuf};

/// Fewer folders than this means the golden pages were not found, not that all passed.
const MIN_PAGES: usize = 5;

fn golden_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("page.html").is_file())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn markdown_and_text_match_the_golden_files() {
    let bless = std::env::var_os("PAGEPITH_BLESS").is_some();
    let dirs = golden_dirs();
    assert!(dirs.len() >= MIN_PAGES, "only {} golden pages", dirs.len());
    let mut failures = Vec::new();
    for dir in &dirs {
        let html = fs::read(dir.join("page.html")).unwrap();
        let article = pagepith::extract(&html, &pagepith::Config::default()).unwrap();
        let mut outputs = vec![
            ("expected.md", article.markdown()),
            ("expected.txt", format!("{}\n", article.text())),
        ];
        // A folder about links also gives its Markdown with link targets kept (`--links`).
        if dir.join("expected-links.md").is_file() {
            let config = pagepith::Config::default().with_links(true);
            let linked = pagepith::extract(&html, &config).unwrap();
            outputs.push(("expected-links.md", linked.markdown()));
        }
        for (file, actual) in outputs {
            let path = dir.join(file);
            if bless {
                fs::write(&path, &actual).unwrap();
                continue;
            }
            let expected = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (bless to create it)", path.display()));
            if expected != actual {
                failures.push(format!(
                    "{}:\n--- expected\n{expected}\n--- actual\n{actual}",
                    path.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
