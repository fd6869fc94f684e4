//! The command line on hostile input: a page it cannot finish is reported by name and the
//! others still come out; a gzip cut short is an error for that input only; HTML and JSON
//! output stay well-formed and safe whatever the page holds.

use std::io::Write;
use std::process::{Command, Output};

use flate2::write::GzEncoder;

fn pagepith() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pagepith"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
}

fn page(marker: &str) -> String {
    format!(
        "<html><head><title>{marker}</title></head><body><article>\
         <p>{marker} opens this article, which has enough words in it to be read as prose by \
         any extractor, with commas, clauses, and a full stop at the end.</p>\
         <p>A second paragraph about {marker} follows, so that the article is not a fragment \
         but a real body of text with several sentences.</p></article></body></html>"
    )
}

#[test]
fn gzip_cut_halfway_is_an_error_for_that_input_and_the_rest_come_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(page("Truncatedmarker").repeat(50).as_bytes())
        .unwrap();
    let whole = gz.finish().unwrap();
    std::fs::write(dir.path().join("a-cut.html.gz"), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(dir.path().join("b-good.html"), page("Goodmarker")).unwrap();

    let out = pagepith().arg("extract").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("a-cut.html.gz"), "{stderr}");
    let printed = stdout(&out);
    assert_eq!(printed.lines().count(), 1, "{printed}");
    assert!(printed.contains("Goodmarker opens"));
}

#[test]
fn spent_time_budget_names_the_limit_for_each_input_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["one.html", "two.html"] {
        std::fs::write(dir.path().join(name), page("Budgetmarker")).unwrap();
    }
    let out = pagepith()
        .args(["extract", "--time-budget", "0"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in ["one.html", "two.html"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(name) && l.contains("time_budget_ms")),
            "{stderr}"
        );
    }
}

#[test]
fn html_format_gives_an_article_fragment_without_live_script() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = page("Htmlmarker").replace(
        "</article>",
        "<p>More text <script>alert(1)</script><img src=x onerror=alert(1)> here.</p></article>",
    );
    let path = dir.path().join("x.html");
    std::fs::write(&path, hostile).unwrap();
    let out = pagepith()
        .args(["extract", "--format", "html"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = stdout(&out);
    assert!(html.starts_with("<article>\n<h1>Htmlmarker</h1>"), "{html}");
    assert!(html.contains("<p>Htmlmarker opens"), "{html}");
    assert!(
        !html.contains("<script") && !html.contains("onerror"),
        "{html}"
    );
}

#[test]
fn json_output_round_trips_control_characters_separators_and_astral_text() {
    let dir = tempfile::tempdir().unwrap();
    let title = "Quote \" backslash \\ tab\t nul\u{1} ls\u{2028} ps\u{2029} emoji \u{1F600}";
    let html = page("Jsonmarker").replace("<title>Jsonmarker", &format!("<title>{title}"));
    let path = dir.path().join("j.html");
    std::fs::write(&path, html).unwrap();
    let out = pagepith()
        .args(["extract", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed = stdout(&out);
    assert!(
        !printed.chars().any(|c| c.is_control() && c != '\n'),
        "raw control character in JSON output"
    );
    let value: serde_json::Value = serde_json::from_str(&printed).unwrap();
    let parsed_title = value["title"].as_str().unwrap();
    // Line and paragraph separators are white space, which titles collapse; the control
    // character is kept, escaped, and comes back.
    assert!(parsed_title.contains("\u{1F600}") && parsed_title.contains("nul\u{1}"));
    assert!(parsed_title.contains("Quote \" backslash \\"));
}
