//! Skipping the matches that cannot rank (issue 41) changes no hit: on the bundled corpus with
//! the official texts of `tests/fixtures`, every query of `benches/queries.txt` and of the
//! question set returns the same hits, in the same order and with the same scores, as a
//! search that counts every match; its total is exact unless it says it is a lower bound,
//! and then it is no more than the exact one. The total is exact up to its bound
//! (`SearchRequest::total_bound`) and that bound, "N+", past it.

use std::path::PathBuf;
use zanlex::{SearchRequest, SearchResults};

fn queries() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let column = |file: &str, n: usize| -> Vec<String> {
        let text = std::fs::read_to_string(root.join(file)).expect("query file");
        text.lines()
            .skip_while(|l| l.starts_with("id\t"))
            .filter_map(|l| l.split('\t').nth(n).map(str::to_string))
            .collect()
    };
    let mut all = column("benches/queries.txt", 1);
    all.extend(column("evals/questions.tsv", 2));
    // Russian words, and words whose thesaurus alternatives are phrases.
    all.extend(
        [
            "статья",
            "порядок регистрации",
            "+иностранцы +регистрации",
            "тіркеу",
            "тіркеу мерзімі",
            "\"тұрақты тұруға\" -виза",
        ]
        .map(str::to_string),
    );
    all
}

/// `q` searched for `limit` hits, counting every match (`exact`) or skipping from the first
/// match the collector holds `limit` of (a bound of 0: the most a search can skip).
fn run(q: &str, limit: usize, exact: bool) -> SearchResults {
    run_bounded(q, limit, exact, 0)
}

fn run_bounded(q: &str, limit: usize, exact: bool, bound: usize) -> SearchResults {
    let req = SearchRequest::new(q)
        .limit(limit)
        .exact_total(exact)
        .total_bound(bound);
    crate::search_questions::index()
        .search(&req)
        .unwrap_or_else(|e| panic!("{q}: {e}"))
}

/// Each hit as `act#eid lang` and its score's bits: the same score, not a near one.
fn ranked(r: &SearchResults) -> Vec<(String, u32)> {
    r.hits
        .iter()
        .map(|h| {
            let key = format!("{}#{} {}", h.act.id, h.unit.eid, h.lang);
            (key, h.score.to_bits())
        })
        .collect()
}

#[test]
fn skipping_what_cannot_rank_changes_no_hit() {
    let queries = queries();
    assert!(queries.len() > 250, "{}", queries.len());
    let mut pruned = 0;
    for q in &queries {
        for limit in [1, 3, 10] {
            let exact = run(q, limit, true);
            let fast = run(q, limit, false);
            assert!(!exact.total_is_lower_bound, "{q}");
            assert_eq!(ranked(&fast), ranked(&exact), "{q} (limit {limit})");
            if fast.total_is_lower_bound {
                pruned += 1;
                assert!(fast.total <= exact.total, "{q} (limit {limit})");
                // At least the hits shown, unless some of them were filled in beside the
                // matches: the total never claims more matches than there are.
                assert!(
                    fast.total >= fast.hits.len().min(exact.total),
                    "{q} (limit {limit})"
                );
            } else {
                assert_eq!(fast.total, exact.total, "{q} (limit {limit})");
            }
        }
    }
    // With a bound of 0 every search with a match may skip from its first match, and says
    // its total is a lower bound: most single words and phrases of the bench set match. (That
    // the scorers do skip is checked inside the library, where it shows:
    // `search::corpus_tests::the_scorers_skip_the_matches_that_cannot_rank`.)
    assert!(pruned > 200, "only {pruned} searches had a lower bound");
}

/// Below its bound a search counts every match and says its total is exact; past it the total
/// is the bound (or the hits it returns, if more) and a lower bound; the hits are the same
/// either way, and `exact_total` counts them all.
#[test]
fn the_total_is_exact_up_to_its_bound_and_the_bound_past_it() {
    const BOUND: usize = 5;
    let (mut below, mut past) = (0, 0);
    for q in &queries() {
        let exact = run(q, 3, true);
        let bounded = run_bounded(q, 3, false, BOUND);
        assert_eq!(ranked(&bounded), ranked(&exact), "{q}");
        if bounded.total_is_lower_bound {
            past += 1;
            // Skipping starts once the bound is counted, so more than it match.
            assert!(exact.total > BOUND, "{q}: {} exact", exact.total);
            assert_eq!(bounded.total, BOUND, "{q}");
            assert_eq!(bounded.total_text(), "5+", "{q}");
        } else {
            below += 1;
            assert_eq!(bounded.total, exact.total, "{q}");
        }
        if exact.total <= BOUND {
            assert!(!bounded.total_is_lower_bound, "{q}: {} exact", exact.total);
        }
    }
    assert!(
        below > 20 && past > 100,
        "{below} below the bound, {past} past it"
    );

    // One word on the test corpus: «тұрақты» is in more units than 5 and fewer than 10,000.
    let exact = run("тұрақты", 1, true);
    assert!((BOUND + 1..zanlex::DEFAULT_TOTAL_BOUND).contains(&exact.total));
    assert!(!exact.total_is_lower_bound);
    let five = run_bounded("тұрақты", 1, false, BOUND);
    assert_eq!((five.total, five.total_is_lower_bound), (BOUND, true));
    // The default bound counts them all, as the exact count does.
    let default = crate::search_questions::index()
        .search(&SearchRequest::new("тұрақты").limit(1))
        .expect("a search");
    assert_eq!(
        (default.total, default.total_is_lower_bound),
        (exact.total, false)
    );
    assert_eq!(default.total_text(), exact.total.to_string());
}
