//! Runs `dom_smoothie` (crates.io) over one eval set and writes predictions in ground-truth
//! form plus a timings file, like `../run_peers.py` does for the Python peers.
//!
//! ```text
//! dom-smoothie-peer --dataset DIR --out PRED.json [--times TIMES.json] [--repeat N]
//!                   [--text-mode formatted|raw|markdown]
//! ```
//!
//! `--text-mode` picks `Config::text_mode` for `Article::text_content`. The default here is
//! `formatted` (plain text with a line break between blocks), the closest to what the other peers
//! give; the crate's own default, `raw`, is the concatenated text nodes, which can glue the last
//! word of one block to the first of the next. Every other `Config` field is the crate's default.
//!
//! Every page is gunzipped into memory first; the clock covers charset decoding (the crate takes
//! a `&str`), `Readability::new(html, url, cfg)` and `parse()`, one thread. A page whose
//! `new` or `parse` returns an error, or panics, gets an empty text and is counted.

use std::collections::BTreeMap;
use std::io::Read;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use dom_smoothie::{Config, Readability, TextMode};
use serde_json::{json, Map, Value};

struct Args {
    dataset: PathBuf,
    out: PathBuf,
    times: Option<PathBuf>,
    repeat: Option<usize>,
    mode: TextMode,
    mode_name: String,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let (mut dataset, mut out, mut times, mut repeat) = (None, None, None, None);
    let mut mode_name = "formatted".to_string();
    while let Some(a) = it.next() {
        let mut val = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--dataset" => dataset = Some(PathBuf::from(val()?)),
            "--out" => out = Some(PathBuf::from(val()?)),
            "--times" => times = Some(PathBuf::from(val()?)),
            "--repeat" => repeat = Some(val()?.parse().map_err(|e| format!("--repeat: {e}"))?),
            "--text-mode" => mode_name = val()?,
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    let mode = match mode_name.as_str() {
        "raw" => TextMode::Raw,
        "formatted" => TextMode::Formatted,
        "markdown" => TextMode::Markdown,
        m => return Err(format!("--text-mode: raw, formatted or markdown, not {m}")),
    };
    Ok(Args {
        dataset: dataset.ok_or("--dataset is required")?,
        out: out.ok_or("--out is required")?,
        times,
        repeat,
        mode,
        mode_name,
    })
}

/// One page in memory: id, URL from the ground truth, raw (gunzipped) bytes.
type Page = (String, Option<String>, Vec<u8>);

/// Every page of the set, sorted by id, all in memory.
fn load_pages(dataset: &Path) -> Result<Vec<Page>, String> {
    let gt_path = dataset.join("ground-truth.json");
    let gt =
        std::fs::read_to_string(&gt_path).map_err(|e| format!("{}: {e}", gt_path.display()))?;
    let truth: Map<String, Value> =
        serde_json::from_str(&gt).map_err(|e| format!("{}: {e}", gt_path.display()))?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        let path = dataset.join("html").join(format!("{id}.html.gz"));
        let file = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut raw)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let url = truth[id]
            .get("url")
            .and_then(Value::as_str)
            .filter(|u| !u.is_empty());
        pages.push((id.clone(), url.map(str::to_string), raw));
    }
    Ok(pages)
}

/// Bytes to text: a BOM, else valid UTF-8, else a `charset=` label in the first 2 KiB,
/// else chardetng's guess (the crate itself only takes a `&str`).
fn decode(raw: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(raw) {
        return enc.decode_without_bom_handling(&raw[bom..]).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(raw) {
        return s.to_string();
    }
    let head = String::from_utf8_lossy(&raw[..raw.len().min(2048)]).to_ascii_lowercase();
    let label = head.find("charset=").and_then(|i| {
        let rest = head[i + 8..].trim_start_matches(['"', '\'', ' ']);
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || "-_:.".contains(c)))?;
        encoding_rs::Encoding::for_label(&rest.as_bytes()[..end])
    });
    let enc = label.unwrap_or_else(|| {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
        det.feed(raw, true);
        det.guess(None, chardetng::Utf8Detection::Allow)
    });
    enc.decode_without_bom_handling(raw).0.into_owned()
}

