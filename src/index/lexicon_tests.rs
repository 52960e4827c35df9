//! The lexicon's counts follow each refresh (`tests/fixtures/mirror`, bilingual acts): after
//! an act's Russian text changes, after an act is removed and after it comes back, the
//! lexicon stored with the commit is the one learned from every act afresh, and it was made by
//! updating the counts stored with the commit before it, not by counting every act again.

use super::{learn, StoredCounts, COUNTS_FILE, LEXICON_FILE};
use crate::index::layout::IndexDir;
use crate::index::Store;
use crate::lexicon::Lexicon;
use crate::test_support::copy_dir;
use crate::{refresh, BuildOptions};
use std::path::{Path, PathBuf};

/// The folder of the rules on keeping dogs and cats (89455) in the mirror fixtures.
const DOGS_AND_CATS: &str = "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/\
    15400000-almatinskoi-oblasti/2015/0327-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-sobak-i-koshek-otlo-89455";

fn current(idx: &Path) -> PathBuf {
    IndexDir::new(idx).current().expect("a current generation")
}

/// The counts stored with the index's commit.
fn counts(idx: &Path) -> StoredCounts {
    let bytes = std::fs::read(current(idx).join(COUNTS_FILE)).expect("counts file");
    postcard::from_bytes(&bytes).expect("counts")
}

/// The lexicon stored with the index's commit, checked to name that commit.
fn stored(idx: &Path) -> Lexicon {
    let bytes = std::fs::read(current(idx).join(LEXICON_FILE)).expect("lexicon file");
    let stored: super::StoredLexicon = serde_json::from_slice(&bytes).expect("lexicon");
    let store = Store::open(idx).expect("index");
    assert_eq!(stored.commit, super::commit_key(&store.searcher()));
    assert_eq!(stored.commit, counts(idx).commit);
    let mut lexicon = stored.lexicon;
    lexicon.reindex();
    lexicon
}

/// The lexicon learned from every act of the index.
fn learned(idx: &Path) -> Lexicon {
    learn(&Store::open(idx).expect("index")).expect("learned")
}

/// Refreshes in place (not a rebuild) and checks that the stored lexicon is the learned one.
fn refreshed(corpus: &Path, idx: &Path) -> Lexicon {
    let report = refresh(corpus, idx, &BuildOptions::default()).expect("refresh");
    assert!(report.changed && !report.rebuilt, "{report:?}");
    let lexicon = stored(idx);
    assert_eq!(lexicon, learned(idx));
    lexicon
}

#[test]
fn a_refresh_updates_the_stored_counts_to_those_of_every_act() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let idx = tmp.path().join("index");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mirror"),
        &corpus,
    );
    refresh(&corpus, &idx, &BuildOptions::default()).expect("build");
    let built = stored(&idx);
    assert_eq!(counts(&idx).updates, 0);
    assert_eq!(built, learned(&idx));
    assert!(built.pairs().len() > 20, "{}", built.pairs().len());

    // One act's Russian text: «кошек» becomes «котов» throughout.
    let russian = corpus.join(DOGS_AND_CATS).join("rus.md");
    let text = std::fs::read_to_string(&russian).unwrap();
    assert!(text.matches("кошек").count() > 10);
    std::fs::write(&russian, text.replace("кошек", "котов")).unwrap();
    let edited = refreshed(&corpus, &idx);
    assert_eq!(counts(&idx).updates, 1);
    assert_ne!(edited, built);
    assert_eq!(edited.units(), built.units());

    // The act gone: its aligned units go from the counts.
    let aside = tmp.path().join("aside");
    copy_dir(&corpus.join(DOGS_AND_CATS), &aside);
    std::fs::remove_dir_all(corpus.join(DOGS_AND_CATS)).unwrap();
    let removed = refreshed(&corpus, &idx);
    assert_eq!(counts(&idx).updates, 2);
    assert!(removed.units() < edited.units());

    // Back again: the lexicon of the corpus as it was after the edit.
    copy_dir(&aside, &corpus.join(DOGS_AND_CATS));
    assert_eq!(refreshed(&corpus, &idx), edited);
    assert_eq!(counts(&idx).updates, 3);

    // Counts of another commit are not used: every act is counted again.
    std::fs::write(current(&idx).join(COUNTS_FILE), b"not counts").unwrap();
    std::fs::write(&russian, text).unwrap();
    assert_eq!(refreshed(&corpus, &idx), built);
    assert_eq!(counts(&idx).updates, 0);
}
