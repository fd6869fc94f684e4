//! Loads the WCXB development set and checks the report on sanity cases:
//! the gold scored against itself, and nothing predicted at all.

mod common;

use std::collections::HashMap;

use pagepith_eval::{evaluate, read_html, Dataset, Prediction};

fn load() -> Dataset {
    Dataset::load(&common::eval_dir().join("wcxb-dev")).expect("load wcxb-dev gold")
}

#[test]
fn gold_against_itself_is_perfect() {
    let ds = load();
    assert_eq!(ds.pages().len(), 1358);
    let preds: HashMap<String, Prediction> = ds
        .pages()
        .iter()
        .map(|g| {
            let p = Prediction {
                text: g.body.clone(),
                title: g.title.clone(),
                authors: g.author.iter().cloned().collect(),
                date: g.date.clone(),
            };
            (g.id.clone(), p)
        })
        .collect();
    let r = evaluate(&ds, &preds);
    assert_eq!(
        (r.f1, r.precision, r.recall, r.accuracy),
        (1.0, 1.0, 1.0, 1.0)
    );
    assert_eq!(r.per_page_type.len(), 7);
    assert_eq!(r.per_page_type["article"].pages, 711);
    let m = r.metadata.expect("wcxb has metadata gold");
    assert_eq!(m.author.unwrap().pages, 673);
    assert_eq!(m.date.unwrap().pages, 708);
    for rate in [m.title, m.author, m.date] {
        assert_eq!(rate.unwrap().rate, 1.0);
    }
    let sn = r.snippets.expect("wcxb has snippets");
    assert!(sn.with_total > 0 && sn.without_total > 0);
    // `with` snippets are taken from the gold body, so the gold finds nearly all.
    assert!(
        sn.with_found_rate > 0.95,
        "with_found_rate {}",
        sn.with_found_rate
    );
    // By words the gold's own spelling differences vanish: never fewer found.
    assert!(sn.with_found_words >= sn.with_found);
    assert!(r.worst.iter().all(|w| w.f1 == 1.0));
}

#[test]
fn nothing_predicted_scores_zero() {
    let ds = load();
    let r = evaluate(&ds, &HashMap::new());
    assert_eq!(r.missing, 1358);
    assert_eq!((r.f1, r.recall), (0.0, 0.0));
    // Pages with an empty gold body are exact matches for an empty output.
    assert!(r.accuracy > 0.0 && r.accuracy < 0.05);
    assert_eq!(r.worst.len(), 10);
    assert!(read_html(&ds.pages()[0]).unwrap().len() > 1000);
}
