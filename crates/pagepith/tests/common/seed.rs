//! Finding the seed page (`../shared/seed`), shared by the tests that read it.
//!
//! The seed is someone else's writing and stays out of the repository: it lives in
//! `../shared/seed` beside the repository root. A worktree may sit deeper, so the folders above
//! the root are searched in turn; `PAGEPITH_SEED_DIR` overrides. A missing seed FAILS: CI has
//! it, and a skipped check would pass silently.

use std::path::{Path, PathBuf};

/// The seed page's file name in its folder.
pub const SEED_PAGE: &str = "000_177dd7a02c8f5a8c.txt";

/// The seed folder.
pub fn seed_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PAGEPITH_SEED_DIR") {
        return PathBuf::from(dir);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let found = root
        .ancestors()
        .skip(1)
        .map(|a| a.join("shared/seed"))
        .find(|d| d.join("expected.json").is_file());
    found.unwrap_or_else(|| {
        panic!(
            "the seed page is missing: expected ../shared/seed/expected.json beside {} \
             (or set PAGEPITH_SEED_DIR)",
            root.display()
        )
    })
}

/// White space collapsed to single spaces, as the seed's README compares texts.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
