//! Incremental refresh across linked acts: a file whose own bytes did not change is written
//! again when an act it links to changes (the manifest's `acts_hash`), and not otherwise; and
//! after each refresh the index holds what a fresh build of the same corpus holds.

use crate::test_support::copy_dir;
use crate::{refresh, BuildOptions};
use std::path::{Path, PathBuf};

/// A copy of the amending-act fixture (a target and the act amending it) and where its index
/// goes, in a temporary folder.
fn amend_fixture() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_dir(Path::new("tests/fixtures/amend/apply"), &corpus);
    let idx = tmp.path().join("index");
    (tmp, corpus, idx)
}

#[test]
fn a_target_is_reindexed_when_its_amending_act_changes() {
    let (tmp, corpus, idx) = amend_fixture();
    let opts = BuildOptions::default();

    let first = refresh(&corpus, &idx, &opts).unwrap();
    assert!(first.rebuilt && first.failures.is_empty(), "{first:?}");
    assert_eq!(
        first.added,
        ["corpus/010_target.txt", "corpus/011_amending.txt"]
    );
    let again = refresh(&corpus, &idx, &opts).unwrap();
    assert!(!again.changed && again.unchanged == 2, "{again:?}");

    // The same bytes written again (new mtime): nothing to write.
    let target = corpus.join("010_target.txt");
    std::fs::write(&target, std::fs::read(&target).unwrap()).unwrap();
    let touched = refresh(&corpus, &idx, &opts).unwrap();
    assert!(
        touched.updated.is_empty() && touched.added.is_empty(),
        "{touched:?}"
    );

    // The target's applied version has the amending act's file as its source.
    let applied = documents(&idx)
        .into_iter()
        .filter(|d| d.2.starts_with("applied:") && d.4 == "corpus/011_amending.txt")
        .count();
    assert!(
        applied > 0,
        "the target has documents of its applied version"
    );

    // The amending act's publication date moves the date its instructions apply from: the
    // target's bytes are the same, but its applied version is not.
    std::fs::write(
        corpus.join("011_amending.meta.toml"),
        "publication_date = \"2020-05-20\"\n",
    )
    .unwrap();
    let linked = refresh(&corpus, &idx, &opts).unwrap();
    assert!(!linked.rebuilt, "{linked:?}");
    assert_eq!(
        linked.updated,
        ["corpus/010_target.txt", "corpus/011_amending.txt"],
        "{linked:?}"
    );
    // Writing the amending act again did not take the target's applied documents with it.
    assert_same_as_fresh(&corpus, &idx, tmp.path());
    let settled = refresh(&corpus, &idx, &opts).unwrap();
    assert!(!settled.changed, "{settled:?}");
}