/// One page: Ok(record) or Err(message). Errors and panics never stop the run.
fn extract(url: Option<&str>, raw: &[u8], mode: TextMode) -> Result<Value, String> {
    let html = decode(raw);
    let cfg = Config {
        text_mode: mode,
        ..Config::default()
    };
    let run = || -> Result<Value, String> {
        let mut r = Readability::new(html.as_str(), url, Some(cfg.clone()))
            .or_else(|_| Readability::new(html.as_str(), None, Some(cfg.clone())))
            .map_err(|e| format!("new: {e}"))?;
        let a = r.parse().map_err(|e| format!("parse: {e}"))?;
        let mut rec = Map::new();
        rec.insert("articleBody".into(), json!(a.text_content.to_string()));
        let title = a.title.trim();
        if !title.is_empty() {
            rec.insert("title".into(), json!(title));
        }
        if let Some(b) = a.byline.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            rec.insert("author".into(), json!(b));
        }
        if let Some(d) = a
            .published_time
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            rec.insert("date".into(), json!(d));
        }
        Ok(Value::Object(rec))
    };
    panic::catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|_| Err("panic".into()))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("dom-smoothie-peer: {e}");
            return ExitCode::from(2);
        }
    };
    let pages = match load_pages(&args.dataset) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dom-smoothie-peer: {e}");
            return ExitCode::FAILURE;
        }
    };
    panic::set_hook(Box::new(|_| {})); // panics are counted per page, not printed
    let nbytes: usize = pages.iter().map(|p| p.2.len()).sum();
    let repeat = args
        .repeat
        .unwrap_or(if pages.len() <= 500 { 3 } else { 1 });
    let (mut runs, mut preds, mut errors) = (Vec::new(), None, Vec::new());
    for i in 0..repeat {
        let t0 = Instant::now();
        let (mut out, mut errs) = (BTreeMap::new(), Vec::new());
        for (id, url, raw) in &pages {
            let rec = extract(url.as_deref(), raw, args.mode).unwrap_or_else(|e| {
                errs.push((id.clone(), e));
                json!({"articleBody": ""})
            });
            out.insert(id.clone(), rec);
        }
        let secs = t0.elapsed().as_secs_f64();
        eprintln!(
            "dom_smoothie run {}/{repeat}: {secs:.2} s, {} errors",
            i + 1,
            errs.len()
        );
        runs.push(secs);
        if preds.is_none() {
            preds = Some(out);
            errors = errs;
        }
    }
    for (id, e) in &errors {
        eprintln!("  error on {id}: {e}");
    }
    eprintln!("pages with empty text from an error: {}", errors.len());
    let body = serde_json::to_string(&preds.unwrap_or_default()).expect("JSON of strings");
    if let Err(e) = std::fs::write(&args.out, body) {
        eprintln!("dom-smoothie-peer: {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    let mut sorted = runs.clone();
    sorted.sort_by(f64::total_cmp);
    let secs = sorted[sorted.len() / 2];
    let round = |x: f64, d: i32| (x * 10f64.powi(d)).round() / 10f64.powi(d);
    let times = json!({
        "peer": "dom_smoothie", "version": "0.19.0",
        "dataset": args.dataset.file_name().map(|n| n.to_string_lossy().into_owned()),
        "pages": pages.len(), "seconds": round(secs, 4),
        "pages_per_sec": round(pages.len() as f64 / secs, 2),
        "bytes": nbytes, "mb_per_sec": round(nbytes as f64 / 1e6 / secs, 3),
        "repeat": repeat, "runs": runs.iter().map(|s| round(*s, 4)).collect::<Vec<_>>(),
        "errors": errors.len(),
        "input": "bytes (decoded inside the clock: BOM, UTF-8, charset= label, chardetng)",
        "settings": format!("Config::default() with text_mode {}", args.mode_name),
        "metadata": "title/byline/published_time from the timed call",
    });
    println!("{times}");
    if let Some(t) = &args.times {
        if let Err(e) = std::fs::write(t, serde_json::to_string_pretty(&times).expect("JSON")) {
            eprintln!("dom-smoothie-peer: {}: {e}", t.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
