//! `pagepith eval --blame`: which rule lost the missed text and which kept block leaked the
//! extra, summed over a dataset (see [`pagepith_eval::blame`]).
//!
//! Each page is extracted for its output and explained for its decisions; the explanation's
//! removed subtrees and blocks, in page order, are the labelled segments the blame reads.

use pagepith::Explanation;
use pagepith_eval::blame::{self, BlameReport, Segment};
use pagepith_eval::{Dataset, Prediction};

/// Extracts and explains every page, and blames its misses and leaks.
pub fn run(dataset: &Dataset, threads: usize, base: &pagepith::Config) -> BlameReport {
    let (pages, errors) = pagepith_eval::run_pages(dataset, threads, |html, url| {
        let mut config = base.clone();
        if let Some(url) = url {
            config = config.with_url(url);
        }
        let article = pagepith::extract(html, &config).map_err(|e| e.to_string())?;
        let explanation = pagepith::explain(html, &config).map_err(|e| e.to_string())?;
        Ok((
            Prediction {
                text: article.text(),
                ..Prediction::default()
            },
            segments(&explanation),
        ))
    });
    for (id, err) in &errors {
        eprintln!("pagepith: page {id}: {err}");
    }
    let blamed: Vec<_> = dataset
        .pages()
        .iter()
        .map(|gold| match pages.get(&gold.id) {
            Some((pred, segs)) => blame::blame_page(gold, &pred.text, segs),
            None => blame::blame_page(gold, "", &[]),
        })
        .collect();
    blame::aggregate(blamed)
}

/// The page's text in page order, each piece labelled with the rule that removed it or with
/// why it was kept.
pub fn segments(e: &Explanation) -> Vec<Segment> {
    let mode = if e.container.is_some() {
        "container"
    } else {
        "region"
    };
    let mut pieces: Vec<(u32, Segment)> = e
        .removed
        .iter()
        // The head and empty widgets hold no text to blame.
        .filter(|r| !r.text.is_empty())
        .map(|r| {
            let label = match r.reason.as_str() {
                // Which tag or role matters: `<header>` and `<footer>` fail differently.
                reason @ ("FurnitureTag" | "FurnitureRole") => {
                    format!("prune:{reason}({})", last_tag(&r.path))
                }
                reason => format!("prune:{reason}"),
            };
            (
                r.order,
                Segment {
                    kept: false,
                    label,
                    text: r.text.clone(),
                },
            )
        })
        .collect();
    pieces.extend(e.blocks.iter().map(|b| {
        let kind = b.kind.split('(').next().unwrap_or("");
        let label = match b.decision.as_str() {
            "kept" if b.link_density > 0.5 => format!("kept:{mode}:{kind}:linked"),
            "kept" => format!("kept:{mode}:{kind}"),
            "OutsideContainer" => format!("select:OutsideContainer({mode})"),
            other => format!("select:{other}"),
        };
        (
            b.order,
            Segment {
                kept: b.decision == "kept",
                label,
                text: b.text.clone(),
            },
        )
    }));
    // Stable: blocks of one element keep their order.
    pieces.sort_by_key(|(order, _)| *order);
    pieces.into_iter().map(|(_, s)| s).collect()
}

/// The tag of a report path's last element (`div#x.y` → `div`).
fn last_tag(path: &str) -> &str {
    let last = path.rsplit(" > ").next().unwrap_or(path);
    last.split(['#', '.']).next().unwrap_or(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the labels: a pruned `<nav>` names its tag, a kept paragraph names the
    /// container mode, and segments come in page order.
    #[test]
    fn segments_are_labelled_in_page_order() {
        let page = b"<nav><a href=/>Home</a> <a href=/a>About</a></nav>\
            <article><p>The first paragraph of the story is long enough to be prose, with commas, \
            clauses, and a full stop.</p><p>The second paragraph carries on in the same way for \
            a while longer.</p></article>";
        let e = pagepith::explain(page, &pagepith::Config::default()).unwrap();
        let segs = segments(&e);
        let labels: Vec<&str> = segs.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "prune:FurnitureTag(nav)",
                "kept:container:Paragraph",
                "kept:container:Paragraph"
            ]
        );
        assert!(segs[1].text.starts_with("The first"));
        assert_eq!(last_tag("html > body > div#a.b"), "div");
    }
}
