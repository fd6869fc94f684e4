//! The command line's contract: inputs (files, directories, stdin, gzip), output formats and
//! order, and carrying on past a bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn pagepith() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pagepith"))
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/article.html")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
}

const ARTICLE_LINE: &str = "Kelmouth will lower two underwater turbines";

/// A small page whose body says `marker`.
fn page(marker: &str) -> String {
    format!(
        "<html><head><title>{marker}</title></head><body><nav><a href=/>Home</a></nav><article>\
         <p>{marker} opens this article, which has enough words in it to be read as prose by \
         any extractor, with commas, clauses, and a full stop at the end.</p>\
         <p>A second paragraph about {marker} follows, so that the article is not a fragment \
         but a real body of text with several sentences.</p></article></body></html>"
    )
}

#[test]
fn one_file_gives_plain_text_without_furniture() {
    let out = pagepith().arg("extract").arg(example()).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with(ARTICLE_LINE), "{text}");
    for furniture in [
        "cookies",
        "Share on",
        "Sign up",
        "About time",
        "Most read",
        "©",
    ] {
        assert!(!text.contains(furniture), "{furniture} leaked: {text}");
    }
}

#[test]
fn json_has_every_contract_field() {
    let out = pagepith()
        .args(["extract", "--format", "json"])
        .arg(example())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "source",
        "url",
        "title",
        "authors",
        "date",
        "date_modified",
        "sitename",
        "language",
        "description",
        "image",
        "categories",
        "tags",
        "captions",
        "text",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["title"], "Harbour town bets on tidal power");
    assert_eq!(v["authors"][0], "Mara Quinlan");
    assert!(v["date"].as_str().unwrap().starts_with("2024-05-14"));
    assert!(v["captions"][0]
        .as_str()
        .unwrap()
        .starts_with("A test turbine"));
}

/// `--provenance` adds a `<field>_source` beside each metadata field; without it the contract
/// is unchanged.
#[test]
fn provenance_names_the_source_of_each_field_only_when_asked() {
    let run = |extra: &[&str]| {
        let out = pagepith()
            .args(["extract", "--format", "json"])
            .args(extra)
            .arg(example())
            .output()
            .unwrap();
        assert!(out.status.success());
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let v = run(&["--provenance"]);
    assert_eq!(v["title"], "Harbour town bets on tidal power");
    for key in [
        "title_source",
        "authors_source",
        "date_source",
        "sitename_source",
    ] {
        assert!(
            v[key].as_str().is_some_and(|s| !s.is_empty()),
            "{key}: {}",
            v[key]
        );
    }
    assert!(v.get("date_modified_source").is_some());
    let plain = run(&[]);
    assert!(plain.get("date_source").is_none());
}

#[test]
fn explain_lists_metadata_with_sources() {
    let out = pagepith().arg("explain").arg(example()).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    let title = text
        .lines()
        .find(|l| l.trim_start().starts_with("title "))
        .expect("a title line");
    assert!(
        title.contains("Harbour town bets on tidal power"),
        "{title}"
    );
    assert!(title.trim_end().ends_with("[h1]"), "{title}");
}

#[test]
fn stdin_is_read_when_no_input_is_given() {
    let mut child = pagepith()
        .arg("extract")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page("Stdinmarker").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("Stdinmarker opens"));
}

#[test]
fn directory_gives_sorted_jsonl_including_gzip_and_skips_other_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.html"), page("Bravo")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a page").unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(page("Alpha").as_bytes()).unwrap();
    std::fs::write(dir.path().join("a.html.gz"), gz.finish().unwrap()).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/c.htm"), page("Charlie")).unwrap();

    let out = pagepith().arg("extract").arg(dir.path()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let firsts: Vec<String> = lines
        .iter()
        .map(|v| {
            v["text"]
                .as_str()
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(firsts, ["Alpha", "Bravo", "Charlie"]);
}

#[test]
fn a_bad_input_is_reported_and_the_others_still_come_out() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.html");
    std::fs::write(&good, page("Goodmarker")).unwrap();
    let bad_gz = dir.path().join("broken.html.gz");
    std::fs::write(&bad_gz, b"\x1f\x8b\x08\x00 this is not gzip").unwrap();
    let missing = dir.path().join("missing.html");

    let out = pagepith()
        .arg("extract")
        .arg(&bad_gz)
        .arg(&good)
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.html.gz"), "{stderr}");
    assert!(stderr.contains("missing.html"), "{stderr}");
    let printed = stdout(&out);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("Goodmarker opens"));
}