/// Every live document of the index at `dir`: (`unit` or `act`, act id, version id, eid, file)
/// with its stored text (a unit's text, an act's JSON frame), sorted; what a fresh build of the
/// same corpus must also hold.
pub(crate) fn documents(dir: &Path) -> Vec<(String, String, String, String, String, String)> {
    use tantivy::collector::DocSetCollector;
    use tantivy::query::AllQuery;
    use tantivy::schema::Value;
    let index = crate::ZanIndex::open(dir).unwrap();
    let searcher = index.store().searcher();
    let schema = index.store().tantivy().schema();
    let mut out = Vec::new();
    for addr in searcher.search(&AllQuery, &DocSetCollector).unwrap() {
        let doc: tantivy::TantivyDocument = searcher.doc(addr).unwrap();
        let s = |name: &str| {
            let f = schema.get_field(name).unwrap();
            doc.get_first(f)
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        // `doc_type` is indexed, not stored: only unit documents have an eid.
        let eid = s("eid");
        let (kind, text) = if eid.is_empty() {
            ("act", s("act_json"))
        } else {
            ("unit", s("text"))
        };
        out.push((
            kind.to_string(),
            s("act_id"),
            s("version_id"),
            eid,
            s("file"),
            text,
        ));
    }
    out.sort();
    out
}

/// The index refreshed at `idx` holds what a fresh build of `corpus` holds.
pub(crate) fn assert_same_as_fresh(corpus: &Path, idx: &Path, tmp: &Path) {
    let fresh = tmp.join("fresh");
    if fresh.exists() {
        std::fs::remove_dir_all(&fresh).unwrap();
    }
    let built = refresh(corpus, &fresh, &BuildOptions::default()).unwrap();
    assert!(built.rebuilt, "{built:?}");
    let (got, want) = (documents(idx), documents(&fresh));
    assert!(!want.is_empty());
    let missing: Vec<_> = want.iter().filter(|d| !got.contains(d)).collect();
    let extra: Vec<_> = got.iter().filter(|d| !want.contains(d)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {} documents, first {:?}; {} extra, first {:?}",
        missing.len(),
        missing.first().map(|d| (&d.0, &d.1, &d.2, &d.3, &d.4)),
        extra.len(),
        extra.first().map(|d| (&d.0, &d.1, &d.2, &d.3, &d.4)),
    );
}

#[test]
fn a_refreshed_index_keeps_every_edition_of_an_act() {
    // A newer edition arrives, the older edition's file changes, the older one goes, then the
    // older one comes back and the newer one goes:
    // after each refresh the index holds what a fresh build holds.
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let editions = Path::new("tests/fixtures/versions/codes_104316_government");
    let old = "kaz@2c716769_v2022-11-05.md";
    let new = "kaz@0c5d4a0f_v2023-04-19.md";
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(editions.join(old), corpus.join(old)).unwrap();
    let idx = tmp.path().join("index");
    let opts = BuildOptions::default();
    refresh(&corpus, &idx, &opts).unwrap();

    std::fs::copy(editions.join(new), corpus.join(new)).unwrap();
    let added = refresh(&corpus, &idx, &opts).unwrap();
    assert!(!added.rebuilt && added.added.len() == 1, "{added:?}");
    assert_same_as_fresh(&corpus, &idx, tmp.path());

    let text = std::fs::read_to_string(corpus.join(old)).unwrap();
    let edited = text.replacen("мәртебесi", "мәртебесі", 1);
    assert_ne!(text, edited);
    std::fs::write(corpus.join(old), edited).unwrap();
    let updated = refresh(&corpus, &idx, &opts).unwrap();
    assert!(
        !updated.rebuilt && !updated.updated.is_empty(),
        "{updated:?}"
    );
    assert_same_as_fresh(&corpus, &idx, tmp.path());

    std::fs::remove_file(corpus.join(old)).unwrap();
    let removed = refresh(&corpus, &idx, &opts).unwrap();
    assert!(
        !removed.rebuilt && removed.removed.len() == 1,
        "{removed:?}"
    );
    assert_same_as_fresh(&corpus, &idx, tmp.path());

    // The older edition back and the newer one gone: the act is the older edition alone.
    std::fs::copy(editions.join(old), corpus.join(old)).unwrap();
    std::fs::remove_file(corpus.join(new)).unwrap();
    let swapped = refresh(&corpus, &idx, &opts).unwrap();
    assert!(
        !swapped.rebuilt && swapped.added.len() == 1 && swapped.removed.len() == 1,
        "{swapped:?}"
    );
    assert_same_as_fresh(&corpus, &idx, tmp.path());
}

#[test]
fn a_new_index_of_linked_files_holds_what_an_incremental_build_holds() {
    // An index built in one go and one that had its files added to it by a refresh must hold
    // the same documents and record the same manifest: after a change to an unrelated file,
    // both refresh that file alone and still agree.
    let unrelated = "000_59abb921da226678.txt";
    for fixture in [
        "tests/fixtures/versions/codes_104316_government",
        "tests/fixtures/versions/ministerial_135478",
        "tests/fixtures/versions/local-astana_134470",
        "tests/fixtures/amend/apply",
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        let idx = tmp.path().join("index");
        let opts = BuildOptions::default();
        let empty = refresh(&corpus, &idx, &opts).unwrap();
        assert!(empty.rebuilt, "{fixture}: {empty:?}");
        copy_dir(Path::new(fixture), &corpus);
        std::fs::copy(Path::new("corpus").join(unrelated), corpus.join(unrelated)).unwrap();
        let files = crate::ingest::corpus_files(&corpus).unwrap().len();
        let incremental = refresh(&corpus, &idx, &opts).unwrap();
        assert!(
            !incremental.rebuilt && incremental.added.len() == files,
            "{fixture}: {incremental:?}"
        );
        // Builds `fresh` (a new index) and compares.
        assert_same_as_fresh(&corpus, &idx, tmp.path());
        let fresh = tmp.path().join("fresh");
        let units = documents(&fresh).iter().filter(|d| d.0 == "unit").count();
        assert_eq!(units, incremental.units_indexed, "{fixture}");

        let touched = corpus.join(unrelated);
        let mut bytes = std::fs::read(&touched).unwrap();
        bytes.push(b'\n');
        std::fs::write(&touched, bytes).unwrap();
        for index in [&idx, &fresh] {
            let r = refresh(&corpus, index, &opts).unwrap();
            assert_eq!(
                (r.updated.len(), r.added.len(), r.unchanged),
                (1, 0, files - 1),
                "{fixture}: {r:?}"
            );
        }
        assert_eq!(documents(&idx), documents(&fresh), "{fixture}");
    }
}
