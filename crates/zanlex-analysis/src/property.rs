//! The scaffold of the property tests: inputs drawn from pieces, and one runner.
//!
//! A property test states what holds for every input of a kind: a fast path gives what its
//! reference gives, a parser never panics. proptest draws the inputs and, when one fails,
//! shrinks it to the smallest input that still fails, so the report shows the case and not
//! a page of noise.

use proptest::sample::select;
use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestError, TestRng, TestRunner};
use std::fmt::Debug;
use std::ops::Range;

/// Pieces drawn from `pieces`, as many as `count` says: the pieces are the characters and
/// words a function treats specially, so that random inputs meet its cases often. Shrinks
/// to fewer pieces and to pieces earlier in the list.
pub fn pieces(
    pieces: &[&'static str],
    count: Range<usize>,
) -> impl Strategy<Value = Vec<&'static str>> + Clone {
    proptest::collection::vec(select(pieces.to_vec()), count)
}

/// A text of fewer than `most` pieces drawn from `pieces` ([`pieces`]), joined.
pub fn text(pieces: &[&'static str], most: usize) -> impl Strategy<Value = String> + Clone {
    self::pieces(pieces, 0..most).prop_map(|p| p.concat())
}

/// A word of `letters`, as many as `len` says (shrinks to shorter words of earlier letters).
pub fn word(
    letters: &str,
    len: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = String> + Clone {
    let letters: Vec<char> = letters.chars().collect();
    proptest::collection::vec(select(letters), len).prop_map(String::from_iter)
}

/// Checks `test`, which panics on a failure, on `cases` inputs drawn from `strategy`, and
/// panics with the smallest failing input found. The inputs come from a fixed seed, so that
/// every run tests the same ones: a test that counts how often its inputs reach a case (a
/// guard that the pieces still exercise it) cannot flake.
#[track_caller]
pub fn check<S>(cases: u32, strategy: S, test: impl Fn(S::Value))
where
    S: Strategy,
    S::Value: Debug,
{
    let config = Config {
        cases,
        // The seed is fixed, so a failure repeats without a file of regressions.
        failure_persistence: None,
        // A large input (a dictionary, an index) shrinks slowly: after a minute the smallest
        // failing input found so far is reported.
        max_shrink_time: 60_000,
        ..Config::default()
    };
    let rng = TestRng::deterministic_rng(config.rng_algorithm);
    let mut runner = TestRunner::new_with_rng(config, rng);
    match runner.run(&strategy, |value| {
        test(value);
        Ok(())
    }) {
        Ok(()) => {}
        Err(TestError::Fail(why, value)) => panic!("{why}\nsmallest failing input: {value:?}"),
        Err(TestError::Abort(why)) => panic!("aborted: {why}"),
    }
}
