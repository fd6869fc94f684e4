//! `--quotes` on the command line: a `quotes` field in JSON with the contract's names, a
//! section after the body in Markdown and text, and nothing at all without the flag.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const PAGE: &str = "<html><head><title>Pool to close</title></head><body><article>\
    <h1>Pool to close</h1>\
    <p>The town of Marlow will close its last public swimming pool in September, council \
    leaders announced on Thursday after a long and difficult budget meeting.</p>\
    <p>Council leader Fiona Graham said the decision was \u{201c}the hardest this council has \
    had to make.\u{201d}</p>\
    <p>\u{201c}We looked at every other option,\u{201d} she said.</p>\
    <p>The so-called \u{201c}rescue plan\u{201d} was dropped in May.</p>\
    </article></body></html>";

fn extract(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pagepith"))
        .arg("extract")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(PAGE.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Guards the JSON contract of --quotes and its absence without the flag.
#[test]
fn json_has_quotes_with_the_contract_fields_only_when_asked() {
    let out = extract(&["--quotes", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = v["quotes"].as_array().expect("a quotes list");
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    let q = &quotes[1];
    let mut keys: Vec<&str> = q.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "cue",
            "end",
            "paragraph",
            "speaker",
            "speaker_mention",
            "start",
            "text"
        ]
    );
    assert_eq!(q["text"], "We looked at every other option,");
    assert_eq!(q["speaker"], "Fiona Graham");
    assert_eq!(q["speaker_mention"], "she");
    assert_eq!(q["cue"], "said");
    // Offsets are characters into the paragraph of `text` the quotation is in.
    let text = v["text"].as_str().unwrap();
    let paragraph: Vec<char> = text
        .split("\n\n")
        .nth(q["paragraph"].as_u64().unwrap() as usize)
        .unwrap()
        .chars()
        .collect();
    let (start, end) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        paragraph[start..end].iter().collect::<String>(),
        q["text"].as_str().unwrap()
    );

    let plain = extract(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(v.get("quotes").is_none());
}

/// Guards the quotations section after the body in Markdown and text.
#[test]
fn markdown_and_text_list_them_after_the_body() {
    let md = String::from_utf8(extract(&["--quotes", "--format", "markdown"]).stdout).unwrap();
    let section = md
        .split("\n## Quotes\n\n")
        .nth(1)
        .expect("a Quotes section");
    assert!(
        section.starts_with("- “the hardest this council has had to make.” — Fiona Graham (said)")
    );
    let text = String::from_utf8(extract(&["--quotes"]).stdout).unwrap();
    assert!(text.contains("\n\nQuotes:\n\n“the hardest"), "{text}");
    let without = String::from_utf8(extract(&["--format", "markdown"]).stdout).unwrap();
    assert!(!without.contains("## Quotes"));
}
