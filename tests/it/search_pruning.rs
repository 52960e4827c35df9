//! Skipping the matches that cannot rank (issue 41) changes no hit: on the bundled corpus with
//! the official texts of `tests/fixtures`, every query of `benches/queries.txt` and of the
//! question set returns the same hits, in the same order and with the same scores, as a
//! search that counts every match; its total is exact unless it says it is a lower bound,
//! and then it is no more than the exact one.

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

fn run(q: &str, limit: usize, exact: bool) -> SearchResults {
    let req = SearchRequest::new(q).limit(limit).exact_total(exact);
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
                assert!(fast.total >= fast.hits.len(), "{q} (limit {limit})");
            } else {
                assert_eq!(fast.total, exact.total, "{q} (limit {limit})");
            }
        }
    }
    // The skipping is exercised: most single words and phrases of the bench set skip.
    assert!(pruned > 200, "only {pruned} searches skipped matches");
}
