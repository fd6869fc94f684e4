//! The hostile corpus: pathological pages generated at test time (never stored), each of which
//! must end in an article or a clear error within the bounds its test name states: wall time on
//! the release build, and peak heap beyond the input as a multiple of the input's size (plus
//! 32 MiB of fixed overhead for the parser's tables and small pages).
//!
//! Every case runs through both tree builders — the fast parser (the default) and html5ever
//! (the reference) — and each must meet the bounds on its own.
//!
//! The full-size cases are ignored in debug builds, where html5ever runs some twenty times slower
//! and the time bounds would mean nothing; CI runs them with
//! `cargo test --release -p pagepith --test hostile`. The small cases at the end run everywhere.
//! WARC cases (a truncated last record, a lying Content-Length) belong with the WARC reader.

use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use pagepith::{Article, Config, Error, ErrorKind, Parser};
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// Peak heap is process-wide, so the cases take turns: each holds this lock while it runs.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

const MIB: usize = 1 << 20;
/// Heap a small page needs whatever its size: interned names, the parser's tables, buffers.
const FIXED_OVERHEAD: usize = 32 * MIB;

struct Run {
    /// The default (fast) parser's result.
    result: Result<Article, Error>,
    /// html5ever's result on the same input and config.
    reference: Result<Article, Error>,
    /// The slower of the two runs.
    secs: f64,
    /// The larger of the two peaks of heap during extraction beyond what was allocated before
    /// it (the input included).
    peak_bytes: usize,
}

/// Extracts `input` with each parser in turn, timing each and measuring the peak heap it took.
fn run(input: &[u8], config: &Config) -> Run {
    let mut timed = [Parser::Fast, Parser::Html5ever].map(|parser| {
        let config = config.clone().with_parser(parser);
        HEAP.reset_peak_usage();
        let before = HEAP.current_usage();
        let start = Instant::now();
        let result = pagepith::extract(input, &config);
        let secs = start.elapsed().as_secs_f64();
        let peak_bytes = HEAP.peak_usage().saturating_sub(before);
        eprintln!(
            "{parser:?}: {secs:.2} s, peak heap {:.1} MiB",
            peak_bytes as f64 / MIB as f64
        );
        Some((result, secs, peak_bytes))
    });
    let (result, fast_secs, fast_peak) = timed[0].take().expect("fast run");
    let (reference, reference_secs, reference_peak) = timed[1].take().expect("html5ever run");
    Run {
        result,
        reference,
        secs: fast_secs.max(reference_secs),
        peak_bytes: fast_peak.max(reference_peak),
    }
}

/// Checks a run against its stated bounds and returns the article.
fn within(run: Run, input_len: usize, max_secs: f64, max_memory_multiple: usize) -> Article {
    let memory_bound = max_memory_multiple * input_len + FIXED_OVERHEAD;
    eprintln!(
        "input {:.1} MiB: {:.2} s, peak heap {:.1} MiB (bound {:.1} MiB)",
        input_len as f64 / MIB as f64,
        run.secs,
        run.peak_bytes as f64 / MIB as f64,
        memory_bound as f64 / MIB as f64,
    );
    assert!(run.secs <= max_secs, "took {:.2} s", run.secs);
    assert!(
        run.peak_bytes <= memory_bound,
        "peak heap {}",
        run.peak_bytes
    );
    if let Err(e) = &run.reference {
        panic!("expected an article from html5ever, got the error: {e}");
    }
    match run.result {
        Ok(article) => article,
        Err(e) => panic!("expected an article, got the error: {e}"),
    }
}

/// Text output must never carry control characters other than line breaks.
fn assert_clean_text(article: &Article) {
    let text = article.text();
    let bad = text.chars().find(|&c| c.is_control() && c != '\n');
    assert_eq!(bad, None, "control character in text output");
}

fn repeat(parts: &[(&str, usize)]) -> String {
    let len = parts.iter().map(|(s, n)| s.len() * n).sum();
    let mut out = String::with_capacity(len);
    for (s, n) in parts {
        for _ in 0..*n {
            out.push_str(s);
        }
    }
    out
}

