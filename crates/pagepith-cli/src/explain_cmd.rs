//! `pagepith explain`: prints what each stage decided for one page.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;

use crate::inputs::{resolve, Input};
use crate::ExplainArgs;

pub fn run(args: &ExplainArgs) -> Result<ExitCode> {
    let input = resolve(std::slice::from_ref(&args.input))
        .0
        .into_iter()
        .next()
        .unwrap_or(Input::Stdin);
    let bytes = input.read()?;
    let report = pagepith::explain(&bytes, &pagepith::Config::default())?;
    // Built whole, then written once: a closed pipe (`| head`) ends the output quietly.
    let mut out = String::new();
    writeln!(
        out,
        "container: {}",
        report
            .container
            .as_deref()
            .unwrap_or("(none: page fallback)")
    )?;
    writeln!(out, "metadata:")?;
    for (name, value, source) in &report.metadata {
        writeln!(out, "  {name:<14} {value}  [{source}]")?;
    }
    writeln!(out, "removed by prune:")?;
    for (path, reason, chars) in &report.removed {
        if *chars > 0 {
            writeln!(out, "  {reason:<28} {chars:>6}  {path}")?;
        }
    }
    writeln!(out, "blocks:")?;
    for b in &report.blocks {
        let kept = b.decision == "kept";
        let text: String = b
            .text
            .chars()
            .take(if kept || args.all { 100 } else { 50 })
            .collect();
        writeln!(
            out,
            "  {:<16} {:<12} {:>5} ld={:.2} {} | {}",
            b.decision,
            b.kind,
            b.chars,
            b.link_density,
            b.path,
            text.replace('\n', " ")
        )?;
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}
