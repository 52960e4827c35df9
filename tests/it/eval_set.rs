//! The relevance set over the mirror sample (`evals/mirror_queries.tsv`, scored by
//! `examples/eval_mirror.rs`) is well formed: a header and five tab-separated columns per row,
//! unique ids, lang `kk` or `ru`, and every relevant entry `ACT#EID` naming one of the mirror
//! sample's acts and an eid in zanlex's shape.

use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The ids of the seven acts of `../shared/data/mirror`, as `zanlex acts` prints them.
const ACTS: [&str; 7] = [
    "constitutional-law-1995-12-18-2688",
    "maslikhat-decision-2020-12-15-64-340",
    "maslikhat-decision-2015-03-27-43-249",
    "maslikhat-decision-2015-05-20-45-264",
    "president-order-2017-05-15-17-01-38-27",
    "president-order-2019-10-07-19-42-3-3-17",
    "president-order-2020-05-22-20-01-38-20",
];

const HEADER: [&str; 5] = ["id", "lang", "query", "relevant", "why"];

/// Rows of the TSV after the header, as (line number, columns).
fn rows() -> Vec<(usize, Vec<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("evals/mirror_queries.tsv");
    let text = std::fs::read_to_string(&path).expect("evals/mirror_queries.tsv is readable");
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().expect("a header line");
    assert_eq!(header.split('\t').collect::<Vec<_>>(), HEADER, "header");
    lines
        .map(|(n, l)| (n + 1, l.split('\t').map(str::to_string).collect()))
        .collect()
}

/// An eid as zanlex writes them: `_`-joined kind and number (`art_3-1`, `subpara_5-1`,
/// `annex_2`), levels joined with `__`.
fn eid_shape_ok(eid: &str) -> bool {
    eid.split("__").all(|level| {
        level.split_once('_').is_some_and(|(kind, num)| {
            !kind.is_empty()
                && kind.chars().all(|c| c.is_ascii_lowercase())
                && !num.is_empty()
                && num.chars().all(|c| c.is_ascii_digit() || c == '-')
                && num.starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

#[test]
fn eval_set_rows_are_well_formed() {
    let rows = rows();
    assert!(rows.len() >= 30, "about 36 queries, found {}", rows.len());
    let mut ids = HashSet::new();
    let mut per_lang: HashMap<String, usize> = HashMap::new();
    let mut acts_used = HashSet::new();
    for (n, cols) in &rows {
        assert_eq!(cols.len(), 5, "line {n}: 5 columns, got {cols:?}");
        let (id, lang, query, relevant, why) = (&cols[0], &cols[1], &cols[2], &cols[3], &cols[4]);
        assert!(!id.trim().is_empty(), "line {n}: empty id");
        assert!(ids.insert(id.clone()), "line {n}: duplicate id {id}");
        assert!(
            lang == "kk" || lang == "ru",
            "line {n}: lang {lang:?} is not kk or ru"
        );
        *per_lang.entry(lang.clone()).or_default() += 1;
        assert!(!query.trim().is_empty(), "line {n}: empty query");
        assert!(!why.trim().is_empty(), "line {n}: empty why");
        let entries: Vec<&str> = relevant.split(' ').collect();
        assert!(
            !relevant.is_empty() && entries.iter().all(|e| !e.is_empty()),
            "line {n}: relevant {relevant:?} must be ACT#EID entries separated by one space"
        );
        let mut seen = HashSet::new();
        for e in entries {
            let (act, eid) = e
                .split_once('#')
                .unwrap_or_else(|| panic!("line {n}: {e:?} is not ACT#EID"));
            assert!(
                ACTS.contains(&act),
                "line {n}: {act:?} is not an act of the mirror sample"
            );
            assert!(eid_shape_ok(eid), "line {n}: eid {eid:?} is not an eid");
            assert!(seen.insert(e), "line {n}: {e} listed twice");
            acts_used.insert(act);
        }
    }
    // Half the queries in each language, and every act asked about.
    let (kk, ru) = (per_lang.get("kk"), per_lang.get("ru"));
    assert_eq!(kk, ru, "as many Kazakh as Russian queries");
    assert_eq!(acts_used.len(), ACTS.len(), "every act has a query");
}

#[test]
fn eid_shape_accepts_zanlex_eids_only() {
    for ok in [
        "para_3",
        "art_3-1__para_2",
        "art_9__subpara_5-1",
        "att_1__para_4__subpara_9",
        "att_1__annex_3",
        "att_1",
    ] {
        assert!(eid_shape_ok(ok), "{ok}");
    }
    for bad in [
        "para3",
        "art_",
        "Art_1",
        "att_1_para_2",
        "att_1__",
        "para_x",
    ] {
        assert!(!eid_shape_ok(bad), "{bad}");
    }
}