#[test]
fn a_page_with_no_article_is_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.html");
    std::fs::write(&empty, "<html><body></body></html>").unwrap();
    let out = pagepith()
        .args(["extract", "--format", "json"])
        .arg(&empty)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["text"], "");
}

#[test]
fn output_order_and_bytes_do_not_depend_on_threads() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        std::fs::write(
            dir.path().join(format!("p{i:02}.html")),
            page(&format!("Marker{i}")),
        )
        .unwrap();
    }
    let run = |jobs: &str| {
        let out = pagepith()
            .args(["extract", "-j", jobs])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
    assert_eq!(String::from_utf8(one).unwrap().lines().count(), 40);
}

#[test]
fn output_file_and_markdown_format() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.md");
    let out = pagepith()
        .args(["extract", "--format", "markdown", "-o"])
        .arg(&target)
        .arg(example())
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = std::fs::read_to_string(target).unwrap();
    assert!(
        md.starts_with("# Harbour town bets on tidal power\n\nKelmouth"),
        "{md}"
    );
    assert!(md.contains("## What residents said"));
    assert!(md.contains("- Turbines installed: two"));
}

#[test]
fn url_applies_to_one_input_only() {
    let out = pagepith()
        .args(["extract", "--url", "https://x.example/"])
        .arg(example())
        .arg(example())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The eval command must reproduce the published score of a peer from its predictions file.
#[test]
fn eval_reproduces_trafilatura_published_f1_from_predictions() {
    // The shared folder sits beside the repository; a git worktree nests the checkout one or
    // more levels deeper, so look in every ancestor.
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let eval = manifest
        .ancestors()
        .map(|a| a.join("shared/eval/scrapinghub"))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| manifest.join("../../../shared/eval/scrapinghub"));
    assert!(
        eval.is_dir(),
        "the evaluation data is missing: expected {} (the shared folder beside the repository)",
        eval.display()
    );
    let out = pagepith()
        .args(["eval", "--json", "--predictions"])
        .arg(eval.join("peers/trafilatura.json"))
        .arg(&eval)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f1 = report["f1"].as_f64().unwrap();
    assert_eq!(format!("{f1:.3}"), "0.958");
}

/// `--parser` picks the tree builder; both must give the same article on a real-shaped page.
#[test]
fn both_parsers_extract_the_same_article() {
    let run = |parser: &str| {
        let out = pagepith()
            .args(["extract", "--format", "json", "--parser", parser])
            .arg(example())
            .output()
            .unwrap();
        assert!(out.status.success(), "--parser {parser} failed");
        stdout(&out)
    };
    let fast = run("fast");
    assert!(fast.contains("\"text\""));
    assert_eq!(fast, run("html5ever"));
}

/// Guards `--links`: JSON gains a `links` list (anchor text and absolute target) only when
/// asked, and Markdown writes the anchors as links; the text stays the same either way.
#[test]
fn links_appear_in_json_and_markdown_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(
        &path,
        "<html><head><link rel=canonical href=https://example.org/news/a.html></head><body>\
         <article><p>The council published <a href=/report.pdf>its report</a> on Monday, and \
         the mayor answered with a long statement about the budget and the schools.</p>\
         <p>A second paragraph follows, so that the article is a real body of text with \
         several sentences in it.</p></article></body></html>",
    )
    .unwrap();
    let json = |extra: &[&str]| -> serde_json::Value {
        let out = pagepith()
            .args(["extract", "--format", "json"])
            .args(extra)
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success());
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let plain = json(&[]);
    assert!(plain.get("links").is_none(), "{plain}");
    let linked = json(&["--links"]);
    assert_eq!(
        linked["links"],
        serde_json::json!([{"text": "its report", "href": "https://example.org/report.pdf"}])
    );
    assert_eq!(plain["text"], linked["text"]);
    let md = pagepith()
        .args(["extract", "--format", "markdown", "--links"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        stdout(&md).contains("[its report](https://example.org/report.pdf)"),
        "{}",
        stdout(&md)
    );
}
