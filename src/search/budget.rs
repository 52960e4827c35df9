//! A search's work budget: how long one query may work before it answers with what it has.
//!
//! A query within every limit of the query language can still cost far more than others (a
//! sloppy phrase of a common word over a large index), and on a server each such query takes a
//! core from everyone else's. With a budget, a search stops starting new work once the budget
//! is spent: it scores no further segment, stops inside a segment at the next check, verifies
//! no more candidates and skips the steps that only add hits (the relaxed retry, the article
//! asked for by number, the other language's twins, the partial fill). What it found by then is
//! its answer, ranked as usual and marked [`super::SearchResults::incomplete`], so a reader is
//! told that more may match.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How many documents a scorer steps through between two looks at the clock: reading the clock
/// on every document would cost more than scoring many of them.
pub(crate) const CHECK_EVERY: u32 = 1024;

/// The budget of one search, shared by its steps.
#[derive(Debug)]
pub(crate) struct Budget {
    /// When the budget is spent; `None`: never.
    deadline: Option<Instant>,
    /// How many looks at it find it unspent, in place of the clock: a budget that runs out
    /// at a known step, for tests of where a search stops.
    looks: Option<AtomicU64>,
    /// Whether a step found the budget spent and left work undone.
    cut: AtomicBool,
}

impl Budget {
    /// A budget of `limit` from now; `None`: unlimited.
    pub(crate) fn new(limit: Option<Duration>) -> Budget {
        Budget {
            deadline: limit.map(|d| Instant::now() + d),
            looks: None,
            cut: AtomicBool::new(false),
        }
    }

    /// A budget found unspent by the first `n` looks at it and spent by every later one.
    #[cfg(test)]
    pub(crate) fn after_looks(n: u64) -> Budget {
        Budget {
            deadline: None,
            looks: Some(AtomicU64::new(n)),
            cut: AtomicBool::new(false),
        }
    }

    /// Whether the budget is spent. Asked only where a `true` makes the caller leave work
    /// undone: the answer is then marked incomplete ([`Budget::was_cut`]).
    pub(crate) fn spent(&self) -> bool {
        if self.cut.load(Ordering::Relaxed) {
            return true;
        }
        let spent = match &self.looks {
            Some(left) => left
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
                .is_err(),
            None => self.deadline.is_some_and(|d| Instant::now() >= d),
        };
        if spent {
            self.cut.store(true, Ordering::Relaxed);
        }
        spent
    }

    /// Whether some work was left undone because the budget was spent.
    pub(crate) fn was_cut(&self) -> bool {
        self.cut.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::Budget;
    use std::time::Duration;

    #[test]
    fn an_unlimited_budget_is_never_spent_and_a_spent_one_says_it_cut() {
        let free = Budget::new(None);
        assert!(!free.spent());
        assert!(!free.was_cut());
        let none = Budget::new(Some(Duration::ZERO));
        assert!(
            !none.was_cut(),
            "nothing was left undone before anyone asked"
        );
        assert!(none.spent());
        assert!(none.was_cut());
        let ample = Budget::new(Some(Duration::from_secs(3600)));
        assert!(!ample.spent());
        assert!(!ample.was_cut());
        let two = Budget::after_looks(2);
        assert!(!two.spent() && !two.spent());
        assert!(two.spent() && two.was_cut());
    }
}
