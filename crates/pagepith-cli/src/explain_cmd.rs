//! `pagepith explain`: prints what each stage decided for one page.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::inputs::{resolve, Input};
use crate::ExplainArgs;

pub fn run(args: &ExplainArgs) -> Result<ExitCode> {
    let input = resolve(std::slice::from_ref(&args.input))
        .0
        .into_iter()
        .next()
        .unwrap_or(Input::Stdin);
    let bytes = input.read()?;
    let report = pagepith::explain(&bytes, &args.options.config())?;
    if let Some(path) = &args.html {
        std::fs::write(path, crate::report_html::render(&input.name(), &report))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
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
    for m in &report.metadata {
        let value: String = m.value.chars().take(80).collect();
        match &m.source {
            Some(source) => writeln!(out, "  {:<14} {value}  [{source}]", m.field)?,
            None => writeln!(out, "  {:<14} {value}", m.field)?,
        }
    }
    writeln!(out, "removed by prune:")?;
    for r in &report.removed {
        if r.chars > 0 {
            writeln!(out, "  {:<28} {:>6}  {}", r.reason, r.chars, r.path)?;
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
    if args.options.quotes {
        // The article again, for its quotations: one more extraction of one page, only when
        // asked for.
        let article = pagepith::extract(&bytes, &args.options.config())?;
        writeln!(out, "quotes:")?;
        for q in &article.quotes {
            let text: String = q.text.chars().take(80).collect();
            writeln!(
                out,
                "  ¶{:<3} {:>5}-{:<5} {:<24} {:<22} {:<24} | {}",
                q.paragraph,
                q.start,
                q.end,
                q.speaker.as_deref().unwrap_or("(no speaker)"),
                q.cue.as_deref().unwrap_or("-"),
                q.speaker_mention.as_deref().unwrap_or("-"),
                text.replace('\n', " ")
            )?;
        }
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}
