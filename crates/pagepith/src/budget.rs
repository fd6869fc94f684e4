//! A per-page time budget, checked cooperatively: stages look at the clock between pieces of
//! work and stop, rather than a watchdog killing threads (which Rust cannot do safely, and which
//! would lose the worker's other pages).

use std::time::{Duration, Instant};

/// When a page's time is up. Cheap to copy; [`Deadline::expired`] costs one clock read (tens
/// of nanoseconds), so callers check it every few thousand steps, not every step.
#[derive(Clone, Copy, Debug)]
pub struct Deadline {
    start: Instant,
    budget: Duration,
}

impl Deadline {
    /// A deadline `budget` from now.
    pub fn after(budget: Duration) -> Deadline {
        Deadline {
            start: Instant::now(),
            budget,
        }
    }

    /// Whether the budget is spent.
    pub fn expired(&self) -> bool {
        self.start.elapsed() > self.budget
    }

    /// Milliseconds since the deadline was set, for the error that reports it.
    pub fn elapsed_ms(&self) -> usize {
        usize::try_from(self.start.elapsed().as_millis()).unwrap_or(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_budget_expires_and_a_long_one_does_not() {
        let spent = Deadline::after(Duration::ZERO);
        std::thread::sleep(Duration::from_millis(2));
        assert!(spent.expired());
        assert!(spent.elapsed_ms() >= 1);
        assert!(!Deadline::after(Duration::from_secs(3600)).expired());
    }
}
