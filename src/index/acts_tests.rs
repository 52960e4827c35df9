//! Acts read back from the index are the acts ingestion made: the stored act (its frame) leaves
//! out the texts its unit documents hold, and reading it puts them back.

use crate::test_support as common;

use crate::Act;
use crate::{refresh, BuildOptions, ZanIndex};
use std::path::Path;

fn by_file_and_id(mut acts: Vec<Act>) -> Vec<Act> {
    acts.sort_by(|a, b| a.source.file.cmp(&b.source.file).then(a.id.cmp(&b.id)));
    acts
}

/// Builds an index of `corpus` and checks what it reads back against what ingestion gives.
fn round_trip(corpus: &Path) {
    let tmp = tempfile::tempdir().unwrap();
    let report = refresh(corpus, &tmp.path().join("index"), &BuildOptions::default()).unwrap();
    assert!(report.failures.is_empty(), "{report:?}");
    let index = ZanIndex::open(tmp.path().join("index")).unwrap();
    let ingested = by_file_and_id(crate::ingest::ingest_corpus(corpus).acts);
    assert!(!ingested.is_empty());
    let read = index.acts().unwrap();
    assert_eq!(read.len(), ingested.len());
    for (got, want) in read.iter().zip(&ingested) {
        assert!(got == want, "act {} differs once read back", want.id);
        assert_eq!(index.act(&want.id).unwrap(), *want);
    }
    // The outline: the same acts, with texts empty or as ingested.
    let mut outlines = Vec::new();
    index
        .for_each_act_outline(|a| {
            outlines.push(a);
            Ok(())
        })
        .unwrap();
    let outlines = by_file_and_id(outlines);
    assert_eq!(outlines.len(), ingested.len());
    let (mut emptied, mut quotes_emptied) = (0, 0);
    let with_quotes = ingested
        .iter()
        .flat_map(|a| &a.instructions)
        .any(|i| i.new_text.as_deref().is_some_and(|q| !q.is_empty()));
    for (got, want) in outlines.iter().zip(&ingested) {
        assert_eq!(got.id, want.id);
        assert_eq!(got.versions.len(), want.versions.len());
        let (got_units, want_units) = (got.all_units(), want.all_units());
        assert_eq!(got_units.len(), want_units.len());
        for (g, w) in got_units.iter().zip(&want_units) {
            assert_eq!(g.eid, w.eid);
            assert!(
                g.text.is_empty() || g.text == w.text,
                "{} {}",
                want.id,
                w.eid
            );
            emptied += usize::from(g.text.is_empty() && !w.text.is_empty());
        }
        // An amending act's quotes are read from its units' texts: empty too, or as ingested.
        assert_eq!(got.instructions.len(), want.instructions.len());
        for (g, w) in got.instructions.iter().zip(&want.instructions) {
            let empty = g.new_text.as_deref().is_none_or(str::is_empty);
            assert!(
                empty || g.new_text == w.new_text,
                "{} {}",
                want.id,
                w.source_eid
            );
            quotes_emptied +=
                usize::from(empty && w.new_text.as_deref().is_some_and(|q| !q.is_empty()));
        }
    }
    assert!(emptied > 0, "the outline leaves texts out");
    // The listing reads only a summary of each stored act, a page the outlines of its acts:
    // both summarize the acts as ingested.
    let list = index.act_list(&[]).unwrap();
    let page = index.act_list_page(&[], 0, usize::MAX).unwrap();
    assert_eq!(list, page);
    let key = |s: &crate::ActSummary| (s.id.clone(), s.lang, s.source.file.clone());
    let mut listed: Vec<crate::ActSummary> =
        list.acts.into_iter().flat_map(|e| e.expressions).collect();
    listed.sort_by_key(key);
    let mut want: Vec<crate::ActSummary> = ingested.iter().map(crate::ActSummary::of).collect();
    want.sort_by_key(key);
    assert_eq!(listed, want);
    if with_quotes {
        assert!(
            quotes_emptied > 0,
            "the frame stores quotes as places in unit texts"
        );
    }
}

#[test]
fn the_corpus_reads_back_as_ingested() {
    round_trip(Path::new("corpus"));
}

#[test]
fn editions_read_back_as_ingested() {
    // Three acts in two or three editions each, in one corpus.
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    for act in std::fs::read_dir("tests/fixtures/versions").unwrap() {
        common::copy_dir(&act.unwrap().path(), &corpus);
    }
    round_trip(&corpus);
}

#[test]
fn applied_versions_read_back_as_ingested() {
    round_trip(Path::new("tests/fixtures/amend/apply"));
}
