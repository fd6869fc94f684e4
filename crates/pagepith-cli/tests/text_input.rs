//! Pages that arrive as text on the command line: `flatten`, `extract --input`, and deciding
//! the kind of stdin from its content.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn pagepith() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pagepith"))
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn with_stdin(mut cmd: Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const SEED_SHAPE_TITLE: &str =
    "Harbour Authority Approves Night Dredging to Clear Silted Shipping Lane";

#[test]
fn flatten_keeps_every_visible_block_including_furniture() {
    let out = pagepith()
        .arg("flatten")
        .arg(repo("examples/article.html"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text
        .lines()
        .any(|l| l.starts_with("Kelmouth will lower two underwater turbines")));
    // No extraction: the footer is still there, and no markup is left.
    assert!(text.contains('©'), "{text}");
    assert!(!text.contains("<p"), "{text}");
}

#[test]
fn txt_files_are_read_as_text_and_give_the_json_contract() {
    let out = pagepith()
        .args(["extract", "--format", "json"])
        .arg(repo("tests/text-fixtures/seed-shape/page.txt"))
        .output()
        .unwrap();
    let v = json(&out);
    assert_eq!(v["title"], SEED_SHAPE_TITLE);
    assert_eq!(v["authors"][0], "Lena Okafor");
    assert!(v["text"]
        .as_str()
        .unwrap()
        .starts_with("The harbour authority voted"));
}

#[test]
fn stdin_is_read_as_text_when_it_has_no_markup() {
    let page = std::fs::read(repo("tests/text-fixtures/seed-shape/page.txt")).unwrap();
    let mut cmd = pagepith();
    cmd.args(["extract", "--format", "json"]);
    assert_eq!(json(&with_stdin(cmd, &page))["title"], SEED_SHAPE_TITLE);
}

#[test]
fn input_html_forces_markup_reading_of_a_text_page() {
    // Read as HTML, the whole text is one paragraph-less block: no headline is found.
    let out = pagepith()
        .args(["extract", "--format", "json", "--input", "html"])
        .arg(repo("tests/text-fixtures/seed-shape/page.txt"))
        .output()
        .unwrap();
    assert_ne!(json(&out)["title"], SEED_SHAPE_TITLE);
}

#[test]
fn a_flattened_page_extracts_as_text_to_its_article() {
    let flat = pagepith()
        .arg("flatten")
        .arg(repo("examples/article.html"))
        .output()
        .unwrap();
    let mut cmd = pagepith();
    cmd.args(["extract", "--input", "text"]);
    let out = with_stdin(cmd, &flat.stdout);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Kelmouth will lower two underwater turbines"),
        "{text}"
    );
    assert!(!text.contains('©'), "{text}");
}
