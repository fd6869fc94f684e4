//! Criterion benchmark: the whole single-thread pipeline on a few dev pages.
//!
//! Run with `cargo bench -p pagepith --bench extract` (about a minute).
//!
//! The pages are read at run time from `../shared/eval/scrapinghub/html/*.html.gz` next to the
//! repository (located from `CARGO_MANIFEST_DIR`, i.e. `crates/pagepith/../../../shared/eval`);
//! set `PAGEPITH_EVAL_DIR` to point at another `eval` folder. Eval pages are never copied into
//! the repository. They are gunzipped into memory once, before any measurement, so file I/O and
//! decompression are never timed.
//!
//! One iteration is what `pagepith extract` does for a page, on one thread: decode the bytes,
//! parse, extract the body and metadata, and write the JSON record (the text rendered inside
//! it). Reported:
//! - `pipeline/<page id>`: one page at a time, a few pages spread over the set (sizes and
//!   layouts differ), in bytes of HTML per second;
//! - `pipeline/sample`: the same pages one after the other, in pages per second.
//!
//! Whole-set figures (all 181 pages, instructions per pass) come from `bench/profile.sh` and
//! the `throughput` example; see BENCHMARKS.md "Speed".

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::exit;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Pages benchmarked: this many, evenly spaced over the set sorted by id.
const SAMPLE: usize = 6;

/// One page held in memory: its id, raw (possibly non-UTF-8) bytes and config (with the URL
/// the ground truth gives, as `pagepith eval` passes it).
struct Page {
    id: String,
    html: Vec<u8>,
    config: pagepith::Config,
}

fn eval_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PAGEPITH_EVAL_DIR") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval")
}

/// [`SAMPLE`] pages of the dataset, read with the eval crate's loader; exits non-zero with a
/// clear message when the data is not there (a benchmark over zero pages is meaningless).
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
    let mut gold: Vec<_> = data.pages().iter().collect();
    if gold.is_empty() {
        fail(format!("no pages in {}", dataset.display()));
    }
    gold.sort_by(|a, b| a.id.cmp(&b.id));
    let step = gold.len().div_ceil(SAMPLE);
    gold.iter()
        .step_by(step)
        .map(|g| Page {
            id: g.id.clone(),
            html: pagepith_eval::read_html(g)
                .unwrap_or_else(|e| fail(format!("cannot read page {} ({e})", g.id))),
            config: match &g.url {
                Some(url) => pagepith::Config::default().with_url(url.clone()),
                None => pagepith::Config::default(),
            },
        })
        .collect()
}

/// The measured work for one page: extract it and write its JSON record, as `pagepith
/// extract` does. Returns the record's length so nothing can be optimised away.
fn pipeline(page: &Page) -> usize {
    match pagepith::extract(black_box(&page.html), &page.config) {
        Ok(article) => {
            let record = pagepith::Record::new(&page.id, &article, false, false)
                .with_requested(&article, &page.config);
            serde_json::to_string(&record).map_or(0, |json| black_box(json).len())
        }
        Err(_) => 0,
    }
}

fn bench(c: &mut Criterion) {
    let dataset = eval_dir().join("scrapinghub");
    let pages = load_pages(&dataset);
    eprintln!(
        "extract bench: {} pages ({:.2} MB of HTML) from {}",
        pages.len(),
        pages.iter().map(|p| p.html.len()).sum::<usize>() as f64 / 1e6,
        dataset.display()
    );

    let mut group = c.benchmark_group("pipeline");
    // A page takes milliseconds: 20 samples over 3 s keep the whole run near a minute on the
    // shared 2-core machine.
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for page in &pages {
        group.throughput(Throughput::Bytes(page.html.len() as u64));
        group.bench_function(page.id.as_str(), |b| b.iter(|| pipeline(page)));
    }
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("sample", |b| {
        b.iter(|| pages.iter().map(pipeline).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
