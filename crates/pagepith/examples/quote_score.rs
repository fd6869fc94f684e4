//! Prints how well quotations and their speakers are found on the hand-written cases of
//! `tests/quotes/` (the numbers BENCHMARKS.md quotes; the measures are defined in
//! `tests/quotes/score.rs`):
//!
//! ```text
//! cargo run --release -p pagepith --example quote_score            # per file and in all
//! cargo run --release -p pagepith --example quote_score -- --misses # and every miss
//! ```

#[path = "../tests/quotes/score.rs"]
mod score;

fn main() {
    let misses = std::env::args().any(|a| a == "--misses");
    let mut all = score::Cases { case: Vec::new() };
    for name in score::FILES {
        let cases = score::load(&score::dir().join(name));
        let s = score::score(&cases);
        print!("{}", s.report(name));
        if misses {
            for m in &s.misses {
                println!("    {m}");
            }
        }
        all.case.extend(cases.case);
    }
    if score::FILES.len() > 1 {
        print!("{}", score::score(&all).report("all"));
    }
}
