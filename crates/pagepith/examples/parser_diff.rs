//! Differential check of the two parse paths: extracts every page of one or more datasets with
//! html5ever (the reference) and with pagepith's fast parser, and lists every page whose
//! extracted text, title, authors or date differ, with the first differing text.
//!
//! ```sh
//! cargo run --release -p pagepith --example parser_diff -- DATASET_DIR... [--max-differences N]
//! ```
//!
//! Exits 1 when more than N pages (default 0) differ, so CI can run it as a gate. Also prints
//! the parse-only throughput of both parsers and the deepest element nesting seen (the basis of
//! `DEFAULT_MAX_DEPTH`, 256).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use pagepith::dom::{self, Document, Edge, ParseLimits};
use pagepith::{Config, Parser};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let mut dirs = Vec::new();
    let mut allowed = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--max-differences" {
            match args.next().and_then(|v| v.parse().ok()) {
                Some(n) => allowed = n,
                None => {
                    eprintln!("parser_diff: --max-differences needs a number");
                    return ExitCode::from(2);
                }
            }
        } else {
            dirs.push(PathBuf::from(arg));
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: parser_diff DATASET_DIR... [--max-differences N]");
        return ExitCode::from(2);
    }
    let mut pages = 0;
    let mut differing = Vec::new();
    let mut bytes = 0usize;
    let (mut t_ref, mut t_fast) = (Duration::ZERO, Duration::ZERO);
    let mut deepest = 0;
    let mut same_tree = 0;
    for dir in &dirs {
        let data = match pagepith_eval::Dataset::load(dir) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("parser_diff: cannot load {}: {e}", dir.display());
                return ExitCode::from(2);
            }
        };
        for gold in data.pages() {
            let Ok(raw) = pagepith_eval::read_html(gold) else {
                eprintln!("parser_diff: cannot read {}", gold.id);
                continue;
            };
            pages += 1;
            let html = pagepith::decode::decode(&raw, None).text;
            bytes += html.len();
            let limits = ParseLimits::default();
            let t0 = Instant::now();
            let reference = dom::parse_with(&html, &limits, Parser::Html5ever);
            let t1 = Instant::now();
            let fast = dom::parse_with(&html, &limits, Parser::Fast);
            t_fast += t1.elapsed();
            t_ref += t1 - t0;
            if let Ok(doc) = &reference {
                deepest = deepest.max(depth(doc));
            }
            if let (Ok(x), Ok(y)) = (&reference, &fast) {
                let (sx, sy) = (shape(x), shape(y));
                if sx == sy {
                    same_tree += 1;
                } else if std::env::var_os("PARSER_DIFF_TREES").is_some() {
                    // Trees may differ where the text does not; shown on request for debugging.
                    println!("TREE {}: {}", gold.id, first_difference(&sx, &sy));
                }
            }
            if reference.is_ok() != fast.is_ok() {
                differing.push((gold.id.clone(), "one parser hit a limit".to_owned()));
                continue;
            }
            let mut config = Config::default();
            if let Some(url) = &gold.url {
                config = config.with_url(url.clone());
            }
            let a = pagepith::extract(&raw, &config.clone().with_parser(Parser::Html5ever));
            let b = pagepith::extract(&raw, &config.with_parser(Parser::Fast));
            let (a, b) = match (a, b) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(_), Err(_)) => continue,
                _ => {
                    differing.push((gold.id.clone(), "one path failed".to_owned()));
                    continue;
                }
            };
            let (ta, tb) = (a.text(), b.text());
            let what = if ta != tb {
                format!("text: {}", first_difference(&ta, &tb))
            } else if a.title != b.title {
                format!("title: {:?} vs {:?}", a.title, b.title)
            } else if a.authors != b.authors {
                format!("authors: {:?} vs {:?}", a.authors, b.authors)
            } else if a.date != b.date {
                format!("date: {:?} vs {:?}", a.date, b.date)
            } else {
                continue;
            };
            differing.push((format!("{}/{}", dir.display(), gold.id), what));
        }
    }
    for (id, what) in &differing {
        println!("DIFF {id}: {what}");
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{pages} pages, {} identical, {} differ ({same_tree} with the same tree); parse only: html5ever {:.1} MB/s, fast {:.1} MB/s ({:.2}x); deepest nesting {deepest}",
        pages - differing.len(),
        differing.len(),
        mb / t_ref.as_secs_f64(),
        mb / t_fast.as_secs_f64(),
        t_ref.as_secs_f64() / t_fast.as_secs_f64(),
    );
    if differing.len() > allowed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The tree as a string of element names and texts in document order: equal strings mean the
/// same elements, nesting and text (attributes aside).
fn shape(doc: &Document) -> String {
    let mut out = String::new();
    for edge in doc.traverse(Document::ROOT) {
        match edge {
            Edge::Open(n) => {
                if let Some(e) = doc.element(n) {
                    out.push('<');
                    out.push_str(&e.name);
                    out.push('>');
                } else if let Some(t) = doc.text(n) {
                    out.push_str(t);
                }
            }
            Edge::Close(n) => {
                if doc.element(n).is_some() {
                    out.push_str("</>");
                }
            }
        }
    }
    out
}

/// Deepest element nesting in the tree.
fn depth(doc: &Document) -> usize {
    let (mut d, mut max) = (0usize, 0usize);
    for edge in doc.traverse(Document::ROOT) {
        match edge {
            Edge::Open(_) => {
                d += 1;
                max = max.max(d);
            }
            Edge::Close(_) => d = d.saturating_sub(1),
        }
    }
    max
}

/// Where two texts part: a little context from each.
fn first_difference(a: &str, b: &str) -> String {
    let common = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let start = a[..common]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(0, |(i, _)| i);
    let take = |s: &str| {
        s[start..]
            .chars()
            .take(120)
            .collect::<String>()
            .replace('\n', "⏎")
    };
    format!(
        "len {} vs {}; html5ever «{}» fast «{}»",
        a.len(),
        b.len(),
        take(a),
        take(b)
    )
}
