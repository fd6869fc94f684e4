//! `pagepith flatten`: an HTML page as a crawler keeps it, every visible block one a line.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::inputs::resolve;
use crate::FlattenArgs;

pub fn run(args: &FlattenArgs) -> Result<ExitCode> {
    let (inputs, errors) = resolve(std::slice::from_ref(&args.input));
    if let Some((name, err)) = errors.into_iter().next() {
        return Err(err.context(name));
    }
    let [input] = inputs.as_slice() else {
        bail!("flatten reads one page; {} were given", inputs.len());
    };
    let bytes = input.read()?;
    let text =
        pagepith::flatten(&bytes, &pagepith::Config::default()).with_context(|| input.name())?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    writeln!(out, "{text}")?;
    out.flush().context("cannot write output")?;
    Ok(ExitCode::SUCCESS)
}
