//! `pagepith eval`: extracts every page of a dataset (or reads a predictions file) and prints
//! the metric of the evaluation README, overall and per page type.

use std::collections::HashMap;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use pagepith_eval::{Dataset, Prediction};

use crate::EvalArgs;

pub fn run(args: &EvalArgs) -> Result<ExitCode> {
    let dataset = Dataset::load(&args.dataset)
        .with_context(|| format!("cannot load the dataset at {}", args.dataset.display()))?;
    if args.blame {
        let report =
            crate::blame_cmd::run(&dataset, args.jobs.unwrap_or(0), &args.options.config());
        if args.json {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            print!("{}", report.render_text());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (predictions, failed) = match &args.predictions {
        Some(path) => (
            pagepith_eval::load_predictions(path)
                .with_context(|| format!("cannot read predictions from {}", path.display()))?,
            0,
        ),
        None => extract_all(
            &dataset,
            args.jobs.unwrap_or(0),
            &args.options.config(),
            args.as_text,
        ),
    };
    if let Some(path) = &args.save_predictions {
        pagepith_eval::save_predictions(path, &predictions)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(id) = &args.diff {
        let Some(page) = dataset.page(id) else {
            bail!("no page {id} in {}", args.dataset.display());
        };
        let pred = predictions.get(id).map_or("", |p| p.text.as_str());
        println!("{}", pagepith_eval::diff(&page.body, pred).render_text());
        return Ok(ExitCode::SUCCESS);
    }
    let report = pagepith_eval::evaluate(&dataset, &predictions);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.render_text());
    }
    if args.as_text && args.predictions.is_none() {
        let (lines, _) = all_lines(&dataset, args.jobs.unwrap_or(0));
        let baseline = pagepith_eval::evaluate(&dataset, &lines);
        // The floor any line classifier must clear: every line of the flattened page kept.
        eprintln!(
            "baseline (all lines): F1 {:.3}  P {:.3}  R {:.3}",
            baseline.f1, baseline.precision, baseline.recall
        );
    }
    if failed > 0 {
        // Every dev page must give output: an error here is a bug to look at, not a score.
        eprintln!("pagepith: {failed} page(s) failed to extract");
        return Ok(ExitCode::from(1));
    }
    if let Some(floor) = args.min_f1 {
        if report.f1() < floor {
            eprintln!("pagepith: F1 {:.4} is below the floor {floor}", report.f1());
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Extracts every page; returns the predictions and how many pages failed. With `as_text`,
/// each page is flattened first and read by the text path: that path measured on HTML gold.
fn extract_all(
    dataset: &Dataset,
    threads: usize,
    base: &pagepith::Config,
    as_text: bool,
) -> (HashMap<String, Prediction>, usize) {
    let (predictions, errors) = pagepith_eval::run_extractor(dataset, threads, |html, url| {
        let mut config = base.clone();
        if let Some(url) = url {
            config = config.with_url(url);
        }
        let article = if as_text {
            let text = pagepith::flatten(html, &config).map_err(|e| e.to_string())?;
            pagepith::extract_text(&text, &config)
        } else {
            pagepith::extract(html, &config)
        }
        .map_err(|e| e.to_string())?;
        Ok(Prediction {
            text: article.text(),
            title: article.title,
            authors: article.authors,
            date: article.date,
        })
    });
    for (id, err) in &errors {
        eprintln!("pagepith: page {id}: {err}");
    }
    (predictions, errors.len())
}

/// Every line of every flattened page as the body: the trivial baseline of the text path.
fn all_lines(dataset: &Dataset, threads: usize) -> (HashMap<String, Prediction>, usize) {
    let (predictions, errors) = pagepith_eval::run_extractor(dataset, threads, |html, _| {
        let text =
            pagepith::flatten(html, &pagepith::Config::default()).map_err(|e| e.to_string())?;
        Ok(Prediction {
            text,
            ..Prediction::default()
        })
    });
    (predictions, errors.len())
}
