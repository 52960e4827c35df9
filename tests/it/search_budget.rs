//! A search's work budget: once it is spent the search answers with the best of what it has
//! looked at, says so (`incomplete`), and adds no hits from the steps that only widen the
//! answer; an ample budget changes nothing.

use std::time::Duration;
use zanlex::{SearchRequest, SearchResults};

/// Each hit as `act#eid lang partial`.
fn keys(r: &SearchResults) -> Vec<String> {
    r.hits
        .iter()
        .map(|h| format!("{}#{} {} {}", h.act.id, h.unit.eid, h.lang, h.partial))
        .collect()
}

fn run(req: &SearchRequest) -> SearchResults {
    crate::search_questions::index()
        .search(req)
        .unwrap_or_else(|e| panic!("{}: {e}", req.text))
}

#[test]
fn a_spent_budget_answers_with_what_was_found_and_says_so() {
    // Four units have enough of the words; six with fewer of them fill the page.
    let q = "с какой температуры можно начинать пасти скот весной";
    let free = run(&SearchRequest::new(q));
    assert!(!free.incomplete);
    assert_eq!(free.hits.len(), 10);
    assert_eq!(free.hits.iter().filter(|h| h.partial).count(), 6);
    let ample = run(&SearchRequest::new(q).budget(Duration::from_secs(3600)));
    assert!(!ample.incomplete);
    assert_eq!(keys(&ample), keys(&free));
    assert_eq!(ample.total, free.total);

    // Spent before the first segment: nothing was looked at, no page was filled, and the
    // answer says that more may match.
    let spent = run(&SearchRequest::new(q).budget(Duration::ZERO));
    assert!(spent.incomplete);
    assert!(spent.total_is_lower_bound);
    assert_eq!((spent.total, spent.hits.len()), (0, 0));
    assert!(!spent.relaxed, "no relaxed retry once the budget is spent");
}

#[test]
fn a_phrase_checked_on_the_text_says_so_too_when_the_budget_is_spent() {
    // A stop word inside: each candidate's text is read to check the phrase.
    let q = "\"және тұрақты\"";
    let free = run(&SearchRequest::new(q));
    assert!(!free.incomplete);
    assert!(
        !free.hits.is_empty(),
        "the phrase is in the joint order's annex"
    );
    let spent = run(&SearchRequest::new(q).budget(Duration::ZERO));
    assert!(spent.incomplete && spent.total_is_lower_bound);
    assert!(spent.hits.is_empty());
}
