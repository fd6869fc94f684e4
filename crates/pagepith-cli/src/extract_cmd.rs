//! `pagepith extract`: flags and inputs become a pipeline run (see `pipeline/`); results in
//! input order, a summary line on stderr, and an exit code that says whether work was lost.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::input_kind::InputKind;
use crate::inputs::{read_list, resolve_with, Input, HTML_EXTENSIONS, TEXT_EXTENSIONS};
use crate::pipeline::{self, Render, Settings};
use crate::summary::Progress;
use crate::{ExtractArgs, Format};

pub fn run(args: &ExtractArgs) -> Result<ExitCode> {
    let mut paths = args.inputs.clone();
    if let Some(list) = &args.from_list {
        paths.extend(read_list(list)?);
    }
    // Directories give their HTML pages and archives; `.txt` files only when text is asked
    // for, since a folder of pages often holds notes and READMEs too.
    let extensions = match args.input {
        InputKind::Text => TEXT_EXTENSIONS,
        InputKind::Html | InputKind::Auto => HTML_EXTENSIONS,
    };
    // A list alone is the whole input: do not fall back to stdin.
    let (inputs, resolve_errors) = if paths.is_empty() && args.from_list.is_some() {
        (Vec::new(), Vec::new())
    } else {
        resolve_with(&paths, extensions)
    };
    for (name, err) in &resolve_errors {
        eprintln!("pagepith: {name}: {err:#}");
    }
    if args.url.is_some() && inputs.len() > 1 {
        bail!(
            "--url applies to one input, but {} were given",
            inputs.len()
        );
    }
    // One page prints as text; archives and several inputs as JSON Lines.
    let single_page = inputs.len() == 1 && resolve_errors.is_empty() && !is_archive(&inputs[0]);
    let format = args.format.unwrap_or(if single_page {
        Format::Text
    } else {
        Format::Jsonl
    });
    if format == Format::Parquet {
        if !cfg!(feature = "parquet") {
            bail!(
                "this pagepith was built without Parquet; rebuild it with \
                 `cargo build --release -p pagepith-cli --features parquet`"
            );
        }
        if args.output.is_none() {
            bail!("--format parquet writes a file: give it with -o FILE");
        }
    }
    let mut config = args.options.config();
    if let Some(url) = &args.url {
        config = config.with_url(url.clone());
    }
    if let Some(secs) = args.time_budget {
        let budget = std::time::Duration::try_from_secs_f64(secs)
            .with_context(|| format!("--time-budget {secs} is not a number of seconds"))?;
        config = config.with_time_budget(budget);
    }
    let out: Box<dyn Write + Send> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout())),
    };
    let total_bytes = inputs
        .iter()
        .map(|i| match i {
            Input::File(p) => std::fs::metadata(p).map(|m| m.len()).ok(),
            Input::Stdin => None,
        })
        .sum::<Option<u64>>();
    let progress = Progress::new(total_bytes);
    let settings = Settings {
        format,
        many: !single_page,
        threads: args.jobs.unwrap_or(0),
        render: Render {
            format,
            provenance: args.provenance,
            comments: args.options.comments,
            quotes: args.options.quotes,
            input: args.input,
        },
    };
    let counts = pipeline::run(inputs, config, settings, out, &progress)?;
    progress.finish();
    let mut line = counts.line(progress.elapsed());
    if !resolve_errors.is_empty() {
        line.push_str(&format!("; {} inputs not found", resolve_errors.len()));
    }
    let lost = counts.lost_work() || !resolve_errors.is_empty();
    // One page needs no tally unless it failed; a batch or an archive always gets one.
    if !single_page || lost {
        eprintln!("pagepith: {line}");
    }
    Ok(if lost {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether an input file is a WARC archive, by its first bytes (stdin is looked at later).
fn is_archive(input: &Input) -> bool {
    match input {
        Input::File(path) => File::open(path)
            .and_then(pagepith_warc::page::sniff_reader)
            .is_ok_and(|(c, _)| c.is_some()),
        Input::Stdin => false,
    }
}
