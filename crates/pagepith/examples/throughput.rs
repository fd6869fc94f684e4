//! Single-thread extraction throughput, timed in-process.
//!
//! ```sh
//! cargo run --release -p pagepith --example throughput -- [--dataset DIR] [--repeat N] [--warmup N]
//!     [--parser fast|html5ever]
//! ```
//!
//! Loads every `DIR/html/*.html.gz` into memory first (gunzipped; URLs from
//! `DIR/ground-truth.json` when present), then times `pagepith::extract` + `Article::text()` over
//! all pages, N times, on this one thread. Start-up, file I/O and decompression are outside the
//! clock, exactly as `bench/peers/run_peers.py` times the Python peers, so the numbers can be put
//! side by side. Prints one JSON object on stdout:
//!
//! `{"tool","dataset","pages","bytes","seconds","pages_per_sec","mb_per_sec","repeat","runs","errors"}`
//!
//! where `seconds` is the median of the N timed runs and MB = 10^6 bytes of uncompressed HTML.
//! `DIR` defaults to `../shared/eval/scrapinghub` next to the repository. Also used as the
//! workload for profiling (perf / callgrind), see BENCHMARKS.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

// The same allocator as the `pagepith` binary, so this measures what the command line does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Page {
    html: Vec<u8>,
    config: pagepith::Config,
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: throughput [--dataset DIR] [--repeat N] [--warmup N] [--parser fast|html5ever]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut dataset =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/scrapinghub");
    let mut repeat = 5usize;
    let mut warmup = 1usize;
    let mut parser = pagepith::Parser::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--dataset", Some(v)) => dataset = PathBuf::from(v),
            ("--repeat", Some(v)) => match v.parse() {
                Ok(n) if n > 0 => repeat = n,
                _ => return usage(),
            },
            ("--warmup", Some(v)) => match v.parse() {
                Ok(n) => warmup = n,
                _ => return usage(),
            },
            ("--parser", Some(v)) => match v.as_str() {
                "fast" => parser = pagepith::Parser::Fast,
                "html5ever" => parser = pagepith::Parser::Html5ever,
                _ => return usage(),
            },
            _ => return usage(),
        }
    }

    let pages = match load_pages(&dataset, parser) {
        Ok(pages) if !pages.is_empty() => pages,
        Ok(_) => {
            eprintln!(
                "throughput: no *.html.gz pages in {}/html",
                dataset.display()
            );
            return ExitCode::from(2);
        }
        Err(msg) => {
            eprintln!("throughput: {msg}");
            return ExitCode::from(2);
        }
    };
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();

    // Warm-up passes (untimed): page in code, warm the allocator and caches.
    let mut errors = 0;
    for _ in 0..warmup {
        errors = run_once(&pages).1;
    }
    let mut runs = Vec::with_capacity(repeat);
    for i in 0..repeat {
        let t0 = Instant::now();
        let (_, errs) = run_once(&pages);
        let secs = t0.elapsed().as_secs_f64();
        errors = errs;
        eprintln!("pagepith run {}/{repeat}: {secs:.3} s", i + 1);
        runs.push(secs);
    }
    let mut sorted = runs.clone();
    sorted.sort_by(f64::total_cmp);
    let median = if sorted.len() % 2 == 1 {
        sorted[sorted.len() / 2]
    } else {
        (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) / 2.0
    };

    let name = dataset
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let out = serde_json::json!({
        "tool": "pagepith",
        "version": env!("CARGO_PKG_VERSION"),
        "dataset": name,
        "pages": pages.len(),
        "bytes": bytes,
        "seconds": round(median, 4),
        "pages_per_sec": round(pages.len() as f64 / median, 2),
        "mb_per_sec": round(bytes as f64 / 1e6 / median, 3),
        "repeat": repeat,
        "warmup": warmup,
        "runs": runs.iter().map(|s| round(*s, 4)).collect::<Vec<_>>(),
        "errors": errors,
        "input": "bytes",
        "timed": "extract + text(), one thread",
        "parser": format!("{parser:?}"),
    });
    println!("{out}");
    ExitCode::SUCCESS
}

fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// One pass over all pages; returns (total text length, error count).
fn run_once(pages: &[Page]) -> (usize, usize) {
    let mut chars = 0;
    let mut errors = 0;
    for page in pages {
        match pagepith::extract(black_box(&page.html), &page.config) {
            Ok(article) => chars += black_box(article.text()).len(),
            Err(_) => errors += 1,
        }
    }
    (chars, errors)
}

/// Every page of the dataset, read with the eval crate's loader (gunzipped, URL from the gold).
fn load_pages(dataset: &Path, parser: pagepith::Parser) -> Result<Vec<Page>, String> {
    let data = pagepith_eval::Dataset::load(dataset).map_err(|e| {
        format!(
            "cannot load {} ({e}); pass --dataset DIR (a folder with html/ and ground-truth.json)",
            dataset.display()
        )
    })?;
    data.pages()
        .iter()
        .map(|gold| {
            let html = pagepith_eval::read_html(gold)
                .map_err(|e| format!("cannot read page {}: {e}", gold.id))?;
            let mut config = pagepith::Config::default().with_parser(parser);
            if let Some(url) = &gold.url {
                config = config.with_url(url.clone());
            }
            Ok(Page { html, config })
        })
        .collect()
}
