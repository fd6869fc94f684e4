//! `pagepith`: the article inside any web page, from the command line.
//!
//! A thin layer: flags become a [`pagepith::Config`], inputs are read and handed to the library,
//! results are written in input order. All extraction logic lives in the `pagepith` crate.

#![forbid(unsafe_code)]

mod blame_cmd;
mod eval_cmd;
mod explain_cmd;
mod extract_cmd;
mod flatten_cmd;
mod input_kind;
mod inputs;
mod options;
#[cfg(feature = "parquet")]
mod parquet_out;
mod pipeline;
mod report_html;
mod summary;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

// Parsing allocates a node, a name and a string per element: mimalloc makes whole-page
// extraction ~8% faster than glibc's allocator (bench/compare.sh, scrapinghub, one thread).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(
    name = "pagepith",
    version,
    about = "Finds the article inside any web page"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract the article from HTML pages (files, directories, or stdin).
    Extract(ExtractArgs),
    /// Show every block of a page with its features and the decision taken on it.
    Explain(ExplainArgs),
    /// Score extraction against a dataset with `html/` and `ground-truth.json`.
    Eval(EvalArgs),
    /// Print an HTML page as a crawler keeps it: every visible block on its own line.
    Flatten(FlattenArgs),
}

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
    Jsonl,
    /// Parquet columns (needs `-o FILE` and a build with `--features parquet`).
    Parquet,
    /// The article as a clean HTML fragment (allow-listed tags, no scripts or unsafe URLs).
    Html,
}

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Files (.html, .htm, .xhtml, optionally .gz), WARC/WET archives (.warc, .warc.gz, found
    /// by content), directories, or `-` for stdin (the default).
    pub inputs: Vec<PathBuf>,
    /// Output format [default: text for one input, jsonl for several].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// The page's URL (one input only).
    #[arg(long)]
    pub url: Option<String>,
    /// Write to this file instead of stdout.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Worker threads [default: all cores]; with 1, reading, extraction and writing share
    /// one thread, so one pagepith per core uses one core each.
    #[arg(short = 'j', long = "jobs")]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub options: options::ExtractionOptions,
    /// Say in JSON where each metadata field came from (`"date_source": "json-ld:datePublished"`).
    #[arg(long)]
    pub provenance: bool,
    /// Read inputs as HTML or as pages flattened to text (one block a line); `auto` takes
    /// `.txt` files as text and decides from the content on stdin and unknown extensions.
    #[arg(long, value_enum, default_value_t)]
    pub input: input_kind::InputKind,
    /// Also read the inputs listed in this file, one path per line (e.g. a crawl's warc.paths).
    #[arg(long = "from-list", value_name = "FILE")]
    pub from_list: Option<PathBuf>,
    /// Give up on a page after this many seconds and go on with the next [default: 30].
    #[arg(long, value_name = "SECONDS")]
    pub time_budget: Option<f64>,
}

#[derive(clap::Args, Debug)]
pub struct FlattenArgs {
    /// The page (.html, optionally .gz), or `-` for stdin.
    #[arg(default_value = "-")]
    pub input: PathBuf,
    /// Write to this file instead of stdout.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// The page (.html, optionally .gz), or `-` for stdin.
    pub input: PathBuf,
    /// Show the text of dropped blocks too.
    #[arg(long)]
    pub all: bool,
    /// Also write a self-contained HTML report to this file: kept blocks highlighted, dropped
    /// and removed ones struck through with the reason on hover, metadata with its sources.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    #[command(flatten)]
    pub options: options::ExtractionOptions,
}

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Dataset folder holding `html/` and `ground-truth.json`.
    pub dataset: PathBuf,
    /// Score this predictions file (ground-truth format) instead of extracting.
    #[arg(long)]
    pub predictions: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Exit non-zero when F1 is below this floor.
    #[arg(long)]
    pub min_f1: Option<f64>,
    /// Show the text missed and the text extra against the gold for this page id.
    #[arg(long)]
    pub diff: Option<String>,
    /// Instead of the scores, print which rule lost the missed text and which kept block
    /// leaked the extra, summed over the dataset, the costliest first.
    #[arg(long)]
    pub blame: bool,
    /// Write pagepith's predictions in ground-truth format to this file.
    #[arg(long)]
    pub save_predictions: Option<PathBuf>,
    /// Worker threads [default: all cores].
    #[arg(short = 'j', long = "jobs")]
    pub jobs: Option<usize>,
    /// Flatten each page to text first (`pagepith flatten`) and extract it as text; also
    /// prints the score of keeping every line.
    #[arg(long)]
    pub as_text: bool,
    #[command(flatten)]
    pub options: options::ExtractionOptions,
}

/// The `--parser` values: pagepith's fast parser or the html5ever reference.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum ParserArg {
    Fast,
    Html5ever,
}

impl ParserArg {
    /// Sets the parser on a configuration; `None` keeps the library default.
    pub fn apply(arg: Option<ParserArg>, config: pagepith::Config) -> pagepith::Config {
        match arg {
            None => config,
            Some(ParserArg::Fast) => config.with_parser(pagepith::Parser::Fast),
            Some(ParserArg::Html5ever) => config.with_parser(pagepith::Parser::Html5ever),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract_cmd::run(&args),
        Command::Eval(args) => eval_cmd::run(&args),
        Command::Explain(args) => explain_cmd::run(&args),
        Command::Flatten(args) => flatten_cmd::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("pagepith: {err:#}");
            ExitCode::from(2)
        }
    }
}
