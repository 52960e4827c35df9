//! Dunning's log-likelihood ratio (G²) of a 2×2 table: how unlikely it is that two terms
//! co-occur in aligned units as often as they do if they were independent.

/// The 0.1 % significance level of G² with one degree of freedom (χ² distribution): a pair
/// scoring above it co-occurs by chance with probability below 0.001.
pub const SIGNIFICANT: f64 = 10.83;

/// G² of the table of `n` aligned units in which the Kazakh term occurs in `kk`, the Russian
/// term in `ru` and both in `both`. Zero when the table is impossible (counts out of range).
pub fn g2(both: u64, kk: u64, ru: u64, n: u64) -> f64 {
    if both > kk || both > ru || kk + ru - both > n || n == 0 {
        return 0.0;
    }
    let (a, b, c) = (both as f64, (kk - both) as f64, (ru - both) as f64);
    let d = (n - kk - ru + both) as f64;
    let n = n as f64;
    let (row1, row2, col1, col2) = (a + b, c + d, a + c, b + d);
    let cell = |o: f64, row: f64, col: f64| {
        if o == 0.0 {
            0.0
        } else {
            o * (o * n / (row * col)).ln()
        }
    };
    let sum = cell(a, row1, col1) + cell(b, row1, col2) + cell(c, row2, col1) + cell(d, row2, col2);
    (2.0 * sum).max(0.0)
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn g2() {
        use crate::lexicon::g2::g2;
        // Always together in 5 of 100 units: strongly associated.
        assert!(g2(5, 5, 5, 100) > 30.0);
        // As often together as chance says (10 % and 10 % of 100 units, once together).
        assert!(g2(1, 10, 10, 100) < 0.01);
    }
}
