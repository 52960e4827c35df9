//! A question in plain words never gets fewer answers than a plain OR ranking would give: when
//! the units with enough of its words leave the page short, the page is filled with units that
//! have some of them, marked partial and ranked below every full match. A phrase, an operator or
//! a number asks for exactly what it says and is never filled. On the bundled corpus with the
//! official texts of `tests/fixtures` (the index of `search_questions`).

use crate::search_questions::index;
use zanlex::{Hit, Lang, SearchRequest, SearchResults};

const PASTURE: &str = "maslikhat-decision-2020-12-15-64-340";

fn ru(q: &str) -> SearchResults {
    index()
        .search(&SearchRequest::new(q).limit(10).lang(Lang::Ru))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
}

fn key(h: &Hit) -> String {
    format!("{}#{}", h.act.id, h.unit.eid)
}

#[test]
fn a_short_page_is_filled_with_partial_matches_below_the_full_ones() {
    // Rule 5 of the pasture rules answers (grazing starts when the air is steadily above +10
    // degrees) but says «выпас», not «пасти», and has none of «начинать», «скот», «весной»
    // beside «температуры»: one word of the question, fewer than the third a full match needs,
    // and not one that tells enough of the question alone. Four units have enough: rule 8
    // with two of the words, and three with one rare word that tells enough alone («весной»,
    // «весенней» in rules 9 and 11, «начиная» in a rule on dogs and cats).
    let res = ru("с какой температуры можно начинать пасти скот весной");
    assert_eq!(res.total, 4, "four units have enough of the words");
    assert!(!res.relaxed);
    let keys: Vec<String> = res.hits.iter().map(key).collect();
    assert_eq!(res.hits.len(), 10, "{keys:#?}");
    assert_eq!(keys[0], format!("{PASTURE}#att_1__para_8"));
    assert!(
        res.hits[..4].iter().all(|h| !h.partial),
        "the full matches are not partial: {keys:#?}"
    );
    assert!(
        res.hits[4..].iter().all(|h| h.partial),
        "every hit after the full matches is partial: {keys:#?}"
    );
    let answer = format!("{PASTURE}#att_1__para_5");
    assert!(
        keys[4..].contains(&answer),
        "the answer is among the partial hits: {keys:#?}"
    );
    let full = res.hits[0].score;
    for (i, h) in res.hits.iter().enumerate() {
        assert_eq!(h.rank, i + 1);
        assert!(
            h.score <= full,
            "{}: {} above the full match's {full}",
            key(h),
            h.score
        );
    }
}

#[test]
fn a_full_page_of_full_matches_gets_no_partial_ones() {
    let res = index()
        .search(&SearchRequest::new("визаның мерзімін ұзарту үшін қайда бару керек").limit(10))
        .unwrap();
    assert!(res.total > 10, "total {}", res.total);
    assert_eq!(res.hits.len(), 10);
    assert!(
        res.hits.iter().all(|h| !h.partial),
        "{:#?}",
        res.hits.iter().map(key).collect::<Vec<_>>()
    );
}

#[test]
fn phrases_operators_and_numbers_are_never_filled() {
    let para_5 = format!("{PASTURE}#att_1__para_5");
    let para_10 = format!("{PASTURE}#att_1__para_10");
    for (q, expected) in [
        ("\"температуры воздуха\"", vec![para_5.clone()]),
        ("+температуры +воздуха", vec![para_5.clone()]),
        ("температуры AND воздуха", vec![para_5.clone()]),
        ("температуры выпаса -весной", vec![para_5.clone()]),
        (
            "выше 10 градусов весной",
            vec![para_5.clone(), para_10.clone()],
        ),
    ] {
        let res = ru(q);
        let keys: Vec<String> = res.hits.iter().map(key).collect();
        assert_eq!(keys, expected, "{q}");
        assert_eq!(res.total, expected.len(), "{q}");
        assert!(res.hits.iter().all(|h| !h.partial), "{q}");
    }
}

#[test]
fn a_relaxed_search_marks_every_hit_partial() {
    // No unit has every word this query requires: the search shows units with some of them.
    let strict = "+үкімет +мүшелері +визасы +ақы +төленетін +қызмет +атқару";
    let res = index()
        .search(&SearchRequest::new(strict).limit(10))
        .unwrap();
    assert!(res.relaxed, "{strict}");
    assert!(!res.hits.is_empty());
    assert!(res.hits.iter().all(|h| h.partial));
}
