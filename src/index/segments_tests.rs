//! Segments: a full build merges its segments at its end (a query pays for each one), and
//! incremental refreshes, each of which writes a small segment, do not pile segments up: small
//! ones are merged. A full rebuild is written beside the index and
//! swapped in, leaving nothing else beside it, and clears what killed builds left there.

use crate::test_support as common;

use crate::{refresh, BuildOptions, ZanIndex};
use std::path::Path;

fn segment_count(idx: &Path) -> usize {
    let index = ZanIndex::open(idx).unwrap();
    index
        .store()
        .tantivy()
        .searchable_segment_ids()
        .unwrap()
        .len()
}

fn live_documents(idx: &Path) -> u64 {
    ZanIndex::open(idx).unwrap().store().searcher().num_docs()
}

/// A copy of the bundled corpus in `tmp`, indexed fresh into `index` (relative to `tmp`);
/// the corpus copy, the index folder and its live documents.
fn built_copy(tmp: &Path, index: &str) -> (std::path::PathBuf, std::path::PathBuf, u64) {
    let corpus = tmp.join("corpus");
    common::copy_dir(Path::new("corpus"), &corpus);
    let idx = tmp.join(index);
    let built = refresh(&corpus, &idx, &BuildOptions::default()).unwrap();
    assert!(built.rebuilt && built.added.len() == 5, "{built:?}");
    let docs = live_documents(&idx);
    (corpus, idx, docs)
}

/// The bundled corpus is far below the size of a merged segment: its build, which the
/// indexing threads write as a segment each, leaves one.
#[test]
fn a_full_build_merges_its_segments() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, idx, _) = built_copy(tmp.path(), "index");
    assert_eq!(segment_count(&idx), 1);
}

#[test]
fn repeated_refreshes_merge_their_small_segments() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, idx, docs) = built_copy(tmp.path(), "index");
    let opts = BuildOptions::default();

    // Each round changes one file's bytes (a trailing blank line: same act), so its act's
    // documents are deleted and written again as a new segment.
    let files = ["000_59abb921da226678.txt", "002_5607aeb48d2f36af.txt"];
    for round in 0..8 {
        let file = corpus.join(files[round % files.len()]);
        let mut bytes = std::fs::read(&file).unwrap();
        bytes.push(b'\n');
        std::fs::write(&file, bytes).unwrap();
        let r = refresh(&corpus, &idx, &opts).unwrap();
        assert_eq!(r.updated.len(), 1, "round {round}: {r:?}");
        assert_eq!(live_documents(&idx), docs, "round {round}");
        // Without merges this would be the build's segments plus one a round.
        let segments = segment_count(&idx);
        assert!(segments <= 4, "round {round}: {segments} segments");
    }
}

/// A full rebuild over an existing index is written beside it and swapped in: afterwards the
/// folder holding the index holds the index alone (no `.index.new-…` staging folder, no
/// `.index.old-…` one with the replaced index), and the index answers with the new build.
#[test]
fn a_rebuild_swaps_its_index_in_and_leaves_nothing_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let (corpus, idx, docs) = built_copy(tmp.path(), "home/index");
    std::fs::remove_file(corpus.join("000_59abb921da226678.txt")).unwrap();
    let force = BuildOptions {
        force: true,
        ..BuildOptions::default()
    };
    let again = refresh(&corpus, &idx, &force).unwrap();
    assert!(again.rebuilt && again.added.len() == 4, "{again:?}");
    let beside: Vec<String> = std::fs::read_dir(&home)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["index"]);
    let now = live_documents(&idx);
    assert!(
        0 < now && now < docs,
        "{now} documents after the rebuild, {docs} before"
    );
}

/// Builds by earlier versions of zanlex, killed before or during their swap, left hidden
/// staging (`.new-`) and swapped-out (`.old-`) folders beside the index; a fresh build
/// removes those holding zanlex's marker once their process is gone, and leaves alone a
/// running build's folder (PID 1 always runs), another index's folders and folders zanlex
/// did not write.
#[cfg(target_os = "linux")]
#[test]
fn a_fresh_build_removes_the_folders_of_killed_builds() {
    let tmp = tempfile::tempdir().unwrap();
    // Above the kernel's largest PID (2^22), so no such process exists.
    let left_behind = [
        ".index.new-4194999",
        ".index.new-1",
        ".index.old-4194999",
        ".other.new-4194999",
        ".index.new-4194998",
    ];
    for name in left_behind {
        let p = tmp.path().join(name);
        std::fs::create_dir(&p).unwrap();
        std::fs::write(p.join("meta.json"), b"{}").unwrap();
        if name != ".index.new-4194998" {
            std::fs::write(p.join(crate::index::layout::MARKER), b"{}").unwrap();
        }
    }
    let built = refresh(
        Path::new("corpus"),
        &tmp.path().join("index"),
        &BuildOptions::default(),
    )
    .unwrap();
    assert!(built.rebuilt, "{built:?}");
    let mut beside: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(
        beside,
        [
            ".index.new-1",
            ".index.new-4194998",
            ".other.new-4194999",
            "index"
        ]
    );
}
