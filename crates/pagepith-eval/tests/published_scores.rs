//! Checks that the scorer reproduces the published Scrapinghub benchmark
//! numbers from the peers' saved outputs (see `shared/eval/README.md`).

mod common;

use pagepith_eval::{evaluate, load_predictions, Dataset};

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Scores `peers/<name>.json` and compares F1, P, R, accuracy to 3 decimals.
fn check_peer(name: &str, expected: [f64; 4]) {
    let dir = common::eval_dir().join("scrapinghub");
    let dataset = Dataset::load(&dir).expect("load scrapinghub gold");
    assert_eq!(dataset.pages().len(), 181);
    let preds =
        load_predictions(&dir.join(format!("peers/{name}.json"))).expect("load peer output");
    let r = evaluate(&dataset, &preds);
    assert_eq!(r.missing, 0, "{name}: every page has a prediction");
    let got = [r.f1, r.precision, r.recall, r.accuracy].map(round3);
    assert_eq!(
        got,
        expected,
        "{name}: F1/P/R/accuracy (raw {:?})",
        [r.f1, r.precision, r.recall, r.accuracy]
    );
    // Scrapinghub has no page types, snippets or metadata gold.
    assert!(r.per_page_type.is_empty() && r.snippets.is_none() && r.metadata.is_none());
}

#[test]
fn trafilatura() {
    check_peer("trafilatura", [0.958, 0.938, 0.978, 0.293]);
}

#[test]
fn readability_js() {
    check_peer("readability_js", [0.947, 0.914, 0.982, 0.166]);
}

#[test]
fn go_trafilatura() {
    check_peer("go_trafilatura", [0.960, 0.940, 0.980, 0.287]);
}

#[test]
fn rs_trafilatura() {
    check_peer("rs_trafilatura", [0.970, 0.951, 0.990, 0.287]);
}

#[test]
fn dom_smoothie() {
    check_peer("dom_smoothie", [0.865, 0.785, 0.963, 0.055]);
}
