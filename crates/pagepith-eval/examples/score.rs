//! Scores a saved predictions file against a dataset and prints the report:
//! `cargo run --release -p pagepith-eval --example score -- DATASET_DIR PREDICTIONS.json`

use std::path::PathBuf;
use std::time::Instant;

use pagepith_eval::{evaluate, load_predictions, Dataset};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [dataset, predictions] = args.as_slice() else {
        return Err("usage: score DATASET_DIR PREDICTIONS.json".into());
    };
    let dataset = Dataset::load(dataset)?;
    let predictions = load_predictions(predictions)?;
    let start = Instant::now();
    let report = evaluate(&dataset, &predictions);
    let elapsed = start.elapsed();
    print!("{}", report.render_text());
    eprintln!("scored {} pages in {elapsed:.2?}", report.pages);
    Ok(())
}
