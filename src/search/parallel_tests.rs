//! A search whose segments are searched at once answers as the one that searches them in
//! turn: the same hits, scores and order, on an index of several segments. Both are checked
//! against a fresh index of the same acts in one segment, whose hits need no merge.

use super::{search_with, SearchRequest};
use crate::test_support as common;
use crate::{refresh, BuildOptions, ZanIndex};
use std::collections::BTreeSet;
use std::path::Path;

const FILES: [&str; 5] = [
    "000_59abb921da226678.txt",
    "001_e93b22564f257a40.txt",
    "002_5607aeb48d2f36af.txt",
    "003_0165b7296e38fd1a.txt",
    "004_46f9999d47256b55.txt",
];

/// Each hit as `act eid lang score`, in rank order.
fn answer(index: &ZanIndex, req: &SearchRequest, pool: &tantivy::Executor) -> Vec<String> {
    search_with(index.store(), req, pool)
        .unwrap()
        .hits
        .iter()
        .map(|h| format!("{} {} {} {}", h.act.id, h.unit.eid, h.lang, h.score))
        .collect()
}

/// `hits` (from [`answer`]) with the hits of one score in their own order, less those of the
/// lowest score when there are `limit` hits: which of them made the limit depends on the
/// documents' order.
fn by_score(hits: &[String], limit: usize) -> Vec<(String, Vec<&str>)> {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for h in hits {
        let (hit, score) = h.rsplit_once(' ').unwrap();
        match groups.last_mut() {
            Some((s, g)) if s == score => g.push(hit),
            _ => groups.push((score.to_string(), vec![hit])),
        }
    }
    if hits.len() == limit {
        groups.pop();
    }
    groups.iter_mut().for_each(|(_, g)| g.sort_unstable());
    groups
}

fn act_ids(index: &Path) -> BTreeSet<String> {
    ZanIndex::open(index)
        .unwrap()
        .act_ids()
        .unwrap()
        .into_iter()
        .collect()
}

#[test]
fn segments_searched_at_once_answer_as_in_turn() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let copy = |name: &str| {
        std::fs::copy(Path::new("corpus").join(name), corpus.join(name)).unwrap();
    };
    // The first three files built, then one file a refresh: each refresh writes a segment
    // of its own, and no document is deleted (the statistics are those of a fresh index).
    let split = tmp.path().join("split");
    let opts = BuildOptions::default();
    FILES[..3].iter().for_each(|f| copy(f));
    refresh(&corpus, &split, &opts).unwrap();
    let first = act_ids(&split);
    for f in &FILES[3..] {
        copy(f);
        refresh(&corpus, &split, &opts).unwrap();
    }
    let later: BTreeSet<String> = act_ids(&split).difference(&first).cloned().collect();
    assert_eq!((first.len(), later.len()), (3, 2));
    let fresh = tmp.path().join("fresh");
    common::copy_dir(&corpus, &tmp.path().join("all"));
    refresh(&tmp.path().join("all"), &fresh, &opts).unwrap();

    // The fresh index in one segment, whose hits need no merge.
    {
        let index = ZanIndex::open(&fresh).unwrap().store().tantivy().clone();
        let ids = index.searchable_segment_ids().unwrap();
        if ids.len() > 1 {
            let mut writer: tantivy::IndexWriter =
                index.writer_with_num_threads(1, 15_000_000).unwrap();
            writer.merge(&ids).wait().unwrap();
            writer.wait_merging_threads().unwrap();
        }
    }
    let split = ZanIndex::open(&split).unwrap();
    let fresh = ZanIndex::open(&fresh).unwrap();
    assert_eq!(fresh.store().searcher().segment_readers().len(), 1);
    let segments = split.store().searcher().segment_readers().len();
    assert!(segments >= 3, "{segments} segments");
    let one = tantivy::Executor::single_thread();
    let pool = tantivy::Executor::multi_thread(2, "zanlex-test-").unwrap();
    let queries = [
        "уақытша тұру",
        "рұқсат",
        "шетел азаматтары",
        "құжаттар",
        "\"уақытша тіркеу\"",
        "виза",
    ];
    let mut mixed = 0;
    for q in queries {
        for limit in [1, 3, 10, 50] {
            let req = SearchRequest::new(q).limit(limit).references(false);
            let at_once = answer(&split, &req, &pool);
            assert!(!at_once.is_empty(), "{q}: no hit");
            assert_eq!(at_once, answer(&split, &req, &one), "{q}, limit {limit}");
            // The fresh index numbers the documents otherwise: hits of equal score may come
            // in another order, and at the limit, others of that score may take the last places.
            assert_eq!(
                by_score(&at_once, limit),
                by_score(&answer(&fresh, &req, &one), limit),
                "{q}, limit {limit}"
            );
            let acts: BTreeSet<&str> = at_once.iter().filter_map(|h| h.split(' ').next()).collect();
            if acts.iter().any(|a| first.contains(*a)) && acts.iter().any(|a| later.contains(*a)) {
                mixed += 1;
            }
        }
    }
    // The merge is put to the test: 10 of the 24 answers (those of limit 1 hold one hit) hold
    // hits of the first segment and of the later ones.
    assert_eq!(mixed, 10, "answers with hits of several segments");
}
