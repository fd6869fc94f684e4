//! What a run did, counted as results are written: the progress bar while it runs (on a
//! terminal only) and the summary line at the end (always).

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use pagepith_warc::page::Skip;

/// Counts of one run.
#[derive(Debug, Default)]
pub struct Counts {
    /// Pages and records read, damaged ones included.
    pub read: u64,
    /// Pages handed to extraction.
    pub html: u64,
    /// Pages written with article text.
    pub extracted: u64,
    /// Pages written without article text (no article found: a result, not an error).
    pub empty: u64,
    pub skipped: BTreeMap<Skip, u64>,
    /// Failures by reason: damaged records by fault kind, `extraction`, `read`.
    pub failed: BTreeMap<&'static str, u64>,
}

impl Counts {
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }

    pub fn failed_total(&self) -> u64 {
        self.failed.values().sum()
    }

    /// Whether the run lost something: a failure, or a page skipped that was asked for.
    pub fn lost_work(&self) -> bool {
        self.failed_total() > 0 || self.skipped.keys().any(|s| s.loses_work())
    }

    /// One line, always printed: what was read, what came out, what did not and why.
    pub fn line(&self, elapsed: Duration) -> String {
        let secs = elapsed.as_secs_f64();
        let by_reason = |parts: Vec<(&str, u64)>| {
            if parts.is_empty() {
                String::new()
            } else {
                let list: Vec<String> = parts.iter().map(|(n, c)| format!("{n} {c}")).collect();
                format!(" ({})", list.join(", "))
            }
        };
        let skipped = by_reason(self.skipped.iter().map(|(s, c)| (s.name(), *c)).collect());
        let failed = by_reason(self.failed.iter().map(|(s, c)| (*s, *c)).collect());
        format!(
            "read {}, HTML {}, extracted {}, empty {}, skipped {}{skipped}, failed {}{failed}; \
             {secs:.1} s, {:.0} pages/s",
            self.read,
            self.html,
            self.extracted,
            self.empty,
            self.skipped_total(),
            self.failed_total(),
            self.html as f64 / secs.max(1e-9),
        )
    }
}

/// The progress bar, drawn on stderr when it is a terminal; otherwise every call is a no-op.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    /// Input bytes consumed so far, advanced by the worker at the reader.
    pub bytes_done: Arc<AtomicU64>,
}

impl Progress {
    /// `total_bytes`: the size of all inputs, when known (not for stdin).
    pub fn new(total_bytes: Option<u64>) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(total_bytes, ProgressDrawTarget::stderr());
            let template = if total_bytes.is_some() {
                "{elapsed_precise} [{bar:25}] {binary_bytes}/{binary_total_bytes} \
                 {binary_bytes_per_sec} ETA {eta} {msg}"
            } else {
                "{elapsed_precise} {spinner} {binary_bytes} {binary_bytes_per_sec} {msg}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            bytes_done: Arc::new(AtomicU64::new(0)),
        }
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    pub fn update(&self, counts: &Counts) {
        if let Some(bar) = &self.bar {
            bar.set_position(self.bytes_done.load(Ordering::Relaxed));
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!(
                "records {} · {:.0} pages/s · skipped {} · errors {}",
                counts.read,
                counts.html as f64 / secs,
                counts.skipped_total(),
                counts.failed_total()
            ));
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_every_reason_and_only_lost_work_counts_as_loss() {
        let mut c = Counts {
            read: 10,
            html: 6,
            extracted: 5,
            empty: 1,
            ..Counts::default()
        };
        c.skipped.insert(Skip::OtherRecord, 3);
        c.skipped.insert(Skip::NonHtml, 1);
        assert!(!c.lost_work());
        let line = c.line(Duration::from_secs(2));
        assert!(
            line.starts_with("read 10, HTML 6, extracted 5, empty 1, skipped 4"),
            "{line}"
        );
        assert!(line.contains("(other-record 3, non-html 1)"), "{line}");
        assert!(line.contains("failed 0;"), "{line}");
        c.failed.insert("truncated", 1);
        assert!(c.lost_work());
        assert!(c
            .line(Duration::from_secs(2))
            .contains("failed 1 (truncated 1)"));
    }
}
