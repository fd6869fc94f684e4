//! `pagepith extract`: reads pages on a worker pool and writes results in input order.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;

use crate::inputs::{resolve, Input};
use crate::record::Record;
use crate::{ExtractArgs, Format};

/// Pages extracted between two writes: bounds memory held for ordering while keeping every
/// worker busy (a few batches of this size cost a few MB).
const BATCH: usize = 256;

pub fn run(args: &ExtractArgs) -> Result<ExitCode> {
    let (inputs, resolve_errors) = resolve(&args.inputs);
    let mut failed = resolve_errors.len();
    for (name, err) in &resolve_errors {
        eprintln!("pagepith: {name}: {err:#}");
    }
    if args.url.is_some() && inputs.len() > 1 {
        bail!(
            "--url applies to one input, but {} were given",
            inputs.len()
        );
    }
    let format = args
        .format
        .unwrap_or(if inputs.len() == 1 && resolve_errors.is_empty() {
            Format::Text
        } else {
            Format::Jsonl
        });
    let mut config = pagepith::Config::default();
    if let Some(url) = &args.url {
        config = config.with_url(url.clone());
    }
    if let Some(secs) = args.time_budget {
        let budget = std::time::Duration::try_from_secs_f64(secs)
            .with_context(|| format!("--time-budget {secs} is not a number of seconds"))?;
        config = config.with_time_budget(budget);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let many = inputs.len() > 1;
    let mut first = true;
    for batch in inputs.chunks(BATCH) {
        let results: Vec<(String, Result<String>)> = pool.install(|| {
            batch
                .par_iter()
                .map(|input| (input.name(), process(input, &config, format)))
                .collect()
        });
        for (name, result) in results {
            match result {
                Ok(rendered) => {
                    write_one(&mut out, &name, &rendered, format, many, first)?;
                    first = false;
                }
                Err(err) => {
                    failed += 1;
                    eprintln!("pagepith: {name}: {err:#}");
                }
            }
        }
    }
    if format == Format::Json && many {
        writeln!(out, "{}", if first { "[]" } else { "\n]" })?;
    }
    out.flush().context("cannot write output")?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads, extracts and renders one page; a panic (a bug) is an error for this page only.
fn process(input: &Input, config: &pagepith::Config, format: Format) -> Result<String> {
    let bytes = input.read()?;
    let name = input.name();
    let rendered = catch_unwind(AssertUnwindSafe(|| -> Result<String> {
        let article = pagepith::extract(&bytes, config)?;
        Ok(match format {
            Format::Text => article.text(),
            Format::Markdown => article.markdown(),
            Format::Json => serde_json::to_string_pretty(&Record::new(&name, &article))?,
            Format::Jsonl => serde_json::to_string(&Record::new(&name, &article))?,
            Format::Html => article.html(),
        })
    }));
    match rendered {
        Ok(r) => r,
        Err(_) => bail!("internal error (panic) while extracting; please report this page"),
    }
}

fn write_one(
    out: &mut dyn Write,
    name: &str,
    rendered: &str,
    format: Format,
    many: bool,
    first: bool,
) -> Result<()> {
    match format {
        Format::Jsonl => writeln!(out, "{rendered}")?,
        Format::Json if many => {
            let sep = if first { "[\n" } else { ",\n" };
            write!(out, "{sep}{rendered}")?
        }
        Format::Json => writeln!(out, "{rendered}")?,
        Format::Html => {
            if many {
                // A comment names each page's source; `--` and `>` could end it early.
                let label = name.replace("--", "- -").replace('>', "");
                writeln!(out, "<!-- {label} -->")?;
            }
            write!(out, "{rendered}")?
        }
        Format::Text | Format::Markdown => {
            if many {
                if !first {
                    writeln!(out)?;
                }
                writeln!(out, "==> {name} <==")?;
            }
            writeln!(out, "{}", rendered.trim_end())?
        }
    }
    Ok(())
}
