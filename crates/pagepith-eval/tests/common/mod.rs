//! Shared helpers for the integration tests: locating the evaluation data.

use std::path::PathBuf;

/// `shared/eval`, next to the workspace root. The data is never copied into the
/// repository, so its absence is a test failure, not a silent skip.
pub fn eval_dir() -> PathBuf {
    // Beside the workspace root, or beside a parent of it when the checkout is a git worktree
    // nested deeper.
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = manifest
        .ancestors()
        .map(|a| a.join("shared/eval"))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| manifest.join("../../../shared/eval"));
    assert!(
        dir.is_dir(),
        "evaluation data not found at {}: these tests need the shared eval folder \
         (`../shared/eval` relative to the workspace root)",
        dir.display()
    );
    dir
}