#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn million_deep_nesting_finishes_under_20s_within_10x_input_memory() {
    let _turn = serial();
    let n = 1_000_000;
    let html = repeat(&[
        ("<div>", n),
        ("<p>deep text at the bottom</p>", 1),
        ("</div>", n),
    ]);
    let article = within(
        run(html.as_bytes(), &Config::default()),
        html.len(),
        20.0,
        10,
    );
    assert!(article.text().contains("deep text at the bottom"));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn million_siblings_finish_under_60s_within_40x_input_memory() {
    let _turn = serial();
    let html = repeat(&[("<body>", 1), ("<p>sibling paragraph</p>", 1_000_000)]);
    let article = within(
        run(html.as_bytes(), &Config::default()),
        html.len(),
        60.0,
        40,
    );
    assert!(article.text().contains("sibling paragraph"));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn text_node_of_100mb_is_refused_by_default_under_1s_without_copying() {
    let _turn = serial();
    let html = repeat(&[("<p>", 1), ("word ", 20 * MIB), ("</p>", 1)]);
    let run = run(html.as_bytes(), &Config::default());
    assert!(run.secs < 1.0, "took {:.2} s", run.secs);
    assert!(run.peak_bytes < MIB, "peak heap {}", run.peak_bytes);
    for result in [run.result, run.reference] {
        let err = result.unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::LimitExceeded {
                limit: "max_input_bytes",
                ..
            }
        ));
    }
}

#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn text_node_of_100mb_with_the_limit_raised_finishes_under_60s_within_8x_input_memory() {
    let _turn = serial();
    let html = repeat(&[("<p>", 1), ("word ", 20 * MIB), ("</p>", 1)]);
    let config = Config::default().with_max_input_bytes(128 * MIB);
    let article = within(run(html.as_bytes(), &config), html.len(), 60.0, 8);
    assert!(article.text().len() > 90 * MIB);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn hundred_thousand_attributes_on_one_tag_finish_under_2s_within_10x_input_memory() {
    let _turn = serial();
    let mut html = String::from("<div");
    for i in 0..100_000 {
        html.push_str(&format!(" data-a{i}=\"v{i}\""));
    }
    html.push_str("><p>the text after the attributes</p></div>");
    let article = within(
        run(html.as_bytes(), &Config::default()),
        html.len(),
        2.0,
        10,
    );
    assert!(article.text().contains("the text after the attributes"));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn ten_thousand_nested_tables_finish_under_10s_within_20x_input_memory() {
    let _turn = serial();
    let n = 10_000;
    let html = repeat(&[
        ("<table><tr><td>", n),
        ("<p>the innermost cell</p>", 1),
        ("</td></tr></table>", n),
    ]);
    let article = within(
        run(html.as_bytes(), &Config::default()),
        html.len(),
        10.0,
        20,
    );
    assert!(article.text().contains("the innermost cell"));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn invalid_utf8_throughout_10mb_finishes_under_30s_within_30x_input_memory() {
    let _turn = serial();
    let mut bytes = Vec::with_capacity(10 * MIB + 64);
    let mut seed: u32 = 0x2545_f491;
    while bytes.len() < 10 * MIB {
        bytes.extend_from_slice(b"<p>text ");
        for _ in 0..32 {
            // xorshift: bytes from 0x80 up, lone continuation and lead bytes alike.
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            bytes.push(0x80 | (seed as u8));
        }
        bytes.extend_from_slice(b"</p>");
    }
    let article = within(run(&bytes, &Config::default()), bytes.len(), 30.0, 30);
    assert_clean_text(&article);
}

/// Guards the repair of double-encoded references (`&acirc;&euro;&trade;`): a page made of
/// nothing else is read back after the parse in time and memory linear in the page.
#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn double_encoded_references_of_10mb_finish_under_5s_within_10x_input_memory() {
    let _turn = serial();
    let html = format!(
        "<p>{}</p>",
        "it isn&acirc;&euro;&trade;t &Atilde;&copy;t&Atilde;&copy; &acirc;&euro;&rdquo; ok "
            .repeat(10 * MIB / 60)
    );
    let article = within(
        run(html.as_bytes(), &Config::default()),
        html.len(),
        5.0,
        10,
    );
    let text = article.text();
    let start: String = text.chars().take(60).collect();
    assert!(text.starts_with("it isn’t été — ok"), "{start}");
}

#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn nul_bytes_10mb_finish_under_5s_within_10x_input_memory() {
    let _turn = serial();
    let mut bytes = b"<p>before the nuls</p>".to_vec();
    bytes.resize(10 * MIB, 0);
    let article = within(run(&bytes, &Config::default()), bytes.len(), 5.0, 10);
    assert_clean_text(&article);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn unclosed_comment_and_cdata_of_10mb_finish_under_5s_within_10x_input_memory() {
    let _turn = serial();
    // Outside SVG and MathML a CDATA section is a bogus comment that ends at the next `>`,
    // so the filler has none.
    for opener in ["<!--", "<![CDATA[", "<svg><![CDATA["] {
        let html = format!(
            "<p>the text before it is kept</p>{opener}{}",
            "swallowed ]] -- <p & ".repeat(10 * MIB / 20)
        );
        let article = within(
            run(html.as_bytes(), &Config::default()),
            html.len(),
            5.0,
            10,
        );
        // Text inside an SVG's CDATA is SVG text content, which pagepith keeps like other SVG
        // text; in HTML, comments and bogus comments are never text.
        if !opener.starts_with("<svg>") {
            assert!(!article.text().contains("swallowed"), "{opener}");
        }
        assert!(
            article.text().contains("the text before it is kept"),
            "{opener}"
        );
    }
}

#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn json_ld_block_of_10mb_finishes_under_5s_within_10x_input_memory() {
    let _turn = serial();
    let items = "{\"@type\":\"Thing\",\"name\":\"filler item\"},".repeat(10 * MIB / 40);
    let html = format!(
        "<html><head><title>Headline here</title><script type=\"application/ld+json\">\
         {{\"@type\":\"NewsArticle\",\"headline\":\"Headline here\",\"mentions\":[{items}{{}}]}}\
         </script></head><body><article><h1>Headline here</h1>\
         <p>The body of the article follows the headline.</p></article></body></html>"
    );
    let article = within(
        run(html.as_bytes(), &Config::default()),
        html.len(),
        5.0,
        10,
    );
    assert_eq!(article.title.as_deref(), Some("Headline here"));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "full size: run with --release")]
