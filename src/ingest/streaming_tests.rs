//! Streaming ingestion (`ingest_corpus_streaming`, what `zanlex index` uses) hands over the
//! same linked acts as `ingest_corpus`, a chunk at a time, with linked files in one chunk.

use crate::ingest::{ingest_corpus, ingest_corpus_streaming};
use crate::Act;
use std::collections::BTreeMap;
use std::path::Path;

/// Streams `dir` and returns the acts by id and the ids of each chunk handed over.
fn stream(
    dir: &str,
    chunk_files: usize,
    keep_bytes: u64,
) -> (BTreeMap<String, Act>, Vec<Vec<String>>) {
    let mut acts = BTreeMap::new();
    let mut chunks = Vec::new();
    let failures = ingest_corpus_streaming(Path::new(dir), chunk_files, keep_bytes, |chunk| {
        chunks.push(chunk.iter().map(|a| a.id.clone()).collect());
        for a in chunk {
            assert!(
                acts.insert(a.id.clone(), a).is_none(),
                "an act was handed over twice"
            );
        }
        Ok(())
    })
    .expect("the sink never fails");
    assert!(failures.is_empty(), "{failures:?}");
    (acts, chunks)
}

/// Streaming with every chunk size and with or without kept acts gives `ingest_corpus`'s acts.
fn assert_same_as_ingest_corpus(dir: &str) -> BTreeMap<String, Act> {
    let report = ingest_corpus(Path::new(dir));
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let expected: BTreeMap<String, Act> =
        report.acts.into_iter().map(|a| (a.id.clone(), a)).collect();
    for (chunk_files, keep_bytes) in [(1, 0), (2, 0), (64, 0), (1, u64::MAX), (64, u64::MAX)] {
        let (got, _) = stream(dir, chunk_files, keep_bytes);
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "{dir}, chunks of {chunk_files}"
        );
        for (id, a) in &expected {
            let b = &got[id];
            assert_eq!(a.units, b.units, "{dir}: units of {id}");
            assert_eq!(a.versions, b.versions, "{dir}: versions of {id}");
            assert_eq!(a.amendments, b.amendments, "{dir}: amendments of {id}");
            assert_eq!(a, b, "{dir}: {id}");
        }
    }
    expected
}

#[test]
fn real_corpus_streams_the_same_acts() {
    let acts = assert_same_as_ingest_corpus("corpus");
    assert_eq!(acts.len(), 5);
    // One file per chunk: nothing in the bundled corpus links two of its files.
    let (_, chunks) = stream("corpus", 1, 0);
    assert_eq!(chunks.len(), 5);
}

#[test]
fn editions_of_one_act_stream_as_one_act_with_versions() {
    let acts = assert_same_as_ingest_corpus("tests/fixtures/versions/codes_104316_government");
    assert_eq!(acts.len(), 1);
    let act = acts.values().next().expect("one act");
    let ids: Vec<_> = act.versions.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["2022-11-05", "2023-04-19"]);
    // The two editions are one group: never split, even with chunks of one file.
    let (_, chunks) = stream("tests/fixtures/versions/codes_104316_government", 1, 0);
    assert_eq!(chunks.len(), 1);
}

#[test]
fn undated_and_dated_editions_stream_the_same() {
    assert_same_as_ingest_corpus("tests/fixtures/versions/ministerial_135478");
    assert_same_as_ingest_corpus("tests/fixtures/versions/local-astana_134470");
}

#[test]
fn amending_act_and_target_stream_in_one_chunk() {
    let acts = assert_same_as_ingest_corpus("tests/fixtures/amend/apply");
    assert_eq!(acts.len(), 2);
    let applied: Vec<_> = acts
        .values()
        .flat_map(|a| a.versions.iter())
        .filter(|v| v.id.starts_with("applied:"))
        .collect();
    assert_eq!(
        applied.len(),
        1,
        "the amending act is applied to its target"
    );
    let (_, chunks) = stream("tests/fixtures/amend/apply", 1, 0);
    assert_eq!(chunks.len(), 1);
    assert_eq!(chunks[0].len(), 2);
}

#[test]
fn an_error_from_the_sink_stops_the_run() {
    let mut calls = 0;
    let res = ingest_corpus_streaming(Path::new("corpus"), 1, 0, |_| {
        calls += 1;
        Err(crate::Error::Index {
            path: "x".into(),
            reason: "disk full".into(),
        })
    });
    assert!(res.is_err());
    assert_eq!(calls, 1);
}

#[test]
fn a_missing_folder_is_one_failure() {
    let failures = ingest_corpus_streaming(Path::new("no/such/folder"), 64, 0, |_| Ok(()))
        .expect("no sink call");
    assert_eq!(failures.len(), 1);
    assert!(failures[0].reason.contains("cannot read the corpus folder"));
}
