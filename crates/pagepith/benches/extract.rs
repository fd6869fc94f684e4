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
use std::path::{Path, PathBuf};
use std::process::exit;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

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

/// Loads every page of the dataset with the eval crate's loader, sorted by id; exits non-zero
/// with a clear message when the data is not there (a benchmark over zero pages is meaningless).
fn load_pages(dataset: &Path) -> Vec<Page> {
    let fail = |what: String| -> ! {
        eprintln!(
            "extract bench: {what}.\nThe benchmark needs the Scrapinghub set at \
             ../shared/eval/scrapinghub next to the repository (or PAGEPITH_EVAL_DIR=/path/to/eval)."
        );
        exit(2);
    };
    let data = pagepith_eval::Dataset::load(dataset)
        .unwrap_or_else(|e| fail(format!("cannot load {} ({e})", dataset.display())));
    let pages: Vec<Page> = data
        .pages()
        .iter()
        .map(|gold| Page {
            html: pagepith_eval::read_html(gold)
                .unwrap_or_else(|e| fail(format!("cannot read page {} ({e})", gold.id))),
            url: gold.url.clone(),
        })
        .collect();
    if pages.is_empty() {
        fail(format!("no pages in {}", dataset.display()));
    }
    pages
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