fn json_ld_nested_a_million_deep_finishes_under_5s_within_10x_input_memory() {
    // serde_json stops at 128 levels; nothing after it may recurse on what it returns.
    let _turn = serial();
    let json = repeat(&[("{\"a\":[", 500_000), ("1", 1), ("]}", 500_000)]);
    let html = format!(
        "<script type=\"application/ld+json\">{json}</script><h1>Title</h1><p>Body text.</p>"
    );
    let article = within(
        run(html.as_bytes(), &Config::default()),
        html.len(),
        5.0,
        10,
    );
    assert!(article.text().contains("Body text."));
}

// Small cases: cheap in any build.

#[test]
fn utf8_page_declared_windows_1252_reads_as_utf8() {
    let html =
        "<meta charset=windows-1252><p>Caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e, na\u{ef}ve.</p>";
    let article = pagepith::extract(html.as_bytes(), &Config::default()).unwrap();
    assert!(article.text().contains("Caf\u{e9} cr\u{e8}me"));
}

#[test]
fn windows_1252_page_declared_utf8_gives_a_result_with_replacement_characters() {
    // Bytes that are not UTF-8 under a UTF-8 label decode as U+FFFD, as in a browser.
    let mut html = b"<meta charset=utf-8><p>Caf".to_vec();
    html.extend_from_slice(&[0xe9, b' ', 0x93, b'q', 0x94]);
    html.extend_from_slice(b" and the rest of the paragraph.</p>");
    let article = pagepith::extract(&html, &Config::default()).unwrap();
    assert!(article.text().contains("Caf\u{fffd}"));
    assert_clean_text(&article);
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = bom.then_some(0xfeff).into_iter().chain(text.encode_utf16());
    for u in units {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_and_without_bom_in_both_byte_orders_decodes() {
    // The ASCII-only page is valid UTF-8 byte for byte (NULs included) when read without a BOM.
    let pages = [
        (
            "<html><body><p>Grüße aus Köln, sagte sie am Montag früh.</p></body></html>",
            "Grüße aus Köln",
        ),
        (
            "<html><body><p>Plain words in a plain paragraph here.</p></body></html>",
            "Plain words",
        ),
    ];
    for (html, expect) in pages {
        for big_endian in [false, true] {
            for bom in [true, false] {
                let bytes = utf16(html, big_endian, bom);
                let article = pagepith::extract(&bytes, &Config::default()).unwrap();
                assert!(
                    article.text().contains(expect) && !article.text().contains("<body>"),
                    "big_endian={big_endian} bom={bom}: {:?}",
                    article.text()
                );
            }
        }
    }
}

#[test]
fn control_characters_in_markup_never_reach_text_output() {
    let html = "<p>tab\there, nul\0, bell\u{7}, escape\u{1b}[31m, del\u{7f}, c1\u{85}\u{9b}.</p>";
    let article = pagepith::extract(html.as_bytes(), &Config::default()).unwrap();
    assert_clean_text(&article);
    assert!(article.text().contains("tab"));
}

#[test]
fn time_budget_of_zero_is_a_limit_error_naming_the_budget() {
    let config = Config::default().with_time_budget(std::time::Duration::ZERO);
    let html = "<p>a</p>".repeat(20_000);
    let err = pagepith::extract(html.as_bytes(), &config).unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::LimitExceeded {
            limit: "time_budget_ms",
            ..
        }
    ));
    assert!(err.to_string().contains("time_budget_ms"));
}

#[test]
fn node_limit_is_a_limit_error_naming_the_limit() {
    let config = Config::default().with_max_nodes(1_000);
    let html = "<p>a</p>".repeat(20_000);
    let err = pagepith::extract(html.as_bytes(), &config).unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::LimitExceeded {
            limit: "max_nodes",
            ..
        }
    ));
}
