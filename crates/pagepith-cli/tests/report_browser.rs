//! The HTML report of `pagepith explain --html`, checked in a real browser: headless Chromium
//! loads the report, runs its script, and the test inspects the DOM it serialises.
//!
//! Chromium comes from Debian's packages (`.ci/run` installs it and sets
//! `PAGEPITH_REQUIRE_BROWSER=1`, which turns a missing browser into a failure). On a machine
//! without it and without that variable, the test says so on stderr and passes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("PAGEPITH_CHROMIUM").map(PathBuf::from),
        Some(PathBuf::from("/usr/bin/chromium")),
        Some(PathBuf::from("/usr/bin/chromium-browser")),
    ];
    candidates.into_iter().flatten().find(|p| p.exists())
}

/// Serialises the DOM of `page` after its scripts ran.
fn dump_dom(browser: &Path, page: &Path, fragment: &str, profile: &Path) -> String {
    let url = format!("file://{}{fragment}", page.display());
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(out.status.success(), "chromium failed on {url}");
    String::from_utf8(out.stdout).expect("DOM is UTF-8")
}

fn write_report(dir: &Path) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/share-newsletter/page.html");
    let report = dir.join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_pagepith"))
        .arg("explain")
        .arg(&fixture)
        .arg("--html")
        .arg(&report)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    report
}

/// Guards the report a person reads: the browser runs its script (the summary is filled in from
/// the blocks it counts), kept blocks are marked and unstruck, furniture is struck through with
/// the prune reason on hover, and the metadata table is there.
#[test]
fn report_renders_in_chromium_with_decisions_and_reasons() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("PAGEPITH_REQUIRE_BROWSER").is_none(),
            "PAGEPITH_REQUIRE_BROWSER is set but no Chromium was found"
        );
        eprintln!("skipped: no Chromium (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = write_report(dir.path());
    let dom = dump_dom(&browser, &report, "", &dir.path().join("profile"));

    let kept = dom.matches("class=\"block kept\"").count();
    let dropped = dom.matches("class=\"block dropped\"").count();
    let removed = dom.matches("class=\"block removed\"").count();
    assert!(kept >= 4, "the fixture's body paragraphs are kept: {kept}");
    assert!(
        removed >= 3,
        "share bars, newsletter and footer are removed: {removed}"
    );
    let summary = format!(
        "<p id=\"summary\">{kept} kept, {dropped} dropped by select, {removed} removed by prune</p>"
    );
    assert!(dom.contains(&summary), "script did not fill {summary}");
    assert!(dom.contains("title=\"removed by prune: FurnitureClass(Share)"));
    assert!(
        dom.contains("<del>Share this article"),
        "furniture is struck through"
    );
    assert!(dom.contains("<tr data-field=\"title\"><td>title</td><td>The quiet return"));
    assert!(
        !dom.contains("hide-removed\""),
        "no filter applied by default"
    );

    // The fragment applies a filter on load, as the checkbox does when unticked.
    let filtered = dump_dom(
        &browser,
        &report,
        "#hide-removed",
        &dir.path().join("profile2"),
    );
    assert!(filtered.contains("<body class=\"hide-removed\">"));
}
