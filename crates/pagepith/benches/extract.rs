//! Criterion benchmark: single-thread extraction over the 181 Scrapinghub pages.
//!
//! Run with `cargo bench -p pagepith --bench extract` (about 1–2 minutes).
//!
//! The pages are read from `../shared/eval/scrapinghub/html/*.html.gz` next to the repository
//! (located from `CARGO_MANIFEST_DIR`, i.e. `crates/pagepith/../../../shared/eval`); they are
//! gunzipped into memory once, before any measurement, so file I/O and decompression are never
//! timed. Set `PAGEPITH_EVAL_DIR` to point at another `eval` folder. The eval data is never
//! copied into the repository.
//!
//! One iteration = `extract` + `text()` on every page in turn, on one thread, the same work the
//! throughput example (`examples/throughput.rs`) and `bench/compare.sh` time against the peers.
//! Two views of the same loop are reported:
//! - `extract/scrapinghub_bytes`: throughput in bytes of uncompressed HTML (MB/s);
//! - `extract/scrapinghub_pages`: throughput in pages (elements/s).

use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::exit;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use flate2::read::GzDecoder;

/// One page held in memory: its raw (possibly non-UTF-8) bytes and, when the ground truth gives
/// it, its URL (handed to the extractor as `pagepith eval` does).
struct Page {
    html: Vec<u8>,
    url: Option<String>,
}

fn eval_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PAGEPITH_EVAL_DIR") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval")
}

/// Loads every `html/<id>.html.gz` of the dataset, sorted by id; exits non-zero with a clear
/// message when the data is not there (a benchmark over zero pages would be meaningless).
fn load_pages(dataset: &Path) -> Vec<Page> {
    let html_dir = dataset.join("html");
    let entries = match std::fs::read_dir(&html_dir) {
        Ok(entries) => entries,
        Err(err) => {
            eprintln!(
                "extract bench: cannot read the eval pages at {} ({err}).\n\
                 The benchmark needs the Scrapinghub set at ../shared/eval/scrapinghub next to the \
                 repository (or PAGEPITH_EVAL_DIR=/path/to/eval).",
                html_dir.display()
            );
            exit(2);
        }
    };
    let urls = load_urls(dataset);
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    let mut pages = Vec::with_capacity(paths.len());
    for path in paths {
        let mut html = Vec::new();
        let read =
            std::fs::File::open(&path).and_then(|f| GzDecoder::new(f).read_to_end(&mut html));
        if let Err(err) = read {
            eprintln!("extract bench: cannot read {}: {err}", path.display());
            exit(2);
        }
        let name = path.file_name().unwrap().to_string_lossy();
        let id = name.trim_end_matches(".html.gz");
        let url = urls.as_ref().and_then(|u| u.get(id)).cloned();
        pages.push(Page { html, url });
    }
    if pages.is_empty() {
        eprintln!(
            "extract bench: no *.html.gz pages in {}",
            html_dir.display()
        );
        exit(2);
    }
    pages
}

/// `{id: url}` from `ground-truth.json`, when it is there.
fn load_urls(dataset: &Path) -> Option<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(dataset.join("ground-truth.json")).ok()?;
    let root: serde_json::Value = serde_json::from_str(&text).ok()?;
    let obj = root.as_object()?;
    Some(
        obj.iter()
            .filter_map(|(id, v)| Some((id.clone(), v.get("url")?.as_str()?.to_owned())))
            .collect(),
    )
}

/// Configs are built once, outside the clock.
fn configs(pages: &[Page]) -> Vec<pagepith::Config> {
    pages
        .iter()
        .map(|p| match &p.url {
            Some(url) => pagepith::Config::default().with_url(url.clone()),
            None => pagepith::Config::default(),
        })
        .collect()
}

/// The measured work: extract every page and render its text. Returns the total text length so
/// nothing can be optimised away.
fn extract_all(pages: &[Page], configs: &[pagepith::Config]) -> usize {
    let mut chars = 0;
    for (page, config) in pages.iter().zip(configs) {
        if let Ok(article) = pagepith::extract(black_box(&page.html), config) {
            chars += black_box(article.text()).len();
        }
    }
    chars
}

fn bench(c: &mut Criterion) {
    let dataset = eval_dir().join("scrapinghub");
    let pages = load_pages(&dataset);
    let configs = configs(&pages);
    let total_bytes: u64 = pages.iter().map(|p| p.html.len() as u64).sum();
    eprintln!(
        "extract bench: {} pages, {:.2} MB of HTML from {}",
        pages.len(),
        total_bytes as f64 / 1e6,
        dataset.display()
    );

    let mut group = c.benchmark_group("extract");
    // One iteration is a whole pass over the set (~0.5–2 s), so few samples are plenty; this
    // keeps `cargo bench -p pagepith --bench extract` to ~1–2 minutes on the 2-core machine.
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(15));

    group.throughput(Throughput::Bytes(total_bytes));
    group.bench_function("scrapinghub_bytes", |b| {
        b.iter(|| extract_all(&pages, &configs))
    });

    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("scrapinghub_pages", |b| {
        b.iter(|| extract_all(&pages, &configs))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
